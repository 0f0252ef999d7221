//! Issue 9: what leaves the office. Every report renders in all six formats from one
//! document; the HTML page is self-contained with every target; the XLSX reads back with
//! typed cells; `--excel` CSV keeps codes as text and formulas inert.

mod common;

use std::fs;

use calamine::{Data, Reader, open_workbook_auto};
use common::Env;

/// The worked example's district, with a payment and a unit whose USCC is all digits.
fn district() -> Env {
    let env = Env::new();
    for line in fs::read_to_string("tests/data/worked-example.sh").unwrap().lines() {
        if let Some(rest) = line.strip_prefix("stdtrack ") {
            let words = common::shell_words(rest);
            let args: Vec<&str> = words.iter().map(String::as_str).collect();
            env.ok(&args);
        }
    }
    env.ok(&["add-unit", "--name", "重庆数字代码有限公司", "--uscc", "121200004013590816", "--kind", "institution"]);
    env.ok(&["record-payment", "municipal-project:project:4", "--paid", "2013-01-20", "--voucher", "=SUM(A1)"]);
    env
}

const REPORTS: &[&[&str]] =
    &[&["progress", "--as-of", "2014-12-31"], &["award-calc"], &["quarterly-report", "--quarter", "2014Q4"]];

#[test]
fn every_report_renders_in_all_six_formats() {
    let env = district();
    for report in REPORTS {
        for format in ["table", "json", "csv", "markdown", "html", "xlsx"] {
            let out = env.path(&format!("{}.{format}", report[0]));
            let mut args: Vec<&str> = report.to_vec();
            args.extend(["--format", format, "--out", out.to_str().unwrap()]);
            env.ok(&args);
            let bytes = fs::read(&out).unwrap();
            assert!(bytes.len() > 100, "{report:?} {format}: {} bytes", bytes.len());
            if format == "xlsx" {
                assert_eq!(&bytes[..2], b"PK", "a workbook is a zip file");
            }
        }
    }
    // A workbook needs a file; a record command writes no page.
    env.fails(&["progress", "--format", "xlsx"], 2);
    env.fails(&["add-meeting", "--held", "2014-01-01", "--format", "html"], 2);
    // A list is a page too, and its headline figures are digits in plain CSV.
    let page = env.ok(&["list", "units", "--format", "html", "--lang", "zh"]);
    assert!(page.contains("<table>") && page.contains("重庆数字代码有限公司") && page.contains("事业单位"), "{page}");
    let csv = env.ok(&["award-calc", "--format", "csv"]);
    let amount =
        csv.lines().find(|l| l.starts_with("headline,amount_yuan,")).map(|l| l.split(',').nth(2).unwrap_or(""));
    assert!(amount.is_some_and(|a| !a.is_empty() && a.bytes().all(|b| b.is_ascii_digit())), "{csv}");
}

#[test]
fn the_html_page_is_self_contained_and_shows_every_target() {
    let env = district();
    for lang in ["zh", "en"] {
        let out = env.path(&format!("q-{lang}.html"));
        env.ok(&[
            "quarterly-report",
            "--quarter",
            "2014Q4",
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
            "--lang",
            lang,
        ]);
        let html = fs::read_to_string(&out).unwrap();
        for external in ["http:", "https:", "src=", "href=", "<script", "@import", "url("] {
            assert!(!html.contains(external), "{lang}: the page refers outside itself ({external})");
        }
        assert!(html.contains("<svg") && html.contains("@page { size: A4 portrait"), "{lang}");
        let targets = env.json(&["list", "targets"]);
        for t in targets.as_array().unwrap() {
            let label = t[if lang == "zh" { "label_zh" } else { "label_en" }].as_str().unwrap();
            let shown: String = label.chars().take(12).collect();
            assert!(html.contains(&shown), "{lang}: target {label} is missing");
        }
        if lang == "zh" {
            assert!(html.contains("滞后") && html.contains("季度报告"), "the page is in Chinese");
        }
    }
}

#[test]
fn the_xlsx_reads_back_with_typed_cells() {
    let env = district();
    let out = env.path("q.xlsx");
    env.ok(&["award-calc", "--format", "xlsx", "--out", out.to_str().unwrap(), "--lang", "zh"]);
    let mut wb = open_workbook_auto(&out).unwrap();
    let names = wb.sheet_names().to_vec();
    assert!(names.contains(&"应奖补项目".to_string()), "sheet names in Chinese: {names:?}");
    let range = wb.worksheet_range("应奖补项目").unwrap();
    let header: Vec<String> = range.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name} in {header:?}"));
    let row = range.rows().nth(1).unwrap();
    assert!(
        matches!(row[col("金额（元）")], Data::Float(_) | Data::Int(_)),
        "yuan are numbers: {:?}",
        row[col("金额（元）")]
    );
    assert!(matches!(row[col("发生日期")], Data::DateTime(_)), "dates are dates: {:?}", row[col("发生日期")]);
    assert!(matches!(row[col("奖补项目")], Data::String(_)), "keys are text");

    let units = env.path("units.xlsx");
    env.ok(&["list", "units", "--format", "xlsx", "--out", units.to_str().unwrap(), "--lang", "zh"]);
    let mut wb = open_workbook_auto(&units).unwrap();
    let sheet = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&sheet).unwrap();
    let digits = range.rows().find(|r| r.iter().any(|c| c.to_string() == "重庆数字代码有限公司")).unwrap();
    assert!(
        digits.iter().any(|c| *c == Data::String("121200004013590816".into())),
        "an all-digit USCC stays text with all 18 digits: {digits:?}"
    );
    assert!(digits.iter().any(|c| *c == Data::String("事业单位".into())), "kinds in Chinese: {digits:?}");
}

#[test]
fn excel_csv_keeps_codes_as_text_and_formulas_inert() {
    let env = district();
    let csv = env.ok(&["list", "units", "--format", "csv", "--excel", "--lang", "zh"]);
    assert!(csv.starts_with('\u{feff}'));
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.iter().any(|r| r.iter().any(|c| c == "=\"121200004013590816\"")), "{csv}");
    let payments = env.ok(&["list", "payments", "--format", "csv", "--excel"]);
    assert!(payments.contains("'=SUM(A1)"), "a voucher that looks like a formula is inert: {payments}");
    let progress = env.ok(&["progress", "--as-of", "2014-12-31", "--format", "csv", "--excel", "--lang", "zh"]);
    let mut reader = csv::Reader::from_reader(progress.trim_start_matches('\u{feff}').as_bytes());
    let cells: Vec<String> =
        reader.records().flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>()).collect();
    assert!(cells.iter().any(|c| c == "=\"2-3\""), "a range is kept as text, not a date: {progress}");
    // Plain CSV stays byte-faithful for scripts.
    let plain = env.ok(&["list", "payments", "--format", "csv"]);
    assert!(plain.contains(",=SUM(A1)"), "{plain}");
}

#[test]
fn award_calc_says_what_each_entitlement_is_with_its_key_last() {
    let env = district();
    let table = env.ok(&["award-calc", "--lang", "zh"]);
    assert!(table.contains("牵头制定国际标准"), "{table}");
    let md = env.ok(&["award-calc", "--lang", "zh", "--format", "markdown"]);
    let row = md.lines().find(|l| l.contains("lead-international:standard:6")).unwrap();
    assert!(row.ends_with("| lead-international:standard:6 |"), "the key is last: {row}");
    let progress = env.ok(&["progress", "--lang", "zh"]);
    assert!(progress.contains("应完成") && progress.contains("注："), "progress explains its columns: {progress}");
    // No English code in a Chinese table: award kinds, funds, targets' parameters.
    env.ok(&["add-award", "--unit", "1", "--kind", "cq-innovation", "--awarded", "2015-06-30"]);
    let zh = env.ok(&["award-calc", "--lang", "zh"]);
    assert!(zh.contains("重庆市标准创新贡献奖") && !zh.contains("cq-innovation "), "{zh}");
    let rule = env.ok(&["set-rule", "municipal-project", "--amount", "60000", "--from", "2016-01-01", "--lang", "zh"]);
    assert!(rule.contains("区财政") && !rule.contains("district-finance"), "{rule}");
    let targets = env.ok(&["list", "targets", "--lang", "zh"]);
    assert!(targets.contains("秘书处、召集人") && !targets.contains("secretariat"), "{targets}");
}
