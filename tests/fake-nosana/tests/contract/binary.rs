//! The built binary: the startup line tests parse, and a clean exit on SIGTERM.
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn prints_its_address_and_stops_on_sigterm() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fake-nosana"))
        .args(["--port", "0", "--seed-count", "5"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("listening on http://127.0.0.1:")
        .unwrap_or_else(|| panic!("unexpected line {line:?}"));
    assert!(addr.parse::<u16>().unwrap() > 0);

    let term = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    assert!(child.wait().unwrap().success());
}

#[test]
fn refuses_unknown_options() {
    let status = Command::new(env!("CARGO_BIN_EXE_fake-nosana"))
        .arg("--bogus")
        .arg("1")
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
}
