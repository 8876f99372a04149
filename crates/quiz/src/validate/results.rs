//! A result never contradicts the answers (clinical-safety.md §4). Most of these checks
//! are questions put to the walk of every path ([`Probe`]): "is there a path on which
//! this line shows, and the answers say otherwise?". The walk answers each with the
//! first such path, which the problem quotes. The others look at the texts a result can
//! show at all, which covers every path to it:
//! - no line tells the person to act "if X starts" when X was answered yes (`watch`);
//! - no line is shown twice;
//! - "mild" only with a pain score of 3 or less, "recent" only under 4 weeks;
//! - the choices of a duration do not overlap, and leave no gap (`durations`);
//! - every doctor-first and urgent result says when and where (`time_frames`);
//! - no result names the back when the back was not chosen.
//!
//! The last one of §4's list, that a ticked symptom never vanishes (reasons of lower
//! tiers are shown too), is the app's [`crate::Outcome::reasons`]; the tests check it on
//! every end of the walk.

use super::walk::{Exploration, Probe, Tiers};
use super::{describe, Item, PLACES};
use crate::model::{Condition, Kind, Lang, QuestionId, Quiz, Text, Tier};
use crate::texts::Field;

pub use crate::model::BACK;

/// One text a result can show, and when: the condition of the rule it belongs to (none
/// for a tier's own texts) and the tiers of the results that show it.
struct Shown {
    owner: Item,
    field: Field,
    text: &'static Text,
    when: Option<&'static Condition>,
    tiers: Tiers,
}

impl Shown {
    /// A list the app shows each text of once ([`crate::Outcome::actions`],
    /// [`crate::Outcome::worse`]); reasons are one per rule, headlines one per result.
    fn deduplicated(&self) -> bool {
        matches!(self.field, Field::Action | Field::Worse)
    }
}

/// Every text a result can show: each rule's reason (from its tier up when it is
/// doctor-first or higher, as "also tell the doctor"), its "what to do" and its "if it
/// gets worse" (an emergency shows only its own rules' lines); each choice's "if it gets
/// worse", below emergency, when chosen; each tier's headline, "what to do" and "if it
/// gets worse".
fn shown(quiz: &Quiz) -> Vec<Shown> {
    let mut out = Vec::new();
    for question in quiz.questions {
        for choice in question.choices {
            if let Some(worse) = choice.worse {
                let chosen = Condition::Chose {
                    question: question.id,
                    any: std::slice::from_ref(&choice.id),
                };
                out.push(Shown {
                    owner: Item::Choice(question.id, choice.id),
                    field: Field::Worse,
                    text: worse,
                    when: Some(Box::leak(Box::new(chosen))),
                    tiers: Tiers::ALL.without(Tier::Emergency),
                });
            }
        }
    }
    for rule in quiz.rules {
        let owner = Item::Rule(rule.id);
        let when = Some(&rule.when);
        let reason_tiers = if rule.tier >= Tier::DoctorFirst {
            Tiers::from(rule.tier)
        } else {
            Tiers::only(rule.tier)
        };
        out.push(Shown {
            owner,
            field: Field::Reason,
            text: &rule.reason,
            when,
            tiers: reason_tiers,
        });
        for (field, text) in [
            (Field::Action, rule.action),
            (Field::Headline, rule.headline),
        ] {
            if let Some(text) = text {
                out.push(Shown {
                    owner,
                    field,
                    text,
                    when,
                    tiers: Tiers::only(rule.tier),
                });
            }
        }
        if let Some(worse) = rule.worse {
            let tiers = if rule.tier == Tier::Emergency {
                Tiers::only(Tier::Emergency)
            } else {
                Tiers::ALL.without(Tier::Emergency)
            };
            let field = Field::Worse;
            out.push(Shown {
                owner,
                field,
                text: worse,
                when,
                tiers,
            });
        }
    }
    for result in quiz.results {
        let owner = Item::Result(result.tier);
        let tiers = Tiers::only(result.tier);
        for (field, text) in [
            (Field::Headline, &result.headline),
            (Field::Action, &result.action),
            (Field::Worse, &result.worse),
        ] {
            out.push(Shown {
                owner,
                field,
                text,
                when: None,
                tiers,
            });
        }
    }
    out
}

/// A probe and the problem it stands for, if the walk finds a path.
pub(super) struct Check {
    pub probe: Probe,
    /// Which of the checks it is, for the figures: one of [`KINDS`].
    pub kind: &'static str,
    item: Item,
    message: String,
}

/// The checks the walk answers, as check-content names them.
pub const KINDS: [&str; 4] = [
    "lines that say to act if something starts, against what was answered",
    "pairs of texts with the same words that one result could show",
    "texts that say \"mild\" or \"recent\", against the pain's score and duration",
    "reasons and headlines that name the back, against where the pain is",
];

/// Both conditions; leaked like the loader's ([`crate::model`]).
fn both(a: Option<&'static Condition>, b: Condition) -> &'static Condition {
    match a {
        None => Box::leak(Box::new(b)),
        Some(a) => Box::leak(Box::new(Condition::All(Box::leak(Box::new([*a, b]))))),
    }
}

/// The checks the walk answers: [`probes`] then [`report`].
pub(super) fn probes(quiz: &Quiz) -> Vec<Check> {
    let shown = shown(quiz);
    let mut checks = Vec::new();
    let mut check = |kind: usize, s: &Shown, when, unless, tiers, message: String| {
        checks.push(Check {
            kind: KINDS[kind],
            probe: Probe {
                when,
                unless,
                tiers,
            },
            item: s.owner,
            message: format!("{CONTRADICTS}: its {} {message}", s.field.key()),
        })
    };

    // "If X starts", when X was answered yes.
    for s in &shown {
        let watch = watch_of(quiz, s.owner);
        if let (Some(watch), Field::Action | Field::Worse) = (watch, s.field) {
            check(
                0,
                s,
                Some(both(s.when, *watch)),
                None,
                s.tiers,
                format!(
                    "says to act if something starts that the answers already say \
                     happened (its `watch`: {})",
                    watched(watch)
                ),
            );
        }
    }

    // The same words twice on one result.
    for (i, a) in shown.iter().enumerate() {
        for b in &shown[i + 1..] {
            let same_list = a.field == b.field && a.deduplicated();
            let Some(words) = same_wording(a.text, b.text) else {
                continue;
            };
            let tiers = a.tiers.and(b.tiers);
            if (same_list && a.text == b.text) || tiers.is_empty() {
                continue;
            }
            let when = match (a.when, b.when) {
                (None, None) => None,
                (Some(w), None) | (None, Some(w)) => Some(w),
                (Some(x), Some(y)) => Some(both(Some(x), *y)),
            };
            check(
                1,
                a,
                when,
                None,
                tiers,
                format!(
                    "shows the same words as the {} of {} (\"{words}\") on one result",
                    b.field.key(),
                    b.owner
                ),
            );
        }
    }

    // "Mild" above 3/10; "recent" for 4 weeks or more.
    let scales: Vec<Condition> = (quiz.questions.iter())
        .filter(|q| q.kind == Kind::Scale)
        .map(|q| Condition::Between {
            question: q.id,
            min: MILD_AT_MOST + 1,
            max: q.max,
        })
        .collect();
    let long: Vec<Condition> = durations(quiz)
        .into_iter()
        .filter_map(|(question, spans)| {
            let ids: Vec<_> = (spans.iter())
                .filter(|(_, span)| span.0 >= 2 * RECENT_UNDER_DAYS)
                .map(|(c, _)| *c)
                .collect();
            (!ids.is_empty()).then(|| Condition::Chose {
                question,
                any: Box::leak(ids.into_boxed_slice()),
            })
        })
        .collect();
    for s in &shown {
        for (words, answers, what) in [
            (MILD, &scales, "a pain score above 3"),
            (RECENT, &long, "pain that has lasted 4 weeks or more"),
        ] {
            if let (Some(word), false) = (find_word(s.text, words), answers.is_empty()) {
                let any = Condition::Any(Box::leak(answers.clone().into_boxed_slice()));
                check(
                    2,
                    s,
                    Some(both(s.when, any)),
                    None,
                    s.tiers,
                    format!("says \"{word}\" on a path with {what}"),
                );
            }
        }
    }

    // The back, for someone who did not choose it.
    if let Some(places) = quiz.question(QuestionId(PLACES)) {
        let back: Vec<_> = (places.choices.iter())
            .filter(|c| BACK.contains(&c.id.0))
            .map(|c| c.id)
            .collect();
        let chose_back: &'static Condition = both(
            None,
            Condition::Chose {
                question: places.id,
                any: Box::leak(back.into_boxed_slice()),
            },
        );
        // Reasons and headlines: "what to do" may rightly keep a head, neck and back
        // still after an injury, and "if it gets worse" adds the spinal emergency signs
        // for everyone (clinical-safety.md §4).
        let described = shown
            .iter()
            .filter(|s| matches!(s.field, Field::Reason | Field::Headline));
        for s in described {
            if let Some(words) = names_the_back(s.text) {
                check(
                    3,
                    s,
                    s.when,
                    Some(chose_back),
                    s.tiers,
                    format!("names the back (\"{words}\") on a path where the back was not chosen"),
                );
            }
        }
    }
    checks
}

fn watch_of(quiz: &Quiz, owner: Item) -> Option<&'static Condition> {
    match owner {
        Item::Rule(id) => (quiz.checks.rules.iter())
            .find(|(r, _)| *r == id)
            .map(|(_, w)| w),
        Item::Result(tier) => (quiz.checks.results.iter())
            .find(|(t, _)| *t == tier)
            .map(|(_, w)| w),
        Item::Choice(question, choice) => (quiz.checks.choices.iter())
            .find(|(q, c, _)| (*q, *c) == (question, choice))
            .map(|(_, _, w)| w),
        _ => None,
    }
}

/// The choices a `watch` names, as "question.choice".
fn watched(watch: &Condition) -> String {
    let mut out = Vec::new();
    let mut visit = |c: &Condition| {
        if let Condition::Chose { question, any } = c {
            out.extend(any.iter().map(|a| format!("{}.{}", question.0, a.0)));
        }
    };
    match watch {
        Condition::Any(parts) => parts.iter().for_each(&mut visit),
        other => visit(other),
    }
    if out.is_empty() {
        "nothing".into()
    } else {
        out.join(", ")
    }
}

/// The problems the walk's answers to [`probes`] show: one per probe with a path.
pub(super) fn report(
    checks: &[Check],
    exploration: &Exploration,
    report: &mut impl FnMut(Item, String),
) {
    for (check, path) in checks.iter().zip(&exploration.witnesses) {
        if let Some(path) = path {
            report(check.item, format!("{}: {}", check.message, describe(path)));
        }
    }
}

/// How every finding of a probe begins ([`super::contradicts`]).
pub(super) const CONTRADICTS: &str = "contradicts the answers on a path";

/// The highest pain score that may be called mild.
const MILD_AT_MOST: u8 = 3;
/// Pain is recent for less than this many days (4 weeks).
const RECENT_UNDER_DAYS: u32 = 28;
const MILD: &[&str] = &["mild", "leve", "leves"];
const RECENT: &[&str] = &[
    "recent",
    "recently",
    "reciente",
    "recientes",
    "recientemente",
];

/// Every wording of a text, in every language and for either reader
/// ([`Text::wordings`]).
fn wordings(text: &Text) -> impl Iterator<Item = &'static str> + '_ {
    text.wordings().map(|(_, _, said)| said)
}

fn words(wording: &str) -> Vec<String> {
    wording
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The first of `list` that a wording of `text` says, as a word.
fn find_word(text: &Text, list: &[&'static str]) -> Option<&'static str> {
    wordings(text).find_map(|w| {
        let words = words(w);
        list.iter().copied().find(|l| words.iter().any(|w| w == l))
    })
}

/// A wording two texts share, if any.
fn same_wording(a: &Text, b: &Text) -> Option<&'static str> {
    let b: Vec<&str> = wordings(b).collect();
    wordings(a).find(|w| b.contains(w))
}

/// Where a wording names the back as a place of pain: "back pain", "your back", "the
/// lower back", "espalda" (not "come back" or "call back", nor "back or neck pain").
fn names_the_back(text: &Text) -> Option<String> {
    const BEFORE: [&str; 8] = ["your", "their", "the", "lower", "low", "upper", "mid", "my"];
    const AFTER: [&str; 3] = ["pain", "ache", "pains"];
    wordings(text).find_map(|wording| {
        let words = words(wording);
        words.iter().enumerate().find_map(|(i, w)| {
            let before = i.checked_sub(1).map(|j| words[j].as_str());
            let after = words.get(i + 1).map(String::as_str);
            let by_before = w == "back" && before.is_some_and(|b| BEFORE.contains(&b));
            let by_after = w == "back" && after.is_some_and(|a| AFTER.contains(&a));
            // "Back or neck pain" names the neck too, for someone who chose it.
            let rest: Vec<&str> = words[i + 1..].iter().take(3).map(String::as_str).collect();
            let or_neck = matches!(rest.as_slice(), ["or", "neck", ..] | ["o", "de", "cuello"]);
            if or_neck {
                return None;
            }
            match (by_before, by_after, before) {
                (true, _, Some(b)) => Some(format!("{b} back")),
                (_, true, _) => Some(format!("back {}", after.unwrap_or_default())),
                _ if w == "espalda" => Some("espalda".to_string()),
                _ => None,
            }
        })
    })
}

/// A stretch of time in half-days, both ends included, so that "less than 4 weeks"
/// ends just before "4 weeks to less than 3 months" begins. `u32::MAX`: no end.
type Span = (u32, u32);

/// The single-choice questions whose every choice is a duration in every language,
/// with each choice's span.
fn durations(quiz: &Quiz) -> Vec<(QuestionId, Vec<(crate::model::ChoiceId, Span)>)> {
    let mut out = Vec::new();
    for q in quiz.questions.iter().filter(|q| q.kind == Kind::Single) {
        let spans: Option<Vec<_>> = (q.choices.iter())
            .map(|c| span(c.label.myself(Lang::BUILT_IN)).map(|s| (c.id, s)))
            .collect();
        if let Some(spans) = spans {
            out.push((q.id, spans));
        }
    }
    out
}

/// "Less than 4 weeks", "4 weeks to less than 3 months", "3 months or more", "More
/// than 12 weeks", "4 to 12 weeks", and the same in Spanish ("Menos de 4 semanas",
/// "De 4 semanas a menos de 3 meses", "3 meses o más", "Más de…", "De 4 a 12…").
fn span(label: &str) -> Option<Span> {
    let w = words(label);
    let w: Vec<&str> = w.iter().map(String::as_str).collect();
    let days = |n: &str, unit: &str| -> Option<u32> {
        let n: u32 = n.parse().ok()?;
        let unit = match unit {
            "day" | "days" | "día" | "días" | "dia" | "dias" => 1,
            "week" | "weeks" | "semana" | "semanas" => 7,
            "month" | "months" | "mes" | "meses" => 30,
            "year" | "years" | "año" | "años" => 365,
            _ => return None,
        };
        Some(2 * n * unit)
    };
    const OPEN: u32 = u32::MAX;
    match w.as_slice() {
        ["less", "than", n, u] | ["menos", "de", n, u] => Some((0, days(n, u)?.checked_sub(1)?)),
        [n, u, "or", "more"] | [n, u, "o", "más"] => Some((days(n, u)?, OPEN)),
        ["more", "than", n, u] | ["más", "de", n, u] => Some((days(n, u)? + 1, OPEN)),
        [n, u, "to", "less", "than", m, v] | ["de", n, u, "a", "menos", "de", m, v] => {
            Some((days(n, u)?, days(m, v)?.checked_sub(1)?))
        }
        [n, "to", m, u] | ["de", n, "a", m, u] => Some((days(n, u)?, days(m, u)?)),
        [n, u, "to", m, v] | ["de", n, u, "a", m, v] => Some((days(n, u)?, days(m, v)?)),
        _ => None,
    }
}

/// Checks on the texts alone: durations that overlap or leave a gap; doctor-first and
/// urgent results that do not say when and where; a rule or result whose line says
/// "if…" with no `watch`.
pub(super) fn texts(quiz: &Quiz, report: &mut impl FnMut(Item, String)) {
    for (question, spans) in durations(quiz) {
        let q = quiz.question(question).expect("a question of the quiz");
        for lang in Lang::ALL {
            let mut end: Option<u32> = None;
            for c in q.choices {
                let item = Item::Choice(q.id, c.id);
                let label = c.label.myself(lang);
                let Some((from, to)) = span(label) else {
                    report(
                        item,
                        format!(
                            "the {} label \"{label}\" is not a duration like the others'",
                            lang.english_name()
                        ),
                    );
                    continue;
                };
                let english = spans.iter().find(|(id, _)| *id == c.id).map(|(_, s)| *s);
                if lang != Lang::BUILT_IN && english != Some((from, to)) {
                    report(
                        item,
                        format!(
                            "the {} label \"{label}\" is not the same stretch of time as \
                             the English one",
                            lang.english_name()
                        ),
                    );
                }
                let start = end.map_or(0, |e| e.saturating_add(1));
                if from < start {
                    report(
                        item,
                        format!(
                            "\"{label}\" overlaps the choice before it: a person could pick either"
                        ),
                    );
                } else if from > start {
                    report(
                        item,
                        format!("\"{label}\" leaves a gap after the choice before it: some durations fit no choice"),
                    );
                }
                end = Some(to);
            }
            if end != Some(u32::MAX) {
                report(
                    Item::Question(q.id),
                    "the last duration has no end (\"… or more\"): longer pain fits no choice"
                        .into(),
                );
            }
        }
    }

    for (tier, when, saying) in [
        (Tier::Urgent, &["today", "hoy"][..], "today"),
        (
            Tier::DoctorFirst,
            &[
                "today", "hoy", "week", "weeks", "semana", "semanas", "days", "días",
            ][..],
            "when (\"within the next week or two\")",
        ),
    ] {
        let actions = (quiz.rules.iter())
            .filter(|r| r.tier == tier)
            .filter_map(|r| r.action.map(|a| (Item::Rule(r.id), a)));
        let result = quiz.result(tier).map(|r| (Item::Result(tier), &r.action));
        for (item, action) in result.into_iter().chain(actions) {
            for wording in wordings(action) {
                let said = words(wording);
                let has = |list: &[&str]| said.iter().any(|w| list.contains(&w.as_str()));
                if !has(when) {
                    report(
                        item,
                        format!("its action does not say {saying}: \"{wording}\""),
                    );
                }
                if !has(&WHERE) {
                    report(
                        item,
                        format!(
                            "its action does not say where (a doctor, urgent care): \"{wording}\""
                        ),
                    );
                }
            }
        }
    }

    // What a watch names must be in the quiz (an empty one names nothing: allowed).
    let watches = (quiz.checks.rules.iter())
        .map(|(id, w)| (Item::Rule(id), w))
        .chain(
            quiz.checks
                .results
                .iter()
                .map(|(t, w)| (Item::Result(*t), w)),
        )
        .chain((quiz.checks.choices.iter()).map(|(q, c, w)| (Item::Choice(*q, *c), w)));
    for (item, watch) in watches {
        if let Condition::Any(parts) = watch {
            for part in parts.iter() {
                super::structure::references(quiz, part, &item, report);
            }
        }
    }
    for rule in quiz.rules.iter().filter(|r| r.worse.is_some()) {
        if watch_of(quiz, Item::Rule(rule.id)).is_none() {
            report(Item::Rule(rule.id), NO_WATCH.into());
        }
    }
    for result in quiz.results {
        if watch_of(quiz, Item::Result(result.tier)).is_none() {
            report(Item::Result(result.tier), NO_WATCH.into());
        }
    }
    for question in quiz.questions {
        for choice in question.choices {
            let item = Item::Choice(question.id, choice.id);
            match (choice.worse, watch_of(quiz, item)) {
                (Some(_), None) => report(item, NO_WATCH.into()),
                (None, Some(_)) => report(
                    item,
                    "has a `watch` and no `worse` line for it to watch: remove the watch, \
                     or give the choice its line"
                        .into(),
                ),
                _ => {}
            }
        }
    }
}

/// Words that name where to go.
const WHERE: [&str; 9] = [
    "doctor",
    "urgent",
    "emergency",
    "médico",
    "urgencias",
    "emergencias",
    "obstetrician",
    "midwife",
    "partera",
];

const NO_WATCH: &str = "has an \"if it gets worse\" line and no `watch`: list the answers \
     that mean what the line says to act on already happened ([] if it names nothing the \
     quiz asks), so the build can check no result says \"call if X starts\" to someone who \
     said X";
