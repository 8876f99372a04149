//! The content's fingerprint, to which a clinician's review is bound: pinned for the
//! repository's content, blind to code and layout, and changed by any change to a
//! word, a tier, a condition or the order of anything, each its own case.

use quiz::source::{load_clinic, load_quiz_unwalked, File};
use quiz::validate::{canonical, fingerprint, FORM};
use quiz::{Choice, Clinic, Condition, Lang, Quiz, Text, Tier, Wording};

use crate::{ARTICLE, CLINIC_TOML, QUIZ, QUIZ_TOML};

fn clinic() -> Clinic {
    load_clinic(File {
        name: "clinic.toml",
        text: CLINIC_TOML,
    })
    .unwrap()
}

/// The repository's own quiz (the fixture, whatever content folder the build reads),
/// read without the walk of every path, which has no part in the fingerprint.
fn repository_quiz() -> Quiz {
    load_quiz_unwalked(
        File {
            name: "quiz.toml",
            text: QUIZ_TOML,
        },
        ARTICLE,
    )
    .unwrap()
}

fn print(quiz: &Quiz) -> String {
    fingerprint(quiz, ARTICLE, &clinic())
}

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

/// Today's value is in the repository, in `content/clinic.toml`'s `[content]`: a change
/// to it is a deliberate change of the content's version, reviewed with the commit.
#[test]
fn the_repository_s_content_has_the_fingerprint_its_version_names() {
    let now = print(&repository_quiz());
    assert_eq!(
        clinic().content.fingerprint,
        Some(now.as_str()),
        "the clinical content changed since version {}: give it a new version, with \
         fingerprint = \"{now}\" beside it in content/clinic.toml's [content] (the \
         clinician's review then lapses until they sign the new content)",
        clinic().content.version
    );
}

/// Nothing of Rust's own forms reaches what is hashed: a renamed field or a new derive
/// cannot change it (the form's own test, `validate::canonical`, pins its text).
#[test]
fn the_hashed_form_is_the_documented_one_not_rust_s() {
    let form = canonical(&QUIZ, ARTICLE, &clinic());
    assert!(form.starts_with(FORM), "{}", &form[..80]);
    for rust in [
        "Some(",
        ": None",
        "Text(",
        "Wording",
        "Here(",
        "Written {",
        "Packed {",
        "QuestionId(",
        "ChoiceId(",
    ] {
        assert!(!form.contains(rust), "{rust} in the canonical form");
    }
    // Comments and layout of the file are not content.
    let laid_out = QUIZ_TOML.replace("\n[[", "\n# a comment\n\n[[");
    let relaid = load_quiz_unwalked(
        File {
            name: "quiz.toml",
            text: &laid_out,
        },
        ARTICLE,
    )
    .unwrap();
    assert_eq!(print(&relaid), print(&repository_quiz()));
}

#[test]
fn a_changed_word_changes_it_in_any_language_and_audience() {
    let before = print(&QUIZ);
    let question = QUIZ
        .questions
        .iter()
        .position(|q| q.prompt.someone_else(Lang::Es).is_some())
        .expect("a question with a wording for someone else");
    for (lang, other) in [(Lang::En, false), (Lang::Es, false), (Lang::Es, true)] {
        let mut questions = QUIZ.questions.to_vec();
        let mut prompt = questions[question].prompt;
        let (myself, someone_else) = (prompt.myself(lang), prompt.someone_else(lang));
        prompt.0[lang.index()] = if other {
            Wording::here(myself, someone_else.map(|t| &*format!("{t}!").leak()))
        } else {
            Wording::here(format!("{myself}!").leak(), someone_else)
        };
        questions[question].prompt = prompt;
        let changed = Quiz {
            questions: leak(questions),
            ..*QUIZ
        };
        assert_ne!(print(&changed), before, "{lang:?}, someone else: {other}");
    }
    // The after-hours advice of the clinic file, and the article, are clinical too.
    let mut advice = clinic();
    advice.after_hours = Some(Text([
        Wording::here("Wait until morning.", None),
        Wording::here("Espere a la mañana.", None),
    ]));
    assert_ne!(fingerprint(&QUIZ, ARTICLE, &advice), before);
    assert_ne!(
        fingerprint(&QUIZ, &format!("{ARTICLE}\nOne more line."), &clinic()),
        before
    );
}

#[test]
fn a_changed_tier_changes_it() {
    let mut rules = QUIZ.rules.to_vec();
    let rule = rules.iter_mut().find(|r| r.tier == Tier::Urgent).unwrap();
    rule.tier = Tier::DoctorFirst;
    let changed = Quiz {
        rules: leak(rules),
        ..*QUIZ
    };
    assert_ne!(print(&changed), print(&QUIZ));
}

#[test]
fn a_changed_condition_changes_it() {
    let before = print(&QUIZ);
    // One choice fewer in the first rule that names two.
    let mut rules = QUIZ.rules.to_vec();
    let rule = rules
        .iter_mut()
        .find(|r| matches!(r.when, Condition::Chose { any, .. } if any.len() > 1))
        .expect("a rule on one of several choices");
    let Condition::Chose { question, any } = rule.when else {
        unreachable!()
    };
    rule.when = Condition::Chose {
        question,
        any: &any[1..],
    };
    let changed = Quiz {
        rules: leak(rules),
        ..*QUIZ
    };
    assert_ne!(print(&changed), before);
    // A question shown always rather than when its condition holds.
    let mut questions = QUIZ.questions.to_vec();
    let shown = questions.iter_mut().find(|q| q.show_if.is_some()).unwrap();
    shown.show_if = None;
    let changed = Quiz {
        questions: leak(questions),
        ..*QUIZ
    };
    assert_ne!(print(&changed), before);
}

#[test]
fn a_changed_order_changes_it() {
    let before = print(&QUIZ);
    fn swapped<T: Copy>(items: &[T]) -> &'static [T] {
        let mut items = items.to_vec();
        items.swap(0, 1);
        leak(items)
    }
    let changed = Quiz {
        rules: swapped(QUIZ.rules),
        ..*QUIZ
    };
    assert_ne!(print(&changed), before, "two rules swapped");
    let changed = Quiz {
        questions: swapped(QUIZ.questions),
        ..*QUIZ
    };
    assert_ne!(print(&changed), before, "two questions swapped");
    let mut questions = QUIZ.questions.to_vec();
    let q = questions.iter_mut().find(|q| q.choices.len() > 1).unwrap();
    q.choices = swapped::<Choice>(q.choices);
    let changed = Quiz {
        questions: leak(questions),
        ..*QUIZ
    };
    assert_ne!(print(&changed), before, "two choices swapped");
}
