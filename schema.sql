-- stdtrack: the whole schema of a fresh database, and the seeded plan jlp-2012.
-- Later schema changes are ordered migrations in src/store/schema.rs; this file is always
-- the current shape. Dates are ISO text (YYYY-MM-DD); money is whole yuan in INTEGER.
-- A record with a non-null void_reason is a correction kept for the record: it never counts.

CREATE TABLE plan (
    code        TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    start_on    TEXT NOT NULL CHECK (start_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    deadline    TEXT NOT NULL CHECK (deadline GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    CHECK (deadline >= start_on)
) STRICT;

-- Industry sector codes of standard numbers (DOMAIN.md §6), data so the office can add more.
CREATE TABLE sector_code (
    code        TEXT PRIMARY KEY CHECK (code GLOB '[A-Z][A-Z]*'),
    label_zh    TEXT
) STRICT;

CREATE TABLE import_batch (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('filings', 'reviews', 'units')),
    file            TEXT NOT NULL,
    encoding        TEXT NOT NULL,
    imported_at     TEXT NOT NULL,
    os_user         TEXT NOT NULL,
    rows_added      INTEGER NOT NULL DEFAULT 0,
    rows_skipped    INTEGER NOT NULL DEFAULT 0,
    rows_rejected   INTEGER NOT NULL DEFAULT 0,
    units_created   INTEGER NOT NULL DEFAULT 0,
    -- the file's fingerprint (lower-case hex), and whether the batch was undone, when and why
    sha256          TEXT,
    undone_at       TEXT,
    undo_reason     TEXT
) STRICT;

CREATE TABLE unit (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (name <> ''),
    -- the name normalised (half-width, no spaces, lower case): two spellings of one name are one unit
    name_key    TEXT NOT NULL UNIQUE,
    uscc        TEXT UNIQUE CHECK (uscc IS NULL OR length(uscc) = 18),
    org_code    TEXT UNIQUE CHECK (org_code IS NULL OR length(org_code) = 10),
    -- the organisation code inside the USCC (positions 9-17), so either code finds the unit
    uscc_org    TEXT GENERATED ALWAYS AS
                    (CASE WHEN uscc IS NULL THEN NULL ELSE substr(uscc, 9, 8) || '-' || substr(uscc, 17, 1) END) VIRTUAL,
    kind        TEXT NOT NULL DEFAULT 'enterprise'
                    CHECK (kind IN ('enterprise', 'institution', 'association', 'department', 'other')),
    industry    TEXT,
    location    TEXT,
    batch_id    INTEGER REFERENCES import_batch(id),
    contact     TEXT,
    phone       TEXT,
    -- a duplicate merged into another unit is voided, and points to the unit kept
    void_reason TEXT,
    merged_into INTEGER REFERENCES unit(id),
    -- a unit with both codes answers to one organisation code
    CHECK (uscc IS NULL OR org_code IS NULL OR org_code = substr(uscc, 9, 8) || '-' || substr(uscc, 17, 1))
) STRICT;
CREATE INDEX unit_uscc_org ON unit(uscc_org);

CREATE TABLE standard (
    id              INTEGER PRIMARY KEY,
    number          TEXT,
    title           TEXT NOT NULL CHECK (title <> ''),
    level           TEXT NOT NULL CHECK (level IN ('international', 'national', 'industry', 'local', 'group')),
    action          TEXT NOT NULL CHECK (action IN ('formulate', 'revise')),
    status          TEXT NOT NULL CHECK (status IN ('drafting', 'published', 'abolished')),
    published_on    TEXT CHECK (published_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    void_reason     TEXT,
    -- the international standard it adopts (采标), and how closely
    adopts          TEXT,
    adoption_degree TEXT CHECK (adoption_degree IN ('IDT', 'MOD', 'NEQ')),
    CHECK ((status = 'drafting') = (published_on IS NULL))
) STRICT;
CREATE INDEX standard_published_on ON standard(published_on);
-- Numbers are unique among live records: a voided record keeps its number without blocking
-- the corrected one (likewise filing numbers and reviews below).
CREATE UNIQUE INDEX standard_number_live ON standard(number) WHERE void_reason IS NULL;

-- Who drafts a standard: at most one district lead (first drafting unit), any participants.
CREATE TABLE standard_unit (
    standard_id INTEGER NOT NULL REFERENCES standard(id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    role        TEXT NOT NULL CHECK (role IN ('lead', 'participant')),
    ordinal     INTEGER NOT NULL,
    PRIMARY KEY (standard_id, unit_id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX standard_unit_one_lead ON standard_unit(standard_id) WHERE role = 'lead';
CREATE INDEX standard_unit_unit ON standard_unit(unit_id);

CREATE TABLE filing (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    number      TEXT NOT NULL CHECK (number GLOB 'Q/*'),
    title       TEXT NOT NULL,
    filing_no   TEXT NOT NULL,
    filed_on    TEXT NOT NULL CHECK (filed_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    batch_id    INTEGER REFERENCES import_batch(id),
    void_reason TEXT,
    remark      TEXT
) STRICT;
CREATE UNIQUE INDEX filing_no_live ON filing(filing_no) WHERE void_reason IS NULL;
-- No index on filed_on or unit_id: reports count filings through filing_day (below), and each
-- index kept on a million rows cost the import a third or more of its time (issue 4 note);
-- `list filings --from/--to/--unit` scans instead (about 0.2 s a million rows). Units are
-- never deleted, so the foreign key needs no child index.

CREATE TABLE review (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    number      TEXT NOT NULL CHECK (number GLOB 'Q/*'),
    filing_no   TEXT,
    reviewed_on TEXT NOT NULL CHECK (reviewed_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    outcome     TEXT NOT NULL CHECK (outcome IN ('confirm', 'revise', 'abolish')),
    batch_id    INTEGER REFERENCES import_batch(id),
    void_reason TEXT,
    remark      TEXT
) STRICT;
CREATE UNIQUE INDEX review_live ON review(unit_id, number, reviewed_on) WHERE void_reason IS NULL;

-- Filings and reviews per day, kept by the store in the same transaction as every write that
-- adds, voids or moves one (src/store): progress reads ~1,300 rows here instead of scanning a
-- million-row index. tests/summary.rs checks them against the rows.
CREATE TABLE filing_day (
    day     TEXT PRIMARY KEY CHECK (day GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    n       INTEGER NOT NULL CHECK (n >= 0)
) STRICT, WITHOUT ROWID;

CREATE TABLE review_day (
    day     TEXT PRIMARY KEY CHECK (day GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    n       INTEGER NOT NULL CHECK (n >= 0)
) STRICT, WITHOUT ROWID;

CREATE TABLE award (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    kind        TEXT NOT NULL CHECK (kind IN ('cn-innovation', 'cq-innovation', 'cq-product')),
    awarded_on  TEXT NOT NULL CHECK (awarded_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    grade       TEXT,
    title       TEXT,
    void_reason TEXT
) STRICT;
CREATE INDEX award_awarded_on ON award(awarded_on);

CREATE TABLE project (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    name        TEXT NOT NULL CHECK (name <> ''),
    passed_on   TEXT NOT NULL CHECK (passed_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    void_reason TEXT
) STRICT;
CREATE INDEX project_passed_on ON project(passed_on);

CREATE TABLE committee_seat (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    committee   TEXT NOT NULL CHECK (committee <> ''),
    name        TEXT,
    role        TEXT NOT NULL CHECK (role IN ('secretariat', 'convenor', 'member')),
    since       TEXT NOT NULL CHECK (since GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    void_reason TEXT
) STRICT;
CREATE INDEX committee_seat_since ON committee_seat(since);

CREATE TABLE meeting (
    id          INTEGER PRIMARY KEY,
    held_on     TEXT NOT NULL CHECK (held_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    title       TEXT,
    notes       TEXT,
    void_reason TEXT
) STRICT;
CREATE INDEX meeting_held_on ON meeting(held_on);

CREATE TABLE milestone (
    code        TEXT PRIMARY KEY,
    plan        TEXT NOT NULL REFERENCES plan(code),
    ordinal     INTEGER NOT NULL,
    label_zh    TEXT NOT NULL,
    label_en    TEXT NOT NULL,
    owner       TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started', 'in-progress', 'done')),
    done_on     TEXT CHECK (done_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    note        TEXT,
    -- a yearly duty is done, or missed, each year
    recurring   TEXT NOT NULL DEFAULT 'none' CHECK (recurring IN ('none', 'yearly')),
    CHECK ((status = 'done') = (done_on IS NOT NULL))
) STRICT;

-- How each target counts: measure + param (a level, an award kind, or a list of levels/roles).
CREATE TABLE target (
    plan        TEXT NOT NULL REFERENCES plan(code),
    code        TEXT NOT NULL,
    ordinal     INTEGER NOT NULL,
    label_zh    TEXT NOT NULL,
    label_en    TEXT NOT NULL,
    measure     TEXT NOT NULL CHECK (measure IN ('standards', 'filings', 'reviews', 'participating-enterprises',
                                                 'hosting-enterprises', 'award-enterprises', 'awards')),
    param       TEXT,
    target_min  INTEGER NOT NULL CHECK (target_min > 0),
    target_max  INTEGER CHECK (target_max IS NULL OR target_max >= target_min),
    PRIMARY KEY (plan, code)
) STRICT;

CREATE TABLE fund (
    code        TEXT PRIMARY KEY,
    label_zh    TEXT NOT NULL,
    label_en    TEXT NOT NULL
) STRICT;

-- A reward rule: which records earn it. Its amounts live in rule_version.
CREATE TABLE rule (
    code            TEXT PRIMARY KEY,
    plan            TEXT NOT NULL REFERENCES plan(code),
    ordinal         INTEGER NOT NULL,
    label_zh        TEXT NOT NULL,
    label_en        TEXT NOT NULL,
    source          TEXT NOT NULL CHECK (source IN ('project', 'lead-standard', 'award')),
    level           TEXT CHECK (level IN ('international', 'national', 'industry', 'local', 'group')),
    award_kind      TEXT CHECK (award_kind IN ('cn-innovation', 'cq-innovation', 'cq-product')),
    enterprise_only INTEGER NOT NULL CHECK (enterprise_only IN (0, 1)),
    CHECK ((source = 'lead-standard') = (level IS NOT NULL)),
    CHECK ((source = 'award') = (award_kind IS NOT NULL))
) STRICT;

CREATE TABLE rule_version (
    id              INTEGER PRIMARY KEY,
    rule            TEXT NOT NULL REFERENCES rule(code),
    amount_yuan     INTEGER NOT NULL CHECK (amount_yuan >= 0),
    effective_from  TEXT NOT NULL CHECK (effective_from GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    effective_to    TEXT CHECK (effective_to IS NULL OR effective_to >= effective_from),
    fund            TEXT NOT NULL REFERENCES fund(code),
    -- pays for each qualifying record, or once per enterprise
    per             TEXT NOT NULL DEFAULT 'record' CHECK (per IN ('record', 'enterprise')),
    UNIQUE (rule, effective_from)
) STRICT;

-- Money paid against an entitlement key (RULE:KIND:ID); a refund is a negative amount.
CREATE TABLE payment (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL CHECK (key GLOB '*:*:[0-9]*'),
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    amount_yuan INTEGER NOT NULL CHECK (amount_yuan <> 0),
    paid_on     TEXT NOT NULL CHECK (paid_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    voucher     TEXT,
    -- a payment entered by mistake is voided, kept with its reason
    void_reason TEXT
) STRICT;
CREATE INDEX payment_key ON payment(key);

-- Every write: who, when, which command, which record, before and after (JSON).
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    os_user     TEXT NOT NULL,
    command     TEXT NOT NULL,
    action      TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id   INTEGER,
    before      TEXT,
    after       TEXT
) STRICT;

-- A milestone's dated history: its status as of a date is its latest change on or before it.
CREATE TABLE milestone_change (
    id          INTEGER PRIMARY KEY,
    milestone   TEXT NOT NULL REFERENCES milestone(code),
    status      TEXT NOT NULL CHECK (status IN ('not-started', 'in-progress', 'done')),
    on_date     TEXT NOT NULL CHECK (on_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    note        TEXT,
    at          TEXT NOT NULL,
    os_user     TEXT NOT NULL,
    void_reason TEXT
) STRICT;
CREATE INDEX milestone_change_on ON milestone_change(milestone, on_date);

-- A quarterly report as submitted: the JSON as rendered, the fingerprint of its inputs.
CREATE TABLE finalized_report (
    id          INTEGER PRIMARY KEY,
    quarter     TEXT NOT NULL CHECK (quarter GLOB '[12][0-9][0-9][0-9]Q[1-4]'),
    report      TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    at          TEXT NOT NULL,
    os_user     TEXT NOT NULL,
    reason      TEXT
) STRICT;
CREATE INDEX finalized_report_quarter ON finalized_report(quarter);

-- Each fund's budget for a year.
CREATE TABLE budget (
    fund        TEXT NOT NULL REFERENCES fund(code),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),
    amount_yuan INTEGER NOT NULL CHECK (amount_yuan BETWEEN 0 AND 10000000000),
    PRIMARY KEY (fund, year)
) STRICT;

-- Readings of the notice the office may overrule, as data: which local-standard prefixes
-- count, which committees are national, the focus industries (comma-separated lists).
CREATE TABLE plan_setting (
    plan        TEXT NOT NULL REFERENCES plan(code),
    key         TEXT NOT NULL CHECK (key IN ('local-prefixes', 'national-committees', 'focus-industries')),
    value       TEXT NOT NULL,
    PRIMARY KEY (plan, key)
) STRICT;

-- ---------------------------------------------------------------------------------------
-- Seed: plan jlp-2012, from the notice of 2012-07-12 (shared/seed/000_e0d14a79b72cda27.txt).

INSERT INTO plan VALUES ('jlp-2012', '九龙坡区深入实施技术标准战略打造标准强区的实施意见', '2012-07-12', '2015-12-31');

INSERT INTO sector_code (code, label_zh) VALUES
    ('YS', '有色金属'), ('QC', '汽车'), ('JB', '机械'), ('SJ', '电子'), ('WB', '物流'), ('LB', '旅游'),
    ('NY', '农业'), ('YB', '黑色冶金'), ('HG', '化工'), ('SH', '石油化工'), ('JC', '建材'), ('QB', '轻工'),
    ('FZ', '纺织'), ('CB', '船舶'), ('HB', '航空'), ('QJ', '航天'), ('WJ', '兵工民品'), ('BB', '包装'),
    ('DL', '电力'), ('JT', '交通'), ('SN', '商检'), ('SB', '供销'), ('YZ', '邮政'), ('CY', '新闻出版'),
    ('AQ', '安全生产'), ('WS', '卫生'), ('GA', '公共安全'), ('JY', '教育'), ('LD', '劳动和劳动安全'),
    ('TY', '体育'), ('CJ', '城镇建设'), ('TD', '土地管理'), ('WH', '文化'), ('GY', '广播电影电视'),
    ('HJ', '环境保护'), ('SL', '水利'), ('LY', '林业'), ('JG', '建筑工业'), ('YY', '医药'),
    ('JGJ', '建筑工程'), ('CJJ', '城镇建设工程'), ('JTG', '公路工程');

INSERT INTO target (plan, code, ordinal, label_zh, label_en, measure, param, target_min, target_max) VALUES
    ('jlp-2012', 'national-standards', 1, '制修订国家标准', 'National standards formulated or revised', 'standards', 'national', 13, NULL),
    ('jlp-2012', 'industry-standards', 2, '制修订行业标准', 'Industry standards formulated or revised', 'standards', 'industry', 20, NULL),
    ('jlp-2012', 'local-standards', 3, '制修订地方标准', 'Local standards formulated or revised', 'standards', 'local', 23, NULL),
    ('jlp-2012', 'enterprise-filings', 4, '备案企业标准', 'Enterprise standards filed', 'filings', NULL, 160, NULL),
    ('jlp-2012', 'enterprise-reviews', 5, '复审企业标准', 'Enterprise standards reviewed', 'reviews', NULL, 40, NULL),
    ('jlp-2012', 'participating-enterprises', 6, '实质性参与国家、行业标准制修订的企业', 'Enterprises in national or industry standard work', 'participating-enterprises', 'national,industry', 2, 3),
    ('jlp-2012', 'committee-enterprises', 7, '承担全国专业标准化技术委员会（分委会、工作组）的企业', 'Enterprises hosting a national TC, SC or WG', 'hosting-enterprises', 'secretariat,convenor', 2, 3),
    ('jlp-2012', 'cn-innovation-award-enterprises', 8, '获中国标准创新贡献奖的企业', 'Enterprises with a China Standard Innovation Contribution Award', 'award-enterprises', 'cn-innovation', 1, 2),
    ('jlp-2012', 'cq-product-award-enterprises', 9, '获重庆市产品标准奖的企业', 'Enterprises with a Chongqing product standard award', 'award-enterprises', 'cq-product', 3, 5),
    ('jlp-2012', 'cq-product-awards', 10, '重庆市产品标准奖（项）', 'Chongqing product standard awards', 'awards', 'cq-product', 8, NULL);

INSERT INTO fund (code, label_zh, label_en) VALUES
    ('district-finance', '区财政', 'District finance'),
    ('industry-fund', '区产业发展专项资金', 'District industry development fund');

INSERT INTO rule (code, plan, ordinal, label_zh, label_en, source, level, award_kind, enterprise_only) VALUES
    ('municipal-project', 'jlp-2012', 1, '通过市级标准化项目', 'Municipal standardization project passed', 'project', NULL, NULL, 0),
    ('lead-national', 'jlp-2012', 2, '牵头制定国家标准', 'Leading a national standard', 'lead-standard', 'national', NULL, 1),
    ('lead-international', 'jlp-2012', 3, '牵头制定国际标准', 'Leading an international standard', 'lead-standard', 'international', NULL, 1),
    ('cn-innovation-award', 'jlp-2012', 4, '中国标准创新贡献奖', 'China Standard Innovation Contribution Award', 'award', NULL, 'cn-innovation', 1),
    ('cq-innovation-award', 'jlp-2012', 5, '重庆市标准创新贡献奖', 'Chongqing Standard Innovation Contribution Award', 'award', NULL, 'cq-innovation', 1);

INSERT INTO rule_version (rule, amount_yuan, effective_from, effective_to, fund) VALUES
    ('municipal-project', 50000, '2012-07-12', NULL, 'district-finance'),
    ('lead-national', 300000, '2012-07-12', NULL, 'industry-fund'),
    ('lead-international', 500000, '2012-07-12', NULL, 'industry-fund'),
    ('cn-innovation-award', 100000, '2012-07-12', NULL, 'industry-fund'),
    ('cq-innovation-award', 50000, '2012-07-12', NULL, 'industry-fund');

INSERT INTO milestone (code, plan, ordinal, label_zh, label_en, owner) VALUES
    ('info-platform', 'jlp-2012', 1, '标准化信息服务平台建成运行', 'Standardization information service platform running', '区质监局'),
    ('early-warning', 'jlp-2012', 2, '技术性贸易措施预警与快速反应机制', 'Early warning and rapid response to technical trade measures', '区质监局、区外经贸委'),
    ('promotion-meeting', 'jlp-2012', 3, '城乡统筹服务标准化应用推广会议', 'Promotion meeting on urban-rural service standardization', '区质监局'),
    ('public-service-health', 'jlp-2012', 4, '公共服务标准体系推广应用（卫生）', 'Public service standard system in use: health', '区卫生局'),
    ('public-service-police', 'jlp-2012', 5, '公共服务标准体系推广应用（公安）', 'Public service standard system in use: police', '区公安分局'),
    ('public-service-education', 'jlp-2012', 6, '公共服务标准体系推广应用（教委）', 'Public service standard system in use: education', '区教委'),
    ('public-service-hrss', 'jlp-2012', 7, '公共服务标准体系推广应用（人社）', 'Public service standard system in use: human resources and social security', '区人力社保局'),
    ('public-service-sports', 'jlp-2012', 8, '公共服务标准体系推广应用（体育）', 'Public service standard system in use: sports', '区体育局'),
    ('public-service-municipal', 'jlp-2012', 9, '公共服务标准体系推广应用（市政）', 'Public service standard system in use: municipal services', '区市政园林局'),
    ('public-service-land', 'jlp-2012', 10, '公共服务标准体系推广应用（国土）', 'Public service standard system in use: land resources', '区国土分局'),
    ('public-service-culture', 'jlp-2012', 11, '公共服务标准体系推广应用（文广）', 'Public service standard system in use: culture and broadcasting', '区文广新局'),
    ('it-service-pilot', 'jlp-2012', 12, '长江上游IT数码中心IT行业服务标准化示范试点（市级或国家级）', 'IT service standardization pilot at the Upper Yangtze IT digital centre', '区质监局'),
    ('wedding-standard-system', 'jlp-2012', 13, '巴国城婚庆服务标准体系', 'Bagucheng wedding service standard system', '区商委'),
    ('tourism-standard-system', 'jlp-2012', 14, '白市驿旅游服务标准体系、统筹城乡发展标准化示范园', 'Baishiyi tourism service standard system and demonstration park', '区旅游局'),
    ('park-jiulong', 'jlp-2012', 15, '九龙园区管理和服务标准体系', 'Jiulong park management and service standard system', '九龙园区管委会'),
    ('park-xipeng', 'jlp-2012', 16, '西彭园区管理和服务标准体系', 'Xipeng park management and service standard system', '西彭园区管委会'),
    ('logistics-demo-park', 'jlp-2012', 17, '金凤电子信息园国家级现代物流标准化示范园', 'Jinfeng national modern logistics standardization demonstration park', '区商委'),
    ('cultural-creative-system', 'jlp-2012', 18, '黄桷坪文化创意产业标准体系', 'Huangjueping cultural and creative industry standard system', '区文广新局'),
    ('agriculture-standard-system', 'jlp-2012', 19, '农业标准化示范区、农产品质量安全标准体系', 'Agricultural demonstration zone and farm product safety standard system', '区农林水利局'),
    ('town-park-leading-groups', 'jlp-2012', 20, '各镇街、园区成立领导小组并制定实施方案', 'Leading groups and plans in every town, street and park', '各镇街和园区'),
    ('five-year-plan', 'jlp-2012', 21, '技术标准战略纳入"十二五"规划并制定专题规划', 'Standards strategy in the 12th five-year plan, with a special plan', '区政府办公室'),
    ('incentive-measures', 'jlp-2012', 22, '科技与标准化衔接办法、标准创新奖励办法', 'Measures linking science and standards; innovation reward measures', '区科委、区质监局'),
    ('training-network', 'jlp-2012', 23, '标准化人才培训网络', 'Standardization training network', '区科委、区质监局'),
    ('publicity-events', 'jlp-2012', 24, '"世界标准日""科技周"宣传活动', 'World Standards Day and Science Week publicity', '区质监局'),
    ('city-top-ranks', 'jlp-2012', 25, '制修订标准总量进入全市前列', 'Total standards formulated or revised among the city''s top', '区质监局');

UPDATE milestone SET recurring = 'yearly' WHERE code IN ('publicity-events', 'training-network');

INSERT INTO plan_setting (plan, key, value) VALUES
    ('jlp-2012', 'local-prefixes', 'DB50'),
    ('jlp-2012', 'national-committees', 'SAC'),
    ('jlp-2012', 'focus-industries', '铝加工,汽摩制造,装备制造');
