//! The character encoding of an import file: UTF-8 by default, checked whole before a row is
//! read; Windows-1252 (what many spreadsheets write), Latin-1 and UTF-16 when asked; `auto` takes
//! a byte-order mark's word, then UTF-8 when the whole file is valid UTF-8, else Windows-1252.
//! Decoding is encoding_rs's, streamed through encoding_rs_io, so memory stays flat.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use encoding_rs_io::{DecodeReaderBytes, DecodeReaderBytesBuilder};

use super::ImportError;

/// How the bytes of an import file are read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
pub enum TextEncoding {
    /// A byte-order mark's encoding, else UTF-8 if the whole file is valid UTF-8, else
    /// Windows-1252.
    #[value(name = "auto")]
    #[serde(rename = "auto")]
    Auto,
    /// UTF-8 (with or without a BOM); a file that is not valid UTF-8 is refused, naming its line.
    #[default]
    #[value(name = "utf-8")]
    #[serde(rename = "utf-8")]
    Utf8,
    /// Windows-1252, what spreadsheets on Windows write as "ANSI" or "Western".
    #[value(name = "windows-1252")]
    #[serde(rename = "windows-1252")]
    Windows1252,
    /// ISO-8859-1, read as its superset Windows-1252 (as browsers and encoding_rs do).
    #[value(name = "latin1")]
    #[serde(rename = "latin1")]
    Latin1,
    /// UTF-16, little-endian unless a byte-order mark says big-endian.
    #[value(name = "utf-16")]
    #[serde(rename = "utf-16")]
    Utf16,
}

/// The import file as UTF-8 bytes, counting the file's own bytes for progress.
pub type Decoded = DecodeReaderBytes<Counted, Vec<u8>>;

/// A file that counts the bytes read from it.
pub struct Counted {
    file: File,
    read: Arc<AtomicU64>,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.file.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Opens `path` for reading as UTF-8 through `encoding`; returns the reader and a counter of the
/// file bytes read so far. A file that must be UTF-8 and is not is refused here, naming its first
/// bad line.
pub fn open_decoded(
    path: &Path,
    encoding: TextEncoding,
) -> Result<(Decoded, Arc<AtomicU64>), ImportError> {
    let read_error = |e: std::io::Error| ImportError::Read {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let mut file = File::open(path).map_err(read_error)?;
    let mut head = [0u8; 3];
    let head_len = read_head(&mut file, &mut head).map_err(read_error)?;
    let bom = Encoding::for_bom(&head[..head_len]).map(|(found, _)| found);
    let chosen: &'static Encoding = match (bom, encoding) {
        (Some(found), _) => found,
        (None, TextEncoding::Utf8 | TextEncoding::Auto) => UTF_8,
        (None, TextEncoding::Windows1252 | TextEncoding::Latin1) => WINDOWS_1252,
        (None, TextEncoding::Utf16) => UTF_16LE,
    };
    let chosen = if chosen == UTF_8 {
        match first_bad_utf8_line(path).map_err(read_error)? {
            None => UTF_8,
            Some(_) if bom.is_none() && encoding == TextEncoding::Auto => WINDOWS_1252,
            Some(line) => {
                return Err(ImportError::NotUtf8 {
                    path: path.to_path_buf(),
                    line,
                });
            }
        }
    } else {
        chosen
    };
    let file = File::open(path).map_err(read_error)?;
    let read = Arc::new(AtomicU64::new(0));
    let counted = Counted {
        file,
        read: Arc::clone(&read),
    };
    let decoded = DecodeReaderBytesBuilder::new()
        .encoding((chosen != UTF_8).then_some(chosen))
        .bom_override(true)
        .bom_sniffing(false)
        .utf8_passthru(true)
        .strip_bom(true)
        .build(counted);
    Ok((decoded, read))
}

/// True when the file is to be read as UTF-16, where zero bytes are text, not a sign of binary.
pub fn is_utf16(path: &Path, encoding: TextEncoding) -> std::io::Result<bool> {
    let mut head = [0u8; 3];
    let n = read_head(&mut File::open(path)?, &mut head)?;
    Ok(match Encoding::for_bom(&head[..n]) {
        Some((found, _)) => found == UTF_16LE || found == UTF_16BE,
        None => encoding == TextEncoding::Utf16,
    })
}

fn read_head(file: &mut File, head: &mut [u8; 3]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < head.len() {
        match file.read(&mut head[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// The 1-based line of the first bytes that are not UTF-8, or `None` for a valid UTF-8 file.
pub fn first_bad_utf8_line(path: &Path) -> std::io::Result<Option<u64>> {
    first_bad_utf8_line_in(File::open(path)?)
}

fn first_bad_utf8_line_in(mut reader: impl Read) -> std::io::Result<Option<u64>> {
    let mut chunk = vec![0u8; 256 * 1024];
    let mut carry: Vec<u8> = Vec::new();
    let mut line = 1u64;
    let newlines = |bytes: &[u8]| memchr::memchr_iter(b'\n', bytes).count() as u64;
    loop {
        let n = reader.read(&mut chunk)?;
        if n == 0 {
            return Ok((!carry.is_empty()).then_some(line));
        }
        let mut data = std::mem::take(&mut carry);
        data.extend_from_slice(&chunk[..n]);
        match std::str::from_utf8(&data) {
            Ok(_) => line += newlines(&data),
            Err(e) => {
                let good = e.valid_up_to();
                line += newlines(&data[..good]);
                if e.error_len().is_some() {
                    return Ok(Some(line));
                }
                carry = data[good..].to_vec();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_bad_line_is_found_across_chunks() {
        let line = |bytes: &[u8]| first_bad_utf8_line_in(bytes).unwrap_or_default();
        assert_eq!(line(b"name\nCaf\xc3\xa9\n"), None);
        assert_eq!(line(b"name\nok\nCaf\xe9\n"), Some(3));
        assert_eq!(line(b"name\n\xc3"), Some(2), "a cut character at the end");
        let mut long = b"a\n".repeat(200_000);
        long.extend("é".as_bytes());
        long.extend(b"\nx\xff\n");
        assert_eq!(line(&long), Some(200_002));
    }
}
