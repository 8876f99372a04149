//! The clinical content in its canonical form: the text that the content's fingerprint
//! hashes ([`super::fingerprint`]), and so what a clinician's review is bound to.
//!
//! It is written here field by field, under names of its own, never from Rust's
//! `Debug`: renaming a field, reordering a derive or adding a field that carries
//! nothing clinical leaves it as it is, while any change to what the quiz asks,
//! decides or shows changes it. Every struct is taken apart without `..`, so a field
//! added to the model does not compile here until someone decides whether it is
//! clinical.
//!
//! The form, one item a line, two spaces of indent per level, in the content's order:
//!
//! ```text
//! symptom-quiz clinical content, form 1
//! section <id>
//!   title.<lang>[-other] "<wording>"
//! question <id> <kind> in <section> [<min>..=<max>]
//!   show-if <condition>
//!   prompt.<lang>[-other] "…"      (also why, hint)
//!   source article "<sentence>" | source guideline <id>
//!   choice <id> [exclusive]
//!     label.<lang>[-other] "…"      (also worse)
//!     source …
//! rule <id> <tier> [call <line>, …] [no-details]
//!   when <condition>
//!   reason… action… worse… source…
//! pattern <id> / tell <id>   (when, text, source)
//! expectation                (text, source)
//! result <tier>              (headline, action, worse, source)
//! word yes / word no
//! clinic after-hours.<lang>[-other] "…"
//! screen <name>.<lang> "…"   (the screens' strings that carry safety, SAFETY_STRINGS)
//! article
//!   <each line of the article, trailing spaces aside>
//! ```
//!
//! A condition reads `chose(<question>: <choice>|<choice>)`, `between(<question>:
//! <min>..=<max>)`, `all(<condition>, …)` or `any(<condition>, …)`. A wording is quoted,
//! with `\` and `"` escaped and each control character written `\u{<hex>}`.

use std::fmt::Write;

use crate::strings::{self, Strings};
use crate::{
    Choice, Clinic, Condition, Expectation, Lang, Question, Quiz, Remark, Rule, Section, Source,
    Text, TierText, Words,
};

/// The form's first line; a new form (a change to this file's output for the same
/// content) takes a new number, and lapses every review on purpose.
pub const FORM: &str = "symptom-quiz clinical content, form 1";

/// One string of a screens' table.
pub type ScreenString = fn(&Strings) -> &'static str;

/// The screens' strings (`quiz::strings`) that carry safety: what the quiz is for, the
/// emergency notice and the call buttons, "not a diagnosis", what to do if it gets
/// worse or after a doctor's check, and the crash fallback's 911 line.
pub const SAFETY_STRINGS: [(&str, ScreenString); 15] = [
    ("start-intro", |s| s.start_intro.0),
    ("emergency-notice", |s| s.emergency_notice),
    ("call-911", |s| s.call_911),
    ("call-988", |s| s.call_988),
    ("call-poison", |s| s.call_poison),
    ("not-a-diagnosis", |s| s.not_a_diagnosis),
    ("emergency-still", |s| s.emergency_still),
    ("if-worse", |s| s.if_worse),
    ("also-tell", |s| s.also_tell),
    ("after-checked", |s| s.after_checked),
    ("after-hours", |s| s.after_hours),
    ("result-not-a-diagnosis", |s| s.result_not_a_diagnosis),
    ("emergency-not-a-diagnosis", |s| s.emergency_not_a_diagnosis),
    ("went-wrong-text", |s| s.went_wrong_text),
    ("talk-to-clinic", |s| s.talk_to_clinic),
];

/// The canonical form of the quiz, the article it quotes, the clinic's after-hours
/// advice and the screens' safety strings of every language.
pub fn canonical(quiz: &Quiz, article: &str, clinic: &Clinic) -> String {
    canonical_with(quiz, article, clinic, Lang::ALL.map(strings::table))
}

/// [`canonical`], with the screens' tables given (tests change one).
pub(crate) fn canonical_with(
    quiz: &Quiz,
    article: &str,
    clinic: &Clinic,
    tables: [&Strings; Lang::COUNT],
) -> String {
    let mut out = Form(String::with_capacity(64 * 1024));
    out.line(0, FORM);
    let Quiz {
        sections,
        questions,
        rules,
        patterns,
        tell,
        expectations,
        results,
        words,
        // What the build checks changes nothing a visitor sees or the quiz decides.
        checks: _,
    } = quiz;
    for Section { id, title } in sections.iter() {
        out.line(0, &format!("section {id}"));
        out.text(1, "title", title);
    }
    questions.iter().for_each(|q| out.question(q));
    rules.iter().for_each(|r| out.rule(r));
    for (what, remarks) in [("pattern", patterns), ("tell", tell)] {
        for Remark {
            id,
            when,
            text,
            source,
        } in remarks.iter()
        {
            out.line(0, &format!("{what} {id}"));
            out.line(1, &format!("when {}", condition(when)));
            out.text(1, "text", text);
            out.source(1, source);
        }
    }
    for Expectation { text, source } in expectations.iter() {
        out.line(0, "expectation");
        out.text(1, "text", text);
        out.source(1, source);
    }
    for TierText {
        tier,
        headline,
        action,
        worse,
        source,
    } in results.iter()
    {
        out.line(0, &format!("result {}", tier.slug()));
        out.text(1, "headline", headline);
        out.text(1, "action", action);
        out.text(1, "worse", worse);
        out.source(1, source);
    }
    let Words { yes, no } = words;
    for (word, text) in [("yes", yes), ("no", no)] {
        out.line(0, &format!("word {word}"));
        out.text(1, "text", text);
    }
    // The clinic's only clinical fact: what to do when the office is closed. Its name,
    // phone, hours and the rest may be corrected without a new review.
    let Clinic {
        name: _,
        phone: _,
        booking_url: _,
        locations: _,
        hours: _,
        after_hours,
        insurance: _,
        languages: _,
        content: _,
    } = clinic;
    if let Some(after_hours) = after_hours {
        out.text(0, "clinic after-hours", after_hours);
    }
    for (name, get) in SAFETY_STRINGS {
        for lang in Lang::ALL {
            let key = format!("screen {name}.{}", lang.tag());
            out.line(0, &format!("{key} {}", quoted(get(tables[lang.index()]))));
        }
    }
    out.line(0, "article");
    for line in super::article_text(article).lines() {
        out.line(1, line);
    }
    out.0
}

/// The form being written.
struct Form(String);

impl Form {
    fn line(&mut self, depth: usize, line: &str) {
        for _ in 0..depth {
            self.0.push_str("  ");
        }
        self.0.push_str(line);
        self.0.push('\n');
    }

    /// Every wording of `text`, in every language and audience: `field.en`,
    /// `field.en-other` (only where it has one), `field.es`, …
    fn text(&mut self, depth: usize, field: &str, text: &Text) {
        for lang in Lang::ALL {
            let tag = lang.tag();
            self.line(
                depth,
                &format!("{field}.{tag} {}", quoted(text.myself(lang))),
            );
            if let Some(other) = text.someone_else(lang) {
                self.line(depth, &format!("{field}.{tag}-other {}", quoted(other)));
            }
        }
    }

    fn optional_text(&mut self, depth: usize, field: &str, text: Option<&Text>) {
        if let Some(text) = text {
            self.text(depth, field, text);
        }
    }

    fn source(&mut self, depth: usize, source: &Source) {
        let line = match source {
            Source::Article(sentence) => format!("source article {}", quoted(sentence)),
            Source::Guideline(g) => format!("source guideline {}", g.id()),
        };
        self.line(depth, &line);
    }

    fn question(&mut self, question: &Question) {
        let Question {
            id,
            section,
            kind,
            prompt,
            why,
            hint,
            choices,
            min,
            max,
            show_if,
            source,
        } = question;
        let range = if kind.has_choices() {
            String::new()
        } else {
            format!(" {min}..={max}")
        };
        self.line(
            0,
            &format!("question {} {} in {section}{range}", id.0, kind.name()),
        );
        if let Some(show_if) = show_if {
            self.line(1, &format!("show-if {}", condition(show_if)));
        }
        self.text(1, "prompt", prompt);
        self.text(1, "why", why);
        self.optional_text(1, "hint", *hint);
        self.source(1, source);
        for Choice {
            id,
            label,
            exclusive,
            source,
            worse,
        } in choices.iter()
        {
            let exclusive = if *exclusive { " exclusive" } else { "" };
            self.line(1, &format!("choice {}{exclusive}", id.0));
            self.text(2, "label", label);
            self.optional_text(2, "worse", *worse);
            self.source(2, source);
        }
    }

    fn rule(&mut self, rule: &Rule) {
        let Rule {
            id,
            tier,
            when,
            reason,
            source,
            call,
            action,
            headline,
            worse,
            details,
        } = rule;
        let mut head = format!("rule {id} {}", tier.slug());
        if !call.is_empty() {
            let lines: Vec<&str> = call.iter().map(|l| l.id()).collect();
            write!(head, " call {}", lines.join(", ")).expect("a String");
        }
        if !details {
            head.push_str(" no-details");
        }
        self.line(0, &head);
        self.line(1, &format!("when {}", condition(when)));
        self.text(1, "reason", reason);
        self.optional_text(1, "action", *action);
        self.optional_text(1, "headline", *headline);
        self.optional_text(1, "worse", *worse);
        self.source(1, source);
    }
}

fn condition(c: &Condition) -> String {
    let list = |parts: &[Condition]| {
        let parts: Vec<String> = parts.iter().map(condition).collect();
        parts.join(", ")
    };
    match c {
        Condition::Chose { question, any } => {
            let any: Vec<&str> = any.iter().map(|c| c.0).collect();
            format!("chose({}: {})", question.0, any.join("|"))
        }
        Condition::Between { question, min, max } => {
            format!("between({}: {min}..={max})", question.0)
        }
        Condition::All(parts) => format!("all({})", list(parts)),
        Condition::Any(parts) => format!("any({})", list(parts)),
    }
}

/// A wording between double quotes: `\` and `"` escaped, each control character as
/// `\u{hex}`; everything else as it is.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' | '"' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => write!(out, "\\u{{{:x}}}", c as u32).expect("a String"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::EN;
    use crate::{ChoiceId, Guideline, Kind, Line, Phone, QuestionId, Tier, Wording};

    fn text(en: &'static str, es: &'static str) -> Text {
        Text([Wording::here(en, None), Wording::here(es, None)])
    }

    const ARTICLE: Source = Source::Article("Acupuncture helps.");

    /// A quiz of one question and one rule, each field set.
    fn tiny() -> (Quiz, Clinic) {
        let choices: &'static [Choice] = Box::leak(Box::new([
            Choice {
                id: ChoiceId("yes"),
                label: text("Yes", "Sí"),
                exclusive: false,
                source: ARTICLE,
                worse: Some(Box::leak(Box::new(text(
                    "Call if worse.",
                    "Llame si empeora.",
                )))),
            },
            Choice {
                id: ChoiceId("no"),
                label: text("No", "No"),
                exclusive: false,
                source: ARTICLE,
                worse: None,
            },
        ]));
        let prompt = Text([
            Wording::here("Do you have a fever?", Some("Do they have a fever?")),
            Wording::here("¿Tiene fiebre?", Some("¿La persona tiene fiebre?")),
        ]);
        let questions: &'static [Question] = Box::leak(Box::new([
            Question {
                id: QuestionId("fever"),
                section: "signs",
                kind: Kind::YesNo,
                prompt,
                why: text("Infection.", "Infección."),
                hint: None,
                choices,
                min: 0,
                max: 0,
                show_if: None,
                source: Source::Guideline(Guideline::NiceCks),
            },
            Question {
                id: QuestionId("age"),
                section: "signs",
                kind: Kind::Number,
                prompt: text("Age \"now\"", "Edad"),
                why: text("Why.", "Por qué."),
                hint: Some(Box::leak(Box::new(text("Years.\nWhole.", "Años.")))),
                choices: &[],
                min: 1,
                max: 120,
                show_if: Some(Condition::Chose {
                    question: QuestionId("fever"),
                    any: &[ChoiceId("no")],
                }),
                source: ARTICLE,
            },
        ]));
        let when = Condition::All(Box::leak(Box::new([
            Condition::Chose {
                question: QuestionId("fever"),
                any: &[ChoiceId("yes")],
            },
            Condition::Any(Box::leak(Box::new([Condition::Between {
                question: QuestionId("age"),
                min: 1,
                max: 17,
            }]))),
        ])));
        let quiz = Quiz {
            sections: Box::leak(Box::new([Section {
                id: "signs",
                title: text("Signs", "Señales"),
            }])),
            questions,
            rules: Box::leak(Box::new([Rule {
                id: "fever-child",
                tier: Tier::Emergency,
                when,
                reason: text("A child with a fever.", "Un niño con fiebre."),
                source: Source::Guideline(Guideline::NiceCks),
                call: &[Line::Emergency, Line::Poison],
                action: Some(Box::leak(Box::new(text("Call.", "Llame.")))),
                headline: None,
                worse: None,
                details: false,
            }])),
            patterns: &[],
            tell: Box::leak(Box::new([Remark {
                id: "fever",
                when: Condition::Chose {
                    question: QuestionId("fever"),
                    any: &[ChoiceId("yes")],
                },
                text: text("Say so.", "Dígalo."),
                source: ARTICLE,
            }])),
            expectations: Box::leak(Box::new([Expectation {
                text: text("Calm.", "Calma."),
                source: ARTICLE,
            }])),
            results: Box::leak(Box::new([TierText {
                tier: Tier::Emergency,
                headline: text("Now.", "Ya."),
                action: text("Go.", "Vaya."),
                worse: text("Worse.", "Peor."),
                source: ARTICLE,
            }])),
            words: Words {
                yes: text("Yes", "Sí"),
                no: text("No", "No"),
            },
            checks: &crate::model::Checks::NONE,
        };
        let clinic = Clinic {
            name: "Clinic",
            phone: Phone {
                display: "(555) 555-0100",
                tel: "+15555550100",
            },
            booking_url: None,
            locations: &[],
            hours: &[],
            after_hours: Some(text("Call 911.", "Llame al 911.")),
            insurance: text("Most.", "La mayoría."),
            languages: &[],
            content: crate::ContentVersion {
                version: "1",
                fingerprint: None,
                review: None,
            },
        };
        (quiz, clinic)
    }

    /// The form is the documented text, written by this module under its own names: a
    /// change of Rust code alone (a renamed field, a reordered derive, `Debug`) cannot
    /// change it. Only the screens' strings, checked below, are left out here.
    #[test]
    fn the_form_is_the_documented_text() {
        let (quiz, clinic) = tiny();
        let form = canonical(&quiz, "Acupuncture helps.  \r\nSecond line.\n", &clinic);
        let (head, screens) = form.split_once("screen ").unwrap();
        let (_, article) = screens.split_once("article\n").unwrap();
        let want = r#"symptom-quiz clinical content, form 1
section signs
  title.en "Signs"
  title.es "Señales"
question fever yes-no in signs
  prompt.en "Do you have a fever?"
  prompt.en-other "Do they have a fever?"
  prompt.es "¿Tiene fiebre?"
  prompt.es-other "¿La persona tiene fiebre?"
  why.en "Infection."
  why.es "Infección."
  source guideline NICE-CKS
  choice yes
    label.en "Yes"
    label.es "Sí"
    worse.en "Call if worse."
    worse.es "Llame si empeora."
    source article "Acupuncture helps."
  choice no
    label.en "No"
    label.es "No"
    source article "Acupuncture helps."
question age number in signs 1..=120
  show-if chose(fever: no)
  prompt.en "Age \"now\""
  prompt.es "Edad"
  why.en "Why."
  why.es "Por qué."
  hint.en "Years.\u{a}Whole."
  hint.es "Años."
  source article "Acupuncture helps."
rule fever-child emergency call 911, poison-control no-details
  when all(chose(fever: yes), any(between(age: 1..=17)))
  reason.en "A child with a fever."
  reason.es "Un niño con fiebre."
  action.en "Call."
  action.es "Llame."
  source guideline NICE-CKS
tell fever
  when chose(fever: yes)
  text.en "Say so."
  text.es "Dígalo."
  source article "Acupuncture helps."
expectation
  text.en "Calm."
  text.es "Calma."
  source article "Acupuncture helps."
result emergency
  headline.en "Now."
  headline.es "Ya."
  action.en "Go."
  action.es "Vaya."
  worse.en "Worse."
  worse.es "Peor."
  source article "Acupuncture helps."
word yes
  text.en "Yes"
  text.es "Sí"
word no
  text.en "No"
  text.es "No"
clinic after-hours.en "Call 911."
clinic after-hours.es "Llame al 911."
"#;
        assert_eq!(head, want);
        assert_eq!(article, "  Acupuncture helps.\n  Second line.\n");
        // Every safety string of every language, under its own name, in the table's
        // order.
        let lines: Vec<&str> = form.lines().filter(|l| l.starts_with("screen ")).collect();
        assert_eq!(lines.len(), SAFETY_STRINGS.len() * Lang::COUNT);
        assert_eq!(
            lines[0],
            format!("screen start-intro.en {}", quoted(EN.start_intro.0))
        );
        assert!(
            lines.contains(&"screen call-911.en \"Call 911\""),
            "{lines:?}"
        );
        assert!(
            lines.contains(&"screen call-911.es \"Llamar al 911\""),
            "{lines:?}"
        );
    }

    #[test]
    fn a_changed_safety_string_changes_the_form() {
        let (quiz, clinic) = tiny();
        let tables = Lang::ALL.map(strings::table);
        let before = canonical_with(&quiz, "", &clinic, tables);
        let changed = Strings {
            call_911: "Call for help",
            ..EN
        };
        let after = canonical_with(&quiz, "", &clinic, [&changed, tables[1]]);
        assert_ne!(before, after);
        // The clinic's other facts are not clinical.
        let renamed = Clinic {
            name: "Another name",
            hours: Box::leak(Box::new([text("Yes", "Sí")])),
            ..clinic
        };
        assert_eq!(before, canonical_with(&quiz, "", &renamed, tables));
        let advice = Clinic {
            after_hours: Some(text("Call 911 now.", "Llame al 911.")),
            ..clinic
        };
        assert_ne!(before, canonical_with(&quiz, "", &advice, tables));
    }

    #[test]
    fn a_wording_is_quoted_with_escapes() {
        assert_eq!(quoted("a \"b\" \\ c\nd"), r#""a \"b\" \\ c\u{a}d""#);
        assert_eq!(quoted("dolor de espalda"), "\"dolor de espalda\"");
    }
}
