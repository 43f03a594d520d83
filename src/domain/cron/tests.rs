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

#[test]
fn refuses_the_wrong_number_of_fields() {
    assert!(error("* * * *").contains("this one has 4"));
    assert!(error("0 * * * * *").contains("Seconds and years are not supported"));
    assert!(error("0 0 * * * * 2026").contains("this one has 7"));
    assert!(error("").starts_with("Enter a schedule"));
}

#[test]
fn refuses_nicknames_and_suggests_fields() {
    assert_eq!(
        error("@hourly"),
        "Nicknames like @hourly are not accepted: write the 5 fields instead (0 * * * *)"
    );
    assert!(error("@reboot").contains("not accepted"));
}

#[test]
fn refuses_quartz_syntax_naming_the_field() {
    assert!(error("0 0 ? * MON").starts_with("Day-of-month field: `?`"));
    assert!(error("0 0 L * *").starts_with("Day-of-month field: `L`"));
    assert!(error("0 0 15W * *").starts_with("Day-of-month field: `W`"));
    assert!(error("0 0 * * 5#2").starts_with("Day-of-week field: `#`"));
    assert!(error("0 0 * * 5L").starts_with("Day-of-week field: `L`"));
    assert!(error("0 0 1 * +MON").starts_with("Day-of-week field: `+`"));
    assert!(error("H * * * *").starts_with("Minute field: `H`"));
    assert!(error("0 0 * * THU#2").starts_with("Day-of-week field: `#`"));
    assert!(error("0 0 * JUL 5L").starts_with("Day-of-week field: `L`"));
}

#[test]
fn names_are_not_mistaken_for_quartz_letters() {
    assert!(parse_schedule("0 0 * JUL THU").is_ok());
    assert!(parse_schedule("0 0 * * WED").is_ok());
}

#[test]
fn reports_which_field_is_out_of_range() {
    assert_eq!(
        error("60 * * * *"),
        "Minute field: 60 is out of range (0-59)"
    );
    assert_eq!(error("0 24 * * *"), "Hour field: 24 is out of range (0-23)");
    assert_eq!(
        error("0 0 0 * *"),
        "Day-of-month field: 0 is out of range (1-31)"
    );
    assert_eq!(
        error("0 0 * 13 *"),
        "Month field: 13 is out of range (1-12)"
    );
    assert_eq!(
        error("0 0 * * 8"),
        "Day-of-week field: 8 is out of range (0-7)"
    );
    assert!(error("0 0 * * MON-FOO").contains("`FOO` is not a number (use 0-7 or SUN-SAT)"));
    assert!(error("0 0 * FOO *").contains("(use 1-12 or JAN-DEC)"));
    assert!(error("0 MON * * *").starts_with("Hour field: `MON` is not a number"));
}

#[test]
fn refuses_broken_lists_ranges_and_steps() {
    assert!(error("0 17-9 * * *").contains("runs backwards"));
    assert!(error("*/0 * * * *").contains("a step must be at least 1"));
    assert!(error("*/99999999999 * * * *").contains("is not a step"));
    assert!(error("*/x * * * *").contains("is not a step"));
    assert!(error("1,,2 * * * *").contains("empty list entry"));
    assert!(error("0 0 31 2 *").contains("would never run"));
    assert!(error("0 0 30 2 *").contains("would never run"));
}

#[test]
fn refuses_values_selected_twice_like_the_server() {
    assert_eq!(
        error("1-5,3 * * * *"),
        "Minute field: 3 is selected twice (again by 3); list each value once"
    );
    assert!(error("0 0 * * 0,7").starts_with("Day-of-week field: 0 is selected twice"));
    assert!(error("0 0 * 3,MAR *").starts_with("Month field: 3 is selected twice"));
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

#[test]
fn describes_common_forms() {
    assert_eq!(describe_text("* * * * *"), "Every minute");
    assert_eq!(describe_text("*/5 * * * *"), "Every 5 minutes");
    assert_eq!(describe_text("0 * * * *"), "Every hour at minute 0");
    assert_eq!(describe_text("0 0 * * *"), "Every day at 00:00");
    assert_eq!(
        describe_text("30 9 * * 1-5"),
        "At 09:30 on Monday through Friday"
    );
    assert_eq!(describe_text("0 0 1 * *"), "At 00:00 on day 1 of the month");
    assert_eq!(describe_text("0 */2 * * *"), "Every 2 hours at minute 0");
    assert_eq!(
        describe_text("0 9,17 * * *"),
        "Every day at 09:00 and 17:00"
    );
    assert_eq!(
        describe_text("0 12 * * SAT,SUN"),
        "At 12:00 on Saturday and Sunday"
    );
}

#[test]
fn describes_complex_forms_exactly() {
    assert_eq!(
        describe_text("0,30 9-17 * * MON-FRI"),
        "Every 30 minutes during hours 9-17 on Monday through Friday"
    );
    assert_eq!(
        describe_text("0,20 9-17 * * MON-FRI"),
        "At minutes 0 and 20 past hours 9-17 on Monday through Friday"
    );
    assert_eq!(
        describe_text("*/15 9-17 * * *"),
        "Every 15 minutes during hours 9-17"
    );
    assert_eq!(describe_text("* 3 * * *"), "Every minute during hour 3");
    assert_eq!(
        describe_text("5 1-23/2 * * *"),
        "At minute 5 past hours 1-23 (every 2nd)"
    );
    assert_eq!(describe_text("0,30 * * * *"), "Every 30 minutes");
    assert_eq!(
        describe_text("10,40 * * * *"),
        "At minutes 10 and 40 past every hour"
    );
    assert_eq!(
        describe_text("0 0 1,15 * 1"),
        "At 00:00 on days 1 and 15 of the month or on Monday"
    );
    assert_eq!(
        describe_text("0 0 1 1,7 *"),
        "At 00:00 on day 1 of the month in January and July"
    );
    assert_eq!(
        describe_text("0 6 * 1-3 *"),
        "Every day at 06:00 in January through March"
    );
    assert_eq!(
        describe_text("0 0 * * 0-7"),
        "At 00:00 on every day of the week"
    );
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
