//! The checks on the data itself: ids, references, kinds of question, texts in every
//! language, sources, and the order of emergency and urgent items.

use crate::model::{
    Condition, Guideline, Kind, Lang, Question, QuestionId, Quiz, Source, Text, Tier,
};
use crate::texts::Place;

use super::{suggestion, Item, MAX_CHECKLIST_CHOICES};

pub(super) fn structure(quiz: &Quiz, article: &str, report: &mut impl FnMut(Item, String)) {
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

    for (place, text) in quiz.texts() {
        check_text(&place.owner, place.field.key(), text, report);
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
                item,
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
                        item,
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
        if rule.headline.is_some() && rule.worse.is_none() {
            report(
                Item::Rule(rule.id),
                "has its own headline and no \"if it gets worse\" line (worse): under its \
                 headline the result shows the rule's own line instead of the tier's"
                    .into(),
            );
        }
        if rule.source == Source::Guideline(Guideline::Acp2017)
            && !requires(&rule.when, PLACES, &[LOW_BACK])
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
    // A thing to tell without a `when` is read as ALWAYS, not as an empty `all`.
    for t in quiz.tell.iter().filter(|t| t.when != Condition::ALWAYS) {
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
pub use crate::model::PLACES;
pub const LOW_BACK: &str = "low-back";

/// Whether `c` can only hold when question `question` was answered with one of
/// `choices` (among others): every way of satisfying `c` includes one of them.
pub fn requires(c: &Condition, question: &str, choices: &[&str]) -> bool {
    match c {
        Condition::Chose { question: q, any } => {
            q.0 == question && !any.is_empty() && any.iter().all(|a| choices.contains(&a.0))
        }
        Condition::Between { .. } => false,
        Condition::All(parts) => parts.iter().any(|p| requires(p, question, choices)),
        Condition::Any(parts) => {
            !parts.is_empty() && parts.iter().all(|p| requires(p, question, choices))
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
            report(item, "needs at least two choices".into())
        }
        Kind::YesNo if ids != ["yes", "no"] => report(
            item,
            "a yes-no question has exactly the choices \"yes\" and \"no\"".into(),
        ),
        Kind::Scale if (question.min, question.max) != (0, 10) => {
            report(item, "a scale goes from 0 to 10".into())
        }
        Kind::Number if question.min >= question.max => {
            report(item, "needs min smaller than max".into())
        }
        Kind::Scale | Kind::Number if !question.choices.is_empty() => {
            report(item, "a number question has no choices".into())
        }
        Kind::Checklist if question.choices.len() - exclusive > MAX_CHECKLIST_CHOICES => report(
            item,
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
pub(super) fn references(
    quiz: &Quiz,
    condition: &Condition,
    item: &Item,
    report: &mut impl FnMut(Item, String),
) {
    match condition {
        Condition::All(parts) | Condition::Any(parts) => {
            if parts.is_empty() {
                report(*item, "has an empty all/any condition".into());
            }
            parts.iter().for_each(|p| references(quiz, p, item, report));
        }
        Condition::Chose { question, any } => match quiz.question(*question) {
            None => report(*item, unknown_question(quiz, *question)),
            Some(q) if !q.kind.has_choices() => report(
                *item,
                format!(
                    "uses `is` on question \"{}\", which is answered with a number",
                    q.id.0
                ),
            ),
            Some(q) => {
                if any.is_empty() {
                    report(*item, format!("`is` lists no choice of \"{}\"", q.id.0));
                }
                for c in any.iter().filter(|c| q.choice(**c).is_none()) {
                    let ids: Vec<&str> = q.choices.iter().map(|c| c.id.0).collect();
                    report(
                        *item,
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
            None => report(*item, unknown_question(quiz, *question)),
            Some(q) if q.kind.has_choices() => report(
                *item,
                format!("uses min/max on question \"{}\", which has choices", q.id.0),
            ),
            Some(_) if min > max => report(*item, "has min greater than max".into()),
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

/// The keys of the sentences that speak to whoever reads them: a prompt, "why we ask",
/// a hint, a reason, what to do, "if it gets worse", a pattern's, a thing to tell's or
/// an expectation's text, a result's headline.
const ADDRESSES: [&str; 8] = [
    "prompt", "why", "hint", "reason", "action", "worse", "text", "headline",
];

/// Checks one text; `field` is its key in the file (`prompt`, `label`, `reason`…), so
/// that each message names the exact key to write (`prompt.en-other`).
fn check_text(item: &Item, field: &str, text: &Text, report: &mut impl FnMut(Item, String)) {
    let mut say = |message: String| report(*item, message);
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
    // A sentence is shown to a helper as it is written to the person in pain, and
    // Spanish cannot say who it is about without saying it: "si está perdiendo la vista"
    // after "Llame" is the helper's own sight. So every sentence a visitor reads carries
    // its wording for someone else, even where it is the same: `es-other` repeating `es`
    // says that someone read it as a helper would. (Labels and titles are read under a
    // prompt that names the person, which has its own.)
    if ADDRESSES.contains(&field) && text.someone_else(Lang::Es).is_none() {
        say(format!(
            "the Spanish text ({}) has no {}: a visitor answering for someone else reads \
             it too. Write it for them (\"esa persona\"), or repeat {} once you have read \
             it as they would (\"{}\")",
            key("es"),
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

/// Every English wording of the quiz's texts ([`Quiz::texts`]), for someone in pain
/// and for someone else, with where it is (for reading grades).
pub fn english_texts(quiz: &Quiz) -> Vec<(Place, &'static str)> {
    let mut out = Vec::new();
    for (place, text) in quiz.texts() {
        let english = text.wordings().filter(|(lang, _, _)| *lang == Lang::En);
        out.extend(english.map(|(_, _, wording)| (place, wording)));
    }
    out
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
