//! Streams every deal, with its history and task, into the database. One thread draws the rows
//! month by month (the random stream stays in one fixed order), the calling thread writes them;
//! only a few batches are in flight, and only won bookings per rep and month are kept.

use std::sync::mpsc::{SyncSender, sync_channel};

use rusqlite::Transaction;

use super::calendar::Calendar;
use super::customers::Book;
use super::deals::DealDrawer;
use super::history::History;
use super::outcome::Losses;
use super::products::{PRODUCTS, ProductPicker};
use super::rows::{Batch, DealRow};
use super::tasks::Tasks;
use super::team::{REGIONS, Team};
use super::timing::{close_day, deals_per_month};
use super::writer::{Writer, Written};
use super::{DemoError, Rng};
use crate::domain::Stage;

/// Deals per batch handed from the drawing thread to the writing one.
const DEALS_PER_BATCH: usize = 1_000;
/// Batches drawn ahead of the writer.
const BATCHES_IN_FLIGHT: usize = 4;

/// Rows written by [`write_deals`], and what quotas are based on.
pub(super) struct DealTotals {
    pub written: Written,
    /// Won cents by rep and close month: `won[rep * months + month]`, months as in the calendar.
    pub won: Vec<i64>,
}

/// Writes `count` deals with their stage changes, activities and tasks.
pub(super) fn write_deals<'t>(
    tx: &'t Transaction<'t>,
    rng: &mut Rng,
    cal: &Calendar,
    team: &Team,
    book: &Book,
    count: u32,
) -> Result<DealTotals, DemoError> {
    let drawer = DealDrawer {
        cal,
        team,
        book,
        products: ProductPicker::new()?,
        losses: Losses::new()?,
        by_region: (0..REGIONS.len())
            .map(|r| team.in_region(r).collect())
            .collect(),
    };
    let mut history = History::new()?;
    let mut tasks = Tasks::new(team.reps.len())?;
    let mut writer = Writer::new(tx, cal)?;
    let (sender, receiver) = sync_channel(BATCHES_IN_FLIGHT);
    std::thread::scope(|scope| {
        let drawing =
            scope.spawn(|| draw_all(rng, &drawer, &mut history, &mut tasks, count, sender));
        let written = receiver.iter().try_for_each(|batch| writer.write(batch));
        // Dropping the receiver stops the drawing thread early if writing failed.
        drop(receiver);
        let won = drawing
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        written?;
        Ok(DealTotals {
            written: writer.finish()?,
            won,
        })
    })
}

/// Draws every deal and sends its rows in batches; returns won cents by rep and month.
fn draw_all(
    rng: &mut Rng,
    drawer: &DealDrawer<'_>,
    history: &mut History,
    tasks: &mut Tasks,
    count: u32,
    sender: SyncSender<Batch>,
) -> Vec<i64> {
    let (cal, team, book) = (drawer.cal, drawer.team, drawer.book);
    let months = cal.months.len();
    let mut won = vec![0; team.reps.len() * months];
    let mut batch = Batch::default();
    let mut id = 0;
    for (month, n) in cal.months.iter().zip(deals_per_month(cal, count)) {
        for _ in 0..n {
            id += 1;
            let planned = close_day(rng, month);
            let deal = drawer.draw(rng, planned);
            history.draw(rng, id, &deal, &mut batch);
            batch
                .tasks
                .extend(tasks.draw(rng, cal, team, book, id, &deal));
            if deal.stage == Stage::Won
                && let Some(m) = cal.month_of(deal.end)
            {
                won[deal.rep * months + m] += deal.cents;
            }
            let title = format!(
                "{} for {}",
                PRODUCTS[deal.product].name, book.customers[deal.customer].name
            );
            batch.deals.push(DealRow { id, title, deal });
            if batch.deals.len() == DEALS_PER_BATCH
                && sender.send(std::mem::take(&mut batch)).is_err()
            {
                return won;
            }
        }
    }
    // A send fails only when the writer has stopped, and then its error is what matters.
    let _ = sender.send(batch);
    won
}
