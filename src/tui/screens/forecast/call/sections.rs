//! The call view's words: the headline, the group table's rows, the movers, the waterfall and
//! the track record, each as plain text the view lays out.

use crate::analytics::commit::{GroupCall, Mover, PastCall, Scope, Step, Waterfall};
use crate::domain::Money;
use crate::worker::CallSheet;

/// A probability as whole percent; a probability that rounds to 0% or 100% without being
/// certain reads "<1%" or ">99%", never a certainty the model does not have.
pub fn percent(p: f64) -> String {
    match p {
        p if p <= 0.0 => "0%".into(),
        p if p >= 1.0 => "100%".into(),
        p if p < 0.005 => "<1%".into(),
        p if p >= 0.995 => ">99%".into(),
        p => format!("{:.0}%", p * 100.0),
    }
}

fn money(cents: i64) -> String {
    Money(cents).compact()
}

/// The headline's pieces, packed into lines by the view: the spread, the roll-ups, the quota and
/// its odds, and how sure the call is.
pub fn headline(sheet: &CallSheet) -> Vec<String> {
    let t = &sheet.call.total;
    let s = &t.spread;
    let mut out = vec![
        format!(
            "P10 {} · P50 {} · P90 {} ({}, grid ±{})",
            s.p10.compact(),
            s.p50.compact(),
            s.p90.compact(),
            sheet.call.band.short(),
            s.error.compact()
        ),
        quota_words(t),
        format!(
            "Closed {} · Commit {} · Best case {}",
            t.closed.compact(),
            t.commit.compact(),
            t.best_case.compact()
        ),
        expected_words(t),
        format!("win odds from {}", sheet.win_probabilities),
        format!("call {}", sheet.stored),
    ];
    out.retain(|p| !p.is_empty());
    out
}

/// The open deals expected in the quarter, and the new business the spread includes.
fn expected_words(g: &GroupCall) -> String {
    let open = format!(
        "in the quarter: {} open deals ({})",
        g.open_deals,
        g.open.compact()
    );
    if g.new_business.cents() > 0 {
        format!("{open} + {} not opened yet", g.new_business.compact())
    } else {
        open
    }
}

fn quota_words(g: &GroupCall) -> String {
    match (g.quota, g.p_hit, g.p_hit_bounds) {
        (Some(q), Some(p), Some((lo, hi))) if percent(lo) != percent(hi) => format!(
            "Quota {} · P(hit) {} ({}–{})",
            q.compact(),
            percent(p),
            percent(lo),
            percent(hi)
        ),
        (Some(q), Some(p), _) => format!("Quota {} · P(hit) {}", q.compact(), percent(p)),
        _ => "No quota for the quarter: no P(hit)".to_string(),
    }
}

/// Which columns the group table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// Name, Commit, P10, P50, P90, quota, P(hit).
    Narrow,
    /// Every column.
    Wide,
}

impl Width {
    /// The widest that fits `cells`.
    pub fn fitting(cells: u16) -> Width {
        if cells >= 96 {
            Width::Wide
        } else {
            Width::Narrow
        }
    }

    /// The column headings.
    pub fn header(self) -> Vec<&'static str> {
        match self {
            Width::Narrow => vec!["", "Commit", "P10", "P50", "P90", "Quota", "P(hit)"],
            Width::Wide => vec![
                "", "Closed", "Commit", "Best", "P10", "P50", "P90", "Quota", "P(hit)", "Deals",
            ],
        }
    }

    /// The cells of one group's row.
    pub fn cells(self, g: &GroupCall) -> Vec<String> {
        let name = match g.scope {
            Scope::Total => "Total".to_string(),
            Scope::Team => format!("{} team", g.name),
            Scope::Rep => format!("  {}", g.name),
        };
        let quota = g.quota.map_or("none".to_string(), Money::compact);
        let p_hit = g.p_hit.map_or("no quota".to_string(), percent);
        let s = &g.spread;
        match self {
            Width::Narrow => vec![
                name,
                g.commit.compact(),
                s.p10.compact(),
                s.p50.compact(),
                s.p90.compact(),
                quota,
                p_hit,
            ],
            Width::Wide => vec![
                name,
                g.closed.compact(),
                g.commit.compact(),
                g.best_case.compact(),
                s.p10.compact(),
                s.p50.compact(),
                s.p90.compact(),
                quota,
                p_hit,
                g.open_deals.to_string(),
            ],
        }
    }
}

/// Every group in table order: the total, the teams, then the reps.
pub fn groups(sheet: &CallSheet) -> Vec<&GroupCall> {
    let c = &sheet.call;
    std::iter::once(&c.total)
        .chain(&c.teams)
        .chain(&c.reps)
        .collect()
}

/// One mover as a line of at most `width` cells: its title (cut to fit), amount, chance to land,
/// and P(hit) if won and if not.
pub fn mover_line(m: &Mover, title: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let tail = if width >= 90 {
        format!(
            " · {} · lands {} · P(hit) {} if won, {} if not",
            m.amount.compact(),
            percent(m.land),
            percent(m.p_hit_if_won),
            percent(m.p_hit_if_not)
        )
    } else {
        format!(
            " {} won→{} lost→{}",
            m.amount.compact(),
            percent(m.p_hit_if_won),
            percent(m.p_hit_if_not)
        )
    };
    let room = width.saturating_sub(unicode_width::UnicodeWidthStr::width(tail.as_str()));
    let mut cut = String::new();
    let mut used = 0;
    for c in title.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > room {
            cut.push('…');
            return format!("{cut}{tail}");
        }
        used += w;
        cut.push(c);
    }
    format!("{cut}{tail}")
}

fn step(what: &str, s: Step) -> String {
    format!("{what} {} ({})", money(s.cents), s.deals)
}

/// The waterfall's pieces, packed into lines by the view: the start, what came in, what left,
/// the end.
pub fn waterfall_pieces(w: &Waterfall) -> Vec<String> {
    vec![
        format!("{} in {} deals then", money(w.start.cents), w.start.deals),
        step("+new", w.new),
        step("+slipped in", w.slipped_in),
        step("±amounts", w.amount_changes),
        step("−won", w.won),
        step("−lost", w.lost),
        step("−slipped out", w.slipped_out),
        step("=now", w.end),
    ]
}

/// One past period's last call against what closed, in pieces the view packs; `range` adds
/// the band's edges.
pub fn track_pieces(p: &PastCall, range: bool) -> Vec<String> {
    let band = if p.inside_band { "inside" } else { "outside" };
    let quota = match p.hit {
        Some(true) => ", quota hit",
        Some(false) => ", quota missed",
        None => "",
    };
    let edges = if range {
        format!(" ({}–{})", money(p.last.p10_cents), money(p.last.p90_cents))
    } else {
        String::new()
    };
    vec![
        format!(
            "{} called {}, closed {}",
            p.period,
            money(p.last.p50_cents),
            money(p.actual_cents)
        ),
        format!("{band} the 80% band{edges}{quota}"),
    ]
}

/// Packs `pieces` into lines of at most `width` cells, joined by ` · `; a piece wider than the
/// line gets a line of its own (the view cuts it).
pub fn pack(pieces: &[String], width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut lines: Vec<String> = Vec::new();
    for p in pieces {
        match lines.last_mut() {
            Some(line) if line.width() + 3 + p.width() <= width => {
                line.push_str(" · ");
                line.push_str(p);
            }
            _ => lines.push(p.clone()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_never_rounds_to_a_certainty() {
        assert_eq!(percent(0.9996), ">99%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(0.001), "<1%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(0.174), "17%");
    }

    #[test]
    fn pieces_pack_into_lines_that_fit() {
        let pieces: Vec<String> = ["aaaa", "bbbb", "cccc"].map(String::from).to_vec();
        assert_eq!(pack(&pieces, 11), vec!["aaaa · bbbb", "cccc"]);
        assert_eq!(pack(&pieces, 100), vec!["aaaa · bbbb · cccc"]);
        assert_eq!(pack(&pieces, 2), vec!["aaaa", "bbbb", "cccc"]);
    }

    #[test]
    fn the_table_drops_columns_when_narrow() {
        assert_eq!(Width::fitting(78), Width::Narrow);
        assert_eq!(Width::fitting(196), Width::Wide);
        assert!(Width::Narrow.header().len() < Width::Wide.header().len());
    }
}
