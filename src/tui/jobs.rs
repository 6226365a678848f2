//! The app's side of background work: generations per kind, what is running, what to send.

use std::collections::HashMap;
use std::time::Duration;

use chrono::NaiveDate;

use crate::worker::{Job, JobKind, JobStep, Reply, Request};

/// Bookkeeping of requests: the newest generation of each kind is the only one whose reply counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Jobs {
    next_generation: u64,
    latest: HashMap<JobKind, u64>,
    writes_in_flight: usize,
    outbox: Vec<Request>,
    last_finished: Option<Finished>,
    steps: HashMap<JobKind, JobStep>,
}

/// The most recently finished job, for the status line.
#[derive(Debug, Clone, PartialEq)]
pub struct Finished {
    /// Its kind.
    pub kind: JobKind,
    /// How long it took.
    pub took: Duration,
    /// When its result was computed (the time alone when that was today, else the day and
    /// time), when it came from the analyses the book keeps.
    pub computed_at: Option<String>,
}

impl Jobs {
    /// Queues `job` for the worker; any earlier request of its kind becomes stale.
    pub fn request(&mut self, job: Job) {
        self.next_generation += 1;
        self.steps.remove(&job.kind());
        if job.kind().replaceable() {
            self.latest.insert(job.kind(), self.next_generation);
        } else {
            self.writes_in_flight += 1;
        }
        self.outbox.push(Request {
            generation: self.next_generation,
            job,
        });
    }

    /// Takes the requests queued since the last call, for the event loop to hand to the worker.
    pub fn take_outbox(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.outbox)
    }

    /// True when `reply` answers the newest request of its kind (every write counts); marks that
    /// kind finished.
    pub fn accept(&mut self, reply: &Reply) -> bool {
        if !reply.kind.replaceable() {
            self.writes_in_flight = self.writes_in_flight.saturating_sub(1);
            self.finished(reply);
            return true;
        }
        if self.latest.get(&reply.kind) != Some(&reply.generation) {
            return false;
        }
        self.latest.remove(&reply.kind);
        self.steps.remove(&reply.kind);
        self.finished(reply);
        true
    }

    /// Takes the step a running job of `kind` has begun, if it answers the newest request.
    pub fn take_step(&mut self, kind: JobKind, generation: u64, step: JobStep) {
        if self.latest.get(&kind) == Some(&generation) {
            self.steps.insert(kind, step);
        }
    }

    /// The step the newest request of `kind` has begun, while it runs.
    pub fn step(&self, kind: JobKind) -> Option<&JobStep> {
        self.steps
            .get(&kind)
            .filter(|_| self.latest.contains_key(&kind))
    }

    fn finished(&mut self, reply: &Reply) {
        self.last_finished = Some(Finished {
            kind: reply.kind,
            took: reply.elapsed,
            computed_at: reply
                .computed_at
                .as_deref()
                .map(|at| kept_when(at, chrono::Local::now().date_naive())),
        });
    }

    /// The kinds still waiting for a reply, in a stable order.
    pub fn running(&self) -> Vec<JobKind> {
        JobKind::ALL
            .into_iter()
            .filter(|k| {
                self.latest.contains_key(k) || (*k == JobKind::Write && self.writes_in_flight > 0)
            })
            .collect()
    }

    /// True while a request of `kind` waits for its reply.
    pub fn is_running(&self, kind: JobKind) -> bool {
        self.running().contains(&kind)
    }

    /// The most recently finished job, how long it took and whether it came from the store.
    pub fn last_finished(&self) -> Option<&Finished> {
        self.last_finished.as_ref()
    }
}

/// When a kept result was computed (`YYYY-MM-DD HH:MM:SS`), as the status line says it: the
/// time alone when that was `today`, else the day and time, to the minute.
fn kept_when(computed_at: &str, today: NaiveDate) -> String {
    let shown = match computed_at.split_once(' ') {
        Some((day, time)) if day == today.to_string() => time.get(..5).unwrap_or(time),
        _ => computed_at.get(..16).unwrap_or(computed_at),
    };
    shown.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::Output;

    fn reply(generation: u64) -> Reply {
        Reply {
            generation,
            kind: JobKind::CustomerDetail,
            elapsed: Duration::from_millis(3),
            computed_at: None,
            output: Output::CustomerDetail(Ok(None)),
        }
    }

    #[test]
    fn only_the_newest_reply_of_a_kind_is_accepted() {
        let mut jobs = Jobs::default();
        jobs.request(Job::CustomerDetail { customer_id: 1 });
        jobs.request(Job::CustomerDetail { customer_id: 2 });
        let sent = jobs.take_outbox();
        assert_eq!(sent.len(), 2);
        assert_eq!(jobs.running(), vec![JobKind::CustomerDetail]);
        assert!(!jobs.accept(&reply(sent[0].generation)));
        assert!(jobs.accept(&reply(sent[1].generation)));
        assert!(jobs.running().is_empty());
        assert!(
            !jobs.accept(&reply(sent[1].generation)),
            "a reply counts once"
        );
        assert!(jobs.take_outbox().is_empty());
    }

    #[test]
    fn a_kept_result_says_when_it_was_computed() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(kept_when("2026-12-05 09:41:07", today), "09:41");
        assert_eq!(kept_when("2026-12-01 17:02:59", today), "2026-12-01 17:02");
    }
}
