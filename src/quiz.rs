//! The quiz core: the questions, the path a visitor takes through them, and the triage
//! that turns answers into exactly one [`Tier`].
//!
//! **Architecture invariant: this module knows nothing of the browser.** It uses only
//! `std` (and `serde` for data), never Yew, `web-sys`, `gloo`, `js-sys` or
//! `wasm-bindgen`, so that every path through the quiz is tested with plain
//! `cargo test` on the host. `tests/core_is_pure.rs` fails if that changes.
//!
//! Safety rules this module keeps (`clinical-safety.md` §1 and §4):
//! - every tier is reached through a named [`Rule`]; there is no default tier;
//! - an emergency answer ends the quiz at once;
//! - the highest tier any answer raised wins; nothing later can lower it.

mod content;
mod flow;
mod model;
mod triage;

pub use content::QUIZ;
pub use flow::{Answers, Step};
pub use model::{Choice, ChoiceId, Question, QuestionId, Quiz, Rule, Tier};
pub use triage::{Outcome, TriageError};
