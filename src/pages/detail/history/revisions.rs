//! The Revisions tab: every version of the job definition, the active one
//! marked; any one's JSON, any two side by side (A and B), and "Make active".

use super::list::{fetch_view, HistoryList};
use super::make_active::{MakeActive, MakeActiveDialog, MakeActiveOutcome};
use super::Ctx;
use crate::api::models::{Revision, RevisionList};
use crate::components::diff_view::DiffView;
use crate::components::disclosure::DisclosureButton;
use crate::components::pager::PageSizeSelect;
use crate::components::relative_time::RelativeTime;
use crate::components::short_code::short_code;
use crate::components::table_head::Columns;
use crate::domain::diff::{diff_values, pretty};
use crate::domain::status::{check, Action};
use leptos::prelude::*;

/// The two revisions picked for comparing; they may come from different pages.
#[derive(Clone, Copy)]
struct Compare {
    a: RwSignal<Option<Revision>>,
    b: RwSignal<Option<Revision>>,
}

#[component]
pub fn RevisionsPanel(ctx: Ctx) -> impl IntoView {
    let Ctx { state, view, go } = ctx;
    let data = fetch_view::<RevisionList>(ctx);
    let compare = Compare {
        a: RwSignal::new(None),
        b: RwSignal::new(None),
    };
    let make_active = MakeActive::new(state, data);
    view! {
        <div class="history-filters">
            <PageSizeSelect view=view go=go.callback() class="history-page-size" />
        </div>
        <MakeActiveOutcome m=make_active />
        <HistoryList
            ctx=ctx
            data=data
            columns=COLUMNS
            row=move |revision| {
                view! { <RevisionRow revision=revision ctx=ctx compare=compare m=make_active /> }
            }
        />
        <CompareSection compare=compare />
        <MakeActiveDialog m=make_active />
    }
}

const COLUMNS: Columns =
    Columns::new(&["Revision", "Created", "IPFS hash", "Compare", "Actions"]).unnamed(&["Actions"]);

#[component]
fn RevisionRow(revision: Revision, ctx: Ctx, compare: Compare, m: MakeActive) -> impl IntoView {
    let n = revision.revision;
    let active = ctx.state.field(|d| d.active_revision);
    let status = ctx.state.field(|d| d.status);
    let is_active = move || active.get() == n;
    let open = RwSignal::new(false);
    let json_id = format!("revision-json-{n}");
    let json = pretty(&revision.job_definition);
    let for_make = revision.clone();
    let locked = move || check(Action::Edit, status.get()).err();
    view! {
        <tr data-revision=n class:history-active=is_active>
            <th scope="row">
                {format!("Revision {n}")}
                <Show when=is_active>
                    " "<span class="badge badge-ok revision-active">"Active"</span>
                </Show>
            </th>
            <td>
                <RelativeTime iso=revision.created_at.clone() />
            </td>
            <td>{short_code(Some(revision.ipfs_definition_hash.clone()))}</td>
            <td class="compare-pick">
                {pick(compare.a, "A", revision.clone())} {pick(compare.b, "B", revision.clone())}
            </td>
            <td class="actions">
                <DisclosureButton open=open controls=json_id.clone()>
                    {move || if open.get() { "Hide JSON" } else { "View JSON" }}
                </DisclosureButton>
                <Show when=move || !is_active()>
                    <button
                        type="button"
                        class="btn"
                        disabled=move || locked().is_some() || m.busy()
                        title=locked
                        on:click={
                            let target = for_make.clone();
                            move |_| m.ask(target.clone())
                        }
                    >
                        "Make active"
                    </button>
                </Show>
            </td>
        </tr>
        <tr class="history-detail-row" id=json_id hidden=move || !open.get()>
            <td colspan="5">
                <pre
                    class="json-view"
                    tabindex="0"
                    aria-label=format!("Revision {n} job definition")
                >
                    {json}
                </pre>
            </td>
        </tr>
    }
}

/// The radio that picks this revision as side A or B of the comparison.
fn pick(side: RwSignal<Option<Revision>>, name: &'static str, revision: Revision) -> impl IntoView {
    let n = revision.revision;
    view! {
        <label class="chip">
            <input
                type="radio"
                name=format!("compare-{}", name.to_lowercase())
                aria-label=format!("Revision {n} as {name}")
                prop:checked=move || side.with(|r| r.as_ref().map(|r| r.revision) == Some(n))
                on:change=move |_| side.set(Some(revision.clone()))
            />
            {name}
        </label>
    }
}

#[component]
fn CompareSection(compare: Compare) -> impl IntoView {
    let Compare { a, b } = compare;
    let picked = move || a.with(Option::is_some) || b.with(Option::is_some);
    view! {
        <section class="history-compare" aria-labelledby="history-compare-title">
            <h3 id="history-compare-title">"Compare revisions"</h3>
            {move || match (a.get(), b.get()) {
                (Some(a), Some(b)) if a.revision == b.revision => {
                    view! {
                        <p class="muted">
                            {format!(
                                "A and B are both revision {}: pick two different revisions.",
                                a.revision,
                            )}
                        </p>
                    }
                        .into_any()
                }
                (Some(a), Some(b)) => {
                    view! {
                        <DiffView
                            rows=diff_values(&a.job_definition, &b.job_definition)
                            old_title=format!("A: revision {}", a.revision)
                            new_title=format!("B: revision {}", b.revision)
                        />
                    }
                        .into_any()
                }
                _ => {
                    view! {
                        <p class="muted">
                            "Pick A and B in the Compare column to see what changed between two revisions."
                        </p>
                    }
                        .into_any()
                }
            }}
            <Show when=picked>
                <button
                    type="button"
                    class="btn"
                    on:click=move |_| {
                        a.set(None);
                        b.set(None);
                    }
                >
                    "Clear comparison"
                </button>
            </Show>
        </section>
    }
}
