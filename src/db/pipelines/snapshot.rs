//! The catalogue's rows as one value: what a stage edit records before and after, and how a
//! replay makes the tables (and the names the deals stand in) match one of them again.

use rusqlite::{Connection, Transaction, params};
use serde::{Deserialize, Serialize};

use crate::db::edits::WriteError;
use crate::domain::{Pipelines, StageDef};

/// One `pipelines` row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct PipelineRow {
    pub id: i64,
    pub name: String,
    pub position: i64,
}

/// One `stages` row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct StageRow {
    pub id: i64,
    pub pipeline_id: i64,
    pub name: String,
    pub position: i64,
    pub probability_bp: i64,
    pub stale_days: i64,
    pub former_names: String,
}

/// Every pipeline and stage row of a book (a few dozen rows at most).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub(super) struct Catalogue {
    pub pipelines: Vec<PipelineRow>,
    pub stages: Vec<StageRow>,
}

impl Catalogue {
    /// Reads every row, in order.
    pub fn read(conn: &Connection) -> rusqlite::Result<Catalogue> {
        let pipelines = conn
            .prepare_cached("SELECT id, name, position FROM pipelines ORDER BY position, id")?
            .query_map([], |r| {
                Ok(PipelineRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    position: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let stages = conn
            .prepare_cached(
                "SELECT id, pipeline_id, name, position, probability_bp, stale_days, former_names
                 FROM stages ORDER BY pipeline_id, position, id",
            )?
            .query_map([], |r| {
                Ok(StageRow {
                    id: r.get(0)?,
                    pipeline_id: r.get(1)?,
                    name: r.get(2)?,
                    position: r.get(3)?,
                    probability_bp: r.get(4)?,
                    stale_days: r.get(5)?,
                    former_names: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Catalogue { pipelines, stages })
    }

    /// The ids a new pipeline and a new stage take: one past the highest of each.
    pub fn next_ids(&self) -> (i64, i64) {
        let pipeline = self.pipelines.iter().map(|p| p.id).max().unwrap_or(0);
        let stage = self.stages.iter().map(|s| s.id).max().unwrap_or(0);
        (pipeline + 1, stage + 1)
    }

    /// The catalogue the rest of the program reads: pipelines in order, each one's stages in
    /// order.
    pub fn to_pipelines(&self) -> Pipelines {
        let stages = self
            .stages
            .iter()
            .map(|s| StageDef {
                id: s.id,
                pipeline_id: s.pipeline_id,
                name: s.name.clone(),
                probability_bp: u16::try_from(s.probability_bp).unwrap_or(0),
                stale_days: u32::try_from(s.stale_days).unwrap_or(1),
                former_names: s.former_names.lines().map(str::to_string).collect(),
            })
            .collect();
        let pipelines = self
            .pipelines
            .iter()
            .map(|p| (p.id, p.name.clone()))
            .collect();
        Pipelines::new(pipelines, stages)
    }

    /// The stage row with this id.
    pub fn stage(&self, id: i64) -> Option<&StageRow> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// A pipeline's stages, in order.
    pub fn stages_of(&self, pipeline_id: i64) -> Vec<&StageRow> {
        let mut stages: Vec<&StageRow> = self
            .stages
            .iter()
            .filter(|s| s.pipeline_id == pipeline_id)
            .collect();
        stages.sort_by_key(|s| (s.position, s.id));
        stages
    }

    /// Makes the tables hold `target` (this being what they hold now): rows added or updated,
    /// deals of a renamed stage following its new name, then rows `target` lacks deleted (a
    /// stage still holding deals is refused: its deals must be moved first).
    pub fn restore(&self, tx: &Transaction<'_>, target: &Catalogue) -> Result<(), WriteError> {
        for p in &target.pipelines {
            tx.execute(
                "INSERT INTO pipelines (id, name, position) VALUES (?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position",
                params![p.id, p.name, p.position],
            )?;
        }
        for s in &target.stages {
            tx.execute(
                "INSERT INTO stages (id, pipeline_id, name, position, probability_bp, stale_days,
                                     former_names)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name,
                     position = excluded.position, probability_bp = excluded.probability_bp,
                     stale_days = excluded.stale_days, former_names = excluded.former_names",
                params![
                    s.id,
                    s.pipeline_id,
                    s.name,
                    s.position,
                    s.probability_bp,
                    s.stale_days,
                    s.former_names
                ],
            )?;
            if let Some(now) = self.stage(s.id).filter(|now| now.name != s.name) {
                tx.execute(
                    "UPDATE deals SET stage = ?3 WHERE pipeline_id = ?1 AND stage = ?2",
                    params![s.pipeline_id, now.name, s.name],
                )?;
            }
        }
        for s in &self.stages {
            if target.stage(s.id).is_none() {
                let held: i64 = tx.query_row(
                    "SELECT COUNT(*) FROM deals WHERE pipeline_id = ?1 AND stage = ?2",
                    params![s.pipeline_id, s.name],
                    |r| r.get(0),
                )?;
                if held > 0 {
                    return Err(WriteError::Refused(format!(
                        "stage {} still holds {held} deals",
                        s.name
                    )));
                }
                tx.execute("DELETE FROM stages WHERE id = ?1", [s.id])?;
            }
        }
        for p in &self.pipelines {
            if !target.pipelines.iter().any(|t| t.id == p.id) {
                let held: i64 = tx.query_row(
                    "SELECT COUNT(*) FROM deals WHERE pipeline_id = ?1",
                    [p.id],
                    |r| r.get(0),
                )?;
                if held > 0 {
                    return Err(WriteError::Refused(format!(
                        "pipeline {} still holds {held} deals",
                        p.name
                    )));
                }
                tx.execute("DELETE FROM pipelines WHERE id = ?1", [p.id])?;
            }
        }
        Ok(())
    }
}
