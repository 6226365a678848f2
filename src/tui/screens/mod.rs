//! One folder per screen: its state (`mod.rs`), its keys, its update and its view.

pub mod channels;
pub mod customers;
pub mod forecast;
pub mod pipeline;
pub mod tasks;
pub mod tiers;
