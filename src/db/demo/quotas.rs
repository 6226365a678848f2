//! Quotas per rep and quarter: the rep's share of the bookings the trend expects, plus 10%.

use rusqlite::{Transaction, params};

use super::calendar::Calendar;
use super::team::Team;
use super::timing::demand;

/// Quotas are set this much above expected bookings.
const STRETCH: f64 = 1.1;
/// Quotas are whole thousands of dollars.
const ROUND_CENTS: f64 = 100_000.0;

/// Writes a quota for every rep and quarter of the window and the next quarter (for the rep who
/// left, only the quarters that began before they did). `won` is as in `DealTotals::won`.
pub(super) fn write_quotas(
    tx: &Transaction<'_>,
    cal: &Calendar,
    team: &Team,
    won: &[i64],
) -> Result<u64, rusqlite::Error> {
    let months = cal.months.len();
    let won_in = |rep: usize, m: usize| won.get(rep * months + m).copied().unwrap_or(0) as f64;
    let last = cal.window as isize - 1;
    let elapsed = cal.months.get(cal.window - 1).map_or(1.0, |m| {
        f64::from(cal.as_of - m.start + 1) / f64::from(m.len)
    });
    let expected_so_far: f64 =
        (0..last).map(|m| demand(cal, m)).sum::<f64>() + demand(cal, last) * elapsed;
    let booked: f64 = (0..team.reps.len())
        .flat_map(|r| (0..cal.window).map(move |m| (r, m)))
        .map(|(r, m)| won_in(r, m))
        .sum();
    let per_demand = booked / expected_so_far.max(f64::MIN_POSITIVE);

    let mut insert = tx
        .prepare_cached("INSERT INTO quotas (rep_id, quarter, amount_cents) VALUES (?1, ?2, ?3)")?;
    let quarters = quarters(cal);
    let mut written = 0;
    for (rep_index, rep) in team.reps.iter().enumerate() {
        let worked = |m: usize| rep.active || cal.months[m].start < team.departed_on;
        let (mine, all) = (0..cal.window)
            .filter(|&m| worked(m))
            .fold((0.0, 0.0), |acc, m| {
                let all: f64 = (0..team.reps.len()).map(|r| won_in(r, m)).sum();
                (acc.0 + won_in(rep_index, m), acc.1 + all)
            });
        let share = if all > 0.0 { mine / all } else { 0.0 };
        for (quarter, months) in &quarters {
            if !worked(months[0].max(0) as usize) {
                continue;
            }
            let expected = months.iter().map(|&m| demand(cal, m)).sum::<f64>() * per_demand;
            let cents = (STRETCH * share * expected / ROUND_CENTS).round() * ROUND_CENTS;
            insert.execute(params![rep_index as i64 + 1, *quarter, cents as i64])?;
            written += 1;
        }
    }
    Ok(written)
}

/// The quarters touched by the window, then the next one, each with the indexes of its three
/// months in the calendar (negative for months before the window).
fn quarters(cal: &Calendar) -> Vec<(&str, Vec<isize>)> {
    let wanted = quarters_in_window(cal) + 1;
    let mut list: Vec<(&str, Vec<isize>)> = Vec::new();
    for (i, month) in cal.months.iter().enumerate() {
        let same = list
            .last()
            .is_some_and(|(label, _)| *label == month.quarter);
        if same {
            if let Some((_, months)) = list.last_mut() {
                months.push(i as isize);
            }
        } else if list.len() == wanted {
            break;
        } else {
            let before = if list.is_empty() {
                (month.number as isize - 1) % 3
            } else {
                0
            };
            list.push((&month.quarter, (i as isize - before..=i as isize).collect()));
        }
    }
    list
}

/// How many distinct quarters the window's months touch.
fn quarters_in_window(cal: &Calendar) -> usize {
    let window = &cal.months[..cal.window];
    1 + window
        .windows(2)
        .filter(|w| w[0].quarter != w[1].quarter)
        .count()
}
