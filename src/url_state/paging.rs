//! Where a cursor-paged list stands: page size, the API's cursor and the page
//! number shown (`limit=20&cursor=...&page=2`). The deployments list and the
//! history tabs page the same way, so they share this state and its rules.

use crate::api::query::{Page, PageSize, SortOrder};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    pub limit: PageSize,
    pub cursor: Option<String>,
    /// 1-based page number, for display only: the API pages by opaque cursor.
    pub page: u32,
}

impl Default for Paging {
    fn default() -> Self {
        Paging {
            limit: PageSize::default(),
            cursor: None,
            page: 1,
        }
    }
}

/// A view that lives in the URL and pages through a list.
pub trait Paged: Sized {
    fn paging(&self) -> &Paging;
    fn paging_mut(&mut self) -> &mut Paging;

    /// Any change to what is listed starts again from the first page.
    fn first_page(mut self) -> Self {
        self.paging_mut().first_page();
        self
    }
}

/// `Paged` for a view that keeps its paging in a `paging` field.
macro_rules! paged {
    ($view:ty) => {
        impl $crate::url_state::paging::Paged for $view {
            fn paging(&self) -> &$crate::url_state::paging::Paging {
                &self.paging
            }
            fn paging_mut(&mut self) -> &mut $crate::url_state::paging::Paging {
                &mut self.paging
            }
        }
    };
}
pub(crate) use paged;

impl Paging {
    /// Reads a query: the paging pairs here, every other pair to `other`.
    pub fn from_query<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        mut other: impl FnMut(&'a str, &'a str),
    ) -> Paging {
        let mut paging = Paging::default();
        for (key, value) in pairs {
            if !paging.read(key, value) {
                other(key, value);
            }
        }
        paging.settle();
        paging
    }

    /// Takes one query pair when it is a paging one (`false`: not ours).
    /// Malformed values fall back to the defaults; an empty cursor is ignored.
    fn read(&mut self, key: &str, value: &str) -> bool {
        match key {
            "limit" => {
                self.limit = value
                    .parse()
                    .ok()
                    .and_then(PageSize::from_u32)
                    .unwrap_or_default()
            }
            "cursor" => {
                if !value.is_empty() {
                    self.cursor = Some(value.to_string());
                }
            }
            "page" => self.page = value.parse().ok().filter(|p| *p >= 1).unwrap_or(1),
            _ => return false,
        }
        true
    }

    /// After all pairs are read: a page number without a cursor is the first page.
    fn settle(&mut self) {
        if self.cursor.is_none() {
            self.page = 1;
        }
    }

    /// The query pairs: the size unless it is the default, the cursor and page
    /// number past the first page.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if self.limit != PageSize::default() {
            pairs.push(("limit", self.limit.as_u32().to_string()));
        }
        if let Some(cursor) = &self.cursor {
            pairs.push(("cursor", cursor.clone()));
            pairs.push(("page", self.page.to_string()));
        }
        pairs
    }

    /// Any change to what is listed starts again from the first page.
    pub fn first_page(&mut self) {
        self.cursor = None;
        self.page = 1;
    }

    /// Another page size, from the first page.
    pub fn set_limit(&mut self, limit: PageSize) {
        self.limit = limit;
        self.first_page();
    }

    /// "Previous" from page `from` of an answer whose cursor back is
    /// `cursor_prev`: page 2, or a page with no cursor back, leads to the first.
    pub fn go_back(&mut self, from: u32, cursor_prev: Option<&str>) {
        match cursor_prev {
            Some(cursor) if from > 2 => self.go_to(cursor, from - 1),
            _ => self.first_page(),
        }
    }

    /// "Next" from page `from`, by the answer's cursor forward.
    pub fn go_forward(&mut self, from: u32, cursor_next: &str) {
        self.go_to(cursor_next, from + 1);
    }

    fn go_to(&mut self, cursor: &str, page: u32) {
        self.cursor = Some(cursor.to_string());
        self.page = page.max(1);
    }

    /// Whether "Previous" leads anywhere from this page.
    pub fn has_previous(&self, cursor_prev: Option<&str>) -> bool {
        self.page > 1 || cursor_prev.is_some()
    }

    /// The request's paging, in this sort order.
    pub fn request(&self, sort_order: SortOrder) -> Page {
        Page {
            cursor: self.cursor.clone(),
            limit: self.limit,
            sort_order,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&'static str, &'static str)]) -> Paging {
        Paging::from_query(pairs.iter().copied(), |k, _| panic!("{k} is a paging key"))
    }

    #[test]
    fn reads_and_writes_its_three_keys() {
        let paging = read(&[("limit", "50"), ("cursor", "c1"), ("page", "3")]);
        assert_eq!(
            paging,
            Paging {
                limit: PageSize::Fifty,
                cursor: Some("c1".into()),
                page: 3
            }
        );
        assert_eq!(
            paging.pairs(),
            [
                ("limit", "50".into()),
                ("cursor", "c1".into()),
                ("page", "3".into())
            ]
        );
        assert!(Paging::default().pairs().is_empty());
        let mut others = Vec::new();
        Paging::from_query([("sort", "asc"), ("limit", "20")], |k, v| {
            others.push((k, v))
        });
        assert_eq!(others, [("sort", "asc")]);
    }

    #[test]
    fn malformed_values_fall_back_and_a_page_needs_a_cursor() {
        assert_eq!(read(&[("limit", "7"), ("page", "0")]), Paging::default());
        assert_eq!(read(&[("page", "4")]).page, 1);
        let paging = read(&[("cursor", "x"), ("cursor", ""), ("page", "4")]);
        assert_eq!((paging.cursor.as_deref(), paging.page), (Some("x"), 4));
    }

    #[test]
    fn previous_and_next_follow_the_answers_cursors() {
        let mut paging = read(&[("limit", "20"), ("cursor", "c3"), ("page", "3")]);
        paging.go_back(3, Some("c2"));
        assert_eq!((paging.cursor.as_deref(), paging.page), (Some("c2"), 2));
        paging.go_back(2, Some("c1"));
        assert_eq!((paging.cursor.as_deref(), paging.page), (None, 1));
        paging.go_forward(1, "n2");
        assert_eq!((paging.cursor.as_deref(), paging.page), (Some("n2"), 2));
        paging.go_back(5, None);
        assert_eq!((paging.cursor.as_deref(), paging.page), (None, 1));
        assert_eq!(paging.limit, PageSize::Twenty);
        assert!(!paging.has_previous(None));
        assert!(paging.has_previous(Some("p")));
    }

    #[test]
    fn a_new_size_starts_from_the_first_page() {
        let mut paging = read(&[("cursor", "x"), ("page", "4")]);
        paging.set_limit(PageSize::Hundred);
        assert_eq!(paging.pairs(), [("limit", "100".into())]);
        let page = paging.request(SortOrder::Asc);
        assert_eq!(
            (page.cursor, page.limit, page.sort_order),
            (None, PageSize::Hundred, SortOrder::Asc)
        );
    }
}
