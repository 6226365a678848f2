//! The filter editor that the board, the customers screen and the tasks screen open over their
//! lists; each screen draws its own fields, and the keys are declared here once.

pub mod keys;
pub mod view;
