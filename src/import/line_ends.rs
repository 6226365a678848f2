//! Line numbers under the CSV reader, which counts records, not the lines of the file.

/// Counts lines under the CSV reader, which miscounts them after CRLF endings and blank lines.
///
/// It notes where each line-ending byte is while the reader reads ahead, and turns the byte
/// offset of a record's start into its line; only the read-ahead is kept, so memory stays flat.
pub struct LineEnds<R> {
    inner: R,
    offset: u64,
    ends: std::collections::VecDeque<(u64, u8)>,
    lines_before: u64,
}

impl<R: std::io::Read> LineEnds<R> {
    /// Counts the lines of `inner` as it is read.
    pub fn new(inner: R) -> Self {
        LineEnds {
            inner,
            offset: 0,
            ends: std::collections::VecDeque::new(),
            lines_before: 0,
        }
    }

    /// The 1-based line of the record whose bytes start at `start` (which may point at the
    /// line endings left before it).
    pub fn line_at(&mut self, start: u64) -> u64 {
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
