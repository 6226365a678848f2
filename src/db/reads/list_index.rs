//! The pipeline list held in memory: every open deal's sort and filter keys, read once; a saved
//! view or filter is a predicate over them ([`super::list_filter`]), a sort is an order of them
//! kept per column ([`super::list_order`]), and a write brings up to date only the deals it
//! touched ([`super::list_changes`]). A page is made from the held keys too. The rows and their
//! order are exactly [`super::pipeline_page`]'s.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::Money;

use super::list_changes::{all_keys, keys_of, others_version, start_tracking, take_touched};
use super::list_filter::{DealKeys, Filter, view_admits};
use super::list_order::{all_orders, order_at, reorder};
use super::pipeline_list::{ListPage, ListQuery, ListRow, SavedView, ViewDates};

/// More touched deals than this in one go and the list is read again whole.
const MOST_TOUCHED: usize = 50_000;

/// What tells whether the held keys still match the book.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Watch {
    /// This list's token among the connection's notes of touched deals; `None` when the
    /// connection cannot keep them and any write of its own means a fresh read.
    token: Option<i64>,
    /// The version other connections' commits move.
    others: i64,
    /// The connection's own changes when read (used without a token).
    changes: u64,
    /// The stages' order when read: a reorder changes every deal's stage rank.
    stage_order: String,
}

/// The deals one query admits, in its order.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Selection {
    query: ListQuery,
    as_of: NaiveDate,
    slots: Vec<u32>,
}

/// Every open deal's keys, their orders and the deals of the last query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListIndex {
    deals: Vec<Option<DealKeys>>,
    slot_of: HashMap<i64, u32>,
    /// Every order of the held deals (per sort column, either way).
    orders: Vec<Vec<u32>>,
    selection: Option<Selection>,
    watch: Watch,
}

/// Every stage and its place, as one text: changes whenever a stage edit reorders, adds, renames
/// or removes stages or pipelines.
fn stage_order(conn: &Connection) -> rusqlite::Result<String> {
    conn.query_row(
        "SELECT COALESCE(group_concat(s.id || ':' || s.position || ':' || p.position || ':' || s.name,
                                      ','), '')
         FROM (SELECT * FROM stages ORDER BY id) s JOIN pipelines p ON p.id = s.pipeline_id",
        [],
        |r| r.get(0),
    )
}

impl ListIndex {
    /// Reads every open deal's keys and starts noting the deals later writes on `conn` touch.
    pub fn load(conn: &Connection) -> rusqlite::Result<Self> {
        let token = start_tracking(conn);
        let watch = Watch {
            token,
            others: others_version(conn)?,
            changes: conn.total_changes(),
            stage_order: stage_order(conn)?,
        };
        let deals: Vec<Option<DealKeys>> = all_keys(conn)?.into_iter().map(Some).collect();
        let slot_of = deals
            .iter()
            .enumerate()
            .filter_map(|(i, d)| Some((d.as_ref()?.id, u32::try_from(i).ok()?)))
            .collect();
        Ok(ListIndex {
            orders: all_orders(&deals),
            deals,
            slot_of,
            selection: None,
            watch,
        })
    }

    /// Brings the keys up to date with the writes since the last call: the deals this
    /// connection's writes touched are read again; false when the list must be read whole
    /// (another connection wrote, another list took over the notes, or too many deals changed).
    pub fn refresh(&mut self, conn: &Connection) -> rusqlite::Result<bool> {
        if others_version(conn)? != self.watch.others
            || stage_order(conn)? != self.watch.stage_order
        {
            return Ok(false);
        }
        let Some(token) = self.watch.token else {
            return Ok(conn.total_changes() == self.watch.changes);
        };
        match take_touched(conn, token)? {
            Some(ids) if ids.is_empty() => Ok(true),
            Some(ids) if ids.len() <= MOST_TOUCHED => {
                let fresh = keys_of(conn, &ids)?;
                self.apply(&ids, fresh);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Replaces the keys of `ids` by `fresh` (those of them still open) in place and in every
    /// order kept.
    fn apply(&mut self, ids: &[i64], fresh: Vec<DealKeys>) {
        let mut gone = vec![false; self.deals.len()];
        let mut freed = HashMap::new();
        for id in ids {
            if let Some(slot) = self.slot_of.remove(id) {
                gone[slot as usize] = true;
                self.deals[slot as usize] = None;
                freed.insert(*id, slot);
            }
        }
        let mut placed = Vec::with_capacity(fresh.len());
        for keys in fresh {
            let at = match freed.get(&keys.id) {
                Some(&slot) => slot,
                None => {
                    self.deals.push(None);
                    u32::try_from(self.deals.len() - 1).unwrap_or(u32::MAX)
                }
            };
            self.slot_of.insert(keys.id, at);
            self.deals[at as usize] = Some(keys);
            placed.push(at);
        }
        reorder(&self.deals, &mut self.orders, &gone, &placed);
        self.selection = None;
    }

    /// How many open deals the list holds.
    pub fn len(&self) -> usize {
        self.slot_of.len()
    }

    /// True when no open deal is held.
    pub fn is_empty(&self) -> bool {
        self.slot_of.is_empty()
    }

    /// Chooses the deals `query`'s view and filters admit as of `today`, in its order (its
    /// offset and limit play no part); nothing is read.
    pub fn select(&mut self, query: &ListQuery, today: NaiveDate) {
        let query = ListQuery {
            offset: 0,
            limit: 0,
            ..query.clone()
        };
        if self
            .selection
            .as_ref()
            .is_some_and(|s| s.query == query && s.as_of == today)
        {
            return;
        }
        let (sort, down) = query.order();
        let filter = Filter::new(&query, today);
        // Tested in slot order (the keys side by side), then walked in the sort's order.
        let admitted: Vec<bool> = self
            .deals
            .iter()
            .map(|d| d.as_ref().is_some_and(|d| filter.admits(d)))
            .collect();
        let slots = self.orders[order_at(sort, down)]
            .iter()
            .copied()
            .filter(|&s| admitted[s as usize])
            .collect();
        self.selection = Some(Selection {
            query,
            as_of: today,
            slots,
        });
    }

    /// How many deals the last [`Self::select`] chose.
    pub fn selected(&self) -> usize {
        self.selection.as_ref().map_or(0, |s| s.slots.len())
    }

    /// The ids of the chosen deals from `offset` on, at most `limit`, in order.
    pub fn ids(&self, offset: usize, limit: usize) -> Vec<i64> {
        let slots = self.selection.as_ref().map_or(&[][..], |s| &s.slots[..]);
        slots
            .iter()
            .skip(offset)
            .take(limit)
            .filter_map(|&s| self.deals[s as usize].as_ref().map(|d| d.id))
            .collect()
    }

    /// Each saved view with its count of open deals as of `today`, in menu order.
    pub fn counts(
        &self,
        today: NaiveDate,
        stale_days: u32,
        pipeline: Option<i64>,
    ) -> Vec<(SavedView, usize)> {
        let deals = self.deals.iter().flatten();
        let mine = deals.filter(|d| pipeline.is_none_or(|p| d.pipeline_id == p));
        view_counts(mine, today, stale_days)
    }

    /// The rows of the chosen deals from `offset` on, at most `limit`, made from the held keys
    /// (nothing is read), with their number in all.
    pub fn page(&self, offset: usize, limit: usize, today: NaiveDate) -> ListPage {
        let slots = self.selection.as_ref().map_or(&[][..], |s| &s.slots[..]);
        ListPage {
            total: slots.len(),
            rows: slots
                .iter()
                .skip(offset)
                .take(limit)
                .filter_map(|&s| self.deals[s as usize].as_ref())
                .map(|d| list_row(d, today))
                .collect(),
        }
    }
}

/// The list row of one held deal as of `today`.
fn list_row(d: &DealKeys, today: NaiveDate) -> ListRow {
    let day = |n: i32| NaiveDate::from_num_days_from_ce_opt(n);
    ListRow {
        id: d.id,
        title: d.title.to_string(),
        customer: d.customer.as_deref().map(str::to_string),
        owner: d.owner.as_deref().map(str::to_string),
        stage: d.stage.to_string(),
        amount: Money(d.amount_cents),
        expected_close_on: d.close.and_then(day),
        age_days: day(d.created).map(|c| (today - c).num_days()),
        last_touch: day(d.touch),
    }
}

/// Each saved view with the number of `deals` it admits as of `today`, in menu order.
fn view_counts<'a>(
    deals: impl Iterator<Item = &'a DealKeys>,
    today: NaiveDate,
    stale_days: u32,
) -> Vec<(SavedView, usize)> {
    let dates = ViewDates::new(today, stale_days);
    let mut counts = [0; SavedView::ALL.len()];
    for deal in deals {
        for (count, view) in counts.iter_mut().zip(SavedView::ALL) {
            *count += usize::from(view_admits(view, deal, &dates));
        }
    }
    SavedView::ALL.into_iter().zip(counts).collect()
}

/// Each saved view with its count of open deals as of `today`, in menu order, read once.
pub fn saved_view_counts(
    conn: &Connection,
    today: NaiveDate,
    stale_days: u32,
) -> rusqlite::Result<Vec<(SavedView, usize)>> {
    Ok(view_counts(all_keys(conn)?.iter(), today, stale_days))
}
