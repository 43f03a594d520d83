//! Going to a page of the app as a click on a link would: the router follows
//! it, and whatever watches in-app links (the edit page's "Leave without
//! saving?") gets its say, which a plain `navigate` would skip.

use wasm_bindgen::JsCast;

pub fn follow_link(path: &str) {
    let document = leptos::prelude::document();
    let Some(body) = document.body() else { return };
    let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = link.set_attribute("href", path);
    link.set_hidden(true);
    if body.append_child(&link).is_ok() {
        link.click();
        link.remove();
    }
}
