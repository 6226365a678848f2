//! Customers: industry, region, heavy-tailed size, an owner, a distinct name; and the size-weighted
//! draw that gives big customers more deals.

use rand::Rng as _;
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rand_distr::StandardNormal;
use rand_distr::weighted::WeightedAliasIndex;
use rusqlite::{Transaction, params};

use super::calendar::{Calendar, Day};
use super::company_names::CompanyNamer;
use super::names::Lists;
use super::team::{REGIONS, Team};
use super::{DemoError, Rng};

/// How customers split over the regions.
const REGION_WEIGHTS: [f64; 3] = [0.36, 0.36, 0.28];
/// Employees are lognormal: median and log-scale spread (a few customers have 100,000+).
const MEDIAN_EMPLOYEES: f64 = 80.0;
const EMPLOYEES_SIGMA: f64 = 1.6;
/// Annual revenue per employee in dollars: median and log-scale spread.
const REVENUE_PER_EMPLOYEE: f64 = 180_000.0;
const REVENUE_SIGMA: f64 = 0.45;
/// Share of customers that existed before the window opened.
const OLD_SHARE: f64 = 0.45;
/// Share of customers owned by a rep of their own region.
const SAME_REGION_OWNER: f64 = 0.9;
/// Deal draws weight a customer by employees to this power.
const DEAL_WEIGHT_POWER: f64 = 0.45;

/// A customer as the deal generator needs it.
pub(super) struct Customer {
    pub name: String,
    /// Rep index of the owner today.
    pub owner: usize,
    /// Rep index of the owner before the rep who left did so.
    pub first_owner: usize,
    pub region: usize,
    /// 0 small (< 50 employees), 1 mid-market (< 500), 2 enterprise.
    pub tier: usize,
    pub employees: f64,
    pub created: Day,
}

/// Every customer (row id = index + 1) and the size-weighted draw over them.
pub(super) struct Book {
    pub customers: Vec<Customer>,
    weights: WeightedAliasIndex<f64>,
}

impl Book {
    /// A customer index, bigger customers more often.
    pub fn pick(&self, rng: &mut Rng) -> usize {
        self.weights.sample(rng)
    }
}

/// Writes `count` customers and returns them.
pub(super) fn write_customers(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    cal: &Calendar,
    team: &Team,
    lists: &Lists,
    count: u32,
) -> Result<Book, DemoError> {
    let weight_error = |e| DemoError::InvalidOptions(format!("customer weights: {e}"));
    let industries =
        WeightedIndex::new(lists.industries.iter().map(|i| i.weight)).map_err(weight_error)?;
    let regions = WeightedIndex::new(REGION_WEIGHTS).map_err(weight_error)?;
    let by_region: Vec<Vec<usize>> = (0..REGIONS.len())
        .map(|r| team.in_region(r).collect())
        .collect();
    let mut namer = CompanyNamer::new(lists);
    let mut insert = tx.prepare_cached(
        "INSERT INTO customers
         (id, name, industry, region, employees, annual_revenue_cents, owner_rep_id, created_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut customers = Vec::with_capacity(count as usize);
    for id in 1..=i64::from(count) {
        let industry = industries.sample(rng);
        let (name, industry) = namer.name(rng, industry);
        let region = regions.sample(rng);
        let employees = lognormal(rng, MEDIAN_EMPLOYEES, EMPLOYEES_SIGMA)
            .round()
            .clamp(1.0, 400_000.0);
        let revenue = lognormal(rng, employees * REVENUE_PER_EMPLOYEE, REVENUE_SIGMA);
        let revenue_cents = (revenue / 1_000.0).round() as i64 * 100_000;
        let first_owner = if rng.random::<f64>() < SAME_REGION_OWNER {
            by_region[region][rng.random_range(0..by_region[region].len())]
        } else {
            rng.random_range(0..team.reps.len())
        };
        let owner = team.on_duty(first_owner, cal.as_of);
        let created = created_on(rng, cal);
        insert.execute(params![
            id,
            name,
            lists.industries.get(industry).map_or("", |i| i.name),
            REGIONS[region],
            employees as i64,
            revenue_cents,
            owner as i64 + 1,
            cal.iso(created),
        ])?;
        customers.push(Customer {
            name,
            owner,
            first_owner,
            region,
            tier: usize::from(employees >= 50.0) + usize::from(employees >= 500.0),
            employees,
            created,
        });
    }
    let weights = WeightedAliasIndex::new(
        customers
            .iter()
            .map(|c| c.employees.powf(DEAL_WEIGHT_POWER))
            .collect(),
    )
    .map_err(weight_error)?;
    Ok(Book { customers, weights })
}

/// Before the window (up to ten years) or within it, at least a week before `as_of`.
fn created_on(rng: &mut Rng, cal: &Calendar) -> Day {
    let start = cal.window_start();
    if rng.random::<f64>() < OLD_SHARE {
        start - rng.random_range(30..3_650)
    } else {
        rng.random_range(start..=start.max(cal.as_of - 7))
    }
}

/// A lognormal draw with the given median and log-scale spread.
pub(super) fn lognormal(rng: &mut Rng, median: f64, sigma: f64) -> f64 {
    let z: f64 = rng.sample(StandardNormal);
    median * (sigma * z).exp()
}
