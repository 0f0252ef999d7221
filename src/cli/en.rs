//! The examples that end each command's English help; the rest of the English help is the
//! doc comments in `mod.rs`. Keep them in step with the Chinese ones in `zh.rs`.

use super::Examples;

pub(super) const EXAMPLES_HEADING: &str = "Examples";

/// By subcommand name ("" for `stdtrack` itself): (what it does, the command line).
pub(super) const EXAMPLES: Examples = &[
    (
        "",
        &[
            ("first time: create the database in this folder", "stdtrack init"),
            ("how to use one command", "stdtrack add-filing --help"),
        ],
    ),
    (
        "init",
        &[
            ("create stdtrack.db in this folder", "stdtrack init"),
            ("create it under another name", "stdtrack init --db 标准化台账.db"),
        ],
    ),
    (
        "add-unit",
        &[(
            "record an enterprise",
            "stdtrack add-unit --name 重庆某铝业有限公司 --uscc 91500107186265962P --industry 铝加工",
        )],
    ),
    (
        "update-unit",
        &[
            (
                "add the location of a unit found by its USCC",
                "stdtrack update-unit 91500107186265962P --location 西彭镇",
            ),
            ("rename unit 12", "stdtrack update-unit 12 --name 重庆某铝业（集团）有限公司"),
        ],
    ),
    (
        "add-standard",
        &[
            (
                "a published national standard that a district enterprise led",
                "stdtrack add-standard --number \"GB/T 40009-2013\" --title 铝合金型材 --action formulate \
                 --published 2013-04-12 --lead 重庆某铝业有限公司",
            ),
            (
                "a national standard that modifies an international one",
                "stdtrack add-standard --number \"GB/T 6892-2015\" --title 铝合金挤压型材 --action revise \
                 --published 2015-09-11 --participant 重庆某铝业有限公司 --adopts \"ISO 6362-1:2012\" --degree MOD",
            ),
        ],
    ),
    (
        "update-standard",
        &[
            ("the standard was abolished", "stdtrack update-standard \"GB/T 40009-2013\" --status abolished"),
            (
                "replace the participants of standard 5",
                "stdtrack update-standard 5 --participant 重庆某汽车有限公司 --participant 重庆某摩托车有限公司",
            ),
        ],
    ),
    (
        "add-filing",
        &[(
            "record a filing",
            "stdtrack add-filing --unit 91500107186265962P --number \"Q/JLP 001-2013\" --title 铝合金建筑型材 \
             --filing-no 50107-00001 --filed 2013-09-05",
        )],
    ),
    (
        "add-review",
        &[(
            "a review that kept the standard in force",
            "stdtrack add-review --unit 91500107186265962P --number \"Q/JLP 001-2013\" --reviewed 2014-09-01 \
             --outcome confirm",
        )],
    ),
    (
        "add-award",
        &[(
            "a Chongqing standard innovation award to unit 1",
            "stdtrack add-award --unit 1 --kind cq-innovation --awarded 2014-06-30 --grade 二等奖",
        )],
    ),
    (
        "add-project",
        &[(
            "a municipal pilot project that passed",
            "stdtrack add-project --unit 1 --name 市级标准化试点 --passed 2014-06-08",
        )],
    ),
    (
        "add-committee",
        &[(
            "unit 1 hosts a subcommittee's secretariat",
            "stdtrack add-committee --unit 1 --committee \"SAC/TC 243/SC 1\" --role secretariat --since 2014-01-10",
        )],
    ),
    (
        "add-meeting",
        &[(
            "the fourth-quarter joint meeting",
            "stdtrack add-meeting --held 2014-10-15 --title 2014年第四季度联席会议",
        )],
    ),
    (
        "set-milestone",
        &[
            (
                "the information platform has run since 1 March 2013",
                "stdtrack set-milestone info-platform --status done --on 2013-03-01",
            ),
            (
                "World Standards Day publicity was held in 2014",
                "stdtrack set-milestone publicity-events --status done --on 2014-10-14 --note 世界标准日",
            ),
            ("training becomes a yearly duty", "stdtrack set-milestone training-network --recurring yearly"),
            ("all the tasks and their codes", "stdtrack list milestones"),
        ],
    ),
    (
        "void",
        &[
            ("an award entered twice", "stdtrack void award 3 --reason 重复录入"),
            ("a payment entered with the wrong date", "stdtrack void payment 5 --reason 付款日期录错"),
        ],
    ),
    (
        "update-filing",
        &[(
            "the date of filing 3 was entered wrong",
            "stdtrack update-filing 3 --filed 2013-09-15 --reason 备案日期录错",
        )],
    ),
    (
        "update-review",
        &[("review 5 revised the standard", "stdtrack update-review 5 --outcome revise --reason 结论录错")],
    ),
    ("update-award", &[("the grade of award 2", "stdtrack update-award 2 --grade 一等奖 --reason 补录等级")]),
    (
        "update-project",
        &[("project 1 is carried by unit 4", "stdtrack update-project 1 --unit 4 --reason 承担单位录错")],
    ),
    (
        "update-committee",
        &[("seat 1 hosts the secretariat", "stdtrack update-committee 1 --role secretariat --reason 职务录错")],
    ),
    ("update-meeting", &[("the date of meeting 2", "stdtrack update-meeting 2 --held 2014-10-16 --reason 日期录错")]),
    (
        "undo-import",
        &[
            ("the imports and their batch numbers", "stdtrack list batches"),
            ("undo batch 3", "stdtrack undo-import 3 --reason 导错了文件"),
        ],
    ),
    ("merge-units", &[("unit 7 is unit 3 entered twice", "stdtrack merge-units 3 7 --reason 同一企业重复登记")]),
    (
        "history",
        &[
            ("every change to filing 12", "stdtrack history filing 12"),
            ("what happened to import batch 3", "stdtrack history batch 3"),
        ],
    ),
    ("check", &[("examine the database", "stdtrack check")]),
    (
        "list",
        &[
            (
                "the filings since 2014, for Excel",
                "stdtrack list filings --from 2014-01-01 --format csv --excel --out 备案.csv",
            ),
            ("one unit's standards", "stdtrack list standards --unit 重庆某铝业有限公司"),
        ],
    ),
    (
        "progress",
        &[
            ("where the targets stand at the end of 2015", "stdtrack progress --as-of 2015-12-31"),
            ("each department's task list", "stdtrack progress --by-owner"),
            ("every target split by focus industry", "stdtrack progress --by-industry"),
        ],
    ),
    (
        "award-calc",
        &[
            ("what is still owed for 2014", "stdtrack award-calc --year 2014 --outstanding"),
            ("2015 per fund: entitled, paid and the budget", "stdtrack award-calc --year 2015"),
            (
                "what was still owed for 2013 at the end of 2013",
                "stdtrack award-calc --year 2013 --outstanding --as-of 2013-12-31",
            ),
        ],
    ),
    (
        "record-payment",
        &[(
            "the lead reward for standard 1 was paid",
            "stdtrack record-payment lead-national:standard:1 --paid 2014-05-01 --voucher 记-0123",
        )],
    ),
    (
        "set-rule",
        &[
            (
                "the municipal project subsidy becomes 80,000 yuan from 2015",
                "stdtrack set-rule municipal-project --amount 80000 --from 2015-01-01",
            ),
            (
                "from 2015 a lead reward is paid once per enterprise",
                "stdtrack set-rule lead-national --per enterprise --from 2015-01-01",
            ),
        ],
    ),
    (
        "quarterly-report",
        &[
            (
                "the report on 2014Q4, as a Markdown file",
                "stdtrack quarterly-report --quarter 2014Q4 --format markdown --out 2014Q4.md",
            ),
            (
                "keep the report as submitted, to reproduce it later",
                "stdtrack quarterly-report --quarter 2014Q4 --finalize",
            ),
        ],
    ),
    (
        "annual-report",
        &[("the 2014 summary, as a workbook", "stdtrack annual-report --year 2014 --format xlsx --out 2014.xlsx")],
    ),
    ("show", &[("everything about one enterprise", "stdtrack show unit 重庆某铝业有限公司")]),
    (
        "due-reviews",
        &[
            ("reviews overdue or due within 90 days", "stdtrack due-reviews"),
            (
                "due by the end of the year, within 30 days, for Excel",
                "stdtrack due-reviews --as-of 2016-12-31 --within 30 --format csv --excel --out reviews.csv",
            ),
        ],
    ),
    ("set-budget", &[("the industry fund's 2015 budget", "stdtrack set-budget industry-fund 2015 1000000")]),
    ("budget-plan", &[("what each fund needs in 2016", "stdtrack budget-plan --year 2016")]),
    (
        "set-plan",
        &[
            ("only Chongqing's local standards count (the default)", "stdtrack set-plan local-prefixes DB50"),
            ("the focus industries", "stdtrack set-plan focus-industries 铝加工 汽摩制造 装备制造"),
        ],
    ),
    (
        "import",
        &[
            ("import the filings register", "stdtrack import filings 备案登记表.csv"),
            (
                "import the good rows, keep the bad ones in a file to correct",
                "stdtrack import filings 备案登记表.csv --skip-invalid",
            ),
        ],
    ),
    ("backup", &[("a copy at the end of the year", "stdtrack backup stdtrack-2014-12-31.db")]),
    ("migrate", &[("upgrade an older database (copied first to stdtrack.db.v1.bak)", "stdtrack migrate")]),
    ("completions", &[("completion for bash", "stdtrack completions bash > stdtrack.bash")]),
    ("man", &[("write the manual page", "stdtrack man > stdtrack.1")]),
];
