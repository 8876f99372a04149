//! Architecture invariant: the quiz core (`src/quiz.rs`, `src/quiz/`) knows nothing of
//! the browser. It names no browser crate and reaches no module outside itself.

use std::fs;
use std::path::{Path, PathBuf};

const BROWSER_CRATES: [&str; 5] = ["yew", "web_sys", "gloo", "js_sys", "wasm_bindgen"];

/// The lines of `source` that use a browser crate or a module outside the core.
fn impure_lines(source: &str) -> Vec<String> {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with("//"))
        .filter(|line| {
            let code = line.split("//").next().unwrap_or_default();
            let names_browser_crate = BROWSER_CRATES.iter().any(|krate| {
                code.contains(&format!("{krate}::"))
                    || code.contains(&format!("use {krate}"))
                    || code.contains(&format!("extern crate {krate}"))
            });
            let leaves_core = code
                .match_indices("crate::")
                .any(|(i, _)| !code[i..].starts_with("crate::quiz"));
            names_browser_crate || leaves_core
        })
        .map(String::from)
        .collect()
}

fn core_files() -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join("quiz.rs")];
    let mut dirs = vec![src.join("quiz")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("src/quiz/ exists") {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn the_quiz_core_uses_no_browser_crate() {
    let files = core_files();
    assert!(files.len() >= 2, "found only {files:?}");
    for file in files {
        let source = fs::read_to_string(&file).unwrap();
        let bad = impure_lines(&source);
        assert!(
            bad.is_empty(),
            "{} reaches the browser: {bad:#?}",
            file.display()
        );
    }
}

#[test]
fn the_check_catches_browser_imports() {
    assert_eq!(impure_lines("use yew::prelude::*;").len(), 1);
    assert_eq!(impure_lines("let d = gloo::utils::document();").len(), 1);
    assert_eq!(impure_lines("use crate::state::Action;").len(), 1);
    assert!(impure_lines("use crate::quiz::Tier; // not yew::").is_empty());
    assert!(impure_lines("/// Knows nothing of yew::Html.").is_empty());
}
