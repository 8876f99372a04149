//! symptom-quiz: a back-pain symptom quiz for the Wellness and Pain clinic that runs
//! entirely in the visitor's browser.
//!
//! - [`quiz`] is the pure core (questions, flow, triage); it knows nothing of the browser.
//! - [`state`] is the one reducer the screens dispatch to.
//! - [`components`] are the screens, one Yew function component per file.
//! - [`clinic`] is the clinic's identity, fixed at build time.
//! - [`fallback`] replaces the quiz with 911 and the clinic's phone if it ever panics.

pub mod clinic;
pub mod components;
pub mod fallback;
pub mod quiz;
pub mod state;

/// The id of the element the quiz mounts into (see `index.html`).
pub const ROOT_ID: &str = "symptom-quiz";

/// Mounts the quiz into `#symptom-quiz`, or into `<body>` when the page has no such
/// element.
pub fn run() {
    fallback::install_panic_hook();
    match gloo::utils::document().get_element_by_id(ROOT_ID) {
        Some(root) => yew::Renderer::<components::App>::with_root(root).render(),
        None => yew::Renderer::<components::App>::new().render(),
    };
}
