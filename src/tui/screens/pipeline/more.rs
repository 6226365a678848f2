//! The board past its first page: when the cursor comes near the last loaded card of a column
//! that has more deals than loaded, the next page of that column is asked for and appended.

use crate::db::board::Card;
use crate::tui::effects::Effects;
use crate::tui::screens::pipeline::PipelineState;
use crate::worker::{Job, MoreCards};

/// How near the last loaded card the cursor comes before the next page is asked for.
const AHEAD: usize = 20;

/// The true count of a column's deals, when counted.
fn column_total(pipeline: &PipelineState, column: usize) -> Option<usize> {
    let totals = pipeline.totals.as_ref()?;
    let count = match pipeline.column_stage(column) {
        None => totals.won.count + totals.lost.count,
        Some(_) => pipeline.stage_totals(column)?.count,
    };
    usize::try_from(count).ok()
}

/// Asks for the focused column's next page when its cursor nears the last loaded card.
pub fn load_ahead(pipeline: &mut PipelineState) -> Effects {
    let mut effects = Effects::none();
    let column = pipeline.column;
    let loaded = pipeline.column_cards(column).len();
    let Some(total) = column_total(pipeline, column) else {
        return effects;
    };
    let near_end = pipeline.selected.get(column).copied().unwrap_or(0) + AHEAD >= loaded;
    if loaded >= total || !near_end || pipeline.more_asked == Some((column, loaded)) {
        return effects;
    }
    pipeline.more_asked = Some((column, loaded));
    effects.request(Job::BoardMore {
        filter: pipeline.filter.clone(),
        sort: pipeline.sort,
        period: pipeline.period,
        stage: pipeline.column_stage(column),
        offset: loaded,
    });
    effects
}

/// A further page arrived: appended to its column when the column still ends where it began.
/// Only a page that adds cards lets the column ask again, so a page that brings nothing new (the
/// count was taken before a change, or the cards are already shown) is never asked for twice.
pub fn take_more(pipeline: &mut PipelineState, more: MoreCards) {
    let cards: &mut Vec<Card> = match more.stage.and_then(|s| s.open_index()) {
        None => &mut pipeline.cards.closed,
        Some(i) => match pipeline.cards.open.get_mut(i) {
            Some(cards) => cards,
            None => return,
        },
    };
    if cards.len() != more.offset {
        return;
    }
    let before = cards.len();
    let known: std::collections::HashSet<i64> = cards.iter().map(|c| c.id).collect();
    cards.extend(more.cards.into_iter().filter(|c| !known.contains(&c.id)));
    if cards.len() > before {
        pipeline.more_asked = None;
    }
}
