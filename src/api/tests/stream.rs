use super::FeedStr;
use crate::api::models::{JobState, Status, StreamFrame, TaskKind};
use crate::api::sse::SseParser;

fn frames(text: &str) -> Vec<StreamFrame> {
    SseParser::new()
        .feed_str(text)
        .iter()
        .filter_map(|d| StreamFrame::parse(d))
        .collect()
}

#[test]
fn a_stream_transcript_reads_into_frames() {
    let frames = frames(fixture!("stream.txt"));
    assert_eq!(frames.len(), 7);

    let StreamFrame::Deployment(d) = &frames[0] else {
        panic!("first frame is the deployment: {:?}", frames[0]);
    };
    assert_eq!(d.status, Some(Status::Running));
    assert_eq!((d.replicas, d.active_revision), (Some(2), Some(2)));

    let StreamFrame::Job(j) = &frames[1] else {
        panic!("then its active jobs: {:?}", frames[1]);
    };
    assert_eq!(j.job, "bbrZNhFgtsqwDtGuSptFDaYPo22sJXHDmfPVtoPQ6F7F");
    assert_eq!(j.state, JobState::Running);
    assert_eq!(
        j.node.as_deref(),
        Some("2AezWtiAgufXjPAcc921toi7ap9UxDuxE2HEKZGqeMHb")
    );
    assert_eq!((j.time_start, j.time_end), (Some(1_740_823_560), Some(0)));

    let StreamFrame::Task(t) = &frames[2] else {
        panic!("then its pending tasks: {:?}", frames[2]);
    };
    assert_eq!(t.task, TaskKind::Extend);
    assert_eq!(t.attempts, Some(0));
    assert_ne!(t.status, "DONE");

    assert_eq!(
        frames[3],
        StreamFrame::Unknown,
        "a frame type this client lacks"
    );

    let StreamFrame::Event(e) = &frames[4] else {
        panic!("an event: {:?}", frames[4]);
    };
    assert_eq!(e.event, "JOB_LIST_CONFIRMED");
    assert_eq!(e.category, "Event");

    let StreamFrame::Task(done) = &frames[5] else {
        panic!("a finished task: {:?}", frames[5]);
    };
    assert_eq!(done.status, "DONE", "the task left the queue");
    assert_eq!(done.due_at, None);

    assert!(matches!(&frames[6], StreamFrame::Deployment(d) if d.status == Some(Status::Stopping)));
}

#[test]
fn frames_that_are_not_json_objects_with_a_type_are_dropped() {
    assert_eq!(StreamFrame::parse("not json"), None);
    assert_eq!(StreamFrame::parse("{\"status\":\"RUNNING\"}"), None);
    assert_eq!(StreamFrame::parse(""), None);
}

#[test]
fn a_job_frame_with_a_numeric_state_or_null_fields_still_reads() {
    let frame =
        StreamFrame::parse(r#"{"type":"job","job":"j","state":2,"node":null,"timeStart":null}"#);
    let Some(StreamFrame::Job(j)) = frame else {
        panic!("{frame:?}");
    };
    assert_eq!(j.state, JobState::Completed);
    assert_eq!((j.node, j.time_start), (None, None));
}
