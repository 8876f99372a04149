//! The quiz as compiled in: `build.rs` reads and validates `content/quiz.toml` and
//! writes it here as `static` data, so the browser never parses TOML.

use super::model::{
    Choice, ChoiceId, Condition, Expectation, Guideline, Kind, Line, Question, QuestionId, Quiz,
    Remark, Rule, Section, Source, Text, Tier, TierText, Words,
};

include!(concat!(env!("OUT_DIR"), "/quiz.rs"));
