//! Hostile input, natively, table-driven: broken content and clinic files each give a
//! precise build-time error (`file:line: item: message`), and every parser of untrusted
//! input the core has — the content reader, the saved-progress decoder, the language
//! tag — takes arbitrary input without panicking (bounded property runs). The
//! presentation settings' are the app's (`tests/native/settings.rs`).
//!
//! The browser's share of the hostile table (URL parameters, embed attributes,
//! `postMessage`, `localStorage`) runs in every engine in `tests/e2e/tests/hostile.rs`.

use crate::QUIZ;
use proptest::prelude::*;
use quiz::source::{load_clinic, load_quiz, load_quiz_unwalked, File, FileProblem, MAX_TEXT};
use quiz::{Lang, Saved};

use crate::{ARTICLE, CLINIC_TOML, QUIZ_TOML};

/// Which content file a case breaks.
#[derive(Clone, Copy, Debug)]
enum Which {
    Quiz,
    Clinic,
}

/// One broken file and the error it must give: the item and message it names, and the
/// line (of the first occurrence of `at` in the broken text; `None`: line 1).
struct Case {
    name: &'static str,
    which: Which,
    text: String,
    item: &'static str,
    message: &'static str,
    at: Option<&'static str>,
}

/// Every problem of a file, the walk of every path's findings included.
fn problems(which: Which, text: &str) -> Vec<FileProblem> {
    problems_with(which, text, load_quiz)
}

/// Every problem of a file but the walk's findings, without its seconds: for the
/// reader's and the structure's messages.
fn unwalked_problems(which: Which, text: &str) -> Vec<FileProblem> {
    problems_with(which, text, load_quiz_unwalked)
}

fn problems_with(
    which: Which,
    text: &str,
    load_quiz: fn(File<'_>, &str) -> Result<quiz::Quiz, Vec<FileProblem>>,
) -> Vec<FileProblem> {
    let result = match which {
        Which::Quiz => load_quiz(
            File {
                name: "quiz.toml",
                text,
            },
            ARTICLE,
        )
        .map(drop),
        Which::Clinic => load_clinic(File {
            name: "clinic.toml",
            text,
        })
        .map(drop),
    };
    result.err().unwrap_or_default()
}

/// `original` with `from` (which must occur exactly once) replaced by `to`.
fn edit(original: &str, from: &str, to: &str) -> String {
    assert_eq!(original.matches(from).count(), 1, "{from:?} is not unique");
    original.replacen(from, to, 1)
}

fn quiz(from: &str, to: &str) -> String {
    edit(QUIZ_TOML, from, to)
}

fn clinic(from: &str, to: &str) -> String {
    edit(CLINIC_TOML, from, to)
}

/// The clinic file's own line for `key` (`phone = …`), whatever its value: the cases
/// break the file the clinic has, not a copy of it.
fn clinic_line(key: &str) -> &'static str {
    let prefix = format!("{key} = ");
    CLINIC_TOML
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("clinic.toml sets no {key}"))
}

fn cases() -> Vec<Case> {
    let huge = "x".repeat(512 << 10);
    let case = |name, which, text, item, message, at| Case {
        name,
        which,
        text,
        item,
        message,
        at,
    };
    use Which::{Clinic, Quiz};
    vec![
        case(
            "malformed TOML: an unclosed string",
            Quiz,
            quiz("id = \"age\"\nsection", "id = \"age\nsection"),
            "TOML",
            "",
            Some("id = \"age\n"),
        ),
        case(
            "malformed TOML: a key given twice",
            Quiz,
            quiz(
                "prompt.es = \"¿Qué edad tiene?\"",
                "prompt.es = \"¿Qué edad tiene?\"\nprompt.es = \"Otra\"",
            ),
            "TOML",
            "duplicate key",
            Some("prompt.es = \"Otra\""),
        ),
        case(
            "malformed TOML: binary garbage",
            Quiz,
            "\u{0}\u{1}\u{fffd}[[[\u{7f}".into(),
            "TOML",
            "",
            None,
        ),
        case(
            "wrong type: a number where a string goes",
            Quiz,
            quiz("prompt.en = \"How old are you?\"", "prompt.en = 5"),
            "question \"age\"",
            "\"prompt.en\" must be a string",
            Some("prompt.en = 5"),
        ),
        case(
            "wrong type: a string where a number goes",
            Quiz,
            quiz("min = 1\nmax = 120", "min = \"one\"\nmax = 120"),
            "question \"age\"",
            "\"min\" must be a whole number",
            Some("min = \"one\""),
        ),
        case(
            "a cycle: a question shown only if it was answered itself",
            Quiz,
            quiz(
                "{ question = \"age\", min = 50 }, { question = \"where\", is = [\"neck\"",
                "{ question = \"over-50\", is = [\"none\"] }, { question = \"where\", is = [\"neck\"",
            ),
            "question \"over-50\"",
            "which is not asked before it",
            Some("id = \"over-50\""),
        ),
        case(
            "a huge text: a 512 KB prompt",
            Quiz,
            quiz(
                "prompt.en = \"How old are you?\"",
                &format!("prompt.en = \"{huge}\""),
            ),
            "question \"age\"",
            "characters long; at most",
            Some("prompt.en = \"xxx"),
        ),
        case(
            "the packs' separator (U+001E) in a text",
            Quiz,
            quiz(
                "prompt.en = \"How old are you?\"",
                "prompt.en = \"How old\\u001Eare you?\"",
            ),
            "question \"age\"",
            "control character U+001E",
            Some("prompt.en = \"How old\\u001E"),
        ),
        case(
            "a huge file: 2 MB of comments",
            Quiz,
            format!("{QUIZ_TOML}\n#{}", "y".repeat(2 << 20)),
            "file",
            "bytes; at most",
            None,
        ),
        case(
            "deep nesting: 100,000 nested arrays",
            Quiz,
            format!(
                "{QUIZ_TOML}\nx = {}{}",
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
            "TOML",
            "nested too deeply",
            Some("x = [[["),
        ),
        case("an empty file", Quiz, String::new(), "", "missing", None),
        case(
            "clinic: a script for a phone number",
            Clinic,
            clinic(clinic_line("phone"), "phone = \"javascript:alert(1)\""),
            "",
            "not in E.164 form",
            Some("phone = \"javascript"),
        ),
        case(
            "clinic: a phone number as a number",
            Clinic,
            clinic(clinic_line("phone"), "phone = 18445662723"),
            "",
            "must be a string",
            Some("phone = 1844"),
        ),
        case(
            "clinic: a 512 KB name",
            Clinic,
            clinic(clinic_line("name"), &format!("name = \"{huge}\"")),
            "",
            "characters long; at most",
            Some("name = \"xxx"),
        ),
        case(
            "clinic: a javascript: booking link",
            Clinic,
            clinic(
                clinic_line("booking_url"),
                "booking_url = \"javascript:alert(1)\"",
            ),
            "",
            "must be an https:// address",
            Some("booking_url = \"javascript"),
        ),
        case(
            "clinic: hours in one language only (a plain line)",
            Clinic,
            clinic(clinic_line("hours"), "hours = [\"Mon–Fri 8am–6pm\"]"),
            "clinic",
            "hours needs English and Spanish: write { en = \"Mon–Fri 8am–6pm\", es = \"…\" }",
            Some("hours = [\"Mon"),
        ),
        case(
            "clinic: hours whose Spanish repeats the English",
            Clinic,
            clinic(
                clinic_line("hours"),
                "hours = [{ en = \"Mon–Fri 8am–6pm\", es = \"Mon–Fri 8am–6pm\" }]",
            ),
            "clinic",
            "hours: the Spanish text is the same as the English one",
            Some("hours = [{ en"),
        ),
        case(
            "clinic: a location without its Spanish name",
            Clinic,
            clinic(
                clinic_line("locations"),
                "locations = [{ name.en = \"Main office\", address = \"1 Main St\" }]",
            ),
            "location",
            "the Spanish text (name.es) is missing",
            Some("locations = [{"),
        ),
        case(
            "clinic: languages spoken without Spanish",
            Clinic,
            clinic(
                clinic_line("languages"),
                "languages = [{ en = \"English\", es = \"\" }]",
            ),
            "clinic",
            "languages: the Spanish text (es) is missing",
            Some("languages = [{ en = \"English\", es = \"\""),
        ),
        case(
            "clinic: hours pasted at the end of the file, under [review]",
            Clinic,
            format!("{CLINIC_TOML}\nhours = [{{ en = \"Mon to Fri\", es = \"lun. a vie.\" }}]\n"),
            "[review]",
            "\"hours\" is under [review]: move it above the [review] line",
            Some("hours = [{ en = \"Mon to Fri\""),
        ),
        case(
            "clinic: hours pasted under [content]",
            Clinic,
            clinic(
                "[content]\n",
                "[content]\nhours = [{ en = \"Sat\", es = \"sáb.\" }]\n",
            ),
            "[content]",
            "\"hours\" is under [content]: move it above the [content] line",
            Some("hours = [{ en = \"Sat\""),
        ),
        case(
            "clinic: a review date in another form",
            Clinic,
            clinic("\non = \"\"", "\non = \"Nov 30\""),
            "[review]",
            "on \"Nov 30\" must be a date written year-month-day",
            Some("on = \"Nov 30\""),
        ),
        case(
            "clinic: a review date that is no date",
            Clinic,
            clinic("\non = \"\"", "\non = \"2026-13-45\""),
            "[review]",
            "on \"2026-13-45\" must be a date written year-month-day",
            Some("on = \"2026-13-45\""),
        ),
        case(
            "clinic: a reviewer of spaces",
            Clinic,
            clinic("\nby = \"\"", "\nby = \"   \""),
            "[review]",
            "by \"   \" must name the clinician, in 1 to 120 characters",
            Some("by = \"   \""),
        ),
        case(
            "clinic: a reviewer without a date or fingerprint",
            Clinic,
            clinic("\nby = \"\"", "\nby = \"Dr. Ana Ruiz\""),
            "[review]",
            "a review needs by (the clinician's name), on (the date) and the fingerprint \
             they signed, all three, or none",
            Some("[review]"),
        ),
        case(
            "clinic: a content fingerprint mistyped",
            Clinic,
            clinic(clinic_line("fingerprint"), "fingerprint = \"18eb9fa9\""),
            "[content]",
            "fingerprint \"18eb9fa9\" must be 16 hex digits",
            Some("fingerprint = \"18eb9fa9\""),
        ),
        case(
            "clinic: the review written in [content], as before issue 16",
            Clinic,
            clinic("[content]\n", "[content]\nreviewed_by = \"Dr. Ana Ruiz\"\n"),
            "[content]",
            "reviewed_by moved to [review] (by, on and the fingerprint the clinician signed",
            Some("reviewed_by = \"Dr. Ana Ruiz\""),
        ),
        case(
            "clinic: no name",
            Clinic,
            clinic(&format!("{}\n", clinic_line("name")), ""),
            "",
            "missing \"name\"",
            None,
        ),
    ]
}

#[test]
fn every_broken_content_file_gives_a_precise_error() {
    let cases = cases();
    assert!(cases.len() >= 15);
    for case in cases {
        let problems = unwalked_problems(case.which, &case.text);
        let found = problems
            .iter()
            .find(|p| p.item.contains(case.item) && p.message.contains(case.message));
        let Some(found) = found else {
            panic!(
                "{}: no problem naming {:?} / {:?} in {problems:#?}",
                case.name, case.item, case.message
            );
        };
        let file = match case.which {
            Which::Quiz => "quiz.toml",
            Which::Clinic => "clinic.toml",
        };
        assert_eq!(found.file, file, "{}", case.name);
        let line = case.at.map_or(1, |at| {
            let at = case
                .text
                .find(at)
                .unwrap_or_else(|| panic!("{}: {at:?} not in the text", case.name));
            case.text[..at].matches('\n').count() + 1
        });
        assert_eq!(found.line, line, "{}: {found}", case.name);
        // The message is short enough to read, even for a 1 MB input.
        assert!(found.to_string().len() < 400, "{}: {found}", case.name);
    }
}

#[test]
fn the_clinic_facts_are_read_in_both_languages() {
    let text = [
        ("hours", "hours = [{ en = \"Mon–Fri 8am–6pm\", es = \"lun.–vie. 8 a. m.–6 p. m.\" }]"),
        (
            "locations",
            "locations = [{ name.en = \"Main office\", name.es = \"Oficina principal\", \
             address = \"1 Main St\" }]",
        ),
        (
            "languages",
            "languages = [{ en = \"Spanish\", es = \"español\" }, { en = \"Tagalog\", es = \"Tagalog\" }]",
        ),
    ]
    .into_iter()
    .fold(CLINIC_TOML.to_string(), |file, (key, line)| {
        edit(&file, clinic_line(key), line)
    });
    let clinic = load_clinic(File {
        name: "clinic.toml",
        text: &text,
    })
    .unwrap_or_else(|p| panic!("{p:#?}"));
    let both = |t: &quiz::Text| (t.myself(Lang::En), t.myself(Lang::Es));
    assert_eq!(
        clinic.hours.iter().map(both).collect::<Vec<_>>(),
        [("Mon–Fri 8am–6pm", "lun.–vie. 8 a. m.–6 p. m.")]
    );
    assert_eq!(
        both(&clinic.locations[0].name),
        ("Main office", "Oficina principal")
    );
    assert_eq!(clinic.locations[0].address, "1 Main St");
    // One word spelled alike in both languages is a real translation.
    assert_eq!(
        clinic.languages.iter().map(both).collect::<Vec<_>>(),
        [("Spanish", "español"), ("Tagalog", "Tagalog")]
    );
}

#[test]
fn the_longest_text_allowed_still_reads() {
    let long = "a".repeat(MAX_TEXT);
    let text = quiz(
        "prompt.en = \"How old are you?\"",
        &format!("prompt.en = \"{long}\""),
    );
    let found = unwalked_problems(Which::Quiz, &text);
    assert!(
        !found.iter().any(|p| p.message.contains("characters long")),
        "{found:#?}"
    );
}

// ---------------------------------------------------------------------------------
// Property runs: bounded, no panics, and only safe values come out.
// ---------------------------------------------------------------------------------

const NOW: u64 = 1_800_000_000_000;

/// `text` with `insert` put at byte `at` in place of the `cut` bytes there (both moved
/// to character boundaries).
fn random_edit(text: &str, at: usize, insert: &str, cut: usize) -> String {
    let at = (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let end = (at + cut..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    format!("{}{insert}{}", &text[..at], &text[end..])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn the_content_reader_takes_any_text(text in "\\PC{0,400}") {
        let _ = problems(Which::Quiz, &text);
        let _ = problems(Which::Clinic, &text);
    }

    #[test]
    fn the_content_reader_takes_toml_like_text(text in "(\\[\\[?[a-z]{1,8}\\]\\]?\n|[a-z.]{1,8} = (\"[^\"\n]{0,20}\"|[0-9]{1,4}|\\[|\\{|true)\n){0,30}") {
        let _ = problems(Which::Quiz, &text);
        let _ = problems(Which::Clinic, &text);
    }

    #[test]
    fn the_clinic_reader_takes_any_edit(at in 0usize..CLINIC_TOML.len(), insert in "\\PC{0,12}", cut in 0usize..40) {
        let _ = problems(Which::Clinic, &random_edit(CLINIC_TOML, at, &insert, cut));
    }

    #[test]
    fn saved_progress_decoding_takes_anything(text in "\\PC{0,200}") {
        let _ = Saved::decode(&text, &QUIZ, "v1", NOW);
    }

    #[test]
    fn saved_progress_decoding_takes_near_misses(
        version in "(v1|v2|)",
        at in "[0-9]{0,14}",
        lang in "(en|es|xx|)",
        who in "(m|o|x)",
        step in "(start|result|age|nope|)",
        answers in "([a-z-]{1,12}=(#-?[0-9]{1,5}|[a-z-]{1,10}(\\+[a-z-]{1,10}){0,2});?){0,6}",
    ) {
        let line = format!("sq1|{version}|{at}|{lang}|{who}|{step}|{answers}");
        if let Ok(saved) = Saved::decode(&line, &QUIZ, "v1", NOW) {
            // Whatever is restored is a state of this quiz that saves and restores as is.
            prop_assert_eq!(Saved::decode(&saved.encode("v1"), &QUIZ, "v1", NOW), Ok(saved));
        }
    }

    #[test]
    fn the_language_tag_takes_anything(value in "\\PC{0,60}") {
        let _ = Lang::from_tag(&value);
    }
}

proptest! {
    // Each case may validate the whole quiz (about a second): few, but real edits.
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn the_quiz_reader_takes_any_edit(at in 0usize..QUIZ_TOML.len(), insert in "\\PC{0,12}", cut in 0usize..40) {
        let _ = problems(Which::Quiz, &random_edit(QUIZ_TOML, at, &insert, cut));
    }
}
