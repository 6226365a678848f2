//! The background thread: it owns the database connection, runs jobs, and sends owned results back.
//!
//! The latest request of each kind wins: requests still waiting when a newer one of the same kind
//! arrives are dropped unrun, and every reply carries its generation so the app can drop stale ones.

use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use crossbeam_channel::{Receiver, Sender};
use rusqlite::Connection;

use crate::db::customers::{self, CustomerDetail, CustomerIndex};

/// Work the app asks of the background thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// Load every customer with its aggregates.
    CustomerIndex {
        /// The date the trailing windows end at.
        as_of: NaiveDate,
    },
    /// Load the detail pane of one customer.
    CustomerDetail {
        /// Which customer.
        customer_id: i64,
    },
}

/// Jobs of one kind replace each other; the kind also names the job in the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// [`Job::CustomerIndex`].
    CustomerIndex,
    /// [`Job::CustomerDetail`].
    CustomerDetail,
}

impl JobKind {
    /// Every kind, for per-kind bookkeeping.
    pub const ALL: [JobKind; 2] = [JobKind::CustomerIndex, JobKind::CustomerDetail];

    /// What the status line says while a job of this kind runs.
    pub fn label(self) -> &'static str {
        match self {
            JobKind::CustomerIndex => "loading customers",
            JobKind::CustomerDetail => "loading customer detail",
        }
    }

    /// What the status line names a finished job of this kind by, beside the time it took.
    pub fn done_label(self) -> &'static str {
        match self {
            JobKind::CustomerIndex => "customers",
            JobKind::CustomerDetail => "detail",
        }
    }
}

impl Job {
    /// The kind of this job.
    pub fn kind(&self) -> JobKind {
        match self {
            Job::CustomerIndex { .. } => JobKind::CustomerIndex,
            Job::CustomerDetail { .. } => JobKind::CustomerDetail,
        }
    }
}

/// A job stamped with the generation the app gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// Increases with every request of the same kind.
    pub generation: u64,
    /// The work.
    pub job: Job,
}

/// What a job produced; errors are already worded for the status line.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// The full customer index.
    CustomerIndex(Result<CustomerIndex, String>),
    /// One customer's detail, `None` if it no longer exists.
    CustomerDetail(Result<Option<CustomerDetail>, String>),
}

/// A finished job, sent back to the event loop.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// The generation of the request it answers.
    pub generation: u64,
    /// The kind of that request.
    pub kind: JobKind,
    /// How long the work took.
    pub elapsed: Duration,
    /// The result.
    pub output: Output,
}

/// Runs one request on `conn` on the calling thread: the worker's body, also used headless.
pub fn execute(conn: &Connection, request: Request) -> Reply {
    let started = Instant::now();
    let kind = request.job.kind();
    let output = match request.job {
        Job::CustomerIndex { as_of } => Output::CustomerIndex(
            customers::load_index(conn, as_of).map_err(|e| format!("cannot load customers: {e}")),
        ),
        Job::CustomerDetail { customer_id } => Output::CustomerDetail(
            customers::load_detail(conn, customer_id)
                .map_err(|e| format!("cannot load customer {customer_id}: {e}")),
        ),
    };
    Reply {
        generation: request.generation,
        kind,
        elapsed: started.elapsed(),
        output,
    }
}

/// The running background thread; dropping it lets the thread finish its job and stop.
pub struct Worker {
    requests: Option<Sender<Request>>,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    /// Starts the thread, giving it the connection; replies arrive on the returned receiver.
    pub fn spawn(conn: Connection) -> std::io::Result<(Worker, Receiver<Reply>)> {
        let (request_tx, request_rx) = crossbeam_channel::unbounded::<Request>();
        let (reply_tx, reply_rx) = crossbeam_channel::unbounded();
        let thread = std::thread::Builder::new()
            .name("salesdesk-worker".into())
            .spawn(move || serve(&conn, &request_rx, &reply_tx))?;
        Ok((
            Worker {
                requests: Some(request_tx),
                thread: Some(thread),
            },
            reply_rx,
        ))
    }

    /// Queues a request; a waiting request of the same kind is replaced by it.
    pub fn submit(&self, request: Request) {
        if let Some(tx) = &self.requests
            && tx.send(request).is_err()
        {
            tracing::warn!("worker thread has stopped; request dropped");
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.requests.take();
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            tracing::error!("worker thread panicked");
        }
    }
}

fn serve(conn: &Connection, requests: &Receiver<Request>, replies: &Sender<Reply>) {
    while let Ok(first) = requests.recv() {
        for request in latest_per_kind(first, requests.try_iter()) {
            tracing::debug!(kind = ?request.job.kind(), generation = request.generation, "job start");
            let reply = execute(conn, request);
            tracing::debug!(kind = ?reply.kind, elapsed_ms = reply.elapsed.as_millis(), "job done");
            if replies.send(reply).is_err() {
                return;
            }
        }
    }
}

/// Keeps only the newest request of each kind, in the order the kinds first arrived.
fn latest_per_kind(first: Request, rest: impl Iterator<Item = Request>) -> Vec<Request> {
    let mut queue: Vec<Request> = vec![first];
    for request in rest {
        match queue
            .iter_mut()
            .find(|q| q.job.kind() == request.job.kind())
        {
            Some(slot) => *slot = request,
            None => queue.push(request),
        }
    }
    queue
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail(generation: u64, customer_id: i64) -> Request {
        Request {
            generation,
            job: Job::CustomerDetail { customer_id },
        }
    }

    #[test]
    fn newer_requests_replace_waiting_ones_of_the_same_kind() {
        let index = Request {
            generation: 1,
            job: Job::CustomerIndex {
                as_of: NaiveDate::MIN,
            },
        };
        let queue = latest_per_kind(
            detail(1, 10),
            vec![index.clone(), detail(2, 11), detail(3, 12)].into_iter(),
        );
        assert_eq!(queue, vec![detail(3, 12), index]);
    }

    #[test]
    fn worker_answers_each_surviving_request() -> Result<(), Box<dyn std::error::Error>> {
        let conn = crate::db::open(std::path::Path::new(":memory:"))?.conn;
        let (worker, replies) = Worker::spawn(conn)?;
        worker.submit(detail(7, 42));
        let reply = replies.recv_timeout(Duration::from_secs(10))?;
        assert_eq!(reply.generation, 7);
        assert_eq!(reply.output, Output::CustomerDetail(Ok(None)));
        Ok(())
    }
}
