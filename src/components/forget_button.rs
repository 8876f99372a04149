use yew::prelude::*;

use crate::edge;
use crate::state::{Action, QuizContext};
use crate::strings::strings;

/// "Forget my answers": removes the saved progress from this device and starts over.
#[function_component]
pub fn ForgetButton() -> Html {
    let quiz = use_context::<QuizContext>().expect("ForgetButton needs the QuizContext");
    let label = strings(quiz.lang).forget;
    let onclick = Callback::from(move |_: MouseEvent| {
        edge::forget();
        quiz.dispatch(Action::Forget);
    });
    html! {
        <button class="button button--quiet" type="button" data-testid="forget" {onclick}>
            { label }
        </button>
    }
}
