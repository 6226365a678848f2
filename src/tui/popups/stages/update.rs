//! What a key does in the stage editor: moves the selection, opens an entry line, or gives the
//! stage edit to save. Pure: the catalogue in, an [`Outcome`] out.

use super::{Entry, EntryKind, StageEditor};
use crate::db::pipelines::{NewStage, StageEdit};
use crate::domain::{Pipelines, StageDef};
use crate::tui::action::Command;

/// What a key did to the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The editor stays as it is now.
    Stay,
    /// The editor closes.
    Close,
    /// Save this change (the editor stays open to show it).
    Save(StageEdit),
    /// Nothing to do, and why.
    Refused(String),
}

/// The pipeline's stages, in order.
fn stages_of(catalogue: &Pipelines, pipeline_id: i64) -> Vec<&StageDef> {
    catalogue
        .open_of(pipeline_id)
        .filter_map(|s| catalogue.def(s))
        .collect()
}

/// Runs `command` on the editor over `catalogue`.
pub fn run(editor: &mut StageEditor, catalogue: &Pipelines, command: Command) -> Outcome {
    if catalogue.pipeline(editor.pipeline_id).is_none() {
        editor.pipeline_id = catalogue.first_id();
        editor.at = 0;
    }
    let stages = stages_of(catalogue, editor.pipeline_id);
    editor.at = editor.at.min(stages.len().saturating_sub(1));
    if editor.entry.is_some() {
        return typing(editor, catalogue, &stages, command);
    }
    if let Some(to) = editor.deals_to {
        return removing(editor, &stages, to, command);
    }
    let Some(selected) = stages.get(editor.at).copied() else {
        return Outcome::Close;
    };
    let open = |kind: EntryKind, text: String| Entry {
        kind,
        text,
        error: None,
    };
    match command {
        Command::Down => editor.at = (editor.at + 1).min(stages.len() - 1),
        Command::Up => editor.at = editor.at.saturating_sub(1),
        Command::Cancel => return Outcome::Close,
        Command::AddStage => editor.entry = Some(open(EntryKind::AddStage, String::new())),
        Command::RenameStage => {
            editor.entry = Some(open(EntryKind::RenameStage, selected.name.clone()));
        }
        Command::SetStageNumbers => {
            let text = format!("{} {}", selected.probability_bp / 100, selected.stale_days);
            editor.entry = Some(open(EntryKind::Numbers, text));
        }
        Command::AddPipeline => editor.entry = Some(open(EntryKind::AddPipeline, String::new())),
        Command::RenamePipeline => {
            let name = catalogue
                .pipeline(editor.pipeline_id)
                .map_or_else(String::new, |p| p.name.clone());
            editor.entry = Some(open(EntryKind::RenamePipeline, name));
        }
        Command::StageEarlier | Command::StageLater => {
            let later = command == Command::StageLater;
            let to = if later {
                editor.at + 1
            } else {
                editor.at.wrapping_sub(1)
            };
            if to >= stages.len() {
                return Outcome::Refused(format!("{} cannot move further", selected.name));
            }
            editor.at = to;
            return Outcome::Save(StageEdit::MoveStage {
                stage_id: selected.id,
                position: to,
            });
        }
        Command::RemoveStage if stages.len() < 2 => {
            return Outcome::Refused("a pipeline keeps at least one open stage".into());
        }
        Command::RemoveStage => {
            editor.deals_to = Some(if editor.at == 0 { 1 } else { editor.at - 1 });
        }
        Command::RemovePipeline => {
            return Outcome::Save(StageEdit::RemovePipeline {
                pipeline_id: editor.pipeline_id,
            });
        }
        Command::NextPipeline => {
            let list = catalogue.pipelines();
            let here = list.iter().position(|p| p.id == editor.pipeline_id);
            let next = here.map_or(0, |i| (i + 1) % list.len().max(1));
            editor.pipeline_id = list.get(next).map_or(editor.pipeline_id, |p| p.id);
            editor.at = 0;
        }
        _ => {}
    }
    Outcome::Stay
}

/// Keys while picking where the deals of the stage being removed go.
fn removing(
    editor: &mut StageEditor,
    stages: &[&StageDef],
    to: usize,
    command: Command,
) -> Outcome {
    let others: Vec<usize> = (0..stages.len()).filter(|i| *i != editor.at).collect();
    let here = others.iter().position(|i| *i == to).unwrap_or(0);
    match command {
        Command::Down => editor.deals_to = others.get(here + 1).or(others.last()).copied(),
        Command::Up => editor.deals_to = others.get(here.saturating_sub(1)).copied(),
        Command::Cancel => editor.deals_to = None,
        Command::Accept => {
            editor.deals_to = None;
            let (Some(stage), Some(target)) = (stages.get(editor.at), stages.get(to)) else {
                return Outcome::Stay;
            };
            editor.at = editor.at.saturating_sub(1);
            return Outcome::Save(StageEdit::RemoveStage {
                stage_id: stage.id,
                deals_to: target.id,
            });
        }
        _ => {}
    }
    Outcome::Stay
}

/// Keys while typing the entry line: Enter gives the edit, or names what is wrong.
fn typing(
    editor: &mut StageEditor,
    catalogue: &Pipelines,
    stages: &[&StageDef],
    command: Command,
) -> Outcome {
    let Some(entry) = editor.entry.as_mut() else {
        return Outcome::Stay;
    };
    match command {
        Command::SearchBackspace => {
            entry.text.pop();
            entry.error = None;
            Outcome::Stay
        }
        Command::CancelSearch => {
            editor.entry = None;
            Outcome::Stay
        }
        Command::FinishSearch => {
            let selected = stages.get(editor.at).copied();
            match finished(
                entry,
                editor.pipeline_id,
                editor.at,
                selected,
                stages,
                catalogue,
            ) {
                Ok(edit) => {
                    if entry.kind == EntryKind::AddStage {
                        editor.at += 1;
                    }
                    editor.entry = None;
                    Outcome::Save(edit)
                }
                Err(why) => {
                    entry.error = Some(why);
                    Outcome::Stay
                }
            }
        }
        _ => Outcome::Stay,
    }
}

/// The edit a finished entry line asks for, or what is wrong with it.
fn finished(
    entry: &Entry,
    pipeline_id: i64,
    at: usize,
    selected: Option<&StageDef>,
    stages: &[&StageDef],
    catalogue: &Pipelines,
) -> Result<StageEdit, String> {
    let text = entry.text.trim();
    let name_needed = |what: &str| -> Result<String, String> {
        if text.is_empty() {
            Err(format!("{what}: type a name"))
        } else {
            Ok(text.to_string())
        }
    };
    let selected = selected.ok_or("stage: the pipeline has none selected")?;
    Ok(match entry.kind {
        EntryKind::AddStage => StageEdit::AddStage {
            pipeline_id,
            name: name_needed("stage name")?,
            position: at + 1,
            probability_bp: i64::from(selected.probability_bp),
            stale_days: i64::from(selected.stale_days),
        },
        EntryKind::RenameStage => StageEdit::RenameStage {
            stage_id: selected.id,
            name: name_needed("stage name")?,
        },
        EntryKind::Numbers => {
            let (percent, days) = numbers(text)?;
            StageEdit::SetStage {
                stage_id: selected.id,
                probability_bp: percent * 100,
                stale_days: days,
            }
        }
        EntryKind::AddPipeline => StageEdit::AddPipeline {
            name: name_needed("pipeline name")?,
            stages: stages
                .iter()
                .map(|s| NewStage {
                    name: s.name.clone(),
                    probability_bp: i64::from(s.probability_bp),
                    stale_days: i64::from(s.stale_days),
                })
                .collect(),
        },
        EntryKind::RenamePipeline => {
            let name = name_needed("pipeline name")?;
            let same = catalogue
                .pipeline(pipeline_id)
                .is_some_and(|p| p.name == name);
            if same {
                return Err("pipeline name: nothing changed".into());
            }
            StageEdit::RenamePipeline { pipeline_id, name }
        }
    })
}

/// "50 14" as a win percent (0–100) and stale days (1–3650).
fn numbers(text: &str) -> Result<(i64, i64), String> {
    let mut words = text.split_whitespace();
    let percent = words.next().unwrap_or_default().trim_end_matches('%');
    let percent: i64 = percent
        .parse()
        .ok()
        .filter(|p| (0..=100).contains(p))
        .ok_or_else(|| format!("win %: '{percent}' is not a whole percent from 0 to 100"))?;
    let days = words.next().unwrap_or_default();
    let days: i64 = days
        .parse()
        .ok()
        .filter(|d| (1..=3650).contains(d))
        .ok_or_else(|| format!("stale days: '{days}' is not a number of days from 1 to 3650"))?;
    if let Some(extra) = words.next() {
        return Err(format!("'{extra}': give the win % and the stale days only"));
    }
    Ok((percent, days))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> Pipelines {
        Pipelines::default()
    }

    fn typed(editor: &mut StageEditor, text: &str) -> Outcome {
        if let Some(entry) = editor.entry.as_mut() {
            entry.text.clear();
        }
        for c in text.chars() {
            editor.type_char(c);
        }
        run(editor, &book(), Command::FinishSearch)
    }

    #[test]
    fn rename_and_numbers_become_edits_and_bad_numbers_name_the_field() {
        let mut e = StageEditor::new(1);
        run(&mut e, &book(), Command::Down);
        run(&mut e, &book(), Command::RenameStage);
        assert_eq!(e.entry.as_ref().map(|x| x.text.as_str()), Some("Qualified"));
        assert_eq!(
            typed(&mut e, "Engaging"),
            Outcome::Save(StageEdit::RenameStage {
                stage_id: 2,
                name: "Engaging".into()
            })
        );
        run(&mut e, &book(), Command::SetStageNumbers);
        assert_eq!(e.entry.as_ref().map(|x| x.text.as_str()), Some("25 21"));
        assert_eq!(typed(&mut e, "120 5"), Outcome::Stay);
        let error = e
            .entry
            .as_ref()
            .and_then(|x| x.error.clone())
            .unwrap_or_default();
        assert!(error.starts_with("win %:"), "{error}");
        assert_eq!(
            typed(&mut e, "30% 7"),
            Outcome::Save(StageEdit::SetStage {
                stage_id: 2,
                probability_bp: 3000,
                stale_days: 7
            })
        );
    }

    #[test]
    fn removal_picks_another_stage_for_the_deals() {
        let mut e = StageEditor::new(1);
        run(&mut e, &book(), Command::RemoveStage);
        assert_eq!(
            e.deals_to,
            Some(1),
            "the first stage's deals go to the next"
        );
        run(&mut e, &book(), Command::Down);
        run(&mut e, &book(), Command::Down);
        assert_eq!(e.deals_to, Some(3));
        assert_eq!(
            run(&mut e, &book(), Command::Accept),
            Outcome::Save(StageEdit::RemoveStage {
                stage_id: 1,
                deals_to: 4
            })
        );
        assert_eq!(e.deals_to, None);
    }

    #[test]
    fn moves_stop_at_the_ends_and_a_new_pipeline_copies_the_stages() {
        let mut e = StageEditor::new(1);
        assert!(matches!(
            run(&mut e, &book(), Command::StageEarlier),
            Outcome::Refused(_)
        ));
        assert_eq!(
            run(&mut e, &book(), Command::StageLater),
            Outcome::Save(StageEdit::MoveStage {
                stage_id: 1,
                position: 1
            })
        );
        assert_eq!(e.at, 1, "the selection follows the stage");
        run(&mut e, &book(), Command::AddPipeline);
        match typed(&mut e, "Renewals") {
            Outcome::Save(StageEdit::AddPipeline { name, stages }) => {
                assert_eq!(name, "Renewals");
                assert_eq!(stages.len(), 4);
                assert_eq!(stages[3].probability_bp, 7000);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(run(&mut e, &book(), Command::Cancel), Outcome::Close);
    }
}
