//! SQLite storage: opening and migrating the file, and every query the app runs.

pub mod assign_plans;
pub mod backup;
pub mod board;
mod bulk_indexes;
pub mod cache;
pub mod channels;
pub mod commit;
pub mod customers;
pub mod demo;
pub mod edits;
pub mod export;
pub mod forecast_series;
pub mod form_choices;
pub mod import;
pub mod lock;
pub mod model_watch;
pub mod monitor;
mod open;
pub mod pipeline_facts;
pub mod pipelines;
pub mod privacy;
pub mod quality;
pub mod read_only;
pub mod reads;
pub mod records;
pub mod schema;
pub mod scoring_rows;
mod side_reader;
pub mod task_edits;
pub mod tasks;
pub mod tiers;
pub mod value_inputs;

pub use open::{OpenError, OpenedDb, check_book, check_path, open};
