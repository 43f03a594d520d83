//! A chart's geometry: value and time scales, ticks at round numbers, and a line's SVG path.
//! The chart is drawn at its pixel width (one SVG unit per CSS pixel), so labels keep their
//! size on a phone and the path holds no more points than the chart has columns.

use super::metric::Point;
use super::thin::thin;

/// Room for the value labels (left) and the time labels (below), in px.
pub const PAD_LEFT: f64 = 52.0;
pub const PAD_RIGHT: f64 = 8.0;
pub const PAD_TOP: f64 = 8.0;
pub const PAD_BOTTOM: f64 = 22.0;
pub const HEIGHT: f64 = 160.0;

/// The smallest round number (1, 2, 2.5 or 5 times a power of ten) at or above `v`;
/// 1 for nothing to show.
pub fn nice_max(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|x| *x >= v * (1.0 - 1e-9))
        .unwrap_or(10.0 * p)
}

/// Five value ticks from 0 to `max`.
pub fn value_ticks(max: f64) -> Vec<f64> {
    (0..=4).map(|i| max * f64::from(i) / 4.0).collect()
}

/// Times in `[t0, t1]` that are whole multiples of `step` in the viewer's time zone
/// (`offset_ms` east of UTC), so ticks fall on round local times.
pub fn time_ticks(t0: i64, t1: i64, step: i64, offset_ms: i64) -> Vec<i64> {
    if step <= 0 || t1 <= t0 {
        return Vec::new();
    }
    let first = (t0 + offset_ms).div_euclid(step) * step + step - offset_ms;
    let first = if first - step >= t0 {
        first - step
    } else {
        first
    };
    (0..)
        .map(|i| first + i * step)
        .take_while(|t| *t <= t1)
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub t0: i64,
    pub t1: i64,
    pub vmax: f64,
    /// The whole chart's width in px.
    pub width: f64,
}

impl Scale {
    pub fn plot_width(&self) -> f64 {
        (self.width - PAD_LEFT - PAD_RIGHT).max(10.0)
    }

    pub fn x(&self, t: i64) -> f64 {
        let span = (self.t1 - self.t0).max(1) as f64;
        PAD_LEFT + (t - self.t0) as f64 / span * self.plot_width()
    }

    pub fn y(&self, v: f64) -> f64 {
        let h = HEIGHT - PAD_TOP - PAD_BOTTOM;
        let v = v.clamp(0.0, self.vmax);
        PAD_TOP + h - v / self.vmax.max(f64::MIN_POSITIVE) * h
    }

    /// The time under a horizontal position (clamped to the plot).
    pub fn t_at(&self, x: f64) -> i64 {
        let f = ((x - PAD_LEFT) / self.plot_width()).clamp(0.0, 1.0);
        self.t0 + (f * (self.t1 - self.t0) as f64).round() as i64
    }

    /// Columns the line is thinned to: one per two pixels.
    pub fn columns(&self) -> usize {
        (self.plot_width() / 2.0).ceil() as usize
    }

    /// A column's span in ms for `Trace`: the columns of `path`.
    pub fn col_ms(&self) -> i64 {
        ((self.t1 - self.t0).max(1) / self.columns().max(1) as i64).max(1)
    }

    /// The transform that maps a `Trace`'s coordinates (seconds after `anchor`, figures) to
    /// this chart's pixels, as `x` and `y` do.
    pub fn transform(&self, anchor: i64) -> String {
        let (tx, ty, sx, sy) = self.transform_parts(anchor);
        format!("translate({tx:.2} {ty:.1}) scale({sx} {sy})")
    }

    /// Translation and scale of `transform`: x = tx + sx * seconds, y = ty + sy * figure.
    pub fn transform_parts(&self, anchor: i64) -> (f64, f64, f64, f64) {
        let h = HEIGHT - PAD_TOP - PAD_BOTTOM;
        let sx = self.plot_width() * 1000.0 / (self.t1 - self.t0).max(1) as f64;
        let tx = PAD_LEFT + (anchor - self.t0) as f64 / 1000.0 * sx;
        let sy = -h / self.vmax.max(f64::MIN_POSITIVE);
        (tx, PAD_TOP + h, sx, sy)
    }

    /// The SVG path (`M x y L x y ...`) of `runs`, thinned to the chart's columns; a new
    /// `M` after every gap. A run of one point is a short dash, so it still shows.
    pub fn path(&self, runs: &[Vec<Point>]) -> String {
        use std::fmt::Write;
        let mut d = String::new();
        for run in thin(runs, self.t0, self.t1, self.columns()) {
            for (i, p) in run.iter().enumerate() {
                let cmd = if i == 0 { 'M' } else { 'L' };
                let _ = write!(d, "{cmd}{:.1} {:.1}", self.x(p.t), self.y(p.v));
            }
            if run.len() == 1 {
                d.push_str("h1");
            }
        }
        d
    }
}

/// The largest figure of the lines (and limits) to fit on the value axis.
pub fn top(values: impl IntoIterator<Item = f64>) -> f64 {
    nice_max(
        values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max),
    )
}
