//! Realistic workloads for seeded deployments: a name and the job definition of
//! each revision (later revisions change an image tag or a setting, as people do).

use serde_json::{json, Value};

#[derive(Clone, Copy)]
pub enum Kind {
    Vllm(&'static str),
    Ollama(&'static str),
    Tgi(&'static str),
    Embeddings(&'static str),
    ComfyUi,
    Jupyter,
    Nginx,
    /// A job without exposed ports: its deployment has no endpoints.
    Batch(&'static str, &'static str),
}

pub struct Workload {
    pub name: &'static str,
    pub kind: Kind,
}

pub const WORKLOADS: &[Workload] = &[
    Workload {
        name: "llama-3-8b-inference",
        kind: Kind::Vllm("meta-llama/Meta-Llama-3-8B-Instruct"),
    },
    Workload {
        name: "stable-diffusion-xl",
        kind: Kind::ComfyUi,
    },
    Workload {
        name: "whisper-large-v3",
        kind: Kind::Batch(
            "ghcr.io/openai/whisper:large-v3",
            "whisper /data/in --model large-v3",
        ),
    },
    Workload {
        name: "mistral-7b-instruct",
        kind: Kind::Vllm("mistralai/Mistral-7B-Instruct-v0.3"),
    },
    Workload {
        name: "ollama-gemma-2b",
        kind: Kind::Ollama("gemma:2b"),
    },
    Workload {
        name: "jupyter-notebook-gpu",
        kind: Kind::Jupyter,
    },
    Workload {
        name: "nginx-healthcheck",
        kind: Kind::Nginx,
    },
    Workload {
        name: "text-embeddings-bge",
        kind: Kind::Embeddings("BAAI/bge-large-en-v1.5"),
    },
    Workload {
        name: "qwen2-72b-vllm",
        kind: Kind::Vllm("Qwen/Qwen2-72B-Instruct"),
    },
    Workload {
        name: "tgi-falcon-7b",
        kind: Kind::Tgi("tiiuae/falcon-7b-instruct"),
    },
    Workload {
        name: "deepseek-r1-distill",
        kind: Kind::Ollama("deepseek-r1:14b"),
    },
    Workload {
        name: "yolo-v8-detector",
        kind: Kind::Batch(
            "ultralytics/ultralytics:latest",
            "yolo predict model=yolov8n.pt source=/data",
        ),
    },
    Workload {
        name: "comfyui-flux-schnell",
        kind: Kind::ComfyUi,
    },
    Workload {
        name: "llama-3-70b-chat",
        kind: Kind::Vllm("meta-llama/Meta-Llama-3-70B-Instruct"),
    },
];

fn http_check(path: &str) -> Value {
    json!([{ "type": "http", "path": path, "method": "GET", "expected_status": 200, "continuous": false }])
}

fn wrap(vram: i64, op: Value) -> Value {
    json!({
        "version": "0.1",
        "type": "container",
        "meta": { "trigger": "dashboard", "system_resources": { "required_vram": vram } },
        "ops": [op]
    })
}

pub fn definition(kind: Kind, revision: i64) -> Value {
    match kind {
        Kind::Vllm(model) => wrap(
            24,
            json!({
                "type": "container/run",
                "id": "vllm",
                "args": {
                    "image": format!("docker.io/vllm/vllm-openai:v0.{}.0", 5 + revision),
                    "cmd": ["--model", model, "--served-model-name", "llm", "--port", "8000",
                            "--max-model-len", (4096 * revision).to_string()],
                    "gpu": true,
                    "expose": [{ "port": 8000, "type": "api", "health_checks": http_check("/v1/models") }],
                    "env": { "HF_HUB_ENABLE_HF_TRANSFER": "1" }
                }
            }),
        ),
        Kind::Ollama(model) => wrap(
            8,
            json!({
                "type": "container/run",
                "id": "ollama",
                "args": {
                    "image": "docker.io/ollama/ollama:0.5.7",
                    "entrypoint": ["/bin/sh"],
                    "cmd": ["-c", format!("ollama serve & sleep 5 && ollama pull {model} && tail -f /dev/null")],
                    "gpu": true,
                    "expose": 11434,
                    "resources": [{ "type": "Ollama", "model": model }],
                    "env": { "OLLAMA_KEEP_ALIVE": format!("{}m", 5 * revision) }
                }
            }),
        ),
        Kind::Tgi(model) => wrap(
            16,
            json!({
                "type": "container/run",
                "id": "tgi",
                "args": {
                    "image": format!("ghcr.io/huggingface/text-generation-inference:2.{revision}"),
                    "cmd": ["--model-id", model, "--port", "8080"],
                    "gpu": true,
                    "expose": [{ "port": 8080, "type": "api", "health_checks": http_check("/health") }]
                }
            }),
        ),
        Kind::Embeddings(model) => wrap(
            8,
            json!({
                "type": "container/run",
                "id": "tei",
                "args": {
                    "image": "ghcr.io/huggingface/text-embeddings-inference:1.5",
                    "cmd": ["--model-id", model],
                    "gpu": true,
                    "expose": 80,
                    "resources": [{ "type": "HF", "repo": model, "target": "/data" }]
                }
            }),
        ),
        Kind::ComfyUi => wrap(
            12,
            json!({
                "type": "container/run",
                "id": "comfyui",
                "args": {
                    "image": format!("docker.io/nosana/comfyui:1.{revision}.0"),
                    "cmd": ["python", "main.py", "--listen", "0.0.0.0", "--port", "8188"],
                    "gpu": true,
                    "expose": [{ "port": 8188, "type": "web", "health_checks": http_check("/") }],
                    "volumes": [{ "name": "models", "dest": "/app/models" }]
                }
            }),
        ),
        Kind::Jupyter => wrap(
            8,
            json!({
                "type": "container/run",
                "id": "jupyter",
                "args": {
                    "image": "docker.io/nosana/pytorch-jupyter:2.0.0",
                    "cmd": ["jupyter", "lab", "--ip=0.0.0.0", "--port=8888", "--no-browser",
                            "--allow-root", "--ServerApp.token=''"],
                    "gpu": true,
                    "work_dir": "/workspace",
                    "expose": 8888
                }
            }),
        ),
        Kind::Nginx => wrap(
            1,
            json!({
                "type": "container/run",
                "id": "web",
                "args": {
                    "image": format!("docker.io/nginx:1.2{revision}"),
                    "cmd": ["nginx", "-g", "daemon off;"],
                    "gpu": false,
                    "expose": [{ "port": 80, "health_checks": http_check("/") }],
                    "env": { "NGINX_ENTRYPOINT_QUIET_LOGS": "1" }
                }
            }),
        ),
        Kind::Batch(image, cmd) => wrap(
            16,
            json!({
                "type": "container/run",
                "id": "batch",
                "args": {
                    "image": image,
                    "cmd": cmd,
                    "gpu": true,
                    "env": { "BATCH_REVISION": revision.to_string() }
                }
            }),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::jobdef;

    #[test]
    fn every_seeded_definition_is_valid() {
        for w in WORKLOADS {
            for revision in 1..=3 {
                let def = definition(w.kind, revision);
                assert_eq!(jobdef::validate(&def, "body"), Ok(()), "{}", w.name);
            }
        }
    }
}
