//! `stdtrack import filings|reviews|units FILE`: load a CSV saved from Excel or WPS. The work
//! is in `crate::import`; this file turns the options into its `Options`, shows progress and
//! messages on stderr, and prints the summary.

use std::io::{BufWriter, IsTerminal, Stderr, Write};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;

use super::{Ctx, Guard};
use crate::cli::{EncodingArg, Format, ImportArgs, ImportKind as KindArg};
use crate::error::{Kind, Msg, Problem, path as vpath, refuse, usage};
use crate::import::{self, EncodingChoice, Events, ImportKind, Options, Status, Summary};
use crate::render::{self, Lang};

/// Files smaller than this import in a blink: no progress bar.
const BAR_MIN_BYTES: u64 = 1 << 20;

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
    super::files::check_input(&a.file)?;
    let sha256 = sha256_of(&a.file)?;
    let opts = Options {
        kind,
        file: a.file,
        encoding,
        skip_invalid: a.skip_invalid,
        rejects,
        dry_run: a.dry_run,
        allow_bad_check: a.allow_bad_check,
        today: ctx.today,
        sha256: Some(sha256),
    };
    let mut store = ctx.open()?;
    let mut events = StderrEvents::new();
    let summary = import::run(&mut store, &ctx.audit, &opts, &mut events);
    events.finish();
    let summary = summary?;
    if ctx.format == Format::Json || summary.status != Status::Refused {
        print_summary(ctx, &opts, &summary)?;
    }
    let c = &summary.counts;
    match summary.status {
        Status::Refused => Err(refuse(Msg::ImportRefused { rejected: c.rejected as u64, dry_run: opts.dry_run })),
        _ if c.rejected == 0 => Ok(()),
        Status::DryRun | Status::Imported => Err(anyhow::Error::new(Problem {
            kind: Kind::RowsRejected,
            msg: Msg::RowsRejected { rejected: c.rejected as u64, rejects: summary.rejects.as_deref().map(vpath) },
        })),
    }
}

/// The file's SHA-256 in lower-case hex, kept on its batch (`list batches`).
fn sha256_of(path: &std::path::Path) -> Result<String> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let cannot = |e: std::io::Error| refuse(Msg::CannotRead { path: vpath(path), detail: e.to_string() });
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
        let v = json!({
            "added": c.added, "skipped": c.skipped, "rejected": c.rejected,
            "units_created": c.units_created, "batch": s.batch,
            "dry_run": opts.dry_run, "encoding": s.encoding,
            "rejects": s.rejects.as_ref().map(|p| p.to_string_lossy().into_owned()),
        });
        return ctx.emit(|out| render::write_json(out, &v));
    }
    let file = opts.file.display();
    let line = match (ctx.lang, s.status) {
        (Lang::Zh, Status::DryRun) => format!(
            "试运行（未写入）：{}，{file}（{}）：将新增 {} 条，已存在跳过 {} 条，拒绝 {} 条，将新建单位 {} 个",
            kind_zh(opts.kind),
            s.encoding,
            c.added,
            c.skipped,
            c.rejected,
            c.units_created
        ),
        (Lang::Zh, _) => format!(
            "已导入{}，{file}（{}），批次 {}：新增 {} 条，已存在跳过 {} 条，拒绝 {} 条，新建单位 {} 个",
            kind_zh(opts.kind),
            s.encoding,
            s.batch.unwrap_or_default(),
            c.added,
            c.skipped,
            c.rejected,
            c.units_created
        ),
        (Lang::En, Status::DryRun) => format!(
            "dry run of the {} import of {file} ({}), nothing written: {} would be added, {} skipped as already present, \
             {} rejected, {} units would be created",
            opts.kind.as_str(),
            s.encoding,
            c.added,
            c.skipped,
            c.rejected,
            c.units_created
        ),
        (Lang::En, _) => format!(
            "imported {} from {file} ({}) as batch {}: {} added, {} skipped as already present, {} rejected, {} units created",
            opts.kind.as_str(),
            s.encoding,
            s.batch.unwrap_or_default(),
            c.added,
            c.skipped,
            c.rejected,
            c.units_created
        ),
    };
    ctx.emit(|out| Ok(writeln!(out, "{line}")?))
}

fn kind_zh(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Filings => "备案",
        ImportKind::Reviews => "复审",
        ImportKind::Units => "单位",
    }
}

/// Messages and the progress bar on stderr. The bar only when stderr is a terminal and the
/// file is big enough to wait for; messages are buffered (a file can have many bad rows).
struct StderrEvents {
    out: BufWriter<Stderr>,
    terminal: bool,
    bar: Option<ProgressBar>,
}

impl StderrEvents {
    fn new() -> StderrEvents {
        StderrEvents { out: BufWriter::new(std::io::stderr()), terminal: std::io::stderr().is_terminal(), bar: None }
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
        let _ = self.out.flush();
    }
}

impl Events for StderrEvents {
    fn start(&mut self, total_bytes: u64) {
        if self.terminal && total_bytes >= BAR_MIN_BYTES {
            let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template("importing [{wide_bar}] {bytes}/{total_bytes}, {eta} left")
            {
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

    fn warning(&mut self, text: &str) {
        self.line(&format!("stdtrack: warning: {text}"));
    }

    fn row_error(&mut self, text: &str) {
        self.line(text);
    }
}
