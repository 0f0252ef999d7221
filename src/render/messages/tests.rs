//! Walks the catalogue: one example of every message, rendered in both languages.

use std::collections::HashSet;

use strum::IntoEnumIterator;

use super::examples::examples;
use super::*;
use crate::core::model::{Action, Words};
use crate::error::{MsgId, UnitDiff, UnitField, UnitName};

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// `{name}` left in a sentence.
fn unfilled(s: &str) -> bool {
    s.split('{').skip(1).any(|rest| {
        let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
        !name.is_empty() && rest[name.len()..].starts_with('}')
    })
}

#[test]
fn every_message_has_an_example_and_both_languages() {
    let examples = examples();
    let covered: HashSet<MsgId> = examples.iter().map(MsgId::from).collect();
    let missing: Vec<MsgId> = MsgId::iter().filter(|id| !covered.contains(id)).collect();
    assert!(missing.is_empty(), "messages with no example in the catalogue walk: {missing:?}");
    for m in &examples {
        let zh = text(m, Lang::Zh);
        let en = text(m, Lang::En);
        assert!(has_cjk(&zh), "{m:?} has no Chinese form: {zh}");
        assert!(!en.is_empty(), "{m:?}");
        assert_ne!(zh, en, "{m:?}");
        for text in [&zh, &en] {
            assert!(!unfilled(text), "unfilled placeholder: {text}");
        }
    }
}

#[test]
fn user_values_are_cut_and_control_characters_escaped() {
    let long = "重".repeat(500);
    let m = Msg::UnitNotFound { field: "--unit".into(), value: long.as_str().into(), closest: vec![] };
    let zh = text(&m, Lang::Zh);
    assert!(zh.chars().count() < 200, "{zh}");
    assert!(zh.contains('…'));
    let m = Msg::ControlChar { field: "--name".into(), value: "a\u{1b}[2Jb\u{0}".into() };
    let en = text(&m, Lang::En);
    assert!(!en.chars().any(|c| c.is_control()), "{en:?}");
    assert!(en.contains("\\u{1b}"), "{en}");
}

#[test]
fn enum_refusals_list_the_words_in_the_readers_language() {
    let m = Msg::Word { field: "--action".into(), err: EnumError::new::<Action>("make") };
    assert_eq!(text(&m, Lang::Zh), "--action：「make」不是可用的值，应为：制定（formulate）、修订（revise）");
    assert_eq!(text(&m, Lang::En), "--action: 'make' is not one of formulate (制定), revise (修订)");
    assert_eq!(Action::parse_word("制定"), Ok(Action::Formulate));
    assert_eq!(Action::parse_word(" Revise "), Ok(Action::Revise));
}

#[test]
fn money_in_messages_is_in_whole_yuan() {
    let m = Msg::Payment {
        err: PaymentError::OverAmount { key: "k".into(), amount_yuan: 300000, paid_yuan: 250000, attempted: 100000 },
    };
    let zh = text(&m, Lang::Zh);
    assert!(zh.contains("350000 元") && zh.contains("未付 50000 元"), "{zh}");
}

fn u(id: i64, name: &str) -> UnitName {
    UnitName { id, name: name.into() }
}

// ----- import rows -----

#[test]
fn import_row_errors_name_line_and_column_in_either_language() {
    let m = Msg::ImportRow {
        line: 3,
        column: Some("备案日期".into()),
        reason: Box::new(Msg::RowDate {
            value: "2013-02-30".into(),
            err: DateError::Impossible { year: 2013, month: 2, day: 30 },
        }),
    };
    assert_eq!(text(&m, Lang::En), "line 3, column 备案日期: 2013-02-30 is not a real date");
    assert_eq!(text(&m, Lang::Zh), "第3行，「备案日期」列：2013-02-30 不是真实存在的日期");
    let m = Msg::ImportRow { line: 4, column: None, reason: Box::new(Msg::RowUnclosedQuote { opens: 4 }) };
    assert!(text(&m, Lang::Zh).starts_with("第4行：内容跨越多行"), "{}", text(&m, Lang::Zh));
    let long = "x".repeat(70_000);
    let m = Msg::RowCellTooLong { value: crate::error::v_start(&long), kib: 68, max_kib: 64 };
    assert!(text(&m, Lang::En).chars().count() < 200);
}

#[test]
fn unit_differences_show_kinds_in_the_readers_language() {
    let m = Msg::RowUnitDiffers {
        unit: u(1, "甲"),
        differs: vec![UnitDiff { field: UnitField::Kind, file: "association".into(), stored: "enterprise".into() }],
    };
    assert!(text(&m, Lang::Zh).contains("单位类型（文件「协会」，登记「企业」）"), "{}", text(&m, Lang::Zh));
    assert!(text(&m, Lang::En).contains("kind ('association', stored 'enterprise')"), "{}", text(&m, Lang::En));
}
