//! Sign-in: an API key and where the API lives, checked with one list request.

use crate::api::error::ApiError;
use crate::api::request::{check_api_key, ApiConfig, KeyProblem};
use crate::client::{use_auth, Auth, Mutation};
use crate::components::form_field::PlainField;
use crate::components::submit_button::SubmitButton;
use crate::session;
use crate::url_state::{api_base, paths};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let auth = use_auth();
    let query = use_query_map();
    let navigate = use_navigate();
    let origin = page_origin();
    let saved = session::last_api_url();
    let (initial_choice, initial_custom) = saved
        .as_deref()
        .map(|url| api_base::choice_for(url, &origin))
        .unwrap_or((api_base::MAINNET, String::new()));

    let api_key = RwSignal::new(String::new());
    let choice = RwSignal::new(initial_choice.to_string());
    let custom_url = RwSignal::new(initial_custom);
    let probe = Mutation::<()>::new();
    // Why the key was not taken: the input, the probe's answer, or the session's end.
    let error = probe.failure;
    error.set(auth.notice.get_untracked());
    // The host's `config.json` may name the default API; it never overrides the URL this
    // tab last signed in with, nor a choice the user made while it was loading.
    let chosen = StoredValue::new(false);
    if saved.is_none() {
        leptos::task::spawn_local(async move {
            let Some(api) = crate::api::app_config::load().await.api else {
                return;
            };
            if chosen.try_get_value() == Some(false) {
                let (c, custom) = api_base::choice_for_config(&api, &origin);
                choice.try_set(c.to_string());
                custom_url.try_set(custom);
            }
        });
    }

    let next = move || {
        query
            .read_untracked()
            .get("next")
            .and_then(|n| paths::safe_next(&n).map(str::to_string))
            .unwrap_or_else(|| paths::DEPLOYMENTS.to_string())
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if probe.busy_now() {
            return;
        }
        let typed = api_key.get_untracked();
        let config = match config_of(&typed, &choice.get_untracked(), &custom_url.get_untracked()) {
            Ok(config) => config,
            Err(message) => {
                error.set(Some(message));
                return;
            }
        };
        let navigate = navigate.clone();
        let target = next();
        let checked = config.clone();
        let answer = async move { Auth::probe(&checked).await };
        let done = move |()| {
            auth.sign_in(config);
            navigate(&target, Default::default());
        };
        probe.send_or((), answer, done, |error| match error {
            ApiError::Unauthorized { .. } => {
                "That API key was refused (HTTP 401). Check the key and the API URL.".into()
            }
            other => other.user_message(),
        });
    };

    view! {
        <section class="signin card" aria-labelledby="signin-title">
            <h1 id="signin-title">"Sign in"</h1>
            <p class="muted">
                "Your API key stays in this browser tab only (sessionStorage) and is sent to the API URL you choose, nowhere else."
            </p>
            <form on:submit=submit novalidate>
                <ApiKeyField api_key=api_key />
                <ApiUrlFields choice=choice custom_url=custom_url chosen=chosen />
                <p class="form-error" role="alert">
                    {move || error.get()}
                </p>
                <SubmitButton label="Sign in" busy=Signal::derive(move || probe.busy()) />
                <Show when=move || probe.busy()>
                    <span class="muted" role="status">
                        " Checking the key…"
                    </span>
                </Show>
            </form>
        </section>
    }
}

/// The key and the API URL as typed, checked: a refusal says what to fix.
fn config_of(typed: &str, choice: &str, custom: &str) -> Result<ApiConfig, String> {
    let key = match check_api_key(typed) {
        Err(KeyProblem::Empty) => return Err("Enter your API key.".into()),
        Err(KeyProblem::Whitespace) => {
            return Err("An API key has no spaces or line breaks: check what was pasted.".into())
        }
        // Left to the probe, which refuses it without sending anything.
        Ok(key) => key.to_string(),
        Err(KeyProblem::Unsendable) => typed.trim().to_string(),
    };
    let base_url = api_base::resolve(choice, custom, &page_origin())?;
    Ok(ApiConfig {
        base_url,
        api_key: key,
    })
}

#[component]
fn ApiKeyField(api_key: RwSignal<String>) -> impl IntoView {
    let show_key = RwSignal::new(false);
    view! {
        <div class="field">
            <label for="api-key">"API key"</label>
            <div class="input-with-button">
                <input
                    id="api-key"
                    name="api-key"
                    type=move || if show_key.get() { "text" } else { "password" }
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="nos_..."
                    prop:value=move || api_key.get()
                    on:input=move |ev| api_key.set(event_target_value(&ev))
                />
                <button
                    type="button"
                    class="btn btn-ghost"
                    aria-pressed=move || show_key.get().to_string()
                    on:click=move |_| show_key.update(|s| *s = !*s)
                >
                    {move || if show_key.get() { "Hide key" } else { "Show key" }}
                </button>
            </div>
        </div>
    }
}

#[component]
fn ApiUrlFields(
    choice: RwSignal<String>,
    custom_url: RwSignal<String>,
    /// Set once the user picks, so a late `config.json` does not undo the pick.
    chosen: StoredValue<bool>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for="api-url">"API URL"</label>
            <select
                id="api-url"
                name="api-url"
                prop:value=move || choice.get()
                on:change=move |ev| {
                    chosen.set_value(true);
                    choice.set(event_target_value(&ev));
                }
            >
                {api_base::CHOICES
                    .iter()
                    .map(|(value, label)| {
                        view! {
                            <option value=*value selected=move || choice.get() == *value>
                                {*label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <Show when=move || choice.get() == api_base::CUSTOM>
            <PlainField
                id="custom-url"
                label="Custom API URL"
                kind="url"
                placeholder="https://example.com/api"
                value=custom_url
            />
        </Show>
    }
}
