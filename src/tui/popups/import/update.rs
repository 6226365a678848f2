//! Starting an `:import` and taking its report: the app's side of an import job.

use crate::import::{ImportReport, Outcome, Progress};
use crate::tui::app::{App, Message};
use crate::tui::popups::import::{ReportView, job_from_args};
use crate::tui::screens::pipeline::update as pipeline_update;
use crate::worker::{Job, JobKind};

/// Starts an import from the `:import` arguments.
pub fn start(app: &mut App, args: &str) {
    if app.jobs.is_running(JobKind::Import) {
        app.message = Message::error("an import is already running; wait for its report");
        return;
    }
    match job_from_args(args, app.as_of) {
        Ok(job) => {
            app.message = Message::info(format!("importing {}…", job.file.display()));
            app.import.progress = Some(Progress {
                rows: 0,
                bytes: 0,
                total_bytes: 0,
            });
            app.jobs.request(Job::Import(Box::new(job)));
        }
        Err(e) => app.message = Message::error(e),
    }
}

/// Shows a finished import's report, and reloads every screen when it wrote something.
pub fn take_imported(app: &mut App, result: Result<ImportReport, String>) {
    app.import.progress = None;
    let report = match result {
        Ok(report) => report,
        Err(e) => {
            app.message = Message::error(e);
            return;
        }
    };
    let n = |count: u64| crate::domain::group_thousands(u128::from(count));
    app.message = match report.outcome {
        Outcome::Written => Message::info(format!(
            "imported {}: {} created, {} updated",
            report.kind,
            n(report.created),
            n(report.updated)
        )),
        Outcome::DryRun => Message::info("dry run: nothing was written"),
        Outcome::NothingWritten => Message::error(format!(
            "nothing was written: {} rows were rejected",
            n(report.rejected)
        )),
    };
    if report.outcome == Outcome::Written {
        pipeline_update::reload_everything(app);
    }
    app.import.report = Some(ReportView {
        lines: report.to_string().lines().map(str::to_string).collect(),
        scroll: 0,
    });
}
