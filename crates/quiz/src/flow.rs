//! The path through the quiz: which question comes next, which came before, and which
//! answers still count after an earlier one changes.
//!
//! The path is always recomputed from the answers, never stored: walk the questions in
//! order, skip those whose show-if does not hold, stop at the first unanswered one, and
//! stop at once when an emergency rule fires (`clinical-safety.md` §1).

use crate::model::{ChoiceId, Condition, Kind, Question, QuestionId, Quiz, Tier};

/// One question's answer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    /// The chosen choices: one for single and yes-no questions, one or more for a
    /// checklist (its exclusive "None of these" alone).
    Choices(Vec<ChoiceId>),
    /// A scale's or a number question's value.
    Number(u8),
}

/// The visitor's answers, in the order of the questions they answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Answers(Vec<(QuestionId, Answer)>);

impl Answers {
    /// Answers as given, without checking them against a quiz (see [`Quiz::answer`]).
    pub fn from_pairs(pairs: Vec<(QuestionId, Answer)>) -> Answers {
        Answers(pairs)
    }

    pub fn get(&self, question: QuestionId) -> Option<&Answer> {
        self.0.iter().find(|(q, _)| *q == question).map(|(_, a)| a)
    }

    pub fn iter(&self) -> impl Iterator<Item = &(QuestionId, Answer)> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn put(&mut self, question: QuestionId, answer: Answer) {
        match self.0.iter_mut().find(|(q, _)| *q == question) {
            Some(slot) => slot.1 = answer,
            None => self.0.push((question, answer)),
        }
    }
}

/// Why an answer was refused. The screens only offer valid answers; this guards saved
/// state and hand-written tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    UnknownQuestion,
    /// The answer does not fit the question: an unknown choice, two choices for a
    /// single question, "None of these" with another choice, a number out of range…
    DoesNotFit,
}

/// How far along the visitor is (see [`Quiz::progress`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Questions of the path before the one on screen.
    pub done: usize,
    /// The fewest and most questions the path can have in all.
    pub fewest: usize,
    pub most: usize,
}

/// What the visitor sees next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Ask(&'static Question),
    Result,
}

/// The questions the answers reach, and where they lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    /// The answered questions on the path, in order.
    pub asked: Vec<&'static Question>,
    /// The answers that count: those to the questions in `asked`.
    pub answers: Answers,
    pub step: Step,
}

impl Condition {
    pub fn holds(&self, answers: &Answers) -> bool {
        match self {
            Condition::Chose { question, any } => match answers.get(*question) {
                Some(Answer::Choices(chosen)) => chosen.iter().any(|c| any.contains(c)),
                _ => false,
            },
            Condition::Between { question, min, max } => match answers.get(*question) {
                Some(Answer::Number(n)) => (*min..=*max).contains(n),
                _ => false,
            },
            Condition::All(parts) => parts.iter().all(|p| p.holds(answers)),
            Condition::Any(parts) => parts.iter().any(|p| p.holds(answers)),
        }
    }
}

impl Question {
    /// Whether `answer` is a complete, valid answer to this question.
    pub fn accepts(&self, answer: &Answer) -> bool {
        match (self.kind, answer) {
            (Kind::Single | Kind::YesNo, Answer::Choices(chosen)) => {
                chosen.len() == 1 && self.choice(chosen[0]).is_some()
            }
            (Kind::Checklist, Answer::Choices(chosen)) => {
                let known = chosen.iter().all(|c| self.choice(*c).is_some());
                let unique = chosen
                    .iter()
                    .enumerate()
                    .all(|(i, c)| !chosen[..i].contains(c));
                let exclusive_alone = chosen.len() == 1
                    || chosen
                        .iter()
                        .all(|c| self.choice(*c).is_some_and(|c| !c.exclusive));
                !chosen.is_empty() && known && unique && exclusive_alone
            }
            (Kind::Scale | Kind::Number, Answer::Number(n)) => (self.min..=self.max).contains(n),
            _ => false,
        }
    }

    /// The answer scripted runs give a question they were not written for (one a clinic
    /// added), so that a valid new question never breaks them: "none of these" on a
    /// checklist, "no" on a yes-no question, the first choice of a single one, the middle
    /// of a scale or a number's range. The end-to-end suite's runs answer the same
    /// through the screens (`tests/e2e/src/pages.rs`, `answer_by_default`).
    pub fn default_answer(&self) -> Answer {
        let pick = |id: Option<ChoiceId>| Answer::Choices(id.into_iter().collect());
        match self.kind {
            Kind::Checklist => pick(self.choices.iter().find(|c| c.exclusive).map(|c| c.id)),
            Kind::YesNo => pick(self.choice(ChoiceId("no")).map(|c| c.id)),
            Kind::Single => pick(self.choices.first().map(|c| c.id)),
            Kind::Scale | Kind::Number => Answer::Number(self.min + (self.max - self.min) / 2),
        }
    }

    /// A checklist answer after ticking or unticking `choice`: "None of these" clears
    /// the others, any other choice clears "None of these"; nothing ticked is no answer.
    pub fn toggle(&self, current: Option<&Answer>, choice: ChoiceId) -> Option<Answer> {
        let exclusive = self.choice(choice)?.exclusive;
        let mut chosen = match current {
            Some(Answer::Choices(c)) => c.clone(),
            _ => Vec::new(),
        };
        if let Some(i) = chosen.iter().position(|c| *c == choice) {
            chosen.remove(i);
        } else if exclusive {
            chosen = vec![choice];
        } else {
            // Keep the content's order, whatever the order of the taps (by filtering
            // the content's list, not sorting: no sort code in the wasm).
            chosen = (self.choices.iter())
                .filter(|c| !c.exclusive && (c.id == choice || chosen.contains(&c.id)))
                .map(|c| c.id)
                .collect();
        }
        (!chosen.is_empty()).then_some(Answer::Choices(chosen))
    }

    pub fn is_shown(&self, answers: &Answers) -> bool {
        self.show_if.is_none_or(|c| c.holds(answers))
    }
}

impl Quiz {
    /// Walks the questions in order with these answers (see the module comment).
    pub fn walk(&self, answers: &Answers) -> Walk {
        let mut walk = Walk {
            asked: Vec::new(),
            answers: Answers::default(),
            step: Step::Result,
        };
        for question in self.questions {
            if !question.is_shown(&walk.answers) {
                continue;
            }
            let Some(answer) = answers.get(question.id) else {
                walk.step = Step::Ask(question);
                return walk;
            };
            walk.asked.push(question);
            walk.answers.put(question.id, answer.clone());
            if self.emergency_fired(&walk.answers) {
                return walk;
            }
        }
        walk
    }

    /// Whether an emergency rule holds: the quiz then ends at once.
    pub fn emergency_fired(&self, answers: &Answers) -> bool {
        self.rules
            .iter()
            .any(|r| r.tier == Tier::Emergency && r.when.holds(answers))
    }

    pub fn first(&self) -> Step {
        self.next(&Answers::default())
    }

    /// The step after the answers so far.
    pub fn next(&self, answers: &Answers) -> Step {
        self.walk(answers).step
    }

    /// The step after `current` once it is answered: the next question on the path —
    /// answered already (when editing) or not — or the result.
    pub fn after(&self, current: QuestionId, answers: &Answers) -> Step {
        let walk = self.walk(answers);
        let position = walk.asked.iter().position(|q| q.id == current);
        match position.and_then(|i| walk.asked.get(i + 1)) {
            Some(question) => Step::Ask(question),
            None => walk.step,
        }
    }

    /// Records an answer, then drops the answers to questions that are no longer shown
    /// (a changed answer can hide questions that depended on it). Answers after an
    /// emergency stay: they count again if the emergency answer is changed back.
    pub fn answer(
        &self,
        answers: &mut Answers,
        question: QuestionId,
        answer: Answer,
    ) -> Result<(), AnswerError> {
        let q = self
            .question(question)
            .ok_or(AnswerError::UnknownQuestion)?;
        if !q.accepts(&answer) {
            return Err(AnswerError::DoesNotFit);
        }
        answers.put(question, answer);
        let mut kept = Answers::default();
        for q in self.questions {
            if let Some(a) = answers.get(q.id) {
                if q.is_shown(&kept) {
                    kept.put(q.id, a.clone());
                }
            }
        }
        *answers = kept;
        Ok(())
    }

    /// The question before `current` on the path (`None` for the result screen), or
    /// `None` when `current` is the first: Back then leaves the quiz for the start.
    pub fn before(
        &self,
        current: Option<QuestionId>,
        answers: &Answers,
    ) -> Option<&'static Question> {
        let asked = self.walk(answers).asked;
        let end = match current {
            Some(id) => asked.iter().position(|q| q.id == id).unwrap_or(asked.len()),
            None => asked.len(),
        };
        end.checked_sub(1).map(|i| asked[i])
    }

    /// An honest progress figure for the question on screen (`None`: the next one):
    /// how many questions of the path come before it, and the fewest and most
    /// questions the whole path can have. Questions whose show-if waits on an
    /// unanswered question make the two differ; every answer narrows the range. The
    /// question on screen is always within the range, also when it is an earlier one
    /// being edited (`done < fewest`).
    pub fn progress(&self, current: Option<QuestionId>, answers: &Answers) -> Progress {
        let walk = self.walk(answers);
        let asked = walk.asked.len();
        let on_path = current.and_then(|id| walk.asked.iter().position(|q| q.id == id));
        let Step::Ask(next) = walk.step else {
            // Every question of the path is answered: the path is known.
            return Progress {
                done: on_path.unwrap_or(asked.saturating_sub(1)),
                fewest: asked,
                most: asked,
            };
        };
        let done = on_path.unwrap_or(asked);
        let start = self.position(next.id).unwrap_or(self.questions.len());
        let (mut sure, mut maybe) = (0, 0);
        for q in &self.questions[start..] {
            if self.depends_on_unanswered(q, &walk.answers) {
                maybe += 1;
            } else if q.is_shown(&walk.answers) {
                sure += 1;
            }
        }
        Progress {
            done,
            fewest: asked + sure,
            most: asked + sure + maybe,
        }
    }

    fn depends_on_unanswered(&self, question: &Question, answers: &Answers) -> bool {
        let mut needs = Vec::new();
        if let Some(c) = question.show_if {
            c.questions(&mut needs);
        }
        needs.iter().any(|q| answers.get(*q).is_none())
    }
}
