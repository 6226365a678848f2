//! The stage editor: a pipeline's open stages with their win probability and stale days, edited
//! in place — add, rename, reorder, set the numbers, remove (picking where the deals go) — and
//! pipelines added, renamed or removed. Every change is one undoable write; the board reloads
//! with the new stages when it is saved.

pub mod keys;
pub mod update;
pub mod view;

/// What is being typed, and into what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// The name of a stage added after the selected one.
    AddStage,
    /// The selected stage's new name.
    RenameStage,
    /// The selected stage's win percent and stale days, as "50 14".
    Numbers,
    /// The name of a new pipeline (a copy of these stages).
    AddPipeline,
    /// The pipeline's new name.
    RenamePipeline,
}

impl EntryKind {
    /// The prompt shown before the text.
    pub fn prompt(self) -> &'static str {
        match self {
            EntryKind::AddStage => "New stage",
            EntryKind::RenameStage => "Rename to",
            EntryKind::Numbers => "Win % and stale days",
            EntryKind::AddPipeline => "New pipeline",
            EntryKind::RenamePipeline => "Rename pipeline to",
        }
    }
}

/// A line being typed, and why the last try was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What it is for.
    pub kind: EntryKind,
    /// The text so far.
    pub text: String,
    /// Why Enter did not take it, naming the field.
    pub error: Option<String>,
}

/// The editor, while open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageEditor {
    /// The pipeline whose stages are shown.
    pub pipeline_id: i64,
    /// The selected stage, by its place in the pipeline.
    pub at: usize,
    /// A line being typed.
    pub entry: Option<Entry>,
    /// While removing the selected stage: the place of the stage its deals go to.
    pub deals_to: Option<usize>,
}

impl StageEditor {
    /// The editor of `pipeline_id`'s stages, the first selected.
    pub fn new(pipeline_id: i64) -> StageEditor {
        StageEditor {
            pipeline_id,
            at: 0,
            entry: None,
            deals_to: None,
        }
    }

    /// True while typed characters go to the entry line.
    pub fn is_typing(&self) -> bool {
        self.entry.is_some()
    }

    /// Adds a typed character to the entry line, up to the longest name.
    pub fn type_char(&mut self, c: char) {
        if let Some(entry) = self.entry.as_mut()
            && entry.text.chars().count() < crate::db::pipelines::MAX_NAME
        {
            entry.text.push(c);
            entry.error = None;
        }
    }
}
