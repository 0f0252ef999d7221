//! `stdtrack import filings|reviews|units FILE`: load a CSV saved from Excel or WPS, or the
//! workbook itself. The work is in `crate::import`; this file turns the options into its
//! `Options`, shows progress and messages on stderr in the reader's language, and prints the
//! summary (and, on a dry run, the units it would create).
//!
//! Exit codes when an output fails: a refused import is 1 whatever stderr does; an import
//! with rejected rows (`--skip-invalid`) is 3 even when its summary cannot be written (the
//! rejects file says more); a clean import whose summary cannot be written is 4 (recorded);
//! a committed import whose rejects file could not be put in place is 4 too.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, IsTerminal, Stderr, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;

use super::{Ctx, Guard, files, output_lost};
use crate::cli::{EncodingArg, Format, ImportArgs, ImportKind as KindArg};
use crate::error::{ImportSource, Kind, Msg, Problem, V, path as vpath, refuse, usage};
use crate::import::{self, EncodingChoice, Events, ImportKind, Options, Staged, Status, Summary};
use crate::render::{self, Lang, messages};

/// Files smaller than this import in a blink: no progress bar.
const BAR_MIN_BYTES: u64 = 1 << 20;

/// Row errors (and, apart, warnings) shown on stderr; the rest are counted in one line.
const SHOWN: u64 = 200;

pub fn run(a: ImportArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("import", &[Format::Table, Format::Json])?;
    let kind = match a.kind {
        KindArg::Filings => ImportKind::Filings,
        KindArg::Reviews => ImportKind::Reviews,
        KindArg::Units => ImportKind::Units,
    };
    let encoding = match a.encoding {
        EncodingArg::Auto => EncodingChoice::Auto,
        EncodingArg::Utf8 => EncodingChoice::Utf8,
        EncodingArg::Gb18030 => EncodingChoice::Gb18030,
        EncodingArg::Utf16 => EncodingChoice::Utf16,
    };
    if a.rejects.is_some() && !a.skip_invalid {
        return Err(usage(Msg::RejectsNeedSkipInvalid));
    }
    let rejects = a.rejects.clone().unwrap_or_else(|| import::default_rejects_path(&a.file));
    // Never let an output land on the database, the files SQLite keeps beside it, or the
    // file being imported.
    let guard = Guard::for_db(&ctx.db).with_input(&a.file);
    guard.check("--rejects", &rejects)?;
    if let Some(out) = &ctx.out {
        guard.check("--out", out)?;
    }
    files::check_input(&a.file)?;
    let sha256 = sha256_of(&a.file)?;
    let opts = Options {
        kind,
        file: a.file,
        encoding,
        skip_invalid: a.skip_invalid,
        rejects,
        dry_run: a.dry_run,
        allow_bad_check: a.allow_bad_check,
        lang: ctx.lang,
        sheet: a.sheet,
        new_units: a.new_units,
        today: ctx.today,
        sha256: Some(sha256),
    };
    let mut store = ctx.open()?;
    let rejects_shown = (opts.skip_invalid && !opts.dry_run).then(|| opts.rejects.clone());
    let mut events = StderrEvents::new(ctx.lang, rejects_shown);
    let summary = import::run(&mut store, &ctx.audit, &opts, &mut events, &stage);
    events.finish();
    let summary = summary?;
    let printed = if ctx.format == Format::Json || summary.status != Status::Refused {
        print_summary(ctx, &opts, &summary)
    } else {
        Ok(())
    };
    let c = &summary.counts;
    if let Some(detail) = summary.rejects_lost {
        return Err(anyhow::Error::new(Problem {
            kind: Kind::OutputLost,
            msg: Msg::RecordedOutputLost { detail: detail.into() },
        }));
    }
    match summary.status {
        Status::Refused => Err(refuse(Msg::ImportRefused { rejected: c.rejected, dry_run: opts.dry_run })),
        _ if c.rejected > 0 => Err(anyhow::Error::new(Problem {
            kind: Kind::RowsRejected,
            msg: Msg::RowsRejected { rejected: c.rejected, rejects: summary.rejects.as_deref().map(vpath) },
        })),
        Status::Imported => printed.map_err(output_lost),
        Status::DryRun => printed,
    }
}

/// The file's SHA-256 in lower-case hex, kept on its batch (`list batches`).
fn sha256_of(path: &std::path::Path) -> Result<String> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let cannot = |e: std::io::Error| refuse(Msg::CannotRead { path: vpath(path), detail: (&e).into() });
    let mut file = std::fs::File::open(path).map_err(cannot)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf).map_err(cannot)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

fn print_summary(ctx: &Ctx, opts: &Options, s: &Summary) -> Result<()> {
    let c = &s.counts;
    if ctx.format == Format::Json {
        let mut v = json!({
            "added": c.added, "skipped": c.skipped, "rejected": c.rejected,
            "units_created": c.units_created, "batch": s.batch,
            "dry_run": opts.dry_run, "encoding": s.encoding, "sheet": s.sheet,
            "rejects": s.rejects.as_ref().map(|p| p.to_string_lossy().into_owned()),
        });
        if let (Some(units), Some(obj)) = (&s.new_units, v.as_object_mut()) {
            let units: Vec<_> =
                units.iter().map(|u| json!({"name": u.name, "uscc": u.uscc, "org_code": u.org_code})).collect();
            obj.insert("new_units".into(), units.into());
        }
        return ctx.emit(|out| render::write_json(out, &v));
    }
    let msg = Msg::ImportSummary {
        kind: opts.kind.as_str().into(),
        source: Box::new(ImportSource {
            file: vpath(&opts.file),
            encoding: s.encoding.clone(),
            sheet: s.sheet.clone(),
        }),
        batch: s.batch,
        dry_run: s.status == Status::DryRun,
        added: c.added,
        skipped: c.skipped,
        rejected: c.rejected,
        units_created: c.units_created,
    };
    let mut lines = vec![messages::text(&msg, ctx.lang)];
    for u in s.new_units.iter().flatten() {
        let msg = Msg::ImportNewUnit { name: V::from(&u.name), uscc: u.uscc.clone(), org_code: u.org_code.clone() };
        lines.push(messages::text(&msg, ctx.lang));
    }
    ctx.emit(|out| {
        for line in &lines {
            writeln!(out, "{line}")?;
        }
        Ok(())
    })
}

/// The rejects file's copy beside it (`files::create_beside`), renamed into place after the
/// import's commit.
struct StagedFile {
    pending: files::Pending,
    out: BufWriter<File>,
    target: PathBuf,
}

fn stage(target: &Path) -> Result<Box<dyn Staged>> {
    let pending = files::create_beside(target)?;
    let out = OpenOptions::new()
        .write(true)
        .open(pending.path())
        .map_err(|e| refuse(Msg::CannotWrite { path: vpath(target), detail: (&e).into() }))?;
    Ok(Box::new(StagedFile { pending, out: BufWriter::new(out), target: target.to_path_buf() }))
}

impl Write for StagedFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

impl Staged for StagedFile {
    fn sync(&mut self) -> Result<()> {
        let cannot = |e: std::io::Error| refuse(Msg::CannotWrite { path: vpath(&self.target), detail: (&e).into() });
        self.out.flush().map_err(cannot)?;
        self.out.get_ref().sync_all().map_err(cannot)?;
        Ok(())
    }

    fn persist(self: Box<Self>) -> Result<()> {
        drop(self.out);
        self.pending.persist()
    }
}

/// Messages and the progress bar on stderr, in the reader's language. The bar only when
/// stderr is a terminal and the file is big enough to wait for; messages are buffered, and
/// at most `SHOWN` row errors and `SHOWN` warnings are printed, then how many more there were.
/// A stderr that cannot be written (`2>/dev/full`, a reader that left) is ignored: the exit
/// code still tells.
struct StderrEvents {
    out: BufWriter<Stderr>,
    lang: Lang,
    terminal: bool,
    bar: Option<ProgressBar>,
    errors: u64,
    warnings: u64,
    /// The rejects file the hidden row errors will be in, if one is written.
    rejects: Option<PathBuf>,
}

impl StderrEvents {
    fn new(lang: Lang, rejects: Option<PathBuf>) -> StderrEvents {
        StderrEvents {
            out: BufWriter::new(std::io::stderr()),
            lang,
            terminal: std::io::stderr().is_terminal(),
            bar: None,
            errors: 0,
            warnings: 0,
            rejects,
        }
    }

    fn line(&mut self, text: &str) {
        match &self.bar {
            Some(bar) => {
                let out = &mut self.out;
                bar.suspend(|| {
                    let _ = writeln!(out, "{text}");
                    let _ = out.flush();
                });
            }
            None => {
                let _ = writeln!(self.out, "{text}");
            }
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        if self.errors > SHOWN {
            let msg =
                Msg::ImportMoreRowErrors { more: self.errors - SHOWN, rejects: self.rejects.as_deref().map(vpath) };
            self.line(&messages::text(&msg, self.lang));
        }
        if self.warnings > SHOWN {
            let msg = Msg::ImportMoreWarnings { more: self.warnings - SHOWN };
            let text = format!("{}{}", messages::warning_prefix(self.lang), messages::text(&msg, self.lang));
            self.line(&text);
        }
        let _ = self.out.flush();
    }
}

impl Events for StderrEvents {
    fn start(&mut self, total_bytes: u64) {
        if self.terminal && total_bytes >= BAR_MIN_BYTES {
            let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
            let template = self.lang.pick(
                "正在导入 [{wide_bar}] {bytes}/{total_bytes}，约剩 {eta}",
                "importing [{wide_bar}] {bytes}/{total_bytes}, {eta} left",
            );
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            let _ = self.out.flush();
            self.bar = Some(bar);
        }
    }

    fn progress(&mut self, done_bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(done_bytes);
        }
    }

    fn warning(&mut self, msg: &Msg) {
        self.warnings += 1;
        if self.warnings <= SHOWN {
            let text = format!("{}{}", messages::warning_prefix(self.lang), messages::text(msg, self.lang));
            self.line(&text);
        }
    }

    fn row_error(&mut self, msg: &Msg) {
        self.errors += 1;
        if self.errors <= SHOWN {
            self.line(&messages::text(msg, self.lang));
        }
    }
}
