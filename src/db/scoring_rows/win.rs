//! The win-probability rows: every closed deal's stays for training and every open deal to
//! score, or only a few open deals to score with a model already fitted.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::days::epoch_day;
use super::deal_facts::{
    DealFacts, Histories, PriorWon, SIZES, Scope, id_levels, read_activities, read_changes,
    read_deals,
};
use super::{Columns, Levels, ln_money};
use crate::analytics::scoring::{
    DealHistory, ModelRows, Snapshot, TrainingSet, current_snapshot, keep_row, training_snapshots,
};
use crate::db::side_reader::read_beside;

/// Win-probability rows as of `as_of`: for every closed deal a row per open stage it passed
/// through, labelled Won = 1, Lost = 0, with the features as they were at that stage (see
/// [`training_snapshots`]); and the open deals to score, at their stage today. When there are
/// more than `max_rows` training rows, a deterministic uniform sample of about `max_rows` is
/// kept. Four plain scans; everything per deal is computed in memory.
pub fn win_rows(
    conn: &Connection,
    as_of: NaiveDate,
    max_rows: usize,
) -> rusqlite::Result<ModelRows> {
    win_read(conn, as_of, max_rows, Scope::Every)
}

/// The rows to score of these deals, those open on `as_of` (others are left out), exactly as
/// [`win_rows`] makes them, with no training rows: to score a changed deal with a fitted model
/// without reading the whole book. Reads the deals, their customers' other deals (for the
/// customer's prior Won revenue), and the deals' stage changes and activities.
pub fn open_deal_rows(
    conn: &Connection,
    as_of: NaiveDate,
    ids: &[i64],
) -> rusqlite::Result<ModelRows> {
    win_read(conn, as_of, 0, Scope::Deals(ids))
}

fn win_read(
    conn: &Connection,
    as_of: NaiveDate,
    max_rows: usize,
    scope: Scope<'_>,
) -> rusqlite::Result<ModelRows> {
    let at = as_of.to_string();
    let (reps, rep_codes) = id_levels(conn, "reps")?;
    let (products, product_codes) = id_levels(conn, "products")?;
    let catalogue = crate::db::pipelines::load(conn)?;
    let read_facts = |conn: &Connection| -> rusqlite::Result<_> {
        let deals = read_deals(conn, &at, &rep_codes, &product_codes, &catalogue, scope)?;
        let changes = read_changes(conn, &at, &catalogue, &deals, scope)?;
        Ok((deals, changes))
    };
    // The whole book's activities are read beside its deals and their stage changes (as
    // `pipeline_facts` does); a few deals' rows are read on this connection alone.
    let (facts, activities) = match scope {
        Scope::Every => read_beside(conn, read_facts, |other| read_activities(other, &at, scope)),
        Scope::Deals(_) => (read_facts(conn), read_activities(conn, &at, scope)),
    };
    let ((deals, changes), activities) = (facts?, activities?);
    let prior = PriorWon::new(&deals);
    let stages = Levels::new(catalogue.all_open().map(|s| catalogue.long_name(s)));
    let new_columns = |reps: Levels, products: Levels| {
        Columns::new(
            &["ln_amount", "cycle_days", "prior_won_ln", "activities"],
            vec![
                ("stage_reached", Levels::new(stages.names.clone())),
                ("rep", reps),
                ("product", products),
                ("size", Levels::new(SIZES.map(String::from))),
            ],
        )
    };
    let walk = |visit: &mut dyn FnMut(&DealFacts, &DealHistory)| {
        let mut cursor = Histories {
            changes: &changes,
            activities: &activities,
        };
        let mut h = DealHistory::default();
        for deal in &deals {
            cursor.next(deal, &mut h);
            visit(deal, &h);
        }
    };
    let asked = |id: i64| match scope {
        Scope::Every => true,
        Scope::Deals(ids) => ids.contains(&id),
    };
    let mut total = 0usize;
    if scope == Scope::Every {
        walk(&mut |_, h| total += training_snapshots(h).len());
    }
    let share = max_rows as f64 / total.max(1) as f64;
    let mut training = new_columns(
        Levels::new(reps.names.clone()),
        Levels::new(products.names.clone()),
    );
    let mut current = new_columns(reps, products);
    let (mut labels, mut time, mut ids) = (Vec::new(), Vec::new(), Vec::new());
    let (mut won, mut lost) = (0usize, 0usize);
    let today = epoch_day(as_of);
    walk(&mut |deal, h| {
        let amount = ln_money(deal.amount_cents);
        let prior_won = ln_money(prior.before(deal.customer, deal.created));
        let fixed = |s: &Snapshot| {
            (
                [amount, s.cycle_days, prior_won, f64::from(s.activities)],
                [u32::from(s.stage), deal.rep, deal.product, deal.size],
            )
        };
        match (deal.open_stage, deal.closed) {
            (Some(stage), None) if asked(deal.id) => {
                let (numeric, codes) = fixed(&current_snapshot(h, stage, today));
                current.push_codes(&numeric, &codes);
                ids.push(deal.id);
            }
            (_, Some(closed)) if scope == Scope::Every => {
                if deal.won {
                    won += 1;
                } else {
                    lost += 1;
                }
                for s in training_snapshots(h) {
                    if keep_row(deal.id, s.stage, share) {
                        let (numeric, codes) = fixed(&s);
                        training.push_codes(&numeric, &codes);
                        labels.push(deal.won);
                        time.push(closed);
                    }
                }
            }
            _ => {}
        }
    });
    Ok(ModelRows {
        training: TrainingSet {
            features: training.into_features(),
            labels,
            time,
            examples: Some((won, lost)),
        },
        ids,
        current: current.into_features(),
    })
}
