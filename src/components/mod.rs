//! Reusable pieces of the interface, each named after what it renders.

pub mod account_costs;
pub mod choice_select;
pub mod clock;
pub mod confirm_dialog;
pub mod copy_button;
pub mod cron_reading;
pub mod deployment_cost;
pub mod diff_view;
pub mod disclosure;
pub mod error_box;
pub mod follow_link;
pub mod form_field;
pub mod json_editor;
pub mod json_file_button;
pub mod local_time;
pub mod modal;
pub mod notify_toggle;
pub mod pager;
pub mod palette;
pub mod relative_time;
pub mod short_code;
pub mod shortcuts_dialog;
pub mod status_badge;
pub mod status_line;
pub mod submit_button;
pub mod table_head;
