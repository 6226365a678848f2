//! The kinds of job: which one replaces which (the latest request of a kind wins), which runs on
//! the thread of whole-book scans, and the words the status line uses for each.

/// Jobs of one kind replace each other (except writes); the kind also names the job in the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// [`Job::CustomerIndex`].
    CustomerIndex,
    /// [`Job::CustomerDetail`].
    CustomerDetail,
    /// [`Job::BoardCards`].
    BoardCards,
    /// [`Job::BoardTotals`].
    BoardTotals,
    /// [`Job::Write`], [`Job::Undo`] and [`Job::Redo`]: never replaced, always answered in order.
    Write,
    /// [`Job::History`].
    History,
    /// [`Job::Kpis`].
    Kpis,
    /// [`Job::Export`].
    Export,
    /// [`Job::Import`]: never replaced; it reports progress while it runs.
    Import,
    /// [`Job::Forecast`].
    Forecast,
    /// [`Job::Call`].
    Call,
    /// [`Job::Tasks`].
    Tasks,
    /// [`Job::Plan`].
    Plan,
    /// [`Job::Channels`].
    Channels,
    /// [`Job::Tiers`].
    Tiers,
    /// [`Job::Scores`].
    Scores,
    /// [`Job::ScoreDeals`].
    DealScores,
    /// [`Job::ModelWatch`].
    ModelWatch,
    /// [`Job::RecordForm`].
    RecordForm,
    /// [`Job::DealRecord`] and [`Job::CustomerRecord`]: one kind, so the newest record wins.
    Record,
    /// [`Job::Find`].
    Find,
    /// [`Job::DealList`].
    DealList,
    /// [`Job::ViewCounts`].
    ViewCounts,
    /// [`Job::BoardMore`].
    BoardMore,
    /// [`Job::Quality`].
    Quality,
    /// [`Job::PlanWatch`].
    PlanWatch,
    /// [`Job::Refit`].
    Refit,
}

impl JobKind {
    /// Every kind, for per-kind bookkeeping.
    pub const ALL: [JobKind; 27] = [
        JobKind::Plan,
        JobKind::Tasks,
        JobKind::Kpis,
        JobKind::Write,
        JobKind::BoardCards,
        JobKind::BoardTotals,
        JobKind::CustomerIndex,
        JobKind::CustomerDetail,
        JobKind::History,
        JobKind::Export,
        JobKind::Import,
        JobKind::Forecast,
        JobKind::Call,
        JobKind::Channels,
        JobKind::Tiers,
        JobKind::Scores,
        JobKind::DealScores,
        JobKind::ModelWatch,
        JobKind::RecordForm,
        JobKind::Record,
        JobKind::Find,
        JobKind::DealList,
        JobKind::ViewCounts,
        JobKind::BoardMore,
        JobKind::Quality,
        JobKind::PlanWatch,
        JobKind::Refit,
    ];

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
            JobKind::DealScores => "scoring the changed deals",
            JobKind::ModelWatch => "watching the models",
            JobKind::RecordForm => "opening the form",
            JobKind::Record => "opening the record",
            JobKind::Find => "searching",
            JobKind::DealList => "loading the deal list",
            JobKind::ViewCounts => "counting the saved views",
            JobKind::BoardMore => "loading more cards",
            JobKind::Quality => "checking the book",
            JobKind::PlanWatch => "checking the assignment plans",
            JobKind::Refit => "forgetting the kept analyses",
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
            JobKind::DealScores => "deals scored",
            JobKind::ModelWatch => "models watched",
            JobKind::RecordForm => "form",
            JobKind::Record => "record",
            JobKind::Find => "found",
            JobKind::DealList => "deal list",
            JobKind::ViewCounts => "view counts",
            JobKind::BoardMore => "cards",
            JobKind::Quality => "checks",
            JobKind::PlanWatch => "plans checked",
            JobKind::Refit => "kept analyses forgotten",
        }
    }

    /// False for writes and imports: every one of them must run, in order.
    pub fn replaceable(self) -> bool {
        !matches!(self, JobKind::Write | JobKind::Import)
    }

    /// Scans of the whole book (seconds at a million deals) run on their own thread, so they
    /// never hold up a write or a page of cards; forgetting the kept analyses runs there too,
    /// so the analyses asked for after it are computed afresh. The saved views' counts are not one: they are
    /// counted over the list keys the quick thread holds beside its writes.
    pub fn heavy(self) -> bool {
        matches!(
            self,
            JobKind::CustomerIndex
                | JobKind::BoardTotals
                | JobKind::Kpis
                | JobKind::Export
                | JobKind::Forecast
                | JobKind::Call
                | JobKind::Plan
                | JobKind::Channels
                | JobKind::Tiers
                | JobKind::Scores
                | JobKind::ModelWatch
                | JobKind::Quality
                | JobKind::Refit
        )
    }
}
