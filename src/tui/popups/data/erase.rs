//! `:erase contact ID` and `:erase customer ID`: the first asks for confirmation (an erase cannot
//! be undone), the same line ending in `yes` erases.

use crate::tui::app::Message;
use crate::tui::effects::Effects;
use crate::worker::{Job, RecordWrite};

/// What `:erase REST` does: a usage line, the question, or the erase queued as a write.
pub fn run_line(rest: &str, today: chrono::NaiveDate) -> Effects {
    let mut effects = Effects::none();
    let words: Vec<&str> = rest.split_whitespace().collect();
    let (what, id, confirmed) = match words.as_slice() {
        [what, id] => (*what, id.parse::<i64>().ok(), false),
        [what, id, "yes"] => (*what, id.parse::<i64>().ok(), true),
        _ => ("", None, false),
    };
    let (write, words) = match (what, id) {
        ("contact", Some(id)) => (
            RecordWrite::EraseContact { contact_id: id },
            format!("contact {id}'s name, email and phone"),
        ),
        ("customer", Some(id)) => (
            RecordWrite::EraseCustomer { customer_id: id },
            format!("customer {id}'s name, notes, contacts and activity text"),
        ),
        _ => {
            effects.say(Message::error(
                "use :erase contact ID or :erase customer ID",
            ));
            return effects;
        }
    };
    if confirmed {
        effects.write(Job::RecordWrite { write, today }, "erasing…");
    } else {
        effects.say(Message::info(format!(
            "Erasing {words} cannot be undone; to erase, run :erase {what} {} yes",
            id.unwrap_or_default()
        )));
    }
    effects
}
