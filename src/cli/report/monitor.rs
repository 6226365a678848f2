//! `salesdesk report monitor`: accepted channel plans against results (planned and actual spend,
//! predicted and actual revenue, months outside the 95% interval, channels whose curve no longer
//! fits), accepted assignment plans against results (per rep, tasks done on time before and
//! after each plan next to its prediction), and the win and propensity models scored month by
//! month against their held-out figures, as JSON or a plain-text table.

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::Args;
use rusqlite::Connection;
use serde::Serialize;

use super::output::json_or_text;
use crate::analytics::monitor::assign::{PlanCheck, check_plans};
use crate::analytics::monitor::models::{ModelsWatch, watch_models};
use crate::analytics::monitor::{ChannelCheck, RUN_TO_FLAG, check_channels};
use crate::config::Config;
use crate::db;
use crate::domain::Money;

/// Options of `salesdesk report monitor`.
#[derive(Debug, Args)]
pub struct MonitorArgs {
    /// Print the report as JSON
    #[arg(long)]
    pub json: bool,
}

/// The whole report.
#[derive(Debug, Serialize)]
struct MonitorReport {
    /// Consecutive months outside the interval that flag a channel.
    months_to_flag: usize,
    channels: Vec<ChannelCheck>,
    assignment_plans: AssignmentPlans,
    models: ModelsWatch,
}

/// The assignment plans section.
#[derive(Debug, Serialize)]
struct AssignmentPlans {
    /// Days counted before and after each plan.
    window_days: i64,
    /// Every accepted plan, newest first.
    plans: Vec<PlanCheck>,
}

/// Builds the report text from the database as of `as_of`, with the config's `[scoring]` and
/// `[monitor]` settings.
pub fn render(
    conn: &Connection,
    as_of: NaiveDate,
    args: &MonitorArgs,
    config: &Config,
) -> anyhow::Result<String> {
    let facts = db::monitor::channel_plans(conn).context("cannot read the channel plans")?;
    let rows = db::model_watch::watch_rows(
        conn,
        as_of,
        config.monitor.months,
        config.scoring.max_win_rows,
    )
    .context("cannot read the scoring rows")?;
    let plans = db::assign_plans::plan_facts(conn).context("cannot read the assignment plans")?;
    let window_days = config.monitor.plan_window_days;
    let report = MonitorReport {
        months_to_flag: RUN_TO_FLAG,
        channels: check_channels(&facts),
        assignment_plans: AssignmentPlans {
            window_days,
            plans: check_plans(&plans, as_of, window_days),
        },
        models: watch_models(&rows, &config.scoring, &config.monitor),
    };
    json_or_text(&report, args.json, text)
}

fn text(report: &MonitorReport) -> String {
    let mut out = String::from("Channel plans against results\n");
    if report.channels.is_empty() {
        out.push_str("\nno channel plan has been accepted yet (:apply on the Channels screen)\n");
    } else {
        channels_text(report, &mut out);
    }
    plans_text(&report.assignment_plans, &mut out);
    models_text(&report.models, &mut out);
    out
}

fn plans_text(section: &AssignmentPlans, out: &mut String) {
    let window = section.window_days;
    out.push_str(&format!(
        "\nAssignment plans against results (tasks due {window} days before and after, done on time)\n"
    ));
    if section.plans.is_empty() {
        out.push_str(
            "\nno assignment plan has been accepted yet (o, then Enter, on the Tasks screen)\n",
        );
    }
    for plan in &section.plans {
        let note = plan
            .after_note(window)
            .map_or_else(String::new, |n| format!(" ({n})"));
        out.push_str(&format!("\nplan accepted {}{note}\n", plan.accepted_on));
        out.push_str(&format!("{}\n", plan.windows_words()));
        out.push_str(&format!(
            "{:<20} {:<16} {:<16} {:<16} {:>5} {:>6}\n",
            "rep", "before", "after", "predicted", "tasks", "hours"
        ));
        for rep in &plan.reps {
            out.push_str(&format!(
                "{:<20} {:<16} {:<16} {:<16} {:>5} {:>6.1}\n",
                rep.name,
                rep.before.words(),
                rep.after.words(),
                rep.predicted.words(),
                rep.predicted_open_tasks,
                rep.predicted_load_minutes as f64 / 60.0,
            ));
        }
    }
}

fn models_text(watch: &ModelsWatch, out: &mut String) {
    let num = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.3}"));
    out.push_str("\nModels watched (fitted at each month start, scored on what happened next)\n");
    for model in &watch.models {
        out.push_str(&format!(
            "\n{} model; outcome: {}\nheld out today: AUC {}, Brier {}\n",
            model.model,
            model.outcome,
            num(model.held_out_auc),
            num(model.held_out_brier)
        ));
        out.push_str(&format!(
            "{:<8} {:>7} {:>6} {:>6} {:>6} {:>9} {:>8}\n",
            "month", "rows", "ones", "AUC", "Brier", "predicted", "observed"
        ));
        for m in &model.months {
            let row = format!(
                "{:<8} {:>7} {:>6} {:>6} {:>6} {:>9} {:>8}  {}",
                m.month,
                m.rows,
                m.positives,
                num(m.auc),
                num(m.brier),
                num(m.mean_predicted),
                num(m.observed_rate),
                m.problem.as_deref().unwrap_or(""),
            );
            out.push_str(row.trim_end());
            out.push('\n');
        }
        if let Some(warning) = &model.warning {
            out.push_str(&format!("warning: {warning}\n"));
        }
    }
}

fn channels_text(report: &MonitorReport, out: &mut String) {
    out.push_str(&format!(
        "\n{:<20} {:<8} {:>10} {:>10} {:>11} {:>23} {:>11}\n",
        "channel", "month", "planned", "spent", "predicted", "95% interval", "revenue"
    ));
    let opt = |m: Option<Money>| m.map_or("-".to_string(), Money::whole);
    for channel in &report.channels {
        for m in &channel.months {
            let interval = match (m.low_cents, m.high_cents) {
                (Some(low), Some(high)) => format!("{} to {}", low.whole(), high.whole()),
                _ => "-".into(),
            };
            let row = format!(
                "{:<20} {:<8} {:>10} {:>10} {:>11} {:>23} {:>11}  {}",
                channel.name,
                m.month,
                m.planned_spend_cents.whole(),
                opt(m.actual_spend_cents),
                opt(m.predicted_revenue_cents),
                interval,
                opt(m.actual_revenue_cents),
                if m.outside == Some(true) {
                    "outside"
                } else {
                    ""
                },
            );
            out.push_str(row.trim_end());
            out.push('\n');
        }
        if channel.flagged {
            out.push_str(&format!(
                "  {}: outside its interval {} months running; its curve no longer fits\n",
                channel.name, channel.outside_run
            ));
        }
    }
}
