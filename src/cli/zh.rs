//! The Chinese help: every command's about, every argument's help, the examples and the
//! words clap writes itself. `command(Lang::Zh)` lays it over the English at run time.
//!
//! A command is keyed by its name as typed (`add-filing`), an argument by its id, the field's
//! name in the Args struct (`filing_no` for `--filing-no`). The tests fail on any command or
//! argument without a Chinese text here, and on any key here that names nothing.
//!
//! The text is what `--help` shows in place of clap's `[default: ...]`, `[env: ...]` and
//! `[possible values: ...]`, so it states the default, the environment variable and every
//! accepted word itself.

use super::{Examples, Help, Words};

/// "…，如 2013-05-01（也可写 2013/5/1、2013年5月1日）" after what the date is, and an
/// optional remark after that.
macro_rules! date {
    ($what:literal) => {
        concat!($what, "，如 2013-05-01（也可写 2013/5/1、2013年5月1日）")
    };
    ($what:literal, $more:literal) => {
        concat!($what, "，如 2013-05-01（也可写 2013/5/1、2013年5月1日）", $more)
    };
}

/// How a unit may be named, after what the unit is, and an optional remark after that.
macro_rules! unit {
    ($what:literal) => {
        concat!($what, "：统一社会信用代码、组织机构代码、单位编号（如 12 或 #12）或单位全称")
    };
    ($what:literal, $more:literal) => {
        concat!($what, "：统一社会信用代码、组织机构代码、单位编号（如 12 或 #12）或单位全称", $more)
    };
}

const ALLOW_BAD_CHECK: &str = "代码校验位不符时仍然接受（给出警告），用于早期试点发放的代码";
const ADOPTS: &str = "采用的国际标准编号（采标），如 \"ISO 6361-1:2011\"；不填时从标准编号的“/ISO …”或“/IEC …”部分读取";
const DEGREE: &str = "采用程度：IDT（等同采用，默认）、MOD（修改采用）或 NEQ（非等效采用）";
const REASON: &str = "改正原因，如 日期录错（与改动一起记入操作记录）";
const ACTION: &str = "formulate（制定）或 revise（修订），中英文均可";

pub(super) const WORDS: Words = Words {
    usage: "用法",
    commands: "命令",
    arguments: "参数",
    options: "选项",
    global_options: "全局选项",
    examples: "示例",
    help_flag: "显示帮助",
    help_flag_long: "显示帮助（-h 为简要说明，--help 为详细说明）",
    version_flag: "显示版本号",
    help_subcommand: "显示全部命令的说明，或某条命令的帮助",
    commands_help: COMMANDS,
    global_args: GLOBAL_ARGS,
    command_examples: EXAMPLES,
};

/// The global options, accepted before or after any command.
const GLOBAL_ARGS: &[(&str, &str)] = &[
    (
        "db",
        "数据库文件，全部记录都保存在这一个文件中；默认为当前文件夹下的 stdtrack.db，\
         也可用环境变量 STDTRACK_DB 指定。请放在本机硬盘上，不要放在网络共享盘上",
    ),
    ("format", "输出格式（默认 table，即表格）；本命令能输出的格式见帮助末尾的 --format 一行"),
    (
        "lang",
        "显示语言：zh（中文）或 en（英文）。默认中文；\
         若环境变量 STDTRACK_LANG、LC_ALL、LC_MESSAGES、LANG 中第一个有设置的指定 en，则用英文",
    ),
    (
        "today",
        "把哪一天当作今天，如 2014-12-31（也可写 2014/12/31、2014年12月31日）；\
         默认为北京时间的今天，也可用环境变量 STDTRACK_TODAY 指定",
    ),
    ("out", "把结果写入此文件（如 2014Q4.md），不显示在屏幕上"),
    ("excel", "与 --format csv 同用：文件加 UTF-8 BOM，文本单元格不会被当成公式，用 Excel 可直接打开"),
];

const COMMANDS: &[Help] = &[
    Help {
        command: "",
        about: "九龙坡区技术标准战略工作台账：记录标准、备案、复审、奖项和项目，统计目标进度、奖补和季度汇报",
        long_about: Some(
            "stdtrack 是区标准化工作领导小组办公室的技术标准战略工作台账。全部记录保存在一个 SQLite 文件中，\
             可随时查看2015年各项目标完成得怎么样、按奖励政策应给哪些单位多少奖补、已付多少，\
             以及领导小组季度联席会议要汇报的内容。",
        ),
        args: &[],
    },
    Help {
        command: "init",
        about: "新建数据库文件，载入2012年实施意见的目标、奖补规则和工作任务（可重复执行）",
        long_about: None,
        args: &[],
    },
    Help {
        command: "add-unit",
        about: "登记一个单位（企业或其他机构）",
        long_about: None,
        args: &[
            ("name", "单位全称，如 重庆某铝业有限公司（不能与已登记的单位重名）"),
            ("uscc", "统一社会信用代码（18位），如 91500107186265962P"),
            ("org_code", "组织机构代码，如 00251805-7（2015年以前登记的单位往往只有此代码）"),
            (
                "kind",
                "单位类型：enterprise（企业，默认）、institution（事业单位）、association（社会团体）、\
                 department（机关）或 other（其他）",
            ),
            ("industry", "所属行业，如 铝加工、汽摩制造、装备制造"),
            ("location", "所在地，如 西彭镇、九龙园区"),
            ("allow_bad_check", ALLOW_BAD_CHECK),
        ],
    },
    Help {
        command: "update-unit",
        about: "修改单位的名称、代码、类型、行业或所在地（只改所填的项目）",
        long_about: None,
        args: &[
            ("unit", unit!("要修改的单位")),
            ("name", "新的单位全称"),
            ("uscc", "新的统一社会信用代码；写 \"\" 则清除"),
            ("org_code", "新的组织机构代码，如 00251805-7；写 \"\" 则清除"),
            (
                "kind",
                "新的单位类型：enterprise（企业）、institution（事业单位）、association（社会团体）、\
                 department（机关）或 other（其他）",
            ),
            ("industry", "新的所属行业，如 铝加工；写 \"\" 则清除"),
            ("location", "新的所在地；写 \"\" 则清除"),
            ("allow_bad_check", ALLOW_BAD_CHECK),
            ("reason", REASON),
        ],
    },
    Help {
        command: "add-standard",
        about: "登记本区单位制定或修订的国家、行业、地方、国际或团体标准",
        long_about: Some(
            "登记本区单位制定或修订的国家、行业、地方、国际或团体标准。\n\n\
             标准层级由标准编号确定（如 GB/T 为国家标准，DB50/T 为地方标准）。\
             已发布、已废止的标准须填发布日期，起草中的标准不填。\
             至少填一个牵头单位或参与单位，同一单位不能既牵头又参与。\
             企业标准（Q/…）属于备案，请用 add-filing 登记。",
        ),
        args: &[
            (
                "number",
                "标准编号，如 \"GB/T 1.1-2020\"、\"DB50/T 576-2014\"，标准层级由编号确定；起草中尚无编号的可不填",
            ),
            ("title", "标准名称，如 铝合金建筑型材"),
            ("action", ACTION),
            (
                "level",
                "标准层级：international（国际）、national（国家）、industry（行业）、local（地方）或 group（团体）；\
                 填了 --number 时由编号确定，不必填",
            ),
            (
                "status",
                "状态：drafting（起草中）、published（已发布）或 abolished（已废止）；\
                 默认：填了 --published 为 published，否则为 drafting",
            ),
            ("published", date!("发布日期", "；已发布、已废止的标准必填")),
            ("lead", unit!("牵头单位（本区单位是整项标准的第一起草单位时填写）")),
            ("participant", unit!("参与单位（本区单位，多个单位可重复填写本项）")),
            ("adopts", ADOPTS),
            ("degree", DEGREE),
        ],
    },
    Help {
        command: "update-standard",
        about: "修改一项标准（按编号或标准编号查找），只改所填的项目",
        long_about: None,
        args: &[
            ("standard", "要修改的标准：编号（如 5 或 #5）或标准编号（如 \"GB/T 30001-2013\"）"),
            ("number", "新的标准编号，标准层级随之确定"),
            ("title", "新的标准名称"),
            ("action", ACTION),
            (
                "level",
                "标准层级：international（国际）、national（国家）、industry（行业）、local（地方）或 group（团体）；\
                 仅在编号前缀无法识别时填写",
            ),
            ("status", "状态：drafting（起草中）、published（已发布）或 abolished（已废止）"),
            ("published", date!("发布日期", "；起草中的标准填了发布日期即改为已发布")),
            ("lead", unit!("新的牵头单位")),
            ("no_lead", "取消牵头单位"),
            ("participant", unit!("参与单位", "；填写一次或多次即替换原有的全部参与单位")),
            ("adopts", "采用的国际标准编号，如 \"ISO 6361-1:2011\"；写 \"\" 则清除"),
            ("degree", DEGREE),
            ("reason", REASON),
        ],
    },
    Help {
        command: "add-filing",
        about: "登记一项企业标准备案",
        long_about: None,
        args: &[
            ("unit", unit!("备案企业")),
            ("number", "企业标准编号，如 \"Q/JLP 001-2013\""),
            ("title", "标准名称，如 铝合金建筑型材"),
            ("filing_no", "备案号，如 50107-00001"),
            ("filed", date!("备案日期")),
        ],
    },
    Help {
        command: "add-review",
        about: "登记一项企业标准复审",
        long_about: None,
        args: &[
            ("unit", unit!("企业")),
            ("number", "企业标准编号，如 \"Q/JLP 001-2013\""),
            ("reviewed", date!("复审日期")),
            ("outcome", "复审结论：confirm（继续有效，也可写 确认）、revise（修订）或 abolish（废止），中英文均可"),
            ("filing_no", "该标准的备案号（知道时填写）"),
        ],
    },
    Help {
        command: "add-award",
        about: "登记单位获得的标准奖项（中国标准创新贡献奖、重庆市标准创新贡献奖、重庆市产品标准奖）",
        long_about: None,
        args: &[
            ("unit", unit!("获奖单位")),
            (
                "kind",
                "奖项：cn-innovation（中国标准创新贡献奖）、cq-innovation（重庆市标准创新贡献奖）\
                 或 cq-product（重庆市产品标准奖），也可直接写奖项名称",
            ),
            ("awarded", date!("获奖日期")),
            ("grade", "获奖等级，如 一等奖"),
            ("title", "获奖的标准或项目名称"),
            ("duplicate_ok", "已有同一单位、同一奖项、同一日期的获奖记录时仍然登记（须同时填 --reason）"),
            ("reason", "为什么要再登记一条同单位、同奖项、同日期的获奖（记入操作记录）"),
        ],
    },
    Help {
        command: "add-project",
        about: "登记一个通过的市级标准化项目",
        long_about: None,
        args: &[
            ("unit", unit!("项目承担单位")),
            ("name", "项目名称，如 市级标准化试点"),
            ("passed", date!("通过日期（市级主管部门批准的日期）")),
            ("duplicate_ok", "已有同名、同一通过日期的项目时仍然登记（须同时填 --reason）"),
            ("reason", "为什么要再登记一个同名、同日通过的项目（记入操作记录）"),
        ],
    },
    Help {
        command: "add-committee",
        about: "登记单位在全国专业标准化技术委员会（分委会、工作组）中承担的职务",
        long_about: None,
        args: &[
            ("unit", unit!("单位")),
            ("committee", "技术委员会编号，如 \"SAC/TC 114/SC 1\""),
            ("role", "职务：secretariat（秘书处）、convenor（工作组召集单位）或 member（委员单位），中英文均可"),
            ("since", date!("起始日期（承担或加入之日）")),
            ("name", "技术委员会名称，如 全国汽车标准化技术委员会"),
        ],
    },
    Help {
        command: "add-meeting",
        about: "登记一次领导小组联席会议",
        long_about: None,
        args: &[
            ("held", date!("召开日期")),
            ("title", "会议名称，如 2014年第四季度联席会议"),
            ("notes", "备注，如 议定事项"),
        ],
    },
    Help {
        command: "set-milestone",
        about: "登记实施意见中一项工作任务的进展（带日期）、责任单位或是否每年开展",
        long_about: Some(
            "登记实施意见中一项工作任务的进展、责任单位或是否每年开展。\n\n\
             每次登记进展都是一条带日期的记录：某日的进展以该日及以前最近的一条为准，\
             所以今天补登的以前的事不会改变以前的报告，今天登记的进展也不会出现在以前的报告中。\
             每年开展的任务（如“世界标准日”“科技周”宣传、人才培训）按年统计，某年未开展即显示为未开展。",
        ),
        args: &[
            ("code", "任务代码，如 info-platform（用 stdtrack list 任务 可查看全部代码）"),
            (
                "status",
                "进展：not-started（未开始）、in-progress（进行中）或 done（已完成），中英文均可；\
                 每年开展的任务记为已完成即算作 --on 日期所在年份已开展",
            ),
            ("on", date!("进展发生的日期", "；记为已完成时必填，其他进展默认为今天；也可写作 --done")),
            ("owner", "责任单位，如 区质监局；多个单位写作 区质监局、区外经贸委"),
            ("note", "随本次进展保存的备注，如 目前进展；须与 --status 同用"),
            ("recurring", "是否每年开展：yearly（每年，如世界标准日宣传）或 none（一次性），中英文均可"),
        ],
    },
    Help {
        command: "void",
        about: "作废一条录错的记录：记录和作废原因都保留，但不再参与统计",
        long_about: None,
        args: &[
            (
                "kind",
                "记录类型：标准 standard、备案 filing、复审 review、获奖 award、项目 project、\
                 委员会 committee、会议 meeting、付款 payment（录错的付款；退款仍是退款），中英文均可",
            ),
            ("id", "记录编号，如 3 或 #3（即 stdtrack list 显示的编号）"),
            ("reason", "作废原因，如 重复录入（与记录一起保存）"),
        ],
    },
    Help {
        command: "update-filing",
        about: "改正一项企业标准备案（只改所填的项目），改动及原因记入操作记录",
        long_about: None,
        args: &[
            ("id", "备案记录编号，如 3 或 #3（即 stdtrack list 备案 显示的编号）"),
            ("unit", unit!("备案企业")),
            ("number", "企业标准编号，如 \"Q/JLP 001-2013\""),
            ("title", "标准名称"),
            ("filing_no", "备案号，如 50107-00001"),
            ("filed", date!("备案日期")),
            ("reason", REASON),
        ],
    },
    Help {
        command: "update-review",
        about: "改正一项企业标准复审（只改所填的项目），改动及原因记入操作记录",
        long_about: None,
        args: &[
            ("id", "复审记录编号，如 3 或 #3（即 stdtrack list 复审 显示的编号）"),
            ("unit", unit!("企业")),
            ("number", "企业标准编号，如 \"Q/JLP 001-2013\""),
            ("reviewed", date!("复审日期")),
            ("outcome", "复审结论：confirm（继续有效，也可写 确认）、revise（修订）或 abolish（废止），中英文均可"),
            ("filing_no", "该标准的备案号；写 \"\" 则清除"),
            ("reason", REASON),
        ],
    },
    Help {
        command: "update-award",
        about: "改正一项获奖记录（只改所填的项目），改动及原因记入操作记录",
        long_about: None,
        args: &[
            ("id", "获奖记录编号，如 3 或 #3（即 stdtrack list 获奖 显示的编号）"),
            ("unit", unit!("获奖单位")),
            (
                "kind",
                "奖项：cn-innovation（中国标准创新贡献奖）、cq-innovation（重庆市标准创新贡献奖）\
                 或 cq-product（重庆市产品标准奖），也可直接写奖项名称",
            ),
            ("awarded", date!("获奖日期")),
            ("grade", "获奖等级，如 一等奖；写 \"\" 则清除"),
            ("title", "获奖的标准或项目名称；写 \"\" 则清除"),
            ("reason", REASON),
            ("duplicate_ok", "改正后与另一条有效获奖记录同单位、同奖项、同日期时仍然保存（须同时填 --reason）"),
        ],
    },
    Help {
        command: "update-project",
        about: "改正一个市级标准化项目（只改所填的项目），改动及原因记入操作记录",
        long_about: None,
        args: &[
            ("id", "项目记录编号，如 3 或 #3（即 stdtrack list 项目 显示的编号）"),
            ("unit", unit!("项目承担单位")),
            ("name", "项目名称"),
            ("passed", date!("通过日期（市级主管部门批准的日期）")),
            ("reason", REASON),
            ("duplicate_ok", "改正后与另一个有效项目同名、同日通过时仍然保存（须同时填 --reason）"),
        ],
    },
    Help {
        command: "update-committee",
        about: "改正一条技术委员会职务记录（只改所填的项目），改动及原因记入操作记录",
        long_about: None,
        args: &[
            ("id", "记录编号，如 3 或 #3（即 stdtrack list 委员会 显示的编号）"),
            ("unit", unit!("单位")),
            ("committee", "技术委员会编号，如 \"SAC/TC 114/SC 1\""),
            ("role", "职务：secretariat（秘书处）、convenor（工作组召集单位）或 member（委员单位），中英文均可"),
            ("since", date!("起始日期（承担或加入之日）")),
            ("name", "技术委员会名称；写 \"\" 则清除"),
            ("reason", REASON),
        ],
    },
    Help {
        command: "update-meeting",
        about: "改正一次联席会议记录（只改所填的项目），改动及原因记入操作记录",
        long_about: None,
        args: &[
            ("id", "会议记录编号，如 3 或 #3（即 stdtrack list 会议 显示的编号）"),
            ("held", date!("召开日期")),
            ("title", "会议名称；写 \"\" 则清除"),
            ("notes", "备注；写 \"\" 则清除"),
            ("reason", REASON),
        ],
    },
    Help {
        command: "undo-import",
        about: "撤销一次导入：该批次新增的记录和新建的单位全部作废，连同原因保留",
        long_about: Some(
            "撤销一次导入：该批次新增的记录和新建的单位全部作废，连同原因保留。\n\n\
             如有不属于该批次的记录用到了该批次新建的单位，则不能撤销，并指出是哪条记录。\
             撤销后可以重新导入同一文件。用 stdtrack list 批次 查看各次导入。",
        ),
        args: &[
            ("batch", "导入批次号，即导入时显示、stdtrack list 批次 列出的批次号"),
            ("reason", "撤销原因，如 导错了文件（记在每条被作废的记录上）"),
        ],
    },
    Help {
        command: "merge-units",
        about: "合并重复登记的单位：重复单位的记录全部转到保留的单位，重复单位作废并保留原因",
        long_about: Some(
            "合并重复登记的单位：重复单位的记录全部转到保留的单位，重复单位作废并保留原因。\n\n\
             重复单位牵头或参与的标准、备案、复审、获奖、项目、技术委员会职务和付款都转给保留的单位；\
             保留的单位没有的代码从重复单位取来。两个单位的代码不同则不是同一单位，不予合并。",
        ),
        args: &[
            ("keep", unit!("保留的单位")),
            ("duplicate", unit!("重复的单位（记录转出后作废）")),
            ("reason", "合并原因，如 同一企业重复登记（与重复单位一起保存）"),
        ],
    },
    Help {
        command: "history",
        about: "查看一条记录的全部改动：按时间先后列出操作人、时间、命令、原因和改动的字段",
        long_about: None,
        args: &[
            (
                "kind",
                "记录类型：单位 unit、标准 standard、备案 filing、复审 review、获奖 award、项目 project、\
                 委员会 committee、会议 meeting、付款 payment、批次 batch，中英文均可",
            ),
            ("id", "记录编号，如 3 或 #3（即 stdtrack list 显示的编号）；批次为批次号"),
        ],
    },
    Help {
        command: "check",
        about: "检查数据库：文件是否完好、按日计数是否一致，以及多付、付款早于发生日期、日期晚于今天、疑似重复单位、代码校验不通过、标准没有本区单位等问题",
        long_about: Some(
            "检查数据库：文件是否完好、按日计数是否一致，以及多付、付款早于发生日期、日期晚于今天、\
             疑似重复单位、代码校验不通过、标准没有本区单位等问题。\n\n\
             没有问题时显示“未发现问题”，退出码为 0；有问题时每个问题一行，退出码为 1。",
        ),
        args: &[],
    },
    Help {
        command: "list",
        about: "列出某一类记录，可按日期和单位筛选",
        long_about: None,
        args: &[
            (
                "kind",
                "要列出的记录：单位 units、标准 standards、备案 filings、复审 reviews、获奖 awards、项目 projects、\
                 委员会 committees、会议 meetings、任务 milestones、付款 payments、指标 targets、规则 rules、\
                 审计（或 日志）audit、批次 batches（各次导入）、预算 budgets、设置 settings（set-plan 设定的口径），中英文均可",
            ),
            ("from", date!("起始日期（含当天）")),
            ("to", date!("截止日期（含当天）")),
            ("unit", unit!("只列出这个单位的记录")),
            ("adopted", "与 standards 同用：只列出采用国际标准（采标）的标准"),
        ],
    },
    Help {
        command: "progress",
        about: "查看截至某日各项目标的完成进度，以及工作任务和联席会议情况",
        long_about: None,
        args: &[
            ("as_of", date!("统计截至哪一天", "；默认为今天")),
            ("by_owner", "另按责任单位列出工作任务（多个责任单位的任务在每个单位下都列出）"),
            ("by_industry", "另把各项指标按单位所属行业拆分：重点产业各列一项，其余为其他"),
        ],
    },
    Help {
        command: "award-calc",
        about: "计算按奖励政策应付的奖补、已付多少、还欠多少",
        long_about: None,
        args: &[
            ("from", date!("起始日期（含当天）", "；不可与 --year、--quarter 同用。不限日期则统计全部")),
            ("to", date!("截止日期（含当天）")),
            ("year", "某一年，如 2014；不可与 --quarter 同用"),
            ("quarter", "某一季度，如 2014Q4（也可写 2014年第四季度）、last（上一季度）或 current（本季度）"),
            ("unit", unit!("只看这个单位")),
            ("outstanding", "只列出（截至 --as-of 当天）尚未付清的"),
            ("as_of", date!("付款统计到哪一天（即当天已付、尚欠多少）", "；默认为今天")),
        ],
    },
    Help {
        command: "record-payment",
        about: "登记一笔奖补付款（金额为负数即退款）",
        long_about: None,
        args: &[
            ("key", "奖补项目，即 award-calc 列出的编码，如 lead-national:standard:12"),
            ("paid", date!("付款日期")),
            ("amount", "金额（元，整数），如 300000；退款写负数，如 -50000；默认为尚欠的金额"),
            ("payee", unit!("收款单位", "；默认为应得该奖补的单位")),
            ("voucher", "凭证号，如 记-0123"),
        ],
    },
    Help {
        command: "set-rule",
        about: "调整奖补标准：自某日起按新金额执行（新增一个规则版本）",
        long_about: None,
        args: &[
            (
                "code",
                "奖补规则：municipal-project（市级标准化项目）、lead-national（牵头制定国家标准）、\
                 lead-international（牵头制定国际标准）、cn-innovation-award（中国标准创新贡献奖）\
                 或 cq-innovation-award（重庆市标准创新贡献奖）",
            ),
            ("amount", "新的金额（元，整数），如 80000；默认沿用上一版本"),
            ("from", date!("新金额的起始日期", "；上一版本到前一天为止")),
            ("until", date!("新金额的截止日期", "；默认不设截止")),
            ("fund", "资金来源：district-finance（区财政）或 industry-fund（区产业发展专项资金）；默认沿用上一版本"),
            (
                "per",
                "计发方式：record（按项，每项符合条件的记录都奖）或 enterprise（按企业，每家企业只奖一次）；\
                 默认沿用上一版本",
            ),
        ],
    },
    Help {
        command: "quarterly-report",
        about: "生成领导小组季度汇报：目标进度、工作任务、联席会议、奖补和本季度新增记录",
        long_about: None,
        args: &[
            ("quarter", "季度，如 2014Q4（也可写 2014年第四季度）、last（上一季度，默认）或 current（本季度）"),
            ("finalize", "定稿：保存本次报告，以后再查看该季度时显示定稿的数字，并列出现有记录会改变哪些数字"),
            ("reason", "再次定稿的原因（已定稿的季度再次定稿时必填，两次定稿都保留）"),
            ("recompute", "对已定稿的季度：按现有记录重新计算（仍截至季末），不显示定稿的数字"),
        ],
    },
    Help {
        command: "annual-report",
        about: "生成年度总结：当年各项指标完成情况、新增、按资金来源的奖补与预算、工作任务和每年开展的任务、联席会议",
        long_about: None,
        args: &[("year", "年份，如 2014；当年未结束的按今天的情况统计")],
    },
    Help {
        command: "show",
        about: "查看一个单位的全部情况：基本信息、标准、备案、复审、获奖、项目、技术委员会、计入的指标、应奖补和已付",
        long_about: None,
        args: &[("kind", "查看什么：unit（单位）"), ("unit", unit!("要查看的单位"))],
    },
    Help {
        command: "due-reviews",
        about: "列出到期应复审的企业标准（备案或上次复审满三年），已逾期的在前，附单位联系人",
        long_about: Some(
            "列出到期应复审的企业标准。企业标准自备案或上次复审起满三年应复审\
             （企业标准化管理办法：复审周期一般不超过三年），复审结论为废止的不再提醒。\
             2月29日备案的，到期日为三年后的2月28日。",
        ),
        args: &[("as_of", date!("从哪一天看", "；默认为今天")), ("within", "另列出多少天内到期的，默认 90 天")],
    },
    Help {
        command: "set-budget",
        about: "设定某一资金来源某一年的预算（再次设定即替换，记入操作记录）",
        long_about: None,
        args: &[
            ("fund", "资金来源：district-finance（区财政）或 industry-fund（区产业发展专项资金），也可写名称"),
            ("year", "年份，如 2015"),
            ("amount", "预算金额（元，整数），如 1,000,000"),
        ],
    },
    Help {
        command: "budget-plan",
        about: "估算某一年各资金来源需要的预算：尚欠的奖补，加上本区企业牵头、正在起草的标准将得的牵头奖励",
        long_about: None,
        args: &[("year", "要估算的年份，如 2016")],
    },
    Help {
        command: "set-plan",
        about: "调整对实施意见的解读口径：哪些地方标准前缀计入、哪些技术委员会算全国性的、重点产业有哪些",
        long_about: Some(
            "调整对实施意见的解读口径（记入操作记录）。\n\n\
             local-prefixes：计入地方标准指标的编号前缀，默认 DB50（重庆）；其他省市的地方标准单独列出，不计入。\n\
             national-committees：算作全国专业标准化技术委员会的编号前缀，默认 SAC（含其分委会、工作组）；\
             国际组织的席位单独列出，不计入。\n\
             focus-industries：重点产业，默认 铝加工、汽摩制造、装备制造；按行业拆分时其余为其他。",
        ),
        args: &[
            (
                "key",
                "口径：local-prefixes（地方标准前缀）、national-committees（全国标委会前缀）\
                 或 focus-industries（重点产业），中英文均可",
            ),
            ("values", "新的取值，可写多项（用空格或逗号分隔），如 DB50，SAC，铝加工 汽摩制造 装备制造"),
        ],
    },
    Help {
        command: "import",
        about: "从 Excel / WPS 工作簿（.xlsx、.xls、.ods）或另存的 CSV 文件批量导入备案、复审或单位",
        long_about: Some(
            "从 Excel / WPS 工作簿（.xlsx、.xls、.ods）或另存的 CSV 文件批量导入备案、复审或单位。\n\n\
             工作簿读取第一个工作表（其他工作表用 --sheet 指定）；CSV 文件的编码（GBK、UTF-8、Unicode 文本）自动识别。\
             表头上方可以有标题行（表头须在前 10 行之内）；表头用中文或英文均可，列的顺序不限，登记表常用的各种写法都认识。\
             合计行会跳过。默认只要有一行出错就一行也不导入，并列出每处错误所在的行（工作表的行号）和列。\
             加 --skip-invalid 则导入正确的行，把错误的行另存为一个文件，改好后可再导入。\
             以前导入过的相同记录会自动跳过。",
        ),
        args: &[
            ("kind", "导入什么：备案 filings、复审 reviews 或 单位 units，中英文均可"),
            (
                "file",
                "要导入的文件：工作簿（.xlsx、.xls、.ods），或在 Excel、WPS 中另存的 CSV 或 Unicode 文本，如 备案登记表.xlsx",
            ),
            ("sheet", "读取工作簿中的哪个工作表：表名，或从 1 数起的序号；默认为第一个工作表"),
            (
                "encoding",
                "文件编码：auto（自动识别，默认）、utf-8、gb18030（即 GBK，Excel 默认的 CSV）或 utf-16（Unicode 文本）",
            ),
            ("skip_invalid", "导入正确的行，错误的行另存到 --rejects 文件（退出码为 3）"),
            ("rejects", "错误的行另存到哪个文件（另加一列错误原因）；默认为 原文件名.rejects.csv"),
            ("dry_run", "只检查并照常报告，不写入任何记录"),
            ("allow_bad_check", ALLOW_BAD_CHECK),
            (
                "new_units",
                "名称与已登记单位只差组织形式、地名前缀、括号或标点时，仍作为新单位建立；不加时这样的行报错，并指出已登记的单位",
            ),
        ],
    },
    Help {
        command: "backup",
        about: "把数据库复制到一个新文件（有人正在使用时也可安全备份）",
        long_about: None,
        args: &[("dest", "备份到的新文件，如 stdtrack-2014-12-31.db（不能是已有的文件）")],
    },
    Help {
        command: "migrate",
        about: "把旧版本 stdtrack 建立的数据库升级到本版本的结构",
        long_about: Some(
            "把旧版本 stdtrack 建立的数据库升级到本版本的结构。升级前先在原文件旁复制一份，名为 \
             原文件名.vN.bak（N 为旧的结构版本）；任何写入命令遇到旧文件也会这样自动升级，\
             只读的命令则会拒绝旧文件，提示先运行本命令。",
        ),
        args: &[],
    },
    Help {
        command: "completions",
        about: "输出命令行自动补全脚本（按 Tab 键补全命令和选项）",
        long_about: None,
        args: &[("shell", "shell 类型：bash、elvish、fish、powershell 或 zsh")],
    },
    Help {
        command: "man",
        about: "输出手册页（roff 格式），如 stdtrack man > stdtrack.1",
        long_about: None,
        args: &[],
    },
];

/// By subcommand name ("" for `stdtrack` itself): (what it does, the command line).
const EXAMPLES: Examples = &[
    (
        "",
        &[
            ("第一次使用：在当前文件夹建立数据库", "stdtrack init"),
            ("查看某条命令的用法", "stdtrack add-filing --help"),
        ],
    ),
    (
        "init",
        &[
            ("在当前文件夹建立数据库 stdtrack.db", "stdtrack init"),
            ("用别的文件名建立", "stdtrack init --db 标准化台账.db"),
        ],
    ),
    (
        "add-unit",
        &[("登记一家企业", "stdtrack add-unit --name 重庆某铝业有限公司 --uscc 91500107186265962P --industry 铝加工")],
    ),
    (
        "update-unit",
        &[
            ("按统一社会信用代码找到单位，补填所在地", "stdtrack update-unit 91500107186265962P --location 西彭镇"),
            ("12 号单位更名", "stdtrack update-unit 12 --name 重庆某铝业（集团）有限公司"),
        ],
    ),
    (
        "add-standard",
        &[
            (
                "本区企业牵头制定、已发布的国家标准",
                "stdtrack add-standard --number \"GB/T 40009-2013\" --title 铝合金型材 --action 制定 \
                 --published 2013-04-12 --lead 重庆某铝业有限公司",
            ),
            (
                "修改采用国际标准的国家标准",
                "stdtrack add-standard --number \"GB/T 6892-2015\" --title 一般工业用铝及铝合金挤压型材 --action 修订 \
                 --published 2015-09-11 --participant 重庆某铝业有限公司 --adopts \"ISO 6362-1:2012\" --degree MOD",
            ),
        ],
    ),
    (
        "update-standard",
        &[
            ("标准已废止", "stdtrack update-standard \"GB/T 40009-2013\" --status abolished"),
            (
                "重新填写 5 号标准的参与单位（替换原有的）",
                "stdtrack update-standard 5 --participant 重庆某汽车有限公司 --participant 重庆某摩托车有限公司",
            ),
        ],
    ),
    (
        "add-filing",
        &[(
            "登记一项企业标准备案",
            "stdtrack add-filing --unit 91500107186265962P --number \"Q/JLP 001-2013\" --title 铝合金建筑型材 \
             --filing-no 50107-00001 --filed 2013-09-05",
        )],
    ),
    (
        "add-review",
        &[(
            "复审结论为继续有效",
            "stdtrack add-review --unit 91500107186265962P --number \"Q/JLP 001-2013\" --reviewed 2014-09-01 \
             --outcome 继续有效",
        )],
    ),
    (
        "add-award",
        &[(
            "1 号单位获重庆市标准创新贡献奖",
            "stdtrack add-award --unit 1 --kind 重庆市标准创新贡献奖 --awarded 2014-06-30 --grade 二等奖",
        )],
    ),
    (
        "add-project",
        &[("市级标准化试点项目通过", "stdtrack add-project --unit 1 --name 市级标准化试点 --passed 2014-06-08")],
    ),
    (
        "add-committee",
        &[(
            "1 号单位承担分委会秘书处",
            "stdtrack add-committee --unit 1 --committee \"SAC/TC 243/SC 1\" --role 秘书处 --since 2014-01-10",
        )],
    ),
    ("add-meeting", &[("第四季度联席会议", "stdtrack add-meeting --held 2014-10-15 --title 2014年第四季度联席会议")]),
    (
        "set-milestone",
        &[
            (
                "标准化信息服务平台于2013年3月1日建成运行",
                "stdtrack set-milestone info-platform --status done --on 2013-03-01",
            ),
            (
                "2014年世界标准日宣传活动已开展",
                "stdtrack set-milestone publicity-events --status 已完成 --on 2014-10-14 --note 世界标准日",
            ),
            ("人才培训改为每年开展", "stdtrack set-milestone training-network --recurring 每年"),
            ("查看全部工作任务及其代码", "stdtrack list 任务"),
        ],
    ),
    (
        "void",
        &[
            ("作废一条重复录入的获奖记录", "stdtrack void 获奖 3 --reason 重复录入"),
            ("作废一笔日期录错的付款", "stdtrack void 付款 5 --reason 付款日期录错"),
        ],
    ),
    (
        "update-filing",
        &[("3 号备案的备案日期录错了", "stdtrack update-filing 3 --filed 2013-09-15 --reason 备案日期录错")],
    ),
    ("update-review", &[("5 号复审的结论应为修订", "stdtrack update-review 5 --outcome 修订 --reason 结论录错")]),
    ("update-award", &[("2 号获奖记录的等级", "stdtrack update-award 2 --grade 一等奖 --reason 补录等级")]),
    ("update-project", &[("1 号项目改由 4 号单位承担", "stdtrack update-project 1 --unit 4 --reason 承担单位录错")]),
    (
        "update-committee",
        &[("1 号席位的职务应为秘书处", "stdtrack update-committee 1 --role 秘书处 --reason 职务录错")],
    ),
    ("update-meeting", &[("2 号会议的召开日期", "stdtrack update-meeting 2 --held 2014-10-16 --reason 日期录错")]),
    (
        "undo-import",
        &[
            ("查看各次导入及其批次号", "stdtrack list 批次"),
            ("撤销第 3 批导入", "stdtrack undo-import 3 --reason 导错了文件"),
        ],
    ),
    ("merge-units", &[("7 号单位与 3 号单位是同一企业", "stdtrack merge-units 3 7 --reason 同一企业重复登记")]),
    (
        "history",
        &[("12 号备案的全部改动", "stdtrack history 备案 12"), ("第 3 批导入的经过", "stdtrack history 批次 3")],
    ),
    ("check", &[("检查数据库", "stdtrack check")]),
    (
        "list",
        &[
            (
                "把2014年以来的备案导出给 Excel",
                "stdtrack list 备案 --from 2014-01-01 --format csv --excel --out 备案.csv",
            ),
            ("查看某单位的全部标准", "stdtrack list 标准 --unit 重庆某铝业有限公司"),
        ],
    ),
    (
        "progress",
        &[
            ("截至2015年底各项目标完成得怎么样", "stdtrack progress --as-of 2015-12-31"),
            ("各责任单位的工作任务清单", "stdtrack progress --by-owner"),
            ("各项指标按重点产业拆分", "stdtrack progress --by-industry"),
        ],
    ),
    (
        "award-calc",
        &[
            ("2014年的奖补还欠多少", "stdtrack award-calc --year 2014 --outstanding"),
            ("2015年各资金来源的应奖补、已付与预算", "stdtrack award-calc --year 2015"),
            ("2013年的奖补在2013年底时还欠多少", "stdtrack award-calc --year 2013 --outstanding --as-of 2013-12-31"),
        ],
    ),
    (
        "record-payment",
        &[(
            "1 号标准的牵头奖励已支付",
            "stdtrack record-payment lead-national:standard:1 --paid 2014-05-01 --voucher 记-0123",
        )],
    ),
    (
        "set-rule",
        &[
            (
                "市级标准化项目补助自2015年起调整为8万元",
                "stdtrack set-rule municipal-project --amount 80000 --from 2015-01-01",
            ),
            (
                "牵头制定国家标准的奖励自2015年起每家企业只奖一次",
                "stdtrack set-rule lead-national --per enterprise --from 2015-01-01",
            ),
        ],
    ),
    (
        "quarterly-report",
        &[
            (
                "2014年第四季度汇报，存为 Markdown 文件",
                "stdtrack quarterly-report --quarter 2014Q4 --format markdown --out 2014Q4.md",
            ),
            ("上报后定稿，以后可原样重现", "stdtrack quarterly-report --quarter 2014Q4 --finalize"),
        ],
    ),
    (
        "annual-report",
        &[(
            "2014年度总结，存为 Excel 文件",
            "stdtrack annual-report --year 2014 --format xlsx --out 2014年度总结.xlsx",
        )],
    ),
    ("show", &[("查看一家企业的全部情况", "stdtrack show 单位 重庆某铝业有限公司")]),
    (
        "due-reviews",
        &[
            ("今天已到期和90天内到期的复审", "stdtrack due-reviews"),
            (
                "截至年底、30天内到期的复审，导出给 Excel",
                "stdtrack due-reviews --as-of 2016-12-31 --within 30 --format csv --excel --out 复审提醒.csv",
            ),
        ],
    ),
    ("set-budget", &[("2015年区产业发展专项资金预算100万元", "stdtrack set-budget industry-fund 2015 1000000")]),
    ("budget-plan", &[("估算2016年各资金来源的需要", "stdtrack budget-plan --year 2016")]),
    (
        "set-plan",
        &[
            ("只有重庆的地方标准计入（默认）", "stdtrack set-plan local-prefixes DB50"),
            ("重点产业", "stdtrack set-plan focus-industries 铝加工 汽摩制造 装备制造"),
        ],
    ),
    (
        "import",
        &[
            ("导入备案登记表", "stdtrack import 备案 备案登记表.csv"),
            ("导入正确的行，错误的行另存待改", "stdtrack import 备案 备案登记表.csv --skip-invalid"),
        ],
    ),
    ("backup", &[("年底备份一份", "stdtrack backup stdtrack-2014-12-31.db")]),
    ("migrate", &[("升级旧版本的数据库（先自动备份为 stdtrack.db.v1.bak）", "stdtrack migrate")]),
    ("completions", &[("生成 bash 自动补全脚本", "stdtrack completions bash > stdtrack.bash")]),
    ("man", &[("生成手册页", "stdtrack man > stdtrack.1")]),
];
