//! The flow through the compiled-in quiz: show-if, Back, changing an earlier answer,
//! the checklist's "None of these", refusing answers that do not fit, perspective, and
//! the progress figure.

use crate::QUIZ;
use proptest::prelude::*;
use quiz::validate::candidates;
use quiz::{
    Answer, AnswerError, Answers, ChoiceId, Lang, Perspective, Position, Progress, QuestionId, Tier,
};

fn choices(ids: &[&'static str]) -> Answer {
    Answer::Choices(ids.iter().map(|c| ChoiceId(c)).collect())
}

fn answer(answers: &mut Answers, question: &'static str, a: Answer) {
    QUIZ.answer(answers, QuestionId(question), a)
        .unwrap_or_else(|e| panic!("{question}: {e:?}"));
}

fn asking(answers: &Answers) -> &'static str {
    QUIZ.next(answers).name()
}

/// Answers up to the urgent section for someone who strained their back at 30.
fn strained_at_30() -> Answers {
    let mut a = Answers::default();
    answer(&mut a, "where", choices(&["low-back"]));
    answer(&mut a, "nerve-signs", choices(&["none"]));
    answer(&mut a, "body-signs", choices(&["none"]));
    answer(&mut a, "belly-signs", choices(&["none"]));
    answer(&mut a, "pain-medicines", choices(&["none"]));
    answer(&mut a, "injury", choices(&["strain"]));
    answer(&mut a, "age", Answer::Number(30));
    answer(&mut a, "pregnancy", choices(&["no"]));
    answer(&mut a, "general-signs", choices(&["none"]));
    answer(&mut a, "pain-signs", choices(&["none"]));
    a
}

#[test]
fn show_if_asks_a_question_only_when_earlier_answers_call_for_it() {
    let mut a = strained_at_30();
    assert_eq!(
        asking(&a),
        "injury-risks",
        "a strain asks about fragile bones"
    );
    answer(&mut a, "injury", choices(&["no"]));
    assert_eq!(
        asking(&a),
        "acupuncture-so-far",
        "no injury: no injury questions"
    );
}

#[test]
fn changing_an_answer_drops_the_answers_to_questions_it_hides() {
    let mut a = strained_at_30();
    answer(&mut a, "injury-risks", choices(&["osteoporosis"]));
    assert!(a.get(QuestionId("injury-risks")).is_some());
    answer(&mut a, "injury", choices(&["no"]));
    assert_eq!(a.get(QuestionId("injury-risks")), None);
    // Going back to a strain asks the question again, unanswered.
    answer(&mut a, "injury", choices(&["strain"]));
    assert_eq!(asking(&a), "injury-risks");
    // Age 60 hides the pregnancy question and drops its answer.
    answer(&mut a, "age", Answer::Number(60));
    assert_eq!(a.get(QuestionId("pregnancy")), None);
}

#[test]
fn back_goes_to_the_previous_question_on_the_path() {
    let a = strained_at_30();
    let previous = |name| QUIZ.previous(QUIZ.position_named(name).unwrap(), &a).name();
    assert_eq!(previous("injury-risks"), "pain-signs");
    assert_eq!(previous("age"), "injury");
    // From the first question, and from the start, Back leads to the start.
    assert_eq!(previous("where"), "start");
    assert_eq!(previous("start"), "start");
    // From the next question, or from the result before it, the last one answered.
    let next = asking(&a);
    let last = QUIZ.walk(&a).asked.last().unwrap().id.0;
    assert_eq!(previous(next), last);
    assert_eq!(previous("result"), last);
}

#[test]
fn a_position_is_kept_by_name_and_settled_when_an_edit_hides_it() {
    let mut a = strained_at_30();
    let path: Vec<&str> = QUIZ.path(&a).iter().map(|p| p.name()).collect();
    assert_eq!(path.first(), Some(&"start"));
    assert_eq!(path.last(), Some(&asking(&a)));
    let settle = |name, a: &Answers| QUIZ.settle(QUIZ.position_named(name).unwrap(), a).name();
    // A position on the path stays where it is, by name: a history entry or saved
    // progress names "injury-risks", not "the fifth step".
    assert!(path.contains(&"injury-risks"), "{path:?}");
    assert_eq!(settle("injury-risks", &a), "injury-risks");
    assert_eq!(settle("start", &a), "start");
    // The result before the last question: where the answers lead.
    assert_eq!(settle("result", &a), asking(&a));

    // An edit hides "injury-risks": an entry naming it leads to the nearest question
    // before it on the path ("pain-signs", which Back from it reached before).
    assert_eq!(
        QUIZ.previous(QUIZ.position_named("injury-risks").unwrap(), &a)
            .name(),
        "pain-signs"
    );
    answer(&mut a, "injury", choices(&["no"]));
    assert!(!QUIZ.path(&a).iter().any(|p| p.name() == "injury-risks"));
    assert_eq!(settle("injury-risks", &a), "pain-signs");
    // A question after the path's end: the nearest before it, the next to answer.
    let later = QUIZ.questions.last().unwrap().id.0;
    if !QUIZ.path(&a).iter().any(|p| p.name() == later) {
        assert_eq!(settle(later, &a), asking(&a));
    }
    // Back from a hidden question: the one before its nearest.
    assert_eq!(
        QUIZ.previous(QUIZ.position_named("injury-risks").unwrap(), &a)
            .name(),
        QUIZ.previous(QUIZ.position_named("pain-signs").unwrap(), &a)
            .name()
    );
}

#[test]
fn a_name_is_read_as_a_position_or_refused() {
    let a = strained_at_30();
    assert_eq!(QUIZ.position_named("start"), Some(Position::Start));
    assert_eq!(QUIZ.position_named("result"), Some(Position::Result));
    assert_eq!(
        QUIZ.position_named("age"),
        Some(Position::Question(QuestionId("age")))
    );
    // A question this quiz does not have (an entry written under older content): the
    // path's end, which settles to where the answers lead.
    let gone = QUIZ.position_named("a-question-since-removed").unwrap();
    assert_eq!(QUIZ.settle(gone, &a).name(), asking(&a));
    // Not a position at all: refused.
    for name in ["", "Age", "age|x", "<script>", &"x".repeat(65)] {
        assert_eq!(QUIZ.position_named(name), None, "{name:?}");
    }
}

#[test]
fn answers_after_an_emergency_count_again_when_it_is_undone() {
    let mut a = strained_at_30();
    answer(&mut a, "nerve-signs", choices(&["new-bowel"]));
    assert_eq!(asking(&a), "result");
    assert_eq!(QUIZ.outcome(&a).unwrap().tier, Tier::Emergency);
    answer(&mut a, "nerve-signs", choices(&["none"]));
    assert_eq!(asking(&a), "injury-risks");
}

#[test]
fn none_of_these_is_exclusive() {
    let q = QUIZ.question(QuestionId("nerve-signs")).unwrap();
    let ticked = q.toggle(None, ChoiceId("saddle-numbness"));
    let ticked = q.toggle(ticked.as_ref(), ChoiceId("new-bowel"));
    assert_eq!(ticked, Some(choices(&["new-bowel", "saddle-numbness"])));
    let none = q.toggle(ticked.as_ref(), ChoiceId("none"));
    assert_eq!(none, Some(choices(&["none"])));
    let again = q.toggle(none.as_ref(), ChoiceId("new-bowel"));
    assert_eq!(again, Some(choices(&["new-bowel"])));
    assert_eq!(q.toggle(again.as_ref(), ChoiceId("new-bowel")), None);
}

#[test]
fn answers_that_do_not_fit_are_refused() {
    let mut a = Answers::default();
    let refused = |a: &mut Answers, q: &'static str, answer: Answer| {
        QUIZ.answer(a, QuestionId(q), answer).unwrap_err()
    };
    assert_eq!(
        refused(&mut a, "nerve-signs", choices(&["none", "new-bowel"])),
        AnswerError::DoesNotFit
    );
    assert_eq!(
        refused(&mut a, "nerve-signs", choices(&[])),
        AnswerError::DoesNotFit
    );
    assert_eq!(
        refused(&mut a, "nerve-signs", choices(&["bogus"])),
        AnswerError::DoesNotFit
    );
    assert_eq!(
        refused(&mut a, "injury", choices(&["no", "strain"])),
        AnswerError::DoesNotFit
    );
    assert_eq!(
        refused(&mut a, "age", Answer::Number(0)),
        AnswerError::DoesNotFit
    );
    assert_eq!(
        refused(&mut a, "age", Answer::Number(121)),
        AnswerError::DoesNotFit
    );
    assert_eq!(
        refused(&mut a, "how-bad", Answer::Number(11)),
        AnswerError::DoesNotFit
    );
    assert_eq!(
        refused(&mut a, "how-bad", choices(&["no"])),
        AnswerError::DoesNotFit
    );
    assert_eq!(
        refused(&mut a, "nope", Answer::Number(1)),
        AnswerError::UnknownQuestion
    );
    assert!(a.is_empty());
}

#[test]
fn texts_follow_the_perspective_and_the_language() {
    let age = QUIZ.question(QuestionId("age")).unwrap();
    assert_eq!(
        age.prompt.get(Lang::En, Perspective::Myself),
        "How old are you?"
    );
    assert_eq!(
        age.prompt.get(Lang::En, Perspective::SomeoneElse),
        "How old are they?"
    );
    // Usted reads as addressed to the helper: Spanish has its own wording too.
    assert_eq!(
        age.prompt.get(Lang::Es, Perspective::Myself),
        "¿Qué edad tiene?"
    );
    assert_eq!(
        age.prompt.get(Lang::Es, Perspective::SomeoneElse),
        "¿Qué edad tiene esa persona?"
    );
    // No English text for someone else still says "you" about the person in pain.
    for q in QUIZ.questions {
        let other = q
            .prompt
            .get(Lang::En, Perspective::SomeoneElse)
            .to_lowercase();
        assert!(
            !other
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w == "you" || w == "your"),
            "{}: {other}",
            q.id.0
        );
    }
}

#[test]
fn progress_counts_what_is_left_honestly() {
    let mut a = Answers::default();
    let p = QUIZ.progress(None, &a);
    assert_eq!(p.done, 0);
    // The questions without a show-if are always asked (10 in the shipped content; a
    // clinic may add more); the others depend on answers not given yet.
    let always = QUIZ
        .questions
        .iter()
        .filter(|q| q.show_if.is_none())
        .count();
    assert_eq!((p.fewest, p.most), (always, QUIZ.questions.len()));
    answer(&mut a, "where", choices(&["low-back"]));
    answer(&mut a, "nerve-signs", choices(&["none"]));
    answer(&mut a, "body-signs", choices(&["none"]));
    answer(&mut a, "belly-signs", choices(&["none"]));
    answer(&mut a, "pain-medicines", choices(&["none"]));
    answer(&mut a, "injury", choices(&["no"]));
    answer(&mut a, "age", Answer::Number(35));
    // Known now: no injury questions, no over-50 or first-time question, the back-pain
    // question and the five others on the pain (asked for the back) are; the two
    // screens of pregnancy signs still depend on the pregnancy answer. So seven
    // questions beyond the usual ones are sure now, and two still open.
    let beyond = |p: Progress| (p.done, p.fewest - always, p.most - always);
    assert_eq!(beyond(QUIZ.progress(None, &a)), (7, 7, 9));
    answer(&mut a, "pregnancy", choices(&["no"]));
    assert_eq!(beyond(QUIZ.progress(None, &a)), (8, 7, 7));
    // Editing an earlier question: its own place on the path, not the next one's.
    let p = QUIZ.progress(Some(QuestionId("body-signs")), &a);
    assert_eq!(beyond(p), (2, 7, 7));
}

#[test]
fn editing_the_answer_that_ended_a_path_counts_the_questions_another_answer_would_ask() {
    // Seen in a playtest: "Question 2 of 2" on the emergency answer being edited, and
    // twelve more questions after it was changed.
    let mut a = Answers::default();
    answer(&mut a, "where", choices(&["low-back"]));
    answer(&mut a, "nerve-signs", choices(&["saddle-numbness"]));
    let nerve = QuestionId("nerve-signs");
    assert!(matches!(QUIZ.after(nerve, &a), Position::Result));
    let p = QUIZ.progress(Some(nerve), &a);
    assert_eq!((p.done, p.fewest), (1, 2), "{p:?}");
    assert!(p.most > 10, "{p:?}");
}

/// `N of M` is never `N > M`: after every answer, edit and Back, for the question on
/// screen, as the app moves (`Quiz::after` on Next, `Quiz::previous` on Back).
fn progress_stays_within_the_path(script: &[(u8, usize)]) -> Result<(), String> {
    let mut answers = Answers::default();
    let question = |position| match position {
        Position::Question(id) => Some(id),
        _ => None,
    };
    let mut current: Option<QuestionId> = question(QUIZ.first());
    for (i, &(op, pick)) in script.iter().enumerate() {
        let asked = QUIZ.walk(&answers).asked;
        match (op % 4, current) {
            // Back (from the result: the last question).
            (0, _) => {
                let here = current.map_or(Position::Result, Position::Question);
                if let Position::Question(id) = QUIZ.previous(here, &answers) {
                    current = Some(id);
                }
            }
            // Edit an earlier question on the path, as "Edit answers" and Back reach it.
            (1, _) if !asked.is_empty() => current = Some(asked[pick % asked.len()].id),
            // Answer the question on screen and press Next.
            (_, Some(id)) => {
                let q = QUIZ.question(id).unwrap();
                let options = candidates(&QUIZ, q);
                let answer = options[pick % options.len()].clone();
                QUIZ.answer(&mut answers, id, answer).unwrap();
                current = question(QUIZ.after(id, &answers));
            }
            _ => {}
        }
        let Some(id) = current else { continue };
        let p = QUIZ.progress(Some(id), &answers);
        let n = p.done + 1;
        if !(n <= p.fewest && p.fewest <= p.most && p.most <= QUIZ.questions.len()) {
            return Err(format!(
                "step {i}: on {} shows {n} of {}–{}",
                id.0, p.fewest, p.most
            ));
        }
    }
    Ok(())
}

#[test]
fn edit_answers_from_a_result_never_reads_n_of_m_with_n_over_m() {
    // The case seen in the release build: a full run, then "Edit answers" (Back from
    // the result) reached the last question, shown as "Question 16 of 15".
    let mut script: Vec<(u8, usize)> = vec![(2, 0); 40];
    script.push((0, 0));
    script.push((0, 0));
    assert_eq!(progress_stays_within_the_path(&script), Ok(()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn progress_never_reads_n_over_m(
        script in prop::collection::vec((0u8..8, 0usize..10_000), 1..80)
    ) {
        prop_assert_eq!(progress_stays_within_the_path(&script), Ok(()));
    }
}

#[test]
fn a_place_that_sends_everyone_to_a_doctor_is_not_asked_about_the_pain() {
    // Chest, belly and somewhere else each have a rule that sends everyone who chose
    // them to a doctor at least; the pain's score, length and the rest decide only
    // between the tiers below. Chosen with another place, that place's questions stay.
    for (places, asked) in [
        (&["chest"][..], false),
        (&["belly"], false),
        (&["elsewhere"], false),
        (&["belly", "low-back"], true),
        (&["head"], true),
        (&["period"], true),
    ] {
        let mut a = Answers::default();
        answer(&mut a, "where", choices(places));
        let mut seen = Vec::new();
        while let Position::Question(id) = QUIZ.next(&a) {
            let q = QUIZ.question(id).unwrap();
            let plain = match id.0 {
                "age" => Answer::Number(35),
                _ => q.plain_answer(),
            };
            answer(&mut a, id.0, plain);
            seen.push(id.0);
        }
        for pain in ["how-long", "how-bad", "daily-life", "other-treatments"] {
            assert_eq!(
                seen.contains(&pain),
                asked,
                "{places:?}: {pain} in {seen:?}"
            );
        }
        let tier = QUIZ.outcome(&a).unwrap().tier;
        assert!(asked || tier >= Tier::DoctorFirst, "{places:?}: {tier:?}");
    }
}
