//! The page without JavaScript still gives both numbers (`clinical-safety.md` §4), and
//! the clinic's name and phone there are the compiled-in ones (one source of truth:
//! `src/content/clinic.toml`, compiled in by `build.rs`).

use symptom_quiz::clinic::{CLINIC, EMERGENCY};

fn noscript() -> String {
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html"))
        .expect("index.html");
    let start = page
        .find("<noscript>")
        .expect("index.html has a <noscript>");
    let end = page.find("</noscript>").expect("the <noscript> is closed");
    page[start..end].to_string()
}

#[test]
fn the_noscript_message_gives_911_and_the_clinic_phone() {
    let text = noscript();
    assert!(
        text.contains(&format!("href=\"{}\"", EMERGENCY.tel)),
        "{text}"
    );
    assert!(text.contains(CLINIC.name), "{text}");
    assert!(
        text.contains(&format!("href=\"{}\"", CLINIC.phone.tel)),
        "{text}"
    );
    assert!(text.contains(CLINIC.phone.display), "{text}");
}
