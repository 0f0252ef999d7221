//! Issue 7: nothing the tool does may destroy or falsify the record. Each test is one slip
//! that once destroyed data, panicked, or told an untruth in its exit code.

mod common;

use std::fs;
use std::process::Stdio;

use common::Env;

/// A district with one unit and one award that earns money.
fn district() -> Env {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "重庆某铝业有限公司", "--uscc", "91110000600037341L"]);
    env.ok(&["add-award", "--unit", "1", "--kind", "cq-innovation", "--awarded", "2014-06-30"]);
    env
}

fn dev_full() -> Stdio {
    Stdio::from(fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full"))
}

#[test]
fn out_never_names_the_database_its_companions_or_the_imported_file() {
    let env = district();
    let db = env.db.to_str().unwrap().to_string();
    let before = fs::read(&env.db).unwrap();
    let snapshot = env.snapshot();
    for out in [db.clone(), format!("{db}-wal"), format!("{db}-shm"), format!("{db}-journal")] {
        let e = env.fails(&["--format", "json", "--out", &out, "list", "units"], 2);
        assert!(e.contains("database"), "{out}: {e}");
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&env.db, env.path("link.json")).unwrap();
        env.fails(&["--out", env.path("link.json").to_str().unwrap(), "list", "units"], 2);
        fs::hard_link(&env.db, env.path("hard.json")).unwrap();
        env.fails(&["--out", env.path("hard.json").to_str().unwrap(), "list", "units"], 2);
    }
    // The file being imported.
    let csv = env.path("f.csv");
    fs::write(&csv, "企业名称,单位类型\n重庆新公司,企业\n").unwrap();
    let e = env.fails(&["import", "units", csv.to_str().unwrap(), "--out", csv.to_str().unwrap()], 2);
    assert!(e.contains("imported"), "{e}");
    assert_eq!(fs::read_to_string(&csv).unwrap(), "企业名称,单位类型\n重庆新公司,企业\n");
    // --rejects and backup get the same guard.
    env.fails(&["import", "units", csv.to_str().unwrap(), "--skip-invalid", "--rejects", &format!("{db}-wal")], 2);
    env.fails(&["backup", &format!("{db}-shm")], 2);
    env.fails(&["backup", &db], 2);
    assert_eq!(env.snapshot(), snapshot);
    assert!(fs::read(&env.db).unwrap().len() >= before.len().min(1));
    // A folder or a device is no place for a report.
    env.fails(&["--out", env.dir.path().to_str().unwrap(), "list", "units"], 2);
    env.fails(&["--out", "/dev/null", "list", "units"], 2);
}

#[test]
fn a_record_stored_but_not_shown_exits_4_not_1() {
    let env = district();
    let out = env
        .std_cmd()
        .args(["record-payment", "cq-innovation-award:award:1", "--paid", "2014-08-01"])
        .stdout(dev_full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("recorded"));
    let payments = env.json(&["list", "payments"]);
    assert_eq!(payments.as_array().unwrap().len(), 1, "the payment was stored: a retry would pay twice");
    assert_eq!(payments[0]["amount_yuan"], 50000);
}

#[test]
fn a_stderr_that_cannot_be_written_changes_no_exit_code() {
    let env = district();
    let out = env.std_cmd().args(["add-unit", "--name", ""]).stderr(dev_full()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = env.std_cmd().args(["list", "units", "--from", "x"]).stderr(dev_full()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn completions_to_a_full_disk_or_a_closed_pipe_do_not_panic() {
    let env = Env::empty();
    let out = env.std_cmd().args(["completions", "bash"]).stdout(dev_full()).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let mut child = env.std_cmd().args(["completions", "bash"]).stdout(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "half a completion script is none: exit 1, never a panic");
    let out = env.std_cmd().arg("--help").stdout(dev_full()).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "help that cannot be written");
}

#[test]
fn an_absurd_busy_timeout_does_not_panic() {
    let env = district();
    let out = env.std_cmd().env("STDTRACK_BUSY_TIMEOUT", "99999999").args(["list", "units"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let out = env
        .std_cmd()
        .env("STDTRACK_BUSY_TIMEOUT", "-5")
        .args(["add-meeting", "--held", "2014-01-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn money_is_bounded() {
    let env = district();
    let before = env.snapshot();
    let e = env.fails(
        &["record-payment", "cq-innovation-award:award:1", "--paid", "2014-08-01", "--amount", "99999999999"],
        1,
    );
    assert!(e.contains("--amount"), "{e}");
    env.fails(&["set-rule", "lead-national", "--amount", "10000000001", "--from", "2016-01-01"], 1);
    env.fails(&["set-rule", "lead-national", "--amount", "99999999999999999999999", "--from", "2016-01-01"], 1);
    assert_eq!(env.snapshot(), before);
    env.ok(&["set-rule", "lead-national", "--amount", "10,000,000,000", "--from", "2016-01-01"]);
}

#[test]
fn a_huge_unit_name_is_refused_quickly_and_quoted_short() {
    let env = district();
    let huge = "重".repeat(20_000);
    let e = env.fails(&["add-project", "--unit", &huge, "--name", "x", "--passed", "2014-01-01"], 1);
    assert!(e.chars().count() < 400, "the message quotes the whole value: {} chars", e.chars().count());
    assert!(e.contains('…'), "{e}");
}

#[test]
fn control_characters_are_refused_and_zero_width_characters_ignored() {
    let env = district();
    let before = env.snapshot();
    for (args, field) in [
        (vec!["add-unit", "--name", "a\u{1b}[31mb"], "--name"),
        (vec!["add-meeting", "--held", "2014-01-01", "--title", "x\u{1}y"], "--title"),
        (vec!["add-project", "--unit", "1", "--name", "p\u{9b}q", "--passed", "2014-01-01"], "--name"),
    ] {
        let e = env.fails(&args, 1);
        assert!(e.contains(field), "{args:?}: {e}");
        assert!(!e.contains('\u{1b}') && !e.contains('\u{1}'), "the message prints the control character: {e:?}");
    }
    env.fails(&["void", "award", "1", "--reason", "bad\u{7}"], 1);
    assert_eq!(env.snapshot(), before);
    // A tab is no control character to refuse; zero-width characters vanish when names are compared.
    env.ok(&["add-meeting", "--held", "2014-02-01", "--title", "a\tb"]);
    let e = env.fails(&["add-unit", "--name", "重庆某铝业\u{200B}有限公司"], 1);
    assert!(e.contains("exists already"), "{e}");
    let found = env.json(&["list", "awards", "--unit", "重庆某\u{200D}铝业有限公司"]);
    assert_eq!(found.as_array().unwrap().len(), 1);
}

#[test]
fn a_database_path_that_is_a_folder_or_a_pipe_is_refused() {
    let env = Env::empty();
    let e = env.fails_on(std::path::Path::new("x.db/"), &["init"], 2);
    assert!(e.contains("x.db/"), "{e}");
    assert!(!env.path("x.db").exists(), "init half-accepted x.db/");
    env.fails_on(env.dir.path(), &["list", "units"], 1);
    #[cfg(unix)]
    {
        let fifo = env.path("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_stdtrack"))
            .env_clear()
            .args(["--db", fifo.to_str().unwrap(), "list", "units"])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                assert_eq!(status.code(), Some(1));
                break;
            }
            if start.elapsed().as_secs() > 20 {
                let _ = child.kill();
                panic!("a FIFO as --db hangs");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

#[cfg(unix)]
#[test]
fn files_get_the_modes_a_records_office_expects() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&env.db) & 0o137, 0, "the database is at most 0640: {:o}", mode(&env.db));
    let out = env.path("units.json");
    env.ok(&["--format", "json", "--out", out.to_str().unwrap(), "list", "units"]);
    // The test's umask is the harness's; what matters is that it is not forced to 0600.
    assert_ne!(mode(&out), 0o600, "--out follows the umask");
    fs::set_permissions(&out, fs::Permissions::from_mode(0o604)).unwrap();
    env.ok(&["--format", "json", "--out", out.to_str().unwrap(), "list", "units"]);
    assert_eq!(mode(&out), 0o604, "--out onto an existing file keeps its mode");
}

#[test]
fn init_is_atomic_and_concurrent_inits_agree() {
    let env = Env::empty();
    let children: Vec<_> = (0..6)
        .map(|_| env.std_cmd().args(["--format", "json", "init"]).stdout(Stdio::piped()).spawn().unwrap())
        .collect();
    let mut created = 0;
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        created += i32::from(v["created"] == true);
    }
    assert_eq!(created, 1, "one init creates, the others find it");
    assert_eq!(env.json(&["list", "targets"]).as_array().unwrap().len(), 10);
    // An init that could not write leaves nothing under the database's name.
    #[cfg(unix)]
    if !is_root() {
        use std::os::unix::fs::PermissionsExt;
        let ro = env.path("ro");
        fs::create_dir(&ro).unwrap();
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
        env.fails_on(&ro.join("x.db"), &["init"], 1);
        assert!(!ro.join("x.db").exists());
    }
}

#[cfg(unix)]
fn is_root() -> bool {
    std::process::Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0")).unwrap_or(false)
}

#[test]
fn a_backup_is_whole_or_absent_and_never_overwrites() {
    let env = district();
    let dest = env.path("b.db");
    env.ok(&["backup", dest.to_str().unwrap()]);
    let copy = Env { dir: tempfile::tempdir().unwrap(), db: dest.clone() };
    assert_eq!(copy.json(&["list", "awards"]).as_array().unwrap().len(), 1);
    let e = env.fails(&["backup", dest.to_str().unwrap()], 1);
    assert!(e.contains("exists"), "{e}");
    // No temporary files are left beside it.
    let stray: Vec<_> = fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".stdtrack"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn damaged_and_foreign_files_are_named_for_what_they_are() {
    let env = district();
    // Not a database at all.
    let text = env.path("notes.db");
    fs::write(&text, "not a database").unwrap();
    let e = env.fails_on(&text, &["list", "units"], 1);
    assert!(e.contains("not a stdtrack database"), "{e}");
    let e = env.fails_on(&env.path("missing.db"), &["list", "units"], 1);
    assert!(e.contains("no database"), "{e}");
    // A stdtrack file damaged in the middle: checkpoint, then scribble over its pages.
    {
        let conn = rusqlite::Connection::open(&env.db).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let mut bytes = fs::read(&env.db).unwrap();
    let len = bytes.len();
    for b in &mut bytes[16384..len] {
        *b = 0xA5;
    }
    fs::write(&env.db, &bytes).unwrap();
    let e = env.fails(&["list", "units"], 1);
    assert!(e.contains("damaged") && e.contains("backup"), "{e}");
    assert!(!e.contains("malformed"), "raw SQLite text: {e}");
}

#[test]
fn a_list_too_long_for_a_table_is_refused_with_the_formats_that_stream() {
    let env = Env::new();
    let csv = env.path("big.csv");
    let mut text = String::from("企业名称,标准编号,标准名称,备案号,备案日期\n");
    for i in 0..100_001 {
        text.push_str(&format!("重庆某公司,Q/JLP {i}-2013,产品,F{i},2013-05-01\n"));
    }
    fs::write(&csv, text).unwrap();
    env.ok(&["import", "filings", csv.to_str().unwrap()]);
    let e = env.fails(&["list", "filings"], 1);
    assert!(e.contains("--format csv"), "{e}");
    let out = env.ok(&["list", "filings", "--format", "csv"]);
    assert_eq!(out.lines().count(), 100_002);
}

#[test]
fn years_and_times_that_cannot_be_are_refused() {
    let env = district();
    let e = env.fails(&["award-calc", "--year", "99999"], 1);
    assert!(e.contains("--year"), "{e}");
    env.fails(&["award-calc", "--year", "1899"], 1);
    env.ok(&["award-calc", "--year", "2014"]);
}

#[test]
fn init_backup_and_migrate_exit_4_when_their_output_is_lost_after_writing() {
    let env = Env::empty();
    let out = env.std_cmd().arg("init").stdout(dev_full()).output().unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(env.db.exists(), "the database was created");
    let dest = env.path("b.db");
    let out = env.std_cmd().args(["backup", dest.to_str().unwrap()]).stdout(dev_full()).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(dest.exists(), "the backup was written");
    // An init that found the file already there changed nothing: a lost output is exit 1.
    let out = env.std_cmd().arg("init").stdout(dev_full()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.contains("the disk is full") && !err.contains("os error"), "the system's words, said plainly: {err}");
}
