//! What can be done to a book's pipelines and stages, and the bounds every edit keeps.

/// The most open stages a pipeline may have (the board shows one column each).
pub const MAX_STAGES: usize = 12;

/// The longest stage or pipeline name, in characters.
pub const MAX_NAME: usize = 30;

/// An open stage a new pipeline starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStage {
    /// Its name.
    pub name: String,
    /// Default win probability, basis points.
    pub probability_bp: i64,
    /// Stale after this many days.
    pub stale_days: i64,
}

/// One change to the book's pipelines or stages; stages and pipelines are named by row id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StageEdit {
    /// A new open stage at `position` (0 = first) of a pipeline.
    AddStage {
        /// The pipeline.
        pipeline_id: i64,
        /// Its name.
        name: String,
        /// Where it goes, clamped to the end.
        position: usize,
        /// Default win probability, basis points.
        probability_bp: i64,
        /// Stale after this many days.
        stale_days: i64,
    },
    /// A stage's new name; its deals follow, its history keeps the old name.
    RenameStage {
        /// The stage.
        stage_id: i64,
        /// The new name.
        name: String,
    },
    /// A stage moved to `position` within its pipeline.
    MoveStage {
        /// The stage.
        stage_id: i64,
        /// Its new place, clamped to the end.
        position: usize,
    },
    /// A stage's default probability and stale days.
    SetStage {
        /// The stage.
        stage_id: i64,
        /// Default win probability, basis points.
        probability_bp: i64,
        /// Stale after this many days.
        stale_days: i64,
    },
    /// A stage removed, its open deals moved to another stage of the same pipeline.
    RemoveStage {
        /// The stage.
        stage_id: i64,
        /// Where its deals go.
        deals_to: i64,
    },
    /// A new pipeline with its open stages, in order.
    AddPipeline {
        /// Its name.
        name: String,
        /// Its stages (at least one).
        stages: Vec<NewStage>,
    },
    /// A pipeline's whole list of stages replaced (a stage keeping its name keeps its id); only
    /// for a pipeline whose deals are all in stages kept.
    ReplaceStages {
        /// The pipeline.
        pipeline_id: i64,
        /// Its new stages, in order (at least one).
        stages: Vec<NewStage>,
    },
    /// A pipeline's new name.
    RenamePipeline {
        /// The pipeline.
        pipeline_id: i64,
        /// The new name.
        name: String,
    },
    /// A pipeline without deals removed.
    RemovePipeline {
        /// The pipeline.
        pipeline_id: i64,
    },
}
