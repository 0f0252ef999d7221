//! stdtrack: the record of a district's standards strategy, its targets, rewards and reports.
//!
//! `core` is the pure domain, `store` the only SQL, `import` the CSV readers, `render` the
//! output formats, `commands` one file per subcommand.

pub mod cli;
pub mod commands;
pub mod core;
pub mod error;
pub mod import;
pub mod render;
pub mod store;
