//! Compiles the content in: reads `quiz.toml`, `clinic.toml` and `article.txt` from the
//! content folder (`SYMPTOM_QUIZ_CONTENT`, set in `.cargo/config.toml` to `content`;
//! a clinic may point it at a folder of its own, relative to the project root or
//! absolute), validates them (a broken or unsafe quiz does not build), and writes them
//! as `static` Rust data to `$OUT_DIR`, which `src/content.rs` and `src/clinic.rs`
//! include. The browser never parses TOML. In the wasm, the languages after the first
//! are packs fetched when a visitor needs them (`quiz::pack`), not code.
//!
//! The reader, the validator and the emitter are the quiz core's (`crates/quiz`, feature
//! `content-tools`), so the build, `cargo xtask check-content` and the tests share one checker.

use std::path::{Path, PathBuf};
use std::{env, fs, process};

use quiz::emit::app_code;
use quiz::source::{content_file, load_clinic, load_quiz, File, CONTENT_SETTING};
use quiz::{validate, Clinic};

fn main() {
    println!("cargo:rerun-if-env-changed={CONTENT_SETTING}");
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let read = |file: &str| {
        let (path, name) = content_file(&root, file);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| {
            eprintln!("error: cannot read {name} (the content folder is {CONTENT_SETTING}): {e}");
            process::exit(1)
        });
        (name, text)
    };
    let (quiz_file, clinic_file, article) =
        (read("quiz.toml"), read("clinic.toml"), read("article.txt"));
    let quiz = load_quiz(
        File {
            name: &quiz_file.0,
            text: &quiz_file.1,
        },
        &article.1,
    );
    let clinic = load_clinic(File {
        name: &clinic_file.0,
        text: &clinic_file.1,
    });
    let mut problems = Vec::new();
    if let Err(p) = &quiz {
        problems.extend(p.iter().cloned());
    }
    if let Err(p) = &clinic {
        problems.extend(p.iter().cloned());
    }
    if !problems.is_empty() {
        eprintln!(
            "The quiz content has {} problem(s); run `cargo xtask check-content`:",
            problems.len()
        );
        for p in &problems {
            eprintln!("error: {p}");
        }
        process::exit(1);
    }
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let write = |name: &str, code: String| {
        fs::write(Path::new(&out).join(name), code).expect("OUT_DIR is writable");
    };
    let (quiz, clinic) = (quiz.unwrap(), clinic.unwrap());
    // A review stands only for the content it was given (`ContentVersion::for_content`).
    let fingerprint = validate::fingerprint(&quiz, &article.1, &clinic);
    if !clinic.content.names(&fingerprint) {
        println!(
            "cargo:warning=the content changed since content version {}: give it a new \
             version (run `cargo xtask check-content`)",
            clinic.content.version
        );
    }
    let clinic = Clinic {
        content: clinic.content.for_content(&fingerprint),
        ..clinic
    };
    // In the wasm, the languages after the first go to packs, fetched when needed
    // (`quiz::pack`); `cargo xtask trunk-post-build` writes the files from the same call.
    let packed = env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    let code = app_code(&quiz, &clinic, packed);
    write("quiz.rs", code.quiz);
    write("clinic.rs", code.clinic);
    write("packs.rs", code.packs);
}
