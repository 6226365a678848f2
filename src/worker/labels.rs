//! What the status line calls each kind of job.

use super::request::JobKind;

impl JobKind {
    /// What the status line says while a job of this kind runs.
    pub fn label(self) -> &'static str {
        match self {
            JobKind::CustomerIndex => "loading customers",
            JobKind::CustomerDetail => "loading customer detail",
            JobKind::BoardCards => "loading the board",
            JobKind::BoardTotals => "counting the pipeline",
            JobKind::Write => "saving",
            JobKind::History => "reading the history",
            JobKind::Kpis => "computing KPIs",
            JobKind::Export => "exporting",
            JobKind::Import => "importing",
            JobKind::Forecast => "fitting forecasts",
            JobKind::Call => "making the call",
            JobKind::Tasks => "loading tasks",
            JobKind::Plan => "solving the assignment",
            JobKind::Channels => "fitting channel curves",
            JobKind::Tiers => "valuing customers",
            JobKind::Scores => "fitting scores",
            JobKind::ModelWatch => "watching the models",
            JobKind::RecordForm => "opening the form",
            JobKind::Record => "opening the record",
            JobKind::Find => "searching",
            JobKind::DealList => "loading the deal list",
            JobKind::ViewCounts => "counting the saved views",
            JobKind::BoardMore => "loading more cards",
        }
    }

    /// What the status line names a finished job of this kind by, beside the time it took.
    pub fn done_label(self) -> &'static str {
        match self {
            JobKind::CustomerIndex => "customers",
            JobKind::CustomerDetail => "detail",
            JobKind::BoardCards => "board",
            JobKind::BoardTotals => "totals",
            JobKind::Write => "saved",
            JobKind::History => "history",
            JobKind::Kpis => "KPIs",
            JobKind::Export => "exported",
            JobKind::Import => "imported",
            JobKind::Forecast => "forecast",
            JobKind::Call => "call",
            JobKind::Tasks => "tasks",
            JobKind::Plan => "plan",
            JobKind::Channels => "channel fits",
            JobKind::Tiers => "tiers",
            JobKind::Scores => "scores",
            JobKind::ModelWatch => "models watched",
            JobKind::RecordForm => "form",
            JobKind::Record => "record",
            JobKind::Find => "found",
            JobKind::DealList => "deal list",
            JobKind::ViewCounts => "view counts",
            JobKind::BoardMore => "cards",
        }
    }
}
