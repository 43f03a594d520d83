//! One field of a 5-field cron expression: what it accepts and the set of
//! values it selects.

use std::collections::BTreeSet;

/// The five fields, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Minute,
    Hour,
    DayOfMonth,
    Month,
    DayOfWeek,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Minute,
        Kind::Hour,
        Kind::DayOfMonth,
        Kind::Month,
        Kind::DayOfWeek,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Minute => "minute",
            Kind::Hour => "hour",
            Kind::DayOfMonth => "day-of-month",
            Kind::Month => "month",
            Kind::DayOfWeek => "day-of-week",
        }
    }

    /// Lowest and highest value; day-of-week allows 7 as a second Sunday.
    pub fn bounds(self) -> (u32, u32) {
        match self {
            Kind::Minute => (0, 59),
            Kind::Hour => (0, 23),
            Kind::DayOfMonth => (1, 31),
            Kind::Month => (1, 12),
            Kind::DayOfWeek => (0, 7),
        }
    }

    fn names(self) -> &'static [&'static str] {
        match self {
            Kind::Month => &MONTHS,
            Kind::DayOfWeek => &WEEKDAYS,
            _ => &[],
        }
    }
}

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const WEEKDAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// One comma-separated piece of a field: `lo-hi/step` covers all the forms
/// (`*`, `5`, `1-5`, `*/10`, `5/10`, `1-30/2`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub lo: u32,
    pub hi: u32,
    pub step: u32,
}

/// A parsed field: its items, the text as written, and the values it selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub kind: Kind,
    pub text: String,
    pub items: Vec<Item>,
    /// Selected values; day-of-week 7 is folded into 0 (Sunday).
    pub values: BTreeSet<u32>,
}

impl Field {
    /// A field written as a bare `*`. Day-of-month and day-of-week combine by
    /// OR when both are restricted, so "restricted" follows the text, not the set.
    pub fn is_star(&self) -> bool {
        self.text == "*"
    }

    /// The field with names replaced by numbers and `a/n` spelled `a-max/n`,
    /// the strict form croner accepts.
    pub fn numeric(&self) -> String {
        if self.is_star() {
            return "*".to_string();
        }
        let parts: Vec<String> = self
            .items
            .iter()
            .map(|i| match (i.lo == i.hi, i.step) {
                (true, _) => i.lo.to_string(),
                (false, 1) => format!("{}-{}", i.lo, i.hi),
                (false, s) => format!("{}-{}/{}", i.lo, i.hi, s.min(i.hi - i.lo + 1)),
            })
            .collect();
        parts.join(",")
    }
}

pub fn parse(kind: Kind, text: &str) -> Result<Field, String> {
    let upper = text.to_ascii_uppercase();
    let symbol = upper.chars().find(|c| "?#+".contains(*c));
    let letter = || {
        upper
            .chars()
            .filter(|c| "LWH".contains(*c))
            .find(|c| !is_name_letter(kind, &upper, *c))
    };
    if let Some(c) = symbol.or_else(letter) {
        return Err(format!(
            "{} field: `{c}` is Quartz or extended syntax, which the server does not accept; use numbers, *, ranges (1-5), lists (1,15) and steps (*/10)",
            title(kind)
        ));
    }
    let mut items = Vec::new();
    for piece in upper.split(',') {
        items.push(parse_item(kind, piece)?);
    }
    // The server's cron parser refuses a value that two list entries both
    // select (with 7 and 0 both Sunday), so we do too.
    let mut values = BTreeSet::new();
    for (item, piece) in items.iter().zip(upper.split(',')) {
        let mut v = item.lo;
        while v <= item.hi {
            let folded = if kind == Kind::DayOfWeek && v == 7 {
                0
            } else {
                v
            };
            if !values.insert(folded) && items.len() > 1 {
                return Err(format!(
                    "{} field: {folded} is selected twice (again by {piece}); list each value once",
                    title(kind)
                ));
            }
            v += item.step;
        }
    }
    Ok(Field {
        kind,
        text: text.to_string(),
        items,
        values,
    })
}

/// Letters such as L in "JUL" or H in "THU" belong to names, not to Quartz syntax.
fn is_name_letter(kind: Kind, upper: &str, c: char) -> bool {
    upper
        .split([',', '-', '/'])
        .filter(|w| w.contains(c))
        .all(|w| kind.names().contains(&w))
}

fn title(kind: Kind) -> String {
    let name = kind.name();
    let mut s = name[..1].to_uppercase();
    s.push_str(&name[1..]);
    s
}

fn parse_item(kind: Kind, piece: &str) -> Result<Item, String> {
    let (min, max) = kind.bounds();
    if piece.is_empty() {
        return Err(format!("{} field: empty list entry", title(kind)));
    }
    let (range, step) = match piece.split_once('/') {
        Some((r, s)) => (r, Some(parse_step(kind, s)?)),
        None => (piece, None),
    };
    let (lo, hi) = if range == "*" {
        (min, max)
    } else if let Some((a, b)) = range.split_once('-') {
        let (lo, hi) = (value(kind, a)?, value(kind, b)?);
        if lo > hi {
            return Err(format!(
                "{} field: the range {range} runs backwards; write the smaller value first",
                title(kind)
            ));
        }
        (lo, hi)
    } else {
        let v = value(kind, range)?;
        // `5/10` means "from 5, every 10": the server's cron reads it so.
        (v, if step.is_some() { max } else { v })
    };
    Ok(Item {
        lo,
        hi,
        step: step.unwrap_or(1),
    })
}

/// Any step from 1 up, as the server's parser allows; a step wider than the
/// field's range just selects the start value.
fn parse_step(kind: Kind, s: &str) -> Result<u32, String> {
    match s.parse::<u32>() {
        Ok(0) => Err(format!("{} field: a step must be at least 1", title(kind))),
        Ok(n) => Ok(n),
        Err(_) => Err(format!(
            "{} field: `/{s}` is not a step; write e.g. */10",
            title(kind)
        )),
    }
}

fn value(kind: Kind, s: &str) -> Result<u32, String> {
    let (min, max) = kind.bounds();
    if let Some(i) = kind.names().iter().position(|n| *n == s) {
        return Ok(i as u32 + if kind == Kind::Month { 1 } else { 0 });
    }
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        let hint = match kind {
            Kind::Month => " (use 1-12 or JAN-DEC)",
            Kind::DayOfWeek => " (use 0-7 or SUN-SAT)",
            _ => "",
        };
        return Err(format!(
            "{} field: `{s}` is not a number{hint}",
            title(kind)
        ));
    }
    match s.parse::<u32>() {
        Ok(v) if (min..=max).contains(&v) => Ok(v),
        _ => Err(format!(
            "{} field: {s} is out of range ({min}-{max})",
            title(kind)
        )),
    }
}
