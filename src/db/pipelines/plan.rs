//! The catalogue a stage edit leads to, worked out from the one before: names cleaned and
//! checked, numbers in range, stages renumbered; and the deals a removal moves.

use super::kinds::{MAX_NAME, MAX_STAGES, StageEdit};
use super::snapshot::{Catalogue, PipelineRow, StageRow};
use crate::db::edits::WriteError;
use crate::domain::CLOSED_NAMES;

/// What a stage edit leads to.
pub(super) struct Planned {
    /// The catalogue after it.
    pub next: Catalogue,
    /// For a removal: the stage removed and the one its deals move to.
    pub moves: Option<(StageRow, StageRow)>,
    /// The edit in words.
    pub summary: String,
}

/// A refusal naming what is wrong.
fn refuse<T>(why: String) -> Result<T, WriteError> {
    Err(WriteError::Refused(why))
}

/// A name as stored: trimmed, not blank, not too long, not Won or Lost.
fn clean_name(what: &str, name: &str) -> Result<String, WriteError> {
    let name = name.trim();
    if name.is_empty() {
        return refuse(format!("{what} name: cannot be blank"));
    }
    if name.chars().count() > MAX_NAME || name.contains('\n') {
        return refuse(format!(
            "{what} name: at most {MAX_NAME} characters on one line"
        ));
    }
    if CLOSED_NAMES.iter().any(|c| c.eq_ignore_ascii_case(name)) {
        return refuse(format!("{what} name: '{name}' is kept for closed deals"));
    }
    Ok(name.to_string())
}

/// A default probability (basis points) and stale days in range, or which is not.
fn check_numbers(probability_bp: i64, stale_days: i64) -> Result<(), WriteError> {
    if !(0..=10_000).contains(&probability_bp) {
        return refuse("probability: must be between 0 and 100%".into());
    }
    if !(1..=3650).contains(&stale_days) {
        return refuse("stale days: must be between 1 and 3650".into());
    }
    Ok(())
}

/// Renumbers a pipeline's stages 0, 1, 2… in the order given.
fn renumber(stages: &mut [StageRow], order: &[i64]) {
    for (position, id) in order.iter().enumerate() {
        if let Some(s) = stages.iter_mut().find(|s| s.id == *id) {
            s.position = position as i64;
        }
    }
}

/// The catalogue after `edit`, the deals to move (stage, to stage), and the summary.
pub(super) fn planned(
    now: &Catalogue,
    edit: &StageEdit,
    next_ids: (i64, i64),
) -> Result<Planned, WriteError> {
    let mut next = now.clone();
    let stage_of = |id: i64| {
        now.stage(id)
            .cloned()
            .ok_or_else(|| WriteError::Refused(format!("stage {id} no longer exists")))
    };
    let taken = |pipeline_id: i64, name: &str, except: i64| {
        now.stages.iter().any(|s| {
            s.pipeline_id == pipeline_id && s.id != except && s.name.eq_ignore_ascii_case(name)
        })
    };
    let order_of = |pipeline_id: i64| -> Vec<i64> {
        now.stages_of(pipeline_id).iter().map(|s| s.id).collect()
    };
    let mut moves = None;
    let summary = match edit {
        StageEdit::AddStage {
            pipeline_id,
            name,
            position,
            probability_bp,
            stale_days,
        } => {
            let name = clean_name("stage", name)?;
            check_numbers(*probability_bp, *stale_days)?;
            let Some(pipeline) = now.pipelines.iter().find(|p| p.id == *pipeline_id) else {
                return refuse(format!("pipeline {pipeline_id} no longer exists"));
            };
            let mut order = order_of(*pipeline_id);
            if order.len() >= MAX_STAGES {
                return refuse(format!("a pipeline has at most {MAX_STAGES} open stages"));
            }
            if taken(*pipeline_id, &name, 0) {
                return refuse(format!(
                    "stage name: {} already has a stage '{name}'",
                    pipeline.name
                ));
            }
            next.stages.push(StageRow {
                id: next_ids.1,
                pipeline_id: *pipeline_id,
                name: name.clone(),
                position: 0,
                probability_bp: *probability_bp,
                stale_days: *stale_days,
                former_names: String::new(),
            });
            order.insert((*position).min(order.len()), next_ids.1);
            renumber(&mut next.stages, &order);
            format!("Added stage {name} to {}", pipeline.name)
        }
        StageEdit::RenameStage { stage_id, name } => {
            let stage = stage_of(*stage_id)?;
            let name = clean_name("stage", name)?;
            if name == stage.name {
                return refuse("stage name: nothing changed".into());
            }
            if taken(stage.pipeline_id, &name, stage.id) {
                return refuse(format!(
                    "stage name: the pipeline already has a stage '{name}'"
                ));
            }
            if let Some(s) = next.stages.iter_mut().find(|s| s.id == *stage_id) {
                let mut former: Vec<&str> = stage.former_names.lines().collect();
                former.retain(|f| *f != name && *f != stage.name);
                former.push(&stage.name);
                s.former_names = former.join("\n");
                s.name = name.clone();
            }
            format!("Renamed stage {} to {name}", stage.name)
        }
        StageEdit::MoveStage { stage_id, position } => {
            let stage = stage_of(*stage_id)?;
            let mut order = order_of(stage.pipeline_id);
            let from = order.iter().position(|id| id == stage_id).unwrap_or(0);
            let to = (*position).min(order.len().saturating_sub(1));
            if from == to {
                return refuse("stage order: nothing changed".into());
            }
            let id = order.remove(from);
            order.insert(to, id);
            renumber(&mut next.stages, &order);
            format!("Moved stage {} to place {}", stage.name, to + 1)
        }
        StageEdit::SetStage {
            stage_id,
            probability_bp,
            stale_days,
        } => {
            let stage = stage_of(*stage_id)?;
            check_numbers(*probability_bp, *stale_days)?;
            if (stage.probability_bp, stage.stale_days) == (*probability_bp, *stale_days) {
                return refuse("stage settings: nothing changed".into());
            }
            if let Some(s) = next.stages.iter_mut().find(|s| s.id == *stage_id) {
                s.probability_bp = *probability_bp;
                s.stale_days = *stale_days;
            }
            format!(
                "Stage {}: {}% win, stale after {} days",
                stage.name,
                probability_bp / 100,
                stale_days
            )
        }
        StageEdit::RemoveStage { stage_id, deals_to } => {
            let stage = stage_of(*stage_id)?;
            let to = stage_of(*deals_to)?;
            if to.pipeline_id != stage.pipeline_id || to.id == stage.id {
                return refuse("deals go to: pick another stage of the same pipeline".into());
            }
            if order_of(stage.pipeline_id).len() <= 1 {
                return refuse("a pipeline keeps at least one open stage".into());
            }
            next.stages.retain(|s| s.id != *stage_id);
            let order: Vec<i64> = order_of(stage.pipeline_id)
                .into_iter()
                .filter(|id| id != stage_id)
                .collect();
            renumber(&mut next.stages, &order);
            let summary = format!(
                "Removed stage {}, its deals moved to {}",
                stage.name, to.name
            );
            moves = Some((stage, to));
            summary
        }
        StageEdit::AddPipeline { name, stages } => {
            let name = clean_name("pipeline", name)?;
            if now
                .pipelines
                .iter()
                .any(|p| p.name.eq_ignore_ascii_case(&name))
            {
                return refuse(format!("pipeline name: '{name}' is taken"));
            }
            if stages.is_empty() || stages.len() > MAX_STAGES {
                return refuse(format!("a pipeline has 1 to {MAX_STAGES} open stages"));
            }
            let position = now
                .pipelines
                .iter()
                .map(|p| p.position + 1)
                .max()
                .unwrap_or(0);
            next.pipelines.push(PipelineRow {
                id: next_ids.0,
                name: name.clone(),
                position,
            });
            let mut seen: Vec<String> = Vec::new();
            for (i, s) in stages.iter().enumerate() {
                let stage = clean_name("stage", &s.name)?;
                check_numbers(s.probability_bp, s.stale_days)?;
                if seen.iter().any(|n| n.eq_ignore_ascii_case(&stage)) {
                    return refuse(format!("stage name: '{stage}' is listed twice"));
                }
                seen.push(stage.clone());
                next.stages.push(StageRow {
                    id: next_ids.1 + i as i64,
                    pipeline_id: next_ids.0,
                    name: stage,
                    position: i as i64,
                    probability_bp: s.probability_bp,
                    stale_days: s.stale_days,
                    former_names: String::new(),
                });
            }
            format!("Added pipeline {name} ({})", seen.join(", "))
        }
        StageEdit::ReplaceStages {
            pipeline_id,
            stages,
        } => {
            let Some(pipeline) = now.pipelines.iter().find(|p| p.id == *pipeline_id) else {
                return refuse(format!("pipeline {pipeline_id} no longer exists"));
            };
            if stages.is_empty() || stages.len() > MAX_STAGES {
                return refuse(format!("a pipeline has 1 to {MAX_STAGES} open stages"));
            }
            let old = now.stages_of(*pipeline_id);
            next.stages.retain(|s| s.pipeline_id != *pipeline_id);
            let mut seen: Vec<String> = Vec::new();
            let mut fresh = next_ids.1;
            for (i, s) in stages.iter().enumerate() {
                let name = clean_name("stage", &s.name)?;
                check_numbers(s.probability_bp, s.stale_days)?;
                if seen.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                    return refuse(format!("stage name: '{name}' is listed twice"));
                }
                let id = match old.iter().find(|o| o.name == name) {
                    Some(kept) => kept.id,
                    None => {
                        fresh += 1;
                        fresh - 1
                    }
                };
                seen.push(name.clone());
                next.stages.push(StageRow {
                    id,
                    pipeline_id: *pipeline_id,
                    name,
                    position: i as i64,
                    probability_bp: s.probability_bp,
                    stale_days: s.stale_days,
                    former_names: String::new(),
                });
            }
            format!("Stages of {}: {}", pipeline.name, seen.join(", "))
        }
        StageEdit::RenamePipeline { pipeline_id, name } => {
            let name = clean_name("pipeline", name)?;
            if now
                .pipelines
                .iter()
                .any(|p| p.id != *pipeline_id && p.name.eq_ignore_ascii_case(&name))
            {
                return refuse(format!("pipeline name: '{name}' is taken"));
            }
            let Some(p) = next.pipelines.iter_mut().find(|p| p.id == *pipeline_id) else {
                return refuse(format!("pipeline {pipeline_id} no longer exists"));
            };
            if p.name == name {
                return refuse("pipeline name: nothing changed".into());
            }
            let summary = format!("Renamed pipeline {} to {name}", p.name);
            p.name = name;
            summary
        }
        StageEdit::RemovePipeline { pipeline_id } => {
            if now.pipelines.len() <= 1 {
                return refuse("a book keeps at least one pipeline".into());
            }
            let Some(p) = now.pipelines.iter().find(|p| p.id == *pipeline_id) else {
                return refuse(format!("pipeline {pipeline_id} no longer exists"));
            };
            next.pipelines.retain(|p| p.id != *pipeline_id);
            next.stages.retain(|s| s.pipeline_id != *pipeline_id);
            format!("Removed pipeline {}", p.name)
        }
    };
    Ok(Planned {
        next,
        moves,
        summary,
    })
}
