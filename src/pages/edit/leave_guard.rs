//! Asks before unsaved changes are lost: the browser's own prompt on reload or
//! tab close (`beforeunload`), and an in-page confirmation for links inside the
//! app. The browser's Back and Forward cannot be held up (the address has
//! already changed when the page hears of it), so they keep the unsaved text
//! instead, and the edit page puts it back on return. All listeners are
//! removed when the page goes away.

use crate::client::Drafts;
use leptos::ev;
use leptos::html::Button;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

#[component]
pub fn LeaveGuard(#[prop(into)] dirty: Signal<bool>) -> impl IntoView {
    let is_dirty = move || dirty.try_get_untracked().unwrap_or(false);

    let unload = window_event_listener(ev::beforeunload, move |ev| {
        if is_dirty() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || unload.remove());

    let drafts = Drafts::use_drafts();
    drafts.watch_page(dirty);
    on_cleanup(move || drafts.unwatch_page());

    // Where an intercepted in-app link was going.
    let leaving = RwSignal::new(None::<String>);
    // The capture phase runs before the router's own click handling.
    capture_on_window("click", move |ev: web_sys::MouseEvent| {
        if !is_dirty() {
            return;
        }
        if let Some(href) = in_app_link(&ev) {
            ev.prevent_default();
            leaving.set(Some(href));
        }
    });

    let navigate = use_navigate();
    let stay_button = NodeRef::<Button>::new();
    Effect::new(move |_| {
        if leaving.with(|l| l.is_some()) {
            if let Some(button) = stay_button.get() {
                let _ = button.focus();
            }
        }
    });
    let leave = move |_| {
        if let Some(href) = leaving.get_untracked() {
            leaving.set(None);
            navigate(&href, Default::default());
        }
    };
    let stay = move |_| leaving.set(None);

    view! {
        <Show when=move || leaving.with(|l| l.is_some())>
            <div
                class="leave-confirm"
                role="alertdialog"
                aria-labelledby="leave-confirm-title"
                aria-describedby="leave-confirm-text"
                on:keydown=move |ev: ev::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        leaving.set(None);
                    }
                }
            >
                <p id="leave-confirm-title" class="leave-confirm-title">
                    "Leave without saving?"
                </p>
                <p id="leave-confirm-text">
                    "Changes on this page have not been saved and will be lost."
                </p>
                <div class="leave-confirm-actions">
                    <button type="button" class="btn btn-danger" on:click=leave.clone()>
                        "Leave without saving"
                    </button>
                    <button type="button" class="btn" node_ref=stay_button on:click=stay>
                        "Stay on this page"
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// Listens on `window` in the capture phase until the current page goes away.
fn capture_on_window<E: JsCast + 'static>(event: &'static str, handler: impl Fn(E) + 'static) {
    let callback = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Ok(ev) = ev.dyn_into::<E>() {
            handler(ev);
        }
    });
    let _ = window().add_event_listener_with_callback_and_bool(
        event,
        callback.as_ref().unchecked_ref(),
        true,
    );
    // Cleanups run before the owner's values are dropped, so the closure is still here.
    let callback = StoredValue::new_local(Some(callback));
    on_cleanup(move || {
        if let Some(Some(callback)) = callback.try_update_value(Option::take) {
            let _ = window().remove_event_listener_with_callback_and_bool(
                event,
                callback.as_ref().unchecked_ref(),
                true,
            );
        }
    });
}

/// The path of the same-origin link a plain left click is following, if any.
fn in_app_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let anchor = target.closest("a[href]").ok()??;
    if anchor.has_attribute("target") || anchor.has_attribute("download") {
        return None;
    }
    let href = anchor.get_attribute("href")?;
    (href.starts_with('/') && !href.starts_with("//")).then_some(href)
}
