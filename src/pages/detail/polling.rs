//! When the live stream is not available (an older API, or it keeps failing),
//! the page reads a STARTING or STOPPING deployment again by itself, backing
//! off (1 s, 2 s, 4 s, ... 10 s), paused while the tab is hidden. Every timer
//! ends with the page.

use super::state::DetailState;
use crate::domain::polling::poll_delay_ms;
use crate::domain::status::is_transitional;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

#[derive(Clone, Copy)]
struct Poller {
    state: DetailState,
    wanted: Memo<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    attempt: StoredValue<u32>,
}

/// Polls whenever `fallback` (no live stream) and `visible` hold and the
/// status needs it; call once from the page.
pub fn poll_while_settling(state: DetailState, visible: Memo<bool>, fallback: Memo<bool>) {
    let status = state.field(|d| Some(d.status));
    let wanted = Memo::new(move |_| {
        fallback.get() && visible.get() && status.get().is_some_and(is_transitional)
    });
    let poller = Poller {
        state,
        wanted,
        timer: StoredValue::new(None),
        attempt: StoredValue::new(0),
    };
    Effect::new(move |_| {
        if wanted.get() {
            poller.attempt.set_value(0);
            poller.schedule();
        } else {
            poller.cancel();
        }
    });
    on_cleanup(move || poller.cancel());
}

impl Poller {
    /// Replaces any pending poll with one after the current backoff delay.
    fn schedule(self) {
        self.cancel();
        let Some(attempt) = self.attempt.try_get_value() else {
            return;
        };
        let delay = Duration::from_millis(u64::from(poll_delay_ms(attempt)));
        if let Ok(handle) = set_timeout_with_handle(move || self.tick(), delay) {
            self.timer.try_set_value(Some(handle));
        }
    }

    fn cancel(self) {
        if let Some(Some(handle)) = self.timer.try_update_value(Option::take) {
            handle.clear();
        }
    }

    fn tick(self) {
        self.timer.try_set_value(None);
        if !self.wanted.try_get_untracked().unwrap_or(false) {
            return;
        }
        spawn_local(async move {
            self.state.reload().await;
            if self
                .attempt
                .try_update_value(|a| *a = a.saturating_add(1))
                .is_none()
            {
                return;
            }
            if self.wanted.try_get_untracked() == Some(true) {
                self.schedule();
            }
        });
    }
}
