//! Side-by-side line diffs of job definitions: two revisions, or the active
//! revision and what is typed in the editor.
//!
//! Both sides are pretty-printed the same way (two-space indent, the keys in
//! the order they came in), so only what changed in meaning shows, then
//! compared line by line and laid out as rows of a two-column table.

use super::words::noun_for;
use serde_json::Value;
use similar::{capture_diff_slices, Algorithm, DiffOp};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiffKind {
    /// The same line on both sides.
    Same,
    /// A line replaced by another: the old one left, the new one right.
    Changed,
    /// Only on the right (new) side.
    Added,
    /// Only on the left (old) side.
    Removed,
}

impl DiffKind {
    /// A stable name for CSS classes and test hooks.
    pub fn as_str(self) -> &'static str {
        match self {
            DiffKind::Same => "same",
            DiffKind::Changed => "changed",
            DiffKind::Added => "added",
            DiffKind::Removed => "removed",
        }
    }
}

/// A line of one side: its 1-based number and its text (no line break).
pub type Line = (usize, String);

/// One row of the side-by-side table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffRow {
    pub left: Option<Line>,
    pub right: Option<Line>,
    pub kind: DiffKind,
}

/// How much differs, for a one-line summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DiffStats {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

impl DiffStats {
    pub fn of(rows: &[DiffRow]) -> DiffStats {
        let mut stats = DiffStats::default();
        for row in rows {
            match row.kind {
                DiffKind::Same => {}
                DiffKind::Changed => stats.changed += 1,
                DiffKind::Added => stats.added += 1,
                DiffKind::Removed => stats.removed += 1,
            }
        }
        stats
    }

    pub fn is_empty(&self) -> bool {
        self.added + self.removed + self.changed == 0
    }

    /// "No differences.", or e.g. "2 lines changed, 1 added, 3 removed."
    pub fn summary(&self) -> String {
        if self.is_empty() {
            return "No differences.".to_string();
        }
        let parts: Vec<(usize, &str)> = [
            (self.changed, "changed"),
            (self.added, "added"),
            (self.removed, "removed"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .collect();
        let total = self.changed + self.added + self.removed;
        let lines = noun_for(total as u64, "line");
        match parts.as_slice() {
            [(_, what)] => format!("{total} {lines} {what}."),
            _ => {
                let listed: Vec<String> = parts.iter().map(|(n, w)| format!("{n} {w}")).collect();
                format!("{total} {lines}: {}.", listed.join(", "))
            }
        }
    }
}

/// A JSON value as both sides of a diff show it: two-space indent, key order kept.
pub fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// What the editor holds, as the diff shows it: pretty-printed when it is
/// JSON (so re-indenting alone is no change), else the text as typed.
pub fn editor_text(text: &str) -> String {
    match serde_json::from_str::<Value>(text) {
        Ok(value) => pretty(&value),
        Err(_) => text.to_string(),
    }
}

/// The rows comparing two JSON values, `old` on the left.
pub fn diff_values(old: &Value, new: &Value) -> Vec<DiffRow> {
    diff_text(&pretty(old), &pretty(new))
}

/// The rows comparing two texts line by line, `old` on the left. Within a
/// replaced block, lines are paired in order as Changed; the rest of the
/// longer side is Removed (left) or Added (right).
pub fn diff_text(old: &str, new: &str) -> Vec<DiffRow> {
    let old_lines = lines(old);
    let new_lines = lines(new);
    let ops = capture_diff_slices(Algorithm::Myers, &old_lines, &new_lines);
    let line = |side: &[&str], i: usize| Some((i + 1, side[i].to_string()));
    let mut rows = Vec::with_capacity(old_lines.len().max(new_lines.len()));
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => rows.extend((0..len).map(|k| DiffRow {
                left: line(&old_lines, old_index + k),
                right: line(&new_lines, new_index + k),
                kind: DiffKind::Same,
            })),
            DiffOp::Delete {
                old_index, old_len, ..
            } => rows.extend((0..old_len).map(|k| DiffRow {
                left: line(&old_lines, old_index + k),
                right: None,
                kind: DiffKind::Removed,
            })),
            DiffOp::Insert {
                new_index, new_len, ..
            } => rows.extend((0..new_len).map(|k| DiffRow {
                left: None,
                right: line(&new_lines, new_index + k),
                kind: DiffKind::Added,
            })),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => rows.extend((0..old_len.max(new_len)).map(|k| {
                let left = (k < old_len)
                    .then(|| line(&old_lines, old_index + k))
                    .flatten();
                let right = (k < new_len)
                    .then(|| line(&new_lines, new_index + k))
                    .flatten();
                let kind = match (&left, &right) {
                    (Some(_), Some(_)) => DiffKind::Changed,
                    (Some(_), None) => DiffKind::Removed,
                    _ => DiffKind::Added,
                };
                DiffRow { left, right, kind }
            })),
        }
    }
    rows
}

/// Lines without their breaks; an empty text has none, and a final line
/// break does not open an extra empty line.
fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

#[cfg(test)]
mod tests {
    use super::DiffKind::{Added, Changed, Removed, Same};
    use super::*;
    use serde_json::json;

    fn kinds(rows: &[DiffRow]) -> Vec<DiffKind> {
        rows.iter().map(|r| r.kind).collect()
    }

    type Side<'a> = Option<(usize, &'a str)>;

    fn side(line: &Option<Line>) -> Side<'_> {
        line.as_ref().map(|(n, t)| (*n, t.as_str()))
    }

    /// Each row as (kind, left line, right line), to compare a whole diff at once.
    fn table(rows: &[DiffRow]) -> Vec<(DiffKind, Side<'_>, Side<'_>)> {
        rows.iter()
            .map(|r| (r.kind, side(&r.left), side(&r.right)))
            .collect()
    }

    #[test]
    fn identical_texts_are_all_same_rows() {
        let rows = diff_text("a\nb\nc", "a\nb\nc");
        let same = |n, t| (Same, Some((n, t)), Some((n, t)));
        assert_eq!(table(&rows), [same(1, "a"), same(2, "b"), same(3, "c")]);
        assert!(DiffStats::of(&rows).is_empty());
        assert_eq!(DiffStats::of(&rows).summary(), "No differences.");
    }

    #[test]
    fn an_added_line_has_only_a_right_side_and_numbers_shift() {
        assert_eq!(
            table(&diff_text("a\nc", "a\nb\nc")),
            [
                (Same, Some((1, "a")), Some((1, "a"))),
                (Added, None, Some((2, "b"))),
                (Same, Some((2, "c")), Some((3, "c"))),
            ]
        );
    }

    #[test]
    fn a_removed_line_has_only_a_left_side() {
        let rows = diff_text("a\nb\nc", "a\nc");
        assert_eq!(
            table(&rows),
            [
                (Same, Some((1, "a")), Some((1, "a"))),
                (Removed, Some((2, "b")), None),
                (Same, Some((3, "c")), Some((2, "c"))),
            ]
        );
        let stats = DiffStats::of(&rows);
        assert_eq!((stats.added, stats.removed, stats.changed), (0, 1, 0));
        assert_eq!(stats.summary(), "1 line removed.");
    }

    #[test]
    fn replaced_lines_pair_up_and_the_rest_is_added_or_removed() {
        assert_eq!(
            table(&diff_text("x\nold1\nold2\ny", "x\nnew1\ny")),
            [
                (Same, Some((1, "x")), Some((1, "x"))),
                (Changed, Some((2, "old1")), Some((2, "new1"))),
                (Removed, Some((3, "old2")), None),
                (Same, Some((4, "y")), Some((3, "y"))),
            ]
        );
        let rows = diff_text("x\nold\ny", "x\nnew1\nnew2\ny");
        assert_eq!(
            table(&rows),
            [
                (Same, Some((1, "x")), Some((1, "x"))),
                (Changed, Some((2, "old")), Some((2, "new1"))),
                (Added, None, Some((3, "new2"))),
                (Same, Some((3, "y")), Some((4, "y"))),
            ]
        );
        assert_eq!(
            DiffStats::of(&rows).summary(),
            "2 lines: 1 changed, 1 added."
        );
    }

    #[test]
    fn empty_sides() {
        assert_eq!(diff_text("", ""), vec![]);
        let rows = diff_text("", "a\nb");
        assert_eq!(kinds(&rows), vec![DiffKind::Added; 2]);
        let rows = diff_text("a\nb\n", "");
        assert_eq!(kinds(&rows), vec![DiffKind::Removed; 2]);
    }

    #[test]
    fn a_trailing_line_break_is_not_a_change() {
        let rows = diff_text("a\nb\n", "a\nb");
        assert_eq!(kinds(&rows), vec![DiffKind::Same; 2]);
    }

    #[test]
    fn json_values_are_compared_pretty_printed_with_their_key_order() {
        let old = json!({"version": "0.1", "type": "container", "ops": [{"id": "web", "args": {"image": "nginx:1"}}]});
        let new = json!({"version": "0.1", "type": "container", "ops": [{"id": "web", "args": {"image": "nginx:2", "gpu": true}}]});
        let rows = diff_values(&old, &new);
        // Key order is the document's own, not alphabetical.
        assert_eq!(rows[1].left.as_ref().unwrap().1, r#"  "version": "0.1","#);
        assert_eq!(
            rows[2].left.as_ref().unwrap().1,
            r#"  "type": "container","#
        );
        let changed: Vec<_> = rows
            .iter()
            .filter(|r| r.kind != DiffKind::Same)
            .map(|r| {
                (
                    r.kind,
                    r.left.as_ref().map(|l| l.1.trim().to_string()),
                    r.right.as_ref().map(|l| l.1.trim().to_string()),
                )
            })
            .collect();
        assert_eq!(
            changed,
            vec![
                (
                    DiffKind::Changed,
                    Some(r#""image": "nginx:1""#.to_string()),
                    Some(r#""image": "nginx:2","#.to_string())
                ),
                (DiffKind::Added, None, Some(r#""gpu": true"#.to_string())),
            ]
        );
    }

    #[test]
    fn the_same_value_differently_indented_is_no_change_in_the_editor() {
        let typed = "{\"a\":1,\n      \"b\":[1,2]}";
        let base = json!({"a": 1, "b": [1, 2]});
        let rows = diff_text(&pretty(&base), &editor_text(typed));
        assert!(DiffStats::of(&rows).is_empty());
        // Text that is not JSON is compared as typed.
        assert_eq!(editor_text("{oops"), "{oops");
        let rows = diff_text(&pretty(&base), &editor_text("{oops"));
        assert!(!DiffStats::of(&rows).is_empty());
    }

    #[test]
    fn summaries() {
        let s = DiffStats {
            added: 1,
            removed: 0,
            changed: 0,
        };
        assert_eq!(s.summary(), "1 line added.");
        let s = DiffStats {
            added: 2,
            removed: 3,
            changed: 1,
        };
        assert_eq!(s.summary(), "6 lines: 1 changed, 2 added, 3 removed.");
        let s = DiffStats {
            added: 0,
            removed: 0,
            changed: 4,
        };
        assert_eq!(s.summary(), "4 lines changed.");
    }
}
