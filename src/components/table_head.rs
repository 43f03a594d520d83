//! A table's header row, written once from its list of columns.

use leptos::either::Either;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Column {
    name: &'static str,
    class: Option<&'static str>,
    /// `false`: the name is for assistive technology only (a column of buttons).
    shown: bool,
}

impl Column {
    pub const fn named(name: &'static str) -> Self {
        Column {
            name,
            class: None,
            shown: true,
        }
    }

    /// A column of numbers, aligned as numbers are.
    pub const fn number(name: &'static str) -> Self {
        Column {
            name,
            class: Some("num"),
            shown: true,
        }
    }

    pub const fn unnamed(name: &'static str) -> Self {
        Column {
            name,
            class: None,
            shown: false,
        }
    }
}

#[component]
pub fn TableHead(columns: &'static [Column]) -> impl IntoView {
    view! {
        <thead>
            <tr>
                {columns
                    .iter()
                    .map(|c| {
                        let name = if c.shown {
                            Either::Left(c.name)
                        } else {
                            Either::Right(view! { <span class="visually-hidden">{c.name}</span> })
                        };
                        view! { <th scope="col" class=c.class>{name}</th> }
                    })
                    .collect_view()}
            </tr>
        </thead>
    }
}
