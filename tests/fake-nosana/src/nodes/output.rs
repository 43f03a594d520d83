//! What running jobs write, made up but plausible and deterministic: a start-up (the node
//! pulls the image with progress bars, starts the container, the program prints its
//! banner), then a steady trickle of coloured lines, stderr warnings, the node's own
//! health lines and now and then a burst; and N lines of history on request.

use serde_json::{json, Value};

use super::logs::{Draft, JobLog, Op, Stream};

const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Lines a burst writes at once.
pub const BURST: usize = 40;

/// Start-up lines written per step while a fresh job starts live.
const STARTING_PER_STEP: usize = 4;

/// The start-up lines: held at once, stamped from the job's start; or, for a job that
/// just started while the automatic output runs, queued to be written live.
pub fn startup(log: &mut JobLog, live: bool) {
    let ops = log.ops.clone();
    let drafts: Vec<Draft> = ops.iter().flat_map(start_of).collect();
    if live {
        log.starting.extend(drafts);
        return;
    }
    let mut at = log.start_ms;
    for draft in drafts {
        log.hold(draft, at);
        at += 137;
    }
}

fn start_of(op: &Op) -> Vec<Draft> {
    let info = |text: String| Draft::system(op, "info", Value::String(text));
    let bar = |kind: &str, payload: Value| {
        Draft::system(op, "info", json!({ "type": kind, "payload": payload }))
    };
    let mut out = vec![
        info(format!("Job started: running op {}\n", op.id)),
        info(format!("Pulling image {}\n", op.image)),
        bar("multi-process-bar-start", json!({ "image": op.image })),
    ];
    let layers = layer_ids(&op.image);
    let totals = [31_457_280u64, 8_388_608, 104_857_600];
    for id in &layers {
        out.push(bar(
            "multi-process-bar-update",
            json!({ "event": { "id": id, "status": "Pulling fs layer", "progressDetail": {} } }),
        ));
    }
    for (id, total) in layers.iter().zip(totals) {
        for part in 1..=3 {
            out.push(bar(
                "multi-process-bar-update",
                json!({ "event": { "id": id, "status": "Downloading",
                        "progressDetail": { "current": total * part / 3, "total": total } } }),
            ));
        }
        for status in ["Download complete", "Pull complete"] {
            out.push(bar(
                "multi-process-bar-update",
                json!({ "event": { "id": id, "status": status, "progressDetail": {} } }),
            ));
        }
    }
    out.push(bar("multi-process-bar-stop", json!({})));
    out.push(info(format!("Image {} pulled\n", op.image)));
    out.push(info(format!("Starting container for op {}\n", op.id)));
    let say = |text: String| Draft::out(op, text, Stream::Stdout);
    out.push(say(format!("{BOLD}==> Starting {}{RESET}\n", op.id)));
    out.push(say(format!(
        "{GREEN}INFO{RESET}  Loading configuration from /etc/{}/config.yaml\n",
        op.id
    )));
    out.push(Draft::out(
        op,
        format!(
            "{YELLOW}WARNING{RESET} CUDA_VISIBLE_DEVICES is not set; using every visible GPU\n"
        ),
        Stream::Stderr,
    ));
    out.push(say(format!(
        "{GREEN}INFO{RESET}  GPU 0: NVIDIA GeForce RTX 4090 (24564 MiB)\n"
    )));
    out.push(say(format!(
        "{GREEN}INFO{RESET}  Ready: listening on {CYAN}0.0.0.0:8000{RESET}\n"
    )));
    // The node's own line after the program's: a replay grouped by op is out of time order.
    out.push(info(format!("Op {} is running\n", op.id)));
    out
}

/// Docker-like short layer ids, stable per image.
fn layer_ids(image: &str) -> Vec<String> {
    let token = crate::rng::host_token(&[image]);
    let hex: String = token
        .bytes()
        .map(|b| char::from(b"0123456789abcdef"[usize::from(b) % 16]))
        .collect();
    (0..3)
        .map(|i| {
            let start = (i * 4) % hex.len().max(1);
            let mut id: String = hex.chars().cycle().skip(start).take(12).collect();
            id.replace_range(0..1, &i.to_string());
            id
        })
        .collect()
}

/// The drafts of step `n` of the steady output (one line, or a burst).
pub fn step(ops: &[Op], n: u64) -> Vec<Draft> {
    let op = &ops[(n as usize) % ops.len()];
    match n % 29 {
        28 => (1..=BURST)
            .map(|k| {
                Draft::out(
                    op,
                    format!("{DIM}[batch {n}]{RESET} generated token chunk {k}/{BURST}\n"),
                    Stream::Stdout,
                )
            })
            .collect(),
        _ if n % 11 == 10 => vec![Draft::system(
            op,
            "info",
            Value::String(format!("Health check passed for op {}\n", op.id)),
        )],
        _ if n % 7 == 6 => vec![Draft::out(
            op,
            format!(
                "{YELLOW}WARNING{RESET} GPU memory usage at {}%\n",
                70 + n % 25
            ),
            Stream::Stderr,
        )],
        _ => {
            let ms = 12 + (n * 37) % 400;
            let status = if n % 13 == 12 {
                format!("{YELLOW}404 Not Found{RESET}")
            } else {
                format!("{GREEN}200 OK{RESET}")
            };
            vec![Draft::out(
                op,
                format!(
                    "{GREEN}INFO{RESET}:     10.0.{}.{}:{} - \"POST /v1/completions HTTP/1.1\" {status} ({ms} ms)\n",
                    n % 4,
                    (n * 7) % 250 + 2,
                    40000 + (n * 131) % 20000
                ),
                Stream::Stdout,
            )]
        }
    }
}

/// Writes the next `count` steps live (a starting job's start-up first); returns the
/// lines written.
pub fn advance(log: &mut JobLog, count: u64, now_ms: i64) -> usize {
    let mut written = 0;
    for _ in 0..count {
        if !log.starting.is_empty() {
            let take = STARTING_PER_STEP.min(log.starting.len());
            let drafts: Vec<Draft> = log.starting.drain(..take).collect();
            written += drafts.len();
            for draft in drafts {
                log.write(draft, now_ms);
            }
            if log.starting.is_empty() {
                // The image is pulled and the container runs: `/info` says so.
                log.tell(super::logs::Live::Changed);
            }
            continue;
        }
        let drafts = step(&log.ops, log.step);
        log.step += 1;
        for draft in drafts {
            log.write(draft, now_ms);
            written += 1;
        }
    }
    written
}

/// Holds `n` lines of history, stamped up to now, spread over the job's ops; every 50th
/// is a warning on stderr. Quick enough for 100,000.
pub fn history(log: &mut JobLog, n: usize, now_ms: i64) {
    let ops = log.ops.clone();
    let first = now_ms - n as i64;
    log.lines.reserve(n);
    for i in 0..n {
        let op = &ops[i % ops.len()];
        let draft = if i % 50 == 49 {
            Draft::out(
                op,
                format!(
                    "{YELLOW}WARNING{RESET} history line {} of {n}: slow request\n",
                    i + 1
                ),
                Stream::Stderr,
            )
        } else {
            Draft::out(
                op,
                format!(
                    "{CYAN}{:>7}{RESET} history line {} of {n}: handled request in {} ms\n",
                    i + 1,
                    i + 1,
                    5 + i % 97
                ),
                Stream::Stdout,
            )
        };
        log.hold(draft, first + i as i64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops() -> Vec<Op> {
        vec![Op {
            id: "web".into(),
            group: "web".into(),
            image: "docker.io/nginx:1.27".into(),
        }]
    }

    #[test]
    fn startup_pulls_the_image_then_runs() {
        let mut log = JobLog::new("d", "J", "N", ops(), 1_000);
        startup(&mut log, false);
        let frames: Vec<&str> = log.lines.iter().map(|l| l.frame.as_str()).collect();
        assert!(frames
            .iter()
            .any(|f| f.contains("multi-process-bar-update")));
        assert!(frames.iter().any(|f| f.contains("Pull complete")));
        assert!(log.lines.iter().any(|l| l.op == "system"));
        assert!(log
            .lines
            .iter()
            .any(|l| matches!(l.result, Some((Stream::Stderr, _)))));
        assert_eq!(log.lines[0].ts, 1_000);
    }

    #[test]
    fn a_fresh_job_starts_live() {
        let mut log = JobLog::new("d", "J", "N", ops(), 1_000);
        startup(&mut log, true);
        assert!(log.lines.is_empty());
        assert_eq!(log.op_status("web"), "pulling");
        let queued = log.starting.len();
        let mut written = 0;
        while !log.starting.is_empty() {
            written += advance(&mut log, 1, 5_000);
        }
        assert_eq!(written, queued);
        assert_eq!(log.op_status("web"), "running");
        advance(&mut log, 1, 5_000);
        assert_eq!(log.lines.len(), queued + 1);
    }

    #[test]
    fn steps_cover_every_kind_and_repeat() {
        let ops = ops();
        let all: Vec<Draft> = (0..29).flat_map(|n| step(&ops, n)).collect();
        assert!(all.iter().any(|d| d.kind == "info"));
        assert!(all
            .iter()
            .any(|d| matches!(d.result, Some((Stream::Stderr, _)))));
        assert!(all
            .iter()
            .any(|d| d.message.as_str().is_some_and(|m| m.contains('\x1b'))));
        assert_eq!(step(&ops, 28).len(), BURST);
        assert_eq!(step(&ops, 3)[0].message, step(&ops, 3)[0].message);
    }

    #[test]
    fn history_is_quick_and_ordered() {
        let mut log = JobLog::new("d", "J", "N", ops(), 0);
        let started = std::time::Instant::now();
        history(&mut log, 100_000, 10_000_000);
        assert_eq!(log.lines.len(), 100_000);
        assert!(log.lines.windows(2).all(|w| w[0].ts < w[1].ts));
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
