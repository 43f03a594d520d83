use crate::domain::logs::reconnect::*;

#[test]
fn drops_back_off_and_a_frame_resets() {
    let mut r = SocketRetry::default();
    let delays: Vec<u32> = (0..7)
        .map(|_| match r.on_close(1006) {
            NextStep::Reconnect { after_ms, .. } => after_ms,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        delays,
        vec![1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]
    );
    r.on_frame();
    assert!(matches!(
        r.on_close(1000),
        NextStep::Reconnect {
            after_ms: 1_000,
            ..
        }
    ));
    assert_eq!(delay_ms(u32::MAX), MAX_DELAY_MS);
}

#[test]
fn unauthorized_refreshes_the_header_once() {
    let mut r = SocketRetry::default();
    assert!(matches!(r.on_close(3000), NextStep::RefreshHeader { .. }));
    assert!(matches!(r.on_close(3000), NextStep::GiveUp { .. }));
    r.on_frame();
    assert!(matches!(r.on_close(3000), NextStep::RefreshHeader { .. }));
}

#[test]
fn refusals_stop() {
    for code in [1008, 1007, 1011] {
        let mut r = SocketRetry::default();
        assert!(
            matches!(r.on_close(code), NextStep::GiveUp { .. }),
            "{code}"
        );
    }
}
