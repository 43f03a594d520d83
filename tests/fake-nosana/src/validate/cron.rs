//! Five-field cron expressions (minute hour day-of-month month day-of-week).
//!
//! Each field is a comma list of `*`, `n`, `a-b`, each optionally `/step`.
//! Month and weekday also take three-letter names (JAN, MON), as the cron
//! library behind the real service does. Anything else (seconds fields, `?`,
//! `L`, `W`, `#`, `@daily`) is refused.

struct Field {
    min: u32,
    max: u32,
    names: &'static [&'static str],
}

const MONTHS: &[&str] = &[
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const WEEKDAYS: &[&str] = &["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

const FIELDS: [Field; 5] = [
    Field {
        min: 0,
        max: 59,
        names: &[],
    },
    Field {
        min: 0,
        max: 23,
        names: &[],
    },
    Field {
        min: 1,
        max: 31,
        names: &[],
    },
    Field {
        min: 1,
        max: 12,
        names: MONTHS,
    },
    // 7 is Sunday as well as 0.
    Field {
        min: 0,
        max: 7,
        names: WEEKDAYS,
    },
];

pub fn is_valid(expr: &str) -> bool {
    let parts: Vec<&str> = expr.split_whitespace().collect();
    parts.len() == FIELDS.len() && parts.iter().zip(FIELDS.iter()).all(|(p, f)| field_ok(p, f))
}

fn field_ok(text: &str, f: &Field) -> bool {
    text.split(',').all(|item| item_ok(item, f))
}

fn item_ok(item: &str, f: &Field) -> bool {
    let (base, step) = match item.split_once('/') {
        Some((base, step)) => (base, Some(step)),
        None => (item, None),
    };
    if let Some(step) = step {
        match number(step) {
            Some(s) if s >= 1 && s <= f.max - f.min + 1 => {}
            _ => return false,
        }
    }
    if base == "*" {
        return true;
    }
    match base.split_once('-') {
        Some((a, b)) => match (value(a, f), value(b, f)) {
            (Some(a), Some(b)) => a <= b,
            _ => false,
        },
        None => value(base, f).is_some(),
    }
}

fn value(text: &str, f: &Field) -> Option<u32> {
    let n = match number(text) {
        Some(n) => n,
        None => {
            let upper = text.to_ascii_uppercase();
            let index = f.names.iter().position(|n| *n == upper)?;
            // Names count from the field's first value (JAN = 1, SUN = 0).
            f.min + index as u32
        }
    };
    (f.min..=f.max).contains(&n).then_some(n)
}

fn number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 3 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn accepts_common_schedules() {
        for expr in [
            "* * * * *",
            "0 */6 * * *",
            "30 2 * * 1-5",
            "*/15 * * * *",
            "0 9,17 * * *",
            "0 0 1 1 *",
            "59 23 31 12 7",
            "0 0 * * 0",
            "5-10/2 * * * *",
            "0 12 * JAN-MAR mon,fri",
            "  0  0  *  *  * ",
        ] {
            assert!(is_valid(expr), "{expr}");
        }
    }

    #[test]
    fn refuses_malformed_schedules() {
        for expr in [
            "",
            "* * * *",
            "* * * * * *",
            "60 * * * *",
            "* 24 * * *",
            "* * 0 * *",
            "* * 32 * *",
            "* * * 0 *",
            "* * * 13 *",
            "* * * * 8",
            "*/0 * * * *",
            "10-5 * * * *",
            "1,,2 * * * *",
            "a * * * *",
            "-1 * * * *",
            "? * * * *",
            "0 0 L * *",
            "@daily",
            "*/ * * * *",
            "1/2/3 * * * *",
            "0 0 * * MON#2",
            "not a cron",
        ] {
            assert!(!is_valid(expr), "{expr}");
        }
    }
}
