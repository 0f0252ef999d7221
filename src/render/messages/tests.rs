//! Walks the catalogue: one example of every message, rendered in both languages.

use std::collections::HashSet;

use strum::IntoEnumIterator;

use super::examples::examples;
use super::*;
use crate::core::model::{Action, Words};
use crate::error::MsgId;

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
