//! The value model's inputs from one ordered scan of the Won deals by customer (the covering
//! index `deals_won_by_customer`, so no table row is fetched): per customer the trailing-12-month
//! revenue and margin, the year before, and the last purchase; plus each customer's set of
//! products bought, for cross-sell.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rusqlite::Connection;
use rusqlite::types::Type;

use crate::analytics::value::CustomerInputs;

/// Every Won deal with a customer, by customer and product (the index's order).
const WON_BY_CUSTOMER: &str = "
    SELECT customer_id, product_id, closed_on, amount_cents
    FROM deals INDEXED BY deals_won_by_customer
    WHERE stage = 'Won' AND customer_id IS NOT NULL
    ORDER BY customer_id, product_id";

/// The Won deals summed per customer, and the products each customer bought.
#[derive(Debug, Default)]
pub struct WonByCustomer {
    /// Value inputs of every customer created by the as-of date, by id; a customer without a
    /// Won deal has zeros.
    pub inputs: Vec<CustomerInputs>,
    /// Each customer's products with a Won deal closed by the as-of date (customers as the deals
    /// name them, whether or not they exist).
    pub baskets: BTreeMap<i64, BTreeSet<i64>>,
}

/// The day bounds the sums compare close dates with, as SQLite's date arithmetic gives them
/// (`date(d, '-1 year')` rolls Feb 29 over to Mar 1): compared as text, as SQL would.
struct Bounds {
    as_of: String,
    year_ago: Option<String>,
    two_years_ago: Option<String>,
}

impl Bounds {
    fn new(conn: &Connection, as_of: NaiveDate) -> rusqlite::Result<Bounds> {
        let as_of = as_of.to_string();
        let (year_ago, two_years_ago) = conn.query_row(
            "SELECT date(?1, '-1 year'), date(?1, '-2 years')",
            [&as_of],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(Bounds {
            as_of,
            year_ago,
            two_years_ago,
        })
    }

    /// Closed in the 12 months to the as-of date.
    fn trailing_year(&self, closed: &str) -> bool {
        self.year_ago.as_deref().is_some_and(|y| closed > y) && closed <= self.as_of.as_str()
    }

    /// Closed in the 12 months before those.
    fn year_before(&self, closed: &str) -> bool {
        match (&self.two_years_ago, &self.year_ago) {
            (Some(from), Some(to)) => closed > from.as_str() && closed <= to.as_str(),
            _ => false,
        }
    }
}

/// One customer's Won deals summed (cents × margin in basis points, before rounding).
#[derive(Debug, Default)]
struct Sums {
    revenue: i128,
    margin_bp_cents: i128,
    unknown_margin: i128,
    won_deals: i64,
    bought_year_before: bool,
    last_won_on: Option<String>,
}

impl Sums {
    fn inputs(self, customer_id: i64) -> rusqlite::Result<CustomerInputs> {
        let cents =
            |v: i128| i64::try_from(v).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(3, 0));
        let last_won_on = match self.last_won_on {
            None => None,
            Some(text) => Some(NaiveDate::parse_from_str(&text, "%F").map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(2, Type::Text, Box::new(e))
            })?),
        };
        Ok(CustomerInputs {
            customer_id,
            revenue_cents: cents(self.revenue)?,
            margin_cents: cents((self.margin_bp_cents + 5_000).div_euclid(10_000))?,
            unknown_margin_cents: cents(self.unknown_margin)?,
            won_deals: self.won_deals,
            bought_year_before: self.bought_year_before,
            last_won_on,
        })
    }
}

/// The Won deals as of `as_of`, summed per customer, and every customer's basket.
pub fn won_by_customer(conn: &Connection, as_of: NaiveDate) -> rusqlite::Result<WonByCustomer> {
    let bounds = Bounds::new(conn, as_of)?;
    let margins = product_margins(conn)?;
    let mut sums: Vec<(i64, Sums)> = Vec::new();
    let mut baskets: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    let mut stmt = conn.prepare(WON_BY_CUSTOMER)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let customer: i64 = r.get(0)?;
        let product: Option<i64> = r.get(1)?;
        let Some(closed) = r.get_ref(2)?.as_str_or_null()? else {
            continue;
        };
        let amount = i128::from(r.get::<_, i64>(3)?);
        if sums.last().is_none_or(|(id, _)| *id != customer) {
            sums.push((customer, Sums::default()));
        }
        let Some((_, s)) = sums.last_mut() else {
            continue;
        };
        if bounds.trailing_year(closed) {
            s.revenue += amount;
            s.won_deals += 1;
            match product.and_then(|p| margins.get(&p)) {
                Some(&(margin_bp, true)) => s.margin_bp_cents += amount * i128::from(margin_bp),
                _ => s.unknown_margin += amount,
            }
        }
        s.bought_year_before |= bounds.year_before(closed);
        if closed <= bounds.as_of.as_str() {
            if s.last_won_on.as_deref().is_none_or(|last| closed > last) {
                s.last_won_on = Some(closed.to_string());
            }
            if let Some(product) = product {
                baskets.entry(customer).or_default().insert(product);
            }
        }
    }
    let inputs = customers_by(conn, &bounds.as_of)?
        .into_iter()
        .map(|id| match sums.binary_search_by_key(&id, |(c, _)| *c) {
            Ok(at) => std::mem::take(&mut sums[at].1).inputs(id),
            Err(_) => Sums::default().inputs(id),
        })
        .collect::<rusqlite::Result<_>>()?;
    Ok(WonByCustomer { inputs, baskets })
}

/// Every customer's value inputs as of `as_of`, by id.
pub fn customer_inputs(
    conn: &Connection,
    as_of: NaiveDate,
) -> rusqlite::Result<Vec<CustomerInputs>> {
    Ok(won_by_customer(conn, as_of)?.inputs)
}

/// Ids of the customers created by `as_of` (ISO text), in order.
fn customers_by(conn: &Connection, as_of: &str) -> rusqlite::Result<Vec<i64>> {
    conn.prepare("SELECT id FROM customers WHERE created_on <= ?1 ORDER BY id")?
        .query_map([as_of], |r| r.get(0))?
        .collect()
}

/// Each product's margin in basis points and whether it is known.
fn product_margins(conn: &Connection) -> rusqlite::Result<HashMap<i64, (i64, bool)>> {
    conn.prepare("SELECT id, margin_bp, margin_known FROM products")?
        .query_map([], |r| {
            Ok((r.get(0)?, (r.get(1)?, r.get::<_, i64>(2)? == 1)))
        })?
        .collect()
}

/// Names by id of every customer.
pub fn customer_names(conn: &Connection) -> rusqlite::Result<BTreeMap<i64, String>> {
    conn.prepare("SELECT id, name FROM customers")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// Names by id of every product.
pub fn product_names(conn: &Connection) -> rusqlite::Result<BTreeMap<i64, String>> {
    conn.prepare("SELECT id, name FROM products")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}
