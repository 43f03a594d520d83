//! Every field of the deployment in a `<dl>` grid. Each value follows its own
//! field, so a re-read only touches what changed.

use super::schedule::ScheduleReading;
use super::service_urls::EndpointList;
use super::state::DetailState;
use crate::api::models::Strategy;
use crate::components::copy_button::CopyButton;
use crate::components::deployment_cost::DeploymentCost;
use crate::components::relative_time::RelativeTime;
use crate::components::status_badge::StatusBadge;
use crate::domain::units::format_minutes;
use leptos::prelude::*;

#[component]
pub fn Fields(state: DetailState) -> impl IntoView {
    let text = |pick: fn(&crate::api::models::Deployment) -> &String| {
        state.field(move |d| pick(d).clone())
    };
    let id = text(|d| &d.id);
    let (market, vault, owner) = (text(|d| &d.market), text(|d| &d.vault), text(|d| &d.owner));
    let (created, updated) = (text(|d| &d.created_at), text(|d| &d.updated_at));
    let status = state.field(|d| d.status);
    let strategy = state.field(|d| d.strategy);
    let schedule = state.field(|d| d.schedule.clone());
    let rotation = state.field(|d| d.rotation_time);
    let replicas = state.field(|d| d.replicas);
    let active_jobs = state.field(|d| d.active_jobs);
    let timeout = state.field(|d| d.timeout);
    let confidential = state.field(|d| d.confidential);
    let revision = state.field(|d| d.active_revision);
    let endpoints = state.field(|d| d.endpoints.clone());

    let scheduled = move || strategy.get() == Strategy::Scheduled || schedule.with(Option::is_some);
    let infinite = move || strategy.get() == Strategy::Infinite || rotation.with(Option::is_some);

    view! {
        <dl class="detail-grid">
            <Row label="ID">
                <code class="detail-address">{id}</code>
                {move || view! { <CopyButton text=id.get() label="Copy id" /> }}
            </Row>
            <Row label="Status">
                <span aria-live="polite">
                    <StatusBadge status=status />
                </span>
            </Row>
            <Row label="Strategy">{move || strategy.get().as_str()}</Row>
            <Show when=scheduled>
                <Row label="Schedule">
                    <ScheduleReading cron=schedule now=state.now />
                </Row>
            </Show>
            <Row label="Replicas">{replicas}</Row>
            <Row label="Active jobs">{active_jobs}</Row>
            <Row label="Timeout">{move || format_minutes(timeout.get())}</Row>
            <Show when=infinite>
                <Row label="Rotation time">
                    {move || rotation.get().map(format_minutes).unwrap_or_else(|| "Not set".into())}
                </Row>
            </Show>
            <Row label="Market">
                <code class="detail-address">{market}</code>
            </Row>
            <Row label="Cost" wide=true>
                <DeploymentCost deployment=state.deployment detailed=true />
            </Row>
            <Row label="Vault">
                <code class="detail-address">{vault}</code>
            </Row>
            <Row label="Owner">
                <code class="detail-address">{owner}</code>
            </Row>
            <Row label="Confidential">{move || if confidential.get() { "Yes" } else { "No" }}</Row>
            <Row label="Active revision">{revision}</Row>
            <Row label="Endpoints" wide=true>
                <EndpointList endpoints=endpoints />
            </Row>
            <Row label="Created">{move || view! { <RelativeTime iso=created.get() /> }}</Row>
            <Row label="Updated">{move || view! { <RelativeTime iso=updated.get() /> }}</Row>
        </dl>
    }
}

/// One term and its value; a `wide` one takes a whole line of the grid.
#[component]
fn Row(label: &'static str, #[prop(optional)] wide: bool, children: Children) -> impl IntoView {
    let class = if wide {
        "detail-field detail-field-wide"
    } else {
        "detail-field"
    };
    view! {
        <div class=class>
            <dt>{label}</dt>
            <dd>{children()}</dd>
        </div>
    }
}
