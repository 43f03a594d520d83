//! The browser tab's title for a page, from what the page's heading says.

pub const APP_NAME: &str = "Nosana Deployments";

/// "my-deployment · Nosana Deployments"; the app's name alone while a page has
/// no heading (yet). Runs of whitespace (line breaks of a rendered heading)
/// read as one space.
pub fn document_title(heading: &str) -> String {
    let words: Vec<&str> = heading.split_whitespace().collect();
    if words.is_empty() {
        APP_NAME.to_string()
    } else {
        format!("{} · {APP_NAME}", words.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_comes_first_then_the_app_name() {
        let cases = [
            ("Deployments", "Deployments · Nosana Deployments"),
            ("my-llm", "my-llm · Nosana Deployments"),
            ("  Edit \n  my-llm ", "Edit my-llm · Nosana Deployments"),
            ("", "Nosana Deployments"),
            (" \n\t", "Nosana Deployments"),
        ];
        for (heading, title) in cases {
            assert_eq!(document_title(heading), title, "heading {heading:?}");
        }
    }
}
