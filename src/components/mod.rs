//! Reusable pieces of the interface, each named after what it renders.

pub mod account_costs;
pub mod clock;
pub mod confirm_dialog;
pub mod copy_button;
pub mod cron_reading;
pub mod deployment_cost;
pub mod diff_view;
pub mod error_box;
pub mod follow_link;
pub mod json_editor;
pub mod local_time;
pub mod modal;
pub mod palette;
pub mod relative_time;
pub mod shortcuts_dialog;
pub mod status_badge;
