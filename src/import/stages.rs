//! A deals mapping's pipeline and stages: which pipeline the rows go to (`pipeline = "…"`, the
//! book's first by default) and the open stages it must have (`[[stages]]`, in order). Stages and
//! a pipeline the book lacks are created before the rows are read, as their own undoable change;
//! a dry run previews them, so its checks see the stages the real import would.

use rusqlite::Connection;
use serde::Deserialize;

use crate::db::edits::WriteError;
use crate::db::pipelines::{self, NewStage, StageEdit};
use crate::domain::{CLOSED_NAMES, Pipelines};

/// One open stage a mapping needs; a new stage without numbers gets an even share of the way to
/// Won (1/(n+1), 2/(n+1)… of the listed stages) and 30 stale days, to be set in the desk.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlannedStage {
    /// The stage's name, as the rows give it (after the `[values.stage]` map).
    pub name: String,
    /// Default win probability in percent, for a stage created here.
    pub probability: Option<u8>,
    /// Stale after this many days, for a stage created here.
    pub stale_days: Option<u32>,
}

/// Where a deals import puts its deals.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StagePlan {
    /// The pipeline by name; `None` is the book's first.
    pub pipeline: Option<String>,
    /// Open stages the pipeline must have, in order.
    pub stages: Vec<PlannedStage>,
    /// The stage a deal was in on its `created_on` when it has got that far (an export whose
    /// creation date is the day a deal was engaged); `None`: deals start in the first stage.
    pub created_in: Option<String>,
}

/// Stale days of a stage created without a number.
const DEFAULT_STALE_DAYS: i64 = 30;

impl StagePlan {
    /// Checks the names and numbers; the message names the problem.
    pub fn check(&self) -> Result<(), String> {
        if self
            .pipeline
            .as_deref()
            .is_some_and(|p| p.trim().is_empty())
        {
            return Err("pipeline: cannot be blank".into());
        }
        if self.created_in.as_deref().is_some_and(|c| {
            c.trim().is_empty()
                || CLOSED_NAMES
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(c.trim()))
        }) {
            return Err("created_in: name an open stage".into());
        }
        let mut seen: Vec<&str> = Vec::new();
        for s in &self.stages {
            let name = s.name.trim();
            if name.is_empty() || CLOSED_NAMES.iter().any(|c| c.eq_ignore_ascii_case(name)) {
                return Err(format!(
                    "[[stages]] name '{name}': an open stage needs a name other than Won or Lost"
                ));
            }
            if seen.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                return Err(format!("[[stages]] lists '{name}' twice"));
            }
            if s.probability.is_some_and(|p| p > 100) {
                return Err(format!(
                    "[[stages]] '{name}': probability is a percent, 0 to 100"
                ));
            }
            if s.stale_days == Some(0) {
                return Err(format!(
                    "[[stages]] '{name}': stale_days must be at least 1"
                ));
            }
            seen.push(name);
        }
        Ok(())
    }

    /// The stages to create, with their numbers.
    fn new_stages(&self) -> Vec<NewStage> {
        let n = self.stages.len() as i64;
        self.stages
            .iter()
            .zip(1..)
            .map(|(s, i)| NewStage {
                name: s.name.trim().to_string(),
                probability_bp: s
                    .probability
                    .map_or(10_000 * i / (n + 1), |p| i64::from(p) * 100),
                stale_days: s.stale_days.map_or(DEFAULT_STALE_DAYS, i64::from),
            })
            .collect()
    }

    /// The catalogue the rows are checked against and the pipeline they go to, after making
    /// what is missing as its own undoable change, before the import's transaction.
    pub fn prepare(
        &self,
        conn: &mut Connection,
        today: chrono::NaiveDate,
        stamp: (&str, &str),
    ) -> Result<(Pipelines, i64), WriteError> {
        for edit in &self.needed(conn)? {
            pipelines::apply_stage_edit(conn, edit, today, stamp.0, stamp.1)?;
        }
        let catalogue = pipelines::load(conn)?;
        let id = self.target(&catalogue);
        Ok((catalogue, id))
    }

    /// [`StagePlan::prepare`] for a dry run: what is missing is made inside the import's
    /// transaction, which the dry run rolls back.
    pub fn preview(&self, tx: &rusqlite::Transaction<'_>) -> Result<(Pipelines, i64), WriteError> {
        let catalogue = pipelines::preview_in(tx, &self.needed(tx)?)?;
        let id = self.target(&catalogue);
        Ok((catalogue, id))
    }

    /// The stage edits the book needs for the rows.
    fn needed(&self, conn: &Connection) -> Result<Vec<StageEdit>, WriteError> {
        let catalogue = pipelines::load(conn)?;
        let found = match &self.pipeline {
            None => Some(catalogue.first_id()),
            Some(name) => catalogue
                .pipelines()
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(name.trim()))
                .map(|p| p.id),
        };
        let empty = match found {
            Some(id) => !conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM deals WHERE pipeline_id = ?1)",
                [id],
                |r| r.get::<_, bool>(0),
            )?,
            None => true,
        };
        Ok(self.edits(&catalogue, found, empty))
    }

    /// The pipeline the rows go to in `catalogue` (0 when it has none of that name).
    fn target(&self, catalogue: &Pipelines) -> i64 {
        match self.pipeline.as_deref().map(str::trim) {
            None => catalogue.first_id(),
            Some(name) => catalogue
                .pipelines()
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(name))
                .map_or(0, |p| p.id),
        }
    }

    /// The stage edits that give the book what the plan needs: a new pipeline with every listed
    /// stage; a pipeline without deals (`empty`) made exactly the listed stages; or each listed
    /// stage an in-use pipeline lacks, placed after the listed one before it.
    fn edits(&self, catalogue: &Pipelines, pipeline: Option<i64>, empty: bool) -> Vec<StageEdit> {
        let Some(pipeline_id) = pipeline else {
            return vec![StageEdit::AddPipeline {
                name: self.pipeline.clone().unwrap_or_default().trim().to_string(),
                stages: self.new_stages(),
            }];
        };
        let mut names: Vec<String> = catalogue
            .open_of(pipeline_id)
            .map(|s| catalogue.name(s).to_string())
            .collect();
        let planned: Vec<String> = self.new_stages().into_iter().map(|s| s.name).collect();
        if self.stages.is_empty() || names == planned {
            return Vec::new();
        }
        if empty {
            return vec![StageEdit::ReplaceStages {
                pipeline_id,
                stages: self.new_stages(),
            }];
        }
        let mut edits = Vec::new();
        let mut after: Option<usize> = None;
        for stage in self.new_stages() {
            match names
                .iter()
                .position(|n| n.eq_ignore_ascii_case(&stage.name))
            {
                Some(at) => after = Some(at),
                None => {
                    let position = after.map_or(names.len(), |a| a + 1);
                    names.insert(position, stage.name.clone());
                    after = Some(position);
                    edits.push(StageEdit::AddStage {
                        pipeline_id,
                        name: stage.name,
                        position,
                        probability_bp: stage.probability_bp,
                        stale_days: stage.stale_days,
                    });
                }
            }
        }
        edits
    }
}
