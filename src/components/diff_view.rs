//! Two texts side by side, old on the left: each line with its number, and
//! every difference marked with a sign as well as a colour (− removed or
//! replaced, + added or replacing).

use crate::domain::diff::{DiffKind, DiffRow, DiffStats, Line};
use leptos::prelude::*;

#[component]
pub fn DiffView(
    rows: Vec<DiffRow>,
    /// The left (old) column's heading, e.g. "Revision 2 (active)".
    #[prop(into)]
    old_title: String,
    /// The right (new) column's heading.
    #[prop(into)]
    new_title: String,
) -> impl IntoView {
    let stats = DiffStats::of(&rows);
    let caption = format!("Changes from {old_title} to {new_title}");
    let region_label = caption.clone();
    view! {
        <div class="diff">
            <p class="diff-summary">{stats.summary()}</p>
            // A scroll box reached by Tab, so the keyboard can scroll it too.
            <div class="diff-wrap" tabindex="0" role="region" aria-label=region_label>
                <table class="diff-table">
                    <caption class="visually-hidden">{caption}</caption>
                    <colgroup>
                        <col class="diff-col-num" />
                        <col class="diff-col-sign" />
                        <col class="diff-col-text" />
                        <col class="diff-col-num" />
                        <col class="diff-col-sign" />
                        <col class="diff-col-text" />
                    </colgroup>
                    <thead>
                        <tr>
                            <th scope="col" colspan="3">
                                {old_title}
                            </th>
                            <th scope="col" colspan="3">
                                {new_title}
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|row| view! { <Row row=row /> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

#[component]
fn Row(row: DiffRow) -> impl IntoView {
    let kind = row.kind;
    let (left_sign, right_sign) = match kind {
        DiffKind::Same => ("", ""),
        DiffKind::Changed => ("−", "+"),
        DiffKind::Removed => ("−", ""),
        DiffKind::Added => ("", "+"),
    };
    view! {
        <tr class=format!("diff-row diff-{}", kind.as_str()) data-kind=kind.as_str()>
            {side(row.left, left_sign, "diff-old")}
            {side(row.right, right_sign, "diff-new")}
        </tr>
    }
}

/// Three cells of one side: line number, sign, text (all empty where the side has no line).
fn side(line: Option<Line>, sign: &'static str, class: &'static str) -> impl IntoView {
    let marked = !sign.is_empty();
    let title = match sign {
        "−" => Some("Removed or replaced line"),
        "+" => Some("Added or replacing line"),
        _ => None,
    };
    let (number, text) = match line {
        Some((n, text)) => (n.to_string(), text),
        None => (String::new(), String::new()),
    };
    view! {
        <td class=format!("diff-num {class}") class:diff-mark=marked>
            {number}
        </td>
        <td class=format!("diff-sign {class}") class:diff-mark=marked title=title>
            {sign}
        </td>
        <td class=format!("diff-text {class}") class:diff-mark=marked>
            <code>{text}</code>
        </td>
    }
}
