//! A failed request explained in plain words, with a way to try again.

use crate::api::error::ApiError;
use leptos::prelude::*;

/// A read's answer: what `shown` makes of it, or the failure with "Retry".
pub fn answer_or_retry<T, V: IntoView + 'static>(
    answer: Result<T, ApiError>,
    retry: Callback<()>,
    shown: impl FnOnce(T) -> V,
) -> AnyView {
    match answer {
        Ok(value) => shown(value).into_any(),
        Err(error) => view! { <ErrorBox error=error on_retry=retry /> }.into_any(),
    }
}

#[component]
pub fn ErrorBox(
    error: ApiError,
    /// Shown as a "Retry" button when given.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="error-box" role="alert">
            <p class="error-title">{error_title(&error)}</p>
            <p>{error.user_message()}</p>
            {on_retry
                .map(|retry| {
                    view! {
                        <button type="button" class="btn" on:click=move |_| retry.run(())>
                            "Retry"
                        </button>
                    }
                })}
        </div>
    }
}

fn error_title(error: &ApiError) -> &'static str {
    match error {
        ApiError::Network { .. } => "Could not reach the API",
        ApiError::Timeout => "The API did not answer in time",
        ApiError::Unauthorized { .. } => "API key refused",
        ApiError::NotFound { .. } | ApiError::RouteNotFound { .. } => "Not found",
        ApiError::InvalidInput { .. } => "The API refused the input",
        ApiError::Refused { .. } => "The API refused the request",
        ApiError::Server { .. } | ApiError::UnexpectedBody { .. } => "The API failed",
    }
}

/// A short failure in one line, shown while `message` holds one.
#[component]
pub fn ErrorLine(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|m| {
            view! {
                <p class="error-box" role="alert">
                    {m}
                </p>
            }
        })
    }
}
