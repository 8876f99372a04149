//! The report as a clinic's office manager reads it: the verdict first, what visitors
//! will see of the clinic, the texts above the reading target, the version line; and
//! Trunk's hook filling in the clinic's name and phone.

use quiz::source::{load_clinic, load_quiz, File, FileProblem};
use quiz::validate::{english_texts, fingerprint};
use quiz::Quiz;

use super::{report, stamp, CONTENT_OK, GRADE_TARGET};
use crate::readability;

// The repository's own content, edited by the tests.
const QUIZ_TOML: &str = include_str!("../../../content/quiz.toml");
const CLINIC_TOML: &str = include_str!("../../../content/clinic.toml");
const ARTICLE: &str = include_str!("../../../content/article.txt");

fn load(text: &str) -> Result<Quiz, Vec<FileProblem>> {
    load_quiz(
        File {
            name: "quiz.toml",
            text,
        },
        ARTICLE,
    )
}

/// `QUIZ_TOML` with `from` replaced by `to` (exactly once).
fn edited(from: &str, to: &str) -> String {
    assert_eq!(QUIZ_TOML.matches(from).count(), 1, "{from:?} is not unique");
    QUIZ_TOML.replace(from, to)
}

/// `text` with the line that sets `key` replaced by `line`.
fn with_line(text: &str, key: &str, line: &str) -> String {
    let prefix = format!("{key} = ");
    let old = text
        .lines()
        .find(|l| l.starts_with(&prefix))
        .expect("the key's line");
    text.replacen(old, line, 1)
}

/// What check-content prints for these files, and whether they pass.
fn check(quiz: &str, clinic: &str) -> (String, bool) {
    report(("quiz.toml", quiz), ("clinic.toml", clinic), ARTICLE)
}

#[test]
fn check_content_gives_the_verdict_first() {
    let (out, ok) = check(QUIZ_TOML, CLINIC_TOML);
    assert!(ok, "{out}");
    assert_eq!(out.lines().next(), Some(CONTENT_OK), "{out}");
    // The figures follow.
    assert!(
        out.contains(" questions in ") && out.contains("Every set of answers checked: "),
        "{out}"
    );

    let broken = edited(
        "when = { question = \"general-signs\", is = [\"fever\"] }",
        "when = { question = \"general-signs\", is = [\"fevr\"] }",
    );
    let broken = broken.replacen("prompt.es = \"¿Qué edad tiene?\"\n", "", 1);
    let no_name = with_line(CLINIC_TOML, "name", "");
    let (out, ok) = check(&broken, &no_name);
    assert!(!ok, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0], "3 problem(s) in the content; the quiz will not build until they are fixed:",
        "{out}"
    );
    // Then the problems, clinic first (by file), each file's in line order.
    assert!(lines[1].starts_with("  clinic.toml:"), "{out}");
    assert!(
        lines[2].contains("quiz.toml:") && lines[2].contains("prompt.es"),
        "{out}"
    );
    assert!(
        lines[3].contains("quiz.toml:") && lines[3].contains("\"fevr\""),
        "{out}"
    );
    assert!(!out.contains("Content OK"), "{out}");
}

#[test]
fn check_content_shows_what_visitors_will_see_of_the_clinic() {
    let clinic = load_clinic(File {
        name: "clinic.toml",
        text: CLINIC_TOML,
    })
    .unwrap();
    let (out, _) = check(QUIZ_TOML, CLINIC_TOML);
    let block = out
        .split("What visitors will see of the clinic:\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no clinic block in:\n{out}"));
    // The block comes before the figures.
    assert!(!block.starts_with('\n') && out.find(" questions in ") > out.find("What visitors"));
    for expected in [
        format!("  name: {}\n", clinic.name),
        format!(
            "  phone: shown as {}, dialled as {}\n",
            clinic.phone.display, clinic.phone.tel
        ),
        format!("  content version: {}\n", clinic.content.version),
    ] {
        assert!(block.contains(&expected), "no {expected:?} in:\n{out}");
    }
    let booking = match clinic.booking_url {
        Some(url) => format!("  booking link: {url}\n"),
        None => "  booking link: none\n".into(),
    };
    assert!(block.contains(&booking), "{out}");
    assert!(block.contains("  review: "), "{out}");
    // Another link and a review: shown as the file now says.
    let edited = with_line(
        CLINIC_TOML,
        "booking_url",
        "booking_url = \"https://example.com/book\"",
    );
    let edited = with_line(&edited, "reviewed_by", "reviewed_by = \"Dr. Ada Lee\"");
    let edited = with_line(&edited, "reviewed_on", "reviewed_on = \"2026-12-01\"");
    let (out, ok) = check(QUIZ_TOML, &edited);
    assert!(ok, "{out}");
    assert!(
        out.contains("  booking link: https://example.com/book\n"),
        "{out}"
    );
    assert!(
        out.contains("  review: reviewed by Dr. Ada Lee on 2026-12-01\n"),
        "{out}"
    );
    assert!(!out.contains("has no booking_url"), "{out}");
    // The facts visitors read in two languages: each line in English and Spanish.
    let facts = with_line(
        CLINIC_TOML,
        "hours",
        "hours = [{ en = \"Mon–Fri 8am–6pm\", es = \"lun.–vie. 8 a. m.–6 p. m.\" }, \
         { en = \"Sat 9am–1pm\", es = \"sáb. 9 a. m.–1 p. m.\" }]",
    );
    let facts = with_line(
        &facts,
        "after_hours.en",
        "after_hours.en = \"Call 911 in an emergency.\"",
    );
    let facts = with_line(
        &facts,
        "after_hours.es",
        "after_hours.es = \"Llame al 911 en una emergencia.\"",
    );
    let facts = with_line(
        &facts,
        "locations",
        "locations = [{ name.en = \"Main office\", name.es = \"Oficina principal\", \
         address = \"123 Example St, City, ST 00000\" }]",
    );
    let facts = with_line(
        &facts,
        "languages",
        "languages = [{ en = \"Spanish\", es = \"español\" }]",
    );
    let (out, ok) = check(QUIZ_TOML, &facts);
    assert!(ok, "{out}");
    for expected in [
        "  hours: Mon–Fri 8am–6pm / lun.–vie. 8 a. m.–6 p. m.\n  hours: Sat 9am–1pm / sáb. 9 a. m.–1 p. m.\n",
        "  after hours: Call 911 in an emergency. / Llame al 911 en una emergencia.\n",
        "  location: Main office / Oficina principal, 123 Example St, City, ST 00000\n",
        "  languages: Spanish / español\n",
    ] {
        assert!(out.contains(expected), "no {expected:?} in:\n{out}");
    }
    assert!(!out.contains("note: clinic.toml has no hours"), "{out}");
}

#[test]
fn check_content_lists_only_the_texts_above_the_reading_target() {
    let (out, _) = check(QUIZ_TOML, CLINIC_TOML);
    let target = GRADE_TARGET;
    let (heading, rest) = out
        .split_once("Reading grades (Flesch–Kincaid): ")
        .unwrap_or_else(|| panic!("no grades heading in:\n{out}"));
    let _ = heading;
    let heading = rest.lines().next().unwrap();
    let listed: Vec<f64> = rest
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
        .collect();
    // The fixture's texts (the report above is of the fixture, whatever the build's).
    let quiz = load(QUIZ_TOML).unwrap();
    let texts = english_texts(&quiz);
    let graded = texts
        .iter()
        .filter(|(_, t)| readability::grade(t).is_some())
        .count();
    assert!(
        heading.starts_with(&format!(
            "{} of {graded} English texts are above",
            listed.len()
        )),
        "{heading}"
    );
    assert!(listed.len() < graded / 2, "{} listed", listed.len());
    assert!(listed.iter().all(|g| *g > target), "{listed:?}");
    assert!(
        listed.windows(2).all(|w| w[0] >= w[1]),
        "hardest first: {listed:?}"
    );
    // An easy text is not listed, nor a short label whatever its grade; the average
    // stays.
    assert!(!out.contains(": How old are you?\n"), "{out}");
    assert!(!out.contains(": Has allergies\n"), "{out}");
    assert!(out.contains("Average English reading grade: "), "{out}");
}

#[test]
fn a_review_stands_only_for_the_quiz_it_was_given() {
    let reviewed = with_line(
        &with_line(
            CLINIC_TOML,
            "reviewed_by",
            "reviewed_by = \"Dr. Ana Ruiz, MD\"",
        ),
        "reviewed_on",
        "reviewed_on = \"2026-12-01\"",
    );
    let clinic = load_clinic(File {
        name: "clinic.toml",
        text: &reviewed,
    })
    .unwrap();
    let shipped = fingerprint(&load(QUIZ_TOML).unwrap());
    assert!(
        clinic.content.names(&shipped),
        "clinic.toml names {shipped}"
    );
    assert_eq!(clinic.content.for_quiz(&shipped), clinic.content);
    // Comments and layout are not content.
    let commented = QUIZ_TOML.replace("\n[[rule]]\n", "\n# a note\n\n[[rule]]\n");
    assert_eq!(fingerprint(&load(&commented).unwrap()), shipped);
    // One tier changed, or one word: another quiz, which the review does not cover.
    for (from, to) in [
        (
            "id = \"fever\"\ntier = \"urgent\"",
            "id = \"fever\"\ntier = \"doctor-first\"",
        ),
        ("\"How old are you?\"", "\"How old are you now?\""),
    ] {
        let changed = fingerprint(&load(&edited(from, to)).unwrap());
        assert_ne!(changed, shipped, "{to}");
        let shown = clinic.content.for_quiz(&changed);
        assert_eq!((shown.reviewed_by, shown.reviewed_on), (None, None), "{to}");
        let (out, ok) = check(&edited(from, to), &reviewed);
        assert!(ok, "{out}");
        assert!(
            out.contains(&format!(
                "The quiz changed since content version {}: give the content a new version, \
                 with fingerprint = \"{changed}\"",
                clinic.content.version
            )),
            "{out}"
        );
    }
}

// Trunk's hook.

const PAGE: &str = "<div class=boot><p>Call %CLINIC_NAME% at <a href=\"%CLINIC_TEL%\">\
    %CLINIC_PHONE%</a></p></div><noscript>%CLINIC_NAME% <a href=\"%CLINIC_TEL%\">\
    %CLINIC_PHONE%</a></noscript>";

#[test]
fn the_clinic_goes_into_both_messages_escaped() {
    let page = stamp(
        PAGE,
        "Back & Neck <Care>",
        "844-566-2723",
        "tel:+18445662723",
    )
    .unwrap();
    assert_eq!(
        page.matches("Back &amp; Neck &lt;Care&gt;").count(),
        2,
        "{page}"
    );
    assert_eq!(
        page.matches("href=\"tel:+18445662723\"").count(),
        2,
        "{page}"
    );
    assert_eq!(page.matches(">844-566-2723<").count(), 2, "{page}");
    assert!(!page.contains("%CLINIC_"), "{page}");
}

#[test]
fn a_missing_placeholder_is_an_error() {
    let hand_copied = PAGE.replacen("%CLINIC_TEL%", "tel:+18445662723", 1);
    let error = stamp(&hand_copied, "X", "1", "tel:1").unwrap_err();
    assert!(error.contains("%CLINIC_TEL% 1 time(s)"), "{error}");
}
