//! A CSV file that appears only when complete: rows go to a hidden temporary file in the same
//! folder (mode 0600), which replaces the target in one rename at the end. A failed export never
//! leaves half a file, and never harms the file it was to replace.

use std::fmt::Write as _;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::formula::guard;
use super::{Cells, ExportError};
use crate::db::export::Cell;
use crate::domain::hundredths;

/// A CSV file being written: UTF-8, no BOM, `\n` line endings, quotes only where needed.
pub struct CsvFile {
    path: PathBuf,
    cells: Cells,
    writer: csv::Writer<BufWriter<NamedTempFile>>,
    scratch: String,
}

impl CsvFile {
    /// Starts the file that will become `path`, writing `header` as its first row; text cells
    /// are written as `cells` says.
    pub fn create<H: AsRef<[u8]>>(
        path: &Path,
        header: impl IntoIterator<Item = H>,
        cells: Cells,
    ) -> Result<CsvFile, ExportError> {
        let temp = crate::files::temp_beside(path)?;
        let writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(BufWriter::new(temp));
        let mut file = CsvFile {
            path: path.to_path_buf(),
            cells,
            writer,
            scratch: String::new(),
        };
        file.writer
            .write_record(header)
            .map_err(|e| file.write_error(e))?;
        Ok(file)
    }

    /// Appends one row of typed cells.
    pub fn write_cells(&mut self, cells: &[Cell<'_>]) -> Result<(), ExportError> {
        for cell in cells {
            self.scratch.clear();
            let text: &str = match cell {
                Cell::Empty => "",
                Cell::Text(text) => match self.cells {
                    Cells::Safe => {
                        self.scratch.push_str(&guard(text));
                        &self.scratch
                    }
                    Cells::Raw => text,
                },
                Cell::YesNo(true) => "yes",
                Cell::YesNo(false) => "no",
                Cell::Integer(n) => {
                    let _ = write!(self.scratch, "{n}");
                    &self.scratch
                }
                Cell::Money(money) => {
                    self.scratch.push_str(&money.plain());
                    &self.scratch
                }
                Cell::Percent(bp) => {
                    self.scratch.push_str(&hundredths(*bp));
                    &self.scratch
                }
            };
            if let Err(e) = self.writer.write_field(text) {
                return Err(self.write_error(e));
            }
        }
        self.end_row()
    }

    /// Appends one row of ready-made text.
    pub fn write_texts<T: AsRef<str>>(
        &mut self,
        texts: impl IntoIterator<Item = T>,
    ) -> Result<(), ExportError> {
        for text in texts {
            let text = text.as_ref();
            let written = match self.cells {
                Cells::Safe => guard(text),
                Cells::Raw => text.into(),
            };
            if let Err(e) = self.writer.write_field(written.as_ref()) {
                return Err(self.write_error(e));
            }
        }
        self.end_row()
    }

    /// Flushes the rows to disk and puts the file in place of `path`.
    pub fn finish(self) -> Result<(), ExportError> {
        let CsvFile { path, writer, .. } = self;
        let io_error = |error| ExportError::Write {
            path: path.clone(),
            error,
        };
        let buffered = writer.into_inner().map_err(|e| io_error(e.into_error()))?;
        let temp = buffered
            .into_inner()
            .map_err(|e| io_error(e.into_error()))?;
        temp.as_file().sync_all().map_err(io_error)?;
        temp.persist(&path)
            .map(drop)
            .map_err(|e| ExportError::Save {
                path: path.clone(),
                error: e.error,
            })
    }

    fn end_row(&mut self) -> Result<(), ExportError> {
        self.writer
            .write_record(None::<&[u8]>)
            .map_err(|e| self.write_error(e))
    }

    fn write_error(&self, error: csv::Error) -> ExportError {
        ExportError::Write {
            path: self.path.clone(),
            error: error.into(),
        }
    }
}
