//! The range lives in the URL (`?usage=1h`): reload, back/forward and shared links keep it.
//! The other query pairs (history tab, log filters) are kept as they are.

use crate::domain::usage::range::{with_range, Range};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// `?usage=` as read (`None`: absent) and a way to change it.
#[derive(Clone, Copy)]
pub struct RangeInUrl {
    pub value: Memo<Option<Range>>,
    set: Callback<Option<Range>>,
}

impl RangeInUrl {
    pub fn new() -> RangeInUrl {
        let query = use_query_map();
        let location = use_location();
        let value = Memo::new(move |_| query.with(|q| q.get("usage").map(|v| Range::parse(&v))));
        let navigate = use_navigate();
        let set = Callback::new(move |next: Option<Range>| {
            let path = location.pathname.get_untracked();
            let q = query.get_untracked();
            let pairs: Vec<(String, String)> = q
                .latest_values()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            let search = with_range(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), next);
            navigate(
                &format!("{path}{search}"),
                NavigateOptions {
                    scroll: false,
                    replace: false,
                    ..Default::default()
                },
            );
        });
        RangeInUrl { value, set }
    }

    pub fn range(&self) -> Range {
        self.value.get().unwrap_or_default()
    }

    pub fn set(&self, range: Option<Range>) {
        self.set.run(range);
    }
}
