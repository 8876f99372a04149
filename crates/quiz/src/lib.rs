//! The quiz core: the questions, the path a visitor takes through them, the triage that
//! turns answers into exactly one [`Tier`], and the checks that keep the content safe.
//!
//! **Architecture invariant: this crate knows nothing of the browser.** It depends on
//! `std` only (and, with the `content-tools` feature, the `toml` parser), never on Yew,
//! `web-sys`, `gloo`, `js-sys` or `wasm-bindgen`, so that every path through the quiz is
//! tested with `cargo test -p quiz`, without compiling Yew. `tests/core/pure.rs` checks it
//! from `Cargo.lock` and the members' manifests, for every platform.
//!
//! What runs in the browser, re-exported here: the model (`Quiz`, `Question`, `Rule`,
//! `Text`, …), the flow (`Answers`, `Quiz::walk`, `next`, `progress`), the triage
//! (`Quiz::outcome`), saved progress (`Saved`) and the clinic's types (`Clinic`); and the
//! one visit of every text a visitor can be shown, each with its place (`every_text`,
//! `Quiz::texts`, `Clinic::texts`), which the validator, the emitter and the review
//! packet share.
//! What runs on the build machine only (feature `content-tools`, on by default; the app
//! turns it off):
//! [`source`] reads the content files, [`validate`] checks them and walks every path,
//! [`emit`] writes them as `static` Rust for the app's `build.rs`.
//!
//! Safety rules this crate keeps (ARCHITECTURE.md, "The safety rules, in our words"):
//! - every tier is reached through a named [`Rule`]; there is no default tier;
//! - every emergency item is asked before any urgent item, and an emergency answer ends
//!   the quiz at once;
//! - the highest tier any rule raised wins; nothing later can lower it.

mod clinic;
#[cfg(feature = "content-tools")]
pub mod emit;
mod flow;
mod model;
pub mod pack;
mod saved;
#[cfg(feature = "content-tools")]
pub mod source;
pub mod strings;
mod summary;
mod texts;
mod triage;
#[cfg(feature = "content-tools")]
pub mod validate;

pub use clinic::{Clinic, ContentVersion, Location, Phone, Review};
pub use flow::{Answer, AnswerError, Answers, Position, Progress, Walk};
#[cfg(any(feature = "content-tools", not(target_arch = "wasm32")))]
pub use model::Written;
pub use model::{
    cited, Checks, Choice, ChoiceId, Cited, Condition, Expectation, Guideline, Kind, Lang, Line,
    Other, Perspective, Question, QuestionId, Quiz, Remark, Rule, Section, Source, Text, Tier,
    TierText, Wording, Words, BACK, PLACES,
};
pub use saved::{Discarded, Saved, KEEP_FOR_MS};
pub use summary::Call;
pub use texts::{every_text, Field, Owner, Place};
pub use triage::{Given, Outcome, Reason, TriageError};
