//! Comma-separated multi-choice values in a query string (`status=RUNNING,STOPPED`),
//! shared by the list's and the history tabs' URL state.

/// The items `parse` accepts, in order, each once; unknown items are dropped.
pub fn parse_list<T: PartialEq>(value: &str, parse: impl Fn(&str) -> Option<T>) -> Vec<T> {
    let mut out = Vec::new();
    for item in value.split(',').filter_map(parse) {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// Adds `item`, or removes it when already chosen (a checkbox click).
pub fn toggle<T: PartialEq>(items: &mut Vec<T>, item: T) {
    if let Some(pos) = items.iter().position(|x| *x == item) {
        items.remove(pos);
    } else {
        items.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_known_item_once_in_order() {
        let parse = |s: &str| ["a", "b"].contains(&s).then(|| s.to_string());
        assert_eq!(parse_list("b,x,a,b", parse), ["b", "a"]);
        assert!(parse_list("", parse).is_empty());
    }

    #[test]
    fn toggle_adds_then_removes() {
        let mut items = vec![1, 2];
        toggle(&mut items, 3);
        assert_eq!(items, [1, 2, 3]);
        toggle(&mut items, 1);
        assert_eq!(items, [2, 3]);
    }
}
