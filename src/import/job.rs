//! `:import` from the desk: the same import as the command line, run by the worker thread.

use std::path::PathBuf;

use rusqlite::Connection;

use super::{
    ImportOptions, ImportReport, Mapping, Progress, RecordKind, TextEncoding, import_file,
};

/// Where the import's mapping comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingSource {
    /// A mapping file.
    File(PathBuf),
    /// The built-in mapping of a kind (the columns `salesdesk export` writes).
    Default(RecordKind),
}

/// One import asked for from the desk.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportJob {
    /// The file to import.
    pub file: PathBuf,
    /// Its mapping.
    pub mapping: MappingSource,
    /// Conflicts, bad rows, dry run, today.
    pub options: ImportOptions,
    /// The file's encoding when `--encoding` gave one, instead of the mapping's.
    pub encoding: Option<TextEncoding>,
}

impl ImportJob {
    /// Runs the import on `conn`, reporting progress; errors are worded for the status line.
    pub fn run(
        &self,
        conn: &mut Connection,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport, String> {
        let mut mapping = match &self.mapping {
            MappingSource::File(path) => Mapping::load(path).map_err(|e| e.to_string())?,
            MappingSource::Default(kind) => Mapping::default_for(*kind),
        };
        if let Some(encoding) = self.encoding {
            mapping.encoding = encoding;
        }
        import_file(conn, &self.file, &mapping, &self.options, progress).map_err(|e| e.to_string())
    }
}
