//! The content files and their checker: the shipped files pass, and each kind of broken
//! file gives its precise error, naming the file, the line and the item.
#![cfg(not(target_arch = "wasm32"))]

use symptom_quiz::quiz::source::{load_clinic, load_quiz, File, FileProblem};

const QUIZ_TOML: &str = include_str!("../src/content/quiz.toml");
const CLINIC_TOML: &str = include_str!("../src/content/clinic.toml");
const ARTICLE: &str = include_str!("../src/content/article.txt");

fn quiz_problems(text: &str) -> Vec<FileProblem> {
    match load_quiz(
        File {
            name: "quiz.toml",
            text,
        },
        ARTICLE,
    ) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

/// `QUIZ_TOML` with `from` replaced by `to` (exactly once).
fn edited(from: &str, to: &str) -> String {
    assert_eq!(
        QUIZ_TOML.matches(from).count(),
        1,
        "edit target {from:?} is not unique"
    );
    QUIZ_TOML.replace(from, to)
}

fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    text[..at].matches('\n').count() + 1
}

/// Asserts one problem mentions `item` and `message`, at the line of `at` in `text`.
#[track_caller]
fn assert_problem(text: &str, item: &str, message: &str, at: &str) {
    let problems = quiz_problems(text);
    let found = problems
        .iter()
        .find(|p| p.item.contains(item) && p.message.contains(message));
    let Some(found) = found else {
        panic!("no problem with {item:?} and {message:?} in:\n{problems:#?}");
    };
    assert_eq!(found.file, "quiz.toml");
    assert_eq!(found.line, line_of(text, at), "wrong line in {found}");
}

#[test]
fn the_shipped_files_pass() {
    assert_eq!(quiz_problems(QUIZ_TOML), Vec::new());
    assert!(load_clinic(File {
        name: "clinic.toml",
        text: CLINIC_TOML
    })
    .is_ok());
}

#[test]
fn malformed_toml_names_the_line() {
    let text = edited("id = \"age\"\nsection", "id = \"age\nsection");
    let problems = quiz_problems(&text);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].item, "TOML");
    assert_eq!(problems[0].line, line_of(&text, "id = \"age"));
}

#[test]
fn unknown_question_in_a_condition() {
    let text = edited(
        "when = { question = \"general-signs\", is = [\"fever\"] }",
        "when = { question = \"genral-signs\", is = [\"fever\"] }",
    );
    assert_problem(
        &text,
        "rule \"fever\"",
        "unknown question \"genral-signs\"",
        "id = \"fever\"\ntier",
    );
}

#[test]
fn unknown_choice_in_a_condition() {
    let text = edited(
        "when = { question = \"general-signs\", is = [\"fever\"] }",
        "when = { question = \"general-signs\", is = [\"fevr\"] }",
    );
    assert_problem(
        &text,
        "rule \"fever\"",
        "unknown choice \"fevr\"",
        "id = \"fever\"\ntier",
    );
}

#[test]
fn duplicate_ids() {
    let text = edited("id = \"night-pain\"\ntier", "id = \"fever\"\ntier");
    assert_problem(
        &text,
        "rule \"fever\"",
        "duplicate rule id \"fever\"",
        "id = \"fever\"\ntier",
    );
    let text = edited("id = \"how-bad\"\nsection", "id = \"how-long\"\nsection");
    assert_problem(
        &text,
        "question \"how-long\"",
        "duplicate question id",
        "id = \"how-long\"\nsection",
    );
}

#[test]
fn a_condition_on_a_later_question() {
    let text = edited(
        "show_if = { question = \"pregnancy\", is = [\"yes\", \"maybe\"] }",
        "show_if = { question = \"how-long\", is = [\"over-12-weeks\"] }",
    );
    assert_problem(
        &text,
        "question \"pregnancy-signs\"",
        "which is not asked before it",
        "id = \"pregnancy-signs\"",
    );
}

#[test]
fn an_unreachable_question() {
    let text = edited(
        "show_if = { question = \"age\", min = 50 }",
        "show_if = { question = \"age\", min = 121 }",
    );
    assert_problem(
        &text,
        "question \"over-50\"",
        "is unreachable",
        "id = \"over-50\"",
    );
}

#[test]
fn a_rule_that_can_never_fire() {
    // The pregnancy question is shown from age 10: a rule for under-10s who may be
    // pregnant never fires.
    let text = edited(
        "when = { question = \"pregnancy\", is = [\"yes\", \"maybe\"] }\nreason",
        "when = { all = [ { question = \"age\", max = 9 }, { question = \"pregnancy\", is = [\"yes\"] } ] }\nreason",
    );
    assert_problem(
        &text,
        "rule \"pregnancy\"",
        "can never fire",
        "id = \"pregnancy\"\ntier",
    );
}

#[test]
fn a_path_with_no_outcome() {
    let text = edited(
        "  { question = \"where\", is = [\"low-back\"] },\n  { question = \"how-long\", is = [\"under-4-weeks\", \"4-to-12-weeks\"] },\n  { question = \"how-bad\", max = 5 },",
        "  { question = \"where\", is = [\"low-back\"] },\n  { question = \"how-long\", is = [\"under-4-weeks\", \"4-to-12-weeks\"] },\n  { question = \"how-bad\", max = 4 },",
    );
    let problems = quiz_problems(&text);
    let found = problems
        .iter()
        .find(|p| p.message.contains("fires no rule"))
        .unwrap_or_else(|| panic!("{problems:#?}"));
    // The example path it gives has the pain at 5 of 10, the value no rule covers.
    assert!(found.message.contains("how-bad=5"), "{found}");
}

#[test]
fn sources_must_be_verbatim_or_a_known_guideline() {
    let text = edited(
        "source = \"You may want to try acupuncture if other treatments have not worked.\"\n\n[[question.choice]]",
        "source = \"You might want to try acupuncture if other treatments have not worked.\"\n\n[[question.choice]]",
    );
    assert_problem(
        &text,
        "question \"other-treatments\"",
        "not a verbatim quote",
        "id = \"other-treatments\"",
    );
    let text = edited(
        "id = \"cancer-history\"\ntier = \"urgent\"",
        "id = \"cancer-history\"\ntier = \"urgent\"\n#",
    );
    let text = text.replacen("source = \"NICE-CKS\"", "source = \"NICE-NG59\"", 1);
    let problems = quiz_problems(&text);
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("unknown guideline id \"NICE-NG59\"")),
        "{problems:#?}"
    );
}

#[test]
fn a_missing_source() {
    let text = edited(
        "reason.es = \"Después de un cáncer, un dolor de espalda nuevo debe revisarlo un médico pronto, en un día.\"\nsource = \"NICE-CKS\"",
        "reason.es = \"Después de un cáncer, un dolor de espalda nuevo debe revisarlo un médico pronto, en un día.\"",
    );
    assert_problem(
        &text,
        "rule \"cancer-history\"",
        "missing \"source\"",
        "id = \"cancer-history\"",
    );
}

#[test]
fn a_missing_or_untranslated_text() {
    let text = edited("prompt.es = \"¿Qué edad tiene?\"\n", "");
    assert_problem(
        &text,
        "question \"age\"",
        "Spanish text (prompt.es) is missing",
        "id = \"age\"",
    );
    let text = edited(
        "label.es = \"Dolor que baja por las dos piernas\"",
        "label.es = \"Pain running down both legs\"",
    );
    assert_problem(
        &text,
        "choice \"both-legs\"",
        "the same as the English one",
        "id = \"both-legs\"",
    );
}

#[test]
fn a_text_that_says_you_needs_the_other_perspective() {
    let text = edited("prompt.en-other = \"How old are they?\"\n", "");
    assert_problem(&text, "question \"age\"", "add `en-other`", "id = \"age\"");
}

#[test]
fn an_emergency_item_after_an_urgent_one() {
    let text = edited(
        "when = { question = \"nerve-signs\", is = [\"new-bowel\"] }",
        "when = { question = \"pain-signs\", is = [\"both-legs\"] }",
    );
    assert_problem(
        &text,
        "rule \"new-bowel-trouble\"",
        "every emergency item must be asked before any urgent item",
        "id = \"new-bowel-trouble\"",
    );
}

#[test]
fn wrong_types_and_unknown_keys() {
    let text = edited("min = 1\nmax = 120", "min = \"one\"\nmax = 120");
    assert_problem(
        &text,
        "question \"age\"",
        "\"min\" must be a whole number",
        "min = \"one\"",
    );
    let text = edited(
        "prompt.en = \"How old are you?\"",
        "promt.en = \"How old are you?\"",
    );
    assert_problem(
        &text,
        "question \"age\"",
        "unknown key \"promt\"",
        "promt.en",
    );
    let text = edited(
        "id = \"fever\"\ntier = \"urgent\"",
        "id = \"fever\"\ntier = \"soon\"",
    );
    assert_problem(
        &text,
        "rule \"fever\"",
        "unknown tier \"soon\"",
        "id = \"fever\"\ntier",
    );
}

#[test]
fn a_checklist_needs_one_none_choice() {
    let text = edited(
        "none = true\nlabel.en = \"None of these\"\nlabel.es = \"Ninguna de estas\"\n\n# ---------------------------------------------------------------------------------\n# Health history",
        "label.en = \"None of these\"\nlabel.es = \"Ninguna de estas\"\n\n# ---------------------------------------------------------------------------------\n# Health history",
    );
    assert_problem(
        &text,
        "question \"over-50\"",
        "needs one \"none = true\"",
        "id = \"over-50\"",
    );
}

#[test]
fn the_clinic_file_is_checked() {
    let load = |text: &str| {
        load_clinic(File {
            name: "clinic.toml",
            text,
        })
        .unwrap_err()
    };
    let bad_phone = CLINIC_TOML.replace("phone = \"+18445662723\"", "phone = \"844-566-2723\"");
    let problems = load(&bad_phone);
    assert!(
        problems[0].message.contains("not in E.164 form"),
        "{problems:#?}"
    );
    assert_eq!(problems[0].line, line_of(&bad_phone, "phone = \"844"));
    let bad_url = CLINIC_TOML.replace(
        "booking_url = \"\"",
        "booking_url = \"javascript:alert(1)\"",
    );
    assert!(load(&bad_url)[0]
        .message
        .contains("must be an https:// address"));
    let no_name = CLINIC_TOML.replace("name = \"Wellness and Pain\"\n", "");
    assert!(load(&no_name)[0].message.contains("missing \"name\""));
}

#[test]
fn a_phone_extension_is_dialled_and_shown() {
    let with_ext = CLINIC_TOML.replace("extension = \"\"", "extension = \"12\"");
    let clinic = load_clinic(File {
        name: "clinic.toml",
        text: &with_ext,
    })
    .unwrap();
    assert_eq!(clinic.phone.display, "844-566-2723 ext. 12");
    assert_eq!(clinic.phone.tel, "tel:+18445662723;ext=12");
}
