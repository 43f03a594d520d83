//! A deployment's name: the rule the create form and renaming share, and how
//! a page shows one.

/// The API's limit on a deployment name, in characters.
pub const MAX_NAME_CHARS: usize = 255;

/// A deployment name: trimmed, not empty, at most 255 characters.
pub fn parse_name(text: &str) -> Result<String, String> {
    let name = text.trim();
    if name.is_empty() {
        return Err("Enter a name".to_string());
    }
    let count = name.chars().count();
    if count > MAX_NAME_CHARS {
        return Err(format!(
            "A name has at most {MAX_NAME_CHARS} characters (this one has {count})"
        ));
    }
    Ok(name.to_string())
}

/// What the heading says for a name, including a blank one.
pub fn display_name(name: &str) -> String {
    if name.trim().is_empty() {
        "Unnamed deployment".to_string()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(parse_name("  my llm  "), Ok("my llm".to_string()));
        assert_eq!(parse_name("   ").unwrap_err(), "Enter a name");
        assert_eq!(parse_name(&"é".repeat(255)).map(|n| n.len()), Ok(510));
        assert_eq!(
            parse_name(&"x".repeat(256)).unwrap_err(),
            "A name has at most 255 characters (this one has 256)"
        );
    }

    #[test]
    fn blank_names_are_shown_as_unnamed() {
        assert_eq!(display_name(" \t"), "Unnamed deployment");
        assert_eq!(display_name("web"), "web");
    }
}
