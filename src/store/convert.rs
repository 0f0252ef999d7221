//! How domain enums are stored: as their one text form (`as_str` / `FromStr`).

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::core::model::*;

macro_rules! text_column {
    ($($t:ty),+) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                value.as_str()?.parse().map_err(|e| FromSqlError::Other(Box::new(e)))
            }
        }
    )+};
}

text_column!(
    UnitKind,
    Level,
    Action,
    StandardStatus,
    Outcome,
    AwardKind,
    SeatRole,
    MilestoneStatus,
    MeasureKind,
    RuleSource,
    Recurrence,
    Per,
    AdoptionDegree,
    PlanSetting
);
