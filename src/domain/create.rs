//! The create form: every field as typed, checked in one place, turned into
//! the `DeploymentCreate` body only when all of it is right.

use super::cron::parse_schedule;
use super::jobdef::{check_text, Problem};
use super::names::parse_name;
use super::numbers::{
    check_rotation_time, parse_replicas_create, parse_timeout_create, parse_whole,
};
use crate::api::models::{Deployment, DeploymentCreate, Strategy};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Market,
    Schedule,
    RotationTime,
    Replicas,
    Timeout,
    JobDefinition,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateForm {
    pub name: String,
    pub market: String,
    pub strategy: Strategy,
    pub schedule: String,
    pub rotation_time: String,
    pub replicas: String,
    pub timeout: String,
    pub confidential: bool,
    pub autostart: bool,
    pub job_definition: String,
}

impl CreateForm {
    /// What is typed into a text field (every field but the strategy and the switches).
    pub fn text(&self, field: Field) -> &str {
        match field {
            Field::Name => &self.name,
            Field::Market => &self.market,
            Field::Schedule => &self.schedule,
            Field::RotationTime => &self.rotation_time,
            Field::Replicas => &self.replicas,
            Field::Timeout => &self.timeout,
            Field::JobDefinition => &self.job_definition,
        }
    }

    pub fn text_mut(&mut self, field: Field) -> &mut String {
        match field {
            Field::Name => &mut self.name,
            Field::Market => &mut self.market,
            Field::Schedule => &mut self.schedule,
            Field::RotationTime => &mut self.rotation_time,
            Field::Replicas => &mut self.replicas,
            Field::Timeout => &mut self.timeout,
            Field::JobDefinition => &mut self.job_definition,
        }
    }
}

impl Default for CreateForm {
    fn default() -> Self {
        CreateForm {
            name: String::new(),
            market: String::new(),
            strategy: Strategy::Simple,
            schedule: "0 * * * *".into(),
            rotation_time: String::new(),
            replicas: "1".into(),
            timeout: "60".into(),
            confidential: false,
            autostart: false,
            job_definition: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Invalid {
    pub fields: Vec<(Field, String)>,
    pub job_problems: Vec<Problem>,
}

impl Invalid {
    pub fn message(&self, field: Field) -> Option<&str> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

impl CreateForm {
    /// "Duplicate": the same settings and job definition under a new name.
    pub fn duplicate(d: &Deployment, job_definition: &Value) -> Self {
        CreateForm {
            name: format!("{} (copy)", d.name),
            market: d.market.clone(),
            strategy: d.strategy,
            schedule: d
                .schedule
                .clone()
                .unwrap_or_else(|| CreateForm::default().schedule),
            rotation_time: d.rotation_time.map(|r| r.to_string()).unwrap_or_default(),
            replicas: d.replicas.max(1).to_string(),
            timeout: d.timeout.to_string(),
            confidential: d.confidential,
            autostart: false,
            job_definition: serde_json::to_string_pretty(job_definition).unwrap_or_default(),
        }
    }

    pub fn validate(&self) -> Result<DeploymentCreate, Invalid> {
        let mut invalid = Invalid::default();
        let mut note = |field, result: Result<(), String>| {
            if let Err(message) = result {
                invalid.fields.push((field, message));
            }
        };
        let name = parse_name(&self.name);
        note(Field::Name, name.clone().map(|_| ()));
        let market = check_market(&self.market);
        note(Field::Market, market.clone().map(|_| ()));
        let replicas = parse_replicas_create(&self.replicas);
        note(Field::Replicas, replicas.clone().map(|_| ()));
        let timeout = parse_timeout_create(&self.timeout, self.strategy);
        note(Field::Timeout, timeout.clone().map(|_| ()));

        let schedule = (self.strategy == Strategy::Scheduled).then(|| {
            let text = self.schedule.trim().to_string();
            let checked = parse_schedule(&text).map(|_| text);
            note(Field::Schedule, checked.clone().map(|_| ()));
            checked
        });
        let rotation = (self.strategy == Strategy::Infinite
            && !self.rotation_time.trim().is_empty())
        .then(|| {
            let parsed = parse_whole(&self.rotation_time, "a rotation time in minutes");
            let checked = match (&parsed, &timeout) {
                (Ok(r), Ok(t)) => check_rotation_time(*r, *t).map(|_| *r),
                (Ok(r), Err(_)) => Ok(*r),
                (Err(e), _) => Err(e.clone()),
            };
            note(Field::RotationTime, checked.clone().map(|_| ()));
            checked
        });

        let job_definition = match check_text(&self.job_definition) {
            Ok(value) => Some(value),
            Err(problems) => {
                invalid.fields.push((
                    Field::JobDefinition,
                    format!("{} problem(s) in the job definition", problems.len()),
                ));
                invalid.job_problems = problems;
                None
            }
        };

        match (name, market, replicas, timeout, job_definition) {
            (Ok(name), Ok(market), Ok(replicas), Ok(timeout), Some(job_definition))
                if invalid.fields.is_empty() =>
            {
                Ok(DeploymentCreate {
                    name,
                    market,
                    replicas,
                    timeout,
                    strategy: self.strategy,
                    schedule: schedule.and_then(Result::ok),
                    rotation_time: rotation.and_then(Result::ok),
                    job_definition,
                    confidential: Some(self.confidential),
                    autostart: Some(self.autostart),
                    vault: None,
                })
            }
            _ => Err(invalid),
        }
    }
}

/// A market address is a base58 public key.
fn check_market(text: &str) -> Result<String, String> {
    let address = text.trim();
    if address.is_empty() {
        return Err("Choose a market, or paste a market address".into());
    }
    const BASE58: &str = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    let base58 = address.chars().all(|c| BASE58.contains(c));
    if !base58 || !(32..=44).contains(&address.len()) {
        return Err("A market address is 32 to 44 base58 characters".into());
    }
    Ok(address.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::templates::TEMPLATES;

    const MARKET: &str = "97G9NnvBqQm6MjtLyC4hS2y2cUGEvGENSLrqYKbTqF38";

    #[test]
    fn each_text_field_reads_and_writes_its_own_text() {
        let fields = [
            Field::Name,
            Field::Market,
            Field::Schedule,
            Field::RotationTime,
            Field::Replicas,
            Field::Timeout,
            Field::JobDefinition,
        ];
        let mut form = CreateForm::default();
        for (i, field) in fields.into_iter().enumerate() {
            *form.text_mut(field) = format!("typed {i}");
        }
        for (i, field) in fields.into_iter().enumerate() {
            assert_eq!(form.text(field), format!("typed {i}"), "{field:?}");
        }
        assert_eq!(form.name, "typed 0");
        assert_eq!(form.job_definition, "typed 6");
    }

    fn filled() -> CreateForm {
        CreateForm {
            name: " llama ".into(),
            market: MARKET.into(),
            job_definition: TEMPLATES[0].json.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_form_becomes_the_request_body() {
        let body = filled().validate().unwrap();
        assert_eq!(body.name, "llama");
        assert_eq!(body.market, MARKET);
        assert_eq!((body.replicas, body.timeout), (1, 60));
        assert_eq!(body.schedule, None);
        assert_eq!(body.autostart, Some(false));
        assert_eq!(body.job_definition["ops"][0]["id"], "main");
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let form = CreateForm {
            name: " ".into(),
            market: "not a market".into(),
            replicas: "0".into(),
            timeout: "0".into(),
            job_definition: "{".into(),
            ..Default::default()
        };
        let invalid = form.validate().unwrap_err();
        for field in [
            Field::Name,
            Field::Market,
            Field::Replicas,
            Field::Timeout,
            Field::JobDefinition,
        ] {
            assert!(invalid.message(field).is_some(), "{field:?}");
        }
        assert_eq!(invalid.job_problems.len(), 1);
    }

    fn assert_refused_on(form: &CreateForm, field: Field) {
        let invalid = form.validate().expect_err("the form is refused");
        assert!(invalid.message(field).is_some(), "no message on {field:?}");
    }

    #[test]
    fn scheduled_needs_a_valid_schedule() {
        let mut form = filled();
        form.strategy = Strategy::Scheduled;
        form.schedule = "61 * * * *".into();
        assert_refused_on(&form, Field::Schedule);
        form.schedule = "*/15 * * * *".into();
        assert_eq!(
            form.validate().unwrap().schedule.as_deref(),
            Some("*/15 * * * *")
        );
    }

    #[test]
    fn infinite_checks_timeout_and_rotation() {
        let mut form = filled();
        form.strategy = Strategy::Infinite;
        form.timeout = "59".into();
        assert_refused_on(&form, Field::Timeout);
        form.timeout = "60".into();
        form.rotation_time = "51".into();
        assert_refused_on(&form, Field::RotationTime);
        form.rotation_time = "50".into();
        assert_eq!(form.validate().unwrap().rotation_time, Some(50));
        form.rotation_time = String::new();
        assert_eq!(form.validate().unwrap().rotation_time, None);
    }

    #[test]
    fn duplicate_copies_settings_but_never_autostarts() {
        let json = include_str!("../../tests/fixtures/api/deployment_scheduled.json");
        let d: Deployment = serde_json::from_str(json).unwrap();
        let jd = serde_json::json!({"version": "0.1", "type": "container", "ops": []});
        let form = CreateForm::duplicate(&d, &jd);
        assert_eq!(form.name, format!("{} (copy)", d.name));
        assert_eq!(form.strategy, Strategy::Scheduled);
        assert_eq!(Some(form.schedule.clone()), d.schedule);
        assert!(!form.autostart);
        assert!(form.job_definition.contains("\"version\": \"0.1\""));
    }
}
