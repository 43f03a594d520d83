//! The line-number gutter: one number a line, the marked ones flagged.

use leptos::prelude::*;

/// Lines in the text as the textarea shows them (a trailing newline opens one more).
pub fn line_count(text: &str) -> usize {
    text.split('\n').count()
}

pub fn numbers(lines: usize, marks: &[usize]) -> impl IntoView {
    (1..=lines)
        .map(|n| {
            let marked = marks.contains(&n);
            view! {
                <span class="json-line" class:json-line-marked=marked>
                    {n}
                </span>
            }
        })
        .collect_view()
}
