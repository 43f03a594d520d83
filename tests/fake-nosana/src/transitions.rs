//! The background tick that makes due automatic status changes, so streams see
//! them without anyone polling; the node double's clock work rides on it.

use std::sync::Weak;
use std::time::{Duration, Instant};

use crate::state::{App, Shared};

const TICK: Duration = Duration::from_millis(50);

/// Runs until the app is dropped (it holds only a weak reference).
pub fn spawn(app: &App) {
    let weak: Weak<Shared> = std::sync::Arc::downgrade(&app.0);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        loop {
            tick.tick().await;
            let Some(shared) = weak.upgrade() else {
                return;
            };
            let app = App(shared);
            app.store().advance(Instant::now());
            crate::nodes::tick(&app);
        }
    });
}
