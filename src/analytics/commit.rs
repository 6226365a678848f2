//! The quarter call: forecast categories, the exact distribution of a period's bookings with
//! P(bookings ≥ quota) per total, team and rep, the deals that move it, snapshots of the call and
//! a backtest of its calibration. Pure: the inputs are a [`CommitBook`] the database reads.
//! Definitions are in `docs/report-commit.md`.

mod backtest;
mod band;
mod book;
mod calibrate;
mod call;
mod category;
mod combine;
mod distribution;
mod grid;
mod movers;
mod new_business;
mod odds;
mod odds_serde;
mod period;
mod remove;
mod replay_rates;
mod ser;
mod settings;
mod slip;
mod snapshot;
mod win_model;

pub use backtest::{Backtest, PairResult, backtest};
pub use band::{BandScale, FACTOR_RANGE, MIN_PAIRS};
pub use book::{CommitBook, CommitDeal, Histories};
pub use calibrate::{
    CALIBRATION_PERIODS, band_scale_with, band_score, calibration_periods, model_scores, replay,
    won_in,
};
pub use call::{Call, GroupCall, MOVERS, Scope, call, call_with, own_or_stage_rate};
pub use category::{Categorised, Category, ParseCategoryError, categorise, default_category};
pub use combine::combine;
pub use distribution::{Bet, Distribution, MAX_BINS, MIN_BINS, Rounding, Spread, WORK};
pub use grid::ERROR_RISK;
pub use movers::{CANDIDATES, MIN_SWING, Mover, movers};
pub use new_business::{LOOKBACK, new_business};
pub use odds::{DealOdds, SlipPair, deal_odds};
pub use period::{CallPeriod, ParseCallPeriodError};
pub use replay_rates::{AGE_BANDS, LOOKBACK_DAYS, ReplayRates, SHRINK_DEALS};
pub use settings::CommitSettings;
pub use slip::{CloseBucket, SlipModel};
pub use snapshot::{CallPoint, PastCall, SnapshotDeal, Step, Waterfall, snapshot_deals, waterfall};
pub use win_model::with_win_model;
