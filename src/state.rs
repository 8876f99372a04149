//! The one state of the app and the one reducer that changes it. Components dispatch
//! [`Action`]s; the rules of moving through the quiz live in the core
//! (the `quiz` crate), not in event handlers. Side effects (storage, history, focus,
//! the host page) happen in the app's hooks (`crate::hooks`), from the state; the
//! reducer stays pure.

use std::rc::Rc;

use yew::{Reducible, UseReducerHandle};

use crate::content::QUIZ;
use crate::edge::Config;
use quiz::{Answer, Answers, ChoiceId, Lang, Line, Perspective, Position, Saved, Tier};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub config: Config,
    /// Where the visitor is; only ever a position the path has ([`Quiz::settle`]).
    ///
    /// [`Quiz::settle`]: quiz::Quiz::settle
    pub position: Position,
    pub lang: Lang,
    pub perspective: Perspective,
    /// The answers given with Next; they decide the path.
    pub answers: Answers,
    /// The current question's answer while the visitor is choosing; Next records it.
    pub draft: Option<Answer>,
    /// The first line of the emergency result that was shown, while no newer result has
    /// replaced it: the question screens keep showing its call, 988 after self-harm's
    /// (the safety rules, ARCHITECTURE.md).
    pub emergency_notice: Option<Line>,
    /// Saved progress, offered on the start screen until taken or refused.
    pub resume: Option<Saved>,
    /// The visitor had this device forget their answers and has not gone back into the
    /// quiz since: nothing is saved, and the start screen says so.
    pub forgotten: bool,
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
    /// The browser's Back or Forward button reached an entry naming this position; the
    /// core settles it for the answers as they are now.
    GoTo(Position),
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
            position: Position::Start,
            lang: showable(lang, Lang::BUILT_IN),
            perspective: Perspective::default(),
            answers: Answers::default(),
            draft: None,
            emergency_notice: None,
            resume,
            forgotten: false,
        }
    }

    /// Moves to `position`, which the core gave for these answers; a question starts
    /// with its earlier answer as the draft. Into the quiz by any way (Start, Resume, the
    /// browser's history), the visitor has started again: the offer to resume is gone,
    /// and saving goes on after a Forget.
    fn go(&mut self, position: Position) {
        self.position = position;
        if position != Position::Start {
            self.resume = None;
            self.forgotten = false;
        }
        self.draft = match position {
            Position::Question(id) => self.answers.get(id).cloned(),
            Position::Start | Position::Result => None,
        };
        if position == Position::Result {
            // A new result replaces the emergency notice, or is one.
            self.emergency_notice = (QUIZ.outcome(&self.answers).ok())
                .filter(|o| o.tier == Tier::Emergency)
                .and_then(|o| o.lines().first().copied());
        }
    }

    /// What to save on the device for a reload.
    pub fn to_saved(&self) -> Saved {
        Saved {
            lang: self.lang,
            perspective: self.perspective,
            position: self.position,
            answers: self.answers.clone(),
            saved_at_ms: 0,
        }
    }
}

/// `lang` if its texts are in (`quiz::pack`: the app fetches a language's pack before
/// it asks for it), else `current`: the state never names a language the screens
/// cannot show.
fn showable(lang: Lang, current: Lang) -> Lang {
    if quiz::pack::installed(lang) {
        lang
    } else {
        current
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::SetLang(lang) => state.lang = showable(lang, state.lang),
            Action::SetPerspective(perspective) => state.perspective = perspective,
            Action::Start => state.go(QUIZ.next(&state.answers)),
            Action::Resume => {
                let Some(saved) = state.resume.take() else {
                    return self;
                };
                state.lang = showable(saved.lang, state.lang);
                state.perspective = saved.perspective;
                state.answers = saved.answers;
                // Resuming never leaves the visitor on the start screen.
                let position = match QUIZ.settle(saved.position, &state.answers) {
                    Position::Start => QUIZ.next(&state.answers),
                    position => position,
                };
                state.go(position);
            }
            Action::StartFresh => {
                state.answers = Answers::default();
                state.go(QUIZ.first());
            }
            Action::Draft(answer) => state.draft = answer,
            Action::Toggle(choice) => {
                let Position::Question(id) = state.position else {
                    return self;
                };
                let Some(question) = QUIZ.question(id) else {
                    return self;
                };
                state.draft = question.toggle(state.draft.as_ref(), choice);
            }
            Action::Next => {
                let (Position::Question(id), Some(answer)) = (state.position, state.draft.clone())
                else {
                    return self;
                };
                // An answer the question does not accept is not recorded: stay.
                if QUIZ.answer(&mut state.answers, id, answer).is_err() {
                    return self;
                }
                state.go(QUIZ.after(id, &state.answers));
            }
            Action::Back => {
                if state.position == Position::Start {
                    return self;
                }
                state.go(QUIZ.previous(state.position, &state.answers));
            }
            Action::GoTo(position) => state.go(QUIZ.settle(position, &state.answers)),
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
