//! Column and word labels in the reader's language. JSON and plain CSV keep field names,
//! which scripts depend on; tables, markdown and Excel CSV show these labels.

use serde_json::Value;

use super::Names;
use super::doc::Cell;
use crate::core::model::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The reader's language: `--lang`, then `STDTRACK_LANG`, then the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` that is set. English only when that says English (`en*`);
    /// Chinese otherwise (unset, `C`, `POSIX`, `zh*`): the office runs Chinese Windows, where
    /// `LANG` is usually unset. A `--lang` or `STDTRACK_LANG` that is neither is an error
    /// holding the value (exit 2).
    pub fn resolve(explicit: Option<&str>, env: &dyn Fn(&str) -> Option<String>) -> Result<Lang, String> {
        let chosen = explicit.map(str::to_string).or_else(|| env("STDTRACK_LANG"));
        if let Some(value) = chosen {
            let v = value.trim().to_ascii_lowercase();
            return if v.starts_with("zh") || matches!(value.trim(), "中文" | "汉语" | "chinese") {
                Ok(Lang::Zh)
            } else if v.starts_with("en") || v == "english" {
                Ok(Lang::En)
            } else {
                Err(value)
            };
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|name| env(name));
        Ok(match locale {
            Some(l) if l.trim().to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Zh,
        })
    }

    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// (field, zh, en) for every field a record or report prints.
const FIELDS: &[(&str, &str, &str)] = &[
    ("id", "编号", "id"),
    ("name", "名称", "name"),
    ("uscc", "统一社会信用代码", "USCC"),
    ("org_code", "组织机构代码", "org code"),
    ("kind", "类型", "kind"),
    ("industry", "行业", "industry"),
    ("location", "所在地", "location"),
    ("number", "标准编号", "number"),
    ("title", "标题", "title"),
    ("level", "层级", "level"),
    ("action", "制定/修订", "action"),
    ("status", "状态", "status"),
    ("published_on", "发布日期", "published"),
    ("lead", "牵头单位", "lead"),
    ("lead_id", "牵头单位编号", "lead id"),
    ("participants", "参与单位", "participants"),
    ("participant_ids", "参与单位编号", "participant ids"),
    ("unit", "单位", "unit"),
    ("unit_id", "单位编号", "unit id"),
    ("filing_no", "备案号", "filing no"),
    ("filed_on", "备案日期", "filed"),
    ("reviewed_on", "复审日期", "reviewed"),
    ("outcome", "复审结论", "outcome"),
    ("awarded_on", "获奖日期", "awarded"),
    ("grade", "等级", "grade"),
    ("passed_on", "通过日期", "passed"),
    ("committee", "技术委员会", "committee"),
    ("role", "角色", "role"),
    ("since", "起始日期", "since"),
    ("held_on", "召开日期", "held"),
    ("notes", "备注", "notes"),
    ("note", "备注", "note"),
    ("code", "代码", "code"),
    ("label_zh", "中文名称", "label (zh)"),
    ("label_en", "英文名称", "label (en)"),
    ("label", "名称", "label"),
    ("owner", "责任单位", "owner"),
    ("done_on", "完成日期", "done"),
    ("key", "奖补项目", "key"),
    ("amount_yuan", "金额（元）", "amount (yuan)"),
    ("amount_wan", "金额（万元）", "amount (10k yuan)"),
    ("paid_on", "支付日期", "paid"),
    ("voucher", "凭证号", "voucher"),
    ("paid_yuan", "已付（元）", "paid (yuan)"),
    ("outstanding_yuan", "未付（元）", "outstanding (yuan)"),
    ("outstanding_wan", "未付（万元）", "outstanding (10k yuan)"),
    ("event_date", "发生日期", "event date"),
    ("rule", "奖补规则", "rule"),
    ("fund", "资金来源", "fund"),
    ("record", "记录", "record"),
    ("reason", "原因", "reason"),
    ("batch", "导入批次", "batch"),
    ("voided", "作废原因", "voided"),
    ("at", "时间", "at"),
    ("user", "操作人", "user"),
    ("command", "命令", "command"),
    ("record_kind", "记录类型", "record kind"),
    ("record_id", "记录编号", "record id"),
    ("before", "修改前", "before"),
    ("after", "修改后", "after"),
    ("measure", "统计口径", "measure"),
    ("param", "参数", "parameter"),
    ("target_min", "目标", "target"),
    ("target_max", "争取目标", "stretch"),
    ("effective_from", "生效日期", "from"),
    ("effective_to", "截止日期", "until"),
    ("source", "来源", "source"),
    ("enterprise_only", "仅限企业", "enterprises only"),
    ("target", "指标", "target"),
    ("actual", "完成", "actual"),
    ("expected", "应完成", "expected"),
    ("needed_now", "当前应达", "needed now"),
    ("projected", "预计", "projected"),
    ("percent", "完成率%", "percent"),
    ("progress", "进度", "progress"),
    ("stretch_met", "达到争取目标", "stretch met"),
    ("in_quarter", "本季度新增", "in quarter"),
    ("quarter", "季度", "quarter"),
    ("added", "新增", "added"),
    ("skipped", "已存在跳过", "skipped"),
    ("rejected", "拒收", "rejected"),
    ("units_created", "新建单位", "units created"),
    ("file", "文件", "file"),
    ("encoding", "编码", "encoding"),
    ("sha256", "SHA-256", "SHA-256"),
    ("undone", "已撤销", "undone"),
    ("undone_at", "撤销时间", "undone at"),
    ("undo_reason", "撤销原因", "undo reason"),
    ("merged_into", "已合并到", "merged into"),
    ("as_of", "截至", "as of"),
    ("figure", "数字", "figure"),
    ("old", "定稿时", "as finalized"),
    ("new", "现在", "now"),
    ("detail", "问题", "problem"),
    ("finalized", "已定稿", "finalized"),
    ("finalized_at", "定稿时间", "finalized at"),
    ("db", "数据库文件", "database"),
    ("created", "新建", "created"),
    ("schema_version", "结构版本", "schema version"),
    ("from_version", "原结构版本", "from version"),
    ("upgraded", "已升级", "upgraded"),
    ("plan", "规划", "plan"),
    ("start", "开始日期", "start"),
    ("deadline", "截止日期", "deadline"),
    ("backup", "备份文件", "backup"),
    ("remark", "备注", "remark"),
    ("void_reason", "作废原因", "void reason"),
    ("adopts", "采用国际标准", "adopts"),
    ("adoption_degree", "采用程度", "degree"),
    ("recurring", "每年开展", "recurring"),
    ("change_status", "本次登记进展", "status set"),
    ("change_on", "进展日期", "dated"),
    ("per", "计发方式", "pays"),
    ("year", "年度", "year"),
    ("previous_yuan", "原预算（元）", "previous (yuan)"),
    ("previous", "原取值", "previous"),
    ("days_left", "距到期天数", "days left"),
    ("last_event_on", "备案或上次复审日期", "filed or last reviewed"),
    ("due_on", "应复审日期", "due"),
    ("contact", "联系人", "contact"),
    ("phone", "联系电话", "phone"),
    ("in_year", "本年新增", "in year"),
];

/// The label of a field; an unknown field shows as itself.
pub fn field(key: &str, lang: Lang) -> &str {
    FIELDS.iter().find(|(k, _, _)| *k == key).map_or(key, |(_, zh, en)| lang.pick(zh, en))
}

/// A field's label in a list of one kind of record (`what`): the audit's `action` is what
/// was done (操作), not a standard's 制定/修订.
pub fn field_of<'a>(what: &str, key: &'a str, lang: Lang) -> &'a str {
    match (what, key) {
        ("audit", "action") => lang.pick("操作", "action"),
        ("batches", "voided") => lang.pick("作废的记录", "records voided"),
        ("batches", "kind") => lang.pick("导入类型", "import of"),
        ("audit", "before") | ("audit", "after") => field(key, lang),
        ("units", "name") => lang.pick("单位名称", "name"),
        ("awards", "kind") => lang.pick("奖项", "award"),
        ("awards", "title") => lang.pick("获奖项目", "title"),
        ("filings", "title") | ("standards", "title") => lang.pick("标准名称", "title"),
        ("projects", "name") => lang.pick("项目名称", "project"),
        ("committees", "name") => lang.pick("委员会名称", "committee name"),
        ("meetings", "title") => lang.pick("会议名称", "title"),
        ("rules", "code") | ("targets", "code") | ("milestones", "code") => lang.pick("代码", "code"),
        ("settings", "key") => lang.pick("口径", "setting"),
        ("settings", "value") => lang.pick("取值", "value"),
        ("budgets", "amount_yuan") => lang.pick("预算（元）", "budget (yuan)"),
        ("standards", "role") => lang.pick("本单位角色", "its role"),
        _ => field(key, lang),
    }
}

/// The header a list of filings, reviews or units gives a field in the files made for Excel
/// (`--format csv --excel`, `--format xlsx`): the import's own (`import::columns`), so an
/// export imports back as it is; the ids, batch and void reason are columns the import
/// recognises and ignores (or, for a void reason, skips the row). None: the usual label.
pub fn import_header(what: &str, key: &str, lang: Lang) -> Option<&'static str> {
    if !matches!(what, "filings" | "reviews" | "units") {
        return None;
    }
    let (zh, en) = match (what, key) {
        ("units", "name") => ("单位名称", "name"),
        ("units", "kind") => ("单位类型", "kind"),
        ("units", "industry") => ("行业", "industry"),
        ("units", "location") => ("所在地", "location"),
        (_, "unit") => ("企业名称", "enterprise"),
        (_, "uscc") => ("统一社会信用代码", "uscc"),
        (_, "org_code") => ("组织机构代码", "org_code"),
        (_, "number") => ("标准编号", "standard_no"),
        ("filings", "title") => ("标准名称", "title"),
        (_, "filing_no") => ("备案号", "filing_no"),
        ("filings", "filed_on") => ("备案日期", "filed_on"),
        ("reviews", "reviewed_on") => ("复审日期", "reviewed_on"),
        ("reviews", "outcome") => ("复审结论", "outcome"),
        (_, "remark") => ("备注", "remark"),
        (_, "id") => ("编号", "id"),
        (_, "unit_id") => ("单位编号", "unit_id"),
        (_, "batch") => ("导入批次", "batch"),
        (_, "voided") => ("作废原因", "voided"),
        (_, "merged_into") => ("已合并到", "merged_into"),
        _ => return None,
    };
    Some(lang.pick(zh, en))
}

/// The title of a list of one kind of record (an XLSX sheet's name).
pub fn list_title(what: &str, lang: Lang) -> String {
    let (zh, en) = match what {
        "units" => ("单位", "Units"),
        "standards" => ("标准", "Standards"),
        "filings" => ("企业标准备案", "Filings"),
        "reviews" => ("企业标准复审", "Reviews"),
        "awards" => ("获奖", "Awards"),
        "projects" => ("市级标准化项目", "Projects"),
        "committees" => ("技术委员会", "Committee seats"),
        "meetings" => ("联席会议", "Meetings"),
        "milestones" => ("重点任务", "Milestones"),
        "payments" => ("付款", "Payments"),
        "targets" => ("指标", "Targets"),
        "rules" => ("奖补规则", "Rules"),
        "audit" => ("操作记录", "Audit"),
        "budgets" => ("预算", "Budgets"),
        "settings" => ("口径设置", "Settings"),
        _ => ("记录", "Records"),
    };
    lang.pick(zh, en).to_string()
}

/// Fields that hold identifiers, kept as text in Excel (a USCC is not a number).
pub fn is_code_field(key: &str) -> bool {
    matches!(key, "uscc" | "org_code" | "number" | "filing_no" | "key" | "voucher" | "committee" | "code")
}

/// Fields that hold numbers, right-aligned in tables.
pub fn is_number_field(key: &str) -> bool {
    key == "id"
        || key.ends_with("_id")
        || key.ends_with("_yuan")
        || matches!(key, "batch" | "target_min" | "target_max")
}

fn word_label<T: Words>(code: &str, lang: Lang) -> Option<String> {
    T::ALL_WORDS.iter().find(|w| w.code() == code).map(|w| lang.pick(w.zh(), w.en()).to_string())
}

/// A kind of problem `stdtrack check` finds, in the reader's language.
pub fn check_kind(code: &str, lang: Lang) -> &'static str {
    match code {
        "integrity" => lang.pick("文件损坏", "damaged file"),
        "foreign-key" => lang.pick("记录引用缺失", "broken reference"),
        "day-count" => lang.pick("每日计数不符", "day count"),
        "overpaid" => lang.pick("多付", "overpaid"),
        "paid-before-event" => lang.pick("付款早于事项", "paid before the event"),
        "future-date" => lang.pick("日期晚于今天", "dated in the future"),
        "duplicate-unit" => lang.pick("疑似重复单位", "probable duplicate unit"),
        "bad-code" => lang.pick("代码无效", "invalid code"),
        "standard-without-unit" => lang.pick("标准无本区单位", "standard with no district unit"),
        "amount-too-large" => lang.pick("金额超出上限", "amount too large"),
        _ => lang.pick("问题", "problem"),
    }
}

/// What an import batch brought in, in the reader's language.
fn import_kind(code: &str, lang: Lang) -> Option<&'static str> {
    Some(match code {
        "filings" => lang.pick("备案", "filings"),
        "reviews" => lang.pick("复审", "reviews"),
        "units" => lang.pick("单位", "units"),
        _ => return None,
    })
}

/// An audit action in the reader's language.
fn audit_action(code: &str, lang: Lang) -> Option<&'static str> {
    Some(match code {
        "insert" => lang.pick("新增", "added"),
        "update" => lang.pick("修改", "changed"),
        "void" => lang.pick("作废", "voided"),
        "import" => lang.pick("导入", "imported"),
        "undo" | "undo-import" => lang.pick("撤销导入", "import undone"),
        "merge" => lang.pick("合并", "merged"),
        "finalize" => lang.pick("定稿", "finalized"),
        _ => return None,
    })
}

/// A record field's value as a reader sees it, when it is a word to translate: enum values,
/// funds, rules, audit actions, record kinds, yes/no. `None`: show the value as it is.
pub fn value(key: &str, v: &Value, lang: Lang, names: &Names) -> Option<String> {
    if let Value::Bool(b) = v {
        return Some(word(if *b { "yes" } else { "no" }, lang).to_string());
    }
    let code = v.as_str()?;
    match key {
        "kind" => word_label::<UnitKind>(code, lang)
            .or_else(|| word_label::<AwardKind>(code, lang))
            .or_else(|| import_kind(code, lang).map(str::to_string)),
        "level" => word_label::<Level>(code, lang),
        "action" => word_label::<Action>(code, lang).or_else(|| audit_action(code, lang).map(str::to_string)),
        "status" => word_label::<StandardStatus>(code, lang)
            .or_else(|| word_label::<MilestoneStatus>(code, lang))
            .or_else(|| word_label::<TargetStatus>(code, lang)),
        "outcome" => word_label::<Outcome>(code, lang),
        "role" => word_label::<SeatRole>(code, lang).or_else(|| match code {
            "lead" => Some(lang.pick("牵头", "lead").to_string()),
            "participant" => Some(lang.pick("参与", "participant").to_string()),
            _ => None,
        }),
        "measure" => word_label::<MeasureKind>(code, lang),
        // A target's parameter: a level, an award kind, or a list of levels or roles.
        "param" => Some(
            code.split(',')
                .map(|p| {
                    let p = p.trim();
                    word_label::<Level>(p, lang)
                        .or_else(|| word_label::<SeatRole>(p, lang))
                        .or_else(|| word_label::<AwardKind>(p, lang))
                        .unwrap_or_else(|| p.to_string())
                })
                .collect::<Vec<_>>()
                .join(lang.pick("、", ", ")),
        ),
        "source" => word_label::<RuleSource>(code, lang),
        "record_kind" => Some(super::messages::record_kind(lang, code)),
        "per" => word_label::<Per>(code, lang),
        "change_status" => word_label::<MilestoneStatus>(code, lang),
        "recurring" => word_label::<Recurrence>(code, lang),
        "adoption_degree" => word_label::<AdoptionDegree>(code, lang),
        "key" => word_label::<PlanSetting>(code, lang),
        "fund" => Some(names.fund(code, lang).to_string()),
        "rule" => Some(names.rule(code, lang).to_string()),
        _ => None,
    }
}

/// What an entitlement is for, as award-calc names it (`core::rewards::Entitlement::record`:
/// a standard's number, a project's name, an award's title or else its kind), with an award
/// kind in the reader's language.
pub fn record_text(record: &str, lang: Lang) -> String {
    word_label::<AwardKind>(record, lang).unwrap_or_else(|| record.to_string())
}

/// A record field as a typed cell (for XLSX): numbers, dates, codes, words.
pub fn cell(key: &str, v: &Value, lang: Lang, names: &Names) -> Cell {
    match v {
        Value::Null => Cell::Empty,
        Value::Number(n) => match n.as_i64() {
            Some(i) if key.ends_with("_yuan") => Cell::Yuan(i),
            Some(i) => Cell::Int(i),
            None => Cell::Text(n.to_string()),
        },
        Value::String(s) => {
            if let Some(label) = value(key, v, lang, names) {
                return Cell::word(s.clone(), label);
            }
            if is_code_field(key) {
                return Cell::Code(s.clone());
            }
            match s.parse::<Date>() {
                Ok(d) if s.len() == 10 => Cell::Date(d),
                _ => Cell::Text(s.clone()),
            }
        }
        Value::Bool(b) => Cell::Bool { value: *b, label: word(if *b { "yes" } else { "no" }, lang).to_string() },
        other => Cell::Text(super::cell_text(other)),
    }
}

/// Other words reports print.
const WORDS: &[(&str, &str, &str)] = &[
    ("field", "字段", "field"),
    ("value", "值", "value"),
    ("total", "合计", "total"),
    ("met", "已完成", "met"),
    ("on-track", "进度正常", "on track"),
    ("behind", "滞后", "behind"),
    ("missed", "未完成", "missed"),
    ("not-started", "未开始", "not started"),
    ("in-progress", "进行中", "in progress"),
    ("done", "已完成", "done"),
    ("yes", "是", "yes"),
    ("no", "否", "no"),
];

pub fn word(key: &str, lang: Lang) -> &str {
    WORDS.iter().find(|(k, _, _)| *k == key).map_or(key, |(_, zh, en)| lang.pick(zh, en))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(explicit: Option<&str>, vars: &[(&str, &str)]) -> Result<Lang, String> {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Lang::resolve(explicit, &|name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    #[test]
    fn chinese_unless_the_first_setting_says_english() {
        assert_eq!(resolve(None, &[]), Ok(Lang::Zh), "nothing set: Chinese Windows");
        assert_eq!(resolve(None, &[("LANG", "C")]), Ok(Lang::Zh));
        assert_eq!(resolve(None, &[("LANG", "POSIX")]), Ok(Lang::Zh));
        assert_eq!(resolve(None, &[("LANG", "en_US.UTF-8")]), Ok(Lang::En));
        assert_eq!(resolve(None, &[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")]), Ok(Lang::Zh), "LC_ALL first");
        assert_eq!(
            resolve(None, &[("LANG", "zh_CN"), ("LC_MESSAGES", "en_GB")]),
            Ok(Lang::En),
            "LC_MESSAGES before LANG"
        );
        assert_eq!(resolve(None, &[("STDTRACK_LANG", "en"), ("LANG", "zh_CN")]), Ok(Lang::En));
        assert_eq!(resolve(Some("zh"), &[("STDTRACK_LANG", "en")]), Ok(Lang::Zh), "--lang first");
        assert_eq!(resolve(Some("cn"), &[]), Err("cn".to_string()));
        assert_eq!(resolve(None, &[("STDTRACK_LANG", "fr")]), Err("fr".to_string()));
    }
}
