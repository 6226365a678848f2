//! How the held list orders open deals: per sort column, the order SQL's `ORDER BY` gives
//! (names folded as `COLLATE NOCASE` folds them, no close date last), ties by id ascending.

use std::cmp::Ordering;

use super::list_filter::DealKeys;
use super::pipeline_list::SortColumn;

/// The place of `sort` in [`SortColumn::ALL`].
fn slot(sort: SortColumn) -> usize {
    SortColumn::ALL.iter().position(|c| *c == sort).unwrap_or(0)
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
        SortColumn::Stage => Some(i64::from(d.stage_rank)),
        SortColumn::Amount => Some(d.amount_cents),
        SortColumn::ExpectedClose => Some(d.close.map_or(i64::MAX, i64::from)),
        SortColumn::Age => Some(i64::from(d.created)),
        SortColumn::LastTouch => Some(i64::from(d.touch)),
    }
}

/// How `a` and `b` compare in `sort` ascending, ignoring ids.
fn compare(sort: SortColumn, a: &DealKeys, b: &DealKeys) -> Ordering {
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

/// The name a deal sorts by in a name column, folded as `COLLATE NOCASE` folds it.
fn folded(sort: SortColumn, d: &DealKeys) -> Option<Vec<u8>> {
    let name = match sort {
        SortColumn::Title => Some(&*d.title),
        SortColumn::Customer => d.customer.as_deref(),
        _ => d.owner.as_deref(),
    };
    name.map(|n| n.bytes().map(|c| c.to_ascii_lowercase()).collect())
}

/// The slots of `deals` holding a deal, in `sort` ascending, ties by id.
fn ascending(deals: &[Option<DealKeys>], sort: SortColumn) -> Vec<u32> {
    let held = deals
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((u32::try_from(i).ok()?, d.as_ref()?)));
    if matches!(
        sort,
        SortColumn::Title | SortColumn::Customer | SortColumn::Owner
    ) {
        // Folded copies side by side sort faster than names reached through each deal.
        let mut keyed: Vec<(Option<Vec<u8>>, i64, u32)> =
            held.map(|(i, d)| (folded(sort, d), d.id, i)).collect();
        keyed.sort_unstable();
        return keyed.into_iter().map(|(_, _, i)| i).collect();
    }
    let mut keyed: Vec<(i64, i64, u32)> = held
        .map(|(i, d)| (number(sort, d).unwrap_or(0), d.id, i))
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, _, i)| i).collect()
}

/// How `a` and `b` compare in `sort`, either way, ties by id ascending.
fn ordered(sort: SortColumn, down: bool, a: &DealKeys, b: &DealKeys) -> Ordering {
    let by = compare(sort, a, b);
    let by = if down { by.reverse() } else { by };
    by.then(a.id.cmp(&b.id))
}

/// The place of `sort` in `down` direction among [`all_orders`].
pub(super) fn order_at(sort: SortColumn, down: bool) -> usize {
    slot(sort) * 2 + usize::from(down)
}

/// Every order of the held deals: per column of [`SortColumn::ALL`], ascending then descending.
pub(super) fn all_orders(deals: &[Option<DealKeys>]) -> Vec<Vec<u32>> {
    SortColumn::ALL
        .iter()
        .flat_map(|&sort| {
            let up = ascending(deals, sort);
            let down = descending(deals, sort, &up);
            [up, down]
        })
        .collect()
}

/// Takes the `gone` slots out of every order and puts the `placed` ones where they belong.
pub(super) fn reorder(
    deals: &[Option<DealKeys>],
    orders: &mut [Vec<u32>],
    gone: &[bool],
    placed: &[u32],
) {
    for (at, order) in orders.iter_mut().enumerate() {
        let (sort, down) = (SortColumn::ALL[at / 2], at % 2 == 1);
        order.retain(|s| !gone.get(*s as usize).copied().unwrap_or(false));
        for &s in placed {
            let Some(new) = deals.get(s as usize).and_then(Option::as_ref) else {
                continue;
            };
            let place = order.partition_point(|&o| {
                deals[o as usize]
                    .as_ref()
                    .is_some_and(|old| ordered(sort, down, old, new).is_lt())
            });
            order.insert(place, s);
        }
    }
}

/// `slots`, in `sort` ascending with ties by id, turned descending with ties still by id.
fn descending(deals: &[Option<DealKeys>], sort: SortColumn, slots: &[u32]) -> Vec<u32> {
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
            pipeline_id: 1,
            stage_rank: 0,
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

    #[test]
    fn a_changed_deal_moves_to_its_new_place_in_every_order() {
        let mut deals = vec![
            deal(4, "beta", 5, Some(3)),
            deal(2, "Alpha", 5, None),
            deal(9, "alpha", 1, Some(1)),
        ];
        let mut orders = all_orders(&deals);
        deals[0] = deal(4, "aardvark", 1, None);
        deals.push(deal(1, "zulu", 9, Some(2)));
        reorder(&deals, &mut orders, &[true, false, false], &[0, 3]);
        assert_eq!(orders, all_orders(&deals));
        assert_eq!(orders[order_at(SortColumn::Amount, true)], [3, 1, 0, 2]);
    }
}
