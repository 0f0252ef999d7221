//! The pure domain: types, identifier checks, target progress, rewards, quarters.
//! No SQL, no clap, no clock, no printing: dates and rules come in as arguments.

pub mod budget;
pub mod check;
pub mod corrections;
pub mod ids;
pub mod model;
pub mod money;
pub mod progress;
pub mod quarter;
pub mod readings;
pub mod records;
pub mod report;
pub mod reviews;
pub mod rewards;
pub mod standards;
pub mod units;

#[cfg(test)]
mod proptests;
