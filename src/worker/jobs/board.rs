//! The Pipeline board's loads: a page of cards per column, the column totals, and the KPIs.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::analytics::pipeline::{PeriodKind, PipelineView, quota_attainment};
use crate::db::board::{self, BoardFilter, BoardTotals, CardSort};
use crate::db::{pipeline_facts, pipelines};
use crate::worker::output::{BoardKpis, Output};
use crate::worker::steps::Steps;

/// Loads a page of cards per board column.
pub(in crate::worker) fn cards(
    conn: &Connection,
    filter: &BoardFilter,
    sort: CardSort,
    period: (NaiveDate, NaiveDate),
) -> Output {
    Output::BoardCards(
        pipelines::load(conn)
            .and_then(|catalogue| board::load_cards(conn, &catalogue, filter, sort, period))
            .map_err(|e| format!("cannot load the board: {e}")),
    )
}

/// Counts and sums every board column.
pub(in crate::worker) fn totals(
    conn: &Connection,
    filter: &BoardFilter,
    period: (NaiveDate, NaiveDate),
) -> Result<BoardTotals, String> {
    pipelines::load(conn)
        .and_then(|catalogue| board::load_totals(conn, &catalogue, filter, period))
        .map_err(|e| format!("cannot count the pipeline: {e}"))
}

/// Computes the KPIs of the period of `kind` ending at `as_of`, over one pipeline's deals or
/// (`None`) every pipeline's, and the quota attainment over every pipeline's.
pub(in crate::worker) fn kpis(
    conn: &Connection,
    kind: PeriodKind,
    as_of: NaiveDate,
    pipeline: Option<i64>,
    steps: &mut Steps,
) -> Result<BoardKpis, String> {
    steps.expect(2);
    steps.begin("reading the deals and their stage changes")?;
    let facts =
        pipeline_facts::load_facts(conn).map_err(|e| format!("cannot compute the KPIs: {e}"))?;
    steps.begin("computing the KPIs")?;
    let period = kind.period(as_of);
    // A rep's quota counts what they won in every pipeline.
    let quota = quota_attainment(&facts, period);
    let facts = facts.scoped(pipeline);
    Ok(BoardKpis {
        kind,
        kpis: PipelineView::new(&facts, as_of).kpis(period),
        quota,
    })
}
