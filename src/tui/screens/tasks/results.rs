//! The Tasks screen's plans against results (`m`): for each accepted assignment plan, newest
//! first, per rep the tasks due in the window before it and after it that were done by their
//! due date, next to what the plan predicted. The worker computes them ([`Job::PlanWatch`]);
//! the popup only shows them, scrolled with j/k.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::analytics::monitor::assign::{OnTime, PlanCheck, RepCheck};
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::effects::{Ctx, Effect, Effects, Message};
use crate::tui::popups::history::overlay;
use crate::tui::screens::tasks::TasksState;
use crate::tui::widgets::columns::{FitColumn, fit_columns};
use crate::worker::Job;

/// The open popup: the checked plans once the worker has them, and how far it is scrolled.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResultsView {
    /// Every accepted plan checked, newest first; `None` while the worker computes them.
    pub checks: Option<Vec<PlanCheck>>,
    /// Lines scrolled past.
    pub scroll: u16,
    /// Days counted before and after each plan.
    pub window_days: i64,
    /// Minutes of work a rep's day held in the predictions, for the heading.
    pub minutes_per_day: i64,
}

fn request(ctx: &Ctx) -> Job {
    Job::PlanWatch {
        as_of: ctx.as_of,
        window_days: ctx.config.monitor.plan_window_days,
    }
}

/// Opens the popup and asks the worker for the checks.
pub fn open(tasks: &mut TasksState, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    tasks.results = Some(ResultsView {
        checks: None,
        scroll: 0,
        window_days: ctx.config.monitor.plan_window_days,
        minutes_per_day: ctx.config.monitor.plan_minutes_per_day,
    });
    effects.request(request(ctx));
    effects
}

/// Scrolls or closes the popup.
pub fn run(tasks: &mut TasksState, command: Command) -> Effects {
    let mut effects = Effects::none();
    let Some(view) = tasks.results.as_mut() else {
        return effects;
    };
    match command {
        Command::Down => view.scroll = view.scroll.saturating_add(1),
        Command::Up => view.scroll = view.scroll.saturating_sub(1),
        Command::Cancel => tasks.results = None,
        Command::Quit => effects.push(Effect::Quit),
        _ => {}
    }
    effects
}

/// After a saved write, undo or redo: check the plans again while the popup is open.
pub fn after_write(tasks: &TasksState, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    if tasks.results.is_some() {
        effects.request(request(ctx));
    }
    effects
}

/// Takes the checks from the worker (a failure closes the popup with the reason).
pub fn take(tasks: &mut TasksState, result: Result<Vec<PlanCheck>, String>) -> Effects {
    let mut effects = Effects::none();
    match result {
        Ok(checks) => {
            if let Some(view) = tasks.results.as_mut() {
                view.checks = Some(checks);
            }
        }
        Err(e) => {
            tasks.results = None;
            effects.say(Message::error(e));
        }
    }
    effects
}

/// The popup's text for `checks`, `window` days either side, at `per_day` minutes a day, its
/// rep tables fitted to `width` cells (compact counts, then the load dropped, when narrow).
pub fn lines(checks: &[PlanCheck], window: i64, per_day: i64, width: u16) -> Vec<String> {
    if checks.is_empty() {
        return vec![
            "No assignment plan has been accepted yet: o solves one, Enter accepts it.".into(),
        ];
    }
    let mut out = vec![format!(
        "Tasks due in the {window} days before and after each accepted plan, done by their due \
         date; the plan predicted the window after at {per_day} min a working day."
    )];
    for check in checks {
        out.push(String::new());
        let note = check
            .after_note(window)
            .map_or_else(String::new, |n| format!(" ({n})"));
        out.push(format!("Plan accepted {}{note}", check.accepted_on));
        out.push(format!("  {}", check.windows_words()));
        let counts = |header: (&str, &str), pick: &dyn Fn(&RepCheck) -> OnTime| {
            let full = check.reps.iter().map(|r| pick(r).words()).collect();
            let compact = check.reps.iter().map(|r| compact(pick(r))).collect();
            FitColumn::number(header, full, compact, 0)
        };
        let columns = [
            FitColumn::text(
                "rep",
                check.reps.iter().map(|r| r.name.clone()).collect(),
                0,
                24,
            )
            .shrinks_to(8),
            counts(("before", "before"), &|r| r.before),
            counts(("after", "after"), &|r| r.after),
            counts(("plan predicted", "predicted"), &|r| r.predicted),
            FitColumn::number(
                ("open · load", "load"),
                check
                    .reps
                    .iter()
                    .map(|r| format!("{} · {}", r.predicted_open_tasks, hours(r)))
                    .collect(),
                check.reps.iter().map(hours).collect(),
                1,
            ),
        ];
        let fitted = fit_columns(&columns, width.saturating_sub(2), 2);
        out.push(format!("  {}", fitted.padded_header(&columns).join("  ")));
        for row in 0..check.reps.len() {
            out.push(format!("  {}", fitted.padded_row(&columns, row).join("  ")));
        }
    }
    out
}

fn hours(rep: &RepCheck) -> String {
    format!("{:.1}h", rep.predicted_load_minutes as f64 / 60.0)
}

/// "7/9 78%", or "none due".
fn compact(on_time: OnTime) -> String {
    match on_time.share() {
        Some(share) => format!("{}/{} {:.0}%", on_time.on_time, on_time.due, share * 100.0),
        None => "none due".into(),
    }
}

/// Draws the popup over `area`.
pub fn draw(app: &App, view: &ResultsView, frame: &mut Frame, area: Rect) {
    let title = " Plans against results — j/k scroll, Esc closes ";
    let (rect, block) = overlay(app, frame, area, title);
    let text = match &view.checks {
        Some(checks) => lines(
            checks,
            view.window_days,
            view.minutes_per_day,
            rect.width.saturating_sub(2),
        ),
        None => vec!["The plans are being checked.".into()],
    };
    let text: Vec<Line> = text.into_iter().map(Line::from).collect();
    frame.render_widget(
        Paragraph::new(text)
            .style(app.theme.text)
            .wrap(Wrap { trim: false })
            .scroll((view.scroll, 0))
            .block(block),
        rect,
    );
}
