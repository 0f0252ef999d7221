//! Turning the bytes Excel or WPS saved into a UTF-8 stream, and finding the delimiter
//! (DOMAIN.md §7). A BOM decides; without one, UTF-8 when the WHOLE file is valid UTF-8 (a
//! GBK file can start with a megabyte of ASCII), else GB18030, a superset of GBK. `--encoding`
//! overrides the guess. Bytes that do not decode become U+FFFD, which row checking refuses.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};
use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};
use encoding_rs_io::DecodeReaderBytesBuilder;

/// What the user asked for with `--encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingChoice {
    Auto,
    Utf8,
    Gb18030,
    Utf16,
}

/// An opened file: a UTF-8 stream (not yet validated when the file claims UTF-8), the
/// encoding it was read as, and the delimiter of its header line.
pub struct Decoded {
    pub reader: Box<dyn Read + Send>,
    /// The line breaks of `reader`, for the line each record starts on.
    pub lines: Arc<Mutex<Lines>>,
    pub encoding: &'static Encoding,
    pub bom: bool,
    pub delimiter: u8,
    /// Size of the file in bytes, for the progress bar.
    pub size: u64,
}

impl Decoded {
    /// The encoding as a clerk would name it: "UTF-8", "UTF-8 with BOM", "GB18030", "UTF-16LE".
    pub fn encoding_label(&self) -> String {
        let name = self.encoding.name().to_ascii_uppercase();
        if self.bom && self.encoding == UTF_8 { format!("{name} with BOM") } else { name }
    }
}

/// Where the line breaks of the decoded text are, so a record's line can be told as the file
/// shows it. The csv crate's own record positions are off after a CRLF (Excel's line ending:
/// BurntSushi/rust-csv#395) and after blank lines, so lines are counted here.
#[derive(Debug, Default)]
pub struct Lines {
    /// Offsets of the '\n' bytes handed to the parser and not yet behind a record.
    pending: VecDeque<u64>,
    /// Line breaks before the last record's end.
    passed: u64,
    read: u64,
}

impl Lines {
    /// The line a record starts on, given the offset just past it (the parser's position after
    /// reading it: past its terminator's first byte) and the line breaks inside its fields.
    /// Every '\n' before the record's last byte is a line before it or inside it.
    pub fn record_start(&mut self, end: u64, inside: u64) -> u64 {
        while self.pending.front().is_some_and(|&at| at + 1 < end) {
            self.pending.pop_front();
            self.passed += 1;
        }
        (1 + self.passed).saturating_sub(inside)
    }
}

/// Notes the line breaks of the text the parser reads.
struct CountLines<R> {
    inner: R,
    lines: Arc<Mutex<Lines>>,
}

impl<R: Read> Read for CountLines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut lines = self.lines.lock().map_err(|_| io::Error::other("line counter poisoned"))?;
        let start = lines.read;
        lines.pending.extend(buf[..n].iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| start + i as u64));
        lines.read += n as u64;
        Ok(n)
    }
}

/// Counts the raw bytes read, for the progress bar (read from another thread).
struct Counting<R> {
    inner: R,
    done: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.done.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

fn bom_of(head: &[u8]) -> Option<(&'static Encoding, usize)> {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some((UTF_8, 3))
    } else if head.starts_with(&[0xFF, 0xFE]) {
        Some((UTF_16LE, 2))
    } else if head.starts_with(&[0xFE, 0xFF]) {
        Some((UTF_16BE, 2))
    } else {
        None
    }
}

/// Reads up to `buf.len()` bytes, fewer only at the end of the file.
fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Whether everything `r` yields is valid UTF-8; stops at the first byte that is not.
pub fn is_utf8(r: &mut impl Read) -> io::Result<bool> {
    let mut buf = vec![0u8; 1 << 20];
    let mut carry = 0; // bytes of a sequence cut by the end of the previous chunk
    loop {
        let n = read_up_to(r, &mut buf[carry..])?;
        let end = carry + n;
        if n == 0 {
            return Ok(carry == 0);
        }
        match std::str::from_utf8(&buf[..end]) {
            Ok(_) => carry = 0,
            Err(e) if e.error_len().is_none() => {
                let valid = e.valid_up_to();
                buf.copy_within(valid..end, 0);
                carry = end - valid;
            }
            Err(_) => return Ok(false),
        }
    }
}

/// The clerk's likeliest slip is to import the workbook itself: say so, rather than show its
/// bytes as column names. `text_may_hold_nul` is set for UTF-16, whose ASCII has zero bytes.
fn not_a_workbook(path: &Path, head: &[u8], text_may_hold_nul: bool) -> Result<()> {
    let name = path.display();
    if head.starts_with(b"PK\x03\x04") {
        anyhow::bail!(
            "{name} is an Excel workbook (.xlsx), not a CSV file; in Excel or WPS use Save As and choose CSV"
        );
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        anyhow::bail!(
            "{name} is an old Excel workbook (.xls), not a CSV file; in Excel or WPS use Save As and choose CSV"
        );
    }
    if !text_may_hold_nul && head.contains(&0) {
        anyhow::bail!("{name} is not a text file (it holds zero bytes); save the sheet as CSV and import that");
    }
    Ok(())
}

/// Opens `path` and decides its encoding and delimiter. `done` counts the raw bytes read.
pub fn open(path: &Path, choice: EncodingChoice, done: Arc<AtomicU64>) -> Result<Decoded> {
    let cannot = || format!("cannot read {}", path.display());
    let mut file = File::open(path).with_context(cannot)?;
    let size = file.metadata().with_context(cannot)?.len();
    let mut head = [0u8; 4096];
    let got = read_up_to(&mut file, &mut head).with_context(cannot)?;
    let head = &head[..got];
    let bom = bom_of(head);
    not_a_workbook(path, head, bom.is_some() || choice == EncodingChoice::Utf16)?;
    let head = &head[..got.min(3)];
    let (encoding, skip) = match (choice, bom) {
        (EncodingChoice::Auto, Some(found)) => found,
        (EncodingChoice::Auto, None) => {
            file.seek(SeekFrom::Start(0)).with_context(cannot)?;
            let utf8 = is_utf8(&mut BufReader::new(&mut file)).with_context(cannot)?;
            (if utf8 { UTF_8 } else { GB18030 }, 0)
        }
        (EncodingChoice::Utf8, Some((e, n))) if e == UTF_8 => (e, n),
        (EncodingChoice::Utf8, _) => (UTF_8, 0),
        (EncodingChoice::Gb18030, _) => (GB18030, 0),
        (EncodingChoice::Utf16, Some((e, n))) if e != UTF_8 => (e, n),
        // No BOM: a header of ASCII names starts with a zero byte in big-endian only.
        (EncodingChoice::Utf16, _) => (if head.first() == Some(&0) { UTF_16BE } else { UTF_16LE }, 0),
    };
    file.seek(SeekFrom::Start(skip as u64)).with_context(cannot)?;
    done.store(skip as u64, Ordering::Relaxed);
    let raw = Counting { inner: file, done };
    let stream: Box<dyn Read + Send> = if encoding == UTF_8 {
        // Passed through untouched; each field is checked as UTF-8 when the row is read.
        Box::new(raw)
    } else {
        Box::new(DecodeReaderBytesBuilder::new().encoding(Some(encoding)).build_with_buffer(raw, vec![0u8; 1 << 16])?)
    };
    let mut stream = BufReader::with_capacity(1 << 16, stream);
    let mut first_line = Vec::new();
    // A header line is short; the limit only keeps a file with no newline from filling memory.
    (&mut stream).take(1 << 20).read_until(b'\n', &mut first_line).with_context(cannot)?;
    let delimiter = delimiter_of(&first_line);
    let lines = Arc::new(Mutex::new(Lines::default()));
    Ok(Decoded {
        reader: Box::new(CountLines { inner: Cursor::new(first_line).chain(stream), lines: lines.clone() }),
        lines,
        encoding,
        bom: skip > 0,
        delimiter,
        size,
    })
}

/// Tab when the header line (outside quotes) has more tabs than commas ("Unicode text"
/// exports), else comma.
pub fn delimiter_of(line: &[u8]) -> u8 {
    let (mut tabs, mut commas, mut quoted) = (0, 0, false);
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b'\t' if !quoted => tabs += 1,
            b',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if tabs > commas { b'\t' } else { b',' }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8], choice: EncodingChoice) -> (String, String, u8) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        std::fs::write(&path, bytes).unwrap();
        let mut d = open(&path, choice, Arc::default()).unwrap();
        let mut text = String::new();
        d.reader.read_to_string(&mut text).unwrap();
        (text, d.encoding_label(), d.delimiter)
    }

    #[test]
    fn encodings_are_decided_on_the_whole_file() {
        let text = "企业名称,备案号\n重庆某公司,50107-1\n";
        let (gbk, _, _) = GB18030.encode(text);
        // A GBK file whose first megabyte and more is ASCII is still GBK.
        let mut late = vec![b'a'; (1 << 20) + 17];
        late.push(b'\n');
        late.extend_from_slice(&gbk);
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        let bom: Vec<u8> = [0xEF, 0xBB, 0xBF].iter().chain(text.as_bytes()).copied().collect();
        assert_eq!(decode(text.as_bytes(), EncodingChoice::Auto).1, "UTF-8");
        assert_eq!(decode(&bom, EncodingChoice::Auto), (text.to_string(), "UTF-8 with BOM".into(), b','));
        assert_eq!(decode(&gbk, EncodingChoice::Auto), (text.to_string(), "GB18030".into(), b','));
        assert_eq!(decode(&utf16, EncodingChoice::Auto), (text.to_string(), "UTF-16LE".into(), b','));
        assert_eq!(decode(&utf16be, EncodingChoice::Auto), (text.to_string(), "UTF-16BE".into(), b','));
        let (t, label, _) = decode(&late, EncodingChoice::Auto);
        assert_eq!(label, "GB18030");
        assert!(t.ends_with(text));
        // --encoding overrides the guess.
        assert_eq!(decode(&gbk, EncodingChoice::Gb18030).0, text);
        assert_eq!(decode(&utf16[2..], EncodingChoice::Utf16).0, text);
        assert_eq!(decode(&bom, EncodingChoice::Utf8).0, text);
    }

    #[test]
    fn utf8_check_handles_sequences_cut_by_chunks() {
        let mut bytes = vec![b'a'; (1 << 20) - 1];
        bytes.extend_from_slice("重".as_bytes());
        assert!(is_utf8(&mut &bytes[..]).unwrap());
        bytes.push(0xE9);
        assert!(!is_utf8(&mut &bytes[..]).unwrap());
        assert!(is_utf8(&mut &b""[..]).unwrap());
    }

    /// The line of each record's first field, as the csv crate parses the text.
    fn record_lines(text: &str) -> Vec<(String, u64)> {
        let lines = Arc::new(Mutex::new(Lines::default()));
        let reader = CountLines { inner: text.as_bytes(), lines: lines.clone() };
        let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(reader);
        let mut record = csv::ByteRecord::new();
        let mut out = Vec::new();
        while csv.read_byte_record(&mut record).unwrap() {
            let inside = record.as_slice().iter().filter(|&&b| b == b'\n').count() as u64;
            let line = lines.lock().unwrap().record_start(csv.position().byte(), inside);
            out.push((String::from_utf8_lossy(&record[0]).into_owned(), line));
        }
        out
    }

    #[test]
    fn record_lines_as_the_file_shows_them() {
        let want = |names: &[(&str, u64)]| names.iter().map(|(n, l)| (n.to_string(), *l)).collect::<Vec<_>>();
        let expected = want(&[("h", 1), ("a", 2), ("b", 4), ("c\nd", 5), ("e", 7), ("f", 10)]);
        let lf = "h,x\na,1\n\nb,2\n\"c\nd\",3\ne,4\n\n\nf,5";
        assert_eq!(record_lines(lf), expected);
        let crlf = lf.replace('\n', "\r\n");
        let got = record_lines(&crlf);
        assert_eq!(got.iter().map(|(_, l)| *l).collect::<Vec<_>>(), [1, 2, 4, 5, 7, 10]);
        assert_eq!(record_lines("h\n,\n\"x\"\n"), want(&[("h", 1), ("", 2), ("x", 3)]));
    }

    #[test]
    fn delimiter_comes_from_the_header_line() {
        assert_eq!(delimiter_of(b"a\tb\tc\r\n"), b'\t');
        assert_eq!(delimiter_of(b"a,b,c\n"), b',');
        assert_eq!(delimiter_of(b"\"a\tb\",c\n"), b',');
        assert_eq!(delimiter_of(b"\"a,b\"\tc\n"), b'\t');
        assert_eq!(delimiter_of(b"single\n"), b',');
    }
}
