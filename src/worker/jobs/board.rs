//! The Pipeline board's loads: a page of cards per column, the column totals, and the KPIs.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::analytics::pipeline::{PeriodKind, PipelineView, quota_attainment};
use crate::db::board::{self, BoardFilter, CardSort};
use crate::db::pipeline_facts;
use crate::worker::output::{BoardKpis, Output};

/// Loads a page of cards per board column.
pub(in crate::worker) fn cards(
    conn: &Connection,
    filter: &BoardFilter,
    sort: CardSort,
    period: (NaiveDate, NaiveDate),
) -> Output {
    Output::BoardCards(
        board::load_cards(conn, filter, sort, period)
            .map_err(|e| format!("cannot load the board: {e}")),
    )
}

/// Counts and sums every board column.
pub(in crate::worker) fn totals(
    conn: &Connection,
    filter: &BoardFilter,
    period: (NaiveDate, NaiveDate),
) -> Output {
    Output::BoardTotals(
        board::load_totals(conn, filter, period)
            .map_err(|e| format!("cannot count the pipeline: {e}")),
    )
}

/// Computes the KPIs and quota attainment of the period of `kind` ending at `as_of`.
pub(in crate::worker) fn kpis(conn: &Connection, kind: PeriodKind, as_of: NaiveDate) -> Output {
    Output::Kpis(
        pipeline_facts::load_facts(conn)
            .map(|facts| {
                let view = PipelineView::new(&facts, as_of);
                let period = kind.period(as_of);
                BoardKpis {
                    kind,
                    kpis: view.kpis(period),
                    quota: quota_attainment(&facts, period),
                }
            })
            .map_err(|e| format!("cannot compute the KPIs: {e}")),
    )
}
