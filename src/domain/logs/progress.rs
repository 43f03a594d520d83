//! Progress frames (image pulls, downloads) folded into one line per layer or download,
//! updated in place, instead of thousands of lines.

/// What a progress line follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProgressKind {
    /// One layer of an image pull (`multi-process-bar-*`, keyed by layer id).
    Layer,
    /// A resource download (`process-bar-*`).
    Download,
}

/// The current state of one progress line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressState {
    pub kind: ProgressKind,
    /// The layer id; empty for a download.
    pub id: String,
    /// The node's words, e.g. `Downloading`, `Extracting`, `Pull complete`.
    pub status: String,
    pub current: Option<u64>,
    pub total: Option<u64>,
    /// Set by a stop frame or a final layer status.
    pub done: bool,
    /// How many frames were folded into this line.
    pub updates: u32,
}

/// Layer statuses after which a layer changes no more.
const FINAL_STATUSES: [&str; 2] = ["Pull complete", "Already exists"];

impl ProgressState {
    pub fn new(kind: ProgressKind, id: String) -> ProgressState {
        ProgressState {
            kind,
            id,
            status: String::new(),
            current: None,
            total: None,
            done: false,
            updates: 0,
        }
    }

    /// Folds one update in; values a frame leaves out are kept.
    pub fn update(&mut self, status: Option<&str>, current: Option<u64>, total: Option<u64>) {
        if let Some(s) = status.filter(|s| !s.is_empty()) {
            self.status = s.to_string();
            if FINAL_STATUSES.contains(&s.trim()) {
                self.done = true;
            }
        }
        if current.is_some() {
            self.current = current;
        }
        if total.is_some_and(|t| t > 0) {
            self.total = total;
        }
        self.updates = self.updates.saturating_add(1);
    }

    pub fn finish(&mut self) {
        self.done = true;
    }

    /// 0.0..=1.0 when both numbers are known.
    pub fn fraction(&self) -> Option<f64> {
        match (self.current, self.total) {
            (Some(c), Some(t)) if t > 0 => Some((c as f64 / t as f64).clamp(0.0, 1.0)),
            _ => None,
        }
    }

    /// One line of text: `Layer 3f4e…: Downloading 12.0 MB / 45.1 MB (27%)`, `… done`.
    pub fn describe(&self) -> String {
        let mut out = match self.kind {
            ProgressKind::Layer => format!("Layer {}:", self.id),
            ProgressKind::Download => "Download:".to_string(),
        };
        if !self.status.is_empty() {
            out.push(' ');
            out.push_str(&self.status);
        }
        match (self.current, self.total) {
            (Some(c), Some(t)) if t > 0 => {
                let pct = (c as f64 / t as f64 * 100.0).clamp(0.0, 100.0);
                out.push_str(&format!(
                    " {} / {} ({pct:.0}%)",
                    bytes(c, self.kind),
                    bytes(t, self.kind)
                ));
            }
            (Some(c), _) => out.push_str(&format!(" {}", bytes(c, self.kind))),
            (None, Some(t)) => out.push_str(&format!(" of {}", bytes(t, self.kind))),
            _ => {}
        }
        if self.done {
            out.push_str(" — done");
        }
        out
    }
}

/// Layer sizes are bytes; a download's numbers are the node's units (shown as numbers).
fn bytes(n: u64, kind: ProgressKind) -> String {
    match kind {
        ProgressKind::Download => n.to_string(),
        ProgressKind::Layer => format_bytes(n),
    }
}

/// `512 B`, `1.5 kB`, `12.0 MB`, `3.2 GB` (powers of 1000, as Docker prints them).
pub fn format_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if n < 1000 {
        return format!("{n} B");
    }
    let mut v = n as f64 / 1000.0;
    let mut unit = 0;
    while v >= 1000.0 && unit + 1 < UNITS.len() {
        v /= 1000.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}
