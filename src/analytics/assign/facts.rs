//! What the plan is computed from: open tasks, reps with their absences and win rates, a scope.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

/// One open task, with what its cost terms need and what the screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// Task id.
    pub id: i64,
    /// What to do.
    pub title: String,
    /// call, email, meeting, proposal, follow-up…
    pub kind: String,
    /// The customer's name, if the task has one.
    pub customer: Option<String>,
    /// The customer's region (for the region term).
    pub customer_region: Option<String>,
    /// The customer's owner rep (for the continuity term).
    pub owner_rep_id: Option<i64>,
    /// The deal's title, if the task has one.
    pub deal: Option<String>,
    /// The deal's id, if the task has one (its record opens from the task).
    pub deal_id: Option<i64>,
    /// The customer's id, if the task has one.
    pub customer_id: Option<i64>,
    /// The product family of the deal (for the skill term).
    pub family: Option<String>,
    /// The rep it is with now.
    pub rep_id: Option<i64>,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
    /// Estimated minutes of work.
    pub est_minutes: i64,
    /// 1 (most urgent) to 3.
    pub priority: i64,
    /// A pinned task stays with its rep.
    pub pinned: bool,
}

impl Task {
    /// A task known only by what scheduling needs (its rep, due day, minutes and priority): no
    /// title, customer, deal or pin.
    pub fn bare(
        id: i64,
        rep_id: Option<i64>,
        due_on: Option<NaiveDate>,
        est_minutes: i64,
        priority: i64,
    ) -> Task {
        Task {
            id,
            title: String::new(),
            kind: String::new(),
            customer: None,
            customer_region: None,
            owner_rep_id: None,
            deal: None,
            deal_id: None,
            customer_id: None,
            family: None,
            rep_id,
            due_on,
            est_minutes,
            priority,
            pinned: false,
        }
    }
}

/// One rep: capacity, availability and skill.
#[derive(Debug, Clone, PartialEq)]
pub struct Rep {
    /// Rep id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// Team name.
    pub team: String,
    /// Region (for the region term).
    pub region: String,
    /// The most open tasks the rep should hold.
    pub max_open_tasks: i64,
    /// False for a rep who left; they take nothing.
    pub active: bool,
    /// Days away, first and last day inclusive.
    pub absences: Vec<(NaiveDate, NaiveDate)>,
    /// Won / (won + lost) per product family, from closed deals.
    pub win_rates: BTreeMap<String, f64>,
}

impl Rep {
    /// True when the rep is away on `day`.
    pub fn absent_on(&self, day: NaiveDate) -> bool {
        self.absences
            .iter()
            .any(|&(from, to)| from <= day && day <= to)
    }

    /// Why the rep cannot take `task` as of `as_of`, if they cannot: inactive, or away on the
    /// task's due date (or today, for an overdue task, since the work happens now).
    pub fn unavailable_for(&self, task: &Task, as_of: NaiveDate) -> Option<String> {
        if !self.active {
            return Some(format!("{} is inactive", self.name));
        }
        let due = task.due_on.unwrap_or(as_of);
        [due, due.max(as_of)]
            .into_iter()
            .find(|&day| self.absent_on(day))
            .map(|day| format!("{} is absent on {day}", self.name))
    }

    /// True when the rep can do every one of `tasks` and has room for those they do not hold
    /// yet beside the `open` tasks they hold: what a picker may preselect.
    pub fn may_take(&self, tasks: &[&Task], open: i64, as_of: NaiveDate) -> bool {
        let new = tasks.iter().filter(|t| t.rep_id != Some(self.id)).count() as i64;
        tasks
            .iter()
            .all(|t| self.unavailable_for(t, as_of).is_none())
            && open + new <= self.max_open_tasks
    }
}

/// Which tasks the plan may move and which reps may take them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scope {
    /// Every open task, every rep.
    #[default]
    All,
    /// The tasks of one team's reps, among that team's reps.
    Team(String),
    /// One rep's tasks, among the reps of their team.
    Rep(String),
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::All => write!(f, "all"),
            Scope::Team(name) => write!(f, "team={name}"),
            Scope::Rep(name) => write!(f, "rep={name}"),
        }
    }
}

/// A scope that is not `all`, `team=NAME` or `rep=NAME`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a scope; use all, team=NAME or rep=NAME")]
pub struct ParseScopeError(pub String);

impl FromStr for Scope {
    type Err = ParseScopeError;

    fn from_str(s: &str) -> Result<Scope, ParseScopeError> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("all") {
            return Ok(Scope::All);
        }
        match s.split_once('=') {
            Some((key, name)) if !name.trim().is_empty() => {
                let name = name.trim().to_string();
                match key.trim().to_ascii_lowercase().as_str() {
                    "team" => Ok(Scope::Team(name)),
                    "rep" => Ok(Scope::Rep(name)),
                    _ => Err(ParseScopeError(s.into())),
                }
            }
            _ => Err(ParseScopeError(s.into())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
    }

    fn rep(max_open_tasks: i64, absences: Vec<(NaiveDate, NaiveDate)>) -> Rep {
        Rep {
            id: 7,
            name: "Ann".into(),
            team: "North".into(),
            region: "North".into(),
            max_open_tasks,
            active: true,
            absences,
            win_rates: BTreeMap::new(),
        }
    }

    fn task(rep_id: Option<i64>, due: u32) -> Task {
        Task {
            title: "Call".into(),
            kind: "call".into(),
            ..Task::bare(1, rep_id, Some(day(due)), 30, 2)
        }
    }

    #[test]
    fn a_rep_may_take_tasks_only_when_present_and_with_room() {
        let (mine, other) = (task(Some(7), 20), task(Some(3), 20));
        assert!(rep(2, vec![]).may_take(&[&other], 1, day(10)));
        assert!(!rep(2, vec![]).may_take(&[&other], 2, day(10)), "full");
        assert!(
            rep(2, vec![]).may_take(&[&mine], 2, day(10)),
            "holds it already"
        );
        let away = rep(9, vec![(day(19), day(21))]);
        assert!(
            !away.may_take(&[&other], 0, day(10)),
            "absent on the due date"
        );
        let mut gone = rep(9, vec![]);
        gone.active = false;
        assert!(!gone.may_take(&[&other], 0, day(10)));
    }

    #[test]
    fn scopes_parse_and_print() {
        assert_eq!("all".parse(), Ok(Scope::All));
        assert_eq!(
            "team=North team".parse(),
            Ok(Scope::Team("North team".into()))
        );
        assert_eq!("rep= Ann Lee".parse(), Ok(Scope::Rep("Ann Lee".into())));
        assert!("rep=".parse::<Scope>().is_err());
        assert!("region=North".parse::<Scope>().is_err());
        assert_eq!(Scope::Team("X".into()).to_string(), "team=X");
    }
}
