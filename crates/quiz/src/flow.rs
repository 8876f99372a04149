//! The path through the quiz: where the visitor is ([`Position`]), which question comes
//! next, which came before, and which answers still count after an earlier one changes.
//!
//! The path is always recomputed from the answers, never stored: walk the questions in
//! order, skip those whose show-if does not hold, stop at the first unanswered one, and
//! stop at once when an emergency rule fires (the safety rules, ARCHITECTURE.md). A position is
//! kept by name (a question's id), never by its place on the path, so it survives an
//! edit of an earlier answer; [`Quiz::settle`] says where a position that the path no
//! longer has leads.
//!
//! That rule is written once, [`Quiz::step`]: the app follows it over one visitor's
//! answers ([`Quiz::walk`]), the validator's walk of every path and the joint walk of two
//! versions over every answer at once (`validate::explore`, `validate::decisions`),
//! each through its own [`Follow`].

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

    /// These answers without the one to `question`.
    fn without(&self, question: QuestionId) -> Answers {
        Answers(
            self.0
                .iter()
                .filter(|(q, _)| *q != question)
                .cloned()
                .collect(),
        )
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

/// Where the visitor is: the start screen, a question, or the result. The one idea of
/// it: the app's state, the saved progress and the browser's history entries all hold
/// a `Position`, and the core decides where it moves ([`Quiz::next`], [`Quiz::after`],
/// [`Quiz::previous`], [`Quiz::settle`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Position {
    #[default]
    Start,
    Question(QuestionId),
    Result,
}

impl Position {
    /// How saved progress and history entries write it: `start`, `result`, or the
    /// question's id (the validator keeps both words free for positions).
    pub fn name(self) -> &'static str {
        match self {
            Position::Start => "start",
            Position::Result => "result",
            Position::Question(id) => id.0,
        }
    }
}

/// The questions the answers reach, and where they lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    /// The answered questions on the path, in order.
    pub asked: Vec<&'static Question>,
    /// The answers that count: those to the questions in `asked`.
    pub answers: Answers,
    /// Where the answers lead: the first unanswered question, or the result.
    pub next: Position,
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

    /// The plainest answer, for examples people read (the review packet's paths and
    /// diffs): "none of these", "no" (a single question's too, when it has one), else
    /// the first choice; the middle of a range.
    pub fn plain_answer(&self) -> Answer {
        let no = self
            .choice(ChoiceId("no"))
            .filter(|_| self.kind == Kind::Single);
        match (no, self.default_answer()) {
            (Some(no), _) => Answer::Choices(vec![no.id]),
            (None, Answer::Choices(c)) if c.is_empty() => {
                Answer::Choices(self.choices.first().map(|c| c.id).into_iter().collect())
            }
            (None, answer) => answer,
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

/// One step of the path ([`Quiz::step`]): what happened at one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// The question is not shown: passed without an answer; the path goes on.
    Skipped,
    /// The question was answered; the path goes on.
    Answered,
    /// The question is shown and has no answer: the path stops there.
    Asks,
    /// The answer ended the quiz at once: an emergency rule fired.
    Ends,
    /// No question is left: the path leads to the result.
    End,
}

/// What the one walk of the path ([`Quiz::step`], [`Quiz::follow`]) needs of the
/// answers it goes over. The app follows one visitor's answers ([`Quiz::walk`]); the
/// validator's walk of every path (`validate::explore`) and the joint walk of two
/// versions (`validate::decisions`) follow every answer at once, with each condition
/// partly evaluated (true, false, or still waiting on a later question).
///
/// A question's show-if names only earlier questions (the validator checks), all
/// passed when it is asked: there, each way of following can tell whether it holds.
pub(crate) trait Follow {
    /// Whether `question`, the `at`-th, is shown: its show-if holds on what was passed.
    fn shown(&self, at: usize, question: &'static Question) -> bool;
    /// The answer given to `question`, if there is one yet.
    fn given(&mut self, question: &'static Question) -> Option<Answer>;
    /// Passes `question`, the `at`-th: answered with `answer`, or not shown (`None`).
    fn pass(&mut self, at: usize, question: &'static Question, answer: Option<Answer>);
    /// Whether the answers passed end the quiz at once: an emergency rule holds.
    fn ends(&self) -> bool;
}

/// Following one visitor's answers: the path the app shows.
struct VisitorsPath<'a> {
    quiz: &'a Quiz,
    answers: &'a Answers,
    walk: Walk,
}

impl Follow for VisitorsPath<'_> {
    fn shown(&self, _: usize, question: &'static Question) -> bool {
        question.is_shown(&self.walk.answers)
    }

    fn given(&mut self, question: &'static Question) -> Option<Answer> {
        self.answers.get(question.id).cloned()
    }

    fn pass(&mut self, _: usize, question: &'static Question, answer: Option<Answer>) {
        if let Some(answer) = answer {
            self.walk.asked.push(question);
            self.walk.answers.put(question.id, answer);
        }
    }

    fn ends(&self) -> bool {
        self.quiz.emergency_fired(&self.walk.answers)
    }
}

impl Quiz {
    /// The one step of the path, at the `at`-th question (see the module comment): a
    /// question whose show-if does not hold is skipped; a shown one without an answer
    /// stops the path; an answer that fires an emergency rule ends the quiz at once.
    /// The app's walk, the validator's walk of every path and the joint walk of two
    /// versions all take this step, each over answers of its own ([`Follow`]).
    pub(crate) fn step(&self, at: usize, path: &mut impl Follow) -> Step {
        let Some(question) = self.questions.get(at) else {
            return Step::End;
        };
        if !path.shown(at, question) {
            path.pass(at, question, None);
            return Step::Skipped;
        }
        let Some(answer) = path.given(question) else {
            return Step::Asks;
        };
        path.pass(at, question, Some(answer));
        if path.ends() {
            Step::Ends
        } else {
            Step::Answered
        }
    }

    /// Steps from the `at`-th question until the path stops: at a question without an
    /// answer ([`Step::Asks`]), at an emergency ([`Step::Ends`]) or at the end
    /// ([`Step::End`]); gives the place of the question it stopped at, and why.
    pub(crate) fn follow(&self, mut at: usize, path: &mut impl Follow) -> (usize, Step) {
        loop {
            match self.step(at, path) {
                Step::Skipped | Step::Answered => at += 1,
                stop => return (at, stop),
            }
        }
    }

    /// Walks the questions in order with these answers (see the module comment).
    pub fn walk(&self, answers: &Answers) -> Walk {
        let mut path = VisitorsPath {
            quiz: self,
            answers,
            walk: Walk {
                asked: Vec::new(),
                answers: Answers::default(),
                next: Position::Result,
            },
        };
        if let (at, Step::Asks) = self.follow(0, &mut path) {
            path.walk.next = Position::Question(self.questions[at].id);
        }
        path.walk
    }

    /// Whether an emergency rule holds: the quiz then ends at once.
    pub fn emergency_fired(&self, answers: &Answers) -> bool {
        self.rules
            .iter()
            .any(|r| r.tier == Tier::Emergency && r.when.holds(answers))
    }

    pub fn first(&self) -> Position {
        self.next(&Answers::default())
    }

    /// Where the answers so far lead: the first unanswered question, or the result.
    pub fn next(&self, answers: &Answers) -> Position {
        self.walk(answers).next
    }

    /// Where Next leads from `current` once it is answered: the next question on the
    /// path — answered already (when editing) or not — or the result.
    pub fn after(&self, current: QuestionId, answers: &Answers) -> Position {
        let walk = self.walk(answers);
        let at = walk.asked.iter().position(|q| q.id == current);
        match at.and_then(|i| walk.asked.get(i + 1)) {
            Some(question) => Position::Question(question.id),
            None => walk.next,
        }
    }

    /// The positions the visitor can be on, in order: the start, each answered question
    /// of the path, then where the answers lead (a question or the result).
    pub fn path(&self, answers: &Answers) -> Vec<Position> {
        let walk = self.walk(answers);
        let mut path = vec![Position::Start];
        path.extend(walk.asked.iter().map(|q| Position::Question(q.id)));
        path.push(walk.next);
        path
    }

    /// Where Back leads from `position`: the position before it on the path (the start
    /// from the first question, and from the start itself).
    pub fn previous(&self, position: Position, answers: &Answers) -> Position {
        let asked = self.walk(answers).asked;
        let before = match self.settle(position, answers) {
            Position::Start => None,
            // An answered question: the one before it; else (the next question, or
            // the result) the last one answered.
            Position::Question(id) => match asked.iter().position(|q| q.id == id) {
                Some(i) => i.checked_sub(1),
                None => asked.len().checked_sub(1),
            },
            Position::Result => asked.len().checked_sub(1),
        };
        before.map_or(Position::Start, |i| Position::Question(asked[i].id))
    }

    /// `position` if the path has it ([`Quiz::path`]); else where it leads now that the
    /// answers changed (a history entry, or saved progress, names a position the path
    /// may have lost):
    /// - a question the path no longer shows: the nearest question before it on the
    ///   path (the question whose answer hid it, or one before that), or the start;
    /// - the result before every question is answered: the first unanswered question.
    pub fn settle(&self, position: Position, answers: &Answers) -> Position {
        let walk = self.walk(answers);
        let Position::Question(id) = position else {
            return match position {
                Position::Start => Position::Start,
                _ => walk.next,
            };
        };
        // The path's questions in order: the answered ones, then the next one.
        let next = match walk.next {
            Position::Question(next) => Some(next),
            _ => None,
        };
        let mut questions = walk.asked.iter().map(|q| q.id).chain(next);
        if questions.clone().any(|q| q == id) {
            return position;
        }
        let index = self.index_of(id);
        questions
            .rfind(|q| self.index_of(*q) < index)
            .map_or(Position::Start, Position::Question)
    }

    /// The position `name` ([`Position::name`]) names in this quiz, as saved progress
    /// and history entries keep it; `None` for a name that is no position at all. The id
    /// of a question this quiz does not have (written under older content) names no
    /// place on the path: it is read as the path's end, which [`Quiz::settle`] turns into
    /// where the answers lead.
    pub fn position_named(&self, name: &str) -> Option<Position> {
        match name {
            "start" => Some(Position::Start),
            "result" => Some(Position::Result),
            id => match self.question_named(id) {
                Some(question) => Some(Position::Question(question.id)),
                None => is_id(id).then_some(Position::Result),
            },
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

    /// An honest progress figure for the question on screen (`None`: the next one):
    /// how many questions of the path come before it, and the fewest and most
    /// questions the whole path can have. Questions whose show-if waits on an
    /// unanswered question make the two differ, and so does a question of a finished
    /// path on screen again, whose other answers could change the path. The
    /// question on screen is always within the range, also when it is an earlier one
    /// being edited (`done < fewest`).
    pub fn progress(&self, current: Option<QuestionId>, answers: &Answers) -> Progress {
        let walk = self.walk(answers);
        let asked = walk.asked.len();
        let on_path = current.and_then(|id| walk.asked.iter().position(|q| q.id == id));
        let Position::Question(next) = walk.next else {
            // Every question of the path is answered: the path is known, unless a
            // question of it is on screen again (editing from a result), whose other
            // answers can lengthen the path (an emergency answer ended it there) or
            // shorten it: then the range is the known length and what the path could
            // be without that answer. "Question 3 of 3" with more to come is not honest.
            let (fewest, most) = match (current, on_path) {
                (Some(id), Some(_)) => {
                    let open = self.progress(current, &answers.without(id));
                    (open.fewest.min(asked), open.most.max(asked))
                }
                _ => (asked, asked),
            };
            return Progress {
                done: on_path.unwrap_or(asked.saturating_sub(1)),
                fewest,
                most,
            };
        };
        let done = on_path.unwrap_or(asked);
        let start = self.index_of(next).unwrap_or(self.questions.len());
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

/// Whether `name` has the form of a question id (lowercase letters, digits and
/// hyphens, at most 64): what a history entry of ours can name, and what the validator
/// allows.
pub(crate) fn is_id(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
