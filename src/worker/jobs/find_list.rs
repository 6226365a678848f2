//! The find popup's search, the pipeline list's pages and saved-view counts, the board's further
//! pages of cards, and bulk changes of deals.

use std::cell::RefCell;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::writes::{actor, now_text};
use crate::db::board::{self, BoardFilter, CardSort};
use crate::db::reads::{self, HitKind, ListIndex, ListQuery};
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

thread_local! {
    /// Every open deal's list keys, kept on the worker's thread between jobs so that a view
    /// switch, a sort change, a page and the views' counts never read the keys again.
    static HELD: RefCell<Option<ListIndex>> = const { RefCell::new(None) };
}

/// Runs `f` on the held list, first brought up to date with the writes since the last job
/// (read whole the first time, and when it cannot be brought up to date deal by deal).
fn with_held<T>(
    conn: &Connection,
    f: impl FnOnce(&mut ListIndex) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    HELD.with_borrow_mut(|held| {
        let kept = match held.take() {
            Some(mut index) => index.refresh(conn)?.then_some(index),
            None => None,
        };
        let current = match kept {
            Some(index) => index,
            None => ListIndex::load(conn)?,
        };
        let index = held.insert(current);
        f(index)
    })
}

/// Reads one page of the list view from the held list.
pub(in crate::worker) fn list(conn: &Connection, query: &ListQuery, as_of: NaiveDate) -> Output {
    let page = with_held(conn, |index| {
        index.select(query, as_of);
        Ok(index.page(query.offset, query.limit, as_of))
    });
    Output::DealList(
        page.map(|page| DealListPage {
            offset: query.offset,
            page,
        })
        .map_err(|e| format!("cannot read the deal list: {e}")),
    )
}

/// Counts every saved view over the held list.
pub(in crate::worker) fn counts(
    conn: &Connection,
    as_of: NaiveDate,
    stale_days: u32,
    pipeline: Option<i64>,
) -> Output {
    Output::ViewCounts(
        with_held(conn, |index| Ok(index.counts(as_of, stale_days, pipeline)))
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
        crate::db::pipelines::load(conn)
            .and_then(|catalogue| {
                board::load_column_page(conn, &catalogue, filter, sort, period, stage, offset)
            })
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
        BulkTarget::View(query) => with_held(conn, |index| {
            index.select(query, today);
            Ok(index.ids(0, usize::MAX))
        })
        .map_err(|e| format!("cannot read the view's deals: {e}")),
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
