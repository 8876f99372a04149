//! `cargo xtask check-content`: the build's content check, in seconds and without a
//! wasm build, with the figures a content editor wants: how long the paths are, how
//! many were walked, and each English text's reading grade.
//!
//! It runs the quiz core's own reader and validator, included by path exactly as
//! `build.rs` includes them, so the check here and the build's can never disagree.

// Only the reading and validation half of these files is used here.
#![allow(dead_code)]

#[path = "../../src/quiz/clinic.rs"]
mod clinic;
#[path = "../../src/quiz/flow.rs"]
mod flow;
#[path = "../../src/quiz/model.rs"]
mod model;
#[path = "../../src/quiz/readability.rs"]
mod readability;
#[path = "../../src/quiz/source.rs"]
mod source;
#[path = "../../src/quiz/validate.rs"]
mod validate;

use std::fs;

use model::Tier;
use source::{load_clinic, load_quiz, File};

/// Target for the average reading grade of the English texts (`product.md`: plain
/// words, about grade 8).
const GRADE_TARGET: f64 = 8.0;

pub fn check_content() -> Result<(), String> {
    let (quiz_name, quiz_text) = read("quiz.toml")?;
    let (clinic_name, clinic_text) = read("clinic.toml")?;
    let (_, article) = read("article.txt")?;

    let clinic = load_clinic(File {
        name: &clinic_name,
        text: &clinic_text,
    });
    let quiz = load_quiz(
        File {
            name: &quiz_name,
            text: &quiz_text,
        },
        &article,
    );
    let mut problems = Vec::new();
    if let Err(p) = &clinic {
        problems.extend(p.iter().map(ToString::to_string));
    }
    if let Err(p) = &quiz {
        problems.extend(p.iter().map(ToString::to_string));
    }
    if !problems.is_empty() {
        for p in &problems {
            println!("error: {p}");
        }
        return Err(format!(
            "{} problem(s) in the content; the quiz will not build",
            problems.len()
        ));
    }
    let (quiz, clinic) = (quiz.unwrap(), clinic.unwrap());

    println!("English reading grades (Flesch–Kincaid), hardest first:");
    let mut graded: Vec<(f64, String, &str)> = validate::english_texts(&quiz)
        .into_iter()
        .filter_map(|(item, text)| readability::grade(text).map(|g| (g, item.to_string(), text)))
        .collect();
    graded.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (grade, item, text) in &graded {
        println!("  {grade:5.1}  {item}: {text}");
    }
    let average = graded.iter().map(|g| g.0).sum::<f64>() / graded.len().max(1) as f64;

    let found = validate::explore(&quiz, &mut |_, _| {});
    let (shortest, longest, median) = found.path_lengths();
    let rules = |tier: Tier| quiz.rules.iter().filter(|r| r.tier == tier).count();
    println!();
    println!(
        "Content version {} of {}",
        clinic.content.version, clinic.name
    );
    println!(
        "  phone shown as {} and dialled as {}",
        clinic.phone.display, clinic.phone.tel
    );
    match clinic.content.reviewed_by {
        Some(by) => println!(
            "  reviewed by {by} on {}",
            clinic.content.reviewed_on.unwrap_or("?")
        ),
        None => println!("  warning: not yet reviewed by a clinician (set [content] reviewed_by)"),
    }
    for (missing, field) in [
        (clinic.booking_url.is_none(), "booking_url"),
        (clinic.locations.is_empty(), "locations"),
        (clinic.hours.is_empty(), "hours"),
        (clinic.after_hours.is_none(), "after_hours"),
        (clinic.languages.is_empty(), "languages"),
    ] {
        if missing {
            println!("  note: clinic.toml has no {field}; results leave it out");
        }
    }
    println!(
        "{} questions in {} sections; {} rules (emergency {}, urgent {}, doctor-first {}, \
         call-clinic {}, self-care {}); {} patterns; {} things to tell; {} expectations",
        quiz.questions.len(),
        quiz.sections.len(),
        quiz.rules.len(),
        rules(Tier::Emergency),
        rules(Tier::Urgent),
        rules(Tier::DoctorFirst),
        rules(Tier::CallClinic),
        rules(Tier::SelfCare),
        quiz.patterns.len(),
        quiz.tell.len(),
        quiz.expectations.len(),
    );
    println!(
        "Paths walked: all {} (every checklist combination and age range), merged into {} \
         states; questions per path: {shortest} to {longest}, median {median}",
        found.paths, found.states
    );
    println!(
        "Average English reading grade: {average:.1} over {} texts (target ≤ {GRADE_TARGET}){}",
        graded.len(),
        if average <= GRADE_TARGET {
            ""
        } else {
            " — above target"
        }
    );
    println!("Content OK: every path ends in a tier through a named rule.");
    Ok(())
}

/// A file of the content folder: its name as people read it, and its text.
fn read(file: &str) -> Result<(String, String), String> {
    let (path, name) = crate::content_file(file);
    let text = fs::read_to_string(path).map_err(|e| {
        format!("cannot read {name} (the content folder is SYMPTOM_QUIZ_CONTENT): {e}")
    })?;
    Ok((name, text))
}

/// The placeholders `index.html` holds where the clinic's identity goes (the loading
/// message and the `<noscript>` text, which must work without the wasm), and Trunk's
/// `post_build` hook (`cargo xtask trunk-post-build`) fills in from `clinic.toml`: one
/// source for the name and number, read by the same reader as the build's.
const NAME: &str = "%CLINIC_NAME%";
const PHONE: &str = "%CLINIC_PHONE%";
const TEL: &str = "%CLINIC_TEL%";

/// Trunk's hook: the clinic's name and phone into the staged `index.html`.
pub fn stamp_clinic() -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .ok_or("trunk-post-build is Trunk's hook (TRUNK_STAGING_DIR is not set)")?;
    let page_path = std::path::Path::new(&staging).join("index.html");
    let (name, text) = read("clinic.toml")?;
    let clinic = load_clinic(File {
        name: &name,
        text: &text,
    })
    .map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        lines.join("\n")
    })?;
    let page = fs::read_to_string(&page_path)
        .map_err(|e| format!("cannot read {}: {e}", page_path.display()))?;
    let stamped = stamp(&page, clinic.name, clinic.phone.display, clinic.phone.tel)?;
    fs::write(&page_path, stamped).map_err(|e| format!("{}: {e}", page_path.display()))
}

/// `page` with the placeholders replaced (HTML-escaped); each must be there, twice
/// (the loading message and `<noscript>`), and none may be left.
fn stamp(page: &str, name: &str, display: &str, tel: &str) -> Result<String, String> {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut page = page.to_string();
    for (placeholder, value) in [(NAME, name), (PHONE, display), (TEL, tel)] {
        let found = page.matches(placeholder).count();
        if found < 2 {
            return Err(format!(
                "index.html has {placeholder} {found} time(s); the loading message and the \
                 <noscript> text each need it"
            ));
        }
        page = page.replace(placeholder, &escape(value));
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::stamp;

    const PAGE: &str = "<div class=boot><p>Call %CLINIC_NAME% at <a href=\"%CLINIC_TEL%\">\
        %CLINIC_PHONE%</a></p></div><noscript>%CLINIC_NAME% <a href=\"%CLINIC_TEL%\">\
        %CLINIC_PHONE%</a></noscript>";

    #[test]
    fn the_clinic_goes_into_both_messages_escaped() {
        let page = stamp(
            PAGE,
            "Back & Neck <Care>",
            "844-566-2723",
            "tel:+18445662723",
        )
        .unwrap();
        assert_eq!(
            page.matches("Back &amp; Neck &lt;Care&gt;").count(),
            2,
            "{page}"
        );
        assert_eq!(
            page.matches("href=\"tel:+18445662723\"").count(),
            2,
            "{page}"
        );
        assert_eq!(page.matches(">844-566-2723<").count(), 2, "{page}");
        assert!(!page.contains("%CLINIC_"), "{page}");
    }

    #[test]
    fn a_missing_placeholder_is_an_error() {
        let hand_copied = PAGE.replacen("%CLINIC_TEL%", "tel:+18445662723", 1);
        let error = stamp(&hand_copied, "X", "1", "tel:1").unwrap_err();
        assert!(error.contains("%CLINIC_TEL% 1 time(s)"), "{error}");
    }
}
