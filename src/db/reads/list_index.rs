//! The pipeline list held in memory: every open deal a query's view and filters admit, with the
//! keys each column sorts by, read once; a sort change then sorts in memory and a page is a slice
//! of ids whose rows are read by primary key. The order is exactly [`super::pipeline_page`]'s.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::pipeline_list::{
    ListPage, ListQuery, ListRow, SavedView, SortColumn, conditions, open_cte,
};

/// One open deal: its id and, per sortable column (in [`column`] order), a number that orders
/// as the column's SQL value does; names folded as SQLite's NOCASE folds them (ASCII only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Keys {
    id: i64,
    key: [i64; 8],
}

/// The deals of one view and filter, in the order last asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListIndex {
    keys: Vec<Keys>,
    touch: bool,
    order: Vec<u32>,
    sorted: Option<(SortColumn, bool)>,
}

/// True when `query` needs each deal's last touch: to filter the stale view or to sort by it.
pub fn needs_touch(query: &ListQuery) -> bool {
    query.view == Some(SavedView::Stale) || query.sort == SortColumn::LastTouch
}

/// The place of `sort` in each deal's keys.
fn column(sort: SortColumn) -> usize {
    match sort {
        SortColumn::Title => 0,
        SortColumn::Customer => 1,
        SortColumn::Owner => 2,
        SortColumn::Stage => 3,
        SortColumn::Amount => 4,
        SortColumn::ExpectedClose => 5,
        SortColumn::Age => 6,
        SortColumn::LastTouch => 7,
    }
}

fn stage_rank(stage: &str) -> i64 {
    match stage {
        "Lead" => 0,
        "Qualified" => 1,
        "Proposal" => 2,
        _ => 3,
    }
}

/// Each value's rank in byte order (equal values, equal ranks); a missing value gets `none`.
fn ranks(values: &[Option<String>], none: i64) -> Vec<i64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_unstable_by(|&a, &b| values[a].cmp(&values[b]));
    let mut out = vec![none; values.len()];
    let mut rank = -1;
    let mut previous = None;
    for at in order {
        if let Some(value) = &values[at] {
            if previous != Some(value) {
                rank += 1;
                previous = Some(value);
            }
            out[at] = rank;
        }
    }
    out
}

impl ListIndex {
    /// Reads the keys of every open deal `query`'s view and filters admit as of `today` (its
    /// sort, offset and limit play no part); last touches only when the query needs them.
    pub fn load(conn: &Connection, query: &ListQuery, today: NaiveDate) -> rusqlite::Result<Self> {
        let touch = needs_touch(query);
        let (filter, params) = conditions(query, today);
        let touch_column = if touch { ", last_touch" } else { ", NULL" };
        let fold = |s: Option<String>| s.map(|s| s.to_ascii_lowercase());
        let mut ids = Vec::new();
        let mut numbers = Vec::new();
        let mut texts: [Vec<Option<String>>; 6] = Default::default();
        let mut stmt = conn.prepare_cached(&format!(
            "{} SELECT id, stage, amount_cents, title, customer, owner, expected_close_on,
                    created_on{touch_column} FROM open WHERE {filter}",
            open_cte(touch)
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        while let Some(r) = rows.next()? {
            ids.push(r.get::<_, i64>(0)?);
            numbers.push((stage_rank(&r.get::<_, String>(1)?), r.get::<_, i64>(2)?));
            for (i, text) in texts.iter_mut().enumerate() {
                let value: Option<String> = r.get(3 + i)?;
                text.push(if i < 3 { fold(value) } else { value });
            }
        }
        // NULL names sort first, as in SQL; a missing close date sorts after every date.
        let [title, customer, owner, close, created, last] = &texts;
        let columns = [
            ranks(title, -1),
            ranks(customer, -1),
            ranks(owner, -1),
            ranks(close, i64::MAX),
            ranks(created, -1),
            ranks(last, -1),
        ];
        let keys: Vec<Keys> = ids
            .iter()
            .enumerate()
            .map(|(i, &id)| Keys {
                id,
                key: [
                    columns[0][i],
                    columns[1][i],
                    columns[2][i],
                    numbers[i].0,
                    numbers[i].1,
                    columns[3][i],
                    columns[4][i],
                    columns[5][i],
                ],
            })
            .collect();
        let order = (0..u32::try_from(keys.len()).unwrap_or(u32::MAX)).collect();
        Ok(ListIndex {
            keys,
            touch,
            order,
            sorted: None,
        })
    }

    /// True when the keys hold last touches (the stale view, or sorting by last touch).
    pub fn has_touch(&self) -> bool {
        self.touch
    }

    /// How many deals the list holds.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when no deal is in the list.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Puts the list in the order of `sort` (ties by id, ascending, as the SQL orders them).
    pub fn sort(&mut self, sort: SortColumn, descending: bool) {
        if self.sorted == Some((sort, descending)) {
            return;
        }
        let keys = &self.keys;
        let at = column(sort);
        self.order.sort_unstable_by(|&a, &b| {
            let (a, b) = (&keys[a as usize], &keys[b as usize]);
            let by = a.key[at].cmp(&b.key[at]);
            let by = if descending { by.reverse() } else { by };
            by.then(a.id.cmp(&b.id))
        });
        self.sorted = Some((sort, descending));
    }

    /// The ids from `offset` on, at most `limit`, in the current order.
    pub fn ids(&self, offset: usize, limit: usize) -> Vec<i64> {
        self.order
            .iter()
            .skip(offset)
            .take(limit)
            .map(|&i| self.keys[i as usize].id)
            .collect()
    }

    /// The rows from `offset` on, read by id, with the true total.
    pub fn page(
        &self,
        conn: &Connection,
        offset: usize,
        limit: usize,
        today: NaiveDate,
    ) -> rusqlite::Result<ListPage> {
        let ids = self.ids(offset, limit);
        let json = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
        let mut rows: Vec<ListRow> = conn
            .prepare_cached(
                "SELECT d.id, d.title, c.name, r.name, d.stage, d.amount_cents,
                        d.expected_close_on, d.created_on,
                        MAX(d.created_on,
                            COALESCE((SELECT MAX(a.happened_on) FROM activities a
                                      WHERE a.deal_id = d.id), ''),
                            COALESCE((SELECT MAX(s.changed_on) FROM stage_changes s
                                      WHERE s.deal_id = d.id), ''))
                 FROM deals d LEFT JOIN customers c ON c.id = d.customer_id
                 LEFT JOIN reps r ON r.id = d.rep_id
                 WHERE d.id IN (SELECT value FROM json_each(?1))",
            )?
            .query_map([json], |r| super::pipeline_list::list_row(r, today))?
            .collect::<rusqlite::Result<_>>()?;
        let position: std::collections::HashMap<i64, usize> =
            ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        rows.sort_by_key(|r| position.get(&r.id).copied().unwrap_or(usize::MAX));
        Ok(ListPage {
            total: self.len(),
            rows,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_keep_ties_and_put_missing_values_where_asked() {
        let values = [
            Some("b".to_string()),
            None,
            Some("a".into()),
            Some("b".into()),
        ];
        assert_eq!(ranks(&values, -1), vec![1, -1, 0, 1]);
        assert_eq!(ranks(&values, i64::MAX), vec![1, i64::MAX, 0, 1]);
    }
}
