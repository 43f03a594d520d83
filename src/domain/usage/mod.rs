//! Resource usage of running jobs (issue 15): the chosen time range, the samples held per
//! op and replica, figures derived from them (rates from cumulative counters), and the
//! geometry of the charts (scales, ticks, downsampling to the pixel width).

/// Axes: nice value ticks, time ticks, and the path of a series.
pub mod chart;
/// Figures with their units as people read them.
pub mod format;
/// Held samples per job and op, merged from `/stats` and the live stream.
pub mod held;
/// The four charts' figures, rates from counters (restarts, gaps, uneven intervals).
pub mod metric;
/// The ranges offered (5 min to 24 h), in the URL as `?usage=`.
pub mod range;
/// Fewer points than pixels: min and max per pixel column.
pub mod thin;

#[cfg(test)]
mod incremental_tests;
#[cfg(test)]
mod tests;
