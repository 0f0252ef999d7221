//! Issue 10, end to end: the register as the office keeps it. Each shape (titles above the
//! header, totals rows, header variants, Excel dates, codes in the other column, near-miss
//! names, remarks) is imported from a GBK CSV, a UTF-16 "Unicode text" file (with and without
//! its BOM) and an .xlsx workbook made here with rust_xlsxwriter, and the records stored are
//! checked in what `list` prints. Then the round trip: what `list --excel` and `--format xlsx`
//! write imports back unchanged, in both languages.

mod common;

use std::path::PathBuf;
use std::process::Output;

use common::Env;
use serde_json::Value;

const TODAY: &str = "2016-06-01";

/// A cell as a clerk typed it in Excel.
#[derive(Debug, Clone)]
enum C {
    T(String),
    /// A number cell (General format).
    N(f64),
    /// A date cell.
    D(u16, u8, u8),
    E,
}

fn t(s: &str) -> C {
    C::T(s.to_string())
}

type Sheet = Vec<Vec<C>>;

/// How a number shows in a General cell, as Excel writes it to a CSV: digits, or for a long
/// number (a USCC typed as one) `9.15001E+17`.
fn general(f: f64) -> String {
    if f.abs() >= 1e11 {
        let e = f.abs().log10().floor() as i32;
        let m = f / 10f64.powi(e);
        let mantissa = format!("{m:.5}").trim_end_matches('0').trim_end_matches('.').to_string();
        format!("{mantissa}E+{e}")
    } else {
        format!("{f}")
    }
}

fn shown(c: &C) -> String {
    match c {
        C::T(s) => s.clone(),
        C::N(f) => general(*f),
        // Chinese Excel shows a date cell as 2013/7/1, and saves it so.
        C::D(y, m, d) => format!("{y}/{m}/{d}"),
        C::E => String::new(),
    }
}

/// The sheet as Excel's plain "CSV" saves it on Chinese Windows: GBK, CRLF.
fn gbk_csv(sheet: &Sheet) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    for row in sheet {
        w.write_record(row.iter().map(shown)).unwrap();
    }
    let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
    let (bytes, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad, "not GBK: {text}");
    bytes.into_owned()
}

/// The sheet as "Unicode text": UTF-16LE, tab-separated, CRLF; with its BOM, or without.
fn utf16_txt(sheet: &Sheet, bom: bool) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().delimiter(b'\t').terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    for row in sheet {
        w.write_record(row.iter().map(shown)).unwrap();
    }
    let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
    let start: &[u8] = if bom { &[0xFF, 0xFE] } else { &[] };
    start.iter().copied().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect()
}

/// The sheets as an .xlsx workbook, cells typed as given.
fn xlsx(sheets: &[(&str, &Sheet)]) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy/m/d");
    for (name, sheet) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in sheet.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    C::T(s) => {
                        ws.write_string(r, c, s).unwrap();
                    }
                    C::N(f) => {
                        ws.write_number(r, c, *f).unwrap();
                    }
                    C::D(y, m, d) => {
                        ws.write_datetime_with_format(r, c, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date)
                            .unwrap();
                    }
                    C::E => {}
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// The three forms a register arrives in, with the word its messages use for a row.
fn every_form(sheet: &Sheet) -> Vec<(&'static str, Vec<u8>, &'static str)> {
    vec![
        ("register.csv", gbk_csv(sheet), "line"),
        ("register.txt", utf16_txt(sheet, true), "line"),
        ("nobom.txt", utf16_txt(sheet, false), "line"),
        ("register.xlsx", xlsx(&[("备案登记", sheet)]), "row"),
    ]
}

fn write(env: &Env, name: &str, bytes: &[u8]) -> String {
    let path = env.path(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn run(env: &Env, args: &[&str]) -> Output {
    env.cmd_on(TODAY).args(args).output().expect("run")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// An import with --format json: insists on `code`, returns the summary and stderr.
fn import(env: &Env, args: &[&str], code: i32) -> (Value, String) {
    let out = env.cmd_on(TODAY).arg("import").args(args).args(["--format", "json"]).output().expect("run");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    let summary = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("no JSON ({e}): {err}"));
    (summary, err)
}

fn counts(v: &Value) -> (i64, i64, i64, i64) {
    let n = |k: &str| v[k].as_i64().unwrap_or_else(|| panic!("{k} in {v}"));
    (n("added"), n("skipped"), n("rejected"), n("units_created"))
}

fn list(env: &Env, kind: &str) -> Value {
    env.json(&["list", kind])
}

fn field(list: &Value, key: &str) -> Vec<String> {
    list.as_array().unwrap().iter().map(|r| r[key].as_str().unwrap_or("").to_string()).collect()
}

fn blank(n: usize) -> Vec<C> {
    vec![C::E; n]
}

/// A register as an office keeps it: a title and a unit line above the header, a blank row,
/// a 序号 column, header variants, a date cell, a date as a General number, an organisation
/// code in the USCC column, a comma in a title, remarks, a totals row and a blank row at the end.
fn office_register() -> Sheet {
    let mut title = blank(8);
    title[0] = t("九龙坡区企业产品标准备案登记表（2013年）");
    let mut unit_line = blank(8);
    unit_line[0] = t("单位：项");
    let mut totals = blank(8);
    totals[0] = t("合计");
    totals[4] = t("3项");
    vec![
        title,
        unit_line,
        blank(8),
        [
            "序号",
            "企业名称",
            "统一社会信用代码（组织机构代码）",
            "企业标准编号",
            "产品名称",
            "备案编号",
            "备案时间（年月日）",
            "备注",
        ]
        .iter()
        .map(|s| t(s))
        .collect(),
        vec![
            C::N(1.0),
            t("重庆甲（集团）有限公司"),
            t("91110000600037341L"),
            t("Q/JLP 001-2013"),
            t("铝合金型材"),
            t("50107-2013-0001"),
            C::D(2013, 7, 1),
            t("急件"),
        ],
        vec![
            C::N(2.0),
            t("重庆乙有限公司"),
            t("00251805-7"),
            t("Q/JLP 002-2013"),
            t("摩托车发动机,通用"),
            t("50107-2013-0002"),
            C::N(41457.0),
            C::E,
        ],
        vec![
            C::N(3.0),
            t("重庆丙有限公司"),
            C::E,
            t("Q/JLP 003-2013"),
            t("齿轮箱"),
            t("50107-2013-0003"),
            t("2013年7月3日"),
            C::E,
        ],
        totals,
        blank(8),
    ]
}

#[test]
fn a_register_with_titles_totals_and_header_variants_imports_in_every_form() {
    let mut first: Option<(Value, Value)> = None;
    for (name, bytes, row) in every_form(&office_register()) {
        let env = Env::new();
        let path = write(&env, name, &bytes);
        let (summary, err) = import(&env, &["filings", &path], 0);
        assert_eq!(counts(&summary), (3, 0, 0, 3), "{name}: {err}");
        let rows = if row == "row" { "rows" } else { "lines" };
        let warnings: Vec<&str> = err.lines().collect();
        assert_eq!(
            warnings,
            [
                format!(
                    "stdtrack: warning: the header is on {row} 4; the {rows} above it are not records and were \
                     skipped: {row} 1 '九龙坡区企业产品标准备案登记表（2013年）', {row} 2 '单位：项'"
                ),
                format!(
                    "stdtrack: warning: {row} 6, column 统一社会信用代码（组织机构代码）: 00251805-7 is an \
                     organisation code (9 characters), not a USCC; recorded as the organisation code"
                ),
                format!("stdtrack: warning: {row} 8: this is a totals row ('合计'), not a record; skipped"),
            ],
            "{name}"
        );
        let filings = list(&env, "filings");
        assert_eq!(field(&filings, "filing_no"), ["50107-2013-0001", "50107-2013-0002", "50107-2013-0003"], "{name}");
        assert_eq!(field(&filings, "filed_on"), ["2013-07-01", "2013-07-02", "2013-07-03"], "{name}");
        assert_eq!(field(&filings, "title"), ["铝合金型材", "摩托车发动机,通用", "齿轮箱"], "{name}");
        assert_eq!(filings[0]["remark"], "急件", "{name}");
        assert_eq!(filings[1]["remark"], Value::Null, "{name}");
        assert_eq!(field(&filings, "uscc"), ["91110000600037341L", "", ""], "{name}");
        let units = list(&env, "units");
        assert_eq!(field(&units, "name"), ["重庆甲（集团）有限公司", "重庆乙有限公司", "重庆丙有限公司"], "{name}");
        assert_eq!(field(&units, "uscc"), ["91110000600037341L", "", ""], "{name}");
        assert_eq!(field(&units, "org_code"), ["", "00251805-7", ""], "{name}");
        // The same records whatever form the register came in.
        let records = (filings, units);
        match &first {
            None => first = Some(records),
            Some(seen) => assert_eq!(&records, seen, "{name} differs"),
        }
        // Imported again: every row is there already, and the notes are the same.
        let (summary, _) = import(&env, &["filings", &path], 0);
        assert_eq!(counts(&summary), (0, 3, 0, 0), "{name}");
    }
}

/// A register with a title row, a USCC typed as a number (row 5) and a number in the date
/// column that is no date of the plan's years (row 6).
fn register_with_faults() -> Sheet {
    let mut title = blank(5);
    title[0] = t("2014年企业标准备案");
    vec![
        title,
        blank(5),
        ["企业名称", "统一社会信用代码", "标准编号", "标准名称", "备案号"].iter().map(|s| t(s)).collect(),
        vec![t("重庆甲有限公司"), t("91110000600037341L"), t("Q/JLP 001-2014"), t("型材"), t("F-1")],
        vec![t("重庆乙有限公司"), C::N(915001071862659000.0), t("Q/JLP 002-2014"), t("门窗"), t("F-2")],
        vec![t("重庆丙有限公司"), C::E, t("Q/JLP 003-2014"), t("齿轮"), t("F-3")],
    ]
}

#[test]
fn refusals_name_the_sheets_own_row_and_the_header_as_written() {
    // The date column is added here, its header as a clerk wrote it.
    let mut sheet = register_with_faults();
    for (i, row) in sheet.iter_mut().enumerate() {
        row.push(match i {
            2 => t("备案时间"),
            3 => C::D(2014, 3, 1),
            4 => C::D(2014, 3, 2),
            5 => C::N(45000.0),
            _ => C::E,
        });
    }
    for (name, bytes, row) in every_form(&sheet) {
        let env = Env::new();
        let before = env.snapshot();
        let path = write(&env, name, &bytes);
        let out = run(&env, &["import", "filings", &path]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        let lines: Vec<&str> = err.lines().filter(|l| !l.contains("warning")).collect();
        assert_eq!(lines.len(), 3, "{name}: {err}");
        assert!(
            lines[0].starts_with(&format!("{row} 5, column 统一社会信用代码: "))
                && lines[0].contains("format the column as text"),
            "{name}: {err}"
        );
        assert_eq!(
            lines[1],
            format!(
                "{row} 6, column 备案时间: '45000' as an Excel date number would be 2023-03-15, outside the plan's years \
                 (2012-2015), so it is not guessed: if it is a date, format the column as a date or write it as \
                 2023-03-15; if not, correct it"
            ),
            "{name}"
        );
        assert!(lines[2].starts_with("stdtrack: nothing was imported: 2 rows have errors"), "{name}: {err}");
        assert_eq!(env.snapshot(), before, "{name}: nothing is written");
        // In Chinese, 第6行 for a sheet's row as for a file's line.
        let out = run(&env, &["--lang", "zh", "import", "filings", &path]);
        assert!(
            stderr(&out).contains("第6行，「备案时间」列：「45000」若是 Excel 的日期序号，则为 2023-03-15"),
            "{name}"
        );
        // --skip-invalid: the good row is stored, the bad ones go to a CSV with the header found.
        let (summary, _) = import(&env, &["filings", &path, "--skip-invalid", "--rejects", "bad.csv"], 3);
        assert_eq!(counts(&summary), (1, 0, 2, 1), "{name}");
        assert_eq!(field(&list(&env, "filings"), "filing_no"), ["F-1"], "{name}");
        let rejects = std::fs::read_to_string(env.path("bad.csv")).unwrap();
        let mut lines = rejects.trim_start_matches('\u{feff}').lines();
        assert_eq!(lines.next(), Some("企业名称,统一社会信用代码,标准编号,标准名称,备案号,备案时间,error"), "{name}");
        assert!(lines.next().unwrap().starts_with("重庆乙有限公司,"), "{name}: {rejects}");
        assert!(
            lines.next().unwrap().starts_with("重庆丙有限公司,,Q/JLP 003-2014,齿轮,F-3,45000,"),
            "{name}: {rejects}"
        );
    }
}

#[test]
fn a_code_column_the_import_cannot_place_is_refused_by_its_header() {
    let sheet: Sheet = vec![
        ["企业名称", "企业代码", "标准编号", "标准名称", "备案号", "备案日期"].iter().map(|s| t(s)).collect(),
        vec![t("重庆甲有限公司"), t("JLP-01"), t("Q/JLP 001-2014"), t("型材"), t("F-1"), C::D(2014, 3, 1)],
    ];
    for (name, bytes, row) in every_form(&sheet) {
        let env = Env::new();
        let path = write(&env, name, &bytes);
        let out = run(&env, &["import", "filings", &path]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        assert!(
            err.starts_with(&format!(
                "stdtrack: {row} 1: column '企业代码' looks like a code or number, but is none a filings import knows"
            )),
            "{name}: {err}"
        );
        assert!(list(&env, "filings").as_array().unwrap().is_empty());
    }
}

/// Filings naming a stored unit in another form, two new enterprises whose names differ in a
/// letter, and a near miss of a unit the file itself creates.
fn near_misses() -> Sheet {
    let row = |name: &str, no: &str| vec![t(name), t("Q/JLP 001-2014"), t("型材"), t(no), C::D(2014, 3, 1)];
    vec![
        ["企业名称", "标准编号", "标准名称", "备案号", "备案日期"].iter().map(|s| t(s)).collect(),
        row("重庆西南铝业有限责任公司", "F-1"),
        row("重庆甲机械有限公司", "F-2"),
        row("重庆乙机械有限公司", "F-3"),
        row("新单位甲", "F-4"),
        row("新单位乙", "F-5"),
        row("重庆丁铝业有限公司", "F-6"),
        row("丁铝业（集团）有限责任公司", "F-7"),
    ]
}

#[test]
fn a_name_in_another_form_is_not_made_a_new_unit_unless_asked() {
    for (name, bytes, row) in every_form(&near_misses()) {
        let env = Env::new();
        env.ok(&["add-unit", "--name", "重庆西南铝业有限公司"]);
        let path = write(&env, name, &bytes);
        let before = env.snapshot();
        let out = run(&env, &["import", "filings", &path]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 3, "{name}: {err}");
        assert!(
            lines[0].starts_with(&format!(
                "{row} 2, column 企业名称: '重庆西南铝业有限责任公司' is no stored unit's name, but it is the same name \
                 in another form as '重庆西南铝业有限公司' (#1)"
            )),
            "{name}: {err}"
        );
        assert!(lines[0].ends_with("import with --new-units"), "{name}: {err}");
        // A unit created earlier in the same file is met the same way.
        assert!(
            lines[1].starts_with(&format!(
                "{row} 8, column 企业名称: '丁铝业（集团）有限责任公司' is no stored unit's name, but it is the same name \
                 in another form as '重庆丁铝业有限公司' (#"
            )),
            "{name}: {err}"
        );
        assert_eq!(env.snapshot(), before);
        // A dry run lists the units it would create: the two near misses only with --new-units.
        let (summary, _) = import(&env, &["filings", &path, "--dry-run", "--skip-invalid"], 3);
        let new: Vec<&str> =
            summary["new_units"].as_array().unwrap().iter().map(|u| u["name"].as_str().unwrap()).collect();
        assert_eq!(
            new,
            ["重庆甲机械有限公司", "重庆乙机械有限公司", "新单位甲", "新单位乙", "重庆丁铝业有限公司"],
            "{name}"
        );
        let (summary, _) = import(&env, &["filings", &path, "--dry-run", "--new-units"], 0);
        let units = summary["new_units"].as_array().unwrap();
        assert_eq!(units.len(), 7, "{name}: {summary}");
        assert_eq!(units[0], serde_json::json!({"name": "重庆西南铝业有限责任公司", "uscc": null, "org_code": null}));
        assert_eq!(counts(&summary), (7, 0, 0, 7));
        assert_eq!(env.snapshot(), before, "{name}: a dry run writes nothing");
        // The table form says the same, one unit a line after the summary.
        let out = run(&env, &["import", "filings", &path, "--dry-run", "--new-units"]);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("would create unit '新单位乙' (no code)"), "{name}: {text}");
        let out = run(&env, &["--lang", "zh", "import", "filings", &path, "--dry-run", "--new-units"]);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("将新建单位「新单位乙」（没有代码）"), "{name}: {text}");
        // Asked for, the near misses are created; the summary of a real run has no list.
        let (summary, _) = import(&env, &["filings", &path, "--new-units"], 0);
        assert_eq!(counts(&summary), (7, 0, 0, 7), "{name}");
        assert!(summary.get("new_units").is_none());
        assert_eq!(list(&env, "units").as_array().unwrap().len(), 8);
    }
}

#[test]
fn a_units_file_meets_near_misses_the_same_way() {
    let sheet: Sheet = vec![
        vec![t("单位名称"), t("统一社会信用代码"), t("单位类型")],
        vec![t("重庆西南铝业有限责任公司"), C::E, t("企业")],
        vec![t("西南铝业（集团）有限公司"), t("9144030071526726XG"), t("企业")],
        vec![t("区标准化协会"), C::E, t("社会团体")],
    ];
    for (name, bytes, row) in every_form(&sheet) {
        let env = Env::new();
        env.ok(&["add-unit", "--name", "重庆西南铝业有限公司", "--uscc", "91110000600037341L"]);
        let path = write(&env, name, &bytes);
        let (summary, err) = import(&env, &["units", &path, "--skip-invalid", "--rejects", "r.csv"], 3);
        assert_eq!(counts(&summary), (2, 0, 1, 2), "{name}: {err}");
        assert!(
            err.contains(&format!("{row} 2, column 单位名称: '重庆西南铝业有限责任公司' is no stored unit's name"))
        );
        // Its own USCC, other than the stored unit's, says it is another enterprise.
        assert_eq!(
            field(&list(&env, "units"), "name"),
            ["重庆西南铝业有限公司", "西南铝业（集团）有限公司", "区标准化协会"],
            "{name}"
        );
    }
}

#[test]
fn reviews_keep_their_remarks_from_every_form() {
    let sheet: Sheet = vec![
        ["企业名称", "企业标准编号", "复审时间", "复审结果", "备注"].iter().map(|s| t(s)).collect(),
        vec![t("重庆甲有限公司"), t("Q/JLP 001-2013"), C::D(2014, 12, 1), t("继续有效"), t("第一次复审")],
        vec![t("重庆乙有限公司"), t("Q/JLP 002-2013"), C::N(42000.0), t("修订"), C::E],
    ];
    for (name, bytes, _) in every_form(&sheet) {
        let env = Env::new();
        let path = write(&env, name, &bytes);
        let (summary, err) = import(&env, &["reviews", &path], 0);
        assert_eq!(counts(&summary), (2, 0, 0, 2), "{name}: {err}");
        let reviews = list(&env, "reviews");
        assert_eq!(field(&reviews, "reviewed_on"), ["2014-12-01", "2014-12-27"], "{name}");
        assert_eq!(field(&reviews, "outcome"), ["confirm", "revise"], "{name}");
        assert_eq!(reviews[0]["remark"], "第一次复审", "{name}");
        assert_eq!(reviews[1]["remark"], Value::Null, "{name}");
        // `list` shows the remark in every format.
        let table = env.ok(&["list", "reviews", "--lang", "zh"]);
        assert!(table.contains("备注") && table.contains("第一次复审"), "{table}");
    }
}

#[test]
fn the_sheet_is_the_first_or_the_one_named() {
    let notes: Sheet = vec![vec![t("填表说明：每行一条备案")], vec![t("日期写成 2013-05-01")]];
    let filings: Sheet = vec![
        ["企业名称", "标准编号", "标准名称", "备案号", "备案日期"].iter().map(|s| t(s)).collect(),
        vec![t("重庆甲有限公司"), t("Q/JLP 001-2014"), t("型材"), t("F-1"), C::D(2014, 3, 1)],
    ];
    let env = Env::new();
    let path = write(&env, "book.xlsx", &xlsx(&[("说明", &notes), ("备案 2014", &filings)]));
    let out = run(&env, &["import", "filings", &path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("row 1: the file has no column"), "{}", stderr(&out));
    for sheet in ["备案 2014", "2", "备案２０１４"] {
        let (summary, err) = import(&env, &["filings", &path, "--sheet", sheet, "--dry-run"], 0);
        assert_eq!(counts(&summary), (1, 0, 0, 1), "{sheet}: {err}");
        assert_eq!((summary["encoding"].as_str(), summary["sheet"].as_str()), (Some("XLSX"), Some("备案 2014")));
    }
    let out = run(&env, &["import", "filings", &path, "--sheet", "3"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("has no sheet '3'; its sheets are: 说明, 备案 2014"), "{}", stderr(&out));
    let out = run(&env, &["import", "filings", &path, "--sheet", "备案 2014"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let summary = String::from_utf8(out.stdout).unwrap();
    assert!(summary.contains("(XLSX, sheet '备案 2014')"), "{summary}");
    // --sheet names a sheet of a workbook, and a CSV has none.
    let csv = write(&env, "f.csv", "企业名称,标准编号,标准名称,备案号,备案日期\n".as_bytes());
    let out = run(&env, &["import", "filings", &csv, "--sheet", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--sheet goes with a workbook"), "{}", stderr(&out));
    // An old .xls that is not one: named, not shown as column names.
    let xls = write(&env, "old.xls", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);
    let out = run(&env, &["import", "filings", &xls]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read the workbook"), "{}", stderr(&out));
}

#[test]
fn binary_files_are_named_with_the_way_out() {
    let env = Env::new();
    let junk: Vec<u8> = (0..4096u32).map(|i| if i % 3 == 0 { 0 } else { (i * 7 % 251) as u8 }).collect();
    let path = write(&env, "junk.csv", &junk);
    let out = run(&env, &["import", "filings", &path]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("is not a text file (it holds zero bytes)") && err.contains("--encoding utf-16"), "{err}");
}

// ----- the round trip -----

/// The records of a kind as listed, without what an import sets by itself (its batch).
fn records(env: &Env, kind: &str) -> Value {
    let mut v = list(env, kind);
    for r in v.as_array_mut().unwrap() {
        r.as_object_mut().unwrap().remove("batch");
    }
    v
}

fn original() -> Env {
    let env = Env::new();
    // Units with every kind of code: a USCC of digits only (kept as text by --excel), an
    // organisation code only, both, none; every field.
    let units = "单位名称,统一社会信用代码,组织机构代码,单位类型,行业,所在地
重庆甲（集团）有限公司,91110000600037341L,60003734-1,企业,铝加工,九龙园区
区标准化研究院,121200004013590816,,事业单位,,杨家坪
重庆乙有限公司,,00251805-7,企业,汽摩制造,
区标准化协会,,,社会团体,,
";
    let filings = "企业名称,统一社会信用代码,标准编号,标准名称,备案号,备案日期,备注
重庆甲（集团）有限公司,91110000600037341L,Q/JLP 001-2013,铝合金型材,50107-2013-0001,2013-05-01,急件
重庆乙有限公司,,Q/JLP 002-2013,\"=SUM(A1) 型, \"\"号\"\"\",50107-2013-0002,2013-06-02,
区标准化研究院,121200004013590816,Q/BZY 003-2013,-40℃ 冷链,2-3,2013-07-03,'引号开头
";
    let reviews = "企业名称,标准编号,复审日期,复审结论,备案号,备注
重庆甲（集团）有限公司,Q/JLP 001-2013,2014-12-01,继续有效,50107-2013-0001,
重庆乙有限公司,Q/JLP 002-2013,2015-01-02,修订,,=不是公式
重庆乙有限公司,Q/JLP 009-2012,2015-01-03,废止,,+1
";
    for (kind, text) in [("units", units), ("filings", filings), ("reviews", reviews)] {
        let path = write(&env, &format!("{kind}.csv"), text.as_bytes());
        let (summary, err) = import(&env, &[kind, &path], 0);
        assert_eq!(counts(&summary).2, 0, "{kind}: {err}");
    }
    env
}

#[test]
fn an_export_imports_back_unchanged_in_both_languages_via_excel_csv_and_xlsx() {
    let a = original();
    let want: Vec<Value> = ["units", "filings", "reviews"].iter().map(|k| records(&a, k)).collect();
    assert_eq!(want[1][1]["title"], "=SUM(A1) 型, \"号\"");
    assert_eq!(want[2][1]["remark"], "=不是公式");
    for lang in ["zh", "en"] {
        for format in ["csv", "xlsx"] {
            let b = Env::new();
            for (i, kind) in ["units", "filings", "reviews"].iter().enumerate() {
                let file: PathBuf = b.path(&format!("{kind}-{lang}.{format}"));
                let file = file.to_str().unwrap();
                let mut args = vec!["--lang", lang, "list", kind, "--format", format, "--out", file];
                if format == "csv" {
                    args.push("--excel");
                }
                a.ok(&args);
                let (summary, err) = import(&b, &[kind, file], 0);
                assert_eq!(counts(&summary).2, 0, "{lang} {format} {kind}: {err}");
                assert!(!err.contains("ignoring"), "{lang} {format} {kind}: every column is the import's: {err}");
                assert_eq!(records(&b, kind), want[i], "{lang} {format} {kind}");
            }
        }
    }
}

#[test]
fn excel_exports_are_headed_as_the_import_reads_them() {
    let env = original();
    let head = |args: &[&str]| -> String {
        let out = env.ok(args);
        out.trim_start_matches('\u{feff}').lines().next().unwrap().to_string()
    };
    assert_eq!(
        head(&["--lang", "zh", "list", "filings", "--format", "csv", "--excel"]),
        "编号,企业名称,单位编号,标准编号,标准名称,备案号,备案日期,导入批次,统一社会信用代码,组织机构代码,备注,作废原因"
    );
    assert_eq!(
        head(&["--lang", "en", "list", "reviews", "--format", "csv", "--excel"]),
        "id,enterprise,unit_id,standard_no,filing_no,reviewed_on,outcome,batch,uscc,org_code,remark,voided"
    );
    assert_eq!(
        head(&["--lang", "zh", "list", "units", "--format", "csv", "--excel"]),
        "编号,单位名称,统一社会信用代码,组织机构代码,单位类型,行业,所在地,作废原因,已合并到"
    );
    // JSON carries the remark (or null) and the unit's codes.
    let filings = list(&env, "filings");
    assert_eq!(filings[0]["remark"], "急件");
    assert_eq!(filings[1]["remark"], Value::Null);
    assert_eq!(filings[2]["uscc"], "121200004013590816");
    assert_eq!(filings[1]["org_code"], "00251805-7");
    // A row an export marks voided is not imported again as a live record.
    env.ok(&["void", "filing", "2", "--reason", "重复录入"]);
    let file = env.path("voided.csv");
    env.ok(&["list", "filings", "--format", "csv", "--excel", "--out", file.to_str().unwrap()]);
    let b = Env::new();
    let (summary, err) = import(&b, &["filings", file.to_str().unwrap()], 0);
    assert_eq!(counts(&summary), (2, 0, 0, 2), "{err}");
    assert!(err.contains("line 3: the file marks this row voided (重复录入); not a live record, skipped"), "{err}");
}
