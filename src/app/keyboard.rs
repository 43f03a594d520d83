//! The app's keyboard shortcuts (`domain::shortcuts`): one keydown listener
//! for the whole app, the "Keyboard shortcuts" dialog and the "Go to
//! deployment" palette. Nothing fires while a dialog is open or the user types
//! in a field. The two dialogs' code is in the `on_first_use` chunk (with the
//! bulk bar), fetched the first time one of them opens: the list's first view
//! does not need it. One chunk for the three, not one each: every split point
//! makes wasm-split cut the code the pages share into more, smaller chunks.

use crate::client::use_auth;
use crate::components::follow_link::follow_link;
use crate::components::on_first_use::OnFirstUse;
use crate::components::palette::Palette;
use crate::components::shortcuts_dialog::ShortcutsDialog;
use crate::domain::shortcuts::{read, KeyPress, Outcome, Shortcut, SEQUENCE_MS};
use crate::url_state::paths;
use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use wasm_bindgen::JsCast;

/// The list page's search box.
const LIST_SEARCH: &str = ".filters input[type=\"search\"]";

#[component]
pub fn Keyboard() -> impl IntoView {
    let auth = use_auth();
    let help = RwSignal::new(false);
    let palette = RwSignal::new(false);
    // When `g` was pressed (ms since the epoch), waiting for `d`.
    let g_at = StoredValue::new(None::<f64>);

    let listener = window_event_listener(ev::keydown, move |ev| {
        if ev.default_prevented() || ev.is_composing() || dialog_open() {
            return;
        }
        let key = ev.key();
        let press = KeyPress {
            key: &key,
            ctrl: ev.ctrl_key(),
            meta: ev.meta_key(),
            alt: ev.alt_key(),
            repeat: ev.repeat(),
            in_field: typing_target(&ev),
        };
        let now = js_sys::Date::now();
        let after_g = g_at
            .get_value()
            .is_some_and(|at| now - at <= SEQUENCE_MS as f64);
        let outcome = read(&press, after_g);
        g_at.set_value((outcome == Outcome::AwaitSecond).then_some(now));
        let Outcome::Run(shortcut) = outcome else {
            return;
        };
        let signed_in = auth.config.with_untracked(Option::is_some);
        let done = match shortcut {
            Shortcut::ShowHelp => {
                help.set(true);
                true
            }
            _ if !signed_in => false,
            Shortcut::FocusSearch => focus_list_search(),
            Shortcut::NewDeployment => {
                follow_link(paths::NEW_DEPLOYMENT);
                true
            }
            Shortcut::GoToList => {
                follow_link(paths::DEPLOYMENTS);
                true
            }
            Shortcut::OpenPalette => {
                palette.set(true);
                true
            }
        };
        if done {
            // `/` is not typed into the search it focused; Ctrl+K is not the browser's.
            ev.prevent_default();
        }
    });
    on_cleanup(move || listener.remove());

    // A dialog whose code could not be fetched stays closed; the key tries again.
    view! {
        <OnFirstUse when=help load=move || shortcuts_dialog(help) failed=close(help) />
        <OnFirstUse when=palette load=move || palette_dialog(palette) failed=close(palette) />
    }
}

fn close(open: RwSignal<bool>) -> Callback<()> {
    Callback::new(move |_| open.set(false))
}

#[wasm_split(on_first_use, wasm_split_path = ::leptos::wasm_split, fallible)]
fn shortcuts_dialog(open: RwSignal<bool>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ShortcutsDialog open=open /> }.into_any())
}

#[wasm_split(on_first_use, wasm_split_path = ::leptos::wasm_split, fallible)]
fn palette_dialog(open: RwSignal<bool>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Palette open=open /> }.into_any())
}

fn dialog_open() -> bool {
    document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some()
}

/// Focus is where keys type text: a text input, textarea, select or editable
/// element. Checkboxes, radios and buttons take no text.
fn typing_target(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    if el.is_content_editable() {
        return true;
    }
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => {
            let kind = el.get_attribute("type").unwrap_or_default().to_lowercase();
            !matches!(
                kind.as_str(),
                "checkbox" | "radio" | "button" | "submit" | "reset" | "range" | "color" | "file"
            )
        }
        _ => false,
    }
}

fn focus_list_search() -> bool {
    let Some(input) = document()
        .query_selector(LIST_SEARCH)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    input.focus().is_ok()
}
