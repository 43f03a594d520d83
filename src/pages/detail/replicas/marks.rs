//! Restarts and stops sent from the replica panel, as notes in the Logs tab: the node's
//! own lines about them may come late or never, so the page says what it asked for.

use super::Watch;
use crate::api::node::routes::OpAction;
use crate::domain::units::{format_exact, short_id};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// One restart or stop sent to a node.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub job: String,
    /// "Replica 1".
    pub replica: String,
    pub op: String,
    pub action: OpAction,
    pub at: DateTime<Utc>,
    /// The node's answer in words, or why it failed.
    pub answer: Result<String, String>,
}

impl Mark {
    /// "System: restart of op web on Replica 1 (job 7xKX…) sent at …; the node answered: …".
    pub fn text(&self) -> String {
        let what = match self.action {
            OpAction::Restart => "restart",
            OpAction::Stop => "stop",
        };
        let answer = match &self.answer {
            Ok(m) => format!("the node answered: {m}"),
            Err(e) => format!("it failed: {e}"),
        };
        format!(
            "System: {what} of op {} on {} (job {}) sent at {}; {answer}",
            self.op,
            self.replica,
            short_id(&self.job),
            format_exact(self.at)
        )
    }
}

/// The notes, for the Logs view; nothing outside a page with a replica panel.
#[component]
pub fn OpMarks() -> impl IntoView {
    let watch = use_context::<Watch>();
    move || {
        let watch = watch?;
        let marks = watch.marks.get();
        (!marks.is_empty()).then(|| {
            marks
                .into_iter()
                .map(|m| {
                    view! {
                        <p class="log-note log-op-mark" data-job=m.job.clone()>
                            {m.text()}
                        </p>
                    }
                })
                .collect_view()
        })
    }
}
