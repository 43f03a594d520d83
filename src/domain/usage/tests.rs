use super::chart::*;
use super::format::*;
use super::held::*;
use super::metric::*;
use super::range::*;
use super::thin::thin;
use crate::api::node::stats::{parse_stats, TaskStat};

fn stat(op: &str, t: i64, read: f64, write: f64) -> TaskStat {
    TaskStat {
        op_id: op.into(),
        timestamp: t,
        cpu_percent: Some(50.0),
        memory_usage: Some(1000.0),
        memory_limit: Some(4000.0),
        disk_read: Some(read),
        disk_write: Some(write),
        net_received: Some(read * 2.0),
        net_sent: Some(write * 2.0),
    }
}

const GAP: i64 = 15_500;

#[test]
fn rates_are_differences_over_the_actual_spacing() {
    // 5 s, then 10 s (one frame lost, within the gap limit), then 2 s.
    let s = [
        stat("a", 0, 0.0, 0.0),
        stat("a", 5_000, 10.0, 5.0),
        stat("a", 15_000, 30.0, 5.0),
        stat("a", 17_000, 31.0, 6.0),
    ];
    let l = line(Metric::Disk, &s, 0, GAP);
    let pts: Vec<_> = l.points().map(|p| (p.t, p.a, p.b, p.v)).collect();
    assert_eq!(
        pts,
        vec![
            (5_000, 2.0, 1.0, 3.0),
            (15_000, 2.0, 0.0, 2.0),
            (17_000, 0.5, 0.5, 1.0)
        ]
    );
    assert_eq!(l.runs.len(), 1);
    assert!(l.restarts.is_empty());
}

#[test]
fn a_counter_drop_is_a_restart_not_a_negative_rate() {
    let s = [
        stat("a", 0, 100.0, 50.0),
        stat("a", 5_000, 110.0, 55.0),
        stat("a", 10_000, 2.0, 1.0), // restarted: counters start again
        stat("a", 15_000, 7.0, 2.0),
    ];
    let l = line(Metric::Network, &s, 0, GAP);
    assert!(l.points().all(|p| p.v >= 0.0 && p.a >= 0.0 && p.b >= 0.0));
    assert_eq!(l.restarts, vec![10_000]);
    assert_eq!(l.runs.len(), 2, "the line breaks at the restart");
    assert_eq!(l.runs[1][0].t, 15_000);
    assert_eq!(l.runs[1][0].v, 2.0 * (5.0 + 1.0) / 5.0);
}

#[test]
fn a_gap_breaks_the_line_instead_of_averaging_over_it() {
    let s = [
        stat("a", 0, 0.0, 0.0),
        stat("a", 5_000, 5.0, 0.0),
        stat("a", 65_000, 65.0, 0.0), // a minute without samples
        stat("a", 70_000, 70.0, 0.0),
    ];
    let l = line(Metric::Disk, &s, 0, GAP);
    let ts: Vec<Vec<i64>> = l
        .runs
        .iter()
        .map(|r| r.iter().map(|p| p.t).collect())
        .collect();
    assert_eq!(ts, vec![vec![5_000], vec![70_000]]);
    let cpu = line(Metric::Cpu, &s, 0, GAP);
    assert_eq!(cpu.runs.len(), 2);
    assert_eq!(cpu.points().count(), 4);
}

#[test]
fn the_sample_before_the_window_gives_the_first_rate() {
    let s = [stat("a", 0, 0.0, 0.0), stat("a", 5_000, 10.0, 0.0)];
    let l = line(Metric::Disk, &s, 1_000, GAP);
    assert_eq!(l.points().map(|p| p.v).collect::<Vec<_>>(), vec![2.0]);
    let cpu = line(Metric::Cpu, &s, 1_000, GAP);
    assert_eq!(
        cpu.points().count(),
        1,
        "CPU before the window is not shown"
    );
}

#[test]
fn memory_carries_its_limit_and_missing_figures_break_lines() {
    let mut s = vec![stat("a", 0, 0.0, 0.0), stat("a", 5_000, 0.0, 0.0)];
    s[1].memory_usage = None;
    s.push(stat("a", 10_000, 0.0, 0.0));
    let l = line(Metric::Memory, &s, 0, GAP);
    assert_eq!(l.runs.len(), 2);
    assert_eq!(l.last().unwrap().a, 4000.0);
}

#[test]
fn nearest_point_within_reach() {
    let s: Vec<_> = (0..5).map(|i| stat("a", i * 5_000, 0.0, 0.0)).collect();
    let l = line(Metric::Cpu, &s, 0, GAP);
    assert_eq!(nearest(&l, 7_400, 5_000).unwrap().t, 5_000);
    assert_eq!(nearest(&l, 7_600, 5_000).unwrap().t, 10_000);
    assert!(nearest(&l, 60_000, 5_000).is_none());
}

#[test]
fn held_samples_merge_in_order_and_replace_equal_times() {
    let mut h = Held::default();
    assert_eq!(
        h.add("j", [stat("a", 10, 0.0, 0.0), stat("a", 20, 0.0, 0.0)]),
        2
    );
    // A poll answered after a live frame: older samples go in place, equal ones are no change.
    assert_eq!(
        h.add("j", [stat("a", 5, 0.0, 0.0), stat("a", 10, 0.0, 0.0)]),
        1
    );
    assert_eq!(h.add("j", [stat("a", 20, 9.0, 0.0)]), 1);
    let key = SeriesKey {
        job: "j".into(),
        op: "a".into(),
    };
    let ts: Vec<i64> = h.series[&key].iter().map(|s| s.timestamp).collect();
    assert_eq!(ts, vec![5, 10, 20]);
    assert_eq!(h.series[&key][2].disk_read, Some(9.0));
    // The window keeps one sample before its start, for the first rate.
    assert_eq!(h.window(&key, 12, 20).len(), 2);
    h.trim(10);
    assert_eq!(h.points(), 2);
    h.keep_jobs(&[]);
    assert_eq!(h.points(), 0);
}

#[test]
fn ranges_read_from_and_write_to_the_url() {
    for r in Range::ALL {
        assert_eq!(Range::parse(r.as_str()), r);
    }
    assert_eq!(Range::parse("7d"), Range::M15);
    assert_eq!(
        with_range([("tab", "logs"), ("usage", "5m")], Some(Range::H6)),
        "?tab=logs&usage=6h"
    );
    assert_eq!(with_range([("usage", "5m")], None), "");
    assert_eq!(Range::H24.ms(), 86_400_000);
}

#[test]
fn range_interval_and_fetch_choice() {
    // Every range asks the node's own 5 s samples; the drawing thins them.
    assert!(Range::ALL.iter().all(|r| r.interval_s() == 5));
    assert_eq!(Range::M5.gap_ms(), 15_500);
    // Ticks: four to seven across every range.
    for r in Range::ALL {
        let n = r.ms() / r.tick_ms();
        assert!((4..=7).contains(&n), "{r:?}: {n}");
    }
    let now = 100_000_000;
    assert_eq!(
        missing_span(Range::M15, now, None),
        Some((now - 900_000, now))
    );
    assert_eq!(missing_span(Range::M15, now, Some(now - 3_600_000)), None);
    assert_eq!(
        missing_span(Range::H1, now, Some(now - 900_000)),
        Some((now - 3_600_000, now - 900_000))
    );
}

#[test]
fn thinning_keeps_extremes_and_at_most_two_points_a_column() {
    let run: Vec<Point> = (0..17_280)
        .map(|i| Point {
            t: i * 5_000,
            v: if i == 9_001 { 500.0 } else { (i % 7) as f64 },
            a: 0.0,
            b: 0.0,
        })
        .collect();
    let out = thin(&[run], 0, 86_400_000, 300);
    assert!(out[0].len() <= 600);
    assert!(out[0].iter().any(|p| p.v == 500.0), "the spike survives");
    assert!(out[0].windows(2).all(|w| w[0].t < w[1].t));
}

#[test]
fn scales_ticks_and_paths() {
    assert_eq!(nice_max(0.0), 1.0);
    assert_eq!(nice_max(3.2), 5.0);
    assert_eq!(nice_max(180.0), 200.0);
    assert_eq!(nice_max(21.0), 25.0);
    assert_eq!(nice_max(24_564.0), 25_000.0);
    assert_eq!(value_ticks(200.0), vec![0.0, 50.0, 100.0, 150.0, 200.0]);
    // 10:02 to 11:02 UTC, ticks every 10 minutes on round local times (UTC+0:30 here).
    let t0 = (10 * 60 + 2) * 60_000;
    let ticks = time_ticks(t0, t0 + 3_600_000, 600_000, 30 * 60_000);
    assert_eq!(clock(ticks[0], 30 * 60_000, false), "10:40");
    assert_eq!(ticks.len(), 6);
    let s = Scale {
        t0: 0,
        t1: 1000,
        vmax: 100.0,
        width: 460.0,
    };
    assert_eq!(s.x(0), PAD_LEFT);
    assert_eq!(s.x(1000), 460.0 - PAD_RIGHT);
    assert_eq!(s.y(0.0), HEIGHT - PAD_BOTTOM);
    assert_eq!(s.y(100.0), PAD_TOP);
    assert_eq!(s.t_at(s.x(500)), 500);
    let p = |t, v| Point {
        t,
        v,
        a: 0.0,
        b: 0.0,
    };
    let d = s.path(&[vec![p(0, 0.0), p(1000, 100.0)], vec![p(500, 50.0)]]);
    assert_eq!(d, "M52.0 138.0L452.0 8.0M252.0 73.0h1");
}

#[test]
fn figures_with_units() {
    assert_eq!(figure(Metric::Cpu, 123.44), "123.4 %");
    assert_eq!(figure(Metric::Memory, 3120.4), "3,120 MB");
    assert_eq!(figure(Metric::Memory, 24_564.0), "24.0 GB");
    assert_eq!(figure(Metric::Disk, 1.5), "1.50 MB/s");
    assert_eq!(figure(Metric::Network, 0.25), "256 KB/s");
    assert_eq!(tick(2.5), "2.5");
    assert_eq!(tick(25_000.0), "25k");
    assert_eq!(clock(3_723_000, 0, true), "01:02:03");
    assert_eq!(no_reading_for(100_000, Some(90_000)), None);
    assert_eq!(no_reading_for(100_000, Some(80_000)), Some(20));
    assert_eq!(no_reading_for(100_000, None), None);
    assert_eq!(bar_percent(3_000.0, 12_000.0), 25);
    assert_eq!(bar_percent(5.0, 0.0), 0);
    assert_eq!(
        describe(Metric::Disk, 1.5, 1.0, 0.5),
        "1.50 MB/s (read 1.00 MB/s, write 512 KB/s)"
    );
    assert_eq!(
        describe(Metric::Memory, 3120.0, 24_564.0, 0.0),
        "3,120 MB of 24.0 GB"
    );
    assert_eq!(describe(Metric::Cpu, 80.0, 0.0, 0.0), "80.0 %");
}

#[test]
fn stats_frames_array_single_object_or_junk() {
    let arr = r#"[{"opId":"a","timestamp":5,"cpu":{"cpu_percent":12.5},"memory":{"memory_usage":100,"memory_limit":200,"memory_percent":50},"disk":{"read":1,"write":2},"network":{"received":3,"sent":4}},{"timestamp":6}]"#;
    let got = parse_stats(arr);
    assert_eq!(got.len(), 1, "an item without an op is skipped");
    assert_eq!(got[0].cpu_percent, Some(12.5));
    assert_eq!(got[0].net_sent, Some(4.0));
    let one = r#"{"opId":"b","timestamp":"7","cpu":{"cpu_percent":"3.5"}}"#;
    let got = parse_stats(one);
    assert_eq!(
        (got[0].timestamp, got[0].cpu_percent, got[0].disk_read),
        (7, Some(3.5), None)
    );
    assert!(parse_stats("keep-alive").is_empty());
    assert!(parse_stats("42").is_empty());
}
