//! The open deployment is followed for alerts: its live stream reports it
//! where open, otherwise the alerts poll reads it (and its jobs).

use super::state::DetailState;
use crate::client::Alerts;
use crate::domain::live::Mode;
use leptos::prelude::*;

pub fn follow(state: DetailState) {
    let alerts = Alerts::use_alerts();
    Effect::new(move |_| {
        let live = state.mode.get() == Mode::Live;
        alerts.on.track();
        state.deployment.with(|d| {
            if let Some(d) = d {
                alerts.observe(d);
                alerts.follow_detail(Some((d.id.clone(), live)));
            }
        });
    });
    on_cleanup(move || alerts.follow_detail(None));
}
