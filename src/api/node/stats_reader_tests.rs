//! `StatsReader` fed an answer in chunks of every size gives exactly what reading the whole
//! answer at once gives, for usual and broken answers alike, and reads items before the end.

use serde_json::json;

use super::stats::parse_stats_bytes;
use super::stats_reader::StatsReader;

fn read_in_chunks(bytes: &[u8], size: usize) -> Vec<super::stats::TaskStat> {
    let mut reader = StatsReader::default();
    for chunk in bytes.chunks(size) {
        reader.push(chunk);
    }
    reader.finish()
}

fn same_in_every_chunking(text: &str) {
    let whole = parse_stats_bytes(text.as_bytes());
    for size in [1, 2, 3, 7, 64, text.len().max(1)] {
        assert_eq!(
            read_in_chunks(text.as_bytes(), size),
            whole,
            "chunks of {size}: {text}"
        );
    }
}

fn sample(op: &str, t: i64) -> serde_json::Value {
    json!({"opId": op, "timestamp": t, "cpu": {"cpu_percent": 12.5},
        "memory": {"memory_usage": 100, "memory_limit": "2048", "memory_percent": 4.9},
        "disk": {"read": 1.5, "write": 2}, "network": {"received": 3, "sent": 4}})
}

#[test]
fn usual_answers_read_the_same_in_chunks() {
    let many: Vec<_> = (0..50).map(|t| sample("web", t * 5_000)).collect();
    for answer in [
        json!(many).to_string(),
        serde_json::to_string_pretty(&json!(many)).unwrap(),
        "[]".to_string(),
        " \n[ ]\r\n".to_string(),
        // Strings holding brackets, braces, commas, quotes and escapes; nested arrays.
        json!([{"opId": "we\"b],}{[\\", "timestamp": 5, "cpu": {"cpu_percent": [1, [2]]}},
            sample("ü 日本 😀", 6)])
        .to_string(),
        // Items of other shapes are skipped, as in the whole reading.
        json!([1, "x", null, [sample("web", 1)], {"opId": ""}, sample("web", 2)]).to_string(),
        // A key given twice: the typed reading refuses it, the lenient one decides.
        r#"[{"opId": "a", "opId": "b", "timestamp": 1}, {"opId": "c", "timestamp": 2}]"#
            .to_string(),
    ] {
        same_in_every_chunking(&answer);
        // Read item by item, not left to the whole reading at the end.
        let mut reader = StatsReader::default();
        reader.push(answer.as_bytes());
        assert_eq!(
            reader.read_so_far(),
            parse_stats_bytes(answer.as_bytes()).len(),
            "{answer}"
        );
    }
    // An older node's stream shape: one object, read whole.
    same_in_every_chunking(&sample("web", 7).to_string());
    assert_eq!(
        parse_stats_bytes(json!(many).to_string().as_bytes()).len(),
        50
    );
}

#[test]
fn broken_answers_read_the_same_in_chunks() {
    let good = json!([sample("web", 1), sample("web", 2)]).to_string();
    for answer in [
        good[..good.len() - 1].to_string(),
        good[..good.len() / 2].to_string(),
        format!("{good} x"),
        format!("{good}]"),
        format!("\u{c}{good}"),
        "[,]".to_string(),
        "[1,]".to_string(),
        r#"[{"opId": "a", "timestamp": 1}}]"#.to_string(),
        r#"[{"opId": "a", "timestamp": 1]}]"#.to_string(),
        r#"[{"opId": "a", "timestamp": 1} {"opId": "b", "timestamp": 2}]"#.to_string(),
        "[\"open string]".to_string(),
        "not json".to_string(),
        String::new(),
    ] {
        same_in_every_chunking(&answer);
    }
}

#[test]
fn items_are_read_as_their_bytes_arrive() {
    let answer = json!([sample("web", 1), sample("web", 2), sample("web", 3)]).to_string();
    let second_end = answer.find(r#""timestamp":3"#).unwrap();
    let mut reader = StatsReader::default();
    reader.push(&answer.as_bytes()[..second_end]);
    assert_eq!(reader.read_so_far(), 2);
    reader.push(&answer.as_bytes()[second_end..]);
    assert_eq!(reader.read_so_far(), 3);
    assert_eq!(reader.finish().len(), 3);
}
