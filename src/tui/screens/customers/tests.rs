//! Unit tests of the customers screen's state: sort, search, filter, scrolling, go-to.

use super::*;
use crate::db::customers::Owner;
use crate::domain::Money;
use proptest::prelude::*;

fn row(id: i64, name: &str, region: u32, revenue: i64) -> CustomerRow {
    CustomerRow {
        id,
        name: name.to_string(),
        name_lower: name.to_lowercase(),
        industry: 0,
        region,
        owner: Some((id % 2) as u32),
        open_pipeline: Money(id * 10),
        revenue_12m: Money(revenue),
        last_activity: None,
    }
}

fn index(rows: Vec<CustomerRow>) -> CustomerIndex {
    CustomerIndex {
        total: rows.len(),
        complete: true,
        rows,
        industries: vec!["Retail".into()],
        regions: vec!["North".into(), "South".into()],
        owners: vec![
            Owner {
                id: 1,
                name: "Ann".into(),
            },
            Owner {
                id: 2,
                name: "Bo".into(),
            },
        ],
    }
}

fn names(state: &CustomersState) -> Vec<&str> {
    state.visible_rows().map(|r| r.name.as_str()).collect()
}

fn sample() -> CustomersState {
    CustomersState::new(index(vec![
        row(1, "Northwind", 0, 500),
        row(2, "Acme", 1, 900),
        row(3, "Zeta Corp", 0, 100),
        row(4, "acme west", 0, 900),
    ]))
}

#[test]
fn starts_sorted_by_name_case_insensitively() {
    assert_eq!(
        names(&sample()),
        ["Acme", "acme west", "Northwind", "Zeta Corp"]
    );
}

#[test]
fn search_narrows_and_widens_case_insensitively() {
    let mut s = sample();
    s.push_query('A');
    s.push_query('C');
    assert_eq!(names(&s), ["Acme", "acme west"]);
    s.push_query('x');
    assert!(names(&s).is_empty());
    s.pop_query();
    assert_eq!(names(&s), ["Acme", "acme west"]);
    s.clear_query();
    assert_eq!(s.visible_len(), 4);
}

#[test]
fn sort_cycles_columns_and_starts_at_the_top() {
    let mut s = sample();
    s.move_by(2);
    assert_eq!(s.selected_row().map(|r| r.id), Some(1));
    while s.sort.column != Column::Revenue12m {
        s.cycle_sort();
    }
    assert!(s.sort.descending);
    assert_eq!(names(&s), ["Acme", "acme west", "Northwind", "Zeta Corp"]);
    assert_eq!(s.selected, 0);
    s.reverse_sort();
    assert_eq!(names(&s), ["Zeta Corp", "Northwind", "Acme", "acme west"]);
}

#[test]
fn new_data_and_filters_keep_the_selected_customer() {
    let mut s = sample();
    s.move_by(2);
    s.replace_index(s.index.clone());
    assert_eq!(s.selected_row().map(|r| r.id), Some(1));
    s.set_filter(FilterField::Region, Some(0));
    assert_eq!(s.selected_row().map(|r| r.id), Some(1));
    s.set_filter(FilterField::Region, Some(1));
    assert_eq!(
        s.selected, 0,
        "a customer filtered away leaves the selection at the top"
    );
}

#[test]
fn filter_steps_through_values_and_back_to_any() {
    let mut s = sample();
    s.step_filter(FilterField::Region, true);
    assert_eq!(s.filter_label(FilterField::Region), "North");
    assert_eq!(names(&s), ["acme west", "Northwind", "Zeta Corp"]);
    s.step_filter(FilterField::Region, true);
    assert_eq!(names(&s), ["Acme"]);
    s.step_filter(FilterField::Region, true);
    assert_eq!(s.filter_label(FilterField::Region), "any");
    assert_eq!(s.visible_len(), 4);
    s.step_filter(FilterField::Owner, false);
    assert_eq!(s.filter_label(FilterField::Owner), "Bo");
    assert!(s.visible_rows().all(|r| r.owner == Some(1)));
}

#[test]
fn scrolling_keeps_the_selection_on_screen() {
    let mut s = CustomersState::new(index(
        (0..50).map(|i| row(i, &format!("C{i:02}"), 0, 0)).collect(),
    ));
    s.move_by(30);
    s.scroll_into_view(10);
    assert_eq!(s.offset, 21);
    s.top();
    s.scroll_into_view(10);
    assert_eq!(s.offset, 0);
    s.move_by(-5);
    assert_eq!(s.selected, 0);
    s.bottom();
    s.scroll_into_view(10);
    assert_eq!((s.selected, s.offset), (49, 40));
}

proptest! {
    #[test]
    fn incremental_search_matches_a_fresh_filter(
        names in proptest::collection::vec("[a-cA-C ]{0,6}", 0..40),
        query in "[a-c]{0,3}",
    ) {
        let rows = names.iter().enumerate().map(|(i, n)| row(i as i64, n, 0, 0)).collect();
        let mut typed = CustomersState::new(index(rows));
        for c in query.chars() {
            typed.push_query(c);
        }
        let expected: Vec<i64> = {
            let mut all: Vec<&CustomerRow> = typed.index.rows.iter()
                .filter(|r| r.name_lower.contains(&query)).collect();
            all.sort_by(|a, b| a.name_lower.cmp(&b.name_lower).then(a.id.cmp(&b.id)));
            all.iter().map(|r| r.id).collect()
        };
        let got: Vec<i64> = typed.visible_rows().map(|r| r.id).collect();
        prop_assert_eq!(got, expected);
        prop_assert!(typed.selected <= typed.visible_len().saturating_sub(1));
    }
}

#[test]
fn name_suggestions_are_the_first_names_alphabetically() {
    let names = [
        "Delta", "alpha", "Charlie", "Bravo", "Alpine", "Echo", "Able",
    ];
    let rows = names
        .iter()
        .enumerate()
        .map(|(i, n)| row(i as i64 + 1, n, 0, 0))
        .collect();
    let state = CustomersState::new(index(rows));
    assert_eq!(state.names_starting_with("a", 2), ["Able", "alpha"]);
    assert_eq!(
        state.names_starting_with("", 3),
        ["Able", "alpha", "Alpine"]
    );
    assert_eq!(state.names_starting_with("zz", 3), Vec::<String>::new());
}

#[test]
fn go_to_prefers_an_exact_name_then_a_prefix_then_a_part() {
    let names = ["Alpine", "alpha", "Charlie", "Alp"];
    let rows = names
        .iter()
        .enumerate()
        .map(|(i, n)| row(i as i64 + 1, n, 0, 0))
        .collect();
    let mut state = CustomersState::new(index(rows));
    state.push_query('c');
    assert_eq!(state.go_to("ALP").as_deref(), Some("Alp"));
    assert!(state.query.is_empty(), "the search is cleared");
    assert_eq!(state.selected_row().map(|r| r.name.as_str()), Some("Alp"));
    assert_eq!(state.go_to("alph").as_deref(), Some("alpha"));
    assert_eq!(state.go_to("arli").as_deref(), Some("Charlie"));
    assert_eq!(
        state.selected_row().map(|r| r.name.as_str()),
        Some("Charlie")
    );
    assert_eq!(state.go_to("  "), None);
    assert_eq!(state.go_to("zulu"), None);
}
