//! How many questions a visitor answers, by the place they choose: the plain path of
//! someone with nothing wrong (every checklist "none of these", every question its
//! plainest answer), and the spread over every path of answers. The start screen's
//! promise is the typical plain path ([`typical`]), so it holds by construction.

use super::walk::explore;
use super::PLACES;
use crate::flow::{Answer, Answers, Position};
use crate::model::{ChoiceId, Question, QuestionId, Quiz};

/// The ages the plain path is walked at: an adult, and one old enough for the
/// questions asked from 50.
pub const AGES: [u8; 2] = [35, 62];

/// One place chosen alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceLengths {
    pub place: ChoiceId,
    /// Questions on the plain path at each of [`AGES`].
    pub plain: [usize; 2],
    /// Over every path with this place alone: the fewest, the median and the most.
    pub shortest: usize,
    pub median: usize,
    pub longest: usize,
}

/// Each place of the "where" question, chosen alone; empty without that question.
pub fn by_place(quiz: &Quiz) -> Vec<PlaceLengths> {
    let Some(places) = quiz.question(QuestionId(PLACES)) else {
        return Vec::new();
    };
    places
        .choices
        .iter()
        .filter(|c| !c.exclusive)
        .map(|c| {
            let alone = only(quiz, places, c.id);
            let (shortest, longest, median) = explore(&alone, &mut |_, _| {}).path_lengths();
            PlaceLengths {
                place: c.id,
                plain: AGES.map(|age| plain(quiz, c.id, age)),
                shortest,
                median,
                longest,
            }
        })
        .collect()
}

/// The questions someone with nothing wrong answers: the median, over the places, of
/// the plain path of an adult ([`AGES`]'s first) who chose that place alone.
pub fn typical(quiz: &Quiz) -> usize {
    let Some(places) = quiz.question(QuestionId(PLACES)) else {
        return plain_path(quiz, None, AGES[0]);
    };
    let mut counts: Vec<usize> = (places.choices.iter())
        .filter(|c| !c.exclusive)
        .map(|c| plain(quiz, c.id, AGES[0]))
        .collect();
    counts.sort_unstable();
    counts.get(counts.len() / 2).copied().unwrap_or(0)
}

fn plain(quiz: &Quiz, place: ChoiceId, age: u8) -> usize {
    plain_path(quiz, Some(place), age)
}

/// How many questions the plain path asks: the place given, the age given, every other
/// question its plainest answer.
fn plain_path(quiz: &Quiz, place: Option<ChoiceId>, age: u8) -> usize {
    let mut answers = Answers::default();
    for _ in 0..=quiz.questions.len() {
        let Position::Question(id) = quiz.next(&answers) else {
            break;
        };
        let Some(q) = quiz.question(id) else { break };
        let answer = match (q.id.0, place) {
            (PLACES, Some(place)) => Answer::Choices(vec![place]),
            ("age", _) => Answer::Number(age.clamp(q.min, q.max)),
            _ => q.plain_answer(),
        };
        if quiz.answer(&mut answers, q.id, answer).is_err() {
            break;
        }
    }
    quiz.walk(&answers).asked.len()
}

/// `quiz` with the place question offering only `place`: its walk counts the paths of
/// someone who chose that place alone.
fn only(quiz: &Quiz, places: &Question, place: ChoiceId) -> Quiz {
    let choices: Vec<_> = (places.choices.iter())
        .filter(|c| c.id == place)
        .copied()
        .collect();
    let questions: Vec<Question> = (quiz.questions.iter())
        .map(|q| match q.id == places.id {
            true => Question {
                choices: Box::leak(choices.clone().into_boxed_slice()),
                ..*q
            },
            false => *q,
        })
        .collect();
    Quiz {
        questions: Box::leak(questions.into_boxed_slice()),
        ..*quiz
    }
}
