//! Running one import: read, check, write, and report, inside a single transaction.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, TransactionBehavior};

use super::bound::BoundMapping;
use super::mapping::Mapping;
use super::parse::each_row;
use super::records::updated_columns;
use super::report::{ImportReport, Outcome};
use super::source::Source;
use super::{ImportError, OnConflict};
use crate::db::import::{
    ImportRecord, ImportWriter, RowFailure, WriterSettings, date_customers, defer_deal_indexes,
    rebuild_indexes,
};
use crate::domain::RecordKind;

/// How an import treats conflicts, bad rows and writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportOptions {
    /// What a row matching an existing record does.
    pub on_conflict: OnConflict,
    /// Check everything, write nothing.
    pub dry_run: bool,
    /// Write the good rows even when some are rejected.
    pub skip_bad: bool,
    /// Today, for records that need a date the file does not give.
    pub as_of: NaiveDate,
    /// With `--on-conflict update`: take the file's value even for fields changed in the desk
    /// since the last import (otherwise those are kept and listed as conflicts).
    pub overwrite: bool,
}

/// How far an import has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Data rows read so far.
    pub rows: u64,
    /// Bytes of the file read so far.
    pub bytes: u64,
    /// Size of the file.
    pub total_bytes: u64,
}

/// Rows between two progress reports.
const PROGRESS_EVERY: u64 = 8_192;

/// Imports `file` through `mapping` into the database behind `conn`.
///
/// Returns the report whether or not the rows were written (see [`ImportReport::outcome`]);
/// an error means the import could not run and nothing was written.
pub fn import_file(
    conn: &mut Connection,
    file: &Path,
    mapping: &Mapping,
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport, ImportError> {
    let mut source = Source::open(
        file,
        mapping.delimiter,
        mapping.header.as_deref(),
        mapping.encoding,
    )?;
    let mut bound = mapping.bind(&source.header, file)?;
    if mapping.kind == RecordKind::Deals && !options.dry_run {
        let at = chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
        let stages = mapping
            .stages
            .prepare(conn, options.as_of, (&at, &actor()))
            .map_err(|e| ImportError::Stages(e.to_string()))?;
        bind_stages(&mut bound, stages)?;
    }
    let cache: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    let foreign_keys: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
    if mapping.kind == RecordKind::Deals {
        // Every reference of a deal (customer, rep, product) is looked up, by id or by name,
        // before its row is written, and a missing one rejects the row; the stage change
        // points at the deal just written. SQLite's own checks would find nothing more, and
        // cost three look-ups per deal.
        conn.pragma_update(None, "foreign_keys", false)?;
    }
    let result = import_rows(conn, file, &mut source, &mut bound, options, progress);
    conn.pragma_update(None, "cache_size", cache)?;
    conn.pragma_update(None, "foreign_keys", foreign_keys)?;
    result
}

/// Gives a deals mapping the book's stages and the pipeline its rows go to, and finds the stage
/// its `created_in` names.
fn bind_stages(
    bound: &mut BoundMapping,
    (stages, pipeline_id): (crate::domain::Pipelines, i64),
) -> Result<(), ImportError> {
    (bound.stages, bound.pipeline_id) = (stages, pipeline_id);
    if let Some(name) = &bound.mapping.stages.created_in {
        let stage = bound
            .stages
            .stage_named(bound.pipeline_id, name)
            .filter(|s| !s.is_closed());
        bound.created_in = Some(stage.ok_or_else(|| {
            ImportError::Stages(format!(
                "created_in: '{name}' is not a stage of the pipeline ({})",
                bound.stages.names_of(bound.pipeline_id)
            ))
        })?);
    }
    Ok(())
}

/// Page cache while importing, in KiB (negative in the pragma): big enough that index pages of
/// a million-deal table stay in memory, and still a fixed bound.
const IMPORT_CACHE_KIB: i64 = -64 * 1024;

fn import_rows(
    conn: &mut Connection,
    file: &Path,
    source: &mut Source,
    bound: &mut BoundMapping,
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport, ImportError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if bound.mapping.kind == RecordKind::Deals && options.dry_run {
        let stages = bound
            .mapping
            .stages
            .preview(&tx)
            .map_err(|e| ImportError::Stages(e.to_string()))?;
        bind_stages(bound, stages)?;
    }
    let bound = &*bound;
    let mapping = &bound.mapping;
    let mut report = ImportReport::new(file.to_path_buf(), mapping.kind);
    report.ignored_columns = bound.ignored.clone();
    let deferred = match mapping.kind {
        RecordKind::Deals => defer_deal_indexes(&tx, source.total_bytes)?,
        _ => Vec::new(),
    };
    let record = ImportRecord::begin(
        &tx,
        &file.display().to_string(),
        mapping.kind.name(),
        &chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
        &actor(),
    )?;
    let mut writer = ImportWriter::new(
        &tx,
        WriterSettings {
            kind: mapping.kind,
            key: mapping.key,
            on_conflict: options.on_conflict,
            create: mapping.create_missing.clone(),
            fallback: mapping.amount_fallback,
            update_columns: updated_columns(bound),
            as_of: options.as_of,
            overwrite: options.overwrite,
            record,
        },
    )?;
    let total_bytes = source.total_bytes;
    each_row(source, file, bound, options.as_of, |checked| {
        report.read += 1;
        if report.read.is_multiple_of(PROGRESS_EVERY) {
            progress(Progress {
                rows: report.read,
                bytes: checked.bytes,
                total_bytes,
            });
        }
        let pending = match checked.row {
            Ok(pending) => pending,
            Err(rejection) => {
                report.reject(rejection);
                return Ok(());
            }
        };
        match writer.write(pending) {
            Ok((outcome, conflicts)) => report.count(outcome, conflicts),
            Err(RowFailure::Rejected(rejection)) => report.reject(rejection),
            Err(RowFailure::Fatal(e)) => return Err(e.into()),
        }
        Ok(())
    })?;
    if report.read == 0 {
        return Err(ImportError::NoRows(file.to_path_buf()));
    }
    progress(Progress {
        rows: report.read,
        bytes: source.total_bytes,
        total_bytes: source.total_bytes,
    });
    report.add_effects(writer.effects());
    let record = writer.record().clone();
    drop(writer);
    rebuild_indexes(&tx, &deferred)?;
    report.customers_dated = date_customers(&tx, &record)?;
    record.finish(&tx, &report.summary())?;
    report.outcome = if options.dry_run {
        Outcome::DryRun
    } else if report.rejected > 0 && !options.skip_bad {
        Outcome::NothingWritten
    } else {
        tx.commit()?;
        return Ok(ImportReport {
            outcome: Outcome::Written,
            ..report
        });
    };
    tx.rollback()?;
    Ok(report)
}

/// Who imports: the login name, for the history.
fn actor() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "salesdesk".to_string())
}
