//! The integration tests, built as one binary: each module is one area,
//! driven by data where it can be.

mod ask;
mod check;
mod conversation;
mod detect;
mod dev_hard;
mod fake_telegram;
mod handover;
mod hostile;
mod kept_index;
mod locales;
mod operation;
mod pg;
mod reload_in_place;
mod replicas;
mod retrieval;
mod search;
mod shared_state;
mod store;
mod telegram;
mod tidy;
mod util;
mod web;
mod webhook;
mod webhook_kit;
