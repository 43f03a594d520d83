//! Opt-in browser notifications ("Notify me"): the setting (in sessionStorage
//! through `session`), the deployments the open pages follow, a light poll of
//! those the live stream does not cover, and the notifications themselves.
//! The rules (what is news, the throttle) are `domain::alerts`.

mod poll;

use super::auth::Auth;
use crate::api::endpoints;
use crate::api::models::{Deployment, JobState};
use crate::api::node::result::parse_result;
use crate::api::query::{DeploymentFilter, Page};
use crate::domain::alerts::{result_retry_ms, Alert, Followed, Tracker};
use crate::session;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

#[derive(Clone, Copy)]
pub struct Alerts {
    pub on: RwSignal<bool>,
    /// The browser refused permission (now or earlier).
    pub denied: RwSignal<bool>,
    /// A notification was clicked: the deployment to open (the header, inside
    /// the router, navigates there).
    pub open: RwSignal<Option<String>>,
    tracker: StoredValue<Tracker>,
    /// What the list page and the detail page follow.
    followed: RwSignal<Followed>,
}

impl Alerts {
    pub fn provide(auth: Auth) {
        let granted = permission() == Some(NotificationPermission::Granted);
        let alerts = Alerts {
            on: RwSignal::new(granted && session::alerts_on()),
            denied: RwSignal::new(false),
            open: RwSignal::new(None),
            tracker: StoredValue::new(Tracker::default()),
            followed: RwSignal::new(Followed::default()),
        };
        provide_context(alerts);
        alerts.poll_while_wanted(auth);
    }

    pub fn use_alerts() -> Alerts {
        expect_context::<Alerts>()
    }

    /// "Notify me": asks the browser once, on the user's click, never before.
    pub fn toggle(self) {
        if self.on.get_untracked() {
            self.set(false);
            return;
        }
        match permission() {
            None => self.denied.set(true),
            Some(NotificationPermission::Granted) => self.set(true),
            Some(NotificationPermission::Denied) => self.denied.set(true),
            Some(_) => leptos::task::spawn_local(async move {
                let answer = match Notification::request_permission() {
                    Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.ok(),
                    Err(_) => None,
                };
                if answer.and_then(|a| a.as_string()).as_deref() == Some("granted") {
                    self.set(true);
                } else {
                    self.denied.set(true);
                }
            }),
        }
    }

    fn set(self, on: bool) {
        self.on.set(on);
        self.denied.set(false);
        session::set_alerts_on(on);
        if !on {
            self.tracker.update_value(Tracker::forget);
        }
    }

    /// The list page's request (its filters and page), `None` when it goes.
    pub fn follow_list(self, request: Option<(DeploymentFilter, Page)>) {
        self.followed.update(|f| f.list = request);
    }

    /// The detail page's deployment and whether its live stream reports it,
    /// `None` when the page goes.
    pub fn follow_detail(self, detail: Option<(String, bool)>) {
        self.followed.update(|f| f.detail = detail);
    }

    /// A status the app read (page, stream or poll): notifies when it is news.
    pub fn observe(self, d: &Deployment) {
        if !self.on.get_untracked() {
            return;
        }
        let now = js_sys::Date::now();
        let alert = self
            .tracker
            .try_update_value(|t| t.observe(&d.id, &d.name, d.status, now))
            .flatten();
        if let Some(alert) = alert {
            self.notify(alert);
        }
    }

    /// A job state of deployment `id` the app read: when a job seen running
    /// has ended while alerts are on, reads its result, again with backoff
    /// while the node has not uploaded it, and notifies on a non-zero exit.
    pub fn job_state(self, auth: Auth, (id, name): (&str, &str), job: &str, state: JobState) {
        let ended = self
            .tracker
            .try_update_value(|t| t.jobs.job_state(id, job, state))
            .unwrap_or(false);
        if ended && self.on.get_untracked() {
            leptos::task::spawn_local(self.read_result(
                auth,
                (id.to_string(), name.to_string()),
                job.to_string(),
            ));
        }
    }

    async fn read_result(self, auth: Auth, (id, name): (String, String), job: String) {
        let mut attempt = 0;
        loop {
            let read = auth.call(endpoints::get_job(&id, &job)).await;
            if let Ok(detail) = &read {
                if let Some(result) = parse_result(&detail.job_result) {
                    if !self.on.try_get_untracked().unwrap_or(false) {
                        return;
                    }
                    let now = js_sys::Date::now();
                    let alert = self
                        .tracker
                        .try_update_value(|t| t.job_result(&id, &name, &job, &result, now))
                        .flatten();
                    if let Some(alert) = alert {
                        self.notify(alert);
                    }
                    return;
                }
            }
            let Some(wait) = result_retry_ms(attempt) else {
                return;
            };
            attempt += 1;
            gloo_timers::future::TimeoutFuture::new(wait).await;
        }
    }

    fn notify(self, alert: Alert) {
        let options = NotificationOptions::new();
        options.set_body(&alert.body);
        options.set_tag(&format!("nosana-{}", alert.id));
        let Ok(shown) = Notification::new_with_options(&alert.title, &options) else {
            return;
        };
        let id = alert.id;
        let click = Closure::<dyn FnMut()>::new(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.focus();
            }
            self.open.try_set(Some(id.clone()));
        });
        shown.set_onclick(Some(click.as_ref().unchecked_ref()));
        click.forget();
    }
}

/// `None` where the browser has no notifications at all.
fn permission() -> Option<NotificationPermission> {
    let window = web_sys::window()?;
    let has = js_sys::Reflect::has(&window, &JsValue::from_str("Notification")).ok()?;
    has.then(Notification::permission)
}
