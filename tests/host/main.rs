//! The host tests, as one binary (one link of the app and its dependencies on 2 cores,
//! not nine): each module is one concern, named in the test names it prints
//! (`triage::the_independent_table_holds`).
//!
//! They run with plain `cargo test` on the host; the app's tests in a real DOM are
//! `tests/web.rs`, on wasm.
#![cfg(not(target_arch = "wasm32"))]

mod content;
mod core_is_pure;
mod docs;
mod fallbacks;
mod flow;
mod hostile;
mod saved;
mod settings;
mod triage;

// The repository's own content, as the fixture the reader's checks edit: the same
// whatever folder a clinic's build reads (`SYMPTOM_QUIZ_CONTENT`), whose quiz the
// compiled-in `QUIZ` and `CLINIC` are.
const QUIZ_TOML: &str = include_str!("../../content/quiz.toml");
const CLINIC_TOML: &str = include_str!("../../content/clinic.toml");
const ARTICLE: &str = include_str!("../../content/article.txt");

/// The xtask's way to name a content file, which `content::check_content` (the xtask's
/// report, included by path) refers to at the crate root; the tests give the report
/// texts, not files.
#[allow(dead_code)]
fn content_file(file: &str) -> (std::path::PathBuf, String) {
    (file.into(), file.into())
}
