use yew::prelude::*;

use super::CallLink;
use crate::clinic::EMERGENCY;
use crate::state::{Action, QuizContext};

/// What this is, the emergency notice, and the Start button.
#[function_component]
pub fn StartScreen() -> Html {
    let quiz = use_context::<QuizContext>().expect("StartScreen needs the QuizContext");
    let onstart = Callback::from(move |_| quiz.dispatch(Action::Start));
    html! {
        <section class="screen screen--start" data-testid="start-screen">
            <h1>{ "Back pain: what to do next" }</h1>
            <p>{ "Answer a few short questions (about two minutes) and we will suggest \
                  whether to call the clinic, see a doctor, or get emergency care." }</p>
            <p class="notice" data-testid="not-a-diagnosis">
                { "This quiz gives information, not a diagnosis." }
            </p>
            <div class="notice notice--emergency" data-testid="emergency-notice">
                <p>{ "In an emergency, call 911." }</p>
                <CallLink label="Call 911" phone={&EMERGENCY} testid="call-911" />
            </div>
            <p>{ "Your answers stay on this device." }</p>
            <button class="button button--primary" type="button" data-testid="start"
                onclick={onstart}>
                { "Start" }
            </button>
        </section>
    }
}
