//! Plans against results (what an accepted plan predicted next to what happened) and the
//! scoring models watched month by month.

pub mod assign;
pub mod channels;

pub use channels::{
    ChannelCheck, ChannelFacts, Interval, MonthCheck, PlanMonthFacts, RUN_TO_FLAG, Z95,
    check_channels, predict,
};
mod margins;
pub mod models;
