//! Every text a visitor can be shown, visited one way: [`Quiz::texts`],
//! [`Clinic::texts`] and both together, [`every_text`]. Each comes with its [`Place`]:
//! the item it belongs to and its key in the content file.
//!
//! Whatever needs every text asks here rather than walking the model itself: the
//! validator's checks of each text (both languages, a wording for someone else where
//! the English says "you"), the reading grades of `cargo xtask check-content`, the
//! review packet (and its test that it shows every text), and the emitter, which packs
//! every text it visits. A second walk of the model drifts: one had left out
//! the rules' "what to do" and "if it gets worse" lines, another the patterns, things to
//! tell, expectations and section titles.
//!
//! Every struct is taken apart without `..`, so a field added to the model does not
//! compile here until someone decides whether it is a text visitors read.

use std::fmt;

use crate::clinic::{Clinic, ContentVersion, Location, Phone};
use crate::model::{
    Choice, ChoiceId, Expectation, Lang, Perspective, Question, QuestionId, Quiz, Remark, Rule,
    Section, Text, Tier, TierText, Words,
};

/// The item a text belongs to, or a problem of the content is about
/// (`validate::Item`, the same type).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    /// The quiz as a whole: a problem about no one item (a path with no outcome).
    Quiz,
    Section(&'static str),
    Question(QuestionId),
    Choice(QuestionId, ChoiceId),
    Rule(&'static str),
    Pattern(&'static str),
    Tell(&'static str),
    /// The `n`-th `[[expect]]`, from 0.
    Expectation(usize),
    Result(Tier),
    /// `[words]`: the answers of every yes-no question.
    Words,
    /// The clinic's facts (`clinic.toml`).
    Clinic,
    /// The `n`-th of the clinic's locations, from 0.
    Location(usize),
}

/// Which text of its item: a key of the content file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Prompt,
    Why,
    Hint,
    Label,
    Reason,
    Action,
    Worse,
    Text,
    Headline,
    Yes,
    No,
    Name,
    /// The `n`-th line of the clinic's hours, from 0.
    Hours(usize),
    AfterHours,
    Insurance,
    /// The `n`-th language the staff speak, from 0.
    Language(usize),
}

impl Field {
    /// The key, as the content file writes it (before `.en`, `.es-other`…).
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Prompt => "prompt",
            Field::Why => "why",
            Field::Hint => "hint",
            Field::Label => "label",
            Field::Reason => "reason",
            Field::Action => "action",
            Field::Worse => "worse",
            Field::Text => "text",
            Field::Headline => "headline",
            Field::Yes => "yes",
            Field::No => "no",
            Field::Name => "name",
            Field::Hours(_) => "hours",
            Field::AfterHours => "after_hours",
            Field::Insurance => "insurance",
            Field::Language(_) => "languages",
        }
    }
}

/// Where a text is: its item and its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Place {
    pub owner: Owner,
    pub field: Field,
}

/// `rule "fever"`; `choice "none" of question "where"`; `location #2`.
impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Owner::Quiz => write!(f, "the quiz"),
            Owner::Section(id) => write!(f, "section \"{id}\""),
            Owner::Question(q) => write!(f, "question \"{}\"", q.0),
            Owner::Choice(q, c) => write!(f, "choice \"{}\" of question \"{}\"", c.0, q.0),
            Owner::Rule(id) => write!(f, "rule \"{id}\""),
            Owner::Pattern(id) => write!(f, "pattern \"{id}\""),
            Owner::Tell(id) => write!(f, "tell \"{id}\""),
            Owner::Expectation(i) => write!(f, "expect #{}", i + 1),
            Owner::Result(tier) => write!(f, "result \"{}\"", tier.slug()),
            Owner::Words => write!(f, "[words]"),
            Owner::Clinic => write!(f, "clinic"),
            Owner::Location(i) => write!(f, "location #{}", i + 1),
        }
    }
}

/// `rule "fever", worse`; `clinic, hours #2`.
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {}", self.owner, self.field.key())?;
        match self.field {
            Field::Hours(i) | Field::Language(i) => write!(f, " #{}", i + 1),
            _ => Ok(()),
        }
    }
}

impl Text {
    /// Every wording of this text: each language's for the person in pain, then for
    /// someone else where it has one (`prompt.en`, `prompt.en-other`, `prompt.es`, …).
    pub fn wordings(&self) -> impl Iterator<Item = (Lang, Perspective, &'static str)> + '_ {
        Lang::ALL.into_iter().flat_map(move |lang| {
            let other = self.someone_else(lang);
            let other = other.map(|t| (lang, Perspective::SomeoneElse, t));
            [Some((lang, Perspective::Myself, self.myself(lang))), other]
                .into_iter()
                .flatten()
        })
    }
}

/// The texts of one item, added in the order met.
struct Visit<'a>(Vec<(Place, &'a Text)>);

impl<'a> Visit<'a> {
    fn add(&mut self, owner: Owner, field: Field, text: &'a Text) {
        self.0.push((Place { owner, field }, text));
    }

    fn optional(&mut self, owner: Owner, field: Field, text: Option<&'a Text>) {
        if let Some(text) = text {
            self.add(owner, field, text);
        }
    }
}

impl Quiz {
    /// Every text of the quiz, in the content's order: the sections' titles; each
    /// question's prompt, "why we ask", hint and choices (label, "if it gets worse");
    /// each rule's reason, action and
    /// "if it gets worse"; the patterns, the things to tell, the expectations; each
    /// result's headline, action and "if it gets worse"; the words yes and no.
    pub fn texts(&self) -> Vec<(Place, &Text)> {
        let mut out = Visit(Vec::with_capacity(512));
        let Quiz {
            sections,
            questions,
            rules,
            patterns,
            tell,
            expectations,
            results,
            words,
            // Conditions only: no text.
            checks: _,
        } = self;
        for Section { id, title } in sections.iter() {
            out.add(Owner::Section(id), Field::Title, title);
        }
        for question in questions.iter() {
            let Question {
                id,
                section: _,
                kind: _,
                prompt,
                why,
                hint,
                choices,
                min: _,
                max: _,
                show_if: _,
                source: _,
            } = question;
            let owner = Owner::Question(*id);
            out.add(owner, Field::Prompt, prompt);
            out.add(owner, Field::Why, why);
            out.optional(owner, Field::Hint, *hint);
            for Choice {
                id: choice,
                label,
                exclusive: _,
                source: _,
                worse,
            } in choices.iter()
            {
                out.add(Owner::Choice(*id, *choice), Field::Label, label);
                out.optional(Owner::Choice(*id, *choice), Field::Worse, *worse);
            }
        }
        for rule in rules.iter() {
            let Rule {
                id,
                tier: _,
                when: _,
                reason,
                source: _,
                call: _,
                action,
                headline,
                worse,
                details: _,
            } = rule;
            let owner = Owner::Rule(id);
            out.add(owner, Field::Reason, reason);
            out.optional(owner, Field::Action, *action);
            out.optional(owner, Field::Headline, *headline);
            out.optional(owner, Field::Worse, *worse);
        }
        for (remarks, owner) in [
            (patterns, Owner::Pattern as fn(&'static str) -> Owner),
            (tell, Owner::Tell),
        ] {
            for Remark {
                id,
                when: _,
                text,
                source: _,
            } in remarks.iter()
            {
                out.add(owner(id), Field::Text, text);
            }
        }
        for (i, Expectation { text, source: _ }) in expectations.iter().enumerate() {
            out.add(Owner::Expectation(i), Field::Text, text);
        }
        for TierText {
            tier,
            headline,
            action,
            worse,
            source: _,
        } in results.iter()
        {
            let owner = Owner::Result(*tier);
            out.add(owner, Field::Headline, headline);
            out.add(owner, Field::Action, action);
            out.add(owner, Field::Worse, worse);
        }
        let Words { yes, no } = words;
        out.add(Owner::Words, Field::Yes, yes);
        out.add(Owner::Words, Field::No, no);
        out.0
    }
}

impl Clinic {
    /// Every text of the clinic's facts, in the file's order: the locations' names, the
    /// hours, the after-hours advice, insurance, the languages the staff speak. (Its
    /// name, phone, addresses and booking link read alike in every language: not texts.)
    pub fn texts(&self) -> Vec<(Place, &Text)> {
        let mut out = Visit(Vec::new());
        let Clinic {
            name: _,
            phone: Phone { display: _, tel: _ },
            booking_url: _,
            locations,
            hours,
            after_hours,
            insurance,
            languages,
            content:
                ContentVersion {
                    version: _,
                    fingerprint: _,
                    review: _,
                },
        } = self;
        for (i, Location { name, address: _ }) in locations.iter().enumerate() {
            out.add(Owner::Location(i), Field::Name, name);
        }
        for (i, line) in hours.iter().enumerate() {
            out.add(Owner::Clinic, Field::Hours(i), line);
        }
        out.optional(Owner::Clinic, Field::AfterHours, after_hours.as_ref());
        out.add(Owner::Clinic, Field::Insurance, insurance);
        for (i, language) in languages.iter().enumerate() {
            out.add(Owner::Clinic, Field::Language(i), language);
        }
        out.0
    }
}

/// Every text a visitor can be shown: the quiz's ([`Quiz::texts`]), then the clinic's
/// ([`Clinic::texts`]). The screens' own strings are not content: they are
/// `crate::strings`, one table per language.
pub fn every_text<'a>(quiz: &'a Quiz, clinic: &'a Clinic) -> Vec<(Place, &'a Text)> {
    let mut out = quiz.texts();
    out.extend(clinic.texts());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Condition, Guideline, Kind, Line, Review, Source, Wording};

    /// A text whose wordings name it: `<name>` in English, `<name> (es)` in Spanish,
    /// with `… (other)` for someone else when `other`.
    fn text(name: &'static str, other: bool) -> Text {
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        Text(Lang::ALL.map(|lang| {
            let myself = match lang {
                Lang::En => name,
                _ => leak(format!("{name} ({})", lang.tag())),
            };
            Wording::here(myself, other.then(|| leak(format!("{myself} (other)"))))
        }))
    }

    fn leak<T>(items: Vec<T>) -> &'static [T] {
        Box::leak(items.into_boxed_slice())
    }

    /// An optional text as the model holds it: by reference.
    fn held(t: Text) -> Option<&'static Text> {
        Some(Box::leak(Box::new(t)))
    }

    const SOURCE: Source = Source::Guideline(Guideline::NiceCks);

    /// A quiz and a clinic with every field that holds a text set, each text named
    /// after where it is.
    fn every_field() -> (Quiz, Clinic) {
        let never = Condition::Chose {
            question: QuestionId("q"),
            any: &[ChoiceId("a")],
        };
        let choice = |id, label, worse: Option<&'static Text>| Choice {
            id: ChoiceId(id),
            label: text(label, false),
            exclusive: false,
            source: crate::cited(SOURCE),
            worse,
        };
        let rule = |id, reason, action: Option<&'static Text>, worse: Option<&'static Text>| Rule {
            id,
            tier: Tier::Urgent,
            when: never,
            reason: text(reason, true),
            source: SOURCE,
            call: &[Line::Emergency],
            action,
            headline: None,
            worse,
            details: true,
        };
        let remark = |id, words| Remark {
            id,
            when: never,
            text: text(words, false),
            source: SOURCE,
        };
        let quiz = Quiz {
            sections: leak(vec![Section {
                id: "s",
                title: text("s title", false),
            }]),
            questions: leak(vec![
                Question {
                    id: QuestionId("q"),
                    section: "s",
                    kind: Kind::Single,
                    prompt: text("q prompt", true),
                    why: text("q why", false),
                    hint: held(text("q hint", false)),
                    choices: leak(vec![
                        choice("a", "a label", held(text("a worse", true))),
                        choice("b", "b label", None),
                    ]),
                    min: 0,
                    max: 0,
                    show_if: None,
                    source: crate::cited(SOURCE),
                },
                Question {
                    id: QuestionId("n"),
                    section: "s",
                    kind: Kind::Number,
                    prompt: text("n prompt", false),
                    why: text("n why", false),
                    hint: None,
                    choices: &[],
                    min: 1,
                    max: 9,
                    show_if: Some(never),
                    source: crate::cited(SOURCE),
                },
            ]),
            rules: leak(vec![
                rule(
                    "r",
                    "r reason",
                    held(text("r action", false)),
                    held(text("r worse", true)),
                ),
                rule("plain", "plain reason", None, None),
            ]),
            patterns: leak(vec![remark("p", "p text")]),
            tell: leak(vec![remark("t", "t text")]),
            expectations: leak(vec![Expectation {
                text: text("e text", false),
                source: SOURCE,
            }]),
            results: leak(vec![TierText {
                tier: Tier::Urgent,
                headline: text("u headline", false),
                action: text("u action", false),
                worse: text("u worse", false),
                source: crate::cited(SOURCE),
            }]),
            words: Words {
                yes: text("yes", false),
                no: text("no", false),
            },
            checks: &crate::model::Checks::NONE,
        };
        let clinic = Clinic {
            name: "Clinic",
            phone: Phone {
                display: "(555) 555-0100",
                tel: "+15555550100",
            },
            booking_url: Some("https://example.com"),
            locations: leak(vec![Location {
                name: text("l name", false),
                address: "1 Main St",
            }]),
            hours: leak(vec![text("h1", false), text("h2", false)]),
            after_hours: Some(text("after hours", true)),
            insurance: text("insurance", false),
            languages: leak(vec![text("language", false)]),
            content: ContentVersion {
                version: "1",
                fingerprint: None,
                review: Some(Review {
                    by: "Dr. A",
                    on: "2026-12-01",
                    fingerprint: "0",
                }),
            },
        };
        (quiz, clinic)
    }

    /// Every text, in order, each with its place: nothing left out, nothing twice.
    #[test]
    fn every_text_is_visited_once_in_the_contents_order() {
        let (quiz, clinic) = every_field();
        let visited: Vec<String> = every_text(&quiz, &clinic)
            .iter()
            .map(|(place, text)| format!("{place}: {}", text.myself(Lang::En)))
            .collect();
        assert_eq!(
            visited,
            [
                "section \"s\", title: s title",
                "question \"q\", prompt: q prompt",
                "question \"q\", why: q why",
                "question \"q\", hint: q hint",
                "choice \"a\" of question \"q\", label: a label",
                "choice \"a\" of question \"q\", worse: a worse",
                "choice \"b\" of question \"q\", label: b label",
                "question \"n\", prompt: n prompt",
                "question \"n\", why: n why",
                "rule \"r\", reason: r reason",
                "rule \"r\", action: r action",
                "rule \"r\", worse: r worse",
                "rule \"plain\", reason: plain reason",
                "pattern \"p\", text: p text",
                "tell \"t\", text: t text",
                "expect #1, text: e text",
                "result \"urgent\", headline: u headline",
                "result \"urgent\", action: u action",
                "result \"urgent\", worse: u worse",
                "[words], yes: yes",
                "[words], no: no",
                "location #1, name: l name",
                "clinic, hours #1: h1",
                "clinic, hours #2: h2",
                "clinic, after_hours: after hours",
                "clinic, insurance: insurance",
                "clinic, languages #1: language",
            ]
        );
    }

    /// The visit reaches every wording the emitter writes into the app's code: the
    /// emitter writes every field of every struct (the app's code does not compile
    /// otherwise) and looks each text up in the visit, so a text the visit missed would
    /// panic there; and it writes no text the visit does not give.
    #[cfg(feature = "content-tools")]
    #[test]
    fn the_visit_reaches_every_text_the_app_is_built_with() {
        let (quiz, clinic) = every_field();
        let code = crate::emit::app_code(&quiz, &clinic, false);
        let written = code.quiz.matches("Text([").count() + code.clinic.matches("Text([").count();
        assert_eq!(written, every_text(&quiz, &clinic).len());
    }

    #[test]
    fn a_text_gives_every_wording_language_by_language() {
        let wordings: Vec<(Lang, Perspective, &str)> = text("q", true).wordings().collect();
        assert_eq!(
            wordings,
            [
                (Lang::En, Perspective::Myself, "q"),
                (Lang::En, Perspective::SomeoneElse, "q (other)"),
                (Lang::Es, Perspective::Myself, "q (es)"),
                (Lang::Es, Perspective::SomeoneElse, "q (es) (other)"),
            ]
        );
        assert_eq!(text("a", false).wordings().count(), Lang::COUNT);
    }
}
