//! Drawing one deal: customer, product, rep, amount, dates, activity count and outcome.

use rand::Rng as _;
use rand_distr::{Distribution, Poisson};

use super::Rng;
use super::calendar::{Calendar, Day};
use super::customers::{Book, lognormal};
use super::outcome::{Losses, WinFactors, open_stage, win_probability};
use super::products::{PRODUCTS, ProductPicker};
use super::team::{REGIONS, Team};
use super::timing::cycle_days;
use crate::domain::Stage;

/// Times a customer is redrawn when the one drawn did not exist yet when the deal was created.
const CUSTOMER_ATTEMPTS: usize = 16;
/// Share of deals worked by the customer's owner (the rest by another rep of the region).
const OWNER_SHARE: f64 = 0.85;
/// Mean activities of a deal of typical length worked by a typical rep.
const MEAN_ACTIVITIES: f64 = 3.0;
const TYPICAL_CYCLE: f64 = 45.0;
/// Share of open deals whose expected close date has already passed (slipping).
const SLIPPING_SHARE: f64 = 0.18;
/// Share of closed deals that closed later than first expected, and by how many days at most.
const LATE_SHARE: f64 = 0.4;
const MAX_DAYS_LATE: i32 = 40;

/// One deal, ready to be written.
pub(super) struct Deal {
    pub customer: usize,
    pub rep: usize,
    pub product: usize,
    pub cents: i64,
    pub stage: Stage,
    /// For lost deals, the open stage they were lost at and the reason given.
    pub lost: Option<(Stage, &'static str)>,
    pub created: Day,
    pub expected: Day,
    /// The close day for closed deals, `as_of` for open ones.
    pub end: Day,
    pub activities: u32,
}

impl Deal {
    /// Index in [`super::OPEN`] of the last open stage the deal reached.
    pub fn reached(&self) -> usize {
        let stage = match (self.stage, self.lost) {
            (Stage::Won, _) => Stage::Open(3),
            (_, Some((at, _))) => at,
            (stage, None) => stage,
        };
        super::OPEN.iter().position(|s| *s == stage).unwrap_or(0)
    }
}

/// Everything a deal draw looks at.
pub(super) struct DealDrawer<'a> {
    pub cal: &'a Calendar,
    pub team: &'a Team,
    pub book: &'a Book,
    pub products: ProductPicker,
    pub losses: Losses,
    pub by_region: Vec<Vec<usize>>,
}

impl DealDrawer<'_> {
    /// A deal planned to close on `planned`; open when that is after `as_of`.
    pub fn draw(&self, rng: &mut Rng, planned: Day) -> Deal {
        let as_of = self.cal.as_of;
        let (customer, product, dollars, cycle) = self.parties(rng, planned);
        let cust = &self.book.customers[customer];
        let mut created = (planned - cycle).max(cust.created);
        let open = planned > as_of;
        if open && created > as_of {
            created = (as_of - rng.random_range(0..=14)).max(cust.created);
        }
        let planned = planned.max(created);
        let end = if open { as_of } else { planned };
        let rep = self.rep(rng, customer, created, end);
        // Share of the planned cycle behind the deal (1 for closed deals).
        let lived = f64::from(end - created).max(1.0) / f64::from(planned - created).max(1.0);
        let mean = MEAN_ACTIVITIES
            * self.team.reps[rep].diligence
            * (f64::from(cycle) / TYPICAL_CYCLE).powf(0.3)
            * lived.min(1.0);
        let activities = Poisson::new(mean.max(0.01)).map_or(0, |p| p.sample(rng) as u32);
        let cents = dollars as i64 * 100;
        let mut deal = Deal {
            customer,
            rep,
            product,
            cents,
            stage: Stage::Won,
            lost: None,
            created,
            expected: planned,
            end,
            activities,
        };
        if open {
            deal.stage = open_stage(rng, lived);
            if rng.random::<f64>() < SLIPPING_SHARE {
                deal.expected = (as_of - rng.random_range(1..=45)).max(created);
                deal.stage = deal.stage.max(Stage::Open(2));
            }
            return deal;
        }
        if rng.random::<f64>() < LATE_SHARE {
            deal.expected = (planned - rng.random_range(1..=MAX_DAYS_LATE)).max(created);
        }
        let factors = WinFactors {
            skill: self.team.reps[rep].skill,
            product_effect: PRODUCTS[product].effect,
            dollars,
            cycle_days: planned - created,
            activities,
            employees: cust.employees,
        };
        if rng.random::<f64>() >= win_probability(&factors) {
            deal.stage = Stage::Lost;
            deal.lost = Some(self.losses.draw(rng));
        }
        deal
    }

    /// Customer, product, amount in whole dollars and cycle days; the customer is redrawn while
    /// it was created after the deal would have been.
    fn parties(&self, rng: &mut Rng, planned: Day) -> (usize, usize, f64, i32) {
        let mut drawn = (0, 0, 0.0, 0);
        for _ in 0..CUSTOMER_ATTEMPTS {
            let customer = self.book.pick(rng);
            let cust = &self.book.customers[customer];
            let product = self.products.pick(rng, cust.tier);
            let p = &PRODUCTS[product];
            let size = (cust.employees / 100.0).powf(0.3).clamp(0.4, 8.0);
            let dollars = whole_dollars(lognormal(rng, p.list_dollars * size, 0.45));
            let cycle = cycle_days(rng, dollars, p.cycle);
            drawn = (customer, product, dollars, cycle);
            if planned - cycle >= cust.created {
                break;
            }
        }
        drawn
    }

    /// The customer's owner at the time (usually) or another rep of its region; the successor
    /// when that rep had left before the deal ended.
    fn rep(&self, rng: &mut Rng, customer: usize, created: Day, end: Day) -> usize {
        let cust = &self.book.customers[customer];
        let rep = if rng.random::<f64>() < OWNER_SHARE {
            if created < self.team.departed_on {
                cust.first_owner
            } else {
                cust.owner
            }
        } else {
            let region = &self.by_region[cust.region.min(REGIONS.len() - 1)];
            region[rng.random_range(0..region.len())]
        };
        self.team.on_duty(rep, end)
    }
}

/// Rounds to whole dollars: to $100 from $10,000 up, to $10 below; never under $500.
fn whole_dollars(dollars: f64) -> f64 {
    let step = if dollars >= 10_000.0 { 100.0 } else { 10.0 };
    ((dollars / step).round() * step).max(500.0)
}
