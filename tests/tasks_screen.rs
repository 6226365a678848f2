//! The tasks screen driven by keys: select, reassign, undo, mark a rep absent, optimise, toggle a
//! plan row, accept, undo; pins, done, new and edited tasks reach the database and undo exactly.

mod common;

use common::fixture_board;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use salesdesk::tui::headless::Headless;

fn rep_of(h: &Headless, task: i64) -> i64 {
    h.conn()
        .query_row("SELECT rep_id FROM tasks WHERE id = ?1", [task], |r| {
            r.get(0)
        })
        .unwrap()
}

fn count(h: &Headless, sql: &str) -> i64 {
    h.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn tasks_screen() -> Headless {
    let mut h = fixture_board(140, 30);
    h.press(KeyCode::Char('5'));
    assert!(h.app.tasks.input.is_some(), "the screen loads its tasks");
    h
}

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings
}

/// Clears the focused form field and types `text`.
fn retype(h: &mut Headless, text: &str) {
    for _ in 0..40 {
        h.press(KeyCode::Backspace);
    }
    h.type_text(text);
}

#[test]
fn the_tasks_screen_groups_tasks_by_rep_with_load_bars() {
    let h = tasks_screen();
    snapshot_settings().bind(|| insta::assert_snapshot!(h.render_text()));
}

#[test]
fn select_reassign_undo_absent_optimise_toggle_accept_undo() {
    let mut h = tasks_screen();
    // Ann Lee (rep 1) holds tasks 1 (Acme Corp) and 3 (Northwind Traders); the cursor starts on 1.
    assert_eq!(h.app.tasks.selected_task().map(|t| t.id), Some(1));
    h.press(KeyCode::Char(' '));
    h.press(KeyCode::Char(' '));
    assert_eq!(h.app.tasks.selected.len(), 2);
    h.press(KeyCode::Char('r'));
    let picker = h.render_text();
    assert!(picker.contains("Reassign 2 tasks"));
    let reps = h.app.tasks.picker_reps().len();
    assert!(
        picker.contains(&format!("1 of {reps}")),
        "the picker says where it is: {picker}"
    );
    h.type_text("bo");
    h.press(KeyCode::Enter);
    assert_eq!((rep_of(&h, 1), rep_of(&h, 3)), (2, 2));
    assert_eq!(
        count(&h, "SELECT COUNT(DISTINCT batch) FROM edits"),
        1,
        "one batch"
    );
    assert_eq!(
        count(&h, "SELECT COUNT(*) FROM edits WHERE entity = 'task'"),
        2
    );
    assert!(
        h.app.message.text.contains("2 tasks reassigned to Bo Chen"),
        "{:?}",
        h.app.message
    );

    h.press(KeyCode::Char('u'));
    assert_eq!(
        (rep_of(&h, 1), rep_of(&h, 3)),
        (1, 1),
        "one u undoes the whole reassignment"
    );

    // Ann is away 2026-11-26 to 2026-12-05, so her tasks due 2026-12-01 need a new owner.
    h.press(KeyCode::Char('g'));
    h.press(KeyCode::Char('a'));
    h.press(KeyCode::Tab);
    retype(&mut h, "2026-12-05");
    h.press(KeyCode::Enter);
    assert_eq!(
        count(&h, "SELECT COUNT(*) FROM rep_absences WHERE rep_id = 1"),
        1
    );
    assert_eq!(h.render_text().matches("needs a new owner").count(), 2);

    h.press(KeyCode::Char('o'));
    let plan = h
        .app
        .tasks
        .plan
        .as_ref()
        .and_then(|v| v.plan.clone())
        .unwrap();
    let moves: Vec<(i64, i64)> = plan.moves.iter().map(|m| (m.task_id, m.to)).collect();
    assert_eq!(
        moves,
        vec![(1, 4), (3, 4)],
        "to Dev Patel, the other North rep"
    );
    assert!(
        plan.moves
            .iter()
            .all(|m| m.reason == "Ann Lee is absent on 2026-12-01")
    );
    // Ann may not take them while away, so they have no cost before: the totals differ by
    // exactly their costs with Dev.
    let moved: f64 = plan.moves.iter().map(|m| m.cost_after).sum();
    assert!(plan.moves.iter().all(|m| m.cost_before.is_none()));
    assert!((plan.total_after - plan.total_before - moved).abs() < 1e-9);
    snapshot_settings().bind(|| insta::assert_snapshot!("plan_view", h.render_text()));

    h.press(KeyCode::Char(' '));
    assert!(h.render_text().contains("1 of 2 moves kept"));
    h.press(KeyCode::Enter);
    assert!(h.app.tasks.plan.is_none());
    assert_eq!(
        (rep_of(&h, 1), rep_of(&h, 3)),
        (1, 4),
        "the toggled row stayed out"
    );

    h.press(KeyCode::Char('u'));
    assert_eq!(rep_of(&h, 3), 1, "one u undoes the accepted plan");
    assert_eq!(count(&h, "SELECT COUNT(*) FROM rep_absences"), 1);
    h.press(KeyCode::Char('u'));
    assert_eq!(
        count(&h, "SELECT COUNT(*) FROM rep_absences"),
        0,
        "then the absence"
    );
    h.press_with(KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(
        count(&h, "SELECT COUNT(*) FROM rep_absences"),
        1,
        "redo brings it back"
    );
}

#[test]
fn escape_closes_the_plan_without_changes_and_pinned_tasks_stay() {
    let mut h = tasks_screen();
    h.press(KeyCode::Char('p'));
    assert_eq!(count(&h, "SELECT pinned FROM tasks WHERE id = 1"), 1);
    h.press(KeyCode::Char('a'));
    h.press(KeyCode::Tab);
    retype(&mut h, "2026-12-05");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('o'));
    let plan = h
        .app
        .tasks
        .plan
        .as_ref()
        .and_then(|v| v.plan.clone())
        .unwrap();
    assert_eq!(plan.pinned, vec![1]);
    assert!(
        plan.moves.iter().all(|m| m.task_id != 1),
        "a pinned task never moves"
    );
    assert!(
        plan.assignment.iter().all(|&(_, rep)| rep != 1),
        "nothing to the absent rep"
    );
    let edits = count(&h, "SELECT COUNT(*) FROM edits");
    h.press(KeyCode::Esc);
    assert!(h.app.tasks.plan.is_none());
    assert_eq!(count(&h, "SELECT COUNT(*) FROM edits"), edits);
    assert_eq!(rep_of(&h, 3), 1);
}

#[test]
fn done_new_and_edit_save_and_undo() {
    let mut h = tasks_screen();
    let open = count(&h, "SELECT COUNT(*) FROM tasks WHERE status = 'open'");
    h.press(KeyCode::Char('d'));
    assert_eq!(
        count(&h, "SELECT status = 'done' FROM tasks WHERE id = 1"),
        1
    );
    assert_eq!(
        h.app.tasks.tasks().len() as i64,
        open - 1,
        "a done task leaves the list"
    );
    h.press(KeyCode::Char('u'));
    assert_eq!(
        count(&h, "SELECT status = 'open' FROM tasks WHERE id = 1"),
        1
    );

    h.press(KeyCode::Char('n'));
    h.type_text("Prepare QBR deck");
    h.press(KeyCode::Enter);
    let id = count(&h, "SELECT MAX(id) FROM tasks");
    assert_eq!(
        rep_of(&h, id),
        1,
        "a new task goes to the rep under the cursor"
    );
    h.press(KeyCode::Char('u'));
    assert_eq!(
        count(
            &h,
            "SELECT COUNT(*) FROM tasks WHERE title = 'Prepare QBR deck'"
        ),
        0
    );
    h.press_with(KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(
        count(&h, "SELECT MAX(id) FROM tasks"),
        id,
        "redo restores the same task"
    );

    h.press(KeyCode::Char('G'));
    let last = h.app.tasks.selected_task().map(|t| t.id).unwrap();
    h.press(KeyCode::Char('e'));
    for _ in 0..4 {
        h.press(KeyCode::Tab);
    }
    retype(&mut h, "7");
    h.press(KeyCode::Enter);
    assert!(h.render_text().contains("priority: '7' is not 1, 2 or 3"));
    retype(&mut h, "1");
    h.press(KeyCode::Enter);
    let priority = format!("SELECT priority FROM tasks WHERE id = {last}");
    assert_eq!(count(&h, &priority), 1);
    h.press(KeyCode::Char('u'));
    assert_eq!(count(&h, &priority), 2);
}

#[test]
fn the_filter_narrows_the_list_and_the_plan_scope() {
    let mut h = tasks_screen();
    h.press(KeyCode::Char('f'));
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Esc);
    let team = h.app.tasks.filter.team.clone().unwrap();
    assert_eq!(team, "Central team");
    assert!(h.app.tasks.tasks().iter().count() > 0);
    let shown = h.render_text();
    assert!(shown.contains("Bo Chen") && !shown.contains("Ann Lee"));
    h.press(KeyCode::Char('o'));
    let view = h.app.tasks.plan.as_ref().unwrap();
    assert_eq!(view.scope.to_string(), "team=Central team");
    assert!(
        view.plan.as_ref().unwrap().moves.is_empty(),
        "Bo's tasks are with their owner"
    );
}

#[test]
fn a_scope_without_open_tasks_says_so_and_opens_no_plan() {
    let mut h = tasks_screen();
    h.press(KeyCode::Char('d'));
    h.press(KeyCode::Char('g'));
    h.press(KeyCode::Char('d'));
    assert_eq!(
        count(
            &h,
            "SELECT COUNT(*) FROM tasks WHERE rep_id = 1 AND status = 'open'"
        ),
        0
    );
    h.press(KeyCode::Char('f'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Esc);
    assert_eq!(h.app.tasks.filter.rep_id, Some(1));
    h.press(KeyCode::Char('o'));
    assert!(h.app.tasks.plan.is_none());
    assert!(h.app.message.is_error);
    assert_eq!(
        h.app.message.text,
        "no open tasks in scope rep=Ann Lee: nothing to plan"
    );
}

#[test]
fn the_rep_picker_never_starts_on_an_absent_rep() {
    let mut h = tasks_screen();
    // Ann Lee (rep 1, first in the list) goes away over the due date of her task 1.
    h.press(KeyCode::Char('g'));
    h.press(KeyCode::Char('a'));
    h.press(KeyCode::Tab);
    retype(&mut h, "2026-12-05");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.tasks.selected_task().map(|t| t.id), Some(1));
    h.press(KeyCode::Char('r'));
    let t = &h.app.tasks;
    let cursor = t.picker.as_ref().map(|p| p.search.cursor).unwrap();
    let reps = t.picker_reps();
    assert_eq!(reps[0].id, 1, "Ann is listed first");
    let task = t.tasks().iter().find(|task| task.id == 1).unwrap();
    let start = reps[cursor];
    assert_ne!(start.id, 1, "not the absent rep");
    assert!(start.may_take(&[task], t.load(start.id).open, t.as_of()));
}

#[test]
fn an_absent_reps_overdue_task_stays_overdue_and_needs_a_new_owner() {
    let mut h = fixture_board(180, 30);
    h.conn()
        .execute(
            "INSERT INTO tasks (title, kind, customer_id, rep_id, due_on) \
             VALUES ('Chase the late renewal', 'call', 1, 1, '2026-11-20')",
            [],
        )
        .unwrap();
    h.press(KeyCode::Char('5'));
    let row = |h: &Headless| {
        h.render_text()
            .lines()
            .find(|l| l.contains("Chase the late renewal"))
            .map(str::to_string)
            .unwrap_or_default()
    };
    assert!(row(&h).contains("overdue"), "{}", row(&h));
    assert!(!row(&h).contains("needs a new owner"), "{}", row(&h));
    // Ann Lee (rep 1) goes away from today over the task's due dates.
    h.press(KeyCode::Char('g'));
    h.press(KeyCode::Char('a'));
    h.press(KeyCode::Tab);
    retype(&mut h, "2026-12-05");
    h.press(KeyCode::Enter);
    let line = row(&h);
    assert!(line.contains("overdue"), "still overdue: {line}");
    assert!(line.contains("needs a new owner"), "{line}");
}
