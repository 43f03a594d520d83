//! The text alternative of the charts: the latest figures of every line, as a table for
//! screen readers (the charts themselves are hidden from them).

use super::lines::ChartLines;
use super::model::Model;
use crate::domain::usage::format::{clock, describe};
use crate::domain::usage::held::SeriesKey;
use leptos::prelude::*;

#[component]
pub fn LatestTable(model: Model, all: Memo<Vec<ChartLines>>) -> impl IntoView {
    // Rows keyed by what they say: a sample redraws the row of its line only.
    let rows = Memo::new(move |_| {
        let offset = super::chart::offset_ms();
        all.with(|charts| {
            let keys: Vec<SeriesKey> = charts
                .first()
                .map(|c| c.lines.iter().map(|l| l.key.clone()).collect())
                .unwrap_or_default();
            keys.into_iter()
                .enumerate()
                .map(|(n, key)| {
                    let mut at = None;
                    let cells: Vec<String> = charts
                        .iter()
                        .map(|c| match c.lines.get(n).and_then(|l| l.last) {
                            Some(p) => {
                                at = at.max(Some(p.t));
                                describe(c.metric, p.v, p.a, p.b)
                            }
                            None => "—".to_string(),
                        })
                        .collect();
                    let when = at
                        .map(|t| clock(t, offset, true))
                        .unwrap_or_else(|| "—".into());
                    (model.series_name(&key.job, &key.op), when, cells)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        // Hidden by its wrapper: a table ignores the 1 px width and would widen the page.
        <div class="visually-hidden">
            <table aria-label="Latest usage">
                <caption>"Latest usage of each op and replica"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Op and replica"</th>
                        <th scope="col">"Time"</th>
                        <th scope="col">"CPU"</th>
                        <th scope="col">"Memory"</th>
                        <th scope="col">"Disk"</th>
                        <th scope="col">"Network"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <tr>
                            <th scope="row">{row.0}</th>
                            <td>{row.1}</td>
                            {row.2.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
    }
}
