//! The background threads and their loop: the latest request of each kind wins, writes and imports
//! are never dropped and run in order, and every reply goes back on one shared channel.

use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Instant;

use crossbeam_channel::{Receiver, Sender};
use rusqlite::Connection;

use super::execute::execute_steps;
use super::output::Reply;
use super::request::Request;
use super::steps::Running;

/// The running background thread; dropping it lets the thread finish its job and stop.
pub struct Worker {
    requests: Option<Sender<Request>>,
    running: Arc<Running>,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    /// Starts the thread, giving it the connection; replies arrive on the returned receiver.
    pub fn spawn(conn: Connection) -> std::io::Result<(Worker, Receiver<Reply>)> {
        let (reply_tx, reply_rx) = crossbeam_channel::unbounded();
        Ok((
            Worker::spawn_replying(conn, "salesdesk-worker", reply_tx)?,
            reply_rx,
        ))
    }

    /// Starts a thread that sends its replies to `replies`, which other workers may share.
    fn spawn_replying(
        conn: Connection,
        name: &str,
        replies: Sender<Reply>,
    ) -> std::io::Result<Worker> {
        let (request_tx, request_rx) = crossbeam_channel::unbounded::<Request>();
        let running = Arc::new(Running::new(conn.get_interrupt_handle()));
        let shared = Arc::clone(&running);
        let thread = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || serve(conn, &request_rx, &replies, &shared))?;
        Ok(Worker {
            requests: Some(request_tx),
            running,
            thread: Some(thread),
        })
    }

    /// Queues a request; a waiting request of the same kind is replaced by it, and a running one
    /// stops at its next step (its SQL is interrupted).
    pub fn submit(&self, request: Request) {
        self.running.submitted(&request);
        if let Some(tx) = &self.requests
            && tx.send(request).is_err()
        {
            tracing::warn!("worker thread has stopped; request dropped");
        }
    }
}

/// Two background threads, each with its own connection (WAL lets them read side by side): one
/// for writes and quick reads, one for [heavy](JobKind::heavy) scans. Replies share one channel.
pub struct Workers {
    quick: Worker,
    heavy: Worker,
}

impl Workers {
    /// Starts both threads.
    pub fn spawn(
        quick: Connection,
        heavy: Connection,
    ) -> std::io::Result<(Workers, Receiver<Reply>)> {
        let (reply_tx, reply_rx) = crossbeam_channel::unbounded();
        let workers = Workers {
            quick: Worker::spawn_replying(quick, "salesdesk-worker", reply_tx.clone())?,
            heavy: Worker::spawn_replying(heavy, "salesdesk-analytics", reply_tx)?,
        };
        Ok((workers, reply_rx))
    }

    /// Hands the request to the thread for its kind.
    pub fn submit(&self, request: Request) {
        if request.job.kind().heavy() {
            self.heavy.submit(request);
        } else {
            self.quick.submit(request);
        }
    }
}

impl Drop for Worker {
    /// Stops what the thread is reading or computing (writes finish) and waits for it.
    fn drop(&mut self) {
        self.running.stop();
        self.requests.take();
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            tracing::error!("worker thread panicked");
        }
    }
}

fn serve(
    mut conn: Connection,
    requests: &Receiver<Request>,
    replies: &Sender<Reply>,
    running: &Running,
) {
    while let Ok(first) = requests.recv() {
        for request in latest_per_kind(first, requests.try_iter()) {
            tracing::debug!(kind = ?request.job.kind(), generation = request.generation, "job start");
            let (generation, kind) = (request.generation, request.job.kind());
            if running.newest().overtakes(kind, generation) {
                tracing::debug!(?kind, generation, "overtaken before it started");
                continue;
            }
            let started = Instant::now();
            let mut progress = |output| {
                let reply = Reply {
                    generation,
                    kind,
                    elapsed: started.elapsed(),
                    computed_at: None,
                    output,
                };
                if replies.send(reply).is_err() {
                    tracing::debug!("progress dropped: the app has stopped listening");
                }
            };
            running.start(Some(&request));
            let reply = execute_steps(&mut conn, request, &mut progress, Some(running.newest()));
            running.start(None);
            tracing::debug!(kind = ?reply.kind, elapsed_ms = reply.elapsed.as_millis(), "job done");
            if replies.send(reply).is_err() {
                return;
            }
        }
    }
}

/// Drops every waiting request that a newer one of the same (replaceable) kind overtakes; the
/// rest keep their arrival order, so a read asked for after a write still runs after it.
fn latest_per_kind(first: Request, rest: impl Iterator<Item = Request>) -> Vec<Request> {
    let mut queue: Vec<Request> = vec![first];
    for request in rest {
        let kind = request.job.kind();
        if kind.replaceable() {
            queue.retain(|q| q.job.kind() != kind);
        }
        queue.push(request);
    }
    queue
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use chrono::NaiveDate;

    use super::*;
    use crate::worker::output::Output;
    use crate::worker::request::Job;

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
        assert_eq!(queue, vec![index, detail(3, 12)]);
    }

    #[test]
    fn writes_are_never_dropped_and_keep_their_order() {
        let undo = |generation| Request {
            generation,
            job: Job::Undo,
        };
        let queue = latest_per_kind(
            undo(1),
            vec![detail(2, 1), undo(3), detail(4, 2)].into_iter(),
        );
        assert_eq!(queue, vec![undo(1), undo(3), detail(4, 2)]);
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
