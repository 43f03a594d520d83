//! One action button, enabled exactly as the status table says; when it is
//! not, the reason is shown beside it and tied to it for screen readers.

use crate::api::models::Status;
use crate::domain::status::{check, Action};
use leptos::prelude::*;

#[component]
pub fn ActionButton(
    action: Action,
    #[prop(into)] status: Signal<Status>,
    /// Another request of the page is in flight: no second one meanwhile.
    #[prop(into)]
    busy: Signal<bool>,
    #[prop(optional)] danger: bool,
    on_press: Callback<()>,
) -> impl IntoView {
    let reason_id = format!("detail-{}-reason", action.label().to_ascii_lowercase());
    let reason = Memo::new(move |_| check(action, status.get()).err());
    let blocked = move || reason.with(Option::is_some);
    let described_by = {
        let reason_id = reason_id.clone();
        move || blocked().then(|| reason_id.clone())
    };
    let class = if danger { "btn btn-danger" } else { "btn" };
    view! {
        <div class="detail-action">
            <button
                type="button"
                class=class
                disabled=move || blocked() || busy.get()
                aria-describedby=described_by
                title=move || reason.get()
                on:click=move |_| on_press.run(())
            >
                {action.label()}
            </button>
            {move || {
                reason
                    .get()
                    .map(|text| {
                        view! {
                            <span id=reason_id.clone() class="detail-action-reason">
                                {text}
                            </span>
                        }
                    })
            }}
        </div>
    }
}
