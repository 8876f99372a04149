//! The app's effects, one named hook each: what keeps the browser in step with the
//! state after a render. The reducer stays pure; these act through the edge
//! (`crate::edge`), the one module that touches history, storage and the host page.
//! `App` calls each once, in this order.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::content::QUIZ;
use crate::edge::{self, Config, HostMessage};
use crate::state::{Action, QuizContext};
use quiz::{Lang, Position, Progress};

/// The browser's Back and Forward buttons move between positions (the full page only),
/// and each new position gets a history entry, the quiz's top in view and focus on its
/// heading. Not on the first render: a page that has just loaded keeps focus and scroll
/// where the browser put them, and its entry is only named.
#[hook]
pub fn use_history(state: &QuizContext) {
    // The latest state, for the listener (set up once, it would see the first render's).
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    // Set when the history moves us: the entry may name a position the core settled
    // elsewhere (a question an edit hid), so the position it leads to overwrites it
    // instead of adding one; otherwise Back would land on it again, and again.
    let from_history = use_mut_ref(|| false);
    {
        let (latest, from_history) = (latest.clone(), from_history.clone());
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |event| {
                let entry = event.dyn_ref::<web_sys::PopStateEvent>();
                let Some(named) = entry.and_then(edge::history_position) else {
                    return;
                };
                let state = latest.borrow().clone();
                let position = QUIZ.settle(named, &state.answers);
                if position == state.position {
                    // Already there (the entry's question is hidden now): the entry is
                    // renamed, and the screen, its draft and focus stay as they are.
                    edge::record_history(&state.config, position, true);
                } else {
                    *from_history.borrow_mut() = true;
                    state.dispatch(Action::GoTo(position));
                }
            });
            move || drop(listener)
        });
    }
    let first = use_mut_ref(|| true);
    let config = state.config;
    use_effect_with(state.position, move |position| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            edge::record_history(&config, *position, true);
        } else {
            let replace = std::mem::replace(&mut *from_history.borrow_mut(), false);
            edge::record_history(&config, *position, replace);
            edge::focus_step();
        }
    });
}

/// Inside an embed: tell the host page the quiz is ready, keep its frame as tall as the
/// quiz, ask it to close the popup on Escape, and say each step and the end (the tier
/// only when the host asked: `Config::share_tier`).
#[hook]
pub fn use_embed_bridge(
    config: Config,
    position: Position,
    progress: Progress,
    tier: Option<&'static str>,
) {
    use_effect_with((), move |_| {
        edge::tell_host(&config, HostMessage::Ready);
        let watch = edge::watch_height(config);
        let escape = config.popup.then(|| {
            EventListener::new(&gloo::utils::window(), "keydown", move |event| {
                let key = event.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
                if key.as_deref() == Some("Escape") {
                    edge::tell_host(&config, HostMessage::Escape);
                }
            })
        });
        move || drop((watch, escape))
    });
    use_effect_with(position, move |position| match position {
        Position::Start => {}
        Position::Question(_) => edge::tell_host(
            &config,
            HostMessage::Step {
                index: progress.done + 1,
                total: progress.most,
            },
        ),
        Position::Result => edge::tell_host(&config, HostMessage::Complete(tier)),
    });
}

/// Progress is saved at every step; back on the start screen with nothing answered
/// (Start over), there is nothing to offer back. "Forget my answers" removes what the
/// device holds, once; nothing is saved until the visitor starts again (a language
/// chosen since is kept: `use_document_lang` saves it).
#[hook]
pub fn use_saved_progress(state: &QuizContext) {
    let config = state.config;
    use_effect_with(state.forgotten, |forgotten| {
        if *forgotten {
            edge::forget();
        }
    });
    let saved = state.to_saved();
    let (offering, forgotten) = (state.resume.is_some(), state.forgotten);
    use_effect_with(saved, move |saved| {
        if forgotten {
            return;
        }
        if saved.position != Position::Start {
            edge::save_progress(&config, saved);
        } else if saved.answers.is_empty() && !offering {
            edge::clear_progress();
        }
    });
}

/// `<html lang>` follows the quiz's language, and the visitor's choice is kept — but
/// not the language the quiz started in when the one asked for could not be fetched
/// (`started_as_asked` false): one offline visit must not change a Spanish speaker's
/// choice to English.
#[hook]
pub fn use_document_lang(config: Config, lang: Lang, started_as_asked: bool) {
    let first = use_mut_ref(|| true);
    use_effect_with(lang, move |lang| {
        edge::set_document_lang(*lang);
        if started_as_asked || !first.replace(false) {
            edge::save_lang(&config, *lang);
        }
    });
}
