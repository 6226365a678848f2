//! Plain domain types shared by storage, analytics and the screens.

mod deal_change;
pub mod display_text;
mod input;
mod iso;
mod money;
mod month;
mod pipeline;
mod quarter;
mod record_kind;
mod stage;
mod task_change;

pub use deal_change::{DealChange, LOST_REASONS};
pub use input::{FieldError, fold_name, parse_amount, parse_date, required};
pub use iso::{iso_date, iso_date_exact};
pub use money::{Money, group_thousands, hundredths};
pub use month::{Month, ParseMonthError, next_month};
pub use pipeline::{PipelineDef, Pipelines, STANDARD_STAGES, StageDef};
pub use quarter::{ParseQuarterError, Quarter};
pub use record_kind::{RecordKind, kind_names};
pub use stage::{CLOSED_NAMES, Stage};
pub use task_change::{NewTask, TASK_KINDS, TaskChange};
