//! Where each path of a JSON text starts, so a problem can name its line.
//! A small scanner, not a parser: it trusts the text to be JSON and gives up
//! quietly (with fewer lines known) if it is not.

use std::collections::HashMap;

use super::path;

/// Deeper than this is not a job definition anyone typed; stop there.
const MAX_DEPTH: usize = 256;

/// Maps each path to its 1-based line: a property to the line of its key,
/// an array element to the line where the element starts.
pub fn lines(text: &str) -> HashMap<String, usize> {
    let mut scan = Scan {
        b: text.as_bytes(),
        i: 0,
        line: 1,
        out: HashMap::new(),
    };
    scan.ws();
    scan.out.insert(String::new(), scan.line);
    scan.value("", 0);
    scan.out
}

/// The line of `path`, or of its nearest ancestor that the text has (a missing
/// property is reported on its parent's line).
pub fn line_of(lines: &HashMap<String, usize>, path: &str) -> Option<usize> {
    if let Some(line) = lines.get(path) {
        return Some(*line);
    }
    (0..path.len())
        .rev()
        .filter(|&end| matches!(path.as_bytes()[end], b'.' | b'['))
        .find_map(|end| lines.get(&path[..end]).copied())
        .or_else(|| lines.get("").copied())
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    line: usize,
    out: HashMap<String, usize>,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => return,
            }
            self.i += 1;
        }
    }

    fn value(&mut self, at: &str, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        self.ws();
        match self.peek() {
            Some(b'{') => self.object(at, depth),
            Some(b'[') => self.array(at, depth),
            Some(b'"') => {
                self.string();
            }
            _ => {
                while let Some(c) = self.peek() {
                    if matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n') {
                        break;
                    }
                    self.i += 1;
                }
            }
        }
    }

    fn object(&mut self, at: &str, depth: usize) {
        self.i += 1;
        loop {
            self.ws();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => {
                    self.i += 1;
                    return;
                }
                _ => return,
            }
            let key_line = self.line;
            let raw = self.string();
            let key: String = serde_json::from_str(raw).unwrap_or_default();
            let child = path::key(at, &key);
            self.out.insert(child.clone(), key_line);
            self.ws();
            if self.peek() != Some(b':') {
                return;
            }
            self.i += 1;
            self.value(&child, depth + 1);
            self.ws();
            if self.peek() == Some(b',') {
                self.i += 1;
            }
        }
    }

    fn array(&mut self, at: &str, depth: usize) {
        self.i += 1;
        let mut n = 0;
        loop {
            self.ws();
            match self.peek() {
                None => return,
                Some(b']') => {
                    self.i += 1;
                    return;
                }
                Some(_) => {}
            }
            let child = path::index(at, n);
            self.out.insert(child.clone(), self.line);
            let before = self.i;
            self.value(&child, depth + 1);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                _ if self.i == before => return,
                _ => {}
            }
            n += 1;
        }
    }

    /// Skips a string literal and returns it with its quotes.
    fn string(&mut self) -> &str {
        let start = self.i;
        self.i += 1;
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                b'\\' => self.i += 1,
                b'"' => break,
                b'\n' => self.line += 1,
                _ => {}
            }
        }
        let end = self.i.min(self.b.len());
        std::str::from_utf8(&self.b[start..end]).unwrap_or("\"\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "version": "0.1",
  "ops": [
    {
      "id": "a",
      "args": { "env": { "MY-KEY": "x" } }
    },
    { "id": "b" }
  ]
}"#;

    #[test]
    fn keys_and_elements_get_their_lines() {
        let l = lines(TEXT);
        assert_eq!(l[""], 1);
        assert_eq!(l["version"], 2);
        assert_eq!(l["ops"], 3);
        assert_eq!(l["ops[0]"], 4);
        assert_eq!(l["ops[0].id"], 5);
        assert_eq!(l["ops[0].args.env[\"MY-KEY\"]"], 6);
        assert_eq!(l["ops[1]"], 8);
        assert_eq!(l["ops[1].id"], 8);
    }

    #[test]
    fn missing_paths_fall_back_to_their_parent() {
        let l = lines(TEXT);
        assert_eq!(line_of(&l, "ops[1].args"), Some(8));
        assert_eq!(line_of(&l, "ops[0].args.image"), Some(6));
        assert_eq!(line_of(&l, "type"), Some(1));
    }

    #[test]
    fn escaped_keys_and_multiline_strings_keep_count() {
        let l = lines("{\"a\\\"b\": \"x\",\n\"c\": [1,\n 2]}");
        assert_eq!(l["[\"a\\\"b\"]"], 1);
        assert_eq!(l["c"], 2);
        assert_eq!(l["c[1]"], 3);
    }

    #[test]
    fn broken_text_does_not_panic() {
        for text in [
            "",
            "{",
            "{\"a\"",
            "[1,",
            "{\"a\":[{\"b\":",
            "\"abc",
            "{\"a\" 1}",
        ] {
            let _ = lines(text);
        }
    }
}
