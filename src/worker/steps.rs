//! Long jobs report their steps and stop early once a newer request of their kind has come in:
//! the app's side marks the newest generation of each kind, the thread checks it between steps,
//! and SQL already running for a superseded job is interrupted.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::InterruptHandle;

use super::output::{JobStep, Output};
use super::request::{JobKind, Request};

/// What a job whose request was overtaken answers (the app drops it as stale).
pub const SUPERSEDED: &str = "stopped: a newer request of the same kind came in";

/// The newest generation asked for of each kind, shared by the submitting side and the thread.
#[derive(Debug, Default)]
pub struct Newest {
    generations: [AtomicU64; JobKind::ALL.len()],
    stopping: AtomicBool,
}

impl Newest {
    fn slot(&self, kind: JobKind) -> Option<&AtomicU64> {
        let index = JobKind::ALL.iter().position(|k| *k == kind)?;
        self.generations.get(index)
    }

    /// Records `request` as the newest of its kind.
    fn mark(&self, request: &Request) {
        if let Some(slot) = self.slot(request.job.kind()) {
            slot.fetch_max(request.generation, Ordering::SeqCst);
        }
    }

    /// True when a request of `kind` newer than `generation` has been submitted, or the desk
    /// is closing; writes and imports are never overtaken.
    pub fn overtakes(&self, kind: JobKind, generation: u64) -> bool {
        kind.replaceable()
            && (self.stopping.load(Ordering::SeqCst)
                || self
                    .slot(kind)
                    .is_some_and(|slot| slot.load(Ordering::SeqCst) > generation))
    }
}

/// The job a thread is running, and how to stop its SQL; shared with the submitting side.
pub struct Running {
    newest: Arc<Newest>,
    now: Mutex<Option<(JobKind, u64)>>,
    interrupt: InterruptHandle,
}

impl Running {
    /// Bookkeeping for a thread whose connection `interrupt` stops.
    pub fn new(interrupt: InterruptHandle) -> Running {
        Running {
            newest: Arc::new(Newest::default()),
            now: Mutex::new(None),
            interrupt,
        }
    }

    /// Marks `request` the newest of its kind; if the thread is running an older request of that
    /// kind, its SQL is interrupted (a statement between steps is simply not started: the job
    /// checks [`Newest::overtakes`] before each step).
    pub fn submitted(&self, request: &Request) {
        self.newest.mark(request);
        let now = self.now.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((kind, generation)) = *now
            && self.newest.overtakes(kind, generation)
        {
            tracing::debug!(?kind, generation, "superseded job interrupted");
            self.interrupt.interrupt();
        }
    }

    /// The desk is closing: every read or analysis running or waiting stops (its SQL is
    /// interrupted, its next step fails); writes and imports still finish.
    pub fn stop(&self) {
        self.newest.stopping.store(true, Ordering::SeqCst);
        let now = self.now.lock().unwrap_or_else(PoisonError::into_inner);
        if now.is_some_and(|(kind, _)| kind.replaceable()) {
            self.interrupt.interrupt();
        }
    }

    /// The thread starts `request` (`None`: it is idle again).
    pub fn start(&self, request: Option<&Request>) {
        let mut now = self.now.lock().unwrap_or_else(PoisonError::into_inner);
        *now = request.map(|r| (r.job.kind(), r.generation));
    }

    /// The newest generations, for the running job's checks.
    pub fn newest(&self) -> &Newest {
        &self.newest
    }
}

/// A running job's steps: each one reported, and the job stopped before it if overtaken.
pub struct Steps<'a> {
    kind: JobKind,
    generation: u64,
    newest: Option<&'a Newest>,
    report: &'a mut dyn FnMut(Output),
    done: u32,
    of: u32,
}

impl<'a> Steps<'a> {
    /// Steps of the request `generation` of `kind`, reported to `report`; with `newest`, a step
    /// after the request was overtaken fails with [`SUPERSEDED`].
    pub fn new(
        kind: JobKind,
        generation: u64,
        newest: Option<&'a Newest>,
        report: &'a mut dyn FnMut(Output),
    ) -> Steps<'a> {
        Steps {
            kind,
            generation,
            newest,
            report,
            done: 0,
            of: 1,
        }
    }

    /// Sets how many steps the job takes in all.
    pub fn expect(&mut self, of: u32) {
        self.of = of.max(1);
    }

    /// Passes an intermediate output other than a step (an import's progress) on.
    pub fn pass(&mut self, output: Output) {
        (self.report)(output);
    }

    /// Begins the next step, `label`; fails when the request has been overtaken.
    pub fn begin(&mut self, label: &'static str) -> Result<(), String> {
        if self
            .newest
            .is_some_and(|n| n.overtakes(self.kind, self.generation))
        {
            return Err(SUPERSEDED.to_string());
        }
        self.done = (self.done + 1).min(self.of);
        (self.report)(Output::Step(JobStep {
            label,
            done: self.done,
            of: self.of,
        }));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::worker::request::Job;

    fn tiers(generation: u64) -> Request {
        Request {
            generation,
            job: Job::Tiers {
                as_of: NaiveDate::MIN,
            },
        }
    }

    #[test]
    fn a_newer_request_of_the_kind_stops_the_next_step() {
        let newest = Newest::default();
        newest.mark(&tiers(3));
        let mut reported = Vec::new();
        let mut report = |output| reported.push(output);
        let mut steps = Steps::new(JobKind::Tiers, 3, Some(&newest), &mut report);
        steps.expect(2);
        assert_eq!(steps.begin("reading"), Ok(()));
        newest.mark(&tiers(4));
        assert_eq!(steps.begin("valuing"), Err(SUPERSEDED.to_string()));
        assert_eq!(
            reported,
            vec![Output::Step(JobStep {
                label: "reading",
                done: 1,
                of: 2
            })]
        );
    }

    #[test]
    fn closing_stops_reads_and_analyses_but_not_writes() -> Result<(), Box<dyn std::error::Error>> {
        let conn = rusqlite::Connection::open_in_memory()?;
        let running = Running::new(conn.get_interrupt_handle());
        assert!(!running.newest().overtakes(JobKind::Tiers, 1));
        running.stop();
        assert!(running.newest().overtakes(JobKind::Tiers, 1));
        assert!(!running.newest().overtakes(JobKind::Write, 1));
        assert!(!running.newest().overtakes(JobKind::Import, 1));
        Ok(())
    }

    #[test]
    fn writes_are_never_overtaken() {
        let newest = Newest::default();
        newest.mark(&Request {
            generation: 9,
            job: Job::Undo,
        });
        assert!(!newest.overtakes(JobKind::Write, 1));
    }

    #[test]
    fn a_newer_request_interrupts_the_running_sql() -> Result<(), Box<dyn std::error::Error>> {
        let conn = rusqlite::Connection::open_in_memory()?;
        let running = std::sync::Arc::new(Running::new(conn.get_interrupt_handle()));
        running.start(Some(&tiers(1)));
        let (done_tx, done_rx) = crossbeam_channel::bounded(1);
        let thread = std::thread::spawn(move || {
            let endless = conn.query_row(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
                 SELECT count(*) FROM n",
                [],
                |r| r.get::<_, i64>(0),
            );
            let _ = done_tx.send(());
            endless
        });
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let mut generation = 2;
        while done_rx.try_recv().is_err() {
            assert!(
                std::time::Instant::now() < deadline,
                "the query was not interrupted"
            );
            running.submitted(&tiers(generation));
            generation += 1;
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let result = thread.join().map_err(|_| "the query thread panicked")?;
        assert!(
            matches!(result, Err(rusqlite::Error::SqliteFailure(ref e, _)) if e.code == rusqlite::ErrorCode::OperationInterrupted),
            "{result:?}"
        );
        Ok(())
    }
}
