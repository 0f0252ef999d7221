-- Schema 1 -> 2: corrections and reproducible reports (issue 11), the register as offices
-- keep it (issue 10), and the office's other questions (issue 12). Columns are added at the
-- end of their tables, in the order schema.sql lists them, so a fresh and an upgraded file
-- have the same shape (tests/migration.rs compares them).

-- Remarks (备注) kept on filings and reviews.
ALTER TABLE filing ADD COLUMN remark TEXT;
ALTER TABLE review ADD COLUMN remark TEXT;

-- Units: contact fields for review reminders; a duplicate merged into another is voided.
ALTER TABLE unit ADD COLUMN contact TEXT;
ALTER TABLE unit ADD COLUMN phone TEXT;
ALTER TABLE unit ADD COLUMN void_reason TEXT;
ALTER TABLE unit ADD COLUMN merged_into INTEGER REFERENCES unit(id);

-- A payment entered by mistake is voided, kept with its reason (a refund stays a refund).
ALTER TABLE payment ADD COLUMN void_reason TEXT;

-- An import batch: the file's fingerprint, and whether it was undone, when and why.
ALTER TABLE import_batch ADD COLUMN sha256 TEXT;
ALTER TABLE import_batch ADD COLUMN undone_at TEXT;
ALTER TABLE import_batch ADD COLUMN undo_reason TEXT;

-- Adoption of an international standard (采标): what it adopts and how closely.
ALTER TABLE standard ADD COLUMN adopts TEXT;
ALTER TABLE standard ADD COLUMN adoption_degree TEXT CHECK (adoption_degree IN ('IDT', 'MOD', 'NEQ'));

-- A yearly duty (World Standards Day, training) is done, or missed, each year.
ALTER TABLE milestone ADD COLUMN recurring TEXT NOT NULL DEFAULT 'none' CHECK (recurring IN ('none', 'yearly'));
UPDATE milestone SET recurring = 'yearly' WHERE code IN ('publicity-events', 'training-network');

-- A rule version pays per record, or once per enterprise.
ALTER TABLE rule_version ADD COLUMN per TEXT NOT NULL DEFAULT 'record' CHECK (per IN ('record', 'enterprise'));

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
-- Each status a version-1 file holds becomes one change: done at its done_on, any other
-- status at the plan's start.
INSERT INTO milestone_change (milestone, status, on_date, note, at, os_user)
    SELECT m.code, m.status, coalesce(m.done_on, p.start_on), m.note, 'schema upgrade 1 -> 2', 'stdtrack'
    FROM milestone m JOIN plan p ON p.code = m.plan
    WHERE m.status <> 'not-started';

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
INSERT INTO plan_setting (plan, key, value) VALUES
    ('jlp-2012', 'local-prefixes', 'DB50'),
    ('jlp-2012', 'national-committees', 'SAC'),
    ('jlp-2012', 'focus-industries', '铝加工,汽摩制造,装备制造');
