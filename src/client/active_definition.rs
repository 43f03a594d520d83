//! The active revision's job definition, found by paging through the revisions
//! (the API has no single-revision read).

use super::auth::Auth;
use crate::api::endpoints;
use crate::api::error::ApiError;
use crate::api::query::{Page, PageSize};
use serde_json::Value;

/// Stops a server that keeps handing out cursors from looping forever.
const MAX_PAGES: usize = 100;

/// `Ok(None)` when no revision has the number `active`.
pub async fn active_definition(
    auth: Auth,
    id: &str,
    active: u32,
) -> Result<Option<Value>, ApiError> {
    let mut page = Page {
        limit: PageSize::Hundred,
        ..Page::default()
    };
    for _ in 0..MAX_PAGES {
        let list = auth.call(endpoints::list_revisions(id, &page)).await?;
        if let Some(found) = list.revisions.into_iter().find(|r| r.revision == active) {
            return Ok(Some(found.job_definition));
        }
        match list.pagination.cursor_next {
            Some(next) if page.cursor.as_deref() != Some(next.as_str()) => page.cursor = Some(next),
            _ => return Ok(None),
        }
    }
    Ok(None)
}
