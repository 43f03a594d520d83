//! Rules with no I/O: what a status allows, input checks, cron, units.

/// The cron schedules of SCHEDULED deployments: parsing, descriptions, next runs.
pub mod cron;
/// The job definition checker: the server's validator rules, with line numbers.
pub mod jobdef;
/// Checks on typed numbers and names (replicas, timeouts, rotation time).
pub mod numbers;
/// Which action each deployment status allows, and badge tone and label.
pub mod status;
/// Minutes, relative and exact times, short ids and dollars as people read them.
pub mod units;
