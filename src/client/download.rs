//! Saving text as a file: a Blob, an object URL and a temporary `<a download>`.
//! No `data:` URL (the CSP allows those for images only), and clicking an
//! anchor to a `blob:` URL is a navigation-to-download, not a fetch.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Starts the browser's download of `text` as `file_name`.
pub fn save_text(file_name: &str, text: &str) -> Result<(), String> {
    let failed = |_| "The browser refused to save the file".to_string();
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("No document")?;
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or("No document body")?;
    body.append_child(&anchor).map_err(failed)?;
    anchor.click();
    anchor.remove();
    // The download has taken its copy once the click is handled; a moment
    // later the URL can go, so the Blob is not kept for the tab's lifetime.
    gloo_timers::callback::Timeout::new(1_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
