//! The one table of what each deployment status allows. Buttons and their
//! "why disabled" text both come from here, so they cannot disagree.

use crate::api::models::Status;

/// Something a user can ask of a deployment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Start,
    Stop,
    Archive,
    Delete,
    /// create-revision, update-active-revision, update-replica-count,
    /// update-schedule and update-timeout: the server guards them alike.
    Edit,
    Rename,
}

/// Which statuses an action may start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowed {
    Only(&'static [Status]),
    AnyBut(&'static [Status]),
    Any,
}

const START_FROM: &[Status] = &[
    Status::Draft,
    Status::Stopped,
    Status::Error,
    Status::InsufficientFunds,
];
const STOP_FROM: &[Status] = &[Status::Running, Status::Error, Status::InsufficientFunds];
const STOPPED_ONLY: &[Status] = &[Status::Stopped];
const NOT_ARCHIVED: &[Status] = &[Status::Archived];

/// The words used when ARCHIVED blocks an action: the generic "needs a STOPPED
/// deployment" would suggest a way back that does not exist.
const ARCHIVED_REASON: &str = "An archived deployment cannot be changed";

impl Action {
    pub const ALL: [Action; 6] = [
        Action::Start,
        Action::Stop,
        Action::Archive,
        Action::Delete,
        Action::Edit,
        Action::Rename,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Action::Start => "Start",
            Action::Stop => "Stop",
            Action::Archive => "Archive",
            Action::Delete => "Delete",
            Action::Edit => "Edit",
            Action::Rename => "Rename",
        }
    }

    /// The contract's table, "Status and what each action may do".
    pub fn allowed_from(self) -> Allowed {
        match self {
            Action::Start => Allowed::Only(START_FROM),
            Action::Stop => Allowed::Only(STOP_FROM),
            Action::Archive | Action::Delete => Allowed::Only(STOPPED_ONLY),
            Action::Edit => Allowed::AnyBut(NOT_ARCHIVED),
            Action::Rename => Allowed::Any,
        }
    }
}

/// `Ok` when `action` is allowed from `status`, else the reason in plain English.
pub fn check(action: Action, status: Status) -> Result<(), String> {
    let allowed = match action.allowed_from() {
        Allowed::Any => true,
        Allowed::Only(list) => list.contains(&status),
        Allowed::AnyBut(list) => !list.contains(&status),
    };
    if allowed {
        return Ok(());
    }
    if status == Status::Archived {
        return Err(ARCHIVED_REASON.to_string());
    }
    Err(match action.allowed_from() {
        Allowed::Only(list) => format!(
            "{} needs a {} deployment (this one is {})",
            action.label(),
            or_list(list),
            status.as_str()
        ),
        Allowed::AnyBut(list) => format!(
            "{} is not possible on a {} deployment",
            action.label(),
            or_list(list)
        ),
        Allowed::Any => unreachable!("Any always allows"),
    })
}

/// "A", "A or B", "A, B or C".
fn or_list(list: &[Status]) -> String {
    let names: Vec<&str> = list.iter().map(|s| s.as_str()).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {}", rest.join(", "), last),
    }
}

/// STARTING and STOPPING settle by themselves, so the UI polls while they last.
pub fn is_transitional(status: Status) -> bool {
    matches!(status, Status::Starting | Status::Stopping)
}

/// The colour family of a status badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusTone {
    Neutral,
    Progress,
    Ok,
    Warn,
    Danger,
    Muted,
}

impl StatusTone {
    /// A stable name for CSS classes (`badge-ok`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            StatusTone::Neutral => "neutral",
            StatusTone::Progress => "progress",
            StatusTone::Ok => "ok",
            StatusTone::Warn => "warn",
            StatusTone::Danger => "danger",
            StatusTone::Muted => "muted",
        }
    }
}

pub fn tone(status: Status) -> StatusTone {
    match status {
        Status::Draft | Status::Stopped => StatusTone::Neutral,
        Status::Starting | Status::Stopping => StatusTone::Progress,
        Status::Running => StatusTone::Ok,
        Status::InsufficientFunds => StatusTone::Warn,
        Status::Error => StatusTone::Danger,
        Status::Archived | Status::Unknown => StatusTone::Muted,
    }
}

/// Human text for a status badge.
pub fn label(status: Status) -> &'static str {
    match status {
        Status::Draft => "Draft",
        Status::Starting => "Starting",
        Status::Running => "Running",
        Status::Stopping => "Stopping",
        Status::Stopped => "Stopped",
        Status::Error => "Error",
        Status::InsufficientFunds => "Insufficient funds",
        Status::Archived => "Archived",
        Status::Unknown => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    /// The contract's table written out by hand, independent of the data above:
    /// columns are Start, Stop, Archive, Delete, Edit, Rename.
    const TABLE: [(Status, [bool; 6]); 8] = [
        (Draft, [true, false, false, false, true, true]),
        (Starting, [false, false, false, false, true, true]),
        (Running, [false, true, false, false, true, true]),
        (Stopping, [false, false, false, false, true, true]),
        (Stopped, [true, false, true, true, true, true]),
        (Error, [true, true, false, false, true, true]),
        (InsufficientFunds, [true, true, false, false, true, true]),
        (Archived, [false, false, false, false, false, true]),
    ];

    #[test]
    fn every_action_and_status_pair_matches_the_contract() {
        assert_eq!(TABLE.len(), Status::ALL.len());
        for (status, row) in TABLE {
            for (action, expected) in Action::ALL.into_iter().zip(row) {
                assert_eq!(
                    check(action, status).is_ok(),
                    expected,
                    "{} from {}",
                    action.label(),
                    status.as_str()
                );
            }
        }
    }

    #[test]
    fn reasons_name_the_allowed_statuses_and_the_current_one() {
        let cases = [
            (Action::Start, Running, "Start needs a DRAFT, STOPPED, ERROR or INSUFFICIENT_FUNDS deployment (this one is RUNNING)"),
            (Action::Stop, Draft, "Stop needs a RUNNING, ERROR or INSUFFICIENT_FUNDS deployment (this one is DRAFT)"),
            (Action::Archive, Running, "Archive needs a STOPPED deployment (this one is RUNNING)"),
            (Action::Delete, Stopping, "Delete needs a STOPPED deployment (this one is STOPPING)"),
        ];
        for (action, status, want) in cases {
            assert_eq!(
                check(action, status).unwrap_err(),
                want,
                "{action:?} on {status:?}"
            );
        }
    }

    #[test]
    fn archived_blocks_everything_but_rename_with_one_reason() {
        for action in [
            Action::Start,
            Action::Stop,
            Action::Archive,
            Action::Delete,
            Action::Edit,
        ] {
            assert_eq!(
                check(action, Archived).unwrap_err(),
                "An archived deployment cannot be changed"
            );
        }
        assert_eq!(check(Action::Rename, Archived), Ok(()));
    }

    #[test]
    fn an_unknown_status_only_allows_what_any_status_allows() {
        assert!(check(Action::Start, Unknown)
            .unwrap_err()
            .ends_with("(this one is UNKNOWN)"));
        assert!(check(Action::Edit, Unknown).is_ok());
        assert!(check(Action::Rename, Unknown).is_ok());
    }

    #[test]
    fn labels() {
        let labels: Vec<&str> = Action::ALL.iter().map(|a| a.label()).collect();
        assert_eq!(
            labels,
            ["Start", "Stop", "Archive", "Delete", "Edit", "Rename"]
        );
        assert_eq!(label(InsufficientFunds), "Insufficient funds");
        assert_eq!(label(Running), "Running");
        assert_eq!(label(Unknown), "Unknown");
    }

    #[test]
    fn only_starting_and_stopping_are_transitional() {
        let moving: Vec<Status> = Status::ALL
            .into_iter()
            .filter(|s| is_transitional(*s))
            .collect();
        assert_eq!(moving, [Starting, Stopping]);
        assert!(!is_transitional(Unknown));
    }

    #[test]
    fn tones() {
        assert_eq!(tone(Running), StatusTone::Ok);
        assert_eq!(tone(Starting), StatusTone::Progress);
        assert_eq!(tone(Stopping), StatusTone::Progress);
        assert_eq!(tone(Error), StatusTone::Danger);
        assert_eq!(tone(InsufficientFunds), StatusTone::Warn);
        assert_eq!(tone(Draft), StatusTone::Neutral);
        assert_eq!(tone(Stopped), StatusTone::Neutral);
        assert_eq!(tone(Archived), StatusTone::Muted);
        assert_eq!(tone(Unknown).as_str(), "muted");
    }
}
