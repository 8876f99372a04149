use yew::prelude::*;

use crate::components::{line_call, ForgetButton};
use crate::content::TYPICAL_QUESTIONS;
use crate::state::{Action, QuizContext};
use quiz::strings::strings;
use quiz::{Line, Perspective};

/// What this is, that it is not a diagnosis, 911 first, who it is for, and Start — or,
/// with saved progress, "Continue where you left off?" and "Forget my answers".
#[function_component]
pub fn StartScreen() -> Html {
    let quiz = use_context::<QuizContext>().expect("StartScreen needs the QuizContext");
    let text = strings(quiz.lang);
    let dispatch = |action: fn() -> Action| {
        let quiz = quiz.clone();
        Callback::from(move |_: MouseEvent| {
            // The test-only build (see Cargo.toml) crashes here on purpose.
            if cfg!(feature = "e2e-panic") {
                panic!("e2e-panic: the test-only build panics on purpose");
            }
            quiz.dispatch(action())
        })
    };

    let who = [
        (Perspective::Myself, "myself", text.for_myself),
        (
            Perspective::SomeoneElse,
            "someone-else",
            text.for_someone_else,
        ),
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

    let begin = match &quiz.resume {
        Some(_) => html! {
            <section class="resume" data-testid="resume" aria-labelledby="resume-title">
                <h2 id="resume-title">{ text.resume_title }</h2>
                <p>{ text.resume_text }</p>
                <div class="nav">
                    <button class="button button--primary" type="button" data-testid="resume-yes"
                        onclick={dispatch(|| Action::Resume)}>
                        { text.resume }
                    </button>
                    <button class="button" type="button" data-testid="resume-no"
                        onclick={dispatch(|| Action::StartFresh)}>
                        { text.start_fresh }
                    </button>
                </div>
                <ForgetButton />
            </section>
        },
        None => html! {
            <>
                <fieldset class="who">
                    <legend>{ text.who_is_it_for }</legend>
                    <div class="choices">{ for who }</div>
                </fieldset>
                <button class="button button--primary" type="button" data-testid="start"
                    onclick={dispatch(|| Action::Start)}>
                    { text.start }
                </button>
            </>
        },
    };

    html! {
        <section class="screen screen--start" data-testid="start-screen">
            <h1 tabindex="-1" data-focus="">{ text.start_title }</h1>
            <p>{ text.start_intro.fill(&[&TYPICAL_QUESTIONS.to_string()]) }</p>
            <p class="notice notice--emergency" data-testid="emergency-notice">
                <strong>{ text.emergency_notice }</strong>
            </p>
            { line_call(Line::Emergency, text, false) }
            <p class="notice" data-testid="not-a-diagnosis">{ text.not_a_diagnosis }</p>
            <p>{ text.stays_on_device }</p>
            { begin }
            if quiz.forgotten {
                <p class="notice" role="status" data-testid="forgotten">{ text.forgotten }</p>
            }
            if quiz.config.save && quiz.resume.is_none() {
                <p class="small">{ text.saving_note }</p>
            }
        </section>
    }
}
