//! What the log view shows: replicas, op, levels and search, and the URL that carries them
//! (`?tab=logs&replicas=..&op=..&levels=..&q=..&line=..`, defaults omitted, fixed order).

use std::ops::Range;

use super::line::{short_job, LogLine, Stream};

/// The level checkboxes. All on by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Levels {
    /// "Output": stdout.
    pub output: bool,
    /// "Errors": stderr and the node's error lines.
    pub errors: bool,
    /// "System": the node's own lines.
    pub system: bool,
}

impl Default for Levels {
    fn default() -> Self {
        Levels {
            output: true,
            errors: true,
            system: true,
        }
    }
}

impl Levels {
    pub const NAMES: [&'static str; 3] = ["output", "errors", "system"];

    /// A node error line shows under "Errors" or "System".
    pub fn allows(&self, line: &LogLine) -> bool {
        match line.stream {
            Stream::Stdout => self.output,
            Stream::Stderr => self.errors,
            Stream::System => self.system || (line.is_error && self.errors),
        }
    }

    pub fn is_all(&self) -> bool {
        self.output && self.errors && self.system
    }

    /// `output,errors` ...; `none` when nothing is checked.
    pub fn to_param(&self) -> String {
        let on: Vec<&str> = [self.output, self.errors, self.system]
            .iter()
            .zip(Levels::NAMES)
            .filter_map(|(on, name)| on.then_some(name))
            .collect();
        if on.is_empty() {
            "none".to_string()
        } else {
            on.join(",")
        }
    }

    /// Unknown names are ignored; a value naming nothing known means all.
    pub fn from_param(value: &str) -> Levels {
        if value.trim() == "none" {
            return Levels {
                output: false,
                errors: false,
                system: false,
            };
        }
        let names: Vec<&str> = value.split(',').map(str::trim).collect();
        let levels = Levels {
            output: names.contains(&"output"),
            errors: names.contains(&"errors"),
            system: names.contains(&"system"),
        };
        if levels
            == (Levels {
                output: false,
                errors: false,
                system: false,
            })
        {
            Levels::default()
        } else {
            levels
        }
    }
}

/// The log view's filter and the line a permalink points at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogFilter {
    /// Job address prefixes (8 characters in URLs: stable for a shared link, unlike a
    /// replica number); empty means every replica.
    pub replicas: Vec<String>,
    pub op: Option<String>,
    pub levels: Levels,
    /// Case-insensitive; matched against the visible text (ANSI removed).
    pub query: String,
    /// A permalinked line id (see `LineId`): not a filter, the line to scroll to.
    pub line: Option<String>,
}

/// Keys this module owns in the query string.
pub const KEYS: [&str; 5] = ["replicas", "op", "levels", "q", "line"];

impl LogFilter {
    /// Reads the filter from decoded query pairs; other keys are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> LogFilter {
        let mut f = LogFilter::default();
        for (key, value) in pairs {
            match key {
                "replicas" => {
                    for r in value.split(',').map(str::trim).filter(|r| !r.is_empty()) {
                        let r = short_job(r).to_string();
                        if !f.replicas.contains(&r) {
                            f.replicas.push(r);
                        }
                    }
                }
                "op" => f.op = Some(value.trim().to_string()).filter(|v| !v.is_empty()),
                "levels" => f.levels = Levels::from_param(value),
                "q" => f.query = value.to_string(),
                "line" => f.line = Some(value.trim().to_string()).filter(|v| !v.is_empty()),
                _ => {}
            }
        }
        f
    }

    /// The pairs to write, defaults left out, `tab=logs` first.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = vec![("tab".to_string(), "logs".to_string())];
        if !self.replicas.is_empty() {
            let list: Vec<&str> = self.replicas.iter().map(|r| short_job(r)).collect();
            pairs.push(("replicas".into(), list.join(",")));
        }
        if let Some(op) = &self.op {
            pairs.push(("op".into(), op.clone()));
        }
        if !self.levels.is_all() {
            pairs.push(("levels".into(), self.levels.to_param()));
        }
        if !self.query.is_empty() {
            pairs.push(("q".into(), self.query.clone()));
        }
        if let Some(line) = &self.line {
            pairs.push(("line".into(), line.clone()));
        }
        pairs
    }

    /// `?tab=logs&...`, percent-encoded.
    pub fn to_query(&self) -> String {
        format!("?{}", crate::api::query::encode_query(&self.to_pairs()))
    }

    /// The query of a permalink to one line: `?tab=logs&line=ID`, no filters, so the line
    /// is shown to whoever opens it.
    pub fn permalink(line: &super::line::LineId) -> String {
        LogFilter {
            line: Some(line.to_string()),
            ..LogFilter::default()
        }
        .to_query()
    }

    /// True when something is filtered out (for "Clear filters").
    pub fn is_filtered(&self) -> bool {
        !self.replicas.is_empty()
            || self.op.is_some()
            || !self.levels.is_all()
            || !self.query.is_empty()
    }

    /// Whether a job (by address) is shown.
    pub fn shows_job(&self, job: &str) -> bool {
        self.replicas.is_empty() || self.replicas.iter().any(|r| job.starts_with(short_job(r)))
    }

    /// Adds or removes a replica (by job address) from the shown set; `all` lists every job,
    /// so that unchecking one from "all" keeps the others.
    pub fn toggle_replica(&mut self, job: &str, all: &[&str]) {
        let short = short_job(job).to_string();
        if self.replicas.is_empty() {
            self.replicas = all
                .iter()
                .map(|j| short_job(j).to_string())
                .filter(|j| *j != short)
                .collect();
        } else if let Some(i) = self.replicas.iter().position(|r| *r == short) {
            self.replicas.remove(i);
        } else {
            self.replicas.push(short);
            if all
                .iter()
                .all(|j| self.replicas.iter().any(|r| r == short_job(j)))
            {
                self.replicas.clear();
            }
        }
    }

    /// The compiled form, for matching many lines.
    pub fn matcher(&self) -> Matcher {
        Matcher {
            filter: self.clone(),
            needle: Needle::new(&self.query),
        }
    }
}

/// A filter ready to test lines: O(text length) per line.
#[derive(Debug, Clone)]
pub struct Matcher {
    filter: LogFilter,
    needle: Needle,
}

impl Matcher {
    pub fn filter(&self) -> &LogFilter {
        &self.filter
    }

    pub fn matches(&self, line: &LogLine) -> bool {
        self.filter.levels.allows(line)
            && self.filter.op.as_deref().is_none_or(|op| &*line.op == op)
            && self.filter.shows_job(&line.job)
            && (self.needle.is_empty() || self.needle.is_in(&line.plain_text()))
    }

    /// Where the search matches in the visible text, for highlighting.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        self.needle.ranges(text)
    }
}

/// A case-insensitive search needle. ASCII needles compare bytes (fast); others compare
/// lower-cased characters.
#[derive(Debug, Clone)]
pub struct Needle {
    lower: String,
    chars: Vec<char>,
    ascii: bool,
}

impl Needle {
    pub fn new(query: &str) -> Needle {
        let lower = query.to_lowercase();
        Needle {
            chars: lower.chars().collect(),
            ascii: lower.is_ascii(),
            lower,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    pub fn is_in(&self, hay: &str) -> bool {
        self.find_from(hay, 0).is_some()
    }

    /// Every non-overlapping match, as byte ranges of `hay`.
    pub fn ranges(&self, hay: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut from = 0;
        if self.is_empty() {
            return out;
        }
        while let Some(r) = self.find_from(hay, from) {
            from = r.end;
            out.push(r);
        }
        out
    }

    fn find_from(&self, hay: &str, from: usize) -> Option<Range<usize>> {
        if self.is_empty() || from > hay.len() {
            return None;
        }
        if self.ascii {
            let n = self.lower.as_bytes();
            let h = &hay.as_bytes()[from..];
            if n.len() > h.len() {
                return None;
            }
            let first = n[0];
            let last_start = h.len() - n.len();
            let mut i = 0;
            while i <= last_start {
                if h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n) {
                    // An ASCII match starts and ends on character boundaries.
                    return Some(from + i..from + i + n.len());
                }
                i += 1;
            }
            return None;
        }
        let tail = &hay[from..];
        if tail.is_ascii() {
            // ASCII lower-cases to ASCII: a needle with other characters cannot match.
            return None;
        }
        let first = self.chars[0];
        for (start, c) in tail.char_indices() {
            if c.to_lowercase().next().is_none_or(|l| l != first) {
                continue;
            }
            let mut want = self.chars.iter();
            let mut end = start;
            let mut ok = true;
            let mut it = tail[start..].char_indices();
            'outer: loop {
                let Some((off, c)) = it.next() else {
                    ok = want.len() == 0;
                    break;
                };
                for lc in c.to_lowercase() {
                    match want.next() {
                        Some(&w) if w == lc => {}
                        Some(_) => {
                            ok = false;
                            break 'outer;
                        }
                        None => {
                            ok = false;
                            break 'outer;
                        }
                    }
                }
                end = start + off + c.len_utf8();
                if want.len() == 0 {
                    break;
                }
            }
            if ok {
                return Some(from + start..from + end);
            }
        }
        None
    }
}
