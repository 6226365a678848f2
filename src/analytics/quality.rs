//! The rules of the data-quality checks that need no SQL: which customer names look like the
//! same company, and which deal amounts are far from their product's list price.
//!
//! Names are compared folded (case, punctuation and legal suffixes dropped: the folding of the
//! customer form's duplicate warning). Two customers are likely the same when their folded names
//! are equal, or when they are at most [`max_distance`] edits apart and sit within
//! [`WINDOW`] places of each other in the sorted list of folded names, sorted forwards or by their
//! reversed text (the sorted-neighbourhood method: a typo near the end of a name keeps it next to
//! its twin in the first order, one near the start in the second), which keeps the check linear.

use std::collections::{BTreeSet, HashMap};

use crate::domain::fold_name;

/// How many following names, in each sorted order, a name is compared with.
pub const WINDOW: usize = 4;

/// A deal amount more than this many times its product's list price, or less than the list
/// price divided by it, is an outlier.
pub const OUTLIER_FACTOR: i64 = 10;

/// Two customers that look like one company, the lower id first.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct NamePair {
    /// The lower id.
    pub a: i64,
    /// The higher id.
    pub b: i64,
    /// `same name` or `similar name`.
    pub why: &'static str,
}

/// The most edits two folded names of `len` characters (the shorter one) may be apart to count
/// as similar: none under 5 characters, 1 under 20, 2 from 20 on. An edit is a letter added,
/// dropped, changed, or two neighbours swapped (optimal string alignment distance).
pub fn max_distance(len: usize) -> usize {
    match len {
        0..5 => 0,
        5..20 => 1,
        _ => 2,
    }
}

/// Every pair of customers whose names fold alike or nearly alike (see the module rules).
pub fn name_pairs(names: &[(i64, String)]) -> Vec<NamePair> {
    let mut by_folded: HashMap<String, Vec<i64>> = HashMap::new();
    for (id, name) in names {
        let folded = fold_name(name);
        if !folded.is_empty() {
            by_folded.entry(folded).or_default().push(*id);
        }
    }
    let mut pairs = BTreeSet::new();
    for ids in by_folded.values_mut() {
        ids.sort_unstable();
        for other in &ids[1..] {
            pairs.insert(pair(ids[0], *other, "same name"));
        }
    }
    let mut folded: Vec<(&String, i64)> = by_folded.iter().map(|(f, ids)| (f, ids[0])).collect();
    folded.sort_unstable();
    near_neighbours(&folded, &mut pairs);
    let reversed: Vec<String> = folded
        .iter()
        .map(|(f, _)| f.chars().rev().collect())
        .collect();
    let mut by_end: Vec<(&String, i64)> = reversed
        .iter()
        .zip(&folded)
        .map(|(r, (_, id))| (r, *id))
        .collect();
    by_end.sort_unstable();
    near_neighbours(&by_end, &mut pairs);
    pairs.into_iter().collect()
}

/// True when `a` and `b` are at most `limit` edits apart: their common start and end are cut
/// off first (neighbours in sorted order share a long start), so the distance is computed on
/// what differs only.
fn within(a: &str, b: &str, limit: usize) -> bool {
    let start = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let (a, b) = (&a[start..], &b[start..]);
    let end = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>();
    let (a, b) = (&a[..a.len() - end], &b[..b.len() - end]);
    // One edit leaves at most 2 letters between the common start and end (a swap); two edits
    // far apart may leave any span, so only the one-edit case is cut short.
    let (la, lb) = (a.chars().count(), b.chars().count());
    (limit > 1 || la.max(lb) <= 2)
        && la.abs_diff(lb) <= limit
        && strsim::osa_distance(a, b) <= limit
}

fn near_neighbours(sorted: &[(&String, i64)], pairs: &mut BTreeSet<NamePair>) {
    let lengths: Vec<usize> = sorted
        .iter()
        .map(|(name, _)| name.chars().count())
        .collect();
    for (i, (name, id)) in sorted.iter().enumerate() {
        for (j, (other, other_id)) in sorted.iter().enumerate().skip(i + 1).take(WINDOW) {
            let shorter = lengths[i].min(lengths[j]);
            let limit = max_distance(shorter);
            if limit > 0 && within(name, other, limit) {
                pairs.insert(pair(*id, *other_id, "similar name"));
            }
        }
    }
}

fn pair(x: i64, y: i64, why: &'static str) -> NamePair {
    NamePair {
        a: x.min(y),
        b: x.max(y),
        why,
    }
}

/// True when `amount` is far from `list_price` (both cents): more than [`OUTLIER_FACTOR`] times
/// it or under it divided by that factor. A product without a list price (0) has no outliers.
pub fn is_outlier(amount: i64, list_price: i64) -> bool {
    list_price > 0
        && (amount > list_price.saturating_mul(OUTLIER_FACTOR)
            || amount.saturating_mul(OUTLIER_FACTOR) < list_price)
}

/// The digits of a phone number when there are at least 7 of them (shorter ones are extensions
/// or typos that would match too much); `None` otherwise.
pub fn phone_key(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 7).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[(i64, &str)]) -> Vec<(i64, String)> {
        list.iter().map(|(i, n)| (*i, n.to_string())).collect()
    }

    #[test]
    fn folded_twins_and_one_typo_pair_up_but_short_names_need_equality() {
        let pairs = name_pairs(&names(&[
            (1, "Acme Corp"),
            (2, "ACME, Inc."),
            (3, "Northwind Traders"),
            (4, "Northwind Tradres"),
            (5, "Bolt"),
            (6, "Boat"),
            (7, "Zenith Logistics"),
        ]));
        assert_eq!(
            pairs,
            vec![pair(1, 2, "same name"), pair(3, 4, "similar name"),]
        );
    }

    #[test]
    fn a_typo_at_the_start_is_found_through_the_reversed_order() {
        let pairs = name_pairs(&names(&[
            (1, "Xorthwind Traders"),
            (2, "Aardvark Holdings"),
            (3, "Bluebird Systems"),
            (4, "Cobalt Partners"),
            (5, "Delta Foods"),
            (6, "Eagle Mining"),
            (7, "Northwind Traders"),
        ]));
        assert_eq!(pairs, vec![pair(1, 7, "similar name")]);
    }

    #[test]
    fn cutting_the_common_start_and_end_keeps_the_distance() {
        assert!(within("northwind traders", "northwind tradres", 1));
        assert!(within("müller logistik", "muller logistik", 1));
        assert!(!within("west tooling", "east tooling", 1));
        assert!(within("abc", "abc", 0));
        assert!(!within("abcdef", "abcdefgh", 1));
        assert!(within("axxxxb", "cxxxxd", 2));
    }

    #[test]
    fn outliers_are_ten_times_away_from_the_list_price() {
        assert!(is_outlier(100_001, 10_000));
        assert!(!is_outlier(100_000, 10_000));
        assert!(is_outlier(999, 10_000));
        assert!(!is_outlier(1_000, 10_000));
        assert!(!is_outlier(5, 0));
    }

    #[test]
    fn phone_keys_keep_digits_of_real_numbers_only() {
        assert_eq!(
            phone_key("+1 (555) 010-2000").as_deref(),
            Some("15550102000")
        );
        assert_eq!(phone_key("x123"), None);
    }
}
