//! Writers of lists and records: streaming JSON, CSV (plain and for Excel), markdown, and
//! values in the reader's language.

use serde_json::{Value, json};

use super::*;

fn style(format: Format, excel: bool) -> Style {
    Style { format, lang: Lang::En, excel, width: None }
}

fn streamed(objects: &[Object], style: Style, what: &str) -> String {
    let mut out = Vec::new();
    write_objects(&mut out, objects, style, what).unwrap();
    String::from_utf8(out).unwrap()
}

fn obj(v: Value) -> Object {
    v.as_object().unwrap().clone()
}

#[test]
fn a_stream_writes_json_arrays_csv_and_markdown_row_by_row() {
    let rows: Vec<Object> = (1..=3).map(|i| obj(json!({"id": i, "title": format!("=t{i}"), "voided": null}))).collect();
    let j = streamed(&rows, style(Format::Json, false), "x");
    let parsed: Value = serde_json::from_str(&j).unwrap();
    assert_eq!(parsed[2]["id"], 3);
    assert_eq!(j.lines().count(), 5, "one object a line between the brackets: {j}");
    assert_eq!(streamed(&[], style(Format::Json, false), "x"), "[]\n");
    assert_eq!(streamed(&rows, style(Format::Csv, false), "x"), "id,title,voided\n1,=t1,\n2,=t2,\n3,=t3,\n");
    assert_eq!(
        streamed(&rows[..1], style(Format::Csv, true), "x"),
        "\u{feff}id,title,voided\n1,'=t1,\n",
        "Excel CSV: BOM, labels, formula-safe text"
    );
    assert_eq!(
        streamed(&rows[..1], style(Format::Markdown, false), "x"),
        "| id | title | voided |\n|---|---|---|\n| 1 | =t1 |  |\n"
    );
}

#[test]
fn a_csv_stream_longer_than_its_buffer_keeps_every_row() {
    let rows: Vec<Object> = (0..5000).map(|i| obj(json!({"n": i, "text": "x".repeat(40)}))).collect();
    let csv = streamed(&rows, style(Format::Csv, false), "x");
    assert_eq!(csv.lines().count(), 5001);
    assert!(csv.ends_with(&format!("4999,{}\n", "x".repeat(40))));
}

#[test]
fn readers_get_words_in_their_language_and_scripts_get_codes() {
    let row = obj(json!({"id": 1, "uscc": "915001071862659620", "kind": "enterprise", "level": "national",
                         "action": "revise", "status": "published", "role": "secretariat", "outcome": "confirm"}));
    let zh = Style { lang: Lang::Zh, ..style(Format::Csv, true) };
    let text = streamed(std::slice::from_ref(&row), zh, "standards");
    for word in ["企业", "国家标准", "修订", "已发布", "秘书处", "继续有效"] {
        assert!(text.contains(word), "{word} missing: {text}");
    }
    let mut reader = ::csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let cells: Vec<String> = reader.records().next().unwrap().unwrap().iter().map(str::to_string).collect();
    assert_eq!(cells[1], "=\"915001071862659620\"", "a USCC is kept as text for Excel: {text}");
    let plain = streamed(std::slice::from_ref(&row), style(Format::Csv, false), "standards");
    assert!(plain.contains("enterprise,national,revise,published,secretariat,confirm"), "{plain}");
    assert!(plain.contains(",915001071862659620,"), "{plain}");
}

#[test]
fn the_audit_action_is_what_was_done() {
    let row = obj(json!({"action": "void"}));
    let zh = Style { lang: Lang::Zh, ..style(Format::Markdown, false) };
    let text = streamed(std::slice::from_ref(&row), zh, "audit");
    assert!(text.contains("| 操作 |") && text.contains("| 作废 |"), "{text}");
}

#[test]
fn tables_and_markdown_never_print_a_control_character() {
    let row = obj(json!({"name": "a\u{1b}[2Jb"}));
    for f in [Format::Table, Format::Markdown] {
        let text = streamed(std::slice::from_ref(&row), style(f, false), "units");
        assert!(!text.contains('\u{1b}'), "{f:?}: {text:?}");
    }
}
