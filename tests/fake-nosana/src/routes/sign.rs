//! The node header's two sources: the sign route, and the older per-deployment route.

use serde_json::{json, Value};

use super::query::Query;
use crate::errors::{ok, ApiError, ApiResult, DEPLOYMENT_NOT_FOUND};
use crate::nodes::auth::{signature, AUTH_MESSAGE};
use crate::state::App;
use crate::validate::schema::*;

/// `{"message": "...", "includeTime"?: bool}` -> `{signature, message, userAddress}`.
/// `includeTime` is checked but changes nothing: the fake's headers never expire.
pub fn sign_message(app: &App, body: &Value) -> ApiResult {
    let message = sign_body(body).map_err(ApiError::Validation)?;
    let account = app.store().ctx.owner.clone();
    let signature = signature(&account, &message, app.nodes().generation());
    ok(json!({ "signature": signature, "message": message, "userAddress": account }))
}

fn sign_body(body: &Value) -> Check<String> {
    let m = object(body, "body")?;
    required(m, "body", &["message"])?;
    no_additional(m, "body", &["message", "includeTime"])?;
    let message = min_length(string(&m["message"], "body/message")?, "body/message", 1)?;
    if let Some(v) = m.get("includeTime") {
        boolean(v, "body/includeTime")?;
    }
    Ok(message.to_string())
}

/// `?message=nosana-auth&includeTime=false` -> `{"header": "nosana-auth:<signature>"}`
/// (or the bare signature with the `header_bare` setting).
pub fn header(app: &App, id: &str, q: &Query) -> ApiResult {
    let message = q
        .get("message")
        .ok_or_else(|| {
            ApiError::Validation("querystring must have required property 'message'".into())
        })?
        .to_string();
    if q.get("includeTime")
        .is_some_and(|v| v != "true" && v != "false")
    {
        return Err(ApiError::Validation(
            "querystring/includeTime must be boolean".into(),
        ));
    }
    let account = {
        let store = app.store();
        store
            .get(id)
            .ok_or(ApiError::NotFound(DEPLOYMENT_NOT_FOUND))?;
        store.ctx.owner.clone()
    };
    let signature = signature(&account, &message, app.nodes().generation());
    let header = if app.settings().header_bare && message == AUTH_MESSAGE {
        signature
    } else {
        format!("{message}:{signature}")
    };
    ok(json!({ "header": header }))
}
