//! The deployments list's view (search, filters, sort, page) as a URL query.
//!
//! Every control on the list writes here and the list reads only from here, so a
//! reload, back/forward or a shared link restores exactly the same view.

use super::paging::{paged, Paged, Paging};
use super::query_list::{encode_pairs, join, parse_list, toggle};
use crate::api::models::{Status, Strategy};
use crate::api::query::{DeploymentFilter, Page, SortOrder};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListView {
    pub search: String,
    pub statuses: Vec<Status>,
    pub strategies: Vec<Strategy>,
    pub sort: SortOrder,
    pub paging: Paging,
}

paged!(ListView);

impl ListView {
    /// Reads the view from query pairs; unknown or malformed values fall back to defaults.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut view = ListView::default();
        view.paging = Paging::from_query(pairs, |key, value| match key {
            "search" => view.search = value.to_string(),
            "status" => view.statuses = parse_list(value, Status::parse),
            "strategy" => view.strategies = parse_list(value, Strategy::parse),
            "sort" => {
                view.sort = if value == "asc" {
                    SortOrder::Asc
                } else {
                    SortOrder::Desc
                }
            }
            _ => {}
        });
        view
    }

    /// The query string (with a leading `?`, or empty for the default view).
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.search.is_empty() {
            pairs.push(("search", self.search.clone()));
        }
        if !self.statuses.is_empty() {
            pairs.push(("status", join(self.statuses.iter().map(|s| s.as_str()))));
        }
        if !self.strategies.is_empty() {
            pairs.push(("strategy", join(self.strategies.iter().map(|s| s.as_str()))));
        }
        if self.sort == SortOrder::Asc {
            pairs.push(("sort", "asc".into()));
        }
        pairs.extend(self.paging.pairs());
        if pairs.is_empty() {
            return String::new();
        }
        format!("?{}", encode_pairs(&pairs).join("&"))
    }

    pub fn toggle_status(mut self, status: Status) -> Self {
        toggle(&mut self.statuses, status);
        self.first_page()
    }

    /// The list request this view stands for.
    pub fn to_request(&self) -> (DeploymentFilter, Page) {
        let filter = DeploymentFilter {
            search: Some(self.search.trim().to_string()).filter(|s| !s.is_empty()),
            statuses: self.statuses.clone(),
            strategies: self.strategies.clone(),
            ..Default::default()
        };
        (filter, self.paging.request(self.sort))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::query::PageSize;

    fn parse(q: &str) -> ListView {
        let pairs: Vec<(&str, &str)> = q
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').unwrap_or((p, "")))
            .collect();
        ListView::from_pairs(pairs)
    }

    #[test]
    fn default_view_has_an_empty_query() {
        let view = ListView::from_pairs([]);
        assert_eq!(view.paging.page, 1);
        assert_eq!(view.to_query(), "");
    }

    #[test]
    fn every_setting_round_trips_through_the_query() {
        let view = ListView {
            search: "llama 3".into(),
            statuses: vec![Status::Running, Status::InsufficientFunds],
            strategies: vec![Strategy::SimpleExtend],
            sort: SortOrder::Asc,
            paging: Paging {
                limit: PageSize::from_u32(50).unwrap(),
                cursor: Some("abc".into()),
                page: 3,
            },
        };
        let query = view.to_query();
        assert_eq!(
            query,
            "?search=llama%203&status=RUNNING%2CINSUFFICIENT_FUNDS&strategy=SIMPLE-EXTEND&sort=asc&limit=50&cursor=abc&page=3"
        );
        let decoded = query
            .trim_start_matches('?')
            .replace("%20", " ")
            .replace("%2C", ",");
        assert_eq!(parse(&decoded), view);
    }

    #[test]
    fn malformed_values_fall_back_to_defaults() {
        let view = parse("status=RUNNING,BOGUS,RUNNING&limit=7&sort=sideways&page=0");
        assert_eq!(view.statuses, vec![Status::Running]);
        assert_eq!(view.paging.limit, PageSize::default());
        assert_eq!(view.sort, SortOrder::Desc);
        assert_eq!(view.paging.page, 1);
    }

    #[test]
    fn changing_a_filter_returns_to_the_first_page() {
        let view = parse("cursor=x&page=4").toggle_status(Status::Stopped);
        assert_eq!(view.paging, Paging::default());
        assert_eq!(view.statuses, vec![Status::Stopped]);
        assert_eq!(view.toggle_status(Status::Stopped).statuses, vec![]);
    }

    #[test]
    fn request_trims_search_and_carries_the_page() {
        let view = parse("search=%20&limit=20&cursor=c1&page=2");
        let (filter, page) = view.to_request();
        assert_eq!(filter.search, Some("%20".into()));
        assert_eq!(page.limit.as_u32(), 20);
        assert_eq!(page.cursor.as_deref(), Some("c1"));
        let (filter, _) = parse("search=  ").to_request();
        assert_eq!(filter.search, None);
    }
}
