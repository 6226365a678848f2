//! State of the pipeline board: columns of cards, totals, selection, filters, and the popups that
//! act on a deal. A saved change updates only the affected card and its columns' totals.

pub mod category;
mod columns;
pub mod deal_score;
pub mod filter;
pub mod keys;
pub mod kpi_strip;
pub mod list;
pub mod more;
pub mod popups;
pub mod quota;
mod reload;
pub mod scope;
pub mod update;
pub mod view;

use chrono::NaiveDate;

use crate::analytics::pipeline::PeriodKind;
use crate::db::board::{
    BoardCards, BoardChoices, BoardFilter, BoardTotals, Card, CardSort, Totals, weighted_amount,
};
use crate::domain::{DealChange, Pipelines, Quarter, Stage};
use crate::tui::keymap::binding::Context;
use crate::tui::popups::deal_form::DealForm;
use crate::tui::popups::lost_reason::LostPicker;
use crate::tui::popups::stages::StageEditor;
use crate::worker::BoardKpis;

/// A field of the board's filter editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardFilterField {
    /// The rep.
    Rep,
    /// The rep's team.
    Team,
    /// The product.
    Product,
    /// The expected-close quarter.
    CloseQuarter,
}

impl BoardFilterField {
    /// Fields in editor order.
    pub const ALL: [BoardFilterField; 4] = [
        BoardFilterField::Rep,
        BoardFilterField::Team,
        BoardFilterField::Product,
        BoardFilterField::CloseQuarter,
    ];

    /// The label.
    pub fn title(self) -> &'static str {
        match self {
            BoardFilterField::Rep => "Rep",
            BoardFilterField::Team => "Team",
            BoardFilterField::Product => "Product",
            BoardFilterField::CloseQuarter => "Closes in",
        }
    }
}

/// A change waiting for the manager's yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    /// The deal.
    pub deal_id: i64,
    /// What will happen.
    pub change: DealChange,
    /// The question shown.
    pub question: String,
}

/// Everything the board shows and remembers.
#[derive(Debug, Clone, PartialEq)]
pub struct PipelineState {
    /// Cards per column.
    pub cards: BoardCards,
    /// Column totals; `None` until the worker has counted them.
    pub totals: Option<BoardTotals>,
    /// The book's pipelines and stages.
    pub catalogue: Pipelines,
    /// The board's columns before Won/Lost: the open stages of the pipeline shown (of every
    /// pipeline when the filter takes them all).
    pub stages: Vec<Stage>,
    /// Filter choices.
    pub choices: BoardChoices,
    /// Current filter.
    pub filter: BoardFilter,
    /// Card order.
    pub sort: CardSort,
    /// Which period the Won/Lost column and the KPIs cover.
    pub period_kind: PeriodKind,
    /// That period's first and last day.
    pub period: (NaiveDate, NaiveDate),
    /// The period's KPIs; `None` until the worker has computed them.
    pub kpis: Option<BoardKpis>,
    /// True while the quota pane is shown.
    pub show_quota: bool,
    /// The first team or rep row the quota pane shows.
    pub quota_scroll: usize,
    /// The column with the cursor.
    pub column: usize,
    /// Selected card per column.
    pub selected: Vec<usize>,
    /// First visible card per column.
    pub offset: Vec<usize>,
    /// The filter field being edited, while the editor is open.
    pub filter_editor: Option<BoardFilterField>,
    /// The edit form, while open.
    pub form: Option<DealForm>,
    /// The lost-reason picker, while open.
    pub lost_picker: Option<LostPicker>,
    /// A change waiting for confirmation.
    pub confirm: Option<Confirm>,
    /// The stage editor, while open.
    pub stage_editor: Option<StageEditor>,
    /// The list view of the open deals, and whether it shows instead of the board.
    pub list: list::DealList,
    /// The board column and card count of a further page of cards asked for.
    pub more_asked: Option<(usize, usize)>,
}

impl PipelineState {
    /// The key-map contexts that apply on the board now, most specific first: an open popup's,
    /// or the board's and the global ones.
    pub fn contexts(&self) -> Vec<Context> {
        match () {
            _ if self.confirm.is_some() => vec![Context::Confirm],
            _ if self
                .stage_editor
                .as_ref()
                .is_some_and(StageEditor::is_typing) =>
            {
                vec![Context::Search]
            }
            _ if self.stage_editor.is_some() => vec![Context::Stages],
            _ if self.form.is_some() => vec![Context::DealForm],
            _ if self.lost_picker.as_ref().is_some_and(LostPicker::is_typing) => {
                vec![Context::Search]
            }
            _ if self.lost_picker.is_some() => vec![Context::LostReason],
            _ if self.filter_editor.is_some() => vec![Context::Filter],
            _ if self.list.bulk.is_some() => vec![Context::Bulk],
            _ if self.list.shown => vec![Context::DealList, Context::Global],
            _ => vec![Context::Pipeline, Context::Global],
        }
    }

    /// A board over freshly loaded cards.
    pub fn new(
        cards: BoardCards,
        catalogue: Pipelines,
        choices: BoardChoices,
        as_of: NaiveDate,
        period_kind: PeriodKind,
    ) -> PipelineState {
        let period = period_kind.period(as_of);
        let first = catalogue.first_id();
        let mut state = PipelineState {
            cards,
            totals: None,
            catalogue,
            stages: Vec::new(),
            choices,
            filter: BoardFilter::default(),
            sort: CardSort::Amount,
            period_kind,
            period: (period.from, period.to),
            kpis: None,
            show_quota: false,
            quota_scroll: 0,
            column: 0,
            selected: Vec::new(),
            offset: Vec::new(),
            filter_editor: None,
            form: None,
            lost_picker: None,
            confirm: None,
            stage_editor: None,
            list: list::DealList::default(),
            more_asked: None,
        };
        state.set_scope(Some(first));
        state
    }

    /// The card under the cursor.
    pub fn selected_card(&self) -> Option<&Card> {
        self.column_cards(self.column)
            .get(self.selected.get(self.column).copied().unwrap_or(0))
    }

    /// Replaces all cards (after a reload), keeping the cursor where it can stay.
    pub fn replace_cards(&mut self, cards: BoardCards) {
        if cards.catalogue != self.catalogue {
            self.set_catalogue(cards.catalogue.clone());
        }
        self.cards = cards;
        for column in 0..self.column_count() {
            let len = self.column_cards(column).len();
            if let Some(s) = self.selected.get_mut(column) {
                *s = (*s).min(len.saturating_sub(1));
            }
        }
    }

    /// Moves the cursor to another column.
    pub fn move_column(&mut self, delta: isize) {
        self.column = self
            .column
            .saturating_add_signed(delta)
            .min(self.column_count() - 1);
    }

    /// Moves the cursor within the column.
    pub fn move_card(&mut self, delta: isize) {
        let len = self.column_cards(self.column).len();
        if let Some(s) = self.selected.get_mut(self.column) {
            *s = s.saturating_add_signed(delta).min(len.saturating_sub(1));
        }
    }

    /// Keeps each column's cursor inside its visible window of `rows` cards.
    pub fn scroll_into_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        for (sel, off) in self.selected.iter().zip(self.offset.iter_mut()) {
            let sel = *sel;
            if sel < *off {
                *off = sel;
            } else if sel >= *off + rows {
                *off = sel + 1 - rows;
            }
        }
    }

    /// The stage default probability of `stage`, basis points.
    pub fn default_probability(&self, stage: Stage) -> i64 {
        i64::from(self.catalogue.probability_bp(stage))
    }

    /// The probability a card counts with: its own, or its stage's.
    pub fn probability(&self, card: &Card) -> i64 {
        card.probability_bp
            .unwrap_or_else(|| self.default_probability(card.stage))
    }

    /// True when the card has had no stage change and no activity for its stage's stale days.
    pub fn is_stale(&self, card: &Card, as_of: NaiveDate) -> bool {
        self.catalogue
            .stale_days(card.stage)
            .is_some_and(|days| (as_of - card.last_touch).num_days() > i64::from(days))
    }

    /// True when the card passes the current filter.
    pub fn admits(&self, card: &Card) -> bool {
        let f = &self.filter;
        if f.pipeline_id.is_some_and(|p| p != card.pipeline_id) {
            return false;
        }
        let team_of = |rep: Option<i64>| {
            rep.and_then(|r| self.choices.reps.iter().find(|(id, _, _)| *id == r))
                .map(|(_, _, team)| team.as_str())
        };
        f.rep_id.is_none_or(|r| card.rep_id == Some(r))
            && f.product_id.is_none_or(|p| card.product_id == Some(p))
            && f.team
                .as_deref()
                .is_none_or(|t| team_of(card.rep_id) == Some(t))
            && f.close_quarter.is_none_or(|q| {
                card.expected_close_on
                    .is_some_and(|d| Quarter::containing(d) == q)
            })
    }

    /// Applies a saved change: the card leaves its old column and enters its new one, and only
    /// those columns' totals move. `before` and `after` are the deal as it was and as it is.
    pub fn apply_change(&mut self, before: Option<&Card>, after: Option<&Card>) {
        let deal_id = before.or(after).map(|c| c.id);
        if let Some(old) = before {
            self.account(old, -1);
        }
        for column in 0..self.column_count() {
            if let Some(cards) = self.column_cards_mut(column) {
                cards.retain(|c| Some(c.id) != deal_id);
            }
        }
        if let Some(new) = after {
            self.account(new, 1);
            if let Some(column) = self.column_of(new) {
                let (sort, closed) = (self.sort, column == self.closed_column());
                if let Some(cards) = self.column_cards_mut(column) {
                    let at = cards.partition_point(|c| goes_before(c, new, closed, sort));
                    cards.insert(at, new.clone());
                }
            }
        }
        let cards = std::mem::take(&mut self.cards);
        self.replace_cards(cards);
        if let Some(new) = after
            && let Some(column) = self.column_of(new)
            && let Some(position) = self
                .column_cards(column)
                .iter()
                .position(|c| c.id == new.id)
            && let Some(selected) = self.selected.get_mut(column)
        {
            *selected = position;
            self.column = column;
        }
    }

    /// The column a card belongs in under the current filter and period, if any.
    fn column_of(&self, card: &Card) -> Option<usize> {
        if !self.admits(card) {
            return None;
        }
        match card.closed_on {
            Some(closed) => {
                (closed >= self.period.0 && closed <= self.period.1).then(|| self.closed_column())
            }
            None => self.stage_column(card.stage),
        }
    }

    /// Adds (`sign` 1) or removes (`sign` −1) a card's share of the totals.
    fn account(&mut self, card: &Card, sign: i64) {
        let Some(column) = self.column_of(card) else {
            return;
        };
        let weighted = weighted_amount(card.amount, self.probability(card));
        let closed = column == self.closed_column();
        let Some(totals) = self.totals.as_mut() else {
            return;
        };
        let slot: &mut Totals = match (closed, card.stage) {
            (true, Stage::Won) => &mut totals.won,
            (true, _) => &mut totals.lost,
            (false, stage) => match stage.open_index().and_then(|i| totals.open.get_mut(i)) {
                Some(slot) => slot,
                None => return,
            },
        };
        slot.count += sign;
        slot.sum = crate::domain::Money(slot.sum.cents() + sign * card.amount.cents());
        if !closed {
            slot.weighted = crate::domain::Money(slot.weighted.cents() + sign * weighted.cents());
        } else if card.stage == Stage::Won {
            slot.weighted = slot.sum;
        }
    }
}

/// True when `a` sorts before `b` in a column (`closed`: the Won/Lost one) under `sort` (ties by
/// id, as the queries order).
fn goes_before(a: &Card, b: &Card, closed: bool, sort: CardSort) -> bool {
    if closed {
        return (b.closed_on, b.id) < (a.closed_on, a.id);
    }
    match sort {
        CardSort::Amount => {
            (std::cmp::Reverse(a.amount), a.id) < (std::cmp::Reverse(b.amount), b.id)
        }
        CardSort::CloseDate => {
            let key = |c: &Card| (c.expected_close_on.is_none(), c.expected_close_on, c.id);
            key(a) < key(b)
        }
    }
}
