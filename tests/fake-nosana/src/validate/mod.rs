//! Input validation, worded like the real service's schema errors.

pub mod bodies;
pub mod cron;
pub mod jobdef;
pub mod params;
pub mod schema;
