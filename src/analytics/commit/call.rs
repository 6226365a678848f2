//! The call for a period: the distribution of bookings, the Commit and Best-case roll-ups and
//! P(bookings ≥ quota) for the total, each team and each rep, and the deals that move the total's
//! P(hit) most.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::band::BandScale;
use super::book::{CommitBook, CommitDeal, Histories};
use super::category::Category;
use super::combine::combine;
use super::distribution::{Bet, Distribution, Spread};
use super::movers::{Mover, movers};
use super::new_business::new_business;
use super::odds::{DealOdds, SlipPair, deal_odds};
use super::period::CallPeriod;
use super::ser;
use super::settings::CommitSettings;
use crate::domain::{Money, Stage};

/// Whose figures a row holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The whole book.
    Total,
    /// One team.
    Team,
    /// One rep.
    Rep,
}

/// The call of one group of deals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupCall {
    /// Total, team or rep.
    pub scope: Scope,
    /// "Total", the team's or the rep's name.
    pub name: String,
    /// The rep's id, for a rep row.
    pub rep_id: Option<i64>,
    /// Won inside the period by the as-of day.
    #[serde(rename = "closed_cents")]
    pub closed: Money,
    /// Closed + the amounts of Commit deals expected in the period.
    #[serde(rename = "commit_cents")]
    pub commit: Money,
    /// Commit + the amounts of Best-case deals expected in the period.
    #[serde(rename = "best_case_cents")]
    pub best_case: Money,
    /// Open deals expected in the period: how many and their amount.
    pub open_deals: usize,
    /// Their amount.
    #[serde(rename = "open_cents")]
    pub open: Money,
    /// The expected bookings of deals not in the book yet (see `new_business`), included in the
    /// spread below.
    #[serde(rename = "new_business_cents")]
    pub new_business: Money,
    /// P10, P50, P90 and mean of bookings, with the error bound: the band calibrated.
    pub spread: Spread,
    /// The same from the model alone, before the band's calibration.
    pub model_spread: Spread,
    /// The quota for the period; `None` without one.
    #[serde(rename = "quota_cents")]
    pub quota: Option<Money>,
    /// P(bookings ≥ quota) on the grid.
    pub p_hit: Option<f64>,
    /// The true P(hit) lies between these (see the distribution's error bound).
    pub p_hit_bounds: Option<(f64, f64)>,
}

/// The whole call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Call {
    /// The period, e.g. `2026Q4`.
    pub period: String,
    /// Its first day.
    #[serde(serialize_with = "ser::date")]
    pub from: NaiveDate,
    /// Its last day.
    #[serde(serialize_with = "ser::date")]
    pub to: NaiveDate,
    /// The day the call is made as of.
    #[serde(serialize_with = "ser::date")]
    pub as_of: NaiveDate,
    /// The book's figures.
    pub total: GroupCall,
    /// Per team, by name.
    pub teams: Vec<GroupCall>,
    /// Per rep, by name.
    pub reps: Vec<GroupCall>,
    /// The deals that move the total's P(hit) most, biggest swing first.
    pub movers: Vec<Mover>,
    /// How far the model's band is stretched, learned from replays of earlier periods.
    #[serde(rename = "band_scale")]
    pub band: BandScale,
    /// Every open deal with its odds.
    pub deals: Vec<DealOdds>,
}

/// How many movers a call lists.
pub const MOVERS: usize = 10;

/// The call for `period` as of `as_of` with each deal's own win probability, else its stage's
/// configured rate, its band stretched by `band` (`BandScale::MODEL`: the model's own).
pub fn call(
    book: &CommitBook,
    period: CallPeriod,
    as_of: NaiveDate,
    settings: &CommitSettings,
    band: BandScale,
) -> Call {
    let h = Histories::new(book);
    call_with(
        book,
        &h,
        period,
        as_of,
        settings,
        &|_, d: &CommitDeal, stage| own_or_stage_rate(book, d, stage),
        band,
    )
}

/// A deal's own win probability, else its stage's configured rate: the odds [`call`] uses.
pub fn own_or_stage_rate(book: &CommitBook, d: &CommitDeal, stage: Stage) -> f64 {
    d.win_probability
        .unwrap_or_else(|| f64::from(book.pipelines.probability_bp(stage)) / 10_000.0)
}

/// [`call`] with the histories built, a win probability per deal given by `win` and the band
/// stretched by `band`.
pub fn call_with(
    book: &CommitBook,
    h: &Histories,
    period: CallPeriod,
    as_of: NaiveDate,
    settings: &CommitSettings,
    win: &dyn Fn(usize, &CommitDeal, Stage) -> f64,
    band: BandScale,
) -> Call {
    let slip = SlipPair::learn(book, h, as_of, period);
    let deals = deal_odds(book, h, &slip, as_of, period, settings, win);
    let days = period.days();
    // Groups: each rep by position in the book's reps, then the deals of no known rep.
    let slot_of: HashMap<i64, usize> = book
        .reps
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id, i))
        .collect();
    let slot = |rep: Option<i64>| {
        rep.and_then(|r| slot_of.get(&r).copied())
            .unwrap_or(book.reps.len())
    };
    let mut closed = vec![0i64; book.reps.len() + 1];
    for d in &book.deals {
        if d.stage == Stage::Won && d.closed_on.is_some_and(|c| days.contains(c) && c <= as_of) {
            closed[slot(d.rep_id)] += d.amount.cents();
        }
    }
    let mut members: Vec<Vec<&DealOdds>> = vec![Vec::new(); book.reps.len() + 1];
    for d in &deals {
        members[slot(d.rep_id)].push(d);
    }
    let fresh = new_business(book, period, as_of, members.len(), &slot);
    let groups: Vec<Distribution> = members
        .iter()
        .zip(&closed)
        .zip(&fresh)
        .map(|((m, c), f)| {
            let (base, mut bets) = bets_of(*c, m);
            bets.extend_from_slice(f);
            Distribution::new(base, &bets)
        })
        .collect();
    let group = |scope: Scope, name: &str, rep_id: Option<i64>, slots: &[usize]| {
        let quotas: Vec<_> = book
            .quotas
            .iter()
            .filter(|q| slots.contains(&slot(Some(q.rep_id))))
            .collect();
        let mine: Vec<&DealOdds> = slots
            .iter()
            .flat_map(|s| members[*s].iter().copied())
            .collect();
        let dist = match slots {
            [one] => groups[*one].clone(),
            _ => combine(&slots.iter().map(|s| &groups[*s]).collect::<Vec<_>>()),
        };
        let closed = slots.iter().map(|s| closed[*s]).sum();
        let new_business = slots
            .iter()
            .flat_map(|s| &fresh[*s])
            .map(|b| b.cents as f64 * b.p)
            .sum::<f64>();
        let mut call = group_call(
            scope,
            name,
            rep_id,
            closed,
            &mine,
            period.quota(&quotas),
            (&dist, band),
        );
        call.new_business = Money(new_business.round() as i64);
        (call, dist)
    };
    let everyone: Vec<usize> = (0..groups.len()).collect();
    let (total, total_dist) = group(Scope::Total, "Total", None, &everyone);
    let mut teams: Vec<&str> = book.reps.iter().map(|r| r.team.as_str()).collect();
    teams.sort_unstable();
    teams.dedup();
    let teams = teams
        .into_iter()
        .map(|t| {
            let slots: Vec<usize> = (0..book.reps.len())
                .filter(|i| book.reps[*i].team == t)
                .collect();
            group(Scope::Team, t, None, &slots).0
        })
        .collect();
    let mut reps: Vec<GroupCall> = book
        .reps
        .iter()
        .enumerate()
        .map(|(i, r)| group(Scope::Rep, &r.name, Some(r.id), &[i]).0)
        .collect();
    reps.sort_by(|a, b| a.name.cmp(&b.name));
    let movers = total
        .quota
        .map(|q| {
            movers(
                &total_dist,
                &groups,
                &|d: &DealOdds| slot(d.rep_id),
                &deals,
                Money(band.model_target(&total_dist, q.cents())),
                MOVERS,
            )
        })
        .unwrap_or_default();
    Call {
        period: period.to_string(),
        from: days.from,
        to: days.to,
        as_of,
        total,
        teams,
        reps,
        movers,
        band,
        deals,
    }
}

/// The certain base and the bets of a group's deals (those with a chance to land).
fn bets_of(base: i64, deals: &[&DealOdds]) -> (i64, Vec<Bet>) {
    let bets = deals
        .iter()
        .filter(|d| d.land > 0.0 && d.amount.cents() > 0)
        .map(|d| Bet {
            cents: d.amount.cents(),
            p: d.land,
        })
        .collect();
    (base, bets)
}

/// A group's figures from its deals and the distribution of its bookings.
fn group_call(
    scope: Scope,
    name: &str,
    rep_id: Option<i64>,
    closed: i64,
    deals: &[&DealOdds],
    quota: Option<Money>,
    (dist, band): (&Distribution, BandScale),
) -> GroupCall {
    let in_period: Vec<&&DealOdds> = deals.iter().filter(|d| d.in_period).collect();
    let sum_of = |cats: &[Category]| -> i64 {
        in_period
            .iter()
            .filter(|d| cats.contains(&d.category.category))
            .map(|d| d.amount.cents())
            .sum()
    };
    GroupCall {
        scope,
        name: name.to_string(),
        rep_id,
        closed: Money(closed),
        commit: Money(closed + sum_of(&[Category::Commit])),
        best_case: Money(closed + sum_of(&[Category::Commit, Category::BestCase])),
        open_deals: in_period.len(),
        open: Money(in_period.iter().map(|d| d.amount.cents()).sum()),
        new_business: Money(0),
        spread: band.spread(dist),
        model_spread: dist.spread(),
        quota,
        p_hit: quota.map(|q| band.p_at_least(dist, q.cents())),
        p_hit_bounds: quota.map(|q| band.p_at_least_bounds(dist, q.cents())),
    }
}
