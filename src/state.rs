//! The one state of the app and the one reducer that changes it. Components dispatch
//! [`Action`]s; the rules of moving through the quiz live in the core
//! ([`crate::quiz`]), not in event handlers. Side effects (storage, history, focus)
//! happen in `App`'s effects, from the state; the reducer stays pure.

use std::rc::Rc;

use yew::{Reducible, UseReducerHandle};

use crate::content::QUIZ;
use crate::edge::Config;
use quiz::{
    Answer, Answers, ChoiceId, Lang, Perspective, QuestionId, Saved, SavedStep, Step, Tier,
};

/// Which screen the visitor is on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Stage {
    #[default]
    Start,
    Asking(QuestionId),
    Result,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub config: Config,
    pub stage: Stage,
    pub lang: Lang,
    pub perspective: Perspective,
    /// The answers given with Next; they decide the path.
    pub answers: Answers,
    /// The current question's answer while the visitor is choosing; Next records it.
    pub draft: Option<Answer>,
    /// An emergency result was shown and no newer result has replaced it: the question
    /// screens keep saying "call 911" (`clinical-safety.md` §4).
    pub emergency_notice: bool,
    /// Saved progress, offered on the start screen until taken or refused.
    pub resume: Option<Saved>,
    /// The visitor just chose "Forget my answers".
    pub forgotten: bool,
    /// The last move came from the browser's Back/Forward: do not record it again.
    pub via_history: bool,
}

pub enum Action {
    SetLang(Lang),
    SetPerspective(Perspective),
    Start,
    /// Take the saved progress offered on the start screen.
    Resume,
    /// Drop the saved progress and start from the first question.
    StartFresh,
    /// Replace the current question's draft (single choice, scale, number).
    Draft(Option<Answer>),
    /// Tick or untick a checklist choice of the current question.
    Toggle(ChoiceId),
    Next,
    Back,
    /// The browser's Back or Forward button reached step `n` (see [`State::step_number`]).
    GoToStep(usize),
    Restart,
    /// The answers were removed from the device: start over, and say so.
    Forget,
}

/// What components get from the provider: the state and its dispatcher.
pub type QuizContext = UseReducerHandle<State>;

impl State {
    pub fn new(config: Config, lang: Lang, resume: Option<Saved>) -> State {
        State {
            config,
            stage: Stage::Start,
            lang,
            perspective: Perspective::default(),
            answers: Answers::default(),
            draft: None,
            emergency_notice: false,
            resume,
            forgotten: false,
            via_history: false,
        }
    }

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
                // A new result replaces the emergency notice, or is one.
                self.emergency_notice =
                    QUIZ.outcome(&self.answers).map(|o| o.tier) == Ok(Tier::Emergency);
            }
        }
    }

    /// The steps the visitor can be on, in order: the start (0), each question on the
    /// path, then the next step (an unanswered question or the result).
    fn steps(&self) -> Vec<Stage> {
        let walk = QUIZ.walk(&self.answers);
        let mut steps = vec![Stage::Start];
        steps.extend(walk.asked.iter().map(|q| Stage::Asking(q.id)));
        steps.push(match walk.step {
            Step::Ask(q) => Stage::Asking(q.id),
            Step::Result => Stage::Result,
        });
        steps
    }

    /// The current screen's place among [`State::steps`], for the browser's history.
    pub fn step_number(&self) -> usize {
        let steps = self.steps();
        steps
            .iter()
            .position(|s| *s == self.stage)
            .unwrap_or(steps.len() - 1)
    }

    /// What to save on the device for a reload.
    pub fn to_saved(&self) -> Saved {
        Saved {
            lang: self.lang,
            perspective: self.perspective,
            step: match self.stage {
                Stage::Start => SavedStep::Start,
                Stage::Asking(q) => SavedStep::Question(q),
                Stage::Result => SavedStep::Result,
            },
            answers: self.answers.clone(),
            saved_at_ms: 0,
        }
    }

    /// Goes to `stage` if it is one of the steps the answers allow, else to the next.
    fn go_to(&mut self, stage: Stage) {
        let steps = self.steps();
        match stage {
            Stage::Start => {
                self.stage = Stage::Start;
                self.draft = None;
            }
            Stage::Asking(id) if steps.contains(&stage) => self.go(Step::Ask(
                QUIZ.question(id).expect("steps are questions of QUIZ"),
            )),
            _ => self.go(QUIZ.next(&self.answers)),
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        state.via_history = false;
        state.forgotten = false;
        match action {
            Action::SetLang(lang) => state.lang = lang,
            Action::SetPerspective(perspective) => state.perspective = perspective,
            Action::Start => {
                state.resume = None;
                state.go(QUIZ.next(&state.answers));
            }
            Action::Resume => {
                let Some(saved) = state.resume.take() else {
                    return self;
                };
                state.lang = saved.lang;
                state.perspective = saved.perspective;
                state.answers = saved.answers;
                state.go_to(match saved.step {
                    SavedStep::Start => Stage::Start,
                    SavedStep::Question(q) => Stage::Asking(q),
                    SavedStep::Result => Stage::Result,
                });
                if state.stage == Stage::Start {
                    state.go(QUIZ.next(&state.answers));
                }
            }
            Action::StartFresh => {
                state.resume = None;
                state.answers = Answers::default();
                state.go(QUIZ.first());
            }
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
                state.go(QUIZ.after(id, &state.answers));
            }
            Action::Back => {
                let number = state.step_number();
                if number == 0 {
                    return self;
                }
                let target = state.steps()[number - 1];
                state.go_to(target);
            }
            Action::GoToStep(number) => {
                let steps = state.steps();
                let target = steps[number.min(steps.len() - 1)];
                state.go_to(target);
                state.via_history = true;
            }
            Action::Restart => {
                state = State::new(state.config, state.lang, None);
            }
            Action::Forget => {
                state = State::new(state.config, state.lang, None);
                state.forgotten = true;
            }
        }
        Rc::new(state)
    }
}
