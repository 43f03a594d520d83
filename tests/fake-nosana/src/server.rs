//! The accept loop. It is ours rather than `axum::serve` for one reason: a
//! handler must be able to close its connection without sending anything (the
//! `drop_next` fault), which a browser then reports as a network error.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tower::ServiceExt;

/// Put in each request's extensions; `kill` ends the connection it came on.
#[derive(Clone)]
pub struct ConnectionKill(Arc<Notify>);

impl ConnectionKill {
    pub fn kill(&self) {
        // notify_one keeps the permit if the connection task is not waiting yet.
        self.0.notify_one();
    }
}

/// Serves `app` on `listener` until the future is dropped.
pub async fn serve(listener: TcpListener, app: Router) -> io::Result<()> {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors and the like: wait instead of spinning.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        tokio::spawn(async move {
            let kill = ConnectionKill(Arc::new(Notify::new()));
            let handle = kill.clone();
            let service = service_fn(move |mut req: hyper::Request<Incoming>| {
                req.extensions_mut().insert(handle.clone());
                app.clone().oneshot(req)
            });
            // With upgrades: the node double's log stream is a WebSocket.
            let conn = http1::Builder::new()
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), service)
                .with_upgrades();
            tokio::select! {
                _ = conn => {}
                // Dropping the connection closes the socket mid-request.
                _ = kill.0.notified() => {}
            }
        });
    }
}
