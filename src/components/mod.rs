//! Reusable pieces of the interface, each named after what it renders.

pub mod clock;
pub mod confirm_dialog;
pub mod copy_button;
pub mod cron_reading;
pub mod diff_view;
pub mod error_box;
pub mod json_editor;
pub mod local_time;
pub mod notify_toggle;
pub mod relative_time;
pub mod status_badge;
