//! The win probabilities the call uses: the win model's scores when the model is trusted, else
//! each deal's own probability or its stage's rate; and where they came from, in words.

use super::book::CommitBook;
use crate::analytics::scoring::Scored;

/// Puts the model's scores into `book` when the model beats a coin on held-out deals, and says
/// where the call's win probabilities come from.
pub fn with_win_model(book: &mut CommitBook, scored: &Scored) -> String {
    match &scored.model {
        Ok(m) if m.trusted() => {
            for d in &mut book.deals {
                if let Some(s) = scored.score_of(d.id) {
                    d.win_probability = Some(s.probability);
                }
            }
            let auc = m.holdout_metrics.as_ref().and_then(|h| h.auc);
            format!(
                "the win model (held-out AUC {})",
                auc.map_or("n/a".into(), |a| format!("{a:.3}"))
            )
        }
        Ok(_) => "stage rates (the win model is no better than a coin)".to_string(),
        Err(e) => format!("stage rates (no win model: {e})"),
    }
}
