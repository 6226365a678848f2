//! Win-probability rows without hindsight. A closed deal's last open stage tells how it ended
//! (in the demo book every win closes from Negotiation), so a model trained on "the stage
//! reached" learns the outcome and open deals elsewhere score near 0%. Instead each closed deal
//! gives one row per open stage it passed through, with its features as they stood while it was
//! at that stage, and an open deal is one row at its stage today: both ask "at stage s now,
//! does it win?".

/// How many open stage codes there can be: a stage's code is its index among every pipeline's
/// open stages (0 = the first pipeline's first stage), one byte.
pub const STAGE_CODES: usize = 256;

/// One deal's life as the win model needs it, days counted from the epoch.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DealHistory {
    /// The day it was created.
    pub created: i64,
    /// Its stays at open stages in time order: (stage code, first day there). The first is the
    /// stage it was created at.
    pub stays: Vec<(u8, i64)>,
    /// The day it was Won or Lost; `None` while open.
    pub closed: Option<i64>,
    /// The days of its activities, sorted.
    pub activities: Vec<i64>,
}

/// A deal as it stood at one moment: what one row of the win model is made of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Snapshot {
    /// The open stage code (its index among every pipeline's open stages).
    pub stage: u8,
    /// Days from creation to the moment.
    pub cycle_days: f64,
    /// Activities logged up to the moment.
    pub activities: u32,
}

impl DealHistory {
    fn at(&self, stage: u8, moment: f64) -> Snapshot {
        Snapshot {
            stage,
            cycle_days: moment - self.created as f64,
            activities: self.activities.partition_point(|&d| d as f64 <= moment) as u32,
        }
    }
}

/// The training rows of a closed deal: one per distinct open stage it stayed at, seen halfway
/// through its first stay there. (An open deal is seen at a moment that falls anywhere in its
/// current stay, halfway on average.) A closed deal with no open stay on record, such as an
/// imported one, counts as a Lead for its whole life. An open deal gives none.
pub fn training_snapshots(h: &DealHistory) -> Vec<Snapshot> {
    let Some(closed) = h.closed else {
        return Vec::new();
    };
    if h.stays.is_empty() {
        return vec![h.at(0, (h.created + closed) as f64 / 2.0)];
    }
    let mut seen = [false; STAGE_CODES];
    let mut rows = Vec::new();
    for (i, &(stage, from)) in h.stays.iter().enumerate() {
        let to = h
            .stays
            .get(i + 1)
            .map_or(closed, |&(_, next)| next)
            .min(closed);
        let Some(first) = seen.get_mut(usize::from(stage)) else {
            continue;
        };
        if !*first && from <= closed {
            *first = true;
            rows.push(h.at(stage, (from + to) as f64 / 2.0));
        }
    }
    rows
}

/// The row of an open deal at `stage` on the day `as_of`.
pub fn current_snapshot(h: &DealHistory, stage: u8, as_of: i64) -> Snapshot {
    h.at(stage, as_of as f64)
}

/// Whether the row of `deal` at `stage` is in a uniform sample of `share` of all rows. The
/// draw is a hash of the pair, so the same book always gives the same sample; a share of 1 or
/// more keeps every row.
pub fn keep_row(deal: i64, stage: u8, share: f64) -> bool {
    if share >= 1.0 {
        return true;
    }
    let mut z = (deal as u64)
        .wrapping_mul(STAGE_CODES as u64)
        .wrapping_add(u64::from(stage))
        .wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    ((z >> 11) as f64 / (1u64 << 53) as f64) < share
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(stage: u8, cycle_days: f64, activities: u32) -> Snapshot {
        Snapshot {
            stage,
            cycle_days,
            activities,
        }
    }

    #[test]
    fn a_won_deal_gives_a_row_per_stage_halfway_through_each_stay() {
        let won = DealHistory {
            created: 100,
            stays: vec![(0, 100), (1, 110), (2, 120), (3, 140)],
            closed: Some(160),
            activities: vec![101, 105, 118, 130, 150, 159],
        };
        assert_eq!(
            training_snapshots(&won),
            vec![
                snap(0, 5.0, 2),
                snap(1, 15.0, 2),
                snap(2, 30.0, 4),
                snap(3, 50.0, 5),
            ]
        );
    }

    #[test]
    fn a_deal_lost_early_gives_rows_only_for_the_stages_it_reached() {
        let lost = DealHistory {
            created: 0,
            stays: vec![(0, 0), (1, 9)],
            closed: Some(20),
            activities: vec![3, 15],
        };
        assert_eq!(
            training_snapshots(&lost),
            vec![snap(0, 4.5, 1), snap(1, 14.5, 1)]
        );
    }

    #[test]
    fn a_stage_visited_twice_counts_once_and_a_deal_without_stays_is_a_lead() {
        let back_and_forth = DealHistory {
            created: 0,
            stays: vec![(0, 0), (2, 10), (1, 20), (2, 30)],
            closed: Some(40),
            activities: vec![],
        };
        let stages: Vec<u8> = training_snapshots(&back_and_forth)
            .iter()
            .map(|s| s.stage)
            .collect();
        assert_eq!(stages, vec![0, 2, 1]);
        let imported = DealHistory {
            created: 10,
            stays: vec![],
            closed: Some(30),
            activities: vec![12],
        };
        assert_eq!(training_snapshots(&imported), vec![snap(0, 10.0, 1)]);
    }

    #[test]
    fn an_open_deal_is_seen_today_and_gives_no_training_row() {
        let open = DealHistory {
            created: 50,
            stays: vec![(0, 50), (1, 60)],
            closed: None,
            activities: vec![55, 70, 95],
        };
        assert!(training_snapshots(&open).is_empty());
        assert_eq!(current_snapshot(&open, 1, 90), snap(1, 40.0, 2));
    }

    #[test]
    fn the_sample_keeps_about_its_share_and_always_the_same_rows() {
        let kept = (0..100_000).filter(|&d| keep_row(d, 2, 0.3)).count();
        assert!((29_000..31_000).contains(&kept), "{kept}");
        assert_eq!(keep_row(12_345, 1, 0.5), keep_row(12_345, 1, 0.5));
        assert!((0..1000).all(|d| keep_row(d, 0, 1.0)));
    }

    #[test]
    fn stages_of_a_second_pipeline_give_rows_too() {
        let h = DealHistory {
            created: 0,
            stays: vec![(5, 0), (6, 10)],
            closed: Some(30),
            activities: vec![],
        };
        let stages: Vec<u8> = training_snapshots(&h).iter().map(|s| s.stage).collect();
        assert_eq!(
            stages,
            [5, 6],
            "codes past the first pipeline's four are kept"
        );
    }
}
