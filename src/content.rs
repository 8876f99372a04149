//! The quiz as compiled in: `build.rs` reads and validates the content folder's
//! `quiz.toml` with the core's reader and writes it here as `static` data
//! (`quiz::emit`), so the browser never parses TOML. In the wasm, the languages after
//! the first are packs, fetched when needed ([`PACKS`], `quiz::pack`).

use quiz::pack::PackRef;
use quiz::{
    Checks, Choice, ChoiceId, Condition, Expectation, Guideline, Kind, Lang, Line, Question,
    QuestionId, Quiz, Remark, Rule, Section, Source, Text, Tier, TierText, Wording, Words,
};

include!(concat!(env!("OUT_DIR"), "/quiz.rs"));
// `PACKS`: where each language after the first is; `TEXTS`: the first language's list,
// which `App` installs (empty in a native build, whose texts are written out).
include!(concat!(env!("OUT_DIR"), "/packs.rs"));
