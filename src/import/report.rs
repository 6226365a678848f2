//! What an import did, row by row, in words a manager reads once and trusts.

use std::fmt;
use std::path::PathBuf;

use super::records::Rejection;
use crate::db::import::{Conflict, RowOutcome, SideEffects};
use crate::domain::RecordKind;
use crate::domain::group_thousands;

/// Rejected rows kept for the report; beyond this only the count grows, so memory stays flat.
pub const LISTED_REJECTIONS: usize = 10_000;

/// Whether the import's changes are in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Committed.
    Written,
    /// `--dry-run`: everything was checked and rolled back.
    DryRun,
    /// Rows were rejected and `--skip-bad` was not given: rolled back.
    NothingWritten,
}

/// The counts and rejected rows of one import.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    /// The file imported.
    pub file: PathBuf,
    /// What its rows are.
    pub kind: String,
    /// Data rows read.
    pub read: u64,
    /// Records created.
    pub created: u64,
    /// Existing records updated.
    pub updated: u64,
    /// Existing records that already held what the file says (`--on-conflict update`).
    pub unchanged: u64,
    /// Existing records left alone.
    pub skipped: u64,
    /// Rows with at least one field the desk changed since the last import, kept (their other
    /// fields may have been updated).
    pub conflicting: u64,
    /// The first [`LISTED_REJECTIONS`] fields kept for the desk.
    pub conflicts: Vec<Conflict>,
    /// Rows rejected.
    pub rejected: u64,
    /// The first [`LISTED_REJECTIONS`] rejected rows.
    pub rejections: Vec<Rejection>,
    /// Columns of the file no field reads.
    pub ignored_columns: Vec<String>,
    /// References created by name, per kind.
    pub created_by_name: Vec<(String, u64)>,
    /// Customers without a date of their own dated by their earliest deal or activity.
    pub customers_dated: u64,
    /// Defaults the import applied, in words.
    pub notes: Vec<String>,
    /// Whether anything was written.
    pub outcome: Outcome,
}

impl ImportReport {
    /// An empty report for `file`.
    pub fn new(file: PathBuf, kind: RecordKind) -> Self {
        ImportReport {
            file,
            kind: kind.name().to_string(),
            read: 0,
            created: 0,
            updated: 0,
            unchanged: 0,
            skipped: 0,
            conflicting: 0,
            conflicts: Vec::new(),
            rejected: 0,
            rejections: Vec::new(),
            ignored_columns: Vec::new(),
            created_by_name: Vec::new(),
            customers_dated: 0,
            notes: Vec::new(),
            outcome: Outcome::NothingWritten,
        }
    }

    /// Counts a rejected row, keeping it for the list while there is room.
    pub fn reject(&mut self, rejection: Rejection) {
        self.rejected += 1;
        if self.rejections.len() < LISTED_REJECTIONS {
            self.rejections.push(rejection);
        }
    }

    /// Counts a written row by what happened to it; a row with fields kept for the desk counts
    /// as conflicting (whether or not its other fields changed), so the counts add up to the
    /// rows read. Its kept fields are listed while there is room.
    pub fn count(&mut self, outcome: RowOutcome, conflicts: Vec<Conflict>) {
        if !conflicts.is_empty() {
            self.conflicting += 1;
            let room = LISTED_REJECTIONS.saturating_sub(self.conflicts.len());
            self.conflicts.extend(conflicts.into_iter().take(room));
            return;
        }
        match outcome {
            RowOutcome::Created => self.created += 1,
            RowOutcome::Updated => self.updated += 1,
            RowOutcome::Unchanged => self.unchanged += 1,
            RowOutcome::Skipped => self.skipped += 1,
        }
    }

    /// One line for `:history`: the file and what the import did to its rows.
    pub fn summary(&self) -> String {
        let n = |count: u64| group_thousands(u128::from(count));
        format!(
            "import of {} ({}): {} new, {} updated, {} unchanged, {} conflicting",
            self.file.display(),
            self.kind,
            n(self.created),
            n(self.updated),
            n(self.unchanged),
            n(self.conflicting)
        )
    }

    /// Copies the writer's side effects into the report.
    pub fn add_effects(&mut self, effects: &SideEffects) {
        self.created_by_name = effects
            .created_by_name
            .iter()
            .map(|(k, n)| (k.to_string(), *n))
            .collect();
        let n = |count: u64| group_thousands(u128::from(count));
        if effects.amounts_from_list_price > 0 {
            self.notes.push(format!(
                "{} deals without an amount (or lost at 0) took their product's list price",
                n(effects.amounts_from_list_price)
            ));
        }
        if effects.titles_made > 0 {
            self.notes.push(format!(
                "{} deals without a title were named after their product and customer",
                n(effects.titles_made)
            ));
        }
        if effects.created_on_import_date > 0 {
            self.notes.push(format!(
                "{} deals with no date at all were taken as created on the import date",
                n(effects.created_on_import_date)
            ));
        }
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |count: u64| group_thousands(u128::from(count));
        let verb = match self.outcome {
            Outcome::Written => "Imported",
            Outcome::DryRun => "Dry run of",
            Outcome::NothingWritten => "Checked",
        };
        writeln!(f, "{verb} {} from {}", self.kind, self.file.display())?;
        for (label, count) in [
            ("rows read", self.read),
            ("created", self.created),
            ("updated", self.updated),
            ("unchanged", self.unchanged),
            ("skipped", self.skipped),
            ("conflicts", self.conflicting),
            ("rejected", self.rejected),
        ] {
            writeln!(f, "  {label:<10}{:>12}", n(count))?;
        }
        if !self.created_by_name.is_empty() {
            let list: Vec<String> = self
                .created_by_name
                .iter()
                .map(|(what, count)| format!("{} {what}s", n(*count)))
                .collect();
            writeln!(f, "  created by name: {}", list.join(", "))?;
        }
        if !self.ignored_columns.is_empty() {
            writeln!(f, "  ignored columns: {}", self.ignored_columns.join(", "))?;
        }
        if self.customers_dated > 0 {
            writeln!(
                f,
                "  note: {} customers without a creation date of their own are dated by their earliest deal or activity",
                n(self.customers_dated)
            )?;
        }
        for note in &self.notes {
            writeln!(f, "  note: {note}")?;
        }
        if !self.conflicts.is_empty() {
            writeln!(
                f,
                "Kept the desk's edits made since the last import (pass --overwrite to take the file's):"
            )?;
            let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "(empty)".into());
            for c in &self.conflicts {
                writeln!(
                    f,
                    "  line {}, {}: kept {}, file has {}",
                    c.line,
                    c.field,
                    shown(&c.desk),
                    shown(&c.file)
                )?;
            }
        }
        if !self.rejections.is_empty() {
            writeln!(f, "Rejected rows:")?;
            for rejection in &self.rejections {
                writeln!(f, "  {rejection}")?;
            }
            let unlisted = self.rejected - self.rejections.len() as u64;
            if unlisted > 0 {
                writeln!(f, "  … and {} more rejected rows", n(unlisted))?;
            }
        }
        match self.outcome {
            Outcome::Written => Ok(()),
            Outcome::DryRun => writeln!(f, "Dry run: nothing was written."),
            Outcome::NothingWritten => writeln!(
                f,
                "Nothing was written: {} rows were rejected. Fix them, or pass --skip-bad to import the good rows only.",
                n(self.rejected)
            ),
        }
    }
}
