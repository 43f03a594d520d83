//! The change feed behind the stream route: every store change that a stream
//! shows is broadcast here, already formatted as an SSE frame.

use serde_json::Value;
use tokio::sync::broadcast;

#[derive(Debug, Clone)]
pub enum StreamMsg {
    /// Text to write to the streams of one deployment, as is.
    Text { deployment: String, text: String },
    /// End the streams of one deployment (it was deleted), or of all (reset).
    Close { deployment: Option<String> },
}

#[derive(Clone)]
pub struct Hub(broadcast::Sender<StreamMsg>);

impl Default for Hub {
    fn default() -> Self {
        // A slow reader that falls this far behind skips frames (see stream.rs).
        Hub(broadcast::channel(4096).0)
    }
}

impl Hub {
    pub fn subscribe(&self) -> broadcast::Receiver<StreamMsg> {
        self.0.subscribe()
    }

    /// A `data:` frame for the deployment's streams.
    pub fn frame(&self, deployment: &str, value: &Value) {
        self.raw(deployment, sse_frame(value));
    }

    pub fn raw(&self, deployment: &str, text: String) {
        // No subscriber is the normal case; nothing to report.
        let _ = self.0.send(StreamMsg::Text {
            deployment: deployment.to_string(),
            text,
        });
    }

    pub fn close(&self, deployment: Option<&str>) {
        let _ = self.0.send(StreamMsg::Close {
            deployment: deployment.map(str::to_string),
        });
    }
}

pub fn sse_frame(value: &Value) -> String {
    format!("data: {value}\n\n")
}
