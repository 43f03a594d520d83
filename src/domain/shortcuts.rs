//! Keyboard shortcuts: which key does what, and when a key is no shortcut at
//! all (typing in a field, a modifier held, a key held down). The shell reads
//! each key press through `read`; the shortcuts dialog lists `HELP`.

/// What a shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// `/`: focus the search of the deployments list.
    FocusSearch,
    /// `n`: the create page.
    NewDeployment,
    /// `g` then `d`: the deployments list.
    GoToList,
    /// `?`: the shortcuts dialog.
    ShowHelp,
    /// Ctrl+K or Cmd+K: the "Go to deployment" palette.
    OpenPalette,
}

/// A key press as the rules see it (`key` is `KeyboardEvent.key`).
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyPress<'a> {
    pub key: &'a str,
    pub ctrl: bool,
    pub meta: bool,
    pub alt: bool,
    /// Held down: the browser repeats it.
    pub repeat: bool,
    /// Focus is in an input, textarea, select or editable element.
    pub in_field: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Run(Shortcut),
    /// `g` was pressed: a `d` within `SEQUENCE_MS` goes to the list.
    AwaitSecond,
    /// Not a shortcut: the key does what it would do anyway.
    Nothing,
}

/// How long after `g` a `d` still counts.
pub const SEQUENCE_MS: u64 = 1500;

/// What `press` means; `after_g` when `g` came just before (within `SEQUENCE_MS`).
/// Shift is no modifier here: `?` is Shift+/ on most layouts.
pub fn read(press: &KeyPress, after_g: bool) -> Outcome {
    if press.in_field || press.repeat {
        return Outcome::Nothing;
    }
    let key = press.key;
    if (press.ctrl || press.meta) && !press.alt {
        let palette = key.eq_ignore_ascii_case("k") && !(press.ctrl && press.meta);
        return if palette {
            Outcome::Run(Shortcut::OpenPalette)
        } else {
            Outcome::Nothing
        };
    }
    if press.ctrl || press.meta || press.alt {
        return Outcome::Nothing;
    }
    match key {
        "d" if after_g => Outcome::Run(Shortcut::GoToList),
        "/" => Outcome::Run(Shortcut::FocusSearch),
        "n" => Outcome::Run(Shortcut::NewDeployment),
        "?" => Outcome::Run(Shortcut::ShowHelp),
        "g" => Outcome::AwaitSecond,
        _ => Outcome::Nothing,
    }
}

/// One line of the shortcuts dialog: keys pressed one after another
/// (`then`) or as alternatives (`or`).
pub struct Help {
    pub keys: &'static [&'static str],
    pub joiner: &'static str,
    pub what: &'static str,
}

pub const HELP: [Help; 6] = [
    Help {
        keys: &["/"],
        joiner: "",
        what: "Search the deployments list",
    },
    Help {
        keys: &["n"],
        joiner: "",
        what: "New deployment",
    },
    Help {
        keys: &["g", "d"],
        joiner: "then",
        what: "Go to the deployments list",
    },
    Help {
        keys: &["Ctrl+K", "⌘K"],
        joiner: "or",
        what: "Go to deployment: find one by name or id",
    },
    Help {
        keys: &["?"],
        joiner: "",
        what: "Show these shortcuts",
    },
    Help {
        keys: &["Esc"],
        joiner: "",
        what: "Close a dialog",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: &str) -> KeyPress<'_> {
        KeyPress {
            key,
            ..KeyPress::default()
        }
    }

    #[test]
    fn single_keys() {
        assert_eq!(read(&key("/"), false), Outcome::Run(Shortcut::FocusSearch));
        assert_eq!(
            read(&key("n"), false),
            Outcome::Run(Shortcut::NewDeployment)
        );
        assert_eq!(read(&key("?"), false), Outcome::Run(Shortcut::ShowHelp));
        assert_eq!(read(&key("g"), false), Outcome::AwaitSecond);
        for other in ["N", "x", "Enter", "Escape", "d", "G"] {
            assert_eq!(read(&key(other), false), Outcome::Nothing, "{other}");
        }
    }

    #[test]
    fn g_then_d() {
        assert_eq!(read(&key("d"), true), Outcome::Run(Shortcut::GoToList));
        // Another key after `g` is read on its own.
        assert_eq!(read(&key("n"), true), Outcome::Run(Shortcut::NewDeployment));
        assert_eq!(read(&key("g"), true), Outcome::AwaitSecond);
    }

    #[test]
    fn palette_with_ctrl_or_cmd() {
        let ctrl = KeyPress {
            ctrl: true,
            ..key("k")
        };
        let cmd = KeyPress {
            meta: true,
            ..key("K")
        };
        assert_eq!(read(&ctrl, false), Outcome::Run(Shortcut::OpenPalette));
        assert_eq!(read(&cmd, false), Outcome::Run(Shortcut::OpenPalette));
        let with_alt = KeyPress { alt: true, ..ctrl };
        assert_eq!(read(&with_alt, false), Outcome::Nothing);
        let both = KeyPress { meta: true, ..ctrl };
        assert_eq!(read(&both, false), Outcome::Nothing);
    }

    #[test]
    fn never_while_typing_held_or_modified() {
        for k in ["/", "n", "?", "g", "d"] {
            let typing = KeyPress {
                in_field: true,
                ..key(k)
            };
            assert_eq!(read(&typing, true), Outcome::Nothing, "{k} in a field");
            for press in [
                KeyPress {
                    ctrl: true,
                    ..key(k)
                },
                KeyPress {
                    meta: true,
                    ..key(k)
                },
                KeyPress {
                    alt: true,
                    ..key(k)
                },
                KeyPress {
                    repeat: true,
                    ..key(k)
                },
            ] {
                assert_eq!(read(&press, true), Outcome::Nothing, "{press:?}");
            }
        }
        let palette_in_field = KeyPress {
            ctrl: true,
            in_field: true,
            ..key("k")
        };
        assert_eq!(read(&palette_in_field, false), Outcome::Nothing);
    }

    #[test]
    fn help_lists_every_shortcut_once() {
        let keys: Vec<&str> = HELP.iter().flat_map(|h| h.keys.iter().copied()).collect();
        for k in ["/", "n", "g", "d", "Ctrl+K", "?", "Esc"] {
            assert_eq!(keys.iter().filter(|x| **x == k).count(), 1, "{k}");
        }
        for h in &HELP {
            assert_eq!(h.keys.len() > 1, !h.joiner.is_empty(), "{}", h.what);
        }
    }
}
