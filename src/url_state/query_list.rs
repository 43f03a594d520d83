//! Query-string pieces shared by the list's and the history tabs' URL state:
//! comma-separated multi-choice values (`status=RUNNING,STOPPED`) and encoded pairs.

use crate::api::query::encode_component;

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

/// Several choices as one value: `RUNNING,STOPPED`.
pub fn join<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().collect::<Vec<_>>().join(",")
}

/// `key=value` with the value percent-encoded, one string a pair.
pub fn encode_pairs(pairs: &[(&str, String)]) -> Vec<String> {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode_component(v)))
        .collect()
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
    fn joins_choices_and_encodes_values() {
        assert_eq!(join(["A", "B"]), "A,B");
        assert_eq!(
            encode_pairs(&[("q", "a b".into()), ("s", "X,Y".into())]),
            ["q=a%20b", "s=X%2CY"]
        );
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
