//! Query strings: decoding, and the checks shared by every list.

use chrono::{DateTime, Utc};

use crate::clock;
use crate::errors::{ApiError, INVALID_CURSOR};
use crate::pagination::{Cursor, PageRequest};

pub struct Query(Vec<(String, String)>);

impl Query {
    pub fn parse(raw: &str) -> Query {
        Query(
            form_urlencoded::parse(raw.as_bytes())
                .into_owned()
                .collect(),
        )
    }

    /// The last value given for `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// `limit` (10, 20, 50 or 100), `sort_order` and `cursor`.
    pub fn page(&self) -> Result<PageRequest, ApiError> {
        let limit = match self.get("limit") {
            None => 10,
            Some(text) => match text.trim().parse::<f64>() {
                Ok(n) if [10.0, 20.0, 50.0, 100.0].contains(&n) => n as usize,
                _ => return Err(not_allowed("limit")),
            },
        };
        let desc = match self.get("sort_order") {
            None | Some("desc") => true,
            Some("asc") => false,
            Some(_) => return Err(not_allowed("sort_order")),
        };
        let cursor = match self.get("cursor") {
            None => None,
            Some(c) => Some(Cursor::decode(c).ok_or(ApiError::BadRequest(INVALID_CURSOR))?),
        };
        Ok(PageRequest {
            cursor,
            limit,
            desc,
        })
    }

    /// A comma list of which every value must parse.
    pub fn list<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<Option<Vec<T>>, ApiError> {
        let Some(text) = self.get(name) else {
            return Ok(None);
        };
        text.split(',')
            .map(|v| parse(v.trim()).ok_or_else(|| not_allowed(name)))
            .collect::<Result<Vec<T>, ApiError>>()
            .map(Some)
    }

    /// One value of a fixed set.
    pub fn one<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<Option<T>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => parse(v).map(Some).ok_or_else(|| not_allowed(name)),
        }
    }

    /// `created_after` and `created_before`.
    pub fn dates(&self) -> Result<DateRange, ApiError> {
        let date = |name: &str| match self.get(name) {
            None => Ok(None),
            Some(text) => clock::parse_iso(text).map(Some).ok_or_else(|| {
                ApiError::Validation(format!(
                    "querystring/{name} must match format \"date-time\""
                ))
            }),
        };
        Ok(DateRange {
            after: date("created_after")?,
            before: date("created_before")?,
        })
    }

    /// The numeric `revision` filter: the server does not coerce query strings,
    /// so any value is refused.
    pub fn refuse_revision(&self) -> Result<(), ApiError> {
        match self.get("revision") {
            Some(_) => Err(ApiError::Validation(
                "querystring/revision must be number".into(),
            )),
            None => Ok(()),
        }
    }
}

fn not_allowed(name: &str) -> ApiError {
    ApiError::Validation(format!(
        "querystring/{name} must be equal to one of the allowed values"
    ))
}

#[derive(Debug, Clone, Copy, Default)]
pub struct DateRange {
    after: Option<DateTime<Utc>>,
    before: Option<DateTime<Utc>>,
}

impl DateRange {
    /// Both bounds are exclusive.
    pub fn contains(&self, t: &DateTime<Utc>) -> bool {
        self.after.is_none_or(|a| *t > a) && self.before.is_none_or(|b| *t < b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_takes_only_the_allowed_values() {
        assert_eq!(Query::parse("").page().unwrap().limit, 10);
        assert_eq!(Query::parse("limit=50").page().unwrap().limit, 50);
        for bad in ["limit=5", "limit=0", "limit=abc", "limit=", "limit=1000"] {
            assert_eq!(
                Query::parse(bad).page(),
                Err(ApiError::Validation(
                    "querystring/limit must be equal to one of the allowed values".into()
                ))
            );
        }
    }

    #[test]
    fn sort_order_and_cursor() {
        assert!(Query::parse("").page().unwrap().desc);
        assert!(!Query::parse("sort_order=asc").page().unwrap().desc);
        assert!(Query::parse("sort_order=up").page().is_err());
        assert_eq!(
            Query::parse("cursor=garbage0").page(),
            Err(ApiError::BadRequest(INVALID_CURSOR))
        );
    }

    #[test]
    fn decodes_values() {
        let q = Query::parse("search=llama%203&status=RUNNING,STOPPED&search=x+y");
        assert_eq!(q.get("search"), Some("x y"));
        let statuses = q.list("status", |s| Some(s.to_string())).unwrap().unwrap();
        assert_eq!(statuses, vec!["RUNNING", "STOPPED"]);
    }
}
