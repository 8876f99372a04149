//! Validation of a quiz: everything that would make it unsafe or broken, found before
//! it ships. It runs in `build.rs` (a broken quiz does not build), in
//! `cargo xtask check-content`, and in the tests.
//!
//! Two parts, a module each:
//! - `structure`: checks on the data: ids, references, kinds, texts, sources, the order
//!   of emergency and urgent items;
//! - `walk`: an exhaustive walk of every path of answers ([`explore`]). It is exact: every
//!   subset of every checklist and every range of numbers that any condition can tell
//!   apart. It stays small because states that cannot lead anywhere different are
//!   merged: after each answer every condition is simplified, and two paths whose
//!   simplified conditions are equal have the same futures.

mod canonical;
mod compare;
pub mod lengths;
mod results;
mod structure;
mod suggest;
mod walk;

use crate::clinic::Clinic;
use crate::flow::{Answer, Answers};
use crate::model::Quiz;

pub use canonical::{canonical, FORM, SAFETY_STRINGS};
pub use compare::{
    changes, decisions, decisions_within, Change, Decisions, Lands, Move, Moved, EXAMPLES,
};
pub use results::BACK;
use structure::structure;
pub use structure::{english_texts, requires, sources, untranslated, LOW_BACK, PLACES};
pub use suggest::{did_you_mean, edit_distance, suggestion};
pub use walk::{
    candidates, explore, explore_probing, Exploration, Probe, Tiers, MAX_CHECKLIST_CHOICES,
};

/// The item a problem is about, to be shown with its file and line: the item a text
/// belongs to ([`Owner`]), or the quiz as a whole.
pub use crate::texts::Owner as Item;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub item: Item,
    pub message: String,
}

/// Every problem of `quiz`; `article` is the text that quotes must be found in.
pub fn validate(quiz: &Quiz, article: &str) -> Vec<Problem> {
    validate_explored(quiz, article).0
}

/// [`validate`], and the walk of every path it took: what check-content's figures
/// count, without a second walk.
pub fn validate_explored(quiz: &Quiz, article: &str) -> (Vec<Problem>, Exploration) {
    let mut problems = validate_structure(quiz, article);
    let mut report = |item: Item, message: String| problems.push(Problem { item, message });
    let checks = results::probes(quiz);
    let probes: Vec<Probe> = checks.iter().map(|c| c.probe.clone()).collect();
    let mut exploration = explore_probing(quiz, &probes, &mut |_, _| {});
    results::report(&checks, &exploration, &mut report);
    exploration.probed = (results::KINDS.iter())
        .map(|&kind| (kind, checks.iter().filter(|c| c.kind == kind).count()))
        .collect();
    for question in quiz.questions {
        if !exploration.reached.contains(&question.id) {
            report(Item::Question(question.id), UNREACHABLE.into());
        }
    }
    for (rule, fires) in quiz.rules.iter().zip(&exploration.rule_fires) {
        if !fires {
            report(Item::Rule(rule.id), NEVER_FIRES.into());
        }
    }
    for (pattern, applies) in quiz.patterns.iter().zip(&exploration.pattern_applies) {
        if !applies {
            report(Item::Pattern(pattern.id), NEVER_APPLIES.into());
        }
    }
    for (tell, applies) in quiz.tell.iter().zip(&exploration.tell_applies) {
        if !applies {
            report(Item::Tell(tell.id), NEVER_APPLIES.into());
        }
    }
    if let Some(path) = &exploration.no_outcome {
        report(Item::Quiz, format!("{NO_OUTCOME}: {}", describe(path)));
    }
    (problems, exploration)
}

/// The problems of `quiz` that the data shows without walking any path (`structure`):
/// everything [`validate`] finds but what [`about_paths`] names.
pub fn validate_structure(quiz: &Quiz, article: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |item: Item, message: String| problems.push(Problem { item, message });
    structure(quiz, article, &mut report);
    results::texts(quiz, &mut report);
    problems
}

/// What the walk of every path finds: each depends on the whole quiz (a question, a
/// choice or a rule missing changes every path), not on one item.
const UNREACHABLE: &str = "is unreachable: no path of answers shows it";
const NEVER_FIRES: &str = "can never fire: no path of answers makes it hold";
const NEVER_APPLIES: &str = "never applies on any path";
const NO_OUTCOME: &str =
    "a path of answers fires no rule, so it has no outcome (there is no default tier)";

/// Whether `problem` is a finding of the walk of every path (unreachable, never fires,
/// never applies, a path with no outcome) rather than of one item's own data.
pub fn about_paths(problem: &Problem) -> bool {
    [
        UNREACHABLE,
        NEVER_FIRES,
        NEVER_APPLIES,
        NO_OUTCOME,
        results::CONTRADICTS,
    ]
    .iter()
    .any(|m| problem.message.starts_with(m))
}

/// Whether `problem` is a result that contradicts the answers on a path (`results`).
pub fn contradicts(problem: &Problem) -> bool {
    problem.message.starts_with(results::CONTRADICTS)
}

/// A path of answers as "question=answer" pairs, for messages.
pub fn describe(answers: &Answers) -> String {
    let parts: Vec<String> = answers
        .iter()
        .map(|(q, a)| match a {
            Answer::Choices(c) => {
                let ids: Vec<&str> = c.iter().map(|c| c.0).collect();
                format!("{}={}", q.0, ids.join("+"))
            }
            Answer::Number(n) => format!("{}={n}", q.0),
        })
        .collect();
    parts.join(", ")
}

/// The fingerprint of everything clinical: 16 hex digits that change with any change to
/// what the quiz asks, shows or decides (a question, a choice, a rule, a condition, a
/// tier, their order, a wording in any language or audience, a source), to the article
/// it quotes, to the clinic's after-hours advice or to the screens' strings that carry
/// safety; not with comments, layout, the clinic's other facts (name, phone, hours…) or
/// a change of code alone. A clinician's review is bound to it
/// (`ContentVersion::for_content`). FNV-1a (the language packs' key) over the
/// documented [`canonical`] form.
pub fn fingerprint(quiz: &Quiz, article: &str, clinic: &Clinic) -> String {
    crate::pack::key_of(&canonical(quiz, article, clinic))
}

/// The article as the fingerprint reads it: line endings and trailing spaces aside.
pub fn article_text(article: &str) -> String {
    let lines: Vec<&str> = article.lines().map(str::trim_end).collect();
    lines.join("\n").trim_end().to_string()
}
