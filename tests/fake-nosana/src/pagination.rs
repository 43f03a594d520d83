//! Keyset pagination. A cursor names the item a page starts after (or ends
//! before), so pages stay consistent when items are added meanwhile. Cursors
//! are base58 of that key: opaque to clients, as in the contract.

use std::cmp::Ordering;

use serde_json::{json, Value};

/// `(created_at in ms, unique tie-breaker)`: the order of every list.
pub type Key = (i64, String);

#[derive(Debug, Clone, PartialEq)]
pub enum Cursor {
    After(Key),
    Before(Key),
    /// The last page (what "previous" means on a page past the end).
    BeforeEnd,
}

impl Cursor {
    pub fn encode(&self) -> String {
        let text = match self {
            Cursor::After((t, k)) => format!("a|{t}|{k}"),
            Cursor::Before((t, k)) => format!("b|{t}|{k}"),
            Cursor::BeforeEnd => "e".to_string(),
        };
        bs58::encode(text).into_string()
    }

    pub fn decode(s: &str) -> Option<Cursor> {
        let bytes = bs58::decode(s).into_vec().ok()?;
        let text = String::from_utf8(bytes).ok()?;
        if text == "e" {
            return Some(Cursor::BeforeEnd);
        }
        let mut parts = text.splitn(3, '|');
        let (dir, t, k) = (parts.next()?, parts.next()?, parts.next()?);
        let key = (t.parse().ok()?, k.to_string());
        match dir {
            "a" => Some(Cursor::After(key)),
            "b" => Some(Cursor::Before(key)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PageRequest {
    pub cursor: Option<Cursor>,
    pub limit: usize,
    pub desc: bool,
}

pub struct Page<T> {
    pub items: Vec<T>,
    pub pagination: Value,
}

pub fn paginate<T>(mut items: Vec<T>, key: impl Fn(&T) -> Key, req: &PageRequest) -> Page<T> {
    let order = |a: &Key, b: &Key| {
        if req.desc {
            b.cmp(a)
        } else {
            a.cmp(b)
        }
    };
    items.sort_by(|a, b| order(&key(a), &key(b)));
    let total = items.len();
    let limit = req.limit.max(1);
    let (start, end) = match &req.cursor {
        None => (0, limit.min(total)),
        Some(Cursor::After(k)) => {
            let s = items.partition_point(|x| order(&key(x), k) != Ordering::Greater);
            (s, (s + limit).min(total))
        }
        Some(Cursor::Before(k)) => {
            let e = items.partition_point(|x| order(&key(x), k) == Ordering::Less);
            (e.saturating_sub(limit), e)
        }
        Some(Cursor::BeforeEnd) => (total.saturating_sub(limit), total),
    };
    let cursor_prev = match (start > 0, items.get(start).filter(|_| start < end)) {
        (false, _) => None,
        (true, Some(first)) => Some(Cursor::Before(key(first))),
        (true, None) => Some(Cursor::BeforeEnd),
    };
    let cursor_next = (end < total && end > start).then(|| Cursor::After(key(&items[end - 1])));
    let pagination = json!({
        "cursor_next": cursor_next.map(|c| c.encode()),
        "cursor_prev": cursor_prev.map(|c| c.encode()),
        "total_items": total,
    });
    let items = items.into_iter().skip(start).take(end - start).collect();
    Page { items, pagination }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(n: i64) -> Vec<Key> {
        // Pairs share a timestamp so the tie-breaker matters.
        (0..n).map(|i| (i / 2, format!("k{i:03}"))).collect()
    }

    fn walk(items: Vec<Key>, desc: bool, limit: usize) -> (Vec<Key>, Vec<Page<Key>>) {
        let mut seen = Vec::new();
        let mut pages = Vec::new();
        let mut cursor = None;
        loop {
            let req = PageRequest {
                cursor,
                limit,
                desc,
            };
            let page = paginate(items.clone(), |k| k.clone(), &req);
            seen.extend(page.items.clone());
            cursor = page.pagination["cursor_next"]
                .as_str()
                .map(|c| Cursor::decode(c).unwrap());
            pages.push(page);
            if cursor.is_none() {
                return (seen, pages);
            }
        }
    }

    #[test]
    fn forward_walk_sees_each_item_once_in_order() {
        let items = keys(25);
        let (seen, pages) = walk(items.clone(), false, 10);
        assert_eq!(seen, items);
        assert_eq!(pages.len(), 3);
        assert!(pages[0].pagination["cursor_prev"].is_null());
        assert!(pages[1].pagination["cursor_prev"].is_string());
        assert_eq!(pages[2].pagination["total_items"], 25);

        let (seen_desc, _) = walk(items.clone(), true, 10);
        let mut reversed = items;
        reversed.reverse();
        assert_eq!(seen_desc, reversed);
    }

    #[test]
    fn previous_cursor_returns_the_previous_page() {
        let items = keys(25);
        let (_, pages) = walk(items.clone(), true, 10);
        let prev = pages[2].pagination["cursor_prev"].as_str().unwrap();
        let req = PageRequest {
            cursor: Cursor::decode(prev),
            limit: 10,
            desc: true,
        };
        let back = paginate(items, |k| k.clone(), &req);
        assert_eq!(back.items, pages[1].items);
    }

    #[test]
    fn exact_multiple_has_no_empty_last_page() {
        let (_, pages) = walk(keys(20), false, 10);
        assert_eq!(pages.len(), 2);
        assert!(pages[1].pagination["cursor_next"].is_null());
    }

    #[test]
    fn cursors_are_opaque_and_checked() {
        let c = Cursor::After((5, "id".into()));
        assert!(!c.encode().contains("id"));
        assert_eq!(Cursor::decode(&c.encode()), Some(c));
        assert_eq!(Cursor::decode("not-base58-0OIl"), None);
        assert_eq!(Cursor::decode(&bs58::encode("x|1|a").into_string()), None);
    }
}
