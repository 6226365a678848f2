//! The sales team: 12 reps in 3 regional teams, their hidden skill and diligence, and absences.

use rand::Rng as _;
use rand::seq::SliceRandom;
use rusqlite::{Transaction, params};

use super::Rng;
use super::calendar::{Calendar, Day};
use super::company_names::any;
use super::names::Lists;

/// Regions of reps and customers; team `i` covers region `i`.
pub(super) const REGIONS: [&str; 3] = ["North", "Central", "South"];
const TEAMS: [&str; 3] = ["Polaris", "Heartland", "Southern Cross"];
const REPS_PER_TEAM: usize = 4;
const REPS: usize = REPS_PER_TEAM * REGIONS.len();
/// Range of `max_open_tasks`.
const MIN_OPEN_TASKS: u32 = 12;
const MAX_OPEN_TASKS: u32 = 30;
/// Absences relative to `as_of` in days, first and last day: past, current, upcoming.
const ABSENCES: [(i32, i32); 3] = [(-60, -53), (-3, 4), (9, 18)];
/// Logit offsets on the win probability, one per rep, dealt out at random.
const SKILLS: [f64; 12] = [
    -0.55, -0.4, -0.25, -0.15, -0.05, 0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.6,
];
/// Multipliers on the activity rate, one per rep.
const DILIGENCE: [f64; 12] = [
    0.55, 0.65, 0.75, 0.85, 0.9, 1.0, 1.0, 1.1, 1.2, 1.3, 1.4, 1.55,
];
/// Open tasks a rep ends up with, as a share of `max_open_tasks` (above 1: overloaded).
const LOAD: [f64; 12] = [
    0.45, 0.55, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0, 1.15, 1.3, 1.45,
];

/// A rep as the generator sees it, hidden traits included.
pub(super) struct Rep {
    pub region: usize,
    pub skill: f64,
    pub diligence: f64,
    /// Most open tasks the rep should end up with.
    pub task_target: u32,
    pub active: bool,
}

/// All reps (row id = index + 1) and who took over from the one who left.
pub(super) struct Team {
    pub reps: Vec<Rep>,
    /// The rep who left (inactive), the day they left and the rep who took their accounts.
    pub departed: usize,
    pub departed_on: Day,
    pub successor: usize,
}

impl Team {
    /// Reps of `region`, by index.
    pub fn in_region(&self, region: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.reps.len()).filter(move |&r| self.reps[r].region == region)
    }

    /// The rep that works a deal ending on `end` that `rep` would have had: the successor when
    /// `rep` had left by then.
    pub fn on_duty(&self, rep: usize, end: Day) -> usize {
        if rep == self.departed && end >= self.departed_on {
            self.successor
        } else {
            rep
        }
    }
}

/// Writes the reps and their absences; returns the team.
pub(super) fn write_team(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    cal: &Calendar,
    lists: &Lists,
) -> Result<Team, rusqlite::Error> {
    let mut skills = SKILLS;
    let mut diligence = DILIGENCE;
    let mut load = LOAD;
    skills.shuffle(rng);
    diligence.shuffle(rng);
    load.shuffle(rng);
    // The last rep of the South left a few months ago; the one before took their accounts.
    let departed = REPS - 1;
    let mut names: Vec<String> = Vec::new();
    let mut reps = Vec::new();
    let mut insert = tx.prepare_cached(
        "INSERT INTO reps (id, name, email, team, region, max_open_tasks, active)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for i in 0..REPS {
        let (first, last) = loop {
            let (first, last) = (any(rng, &lists.first), any(rng, &lists.last));
            if !names.iter().any(|n| *n == format!("{first} {last}")) {
                break (first, last);
            }
        };
        names.push(format!("{first} {last}"));
        let region = i / REPS_PER_TEAM;
        let max_open = rng.random_range(MIN_OPEN_TASKS..=MAX_OPEN_TASKS);
        let email = format!("{}.{}@salesdesk.example", first, last).to_lowercase();
        insert.execute(params![
            i as i64 + 1,
            names[i],
            email,
            TEAMS[region],
            REGIONS[region],
            max_open,
            i != departed
        ])?;
        reps.push(Rep {
            region,
            skill: skills[i],
            diligence: diligence[i],
            task_target: (f64::from(max_open) * load[i]).round() as u32,
            active: i != departed,
        });
    }
    let team = Team {
        reps,
        departed,
        departed_on: cal.as_of - rng.random_range(120..=180),
        successor: departed - 1,
    };
    write_absences(tx, rng, cal, departed)?;
    Ok(team)
}

/// One past, one current and one upcoming absence, of three different active reps.
fn write_absences(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    cal: &Calendar,
    departed: usize,
) -> Result<(), rusqlite::Error> {
    let mut who: Vec<usize> = (0..REPS).filter(|&r| r != departed).collect();
    who.shuffle(rng);
    let mut insert =
        tx.prepare_cached("INSERT INTO rep_absences (rep_id, from_on, to_on) VALUES (?1, ?2, ?3)")?;
    for (rep, (from, to)) in who.iter().zip(ABSENCES) {
        // Absences start on a workday (a weekend start moves to the Monday after).
        let from = Calendar::workday(cal.as_of + from, cal.as_of + from);
        insert.execute(params![
            *rep as i64 + 1,
            cal.iso(from),
            cal.iso(cal.as_of + to)
        ])?;
    }
    Ok(())
}
