//! The core's tests, as one binary: each module is one concern, named in the test names
//! it prints (`triage::the_independent_table_holds`). They run with
//! `cargo test -p quiz`, which compiles no browser crate (`pure` checks it).

mod compare;
mod content;
mod fingerprint;
mod flow;
mod hostile;
mod pack;
mod pure;
mod saved;
mod triage;

use std::path::Path;
use std::sync::LazyLock;

use quiz::source::{content_file, load_quiz, File};
use quiz::Quiz;

// The repository's own content, as the fixture the reader's checks edit: the same
// whatever folder a clinic's build reads.
const QUIZ_TOML: &str = include_str!("../../../../content/quiz.toml");
const CLINIC_TOML: &str = include_str!("../../../../content/clinic.toml");
const ARTICLE: &str = include_str!("../../../../content/article.txt");

/// The quiz the build compiles in: the content folder's (`SYMPTOM_QUIZ_CONTENT`, which
/// `.cargo/config.toml` sets for `cargo test` too), read once with the build's reader.
/// The app's native tests check that its compiled-in `QUIZ` is this quiz.
static QUIZ: LazyLock<Quiz> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let read = |file: &str| {
        let (path, name) = content_file(&root, file);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        (name, text)
    };
    let ((name, text), (_, article)) = (read("quiz.toml"), read("article.txt"));
    load_quiz(
        File {
            name: &name,
            text: &text,
        },
        &article,
    )
    .unwrap_or_else(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("the content does not build:\n{}", lines.join("\n"))
    })
});
