//! The path through the quiz: which question comes next, which came before, and which
//! answers still count after an earlier one changes.

use super::model::{ChoiceId, Question, QuestionId, Quiz, Tier};

/// The visitor's answers, one choice per question, in the order they were given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(Vec<(QuestionId, ChoiceId)>);

impl Answers {
    pub fn get(&self, question: QuestionId) -> Option<ChoiceId> {
        self.0.iter().find(|(q, _)| *q == question).map(|(_, c)| *c)
    }

    /// Records `choice` for `question`, then drops the answers to questions the new
    /// answer takes off the visitor's path (an emergency answer ends the quiz, so
    /// nothing after it still counts).
    pub fn answer(&mut self, quiz: &Quiz, question: QuestionId, choice: ChoiceId) {
        match self.0.iter_mut().find(|(q, _)| *q == question) {
            Some(slot) => slot.1 = choice,
            None => self.0.push((question, choice)),
        }
        let reached: Vec<QuestionId> = quiz.path(self).iter().map(|q| q.id).collect();
        self.0.retain(|(q, _)| reached.contains(q));
    }
}

/// What the visitor sees next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Ask(&'static Question),
    Result,
}

impl Quiz {
    /// The questions the visitor reaches with these answers, in order: it stops at the
    /// first unanswered question (included) or at an answer that ends the quiz.
    pub fn path(&self, answers: &Answers) -> Vec<&'static Question> {
        let mut path = Vec::new();
        for question in self.questions {
            path.push(question);
            match answers.get(question.id) {
                None => break,
                Some(choice) if self.ends_quiz(question, choice) => break,
                Some(_) => {}
            }
        }
        path
    }

    pub fn first(&self) -> Step {
        self.questions.first().map_or(Step::Result, Step::Ask)
    }

    /// The step after `current`. An unanswered question is asked again; an answer that
    /// ends the quiz goes straight to the result.
    pub fn after(&self, current: QuestionId, answers: &Answers) -> Step {
        let Some(index) = self.questions.iter().position(|q| q.id == current) else {
            return self.first();
        };
        let question = &self.questions[index];
        match answers.get(current) {
            None => Step::Ask(question),
            Some(choice) if self.ends_quiz(question, choice) => Step::Result,
            Some(_) => self
                .questions
                .get(index + 1)
                .map_or(Step::Result, Step::Ask),
        }
    }

    /// The question before `current` on the visitor's path; from the result
    /// (`current` is `None`), the last question answered. `None` means the start screen.
    pub fn before(
        &self,
        current: Option<QuestionId>,
        answers: &Answers,
    ) -> Option<&'static Question> {
        let path = self.path(answers);
        match current {
            None => path.last().copied(),
            Some(id) => {
                let index = path.iter().position(|q| q.id == id)?;
                index.checked_sub(1).map(|i| path[i])
            }
        }
    }

    /// Whether this answer ends the quiz at once (`clinical-safety.md` §1).
    fn ends_quiz(&self, question: &Question, choice: ChoiceId) -> bool {
        question
            .choice(choice)
            .and_then(|c| c.fires)
            .is_some_and(|rule| rule.tier == Tier::Emergency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::QUIZ;

    fn q(id: &'static str) -> QuestionId {
        QuestionId(id)
    }

    #[test]
    fn starts_with_the_emergency_screen() {
        assert_eq!(QUIZ.first(), Step::Ask(&QUIZ.questions[0]));
        assert_eq!(QUIZ.questions[0].id, q("emergency-screen"));
    }

    #[test]
    fn an_unanswered_question_is_asked_again() {
        let answers = Answers::default();
        assert_eq!(
            QUIZ.after(q("emergency-screen"), &answers),
            Step::Ask(&QUIZ.questions[0])
        );
    }

    #[test]
    fn an_emergency_answer_ends_the_quiz_at_once() {
        let mut answers = Answers::default();
        answers.answer(&QUIZ, q("emergency-screen"), ChoiceId("yes"));
        assert_eq!(QUIZ.after(q("emergency-screen"), &answers), Step::Result);
    }

    #[test]
    fn changing_to_an_emergency_answer_drops_the_later_answers() {
        let mut answers = Answers::default();
        answers.answer(&QUIZ, q("emergency-screen"), ChoiceId("no"));
        answers.answer(&QUIZ, q("urgent-screen"), ChoiceId("no"));
        answers.answer(&QUIZ, q("emergency-screen"), ChoiceId("yes"));
        assert_eq!(answers.get(q("urgent-screen")), None);
        assert_eq!(answers.get(q("emergency-screen")), Some(ChoiceId("yes")));
    }

    #[test]
    fn back_keeps_answers_and_walks_the_path() {
        let mut answers = Answers::default();
        answers.answer(&QUIZ, q("emergency-screen"), ChoiceId("no"));
        answers.answer(&QUIZ, q("urgent-screen"), ChoiceId("no"));
        let before = QUIZ.before(Some(q("urgent-screen")), &answers);
        assert_eq!(before.map(|q| q.id), Some(q("emergency-screen")));
        assert_eq!(QUIZ.before(Some(q("emergency-screen")), &answers), None);
        assert_eq!(answers.get(q("urgent-screen")), Some(ChoiceId("no")));
    }

    #[test]
    fn back_from_the_result_returns_to_the_last_question_answered() {
        let mut answers = Answers::default();
        answers.answer(&QUIZ, q("emergency-screen"), ChoiceId("yes"));
        let before = QUIZ.before(None, &answers);
        assert_eq!(before.map(|q| q.id), Some(q("emergency-screen")));
    }
}
