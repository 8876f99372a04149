//! The triage, on every path: `clinical-safety.md` §1, §2 and §4, tested against the
//! compiled-in quiz.
//!
//! - every path of answers (exhaustively, merged where futures are equal) ends in
//!   exactly one tier through a named rule, asks no question twice, and cites a source
//!   for every reason;
//! - an independent table, written here and not derived from the content, gives one
//!   case per red flag and doctor-first situation with the tier it requires, plus
//!   everyday cases;
//! - a mutation check: without any one rule, some check here fails;
//! - property tests: a red flag gives at least its tier whatever else is answered, and
//!   adding a symptom never lowers the tier.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use symptom_quiz::quiz::validate::{candidates, explore};
use symptom_quiz::quiz::{
    Answer, Answers, ChoiceId, Condition, Kind, QuestionId, Quiz, Source, Step, Tier, QUIZ,
};

// ---------------------------------------------------------------------------------
// Walking one case.
// ---------------------------------------------------------------------------------

/// An answer as the table writes it: choices by id, or a number.
#[derive(Clone, Copy)]
enum A {
    C(&'static [&'static str]),
    N(u8),
}

/// What a visitor with no warning signs and mild, recent pain answers: the table's
/// cases change only what they are about.
const BASELINE: &[(&str, A)] = &[
    ("nerve-signs", A::C(&["none"])),
    ("body-signs", A::C(&["none"])),
    ("injury", A::C(&["no"])),
    ("age", A::N(35)),
    ("pregnancy", A::C(&["no"])),
    ("pregnancy-signs", A::C(&["none"])),
    ("general-signs", A::C(&["none"])),
    ("pain-signs", A::C(&["none"])),
    ("injury-risks", A::C(&["none"])),
    ("headache-over-50", A::C(&["none"])),
    ("first-time", A::C(&["no"])),
    ("acupuncture-so-far", A::C(&["no"])),
    ("how-long", A::C(&["under-4-weeks"])),
    ("how-bad", A::N(2)),
    ("daily-life", A::C(&["a-little"])),
    ("other-treatments", A::C(&["none-tried"])),
    ("pain-feels", A::C(&["none"])),
    ("tell-acupuncturist", A::C(&["none"])),
];

fn to_answer(a: A) -> Answer {
    match a {
        A::C(ids) => Answer::Choices(ids.iter().map(|c| ChoiceId(c)).collect()),
        A::N(n) => Answer::Number(n),
    }
}

/// Answers every question the quiz asks, from `case` or else the baseline, and returns
/// the tier and the questions asked.
fn walk(quiz: &Quiz, case: &[(&str, A)]) -> Result<(Tier, Vec<&'static str>), String> {
    let mut answers = Answers::default();
    for _ in 0..=quiz.questions.len() {
        match quiz.next(&answers) {
            Step::Result => {
                let outcome = quiz.outcome(&answers).map_err(|e| format!("{e:?}"))?;
                let asked = quiz.walk(&answers).asked.iter().map(|q| q.id.0).collect();
                return Ok((outcome.tier, asked));
            }
            Step::Ask(q) => {
                let given = case
                    .iter()
                    .chain(BASELINE)
                    .find(|(id, _)| *id == q.id.0)
                    .ok_or_else(|| format!("no answer for question {:?}", q.id.0))?;
                quiz.answer(&mut answers, q.id, to_answer(given.1))
                    .map_err(|e| format!("{:?} refused {:?}: {e:?}", q.id.0, q.id.0))?;
            }
        }
    }
    Err("the quiz did not end".into())
}

// ---------------------------------------------------------------------------------
// The independent table.
// ---------------------------------------------------------------------------------

use Tier::{CallClinic, DoctorFirst, Emergency, SelfCare, Urgent};

/// (what the case is, the answers that differ from the baseline, the required tier)
type Case = (&'static str, &'static [(&'static str, A)], Tier);

const TABLE: &[Case] = &[
    // §1 emergency: each item alone.
    (
        "new trouble passing urine",
        &[("nerve-signs", A::C(&["new-bladder"]))],
        Emergency,
    ),
    (
        "new loss of bowel control",
        &[("nerve-signs", A::C(&["new-bowel"]))],
        Emergency,
    ),
    (
        "saddle numbness",
        &[("nerve-signs", A::C(&["saddle-numbness"]))],
        Emergency,
    ),
    (
        "severe or worsening leg weakness",
        &[("nerve-signs", A::C(&["leg-weakness"]))],
        Emergency,
    ),
    (
        "major injury, unchecked",
        &[("injury", A::C(&["major-recent"]))],
        Emergency,
    ),
    (
        "new chest pain",
        &[("body-signs", A::C(&["chest"]))],
        Emergency,
    ),
    (
        "tearing pain",
        &[("body-signs", A::C(&["tearing-pain"]))],
        Emergency,
    ),
    (
        "stroke signs",
        &[("body-signs", A::C(&["stroke"]))],
        Emergency,
    ),
    (
        "neck pain with dizziness",
        &[("body-signs", A::C(&["neck-signs"]))],
        Emergency,
    ),
    (
        "worst-ever headache",
        &[("body-signs", A::C(&["worst-headache"]))],
        Emergency,
    ),
    (
        "thoughts of self-harm",
        &[("body-signs", A::C(&["self-harm"]))],
        Emergency,
    ),
    (
        "pregnant, bleeding",
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pregnancy-signs", A::C(&["bleeding"])),
        ],
        Emergency,
    ),
    (
        "pregnant, contractions",
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pregnancy-signs", A::C(&["contractions"])),
        ],
        Emergency,
    ),
    (
        "pregnant, severe headache",
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pregnancy-signs", A::C(&["severe-headache"])),
        ],
        Emergency,
    ),
    (
        "pregnant, vision changes",
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pregnancy-signs", A::C(&["vision-changes"])),
        ],
        Emergency,
    ),
    (
        "maybe pregnant, one-sided pain",
        &[
            ("pregnancy", A::C(&["maybe"])),
            ("pregnancy-signs", A::C(&["one-sided-pain"])),
        ],
        Emergency,
    ),
    (
        "maybe pregnant, fainting",
        &[
            ("pregnancy", A::C(&["maybe"])),
            ("pregnancy-signs", A::C(&["fainting"])),
        ],
        Emergency,
    ),
    // §1 urgent: each item alone.
    (
        "fever with the pain",
        &[("general-signs", A::C(&["fever"]))],
        Urgent,
    ),
    (
        "recent infection",
        &[("general-signs", A::C(&["recent-infection"]))],
        Urgent,
    ),
    (
        "weakened immune system",
        &[("general-signs", A::C(&["weak-immune"]))],
        Urgent,
    ),
    (
        "injected drug use",
        &[("general-signs", A::C(&["injected-drugs"]))],
        Urgent,
    ),
    (
        "history of cancer",
        &[("general-signs", A::C(&["cancer"]))],
        Urgent,
    ),
    (
        "weight loss without trying",
        &[("general-signs", A::C(&["weight-loss"]))],
        Urgent,
    ),
    (
        "recent spine procedure, new pain",
        &[("pain-signs", A::C(&["spine-procedure"]))],
        Urgent,
    ),
    (
        "pain down both legs",
        &[("pain-signs", A::C(&["both-legs"]))],
        Urgent,
    ),
    (
        "constant night pain",
        &[("pain-signs", A::C(&["night-pain"]))],
        Urgent,
    ),
    (
        "spreading numbness",
        &[("pain-signs", A::C(&["spreading-numbness"]))],
        Urgent,
    ),
    (
        "new arm weakness",
        &[("pain-signs", A::C(&["arm-weakness"]))],
        Urgent,
    ),
    (
        "strain with osteoporosis",
        &[
            ("injury", A::C(&["strain"])),
            ("injury-risks", A::C(&["osteoporosis"])),
        ],
        Urgent,
    ),
    (
        "strain on long-term steroids",
        &[
            ("injury", A::C(&["strain"])),
            ("injury-risks", A::C(&["steroids"])),
        ],
        Urgent,
    ),
    (
        "strain on blood thinners",
        &[
            ("injury", A::C(&["strain"])),
            ("injury-risks", A::C(&["blood-thinners"])),
        ],
        Urgent,
    ),
    (
        "cannot bear weight after injury",
        &[
            ("injury", A::C(&["strain"])),
            ("injury-risks", A::C(&["no-weight"])),
        ],
        Urgent,
    ),
    (
        "over 50, headache with jaw pain",
        &[("age", A::N(67)), ("headache-over-50", A::C(&["jaw-pain"]))],
        Urgent,
    ),
    (
        "over 50, headache with vision changes",
        &[
            ("age", A::N(50)),
            ("headache-over-50", A::C(&["vision-changes"])),
        ],
        Urgent,
    ),
    // §2 doctor-first.
    (
        "first back pain at 55",
        &[("age", A::N(55)), ("first-time", A::C(&["yes"]))],
        DoctorFirst,
    ),
    (
        "first back pain at 19",
        &[("age", A::N(19)), ("first-time", A::C(&["yes"]))],
        DoctorFirst,
    ),
    (
        "pregnant, no warning signs",
        &[("pregnancy", A::C(&["yes"]))],
        DoctorFirst,
    ),
    (
        "maybe pregnant, no warning signs",
        &[("pregnancy", A::C(&["maybe"]))],
        DoctorFirst,
    ),
    (
        "under 18",
        &[("age", A::N(15)), ("first-time", A::C(&["no"]))],
        DoctorFirst,
    ),
    (
        "acupuncture 6+ weeks, no better",
        &[("acupuncture-so-far", A::C(&["no-better"]))],
        DoctorFirst,
    ),
    (
        "injury weeks ago, never checked",
        &[("injury", A::C(&["unchecked"]))],
        DoctorFirst,
    ),
    // Everyday cases.
    (
        "chronic low back pain for a year, tried NSAIDs, no red flags",
        &[
            ("how-long", A::C(&["over-12-weeks"])),
            ("how-bad", A::N(5)),
            ("other-treatments", A::C(&["did-not-help"])),
        ],
        CallClinic,
    ),
    (
        "six months of weekly acupuncture, no better",
        &[
            ("how-long", A::C(&["over-12-weeks"])),
            ("acupuncture-so-far", A::C(&["no-better"])),
        ],
        DoctorFirst,
    ),
    ("mild, recent pain, nothing else", &[], SelfCare),
    (
        "pain for over 12 weeks, mild",
        &[("how-long", A::C(&["over-12-weeks"]))],
        CallClinic,
    ),
    (
        "other treatments helped a little",
        &[("other-treatments", A::C(&["a-little"]))],
        CallClinic,
    ),
    (
        "pain gets in the way a lot",
        &[("daily-life", A::C(&["a-lot"]))],
        CallClinic,
    ),
    ("strong pain, 6 of 10", &[("how-bad", A::N(6))], CallClinic),
    (
        "acupuncture is helping",
        &[("acupuncture-so-far", A::C(&["helping"]))],
        CallClinic,
    ),
    (
        "acupuncture for 3 weeks",
        &[("acupuncture-so-far", A::C(&["under-6-weeks"]))],
        CallClinic,
    ),
    (
        "treatments help enough, mild pain",
        &[
            ("other-treatments", A::C(&["helped"])),
            ("how-bad", A::N(5)),
        ],
        SelfCare,
    ),
    // Not over-triaged: long-standing, already-checked things are not red flags.
    (
        "injury a doctor has checked",
        &[("injury", A::C(&["checked"]))],
        SelfCare,
    ),
    (
        "age 60, back pain before",
        &[("age", A::N(60)), ("first-time", A::C(&["no"]))],
        SelfCare,
    ),
    (
        "age 19, back pain before",
        &[("age", A::N(19)), ("first-time", A::C(&["no"]))],
        SelfCare,
    ),
    (
        "stiff, stressed, cold: patterns only",
        &[(
            "pain-feels",
            A::C(&["stiff", "stress", "cold", "frequent-urination"]),
        )],
        SelfCare,
    ),
    // The highest tier wins, whatever else is answered.
    (
        "chronic pain and new bladder trouble",
        &[
            ("nerve-signs", A::C(&["new-bladder"])),
            ("how-long", A::C(&["over-12-weeks"])),
        ],
        Emergency,
    ),
    (
        "fever and acupuncture no better",
        &[
            ("general-signs", A::C(&["fever"])),
            ("acupuncture-so-far", A::C(&["no-better"])),
        ],
        Urgent,
    ),
];

/// The table's failures on `quiz`, one line each.
fn table_failures(quiz: &Quiz) -> Vec<String> {
    TABLE
        .iter()
        .filter_map(|(name, case, want)| match walk(quiz, case) {
            Ok((tier, _)) if tier == *want => None,
            Ok((tier, _)) => Some(format!("{name}: got {}, want {}", tier.slug(), want.slug())),
            Err(e) => Some(format!("{name}: {e}")),
        })
        .collect()
}

#[test]
fn the_independent_table_holds() {
    let failures = table_failures(&QUIZ);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_emergency_answer_ends_the_quiz_at_once() {
    for (name, case, want) in TABLE.iter().filter(|c| c.2 == Emergency) {
        let (tier, asked) = walk(&QUIZ, case).unwrap();
        assert_eq!(tier, *want, "{name}");
        let last = asked.last().unwrap();
        assert!(
            case.iter().any(|(q, _)| q == last),
            "{name}: the quiz went on past the emergency answer to {last}"
        );
    }
}

#[test]
fn urinary_red_flags_come_before_frequent_urination() {
    let position = |id| {
        QUIZ.questions
            .iter()
            .position(|q| q.id == QuestionId(id))
            .unwrap()
    };
    let asks_frequent_urination = QUIZ
        .questions
        .iter()
        .position(|q| q.choices.iter().any(|c| c.id.0 == "frequent-urination"))
        .unwrap();
    assert!(position("nerve-signs") < asks_frequent_urination);
}

#[test]
fn a_typical_path_asks_8_to_15_questions() {
    for (name, case) in [
        ("35, mild recent pain", &[][..]),
        (
            "60, chronic pain",
            &[("age", A::N(60)), ("how-long", A::C(&["over-12-weeks"]))][..],
        ),
    ] {
        let (_, asked) = walk(&QUIZ, case).unwrap();
        assert!(
            (8..=15).contains(&asked.len()),
            "{name}: {} questions",
            asked.len()
        );
    }
}

// ---------------------------------------------------------------------------------
// Every path.
// ---------------------------------------------------------------------------------

/// Everything that must hold on one complete path, checked with the app's own
/// functions; `Err` says what broke.
fn check_path(quiz: &Quiz, answers: &Answers) -> Result<Tier, String> {
    let walk = quiz.walk(answers);
    if walk.step != Step::Result {
        return Err("the path is not complete".into());
    }
    let ids: Vec<_> = walk.asked.iter().map(|q| q.id).collect();
    if (1..ids.len()).any(|i| ids[..i].contains(&ids[i])) {
        return Err(format!("a question is asked twice: {ids:?}"));
    }
    let outcome = quiz
        .outcome(answers)
        .map_err(|e| format!("no outcome: {e:?}"))?;
    let highest = outcome.fired.iter().map(|r| r.tier).max();
    if highest != Some(outcome.tier) {
        return Err("the tier is not the highest fired rule's".into());
    }
    let reasons = outcome.reasons();
    if reasons.is_empty() {
        return Err("no reason is given".into());
    }
    for r in &reasons {
        let cited = match r.rule.source {
            Source::Article(q) => !q.trim().is_empty(),
            Source::Guideline(_) => true,
        };
        if !cited || r.given.is_empty() {
            return Err(format!("reason {} has no source or no answer", r.rule.id));
        }
    }
    Ok(outcome.tier)
}

fn path_failures(quiz: &Quiz) -> (u128, usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut checked = 0;
    let found = explore(quiz, &mut |answers, has_outcome| {
        checked += 1;
        if let Err(e) = check_path(quiz, answers) {
            failures.push(format!(
                "{e} on {}",
                symptom_quiz::quiz::validate::describe(answers)
            ));
        } else if !has_outcome {
            failures.push("the walk saw no rule fire where the app did".into());
        }
    });
    if found.no_outcome.is_some() {
        failures.push("a path has no outcome".into());
    }
    (found.paths, checked, failures)
}

#[test]
fn every_path_ends_in_exactly_one_tier_through_a_named_rule() {
    let (paths, checked, failures) = path_failures(&QUIZ);
    assert!(
        failures.is_empty(),
        "{}",
        failures[..failures.len().min(10)].join("\n")
    );
    // The walk is exhaustive: every subset of every checklist is a path.
    assert!(paths > 1_000_000_000, "only {paths} paths");
    assert!(
        checked > 100,
        "only {checked} merged paths checked with real answers"
    );
    println!("{paths} paths, {checked} checked with real answers");
}

// ---------------------------------------------------------------------------------
// Mutation check.
// ---------------------------------------------------------------------------------

#[test]
fn removing_any_one_rule_makes_a_check_fail() {
    let mut survivors = Vec::new();
    for (i, rule) in QUIZ.rules.iter().enumerate() {
        let mut rules = QUIZ.rules.to_vec();
        rules.remove(i);
        let mutant = Quiz {
            rules: Box::leak(rules.into_boxed_slice()),
            ..QUIZ
        };
        let table = table_failures(&mutant);
        let (_, _, paths) = path_failures(&mutant);
        if table.is_empty() && paths.is_empty() {
            survivors.push(rule.id);
        }
    }
    assert!(
        survivors.is_empty(),
        "no check fails without these rules: {survivors:?}"
    );
    println!(
        "{} of {} one-rule mutants caught",
        QUIZ.rules.len(),
        QUIZ.rules.len()
    );
}

#[test]
fn the_checks_can_fail() {
    // A quiz whose only self-care rule is gone has paths with no outcome.
    let rules: Vec<_> = QUIZ
        .rules
        .iter()
        .filter(|r| r.tier != SelfCare)
        .copied()
        .collect();
    let broken = Quiz {
        rules: Box::leak(rules.into_boxed_slice()),
        ..QUIZ
    };
    assert!(!path_failures(&broken).2.is_empty());
    assert!(!table_failures(&broken).is_empty());
}

// ---------------------------------------------------------------------------------
// Property tests over random paths.
// ---------------------------------------------------------------------------------

/// A complete path: question `i` takes candidate `seeds[i] % n`, except `force`.
fn random_path(seeds: &[usize], force: Option<(QuestionId, ChoiceId)>) -> Answers {
    let mut answers = Answers::default();
    while let Step::Ask(q) = QUIZ.next(&answers) {
        let i = QUIZ.questions.iter().position(|x| x.id == q.id).unwrap();
        let options = candidates(&QUIZ, q);
        let mut answer = options[seeds[i] % options.len()].clone();
        if let Some((fq, fc)) = force {
            if fq == q.id {
                answer = match q.kind {
                    Kind::Checklist => with_choice(q, &answer, fc),
                    _ => Answer::Choices(vec![fc]),
                };
            }
        }
        QUIZ.answer(&mut answers, q.id, answer).unwrap();
    }
    answers
}

/// A checklist answer with `choice` ticked too.
fn with_choice(q: &symptom_quiz::quiz::Question, answer: &Answer, choice: ChoiceId) -> Answer {
    let mut chosen = match answer {
        Answer::Choices(c) => c.clone(),
        Answer::Number(_) => Vec::new(),
    };
    chosen.retain(|c| !q.choice(*c).unwrap().exclusive);
    if !chosen.contains(&choice) {
        chosen.push(choice);
    }
    Answer::Choices(chosen)
}

/// Every red-flag answer: a choice that alone fires an emergency or urgent rule.
fn red_flags() -> Vec<(QuestionId, ChoiceId, Tier)> {
    let mut out = Vec::new();
    for rule in QUIZ.rules.iter().filter(|r| r.tier >= Urgent) {
        if let Condition::Chose { question, any } = rule.when {
            out.extend(any.iter().map(|c| (question, *c, rule.tier)));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_paths_end_in_one_tier(seeds in prop::collection::vec(0usize..1000, 18..=18)) {
        let answers = random_path(&seeds, None);
        prop_assert!(check_path(&QUIZ, &answers).is_ok(), "{:?}", check_path(&QUIZ, &answers));
    }

    #[test]
    fn a_red_flag_gives_at_least_its_tier_whatever_else(
        seeds in prop::collection::vec(0usize..1000, 18..=18),
        flag in 0usize..1000,
    ) {
        let flags = red_flags();
        let (question, choice, tier) = flags[flag % flags.len()];
        let answers = random_path(&seeds, Some((question, choice)));
        let shown = QUIZ.walk(&answers).asked.iter().any(|q| q.id == question);
        // The flag's question can be hidden (injury risks without an injury), or an
        // earlier emergency can end the quiz first: then its tier is already the top.
        let outcome = QUIZ.outcome(&answers).unwrap();
        prop_assert!(!shown || outcome.tier >= tier,
            "{} with {} gave {}", question.0, choice.0, outcome.tier.slug());
        prop_assert!(shown || outcome.tier == Emergency
            || QUIZ.question(question).unwrap().show_if.is_some());
    }

    #[test]
    fn adding_a_symptom_never_lowers_the_tier(
        seeds in prop::collection::vec(0usize..1000, 18..=18),
        pick in 0usize..1000,
    ) {
        let before = random_path(&seeds, None);
        let tier_before = QUIZ.outcome(&before).unwrap().tier;
        let asked = QUIZ.walk(&before).asked;
        let checklists: Vec<_> = asked.iter().filter(|q| q.kind == Kind::Checklist).collect();
        prop_assume!(!checklists.is_empty());
        let q = checklists[pick % checklists.len()];
        let items: Vec<_> = q.choices.iter().filter(|c| !c.exclusive).collect();
        let added = items[(pick / 7) % items.len()].id;
        let after = random_path(&seeds, Some((q.id, added)));
        let tier_after = QUIZ.outcome(&after).unwrap().tier;
        prop_assert!(tier_after >= tier_before,
            "adding {} to {} lowered {} to {}", added.0, q.id.0, tier_before.slug(), tier_after.slug());
    }
}
