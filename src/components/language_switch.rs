use yew::prelude::*;

use crate::edge;
use crate::state::{Action, QuizContext};
use quiz::strings::strings;
use quiz::Lang;

/// English / Español, each named in itself and marked with its own `lang`, so that a
/// screen reader pronounces it right. Switching keeps every answer. A language whose
/// texts are not in the wasm is fetched first (`edge::load_lang`); if that fails (say,
/// offline before it was ever fetched), the visitor stays where they were and is told
/// so in the language they asked for.
#[function_component]
pub fn LanguageSwitch() -> Html {
    let quiz = use_context::<QuizContext>().expect("LanguageSwitch needs the QuizContext");
    // The language being fetched, and the one that could not be.
    let loading = use_state_eq(|| None::<Lang>);
    let failed = use_state_eq(|| None::<Lang>);
    let buttons = Lang::ALL.map(|lang| {
        let onclick = {
            let (quiz, loading, failed) = (quiz.clone(), loading.clone(), failed.clone());
            Callback::from(move |_| {
                failed.set(None);
                if quiz::pack::installed(lang) {
                    quiz.dispatch(Action::SetLang(lang));
                    return;
                }
                let (quiz, loading, failed) = (quiz.clone(), loading.clone(), failed.clone());
                loading.set(Some(lang));
                yew::platform::spawn_local(async move {
                    match edge::load_lang(lang).await {
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
