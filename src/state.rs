//! The one state of the app and the one reducer that changes it. Components dispatch
//! [`Action`]s; the rules of moving through the quiz live in the core
//! ([`crate::quiz`]), not in event handlers.

use std::rc::Rc;

use yew::{Reducible, UseReducerHandle};

use crate::quiz::{Answers, ChoiceId, QuestionId, Step, QUIZ};

/// Which screen the visitor is on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Stage {
    #[default]
    Start,
    Asking(QuestionId),
    Result,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    pub stage: Stage,
    pub answers: Answers,
}

pub enum Action {
    Start,
    Choose(QuestionId, ChoiceId),
    Next,
    Back,
    Restart,
}

/// What components get from the provider: the state and its dispatcher.
pub type QuizContext = UseReducerHandle<State>;

impl State {
    fn stage_for(step: Step) -> Stage {
        match step {
            Step::Ask(question) => Stage::Asking(question.id),
            Step::Result => Stage::Result,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::Start => state.stage = Self::stage_for(QUIZ.first()),
            Action::Choose(question, choice) => state.answers.answer(&QUIZ, question, choice),
            Action::Next => {
                if let Stage::Asking(current) = state.stage {
                    state.stage = Self::stage_for(QUIZ.after(current, &state.answers));
                }
            }
            Action::Back => {
                let current = match state.stage {
                    Stage::Start => return self,
                    Stage::Asking(id) => Some(id),
                    Stage::Result => None,
                };
                state.stage = match QUIZ.before(current, &state.answers) {
                    Some(question) => Stage::Asking(question.id),
                    None => Stage::Start,
                };
            }
            Action::Restart => state = State::default(),
        }
        Rc::new(state)
    }
}
