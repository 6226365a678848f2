//! The stand-in for a screen not built yet: it says plainly what will be there.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::screen::Screen;

/// Draws the placeholder of `screen` into `area`.
pub fn draw(app: &App, screen: Screen, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", screen.title()), theme.accent))
        .border_style(theme.border);
    let inner = block.inner(area).inner(Margin::new(2, 1));
    frame.render_widget(block, area);
    let lines = vec![
        Line::from(Span::styled(
            format!("{} is not built yet.", screen.title()),
            theme.header,
        )),
        Line::default(),
        Line::from(coming(screen)),
        Line::default(),
        Line::from(Span::styled(
            format!(
                "Press {} for Customers, ? for all keys.",
                Screen::Customers.digit()
            ),
            theme.muted,
        )),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

fn coming(screen: Screen) -> &'static str {
    match screen {
        Screen::Pipeline => {
            "A board of stage columns, Lead to Negotiation, with counts, sums and weighted sums. \
             Move deals with > and <, mark them Won or Lost, edit amounts and close dates, and \
             read win rate, cycle length, velocity and stage conversion on a KPI strip."
        }
        Screen::Customers => {
            "All customers, searchable, sortable and filterable, with their detail."
        }
        Screen::Tiers => {
            "ABC tiers by customer value V = R × P × L and RFM segments as charts, with a drill \
             into each tier's customers."
        }
        Screen::Forecast => {
            "Monthly bookings with a least-squares trend and seasonality, 80% and 95% prediction \
             bands, a backtest against a seasonal-naive baseline, and the weighted open pipeline; \
             for the total, a rep, a product or a team."
        }
        Screen::Tasks => {
            "Open tasks by rep with load bars. Reassign one or many by keyboard, or press o for \
             the optimal assignment plan (exact, not greedy) and accept it as one undoable change."
        }
        Screen::Channels => {
            "Each marketing channel's spend-to-revenue curve fitted from its monthly history, and \
             the split of a budget you type that maximises predicted revenue."
        }
    }
}
