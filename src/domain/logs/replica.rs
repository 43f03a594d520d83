//! How a job is named and coloured in the merged view: by its place in the job order.

/// Colours in the replica palette; the UI defines `.replica-c0` ... `.replica-c7`.
pub const PALETTE_SIZE: u16 = 8;

/// "Replica 1" for the first job.
pub fn label(index: u16) -> String {
    format!("Replica {}", u32::from(index) + 1)
}

/// The palette slot of a job: stable for as long as the job order is.
pub fn colour(index: u16) -> u16 {
    index % PALETTE_SIZE
}

/// The CSS class of a job's badge.
pub fn class(index: u16) -> String {
    format!("replica-c{}", colour(index))
}
