//! The book's pipelines and their open stages: names, order, default probabilities and stale
//! days, read from the database; every [`Stage`] is named and ordered through this catalogue.

use std::ops::Range;

use serde::Serialize;

use super::stage::{CLOSED_NAMES, Stage};

/// One open stage of a pipeline as the book defines it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageDef {
    /// Its row id in `stages` (stable across renames and reorders).
    pub id: i64,
    /// The pipeline it belongs to.
    pub pipeline_id: i64,
    /// Its name, unique within the pipeline.
    pub name: String,
    /// Default win probability of its deals, basis points.
    pub probability_bp: u16,
    /// A deal in the stage longer than this many days without a touch is stale.
    pub stale_days: u32,
    /// Names it had before renames, for reading stage history made under them.
    pub former_names: Vec<String>,
}

/// A pipeline: its name and where its stages sit in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PipelineDef {
    /// Its row id in `pipelines`.
    pub id: i64,
    /// Its name, unique in the book.
    pub name: String,
    /// Its open stages: indexes into the catalogue's stage list, in pipeline order.
    #[serde(skip)]
    pub stages: Range<usize>,
}

/// Every pipeline of a book in order, with their open stages in one list (pipeline after
/// pipeline): the index in that list is what [`Stage::Open`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pipelines {
    pipelines: Vec<PipelineDef>,
    stages: Vec<StageDef>,
}

/// The stages a new book starts with: name, probability (basis points), stale days.
pub const STANDARD_STAGES: [(&str, u16, u32); 4] = [
    ("Lead", 1000, 30),
    ("Qualified", 2500, 21),
    ("Proposal", 5000, 14),
    ("Negotiation", 7000, 10),
];

impl Default for Pipelines {
    /// The standard book: one "Default" pipeline with [`STANDARD_STAGES`].
    fn default() -> Self {
        let stages = STANDARD_STAGES
            .iter()
            .zip(1..)
            .map(|(&(name, probability_bp, stale_days), id)| StageDef {
                id,
                pipeline_id: 1,
                name: name.to_string(),
                probability_bp,
                stale_days,
                former_names: Vec::new(),
            })
            .collect();
        Pipelines::new(vec![(1, "Default".to_string())], stages)
    }
}

impl Pipelines {
    /// A catalogue from pipelines `(id, name)` in order and their stages, each pipeline's in
    /// order; stages of a pipeline not listed are dropped.
    pub fn new(pipelines: Vec<(i64, String)>, stages: Vec<StageDef>) -> Pipelines {
        let mut ordered = Vec::with_capacity(stages.len());
        let mut defs = Vec::with_capacity(pipelines.len());
        for (id, name) in pipelines {
            let start = ordered.len();
            ordered.extend(stages.iter().filter(|s| s.pipeline_id == id).cloned());
            defs.push(PipelineDef {
                id,
                name,
                stages: start..ordered.len(),
            });
        }
        Pipelines {
            pipelines: defs,
            stages: ordered,
        }
    }

    /// Every pipeline, in order.
    pub fn pipelines(&self) -> &[PipelineDef] {
        &self.pipelines
    }

    /// The pipeline with this id.
    pub fn pipeline(&self, id: i64) -> Option<&PipelineDef> {
        self.pipelines.iter().find(|p| p.id == id)
    }

    /// The first pipeline's id (every book has one; 1 if somehow none is listed).
    pub fn first_id(&self) -> i64 {
        self.pipelines.first().map_or(1, |p| p.id)
    }

    /// Every open stage of every pipeline, in catalogue order.
    pub fn all_open(&self) -> impl Iterator<Item = Stage> + '_ {
        (0..self.stages.len()).map(Stage::open)
    }

    /// The open stages of one pipeline, in order (none for an unknown pipeline).
    pub fn open_of(&self, pipeline_id: i64) -> impl Iterator<Item = Stage> + '_ {
        self.pipeline(pipeline_id)
            .map_or(0..0, |p| p.stages.clone())
            .map(Stage::open)
    }

    /// How many open stages the catalogue holds, over all pipelines.
    pub fn open_count(&self) -> usize {
        self.stages.len()
    }

    /// An open stage's definition; `None` for Won, Lost or an index beyond the catalogue.
    pub fn def(&self, stage: Stage) -> Option<&StageDef> {
        stage.open_index().and_then(|i| self.stages.get(i))
    }

    /// The stage's name: an open stage's own, "Won" or "Lost".
    pub fn name(&self, stage: Stage) -> &str {
        match stage {
            Stage::Won => CLOSED_NAMES[0],
            Stage::Lost => CLOSED_NAMES[1],
            Stage::Open(_) => self.def(stage).map_or("?", |d| d.name.as_str()),
        }
    }

    /// The stage's name with its pipeline's in front when the book keeps more than one
    /// pipeline ("Renewals · Proposal"), for lists that mix pipelines.
    pub fn long_name(&self, stage: Stage) -> String {
        match self.def(stage).and_then(|d| self.pipeline(d.pipeline_id)) {
            Some(p) if self.pipelines.len() > 1 => format!("{} · {}", p.name, self.name(stage)),
            _ => self.name(stage).to_string(),
        }
    }

    /// The pipeline an open stage belongs to.
    pub fn pipeline_of(&self, stage: Stage) -> Option<i64> {
        self.def(stage).map(|d| d.pipeline_id)
    }

    /// The stage of `pipeline_id` with this name (exactly as stored, then ignoring case and
    /// surrounding spaces), or Won or Lost.
    pub fn stage_named(&self, pipeline_id: i64, name: &str) -> Option<Stage> {
        if let Some(closed) = Stage::closed_named(name) {
            return Some(closed);
        }
        let range = self.pipeline(pipeline_id)?.stages.clone();
        let stages = &self.stages[range.clone()];
        let found = stages.iter().position(|s| s.name == name).or_else(|| {
            let name = name.trim();
            stages
                .iter()
                .position(|s| s.name.eq_ignore_ascii_case(name))
        });
        found.map(|i| Stage::open(range.start + i))
    }

    /// The stage a history row names: as [`Pipelines::stage_named`], or the stage that had the
    /// name before a rename.
    pub fn stage_in_history(&self, pipeline_id: i64, name: &str) -> Option<Stage> {
        self.stage_named(pipeline_id, name).or_else(|| {
            let range = self.pipeline(pipeline_id)?.stages.clone();
            self.stages[range.clone()]
                .iter()
                .position(|s| s.former_names.iter().any(|f| f == name))
                .map(|i| Stage::open(range.start + i))
        })
    }

    /// The first open stage of a pipeline: where a new deal starts.
    pub fn first_open(&self, pipeline_id: i64) -> Option<Stage> {
        self.open_of(pipeline_id).next()
    }

    /// The last open stage of a pipeline: the one before closing.
    pub fn last_open(&self, pipeline_id: i64) -> Option<Stage> {
        self.open_of(pipeline_id).last()
    }

    /// The open stage after `stage` in its pipeline; `None` after the last.
    pub fn next_open(&self, stage: Stage) -> Option<Stage> {
        let i = stage.open_index()?;
        let range = &self.pipeline(self.pipeline_of(stage)?)?.stages;
        (i + 1 < range.end).then(|| Stage::open(i + 1))
    }

    /// The open stage before `stage` in its pipeline; `None` before the first.
    pub fn previous_open(&self, stage: Stage) -> Option<Stage> {
        let i = stage.open_index()?;
        let range = &self.pipeline(self.pipeline_of(stage)?)?.stages;
        (i > range.start).then(|| Stage::open(i - 1))
    }

    /// Where an open stage stands in its pipeline: 0 for the first.
    pub fn rank(&self, stage: Stage) -> Option<usize> {
        let i = stage.open_index()?;
        let range = &self.pipeline(self.pipeline_of(stage)?)?.stages;
        Some(i - range.start)
    }

    /// A stage's default win probability in basis points: its own for an open stage, 10,000
    /// for Won and 0 for Lost.
    pub fn probability_bp(&self, stage: Stage) -> u16 {
        match stage {
            Stage::Won => 10_000,
            Stage::Lost => 0,
            Stage::Open(_) => self.def(stage).map_or(0, |d| d.probability_bp),
        }
    }

    /// Days a deal may sit in an open stage before it is stale; `None` for Won and Lost.
    pub fn stale_days(&self, stage: Stage) -> Option<u32> {
        self.def(stage).map(|d| d.stale_days)
    }

    /// The names a deal of the pipeline may stand in, open stages first: what a message about
    /// an unknown stage lists.
    pub fn names_of(&self, pipeline_id: i64) -> String {
        self.open_of(pipeline_id)
            .map(|s| self.name(s).to_string())
            .chain(CLOSED_NAMES.iter().map(|n| (*n).to_string()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two() -> Pipelines {
        let stage = |id, pipeline_id, name: &str| StageDef {
            id,
            pipeline_id,
            name: name.to_string(),
            probability_bp: 1000,
            stale_days: 10,
            former_names: if name == "Talking" {
                vec!["Engaging".into()]
            } else {
                Vec::new()
            },
        };
        Pipelines::new(
            vec![(7, "Renewals".into()), (1, "New".into())],
            vec![
                stage(1, 1, "Lead"),
                stage(2, 1, "Proposal"),
                stage(3, 7, "Due"),
                stage(4, 7, "Talking"),
                stage(5, 7, "Signed off"),
            ],
        )
    }

    #[test]
    fn stages_are_numbered_pipeline_after_pipeline() {
        let p = two();
        let names: Vec<_> = p.all_open().map(|s| p.long_name(s)).collect();
        assert_eq!(
            names,
            [
                "Renewals · Due",
                "Renewals · Talking",
                "Renewals · Signed off",
                "New · Lead",
                "New · Proposal"
            ]
        );
        assert_eq!(p.first_open(1), Some(Stage::open(3)));
        assert_eq!(p.last_open(7), Some(Stage::open(2)));
        assert_eq!(p.next_open(Stage::open(2)), None);
        assert_eq!(p.previous_open(Stage::open(3)), None);
        assert_eq!(p.next_open(Stage::open(3)), Some(Stage::open(4)));
        assert_eq!(p.rank(Stage::open(4)), Some(1));
    }

    #[test]
    fn names_resolve_within_their_pipeline_and_through_former_names() {
        let p = two();
        assert_eq!(p.stage_named(1, " lead"), Some(Stage::open(3)));
        assert_eq!(p.stage_named(7, "Lead"), None);
        assert_eq!(p.stage_named(7, "WON"), Some(Stage::Won));
        assert_eq!(p.stage_named(7, "Engaging"), None);
        assert_eq!(p.stage_in_history(7, "Engaging"), Some(Stage::open(1)));
        assert_eq!(p.names_of(1), "Lead, Proposal, Won, Lost");
    }

    #[test]
    fn the_standard_book_has_todays_four_stages() {
        let p = Pipelines::default();
        let named: Vec<_> = p
            .open_of(1)
            .map(|s| (p.name(s), p.probability_bp(s), p.stale_days(s)))
            .collect();
        assert_eq!(
            named,
            [
                ("Lead", 1000, Some(30)),
                ("Qualified", 2500, Some(21)),
                ("Proposal", 5000, Some(14)),
                ("Negotiation", 7000, Some(10))
            ]
        );
        assert_eq!(p.long_name(Stage::open(0)), "Lead");
        assert_eq!(p.probability_bp(Stage::Won), 10_000);
    }
}
