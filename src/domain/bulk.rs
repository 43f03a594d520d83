//! Bulk actions on the list: which selected deployments an action may be sent
//! to, which are skipped and why, and shift-click range selection.

use super::status::{check, Action};
use crate::api::models::Status;

/// One selected deployment, as much as a bulk action needs to know of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: String,
    pub name: String,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    pub send: Vec<Target>,
    /// Deployments the status table rules out, with the reason.
    pub skipped: Vec<(Target, String)>,
}

/// Splits a selection by the same status table the detail page's buttons use.
pub fn plan(action: Action, selected: &[Target]) -> Plan {
    let mut plan = Plan::default();
    for target in selected {
        match check(action, target.status) {
            Ok(()) => plan.send.push(target.clone()),
            Err(reason) => plan.skipped.push((target.clone(), reason)),
        }
    }
    plan
}

/// The ids between `anchor` and `clicked` (inclusive, in list order), for a
/// shift-click; just `clicked` when the anchor is not on this page.
pub fn range(ids: &[String], anchor: Option<&str>, clicked: &str) -> Vec<String> {
    let end = ids.iter().position(|id| id == clicked);
    let start = anchor.and_then(|a| ids.iter().position(|id| id == a));
    match (start, end) {
        (Some(a), Some(b)) => ids[a.min(b)..=a.max(b)].to_vec(),
        (_, Some(_)) => vec![clicked.to_string()],
        _ => Vec::new(),
    }
}

/// Adds ids to a selection without duplicates, keeping the order of first selection.
pub fn select_all(selection: &mut Vec<String>, ids: &[String]) {
    for id in ids {
        if !selection.contains(id) {
            selection.push(id.clone());
        }
    }
}

/// The verb in the past tense, for the results summary.
pub fn done_word(action: Action) -> &'static str {
    match action {
        Action::Start => "Started",
        Action::Stop => "Stopping",
        Action::Archive => "Archived",
        Action::Delete => "Deleted",
        Action::Edit => "Changed",
        Action::Rename => "Renamed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(id: &str, status: Status) -> Target {
        Target {
            id: id.into(),
            name: format!("name-{id}"),
            status,
        }
    }

    #[test]
    fn plan_sends_only_what_the_status_allows() {
        let selected = [
            t("a", Status::Running),
            t("b", Status::Stopped),
            t("c", Status::Error),
            t("d", Status::Archived),
        ];
        let stop = plan(Action::Stop, &selected);
        assert_eq!(
            stop.send.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
            ["a", "c"]
        );
        assert_eq!(stop.skipped.len(), 2);
        assert!(stop.skipped[0].1.starts_with("Stop needs"));
        assert_eq!(
            stop.skipped[1].1,
            "An archived deployment cannot be changed"
        );

        let archive = plan(Action::Archive, &selected);
        assert_eq!(archive.send, vec![t("b", Status::Stopped)]);

        let start = plan(Action::Start, &selected);
        assert_eq!(
            start.send.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
            ["b", "c"]
        );
    }

    #[test]
    fn range_covers_both_directions() {
        let ids: Vec<String> = ["a", "b", "c", "d", "e"].map(String::from).to_vec();
        assert_eq!(range(&ids, Some("b"), "d"), ["b", "c", "d"]);
        assert_eq!(range(&ids, Some("d"), "b"), ["b", "c", "d"]);
        assert_eq!(range(&ids, Some("zz"), "c"), ["c"]);
        assert_eq!(range(&ids, None, "e"), ["e"]);
        assert!(range(&ids, Some("a"), "zz").is_empty());
    }

    #[test]
    fn select_all_keeps_order_and_no_duplicates() {
        let mut selection = vec!["b".to_string()];
        select_all(&mut selection, &["a".into(), "b".into(), "c".into()]);
        assert_eq!(selection, ["b", "a", "c"]);
    }
}
