//! Turning the bytes Excel or WPS saved into a UTF-8 stream, and finding the delimiter
//! (DOMAIN.md §7). A BOM decides; without one, UTF-16 when its zero bytes say so (every other
//! byte, as "Unicode text" saved without its BOM has), else UTF-8 when the WHOLE file is valid UTF-8 (a
//! GBK file can start with a megabyte of ASCII), else GB18030, a superset of GBK. A UTF-8 file
//! with a few rows pasted from a GBK one is still read as UTF-8 (the lines that are not, by
//! the bytes of their non-ASCII text, are fewer than those that are): its other rows keep
//! their text, and the GBK rows are row errors that name `--encoding gb18030`. `--encoding`
//! overrides the guess. Bytes that do not decode become U+FFFD, which row checking refuses.
//! The delimiter is that of the first lines (a title line above the header may have none).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::Result;
use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};
use encoding_rs_io::DecodeReaderBytesBuilder;

use crate::error::{Msg, path as vpath, refuse};

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

/// How much of a file is UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utf8 {
    /// All of it.
    All,
    /// Not all, but more of its non-ASCII text lies on lines that are UTF-8 than on lines that
    /// are not: a UTF-8 file with a few rows pasted from a GBK one.
    Mostly,
    No,
}

fn non_ascii(b: &[u8]) -> u64 {
    b.iter().filter(|&&b| b >= 0x80).count() as u64
}

/// Counts the non-ASCII bytes of lines that are UTF-8 (`good`) and of lines that are not.
#[derive(Default)]
struct LineTally {
    good: u64,
    bad: u64,
    partial: Vec<u8>,
}

impl LineTally {
    fn line(&mut self, line: &[u8]) {
        let n = non_ascii(line);
        if n == 0 {
        } else if std::str::from_utf8(line).is_ok() {
            self.good += n;
        } else {
            self.bad += n;
        }
    }

    fn feed(&mut self, mut chunk: &[u8]) {
        while let Some(at) = chunk.iter().position(|&b| b == b'\n') {
            if self.partial.is_empty() {
                self.line(&chunk[..at]);
            } else {
                self.partial.extend_from_slice(&chunk[..at]);
                let line = std::mem::take(&mut self.partial);
                self.line(&line);
            }
            chunk = &chunk[at + 1..];
        }
        self.partial.extend_from_slice(chunk);
        // A "line" of a megabyte is judged as it is, so the tally needs no more memory.
        if self.partial.len() > 1 << 20 {
            let line = std::mem::take(&mut self.partial);
            self.line(&line);
        }
    }

    /// Clearly not UTF-8: no need to read on.
    fn settled(&self) -> bool {
        self.bad > 4096 && self.bad > 4 * self.good
    }
}

/// How much of what `r` yields is UTF-8. Reads whole chunks while they are valid (the common
/// case, fast); from the first chunk that is not, tallies line by line.
pub fn utf8_share(r: &mut impl Read) -> io::Result<Utf8> {
    let mut buf = vec![0u8; 1 << 20];
    let mut carry = 0; // bytes of a sequence cut by the end of the previous chunk
    let mut tally = LineTally::default();
    loop {
        let n = read_up_to(r, &mut buf[carry..])?;
        let end = carry + n;
        if n == 0 {
            if carry == 0 {
                return Ok(Utf8::All);
            }
            tally.feed(&buf[..end]);
            break;
        }
        match std::str::from_utf8(&buf[..end]) {
            Ok(_) => {
                tally.good += non_ascii(&buf[..end]);
                carry = 0;
            }
            Err(e) if e.error_len().is_none() => {
                let valid = e.valid_up_to();
                tally.good += non_ascii(&buf[..valid]);
                buf.copy_within(valid..end, 0);
                carry = end - valid;
            }
            Err(_) => {
                tally.feed(&buf[..end]);
                break;
            }
        }
    }
    while !tally.settled() {
        let n = read_up_to(r, &mut buf)?;
        if n == 0 {
            break;
        }
        tally.feed(&buf[..n]);
    }
    let partial = std::mem::take(&mut tally.partial);
    tally.line(&partial);
    Ok(if tally.bad == 0 {
        Utf8::All
    } else if tally.good > tally.bad {
        Utf8::Mostly
    } else {
        Utf8::No
    })
}

/// UTF-16 saved without a BOM, told by its zero bytes: the ASCII of a CSV (delimiters, digits,
/// codes, dates, line breaks) has one at every other byte, odd positions in little-endian,
/// even in big-endian; text in other encodings has none, and binary junk has them anywhere.
/// A few Chinese characters (一 is U+4E00) put one on the other side, so it need only be rare.
pub fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in head[..pairs * 2].iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    let (many, few) = (even.max(odd), even.min(odd));
    // At least one character in eight is ASCII, and the other side is rare.
    if many < 2 || many * 8 < pairs || few * 4 > many {
        return None;
    }
    Some(if odd > even { UTF_16LE } else { UTF_16BE })
}

/// Zero bytes at the start of a file that is not UTF-16: not text. (A zero byte further into
/// the file is a row error where it is: `rows::RowText`.)
fn not_text(path: &Path, head: &[u8], text_may_hold_nul: bool) -> Result<(), Msg> {
    if !text_may_hold_nul && head.contains(&0) {
        return Err(Msg::ImportBinary { path: vpath(path) });
    }
    Ok(())
}

/// Opens `path` and decides its encoding and delimiter. `done` counts the raw bytes read.
pub fn open(path: &Path, choice: EncodingChoice, done: Arc<AtomicU64>) -> Result<Decoded> {
    let cannot = |e: io::Error| refuse(Msg::CannotRead { path: vpath(path), detail: (&e).into() });
    let mut file = File::open(path).map_err(cannot)?;
    let size = file.metadata().map_err(cannot)?.len();
    let mut head = [0u8; 4096];
    let got = read_up_to(&mut file, &mut head).map_err(cannot)?;
    let head = &head[..got];
    let bom = bom_of(head);
    let bomless_utf16 = if bom.is_none() && choice == EncodingChoice::Auto { utf16_without_bom(head) } else { None };
    let may_hold_nul = bom.is_some() || choice == EncodingChoice::Utf16 || bomless_utf16.is_some();
    not_text(path, head, may_hold_nul).map_err(refuse)?;
    let head = &head[..got.min(3)];
    let (encoding, skip) = match (choice, bom) {
        (EncodingChoice::Auto, Some(found)) => found,
        (EncodingChoice::Auto, None) => match bomless_utf16 {
            Some(utf16) => (utf16, 0),
            None => {
                file.seek(SeekFrom::Start(0)).map_err(cannot)?;
                let share = utf8_share(&mut file).map_err(cannot)?;
                (if share == Utf8::No { GB18030 } else { UTF_8 }, 0)
            }
        },
        (EncodingChoice::Utf8, Some((e, n))) if e == UTF_8 => (e, n),
        (EncodingChoice::Utf8, _) => (UTF_8, 0),
        (EncodingChoice::Gb18030, _) => (GB18030, 0),
        (EncodingChoice::Utf16, Some((e, n))) if e != UTF_8 => (e, n),
        // No BOM: a header of ASCII names starts with a zero byte in big-endian only.
        (EncodingChoice::Utf16, _) => (if head.first() == Some(&0) { UTF_16BE } else { UTF_16LE }, 0),
    };
    file.seek(SeekFrom::Start(skip as u64)).map_err(cannot)?;
    done.store(skip as u64, Ordering::Relaxed);
    let raw = Counting { inner: file, done };
    let stream: Box<dyn Read + Send> = if encoding == UTF_8 {
        // Passed through untouched; each field is checked as UTF-8 when the row is read.
        Box::new(raw)
    } else {
        Box::new(DecodeReaderBytesBuilder::new().encoding(Some(encoding)).build_with_buffer(raw, vec![0u8; 1 << 16])?)
    };
    let mut stream = BufReader::with_capacity(1 << 16, stream);
    let mut head_lines = Vec::new();
    // The header is within the first lines (titles may come before it); the limit only keeps a
    // file with no line breaks from filling memory.
    let mut limited = (&mut stream).take(1 << 20);
    for _ in 0..HEAD_LINES {
        if limited.read_until(b'\n', &mut head_lines).map_err(cannot)? == 0 {
            break;
        }
    }
    let delimiter = delimiter_of_lines(&head_lines);
    Ok(Decoded { reader: Box::new(Cursor::new(head_lines).chain(stream)), encoding, bom: skip > 0, delimiter, size })
}

/// Lines read to find the delimiter: as many as the header may be down (`HEADER_WITHIN`).
const HEAD_LINES: usize = 10;

/// Tabs and commas outside quotes on a line.
fn delimiters(line: &[u8]) -> (usize, usize) {
    let (mut tabs, mut commas, mut quoted) = (0, 0, false);
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b'\t' if !quoted => tabs += 1,
            b',' if !quoted => commas += 1,
            _ => {}
        }
    }
    (tabs, commas)
}

/// Tab when a line (outside quotes) has more tabs than commas ("Unicode text" exports),
/// else comma.
pub fn delimiter_of(line: &[u8]) -> u8 {
    let (tabs, commas) = delimiters(line);
    if tabs > commas { b'\t' } else { b',' }
}

/// The delimiter of the first lines: that of the line with the most of either (the header,
/// or a row; a title line above the header may have none).
pub fn delimiter_of_lines(head: &[u8]) -> u8 {
    let best = head.split(|&b| b == b'\n').max_by_key(|line| {
        let (tabs, commas) = delimiters(line);
        tabs + commas
    });
    best.map_or(b',', delimiter_of)
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
        let all = |b: &[u8]| utf8_share(&mut &b[..]).unwrap();
        let mut bytes = vec![b'a'; (1 << 20) - 1];
        bytes.extend_from_slice("重".as_bytes());
        assert_eq!(all(&bytes), Utf8::All);
        // One stray byte after UTF-8 text: the text is UTF-8, the byte a row error.
        bytes.push(0xE9);
        assert_eq!(all(&bytes), Utf8::Mostly);
        let (gbk, _, _) = GB18030.encode("企业名称,备案号\n重庆某公司,50107-1\n");
        assert_eq!(all(&gbk), Utf8::No);
        assert_eq!(all(b""), Utf8::All);
    }

    #[test]
    fn a_utf8_file_with_a_gbk_row_is_read_as_utf8() {
        let utf8 = "企业名称,标准编号,标准名称,备案号,备案日期\n重庆甲有限公司,Q/JLP 1-2013,铝合金型材,F1,2013-05-01\n";
        let (gbk_row, _, _) = GB18030.encode("重庆乙有限公司,Q/JLP 2-2013,摩托车发动机,F2,2013-05-02\n");
        let mixed =
            [utf8.as_bytes(), &gbk_row, "重庆丙有限公司,Q/JLP 3-2013,齿轮箱,F3,2013-05-03\n".as_bytes()].concat();
        assert_eq!(utf8_share(&mut &mixed[..]).unwrap(), Utf8::Mostly);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mixed.csv");
        std::fs::write(&path, &mixed).unwrap();
        assert_eq!(open(&path, EncodingChoice::Auto, Arc::default()).unwrap().encoding_label(), "UTF-8");
        // A GBK file, even one with a line that happens to be valid UTF-8, is GBK.
        let text = format!("{utf8}中\n");
        let (gbk, _, _) = GB18030.encode(&text);
        assert_eq!(utf8_share(&mut &gbk[..]).unwrap(), Utf8::No);
        let big: Vec<u8> = gbk.iter().copied().cycle().take(4 << 20).collect();
        assert_eq!(utf8_share(&mut &big[..]).unwrap(), Utf8::No);
    }

    #[test]
    fn delimiter_comes_from_the_header_line() {
        assert_eq!(delimiter_of(b"a\tb\tc\r\n"), b'\t');
        assert_eq!(delimiter_of(b"a,b,c\n"), b',');
        assert_eq!(delimiter_of(b"\"a\tb\",c\n"), b',');
        assert_eq!(delimiter_of(b"\"a,b\"\tc\n"), b'\t');
        assert_eq!(delimiter_of(b"single\n"), b',');
        // A title line with no delimiter above a tab-separated header.
        assert_eq!(delimiter_of_lines("备案登记表\n企业名称\t备案号\t备案日期\n".as_bytes()), b'\t');
        assert_eq!(delimiter_of_lines("标题,,,,\n企业名称,备案号\n".as_bytes()), b',');
        assert_eq!(delimiter_of_lines(b""), b',');
    }

    #[test]
    fn utf16_without_a_bom_is_told_by_its_zero_bytes() {
        let text = "九龙坡区企业产品标准备案登记表,,,,\r\n企业名称,统一社会信用代码,标准编号\r\n重庆一公司,91110000600037341L,Q/JLP 1-2013\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16_without_bom(&le), Some(UTF_16LE));
        assert_eq!(utf16_without_bom(&be), Some(UTF_16BE));
        assert_eq!(decode(&le, EncodingChoice::Auto), (text.to_string(), "UTF-16LE".into(), b','));
        assert_eq!(decode(&be, EncodingChoice::Auto).1, "UTF-16BE");
        // Not UTF-16: text without zero bytes, and binary junk with them anywhere.
        assert_eq!(utf16_without_bom(text.as_bytes()), None);
        let junk: Vec<u8> = (0..4096u32).map(|i| if i % 3 == 0 { 0 } else { (i * 7 % 251) as u8 }).collect();
        assert_eq!(utf16_without_bom(&junk), None);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("junk.csv");
        std::fs::write(&path, &junk).unwrap();
        let err = open(&path, EncodingChoice::Auto, Arc::default()).err().unwrap();
        assert_eq!(
            crate::error::problem_of(&err).map(|p| p.msg.clone()),
            Some(Msg::ImportBinary { path: vpath(&path) })
        );
    }
}
