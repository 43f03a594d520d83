//! Starter job definitions offered on the create page.

pub struct Template {
    pub key: &'static str,
    pub label: &'static str,
    pub json: &'static str,
}

pub const TEMPLATES: [Template; 3] = [
    Template {
        key: "container",
        label: "Plain container",
        json: r#"{
  "version": "0.1",
  "type": "container",
  "meta": { "trigger": "dashboard" },
  "ops": [
    {
      "type": "container/run",
      "id": "main",
      "args": {
        "image": "docker.io/library/ubuntu:24.04",
        "cmd": ["bash", "-c", "nvidia-smi || true; sleep 3600"],
        "gpu": true
      }
    }
  ]
}"#,
    },
    Template {
        key: "http",
        label: "HTTP service with a health check",
        json: r#"{
  "version": "0.1",
  "type": "container",
  "meta": { "trigger": "dashboard" },
  "ops": [
    {
      "type": "container/run",
      "id": "web",
      "args": {
        "image": "docker.io/nginx:latest",
        "expose": [
          {
            "port": 80,
            "type": "web",
            "health_checks": [
              { "type": "http", "path": "/", "method": "GET", "expected_status": 200, "continuous": false }
            ]
          }
        ]
      }
    }
  ]
}"#,
    },
    Template {
        key: "inference",
        label: "GPU inference server (vLLM)",
        json: r#"{
  "version": "0.1",
  "type": "container",
  "meta": { "trigger": "dashboard", "system_resources": { "required_vram": 16 } },
  "ops": [
    {
      "type": "container/run",
      "id": "vllm",
      "args": {
        "image": "docker.io/vllm/vllm-openai:latest",
        "cmd": ["--model", "Qwen/Qwen2.5-1.5B-Instruct", "--port", "8000"],
        "gpu": true,
        "env": { "HF_HOME": "/root/.cache/huggingface" },
        "expose": [
          {
            "port": 8000,
            "type": "api",
            "health_checks": [
              { "type": "http", "path": "/health", "method": "GET", "expected_status": 200, "continuous": true }
            ]
          }
        ]
      }
    }
  ]
}"#,
    },
];

pub fn by_key(key: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::jobdef::{check_text, warnings};

    #[test]
    fn every_template_passes_the_checker_without_warnings() {
        for t in &TEMPLATES {
            let value = check_text(t.json).unwrap_or_else(|p| panic!("{}: {p:?}", t.key));
            assert!(warnings(&value).is_empty(), "{}", t.key);
        }
    }

    #[test]
    fn templates_are_found_by_key() {
        assert_eq!(
            by_key("http").unwrap().label,
            "HTTP service with a health check"
        );
        assert!(by_key("nope").is_none());
    }
}
