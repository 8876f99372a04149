//! The content as `static` Rust: what `build.rs` writes to `$OUT_DIR` from the quiz and
//! clinic the reader gave, so that the browser never parses TOML. The app's
//! `src/content.rs` and `src/clinic.rs` include the two files.
//!
//! The code names the core's types unqualified; the including module imports them.

use std::fmt::Write as _;

use crate::clinic::Clinic;
use crate::model::{Condition, Question, Quiz, Remark, Source, Text};

/// `pub static QUIZ: Quiz = …;`
pub fn quiz_code(quiz: &Quiz) -> String {
    let mut s = String::from("pub static QUIZ: Quiz = Quiz {\n");
    let list = |items: Vec<String>| {
        format!(
            "&[\n{}]",
            items.iter().map(|i| format!("{i},\n")).collect::<String>()
        )
    };
    let _ = writeln!(
        s,
        "sections: {},",
        list(
            quiz.sections
                .iter()
                .map(|x| format!("Section {{ id: {:?}, title: {} }}", x.id, text(&x.title)))
                .collect()
        )
    );
    let _ = writeln!(
        s,
        "questions: {},",
        list(quiz.questions.iter().map(question).collect())
    );
    let _ = writeln!(
        s,
        "rules: {},",
        list(
            quiz.rules
                .iter()
                .map(|r| format!(
                    "Rule {{ id: {:?}, tier: Tier::{:?}, when: {}, reason: {}, source: {}, \
                     call: &[{}], action: {}, worse: {}, details: {} }}",
                    r.id,
                    r.tier,
                    condition(&r.when),
                    text(&r.reason),
                    source(&r.source),
                    r.call
                        .iter()
                        .map(|l| format!("Line::{l:?}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    optional_text(&r.action),
                    optional_text(&r.worse),
                    r.details
                ))
                .collect()
        )
    );
    let remark = |r: &Remark| {
        format!(
            "Remark {{ id: {:?}, when: {}, text: {}, source: {} }}",
            r.id,
            condition(&r.when),
            text(&r.text),
            source(&r.source)
        )
    };
    let _ = writeln!(
        s,
        "patterns: {},",
        list(quiz.patterns.iter().map(remark).collect())
    );
    let _ = writeln!(s, "tell: {},", list(quiz.tell.iter().map(remark).collect()));
    let _ = writeln!(
        s,
        "expectations: {},",
        list(
            quiz.expectations
                .iter()
                .map(|e| format!(
                    "Expectation {{ text: {}, source: {} }}",
                    text(&e.text),
                    source(&e.source)
                ))
                .collect()
        )
    );
    let _ = writeln!(
        s,
        "results: {},",
        list(
            quiz.results
                .iter()
                .map(|r| format!(
        "TierText {{ tier: Tier::{:?}, headline: {}, action: {}, worse: {}, source: {} }}",
        r.tier, text(&r.headline), text(&r.action), text(&r.worse), source(&r.source)
    ))
                .collect()
        )
    );
    let _ = writeln!(
        s,
        "words: Words {{ yes: {}, no: {} }},",
        text(&quiz.words.yes),
        text(&quiz.words.no)
    );
    s.push_str("};\n");
    s
}

fn question(q: &Question) -> String {
    let choices: Vec<String> = q
        .choices
        .iter()
        .map(|c| {
            format!(
                "Choice {{ id: ChoiceId({:?}), label: {}, exclusive: {}, source: {} }}",
                c.id.0,
                text(&c.label),
                c.exclusive,
                source(&c.source)
            )
        })
        .collect();
    format!(
        "Question {{ id: QuestionId({:?}), section: {:?}, kind: Kind::{:?}, prompt: {}, why: {}, \
         hint: {}, choices: &[{}], min: {}, max: {}, show_if: {}, source: {} }}",
        q.id.0,
        q.section,
        q.kind,
        text(&q.prompt),
        text(&q.why),
        optional_text(&q.hint),
        choices.join(", "),
        q.min,
        q.max,
        q.show_if
            .as_ref()
            .map_or("None".into(), |c| format!("Some({})", condition(c))),
        source(&q.source)
    )
}

fn text(t: &Text) -> String {
    let wordings: Vec<String> =
        t.0.iter()
            .map(|w| {
                format!(
                    "Wording {{ myself: {:?}, someone_else: {:?} }}",
                    w.myself, w.someone_else
                )
            })
            .collect();
    format!("Text([{}])", wordings.join(", "))
}

fn optional_text(t: &Option<Text>) -> String {
    t.as_ref()
        .map_or("None".into(), |t| format!("Some({})", text(t)))
}

fn source(s: &Source) -> String {
    match s {
        Source::Article(quote) => format!("Source::Article({quote:?})"),
        Source::Guideline(g) => format!("Source::Guideline(Guideline::{g:?})"),
    }
}

fn condition(c: &Condition) -> String {
    match c {
        Condition::Chose { question, any } => {
            let ids: Vec<String> = any.iter().map(|c| format!("ChoiceId({:?})", c.0)).collect();
            format!(
                "Condition::Chose {{ question: QuestionId({:?}), any: &[{}] }}",
                question.0,
                ids.join(", ")
            )
        }
        Condition::Between { question, min, max } => {
            format!(
                "Condition::Between {{ question: QuestionId({:?}), min: {min}, max: {max} }}",
                question.0
            )
        }
        Condition::All(parts) => format!(
            "Condition::All(&[{}])",
            parts.iter().map(condition).collect::<Vec<_>>().join(", ")
        ),
        Condition::Any(parts) => format!(
            "Condition::Any(&[{}])",
            parts.iter().map(condition).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// `pub static CLINIC: Clinic = …;` (the review as given: `build.rs` applies
/// `ContentVersion::for_content` first).
pub fn clinic_code(c: &Clinic) -> String {
    let after_hours = c
        .after_hours
        .as_ref()
        .map_or("None".into(), |t| format!("Some({})", text(t)));
    let locations: Vec<String> = c
        .locations
        .iter()
        .map(|l| {
            format!(
                "Location {{ name: {}, address: {:?} }}",
                text(&l.name),
                l.address
            )
        })
        .collect();
    let texts = |list: &[Text]| list.iter().map(text).collect::<Vec<_>>().join(", ");
    let review = c.content.review.map_or("None".into(), |r| {
        format!(
            "Some(quiz::Review {{ by: {:?}, on: {:?}, fingerprint: {:?} }})",
            r.by, r.on, r.fingerprint
        )
    });
    format!(
        "pub static CLINIC: Clinic = Clinic {{\n name: {:?},\n phone: Phone {{ display: {:?}, tel: {:?} }},\n \
         booking_url: {:?},\n locations: &[{}],\n hours: &[{}],\n after_hours: {},\n insurance: {},\n \
         languages: &[{}],\n content: ContentVersion {{ version: {:?}, fingerprint: {:?}, review: {} }},\n}};\n",
        c.name, c.phone.display, c.phone.tel, c.booking_url, locations.join(", "), texts(c.hours), after_hours,
        text(&c.insurance), texts(c.languages), c.content.version, c.content.fingerprint, review
    )
}
