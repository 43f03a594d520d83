//! The API key and API URL, kept in this tab's sessionStorage.
//!
//! This is the only module of the app that reads or writes them; the boot script
//! (`src/boot/first_read.js`) reads them too, to start the list's first read with
//! the same Authorization header. The key never goes to localStorage, a cookie, a
//! URL or the console: closing the tab forgets it.

use crate::api::request::ApiConfig;
use web_sys::Storage;

const KEY_API_KEY: &str = "nosana.apiKey";
const KEY_API_URL: &str = "nosana.apiUrl";
/// The last API URL chosen is a preference, not a secret, so it may outlive the tab.
const KEY_LAST_URL: &str = "nosana.lastApiUrl";

fn session_storage() -> Option<Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The signed-in session, if this tab has one.
pub fn load() -> Option<ApiConfig> {
    let store = session_storage()?;
    let api_key = store.get_item(KEY_API_KEY).ok()??;
    let base_url = store.get_item(KEY_API_URL).ok()??;
    if api_key.is_empty() || base_url.is_empty() {
        return None;
    }
    Some(ApiConfig { base_url, api_key })
}

pub fn save(config: &ApiConfig) {
    if let Some(store) = session_storage() {
        let _ = store.set_item(KEY_API_KEY, &config.api_key);
        let _ = store.set_item(KEY_API_URL, &config.base_url);
    }
    if let Some(store) = local_storage() {
        let _ = store.set_item(KEY_LAST_URL, &config.base_url);
    }
}

pub fn clear() {
    if let Some(store) = session_storage() {
        let _ = store.remove_item(KEY_API_KEY);
        let _ = store.remove_item(KEY_API_URL);
    }
}

/// The API URL last used in this browser, to preselect it on the sign-in form.
pub fn last_api_url() -> Option<String> {
    local_storage()?.get_item(KEY_LAST_URL).ok()?
}

/// "Notify me" is on for this tab (a preference kept like the session: the tab
/// forgets it when closed).
const KEY_ALERTS: &str = "nosana.alerts";

pub fn alerts_on() -> bool {
    session_storage()
        .and_then(|s| s.get_item(KEY_ALERTS).ok().flatten())
        .is_some_and(|v| v == "on")
}

pub fn set_alerts_on(on: bool) {
    if let Some(store) = session_storage() {
        let _ = if on {
            store.set_item(KEY_ALERTS, "on")
        } else {
            store.remove_item(KEY_ALERTS)
        };
    }
}
