//! The plan and what reports read: targets, rules and their versions, funds, milestones,
//! payments, the audit log, and the facts the core counts (voided records left out).

use anyhow::{Context, Result, anyhow};
use rusqlite::{OptionalExtension, params};

use super::records::ListFilter;
use super::{Reader, SqlResult, Tx};
use crate::core::model::*;
use crate::core::records::*;

fn collect<T>(rows: impl Iterator<Item = rusqlite::Result<T>>) -> Result<Vec<T>> {
    rows.collect::<rusqlite::Result<Vec<_>>>().sql()
}

fn split_param<T: std::str::FromStr>(param: Option<&str>, target: &str) -> Result<Vec<T>> {
    param
        .ok_or_else(|| anyhow!("target {target} has no parameter"))?
        .split(',')
        .map(|p| p.trim().parse::<T>().map_err(|_| anyhow!("target {target} has a bad parameter '{p}'")))
        .collect()
}

fn one<T>(v: Vec<T>, code: &str) -> Result<T> {
    v.into_iter().next().ok_or_else(|| anyhow!("target {code} has no parameter"))
}

fn measure(kind: MeasureKind, param: Option<&str>, code: &str) -> Result<Measure> {
    Ok(match kind {
        MeasureKind::Standards => Measure::Standards(one(split_param(param, code)?, code)?),
        MeasureKind::Filings => Measure::Filings,
        MeasureKind::Reviews => Measure::Reviews,
        MeasureKind::ParticipatingEnterprises => Measure::ParticipatingEnterprises(split_param(param, code)?),
        MeasureKind::HostingEnterprises => Measure::HostingEnterprises(split_param(param, code)?),
        MeasureKind::AwardEnterprises => Measure::AwardEnterprises(one(split_param(param, code)?, code)?),
        MeasureKind::Awards => Measure::Awards(one(split_param(param, code)?, code)?),
    })
}

/// A fund money is paid from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fund {
    pub code: String,
    pub label_zh: String,
    pub label_en: String,
}

impl Reader<'_> {
    /// The plan reports count against (the database holds one; the oldest if more).
    pub fn plan(&self) -> Result<Plan> {
        self.conn
            .query_row("SELECT code, title, start_on, deadline FROM plan ORDER BY start_on LIMIT 1", [], |r| {
                Ok(Plan { code: r.get(0)?, title: r.get(1)?, start: r.get(2)?, deadline: r.get(3)? })
            })
            .optional()
            .sql()?
            .ok_or_else(|| anyhow!("the database holds no plan; it was not made by `stdtrack init`"))
    }

    pub fn targets(&self, plan: &str) -> Result<Vec<TargetDef>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT code, label_zh, label_en, measure, param, target_min, target_max FROM target
                 WHERE plan = ?1 ORDER BY ordinal, code",
            )
            .sql()?;
        let rows = collect(
            st.query_map(params![plan], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, MeasureKind>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, Option<i64>>(6)?,
                ))
            })
            .sql()?,
        )?;
        rows.into_iter()
            .map(|(code, label_zh, label_en, kind, param, min, max)| {
                let measure = measure(kind, param.as_deref(), &code)?;
                Ok(TargetDef { code, label_zh, label_en, measure, min, max })
            })
            .collect()
    }

    pub fn rules(&self) -> Result<Vec<RuleDef>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT code, label_zh, label_en, source, level, award_kind, enterprise_only FROM rule ORDER BY ordinal, code",
            )
            .sql()?;
        let mut rules = collect(
            st.query_map([], |r| {
                Ok(RuleDef {
                    code: r.get(0)?,
                    label_zh: r.get(1)?,
                    label_en: r.get(2)?,
                    source: r.get(3)?,
                    level: r.get(4)?,
                    award_kind: r.get(5)?,
                    enterprise_only: r.get::<_, i64>(6)? == 1,
                    versions: Vec::new(),
                })
            })
            .sql()?,
        )?;
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT rule, amount_yuan, effective_from, effective_to, fund, per FROM rule_version ORDER BY rule, effective_from",
            )
            .sql()?;
        let versions = collect(
            st.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    RuleVersion {
                        amount_yuan: r.get(1)?,
                        from: r.get(2)?,
                        to: r.get(3)?,
                        fund: r.get(4)?,
                        per: r.get(5)?,
                    },
                ))
            })
            .sql()?,
        )?;
        for (code, v) in versions {
            if let Some(rule) = rules.iter_mut().find(|r| r.code == code) {
                rule.versions.push(v);
            }
        }
        Ok(rules)
    }

    pub fn funds(&self) -> Result<Vec<Fund>> {
        let mut st = self.conn.prepare_cached("SELECT code, label_zh, label_en FROM fund ORDER BY code").sql()?;
        collect(st.query_map([], |r| Ok(Fund { code: r.get(0)?, label_zh: r.get(1)?, label_en: r.get(2)? })).sql()?)
    }

    pub fn sector_codes(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached("SELECT code FROM sector_code ORDER BY code").sql()?;
        collect(st.query_map([], |r| r.get(0)).sql()?)
    }

    pub fn milestones(&self) -> Result<Vec<MilestoneFact>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT code, label_zh, label_en, owner, status, done_on, note, recurring FROM milestone ORDER BY ordinal, code",
            )
            .sql()?;
        collect(
            st.query_map([], |r| {
                Ok(MilestoneFact {
                    code: r.get(0)?,
                    label_zh: r.get(1)?,
                    label_en: r.get(2)?,
                    owner: r.get(3)?,
                    status: r.get(4)?,
                    done_on: r.get(5)?,
                    note: r.get(6)?,
                    recurring: r.get(7)?,
                    years: Vec::new(),
                })
            })
            .sql()?,
        )
    }

    /// The payments that count: a voided payment (entered by mistake) is paid nowhere.
    pub fn payments(&self, f: &ListFilter) -> Result<Vec<Payment>> {
        Ok(self.payment_records(f, None)?.into_iter().filter(|p| p.void_reason.is_none()).map(|p| p.record).collect())
    }

    /// Every payment with its correction state, for the list (voided ones kept, with their
    /// reason), or the one with `id`.
    pub fn payment_records(&self, f: &ListFilter, id: Option<i64>) -> Result<Vec<Recorded<Payment>>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT p.id, p.key, u.id, u.name, p.amount_yuan, p.paid_on, p.voucher, p.void_reason
                 FROM payment p JOIN unit u ON u.id = p.unit_id
                 WHERE (?1 IS NULL OR p.paid_on >= ?1) AND (?2 IS NULL OR p.paid_on <= ?2) AND (?3 IS NULL OR p.unit_id = ?3)
                 AND (?4 IS NULL OR p.id = ?4)
                 ORDER BY p.paid_on, p.id",
            )
            .sql()?;
        collect(
            st.query_map(params![f.from, f.to, f.unit_id, id], |r| {
                Ok(Recorded {
                    record: Payment {
                        id: r.get(0)?,
                        key: r.get(1)?,
                        unit_id: r.get(2)?,
                        unit: r.get(3)?,
                        amount_yuan: r.get(4)?,
                        paid_on: r.get(5)?,
                        voucher: r.get(6)?,
                    },
                    void_reason: r.get(7)?,
                })
            })
            .sql()?,
        )
    }

    pub fn audit_entries(&self, from: Option<&str>, to: Option<&str>) -> Result<Vec<AuditEntry>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, at, os_user, command, action, record_kind, record_id, before, after FROM audit
                 WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR substr(at, 1, 10) <= ?2) ORDER BY id",
            )
            .sql()?;
        collect(
            st.query_map(params![from, to], |r| {
                Ok(AuditEntry {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    os_user: r.get(2)?,
                    command: r.get(3)?,
                    action: r.get(4)?,
                    record_kind: r.get(5)?,
                    record_id: r.get(6)?,
                    before: r.get(7)?,
                    after: r.get(8)?,
                })
            })
            .sql()?,
        )
    }

    /// Filings or reviews per day (voided left out), from the per-day tables the store keeps.
    fn daily(&self, sql: &str) -> Result<DailyCounts> {
        let mut st = self.conn.prepare_cached(sql).sql()?;
        Ok(DailyCounts(collect(st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).sql()?)?))
    }

    /// Everything the targets count, voided records left out.
    pub fn facts(&self) -> Result<Facts> {
        let all = ListFilter::default();
        let live = |v: Option<String>| v.is_none();
        Ok(Facts {
            standards: self
                .standards(&all)?
                .into_iter()
                .filter(|r| live(r.void_reason.clone()))
                .map(|r| r.record)
                .collect(),
            awards: self.awards(&all)?.into_iter().filter(|r| r.void_reason.is_none()).map(|r| r.record).collect(),
            seats: self.seats(&all)?.into_iter().filter(|r| r.void_reason.is_none()).map(|r| r.record.fact).collect(),
            filings: self
                .daily("SELECT day, n FROM filing_day WHERE n > 0 ORDER BY day")
                .context("counting filings")?,
            reviews: self
                .daily("SELECT day, n FROM review_day WHERE n > 0 ORDER BY day")
                .context("counting reviews")?,
            meetings: self
                .meetings(&all)?
                .into_iter()
                .filter(|r| r.void_reason.is_none())
                .map(|r| r.record.held_on)
                .collect(),
            readings: self.readings()?,
        })
    }

    /// Projects that count (not voided), for the reward rules.
    pub fn live_projects(&self) -> Result<Vec<ProjectFact>> {
        Ok(self
            .projects(&ListFilter::default())?
            .into_iter()
            .filter(|r| r.void_reason.is_none())
            .map(|r| r.record)
            .collect())
    }
}

impl Tx<'_> {
    pub fn update_milestone(&self, m: &MilestoneFact) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE milestone SET status = ?2, done_on = ?3, owner = ?4, note = ?5, recurring = ?6 WHERE code = ?1",
            )
            .sql()?
            .execute(params![m.code, m.status, m.done_on, m.owner, m.note, m.recurring])
            .sql()?;
        Ok(())
    }

    pub fn insert_payment(&self, p: &Payment) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO payment (key, unit_id, amount_yuan, paid_on, voucher) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .sql()?
            .execute(params![p.key, p.unit_id, p.amount_yuan, p.paid_on, p.voucher])
            .sql()?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Adds a rule version from `from`, ending the latest one the day before.
    pub fn add_rule_version(&self, rule: &str, latest_from: Option<Date>, v: &RuleVersion) -> Result<()> {
        if let Some(prev_from) = latest_from {
            let day_before = v.from.pred_opt().ok_or_else(|| anyhow!("{} has no day before it", v.from))?;
            self.tx
                .execute(
                    "UPDATE rule_version SET effective_to = ?3 WHERE rule = ?1 AND effective_from = ?2
                     AND (effective_to IS NULL OR effective_to > ?3)",
                    params![rule, prev_from, day_before],
                )
                .sql()?;
        }
        self.tx
            .execute(
                "INSERT INTO rule_version (rule, amount_yuan, effective_from, effective_to, fund, per)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![rule, v.amount_yuan, v.from, v.to, v.fund, v.per],
            )
            .sql()?;
        Ok(())
    }
}
