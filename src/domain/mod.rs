//! Rules with no I/O: what a status allows, input checks, cron, units.

/// Opt-in alerts: which status changes notify, and the 5-minute throttle.
pub mod alerts;
/// Bulk actions on the list: what is sent, what is skipped and why.
pub mod bulk;
/// Hourly costs of deployments and how long the credits last.
pub mod costs;
/// The create form's fields, checked together into a create request.
pub mod create;
/// The cron schedules of SCHEDULED deployments: parsing, descriptions, next runs.
pub mod cron;
/// Deployments as files: the export format, reading it back, and its checks.
pub mod deployment_file;
/// Container problems in plain words (out of memory, restarts, failing health checks).
pub mod diagnostics;
/// Side-by-side line diffs of job definitions.
pub mod diff;
/// Endpoint health per replica, and one word per endpoint when replicas agree.
pub mod endpoint_health;
/// Job states and durations, task due times, known event types.
pub mod history;
/// The job definition checker: the server's validator rules, with line numbers.
pub mod jobdef;
/// Which URLs from the API may become links (http and https only).
pub mod links;
/// Following a deployment live: stream frames and reconnect policy.
pub mod live;
/// Job logs: buffers, merge, filter, ANSI, progress folding, downloads.
pub mod logs;
/// Searching the market picker and reading its prices.
pub mod markets;
/// The rule for a deployment name.
pub mod names;
/// Checks on typed numbers (replicas, timeouts, rotation time).
pub mod numbers;
/// The backoff of a page that re-reads a settling deployment.
pub mod polling;
/// Keyboard shortcuts: what each key does, and when a key is no shortcut.
/// When the live stream's job frames make the list of running jobs out of date.
pub mod running_jobs;
pub mod shortcuts;
/// Which action each deployment status allows, and badge tone and label.
pub mod status;
/// Starter job definitions for new deployments.
pub mod templates;
/// The browser tab's title for a page.
pub mod titles;
/// Minutes, relative and exact times, short ids and dollars as people read them.
pub mod units;
/// Resource usage charts: ranges, held samples, rates, scales and thinning.
pub mod usage;
/// "1 job", "2 jobs".
pub mod words;
