//! The content compiled into the app is the content folder's, as the core's reader reads
//! it: `build.rs` emitted nothing else, and dropped nothing. The core's tests (every
//! path, the safety table) run on the reader's quiz, so this is what makes them the
//! app's.

use std::path::Path;

use quiz::source::{content_file, load_clinic, load_quiz, File};
use quiz::validate::fingerprint;
use symptom_quiz::clinic::CLINIC;
use symptom_quiz::content::QUIZ;

fn read(file: &str) -> (String, String) {
    let (path, name) = content_file(Path::new(env!("CARGO_MANIFEST_DIR")), file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    (name, text)
}

#[test]
fn the_compiled_quiz_is_the_content_folders() {
    let ((name, text), (_, article)) = (read("quiz.toml"), read("article.txt"));
    let read = load_quiz(
        File {
            name: &name,
            text: &text,
        },
        &article,
    )
    .expect("it builds");
    // The fingerprint hashes every field (comments and layout aside).
    assert_eq!(
        fingerprint(&QUIZ, &article, &CLINIC),
        fingerprint(&read, &article, &CLINIC)
    );
    // What the build checks is not compiled in (`quiz::Checks`): the rest is the same.
    assert_ne!(read.checks, &quiz::Checks::NONE);
    let read = quiz::Quiz {
        checks: &quiz::Checks::NONE,
        ..read
    };
    assert_eq!(format!("{:?}", QUIZ), format!("{read:?}"));
}

#[test]
fn the_compiled_clinic_is_the_content_folders() {
    let ((name, text), (_, article)) = (read("clinic.toml"), read("article.txt"));
    let read = load_clinic(File {
        name: &name,
        text: &text,
    })
    .expect("it builds");
    // The build keeps a review only when it was given to this very content.
    let read = quiz::Clinic {
        content: read
            .content
            .for_content(&fingerprint(&QUIZ, &article, &read)),
        ..read
    };
    assert_eq!(format!("{CLINIC:?}"), format!("{read:?}"));
}
