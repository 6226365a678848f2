//! Pure analytics: plain inputs in, plain results out. No I/O, no SQLite, no UI, so every number
//! is tested without a database or a terminal.

pub mod assign;
pub mod channels;
pub mod commit;
pub mod crosssell;
pub mod forecast;
pub mod monitor;
pub mod pipeline;
pub mod quality;
pub mod scoring;
pub mod value;
