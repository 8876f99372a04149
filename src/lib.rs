//! symptom-quiz: a back-pain symptom quiz for the Wellness and Pain clinic that runs
//! entirely in the visitor's browser.
//!
//! - the `quiz` crate (`crates/quiz`) is the pure core (questions, flow, triage); it knows
//!   nothing of the browser. [`content`] is the quiz compiled into it.
//! - [`state`] is the one reducer the screens dispatch to.
//! - [`app`] is the root: it provides the state, runs the hooks and shows the screen.
//! - [`screens`] are the start, question and result screens; [`components`] the small
//!   parts they share (call link, language switch, forget button, print summary).
//! - [`clinic`] is the clinic's identity, fixed at build time.
//! - [`edge`] is the browser edge: URL parameters, storage, history, focus.
//! - [`hooks`] are the app's effects, one named hook each (history, the embed bridge,
//!   saved progress, the document's language).
//! - the screens' strings are the core's (`quiz::strings`), English written in, the
//!   other languages fetched when a visitor needs them (`quiz::pack`, `edge::load_lang`).
//! - [`settings`] validates presentation settings (accent, radius, font).
//! - [`fallback`] replaces the quiz with 911 and the clinic's phone if it ever panics.

pub mod app;
pub mod clinic;
pub mod components;
pub mod content;
pub mod edge;
pub mod fallback;
pub mod hooks;
pub mod screens;
pub mod settings;
pub mod state;

use quiz::Lang;

/// The id of the element the quiz mounts into (see `index.html`).
pub const ROOT_ID: &str = "symptom-quiz";

/// Mounts the quiz into its root element (see [`root_element`]). When the visitor's
/// language, or that of the answers kept on this device, is not written into the wasm,
/// its pack is fetched first; if it cannot be, the quiz starts in English.
pub fn run() {
    fallback::install_panic_hook();
    // The page's URL, read once: the quiz's setup and its theme; then the language to
    // start in. The answers kept on this device may need another (`App` reads them).
    let (config, theme) = edge::read_page();
    let lang = edge::initial_lang(&config);
    let kept = edge::load_progress(&config).map(|saved| saved.lang);
    let mut missing: Vec<Lang> = [Some(lang), kept]
        .into_iter()
        .flatten()
        .filter(|lang| !quiz::pack::installed(*lang))
        .collect();
    missing.dedup();
    let props = app::AppProps { config, lang };
    if missing.is_empty() {
        mount(props, theme);
    } else {
        yew::platform::spawn_local(async move {
            for lang in missing {
                if let Err(why) = edge::load_lang(lang).await {
                    gloo::console::warn!(why);
                    edge::started_without(lang);
                }
            }
            mount(props, theme);
        });
    }
}

fn mount(props: app::AppProps, theme: edge::Theme) {
    match root_element() {
        Some(root) => {
            // The page's own message (for browsers without WebAssembly) goes once the
            // quiz can run. Not `set_inner_html`: under Trusted Types (README
            // "Deploying") a string assigned to `innerHTML` is refused.
            root.set_text_content(None);
            edge::apply_theme(&theme);
            yew::Renderer::<app::App>::with_root_and_props(root, props).render()
        }
        None => yew::Renderer::<app::App>::with_props(props).render(),
    };
}

/// Where the quiz lives: `#symptom-quiz`, or `<body>` when the page has no such element.
/// The app and its fallback both use it, so a crash replaces exactly the quiz.
pub fn root_element() -> Option<web_sys::Element> {
    let document = gloo::utils::document();
    document
        .get_element_by_id(ROOT_ID)
        .or_else(|| document.body().map(Into::into))
}
