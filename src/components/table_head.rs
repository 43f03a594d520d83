//! A table's header row, written once from its column names.

use leptos::either::Either;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Columns {
    names: &'static [&'static str],
    /// Columns of numbers, aligned as numbers are.
    numbers: &'static [&'static str],
    /// Columns named for assistive technology only (a column of buttons).
    unnamed: &'static [&'static str],
}

impl Columns {
    pub const fn new(names: &'static [&'static str]) -> Self {
        Columns {
            names,
            numbers: &[],
            unnamed: &[],
        }
    }

    pub const fn numbers(self, numbers: &'static [&'static str]) -> Self {
        Columns { numbers, ..self }
    }

    pub const fn unnamed(self, unnamed: &'static [&'static str]) -> Self {
        Columns { unnamed, ..self }
    }
}

#[component]
pub fn TableHead(columns: Columns) -> impl IntoView {
    let head = move |name: &'static str| {
        let class = columns.numbers.contains(&name).then_some("num");
        let text = if columns.unnamed.contains(&name) {
            Either::Left(view! { <span class="visually-hidden">{name}</span> })
        } else {
            Either::Right(name)
        };
        view! {
            <th scope="col" class=class>
                {text}
            </th>
        }
    };
    view! {
        <thead>
            <tr>{columns.names.iter().copied().map(head).collect_view()}</tr>
        </thead>
    }
}
