//! Reading an import file row by row: UTF-8 with or without a BOM, any line ending, quoted
//! fields, a chosen delimiter or runs of whitespace. Rows are streamed, never all in memory.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use super::ImportError;

/// How the cells of a row are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// One ASCII character, such as `,` `;` `|` or tab; fields may be quoted.
    Char(u8),
    /// One or more spaces or tabs; nothing is quoted (fixed-width logs).
    Whitespace,
}

impl Delimiter {
    /// Reads the mapping's spelling: a single character, `tab`, or `whitespace`.
    pub fn parse(text: &str) -> Result<Delimiter, String> {
        match text {
            "tab" | "\\t" => Ok(Delimiter::Char(b'\t')),
            "whitespace" | "space" | "spaces" => Ok(Delimiter::Whitespace),
            t if t.len() == 1 && t.is_ascii() && t != "\"" && t != "\n" => {
                Ok(Delimiter::Char(t.as_bytes()[0]))
            }
            _ => Err(format!(
                "'{text}' is not a delimiter (one character such as \",\" or \";\", \"tab\", or \"whitespace\")"
            )),
        }
    }
}

/// One data row: its line number in the file, and its cells or why they cannot be read.
pub struct RawRow {
    /// 1-based line where the row starts.
    pub line: u64,
    /// The trimmed cells, or the reason the row is unreadable.
    pub cells: Result<Vec<String>, String>,
}

/// An open import file positioned after its header.
pub struct Source {
    /// The column names, from the file's first row or from the mapping.
    pub header: Vec<String>,
    /// Size of the file in bytes, for progress.
    pub total_bytes: u64,
    rows: Rows,
}

enum Rows {
    Csv {
        reader: csv::Reader<LineEnds<BufReader<File>>>,
        record: csv::ByteRecord,
    },
    Whitespace {
        reader: BufReader<File>,
        line: u64,
        buffer: Vec<u8>,
    },
}

/// How many bytes are checked up front to tell text from binary.
const SNIFF_BYTES: usize = 8 * 1024;
const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Source {
    /// Opens `path`, refusing empty and binary files, and reads the header unless `names` gives it.
    pub fn open(
        path: &Path,
        delimiter: Delimiter,
        names: Option<&[String]>,
    ) -> Result<Source, ImportError> {
        let read_error = |e: std::io::Error| ImportError::Read {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
        let file = File::open(path).map_err(read_error)?;
        let total_bytes = file.metadata().map_err(read_error)?.len();
        let mut reader = BufReader::with_capacity(256 * 1024, file);
        let sniff = sniff(&mut reader, path)?;
        let bom = sniff.starts_with(BOM);
        if bom {
            reader.consume(BOM.len());
        }
        let rows = match delimiter {
            Delimiter::Char(byte) => Rows::Csv {
                reader: csv::ReaderBuilder::new()
                    .delimiter(byte)
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(LineEnds::new(reader)),
                record: csv::ByteRecord::new(),
            },
            Delimiter::Whitespace => Rows::Whitespace {
                reader,
                line: 0,
                buffer: Vec::new(),
            },
        };
        let mut source = Source {
            header: Vec::new(),
            total_bytes,
            rows,
        };
        source.header = match names {
            Some(names) => names.to_vec(),
            None => {
                let row = source.next_row(path)?.ok_or_else(|| empty(path))?;
                row.cells.map_err(|reason| ImportError::NotText {
                    path: path.to_path_buf(),
                    reason: format!("its header {reason}"),
                })?
            }
        };
        if source.header.iter().all(String::is_empty) {
            return Err(empty(path));
        }
        Ok(source)
    }

    /// The next data row, or `None` at the end of the file.
    pub fn next_row(&mut self, path: &Path) -> Result<Option<RawRow>, ImportError> {
        match &mut self.rows {
            Rows::Csv { reader, record } => {
                let more = reader
                    .read_byte_record(record)
                    .map_err(|e| ImportError::Read {
                        path: path.to_path_buf(),
                        reason: e.to_string(),
                    })?;
                if !more {
                    return Ok(None);
                }
                let start = record.position().map_or(0, csv::Position::byte);
                let line = reader.get_mut().line_at(start);
                let cells = record.iter().map(cell_text).collect();
                Ok(Some(RawRow { line, cells }))
            }
            Rows::Whitespace {
                reader,
                line,
                buffer,
            } => loop {
                buffer.clear();
                let read = reader
                    .read_until(b'\n', buffer)
                    .map_err(|e| ImportError::Read {
                        path: path.to_path_buf(),
                        reason: e.to_string(),
                    })?;
                if read == 0 {
                    return Ok(None);
                }
                *line += 1;
                let cells = match std::str::from_utf8(buffer) {
                    Ok(text) if text.trim().is_empty() => continue,
                    Ok(text) => Ok(text.split_whitespace().map(str::to_string).collect()),
                    Err(_) => Err("is not UTF-8 text".to_string()),
                };
                return Ok(Some(RawRow { line: *line, cells }));
            },
        }
    }

    /// Bytes read so far, for a progress bar.
    pub fn bytes_read(&self) -> u64 {
        match &self.rows {
            Rows::Csv { reader, .. } => reader.position().byte(),
            Rows::Whitespace { .. } => 0,
        }
    }
}

/// Counts lines under the CSV reader, which miscounts them after CRLF endings and blank lines.
///
/// It notes where each line-ending byte is while the reader reads ahead, and turns the byte
/// offset of a record's start into its line; only the read-ahead is kept, so memory stays flat.
struct LineEnds<R> {
    inner: R,
    offset: u64,
    ends: std::collections::VecDeque<(u64, u8)>,
    lines_before: u64,
}

impl<R: std::io::Read> LineEnds<R> {
    fn new(inner: R) -> Self {
        LineEnds {
            inner,
            offset: 0,
            ends: std::collections::VecDeque::new(),
            lines_before: 0,
        }
    }

    /// The 1-based line of the record whose bytes start at `start` (which may point at the
    /// line endings left before it).
    fn line_at(&mut self, start: u64) -> u64 {
        let mut expected = start;
        while let Some(&(offset, byte)) = self.ends.front() {
            let before = offset < start;
            let leading = offset == expected;
            if !before && !leading {
                break;
            }
            if leading {
                expected += 1;
            }
            if byte == b'\n' {
                self.lines_before += 1;
            }
            self.ends.pop_front();
        }
        self.lines_before + 1
    }
}

impl<R: std::io::Read> std::io::Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for i in memchr::memchr2_iter(b'\n', b'\r', &buf[..n]) {
            self.ends.push_back((self.offset + i as u64, buf[i]));
        }
        self.offset += n as u64;
        Ok(n)
    }
}

fn cell_text(bytes: &[u8]) -> Result<String, String> {
    std::str::from_utf8(bytes)
        .map(|s| s.trim().to_string())
        .map_err(|_| "is not UTF-8 text".to_string())
}

fn empty(path: &Path) -> ImportError {
    ImportError::Empty(path.to_path_buf())
}

/// Looks at the start of the file: empty, binary or text.
fn sniff<'a>(reader: &'a mut BufReader<File>, path: &Path) -> Result<&'a [u8], ImportError> {
    let path_buf = || PathBuf::from(path);
    let head = reader.fill_buf().map_err(|e| ImportError::Read {
        path: path_buf(),
        reason: e.to_string(),
    })?;
    let head = &head[..head.len().min(SNIFF_BYTES)];
    let body = head.strip_prefix(BOM).unwrap_or(head);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty(path_buf()));
    }
    if body.contains(&0) {
        return Err(ImportError::NotText {
            path: path_buf(),
            reason: "it holds binary data".to_string(),
        });
    }
    if let Err(e) = std::str::from_utf8(body) {
        // A multi-byte character cut by the sniff window is fine; anything else is not UTF-8.
        if e.error_len().is_some() {
            return Err(ImportError::NotText {
                path: path_buf(),
                reason: "it is not UTF-8 text".to_string(),
            });
        }
    }
    Ok(head)
}

/// Reads a whole small file for tests of the reader.
#[cfg(test)]
fn rows_of(bytes: &[u8], delimiter: Delimiter) -> Result<(Vec<String>, Vec<RawRow>), ImportError> {
    let dir = tempfile::tempdir().map_err(|e| ImportError::Read {
        path: PathBuf::new(),
        reason: e.to_string(),
    })?;
    let path = dir.path().join("in.csv");
    std::fs::write(&path, bytes).map_err(|e| ImportError::Read {
        path: path.clone(),
        reason: e.to_string(),
    })?;
    let mut source = Source::open(&path, delimiter, None)?;
    let mut rows = Vec::new();
    while let Some(row) = source.next_row(&path)? {
        rows.push(row);
    }
    Ok((source.header, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(row: &RawRow) -> Vec<String> {
        row.cells.clone().unwrap_or_default()
    }

    #[test]
    fn bom_crlf_semicolons_and_quoted_newlines() {
        let file = b"\xEF\xBB\xBFname;notes\r\nAcme;\"two\r\nlines; quoted\"\r\n\"Bo \"\"B\"\"\";x\r\n\r\nlast;\r\n";
        let (header, rows) = rows_of(file, Delimiter::Char(b';')).unwrap();
        assert_eq!(header, ["name", "notes"]);
        assert_eq!(cells(&rows[0]), ["Acme", "two\r\nlines; quoted"]);
        assert_eq!(cells(&rows[1]), ["Bo \"B\"", "x"]);
        assert_eq!((rows[0].line, rows[1].line, rows[2].line), (2, 4, 6));
    }

    #[test]
    fn whitespace_delimited_log_keeps_line_numbers() {
        let file = b"id date qty amount\n00001 19970101 1  11.77\n\n00002\t19970112 1 12.00\n";
        let (header, rows) = rows_of(file, Delimiter::Whitespace).unwrap();
        assert_eq!(header, ["id", "date", "qty", "amount"]);
        assert_eq!(cells(&rows[1]), ["00002", "19970112", "1", "12.00"]);
        assert_eq!(rows[1].line, 4);
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        assert!(matches!(
            rows_of(b"", Delimiter::Char(b',')),
            Err(ImportError::Empty(_))
        ));
        assert!(matches!(
            rows_of(b"\xEF\xBB\xBF \r\n", Delimiter::Char(b',')),
            Err(ImportError::Empty(_))
        ));
        assert!(matches!(
            rows_of(b"PK\x03\x04\x00\x00binary", Delimiter::Char(b',')),
            Err(ImportError::NotText { .. })
        ));
        assert!(matches!(
            rows_of(b"name\n\xff\xfe\xfd\n", Delimiter::Char(b',')),
            Err(ImportError::NotText { .. })
        ));
    }

    #[test]
    fn a_row_that_is_not_utf8_is_reported_not_fatal() {
        let mut file = b"name\nok\n".to_vec();
        file.extend(std::iter::repeat_n(b'a', SNIFF_BYTES));
        file.extend(b"\nbad \xff\n");
        let (_, rows) = rows_of(&file, Delimiter::Char(b',')).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[2].cells, Err("is not UTF-8 text".to_string()));
    }

    #[test]
    fn delimiters_are_spelled_plainly() {
        assert_eq!(Delimiter::parse(","), Ok(Delimiter::Char(b',')));
        assert_eq!(Delimiter::parse("tab"), Ok(Delimiter::Char(b'\t')));
        assert_eq!(Delimiter::parse("whitespace"), Ok(Delimiter::Whitespace));
        assert!(Delimiter::parse(";;").is_err());
    }
}
