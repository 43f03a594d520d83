use super::*;
use crate::api::models::parse_timestamp;

fn describe_text(text: &str) -> String {
    describe(&parse_schedule(text).unwrap())
}

fn runs(text: &str, after: &str, n: usize) -> Vec<String> {
    let s = parse_schedule(text).unwrap();
    next_runs(&s, parse_timestamp(after).unwrap(), n)
        .into_iter()
        .map(|t| t.format("%Y-%m-%d %H:%M %a").to_string())
        .collect()
}

#[test]
fn accepts_standard_five_field_forms() {
    for ok in [
        "* * * * *",
        "*/5 * * * *",
        "0 * * * *",
        "30 9 * * 1-5",
        "0 0 1 * *",
        "0,30 9-17 * * MON-FRI",
        "0 0 1 jan,jul *",
        "5/15 * * * *",
        "0 0 * * 7",
        "0 0 * * 0-7",
        "1-30/2 * * * *",
        "  0   12  *  *  sun ",
        "0 0 29 2 *",
    ] {
        assert!(parse_schedule(ok).is_ok(), "{ok}: {:?}", parse_schedule(ok));
    }
}

#[test]
fn normalises_spacing() {
    assert_eq!(
        parse_schedule("  0   12 * *  SUN ").unwrap().text,
        "0 12 * * SUN"
    );
}

fn error(text: &str) -> String {
    parse_schedule(text).unwrap_err()
}

/// How a refusal's message must read.
enum Says {
    Exactly,
    StartsWith,
    Contains,
}

/// Asserts each schedule is refused with a message that reads as `says` with its text.
fn refused(says: Says, cases: &[(&str, &str)]) {
    for &(schedule, want) in cases {
        let message = error(schedule);
        let fits = match says {
            Says::Exactly => message == want,
            Says::StartsWith => message.starts_with(want),
            Says::Contains => message.contains(want),
        };
        assert!(
            fits,
            "{schedule:?} is refused with {message:?}, not {want:?}"
        );
    }
}

#[test]
fn refuses_the_wrong_number_of_fields() {
    refused(
        Says::Contains,
        &[
            ("* * * *", "this one has 4"),
            ("0 * * * * *", "Seconds and years are not supported"),
            ("0 0 * * * * 2026", "this one has 7"),
        ],
    );
    refused(Says::StartsWith, &[("", "Enter a schedule")]);
}

#[test]
fn refuses_nicknames_and_suggests_fields() {
    refused(
        Says::Exactly,
        &[(
            "@hourly",
            "Nicknames like @hourly are not accepted: write the 5 fields instead (0 * * * *)",
        )],
    );
    refused(Says::Contains, &[("@reboot", "not accepted")]);
}

#[test]
fn refuses_quartz_syntax_naming_the_field() {
    refused(
        Says::StartsWith,
        &[
            ("0 0 ? * MON", "Day-of-month field: `?`"),
            ("0 0 L * *", "Day-of-month field: `L`"),
            ("0 0 15W * *", "Day-of-month field: `W`"),
            ("0 0 * * 5#2", "Day-of-week field: `#`"),
            ("0 0 * * 5L", "Day-of-week field: `L`"),
            ("0 0 1 * +MON", "Day-of-week field: `+`"),
            ("H * * * *", "Minute field: `H`"),
            ("0 0 * * THU#2", "Day-of-week field: `#`"),
            ("0 0 * JUL 5L", "Day-of-week field: `L`"),
        ],
    );
}

#[test]
fn names_are_not_mistaken_for_quartz_letters() {
    assert!(parse_schedule("0 0 * JUL THU").is_ok());
    assert!(parse_schedule("0 0 * * WED").is_ok());
}

#[test]
fn reports_which_field_is_out_of_range() {
    refused(
        Says::Exactly,
        &[
            ("60 * * * *", "Minute field: 60 is out of range (0-59)"),
            ("0 24 * * *", "Hour field: 24 is out of range (0-23)"),
            ("0 0 0 * *", "Day-of-month field: 0 is out of range (1-31)"),
            ("0 0 * 13 *", "Month field: 13 is out of range (1-12)"),
            ("0 0 * * 8", "Day-of-week field: 8 is out of range (0-7)"),
        ],
    );
    refused(
        Says::Contains,
        &[
            (
                "0 0 * * MON-FOO",
                "`FOO` is not a number (use 0-7 or SUN-SAT)",
            ),
            ("0 0 * FOO *", "(use 1-12 or JAN-DEC)"),
        ],
    );
    refused(
        Says::StartsWith,
        &[("0 MON * * *", "Hour field: `MON` is not a number")],
    );
}

#[test]
fn refuses_broken_lists_ranges_and_steps() {
    refused(
        Says::Contains,
        &[
            ("0 17-9 * * *", "runs backwards"),
            ("*/0 * * * *", "a step must be at least 1"),
            ("*/99999999999 * * * *", "is not a step"),
            ("*/x * * * *", "is not a step"),
            ("1,,2 * * * *", "empty list entry"),
            ("0 0 31 2 *", "would never run"),
            ("0 0 30 2 *", "would never run"),
        ],
    );
}

#[test]
fn refuses_values_selected_twice_like_the_server() {
    refused(
        Says::Exactly,
        &[(
            "1-5,3 * * * *",
            "Minute field: 3 is selected twice (again by 3); list each value once",
        )],
    );
    refused(
        Says::StartsWith,
        &[
            ("0 0 * * 0,7", "Day-of-week field: 0 is selected twice"),
            ("0 0 * 3,MAR *", "Month field: 3 is selected twice"),
        ],
    );
    assert!(parse_schedule("*/10,5 * * * *").is_ok());
    assert!(parse_schedule("0 0 * * 0-7").is_ok());
}

#[test]
fn steps_wider_than_the_field_select_the_start() {
    assert_eq!(describe_text("*/200 * * * *"), "Every hour at minute 0");
    assert_eq!(
        runs("0 0 * * 5/100", "2026-11-28T00:00:00Z", 1),
        ["2026-12-04 00:00 Fri"]
    );
}

/// Asserts each schedule is described in exactly these words.
fn describes(cases: &[(&str, &str)]) {
    for &(schedule, want) in cases {
        assert_eq!(describe_text(schedule), want, "{schedule:?}");
    }
}

#[test]
fn describes_common_forms() {
    describes(&[
        ("* * * * *", "Every minute"),
        ("*/5 * * * *", "Every 5 minutes"),
        ("0 * * * *", "Every hour at minute 0"),
        ("0 0 * * *", "Every day at 00:00"),
        ("30 9 * * 1-5", "At 09:30 on Monday through Friday"),
        ("0 0 1 * *", "At 00:00 on day 1 of the month"),
        ("0 */2 * * *", "Every 2 hours at minute 0"),
        ("0 9,17 * * *", "Every day at 09:00 and 17:00"),
        ("0 12 * * SAT,SUN", "At 12:00 on Saturday and Sunday"),
    ]);
}

#[test]
fn describes_complex_forms_exactly() {
    describes(&[
        (
            "0,30 9-17 * * MON-FRI",
            "Every 30 minutes during hours 9-17 on Monday through Friday",
        ),
        (
            "0,20 9-17 * * MON-FRI",
            "At minutes 0 and 20 past hours 9-17 on Monday through Friday",
        ),
        ("*/15 9-17 * * *", "Every 15 minutes during hours 9-17"),
        ("* 3 * * *", "Every minute during hour 3"),
        ("5 1-23/2 * * *", "At minute 5 past hours 1-23 (every 2nd)"),
        ("0,30 * * * *", "Every 30 minutes"),
        ("10,40 * * * *", "At minutes 10 and 40 past every hour"),
        (
            "0 0 1,15 * 1",
            "At 00:00 on days 1 and 15 of the month or on Monday",
        ),
        (
            "0 0 1 1,7 *",
            "At 00:00 on day 1 of the month in January and July",
        ),
        ("0 6 * 1-3 *", "Every day at 06:00 in January through March"),
        ("0 0 * * 0-7", "At 00:00 on every day of the week"),
    ]);
}

#[test]
fn next_runs_every_five_minutes() {
    assert_eq!(
        runs("*/5 * * * *", "2026-11-28T14:03:22Z", 3),
        [
            "2026-11-28 14:05 Sat",
            "2026-11-28 14:10 Sat",
            "2026-11-28 14:15 Sat"
        ]
    );
}

#[test]
fn next_runs_exclude_the_starting_instant() {
    assert_eq!(
        runs("0 * * * *", "2026-11-28T14:00:00Z", 2),
        ["2026-11-28 15:00 Sat", "2026-11-28 16:00 Sat"]
    );
}

#[test]
fn next_runs_on_weekdays_skip_the_weekend() {
    assert_eq!(
        runs("30 9 * * MON-FRI", "2026-11-27T10:00:00Z", 2),
        ["2026-11-30 09:30 Mon", "2026-12-01 09:30 Tue"]
    );
}

#[test]
fn next_runs_when_both_day_fields_are_set_take_either() {
    assert_eq!(
        runs("0 0 1 * MON", "2026-11-28T00:00:00Z", 3),
        [
            "2026-11-30 00:00 Mon",
            "2026-12-01 00:00 Tue",
            "2026-12-07 00:00 Mon"
        ]
    );
}

#[test]
fn next_runs_with_sunday_as_seven_and_from_steps() {
    assert_eq!(
        runs("0 0 * * 7", "2026-11-28T12:00:00Z", 1),
        ["2026-11-29 00:00 Sun"]
    );
    assert_eq!(
        runs("5/20 * * * *", "2026-11-28T12:00:00Z", 3),
        [
            "2026-11-28 12:05 Sat",
            "2026-11-28 12:25 Sat",
            "2026-11-28 12:45 Sat"
        ]
    );
}

#[test]
fn next_runs_on_the_29th_of_february_wait_for_a_leap_year() {
    assert_eq!(
        runs("0 0 29 2 *", "2026-11-28T00:00:00Z", 1),
        ["2028-02-29 00:00 Tue"]
    );
}
