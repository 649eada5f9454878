//! Lotse, a pilot to the offers, publications and contacts of the
//! "Informations- und Beratungsnetzwerk Öffentliche Verwaltungen".
//!
//! The library holds everything; the `lotse` binary only parses arguments.
//! See `ARCHITECTURE.md` for the map of the modules.

pub mod assistant;
#[cfg(feature = "bench")]
pub mod bench;
pub mod bidi;
pub mod bot;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod detect;
pub mod i18n;
pub mod index;
pub mod knowledge;
pub mod lang;
pub mod limits;
pub mod logging;
pub mod memory;
pub mod privacy;
pub mod reload;
pub mod report;
pub mod search;
pub mod signal;
pub mod store;
#[cfg(feature = "bench")]
pub mod synthetic;
pub mod terminal;
pub mod text;
pub mod web;
