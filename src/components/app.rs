use yew::prelude::*;

use super::{QuestionScreen, ResultScreen, StartScreen};
use crate::clinic::CLINIC;
use crate::quiz::QUIZ;
use crate::state::{QuizContext, Stage, State};

/// The whole quiz: provides the state and shows the screen for the current stage.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let screen = match state.stage {
        Stage::Start => html! { <StartScreen /> },
        Stage::Asking(id) => match QUIZ.question(id) {
            Some(question) => html! { <QuestionScreen {question} /> },
            // The reducer only ever moves to questions of QUIZ.
            None => html! { <StartScreen /> },
        },
        Stage::Result => html! { <ResultScreen /> },
    };
    html! {
        <ContextProvider<QuizContext> context={state}>
            <div class="quiz" data-testid="quiz">
                <header class="quiz__header">
                    <p class="quiz__clinic">{ CLINIC.name }</p>
                </header>
                { screen }
            </div>
        </ContextProvider<QuizContext>>
    }
}
