//! Reusable pieces of the interface, each named after what it renders.

pub mod clock;
pub mod copy_button;
pub mod error_box;
pub mod relative_time;
pub mod status_badge;
