//! The pipeline as a list: every open deal, filtered, sorted by any column and read a page at a
//! time by offset for a virtual table, with no cap; and the saved views (counted over the held
//! keys, [`super::ListIndex`]).

use chrono::{Datelike, Days, NaiveDate};
use rusqlite::Connection;
use rusqlite::types::Value;

use super::date;
use crate::domain::{Money, Quarter};

/// A saved view of the open pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SavedView {
    /// No activity and no stage change in the stale window.
    Stale,
    /// Expected close date passed.
    Slipped,
    /// No expected close date.
    NoCloseDate,
    /// Expected to close this calendar month.
    ClosingThisMonth,
    /// Expected to close this calendar quarter.
    ClosingThisQuarter,
    /// Every open deal, biggest first.
    BiggestOpen,
}

impl SavedView {
    /// Every saved view, in menu order.
    pub const ALL: [SavedView; 6] = [
        SavedView::Stale,
        SavedView::Slipped,
        SavedView::NoCloseDate,
        SavedView::ClosingThisMonth,
        SavedView::ClosingThisQuarter,
        SavedView::BiggestOpen,
    ];

    /// The view's name as the menu shows it.
    pub fn label(self) -> &'static str {
        match self {
            SavedView::Stale => "Stale",
            SavedView::Slipped => "Slipped",
            SavedView::NoCloseDate => "No close date",
            SavedView::ClosingThisMonth => "Closing this month",
            SavedView::ClosingThisQuarter => "Closing this quarter",
            SavedView::BiggestOpen => "Biggest open",
        }
    }

    /// The SQL condition on the `open` rows; dates are computed here, never typed by a user.
    /// `list_filter::view_admits` is the same condition over held keys.
    fn condition(self, dates: &ViewDates) -> String {
        let ViewDates {
            today,
            stale_cutoff,
            month: (month_start, month_end),
            quarter: (q_start, q_end),
        } = *dates;
        match self {
            SavedView::Stale => format!("last_touch < '{stale_cutoff}'"),
            SavedView::Slipped => format!("expected_close_on < '{today}'"),
            SavedView::NoCloseDate => "expected_close_on IS NULL".into(),
            SavedView::ClosingThisMonth => {
                format!("expected_close_on BETWEEN '{month_start}' AND '{month_end}'")
            }
            SavedView::ClosingThisQuarter => {
                format!("expected_close_on BETWEEN '{q_start}' AND '{q_end}'")
            }
            SavedView::BiggestOpen => "1".into(),
        }
    }
}

/// The days a book's views are bounded by as of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ViewDates {
    /// The day the views are computed for (slipped: expected close before it).
    pub today: NaiveDate,
    /// A deal last touched before this day is stale.
    pub stale_cutoff: NaiveDate,
    /// The first and last days of today's month.
    pub month: (NaiveDate, NaiveDate),
    /// The first and last days of today's quarter.
    pub quarter: (NaiveDate, NaiveDate),
}

impl ViewDates {
    /// The bounds as of `today` with deals stale after `stale_days` without a touch.
    pub fn new(today: NaiveDate, stale_days: u32) -> Self {
        let month_start = today.with_day(1).unwrap_or(today);
        let month_end = month_start
            .checked_add_months(chrono::Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(today);
        let quarter = Quarter::containing(today);
        ViewDates {
            today,
            stale_cutoff: today
                .checked_sub_days(Days::new(u64::from(stale_days)))
                .unwrap_or(today),
            month: (month_start, month_end),
            quarter: (
                quarter.first_day().unwrap_or(today),
                quarter.last_day().unwrap_or(today),
            ),
        }
    }
}

/// A column of the list view to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    /// Deal title.
    Title,
    /// Customer name.
    Customer,
    /// Owner name.
    Owner,
    /// Stage, in pipeline order.
    Stage,
    /// Amount.
    Amount,
    /// Expected close date (none last).
    ExpectedClose,
    /// Age (created date).
    Age,
    /// Last activity or stage change.
    LastTouch,
}

impl SortColumn {
    /// Every column, in the list view's order (the order `s` steps through them).
    pub const ALL: [SortColumn; 8] = [
        SortColumn::Title,
        SortColumn::Customer,
        SortColumn::Owner,
        SortColumn::Stage,
        SortColumn::Amount,
        SortColumn::ExpectedClose,
        SortColumn::Age,
        SortColumn::LastTouch,
    ];

    fn sql(self) -> &'static str {
        match self {
            SortColumn::Title => "title COLLATE NOCASE",
            SortColumn::Customer => "customer COLLATE NOCASE",
            SortColumn::Owner => "owner COLLATE NOCASE",
            SortColumn::Stage => "stage_rank",
            SortColumn::Amount => "amount_cents",
            SortColumn::ExpectedClose => "expected_close_on IS NULL, expected_close_on",
            SortColumn::Age => "created_on",
            SortColumn::LastTouch => "last_touch",
        }
    }
}

/// What page of the list to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    /// A saved view, if one is chosen.
    pub view: Option<SavedView>,
    /// Only deals of this pipeline.
    pub pipeline_id: Option<i64>,
    /// Only deals at this stage.
    pub stage: Option<String>,
    /// Only deals of this rep.
    pub owner_rep_id: Option<i64>,
    /// Only deals of reps in this team.
    pub team: Option<String>,
    /// Only deals of this product.
    pub product_id: Option<i64>,
    /// Only deals expected to close between these days (both included).
    pub closes_between: Option<(NaiveDate, NaiveDate)>,
    /// Only deals whose title or customer contains this text.
    pub text: Option<String>,
    /// The column to sort by.
    pub sort: SortColumn,
    /// Sort descending.
    pub descending: bool,
    /// Rows to skip.
    pub offset: usize,
    /// Rows to return.
    pub limit: usize,
    /// Days without activity or stage change after which a deal is stale (from the config).
    pub stale_days: u32,
}

impl ListQuery {
    /// The first `limit` rows of `view` (every open deal without one) with no other filter, in
    /// `sort` order, a deal stale after `stale_days`.
    pub fn first_page(
        view: Option<SavedView>,
        sort: SortColumn,
        descending: bool,
        limit: usize,
        stale_days: u32,
    ) -> ListQuery {
        ListQuery {
            view,
            pipeline_id: None,
            stage: None,
            owner_rep_id: None,
            team: None,
            product_id: None,
            closes_between: None,
            text: None,
            sort,
            descending,
            offset: 0,
            limit,
            stale_days,
        }
    }

    /// The column and direction the rows come in: the biggest open view left sorted by title
    /// lists biggest first.
    pub fn order(&self) -> (SortColumn, bool) {
        match (self.view, self.sort) {
            (Some(SavedView::BiggestOpen), SortColumn::Title) => (SortColumn::Amount, true),
            (_, sort) => (sort, self.descending),
        }
    }
}

/// One row of the list view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    /// Deal id (Enter opens its record).
    pub id: i64,
    /// Title.
    pub title: String,
    /// Customer name.
    pub customer: Option<String>,
    /// Owner name.
    pub owner: Option<String>,
    /// Stage.
    pub stage: String,
    /// Amount.
    pub amount: Money,
    /// Expected close.
    pub expected_close_on: Option<NaiveDate>,
    /// Days since created.
    pub age_days: Option<i64>,
    /// Last activity, stage change or creation.
    pub last_touch: Option<NaiveDate>,
}

/// A page of the list and how many rows match in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPage {
    /// Rows matching the query, all pages.
    pub total: usize,
    /// This page.
    pub rows: Vec<ListRow>,
}

/// The open deals as a CTE named `open`; with `touch`, each with its last activity, stage change
/// or creation as `last_touch` (two index lookups a deal, so only when a filter or sort needs it).
pub(super) fn open_cte(touch: bool) -> String {
    let touch = if touch {
        ", MAX(d.created_on,
               COALESCE((SELECT MAX(a.happened_on) FROM activities a WHERE a.deal_id = d.id), ''),
               COALESCE((SELECT MAX(s.changed_on) FROM stage_changes s WHERE s.deal_id = d.id), ''))
               AS last_touch"
    } else {
        ""
    };
    format!(
        "WITH open AS (
    SELECT d.id, d.title, c.name AS customer, r.name AS owner, d.stage, d.amount_cents,
           d.expected_close_on, d.created_on, d.rep_id, d.product_id, r.team, d.pipeline_id,
           {STAGE_RANK} AS stage_rank{touch}
    FROM deals d LEFT JOIN customers c ON c.id = d.customer_id LEFT JOIN reps r ON r.id = d.rep_id
    WHERE d.closed_on IS NULL)"
    )
}

/// Where the stage of deal `d` sorts: its pipeline's place, then the stage's place in it (the
/// catalogue's order, which the held list sorts by too).
pub(super) const STAGE_RANK: &str = "(SELECT pl.position * 1000 + st.position
    FROM stages st JOIN pipelines pl ON pl.id = st.pipeline_id
    WHERE st.pipeline_id = d.pipeline_id AND st.name = d.stage)";

/// The last touch of the deal `p.id` created on `p.created_on`, for the rows of one page.
pub(super) const PAGE_TOUCH: &str = "MAX(p.created_on,
    COALESCE((SELECT MAX(a.happened_on) FROM activities a WHERE a.deal_id = p.id), ''),
    COALESCE((SELECT MAX(s.changed_on) FROM stage_changes s WHERE s.deal_id = p.id), ''))";

/// The `WHERE` condition on the `open` rows for `query`'s view and filters, and its parameters.
pub(super) fn conditions(query: &ListQuery, today: NaiveDate) -> (String, Vec<Value>) {
    let mut conditions = vec![
        query
            .view
            .unwrap_or(SavedView::BiggestOpen)
            .condition(&ViewDates::new(today, query.stale_days)),
    ];
    let mut params: Vec<Value> = Vec::new();
    if let Some(pipeline) = query.pipeline_id {
        params.push(pipeline.into());
        conditions.push(format!("pipeline_id = ?{}", params.len()));
    }
    if let Some(stage) = &query.stage {
        params.push(stage.clone().into());
        conditions.push(format!("stage = ?{}", params.len()));
    }
    if let Some(rep) = query.owner_rep_id {
        params.push(rep.into());
        conditions.push(format!("rep_id = ?{}", params.len()));
    }
    if let Some(team) = &query.team {
        params.push(team.clone().into());
        conditions.push(format!("team = ?{}", params.len()));
    }
    if let Some(product) = query.product_id {
        params.push(product.into());
        conditions.push(format!("product_id = ?{}", params.len()));
    }
    if let Some((first, last)) = query.closes_between {
        params.push(first.to_string().into());
        params.push(last.to_string().into());
        let n = params.len();
        conditions.push(format!("expected_close_on BETWEEN ?{} AND ?{n}", n - 1));
    }
    if let Some(text) = query
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        params.push(format!("%{text}%").into());
        let n = params.len();
        conditions.push(format!("(title LIKE ?{n} OR customer LIKE ?{n})"));
    }
    (conditions.join(" AND "), params)
}

/// One page of open deals for `query` as of `today`.
pub fn pipeline_page(
    conn: &Connection,
    query: &ListQuery,
    today: NaiveDate,
) -> rusqlite::Result<ListPage> {
    let (filter, mut params) = conditions(query, today);
    let touch = query.view == Some(SavedView::Stale) || query.sort == SortColumn::LastTouch;
    let open = open_cte(touch);
    let total: i64 = conn
        .prepare_cached(&format!("{open} SELECT COUNT(*) FROM open WHERE {filter}"))?
        .query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
    let (sort, descending) = query.order();
    let direction = if descending { "DESC" } else { "ASC" };
    let order: Vec<String> = sort
        .sql()
        .split(", ")
        .map(|c| format!("{c} {direction}"))
        .collect();
    params.push((query.limit as i64).into());
    params.push((query.offset as i64).into());
    let n = params.len();
    let rows = conn
        .prepare_cached(&format!(
            "{open} SELECT p.id, p.title, p.customer, p.owner, p.stage, p.amount_cents,
                    p.expected_close_on, p.created_on, {PAGE_TOUCH}
             FROM (SELECT * FROM open WHERE {filter} ORDER BY {order}, id LIMIT ?{} OFFSET ?{n}) p
             ORDER BY {order}, p.id",
            n - 1,
            order = order.join(", "),
        ))?
        .query_map(rusqlite::params_from_iter(params.iter()), |r| {
            list_row(r, today)
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ListPage {
        total: total as usize,
        rows,
    })
}

/// One list row from the columns id, title, customer, owner, stage, amount, expected close,
/// created and last touch, in that order.
fn list_row(r: &rusqlite::Row<'_>, today: NaiveDate) -> rusqlite::Result<ListRow> {
    let created = r.get::<_, String>(7)?;
    Ok(ListRow {
        id: r.get(0)?,
        title: r.get(1)?,
        customer: r.get(2)?,
        owner: r.get(3)?,
        stage: r.get(4)?,
        amount: Money(r.get(5)?),
        expected_close_on: r.get::<_, Option<String>>(6)?.as_deref().and_then(date),
        age_days: date(&created).map(|c| (today - c).num_days()),
        last_touch: date(&r.get::<_, String>(8)?),
    })
}
