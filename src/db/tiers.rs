//! Everything the Tiers screen and `report tiers` need, read in one
//! ordered scan of the Won deals and a few small queries: the
//! values now, the values at the end of the previous quarter (for tier moves), the products
//! bought per customer (for cross-sell) and the names.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::value_inputs;
use crate::analytics::crosssell::next_products;
use crate::analytics::value::{
    TiersOverview, TiersReport, ValueSet, customer_values, previous_quarter_end, tier_moves,
};

/// The tiers report as of `as_of`.
pub fn report(conn: &Connection, as_of: NaiveDate) -> rusqlite::Result<TiersReport> {
    let won = value_inputs::won_by_customer(conn, as_of)?;
    let customers = value_inputs::customer_names(conn)?;
    let products = value_inputs::product_names(conn)?;
    Ok(TiersReport::new(
        &customer_values(&won.inputs, as_of),
        &next_products(&won.baskets),
        &customers,
        &products,
    ))
}

/// Every customer's value, tier and segment as of `as_of`, with the summaries: what the report
/// prints as text, without the names and cross-sell its rows carry.
pub fn values(conn: &Connection, as_of: NaiveDate) -> rusqlite::Result<ValueSet> {
    Ok(customer_values(
        &value_inputs::customer_inputs(conn, as_of)?,
        as_of,
    ))
}

/// The report as of `as_of` with the tier moves since the end of the previous quarter.
pub fn overview(conn: &Connection, as_of: NaiveDate) -> rusqlite::Result<TiersOverview> {
    let report = report(conn, as_of)?;
    let since = previous_quarter_end(as_of);
    let before = customer_values(&value_inputs::customer_inputs(conn, since)?, since);
    let before: Vec<_> = before
        .customers
        .iter()
        .map(|c| (c.customer_id, c.tier))
        .collect();
    let now: Vec<_> = report.customers.iter().map(|c| (c.id, c.tier)).collect();
    Ok(TiersOverview {
        moves: tier_moves(&before, &now),
        since,
        report,
    })
}
