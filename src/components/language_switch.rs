use yew::prelude::*;

use crate::edge;
use crate::state::{Action, QuizContext};
use quiz::strings::strings;
use quiz::Lang;

/// English / Español, each named in itself and marked with its own `lang`, so that a
/// screen reader pronounces it right. Switching keeps every answer. A language whose
/// texts are not in the wasm is fetched first (`edge::load_lang`); if that fails (say,
/// offline before it was ever fetched), the visitor stays where they were and is told
/// so in the language they asked for. Only the last click counts: a fetch that ends
/// after the visitor chose again changes nothing.
#[function_component]
pub fn LanguageSwitch() -> Html {
    let quiz = use_context::<QuizContext>().expect("LanguageSwitch needs the QuizContext");
    // The language being fetched, the one that could not be, and the last click's number.
    let loading = use_state_eq(|| None::<Lang>);
    // A language the quiz could not fetch as it started (`crate::run`) is said at once.
    let failed = use_state_eq(edge::not_loaded_at_start);
    let clicks = use_mut_ref(|| 0_u32);
    let buttons = Lang::ALL.map(|lang| {
        let onclick = {
            let (quiz, loading, failed, clicks) = (
                quiz.clone(),
                loading.clone(),
                failed.clone(),
                clicks.clone(),
            );
            Callback::from(move |_| {
                if *loading == Some(lang) {
                    return;
                }
                let click = {
                    let mut clicks = clicks.borrow_mut();
                    *clicks += 1;
                    *clicks
                };
                failed.set(None);
                if quiz::pack::installed(lang) {
                    loading.set(None);
                    quiz.dispatch(Action::SetLang(lang));
                    return;
                }
                loading.set(Some(lang));
                let (quiz, loading, failed, clicks) = (
                    quiz.clone(),
                    loading.clone(),
                    failed.clone(),
                    clicks.clone(),
                );
                yew::platform::spawn_local(async move {
                    let done = edge::load_lang(lang).await;
                    if *clicks.borrow() != click {
                        return;
                    }
                    match done {
                        Ok(()) => quiz.dispatch(Action::SetLang(lang)),
                        Err(why) => {
                            gloo::console::warn!(why);
                            failed.set(Some(lang));
                        }
                    }
                    loading.set(None);
                });
            })
        };
        let current = quiz.lang == lang;
        html! {
            <button type="button" class="lang" lang={lang.tag()}
                aria-pressed={if current { "true" } else { "false" }}
                aria-busy={(*loading == Some(lang)).then_some("true")}
                data-testid={format!("lang-{}", lang.tag())} {onclick}>
                { lang.own_name() }
            </button>
        }
    });
    // An alert is read out as it appears; it goes with the next choice of language.
    let failed = failed.map(|lang| {
        html! {
            <p class="small" role="alert" lang={lang.tag()} data-testid="lang-failed">
                { lang.not_loaded() }
            </p>
        }
    });
    html! {
        <>
            <nav class="langs" aria-label={strings(quiz.lang).language}>{ for buttons }</nav>
            { for failed }
        </>
    }
}
