//! The quiz as compiled in: `build.rs` reads and validates the content folder's
//! `quiz.toml` with the core's reader and writes it here as `static` data
//! (`quiz::emit`), so the browser never parses TOML.

use quiz::{
    Choice, ChoiceId, Condition, Expectation, Guideline, Kind, Line, Question, QuestionId, Quiz,
    Remark, Rule, Section, Source, Text, Tier, TierText, Wording, Words,
};

include!(concat!(env!("OUT_DIR"), "/quiz.rs"));
