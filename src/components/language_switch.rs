use yew::prelude::*;

use crate::state::{Action, QuizContext};
use crate::strings::strings;
use quiz::Lang;

/// English / Español, each named in itself and marked with its own `lang`, so that a
/// screen reader pronounces it right. Switching keeps every answer.
#[function_component]
pub fn LanguageSwitch() -> Html {
    let quiz = use_context::<QuizContext>().expect("LanguageSwitch needs the QuizContext");
    let buttons = Lang::ALL.map(|lang| {
        let onclick = {
            let quiz = quiz.clone();
            Callback::from(move |_| quiz.dispatch(Action::SetLang(lang)))
        };
        let current = quiz.lang == lang;
        html! {
            <button type="button" class="lang" lang={lang.tag()}
                aria-pressed={if current { "true" } else { "false" }}
                data-testid={format!("lang-{}", lang.tag())} {onclick}>
                { lang.own_name() }
            </button>
        }
    });
    html! {
        <nav class="langs" aria-label={strings(quiz.lang).language}>{ for buttons }</nav>
    }
}
