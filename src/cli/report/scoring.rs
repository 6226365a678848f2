//! `salesdesk report scoring`: win probability and purchase propensity models with their
//! coefficients, optimiser outcome, holdout metrics and scores, as JSON (fields in
//! docs/report-scoring.md) or a plain-text summary; `--export-design DIR` writes the exact
//! design matrices the optimiser saw.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use clap::Args;
use rusqlite::Connection;

use super::output::{json_or_text, print};
use crate::analytics::scoring::{
    MIN_HOLDOUT_AUC, Model, ModelReport, ModelRows, ScoringReport, ScoringSettings, score_all,
};
use crate::cli::failure::{Failure, FailureKind};
use crate::db::scoring_rows;

/// Options of `salesdesk report scoring`.
#[derive(Debug, Args)]
pub struct ScoringArgs {
    /// Print the report as JSON (fields in docs/report-scoring.md)
    #[arg(long)]
    pub json: bool,
    /// The L2 penalty λ on the coefficients (the intercept is not penalised) [default: the
    /// config's [scoring] lambda, 1.0 unless set]
    #[arg(long, value_name = "L", value_parser = parse_lambda)]
    pub lambda: Option<f64>,
    /// Write win_design.csv and propensity_design.csv (standardised, one-hot, intercept, y)
    /// into this folder
    #[arg(long, value_name = "DIR")]
    pub export_design: Option<PathBuf>,
}

/// Fits both models as of `as_of` with the config's `[scoring]` settings (and `--lambda`),
/// prints the report and writes the designs when asked.
pub fn run(
    conn: &Connection,
    as_of: NaiveDate,
    args: &ScoringArgs,
    configured: &ScoringSettings,
) -> anyhow::Result<()> {
    if let Some(dir) = &args.export_design
        && !dir.is_dir()
    {
        bail!(Failure::new(
            FailureKind::BadInput,
            format!("{} is not a folder", dir.display())
        ));
    }
    let settings = ScoringSettings {
        lambda: args.lambda.unwrap_or(configured.lambda),
        ..*configured
    };
    let win = scoring_rows::win_rows(conn, as_of, settings.max_win_rows)
        .context("cannot read the deals")?;
    let propensity =
        scoring_rows::propensity_rows(conn, as_of).context("cannot read the customers")?;
    let set = score_all(&win, &propensity, &settings);
    if let Some(dir) = &args.export_design {
        for (name, scored, rows) in [
            ("win_design.csv", &set.win, &win),
            ("propensity_design.csv", &set.propensity, &propensity),
        ] {
            match &scored.model {
                Ok(model) => write_design(&dir.join(name), model, rows)?,
                Err(e) => eprintln!("{name} not written: {e}"),
            }
        }
    }
    let report = ScoringReport::new(as_of, &set, &win, &propensity);
    print(&json_or_text(&report, args.json, summary)?)
}

/// Writes the fitted rows' design and labels to `path`, through a temporary file so a failure
/// leaves nothing half-written.
fn write_design(path: &Path, model: &Model, rows: &ModelRows) -> anyhow::Result<()> {
    let (x, y) = model.training_design(&rows.training);
    let dir = path.parent().unwrap_or(Path::new("."));
    let file = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    let mut out = csv::Writer::from_writer(std::io::BufWriter::new(file));
    let mut header = model.spec.names.clone();
    header.push("y".into());
    out.write_record(&header)?;
    let mut record = Vec::with_capacity(header.len());
    for i in 0..x.nrows() {
        record.clear();
        record.extend(x.row(i).iter().map(|v| v.to_string()));
        record.push(y[i].to_string());
        out.write_record(&record)?;
    }
    let file = out
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), e.error()))?
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), e.error()))?;
    file.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// The report as plain text: per model its status, size, optimiser outcome and quality.
fn summary(report: &ScoringReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Scoring as of {} (λ = {})",
        report.as_of, report.lambda
    );
    for (name, model) in [
        ("Win probability", &report.win_probability),
        ("Purchase propensity", &report.purchase_propensity),
    ] {
        model_text(name, model, &mut out);
    }
    out
}

fn model_text(name: &str, model: &ModelReport, out: &mut String) {
    let _ = writeln!(
        out,
        "\n{name}: {} positive, {} negative examples",
        model.positives, model.negatives
    );
    let Some(fitted) = &model.model else {
        let _ = writeln!(out, "  no scores: {}", model.error.as_deref().unwrap_or(""));
        return;
    };
    let _ = writeln!(
        out,
        "  fitted on {} rows, {} columns, {} iterations, gradient norm {:.2e}{}",
        model.training_rows,
        fitted.columns.len(),
        fitted.iterations,
        fitted.gradient_norm,
        if fitted.converged {
            ""
        } else {
            " (not converged)"
        }
    );
    if let Some(h) = &fitted.holdout_metrics {
        let _ = writeln!(
            out,
            "  holdout ({} rows): AUC {}, log-loss {:.4}, Brier {:.4}",
            h.rows,
            h.auc.map_or("n/a".into(), |a| format!("{a:.3}")),
            h.log_loss,
            h.brier
        );
        let _ = writeln!(
            out,
            "  calibration (predicted vs observed, by deciles of the predictions):"
        );
        for bin in &h.calibration_deciles {
            let pct = |v: Option<f64>| v.map_or("—".into(), |v| format!("{:.1}%", v * 100.0));
            let _ = writeln!(
                out,
                "    {:>5.1}–{:<5.1}% {:>7} rows  predicted {:>6}  observed {:>6}",
                bin.from * 100.0,
                bin.to * 100.0,
                bin.count,
                pct(bin.mean_predicted),
                pct(bin.observed_rate)
            );
        }
    }
    if !fitted.dropped_columns.is_empty() {
        let _ = writeln!(
            out,
            "  left out (never vary on the fitted rows): {}",
            fitted.dropped_columns.join(", ")
        );
    }
    for r in &fitted.capped_ranges {
        let _ = writeln!(
            out,
            "  {} capped to its training 1st–99th percentile, {} to {}, when scoring",
            r.name,
            round(r.low),
            round(r.high)
        );
    }
    if !fitted.trusted {
        let _ = writeln!(
            out,
            "  held-out AUC under {MIN_HOLDOUT_AUC} (or not measurable): no better than a coin; \
             the desk shows stage rates instead of these scores"
        );
    }
    let _ = writeln!(out, "  {} rows scored", model.scores.len());
}

fn parse_lambda(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(l) if l.is_finite() && l >= 0.0 => Ok(l),
        _ => Err(format!("λ must be a number ≥ 0, not {text}")),
    }
}

/// A cap as the report prints it: at most two decimals, no trailing zeros.
fn round(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
