use yew::prelude::*;

use crate::components::line_call;
use crate::content::QUIZ;
use crate::state::{Action, QuizContext};
use quiz::strings::strings;
use quiz::{Answer, Kind, Question};

#[derive(Properties)]
pub struct QuestionScreenProps {
    pub question: &'static Question,
}

impl PartialEq for QuestionScreenProps {
    /// Questions are the compiled-in content, one per id: the id says whether it is
    /// another question. (A derived comparison walks every text, condition and source of
    /// both, and costs about 200 bytes of wasm, brotli.)
    fn eq(&self, other: &Self) -> bool {
        self.question.id == other.question.id
    }
}

/// One question, answered with native controls: a radio group (single, yes-no, and the
/// 0–10 scale as eleven tappable options), checkboxes (checklist), or a number field
/// with a numeric keypad (age). "Why we ask", Back and Next. Next submits the form, so
/// Enter continues — also from a radio button or checkbox, where browsers differ — and
/// it stays disabled until the question is answered.
#[function_component]
pub fn QuestionScreen(props: &QuestionScreenProps) -> Html {
    let quiz = use_context::<QuizContext>().expect("QuestionScreen needs the QuizContext");
    let question = props.question;
    let (lang, who) = (quiz.lang, quiz.perspective);
    let text = strings(lang);
    let progress = text.progress(QUIZ.progress(Some(question.id), &quiz.answers));
    let section = QUIZ
        .section(question.section)
        .map(|s| s.title.get(lang, who));

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
    // Enter on a radio button or checkbox continues, as it does from the number field.
    let onkeydown = {
        let quiz = quiz.clone();
        Callback::from(move |event: KeyboardEvent| {
            let on_choice = event
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|input| matches!(input.type_().as_str(), "radio" | "checkbox"));
            if event.key() == "Enter" && on_choice {
                event.prevent_default();
                quiz.dispatch(Action::Next);
            }
        })
    };

    let chosen = |id| match &quiz.draft {
        Some(Answer::Choices(c)) => c.contains(&id),
        _ => false,
    };
    let controls = match question.kind {
        Kind::Single | Kind::YesNo | Kind::Checklist => {
            let checklist = question.kind == Kind::Checklist;
            let items = question.choices.iter().map(|choice| {
                let onchange = {
                    let quiz = quiz.clone();
                    let id = choice.id;
                    Callback::from(move |_| {
                        quiz.dispatch(if checklist {
                            Action::Toggle(id)
                        } else {
                            Action::Draft(Some(Answer::Choices(vec![id])))
                        })
                    })
                };
                html! {
                    <label class={classes!("choice", choice.exclusive.then_some("choice--none"))}>
                        <input type={if checklist { "checkbox" } else { "radio" }}
                            name={question.id.0} value={choice.id.0}
                            data-testid={format!("choice-{}", choice.id.0)}
                            checked={chosen(choice.id)} {onchange} />
                        <span>{ choice.label.get(lang, who) }</span>
                    </label>
                }
            });
            html! { <div class="choices">{ for items }</div> }
        }
        Kind::Scale => {
            let items = (question.min..=question.max).map(|n| {
                let onchange = {
                    let quiz = quiz.clone();
                    Callback::from(move |_| quiz.dispatch(Action::Draft(Some(Answer::Number(n)))))
                };
                html! {
                    <label class="scale__point">
                        <input type="radio" name={question.id.0} value={n.to_string()}
                            aria-label={text.scale_point.fill(&[&n.to_string()])}
                            data-testid={format!("scale-{n}")}
                            checked={quiz.draft == Some(Answer::Number(n))} {onchange} />
                        <span>{ n }</span>
                    </label>
                }
            });
            html! { <div class="scale">{ for items }</div> }
        }
        Kind::Number => {
            let (min, max) = (question.min, question.max);
            let oninput = {
                let quiz = quiz.clone();
                Callback::from(move |event: InputEvent| {
                    let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                    let value = input.value().trim().parse::<u8>().ok();
                    let answer = value
                        .filter(|n| (min..=max).contains(n))
                        .map(Answer::Number);
                    quiz.dispatch(Action::Draft(answer));
                })
            };
            let value = match quiz.draft {
                Some(Answer::Number(n)) => n.to_string(),
                _ => String::new(),
            };
            html! {
                <input class="number" type="text" inputmode="numeric" pattern="[0-9]*"
                    autocomplete="off" maxlength="3" name={question.id.0}
                    aria-labelledby="question-prompt" data-testid="number"
                    value={value} {oninput} />
            }
        }
    };

    html! {
        <form class="screen screen--question" key={question.id.0} data-testid="question"
            data-question={question.id.0} {onsubmit} {onkeydown}>
            if let Some(line) = quiz.emergency_notice {
                <div class="notice notice--emergency" role="alert" data-testid="emergency-still">
                    <p>{ text.emergency_still }</p>
                    { line_call(line, text, true) }
                </div>
            }
            <p class="progress" data-testid="progress">
                { section.map(|s| html! { <span class="progress__section">{ s }</span> }) }
                { progress }
            </p>
            <fieldset>
                <legend>
                    <h1 id="question-prompt" class="prompt" tabindex="-1" data-focus=""
                        data-testid="question-prompt">
                        { question.prompt.get(lang, who) }
                    </h1>
                </legend>
                { question.hint.map(|h| html! { <p class="hint">{ h.get(lang, who) }</p> }) }
                { controls }
            </fieldset>
            <details class="why" data-testid="why">
                <summary>{ text.why_we_ask }</summary>
                <p>{ question.why.get(lang, who) }</p>
            </details>
            <div class="nav">
                <button class="button" type="button" data-testid="back" onclick={onback}>
                    { text.back }
                </button>
                <button class="button button--primary" type="submit" data-testid="next"
                    disabled={quiz.draft.is_none()}>
                    { text.next }
                </button>
            </div>
        </form>
    }
}
