//! Plain domain types shared by storage, analytics and the screens.

mod money;
mod stage;

pub use money::{Money, group_thousands};
pub use stage::{ParseStageError, Stage};
