//! The find popup's search, the pipeline list's pages and saved-view counts, the board's further
//! pages of cards, and bulk changes of deals.

use std::cell::RefCell;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::writes::{actor, now_text};
use crate::db::board::{self, BoardFilter, CardSort};
use crate::db::reads::{self, HitKind, ListIndex, ListPage, ListQuery, SortColumn, needs_touch};
use crate::db::records::{self, BulkChange, Stamp};
use crate::domain::Stage;
use crate::worker::output::{DealListPage, Found, FoundHit, MoreCards, Output};
use crate::worker::request::BulkTarget;

/// Results of each kind the find popup shows at most.
pub const FIND_PER_KIND: usize = 20;

/// Searches for `text`; each task found carries its deal.
pub(in crate::worker) fn find(conn: &Connection, text: &str) -> Output {
    let found = reads::search(conn, text, FIND_PER_KIND).and_then(|hits| {
        hits.into_iter()
            .map(|hit| {
                let deal_id = match hit.kind {
                    HitKind::Task => reads::task_deal(conn, hit.id)?,
                    _ => None,
                };
                Ok(FoundHit { hit, deal_id })
            })
            .collect::<rusqlite::Result<Vec<_>>>()
    });
    Output::Found(
        found
            .map(|hits| Found {
                text: text.to_string(),
                hits,
            })
            .map_err(|e| format!("cannot search: {e}")),
    )
}

/// The list the last page came from, kept on the worker's thread between jobs so that a page
/// is a slice of it and a sort change sorts it in memory.
struct Held {
    /// The view and filters it holds (sort, offset and limit cleared).
    filter: ListQuery,
    /// The day its views were computed for.
    as_of: NaiveDate,
    /// This connection's changes and the database's data version when it was read.
    version: (u64, i64),
    /// The deals and their sort keys.
    index: ListIndex,
}

thread_local! {
    static HELD: RefCell<Option<Held>> = const { RefCell::new(None) };
}

/// Changes made through `conn`, and the version other connections' commits move.
fn data_version(conn: &Connection) -> rusqlite::Result<(u64, i64)> {
    let others: i64 = conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
    Ok((conn.total_changes(), others))
}

/// Reads one page of the list view: from the list held in memory when it still holds this
/// view and filter and nothing was written since, else from a fresh read of it.
pub(in crate::worker) fn list(conn: &Connection, query: &ListQuery, as_of: NaiveDate) -> Output {
    let page = HELD.with_borrow_mut(|held| -> rusqlite::Result<ListPage> {
        let version = data_version(conn)?;
        let filter = ListQuery {
            sort: SortColumn::Title,
            descending: false,
            offset: 0,
            limit: 0,
            ..query.clone()
        };
        let mut list = match held.take() {
            Some(h)
                if h.filter == filter
                    && h.as_of == as_of
                    && h.version == version
                    && (h.index.has_touch() || !needs_touch(query)) =>
            {
                h
            }
            _ => Held {
                index: ListIndex::load(conn, query, as_of)?,
                filter,
                as_of,
                version,
            },
        };
        list.index.sort(query.sort, query.descending);
        let page = list.index.page(conn, query.offset, query.limit, as_of);
        *held = Some(list);
        page
    });
    Output::DealList(
        page.map(|page| DealListPage {
            offset: query.offset,
            page,
        })
        .map_err(|e| format!("cannot read the deal list: {e}")),
    )
}

/// Counts every saved view.
pub(in crate::worker) fn counts(conn: &Connection, as_of: NaiveDate, stale_days: u32) -> Output {
    Output::ViewCounts(
        reads::saved_view_counts(conn, as_of, stale_days)
            .map_err(|e| format!("cannot count the saved views: {e}")),
    )
}

/// Loads the next page of one board column.
pub(in crate::worker) fn more_cards(
    conn: &Connection,
    filter: &BoardFilter,
    sort: CardSort,
    period: (NaiveDate, NaiveDate),
    stage: Option<Stage>,
    offset: usize,
) -> Output {
    Output::BoardMore(
        board::load_column_page(conn, filter, sort, period, stage, offset)
            .map(|cards| MoreCards {
                stage,
                offset,
                cards,
            })
            .map_err(|e| format!("cannot load more cards: {e}")),
    )
}

/// Applies `change` to the deals of `target` as one undoable step.
pub(in crate::worker) fn bulk(
    conn: &mut Connection,
    target: &BulkTarget,
    change: &BulkChange,
    today: NaiveDate,
) -> Output {
    let ids = match target {
        BulkTarget::Deals(ids) => Ok(ids.clone()),
        BulkTarget::View(query) => {
            let every = ListQuery {
                offset: 0,
                limit: i64::MAX as usize,
                ..query.clone()
            };
            reads::pipeline_page(conn, &every, today)
                .map(|page| page.rows.into_iter().map(|r| r.id).collect())
                .map_err(|e| format!("cannot read the view's deals: {e}"))
        }
    };
    let at = now_text();
    let who = actor();
    let stamp = Stamp {
        at: &at,
        actor: &who,
        today,
    };
    Output::Bulk(
        ids.and_then(|ids| {
            records::bulk_change(conn, &ids, change, stamp).map_err(|e| e.to_string())
        }),
    )
}
