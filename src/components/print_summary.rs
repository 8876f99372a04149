use yew::prelude::*;

use crate::content::QUIZ;
use crate::state::QuizContext;
use quiz::strings::strings;

/// The answers, question by question, for the printed summary to bring to an
/// appointment. Shown only in print (see `styles/main.css`), in the current language.
#[function_component]
pub fn PrintSummary() -> Html {
    let quiz = use_context::<QuizContext>().expect("PrintSummary needs the QuizContext");
    let (lang, who) = (quiz.lang, quiz.perspective);
    let walk = QUIZ.walk(&quiz.answers);
    let rows = walk.asked.iter().filter_map(|question| {
        let answer = question.answer_text(walk.answers.get(question.id)?, lang, who);
        // A `<div>` per pair (allowed in a `<dl>`) keeps a question with its answer
        // on paper.
        Some(html! {
            <div class="answers__pair">
                <dt>{ question.prompt.get(lang, who) }</dt>
                <dd>{ answer }</dd>
            </div>
        })
    });
    html! {
        <section class="print-only" data-testid="print-summary" aria-hidden="true">
            <h2>{ strings(lang).your_answers }</h2>
            <dl class="answers">{ for rows }</dl>
        </section>
    }
}
