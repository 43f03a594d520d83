//! The Logs toolbar's smaller controls: the op menu, the level checkboxes "Output",
//! "Errors" and "System", and "Follow" with "Jump to latest".

use super::model::LogModel;
use crate::domain::logs::filter::{Levels, LogFilter};
use leptos::prelude::*;

/// "Op": every op id seen, and the one the URL names even before its lines arrive.
#[component]
pub fn OpSelect(
    model: LogModel,
    filter: Memo<LogFilter>,
    change: Callback<LogFilter>,
) -> impl IntoView {
    let ops = Memo::new(move |_| {
        model.version.track();
        model.store.with_value(|s| s.ops())
    });
    view! {
        <label class="log-op-select">
            "Op "
            <select
                prop:value=move || filter.with(|f| f.op.clone().unwrap_or_default())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let mut f = filter.get_untracked();
                    f.op = Some(v).filter(|v| !v.is_empty());
                    change.run(f);
                }
            >
                <option value="">"All ops"</option>
                {move || {
                    let selected = filter.with(|f| f.op.clone());
                    let mut list = ops.get();
                    if let Some(op) = selected.filter(|op| !list.contains(op)) {
                        list.push(op);
                    }
                    list.into_iter()
                        .map(|op| view! { <option value=op.clone()>{op.clone()}</option> })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// "Levels": "Output", "Errors", "System".
#[component]
pub fn LevelBoxes(filter: Memo<LogFilter>, change: Callback<LogFilter>) -> impl IntoView {
    let level = move |name: &'static str, pick: fn(&mut Levels) -> &mut bool| {
        let checked = move || {
            let mut l = filter.with(|f| f.levels);
            *pick(&mut l)
        };
        view! {
            <label class="chip">
                <input
                    type="checkbox"
                    prop:checked=checked
                    on:change=move |ev| {
                        let mut f = filter.get_untracked();
                        *pick(&mut f.levels) = event_target_checked(&ev);
                        change.run(f);
                    }
                />
                {name}
            </label>
        }
    };
    view! {
        <fieldset class="log-levels">
            <legend>"Levels"</legend>
            {level("Output", |l| &mut l.output)}
            {level("Errors", |l| &mut l.errors)}
            {level("System", |l| &mut l.system)}
        </fieldset>
    }
}

/// "Follow", and while it is off "Jump to latest" with the count of lines since.
#[component]
pub fn FollowControls(model: LogModel) -> impl IntoView {
    view! {
        <label class="chip log-follow">
            <input
                type="checkbox"
                prop:checked=move || model.following.get()
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    model.following.set(on);
                    if on {
                        model.unseen.set(0);
                    }
                }
            />
            "Follow"
        </label>
        <button
            type="button"
            class="btn log-jump"
            hidden=move || model.following.get()
            on:click=move |_| {
                model.unseen.set(0);
                model.following.set(true);
            }
        >
            "Jump to latest"
            {move || match model.unseen.get() {
                0 => String::new(),
                1 => " (1 new line)".to_string(),
                n => format!(" ({n} new lines)"),
            }}
        </button>
    }
}
