//! The content files and their checker: the shipped files pass, and each kind of broken
//! file gives its precise error, naming the file, the line and the item.

use quiz::source::{load_clinic, load_quiz, load_quiz_unwalked, File, FileProblem};
use quiz::{Condition, Lang, Quiz};

use crate::{ARTICLE, CLINIC_TOML, QUIZ, QUIZ_TOML};

fn load(text: &str) -> Result<Quiz, Vec<FileProblem>> {
    load_quiz(
        File {
            name: "quiz.toml",
            text,
        },
        ARTICLE,
    )
}

/// Every problem of an edited copy, the walk of every path's findings included.
fn walked_problems(text: &str) -> Vec<FileProblem> {
    load(text).err().unwrap_or_default()
}

/// The reader's and the structure's problems of an edited copy: all but the walk's
/// findings, without its seconds. The tests of those findings walk, and so do those
/// that count every problem (nothing the walk finds may follow from a reading
/// problem: `source::Reading::explains`).
fn quiz_problems(text: &str) -> Vec<FileProblem> {
    load_quiz_unwalked(
        File {
            name: "quiz.toml",
            text,
        },
        ARTICLE,
    )
    .err()
    .unwrap_or_default()
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

/// `text` with the line that sets `key` (`phone = …`) replaced by `line`: tests edit
/// the clinic file whatever its values are, so a clinic's own number breaks none.
fn with_line(text: &str, key: &str, line: &str) -> String {
    let prefix = format!("{key} = ");
    let old = text
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no `{prefix}` line"));
    text.replacen(old, line, 1)
}

fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    text[..at].matches('\n').count() + 1
}

/// Asserts one problem of the reader or the structure mentions `item` and `message`,
/// at the line of `at` in `text`.
#[track_caller]
fn assert_problem(text: &str, item: &str, message: &str, at: &str) {
    assert_found(quiz_problems(text), text, item, message, at);
}

/// [`assert_problem`], for a finding of the walk of every path.
#[track_caller]
fn assert_walk_finds(text: &str, item: &str, message: &str, at: &str) {
    assert_found(walked_problems(text), text, item, message, at);
}

#[track_caller]
fn assert_found(problems: Vec<FileProblem>, text: &str, item: &str, message: &str, at: &str) {
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
    assert_eq!(walked_problems(QUIZ_TOML), Vec::new());
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
    let text = QUIZ_TOML.replacen(
        "show_if = { question = \"pregnancy\", is = [\"yes\", \"maybe\"] }",
        "show_if = { question = \"how-long\", is = [\"over-12-weeks\"] }",
        1,
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
        "{ question = \"age\", min = 50 }, { question = \"where\", is = [\"neck\"",
        "{ question = \"age\", min = 121 }, { question = \"where\", is = [\"neck\"",
    );
    assert_walk_finds(
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
        "when = { all = [ { question = \"pregnancy\", is = [\"yes\", \"maybe\"] }, { question = \"pregnancy-soon\", is = [\"none\"] } ] }\nreason",
        "when = { all = [ { question = \"age\", max = 9 }, { question = \"pregnancy\", is = [\"yes\"] } ] }\nreason",
    );
    assert_walk_finds(
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
    let problems = walked_problems(&text);
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
        "reason.es-other = \"Después de un cáncer, un dolor nuevo como este debe revisarlo pronto un médico: hoy mismo, en menos de 24 horas.\"\nsource = \"NICE-NG234\"",
        "reason.es-other = \"Después de un cáncer, un dolor nuevo como este debe revisarlo pronto un médico: hoy mismo, en menos de 24 horas.\"",
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
    assert_problem(
        &text,
        "question \"age\"",
        "add `prompt.en-other`",
        "id = \"age\"",
    );
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
fn a_rule_with_its_own_headline_needs_its_own_worse_line() {
    // Self-harm's own lines gone: the result would fall back to the tier's line for a
    // 911 operator under "Call or text 988 now".
    let start = QUIZ_TOML.find("id = \"self-harm\"\ntier").unwrap();
    let end = start + QUIZ_TOML[start..].find("\n\n").unwrap();
    let rule = &QUIZ_TOML[start..end];
    let without: Vec<&str> = rule
        .lines()
        .filter(|l| !l.starts_with("worse.") && !l.starts_with("watch"))
        .collect();
    assert!(without.len() < rule.lines().count(), "{rule}");
    let text = edited(rule, &without.join("\n"));
    assert_problem(
        &text,
        "rule \"self-harm\"",
        "has its own headline and no \"if it gets worse\" line",
        "id = \"self-harm\"\ntier",
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
fn a_question_id_is_a_plain_name_and_not_a_position_word() {
    // Saved progress and history entries write the start and the result as words.
    for (id, shown) in [
        ("result", "result"),
        ("Age", "Age"),
        ("age range", "age range"),
    ] {
        let text = edited("id = \"age\"\n", &format!("id = \"{id}\"\n"));
        let text = text.replace("question = \"age\"", &format!("question = \"{id}\""));
        assert_problem(
            &text,
            &format!("question \"{shown}\""),
            "lowercase letters, digits and hyphens",
            &format!("id = \"{id}\"\n"),
        );
    }
}

#[test]
fn a_checklist_too_long_to_walk_is_an_error() {
    use quiz::validate::MAX_CHECKLIST_CHOICES;
    let first = "[[question.choice]]\nid = \"low-back\"";
    let extra = |n: usize| -> String {
        (0..n)
            .map(|i| {
                format!(
                    "[[question.choice]]\nid = \"extra-{i}\"\nlabel.en = \"Place {i}\"\n\
                     label.es = \"Lugar {i}\"\n\n"
                )
            })
            .collect()
    };
    let at = "id = \"where\"\nsection = \"where\"\nkind = \"checklist\"";
    // The question's choices besides "none".
    let choices = |text: &str| {
        let question = &text[text.find(at).unwrap()..];
        let question = &question[..question.find("\n[[question]]").unwrap()];
        question.matches("[[question.choice]]").count() - question.matches("none = true").count()
    };
    let shipped = choices(QUIZ_TOML);
    // Up to the limit, the quiz still builds; one more is an error.
    let at_limit = edited(
        first,
        &format!("{}{first}", extra(MAX_CHECKLIST_CHOICES - shipped)),
    );
    assert_eq!(choices(&at_limit), MAX_CHECKLIST_CHOICES);
    // (The walk takes the longest checklist allowed.)
    let problems = walked_problems(&at_limit);
    assert!(
        !problems.iter().any(|p| p.message.contains("at most")),
        "{problems:#?}"
    );
    let over = edited(
        first,
        &format!("{}{first}", extra(MAX_CHECKLIST_CHOICES + 1 - shipped)),
    );
    assert_problem(
        &over,
        "question \"where\"",
        "a checklist has at most 16 choices besides \"None of these\"",
        at,
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
    let bad_phone = with_line(CLINIC_TOML, "phone", "phone = \"844-566-2723\"");
    let problems = load(&bad_phone);
    assert!(
        problems[0].message.contains("not in E.164 form"),
        "{problems:#?}"
    );
    assert_eq!(problems[0].line, line_of(&bad_phone, "phone = \"844"));
    let bad_url = with_line(
        CLINIC_TOML,
        "booking_url",
        "booking_url = \"javascript:alert(1)\"",
    );
    assert!(load(&bad_url)[0]
        .message
        .contains("must be an https:// address"));
    let no_name = with_line(CLINIC_TOML, "name", "");
    assert!(load(&no_name)[0].message.contains("missing \"name\""));
}

/// North American numbers follow the plan: a digit short, or an area code or exchange
/// that cannot exist, is refused with what is wrong; other countries keep E.164 form.
#[test]
fn a_north_american_phone_must_be_a_real_one() {
    use quiz::Phone;
    let refused = [
        ("+1844566279", "needs 10 digits, and it has 9"),
        ("+184456627233", "needs 10 digits, and it has 11"),
        ("+11445662723", "area code 144 must start with 2 to 9"),
        ("+19115662723", "area code 911 is a service code"),
        ("+18441662723", "exchange 166 must start with 2 to 9"),
        ("+18444112723", "exchange 411 is a service code"),
    ];
    for (phone, why) in refused {
        let message = Phone::from_e164(phone, "").unwrap_err();
        assert!(message.contains(why), "{phone}: {message}");
        assert!(message.contains("+18445662723"), "{message}");
    }
    assert_eq!(
        Phone::from_e164("+12125550199", ""),
        Ok(("212-555-0199".into(), "tel:+12125550199".into()))
    );
    // Another country: E.164 as given.
    assert_eq!(
        Phone::from_e164("+442079460958", "").map(|p| p.0),
        Ok("+442079460958".into())
    );
    // In the clinic file, with its line.
    let short = with_line(CLINIC_TOML, "phone", "phone = \"+1844566279\"");
    let problems = load_clinic(File {
        name: "clinic.toml",
        text: &short,
    })
    .unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("10 digits"), "{problems:?}");
    assert_eq!(problems[0].line, line_of(&short, "phone = "));
}

#[test]
fn a_phone_extension_is_dialled_and_shown() {
    let with_ext = with_line(CLINIC_TOML, "phone", "phone = \"+18445662723\"");
    let with_ext = with_line(&with_ext, "extension", "extension = \"12\"");
    let clinic = load_clinic(File {
        name: "clinic.toml",
        text: &with_ext,
    })
    .unwrap();
    assert_eq!(clinic.phone.display, "844-566-2723 ext. 12");
    assert_eq!(clinic.phone.tel, "tel:+18445662723;ext=12");
}

#[test]
fn a_text_for_someone_else_needs_its_spanish_too() {
    // The case the medical translator found: the helper was asked "¿Qué edad tiene?"
    // and could type their own age.
    let text = edited("prompt.es-other = \"¿Qué edad tiene esa persona?\"\n", "");
    assert_problem(
        &text,
        "question \"age\"",
        "has `prompt.en-other` but no `prompt.es-other`",
        "id = \"age\"",
    );
}

/// Every warning-sign option says in Spanish what it says in English: the key ideas
/// of each, in both languages (one idea per option, none broader or narrower; the
/// medical translator's review of 2026-11-30 found "ingle", "desgarrador" and a
/// plural "piernas" that changed who answers yes).
fn red_flag_wording_problems(quiz: &quiz::Quiz) -> Vec<String> {
    use quiz::{ChoiceId, QuestionId};
    type Row = (
        &'static str,
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
    );
    const TABLE: &[Row] = &[
        (
            "nerve-signs",
            "new-bladder",
            &[
                "New",
                "urine",
                "hard to start",
                "will not come",
                "not feel empty",
            ],
            &[
                "nuevo",
                "orinar",
                "cuesta empezar",
                "no sale",
                "no se siente vacía",
            ],
        ),
        (
            "nerve-signs",
            "bladder-leak",
            &["Leaking urine", "only once", "new"],
            &["se le salió la orina", "una sola vez", "nuevo"],
        ),
        (
            "nerve-signs",
            "new-bowel",
            &["New", "bowel", "stool leaks"],
            &["nuevo", "popó", "heces", "sin querer"],
        ),
        (
            "nerve-signs",
            "saddle-numbness",
            &[
                "between the legs",
                "genitals",
                "buttocks",
                "inner thighs",
                "toilet paper",
            ],
            &[
                "entre las piernas",
                "genitales",
                "nalgas",
                "parte de adentro de los muslos",
                "al limpiarse",
            ],
        ),
        (
            "nerve-signs",
            "leg-weakness",
            &[
                "A leg (or both)",
                "weaker",
                "foot that drags",
                "slaps",
                "catches",
                "new trouble walking",
            ],
            &[
                "Una pierna (o las dos)",
                "más débil",
                "pie que se arrastra",
                "golpea el suelo",
                "se atora",
                "dificultad nueva para caminar",
            ],
        ),
        (
            "body-signs",
            "chest",
            &["New chest pain", "pressure", "arm", "jaw"],
            &["pecho que es nuevo", "presión", "brazo", "quijada"],
        ),
        (
            "body-signs",
            "breathless",
            &["New shortness of breath", "at rest"],
            &["Falta de aire nueva", "en reposo"],
        ),
        (
            "body-signs",
            "stroke",
            &[
                "Sudden", "face", "arm", "leg", "one side", "speech", "vision",
            ],
            &[
                "repentino",
                "cara",
                "brazo",
                "pierna",
                "un solo lado",
                "hablar",
                "vista",
            ],
        ),
        (
            "body-signs",
            "neck-signs",
            &[
                "Neck",
                "double vision",
                "swallowing",
                "unsteadily",
                "vertigo",
            ],
            &[
                "cuello",
                "visión doble",
                "tragar",
                "inestabilidad",
                "vértigo",
            ],
        ),
        (
            "body-signs",
            "worst-headache",
            &["sudden", "worst ever", "fever", "stiff neck"],
            &["repentino", "el peor", "fiebre", "cuello tieso"],
        ),
        (
            "body-signs",
            "confusion",
            &["New confusion", "place", "day"],
            &["Confusión nueva", "dónde", "qué día"],
        ),
        (
            "body-signs",
            "drowsy",
            &["drowsy", "hard to wake", "stay awake", "yellow"],
            &[
                "somnolencia",
                "cuesta mucho despertarle",
                "seguir despierto",
                "amarillos",
            ],
        ),
        (
            "pain-medicines",
            "overdose",
            &["acetaminophen", "paracetamol", "label", "several products"],
            &[
                "acetaminofén",
                "paracetamol",
                "etiqueta",
                "varios productos",
            ],
        ),
        (
            "body-signs",
            "self-harm",
            &["self-harm", "ending one's life"],
            &["hacerse daño", "quitarse la vida"],
        ),
        (
            "pain-medicines",
            "self-harm-weeks",
            &[
                "2 weeks",
                "self-harm",
                "ending one's life",
                "wishing to be dead",
            ],
            &[
                "2 semanas",
                "hacerse daño",
                "quitarse la vida",
                "estar muerto",
            ],
        ),
        (
            "belly-signs",
            "faint-pale",
            &["Sudden", "fainting", "pale", "racing heart"],
            &["repentino", "desmayo", "pálida", "acelerado"],
        ),
        (
            "belly-signs",
            "tearing-pain",
            &["Sudden", "tearing"],
            &["repentino", "rasgara"],
        ),
        (
            "belly-signs",
            "pulsing-lump",
            &["lump", "pulses"],
            &["bola", "late"],
        ),
        (
            "belly-signs",
            "kidney-stone",
            &["Sudden", "side", "groin", "throwing up", "no position"],
            &[
                "repentino",
                "costado",
                "ingle",
                "vómitos",
                "ninguna posición",
            ],
        ),
        (
            "belly-signs",
            "upper-belly",
            &["upper belly", "through to the back", "throwing up"],
            &["parte alta del vientre", "hacia la espalda", "vómitos"],
        ),
        (
            "injury",
            "major-recent",
            &[
                "major injury",
                "car crash",
                "fall from a height",
                "last few days",
                "not yet checked",
            ],
            &[
                "lesión grave",
                "choque",
                "caída desde una altura",
                "últimos días",
                "aún no ha revisado",
            ],
        ),
        (
            "pregnancy-signs",
            "heavy-bleeding",
            &["Heavy bleeding", "vagina", "pad in an hour", "clots"],
            &[
                "Sangrado abundante",
                "vagina",
                "toalla sanitaria en una hora",
                "coágulos",
            ],
        ),
        (
            "pregnancy-signs",
            "bleeding",
            &["bleeding or spotting", "vagina"],
            &["sangrado o manchado", "vagina"],
        ),
        (
            "pregnancy-signs",
            "one-sided-pain",
            &["one side", "lower belly"],
            &["un lado", "parte baja del vientre"],
        ),
        (
            "pregnancy-signs",
            "fainting",
            &["Fainting", "seizure"],
            &["Desmayo", "convulsión"],
        ),
        (
            "head-signs",
            "thunderclap",
            &["suddenly", "within about a minute"],
            &["de repente", "en más o menos un minuto"],
        ),
        (
            "head-signs",
            "worsening",
            &["much worse", "minutes or hours"],
            &["empeoró mucho", "minutos u horas"],
        ),
        (
            "head-signs",
            "fever-stiff-neck",
            &["fever", "stiff neck", "rash"],
            &["fiebre", "cuello tieso", "manchas en la piel"],
        ),
        (
            "head-signs",
            "nerve-signs",
            &[
                "new",
                "vision",
                "double",
                "weakness",
                "numbness",
                "confusion",
                "speaking",
            ],
            &[
                "nuevo",
                "vista",
                "doble",
                "debilidad",
                "adormecimiento",
                "confusión",
                "hablar",
            ],
        ),
        (
            "head-signs",
            "head-injury",
            &["blow to the head", "fall"],
            &["golpe en la cabeza", "caída"],
        ),
        (
            "head-signs",
            "pregnant-or-birth",
            &["pregnant", "6 weeks after giving birth"],
            &["embarazo", "6 semanas después de dar a luz"],
        ),
        (
            "head-signs",
            "high-pressure",
            &["180/120", "today"],
            &["180/120", "hoy"],
        ),
        (
            "belly-place-signs",
            "blood-vomit-stool",
            &["Throwing up blood", "coffee grounds"],
            &["Vomitar sangre", "café molido"],
        ),
        (
            "belly-place-signs",
            "black-stool-faint",
            &["black", "tarry", "dizziness", "fainting"],
            &["negra", "chapopote", "mareo", "desmayo"],
        ),
        (
            "belly-place-signs",
            "after-birth",
            &[
                "Gave birth",
                "6 weeks",
                "heavy bleeding",
                "fever",
                "severe belly pain",
            ],
            &[
                "Dio a luz",
                "6 semanas",
                "sangrado abundante",
                "fiebre",
                "dolor muy fuerte en el vientre",
            ],
        ),
        (
            "belly-place-signs",
            "testicle",
            &["Sudden", "testicle", "boy or young man"],
            &["repentino", "testículo", "niño o un hombre joven"],
        ),
        (
            "belly-place-signs",
            "missed-period",
            &[
                "late or missed period",
                "bleeding",
                "dizziness",
                "tip of the shoulder",
            ],
            &["regla atrasada", "sangrado", "mareo", "punta del hombro"],
        ),
        (
            "limb-signs",
            "leg-with-breathless",
            &["swollen", "leg", "chest pain", "shortness of breath"],
            &["hinchada", "pierna", "dolor de pecho", "falta de aire"],
        ),
        (
            "shoulder-signs",
            "with-chest",
            &[
                "Shoulder",
                "jaw",
                "chest pressure",
                "shortness of breath",
                "sweating",
            ],
            &[
                "hombro",
                "quijada",
                "presión en el pecho",
                "falta de aire",
                "sudor",
            ],
        ),
        (
            "shoulder-signs",
            "tip-with-belly",
            &["tip of the shoulder", "belly pain"],
            &["punta del hombro", "dolor de vientre"],
        ),
        (
            "period-signs",
            "soaking",
            &["soaks", "every hour", "several hours"],
            &["empapa", "cada hora", "varias horas"],
        ),
        (
            "period-signs",
            "bleeding-faint",
            &["Bleeding", "dizziness", "fainting"],
            &["Sangrado", "mareo", "desmayo"],
        ),
    ];
    let mut wrong = Vec::new();
    for (question, choice, en, es) in TABLE {
        let q = quiz.question(QuestionId(question)).unwrap();
        let c = q.choice(ChoiceId(choice)).unwrap();
        for (lang, label, ideas) in [
            ("en", c.label.myself(Lang::En), en),
            ("es", c.label.myself(Lang::Es), es),
        ] {
            for idea in ideas.iter() {
                if !label.to_lowercase().contains(&idea.to_lowercase()) {
                    wrong.push(format!(
                        "{question}/{choice} ({lang}): no {idea:?} in {label:?}"
                    ));
                }
            }
        }
    }
    // Every emergency option of the quiz is in the table: a new one needs its row.
    for q in quiz
        .questions
        .iter()
        .filter(|q| q.section == "warning-signs")
    {
        for c in q.choices.iter().filter(|c| !c.exclusive) {
            let listed = TABLE
                .iter()
                .any(|(tq, tc, _, _)| *tq == q.id.0 && *tc == c.id.0);
            let fires = quiz.rules.iter().any(|r| {
                r.tier == quiz::Tier::Emergency
                    && matches!(r.when, quiz::Condition::Chose { question, any }
                        if question == q.id && any.contains(&c.id))
            });
            if fires && !listed && q.id.0 != "pregnancy-signs" {
                wrong.push(format!(
                    "{}/{} is a red flag with no row here",
                    q.id.0, c.id.0
                ));
            }
        }
    }
    wrong
}

/// A review check over the loaded quiz: nothing on the shipped quiz, and on a copy of
/// the content with `from` edited to `to`, a problem naming `expected` (the check can
/// fail).
fn passes_and_catches(
    problems: fn(&quiz::Quiz) -> Vec<String>,
    from: &str,
    to: &str,
    expected: &str,
) {
    let shipped = problems(&crate::QUIZ);
    assert!(shipped.is_empty(), "{}", shipped.join("\n"));
    let broken = load(&edited(from, to)).unwrap();
    let found = problems(&broken);
    assert!(found.iter().any(|p| p.contains(expected)), "{found:?}");
}

#[test]
fn red_flag_options_say_the_same_in_both_languages() {
    // The check can fail: saddle numbness back to "ingle" (the crease of the thigh).
    passes_and_catches(
        red_flag_wording_problems,
        "entre las piernas (alrededor de los genitales o el ano), en las nalgas",
        "en la ingle, en las nalgas",
        "saddle-numbness (es)",
    );
}

/// A text that changes between "myself" and "someone else" in English changes in
/// Spanish too, except where the usted text was read and found to fit a helper.
fn someone_else_problems(quiz: &quiz::Quiz) -> Vec<String> {
    // Reviewed: these Spanish texts already read right for a helper.
    const NEUTRAL_IN_SPANISH: &[&str] = &[
        "0 es nada de dolor. 10 es el peor dolor que se pueda imaginar.",
        "El acupunturista debe saberlo antes de la primera sesión. Estas respuestas nunca impiden obtener un resultado.",
        "Llame a la clínica para hablar de esto y hacer sus preguntas. Las razones de abajo dicen en qué se basa este consejo.",
    ];
    let mut texts = Vec::new();
    for q in quiz.questions {
        texts.push(q.prompt);
        texts.push(q.why);
        texts.extend(q.hint);
        texts.extend(q.choices.iter().map(|c| c.label));
    }
    for r in quiz.rules {
        texts.push(r.reason);
        texts.extend(r.action);
        texts.extend(r.worse);
    }
    for r in quiz.results {
        texts.extend([r.headline, r.action, r.worse]);
    }
    let mut wrong = Vec::new();
    for t in texts.iter().filter(|t| t.someone_else(Lang::En).is_some()) {
        match t.someone_else(Lang::Es) {
            None => wrong.push(format!("no es-other for {:?}", t.myself(Lang::En))),
            Some(o)
                if o == t.myself(Lang::Es) && !NEUTRAL_IN_SPANISH.contains(&t.myself(Lang::Es)) =>
            {
                wrong.push(format!(
                    "es-other repeats es, not reviewed as neutral: {:?}",
                    t.myself(Lang::Es)
                ))
            }
            _ => {}
        }
    }
    wrong
}

#[test]
fn someone_else_wordings_differ_in_spanish_too() {
    // The check can fail: the age question's Spanish for a helper back to the usted
    // text, which passes the validator (repeating `es` is allowed) but not review.
    passes_and_catches(
        someone_else_problems,
        "prompt.es-other = \"¿Qué edad tiene esa persona?\"",
        "prompt.es-other = \"¿Qué edad tiene?\"",
        "¿Qué edad tiene?",
    );
}

/// What check-content prints for these files, and whether they pass.
#[test]
fn every_problem_at_once_in_line_order() {
    // A validation problem early in the file (an unknown section) and a reader problem
    // later on (a rule's missing Spanish reason): both, in line order.
    let text = edited(
        "id = \"age\"\nsection = \"warning-signs\"",
        "id = \"age\"\nsection = \"warning-sign\"",
    );
    let text = text.replacen(
        "reason.es = \"Después de un cáncer, un dolor nuevo como este debe revisarlo pronto un médico: hoy mismo, en menos de 24 horas.\"\n",
        "",
        1,
    );
    let problems = walked_problems(&text);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0]
            .message
            .contains("unknown section \"warning-sign\""),
        "{problems:#?}"
    );
    assert_eq!(problems[0].line, line_of(&text, "id = \"age\""));
    assert!(
        problems[1].item.contains("rule \"cancer-history\""),
        "{problems:#?}"
    );
    assert!(problems[1].message.contains("reason.es"), "{problems:#?}");
    assert!(problems[0].line < problems[1].line);
}

#[test]
fn what_follows_from_a_reading_problem_is_not_reported_again() {
    // The age question cannot be read: the questions shown by age and the rules on it
    // do not also say "unknown question \"age\"", and no path finding follows.
    let text = edited("prompt.es = \"¿Qué edad tiene?\"\n", "");
    let problems = walked_problems(&text);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].message.contains("prompt.es"), "{problems:#?}");
    // A choice that cannot be read: rules naming it say nothing more.
    let text = edited("label.es = \"Dolor que baja por las dos piernas\"\n", "");
    let problems = walked_problems(&text);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].item.contains("choice \"both-legs\""),
        "{problems:#?}"
    );
}

#[test]
fn a_quote_inside_a_text_is_explained() {
    let text = edited(
        "prompt.en = \"Where is the pain?\"",
        "prompt.en = \"Where is the \"main\" pain?\"",
    );
    let problems = walked_problems(&text);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].line, line_of(&text, "Where is the \"main"));
    assert_eq!(
        problems[0].message,
        "a \" inside a text must be written \\\" (or put the text in single quotes: key = 'He said \"stop\"')"
    );
}

#[test]
fn curly_quotes_are_explained() {
    let curly =
        "this line uses curly quotes (“ ”) from a word processor; write straight quotes \"…\"";
    for (from, to, at) in [
        (
            "prompt.en = \"How old are you?\"",
            "prompt.en = “How old are you?”",
            "prompt.en = “",
        ),
        (
            "prompt.en = \"How old are you?\"",
            "prompt.en = \"How old are you?”",
            "prompt.en = \"How old are you?”",
        ),
        (
            "when = { question = \"general-signs\", is = [\"fever\"] }",
            "when = { question = “general-signs”, is = [\"fever\"] }",
            "when = { question = “",
        ),
    ] {
        let text = edited(from, to);
        let problems = quiz_problems(&text);
        let found = problems
            .iter()
            .find(|p| p.item == "TOML")
            .unwrap_or_else(|| panic!("{to}: {problems:#?}"));
        assert_eq!(found.message, curly, "{to}");
        assert_eq!(found.line, line_of(&text, at), "{to}");
    }
}

#[test]
fn other_syntax_errors_keep_the_parsers_words_in_plain_ones() {
    let text = edited("id = \"age\"\nsection", "id = \"age\nsection");
    let problems = walked_problems(&text);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0]
            .message
            .starts_with("the file's syntax is broken here: "),
        "{problems:#?}"
    );
    let text = edited("min = 1\nmax = 120", "min = 1\nmax = 120 120");
    let problems = quiz_problems(&text);
    assert!(
        problems[0]
            .message
            .starts_with("the file's syntax is broken here: "),
        "{problems:#?}"
    );
    // The parser's own words are kept.
    assert!(
        problems[0]
            .message
            .ends_with("string values must be quoted, expected literal string"),
        "{problems:#?}"
    );
}

#[test]
fn a_quoting_mistake_hides_no_other_problem() {
    // The line is read as it was meant, so the rest of the file is checked too.
    let text = edited(
        "prompt.en = \"Where is the pain?\"",
        "prompt.en = “Where is the \"main\" pain?”",
    );
    let text = text.replacen(
        "when = { question = \"general-signs\", is = [\"fever\"] }",
        "when = { question = \"general-signs\", is = [\"fevr\"] }",
        1,
    );
    let problems = walked_problems(&text);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0].message.contains("curly quotes"),
        "{problems:#?}"
    );
    assert!(problems[1].message.contains("\"fevr\""), "{problems:#?}");
}

#[test]
fn text_messages_name_the_exact_key() {
    let text = edited("label.en = \"Shoulder\"", "label.en = \"Your shoulder\"");
    assert_problem(
        &text,
        "choice \"shoulder\"",
        "add `label.en-other`",
        "id = \"shoulder\"",
    );
    let text = edited(
        "label.es = \"Dolor que baja por las dos piernas\"",
        "label.es = \"Pain running down both legs\"",
    );
    assert_problem(
        &text,
        "choice \"both-legs\"",
        "the Spanish text (`label.es`) is the same as the English one",
        "id = \"both-legs\"",
    );
}

#[test]
fn an_unknown_choice_lists_the_questions_choices() {
    use quiz::QuestionId;
    let choices: Vec<&str> = load(QUIZ_TOML)
        .unwrap()
        .question(QuestionId("general-signs"))
        .unwrap()
        .choices
        .iter()
        .map(|c| c.id.0)
        .collect();
    let text = edited(
        "when = { question = \"general-signs\", is = [\"fever\"] }",
        "when = { question = \"general-signs\", is = [\"fevr\"] }",
    );
    let listed = format!("(its choices: {})", choices.join(", "));
    assert_problem(&text, "rule \"fever\"", &listed, "id = \"fever\"\ntier");
    assert_problem(
        &text,
        "rule \"fever\"",
        "did you mean \"fever\"?",
        "id = \"fever\"\ntier",
    );
}

#[test]
fn a_misspelt_id_gets_did_you_mean() {
    let text = edited(
        "when = { question = \"general-signs\", is = [\"fever\"] }",
        "when = { question = \"genral-signs\", is = [\"fever\"] }",
    );
    assert_problem(
        &text,
        "rule \"fever\"",
        "unknown question \"genral-signs\"; did you mean \"general-signs\"?",
        "id = \"fever\"\ntier",
    );
    let text = edited(
        "when = { question = \"general-signs\", is = [\"fever\"] }",
        "when = { question = \"general-signs\", is = [\"Fever\"] }",
    );
    assert_problem(
        &text,
        "rule \"fever\"",
        "did you mean \"fever\"?",
        "id = \"fever\"\ntier",
    );
    let text = edited(
        "id = \"age\"\nsection = \"warning-signs\"",
        "id = \"age\"\nsection = \"warning_signs\"",
    );
    assert_problem(
        &text,
        "question \"age\"",
        "unknown section \"warning_signs\"; did you mean \"warning-signs\"?",
        "id = \"age\"",
    );
    let text = edited(
        "prompt.en = \"How old are you?\"",
        "promt.en = \"How old are you?\"",
    );
    assert_problem(
        &text,
        "question \"age\"",
        "did you mean \"prompt\"?",
        "promt.en",
    );
    // Nothing close: no guess.
    let text = edited(
        "when = { question = \"general-signs\", is = [\"fever\"] }",
        "when = { question = \"general-signs\", is = [\"rash\"] }",
    );
    let problems = quiz_problems(&text);
    let found = problems
        .iter()
        .find(|p| p.message.contains("unknown choice \"rash\""))
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert!(!found.message.contains("did you mean"), "{found}");
}

#[test]
fn edit_distance_and_did_you_mean() {
    use quiz::validate::{did_you_mean, edit_distance};
    assert_eq!(edit_distance("fevr", "fever"), 1);
    assert_eq!(edit_distance("kitten", "sitting"), 3);
    assert_eq!(edit_distance("", "abc"), 3);
    assert_eq!(edit_distance("añejo", "anejo"), 1);
    assert_eq!(edit_distance("yse", "yes"), 1);
    assert_eq!(edit_distance("abc", "ca"), 3);
    let known = ["general-signs", "nerve-signs", "body-signs"];
    assert_eq!(did_you_mean("General_Signs", known), Some("general-signs"));
    assert_eq!(did_you_mean("nerv-sign", known), Some("nerve-signs"));
    assert_eq!(did_you_mean("belly-signs", known), None);
    assert_eq!(did_you_mean("no", ["yes", "none"]), None);
    assert_eq!(did_you_mean("yse", ["yes", "no"]), Some("yes"));
}

/// `text` with `from` replaced by `to` in the item whose `id = "…"` line is `item`
/// (its first occurrence after that line).
fn in_item(text: &str, item: &str, from: &str, to: &str) -> String {
    let start = text.find(item).unwrap_or_else(|| panic!("no {item}"));
    let at = start
        + text[start..]
            .find(from)
            .unwrap_or_else(|| panic!("no {from:?} after {item}"));
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

/// The line `key.es = "…"` and the `es-other` line after it, whatever they say.
fn es_lines(text: &str, item: &str, key: &str) -> String {
    let start = text.find(item).unwrap_or_else(|| panic!("no {item}"));
    let es = start
        + text[start..]
            .find(&format!("\n{key}.es = "))
            .unwrap_or_else(|| panic!("no {key}.es after {item}"))
        + 1;
    let other = es + text[es..].find('\n').expect("a line") + 1;
    assert!(text[other..].starts_with(&format!("{key}.es-other = ")));
    let end = other + text[other..].find('\n').expect("a line") + 1;
    text[es..end].to_string()
}

#[test]
fn a_spanish_sentence_without_its_wording_for_someone_else_is_reported() {
    // The five texts the medical translator found on 2026-12-03 (N2–N5, N21), as they
    // were: impersonal in English, so no `en-other`; no "usted"; yet a helper read
    // each as being about themselves ("si está perdiendo la vista": the helper's sight).
    let found: &[(&str, &str, &str, &str)] = &[
        (
            "id = \"headache-over-50\"",
            "worse",
            "Llame al 911 si está perdiendo la vista, o si hay un dolor de cabeza repentino y muy fuerte.",
            "rule \"headache-over-50\"",
        ),
        (
            "id = \"fever\"\ntier",
            "worse",
            "Llame al 911 si la fiebre sube, con escalofríos fuertes, confusión, o se siente muy mal.",
            "rule \"fever\"",
        ),
        (
            "id = \"self-harm\"\ntier",
            "reason",
            "Si tiene pensamientos de hacerse daño, busque ayuda ahora mismo. Llame o envíe un mensaje de texto al 988, la Línea 988 de Prevención del Suicidio y Crisis (hay ayuda en español), o llame al 911.",
            "rule \"self-harm\"",
        ),
        (
            "id = \"cancer-history\"",
            "reason",
            "Si ha tenido cáncer, un médico debe revisar pronto un dolor de espalda nuevo: hoy mismo, en menos de 24 horas.",
            "rule \"cancer-history\"",
        ),
        (
            "text.en = \"A session usually lasts",
            "text",
            "Una sesión suele durar de 15 a 30 minutos. Se acuesta en una camilla cómoda.",
            "expect #2",
        ),
    ];
    let mut text = QUIZ_TOML.to_string();
    for (item, key, old, _) in found {
        let lines = es_lines(&text, item, key);
        text = in_item(&text, item, &lines, &format!("{key}.es = \"{old}\"\n"));
    }
    let problems = quiz_problems(&text);
    for (_, key, old, item) in found {
        assert!(!old.contains("usted"), "{old}");
        let message = format!("has no `{key}.es-other`");
        assert!(
            problems
                .iter()
                .any(|p| p.item == *item && p.message.contains(&message)),
            "{item}: no {message:?} in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), found.len(), "{problems:#?}");
    // Written for someone else, each passes: the same check on the shipped file.
    assert_eq!(quiz_problems(QUIZ_TOML), Vec::new());
}

// ---------------------------------------------------------------------------------
// A result never contradicts the answers: each check over every path, made to fail.
// ---------------------------------------------------------------------------------

/// The walked problems of `text` that name `item` and say `says`.
fn found(text: &str, item: &str, says: &str) -> Vec<FileProblem> {
    let problems = walked_problems(text);
    let hits: Vec<FileProblem> = problems
        .iter()
        .filter(|p| p.item == item && p.message.contains(says))
        .cloned()
        .collect();
    assert!(!hits.is_empty(), "no {item}: {says} in {problems:#?}");
    hits
}

#[test]
fn a_line_that_says_act_if_what_was_answered_starts_is_reported() {
    // The fever rule's "call 911 if… starts", had it named fever among what it watches.
    let watch = "watch = [{ question = \"body-signs\", is = [\"confusion\", \"drowsy\"] }, \
                 { question = \"belly-signs\", is = [\"faint-pale\"] }]";
    let text = QUIZ_TOML.replacen(
        watch,
        &watch.replace(
            "] }]",
            "] }, { question = \"general-signs\", is = [\"fever\"] }]",
        ),
        1,
    );
    assert!(text != QUIZ_TOML, "the fever rule's watch was not found");
    let hits = found(&text, "rule \"fever\"", "contradicts the answers on a path");
    assert!(hits[0].message.contains("general-signs=fever"), "{hits:#?}");
    assert!(hits[0]
        .message
        .starts_with("contradicts the answers on a path: its worse"));
}

#[test]
fn a_watch_naming_an_unknown_choice_is_reported() {
    let text = edited(
        "watch = [{ question = \"head-signs\", is = [\"thunderclap\", \"nerve-signs\"] }, { question = \"body-signs\", is = [\"worst-headache\"] }]\n\n[[rule]]\nid = \"period-pain-changed\"",
        "watch = [{ question = \"head-signs\", is = [\"thunderclap\", \"nerve-sign\"] }, { question = \"body-signs\", is = [\"worst-headache\"] }]\n\n[[rule]]\nid = \"period-pain-changed\"",
    );
    let problems = quiz_problems(&text);
    assert!(
        problems
            .iter()
            .any(|p| p.item == "rule \"shoulders-and-hips-stiff\""
                && p.message.contains("unknown choice \"nerve-sign\"")),
        "{problems:#?}"
    );
}

#[test]
fn a_line_with_no_watch_is_reported() {
    let text = edited(
        "watch = [{ question = \"head-signs\", is = [\"thunderclap\", \"nerve-signs\"] }, { question = \"body-signs\", is = [\"worst-headache\"] }]\n\n[[rule]]\nid = \"period-pain-changed\"",
        "\n[[rule]]\nid = \"period-pain-changed\"",
    );
    let problems = quiz_problems(&text);
    assert!(
        problems
            .iter()
            .any(|p| p.item == "rule \"shoulders-and-hips-stiff\""
                && p.message.contains("no `watch`")),
        "{problems:#?}"
    );
}

/// The neck's own "if it gets worse" and its watch, as `where` holds them.
const NECK_WATCH: &str = "label.es = \"Cuello\"\n# If it gets worse, below emergency: the place's own line, as rule \"arm-weakness\" words it.\nworse.en = \"Call 911 if an arm or leg gets weak, or weaker, or clumsy, or walking becomes hard.\"\nworse.es = \"Llame al 911 si un brazo o una pierna se debilita, o se debilita más, o se vuelve torpe, o si caminar se hace difícil.\"\nworse.es-other = \"Llame al 911 si un brazo o una pierna se debilita, o se debilita más, o se vuelve torpe, o si caminar se hace difícil.\"\nwatch = [{ question = \"body-signs\", is = [\"stroke\"] }, { question = \"nerve-signs\", is = [\"leg-weakness\"] }]";

#[test]
fn a_place_s_line_is_checked_against_the_answers_like_a_rule_s() {
    // The neck's line says "call 911 if an arm or leg gets weak": a watch naming arm
    // weakness (an urgent sign of the neck, which the line is shown with) is refused,
    // with the path that shows it.
    let text = edited(
        NECK_WATCH,
        &NECK_WATCH.replace(
            "is = [\"leg-weakness\"] }]",
            "is = [\"leg-weakness\"] }, { question = \"pain-signs\", is = [\"arm-weakness\"] }]",
        ),
    );
    let hits = found(
        &text,
        "choice \"neck\" of question \"where\"",
        "contradicts the answers on a path: its worse",
    );
    assert!(
        hits[0].message.contains("pain-signs=arm-weakness"),
        "{hits:#?}"
    );
    // A watch with no line to watch is reported too.
    let watch_only: String = NECK_WATCH
        .lines()
        .filter(|l| !l.starts_with("worse."))
        .collect::<Vec<_>>()
        .join("\n");
    let problems = quiz_problems(&edited(NECK_WATCH, &watch_only));
    assert!(
        problems
            .iter()
            .any(|p| p.item == "choice \"neck\" of question \"where\""
                && p.message.contains("no `worse`")),
        "{problems:#?}"
    );
    // And a place's line with no watch at all is refused.
    let (watch, _) = NECK_WATCH.rsplit_once("\nwatch").expect("the neck's watch");
    let problems = quiz_problems(&edited(NECK_WATCH, watch));
    assert!(
        problems
            .iter()
            .any(|p| p.item == "choice \"neck\" of question \"where\""
                && p.message.contains("no `watch`")),
        "{problems:#?}"
    );
}

#[test]
fn the_same_line_twice_on_one_result_is_reported() {
    let text = edited(
        "reason.en = \"Yellow skin or eyes can mean a liver or gallbladder problem. A doctor should check it today.\"",
        "reason.en = \"Throwing up that does not stop, or not keeping fluids down, needs a doctor today.\"",
    );
    let hits = found(
        &text,
        "rule \"jaundice\"",
        "shows the same words as the reason of rule \"vomiting\"",
    );
    assert!(
        hits[0].message.contains("general-signs=jaundice+vomiting"),
        "{hits:#?}"
    );
}

#[test]
fn mild_above_three_and_recent_after_four_weeks_are_reported() {
    let text = edited(
        "headline.en = \"Acupuncture may not be needed now\"",
        "headline.en = \"Mild, recent pain: acupuncture may not be needed now\"",
    );
    let mild = found(
        &text,
        "result \"self-care\"",
        "says \"mild\" on a path with a pain score above 3",
    );
    assert!(mild[0].message.contains("how-bad=4"), "{mild:#?}");
    let recent = found(
        &text,
        "result \"self-care\"",
        "says \"recent\" on a path with pain that has lasted 4 weeks or more",
    );
    assert!(
        recent[0].message.contains("how-long=4-to-12-weeks"),
        "{recent:#?}"
    );
}

#[test]
fn durations_that_overlap_or_leave_a_gap_are_reported() {
    // "4 to 12 weeks" then "3 months or more": 12 weeks is not 3 months.
    let gap = edited(
        "label.en = \"4 weeks to less than 3 months\"",
        "label.en = \"4 to 12 weeks\"",
    );
    let problems = quiz_problems(&gap);
    let said = |what: &str| {
        problems
            .iter()
            .any(|p| p.item.starts_with("choice \"over-12-weeks\"") && p.message.contains(what))
    };
    assert!(said("leaves a gap"), "{problems:#?}");
    assert!(
        problems
            .iter()
            .any(|p| p.item.starts_with("choice \"4-to-12-weeks\"")
                && p.message
                    .contains("not the same stretch of time as the English")),
        "{problems:#?}"
    );
    let overlap = edited(
        "label.en = \"Less than 4 weeks\"",
        "label.en = \"Less than 6 weeks\"",
    );
    let problems = quiz_problems(&overlap);
    assert!(
        problems
            .iter()
            .any(|p| p.item.starts_with("choice \"4-to-12-weeks\"")
                && p.message.contains("overlaps the choice before it")),
        "{problems:#?}"
    );
}

#[test]
fn a_doctor_first_result_that_does_not_say_when_is_reported() {
    let text = edited(
        "action.en = \"See your doctor first, within the next week or two, and ask",
        "action.en = \"See your doctor first, and ask",
    );
    let problems = quiz_problems(&text);
    assert!(
        problems.iter().any(|p| p.item == "result \"doctor-first\""
            && p.message.contains("does not say when")),
        "{problems:#?}"
    );
}

#[test]
fn a_reason_that_names_the_back_to_someone_who_did_not_choose_it_is_reported() {
    let text = edited(
        "can come from the organs there, not from muscles or joints.",
        "can come from the organs there, not from the back.",
    );
    let hits = found(
        &text,
        "rule \"belly-side-groin\"",
        "names the back (\"the back\")",
    );
    assert!(hits[0].message.contains("where=belly"), "{hits:#?}");
}

#[test]
fn a_thing_to_tell_without_a_condition_is_for_everyone_and_a_pattern_needs_one() {
    // The shipped things to tell have no `when`: the quiz does not ask about them (a
    // clinic may add one that has, after its own question).
    for id in [
        "blood-thinners",
        "implant",
        "fainting",
        "allergies",
        "pregnancy",
    ] {
        let tell = QUIZ.tell.iter().find(|t| t.id == id).expect(id);
        assert_eq!(tell.when, Condition::ALWAYS, "{id}");
    }
    let text = edited(
        "id = \"blood-stagnation\"\nwhen = { any = [ { question = \"injury\", is = [\"unchecked\", \"checked\"] }, { question = \"pain-feels\", is = [\"stabbing\"] } ] }\n",
        "id = \"blood-stagnation\"\n",
    );
    let problems = quiz_problems(&text);
    assert!(
        problems
            .iter()
            .any(|p| p.item == "pattern \"blood-stagnation\""
                && p.message.contains("missing \"when\"")),
        "{problems:#?}"
    );
    // Written out, an empty condition is still a mistake, on a thing to tell too.
    let text = edited(
        "[[tell]]\nid = \"implant\"\n",
        "[[tell]]\nid = \"implant\"\nwhen = { all = [] }\n",
    );
    let problems = quiz_problems(&text);
    assert!(
        problems
            .iter()
            .any(|p| p.item == "tell \"implant\"" && p.message.contains("empty all/any condition")),
        "{problems:#?}"
    );
}
