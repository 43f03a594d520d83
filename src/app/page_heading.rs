//! The tab's title and where focus goes when the route changes, both taken
//! from the page's `h1`: a screen reader hears where a link led, and keyboard
//! focus starts at the top of the new page instead of on a removed link.
//!
//! It watches the DOM under `<main>` rather than asking every page to report:
//! the detail page's heading (the deployment's name) arrives after its data, a
//! rename changes it, and a lazily loaded page appears only once its code is
//! there (the router keeps the old page until then), all without page code.

use crate::domain::titles::document_title;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

// Declared here rather than through web-sys features: enabling features there
// rebuilds web-sys and every crate above it.
#[wasm_bindgen]
extern "C" {
    type MutationObserver;
    #[wasm_bindgen(constructor, catch)]
    fn new(callback: &js_sys::Function) -> Result<MutationObserver, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn observe(this: &MutationObserver, target: &Element, options: &JsValue)
        -> Result<(), JsValue>;
}

const ANNOUNCER_ID: &str = "page-announcer";

#[derive(Default)]
struct Watch {
    /// The route path of the page shown; `None` until the first page's heading
    /// appeared (the first load moves no focus and announces nothing).
    path: Option<String>,
    /// The heading seen last.
    heading: Option<Element>,
    /// After a route change, the previous page's heading, until the new page's
    /// heading has focus and the user takes over (a pointer, a key, or focus
    /// moved elsewhere by the page itself, e.g. a dialog).
    pending: Option<Option<Element>>,
    announced: String,
}

/// The polite live region that names the page after a route change; watches
/// `<main>` from when it is mounted. Place it inside the router, after `<main>`.
#[component]
pub fn PageAnnouncer() -> impl IntoView {
    let path = use_location().pathname;
    let watch = Rc::new(RefCell::new(Watch::default()));
    let settle = {
        let watch = Rc::clone(&watch);
        move || {
            if let Ok(mut watch) = watch.try_borrow_mut() {
                settle(&mut watch, path.get_untracked());
            }
        }
    };
    Effect::new({
        let settle = settle.clone();
        let watch = Rc::clone(&watch);
        move |installed: Option<()>| {
            path.track();
            if installed.is_none() {
                install(settle.clone(), Rc::clone(&watch));
            }
            settle();
        }
    });
    view! { <p id=ANNOUNCER_ID class="visually-hidden" aria-live="polite" aria-atomic="true" /> }
}

/// Observes `<main>` and the user's first input after each route change.
/// Both live as long as the app: the closures are handed to the browser.
fn install(settle: impl Fn() + Clone + 'static, watch: Rc<RefCell<Watch>>) {
    let Some(main) = document().get_element_by_id("main") else {
        return;
    };
    let on_change = Closure::<dyn Fn()>::new(settle).into_js_value();
    if let Ok(observer) = MutationObserver::new(on_change.unchecked_ref()) {
        let options = js_sys::Object::new();
        for option in ["childList", "subtree", "characterData"] {
            let _ = js_sys::Reflect::set(&options, &option.into(), &JsValue::TRUE);
        }
        let _ = observer.observe(&main, &options);
    }
    let taken_over = {
        let watch = Rc::clone(&watch);
        Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            // The heading taking focus is this module's own doing.
            let on_heading = ev
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|el| el.tag_name().eq_ignore_ascii_case("h1"));
            if !(ev.type_() == "focusin" && on_heading) {
                if let Ok(mut watch) = watch.try_borrow_mut() {
                    watch.pending = None;
                }
            }
        })
        .into_js_value()
    };
    for event in ["pointerdown", "keydown", "focusin"] {
        let _ = document().add_event_listener_with_callback_and_bool(
            event,
            taken_over.unchecked_ref(),
            true,
        );
    }
}

fn settle(watch: &mut Watch, path: String) {
    let doc = document();
    let heading = doc
        .get_element_by_id("main")
        .and_then(|main| main.query_selector("h1").ok().flatten());
    let title = document_title(
        &heading
            .as_ref()
            .and_then(|h| h.text_content())
            .unwrap_or_default(),
    );
    if doc.title() != title {
        doc.set_title(&title);
    }
    // Loading, or a page whose code failed to download: wait for a heading.
    let Some(heading) = heading else { return };
    match &watch.path {
        None => watch.path = Some(path),
        Some(shown) if *shown != path => {
            watch.pending = Some(watch.heading.take());
            watch.path = Some(path);
            watch.announced.clear();
        }
        Some(_) => {}
    }
    // Still the old page's heading while the new page's code downloads.
    let is_new = matches!(&watch.pending, Some(old) if old.as_ref() != Some(&heading));
    if is_new {
        if doc.active_element().as_ref() != Some(&heading) {
            let _ = heading.set_attribute("tabindex", "-1");
            if let Some(el) = heading.dyn_ref::<HtmlElement>() {
                let _ = el.focus();
            }
        }
        if watch.announced != title {
            if let Some(region) = doc.get_element_by_id(ANNOUNCER_ID) {
                region.set_text_content(Some(&title));
            }
            watch.announced = title;
        }
    }
    watch.heading = Some(heading);
}
