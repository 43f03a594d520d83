//! `/job/{job}/stats`, `/job/{job}/stats/stream` and `/node/info` (newer nodes): the wire
//! shapes, read leniently (a missing figure is `None`, an odd item is skipped, not fatal).

use serde_json::Value;

use crate::api::query::encode_component;

/// One op's resource sample. Disk and network are cumulative MB since the container started.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskStat {
    pub op_id: String,
    /// The node's clock, ms.
    pub timestamp: i64,
    pub cpu_percent: Option<f64>,
    pub memory_usage: Option<f64>,
    pub memory_limit: Option<f64>,
    pub disk_read: Option<f64>,
    pub disk_write: Option<f64>,
    pub net_received: Option<f64>,
    pub net_sent: Option<f64>,
}

fn num(v: &Value, outer: &str, inner: &str) -> Option<f64> {
    let x = v.get(outer)?.get(inner)?;
    x.as_f64()
        .or_else(|| x.as_str().and_then(|s| s.trim().parse().ok()))
        .filter(|f: &f64| f.is_finite())
}

/// A sample from one JSON value; `None` when it names no op or no time.
pub fn task_stat(v: &Value) -> Option<TaskStat> {
    let op_id = v.get("opId")?.as_str()?.trim().to_string();
    let timestamp = v.get("timestamp").and_then(|t| {
        t.as_i64()
            .or_else(|| t.as_f64().map(|f| f as i64))
            .or_else(|| t.as_str().and_then(|s| s.trim().parse().ok()))
    })?;
    if op_id.is_empty() {
        return None;
    }
    Some(TaskStat {
        op_id,
        timestamp,
        cpu_percent: num(v, "cpu", "cpu_percent"),
        memory_usage: num(v, "memory", "memory_usage"),
        memory_limit: num(v, "memory", "memory_limit"),
        disk_read: num(v, "disk", "read"),
        disk_write: num(v, "disk", "write"),
        net_received: num(v, "network", "received"),
        net_sent: num(v, "network", "sent"),
    })
}

/// A `/stats` answer or one `/stats/stream` frame: a `TaskStat[]`, or (older nodes' stream)
/// one `TaskStat`. Anything else (not JSON, another shape) is no samples.
pub fn parse_stats(text: &str) -> Vec<TaskStat> {
    parse_stats_bytes(text.as_bytes())
}

/// As `parse_stats`, from the answer's bytes. Read straight into samples (a day of a
/// replica's samples is about 5 MB of JSON; a tree of `Value`s first took most of the time).
/// JSON the typed reading refuses (a key given twice) is read through `Value` instead.
pub fn parse_stats_bytes(bytes: &[u8]) -> Vec<TaskStat> {
    match serde_json::from_slice::<wire::Frame>(bytes) {
        Ok(frame) => frame.0.into_iter().filter_map(wire::Item::stat).collect(),
        Err(_) => parse_through_value(bytes),
    }
}

/// One item of a `/stats` array, read as `parse_stats_bytes` reads the items of a whole
/// answer: `Ok(None)` for an item of another shape, `Err` when it is not JSON.
pub fn parse_stats_item(bytes: &[u8]) -> Result<Option<TaskStat>, serde_json::Error> {
    match serde_json::from_slice::<wire::Obj<wire::Item>>(bytes) {
        Ok(item) => Ok(item.0.stat()),
        Err(_) => serde_json::from_slice::<Value>(bytes).map(|v| task_stat(&v)),
    }
}

fn parse_through_value(bytes: &[u8]) -> Vec<TaskStat> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Array(items)) => items.iter().filter_map(task_stat).collect(),
        Ok(v @ Value::Object(_)) => task_stat(&v).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// The wire shapes read leniently: a figure may be a number or text, a part of another
/// shape is no figure, an item of another shape is skipped (as `task_stat` does).
mod wire {
    use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
    use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use serde::Deserialize;
    use std::fmt;

    use super::TaskStat;

    /// What a value of an unexpected shape reads as: consumed, and `None`.
    macro_rules! skip_others {
        () => {
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Default::default())
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Default::default())
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(Default::default())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
                while a.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Default::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
                while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Default::default())
            }
        };
    }

    /// A finite number, given as a number or as text.
    #[derive(Default)]
    pub struct Num(pub Option<f64>);

    impl<'de> Deserialize<'de> for Num {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Num;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a number")
                }
                fn visit_f64<E>(self, v: f64) -> Result<Num, E> {
                    Ok(Num(Some(v).filter(|v| v.is_finite())))
                }
                fn visit_i64<E>(self, v: i64) -> Result<Num, E> {
                    Ok(Num(Some(v as f64)))
                }
                fn visit_u64<E>(self, v: u64) -> Result<Num, E> {
                    Ok(Num(Some(v as f64)))
                }
                fn visit_str<E>(self, v: &str) -> Result<Num, E> {
                    Ok(Num(v.trim().parse().ok().filter(|v: &f64| v.is_finite())))
                }
                skip_others!();
            }
            d.deserialize_any(V)
        }
    }

    /// A time in ms: a whole number, a number (cut to whole ms) or text of a whole number.
    #[derive(Default)]
    pub struct Time(pub Option<i64>);

    impl<'de> Deserialize<'de> for Time {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Time;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a time")
                }
                fn visit_f64<E>(self, v: f64) -> Result<Time, E> {
                    Ok(Time(Some(v as i64)))
                }
                fn visit_i64<E>(self, v: i64) -> Result<Time, E> {
                    Ok(Time(Some(v)))
                }
                fn visit_u64<E>(self, v: u64) -> Result<Time, E> {
                    Ok(Time(i64::try_from(v).ok().or(Some(v as f64 as i64))))
                }
                fn visit_str<E>(self, v: &str) -> Result<Time, E> {
                    Ok(Time(v.trim().parse().ok()))
                }
                skip_others!();
            }
            d.deserialize_any(V)
        }
    }

    /// Text; another shape is none.
    #[derive(Default)]
    pub struct Text(pub Option<String>);

    impl<'de> Deserialize<'de> for Text {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Text;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("text")
                }
                fn visit_str<E>(self, v: &str) -> Result<Text, E> {
                    Ok(Text(Some(v.to_string())))
                }
                fn visit_f64<E>(self, _: f64) -> Result<Text, E> {
                    Ok(Text(None))
                }
                fn visit_i64<E>(self, _: i64) -> Result<Text, E> {
                    Ok(Text(None))
                }
                fn visit_u64<E>(self, _: u64) -> Result<Text, E> {
                    Ok(Text(None))
                }
                skip_others!();
            }
            d.deserialize_any(V)
        }
    }

    /// An object read as `T`; another shape is `T`'s default.
    #[derive(Default)]
    pub struct Obj<T>(pub T);

    impl<'de, T: Deserialize<'de> + Default> Deserialize<'de> for Obj<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V<T>(std::marker::PhantomData<T>);
            impl<'de, T: Deserialize<'de> + Default> Visitor<'de> for V<T> {
                type Value = Obj<T>;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: MapAccess<'de>>(self, a: A) -> Result<Obj<T>, A::Error> {
                    T::deserialize(MapAccessDeserializer::new(a)).map(Obj)
                }
                fn visit_f64<E>(self, _: f64) -> Result<Obj<T>, E> {
                    Ok(Obj(T::default()))
                }
                fn visit_i64<E>(self, _: i64) -> Result<Obj<T>, E> {
                    Ok(Obj(T::default()))
                }
                fn visit_u64<E>(self, _: u64) -> Result<Obj<T>, E> {
                    Ok(Obj(T::default()))
                }
                fn visit_str<E>(self, _: &str) -> Result<Obj<T>, E> {
                    Ok(Obj(T::default()))
                }
                fn visit_bool<E>(self, _: bool) -> Result<Obj<T>, E> {
                    Ok(Obj(T::default()))
                }
                fn visit_unit<E>(self) -> Result<Obj<T>, E> {
                    Ok(Obj(T::default()))
                }
                fn visit_none<E>(self) -> Result<Obj<T>, E> {
                    Ok(Obj(T::default()))
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Obj<T>, A::Error> {
                    while a.next_element::<IgnoredAny>()?.is_some() {}
                    Ok(Obj(T::default()))
                }
            }
            d.deserialize_any(V(std::marker::PhantomData))
        }
    }

    /// The figures of `cpu`, `memory`, `disk` and `network` (each names its own).
    #[derive(Default, Deserialize)]
    #[serde(default)]
    pub struct Group {
        cpu_percent: Num,
        memory_usage: Num,
        memory_limit: Num,
        read: Num,
        write: Num,
        received: Num,
        sent: Num,
    }

    #[derive(Default, Deserialize)]
    #[serde(default)]
    pub struct Item {
        #[serde(rename = "opId")]
        op_id: Text,
        timestamp: Time,
        cpu: Obj<Group>,
        memory: Obj<Group>,
        disk: Obj<Group>,
        network: Obj<Group>,
    }

    impl Item {
        /// The sample; `None` when it names no op or no time.
        pub fn stat(self) -> Option<TaskStat> {
            let op_id = self.op_id.0?.trim().to_string();
            let timestamp = self.timestamp.0?;
            if op_id.is_empty() {
                return None;
            }
            Some(TaskStat {
                op_id,
                timestamp,
                cpu_percent: self.cpu.0.cpu_percent.0,
                memory_usage: self.memory.0.memory_usage.0,
                memory_limit: self.memory.0.memory_limit.0,
                disk_read: self.disk.0.read.0,
                disk_write: self.disk.0.write.0,
                net_received: self.network.0.received.0,
                net_sent: self.network.0.sent.0,
            })
        }
    }

    /// A frame's items: an array's objects, or one object.
    #[derive(Default)]
    pub struct Frame(pub Vec<Item>);

    impl<'de> Deserialize<'de> for Frame {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Frame;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("samples")
                }
                fn visit_seq<A: SeqAccess<'de>>(self, a: A) -> Result<Frame, A::Error> {
                    let items = Vec::<Obj<Item>>::deserialize(SeqAccessDeserializer::new(a))?;
                    Ok(Frame(items.into_iter().map(|o| o.0).collect()))
                }
                fn visit_map<A: MapAccess<'de>>(self, a: A) -> Result<Frame, A::Error> {
                    Item::deserialize(MapAccessDeserializer::new(a)).map(|i| Frame(vec![i]))
                }
                fn visit_f64<E>(self, _: f64) -> Result<Frame, E> {
                    Ok(Frame::default())
                }
                fn visit_i64<E>(self, _: i64) -> Result<Frame, E> {
                    Ok(Frame::default())
                }
                fn visit_u64<E>(self, _: u64) -> Result<Frame, E> {
                    Ok(Frame::default())
                }
                fn visit_str<E>(self, _: &str) -> Result<Frame, E> {
                    Ok(Frame::default())
                }
                fn visit_bool<E>(self, _: bool) -> Result<Frame, E> {
                    Ok(Frame::default())
                }
                fn visit_unit<E>(self) -> Result<Frame, E> {
                    Ok(Frame::default())
                }
            }
            d.deserialize_any(V)
        }
    }
}

/// `{base}/job/{job}/stats?interval=S&start=MS&end=MS`.
pub fn stats_url(base: &str, job: &str, interval_s: u32, start_ms: i64, end_ms: i64) -> String {
    format!(
        "{}/job/{}/stats?interval={interval_s}&start={start_ms}&end={end_ms}",
        base.trim_end_matches('/'),
        encode_component(job)
    )
}

/// `{base}/job/{job}/stats/stream?interval=S`.
pub fn stream_url(base: &str, job: &str, interval_s: u32) -> String {
    format!(
        "{}/job/{}/stats/stream?interval={interval_s}",
        base.trim_end_matches('/'),
        encode_component(job)
    )
}

/// `{base}/node/info` (no header).
pub fn node_info_url(base: &str) -> String {
    format!("{}/node/info", base.trim_end_matches('/'))
}

/// One GPU of the host.
#[derive(Debug, Clone, PartialEq)]
pub struct Gpu {
    pub name: String,
    /// MB, when given.
    pub memory_mb: Option<f64>,
}

/// What the replica strip shows of a host.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NodeHost {
    pub gpus: Vec<Gpu>,
    pub cpu_cores: Option<u32>,
}

/// `/node/info`, leniently: `gpus` may be a list of `{name, memory}` or of plain names;
/// GPU memory may be a number (MB) or text such as "24564 MiB".
pub fn parse_node_info(text: &str) -> Option<NodeHost> {
    let v: Value = serde_json::from_str(text).ok()?;
    let v = v.as_object()?;
    let gpus = v
        .get("gpus")
        .or_else(|| v.get("gpu"))
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|g| match g {
                    Value::String(s) => Some(Gpu {
                        name: s.trim().to_string(),
                        memory_mb: None,
                    }),
                    Value::Object(o) => Some(Gpu {
                        name: o.get("name")?.as_str()?.trim().to_string(),
                        memory_mb: o
                            .get("memory")
                            .and_then(|m| m.as_f64().or_else(|| leading_number(m.as_str()?))),
                    }),
                    _ => None,
                })
                .filter(|g| !g.name.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let cpu_cores = v
        .get("cpu")
        .and_then(|c| c.get("cores").or_else(|| c.get("physical_cores")))
        .and_then(Value::as_u64)
        .and_then(|c| u32::try_from(c).ok());
    Some(NodeHost { gpus, cpu_cores })
}

fn leading_number(s: &str) -> Option<f64> {
    let digits: String = s
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits.parse().ok()
}

/// A 404 whose answer is express's "Cannot GET /job/..." (an HTML page): the node lacks the
/// route itself. A 404 with "No running job..." is the job, not the route.
pub fn route_missing(status: u16, content_type: Option<&str>, body: &str) -> bool {
    if status != 404 {
        return false;
    }
    let body = body.trim_start();
    if body.starts_with("No running job") {
        return false;
    }
    body.starts_with("Cannot ")
        || body.contains("<pre>Cannot ")
        || content_type.is_some_and(|t| t.to_ascii_lowercase().starts_with("text/html"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_reading_gives_what_reading_through_values_gives() {
        let frames = [
            r#"[{"opId":"a","timestamp":5,"cpu":{"cpu_percent":12.5},"memory":{"memory_usage":100,"memory_limit":200,"memory_percent":50},"disk":{"read":1,"write":2},"network":{"received":3,"sent":4}},{"timestamp":6}]"#,
            r#"{"opId":" b ","timestamp":"7","cpu":{"cpu_percent":"3.5"},"extra":[1,{"x":2}]}"#,
            r#"[42, "x", null, [], {"opId":"c","timestamp":8.9,"cpu":5,"memory":{"memory_usage":null,"memory_limit":"n/a"},"disk":[1,2],"network":{"received":true,"sent":-1}}]"#,
            r#"[{"opId":"","timestamp":1},{"opId":7,"timestamp":1},{"opId":"d","timestamp":"7.5"},{"opId":"e","timestamp":{"ms":1}}]"#,
            r#"[{"opId":"f","timestamp":18446744073709551615,"cpu":{"cpu_percent":1e400}}]"#,
            r#"{"opId":"g","opId":"h","timestamp":1}"#,
            "[]",
            "{}",
            "keep-alive",
            "42",
            "",
        ];
        for f in frames {
            assert_eq!(parse_stats(f), parse_through_value(f.as_bytes()), "{f}");
        }
        assert_eq!(parse_stats(frames[2]).len(), 1);
        assert_eq!(parse_stats(frames[2])[0].net_sent, Some(-1.0));
        assert_eq!(parse_stats(frames[5])[0].op_id, "h");
    }
}
