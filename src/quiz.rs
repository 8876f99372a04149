//! The quiz core: the questions, the path a visitor takes through them, the triage that
//! turns answers into exactly one [`Tier`], and the checks that keep the content safe.
//!
//! **Architecture invariant: this module knows nothing of the browser.** It uses only
//! `std` (and, on the host, the `toml` parser), never Yew, `web-sys`, `gloo`, `js-sys` or
//! `wasm-bindgen`, so that every path through the quiz is tested with plain
//! `cargo test` on the host. `tests/host/core_is_pure.rs` fails if that changes.
//! `build.rs` includes some of these files by path: they refer to each other as
//! `super::…`, never `crate::…`.
//!
//! Safety rules this module keeps (`clinical-safety.md` §1 and §4):
//! - every tier is reached through a named [`Rule`]; there is no default tier;
//! - every emergency item is asked before any urgent item, and an emergency answer ends
//!   the quiz at once;
//! - the highest tier any rule raised wins; nothing later can lower it.

pub mod clinic;
mod content;
mod flow;
mod model;
pub mod readability;
mod saved;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
mod triage;
pub mod validate;

pub use content::QUIZ;
pub use flow::{Answer, AnswerError, Answers, Progress, Step, Walk};
pub use model::{
    Choice, ChoiceId, Condition, Expectation, Guideline, Kind, Lang, Line, Perspective, Question,
    QuestionId, Quiz, Remark, Rule, Section, Source, Text, Tier, TierText, Words,
};
pub use saved::{Discarded, Saved, SavedStep, KEEP_FOR_MS};
pub use triage::{Given, Outcome, Reason, TriageError};
