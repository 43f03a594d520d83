//! Command-line options. Parsed by hand: a handful of `--flag value` pairs do not
//! justify an argument-parsing crate.

use std::path::PathBuf;

pub const USAGE: &str = "usage: fake-nosana [--host 127.0.0.1] [--port 8787] [--dist PATH] \
[--transition-ms 3000] [--latency-ms 0] [--seed-count 30] [--keepalive-ms 25000] \
[--csp \"<policy>\"] [--fail-next N --fail-status S] [--no-config-json] [--node-output-ms 1500] \
[--result-delay-ms 5000]";

/// How the server is launched. The store-related values are also the defaults
/// that `POST /__fake/reset` restores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub host: String,
    pub port: u16,
    pub dist: Option<PathBuf>,
    pub transition_ms: u64,
    pub latency_ms: u64,
    pub seed_count: usize,
    pub keepalive_ms: u64,
    pub csp: Option<String>,
    /// `(count, status)`: the first API requests fail, e.g. to test a cold start.
    pub fail_next: Option<(u32, u16)>,
    /// Serve `/config.json` (naming this server's API and node double).
    pub config_json: bool,
    /// Interval of running jobs' automatic output; 0 starts with it paused.
    pub node_output_ms: u64,
    /// How long an ended job's result stays null.
    pub result_delay_ms: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            host: "127.0.0.1".to_string(),
            port: 8787,
            dist: None,
            transition_ms: 3000,
            latency_ms: 0,
            seed_count: 30,
            keepalive_ms: 25_000,
            csp: None,
            fail_next: None,
            config_json: true,
            node_output_ms: 1500,
            result_delay_ms: 5000,
        }
    }
}

impl Options {
    /// Parses the arguments after the program name.
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
        let mut opts = Options::default();
        let mut fail_count: Option<u32> = None;
        let mut fail_status: Option<u16> = None;
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            if flag == "--help" || flag == "-h" {
                return Err(USAGE.to_string());
            }
            if flag == "--no-config-json" {
                opts.config_json = false;
                continue;
            }
            let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
            match flag.as_str() {
                "--host" => opts.host = value,
                "--port" => opts.port = number(&flag, &value)?,
                "--dist" => opts.dist = Some(PathBuf::from(value)),
                "--transition-ms" => opts.transition_ms = number(&flag, &value)?,
                "--latency-ms" => opts.latency_ms = number(&flag, &value)?,
                "--seed-count" => opts.seed_count = number(&flag, &value)?,
                "--keepalive-ms" => opts.keepalive_ms = number(&flag, &value)?,
                "--csp" => opts.csp = Some(value),
                "--fail-next" => fail_count = Some(number(&flag, &value)?),
                "--fail-status" => fail_status = Some(number(&flag, &value)?),
                "--node-output-ms" => opts.node_output_ms = number(&flag, &value)?,
                "--result-delay-ms" => opts.result_delay_ms = number(&flag, &value)?,
                _ => return Err(format!("unknown option {flag}")),
            }
        }
        opts.fail_next = match (fail_count, fail_status) {
            (Some(count), status) => Some((count, status.unwrap_or(500))),
            (None, Some(_)) => return Err("--fail-status needs --fail-next".to_string()),
            (None, None) => None,
        };
        if let Some((_, status)) = opts.fail_next {
            if !(100..=599).contains(&status) {
                return Err(format!("--fail-status {status} is not an HTTP status"));
            }
        }
        Ok(opts)
    }
}

fn number<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{flag} expects a number, got {value:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, String> {
        Options::parse(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn defaults_without_arguments() {
        assert_eq!(parse(&[]).unwrap(), Options::default());
    }

    #[test]
    fn reads_every_flag() {
        let o = parse(&[
            "--host",
            "0.0.0.0",
            "--port",
            "0",
            "--dist",
            "dist",
            "--transition-ms",
            "50",
            "--latency-ms",
            "5",
            "--seed-count",
            "100",
            "--keepalive-ms",
            "200",
            "--csp",
            "default-src 'self'",
            "--fail-next",
            "2",
            "--fail-status",
            "503",
            "--no-config-json",
            "--node-output-ms",
            "0",
            "--result-delay-ms",
            "10",
        ])
        .unwrap();
        assert_eq!(o.host, "0.0.0.0");
        assert_eq!(o.port, 0);
        assert_eq!(o.dist, Some(PathBuf::from("dist")));
        assert_eq!(o.transition_ms, 50);
        assert_eq!(o.latency_ms, 5);
        assert_eq!(o.seed_count, 100);
        assert_eq!(o.keepalive_ms, 200);
        assert_eq!(o.csp.as_deref(), Some("default-src 'self'"));
        assert_eq!(o.fail_next, Some((2, 503)));
        assert!(!o.config_json);
        assert_eq!((o.node_output_ms, o.result_delay_ms), (0, 10));
    }

    #[test]
    fn fail_status_defaults_to_500() {
        assert_eq!(
            parse(&["--fail-next", "1"]).unwrap().fail_next,
            Some((1, 500))
        );
    }

    #[test]
    fn refuses_bad_input() {
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--port", "x"]).is_err());
        assert!(parse(&["--nope", "1"]).is_err());
        assert!(parse(&["--fail-status", "500"]).is_err());
        assert!(parse(&["--fail-next", "1", "--fail-status", "42"]).is_err());
    }
}
