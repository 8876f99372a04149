//! The one state of the app and the one reducer that changes it. Components dispatch
//! [`Action`]s; the rules of moving through the quiz live in the core
//! ([`crate::quiz`]), not in event handlers.

use std::rc::Rc;

use yew::{Reducible, UseReducerHandle};

use crate::quiz::{Answer, Answers, ChoiceId, Lang, Perspective, QuestionId, Step, QUIZ};

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
    pub lang: Lang,
    pub perspective: Perspective,
    /// The answers given with Next; they decide the path.
    pub answers: Answers,
    /// The current question's answer while the visitor is choosing; Next records it.
    pub draft: Option<Answer>,
}

pub enum Action {
    SetPerspective(Perspective),
    Start,
    /// Replace the current question's draft (single choice, scale, number).
    Draft(Option<Answer>),
    /// Tick or untick a checklist choice of the current question.
    Toggle(ChoiceId),
    Next,
    Back,
    Restart,
}

/// What components get from the provider: the state and its dispatcher.
pub type QuizContext = UseReducerHandle<State>;

impl State {
    /// Moves to a step; a question starts with its earlier answer as the draft.
    fn go(&mut self, step: Step) {
        match step {
            Step::Ask(question) => {
                self.stage = Stage::Asking(question.id);
                self.draft = self.answers.get(question.id).cloned();
            }
            Step::Result => {
                self.stage = Stage::Result;
                self.draft = None;
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::SetPerspective(perspective) => state.perspective = perspective,
            Action::Start => state.go(QUIZ.next(&state.answers)),
            Action::Draft(answer) => state.draft = answer,
            Action::Toggle(choice) => {
                let Stage::Asking(id) = state.stage else {
                    return self;
                };
                let Some(question) = QUIZ.question(id) else {
                    return self;
                };
                state.draft = question.toggle(state.draft.as_ref(), choice);
            }
            Action::Next => {
                let (Stage::Asking(id), Some(answer)) = (state.stage, state.draft.clone()) else {
                    return self;
                };
                // An answer the question does not accept is not recorded: stay.
                if QUIZ.answer(&mut state.answers, id, answer).is_err() {
                    return self;
                }
                state.go(QUIZ.next(&state.answers));
            }
            Action::Back => {
                let current = match state.stage {
                    Stage::Start => return self,
                    Stage::Asking(id) => Some(id),
                    Stage::Result => None,
                };
                match QUIZ.before(current, &state.answers) {
                    Some(question) => state.go(Step::Ask(question)),
                    None => {
                        state.stage = Stage::Start;
                        state.draft = None;
                    }
                }
            }
            Action::Restart => {
                state = State {
                    lang: state.lang,
                    ..State::default()
                }
            }
        }
        Rc::new(state)
    }
}
