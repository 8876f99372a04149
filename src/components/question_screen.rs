use yew::prelude::*;

use crate::quiz::{Question, QUIZ};
use crate::state::{Action, QuizContext};

#[derive(Properties, PartialEq)]
pub struct QuestionScreenProps {
    pub question: &'static Question,
}

/// One question: its choices as a native radio group, "why we ask", Back and Next.
/// Next submits the form, so Enter continues; it stays disabled until answered.
#[function_component]
pub fn QuestionScreen(props: &QuestionScreenProps) -> Html {
    let quiz = use_context::<QuizContext>().expect("QuestionScreen needs the QuizContext");
    let question = props.question;
    let selected = quiz.answers.get(question.id);
    let number = QUIZ.path(&quiz.answers).len();

    let onsubmit = {
        let quiz = quiz.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            quiz.dispatch(Action::Next);
        })
    };
    let onback = {
        let quiz = quiz.clone();
        Callback::from(move |_| quiz.dispatch(Action::Back))
    };
    let choices = question.choices.iter().map(|choice| {
        let onchange = {
            let quiz = quiz.clone();
            Callback::from(move |_| quiz.dispatch(Action::Choose(question.id, choice.id)))
        };
        html! {
            <label class="choice">
                <input type="radio" name={question.id.0} value={choice.id.0}
                    data-testid={format!("choice-{}", choice.id.0)}
                    checked={selected == Some(choice.id)} {onchange} />
                <span>{ choice.label }</span>
            </label>
        }
    });

    html! {
        <form class="screen screen--question" key={question.id.0} data-testid="question"
            data-question={question.id.0} {onsubmit}>
            <p class="progress" data-testid="progress">
                { format!("Question {number} of {}", QUIZ.questions.len()) }
            </p>
            <fieldset>
                <legend><h2 data-testid="question-prompt">{ question.prompt }</h2></legend>
                <p class="why"><strong>{ "Why we ask: " }</strong>{ question.why }</p>
                <div class="choices">{ for choices }</div>
            </fieldset>
            <div class="nav">
                <button class="button" type="button" data-testid="back" onclick={onback}>
                    { "Back" }
                </button>
                <button class="button button--primary" type="submit" data-testid="next"
                    disabled={selected.is_none()}>
                    { "Next" }
                </button>
            </div>
        </form>
    }
}
