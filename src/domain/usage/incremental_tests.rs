//! Lines kept up to date sample by sample, and traces kept column by column, must give what
//! deriving and thinning from scratch gives.

use super::chart::Scale;
use super::held::{Held, SeriesKey};
use super::metric::{line, Metric};
use super::range::GAP_MS;
use super::thin::Trace;
use crate::api::node::stats::TaskStat;

fn stat(t: i64, cpu: f64, read: f64, sent: f64) -> TaskStat {
    TaskStat {
        op_id: "op".into(),
        timestamp: t,
        cpu_percent: Some(cpu),
        memory_usage: Some(cpu * 10.0),
        memory_limit: Some(4000.0),
        disk_read: Some(read),
        disk_write: Some(read / 2.0),
        net_received: Some(sent * 3.0),
        net_sent: Some(sent),
    }
}

fn key() -> SeriesKey {
    SeriesKey {
        job: "j".into(),
        op: "op".into(),
    }
}

/// Sequences with what the derivation must handle: steady 5 s samples, uneven spacing, a
/// counter drop (restart), a gap, a missing figure, and a lost frame within the gap limit.
fn sequences() -> Vec<Vec<TaskStat>> {
    let steady: Vec<_> = (0..40)
        .map(|i| stat(i * 5_000, (i % 9) as f64, i as f64 * 3.0, i as f64))
        .collect();
    let mut restart = steady.clone();
    for (n, s) in restart.iter_mut().enumerate().skip(17) {
        s.disk_read = Some((n - 17) as f64);
        s.net_sent = Some((n - 17) as f64 * 0.5);
    }
    let mut gap: Vec<_> = steady.clone();
    for s in gap.iter_mut().skip(20) {
        s.timestamp += 60_000;
    }
    let mut holes = steady.clone();
    holes[7].cpu_percent = None;
    holes[8].disk_write = None;
    holes.remove(12);
    holes[25].timestamp += 2_300;
    vec![steady, restart, gap, holes]
}

fn windows() -> Vec<(i64, i64)> {
    vec![
        (i64::MIN, i64::MAX),
        (0, 400_000),
        (12_000, 90_000),
        (85_000, 160_000),
        (100_000, 100_000),
        (150_000, 400_000),
    ]
}

fn assert_same_as_scratch(h: &Held, what: &str) {
    let k = key();
    let d = &h.derived[&k];
    for m in Metric::ALL {
        for (start, end) in windows() {
            let scratch = line(m, h.window(&k, start, end), start, GAP_MS);
            assert_eq!(
                d.line(m).window(start, end),
                scratch,
                "{what}: {m:?} in [{start}, {end}]"
            );
        }
    }
}

#[test]
fn appending_samples_gives_the_lines_of_a_derivation_from_scratch() {
    for (n, seq) in sequences().into_iter().enumerate() {
        let mut one_by_one = Held::default();
        for s in &seq {
            one_by_one.add("j", [s.clone()]);
        }
        assert_same_as_scratch(&one_by_one, &format!("sequence {n}, one by one"));
        let mut in_chunks = Held::default();
        for chunk in seq.chunks(7) {
            in_chunks.add("j", chunk.to_vec());
        }
        assert_eq!(
            in_chunks.derived, one_by_one.derived,
            "sequence {n}, chunks"
        );
    }
}

#[test]
fn samples_older_than_the_newest_rebuild_the_lines() {
    for (n, seq) in sequences().into_iter().enumerate() {
        // The stream first, then the past from `/stats`, then a poll that overlaps.
        let mut h = Held::default();
        h.add("j", seq[30..].to_vec());
        let before = h.derived[&key()].epoch;
        h.add("j", seq[..31].to_vec());
        assert_ne!(h.derived[&key()].epoch, before, "rebuilt");
        let mut changed = seq[29].clone();
        changed.cpu_percent = Some(99.0);
        h.add("j", [changed]);
        assert_same_as_scratch(&h, &format!("sequence {n}, out of order"));
    }
}

#[test]
fn trimming_keeps_the_lines_of_every_window_after_the_cut() {
    for (n, seq) in sequences().into_iter().enumerate() {
        let mut h = Held::default();
        h.add("j", seq.clone());
        h.trim_lazily(50_000, 60_000);
        assert_eq!(h.points(), seq.len(), "within the slack: nothing dropped");
        h.trim_lazily(50_000, 10_000);
        assert!(h.points() < seq.len());
        // Appending after a trim still extends the lines.
        let last = seq.last().unwrap();
        h.add("j", [stat(last.timestamp + 5_000, 3.0, 1e6, 1e6)]);
        let k = key();
        let d = &h.derived[&k];
        for m in Metric::ALL {
            // A window from the second sample held on has its first rate's sample held.
            let start = h.series[&k][1].timestamp;
            let scratch = line(m, h.window(&k, start, i64::MAX), start, GAP_MS);
            assert_eq!(
                d.line(m).window(start, i64::MAX),
                scratch,
                "sequence {n}: {m:?}"
            );
            assert!(d.line(m).points().all(|p| p.t >= 50_000));
        }
    }
}

fn trace_of(h: &Held, m: Metric, col_ms: i64, anchor: i64) -> Trace {
    let d = &h.derived[&key()];
    let mut t = Trace::default();
    t.sync(d.line(m), d.epoch, col_ms, anchor);
    t
}

#[test]
fn a_trace_kept_column_by_column_equals_one_drawn_at_once() {
    for (n, seq) in sequences().into_iter().enumerate() {
        for col_ms in [1_000, 5_000, 12_000, 40_000] {
            for m in Metric::ALL {
                let mut h = Held::default();
                let mut kept = Trace::default();
                for s in &seq {
                    h.add("j", [s.clone()]);
                    let d = &h.derived[&key()];
                    kept.sync(d.line(m), d.epoch, col_ms, 0);
                }
                let whole = trace_of(&h, m, col_ms, 0);
                let what = format!("sequence {n}, {m:?}, columns of {col_ms} ms");
                assert_eq!(kept.d(), whole.d(), "{what}");
                // At most two points a column, and a new run only where the line breaks.
                let points = kept.d().matches(['M', 'L']).count();
                assert!(points <= 2 * kept.columns(), "{what}");
                let runs = h.derived[&key()].line(m).runs.len();
                assert_eq!(kept.d().matches('M').count(), runs, "{what}");
                // Leaving the window: the same as a trace of what is left.
                let t0 = 61_000;
                kept.drop_before(t0);
                let mut left = Held::default();
                let col0 = t0.div_euclid(col_ms) * col_ms;
                left.add("j", seq.iter().filter(|s| s.timestamp >= col0).cloned());
                let d = kept.d();
                assert!(d.is_empty() || d.starts_with('M'), "{what}: {d}");
                // Figures read as sent (no rate needs the sample before) match exactly.
                if matches!(m, Metric::Cpu | Metric::Memory) {
                    assert_eq!(
                        d,
                        trace_of(&left, m, col_ms, 0).d(),
                        "{what}: after the cut"
                    );
                    // Starting again at the window's start takes only the columns from it.
                    let fresh = trace_of(&h, m, col_ms, t0);
                    assert_eq!(
                        fresh.d(),
                        trace_of(&left, m, col_ms, t0).d(),
                        "{what}: fresh"
                    );
                    assert_eq!(fresh.columns(), kept.columns(), "{what}: fresh");
                }
                assert!(kept.max() >= 0.0);
            }
        }
    }
}

#[test]
fn the_spike_survives_and_the_transform_matches_the_scale() {
    let mut h = Held::default();
    let seq: Vec<_> = (0..17_280)
        .map(|i| {
            stat(
                i * 5_000,
                if i == 9_001 { 500.0 } else { (i % 7) as f64 },
                0.0,
                0.0,
            )
        })
        .collect();
    h.add("j", seq);
    let s = Scale {
        t0: 0,
        t1: 86_400_000,
        vmax: 500.0,
        width: 652.0,
    };
    let t = trace_of(&h, Metric::Cpu, s.col_ms(), 0);
    assert!(t.columns() <= s.columns() + 1);
    assert_eq!(t.max(), 500.0);
    assert!(t.d().contains(&format!("L{:.1} 500", 9_001.0 * 5.0)));
    let (tx, ty, sx, sy) = s.transform_parts(1_000_000);
    for (time, v) in [(1_000_000, 0.0), (43_200_000, 250.0), (86_400_000, 500.0)] {
        let x = tx + sx * (time - 1_000_000) as f64 / 1000.0;
        let y = ty + sy * v;
        assert!((x - s.x(time)).abs() < 1e-9, "x at {time}");
        assert!((y - s.y(v)).abs() < 1e-9, "y of {v}");
    }
}
