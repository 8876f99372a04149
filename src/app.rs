use yew::prelude::*;

use crate::clinic::CLINIC;
use crate::components::LanguageSwitch;
use crate::content::QUIZ;
use crate::edge::{self, Config};
use crate::hooks::{use_document_lang, use_embed_bridge, use_history, use_saved_progress};
use crate::screens::{QuestionScreen, ResultScreen, StartScreen};
use crate::state::{QuizContext, State};
use quiz::strings::strings;
use quiz::{Lang, Position};

/// The whole quiz: provides the state, shows the screen for the current position, and
/// keeps the browser in step with it through the app's hooks (`crate::hooks`).
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// How the page set the quiz up (`edge::read_page`, once, in `crate::run`).
    pub config: Config,
    /// The language to start in (`edge::initial_lang`); shown once its pack is in.
    pub lang: Lang,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    // The first language's texts, before any is read (once; again is harmless).
    quiz::pack::install_built_in(crate::content::TEXTS);
    let state = {
        let (config, lang) = (props.config, props.lang);
        use_reducer_eq(move || State::new(config, lang, edge::load_progress(&config)))
    };

    // The path's progress and the outcome, once per render: the host messages and the
    // announcement both use them.
    let current = match state.position {
        Position::Question(id) => Some(id),
        Position::Start | Position::Result => None,
    };
    let progress = QUIZ.progress(current, &state.answers);
    let outcome = QUIZ.outcome(&state.answers).ok();

    use_history(&state);
    let tier = outcome.as_ref().map(|o| o.tier.slug());
    use_embed_bridge(state.config, state.position, progress, tier);
    use_saved_progress(&state);
    use_document_lang(
        state.config,
        state.lang,
        edge::not_loaded_at_start().is_none(),
    );

    let text = strings(state.lang);
    let (screen, announcement) = match state.position {
        Position::Start => (html! { <StartScreen /> }, String::new()),
        Position::Question(id) => match QUIZ.question(id) {
            Some(question) => {
                let progress = text.progress(progress);
                let prompt = question.prompt.get(state.lang, state.perspective);
                (
                    html! { <QuestionScreen {question} /> },
                    text.announce_question.fill(&[&progress, prompt]),
                )
            }
            // The reducer only ever moves to questions of QUIZ.
            None => (html! { <StartScreen /> }, String::new()),
        },
        Position::Result => {
            let headline = outcome
                .as_ref()
                .and_then(|o| o.headline())
                .map(|h| h.get(state.lang, state.perspective))
                .unwrap_or(text.could_not_finish);
            (
                html! { <ResultScreen /> },
                text.announce_result.fill(&[headline]),
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
