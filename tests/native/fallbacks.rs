//! The page without JavaScript still gives both numbers (the safety rules, ARCHITECTURE.md), and
//! the clinic's name and phone there come from one source, `content/clinic.toml`:
//! `index.html` holds placeholders that the build fills in (`cargo xtask
//! trunk-post-build`, tested in the xtask and, on the built page, in the e2e suite).

use symptom_quiz::clinic::{CLINIC, EMERGENCY};

/// The part of `index.html` from `open` to `close`.
fn part(open: &str, close: &str) -> String {
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html"))
        .expect("index.html");
    let start = page
        .find(open)
        .unwrap_or_else(|| panic!("index.html has no {open}"));
    let end = start + page[start..].find(close).expect("the element is closed");
    page[start..end].to_string()
}

#[test]
fn the_noscript_message_gives_911_and_the_clinic_phone() {
    assert_both_numbers(&part("<noscript>", "</noscript>"));
}

/// What stays in the page when the browser runs no WebAssembly.
#[test]
fn the_loading_message_gives_911_and_the_clinic_phone() {
    assert_both_numbers(&part("<div class=\"boot\"", "</div>"));
}

fn assert_both_numbers(text: &str) {
    assert!(
        text.contains(&format!("href=\"{}\"", EMERGENCY.tel)),
        "{text}"
    );
    for placeholder in ["%CLINIC_NAME%", "href=\"%CLINIC_TEL%\"", "%CLINIC_PHONE%"] {
        assert!(text.contains(placeholder), "no {placeholder} in {text}");
    }
    // A Spanish reader gets both numbers too, in one line of their own.
    let spanish = text
        .split("<p lang=\"es\">")
        .nth(1)
        .unwrap_or_else(|| panic!("no Spanish line in {text}"));
    let spanish = &spanish[..spanish.find("</p>").expect("the line is closed")];
    assert!(
        spanish.contains("llame al <a href=\"tel:911\">911</a>"),
        "{spanish}"
    );
    assert!(spanish.contains("%CLINIC_PHONE%"), "{spanish}");
    // No hand copy that a change of clinic.toml would leave behind.
    assert!(!text.contains(CLINIC.phone.tel), "{text}");
    assert!(!text.contains(CLINIC.name), "{text}");
}
