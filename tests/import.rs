//! `stdtrack import`, end to end through the binary: encodings, headers, all-or-nothing,
//! --skip-invalid with its rejects file, re-imports, --dry-run, reviews and units. Figures
//! are checked in what `list` prints, not only in exit codes.

mod common;

use std::process::Output;

use common::Env;
use serde_json::Value;

const TODAY: &str = "2014-01-01";

fn import(env: &Env, args: &[&str]) -> Output {
    env.cmd_on(TODAY).arg("import").args(args).output().expect("run")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs an import with --format json, insists on `code`, returns the summary and stderr.
fn import_json(env: &Env, args: &[&str], code: i32) -> (Value, String) {
    let out = env.cmd_on(TODAY).arg("import").args(args).args(["--format", "json"]).output().expect("run");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    let summary = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("no JSON ({e}): {err}"));
    (summary, err)
}

fn write(env: &Env, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = env.path(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn list(env: &Env, kind: &str) -> Value {
    env.json(&["list", kind])
}

/// (added, skipped, rejected, units_created) of a summary.
fn counts(v: &Value) -> (i64, i64, i64, i64) {
    let n = |k: &str| v[k].as_i64().unwrap_or_else(|| panic!("{k} in {v}"));
    (n("added"), n("skipped"), n("rejected"), n("units_created"))
}

fn field(list: &Value, key: &str) -> Vec<String> {
    list.as_array().unwrap().iter().map(|r| r[key].as_str().unwrap_or("").to_string()).collect()
}

const FILINGS: &str = "企业名称,统一社会信用代码,行业,标准编号,标准名称,备案号,备案日期
重庆甲（集团）有限公司,91110000600037341L,铝加工,Q/JLP 001-2013,铝合金型材,50107-2013-0001,2013-05-01
重庆乙有限公司,9144030071526726XG,汽摩制造,Q/JLP 002-2013,\"摩托车发动机,通用\",50107-2013-0002,2013/6/2
重庆甲(集团)有限公司,,铝加工,q/jlp 003－2013,铝合金门窗,50107-2013-0003,2013年7月3日
重庆丙有限公司,,,Q/JLP 004-2013,齿轮箱,50107-2013-0004,20130804
";

fn utf16le(text: &str) -> Vec<u8> {
    [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect()
}

#[test]
fn the_same_data_in_every_encoding_gives_identical_records() {
    let tab =
        FILINGS.replace("\"摩托车发动机,通用\"", "摩托车发动机,通用").replace(',', "\t").replace("机\t通", "机,通");
    let (gbk, _, bad) = encoding_rs::GBK.encode(FILINGS);
    assert!(!bad);
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("utf8.csv", FILINGS.as_bytes().to_vec()),
        ("bom.csv", [&[0xEF, 0xBB, 0xBF][..], FILINGS.as_bytes()].concat()),
        ("gbk.csv", gbk.into_owned()),
        // Excel's "Unicode text": UTF-16LE with a BOM, tab-separated, CRLF.
        ("unicode.txt", utf16le(&tab.replace('\n', "\r\n"))),
    ];
    let mut seen: Option<(Value, Value)> = None;
    for (name, bytes) in files {
        let env = Env::new();
        let path = write(&env, name, bytes);
        let (summary, err) = import_json(&env, &["filings", &path], 0);
        assert_eq!(counts(&summary), (4, 0, 0, 3), "{name}: {err}");
        assert_eq!(summary["batch"], 1);
        let records = (list(&env, "filings"), list(&env, "units"));
        match &seen {
            None => seen = Some(records),
            Some(first) => assert_eq!(&records, first, "{name} differs from UTF-8"),
        }
    }
    let (filings, units) = seen.unwrap();
    assert_eq!(field(&filings, "filed_on"), ["2013-05-01", "2013-06-02", "2013-07-03", "2013-08-04"]);
    assert_eq!(field(&filings, "number"), ["Q/JLP 001-2013", "Q/JLP 002-2013", "Q/JLP 003-2013", "Q/JLP 004-2013"]);
    assert_eq!(field(&filings, "title")[1], "摩托车发动机,通用");
    // The name spelled with half-width brackets is the same unit.
    assert_eq!(field(&filings, "unit")[2], "重庆甲（集团）有限公司");
    assert_eq!(field(&units, "name"), ["重庆甲（集团）有限公司", "重庆乙有限公司", "重庆丙有限公司"]);
    assert_eq!(field(&units, "uscc")[..2], ["91110000600037341L", "9144030071526726XG"]);
    assert_eq!(field(&units, "industry")[..2], ["铝加工", "汽摩制造"]);
    assert_eq!(field(&units, "kind"), ["enterprise"; 3]);
}

#[test]
fn english_or_chinese_headers_in_any_order_with_an_extra_column() {
    let english = "Filed_On, filing_no ,备注,TITLE,standard_no,uscc,enterprise,联系人
2013-05-01,50107-2013-0001,急,铝合金型材,Q/JLP 001-2013,91110000600037341L,重庆甲（集团）有限公司,张三
";
    let env = Env::new();
    let path = write(&env, "en.csv", english);
    let (summary, err) = import_json(&env, &["filings", &path], 0);
    assert_eq!(counts(&summary), (1, 0, 0, 1));
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings, ["stdtrack: warning: ignoring columns a filings import does not use: 备注, 联系人"]);
    let f = &list(&env, "filings")[0];
    assert_eq!(
        (f["unit"].as_str(), f["filing_no"].as_str()),
        (Some("重庆甲（集团）有限公司"), Some("50107-2013-0001"))
    );
    assert_eq!((f["title"].as_str(), f["filed_on"].as_str()), (Some("铝合金型材"), Some("2013-05-01")));
}

#[test]
fn a_missing_required_column_is_named_before_any_row_is_read() {
    let env = Env::new();
    let before = env.snapshot();
    let path = write(&env, "f.csv", "企业名称,标准编号,标准名称,备案日期\n某公司,GB 1-2013,,never\n");
    let err = stderr(&import(&env, &["filings", &path]));
    assert!(err.contains("line 1: the file has no column 备案号 (filing_no)"), "{err}");
    assert!(!err.contains("line 2"), "rows were read: {err}");
    assert_eq!(import(&env, &["filings", &path]).status.code(), Some(1));
    assert_eq!(env.snapshot(), before);
}

/// Lines 3, 6, 7, 8 and 9 are bad; lines 4-5 are one row with a line break in its title.
const WITH_BAD_ROWS: &str = "企业名称,统一社会信用代码,行业,标准编号,标准名称,备案号,备案日期
重庆甲有限公司,91110000600037341L,铝加工,Q/JLP 001-2013,铝合金型材,F-0001,2013-05-01
重庆甲有限公司,91110000600037341L,铝加工,Q/JLP 002-2013,铝合金门窗,F-0002,2013-02-30
重庆乙有限公司,9144030071526726XG,汽摩制造,Q/JLP 003-2013,\"摩托车
发动机\",F-0003,2013-06-01
重庆丁有限公司,91310115MA1K3BTP2A,,Q/JLP 006-2013,齿轮,F-0006,2013-06-06
重庆戊有限公司,1.21200004013591E+17,,Q/JLP 007-2013,压铸件,F-0007,2013-07-07
重庆乙有限公司,9144030071526726XG,汽摩制造,GB/T 1.1-2020,变速器,F-0008,2013-08-08
重庆乙有限公司,9144030071526726XG,汽摩制造,Q/JLP 009-2013,,F-0009,sometime
重庆丙有限公司,,,Q/JLP 010-2013,传感器,F-0010,2013-10-10
";

#[test]
fn a_file_with_bad_rows_is_refused_whole_with_every_bad_line_named() {
    let env = Env::new();
    let before = env.snapshot();
    let path = write(&env, "bad.csv", WITH_BAD_ROWS);
    let out = import(&env, &["filings", &path]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 7, "{err}");
    assert_eq!(lines[0], "line 3, column 备案日期: 2013-02-30 is not a real date");
    assert!(
        lines[1].starts_with("line 6, column 统一社会信用代码: 91310115MA1K3BTP2A: check character is A, expected B"),
        "{err}"
    );
    assert!(lines[1].contains("--allow-bad-check"), "{err}");
    assert!(lines[2].starts_with("line 7, column 统一社会信用代码: '1.21200004013591E+17': looks like Excel"), "{err}");
    assert!(lines[2].contains("format the column as text"), "{err}");
    assert_eq!(
        lines[3],
        "line 8, column 标准编号: GB/T 1.1-2020 is a national standard, not an enterprise standard (Q/...)"
    );
    assert_eq!(lines[4], "line 9, column 标准名称: the value is empty; this column must be filled in");
    assert!(lines[5].starts_with("line 9, column 备案日期: 'sometime': expected a date such as 2013-05-01"), "{err}");
    assert!(lines[6].starts_with("stdtrack: nothing was imported: 5 rows have errors"), "{err}");
    assert_eq!(env.snapshot(), before, "the database changed");
    assert!(!env.path("bad.csv.rejects.csv").exists());
    // Excel ends lines with CRLF and clerks leave blank lines: the lines are still the file's.
    let crlf = WITH_BAD_ROWS
        .replace("铝合金门窗,F-0002,2013-02-30\n", "铝合金门窗,F-0002,2013-02-30\n\n")
        .replace('\n', "\r\n");
    let path = write(&env, "crlf.csv", crlf);
    let err = stderr(&import(&env, &["filings", &path]));
    let lines: Vec<&str> = err.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(
        lines,
        [
            "line 3, column 备案日期",
            "line 7, column 统一社会信用代码",
            "line 8, column 统一社会信用代码",
            "line 9, column 标准编号",
            "line 10, column 标准名称",
            "line 10, column 备案日期",
            "stdtrack"
        ],
        "{err}"
    );
}

#[test]
fn skip_invalid_keeps_the_good_rows_and_writes_the_bad_ones_to_fix_and_reimport() {
    let env = Env::new();
    let path = write(&env, "bad.csv", WITH_BAD_ROWS);
    let (summary, err) = import_json(&env, &["filings", &path, "--skip-invalid"], 3);
    assert_eq!(counts(&summary), (3, 0, 5, 3), "{err}");
    assert_eq!(summary["batch"], 1);
    assert_eq!(field(&list(&env, "filings"), "filing_no"), ["F-0001", "F-0003", "F-0010"]);
    // A line break inside a title is tidied like any other run of spaces.
    assert_eq!(field(&list(&env, "filings"), "title")[1], "摩托车 发动机");
    assert!(err.contains("line 3, column 备案日期"), "{err}");
    assert!(err.contains("5 rejected rows are written to"), "{err}");

    let rejects = env.path("bad.csv.rejects.csv");
    let bytes = std::fs::read(&rejects).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, ["企业名称", "统一社会信用代码", "行业", "标准编号", "标准名称", "备案号", "备案日期", "error"]);
    let records: Vec<Vec<String>> = rows.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    let filing_nos: Vec<&str> = records.iter().map(|r| r[5].as_str()).collect();
    assert_eq!(filing_nos, ["F-0002", "F-0006", "F-0007", "F-0008", "F-0009"]);
    // The original values, untouched, and why each row was refused.
    assert_eq!(records[2][1], "1.21200004013591E+17");
    assert_eq!(records[0][7], "备案日期: 2013-02-30 is not a real date");
    assert!(
        records[4][7].starts_with("标准名称: the value is empty; this column must be filled in; 备案日期: 'sometime'"),
        "{:?}",
        records[4]
    );

    // The clerk fixes the rejects file and imports it as it is.
    let fixed = text
        .replace("2013-02-30", "2013-02-28")
        .replace("91310115MA1K3BTP2A", "91310115MA1K3BTP2B")
        .replace("1.21200004013591E+17", "121200004013590816")
        .replace("GB/T 1.1-2020", "Q/JLP 008-2013")
        .replace(",,F-0009,sometime", ",传感器,F-0009,2013-09-09");
    let fixed_path = write(&env, "fixed.csv", [&[0xEF, 0xBB, 0xBF][..], fixed.as_bytes()].concat());
    let (summary, err) = import_json(&env, &["filings", &fixed_path], 0);
    assert_eq!(counts(&summary), (5, 0, 0, 2), "{err}");
    assert!(!err.contains("ignoring"), "the error column is not an unknown column: {err}");
    assert_eq!(list(&env, "filings").as_array().unwrap().len(), 8);
}

#[test]
fn dry_run_checks_everything_and_writes_nothing() {
    let env = Env::new();
    let before = env.snapshot();
    let good = write(&env, "good.csv", FILINGS);
    let (summary, _) = import_json(&env, &["filings", &good, "--dry-run"], 0);
    assert_eq!(counts(&summary), (4, 0, 0, 3));
    assert_eq!(summary["batch"], Value::Null);
    assert_eq!(summary["dry_run"], true);
    let bad = write(&env, "bad.csv", WITH_BAD_ROWS);
    let (summary, err) = import_json(&env, &["filings", &bad, "--dry-run", "--skip-invalid"], 3);
    assert_eq!(counts(&summary), (3, 0, 5, 3), "{err}");
    let (_, err) = import_json(&env, &["filings", &bad, "--dry-run"], 1);
    assert!(err.contains("dry run: nothing was imported: 5 rows have errors"), "{err}");
    assert_eq!(env.snapshot(), before);
    assert!(!env.path("bad.csv.rejects.csv").exists(), "a dry run writes no rejects file");
}

#[test]
fn importing_the_same_file_again_adds_nothing() {
    let env = Env::new();
    let path = write(&env, "f.csv", FILINGS);
    import_json(&env, &["filings", &path], 0);
    let filings = list(&env, "filings");
    let (summary, _) = import_json(&env, &["filings", &path], 0);
    assert_eq!(counts(&summary), (0, 4, 0, 0));
    assert_eq!(summary["batch"], 2);
    assert_eq!(list(&env, "filings"), filings);
    assert_eq!(list(&env, "units").as_array().unwrap().len(), 3);
    // Each import is one batch with one audit entry.
    let audit = list(&env, "audit");
    let imports: Vec<&Value> = audit.as_array().unwrap().iter().filter(|a| a["action"] == "import").collect();
    assert_eq!(imports.len(), 2);
    assert_eq!((imports[1]["record_kind"].as_str(), imports[1]["record_id"].as_i64()), (Some("import_batch"), Some(2)));
    assert_eq!(imports[1]["after"]["skipped"], 4);
    // The per-day counts progress reads follow the import.
    let p = env.cmd_on(TODAY).args(["progress", "--as-of", "2015-12-31", "--format", "json"]).output().unwrap();
    let p: Value = serde_json::from_slice(&p.stdout).unwrap();
    assert_eq!(p["targets"][3]["code"], "enterprise-filings");
    assert_eq!(p["targets"][3]["actual"], 4);
}

#[test]
fn a_changed_row_under_a_stored_filing_number_is_refused() {
    let env = Env::new();
    let path = write(&env, "f.csv", FILINGS);
    import_json(&env, &["filings", &path], 0);
    let before = env.snapshot();
    let changed = FILINGS.replace("铝合金门窗", "铝合金窗");
    let path = write(&env, "changed.csv", changed);
    let out = import(&env, &["filings", &path]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "line 4, column 备案号: filing number 50107-2013-0003 is recorded already as filing #3: \
             Q/JLP 003-2013 '铝合金门窗' of '重庆甲（集团）有限公司' filed 2013-07-03; this row differs in title ('铝合金窗')"
        ),
        "{err}"
    );
    assert_eq!(env.snapshot(), before);
}

#[test]
fn a_filing_number_repeated_in_the_file_is_skipped_or_refused() {
    let env = Env::new();
    let text = "企业名称,标准编号,标准名称,备案号,备案日期
甲公司,Q/JLP 001-2013,型材,F1,2013-05-01
甲公司,Q/JLP 001-2013,型材,F1,2013-05-01
乙公司,Q/JLP 001-2013,型材,F1,2013-05-01
";
    let path = write(&env, "f.csv", text);
    let (summary, err) = import_json(&env, &["filings", &path, "--skip-invalid"], 3);
    assert_eq!(counts(&summary), (1, 1, 1, 1), "{err}");
    assert!(
        err.contains("line 4, column 备案号: filing number F1 is given earlier in this file for Q/JLP 001-2013 '型材' of '甲公司'"),
        "{err}"
    );
    assert!(err.contains("differs in unit ('乙公司')"), "{err}");
    // The refused row created no unit.
    assert_eq!(field(&list(&env, "units"), "name"), ["甲公司"]);
}

#[test]
fn dates_in_every_spelling_clerks_use() {
    let env = Env::new();
    let text = "企业名称,标准编号,标准名称,备案号,备案日期
甲公司,Q/JLP 001-2013,a,F1,2013/5/1
甲公司,Q/JLP 002-2013,b,F2,2013.5.2
甲公司,Q/JLP 003-2013,c,F3,20130503
甲公司,Q/JLP 004-2013,d,F4,2013年5月4日
甲公司,Q/JLP 005-2013,e,F5, 2013-5-5 0:00
甲公司,Q/JLP 006-2013,f,F6,41395
";
    let path = write(&env, "f.csv", text);
    let (summary, err) = import_json(&env, &["filings", &path, "--skip-invalid"], 3);
    assert_eq!(counts(&summary), (5, 0, 1, 1));
    assert!(err.contains("line 7, column 备案日期: '41395' looks like a date Excel turned into a number"), "{err}");
    assert_eq!(
        field(&list(&env, "filings"), "filed_on"),
        ["2013-05-01", "2013-05-02", "2013-05-03", "2013-05-04", "2013-05-05"]
    );
}

#[test]
fn a_rows_unit_is_found_by_code_then_name() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "重庆甲有限公司", "--uscc", "91110000600037341L"]);
    env.ok(&["add-unit", "--name", "重庆乙有限公司", "--org-code", "00251805-7"]);
    let text = "企业名称,统一社会信用代码,组织机构代码,标准编号,标准名称,备案号,备案日期
重庆甲有限公司（改名）,91110000600037341L,,Q/JLP 001-2013,a,F1,2013-05-01
甲的别名,,60003734-1,Q/JLP 002-2013,b,F2,2013-05-02
重庆乙有限公司,,,Q/JLP 003-2013,c,F3,2013-05-03
重庆甲有限公司,9144030071526726XG,,Q/JLP 004-2013,d,F4,2013-05-04
";
    let path = write(&env, "f.csv", text);
    let (summary, err) = import_json(&env, &["filings", &path, "--skip-invalid"], 3);
    assert_eq!(counts(&summary), (3, 0, 1, 0), "{err}");
    assert_eq!(field(&list(&env, "filings"), "unit"), ["重庆甲有限公司", "重庆甲有限公司", "重庆乙有限公司"]);
    // A code wins over a name: the row goes to the unit with that code, and the clerk is told.
    assert!(
        err.contains(
            "stdtrack: warning: line 2, column 统一社会信用代码: this code belongs to '重庆甲有限公司' (#1); \
             the row is recorded under that unit and the name '重庆甲有限公司（改名）' is not stored"
        ),
        "{err}"
    );
    assert!(err.contains("warning: line 3, column 组织机构代码: this code belongs to '重庆甲有限公司' (#1)"), "{err}");
    assert!(
        err.contains(
            "line 5, column 企业名称: '重庆甲有限公司' is the name of unit #1 whose USCC is 91110000600037341L, not 9144030071526726XG"
        ),
        "{err}"
    );
}

#[test]
fn a_bad_check_character_is_kept_only_when_allowed() {
    let env = Env::new();
    let text = "企业名称,统一社会信用代码,标准编号,标准名称,备案号,备案日期
厦门试点公司,91350211M00013FA1N,Q/JLP 001-2013,a,F1,2013-05-01
";
    let path = write(&env, "f.csv", text);
    let (_, err) = import_json(&env, &["filings", &path], 1);
    assert!(err.contains("check character is N, expected 3"), "{err}");
    let (summary, err) = import_json(&env, &["filings", &path, "--allow-bad-check"], 0);
    assert_eq!(counts(&summary), (1, 0, 0, 1));
    assert!(err.contains("warning: line 2, column 统一社会信用代码: 91350211M00013FA1N"), "{err}");
    assert_eq!(field(&list(&env, "units"), "uscc"), ["91350211M00013FA1N"]);
}

#[test]
fn reviews_import_with_outcomes_in_both_languages() {
    let env = Env::new();
    let text = "企业名称,标准编号,复审日期,复审结论,备案号
重庆甲有限公司,Q/JLP 001-2013,2013-12-01,继续有效,50107-2013-0001
重庆甲有限公司,Q/JLP 001-2013,2013-12-01,确认,
重庆乙有限公司,Q/JLP 002-2013,2013.12.2,修订,
重庆乙有限公司,q/jlp 002-2013,2013-12-02,废止,
重庆丙有限公司,Q/JLP 003-2013,2013-12-03,maybe,
";
    let path = write(&env, "r.csv", text);
    let (summary, err) = import_json(&env, &["reviews", &path, "--skip-invalid"], 3);
    assert_eq!(counts(&summary), (2, 1, 2, 2), "{err}");
    assert!(err.contains("line 5, column 复审结论: a review of Q/JLP 002-2013 by '重庆乙有限公司' on 2013-12-02 is given earlier in this file with outcome revise; this row says abolish"), "{err}");
    assert!(
        err.contains(
            "line 6, column 复审结论: 'maybe' is not one of confirm (继续有效), revise (修订), abolish (废止)"
        ),
        "{err}"
    );
    let reviews = list(&env, "reviews");
    assert_eq!(field(&reviews, "outcome"), ["confirm", "revise"]);
    assert_eq!(field(&reviews, "reviewed_on"), ["2013-12-01", "2013-12-02"]);
    assert_eq!(field(&reviews, "filing_no"), ["50107-2013-0001", ""]);
    let p = env.cmd_on(TODAY).args(["progress", "--as-of", "2015-12-31", "--format", "json"]).output().unwrap();
    let p: Value = serde_json::from_slice(&p.stdout).unwrap();
    assert_eq!(
        (p["targets"][4]["code"].as_str(), p["targets"][4]["actual"].as_i64()),
        (Some("enterprise-reviews"), Some(2))
    );
    // Again: the good rows are there already; the changed outcome now meets the stored review.
    let (summary, err) = import_json(&env, &["reviews", &path, "--skip-invalid", "--rejects", "again.csv"], 3);
    assert_eq!(counts(&summary), (0, 3, 2, 0));
    assert!(err.contains("line 5, column 复审结论: a review of Q/JLP 002-2013 by '重庆乙有限公司' on 2013-12-02 is recorded already as review #2 with outcome revise"), "{err}");
    assert!(env.path("again.csv").exists());
}

#[test]
fn units_import_adds_new_units_and_leaves_existing_ones_as_stored() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "重庆甲有限公司", "--uscc", "91110000600037341L", "--industry", "铝加工"]);
    let text = "单位名称,统一社会信用代码,组织机构代码,单位类型,行业,所在地
重庆甲有限公司,91110000600037341L,,企业,装备制造,九龙园区
区标准化协会,,00251805-7,社会团体,,杨家坪
区质监局,,,department,,
区质监局,,,,,
重庆甲有限公司,9144030071526726XG,,,,
某某,,,工厂,,
";
    let path = write(&env, "u.csv", text);
    let (summary, err) = import_json(&env, &["units", &path, "--skip-invalid"], 3);
    assert_eq!(counts(&summary), (2, 2, 2, 2), "{err}");
    assert!(err.contains("warning: line 2, column 单位名称: '重庆甲有限公司' (#1) exists and was left as stored; the file differs in industry ('装备制造', stored '铝加工'), location ('九龙园区', stored '')"), "{err}");
    assert!(err.contains("line 6, column 单位名称: '重庆甲有限公司' is the name of unit #1"), "{err}");
    assert!(err.contains("line 7, column 单位类型: '工厂' is not one of"), "{err}");
    let units = list(&env, "units");
    assert_eq!(field(&units, "name"), ["重庆甲有限公司", "区标准化协会", "区质监局"]);
    assert_eq!(field(&units, "kind"), ["enterprise", "association", "department"]);
    assert_eq!(field(&units, "industry")[0], "铝加工");
    assert_eq!(field(&units, "org_code")[1], "00251805-7");
}

#[test]
fn what_is_not_an_import_is_refused_plainly() {
    let env = Env::new();
    let path = write(&env, "empty.csv", "");
    let err = stderr(&import(&env, &["filings", &path]));
    assert!(err.contains("the file is empty"), "{err}");
    let err = stderr(&import(&env, &["filings", env.path("missing.csv").to_str().unwrap()]));
    assert!(err.contains("cannot read"), "{err}");
    let path = write(&env, "f.csv", FILINGS);
    let out = import(&env, &["filings", &path, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    let out = import(&env, &["filings", &path, "--rejects", "x.csv"]);
    assert_eq!(out.status.code(), Some(2), "--rejects without --skip-invalid");
    // A GBK file read as UTF-8 (wrong --encoding): its header is named, with the way out.
    let (gbk, _, _) = encoding_rs::GBK.encode(FILINGS);
    let gbk = write(&env, "gbk.csv", gbk);
    let err = stderr(&import(&env, &["filings", &gbk, "--encoding", "utf-8"]));
    assert!(err.contains("the header did not decode as UTF-8: name the file's encoding with --encoding"), "{err}");
    let no_db = Env::empty();
    let err = stderr(&import(&no_db, &["filings", &path]));
    assert!(err.contains("stdtrack init"), "{err}");
    assert!(!no_db.db.exists());
}

#[test]
fn clerks_slips_are_named_plainly_and_nothing_is_written() {
    let env = Env::new();
    let before = env.snapshot();
    // A quote opened and never closed swallows the next rows: refused, not stored as one title.
    let path = write(
        &env,
        "quote.csv",
        "企业名称,统一社会信用代码,标准编号,标准名称,备案号,备案日期\n\
         重庆甲,,Q/JLP 2-2013,\"金龙牌型材,F2,2013-05-01\n\
         重庆甲,,Q/JLP 3-2013,x,F3,2013-05-01\n\
         重庆甲,,Q/JLP 4-2013,\"x\",F4,2013-05-01\n",
    );
    let out = import(&env, &["filings", &path]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("line 2, column 标准名称: the value runs over several lines"), "{err}");
    assert!(err.contains("a quote (\") opened on line 2 was probably never closed"), "{err}");
    // The workbook itself instead of a CSV saved from it.
    let path = write(&env, "book.xlsx", b"PK\x03\x04\x14\x00\x06\x00rest of a zip");
    let out = import(&env, &["filings", &path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is an Excel workbook (.xlsx)"), "{}", stderr(&out));
    // A units row with a bad field gets its own reason only.
    let path = write(&env, "u.csv", "单位名称,单位类型\n,企业\n");
    let out = import(&env, &["units", &path]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("line 2, column 单位名称: the value is empty") && !err.contains("internal"), "{err}");
    // --rejects may never name the database.
    let good =
        write(&env, "f.csv", "企业名称,标准编号,标准名称,备案号,备案日期\n重庆甲,Q/JLP 1-2013,t,F1,2013-05-01\n");
    let out = import(&env, &["filings", &good, "--skip-invalid", "--rejects", env.db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("names the database"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), before);
}

// ----- issue 8: the import in Chinese first -----

/// The binary without the harness's `--lang en`: the environment is cleared, so the reader's
/// language is the default, Chinese.
fn bare(env: &Env) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("stdtrack").expect("binary");
    c.env_clear().current_dir(env.dir.path()).args(["--db", env.db.to_str().unwrap(), "--today", TODAY]);
    c
}

/// The same, as a plain `std::process::Command` (for files and pipes as stdout or stderr).
fn bare_std(env: &Env) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_stdtrack"));
    c.env_clear().current_dir(env.dir.path()).args(["--db", env.db.to_str().unwrap(), "--today", TODAY]);
    c
}

fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad);
    bytes.into_owned()
}

#[test]
fn a_gbk_file_with_bad_rows_is_refused_in_the_readers_language() {
    let env = Env::new();
    let before = env.snapshot();
    let path = write(&env, "bad.csv", gbk(WITH_BAD_ROWS));
    let out = bare(&env).args(["--lang", "zh", "import", "filings", &path]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 7, "{err}");
    assert_eq!(lines[0], "第3行，「备案日期」列：2013-02-30 不是真实存在的日期");
    assert!(
        lines[1].starts_with("第6行，「统一社会信用代码」列：91310115MA1K3BTP2A：校验位是 A，按规则应为 B"),
        "{err}"
    );
    assert!(lines[1].contains("--allow-bad-check"), "{err}");
    assert!(
        lines[2].starts_with("第7行，「统一社会信用代码」列：「1.21200004013591E+17」：看起来被 Excel 当成了数字"),
        "{err}"
    );
    assert_eq!(lines[3], "第8行，「标准编号」列：GB/T 1.1-2020 是国家标准，不是企业标准（Q/...）");
    assert_eq!(lines[4], "第9行，「标准名称」列：内容为空；此列必须填写");
    assert!(lines[5].starts_with("第9行，「备案日期」列：「sometime」：应为 2013-05-01 这样的日期"), "{err}");
    assert!(lines[6].starts_with("stdtrack：没有导入任何内容：有 5 行有错误"), "{err}");
    // The same run in English.
    let out = bare(&env).args(["--lang", "en", "import", "filings", &path]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[0], "line 3, column 备案日期: 2013-02-30 is not a real date");
    assert_eq!(lines[4], "line 9, column 标准名称: the value is empty; this column must be filled in");
    assert!(lines[6].starts_with("stdtrack: nothing was imported: 5 rows have errors"), "{err}");
    assert_eq!(env.snapshot(), before);
    // Header errors too: a missing column, an ignored one, the workbook itself.
    let path =
        write(&env, "h.csv", gbk("企业名称,标准编号,标准名称,备案日期,联系人\n某公司,Q/A 1-2013,t,2013-05-01,张\n"));
    let err = stderr(&bare(&env).args(["import", "filings", &path]).output().unwrap());
    assert_eq!(
        err.trim_end(),
        "stdtrack：第1行：文件缺少备案导入所需的列 备案号（filing_no）；文件中的列为：企业名称、标准编号、标准名称、备案日期、联系人；没有导入任何内容"
    );
    let path = write(&env, "book.xlsx", b"PK\x03\x04\x14\x00\x06\x00rest of a zip");
    let err = stderr(&bare(&env).args(["import", "filings", &path]).output().unwrap());
    assert!(err.contains("是 Excel 工作簿（.xlsx），不是 CSV 文件"), "{err}");
    let path = write(&env, "extra.csv", gbk(&FILINGS.replace("备案日期\n", "备案日期,备注\n")));
    let out = bare(&env).args(["import", "filings", &path]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "stdtrack：警告：备案导入不使用这些列，已忽略：备注\n");
}

#[test]
fn the_summary_and_the_rejects_file_are_chinese_by_default_and_reimport() {
    let env = Env::new();
    let path = write(&env, "bad.csv", gbk(WITH_BAD_ROWS));
    let out = bare(&env).args(["import", "filings", &path, "--skip-invalid"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let summary = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(
        summary,
        format!("已导入备案，{path}（GB18030），批次 1：新增 3 条，已存在跳过 0 条，拒绝 5 条，新建单位 3 个\n")
    );
    let err = stderr(&out);
    assert!(err.contains("第3行，「备案日期」列：2013-02-30 不是真实存在的日期"), "{err}");
    assert!(err.contains("stdtrack：有 5 行被拒收，已写入"), "{err}");

    let bytes = std::fs::read(env.path("bad.csv.rejects.csv")).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header.last().map(String::as_str), Some("错误"));
    let records: Vec<Vec<String>> = rows.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    assert_eq!(records[0][7], "「备案日期」列：2013-02-30 不是真实存在的日期");
    assert!(
        records[4][7].starts_with("「标准名称」列：内容为空；此列必须填写；「备案日期」列：「sometime」"),
        "{:?}",
        records[4]
    );

    // Fixed and imported as it is: the 错误 column is recognised, not an unknown column.
    let fixed = text
        .replace("2013-02-30", "2013-02-28")
        .replace("91310115MA1K3BTP2A", "91310115MA1K3BTP2B")
        .replace("1.21200004013591E+17", "121200004013590816")
        .replace("GB/T 1.1-2020", "Q/JLP 008-2013")
        .replace(",,F-0009,sometime", ",传感器,F-0009,2013-09-09");
    let fixed_path = write(&env, "fixed.csv", [&[0xEF, 0xBB, 0xBF][..], fixed.as_bytes()].concat());
    let out = bare(&env).args(["import", "filings", &fixed_path]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("新增 5 条"), "{:?}", out.stdout);
    assert_eq!(list(&env, "filings").as_array().unwrap().len(), 8);
    // A dry run says so, in Chinese.
    let out = bare(&env).args(["import", "filings", &fixed_path, "--dry-run"]).output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "试运行（未写入）：备案，{fixed_path}（UTF-8 带 BOM）：将新增 0 条，已存在跳过 5 条，拒绝 0 条，将新建单位 0 个\n"
        )
    );
}

// ----- issue 7: nothing may destroy or falsify the record -----

/// Runs an import under a file-size limit (KiB), with SIGXFSZ ignored (writes past the limit
/// fail) or not (the process is killed at the first one).
#[cfg(target_os = "linux")]
fn import_with_file_limit(env: &Env, kib: u32, ignore_signal: bool, args: &[&str]) -> Output {
    let trap = if ignore_signal { "trap '' XFSZ;" } else { "" };
    std::process::Command::new("/bin/bash")
        .env_clear()
        .current_dir(env.dir.path())
        .arg("-c")
        .arg(format!("{trap} ulimit -f {kib}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_stdtrack"))
        .args(["--db", env.db.to_str().unwrap(), "--today", TODAY, "--lang", "en", "import"])
        .args(args)
        .output()
        .expect("bash")
}

#[cfg(target_os = "linux")]
#[test]
fn the_rejects_file_appears_only_after_the_commit() {
    // Enough rows that the commit writes over a megabyte to the WAL, while the database file
    // (under a megabyte) and the rejects are written below the limit.
    let mut text = String::from("企业名称,标准编号,标准名称,备案号,备案日期\n");
    for i in 0..6000 {
        text.push_str(&format!("重庆第{i}号有限公司,Q/JLP {i}-2013,铝合金型材第{i}种,F-{i:05},2013-05-01\n"));
    }
    text.push_str("重庆坏有限公司,Q/JLP 1-2013,t,F-BAD,2013-02-30\n");
    for ignore_signal in [true, false] {
        let env = Env::new();
        assert!(std::fs::metadata(&env.db).unwrap().len() < 1 << 20);
        let before = env.snapshot();
        let path = write(&env, "f.csv", &text);
        let out = import_with_file_limit(&env, 1024, ignore_signal, &["filings", &path, "--skip-invalid"]);
        if ignore_signal {
            // The commit failed: exit 1, with the disk named.
            assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
            assert!(stderr(&out).contains("line 6002, column 备案日期"), "{}", stderr(&out));
        } else {
            assert_eq!(out.status.code(), None, "killed by SIGXFSZ: {}", stderr(&out));
        }
        assert_eq!(env.snapshot(), before, "nothing was imported");
        let names: Vec<String> =
            std::fs::read_dir(env.dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        assert!(!names.iter().any(|n| n.contains("rejects")), "{names:?}");
        // A failed commit cleans up the rejects' staged copy; only a kill during the commit
        // itself can leave it (hidden, under another name).
        if ignore_signal {
            assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
        }
        // With room, the same import commits and then writes its rejects file.
        let out = import(&env, &["filings", &path, "--skip-invalid"]);
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
        assert!(env.path("f.csv.rejects.csv").exists());
    }
}

#[test]
fn no_rejects_file_when_nothing_is_imported() {
    let env = Env::new();
    let path = write(&env, "bad.csv", WITH_BAD_ROWS);
    for args in [vec!["filings", &path], vec!["filings", &path, "--skip-invalid", "--dry-run"]] {
        let out = import(&env, &args);
        assert_ne!(out.status.code(), Some(0));
        assert!(!env.path("bad.csv.rejects.csv").exists(), "{args:?}");
    }
    // A rejects folder that cannot be written refuses the import before anything is stored.
    let before = env.snapshot();
    let out = import(&env, &["filings", &path, "--skip-invalid", "--rejects", "no/such/folder/r.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot write no/such/folder/r.csv"), "{}", stderr(&out));
    assert_eq!(env.snapshot(), before);
}

#[test]
fn huge_rows_and_cells_are_row_errors_and_at_most_200_are_shown() {
    let env = Env::new();
    let mut text = String::from("企业名称,标准编号,标准名称,备案号,备案日期\n");
    text.push_str("重庆甲有限公司,Q/JLP 1-2013,铝合金型材,F-1,2013-05-01\n");
    // Line 3: a title of 100 KiB; line 4: a line of 2 MiB (a quote never closed would do the same).
    text.push_str(&format!("重庆甲有限公司,Q/JLP 2-2013,{},F-2,2013-05-01\n", "长".repeat(34_000)));
    text.push_str(&format!("重庆甲有限公司,Q/JLP 3-2013,{},F-3,2013-05-01\n", "x".repeat(2 << 20)));
    for i in 0..300 {
        text.push_str(&format!("重庆甲有限公司,Q/JLP {}-2013,t,F-{},2013-02-30\n", i + 10, i + 10));
    }
    let path = write(&env, "big.csv", &text);
    let out = import(&env, &["filings", &path, "--skip-invalid"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[0].starts_with("line 3, column 标准名称: the value is 100 KiB long, more than the 64 KiB"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("line 4: the row is longer than 1 MiB"), "{}", lines[1]);
    assert!(lines.iter().all(|l| l.chars().count() < 400), "a line quotes a value whole");
    let shown = lines.iter().filter(|l| l.starts_with("line ")).count();
    assert_eq!(shown, 200, "{err}");
    assert!(
        lines[200].starts_with("… and 102 more row errors not shown here; every rejected row is in"),
        "{}",
        lines[200]
    );
    assert!(lines[201].starts_with("stdtrack: 302 rejected rows are written to"), "{}", lines[201]);
    assert_eq!(lines.len(), 202);
    // Every rejected row is in the rejects file.
    let bytes = std::fs::read(env.path("big.csv.rejects.csv")).unwrap();
    let mut rows = csv::ReaderBuilder::new().flexible(true).from_reader(&bytes[3..]);
    assert_eq!(rows.records().count(), 302);
    assert_eq!(field(&list(&env, "filings"), "filing_no"), ["F-1"]);
    // A refused import says how many more there were, and how to get them all.
    let out = import(&env, &["filings", &path]);
    let err = stderr(&out);
    assert!(err.contains("… and 102 more row errors not shown here (with --skip-invalid"), "{err}");
}

#[test]
fn stdout_or_stderr_that_cannot_be_written() {
    let env = Env::new();
    let bad = write(&env, "bad.csv", WITH_BAD_ROWS);
    let full = || std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    // A refused import with stderr on a full disk: still exit 1, no panic, nothing stored.
    let before = env.snapshot();
    let out = bare_std(&env)
        .args(["--lang", "en", "import", "filings", &bad])
        .stderr(std::process::Stdio::from(full()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(env.snapshot(), before);
    // --skip-invalid whose summary cannot be written: exit 3 (the rejects file says more).
    let out = bare_std(&env)
        .args(["--lang", "en", "import", "filings", &bad, "--skip-invalid"])
        .stdout(std::process::Stdio::from(full()))
        .stderr(std::process::Stdio::from(full()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(list(&env, "filings").as_array().unwrap().len(), 3);
    assert!(env.path("bad.csv.rejects.csv").exists());
    // Its summary to a reader that left: exit 3 too.
    let bad2 = write(&env, "bad2.csv", WITH_BAD_ROWS.replace("F-00", "G-00"));
    let mut child = bare_std(&env)
        .args(["--lang", "en", "import", "filings", &bad2, "--skip-invalid"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    drop(child.stderr.take());
    assert_eq!(child.wait().unwrap().code(), Some(3));
    assert_eq!(list(&env, "filings").as_array().unwrap().len(), 6);
    // A clean import whose summary is lost is recorded: exit 4, not 1 (do not import it twice).
    let good = write(&env, "good.csv", FILINGS);
    let out = bare_std(&env)
        .args(["--lang", "en", "import", "filings", &good])
        .stdout(std::process::Stdio::from(full()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert_eq!(list(&env, "filings").as_array().unwrap().len(), 10);
}

#[test]
fn control_characters_and_late_zero_bytes_are_row_errors() {
    let env = Env::new();
    let mut text = String::from("企业名称,标准编号,标准名称,备案号,备案日期,备注\n");
    // Enough good rows that the zero byte below is far past the first 4 KiB.
    for i in 0..100 {
        text.push_str(&format!("重庆甲有限公司,Q/JLP {i}-2013,型材{i},F-{i},2013-05-01,\n"));
    }
    text.push_str("重庆甲有限公司,Q/JLP 200-2013,型材\u{1b}[2J,F-200,2013-05-01,\n");
    text.push_str("重庆乙\u{85}有限公司,Q/JLP 201-2013,型材,F-201,2013-05-01,\n");
    text.push_str("重庆甲有限公司,Q/JLP 202-2013,型材,F-202,2013-05-01,备\0注\n");
    text.push_str("重庆甲有限公司,Q/JLP 203-2013,\"型材\t（A型）\n第二行\",F-203,2013-05-01,\n");
    let path = write(&env, "c.csv", &text);
    let out = import(&env, &["filings", &path, "--skip-invalid"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().filter(|l| !l.contains("ignoring columns")).collect();
    assert_eq!(
        lines[0],
        "line 102, column 标准名称: '型材\\u{1b}[2J' holds a control character (such as ESC or NUL); remove it and save again"
    );
    assert!(
        lines[1].starts_with("line 103, column 企业名称: '重庆乙\\u{85}有限公司' holds a control character"),
        "{err}"
    );
    assert!(lines[2].starts_with("line 104, column 备注: '备\\u{0}注' holds a control character"), "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\0'), "a control character reached the terminal");
    assert_eq!(lines.len(), 4, "{err}");
    // A tab and a line break inside a quoted cell are text.
    let filings = list(&env, "filings");
    assert_eq!(filings.as_array().unwrap().len(), 101);
    assert_eq!(filings[100]["title"], "型材 （A型） 第二行");
}

#[test]
fn a_voided_record_is_not_brought_back_by_reimporting_its_file() {
    let env = Env::new();
    let path = write(&env, "f.csv", FILINGS);
    import_json(&env, &["filings", &path], 0);
    env.ok(&["void", "filing", "3", "--reason", "重复录入"]);
    let audit = list(&env, "audit");
    let void = audit.as_array().unwrap().iter().find(|a| a["action"] == "void").unwrap();
    let day = &void["at"].as_str().unwrap()[..10];
    let (summary, err) = import_json(&env, &["filings", &path], 0);
    assert_eq!(counts(&summary), (0, 4, 0, 0), "{err}");
    assert_eq!(
        err.trim_end(),
        format!(
            "stdtrack: warning: line 4, column 备案号: this row is filing #3, voided on {day}: 重复录入; skipped, not recorded again"
        )
    );
    let filings = list(&env, "filings");
    assert_eq!(filings.as_array().unwrap().len(), 4, "no filing added");
    let p = env.cmd_on(TODAY).args(["progress", "--as-of", "2015-12-31", "--format", "json"]).output().unwrap();
    let p: Value = serde_json::from_slice(&p.stdout).unwrap();
    assert_eq!(p["targets"][3]["actual"], 3, "the voided filing still does not count");
    // In Chinese, by default.
    let out = bare(&env).args(["import", "filings", &path]).output().unwrap();
    assert!(
        stderr(&out).contains(&format!(
            "第4行，「备案号」列：这一行是已作废的备案 #3（{day} 作废，原因：重复录入），已跳过，不再重新录入"
        )),
        "{}",
        stderr(&out)
    );
    // The corrected row (another title under the same number) is recorded.
    let corrected = write(&env, "c.csv", FILINGS.replace("铝合金门窗", "铝合金门窗（修正）"));
    let (summary, err) = import_json(&env, &["filings", &corrected], 0);
    assert_eq!(counts(&summary), (1, 3, 0, 0), "{err}");

    // Reviews: the voided one is skipped; one with another outcome is the correction.
    let reviews = "企业名称,标准编号,复审日期,复审结论
重庆甲有限公司,Q/JLP 001-2013,2013-12-01,继续有效
重庆乙有限公司,Q/JLP 002-2013,2013-12-02,修订
";
    let path = write(&env, "r.csv", reviews);
    import_json(&env, &["reviews", &path], 0);
    env.ok(&["void", "review", "2", "--reason", "结论录错"]);
    let (summary, err) = import_json(&env, &["reviews", &path], 0);
    assert_eq!(counts(&summary), (0, 2, 0, 0), "{err}");
    assert!(err.contains("line 3: this row is review #2, voided on"), "{err}");
    assert!(err.contains(": 结论录错; skipped, not recorded again"), "{err}");
    let path = write(&env, "r2.csv", reviews.replace("修订", "废止"));
    let (summary, err) = import_json(&env, &["reviews", &path], 0);
    assert_eq!(counts(&summary), (1, 1, 0, 0), "{err}");
    assert_eq!(field(&list(&env, "reviews"), "outcome"), ["confirm", "revise", "abolish"]);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_before_it_is_opened() {
    let env = Env::new();
    let fifo = env.path("pipe.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    // Opening a FIFO with no writer would hang: the timeout turns a hang into a failure.
    let out = env
        .cmd_on(TODAY)
        .args(["import", "filings", fifo.to_str().unwrap()])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("is not a regular file (it is a folder, a pipe or a device)"), "{}", stderr(&out));
}

#[test]
fn a_utf8_file_with_one_gbk_row_keeps_its_text_and_names_the_encoding() {
    let env = Env::new();
    let head = "企业名称,标准编号,标准名称,备案号,备案日期\n重庆甲有限公司,Q/JLP 1-2013,铝合金型材,F1,2013-05-01\n";
    let bytes = [
        head.as_bytes(),
        &gbk("重庆乙有限公司,Q/JLP 2-2013,摩托车发动机,F2,2013-05-02\n"),
        "重庆丙有限公司,Q/JLP 3-2013,齿轮箱,F3,2013-05-03\n".as_bytes(),
    ]
    .concat();
    let path = write(&env, "mixed.csv", bytes);
    let (summary, err) = import_json(&env, &["filings", &path, "--skip-invalid"], 3);
    assert_eq!(counts(&summary), (2, 0, 1, 2), "{err}");
    assert_eq!(summary["encoding"], "UTF-8");
    assert!(err.contains("line 3, column 企业名称: the value is not valid UTF-8"), "{err}");
    assert!(err.contains("--encoding gb18030"), "{err}");
    assert_eq!(field(&list(&env, "filings"), "title"), ["铝合金型材", "齿轮箱"]);
    assert_eq!(field(&list(&env, "units"), "name"), ["重庆甲有限公司", "重庆丙有限公司"]);
}

#[test]
fn an_unclosed_quote_is_reported_on_the_line_it_opens() {
    let env = Env::new();
    for end in ["\n", "\r\n"] {
        let text = [
            "企业名称,统一社会信用代码,标准编号,标准名称,备案号,备案日期",
            "重庆甲,,Q/JLP 1-2013,型材,F1,2013-05-01",
            "重庆甲,,Q/JLP 2-2013,\"金龙牌型材,F2,2013-05-01",
            "重庆甲,,Q/JLP 3-2013,x,F3,2013-05-01",
            "",
        ]
        .join(end);
        let path = write(&env, "q.csv", text);
        let err = stderr(&import(&env, &["filings", &path]));
        assert!(
            err.starts_with("line 3, column 标准名称: the value runs over several lines and holds a separator: a quote (\") opened on line 3"),
            "{end:?}: {err}"
        );
    }
}
