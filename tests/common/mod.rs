//! The one harness of the end-to-end tests: a temp folder, a fresh database, the real binary
//! with a cleared environment and a fixed --today, so nothing depends on the clock or home.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub const TODAY: &str = "2016-06-01";

pub struct Env {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Env {
    /// A temp folder with an initialised database.
    pub fn new() -> Env {
        let env = Env::empty();
        env.ok(&["init"]);
        env
    }

    /// A temp folder with no database yet.
    pub fn empty() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("test.db");
        Env { dir, db }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary with a clean environment, this database, a fixed today and English labels.
    pub fn cmd(&self) -> Command {
        self.cmd_on(TODAY)
    }

    /// The binary as `cmd`, with another date taken as today.
    pub fn cmd_on(&self, today: &str) -> Command {
        let mut c = Command::cargo_bin("stdtrack").expect("binary");
        c.env_clear().current_dir(self.dir.path()).args(["--db", self.db.to_str().unwrap(), "--today", today]);
        c.args(["--lang", "en"]);
        c
    }

    /// The binary as `cmd`, as a plain `std::process::Command` (for custom stdin/stdout/stderr).
    pub fn std_cmd(&self) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_stdtrack"));
        c.env_clear().current_dir(self.dir.path()).args(["--db", self.db.to_str().unwrap(), "--today", TODAY]);
        c.args(["--lang", "en"]);
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run")
    }

    /// Runs and insists on exit 0; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed with {:?}: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Runs with --format json and parses what it printed.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--format", "json"]);
        let text = self.ok(&all);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {text}"))
    }

    /// Runs, insists on the exit code, returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: stdout {} stderr {err}",
            String::from_utf8_lossy(&out.stdout)
        );
        err
    }

    /// As `fails`, on another database file.
    pub fn fails_on(&self, db: &Path, args: &[&str], code: i32) -> String {
        let mut c = Command::cargo_bin("stdtrack").expect("binary");
        c.env_clear().current_dir(self.dir.path()).args([
            "--db",
            db.to_str().unwrap(),
            "--today",
            TODAY,
            "--lang",
            "en",
        ]);
        let out = c.args(args).output().expect("run");
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(code), "{args:?} on {}: stderr {err}", db.display());
        err
    }

    /// Everything the database holds, as the list commands print it: two equal snapshots
    /// mean nothing was written.
    pub fn snapshot(&self) -> String {
        let kinds = [
            "units",
            "standards",
            "filings",
            "reviews",
            "awards",
            "projects",
            "committees",
            "meetings",
            "milestones",
            "payments",
            "rules",
            "audit",
        ];
        kinds.iter().map(|k| self.json(&["list", k]).to_string()).collect::<Vec<_>>().join("\n")
    }
}

/// Splits a shell command line of the worked example: words, with '...' quoting.
pub fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut in_word = false;
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                in_word = true;
            }
            c if c.is_whitespace() && !quoted => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

pub fn exists(p: &Path) -> bool {
    p.exists()
}
