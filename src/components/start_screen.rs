use yew::prelude::*;

use super::CallLink;
use crate::clinic::EMERGENCY;
use crate::quiz::Perspective;
use crate::state::{Action, QuizContext};

/// What this is, that it is not a diagnosis, 911 first, who it is for, and Start.
#[function_component]
pub fn StartScreen() -> Html {
    let quiz = use_context::<QuizContext>().expect("StartScreen needs the QuizContext");
    let onstart = {
        let quiz = quiz.clone();
        Callback::from(move |_| quiz.dispatch(Action::Start))
    };
    let who = [
        (Perspective::Myself, "myself", "For myself"),
        (Perspective::SomeoneElse, "someone-else", "For someone else"),
    ]
    .map(|(perspective, id, label)| {
        let onchange = {
            let quiz = quiz.clone();
            Callback::from(move |_| quiz.dispatch(Action::SetPerspective(perspective)))
        };
        html! {
            <label class="choice">
                <input type="radio" name="perspective" value={id}
                    data-testid={format!("for-{id}")}
                    checked={quiz.perspective == perspective} {onchange} />
                <span>{ label }</span>
            </label>
        }
    });
    html! {
        <section class="screen screen--start" data-testid="start-screen">
            <h1>{ "Is acupuncture right for your back pain?" }</h1>
            <p>{ "Answer a few questions, about two minutes, to see whether to call the clinic, \
                  see a doctor first, or get care now." }</p>
            <p class="notice notice--emergency" data-testid="emergency-notice">
                <strong>{ "In an emergency, call 911." }</strong>
            </p>
            <CallLink label="Call 911" phone={&EMERGENCY} testid="call-911" />
            <p class="notice" data-testid="not-a-diagnosis">
                { "This quiz gives information, not a diagnosis." }
            </p>
            <p>{ "Your answers stay on this device." }</p>
            <fieldset class="who">
                <legend>{ "Who is this for?" }</legend>
                <div class="choices">{ for who }</div>
            </fieldset>
            <button class="button button--primary" type="button" data-testid="start"
                onclick={onstart}>
                { "Start" }
            </button>
        </section>
    }
}
