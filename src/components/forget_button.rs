use yew::prelude::*;

use crate::state::{Action, QuizContext};
use quiz::strings::strings;

/// "Forget my answers": starts over, and the saved-progress hook removes what this
/// device holds (`hooks::use_saved_progress`).
#[function_component]
pub fn ForgetButton() -> Html {
    let quiz = use_context::<QuizContext>().expect("ForgetButton needs the QuizContext");
    let label = strings(quiz.lang).forget;
    let onclick = Callback::from(move |_: MouseEvent| quiz.dispatch(Action::Forget));
    html! {
        <button class="button button--quiet" type="button" data-testid="forget" {onclick}>
            { label }
        </button>
    }
}
