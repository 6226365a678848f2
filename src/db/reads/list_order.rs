//! How the held list orders open deals: per sort column, the order SQL's `ORDER BY` gives
//! (names folded as `COLLATE NOCASE` folds them, no close date last), ties by id ascending.

use std::cmp::Ordering;

use super::list_filter::DealKeys;
use super::pipeline_list::SortColumn;

/// Every sort column, in the order [`slot`] numbers them.
pub(super) const COLUMNS: [SortColumn; 8] = [
    SortColumn::Title,
    SortColumn::Customer,
    SortColumn::Owner,
    SortColumn::Stage,
    SortColumn::Amount,
    SortColumn::ExpectedClose,
    SortColumn::Age,
    SortColumn::LastTouch,
];

/// The place of `sort` in [`COLUMNS`].
pub(super) fn slot(sort: SortColumn) -> usize {
    COLUMNS.iter().position(|c| *c == sort).unwrap_or(0)
}

fn stage_rank(stage: &str) -> u8 {
    match stage {
        "Lead" => 0,
        "Qualified" => 1,
        "Proposal" => 2,
        _ => 3,
    }
}

/// Compares as `COLLATE NOCASE`: ASCII letters folded, then byte by byte.
fn nocase(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// The number a deal sorts by in a numeric column; `None` for the name columns.
fn number(sort: SortColumn, d: &DealKeys) -> Option<i64> {
    match sort {
        SortColumn::Title | SortColumn::Customer | SortColumn::Owner => None,
        SortColumn::Stage => Some(i64::from(stage_rank(&d.stage))),
        SortColumn::Amount => Some(d.amount_cents),
        SortColumn::ExpectedClose => Some(d.close.map_or(i64::MAX, i64::from)),
        SortColumn::Age => Some(i64::from(d.created)),
        SortColumn::LastTouch => Some(i64::from(d.touch)),
    }
}

/// How `a` and `b` compare in `sort` ascending, ignoring ids.
pub(super) fn compare(sort: SortColumn, a: &DealKeys, b: &DealKeys) -> Ordering {
    let names = |x: &Option<std::sync::Arc<str>>, y: &Option<std::sync::Arc<str>>| match (x, y) {
        (Some(x), Some(y)) => nocase(x, y),
        _ => x.is_some().cmp(&y.is_some()),
    };
    match sort {
        SortColumn::Title => nocase(&a.title, &b.title),
        SortColumn::Customer => names(&a.customer, &b.customer),
        SortColumn::Owner => names(&a.owner, &b.owner),
        _ => number(sort, a).cmp(&number(sort, b)),
    }
}

/// The slots of `deals` holding a deal, in `sort` ascending, ties by id.
pub(super) fn ascending(deals: &[Option<DealKeys>], sort: SortColumn) -> Vec<u32> {
    let held = deals
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((u32::try_from(i).ok()?, d.as_ref()?)));
    if held
        .clone()
        .next()
        .and_then(|(_, d)| number(sort, d))
        .is_some()
    {
        let mut keyed: Vec<(i64, i64, u32)> = held
            .map(|(i, d)| (number(sort, d).unwrap_or(0), d.id, i))
            .collect();
        keyed.sort_unstable();
        return keyed.into_iter().map(|(_, _, i)| i).collect();
    }
    let mut slots: Vec<(u32, &DealKeys)> = held.collect();
    slots.sort_unstable_by(|(_, a), (_, b)| compare(sort, a, b).then(a.id.cmp(&b.id)));
    slots.into_iter().map(|(i, _)| i).collect()
}

/// `slots`, in `sort` ascending with ties by id, turned descending with ties still by id.
pub(super) fn descending(deals: &[Option<DealKeys>], sort: SortColumn, slots: &[u32]) -> Vec<u32> {
    let key = |s: u32| deals.get(s as usize).and_then(Option::as_ref);
    let mut out = Vec::with_capacity(slots.len());
    let mut end = slots.len();
    while end > 0 {
        let mut start = end - 1;
        while start > 0
            && match (key(slots[start - 1]), key(slots[start])) {
                (Some(a), Some(b)) => compare(sort, a, b) == Ordering::Equal,
                _ => false,
            }
        {
            start -= 1;
        }
        out.extend_from_slice(&slots[start..end]);
        end = start;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deal(id: i64, title: &str, amount_cents: i64, close: Option<i32>) -> Option<DealKeys> {
        Some(DealKeys {
            id,
            title: title.into(),
            customer: None,
            owner: None,
            team: None,
            rep_id: None,
            product_id: None,
            stage: "Lead".into(),
            amount_cents,
            close,
            created: 0,
            touch: 0,
        })
    }

    #[test]
    fn orders_as_sql_with_ties_by_id_either_way() {
        let deals = vec![
            deal(4, "beta", 5, Some(3)),
            None,
            deal(2, "Alpha", 5, None),
            deal(9, "alpha", 1, Some(1)),
        ];
        let up = ascending(&deals, SortColumn::Title);
        assert_eq!(up, [2, 3, 0]);
        assert_eq!(descending(&deals, SortColumn::Title, &up), [0, 2, 3]);
        let up = ascending(&deals, SortColumn::Amount);
        assert_eq!(up, [3, 2, 0]);
        assert_eq!(descending(&deals, SortColumn::Amount, &up), [2, 0, 3]);
        let up = ascending(&deals, SortColumn::ExpectedClose);
        assert_eq!(up, [3, 0, 2]);
    }
}
