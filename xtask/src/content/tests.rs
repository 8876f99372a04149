//! The report as a clinic's office manager reads it: the verdict first, what visitors
//! will see of the clinic, the texts above the reading target, the version line; and
//! Trunk's hook filling in the clinic's name and phone.

use quiz::source::{load_clinic, load_quiz, load_quiz_unwalked, File, FileProblem};
use quiz::validate::english_texts;
use quiz::{Clinic, Lang, Owner, Place, Quiz, Text};

use super::{report, stamp, CONTENT_OK, GRADE_TARGET};
use crate::history::Content;
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

/// `text` with the first line that sets `key` replaced by `line`.
fn with_line(text: &str, key: &str, line: &str) -> String {
    let prefix = format!("{key} = ");
    let mut done = false;
    let mut out: String = text
        .lines()
        .map(|l| {
            let hit = !done && l.starts_with(&prefix);
            done |= hit;
            format!("{}\n", if hit { line } else { l })
        })
        .collect();
    assert!(done, "no line sets {key}");
    if !text.ends_with('\n') {
        out.pop();
    }
    out
}

/// What check-content prints for these files, and whether they pass (with no signed
/// content in git).
fn check(quiz: &str, clinic: &str) -> (String, bool) {
    report(
        ("quiz.toml", quiz),
        ("clinic.toml", clinic),
        ARTICLE,
        &|_| None,
    )
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
    // Another link: shown as the file now says.
    let edited = with_line(
        CLINIC_TOML,
        "booking_url",
        "booking_url = \"https://example.com/book\"",
    );
    let (out, ok) = check(QUIZ_TOML, &edited);
    assert!(ok, "{out}");
    assert!(
        out.contains("  booking link: https://example.com/book\n"),
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

/// The grades cover every English wording of the quiz's texts (`Quiz::texts`, the one
/// visit of every text): the rules' "what to do" and "if it gets worse" lines too, which
/// a walk of its own had left out.
#[test]
fn reading_grades_cover_every_english_text_of_the_quiz() {
    let quiz = load(QUIZ_TOML).unwrap();
    let graded = english_texts(&quiz);
    let english: usize = quiz
        .texts()
        .iter()
        .map(|(_, t)| {
            t.wordings()
                .filter(|(lang, _, _)| *lang == Lang::En)
                .count()
        })
        .sum();
    assert_eq!(graded.len(), english);
    let lines: Vec<(&str, Option<&Text>)> = quiz
        .rules
        .iter()
        .flat_map(|r| [(r.id, r.action), (r.id, r.worse)])
        .collect();
    assert!(lines.iter().filter(|(_, l)| l.is_some()).count() > 5);
    for (rule, line) in lines {
        if let Some(line) = line {
            let at = |t: &&(Place, &str)| t.0.owner == Owner::Rule(rule);
            let said = line.myself(Lang::En);
            assert!(
                graded.iter().filter(at).any(|(_, t)| *t == said),
                "rule {rule}: {said}"
            );
        }
    }
}

/// The content as check-content compares it.
fn content(quiz: &str, clinic: &str, article: &str) -> Content {
    Content {
        // Read and checked, not walked: what is compared does not need the walk, and
        // `check` walks what it reports on.
        quiz: load_quiz_unwalked(
            File {
                name: "quiz.toml",
                text: quiz,
            },
            article,
        )
        .unwrap(),
        article: article.to_string(),
        clinic: Some(clinic_of(clinic)),
        label: "commit 1a2b3c4 (2026-12-01)".into(),
        revision: Some("1a2b3c4".into()),
    }
}

fn clinic_of(text: &str) -> Clinic {
    load_clinic(File {
        name: "clinic.toml",
        text,
    })
    .unwrap()
}

/// `clinic` signed by Dr. Ana Ruiz for content with fingerprint `print`.
fn signed(clinic: &str, print: &str) -> String {
    let clinic = with_line(clinic, "by", "by = \"Dr. Ana Ruiz, MD\"");
    let clinic = with_line(&clinic, "on", "on = \"2026-12-01\"");
    // [review]'s fingerprint is the last one in the file.
    let at = clinic
        .rfind("fingerprint = \"\"")
        .expect("[review] fingerprint");
    format!(
        "{}fingerprint = \"{print}\"{}",
        &clinic[..at],
        &clinic[at + 16..]
    )
}

#[test]
fn a_review_stands_only_for_the_content_it_was_given() {
    let shipped = content(QUIZ_TOML, CLINIC_TOML, ARTICLE)
        .fingerprint()
        .unwrap();
    let reviewed = signed(CLINIC_TOML, &shipped);
    let clinic = clinic_of(&reviewed);
    let review = clinic.content.review.expect("a review");
    assert_eq!(clinic.content.for_content(&shipped).review, Some(review));
    let (out, ok) = check(QUIZ_TOML, &reviewed);
    assert!(ok, "{out}");
    assert!(
        out.contains("Review: Dr. Ana Ruiz, MD signed this content on 2026-12-01;"),
        "{out}"
    );
    // Comments, layout and the clinic's other facts are not clinical.
    let commented = QUIZ_TOML.replace("\n[[rule]]\n", "\n# a note\n\n[[rule]]\n");
    let phone = with_line(&reviewed, "phone", "phone = \"+12125550123\"");
    let hours = with_line(
        &reviewed,
        "hours",
        "hours = [{ en = \"Mon\", es = \"lun.\" }]",
    );
    for (quiz, clinic) in [
        (commented.as_str(), reviewed.as_str()),
        (QUIZ_TOML, &phone),
        (QUIZ_TOML, &hours),
    ] {
        assert_eq!(
            content(quiz, clinic, ARTICLE).fingerprint(),
            Some(shipped.clone())
        );
    }
    // One tier, one word of a question, one sentence of the article, or what the clinic
    // tells people to do after hours: other content, which the review does not cover.
    let after_hours = reviewed.replace(
        "after_hours.en = \"\"\nafter_hours.es = \"\"",
        "after_hours.en = \"After hours, go to urgent care.\"\n\
         after_hours.es = \"Fuera del horario, vaya a atención urgente.\"",
    );
    assert_ne!(after_hours, reviewed);
    let sentence = "Additionally, it relieves stress and helps you relax.";
    assert_eq!(ARTICLE.matches(sentence).count(), 1);
    let article = ARTICLE.replace(sentence, "Additionally, it relieves stress.");
    for (quiz, clinic, article, what) in [
        (
            edited(
                "id = \"night-pain\"\ntier = \"urgent\"",
                "id = \"night-pain\"\ntier = \"doctor-first\"",
            ),
            reviewed.clone(),
            ARTICLE,
            "rule \"night-pain\": tier urgent → doctor-first",
        ),
        (
            edited("\"How old are you?\"", "\"How old are you now?\""),
            reviewed.clone(),
            ARTICLE,
            "question \"age\": its wording",
        ),
        (
            QUIZ_TOML.to_string(),
            reviewed.clone(),
            article.as_str(),
            "the article: changed",
        ),
        (
            QUIZ_TOML.to_string(),
            after_hours.clone(),
            ARTICLE,
            "clinic.toml's after_hours: changed",
        ),
    ] {
        let now = content(&quiz, &clinic, article);
        let changed = now.fingerprint().unwrap();
        assert_ne!(changed, shipped, "{what}");
        assert_eq!(
            clinic_of(&clinic).content.for_content(&changed).review,
            None,
            "{what}"
        );
        // Renewing the version's fingerprint does not renew the review.
        let renewed = clinic.replacen(&shipped, &changed, 1);
        assert_eq!(
            clinic_of(&renewed).content.for_content(&changed).review,
            None
        );
        // check-content says so, and what changed when git has the signed content.
        let before =
            |print: &str| (print == shipped).then(|| content(QUIZ_TOML, &reviewed, ARTICLE));
        let (out, ok) = report(
            ("quiz.toml", &quiz),
            ("clinic.toml", &renewed),
            article,
            &before,
        );
        assert!(ok, "{out}");
        assert!(
            out.contains(&format!(
                "Review: the content changed since Dr. Ana Ruiz, MD signed it on 2026-12-01 \
                 (fingerprint {shipped}), so results say \"not yet reviewed by a clinician\""
            )),
            "{out}"
        );
        let listed = format!(
            "What changed since the signed content (commit 1a2b3c4 (2026-12-01)):\n  - {what}\n`cargo xtask review --since 1a2b3c4`"
        );
        assert!(out.contains(&listed), "{listed}\n{out}");
        // The version still names the old content: check-content asks for a new one.
        let (out, _) = report(
            ("quiz.toml", &quiz),
            ("clinic.toml", &clinic),
            article,
            &|_| None,
        );
        assert!(
            out.contains(&format!(
                "The content changed since version {}: give it a new version, with \
                 fingerprint = \"{changed}\"",
                clinic_of(&clinic).content.version
            )),
            "{out}"
        );
        assert!(
            out.contains("The signed content is not in the content folder's git history"),
            "{out}"
        );
    } // Signed, but the version still names the content before: no "version 3, reviewed"
      // over version 4.
    let quiz = edited("\"How old are you?\"", "\"How old are you now?\"");
    let changed = content(&quiz, CLINIC_TOML, ARTICLE).fingerprint().unwrap();
    let stale = signed(CLINIC_TOML, &changed);
    assert_eq!(clinic_of(&stale).content.for_content(&changed).review, None);
    let (out, _) = check(&quiz, &stale);
    assert!(
        out.contains(
            "Review: Dr. Ana Ruiz, MD signed this content on 2026-12-01; results name them \
             once [content] names this content too (above)."
        ),
        "{out}"
    );
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
