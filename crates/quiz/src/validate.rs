//! Validation of a quiz: everything that would make it unsafe or broken, found before
//! it ships. It runs in `build.rs` (a broken quiz does not build), in
//! `cargo xtask check-content`, and in the tests.
//!
//! Two parts:
//! - structural checks on the data: ids, references, kinds, texts, sources, the order
//!   of emergency and urgent items;
//! - an exhaustive walk of every path of answers ([`explore`]). It is exact: every
//!   subset of every checklist and every range of numbers that any condition can tell
//!   apart. It stays small because states that cannot lead anywhere different are
//!   merged: after each answer every condition is simplified, and two paths whose
//!   simplified conditions are equal have the same futures.

use std::collections::HashMap;
use std::fmt;

use crate::flow::{Answer, Answers};
use crate::model::{
    Choice, ChoiceId, Condition, Guideline, Kind, Lang, Question, QuestionId, Quiz, Source, Text,
    Tier,
};

/// The item a problem is about, to be shown with its file and line.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    Quiz,
    Words,
    Section(&'static str),
    Question(QuestionId),
    Choice(QuestionId, ChoiceId),
    Rule(&'static str),
    Pattern(&'static str),
    Tell(&'static str),
    Expectation(usize),
    Result(Tier),
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Quiz => write!(f, "the quiz"),
            Item::Words => write!(f, "[words]"),
            Item::Section(id) => write!(f, "section \"{id}\""),
            Item::Question(q) => write!(f, "question \"{}\"", q.0),
            Item::Choice(q, c) => write!(f, "choice \"{}\" of question \"{}\"", c.0, q.0),
            Item::Rule(id) => write!(f, "rule \"{id}\""),
            Item::Pattern(id) => write!(f, "pattern \"{id}\""),
            Item::Tell(id) => write!(f, "tell \"{id}\""),
            Item::Expectation(i) => write!(f, "expect #{}", i + 1),
            Item::Result(t) => write!(f, "result \"{}\"", t.slug()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub item: Item,
    pub message: String,
}

/// Every problem of `quiz`; `article` is the text that quotes must be found in.
pub fn validate(quiz: &Quiz, article: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |item: Item, message: String| problems.push(Problem { item, message });
    structure(quiz, article, &mut report);
    let exploration = explore(quiz, &mut |_, _| {});
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
    [UNREACHABLE, NEVER_FIRES, NEVER_APPLIES, NO_OUTCOME]
        .iter()
        .any(|m| problem.message.starts_with(m))
}

/// The known id closest to `wrong`, if one is close enough to be what was meant: the
/// same once letter case, `-` and `_` are set aside, or at most two letters added,
/// removed or changed (one for ids of up to four letters).
pub fn did_you_mean<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '-' | '_'))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wrong_plain = plain(wrong);
    let limit = if wrong.chars().count() <= 4 { 1 } else { 2 };
    known
        .into_iter()
        .filter(|k| *k != wrong)
        .map(|k| {
            let d = if plain(k) == wrong_plain {
                0
            } else {
                edit_distance(&wrong.to_lowercase(), &k.to_lowercase())
            };
            (d, k)
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// `; did you mean "x"?` when one of `known` is close to `wrong`, or nothing.
pub fn suggestion<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(wrong, known).map_or(String::new(), |k| format!("; did you mean \"{k}\"?"))
}

/// The fewest slips that turn `a` into `b`: a letter added, removed or changed, or two
/// neighbouring letters swapped (optimal string alignment distance).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // d[i][j]: the distance between the first i letters of a and the first j of b.
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            // Two letters swapped ("yse" for "yes") is one slip, not two.
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
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

fn structure(quiz: &Quiz, article: &str, report: &mut impl FnMut(Item, String)) {
    duplicates(
        quiz.sections.iter().map(|s| (s.id, Item::Section(s.id))),
        "section",
        report,
    );
    duplicates(
        quiz.questions
            .iter()
            .map(|q| (q.id.0, Item::Question(q.id))),
        "question",
        report,
    );
    for question in quiz.questions {
        let id = question.id.0;
        if id == "start" || id == "result" || !crate::flow::is_id(id) {
            report(
                Item::Question(question.id),
                format!(
                    "a question's id is lowercase letters, digits and hyphens, at most 64, \
                     and not \"start\" or \"result\" (saved progress and the browser's \
                     history name the start and the result so); \"{id}\" is not"
                ),
            );
        }
    }
    duplicates(
        quiz.rules.iter().map(|r| (r.id, Item::Rule(r.id))),
        "rule",
        report,
    );
    duplicates(
        quiz.patterns.iter().map(|p| (p.id, Item::Pattern(p.id))),
        "pattern",
        report,
    );
    duplicates(
        quiz.tell.iter().map(|t| (t.id, Item::Tell(t.id))),
        "tell",
        report,
    );

    let mut text = |item: &Item, field: &str, t: &Text| check_text(item, field, t, report);
    text(&Item::Words, "yes", &quiz.words.yes);
    text(&Item::Words, "no", &quiz.words.no);
    for section in quiz.sections {
        text(&Item::Section(section.id), "title", &section.title);
    }
    for question in quiz.questions {
        let item = Item::Question(question.id);
        text(&item, "prompt", &question.prompt);
        text(&item, "why", &question.why);
        if let Some(hint) = &question.hint {
            text(&item, "hint", hint);
        }
        for choice in question.choices {
            text(
                &Item::Choice(question.id, choice.id),
                "label",
                &choice.label,
            );
        }
    }
    for rule in quiz.rules {
        text(&Item::Rule(rule.id), "reason", &rule.reason);
        if let Some(action) = &rule.action {
            text(&Item::Rule(rule.id), "action", action);
        }
        if let Some(worse) = &rule.worse {
            text(&Item::Rule(rule.id), "worse", worse);
        }
    }
    for p in quiz.patterns {
        text(&Item::Pattern(p.id), "text", &p.text);
    }
    for t in quiz.tell {
        text(&Item::Tell(t.id), "text", &t.text);
    }
    for (i, e) in quiz.expectations.iter().enumerate() {
        text(&Item::Expectation(i), "text", &e.text);
    }
    for r in quiz.results {
        let item = Item::Result(r.tier);
        text(&item, "headline", &r.headline);
        text(&item, "action", &r.action);
        text(&item, "worse", &r.worse);
    }

    for (item, source) in sources(quiz) {
        if let Source::Article(quote) = source {
            if quote.trim().is_empty() {
                report(item, "has an empty source".into());
            } else if !article.contains(quote) {
                report(
                    item,
                    format!("source is not a verbatim quote of the article: \"{quote}\""),
                );
            }
        }
    }

    for (i, question) in quiz.questions.iter().enumerate() {
        let item = Item::Question(question.id);
        if quiz.section(question.section).is_none() {
            let known = quiz.sections.iter().map(|s| s.id);
            report(
                item.clone(),
                format!(
                    "names unknown section \"{}\"{}",
                    question.section,
                    suggestion(question.section, known)
                ),
            );
        }
        kind(question, report);
        if let Some(show_if) = &question.show_if {
            references(quiz, show_if, &item, report);
            let mut needs = Vec::new();
            show_if.questions(&mut needs);
            for q in needs {
                if quiz.index_of(q).is_some_and(|p| p >= i) {
                    report(
                        item.clone(),
                        format!(
                            "show_if depends on question \"{}\", which is not asked before it",
                            q.0
                        ),
                    );
                }
            }
        }
    }
    for rule in quiz.rules {
        references(quiz, &rule.when, &Item::Rule(rule.id), report);
        if rule.tier != Tier::Emergency && !rule.call.is_empty() {
            report(
                Item::Rule(rule.id),
                "only an emergency rule names lines to call (\"call\")".into(),
            );
        }
        if rule.source == Source::Guideline(Guideline::Acp2017)
            && !requires(&rule.when, PLACES, LOW_BACK)
        {
            report(
                Item::Rule(rule.id),
                format!(
                    "cites ACP-2017, a guideline about low back pain only: its \"when\" must \
                     require {{ question = \"{PLACES}\", is = [\"{LOW_BACK}\"] }}, so that it \
                     never fires for pain elsewhere"
                ),
            );
        }
    }
    for p in quiz.patterns {
        references(quiz, &p.when, &Item::Pattern(p.id), report);
    }
    for t in quiz.tell {
        references(quiz, &t.when, &Item::Tell(t.id), report);
    }

    for tier in Tier::ALL {
        match quiz.results.iter().filter(|r| r.tier == tier).count() {
            0 => report(
                Item::Quiz,
                format!("has no [[result]] for tier \"{}\"", tier.slug()),
            ),
            1 => {}
            _ => report(Item::Result(tier), "is given more than once".into()),
        }
    }
    emergencies_first(quiz, report);
}

/// The question that asks where the pain is, and its choice for low back pain: the
/// only place the ACP 2017 guideline speaks to (ARCHITECTURE.md, the safety rules:
/// "Evidence fits the place").
pub const PLACES: &str = "where";
pub const LOW_BACK: &str = "low-back";

/// Whether `c` can only hold when question `question` was answered with `choice`
/// (among others): every way of satisfying `c` includes it.
pub fn requires(c: &Condition, question: &str, choice: &str) -> bool {
    match c {
        Condition::Chose { question: q, any } => {
            q.0 == question && !any.is_empty() && any.iter().all(|a| a.0 == choice)
        }
        Condition::Between { .. } => false,
        Condition::All(parts) => parts.iter().any(|p| requires(p, question, choice)),
        Condition::Any(parts) => {
            !parts.is_empty() && parts.iter().all(|p| requires(p, question, choice))
        }
    }
}

/// the safety rules (ARCHITECTURE.md): every emergency item is asked before any urgent item. A
/// rule is decided at the last question it looks at.
fn emergencies_first(quiz: &Quiz, report: &mut impl FnMut(Item, String)) {
    // A rule that looks at no known question is reported by `references`: it is
    // decided nowhere (and a quiz read in part may have no questions at all).
    let decided_at = |c: &Condition| {
        let mut qs = Vec::new();
        c.questions(&mut qs);
        qs.iter().filter_map(|q| quiz.index_of(*q)).max()
    };
    let first_urgent = quiz
        .rules
        .iter()
        .filter(|r| r.tier == Tier::Urgent)
        .filter_map(|r| Some((decided_at(&r.when)?, r)))
        .min_by_key(|(at, _)| *at);
    let Some((first_urgent_at, urgent)) = first_urgent else {
        return;
    };
    for rule in quiz.rules.iter().filter(|r| r.tier == Tier::Emergency) {
        let Some(at) = decided_at(&rule.when) else {
            continue;
        };
        if at >= first_urgent_at {
            report(
                Item::Rule(rule.id),
                format!(
                    "is an emergency rule decided at question \"{}\", which is not before \
                     question \"{}\" of urgent rule \"{}\": every emergency item must be asked \
                     before any urgent item",
                    quiz.questions[at].id.0, quiz.questions[first_urgent_at].id.0, urgent.id
                ),
            );
        }
    }
}

fn duplicates<'a>(
    ids: impl Iterator<Item = (&'a str, Item)>,
    what: &str,
    report: &mut impl FnMut(Item, String),
) {
    let mut seen: Vec<&str> = Vec::new();
    for (id, item) in ids {
        if id.is_empty() {
            report(item, format!("has an empty {what} id"));
        } else if seen.contains(&id) {
            report(item, format!("duplicate {what} id \"{id}\""));
        } else {
            seen.push(id);
        }
    }
}

fn kind(question: &Question, report: &mut impl FnMut(Item, String)) {
    let item = Item::Question(question.id);
    let exclusive = question.choices.iter().filter(|c| c.exclusive).count();
    let ids: Vec<&str> = question.choices.iter().map(|c| c.id.0).collect();
    duplicates(
        question
            .choices
            .iter()
            .map(|c| (c.id.0, Item::Choice(question.id, c.id))),
        "choice",
        report,
    );
    match question.kind {
        Kind::Single | Kind::Checklist if question.choices.len() < 2 => {
            report(item.clone(), "needs at least two choices".into())
        }
        Kind::YesNo if ids != ["yes", "no"] => report(
            item.clone(),
            "a yes-no question has exactly the choices \"yes\" and \"no\"".into(),
        ),
        Kind::Scale if (question.min, question.max) != (0, 10) => {
            report(item.clone(), "a scale goes from 0 to 10".into())
        }
        Kind::Number if question.min >= question.max => {
            report(item.clone(), "needs min smaller than max".into())
        }
        Kind::Scale | Kind::Number if !question.choices.is_empty() => {
            report(item.clone(), "a number question has no choices".into())
        }
        Kind::Checklist if question.choices.len() - exclusive > MAX_CHECKLIST_CHOICES => report(
            item.clone(),
            format!(
                "a checklist has at most {MAX_CHECKLIST_CHOICES} choices besides \"None of \
                 these\": the build checks every combination of them ({} for \
                 {MAX_CHECKLIST_CHOICES}); split it into two questions",
                1u32 << MAX_CHECKLIST_CHOICES
            ),
        ),
        _ => {}
    }
    match question.kind {
        Kind::Checklist if exclusive > 1 => report(
            item,
            "a checklist has at most one \"none = true\" choice (\"None of these\")".into(),
        ),
        Kind::Checklist
            if exclusive == 0
                && (question.section == "warning-signs"
                    || question.section == "see-a-doctor-today") =>
        {
            report(
                item,
                "a warning-sign checklist needs one \"none = true\" choice (\"None of these\")"
                    .into(),
            )
        }
        Kind::Single | Kind::YesNo if exclusive > 0 => {
            report(item, "only a checklist has a \"none = true\" choice".into())
        }
        _ => {}
    }
}

/// Unknown questions or choices, and conditions of the wrong kind.
fn references(
    quiz: &Quiz,
    condition: &Condition,
    item: &Item,
    report: &mut impl FnMut(Item, String),
) {
    match condition {
        Condition::All(parts) | Condition::Any(parts) => {
            if parts.is_empty() {
                report(item.clone(), "has an empty all/any condition".into());
            }
            parts.iter().for_each(|p| references(quiz, p, item, report));
        }
        Condition::Chose { question, any } => match quiz.question(*question) {
            None => report(item.clone(), unknown_question(quiz, *question)),
            Some(q) if !q.kind.has_choices() => report(
                item.clone(),
                format!(
                    "uses `is` on question \"{}\", which is answered with a number",
                    q.id.0
                ),
            ),
            Some(q) => {
                if any.is_empty() {
                    report(
                        item.clone(),
                        format!("`is` lists no choice of \"{}\"", q.id.0),
                    );
                }
                for c in any.iter().filter(|c| q.choice(**c).is_none()) {
                    let ids: Vec<&str> = q.choices.iter().map(|c| c.id.0).collect();
                    report(
                        item.clone(),
                        format!(
                            "names unknown choice \"{}\" of question \"{}\" (its choices: \
                             {}){}",
                            c.0,
                            q.id.0,
                            ids.join(", "),
                            suggestion(c.0, ids.iter().copied())
                        ),
                    );
                }
            }
        },
        Condition::Between { question, min, max } => match quiz.question(*question) {
            None => report(item.clone(), unknown_question(quiz, *question)),
            Some(q) if q.kind.has_choices() => report(
                item.clone(),
                format!("uses min/max on question \"{}\", which has choices", q.id.0),
            ),
            Some(_) if min > max => report(item.clone(), "has min greater than max".into()),
            Some(_) => {}
        },
    }
}

/// "names unknown question", with the question probably meant.
fn unknown_question(quiz: &Quiz, question: QuestionId) -> String {
    let known = quiz.questions.iter().map(|q| q.id.0);
    format!(
        "names unknown question \"{}\"{}",
        question.0,
        suggestion(question.0, known)
    )
}

/// Words that address the visitor as the person in pain: such a text needs a version
/// for someone answering for another person.
const SECOND_PERSON_EN: [&str; 4] = ["you", "your", "yours", "yourself"];

/// Checks one text; `field` is its key in the file (`prompt`, `label`, `reason`…), so
/// that each message names the exact key to write (`prompt.en-other`).
fn check_text(item: &Item, field: &str, text: &Text, report: &mut impl FnMut(Item, String)) {
    let mut say = |message: String| report(item.clone(), message);
    let key = |lang: &str| format!("`{field}.{lang}`");
    let english = text.myself(Lang::En);
    for lang in Lang::ALL {
        let wording = text.myself(lang).trim();
        let name = lang.english_name();
        if wording.is_empty() {
            say(format!("the {name} text ({}) is empty", key(lang.tag())));
        }
        // One word spelled alike in two languages ("No") is a real translation.
        if lang != Lang::En
            && !wording.is_empty()
            && wording == english.trim()
            && english.contains(' ')
        {
            say(format!(
                "the {name} text ({}) is the same as the English one: \"{english}\"",
                key(lang.tag()),
            ));
        }
    }
    // What follows is each language's own grammar: English "you", Spanish "usted".
    let addresses_you = text
        .myself(Lang::En)
        .split(|c: char| !c.is_alphabetic())
        .any(|w| SECOND_PERSON_EN.contains(&w.to_lowercase().as_str()));
    if addresses_you && text.someone_else(Lang::En).is_none() {
        say(format!(
            "the English text ({}) says \"you\": add {}, the wording for someone answering \
             for another person (\"{}\")",
            key("en"),
            key("en-other"),
            text.myself(Lang::En)
        ));
    }
    // Spanish speaks to the visitor as usted, whose forms a helper reads as addressed to
    // them ("¿Qué edad tiene?" got the helper's own age): every text with a wording for
    // someone else in English has one in Spanish too. Where the usted text already
    // reads right for a helper, `es-other` repeats it: a reviewed choice, not a default.
    if text.someone_else(Lang::En).is_some() && text.someone_else(Lang::Es).is_none() {
        say(format!(
            "has {} but no {}: write the Spanish for someone answering for another person \
             (\"esa persona\"), or repeat {} if it already fits (\"{}\")",
            key("en-other"),
            key("es-other"),
            key("es"),
            text.myself(Lang::Es)
        ));
    }
    let says_usted = text
        .myself(Lang::Es)
        .to_lowercase()
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w == "usted");
    if says_usted && text.someone_else(Lang::Es).is_none() {
        say(format!(
            "the Spanish text ({}) says \"usted\": add {} for someone else",
            key("es"),
            key("es-other")
        ));
    }
    if text
        .someone_else(Lang::En)
        .is_some_and(|o| o.trim().is_empty() || o == text.myself(Lang::En))
    {
        say(format!(
            "{} is empty or the same as {}",
            key("en-other"),
            key("en")
        ));
    }
    if text
        .someone_else(Lang::Es)
        .is_some_and(|o| o.trim().is_empty())
    {
        say(format!("{} is empty", key("es-other")));
    }
}

/// Every item's source.
pub fn sources(quiz: &Quiz) -> Vec<(Item, Source)> {
    let mut out = Vec::new();
    for q in quiz.questions {
        out.push((Item::Question(q.id), q.source));
        for c in q.choices {
            out.push((Item::Choice(q.id, c.id), c.source));
        }
    }
    out.extend(quiz.rules.iter().map(|r| (Item::Rule(r.id), r.source)));
    out.extend(
        quiz.patterns
            .iter()
            .map(|p| (Item::Pattern(p.id), p.source)),
    );
    out.extend(quiz.tell.iter().map(|t| (Item::Tell(t.id), t.source)));
    out.extend(
        quiz.expectations
            .iter()
            .enumerate()
            .map(|(i, e)| (Item::Expectation(i), e.source)),
    );
    out.extend(
        quiz.results
            .iter()
            .map(|r| (Item::Result(r.tier), r.source)),
    );
    out
}

/// Every visitor-facing English text with the item it belongs to (for reading grades).
pub fn english_texts(quiz: &Quiz) -> Vec<(Item, &'static str)> {
    let mut out = Vec::new();
    let mut add = |item: Item, t: &Text| {
        out.push((item.clone(), t.myself(Lang::En)));
        if let Some(o) = t.someone_else(Lang::En) {
            out.push((item, o));
        }
    };
    for q in quiz.questions {
        add(Item::Question(q.id), &q.prompt);
        add(Item::Question(q.id), &q.why);
        if let Some(h) = &q.hint {
            add(Item::Question(q.id), h);
        }
        for c in q.choices {
            add(Item::Choice(q.id, c.id), &c.label);
        }
    }
    for r in quiz.rules {
        add(Item::Rule(r.id), &r.reason);
    }
    for p in quiz.patterns {
        add(Item::Pattern(p.id), &p.text);
    }
    for t in quiz.tell {
        add(Item::Tell(t.id), &t.text);
    }
    for (i, e) in quiz.expectations.iter().enumerate() {
        add(Item::Expectation(i), &e.text);
    }
    for r in quiz.results {
        add(Item::Result(r.tier), &r.headline);
        add(Item::Result(r.tier), &r.action);
        add(Item::Result(r.tier), &r.worse);
    }
    out
}

// ---------------------------------------------------------------------------------
// The exhaustive walk.
// ---------------------------------------------------------------------------------

/// What the walk found.
#[derive(Debug, Default)]
pub struct Exploration {
    pub reached: Vec<QuestionId>,
    pub rule_fires: Vec<bool>,
    pub pattern_applies: Vec<bool>,
    pub tell_applies: Vec<bool>,
    /// A complete path of answers that fires no rule, if there is one.
    pub no_outcome: Option<Answers>,
    /// Complete paths of answers, counting every checklist subset and every range of
    /// numbers the conditions tell apart.
    pub paths: u128,
    /// Distinct states visited after merging; each was checked with real answers.
    pub states: usize,
    /// How many paths ask how many questions: `lengths[n]` paths ask `n`.
    pub lengths: Vec<u128>,
}

impl Exploration {
    /// The fewest and most questions on a path, and the median over all paths.
    pub fn path_lengths(&self) -> (usize, usize, usize) {
        let asked = |(n, count): (usize, &u128)| (*count > 0).then_some(n);
        let shortest = self.lengths.iter().enumerate().find_map(asked).unwrap_or(0);
        let longest = self
            .lengths
            .iter()
            .enumerate()
            .rev()
            .find_map(asked)
            .unwrap_or(0);
        let mut seen = 0;
        let median = self
            .lengths
            .iter()
            .position(|count| {
                seen += count;
                seen * 2 >= self.paths
            })
            .unwrap_or(0);
        (shortest, longest, median)
    }
}

/// A condition simplified by the answers given so far.
#[derive(Clone, Debug)]
enum Partial {
    True,
    False,
    Atom(&'static Condition),
    All(Vec<Partial>),
    Any(Vec<Partial>),
}

// An atom is one place in the compiled-in quiz: compare and hash it by address, not by
// its text. The walk hashes every state it meets; hashing the question and choice ids
// of every atom took most of its time.
impl PartialEq for Partial {
    fn eq(&self, other: &Partial) -> bool {
        match (self, other) {
            (Partial::True, Partial::True) | (Partial::False, Partial::False) => true,
            (Partial::Atom(a), Partial::Atom(b)) => std::ptr::eq(*a, *b),
            (Partial::All(a), Partial::All(b)) | (Partial::Any(a), Partial::Any(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Partial {}

impl std::hash::Hash for Partial {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Partial::True | Partial::False => {}
            Partial::Atom(c) => std::ptr::hash(*c, state),
            Partial::All(parts) | Partial::Any(parts) => parts.hash(state),
        }
    }
}

impl Partial {
    fn new(c: &'static Condition) -> Partial {
        match c {
            Condition::All(parts) => Partial::All(parts.iter().map(Partial::new).collect()),
            Condition::Any(parts) => Partial::Any(parts.iter().map(Partial::new).collect()),
            atom => Partial::Atom(atom),
        }
    }

    /// Whether an atom of this condition looks at `question`.
    fn mentions(&self, question: QuestionId) -> bool {
        match self {
            Partial::True | Partial::False => false,
            Partial::Atom(Condition::Chose { question: q, .. })
            | Partial::Atom(Condition::Between { question: q, .. }) => *q == question,
            Partial::Atom(_) => true,
            Partial::All(parts) | Partial::Any(parts) => parts.iter().any(|p| p.mentions(question)),
        }
    }

    /// Replaces the atoms on `question` by their value for `answer` (`None`: the
    /// question was not asked) and simplifies. Cheap when nothing changes: the walk
    /// calls it for every condition and every candidate answer.
    fn settle(&self, question: QuestionId, answer: Option<&Answer>) -> Partial {
        if !self.mentions(question) {
            return self.clone();
        }
        match self {
            Partial::True | Partial::False => self.clone(),
            Partial::Atom(c) => {
                let holds = match (c, answer) {
                    (Condition::Chose { any, .. }, Some(Answer::Choices(chosen))) => {
                        chosen.iter().any(|x| any.contains(x))
                    }
                    (Condition::Between { min, max, .. }, Some(Answer::Number(n))) => {
                        (*min..=*max).contains(n)
                    }
                    _ => false,
                };
                if holds {
                    Partial::True
                } else {
                    Partial::False
                }
            }
            Partial::All(parts) => {
                let parts: Vec<Partial> =
                    parts.iter().map(|p| p.settle(question, answer)).collect();
                if parts.contains(&Partial::False) {
                    Partial::False
                } else if parts.iter().all(|p| *p == Partial::True) {
                    Partial::True
                } else {
                    Partial::All(parts.into_iter().filter(|p| *p != Partial::True).collect())
                }
            }
            Partial::Any(parts) => {
                let parts: Vec<Partial> =
                    parts.iter().map(|p| p.settle(question, answer)).collect();
                if parts.contains(&Partial::True) {
                    Partial::True
                } else if parts.iter().all(|p| *p == Partial::False) {
                    Partial::False
                } else {
                    Partial::Any(parts.into_iter().filter(|p| *p != Partial::False).collect())
                }
            }
        }
    }
}

/// What can still happen from one point of the walk. Conditions that became true are
/// recorded and then kept as `False`, so that paths differing only in what already
/// happened merge.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct State {
    next: usize,
    shows: Vec<Partial>,
    rules: Vec<Partial>,
    patterns: Vec<Partial>,
    tell: Vec<Partial>,
    has_outcome: bool,
}

#[derive(Clone, Debug)]
struct Summary {
    paths: u128,
    /// Paths from here by how many more questions they ask.
    lengths: Vec<u128>,
    /// The rest of a path with no outcome from this state, if any.
    no_outcome: Option<Vec<(QuestionId, Answer)>>,
}

/// Walks every path of answers. `leaf` is called once per merged state that ends the
/// quiz, with real answers that reach it and whether the walk saw a rule fire: tests
/// use it to check the app's own [`Quiz::outcome`] on each.
pub fn explore(quiz: &Quiz, leaf: &mut dyn FnMut(&Answers, bool)) -> Exploration {
    let start = State {
        next: 0,
        shows: quiz
            .questions
            .iter()
            .map(|q| q.show_if.as_ref().map_or(Partial::True, Partial::new))
            .collect(),
        rules: quiz.rules.iter().map(|r| Partial::new(&r.when)).collect(),
        patterns: quiz
            .patterns
            .iter()
            .map(|p| Partial::new(&p.when))
            .collect(),
        tell: quiz.tell.iter().map(|t| Partial::new(&t.when)).collect(),
        has_outcome: false,
    };
    let mut walker = Walker {
        quiz,
        found: Exploration {
            rule_fires: vec![false; quiz.rules.len()],
            pattern_applies: vec![false; quiz.patterns.len()],
            tell_applies: vec![false; quiz.tell.len()],
            ..Exploration::default()
        },
        seen: HashMap::new(),
        path: Vec::new(),
        leaf,
    };
    let summary = walker.walk(start);
    let mut found = walker.found;
    found.paths = summary.paths;
    found.lengths = summary.lengths;
    found.states = walker.seen.len();
    found.no_outcome = summary.no_outcome.map(Answers::from_pairs);
    found
}

struct Walker<'a> {
    quiz: &'a Quiz,
    found: Exploration,
    seen: HashMap<State, Summary>,
    path: Vec<(QuestionId, Answer)>,
    leaf: &'a mut dyn FnMut(&Answers, bool),
}

impl Walker<'_> {
    fn walk(&mut self, state: State) -> Summary {
        if let Some(summary) = self.seen.get(&state) {
            return summary.clone();
        }
        let summary = self.expand(&state);
        self.seen.insert(state, summary.clone());
        summary
    }

    fn expand(&mut self, state: &State) -> Summary {
        let quiz = self.quiz;
        // Skip the questions that are not shown; their atoms are false from now on.
        let mut state = state.clone();
        while state.next < quiz.questions.len() && state.shows[state.next] == Partial::False {
            let id = quiz.questions[state.next].id;
            state = self.settle(state, id, None);
            state.next += 1;
        }
        if state.next == quiz.questions.len() {
            return self.finish(state);
        }
        let question = &quiz.questions[state.next];
        if !self.found.reached.contains(&question.id) {
            self.found.reached.push(question.id);
        }
        let mut total = Summary {
            paths: 0,
            lengths: Vec::new(),
            no_outcome: None,
        };
        for answer in candidates(quiz, question) {
            let mut next = self.settle(state.clone(), question.id, Some(&answer));
            next.next += 1;
            self.path.push((question.id, answer.clone()));
            let emergency = quiz
                .rules
                .iter()
                .zip(&next.rules)
                .any(|(r, after)| r.tier == Tier::Emergency && *after == Partial::True);
            let sub = if emergency {
                self.end(next)
            } else {
                self.walk(Self::forget_fired(next))
            };
            self.path.pop();
            total.paths += sub.paths;
            if total.lengths.len() < sub.lengths.len() + 1 {
                total.lengths.resize(sub.lengths.len() + 1, 0);
            }
            for (n, count) in sub.lengths.iter().enumerate() {
                total.lengths[n + 1] += count;
            }
            if total.no_outcome.is_none() {
                total.no_outcome = sub.no_outcome.map(|mut rest| {
                    rest.insert(0, (question.id, answer.clone()));
                    rest
                });
            }
        }
        total
    }

    /// Settles every condition on `question`, recording what became true.
    fn settle(&mut self, mut state: State, question: QuestionId, answer: Option<&Answer>) -> State {
        let settle = |p: &mut Partial| {
            if p.mentions(question) {
                *p = p.settle(question, answer);
            }
        };
        state.shows.iter_mut().for_each(settle);
        for (i, p) in state.rules.iter_mut().enumerate() {
            settle(p);
            if *p == Partial::True {
                self.found.rule_fires[i] = true;
                state.has_outcome = true;
            }
        }
        for (i, p) in state.patterns.iter_mut().enumerate() {
            settle(p);
            self.found.pattern_applies[i] |= *p == Partial::True;
        }
        for (i, p) in state.tell.iter_mut().enumerate() {
            settle(p);
            self.found.tell_applies[i] |= *p == Partial::True;
        }
        state
    }

    fn forget_fired(mut state: State) -> State {
        for p in state
            .rules
            .iter_mut()
            .chain(&mut state.patterns)
            .chain(&mut state.tell)
        {
            if *p == Partial::True {
                *p = Partial::False;
            }
        }
        state
    }

    /// Every question is behind: unasked questions count as unanswered.
    fn finish(&mut self, mut state: State) -> Summary {
        for q in self.quiz.questions {
            state = self.settle(state, q.id, None);
        }
        self.end(state)
    }

    fn end(&mut self, state: State) -> Summary {
        let answers = Answers::from_pairs(self.path.clone());
        (self.leaf)(&answers, state.has_outcome);
        Summary {
            paths: 1,
            lengths: vec![1],
            no_outcome: (!state.has_outcome).then(Vec::new),
        }
    }
}

/// The most choices a checklist may have besides its "none": the walk tries every
/// combination of them, and more is a validation error (`kind`), not a silent cap.
pub const MAX_CHECKLIST_CHOICES: usize = 16;

/// The answers worth trying for a question: every choice; every subset of a
/// checklist; for numbers, one value per range that some condition tells apart.
pub fn candidates(quiz: &Quiz, question: &Question) -> Vec<Answer> {
    match question.kind {
        Kind::Single | Kind::YesNo => question
            .choices
            .iter()
            .map(|c| Answer::Choices(vec![c.id]))
            .collect(),
        Kind::Checklist => {
            let (none, items): (Vec<&Choice>, Vec<&Choice>) =
                question.choices.iter().partition(|c| c.exclusive);
            let mut out: Vec<Answer> = none.iter().map(|c| Answer::Choices(vec![c.id])).collect();
            // More is a validation error; a broken quiz's walk stays bounded all the same.
            let n = items.len().min(MAX_CHECKLIST_CHOICES);
            for mask in 1u32..(1 << n) {
                let chosen = (0..n)
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| items[i].id)
                    .collect();
                out.push(Answer::Choices(chosen));
            }
            out
        }
        Kind::Scale | Kind::Number => {
            let mut cuts = vec![question.min];
            let mut add = |c: &Condition| {
                if let Condition::Between {
                    question: q,
                    min,
                    max,
                } = c
                {
                    if *q == question.id {
                        cuts.push(*min);
                        cuts.push(max.saturating_add(1));
                    }
                }
            };
            let mut conditions: Vec<&Condition> = Vec::new();
            conditions.extend(quiz.questions.iter().filter_map(|q| q.show_if.as_ref()));
            conditions.extend(quiz.rules.iter().map(|r| &r.when));
            conditions.extend(quiz.patterns.iter().chain(quiz.tell).map(|r| &r.when));
            for c in conditions {
                visit_atoms(c, &mut add);
            }
            cuts.retain(|c| (question.min..=question.max).contains(c));
            cuts.sort_unstable();
            cuts.dedup();
            cuts.into_iter().map(Answer::Number).collect()
        }
    }
}

fn visit_atoms(c: &Condition, f: &mut impl FnMut(&Condition)) {
    match c {
        Condition::All(parts) | Condition::Any(parts) => {
            parts.iter().for_each(|p| visit_atoms(p, f))
        }
        atom => f(atom),
    }
}

/// What is wrong with a text's translation, if anything: an empty English or Spanish
/// text, or a Spanish text that repeats the English sentence (one word spelled alike in
/// both languages, "No" or "Tagalog", is a real translation).
pub fn untranslated(text: &Text) -> Option<String> {
    let english = text.myself(Lang::En).trim();
    Lang::ALL.into_iter().find_map(|lang| {
        let (wording, name) = (text.myself(lang).trim(), lang.english_name());
        if wording.is_empty() {
            Some(format!("the {name} text ({}) is missing", lang.tag()))
        } else if lang != Lang::En && wording == english && english.contains(' ') {
            Some(format!(
                "the {name} text is the same as the English one: \"{english}\""
            ))
        } else {
            None
        }
    })
}

/// The quiz's fingerprint: 16 hex digits that change with any change to what the quiz
/// asks, shows or decides (a question, a choice, a rule, a wording, a source), and not
/// with comments or layout. FNV-1a over the read quiz's `Debug` form.
pub fn fingerprint(quiz: &Quiz) -> String {
    let hash = format!("{quiz:?}")
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{hash:016x}")
}
