//! Compiles the content in: reads `quiz.toml`, `clinic.toml` and `article.txt` from the
//! content folder (`SYMPTOM_QUIZ_CONTENT`, set in `.cargo/config.toml` to `content`;
//! a clinic may point it at a folder of its own, relative to the project root or
//! absolute), validates them (a broken or unsafe quiz does not build), and writes them
//! as `static` Rust data to `$OUT_DIR`, which `src/quiz/content.rs` and `src/clinic.rs`
//! include. The browser never parses TOML.
//!
//! The reading and validation code is the quiz core's own (`src/quiz/`), included here
//! by path, so the build, `cargo xtask check-content` and the tests share one checker.

// Only part of the core is used here; the rest is the app's.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, process};

// At the crate root, so that the files' `super::model` resolves here as in the app.
#[path = "src/quiz/clinic.rs"]
mod clinic;
#[path = "src/quiz/flow.rs"]
mod flow;
#[path = "src/quiz/model.rs"]
mod model;
#[path = "src/quiz/source.rs"]
mod source;
#[path = "src/quiz/validate.rs"]
mod validate;

use clinic::Clinic;
use model::{Condition, Question, Quiz, Source, Text};
use source::{load_clinic, load_quiz, File};

/// The content folder's setting: `.cargo/config.toml` sets it, the environment wins.
const CONTENT: &str = "SYMPTOM_QUIZ_CONTENT";

fn main() {
    println!("cargo:rerun-if-env-changed={CONTENT}");
    println!("cargo:rerun-if-changed=src/quiz");
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let folder = env::var_os(CONTENT).map_or_else(|| "content".into(), PathBuf::from);
    let folder = root.join(folder);
    println!("cargo:rerun-if-changed={}", folder.display());
    let read = |file: &str| {
        let path = folder.join(file);
        // Named as people set it: relative to the project root when inside it.
        let name = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .display()
            .to_string();
        let text = fs::read_to_string(&path).unwrap_or_else(|e| {
            eprintln!("error: cannot read {name} (the content folder is {CONTENT}): {e}");
            process::exit(1)
        });
        (name, text)
    };
    let (quiz_file, clinic_file, article) =
        (read("quiz.toml"), read("clinic.toml"), read("article.txt"));
    let quiz = load_quiz(
        File {
            name: &quiz_file.0,
            text: &quiz_file.1,
        },
        &article.1,
    );
    let clinic = load_clinic(File {
        name: &clinic_file.0,
        text: &clinic_file.1,
    });
    let mut problems = Vec::new();
    if let Err(p) = &quiz {
        problems.extend(p.iter().cloned());
    }
    if let Err(p) = &clinic {
        problems.extend(p.iter().cloned());
    }
    if !problems.is_empty() {
        eprintln!(
            "The quiz content has {} problem(s); run `cargo xtask check-content`:",
            problems.len()
        );
        for p in &problems {
            eprintln!("error: {p}");
        }
        process::exit(1);
    }
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let write = |name: &str, code: String| {
        fs::write(Path::new(&out).join(name), code).expect("OUT_DIR is writable");
    };
    let (quiz, clinic) = (quiz.unwrap(), clinic.unwrap());
    // A review stands only for the quiz it was given (`ContentVersion::for_quiz`).
    let fingerprint = validate::fingerprint(&quiz);
    if !clinic.content.names(&fingerprint) {
        println!(
            "cargo:warning=the quiz changed since content version {}: results say \"not yet \
             reviewed\" (run `cargo xtask check-content`)",
            clinic.content.version
        );
    }
    let clinic = Clinic {
        content: clinic.content.for_quiz(&fingerprint),
        ..clinic
    };
    write("quiz.rs", quiz_code(&quiz));
    write("clinic.rs", clinic_code(&clinic));
}

fn quiz_code(quiz: &Quiz) -> String {
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
    let remark = |r: &model::Remark| {
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
    format!(
        "Text {{ en: {:?}, es: {:?}, en_other: {:?}, es_other: {:?} }}",
        t.en, t.es, t.en_other, t.es_other
    )
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

fn clinic_code(c: &Clinic) -> String {
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
    format!(
        "pub static CLINIC: Clinic = Clinic {{\n name: {:?},\n phone: Phone {{ display: {:?}, tel: {:?} }},\n \
         booking_url: {:?},\n locations: &[{}],\n hours: &[{}],\n after_hours: {},\n insurance: {},\n \
         languages: &[{}],\n content: ContentVersion {{ version: {:?}, fingerprint: {:?}, reviewed_by: {:?}, reviewed_on: {:?} }},\n}};\n",
        c.name, c.phone.display, c.phone.tel, c.booking_url, locations.join(", "), texts(c.hours), after_hours,
        text(&c.insurance), texts(c.languages), c.content.version, c.content.fingerprint, c.content.reviewed_by, c.content.reviewed_on
    )
}
