//! The rule for a deployment's name, shared by the create form and renaming.

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
}
