//! A day of one replica's samples is about 4 MB of JSON. Read whole, all of it is parsed
//! after the last byte, in one go on the main thread; read here, each item of the answer's
//! array is parsed as soon as its last byte is in, so when the answer ends little is left.
//! Anything this reading is not sure of (another shape, broken JSON, bytes after the array)
//! is read whole at the end by `parse_stats_bytes`, so both readings give the same samples.

use super::stats::{parse_stats_bytes, parse_stats_item, TaskStat};

#[derive(Debug, Default)]
pub struct StatsReader {
    /// Every byte so far (kept for the whole reading when this one gives up).
    bytes: Vec<u8>,
    /// How far the bytes have been scanned.
    scanned: usize,
    /// Where the item being scanned starts (inside the top-level array).
    item_start: usize,
    /// Nesting of arrays and objects at `scanned`: 1 inside the top-level array.
    depth: u32,
    in_string: bool,
    escaped: bool,
    /// The top-level array has been seen to open, and to close.
    opened: bool,
    closed: bool,
    /// Left to `parse_stats_bytes`: not an array, or not well-formed as far as seen.
    whole: bool,
    samples: Vec<TaskStat>,
}

impl StatsReader {
    /// Takes the next bytes of the answer and reads every item they complete.
    pub fn push(&mut self, chunk: &[u8]) {
        self.bytes.extend_from_slice(chunk);
        if self.whole {
            return;
        }
        let mut i = self.scanned;
        while i < self.bytes.len() && !self.whole {
            let b = self.bytes[i];
            if self.in_string {
                match b {
                    _ if self.escaped => self.escaped = false,
                    b'\\' => self.escaped = true,
                    b'"' => self.in_string = false,
                    _ => {}
                }
            } else if !self.opened {
                match b {
                    b'[' => {
                        self.opened = true;
                        self.depth = 1;
                        self.item_start = i + 1;
                    }
                    b if is_space(b) => {}
                    _ => self.whole = true,
                }
            } else if self.closed {
                self.whole |= !is_space(b);
            } else {
                match b {
                    b'"' => self.in_string = true,
                    b'{' | b'[' => self.depth += 1,
                    b'}' | b']' if self.depth > 1 => self.depth -= 1,
                    b']' => {
                        self.closed = true;
                        self.item_end(i);
                    }
                    // A brace closing the top-level array.
                    b'}' => self.whole = true,
                    b',' if self.depth == 1 => {
                        self.item_end(i);
                        self.item_start = i + 1;
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        self.scanned = i;
    }

    /// An item ends before `end` (a comma or the closing bracket at the top level).
    fn item_end(&mut self, end: usize) {
        let item = trim(&self.bytes[self.item_start..end]);
        // `[]` is an empty answer; an empty item anywhere else is broken JSON.
        if item.is_empty() {
            self.whole |= !(self.closed && self.no_item_before());
            return;
        }
        match parse_stats_item(item) {
            Ok(sample) => self.samples.extend(sample),
            Err(_) => self.whole = true,
        }
    }

    fn no_item_before(&self) -> bool {
        trim(&self.bytes[..self.item_start]).ends_with(b"[")
    }

    /// How many samples have been read (items of other shapes are not counted).
    pub fn read_so_far(&self) -> usize {
        self.samples.len()
    }

    /// The answer has ended: its samples, oldest first as the node sent them.
    pub fn finish(self) -> Vec<TaskStat> {
        if self.whole || !self.closed || self.in_string {
            return parse_stats_bytes(&self.bytes);
        }
        self.samples
    }
}

/// JSON's whitespace (not form feeds, which `is_ascii_whitespace` also takes).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn trim(mut bytes: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = bytes {
        if !is_space(*first) {
            break;
        }
        bytes = rest;
    }
    while let [rest @ .., last] = bytes {
        if !is_space(*last) {
            break;
        }
        bytes = rest;
    }
    bytes
}
