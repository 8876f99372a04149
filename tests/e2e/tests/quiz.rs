//! The quiz end to end, in every engine: each test below runs once per engine, as
//! `chromium::name`, `firefox::name` and `webkit::name`
//! (`cargo xtask test --engine chromium` runs one engine's copies).

use e2e::{Engine, Harness};

const CLINIC_TEL: &str = "tel:+18445662723";
const CLINIC_NUMBER: &str = "844-566-2723";

fn start_screen_says_not_a_diagnosis_and_call_911(h: Harness) {
    let page = h.open();
    let text = page.start_screen_text();
    assert!(text.contains("not a diagnosis"), "start screen: {text}");
    assert!(
        text.contains("In an emergency, call 911"),
        "start screen: {text}"
    );
    let call = page.call_link("call-911");
    assert_eq!(call.href, "tel:911");
    assert_eq!(call.number_text, "911");
}

fn a_visitor_without_red_flags_gets_the_clinic_call_button(h: Harness) {
    let page = h.open();
    page.start();
    assert_eq!(page.question_id(), "emergency-screen");
    page.answer("no");
    assert_eq!(page.question_id(), "urgent-screen");
    page.answer("no");
    assert_eq!(page.question_id(), "daily-life");
    page.answer("a-lot");

    let result = page.result();
    assert_eq!(result.tier, "call-clinic");
    assert!(result
        .headline
        .contains("worth talking over with the clinic"));
    assert!(result.text.contains("not a diagnosis"), "{}", result.text);
    assert!(result.text.contains("Why this result"), "{}", result.text);
    let call = page.call_link("call-clinic");
    assert_eq!(call.href, CLINIC_TEL);
    assert_eq!(call.number_text, CLINIC_NUMBER);
    assert!(call.label.contains("Call Wellness and Pain"), "{call:?}");
}

fn an_emergency_answer_ends_the_quiz_with_911_and_no_clinic(h: Harness) {
    let page = h.open();
    page.start();
    page.answer("yes");

    let result = page.result();
    assert_eq!(result.tier, "emergency");
    assert!(result.headline.contains("emergency care now"), "{result:?}");
    assert_eq!(page.call_link("call-911").href, "tel:911");
    assert!(!page.has("call-clinic"));
    assert!(!result.text.contains(CLINIC_NUMBER), "{}", result.text);
}

fn next_waits_for_an_answer_and_back_keeps_it(h: Harness) {
    let page = h.open();
    page.start();
    assert!(!page.next_enabled(), "Next is enabled before any answer");
    page.answer("no");
    assert_eq!(page.question_id(), "urgent-screen");
    page.back();
    assert_eq!(page.question_id(), "emergency-screen");
    assert!(page.is_chosen("no"), "the answer was lost on Back");
    assert!(page.next_enabled());
}

fn the_page_requests_nothing_outside_its_own_origin(h: Harness) {
    let page = h.open();
    page.start();
    page.answer("no");
    page.answer("yes");
    // An urgent answer does not end the quiz, and a mild answer after it cannot lower it.
    page.answer("a-little");
    assert_eq!(page.result().tier, "urgent");

    // The serving side: everything asked of us exists and was served.
    let requests = h.server.requests();
    for request in &requests {
        assert_eq!(request.status, 200, "{request:?} in {requests:#?}");
    }
    for suffix in [".js", ".wasm", ".css"] {
        assert!(
            requests.iter().any(|r| r.path.ends_with(suffix)),
            "no {suffix} was served: {requests:#?}"
        );
    }
    // The browser side: nothing was loaded from anywhere else.
    let origin = h.server.origin();
    let urls = page.loaded_urls();
    assert!(urls.len() >= 3, "too few loads recorded: {urls:?}");
    for url in &urls {
        assert!(
            url.starts_with(&format!("{origin}/")),
            "{url} is not from {origin}"
        );
    }
}

/// Declares each test once per engine, in a module named after the engine.
macro_rules! in_every_engine {
    ($($test:ident),* $(,)?) => {
        in_every_engine!(@engine chromium, Engine::Chromium; $($test),*);
        in_every_engine!(@engine firefox, Engine::Firefox; $($test),*);
        in_every_engine!(@engine webkit, Engine::Webkit; $($test),*);
    };
    (@engine $module:ident, $engine:expr; $($test:ident),*) => {
        mod $module {
            use super::*;
            $(
                #[test]
                fn $test() {
                    super::$test(Harness::start($engine, stringify!($test)));
                }
            )*
        }
    };
}

in_every_engine!(
    start_screen_says_not_a_diagnosis_and_call_911,
    a_visitor_without_red_flags_gets_the_clinic_call_button,
    an_emergency_answer_ends_the_quiz_with_911_and_no_clinic,
    next_waits_for_an_answer_and_back_keeps_it,
    the_page_requests_nothing_outside_its_own_origin,
);
