//! ANSI escape codes in log lines: SGR (`ESC [ ... m`) becomes styled spans; every other
//! escape sequence is dropped; broken ones never panic and never swallow the rest of the line.
//!
//! A `\r` that is followed by more text starts the line over (a terminal's progress bar
//! redraws itself that way): only the last redraw is kept. Other control characters except
//! tab are dropped. One pass, O(line length).

use std::borrow::Cow;

/// A colour: the 256-colour palette (0-15 are the 16 named ones) or 24-bit RGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Color {
    Palette(u8),
    Rgb(u8, u8, u8),
}

impl Color {
    /// As a CSS colour (`#rrggbb`), xterm's palette for indices.
    pub fn css(self) -> String {
        let (r, g, b) = match self {
            Color::Rgb(r, g, b) => (r, g, b),
            Color::Palette(i) => palette_rgb(i),
        };
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

/// xterm's 256-colour palette.
pub fn palette_rgb(i: u8) -> (u8, u8, u8) {
    const BASE: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 49, 49),
        (13, 188, 121),
        (229, 229, 16),
        (36, 114, 200),
        (188, 63, 188),
        (17, 168, 205),
        (229, 229, 229),
        (102, 102, 102),
        (241, 76, 76),
        (35, 209, 139),
        (245, 245, 67),
        (59, 142, 234),
        (214, 112, 214),
        (41, 184, 219),
        (255, 255, 255),
    ];
    match i {
        0..=15 => BASE[usize::from(i)],
        16..=231 => {
            let n = i - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            (level(n / 36), level((n / 6) % 6), level(n % 6))
        }
        _ => {
            let v = 8 + (i - 232) * 10;
            (v, v, v)
        }
    }
}

/// The style of a run of text. `Default` is plain.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Style {
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    pub bold: bool,
    pub dim: bool,
    pub italic: bool,
    pub underline: bool,
    pub inverse: bool,
    pub strike: bool,
}

impl Style {
    pub fn is_plain(&self) -> bool {
        *self == Style::default()
    }

    /// CSS property/value pairs for the span (set through the CSSOM, which CSP allows),
    /// inverse applied.
    pub fn css(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let (fg, bg) = if self.inverse {
            (
                self.bg.or(Some(Color::Palette(0))),
                self.fg.or(Some(Color::Palette(7))),
            )
        } else {
            (self.fg, self.bg)
        };
        if let Some(c) = fg {
            out.push(("color", c.css()));
        }
        if let Some(c) = bg {
            out.push(("background-color", c.css()));
        }
        if self.bold {
            out.push(("font-weight", "bold".to_string()));
        }
        if self.dim {
            out.push(("opacity", "0.7".to_string()));
        }
        if self.italic {
            out.push(("font-style", "italic".to_string()));
        }
        let deco = match (self.underline, self.strike) {
            (true, true) => Some("underline line-through"),
            (true, false) => Some("underline"),
            (false, true) => Some("line-through"),
            _ => None,
        };
        if let Some(d) = deco {
            out.push(("text-decoration", d.to_string()));
        }
        out
    }
}

/// A run of `ParsedLine::text[start..end]` (byte offsets) in one style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub style: Style,
}

/// A line's visible text and its styled runs (contiguous, covering all of `text`,
/// none empty, neighbours never share a style).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedLine {
    pub text: String,
    pub spans: Vec<Span>,
}

impl ParsedLine {
    /// Each span with its text.
    pub fn pieces(&self) -> impl Iterator<Item = (&str, Style)> + '_ {
        self.spans
            .iter()
            .map(|s| (&self.text[s.start..s.end], s.style))
    }
}

const ESC: char = '\u{1b}';

/// True when the text needs `parse` (escape codes or control characters).
pub fn needs_parsing(text: &str) -> bool {
    text.bytes().any(|b| b < 0x20 && b != b'\t' || b == 0x7f)
        // C1 controls (U+0080..U+009F, CSI among them) are two bytes starting 0xC2 0x80..0x9F.
        || text
            .as_bytes()
            .windows(2)
            .any(|w| w[0] == 0xC2 && (0x80..=0x9F).contains(&w[1]))
}

/// The visible text: escape codes and control characters removed, `\r` applied.
/// Borrows when there is nothing to remove.
pub fn strip(text: &str) -> Cow<'_, str> {
    if needs_parsing(text) {
        Cow::Owned(run(text, false).text)
    } else {
        Cow::Borrowed(text)
    }
}

/// Parses a line into visible text and styled spans.
pub fn parse(input: &str) -> ParsedLine {
    run(input, true)
}

fn run(input: &str, with_spans: bool) -> ParsedLine {
    let mut out = Builder {
        with_spans,
        ..Builder::default()
    };
    let mut style = Style::default();
    let mut chars = input.char_indices().peekable();
    let mut restart = false;
    while let Some((_, c)) = chars.next() {
        match c {
            ESC => match chars.peek().map(|&(_, c)| c) {
                Some('[') => {
                    chars.next();
                    csi(&mut chars, &mut style);
                }
                Some(']') | Some('P') | Some('_') | Some('^') | Some('X') => {
                    chars.next();
                    string_sequence(&mut chars);
                }
                // A two-character escape (`ESC c`, `ESC 7`, `ESC (B`'s first half...).
                Some(c2) if ('\u{20}'..='\u{7e}').contains(&c2) => {
                    chars.next();
                    if ('\u{20}'..='\u{2f}').contains(&c2) {
                        // `ESC ( B` and friends carry one more character.
                        if chars
                            .peek()
                            .is_some_and(|&(_, c3)| ('\u{30}'..='\u{7e}').contains(&c3))
                        {
                            chars.next();
                        }
                    }
                }
                _ => {}
            },
            '\u{9b}' => csi(&mut chars, &mut style),
            '\r' => restart = true,
            '\t' => {
                if std::mem::take(&mut restart) {
                    out.clear();
                }
                out.push(c, style);
            }
            c if c.is_control() => {}
            c => {
                if std::mem::take(&mut restart) {
                    out.clear();
                }
                out.push(c, style);
            }
        }
    }
    out.finish()
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

/// Reads a CSI sequence after `ESC [`; applies it when it is SGR. A sequence broken by a
/// character that cannot be in one ends there, and that character is read as text again.
fn csi(chars: &mut Chars<'_>, style: &mut Style) {
    let mut params = String::new();
    let mut intermediate = false;
    while let Some(&(_, c)) = chars.peek() {
        match c {
            '\u{30}'..='\u{3f}' if !intermediate => {
                // Bound the work a hostile line can cause.
                if params.len() < 256 {
                    params.push(c);
                }
                chars.next();
            }
            '\u{20}'..='\u{2f}' => {
                intermediate = true;
                chars.next();
            }
            '\u{40}'..='\u{7e}' => {
                chars.next();
                if c == 'm' && !intermediate {
                    sgr(&params, style);
                }
                return;
            }
            _ => return,
        }
    }
}

/// Skips an OSC/DCS/APC string up to BEL or `ESC \`. An unterminated one ends at the end.
fn string_sequence(chars: &mut Chars<'_>) {
    while let Some((_, c)) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            ESC => {
                if chars.peek().is_some_and(|&(_, c)| c == '\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

/// Applies SGR parameters: `;`-separated groups, empty meaning 0; a group may carry
/// `:` sub-parameters (`38:5:n`, `38:2:[colour space]:r:g:b`).
fn sgr(params: &str, style: &mut Style) {
    if params.starts_with(['<', '=', '>', '?']) {
        return; // private modes, not colours
    }
    let num = |p: &str| {
        if p.is_empty() {
            Some(0)
        } else {
            p.parse::<u32>().ok()
        }
    };
    let groups: Vec<&str> = params.split(';').collect();
    let mut i = 0;
    while i < groups.len() {
        let group = groups[i];
        i += 1;
        if group.contains(':') {
            let subs: Vec<Option<u32>> = group.split(':').map(num).collect();
            match subs[0] {
                Some(n @ (38 | 48 | 58)) => {
                    // ITU form: `2` is followed by an (often empty) colour-space id when
                    // four values follow.
                    let rest = match subs.get(1).copied().flatten() {
                        Some(2) if subs.len() >= 6 => [&subs[1..2], &subs[3..]].concat(),
                        _ => subs[1..].to_vec(),
                    };
                    if let (Some(c), _) = extended_color(&rest) {
                        set_color(style, n, c);
                    }
                }
                Some(n) => simple(n, style),
                None => {}
            }
            continue;
        }
        let Some(n) = num(group) else { continue };
        if matches!(n, 38 | 48 | 58) {
            let rest: Vec<Option<u32>> = groups[i..].iter().map(|g| num(g)).collect();
            let (color, used) = extended_color(&rest);
            if let Some(c) = color {
                set_color(style, n, c);
            }
            i += used;
        } else {
            simple(n, style);
        }
    }
}

fn set_color(style: &mut Style, n: u32, c: Color) {
    match n {
        38 => style.fg = Some(c),
        48 => style.bg = Some(c),
        _ => {} // 58: underline colour, not drawn
    }
}

fn simple(n: u32, style: &mut Style) {
    match n {
        0 => *style = Style::default(),
        1 => style.bold = true,
        2 => style.dim = true,
        3 => style.italic = true,
        4 | 21 => style.underline = true,
        7 => style.inverse = true,
        9 => style.strike = true,
        22 => {
            style.bold = false;
            style.dim = false;
        }
        23 => style.italic = false,
        24 => style.underline = false,
        27 => style.inverse = false,
        29 => style.strike = false,
        30..=37 => style.fg = Some(Color::Palette((n - 30) as u8)),
        39 => style.fg = None,
        40..=47 => style.bg = Some(Color::Palette((n - 40) as u8)),
        49 => style.bg = None,
        90..=97 => style.fg = Some(Color::Palette((n - 90 + 8) as u8)),
        100..=107 => style.bg = Some(Color::Palette((n - 100 + 8) as u8)),
        _ => {}
    }
}

/// `5;n` or `2;r;g;b` after 38/48: the colour (if valid) and how many parameters it used.
fn extended_color(rest: &[Option<u32>]) -> (Option<Color>, usize) {
    let byte = |i: usize| {
        rest.get(i)
            .copied()
            .flatten()
            .and_then(|v| u8::try_from(v).ok())
    };
    match rest.first().copied().flatten() {
        Some(5) => (byte(1).map(Color::Palette), 2.min(rest.len())),
        Some(2) => {
            let color = match (byte(1), byte(2), byte(3)) {
                (Some(r), Some(g), Some(b)) => Some(Color::Rgb(r, g, b)),
                _ => None,
            };
            (color, 4.min(rest.len()))
        }
        _ => (None, rest.len()), // unreadable: ignore the rest of this sequence
    }
}

#[derive(Default)]
struct Builder {
    text: String,
    spans: Vec<Span>,
    with_spans: bool,
}

impl Builder {
    fn push(&mut self, c: char, style: Style) {
        let start = self.text.len();
        self.text.push(c);
        if !self.with_spans {
            return;
        }
        let end = self.text.len();
        match self.spans.last_mut() {
            Some(last) if last.style == style => last.end = end,
            _ => self.spans.push(Span { start, end, style }),
        }
    }

    fn clear(&mut self) {
        self.text.clear();
        self.spans.clear();
    }

    fn finish(self) -> ParsedLine {
        ParsedLine {
            text: self.text,
            spans: self.spans,
        }
    }
}
