use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{LanguageSwitch, QuestionScreen, ResultScreen, StartScreen};
use crate::clinic::CLINIC;
use crate::content::QUIZ;
use crate::edge::{self, Config};
use crate::state::{Action, QuizContext, Stage, State};
use crate::strings::strings;

/// The whole quiz: provides the state, shows the screen for the current stage, and
/// keeps the browser in step with it (history, focus, `<html lang>`, saved progress).
#[function_component]
pub fn App() -> Html {
    let state = use_reducer_eq(|| {
        let config = Config::from_page();
        let resume = edge::load_progress(&config);
        let lang = edge::initial_lang(&config);
        State::new(config, lang, resume)
    });

    // The browser's Back and Forward buttons move between steps (full page only).
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |event| {
                if let Some(step) = event
                    .dyn_ref::<web_sys::PopStateEvent>()
                    .and_then(edge::history_step)
                {
                    state.dispatch(Action::GoToStep(step));
                }
            });
            move || drop(listener)
        });
    }

    // Each new step: a history entry (unless the history brought us here), the quiz's
    // top in view, and focus on the new heading. Not on the first render: a page that
    // has just loaded keeps focus and scroll where the browser put them.
    {
        let first = use_mut_ref(|| true);
        let (config, via_history) = (state.config, state.via_history);
        use_effect_with((state.stage, state.step_number()), move |(_, step)| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                edge::push_history(&config, *step, true);
            } else {
                if !via_history {
                    edge::push_history(&config, *step, false);
                }
                edge::focus_step();
            }
        });
    }

    // The path's progress and the outcome, once per render: the host messages and the
    // announcement both use them.
    let current = match state.stage {
        Stage::Asking(id) => Some(id),
        Stage::Start | Stage::Result => None,
    };
    let progress = QUIZ.progress(current, &state.answers);
    let outcome = QUIZ.outcome(&state.answers).ok();

    // Inside an embed: tell the host page we are ready, keep its frame as tall as the
    // quiz, and ask it to close the popup on Escape.
    {
        let config = state.config;
        use_effect_with((), move |_| {
            edge::tell_host(&config, edge::HostMessage::Ready);
            let watch = edge::watch_height(config);
            let escape = config.popup.then(|| {
                EventListener::new(&gloo::utils::window(), "keydown", move |event| {
                    let key = event.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
                    if key.as_deref() == Some("Escape") {
                        edge::tell_host(&config, edge::HostMessage::Escape);
                    }
                })
            });
            move || drop((watch, escape))
        });
    }
    {
        let (config, stage) = (state.config, state.stage);
        let tier = outcome.as_ref().map(|o| o.tier.slug());
        use_effect_with(stage, move |stage| match stage {
            Stage::Start => {}
            Stage::Asking(_) => edge::tell_host(
                &config,
                edge::HostMessage::Step {
                    index: progress.done + 1,
                    total: progress.most,
                },
            ),
            Stage::Result => edge::tell_host(&config, edge::HostMessage::Complete(tier)),
        });
    }

    {
        let config = state.config;
        use_effect_with(state.lang, move |lang| {
            edge::set_document_lang(*lang);
            edge::save_lang(&config, *lang);
        });
    }

    // Progress is saved at every step; back on the start screen with nothing answered
    // (Start over), there is nothing to offer back.
    {
        let saved = state.to_saved();
        let (config, stage, offering) = (state.config, state.stage, state.resume.is_some());
        use_effect_with(saved, move |saved| {
            if stage != Stage::Start {
                edge::save_progress(&config, saved);
            } else if saved.answers.is_empty() && !offering {
                edge::clear_progress();
            }
        });
    }

    let text = strings(state.lang);
    let (screen, announcement) = match state.stage {
        Stage::Start => (html! { <StartScreen /> }, String::new()),
        Stage::Asking(id) => match QUIZ.question(id) {
            Some(question) => {
                let progress = text.question_n(progress);
                let prompt = question.prompt.get(state.lang, state.perspective);
                (
                    html! { <QuestionScreen {question} /> },
                    format!("{progress}: {prompt}"),
                )
            }
            // The reducer only ever moves to questions of QUIZ.
            None => (html! { <StartScreen /> }, String::new()),
        },
        Stage::Result => {
            let headline = outcome
                .as_ref()
                .and_then(|o| o.text())
                .map(|t| t.headline.get(state.lang, state.perspective))
                .unwrap_or(text.could_not_finish);
            (
                html! { <ResultScreen /> },
                format!("{} {headline}", text.result_announced),
            )
        }
    };
    html! {
        <ContextProvider<QuizContext> context={state}>
            <div class="quiz" data-testid="quiz">
                <header class="quiz__header">
                    <p class="quiz__clinic">{ CLINIC.name }</p>
                    <LanguageSwitch />
                </header>
                { screen }
                <p class="visually-hidden" aria-live="polite" data-testid="announce">
                    { announcement }
                </p>
            </div>
        </ContextProvider<QuizContext>>
    }
}
