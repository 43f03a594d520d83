//! GPU markets and the credit balance. Market addresses come from their own
//! generator so they are the same whatever the seed count.

use serde_json::{json, Value};

use crate::rng::Rng;

struct MarketSpec {
    slug: &'static str,
    name: &'static str,
    kind: &'static str,
    gpus: &'static [&'static str],
    usd_per_hour: f64,
    nos_per_second: f64,
    lowest_vram: Option<i64>,
}

const MARKETS: &[MarketSpec] = &[
    MarketSpec {
        slug: "nvidia-4090",
        name: "NVIDIA RTX 4090",
        kind: "PREMIUM",
        gpus: &["NVIDIA GeForce RTX 4090"],
        usd_per_hour: 0.45,
        nos_per_second: 0.000_113,
        lowest_vram: Some(24),
    },
    MarketSpec {
        slug: "nvidia-3090",
        name: "NVIDIA RTX 3090",
        kind: "COMMUNITY",
        gpus: &["NVIDIA GeForce RTX 3090"],
        usd_per_hour: 0.26,
        nos_per_second: 0.000_065,
        lowest_vram: Some(24),
    },
    MarketSpec {
        slug: "nvidia-a100-80gb",
        name: "NVIDIA A100 80GB",
        kind: "PREMIUM",
        gpus: &["NVIDIA A100 80GB PCIe", "NVIDIA A100-SXM4-80GB"],
        usd_per_hour: 1.6,
        nos_per_second: 0.000_402,
        lowest_vram: Some(80),
    },
    MarketSpec {
        slug: "nvidia-3060",
        name: "NVIDIA RTX 3060",
        kind: "COMMUNITY",
        gpus: &["NVIDIA GeForce RTX 3060"],
        usd_per_hour: 0.1,
        nos_per_second: 0.000_025,
        lowest_vram: Some(12),
    },
    MarketSpec {
        slug: "nvidia-h100",
        name: "NVIDIA H100",
        kind: "PREMIUM",
        gpus: &["NVIDIA H100 80GB HBM3"],
        usd_per_hour: 2.4,
        nos_per_second: 0.000_603,
        lowest_vram: Some(80),
    },
    MarketSpec {
        slug: "mixed-community",
        name: "Mixed GPUs",
        kind: "OTHER",
        gpus: &[
            "NVIDIA GeForce RTX 3070",
            "NVIDIA GeForce RTX 3080",
            "NVIDIA RTX A4000",
        ],
        usd_per_hour: 0.15,
        nos_per_second: 0.000_038,
        lowest_vram: None,
    },
];

pub fn all() -> Vec<Value> {
    let mut rng = Rng::new(0x6d61_726b_6574);
    MARKETS
        .iter()
        .map(|m| {
            let mut v = json!({
                "address": rng.address(),
                "slug": m.slug,
                "name": m.name,
                "type": m.kind,
                "gpu_types": m.gpus,
                "usd_reward_per_hour": m.usd_per_hour,
                "nos_job_price_per_second": m.nos_per_second,
                // Fields the contract calls "and more": clients must ignore them.
                "client_stake_minimum": 0,
                "required_images": [],
                "required_remote_resources": [],
            });
            if let Some(vram) = m.lowest_vram {
                v["lowest_vram"] = json!(vram);
            }
            v
        })
        .collect()
}

pub fn credits() -> Value {
    json!({ "assignedCredits": 250.0, "reservedCredits": 42.5, "settledCredits": 118.75 })
}
