//! The message catalogue: every sentence the tool says to a reader, in Chinese and English,
//! made from a `Msg` value (`crate::error`). Refusals, warnings and the import's row errors
//! all come through here, so a message cannot exist in one language only: each arm gives both.
//!
//! User values are quoted through `V`, which caps them at 80 characters and escapes control
//! characters. Chinese sentences use full-width punctuation and 「」 around quoted values.

use crate::core::check::{Issue, Likeness};
use crate::core::ids::{CodeError, DateError, Malformed, Mangled, StdNumberError};
use crate::core::model::{EnumError, Level, StandardStatus, UnitKind, Words};
use crate::core::quarter::QuarterError;
use crate::core::readings::SettingError;
use crate::core::rewards::PaymentError;
use crate::error::{
    FilingConflict, FilingDiff, ImportSource, Msg, OsError, OsKind, Protected, ReviewDiff, UnitDiff, UnitField,
    UnitName, V,
};
use crate::render::Lang;

/// `say!(lang, "中文 {x}", "English {x}")`: the sentence in the reader's language, with
/// named arguments taken from the variables in scope.
macro_rules! say {
    ($lang:expr, $zh:literal, $en:literal) => {
        match $lang {
            Lang::Zh => format!($zh),
            Lang::En => format!($en),
        }
    };
}

/// A list joined as the language writes lists.
fn list(lang: Lang, items: &[String]) -> String {
    items.join(lang.pick("、", ", "))
}

fn units(lang: Lang, units: &[UnitName]) -> String {
    let named: Vec<String> = units.iter().map(|u| unit(lang, u)).collect();
    list(lang, &named)
}

fn unit(lang: Lang, u: &UnitName) -> String {
    let (id, name) = (u.id, V(u.name.clone()));
    say!(lang, "「{name}」（#{id}）", "'{name}' (#{id})")
}

fn level(lang: Lang, l: Level) -> &'static str {
    lang.pick(l.zh(), l.code())
}

fn status(lang: Lang, s: StandardStatus) -> &'static str {
    lang.pick(s.zh(), s.code())
}

/// A money amount in whole yuan, digits as stored (scripts and tests match them).
fn yuan(lang: Lang, amount: i64) -> String {
    say!(lang, "{amount} 元", "{amount} yuan")
}

/// Digits grouped by thousands (for the large bound, which is hard to read otherwise).
fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// What the system said went wrong, in the reader's language when it is a kind clerks meet.
fn os(lang: Lang, e: &OsError) -> String {
    let said = match e.kind {
        OsKind::DiskFull => lang.pick("磁盘已满", "the disk is full"),
        OsKind::NotFound => lang.pick("文件或文件夹不存在", "no such file or folder"),
        OsKind::PermissionDenied => lang.pick("没有权限", "permission denied"),
        OsKind::ReadOnly => lang.pick("只读的磁盘或文件夹", "a read-only disk or folder"),
        OsKind::BrokenPipe => lang.pick("接收输出的程序已关闭", "the program reading the output has closed"),
        OsKind::TooLarge => lang.pick("文件超出了允许的大小", "the file is larger than allowed"),
        OsKind::Other => return e.text.clone(),
    };
    said.to_string()
}

pub fn code_error(lang: Lang, e: &CodeError) -> String {
    match e {
        CodeError::Empty => say!(lang, "代码为空", "the code is empty"),
        CodeError::ExcelMangled(why) => {
            let why = match why {
                Mangled::Scientific => say!(lang, "变成了科学计数法", "it is in scientific notation"),
                Mangled::Separator => {
                    say!(lang, "带有小数点或千位分隔符", "it has a decimal point or thousands separator")
                }
                Mangled::LostDigits { found, expected } => say!(
                    lang,
                    "应有 {expected} 位却只有 {found} 位，前导的 0 或数字丢失了",
                    "{found} digits where {expected} are expected: leading zeros or digits were dropped"
                ),
                Mangled::FifteenDigits => say!(lang, "只保留了前 15 位数字", "only the first 15 digits were kept"),
            };
            say!(
                lang,
                "看起来被 Excel 当成了数字（{why}）；请把该列设为“文本”格式后重新录入",
                "looks like Excel turned it into a number ({why}); format the column as text and re-enter it"
            )
        }
        CodeError::Length { expected, found } => {
            say!(lang, "代码有 {found} 位，应为 {expected} 位", "the code has {found} characters, expected {expected}")
        }
        CodeError::BadChar { ch, position } => {
            let ch = V(ch.to_string());
            say!(
                lang,
                "第 {position} 位的字符「{ch}」不能出现在此代码中",
                "character '{ch}' at position {position} is not allowed in this code"
            )
        }
        CodeError::BadCheck { expected, found } => {
            say!(lang, "校验位是 {found}，按规则应为 {expected}", "check character is {found}, expected {expected}")
        }
    }
}

pub fn std_number_error(lang: Lang, e: &StdNumberError) -> String {
    match e {
        StdNumberError::Empty => say!(lang, "标准编号为空", "the standard number is empty"),
        StdNumberError::UnknownPrefix { prefix } => {
            let prefix = V(prefix.clone());
            say!(
                lang,
                "不认识的标准编号前缀「{prefix}」；请用 --level 说明标准层级",
                "unknown standard number prefix \"{prefix}\"; state the level explicitly"
            )
        }
        StdNumberError::Malformed(m) => {
            let reason = match m {
                Malformed::NoPrefix => say!(
                    lang,
                    "应以 GB/T、DB50/T、Q/ 等前缀开头",
                    "it must start with a prefix such as GB/T, DB50/T or Q/"
                ),
                Malformed::DbDigits { digits } => say!(
                    lang,
                    "DB 后应为 2 位省级或 4 位市级代码，而不是 {digits}",
                    "DB must be followed by a 2-digit province or 4-digit city code, not {digits}"
                ),
                Malformed::LocalForm { digits } => say!(
                    lang,
                    "地方标准应写作 DB{digits}/T 或 DB{digits}/",
                    "a local standard is written DB{digits}/T or DB{digits}/"
                ),
                Malformed::NoNumber { prefix } => say!(lang, "{prefix} 后面没有编号", "no number after {prefix}"),
                Malformed::NumberStart { prefix } => say!(
                    lang,
                    "{prefix} 后的编号应以字母或数字开头",
                    "the number after {prefix} must start with a letter or digit"
                ),
                Malformed::NoYear { prefix } => say!(
                    lang,
                    "{prefix} 后应是顺序号和年代号，如 {prefix} 1.1-2020",
                    "expected a number and year after {prefix}, such as {prefix} 1.1-2020"
                ),
            };
            say!(lang, "标准编号格式不对：{reason}", "malformed standard number: {reason}")
        }
    }
}

pub fn date_error(lang: Lang, e: &DateError) -> String {
    match e {
        DateError::Empty => say!(
            lang,
            "日期为空；请写成 2013-05-01 这样的日期",
            "the date is empty; expected a date such as 2013-05-01"
        ),
        DateError::Unrecognised => say!(
            lang,
            "应为 2013-05-01 这样的日期（也可写 2013/5/1、2013.5.1、20130501、2013年5月1日），年份在 1900 至 2100 之间",
            "expected a date such as 2013-05-01 (also 2013/5/1, 2013.5.1, 20130501, 2013年5月1日), in the years 1900 to 2100"
        ),
        DateError::Impossible { year, month, day } => {
            say!(
                lang,
                "{year:04}-{month:02}-{day:02} 不是真实存在的日期",
                "{year:04}-{month:02}-{day:02} is not a real date"
            )
        }
    }
}

pub fn enum_error(lang: Lang, e: &EnumError) -> String {
    let value = V(e.value.clone());
    let words: Vec<String> = match lang {
        Lang::Zh => e.allowed.iter().map(|(code, zh)| format!("{zh}（{code}）")).collect(),
        Lang::En => e.allowed.iter().map(|(code, zh)| format!("{code} ({zh})")).collect(),
    };
    let words = list(lang, &words);
    say!(lang, "「{value}」不是可用的值，应为：{words}", "'{value}' is not one of {words}")
}

pub fn quarter_error(lang: Lang, e: &QuarterError) -> String {
    let value = V(e.0.clone());
    say!(
        lang,
        "「{value}」不是季度：请写年份和季度，如 2013Q2（也可写 2013-Q2、2013年第二季度、2013年2季度），或 last（上一季度）、current（本季度）",
        "'{value}' is not a quarter: write a year and quarter such as 2013Q2 (also 2013-Q2, 2013年第二季度), or 'last' or 'current'"
    )
}

pub fn payment_error(lang: Lang, e: &PaymentError) -> String {
    match e {
        PaymentError::UnknownKey { key } => {
            let key = V(key.clone());
            say!(
                lang,
                "没有编号为「{key}」的应奖补项目（award-calc 列出各项的编号；已作废或已修改的记录不再产生奖补）",
                "no entitlement has the key '{key}' (see award-calc for the keys; a voided or edited record yields none)"
            )
        }
        PaymentError::OtherPayee { key, payee } => {
            let (key, payee) = (V(key.clone()), V(payee.clone()));
            say!(
                lang,
                "应奖补项目「{key}」不能付给「{payee}」：请付给 award-calc 中该项列出的单位",
                "the entitlement '{key}' is not payable to {payee}: pay the unit award-calc shows for it"
            )
        }
        PaymentError::OverAmount { key, amount_yuan, paid_yuan, attempted } => {
            let key = V(key.clone());
            let total = yuan(lang, paid_yuan.saturating_add(*attempted));
            let left = yuan(lang, amount_yuan.saturating_sub(*paid_yuan).max(0));
            let (amount, paid, attempted) = (yuan(lang, *amount_yuan), yuan(lang, *paid_yuan), yuan(lang, *attempted));
            say!(
                lang,
                "在「{key}」上支付 {attempted} 后累计已付将达 {total}，超过应奖补金额 {amount}（已付 {paid}，未付 {left}）",
                "paying {attempted} on '{key}' would bring the total paid to {total}, over its amount of {amount} ({paid} paid so far, {left} outstanding)"
            )
        }
        PaymentError::BelowZero { key, paid_yuan, attempted } => {
            let key = V(key.clone());
            let (paid, attempted) = (yuan(lang, *paid_yuan), yuan(lang, *attempted));
            say!(
                lang,
                "在「{key}」上记 {attempted} 后累计已付将低于零：该单位在此项上只收到过 {paid}",
                "a payment of {attempted} on '{key}' would bring the total paid below zero: only {paid} has been paid to this unit"
            )
        }
        PaymentError::Overflow => text(&Msg::MoneyOverflow, lang),
        PaymentError::Zero => say!(
            lang,
            "没有可记录的金额：金额为零，或此项已无未付金额",
            "there is nothing to record: the amount is zero, or nothing is outstanding on this entitlement"
        ),
    }
}

/// A unit code's name (`uscc`, `org_code`).
fn code_field(lang: Lang, field: &str) -> String {
    match field {
        "uscc" | "--uscc" => lang.pick("统一社会信用代码", "USCC").to_string(),
        "org_code" | "--org-code" => lang.pick("组织机构代码", "organisation code").to_string(),
        other => other.to_string(),
    }
}

/// What `stdtrack check` found wrong with one record, as one sentence.
pub fn finding(lang: Lang, issue: &Issue) -> String {
    match issue {
        Issue::Integrity { detail } if detail.is_empty() => say!(
            lang,
            "数据库文件已损坏，无法读取；请用最近的备份替换，再补录备份之后的记录",
            "the database file is damaged and cannot be read; replace it with the last backup and re-enter what came after"
        ),
        Issue::Integrity { detail } => {
            let detail = V(detail.clone());
            say!(
                lang,
                "数据库文件已损坏（{detail}）；请用最近的备份替换，再补录备份之后的记录",
                "the database file is damaged ({detail}); replace it with the last backup and re-enter what came after"
            )
        }
        Issue::ForeignKey { parent } => {
            say!(lang, "指向的{parent}记录不存在", "it refers to a {parent} record that does not exist")
        }
        Issue::DayCount { day, stored, rows } => say!(
            lang,
            "{day} 的按日计数为 {stored}，而当天的有效记录有 {rows} 条",
            "the count kept for {day} is {stored}, but {rows} live records are dated that day"
        ),
        Issue::Overpaid { key, unit, amount_yuan, reason } => {
            let (key, unit, amount) = (V(key.clone()), V(unit.clone()), yuan(lang, *amount_yuan));
            let why = match reason.as_str() {
                "no-entitlement" => {
                    lang.pick("记录已作废或不再符合奖补条件", "the record was voided or no longer qualifies")
                }
                "payee-changed" => lang.pick("应奖补单位已改变", "the entitlement now belongs to another unit"),
                _ => lang.pick("已付超过现行金额", "more was paid than the amount"),
            };
            say!(lang, "「{key}」向「{unit}」多付 {amount}：{why}", "'{key}' has {amount} overpaid to '{unit}': {why}")
        }
        Issue::PaidBeforeEvent { key, paid, event } => {
            let key = V(key.clone());
            say!(
                lang,
                "付款日期 {paid} 早于「{key}」的发生日期 {event}",
                "paid on {paid}, before {event}, the date '{key}' arose"
            )
        }
        Issue::FutureDate { field, date, today } => {
            let field = super::labels::field(field, lang);
            say!(lang, "{field} {date} 晚于今天（{today}）", "{field} {date} is after today ({today})")
        }
        Issue::DuplicateUnit { other, like } => {
            let other = unit(lang, &UnitName { id: other.id, name: other.name.clone() });
            match like {
                Likeness::Code(code) => say!(
                    lang,
                    "可能与单位 {other} 重复：代码 {code} 相同；确属同一单位可用 `stdtrack merge-units` 合并",
                    "probably the same unit as {other}: both hold code {code}; `stdtrack merge-units` merges them"
                ),
                Likeness::Name => say!(
                    lang,
                    "可能与单位 {other} 重复：名称去掉“有限公司”、括号、空格和“重庆”后相同；确属同一单位可用 `stdtrack merge-units` 合并",
                    "probably the same unit as {other}: the names are equal once the company form, brackets, spaces and 重庆 are set aside; `stdtrack merge-units` merges them"
                ),
            }
        }
        Issue::BadCode { field, code, err } => {
            let (field, why, code) = (code_field(lang, field), code_error(lang, err), V(code.clone()));
            say!(lang, "{field} {code} 通不过校验：{why}", "{field} {code} fails its check: {why}")
        }
        Issue::StandardWithoutUnit => say!(
            lang,
            "这项标准没有本区单位（既无牵头单位也无参与单位）",
            "the standard has no district unit (no lead and no participant)"
        ),
        Issue::AmountTooLarge { amount_yuan, max } => {
            let max = grouped(*max);
            say!(
                lang,
                "金额 {amount_yuan} 元超过上限 {max} 元",
                "the amount {amount_yuan} yuan is more than {max} yuan, the most any amount may be"
            )
        }
    }
}

/// The sentence of a message in the reader's language.
pub fn text(msg: &Msg, lang: Lang) -> String {
    match msg {
        // ----- values typed on the command line -----
        Msg::Empty { field } => say!(lang, "{field} 不能为空", "{field} is empty"),
        Msg::ControlChar { field, value } => say!(
            lang,
            "{field}「{value}」含有控制字符（如 ESC、NUL），请删去后重新输入",
            "{field} '{value}' holds a control character (such as ESC or NUL); remove it and enter the value again"
        ),
        Msg::Date { field, value, err } => {
            let why = date_error(lang, err);
            say!(lang, "{field}「{value}」：{why}", "{field} '{value}': {why}")
        }
        Msg::Year { field, value } => say!(
            lang,
            "{field}「{value}」不是可用的年份：应在 1900 至 2100 之间",
            "{field} '{value}' is not a year this tool reads: give one from 1900 to 2100"
        ),
        Msg::Word { field, err } => {
            let why = enum_error(lang, err);
            say!(lang, "{field}：{why}", "{field}: {why}")
        }
        Msg::Quarter { field, err } => {
            let why = quarter_error(lang, err);
            say!(lang, "{field}：{why}", "{field}: {why}")
        }
        Msg::QuarterNotBegun { quarter, today } => say!(
            lang,
            "{quarter} 季度在今天（{today}）还没有开始，没有可报告的内容",
            "--quarter {quarter} has not begun on {today} (today); there is nothing to report yet"
        ),
        Msg::FromAfterTo { from_field, from, to_field, to } => {
            say!(lang, "{from_field} {from} 晚于 {to_field} {to}", "{from_field} {from} is after {to_field} {to}")
        }
        Msg::Id { field, value } => {
            say!(
                lang,
                "{field}「{value}」不是记录编号（应为 12 或 #12 这样的数字）",
                "{field}: '{value}' is not a record id (such as 12 or #12)"
            )
        }
        Msg::Yuan { field, value } => say!(
            lang,
            "{field}「{value}」不是整数元金额（如 300000；退款写负数，如 -50000）",
            "{field}: '{value}' is not a whole number of yuan (e.g. 300000, or -50000 for a refund)"
        ),
        Msg::YuanNotNegative { field, value } => say!(
            lang,
            "{field}「{value}」应为 0 或正的整数元金额",
            "{field}: '{value}' is not a whole number of yuan, 0 or more"
        ),
        Msg::YuanTooLarge { field, value, max } => {
            let max = grouped(*max);
            let max = say!(lang, "{max} 元", "{max} yuan");
            say!(
                lang,
                "{field}「{value}」超出上限：一条规则或一笔付款最多 {max}",
                "{field}: {value} is more than {max}, the most one rule or payment may be"
            )
        }
        Msg::Needs { field, value, needs } => {
            say!(lang, "{field} {value} 只能与 {needs} 一起使用", "{field} {value} goes with {needs}")
        }

        // ----- units -----
        Msg::Code { field, value, err } => {
            let why = code_error(lang, err);
            say!(lang, "{field}「{value}」：{why}", "{field} {value}: {why}")
        }
        Msg::BadCheck { field, code, err } => {
            let why = code_error(lang, err);
            say!(
                lang,
                "{field} {code}：{why}；如果证照上确实印的是这个代码（早期试点代码通不过校验），请加 --allow-bad-check",
                "{field} {code}: {why}; if the code is really printed so (early pilot codes fail the check), add --allow-bad-check"
            )
        }
        Msg::BadCheckKept { field, code, err } => {
            let why = code_error(lang, err);
            say!(
                lang,
                "{field} {code}：{why}；因为给了 --allow-bad-check，已照录",
                "{field} {code}: {why}; kept because --allow-bad-check was given"
            )
        }
        Msg::CodesDisagree { org, uscc, inside } => say!(
            lang,
            "--org-code {org} 与统一社会信用代码 {uscc} 中包含的组织机构代码（{inside}）不一致；两者只填一个即可",
            "--org-code {org} does not match the organisation code inside USCC {uscc} ({inside}); give only one of them"
        ),
        Msg::NameTaken { name, id } => {
            let name = V(name.clone());
            say!(
                lang,
                "--name：已有名为「{name}」的单位（#{id}）",
                "--name: a unit named '{name}' exists already (#{id})"
            )
        }
        Msg::UsccTaken { code, unit: u } => {
            let u = unit(lang, u);
            say!(lang, "--uscc {code} 已属于单位 {u}", "--uscc {code} belongs to unit {u} already")
        }
        Msg::OrgCodeTaken { code, unit: u } => {
            let u = unit(lang, u);
            say!(lang, "组织机构代码 {code} 已属于单位 {u}", "organisation code {code} belongs to unit {u} already")
        }
        Msg::UnitNotFound { field, value, closest } if closest.is_empty() => say!(
            lang,
            "{field}：没有与「{value}」相符的单位；请先用 `stdtrack add-unit` 登记该单位",
            "{field}: no unit matches '{value}'; add it with `stdtrack add-unit` first"
        ),
        Msg::UnitNotFound { field, value, closest } => {
            let names = units(lang, closest);
            say!(
                lang,
                "{field}：没有与「{value}」相符的单位；您要找的是不是{names}？",
                "{field}: no unit matches '{value}'; did you mean {names}?"
            )
        }
        Msg::UnitAmbiguous { field, org, units: found } => {
            let names = units(lang, found);
            say!(
                lang,
                "{field}：组织机构代码 {org} 对应多个单位：{names}；请用编号（如 #12）指定",
                "{field}: organisation code {org} matches several units: {names}; name one by its id (such as #12)"
            )
        }

        // ----- standards, filings, reviews -----
        Msg::StdNumber { field, value, err } => {
            let why = std_number_error(lang, err);
            say!(lang, "{field}「{value}」：{why}", "{field} {value}: {why}")
        }
        Msg::LevelNeeded => {
            say!(lang, "没有 --number 时需要用 --level 说明标准层级", "--level is needed when there is no --number")
        }
        Msg::LevelContradicts { stated, number, derived } => {
            let (stated, derived) = (level(lang, *stated), level(lang, *derived));
            say!(
                lang,
                "--level {stated} 与 --number {number} 不符：该编号是{derived}",
                "--level {stated} contradicts --number {number}, which is a {derived} standard"
            )
        }
        Msg::EnterpriseViaFiling => say!(
            lang,
            "企业标准（Q/...）请用 `stdtrack add-filing` 登记备案，不用 add-standard",
            "enterprise standards (Q/...) are recorded with `stdtrack add-filing`, not add-standard"
        ),
        Msg::NotEnterpriseNumber { field, number, level: l } => {
            let l = level(lang, *l);
            say!(
                lang,
                "{field} {number} 是{l}，不是企业标准（Q/...）",
                "{field} {number} is a {l} standard, not an enterprise standard (Q/...)"
            )
        }
        Msg::BadEnterpriseNumber { field, value, err } => {
            let why = std_number_error(lang, err);
            say!(
                lang,
                "{field}「{value}」：{why}；企业标准编号形如 Q/JLP 001-2013",
                "{field} {value}: {why}; an enterprise standard number looks like Q/JLP 001-2013"
            )
        }
        Msg::PublishedForDrafting { date } => say!(
            lang,
            "制定中的标准不能有发布日期（--published {date}）；如已发布请加 --status published",
            "--published {date} is refused for a drafting standard; use --status published"
        ),
        Msg::PublishedRequired { status: s } => {
            let s = status(lang, *s);
            say!(lang, "状态为「{s}」的标准需要 --published 发布日期", "--published is required for a {s} standard")
        }
        Msg::StandardNeedsUnit => say!(
            lang,
            "一项标准至少要有一个本区单位：--lead（牵头）或 --participant（参与）",
            "a standard needs at least one --lead or --participant (a district unit)"
        ),
        Msg::LeadAndParticipant { unit: u } => {
            let u = unit(lang, u);
            say!(
                lang,
                "单位 {u} 不能既是 --lead 又是 --participant",
                "unit {u} cannot be both --lead and --participant"
            )
        }
        Msg::ParticipantTwice { unit: u } => {
            let u = unit(lang, u);
            say!(lang, "单位 {u} 作为 --participant 重复给出", "unit {u} is given twice as --participant")
        }
        Msg::NumberTaken { number, id } => {
            say!(
                lang,
                "--number {number} 已登记为标准 #{id}",
                "--number {number} is recorded already as standard #{id}"
            )
        }
        Msg::StandardNotFound { value } => say!(
            lang,
            "没有编号或标准号为「{value}」的标准；`stdtrack list standards` 可列出全部标准",
            "no standard has id or number '{value}'; `stdtrack list standards` shows them"
        ),
        Msg::FilingNoTaken { filing_no, id } => {
            say!(
                lang,
                "--filing-no {filing_no} 已登记为备案 #{id}",
                "--filing-no {filing_no} is recorded already as filing #{id}"
            )
        }
        Msg::ReviewExists { number, unit: u, on, id } => {
            let u = V(u.clone());
            say!(
                lang,
                "「{u}」于 {on} 对 {number} 的复审已登记为复审 #{id}",
                "a review of {number} by '{u}' on {on} is recorded already as review #{id}"
            )
        }

        // ----- corrections, milestones, rules, money -----
        Msg::RecordNotFound { kind, id } => {
            let k = record_kind(lang, kind);
            say!(lang, "没有{k} #{id}", "there is no {k} #{id}")
        }
        Msg::AlreadyVoided { kind, id, reason } => {
            let (k, reason) = (record_kind(lang, kind), V(reason.clone()));
            say!(lang, "{k} #{id} 已作废（原因：{reason}）", "{k} #{id} is voided already ({reason})")
        }
        Msg::MilestoneNotFound { value, codes } => {
            let codes = list(lang, codes);
            say!(
                lang,
                "没有代码为「{value}」的重点任务；可用的代码有：{codes}",
                "no milestone has code '{value}'; the codes are {codes}"
            )
        }
        Msg::RuleNotFound { value, codes } => {
            let codes = list(lang, codes);
            say!(
                lang,
                "没有代码为「{value}」的奖补规则；规则有：{codes}",
                "no reward rule has code '{value}'; the rules are {codes}"
            )
        }
        Msg::RuleFromTooEarly { from, latest } => say!(
            lang,
            "--from {from} 必须晚于该规则最新版本的生效日期（{latest}）",
            "--from {from} must come after the start of the rule's latest version ({latest})"
        ),
        Msg::FundNotFound { value, codes } => {
            let codes = list(lang, codes);
            say!(
                lang,
                "--fund：「{value}」不是资金来源；可用的有：{codes}",
                "--fund: '{value}' is not a fund; the funds are {codes}"
            )
        }
        Msg::FundNeeded => {
            say!(lang, "规则的第一个版本需要 --fund 资金来源", "--fund is needed for the first version of a rule")
        }
        Msg::KeyNotFound { key } => say!(
            lang,
            "没有编号为「{key}」的应奖补项目；`stdtrack award-calc` 列出各项编号",
            "no entitlement has the key '{key}'; `stdtrack award-calc` lists the keys"
        ),
        Msg::Payment { err } => payment_error(lang, err),
        Msg::MoneyOverflow => say!(
            lang,
            "数据库中的金额大得无法相加，统计结果不可信；请运行 `stdtrack check` 查找异常金额",
            "the stored amounts are too large to add up, so no figure can be trusted; run `stdtrack check` to find them"
        ),

        // ----- corrections (issue 11) -----
        Msg::FutureDate { field, date, today } => say!(
            lang,
            "{field} {date} 晚于今天（{today}）：尚未发生的事不能登记；请核对日期",
            "{field} {date} is after today ({today}): what has not happened yet cannot be recorded; check the date"
        ),
        Msg::RowFutureDate { date, today } => say!(
            lang,
            "{date} 晚于今天（{today}）：尚未发生的事不能登记",
            "{date} is after today ({today}): what has not happened yet cannot be recorded"
        ),
        Msg::PaidBeforeEvent { key, paid, event } => {
            let key = V(key.clone());
            say!(
                lang,
                "--paid {paid} 早于「{key}」的发生日期 {event}：奖补不能在获得之前支付；请核对日期",
                "--paid {paid} is before {event}, the date '{key}' arose: a reward cannot be paid before it is earned; check the date"
            )
        }
        Msg::VoidLeavesNegative { id, key, net_yuan } => {
            let (key, net) = (V(key.clone()), yuan(lang, *net_yuan));
            say!(
                lang,
                "作废付款 #{id} 后，该单位在「{key}」上的累计已付将为 {net}（低于零）：请先作废与之对应的退款",
                "voiding payment #{id} would leave {net} paid on '{key}' to this unit, below zero: void the refund that goes with it first"
            )
        }
        Msg::NothingToUpdate { command } => say!(
            lang,
            "{command}：没有要修改的内容；请至少给出一个要修改的选项（见 {command} --help）",
            "{command}: nothing to change; give at least one option to change (see {command} --help)"
        ),
        Msg::BatchUndone { id, at, reason } => {
            let (at, reason) = (V(at.clone()), V(reason.clone()));
            say!(
                lang,
                "导入批次 {id} 已于 {at} 撤销（原因：{reason}）",
                "import batch {id} was undone already, at {at} ({reason})"
            )
        }
        Msg::UndoBlocked { batch, kind, id, unit: u } => {
            let (k, u) = (record_kind(lang, kind), unit(lang, u));
            say!(
                lang,
                "不能撤销导入批次 {batch}：不属于该批次的{k} #{id} 用到了该批次新建的单位 {u}；请先改正或作废{k} #{id}",
                "import batch {batch} cannot be undone: {k} #{id}, which is not of the batch, refers to unit {u} that the batch created; correct or void {k} #{id} first"
            )
        }
        Msg::MergeSame { unit: u } => {
            let u = unit(lang, u);
            say!(
                lang,
                "要保留的单位和重复的单位都是 {u}：请给出两个不同的单位",
                "both units are {u}: name two different units"
            )
        }
        Msg::MergeCodesDiffer { field, keep, duplicate } => {
            let field = code_field(lang, field);
            say!(
                lang,
                "两个单位的{field}不同（保留的为 {keep}，重复的为 {duplicate}），不是同一单位，不能合并",
                "the units have different {field}s ({keep} kept, {duplicate} on the duplicate): they are not one unit and are not merged"
            )
        }
        Msg::MergeSameReview { review, other } => say!(
            lang,
            "重复单位的复审 #{review} 与保留单位的复审 #{other} 是同一次复审（同一标准、同一日期）；请先作废其中一条",
            "review #{review} of the duplicate and review #{other} of the unit kept are one review (same standard, same date); void one of them first"
        ),
        Msg::UnitVoided { field, unit: u, reason, into: Some(into) } => {
            let (u, into, reason) = (unit(lang, u), unit(lang, into), V(reason.clone()));
            say!(
                lang,
                "{field}：单位 {u} 已合并到 {into}（原因：{reason}）；请使用 {into}",
                "{field}: unit {u} was merged into {into} ({reason}); use {into}"
            )
        }
        Msg::UnitVoided { field, unit: u, reason, into: None } => {
            let (u, reason) = (unit(lang, u), V(reason.clone()));
            say!(lang, "{field}：单位 {u} 已作废（原因：{reason}）", "{field}: unit {u} is voided ({reason})")
        }
        Msg::FinalizeNotOver { quarter, end } => say!(
            lang,
            "{quarter} 季度到 {end} 才结束，结束后才能定稿",
            "{quarter} ends on {end}: a quarter is finalized once it is over"
        ),
        Msg::FinalizeNeedsReason { quarter, at } => {
            let at = V(at.clone());
            say!(
                lang,
                "{quarter} 季度已于 {at} 定稿；再次定稿请用 --reason 说明原因（原定稿仍会保留）",
                "{quarter} was finalized at {at}; to finalize it again give --reason (the earlier one is kept)"
            )
        }
        Msg::FinalizedUnreadable { quarter } => say!(
            lang,
            "{quarter} 季度定稿时保存的报告无法读取；可用 --recompute 按现有记录重新计算",
            "the report stored when {quarter} was finalized cannot be read; --recompute shows it from today's records"
        ),
        Msg::ProblemsFound { count } => {
            say!(lang, "发现 {count} 个问题（见上）", "{count} problems found (listed above)")
        }
        Msg::NoProblems => say!(lang, "未发现问题", "no problems"),

        // ----- the database file -----
        Msg::NoDatabase { path } => say!(
            lang,
            "{path} 处没有数据库；请先运行 `stdtrack init` 创建，或用 --db 指定其他文件",
            "there is no database at {path}; run `stdtrack init` to create it, or name another with --db"
        ),
        Msg::NotStdtrack { path } => say!(
            lang,
            "{path} 不是 stdtrack 数据库；请用 --db 指定正确的文件，或在新路径上运行 `stdtrack init`",
            "{path} is not a stdtrack database; name another file with --db, or run `stdtrack init` on a new path"
        ),
        Msg::Upgraded { path, from, to, backup } => say!(
            lang,
            "{path} 已从结构版本 {from} 升级到 {to}；升级前的文件已备份为 {backup}",
            "{path} was upgraded from schema {from} to {to}; the file as it was is kept as {backup}"
        ),
        Msg::OlderSchema { path, version, current } => say!(
            lang,
            "{path} 是旧版本 stdtrack 的数据库（结构版本 {version}，当前为 {current}），需要先升级：请运行 `stdtrack migrate`（升级前会自动在旁边备份一份）",
            "{path} was written by an older stdtrack (schema {version}, this one uses {current}) and needs an upgrade first: run `stdtrack migrate` (it copies the file beside it before upgrading)"
        ),
        Msg::NewerSchema { path, version, known } => say!(
            lang,
            "{path} 由更新版本的 stdtrack 写入（结构版本 {version}，本程序只认识 {known}）；文件未做任何改动，请使用新版本",
            "{path} was written by a newer stdtrack (schema {version}, this one knows {known}); it was left untouched: use the newer release"
        ),
        Msg::Busy { seconds } => say!(
            lang,
            "数据库正忙：另一个 stdtrack 占用了 {seconds} 秒；本次没有写入任何内容，请稍后再试",
            "the database is busy: another stdtrack kept it locked for {seconds} s; nothing was written, try again"
        ),
        Msg::ReadOnly { path } => say!(
            lang,
            "不能写入 {path}：文件或其所在文件夹是只读的（或当前账户无写权限）；本次没有写入任何内容。请让管理员授予写权限，或只用查询命令",
            "cannot write {path}: the file or its folder is read-only (or this account may not write it); nothing was written. Ask for write access, or use only commands that read"
        ),
        Msg::DiskFull { path } => say!(
            lang,
            "磁盘已满，无法写入 {path}；本次没有写入任何内容。请清理磁盘空间后重试",
            "the disk is full, so {path} cannot be written; nothing was written. Free some space and try again"
        ),
        Msg::Damaged { path } => say!(
            lang,
            "数据库文件 {path} 已损坏，本次没有再写入任何内容。请不要继续使用它：用最近的备份（`stdtrack backup` 生成的文件）替换它，再补录备份之后的记录；`stdtrack check` 可检查文件",
            "the database file {path} is damaged; nothing further was written. Stop using it: replace it with the last backup (a file made by `stdtrack backup`) and re-enter what came after; `stdtrack check` examines a file"
        ),
        Msg::CannotOpen { path, detail } => {
            let detail = os(lang, detail);
            say!(
                lang,
                "无法打开 {path}（{detail}）；请检查路径和权限",
                "cannot open {path} ({detail}); check the path and its permissions"
            )
        }
        Msg::Io { path, detail } => {
            let detail = os(lang, detail);
            say!(
                lang,
                "读写 {path} 时出错（{detail}）；本次没有写入任何内容。请检查磁盘或文件所在位置后重试",
                "reading or writing {path} failed ({detail}); nothing was written. Check the disk or where the file lives, and try again"
            )
        }
        Msg::DbNotAFile { path } => say!(
            lang,
            "--db {path} 不是普通文件（是文件夹、管道或设备）；请给出数据库文件的路径",
            "--db {path} is not a regular file (it is a folder, a pipe or a device); name the database file"
        ),
        Msg::BackupExists { path } => {
            say!(lang, "{path} 已存在；请给备份起一个新文件名", "{path} exists already; name a new file")
        }
        Msg::NoPlan => say!(
            lang,
            "数据库中没有规划（plan）；它不是由 `stdtrack init` 创建的",
            "the database holds no plan; it was not made by `stdtrack init`"
        ),

        // ----- files written and read -----
        Msg::OutIsProtected { option, path, what } => match what {
            Protected::Database => say!(
                lang,
                "{option} {path} 指向数据库或其附属文件，写入会毁掉记录；请换一个文件名",
                "{option} {path} names the database or one of its files, and writing there would destroy the record; name another file"
            ),
            Protected::Input => say!(
                lang,
                "{option} {path} 指向正在导入的文件；请换一个文件名",
                "{option} {path} names the file being imported; name another file"
            ),
        },
        Msg::OutNotRegular { option, path } => say!(
            lang,
            "{option} {path} 是文件夹或设备，不是普通文件；请给出一个文件名",
            "{option} {path} is a folder or a device, not a regular file; name a file"
        ),
        Msg::CannotWrite { path, detail } => {
            let detail = os(lang, detail);
            say!(lang, "无法写入 {path}（{detail}）", "cannot write {path} ({detail})")
        }
        Msg::InputNotRegular { path } => say!(
            lang,
            "{path} 不是普通文件（是文件夹、管道或设备）；请给出要导入的文件",
            "{path} is not a regular file (it is a folder, a pipe or a device); name the file to import"
        ),
        Msg::StdoutFailed { detail } => {
            let detail = os(lang, detail);
            say!(
                lang,
                "无法输出结果（{detail}）；本命令没有改动数据库",
                "cannot write the output ({detail}); this command changed nothing"
            )
        }
        Msg::CannotRead { path, detail } => {
            let detail = os(lang, detail);
            say!(lang, "无法读取 {path}（{detail}）", "cannot read {path} ({detail})")
        }

        // ----- office questions (issue 12) -----
        Msg::DoneNeedsDate { code } => say!(
            lang,
            "{code}：记为已完成需要完成日期，请加 --on 日期（如 --on 2013-03-01）",
            "{code}: a task marked done needs the date it was done: add --on DATE (e.g. --on 2013-03-01)"
        ),
        Msg::StatusDatedToday { code, status: st, date } => {
            let st = lang.pick(st.zh(), st.en());
            say!(
                lang,
                "{code} 的进展「{st}」未给 --on，按今天（{date}）记录；如是以前的事，请加 --on 日期重新登记",
                "{code}: '{st}' was given no --on, so it is dated today ({date}); if it happened earlier, set it again with --on DATE"
            )
        }
        Msg::NothingToSet { command, options } => {
            let options = list(lang, options);
            say!(
                lang,
                "{command}：没有要修改的内容；请给出 {options} 中的至少一项",
                "{command}: nothing to change; give at least one of {options}"
            )
        }
        Msg::GoesWith { option, with } => {
            say!(lang, "{option} 只能与 {with} 一起使用", "{option} goes with {with}")
        }
        Msg::DuplicateAward { id, unit: u, kind, on } => {
            let (u, k) = (V(u.clone()), lang.pick(kind.zh(), kind.en()));
            say!(
                lang,
                "「{u}」于 {on} 获得的{k}已登记为获奖 #{id}；如确实是另一个奖项，请加 --duplicate-ok --reason 原因",
                "the {k} of '{u}' on {on} is recorded already as award #{id}; if this is really another one, add --duplicate-ok --reason TEXT"
            )
        }
        Msg::DuplicateProject { id, name, unit: u, on } => {
            let (name, u) = (V(name.clone()), V(u.clone()));
            say!(
                lang,
                "{on} 通过的项目「{name}」已登记为项目 #{id}（承担单位「{u}」）；如确实是另一个项目，请加 --duplicate-ok --reason 原因",
                "the project '{name}' passed on {on} is recorded already as project #{id} (of '{u}'); if this is really another one, add --duplicate-ok --reason TEXT"
            )
        }
        Msg::NoSuchFund { field, value, codes } => {
            let codes = list(lang, codes);
            say!(
                lang,
                "{field}：「{value}」不是资金来源；可用的有：{codes}",
                "{field}: '{value}' is not a fund; the funds are {codes}"
            )
        }
        Msg::AmountNeeded => {
            say!(lang, "规则的第一个版本需要 --amount 金额", "--amount is needed for the first version of a rule")
        }
        Msg::OverBudget { fund_zh, fund_en, year, entitled, budget } => {
            let fund = lang.pick(fund_zh, fund_en);
            let over = entitled.saturating_sub(*budget);
            let (entitled, budget, over) = (yuan(lang, *entitled), yuan(lang, *budget), yuan(lang, over));
            say!(
                lang,
                "警告：{fund} {year} 年应奖补 {entitled}，超出当年预算 {budget}，超出 {over}",
                "warning: {fund} entitlements of {year}, {entitled}, pass its budget of {budget} by {over}"
            )
        }
        Msg::YearNotBegun { year, today } => say!(
            lang,
            "{year} 年在今天（{today}）还没有开始，没有可报告的内容",
            "--year {year} has not begun on {today} (today); there is nothing to report yet"
        ),
        Msg::Setting { key, err } => {
            let k = lang.pick(key.zh(), key.code());
            let why = match err {
                SettingError::Empty => say!(lang, "至少要有一项", "give at least one item"),
                SettingError::LocalPrefix { item } => {
                    let item = V(item.clone());
                    say!(
                        lang,
                        "「{item}」不是地方标准前缀：应为 DB 加 2 位省级或 4 位市级代码，如 DB50、DB5001",
                        "'{item}' is not a local-standard prefix: write DB and a 2-digit province or 4-digit city code, such as DB50 or DB5001"
                    )
                }
                SettingError::CommitteePrefix { item } => {
                    let item = V(item.clone());
                    say!(
                        lang,
                        "「{item}」不是技术委员会编号前缀：应为 SAC 这样的字母",
                        "'{item}' is not a committee prefix: write letters such as SAC"
                    )
                }
            };
            say!(lang, "{k}：{why}", "{k}: {why}")
        }

        // ----- usage -----
        Msg::FormatNotWritable { command, format, allowed } => {
            let allowed = list(lang, allowed);
            // A record command is not named (the message is the same for all of them).
            let command =
                if command.is_empty() { lang.pick("本命令", "this command").to_string() } else { command.clone() };
            say!(
                lang,
                "{command} 不能输出 --format {format}；可用的格式有：{allowed}",
                "{command} cannot write --format {format}; it writes {allowed}"
            )
        }
        Msg::TooManyForTable { max } => say!(
            lang,
            "记录超过 {max} 行，太多了，无法在屏幕上列成表格；请用 --format csv --out 文件名.csv（或 --format json）导出",
            "more than {max} rows are too many for a table on screen; export them with --format csv --out FILE.csv (or --format json)"
        ),
        Msg::ExcelNeedsCsv => say!(lang, "--excel 只能与 --format csv 一起使用", "--excel goes with --format csv"),
        Msg::OutNeeded { format } => {
            say!(lang, "--format {format} 需要用 --out 指定输出文件", "--format {format} needs --out FILE")
        }
        Msg::RejectsNeedSkipInvalid => {
            say!(lang, "--rejects 只能与 --skip-invalid 一起使用", "--rejects goes with --skip-invalid")
        }
        Msg::Lang { value } => {
            say!(lang, "--lang「{value}」不可用：应为 zh 或 en", "--lang: '{value}' is not one of zh, en")
        }

        // ----- imports -----
        Msg::ImportRefused { rejected, dry_run } => {
            let head = if *dry_run { lang.pick("试运行：", "dry run: ") } else { "" };
            say!(
                lang,
                "{head}没有导入任何内容：有 {rejected} 行有错误（见上）；请改正后重新导入，或加 --skip-invalid 先导入正确的行，错误的行另存到文件中修改",
                "{head}nothing was imported: {rejected} rows have errors (listed above); correct them and import again, or add --skip-invalid to import the good rows and get the bad ones in a file to fix"
            )
        }
        Msg::RowsRejected { rejected, rejects: Some(file) } => say!(
            lang,
            "有 {rejected} 行被拒收，已写入 {file}；请在该文件中改正后直接导入它",
            "{rejected} rejected rows are written to {file}; fix them there and import that file as it is"
        ),
        Msg::RowsRejected { rejected, rejects: None } => say!(
            lang,
            "有 {rejected} 行被拒收（试运行，没有写入文件）",
            "{rejected} rows were rejected (a dry run: no file was written)"
        ),

        // ----- import rows -----
        Msg::ImportRow { line, sheet, column: Some(c), reason } => {
            let (reason, at) = (text(reason, lang), line_word(*sheet, *line));
            say!(lang, "第{line}行，「{c}」列：{reason}", "{at}, column {c}: {reason}")
        }
        Msg::ImportRow { line, sheet, column: None, reason } => {
            let (reason, at) = (text(reason, lang), line_word(*sheet, *line));
            say!(lang, "第{line}行：{reason}", "{at}: {reason}")
        }
        Msg::ImportCell { column: Some(c), reason } => {
            let reason = text(reason, lang);
            say!(lang, "「{c}」列：{reason}", "{c}: {reason}")
        }
        Msg::ImportCell { column: None, reason } => text(reason, lang),
        Msg::ImportEmptyFile => {
            say!(lang, "文件是空的：第1行应是各列的列名", "the file is empty: line 1 should name the columns")
        }
        Msg::ImportMissingColumns { line, sheet, kind, missing, found, undecoded } => {
            let at = line_word(*sheet, *line);
            let kind = import_kind(lang, kind);
            let missing: Vec<String> = match lang {
                Lang::Zh => missing.iter().map(|(zh, en)| format!("{zh}（{en}）")).collect(),
                Lang::En => missing.iter().map(|(zh, en)| format!("{zh} ({en})")).collect(),
            };
            let missing = list(lang, &missing);
            let found = values(lang, found);
            let head = say!(
                lang,
                "第{line}行：文件缺少{kind}导入所需的列 {missing}；文件中的列为：{found}；没有导入任何内容",
                "{at}: the file has no column {missing} that a {kind} import needs; its columns are: {found}; nothing was imported"
            );
            match undecoded {
                None => head,
                Some(encoding) => {
                    let hint = encoding_hint(lang);
                    say!(
                        lang,
                        "{head}。列名没有按 {encoding} 正确解码：请用 --encoding 指明文件的编码（{hint}）",
                        "{head}; the header did not decode as {encoding}: name the file's encoding with --encoding ({hint})"
                    )
                }
            }
        }
        Msg::ImportColumnTwice { line, sheet, field, first, second } => {
            let at = line_word(*sheet, *line);
            say!(
                lang,
                "第{line}行：「{first}」和「{second}」两列都是 {field}；请只保留一列后重新导入",
                "{at}: columns '{first}' and '{second}' both hold {field}; keep one and import again"
            )
        }
        Msg::ImportUnknownCodeColumn { line, sheet, kind, column, known } => {
            let (kind, at) = (import_kind(lang, kind), line_word(*sheet, *line));
            let known = list(lang, known);
            say!(
                lang,
                "第{line}行：「{column}」列看起来是代码或编号，但不是{kind}导入认识的列，不能不声不响地丢掉；请把列名改成 {known} 中的一个，或删去这一列；没有导入任何内容",
                "{at}: column '{column}' looks like a code or number, but is none a {kind} import knows, and is not dropped silently; rename it to one of {known}, or delete the column; nothing was imported"
            )
        }
        Msg::ImportWorkbookUnreadable { path, detail } => say!(
            lang,
            "无法读取工作簿 {path}（{detail}）：文件可能已损坏或设有密码；请在 Excel 或 WPS 中打开后重新保存（或另存为 CSV）再导入",
            "cannot read the workbook {path} ({detail}): it may be damaged or password-protected; open it in Excel or WPS and save it again (or save it as CSV), then import it"
        ),
        Msg::ImportNoSheet { path, sheet: Some(sheet), sheets } => {
            let sheets = values(lang, sheets);
            say!(
                lang,
                "工作簿 {path} 中没有工作表「{sheet}」；它的工作表为：{sheets}（--sheet 可写表名，或从 1 数起的序号）",
                "the workbook {path} has no sheet '{sheet}'; its sheets are: {sheets} (--sheet takes a name, or a number counting from 1)"
            )
        }
        Msg::ImportNoSheet { path, sheet: None, .. } => {
            say!(lang, "工作簿 {path} 中没有工作表", "the workbook {path} has no sheet")
        }
        Msg::ImportSheetNeedsWorkbook { path } => say!(
            lang,
            "--sheet 只用于工作簿（.xlsx、.xls、.ods），而 {path} 是文本（CSV）文件",
            "--sheet goes with a workbook (.xlsx, .xls, .ods); {path} is a text (CSV) file"
        ),
        Msg::ImportBinary { path } => say!(
            lang,
            "{path} 不是文本文件（含有零字节）；请直接导入工作簿（.xlsx、.xls、.ods），或把表格另存为 CSV 后导入；如果它是 UTF-16 文本，请加 --encoding utf-16",
            "{path} is not a text file (it holds zero bytes); import the workbook itself (.xlsx, .xls, .ods) or save the sheet as CSV; if it is UTF-16 text, name it with --encoding utf-16"
        ),
        Msg::ImportRowsAboveHeader { header, sheet, rows } => {
            let rows: Vec<String> = rows
                .iter()
                .map(|(line, text)| match lang {
                    Lang::Zh => format!("第{line}行「{text}」"),
                    Lang::En => format!("{} '{text}'", line_word(*sheet, *line)),
                })
                .collect();
            let (rows, at) = (list(lang, &rows), line_word(*sheet, *header));
            let lines = if *sheet { "rows" } else { "lines" };
            say!(
                lang,
                "表头在第{header}行；其上各行不是记录，已跳过：{rows}",
                "the header is on {at}; the {lines} above it are not records and were skipped: {rows}"
            )
        }
        Msg::ImportIgnoredColumns { kind, columns } => {
            let kind = import_kind(lang, kind);
            let columns = values(lang, columns);
            say!(
                lang,
                "{kind}导入不使用这些列，已忽略：{columns}",
                "ignoring columns a {kind} import does not use: {columns}"
            )
        }
        Msg::ImportSummary { kind, source, batch, dry_run, added, skipped, rejected, units_created } => {
            let ImportSource { file, encoding, sheet } = &**source;
            let kind = import_kind(lang, kind);
            let encoding = match (lang, encoding.strip_suffix(" with BOM")) {
                (Lang::Zh, Some(name)) => format!("{name} 带 BOM"),
                _ => encoding.clone(),
            };
            let encoding = match sheet {
                Some(sheet) => {
                    let sheet = V(sheet.clone());
                    say!(lang, "{encoding}，工作表「{sheet}」", "{encoding}, sheet '{sheet}'")
                }
                None => encoding,
            };
            let batch = batch.unwrap_or_default();
            if *dry_run {
                say!(
                    lang,
                    "试运行（未写入）：{kind}，{file}（{encoding}）：将新增 {added} 条，已存在跳过 {skipped} 条，拒绝 {rejected} 条，将新建单位 {units_created} 个",
                    "dry run of the {kind} import of {file} ({encoding}), nothing written: {added} would be added, {skipped} skipped as already present, {rejected} rejected, {units_created} units would be created"
                )
            } else {
                say!(
                    lang,
                    "已导入{kind}，{file}（{encoding}），批次 {batch}：新增 {added} 条，已存在跳过 {skipped} 条，拒绝 {rejected} 条，新建单位 {units_created} 个",
                    "imported {kind} from {file} ({encoding}) as batch {batch}: {added} added, {skipped} skipped as already present, {rejected} rejected, {units_created} units created"
                )
            }
        }
        Msg::ImportMoreRowErrors { more, rejects: Some(file) } => say!(
            lang,
            "……另有 {more} 条行错误未在此列出；所有被拒收的行及其原因都在 {file} 中",
            "… and {more} more row errors not shown here; every rejected row is in {file} with its reasons"
        ),
        Msg::ImportMoreRowErrors { more, rejects: None } => say!(
            lang,
            "……另有 {more} 条行错误未在此列出（加 --skip-invalid 导入时，所有错误的行及其原因会写入一个文件）",
            "… and {more} more row errors not shown here (with --skip-invalid, every bad row is written to a file with its reasons)"
        ),
        Msg::ImportMoreWarnings { more } => {
            say!(lang, "……另有 {more} 条警告未在此列出", "… and {more} more warnings not shown here")
        }
        Msg::ImportNewUnit { name, uscc, org_code } => {
            let codes: Vec<String> = [
                uscc.as_ref().map(|c| say!(lang, "统一社会信用代码 {c}", "USCC {c}")),
                org_code.as_ref().map(|c| say!(lang, "组织机构代码 {c}", "organisation code {c}")),
            ]
            .into_iter()
            .flatten()
            .collect();
            if codes.is_empty() {
                say!(lang, "将新建单位「{name}」（没有代码）", "would create unit '{name}' (no code)")
            } else {
                let codes = list(lang, &codes);
                say!(lang, "将新建单位「{name}」（{codes}）", "would create unit '{name}' ({codes})")
            }
        }
        Msg::RowEmpty => say!(lang, "内容为空；此列必须填写", "the value is empty; this column must be filled in"),
        Msg::RowNotUtf8 => say!(
            lang,
            "内容不是有效的 UTF-8 文字，可能是以 GBK 保存的：如果整个文件都是 GBK（Excel 的普通 CSV），请加 --encoding gb18030 导入；否则请重新录入这一行",
            "the value is not valid UTF-8; it was probably saved as GBK: if the whole file is GBK (Excel's plain CSV), import it with --encoding gb18030, else retype this row"
        ),
        Msg::RowUndecodable { value, encoding } => {
            let hint = encoding_hint(lang);
            say!(
                lang,
                "「{value}」中有按 {encoding} 无法解码的字符（显示为 �）：请用 --encoding 指明文件的编码（{hint}）",
                "'{value}' has characters that could not be decoded as {encoding} (shown as �): name the file's encoding with --encoding ({hint})"
            )
        }
        Msg::RowControlChar { value } => say!(
            lang,
            "「{value}」含有控制字符（如 ESC、NUL）；请删去后重新保存",
            "'{value}' holds a control character (such as ESC or NUL); remove it and save again"
        ),
        Msg::RowCellTooLong { value, kib, max_kib } => say!(
            lang,
            "内容长 {kib} KiB，超过一个单元格可导入的 {max_kib} KiB：「{value}」",
            "the value is {kib} KiB long, more than the {max_kib} KiB a cell may hold: '{value}'"
        ),
        Msg::RowTooLong { max_mib } => say!(
            lang,
            "这一行超过 {max_mib} MiB，超出导入可读的长度，只保留了开头部分（可能缺少引号，或这不是 CSV 文件）",
            "the row is longer than {max_mib} MiB, more than an import reads; only its start was kept (a quote may be missing, or this is not a CSV file)"
        ),
        Msg::RowTooManyCells { max } => say!(
            lang,
            "这一行超过 {max} 个单元格，只保留了前 {max} 个",
            "the row has more than {max} cells; only the first {max} were kept"
        ),
        Msg::RowExtraFields { fields, header, extra } => say!(
            lang,
            "这一行有 {fields} 个字段，而表头只有 {header} 列；多出的值为：{extra}",
            "the row has {fields} fields but the header has {header}; the extra values are {extra}"
        ),
        Msg::RowUnclosedQuote { opens } => say!(
            lang,
            "内容跨越多行且含有分隔符：第{opens}行开始的引号（\"）可能没有闭合，直到下一个引号为止的各行都被读成了这一行",
            "the value runs over several lines and holds a separator: a quote (\") opened on line {opens} was probably never closed, so the rows up to the next quote were read as this one"
        ),
        Msg::RowDate { value, err: err @ DateError::Unrecognised } => {
            let why = date_error(lang, err);
            say!(lang, "「{value}」：{why}", "'{value}': {why}")
        }
        Msg::RowDate { err, .. } => date_error(lang, err),
        Msg::RowDateSerial { value, date, from, to } => say!(
            lang,
            "「{value}」若是 Excel 的日期序号，则为 {date}，不在规划的年份（{from}—{to}年）之内，因此不予猜测：如果是日期，请把该列设为日期格式，或写成 {date} 这样；否则请改正",
            "'{value}' as an Excel date number would be {date}, outside the plan's years ({from}-{to}), so it is not guessed: if it is a date, format the column as a date or write it as {date}; if not, correct it"
        ),
        Msg::RowExcelError { value } => say!(
            lang,
            "单元格是 Excel 的错误值 {value}（公式出错），不是内容；请在 Excel 中改正后重新保存",
            "the cell is the Excel error {value} (a formula that failed), not a value; correct it in Excel and save again"
        ),
        Msg::RowCode { value, err } => {
            let why = code_error(lang, err);
            say!(lang, "「{value}」：{why}", "'{value}': {why}")
        }
        Msg::RowBadCheck { code, err } => {
            let why = code_error(lang, err);
            say!(
                lang,
                "{code}：{why}；如果证照上确实印的是这个代码（早期试点代码通不过校验），请加 --allow-bad-check 导入",
                "{code}: {why}; if the code is really printed so (early pilot codes fail the check), import with --allow-bad-check"
            )
        }
        Msg::RowBadCheckKept { code, err } => {
            let why = code_error(lang, err);
            say!(
                lang,
                "{code}：{why}；因为给了 --allow-bad-check，已照录",
                "{code}: {why}; kept because --allow-bad-check was given"
            )
        }
        Msg::RowCodesDisagree { org, uscc, inside } => say!(
            lang,
            "{org} 与统一社会信用代码 {uscc} 中包含的组织机构代码（{inside}）不一致；请改正其中一个，或把这一格留空",
            "{org} is not the organisation code inside USCC {uscc} ({inside}); correct one of them or leave this one empty"
        ),
        Msg::RowWord { err } => enum_error(lang, err),
        Msg::RowNotEnterpriseNumber { number, level: l } => {
            let l = level(lang, *l);
            say!(
                lang,
                "{number} 是{l}，不是企业标准（Q/...）",
                "{number} is a {l} standard, not an enterprise standard (Q/...)"
            )
        }
        Msg::RowBadEnterpriseNumber { value, err } => {
            let why = std_number_error(lang, err);
            let why = match err {
                StdNumberError::Empty => why,
                _ => say!(lang, "「{value}」：{why}", "'{value}': {why}"),
            };
            say!(
                lang,
                "{why}；企业标准编号形如 Q/JLP 001-2013",
                "{why}; an enterprise standard number looks like Q/JLP 001-2013"
            )
        }
        Msg::RowUsccOrgTaken { uscc, org, unit: u, theirs } => {
            let u = unit(lang, u);
            say!(
                lang,
                "统一社会信用代码 {uscc} 中的组织机构代码 {org} 属于单位 {u}，而该单位的统一社会信用代码是 {theirs}",
                "USCC {uscc} holds organisation code {org}, which belongs to {u} with USCC {theirs}"
            )
        }
        Msg::RowOrgAmbiguous { org, units: found } => {
            let names = units(lang, found);
            say!(
                lang,
                "组织机构代码 {org} 对应多个单位：{names}；请填写统一社会信用代码以区分",
                "organisation code {org} matches several units: {names}; give the row's USCC to tell them apart"
            )
        }
        Msg::RowNameOtherUscc { unit: u, theirs, mine } => {
            let (name, id) = (V(u.name.clone()), u.id);
            say!(
                lang,
                "「{name}」是单位 #{id} 的名称，其统一社会信用代码是 {theirs}，不是 {mine}",
                "'{name}' is the name of unit #{id} whose USCC is {theirs}, not {mine}"
            )
        }
        Msg::RowNameOtherOrg { unit: u, theirs, mine } => {
            let (name, id) = (V(u.name.clone()), u.id);
            say!(
                lang,
                "「{name}」是单位 #{id} 的名称，其组织机构代码是 {theirs}，不是 {mine}",
                "'{name}' is the name of unit #{id} whose organisation code is {theirs}, not {mine}"
            )
        }
        Msg::RowOrgCodeInUsccColumn { code } => say!(
            lang,
            "{code} 是组织机构代码（9 位），不是统一社会信用代码，已作为组织机构代码记录",
            "{code} is an organisation code (9 characters), not a USCC; recorded as the organisation code"
        ),
        Msg::RowUsccInOrgCodeColumn { code } => say!(
            lang,
            "{code} 是统一社会信用代码（18 位），不是组织机构代码，已作为统一社会信用代码记录",
            "{code} is a USCC (18 characters), not an organisation code; recorded as the USCC"
        ),
        Msg::RowNameLikeUnit { name, unit: u } => {
            let u = unit(lang, u);
            say!(
                lang,
                "「{name}」不是已登记的单位名称，但与单位{u}只差企业组织形式、地名前缀、括号或标点，很可能是同一家：请按登记的名称填写（或填写统一社会信用代码）；如果确实是另一家单位，请加 --new-units 导入",
                "'{name}' is no stored unit's name, but it is the same name in another form as {u} (legal form, place prefix, brackets or punctuation aside), probably the same enterprise: write the name as stored (or give its USCC); if it is another unit, import with --new-units"
            )
        }
        Msg::RowTotals { label } => say!(
            lang,
            "这是合计行（「{label}」），不是记录，已跳过",
            "this is a totals row ('{label}'), not a record; skipped"
        ),
        Msg::RowVoidedInFile { reason } => say!(
            lang,
            "文件中这一行标为已作废（作废原因：{reason}），不是有效记录，已跳过",
            "the file marks this row voided ({reason}); not a live record, skipped"
        ),
        Msg::RowCodeOtherName { unit: u, name } => {
            let u = unit(lang, u);
            say!(
                lang,
                "该代码属于单位 {u}；这一行记在该单位名下，文件中的名称「{name}」不予保存",
                "this code belongs to {u}; the row is recorded under that unit and the name '{name}' is not stored"
            )
        }
        Msg::RowFilingConflict { conflict } => {
            let FilingConflict { filing_no, stored, number, title, unit: u, filed_on, differs } = &**conflict;
            let mut parts: Vec<String> = differs.iter().map(|d| filing_diff(lang, d)).collect();
            if parts.is_empty() {
                parts.push(lang.pick("单位", "unit").to_string());
            }
            let differs = list(lang, &parts);
            match stored {
                Some(id) => say!(
                    lang,
                    "备案号 {filing_no} 已登记为备案 #{id}：「{u}」的 {number}「{title}」，备案日期 {filed_on}；这一行的{differs}与之不同",
                    "filing number {filing_no} is recorded already as filing #{id}: {number} '{title}' of '{u}' filed {filed_on}; this row differs in {differs}"
                ),
                None => say!(
                    lang,
                    "备案号 {filing_no} 在本文件前面已出现：「{u}」的 {number}「{title}」，备案日期 {filed_on}；这一行的{differs}与之不同",
                    "filing number {filing_no} is given earlier in this file for {number} '{title}' of '{u}' filed {filed_on}; this row differs in {differs}"
                ),
            }
        }
        Msg::RowReviewConflict { number, unit: u, on, stored, differs } => {
            let earlier = match stored {
                Some(id) => say!(
                    lang,
                    "「{u}」于 {on} 对 {number} 的复审已登记为复审 #{id}",
                    "a review of {number} by '{u}' on {on} is recorded already as review #{id}"
                ),
                None => say!(
                    lang,
                    "「{u}」于 {on} 对 {number} 的复审在本文件前面已出现",
                    "a review of {number} by '{u}' on {on} is given earlier in this file"
                ),
            };
            match differs {
                ReviewDiff::Outcome { theirs, mine } => {
                    let (theirs, mine) = (lang.pick(theirs.zh(), theirs.code()), lang.pick(mine.zh(), mine.code()));
                    say!(
                        lang,
                        "{earlier}，结论为「{theirs}」；这一行是「{mine}」",
                        "{earlier} with outcome {theirs}; this row says {mine}"
                    )
                }
                ReviewDiff::FilingNo { theirs, mine } => say!(
                    lang,
                    "{earlier}，备案号为 {theirs}；这一行是 {mine}",
                    "{earlier} with filing number {theirs}; this row says {mine}"
                ),
            }
        }
        Msg::RowUnitDiffers { unit: u, differs } => {
            let (name, id) = (V(u.name.clone()), u.id);
            let parts: Vec<String> = differs.iter().map(|d| unit_diff(lang, d)).collect();
            let differs = list(lang, &parts);
            say!(
                lang,
                "单位「{name}」（#{id}）已存在，保持原样未改；文件中的{differs}与登记的不同；如文件正确，请用 `stdtrack update-unit` 修改",
                "'{name}' (#{id}) exists and was left as stored; the file differs in {differs}; change it with `stdtrack update-unit` if the file is right"
            )
        }
        Msg::RowVoided { kind, id, on: Some(on), reason } => {
            let kind = record_kind(lang, kind);
            say!(
                lang,
                "这一行是已作废的{kind} #{id}（{on} 作废，原因：{reason}），已跳过，不再重新录入",
                "this row is {kind} #{id}, voided on {on}: {reason}; skipped, not recorded again"
            )
        }
        Msg::RowVoided { kind, id, on: None, reason } => {
            let kind = record_kind(lang, kind);
            say!(
                lang,
                "这一行是已作废的{kind} #{id}（原因：{reason}），已跳过，不再重新录入",
                "this row is {kind} #{id}, voided: {reason}; skipped, not recorded again"
            )
        }

        // ----- after a commit -----
        Msg::RecordedOutputLost { detail } => {
            let detail = os(lang, detail);
            say!(
                lang,
                "已记录，但结果无法输出（{detail}）；记录已保存，请不要重复录入，可用 `stdtrack list` 查看",
                "recorded, but the output could not be written ({detail}); the record is saved: do not enter it again, `stdtrack list` shows it"
            )
        }

        Msg::Internal { detail } => say!(lang, "内部错误：{detail}", "internal error: {detail}"),
    }
}

// ----- import rows -----

/// An import's kind (`ImportKind::as_str`) as the reader calls it.
fn import_kind(lang: Lang, kind: &str) -> String {
    let zh = match kind {
        "filings" => "备案",
        "reviews" => "复审",
        "units" => "单位",
        other => other,
    };
    lang.pick(zh, kind).to_string()
}

/// A line of a text file (`line 6`) or a row of a sheet (`row 6`), as English says it;
/// Chinese says 第6行 of both.
fn line_word(sheet: bool, n: u64) -> String {
    format!("{} {n}", if sheet { "row" } else { "line" })
}

/// Values from a file, quoted and listed.
fn values(lang: Lang, items: &[V]) -> String {
    let shown: Vec<String> = items.iter().map(|v| v.to_string()).collect();
    list(lang, &shown)
}

/// Which `--encoding` to name for the files clerks have.
fn encoding_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Excel 普通 CSV 为 --encoding gb18030，“CSV UTF-8”为 --encoding utf-8",
        "--encoding gb18030 for Excel's plain CSV, --encoding utf-8 for CSV UTF-8",
    )
}

fn filing_diff(lang: Lang, d: &FilingDiff) -> String {
    match d {
        FilingDiff::Unit(u) => say!(lang, "单位（「{u}」）", "unit ('{u}')"),
        FilingDiff::Number(n) => say!(lang, "标准编号（{n}）", "standard number ({n})"),
        FilingDiff::Title(t) => say!(lang, "标准名称（「{t}」）", "title ('{t}')"),
        FilingDiff::Date(d) => say!(lang, "备案日期（{d}）", "date ({d})"),
    }
}

fn unit_diff(lang: Lang, d: &UnitDiff) -> String {
    let (zh, en) = match d.field {
        UnitField::Name => ("名称", "name"),
        UnitField::Uscc => ("统一社会信用代码", "USCC"),
        UnitField::OrgCode => ("组织机构代码", "organisation code"),
        UnitField::Kind => ("单位类型", "kind"),
        UnitField::Industry => ("行业", "industry"),
        UnitField::Location => ("所在地", "location"),
    };
    let word = |v: &V| -> String {
        match (d.field, lang) {
            (UnitField::Kind, Lang::Zh) => v.0.parse::<UnitKind>().map_or_else(|_| v.to_string(), |k| k.zh().into()),
            _ => v.to_string(),
        }
    };
    let (file, stored) = (word(&d.file), word(&d.stored));
    match lang {
        Lang::Zh => format!("{zh}（文件「{file}」，登记「{stored}」）"),
        Lang::En => format!("{en} ('{file}', stored '{stored}')"),
    }
}

/// A record kind as the reader calls it (`filing` → 备案).
pub fn record_kind(lang: Lang, kind: &str) -> String {
    let (zh, en) = match kind {
        "unit" => ("单位", "unit"),
        "standard" => ("标准", "standard"),
        "filing" => ("备案", "filing"),
        "review" => ("复审", "review"),
        "award" => ("获奖", "award"),
        "project" => ("项目", "project"),
        "committee_seat" | "committee" | "seat" => ("技术委员会席位", "committee seat"),
        "meeting" => ("会议", "meeting"),
        "payment" => ("付款", "payment"),
        "milestone" => ("重点任务", "milestone"),
        "batch" | "import_batch" => ("导入批次", "import batch"),
        "rule_version" | "rule" => ("奖补规则", "rule"),
        other => (other, other),
    };
    lang.pick(zh, en).to_string()
}

/// The prefix of a warning line.
pub fn warning_prefix(lang: Lang) -> &'static str {
    lang.pick("stdtrack：警告：", "stdtrack: warning: ")
}

/// The prefix of an error line.
pub fn error_prefix(lang: Lang) -> &'static str {
    lang.pick("stdtrack：", "stdtrack: ")
}

pub mod examples;
#[cfg(test)]
mod tests;
