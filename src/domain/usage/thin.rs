//! Downsampling to the pixel width: a day of 5-second samples is 17,280 points per series,
//! far more than a chart's columns. Each column keeps its lowest and highest point (in time
//! order), so spikes and dips survive and a path has at most two points per column.

use super::metric::Point;

/// `runs` thinned to `columns` columns over `[t0, t1]`; runs stay apart (gaps stay gaps).
pub fn thin(runs: &[Vec<Point>], t0: i64, t1: i64, columns: usize) -> Vec<Vec<Point>> {
    let columns = columns.max(1);
    let span = (t1 - t0).max(1) as f64;
    let column = |t: i64| (((t - t0) as f64 / span) * columns as f64).floor() as i64;
    runs.iter()
        .map(|run| {
            if run.len() <= 2 * columns {
                return run.clone();
            }
            let mut out = Vec::with_capacity(2 * columns + 2);
            let mut i = 0;
            while i < run.len() {
                let c = column(run[i].t);
                let (mut lo, mut hi) = (i, i);
                let mut j = i + 1;
                while j < run.len() && column(run[j].t) == c {
                    if run[j].v < run[lo].v {
                        lo = j;
                    }
                    if run[j].v > run[hi].v {
                        hi = j;
                    }
                    j += 1;
                }
                let (first, second) = if lo <= hi { (lo, hi) } else { (hi, lo) };
                out.push(run[first]);
                if second != first {
                    out.push(run[second]);
                }
                i = j;
            }
            out
        })
        .collect()
}
