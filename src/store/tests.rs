//! Store tests on an in-memory database: typed queries round-trip, voids and per-day counts.

use chrono::NaiveDate;

use super::*;
use crate::core::model::*;
use crate::core::records::{Meeting, Unit};

fn d(s: &str) -> Date {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ctx() -> AuditCtx {
    AuditCtx { at: "2014-01-01T00:00:00Z".into(), os_user: "test".into(), command: "test".into() }
}

fn unit(store: &mut Store, name: &str, kind: UnitKind) -> UnitRef {
    let ctx = ctx();
    let tx = store.begin(&ctx).unwrap();
    let mut u = Unit { id: 0, name: name.into(), uscc: None, org_code: None, kind, industry: None, location: None };
    u.id = tx.insert_unit(&UnitRow { unit: &u, name_key: name, batch_id: None }).unwrap();
    tx.commit().unwrap();
    u.as_ref()
}

#[test]
fn the_seeded_plan_reads_back() {
    let store = Store::in_memory().unwrap();
    let read = store.read();
    let plan = read.plan().unwrap();
    assert_eq!((plan.code.as_str(), plan.start, plan.deadline), ("jlp-2012", d("2012-07-12"), d("2015-12-31")));
    let targets = read.targets("jlp-2012").unwrap();
    assert_eq!(targets.len(), 10);
    assert_eq!(targets[5].measure, Measure::ParticipatingEnterprises(vec![Level::National, Level::Industry]));
    assert_eq!(targets[6].measure, Measure::HostingEnterprises(vec![SeatRole::Secretariat, SeatRole::Convenor]));
    assert_eq!(targets[9].measure, Measure::Awards(AwardKind::CqProduct));
    let rules = read.rules().unwrap();
    let lead = rules.iter().find(|r| r.code == "lead-national").unwrap();
    assert_eq!(
        (lead.source, lead.level, lead.enterprise_only),
        (RuleSource::LeadStandard, Some(Level::National), true)
    );
    assert_eq!(lead.versions[0].amount_yuan, 300000);
    assert!(read.sector_codes().unwrap().contains(&"QC".to_string()));
}

#[test]
fn a_standard_round_trips_with_its_units_in_order() {
    let mut store = Store::in_memory().unwrap();
    let a = unit(&mut store, "a", UnitKind::Enterprise);
    let b = unit(&mut store, "b", UnitKind::Institution);
    let c = unit(&mut store, "c", UnitKind::Enterprise);
    let ctx = ctx();
    let tx = store.begin(&ctx).unwrap();
    let s = StandardFact {
        id: 0,
        number: Some("GB/T 1-2013".into()),
        title: "t".into(),
        level: Level::National,
        action: Action::Formulate,
        status: StandardStatus::Published,
        published_on: Some(d("2013-01-02")),
        lead: Some(a.clone()),
        participants: vec![c.clone(), b.clone()],
        adoption: Some(Adoption { adopts: "ISO 1:2012".into(), degree: AdoptionDegree::Mod }),
    };
    let id = tx.insert_standard(&s).unwrap();
    tx.commit().unwrap();
    let back = store.read().standard(id).unwrap().unwrap();
    assert_eq!(back.record, StandardFact { id, ..s });
    assert_eq!(back.void_reason, None);
    assert_eq!(store.read().standard_id_by_number("GB/T 1-2013").unwrap(), Some(id));
}

#[test]
fn voiding_hides_a_record_from_the_facts_and_moves_the_day_count() {
    let mut store = Store::in_memory().unwrap();
    let a = unit(&mut store, "a", UnitKind::Enterprise);
    let ctx = ctx();
    let tx = store.begin(&ctx).unwrap();
    let f1 = tx.insert_filing(a.id, "Q/A 1-2013", "t", "N1", d("2013-05-01"), None).unwrap();
    tx.insert_filing(a.id, "Q/A 2-2013", "t", "N2", d("2013-05-01"), None).unwrap();
    tx.insert_meeting(&Meeting { id: 0, held_on: d("2013-05-02"), title: None, notes: None }).unwrap();
    tx.commit().unwrap();
    assert_eq!(store.read().facts().unwrap().filings, DailyCounts(vec![(d("2013-05-01"), 2)]));
    let tx = store.begin(&ctx).unwrap();
    tx.void(RecordKind::Filing, f1, "dup").unwrap();
    assert!(tx.void(RecordKind::Filing, f1, "again").is_err());
    tx.void(RecordKind::Meeting, 1, "wrong").unwrap();
    tx.commit().unwrap();
    let facts = store.read().facts().unwrap();
    assert_eq!(facts.filings, DailyCounts(vec![(d("2013-05-01"), 1)]));
    assert!(facts.meetings.is_empty());
    assert_eq!(store.read().void_state(RecordKind::Filing, f1).unwrap(), Some(Some("dup".into())));
    assert_eq!(store.read().void_state(RecordKind::Filing, 99).unwrap(), None);
}

#[test]
fn a_transaction_dropped_without_commit_writes_nothing() {
    let mut store = Store::in_memory().unwrap();
    let ctx = ctx();
    {
        let tx = store.begin(&ctx).unwrap();
        tx.insert_meeting(&Meeting { id: 0, held_on: d("2013-05-02"), title: None, notes: None }).unwrap();
        tx.audit("insert", "meeting", Some(1), None, None).unwrap();
    }
    assert!(store.read().meetings(&ListFilter::default()).unwrap().is_empty());
    assert!(store.read().audit_entries(None, None).unwrap().is_empty());
}

#[test]
fn a_rule_version_ends_the_previous_one_the_day_before() {
    let mut store = Store::in_memory().unwrap();
    let ctx = ctx();
    let tx = store.begin(&ctx).unwrap();
    let v = RuleVersion {
        amount_yuan: 400000,
        from: d("2014-01-01"),
        to: None,
        fund: "industry-fund".into(),
        per: Per::Enterprise,
    };
    tx.add_rule_version("lead-national", Some(d("2012-07-12")), &v).unwrap();
    tx.commit().unwrap();
    let rules = store.read().rules().unwrap();
    let lead = rules.iter().find(|r| r.code == "lead-national").unwrap();
    assert_eq!(lead.versions.len(), 2);
    assert_eq!(lead.versions[0].to, Some(d("2013-12-31")));
    assert_eq!(lead.versions[1], v);
}

#[test]
fn the_store_answers_the_unit_lookup_table() {
    let mut store = Store::in_memory().unwrap();
    let ctx = ctx();
    let tx = store.begin(&ctx).unwrap();
    for u in crate::core::units::lookup_case_units() {
        let key = crate::core::ids::name_key(&u.name);
        let id = tx.insert_unit(&UnitRow { unit: &u, name_key: &key, batch_id: None }).unwrap();
        // The table's ids have a gap (6, then 12): fix the id as the table has it.
        if id != u.id {
            tx.set_unit_id_for_test(id, u.id);
        }
    }
    tx.commit().unwrap();
    crate::core::units::lookup_cases(&store.read());
}
