//! Reading an import file row by row: UTF-8 with or without a BOM (or another encoding, see
//! [`super::encoding`]), any line ending, quoted fields, a chosen delimiter or runs of
//! whitespace. Rows are streamed, never all in memory.

use std::fs::File;
use std::io::{BufRead, BufReader, Read as _};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::ImportError;
use super::encoding::{Decoded, TextEncoding, is_utf16, open_decoded};
use super::line_ends::LineEnds;

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
    /// Bytes of the file read so far.
    read: Arc<AtomicU64>,
    rows: Rows,
}

enum Rows {
    Csv {
        reader: csv::Reader<LineEnds<BufReader<Decoded>>>,
        record: csv::ByteRecord,
    },
    Whitespace {
        reader: BufReader<Decoded>,
        line: u64,
        buffer: Vec<u8>,
    },
}

/// How many bytes are checked up front to tell text from binary.
const SNIFF_BYTES: usize = 8 * 1024;
const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Source {
    /// Opens `path` read through `encoding`, refusing empty and binary files, and reads the
    /// header unless `names` gives it; a column named twice in the header is refused.
    pub fn open(
        path: &Path,
        delimiter: Delimiter,
        names: Option<&[String]>,
        encoding: TextEncoding,
    ) -> Result<Source, ImportError> {
        let read_error = |e: std::io::Error| ImportError::Read {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
        let mut file = File::open(path).map_err(read_error)?;
        let total_bytes = file.metadata().map_err(read_error)?.len();
        let mut head = Vec::with_capacity(SNIFF_BYTES);
        (&mut file)
            .take(SNIFF_BYTES as u64)
            .read_to_end(&mut head)
            .map_err(read_error)?;
        sniff(&head, is_utf16(path, encoding).map_err(read_error)?, path)?;
        let (decoded, read) = open_decoded(path, encoding)?;
        let reader = BufReader::with_capacity(256 * 1024, decoded);
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
            read,
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
        refuse_repeated_columns(&source.header, path)?;
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

    /// Bytes of the file read so far (read ahead of the rows by at most a buffer), for a
    /// progress bar.
    pub fn bytes_read(&self) -> u64 {
        self.read.load(Ordering::Relaxed)
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

/// A non-empty column name that appears twice is refused, naming it and both places.
fn refuse_repeated_columns(header: &[String], path: &Path) -> Result<(), ImportError> {
    let mut seen = std::collections::HashMap::new();
    for (index, name) in header.iter().enumerate().filter(|(_, n)| !n.is_empty()) {
        if let Some(first) = seen.insert(name.as_str(), index) {
            return Err(ImportError::RepeatedColumn {
                path: path.to_path_buf(),
                column: name.clone(),
                first: first + 1,
                second: index + 1,
            });
        }
    }
    Ok(())
}

/// Looks at the start of the file as stored: empty, or binary (zero bytes, which UTF-16 text
/// has and other text does not).
fn sniff(head: &[u8], utf16: bool, path: &Path) -> Result<(), ImportError> {
    let body = head.strip_prefix(BOM).unwrap_or(head);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty(path.to_path_buf()));
    }
    if !utf16 && body.contains(&0) {
        return Err(ImportError::NotText {
            path: path.to_path_buf(),
            reason: "it holds binary data: zero bytes; if it is UTF-16 text, try --encoding utf-16"
                .to_string(),
        });
    }
    Ok(())
}

/// Reads a whole small file in `encoding` for tests of the reader: the header, the rows and
/// the bytes the reader counted.
#[cfg(test)]
fn read_whole(
    bytes: &[u8],
    delimiter: Delimiter,
    encoding: TextEncoding,
) -> Result<(Vec<String>, Vec<RawRow>, u64), ImportError> {
    let dir = tempfile::tempdir().map_err(|e| ImportError::Read {
        path: std::path::PathBuf::new(),
        reason: e.to_string(),
    })?;
    let path = dir.path().join("in.csv");
    std::fs::write(&path, bytes).map_err(|e| ImportError::Read {
        path: path.clone(),
        reason: e.to_string(),
    })?;
    let mut source = Source::open(&path, delimiter, None, encoding)?;
    let mut rows = Vec::new();
    while let Some(row) = source.next_row(&path)? {
        rows.push(row);
    }
    let read = source.bytes_read();
    Ok((source.header, rows, read))
}

/// Reads a whole small UTF-8 file for tests of the reader.
#[cfg(test)]
fn rows_of(bytes: &[u8], delimiter: Delimiter) -> Result<(Vec<String>, Vec<RawRow>), ImportError> {
    read_whole(bytes, delimiter, TextEncoding::Utf8).map(|(header, rows, _)| (header, rows))
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
            Err(ImportError::NotUtf8 { line: 2, .. })
        ));
    }

    #[test]
    fn a_file_that_is_not_utf8_is_refused_naming_its_first_bad_line() {
        let mut file = b"name\nok\n".to_vec();
        file.extend(std::iter::repeat_n(b'a', SNIFF_BYTES));
        file.extend(b"\nbad \xff\n");
        match rows_of(&file, Delimiter::Char(b',')) {
            Err(refused @ ImportError::NotUtf8 { line: 4, .. }) => {
                assert!(refused.to_string().contains("--encoding windows-1252"));
            }
            Err(other) => panic!("refused for another reason: {other}"),
            Ok(_) => panic!("a file that is not UTF-8 was read"),
        }
    }

    fn names_in(bytes: &[u8], encoding: TextEncoding) -> Result<Vec<String>, ImportError> {
        let (mut names, rows, read) = read_whole(bytes, Delimiter::Char(b','), encoding)?;
        for row in rows {
            names.extend(row.cells.unwrap_or_default());
        }
        assert_eq!(read, bytes.len() as u64);
        Ok(names)
    }

    #[test]
    fn spreadsheet_encodings_are_read_when_asked_or_detected() {
        let cp1252 = b"name\nCaf\xe9 M\xfcller \x80\n";
        let read = names_in(cp1252, TextEncoding::Windows1252).unwrap_or_default();
        assert_eq!(read, ["name", "Café Müller €"]);
        assert_eq!(
            names_in(cp1252, TextEncoding::Latin1).unwrap_or_default(),
            read
        );
        assert_eq!(
            names_in(cp1252, TextEncoding::Auto).unwrap_or_default(),
            read
        );
        let utf8 = "name\nCafé 東京\n".as_bytes();
        assert_eq!(
            names_in(utf8, TextEncoding::Auto).unwrap_or_default(),
            ["name", "Café 東京"]
        );
        let text = "name\r\nCafé 東京\r\n";
        let mut le: Vec<u8> = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be: Vec<u8> = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        for (bytes, encoding) in [
            (&le, TextEncoding::Auto),
            (&be, TextEncoding::Utf8),
            (&bare, TextEncoding::Utf16),
        ] {
            assert_eq!(
                names_in(bytes, encoding).unwrap_or_default(),
                ["name", "Café 東京"],
                "{encoding:?}"
            );
        }
    }

    #[test]
    fn a_column_named_twice_is_refused_with_its_name() {
        match rows_of(b"id,name,email,name\n1,a,b,c\n", Delimiter::Char(b',')) {
            Err(refused @ ImportError::RepeatedColumn { .. }) => assert!(
                refused
                    .to_string()
                    .contains("has the column 'name' twice in its header (columns 2 and 4)"),
                "{refused}"
            ),
            Err(other) => panic!("refused for another reason: {other}"),
            Ok(_) => panic!("a repeated column was accepted"),
        }
        assert!(rows_of(b"a,,b,\n1,,2,\n", Delimiter::Char(b',')).is_ok());
    }

    #[test]
    fn delimiters_are_spelled_plainly() {
        assert_eq!(Delimiter::parse(","), Ok(Delimiter::Char(b',')));
        assert_eq!(Delimiter::parse("tab"), Ok(Delimiter::Char(b'\t')));
        assert_eq!(Delimiter::parse("whitespace"), Ok(Delimiter::Whitespace));
        assert!(Delimiter::parse(";;").is_err());
    }
}
