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

/// Everyday chronic pain, no warning signs: every kind of question on the way
/// (checklists, single choices, typed age, tapped scale).
fn a_visitor_without_red_flags_gets_the_clinic_call_button(h: Harness) {
    let page = h.open();
    page.start();
    assert_eq!(page.question_id(), "nerve-signs");
    page.answer(&["none"]);
    page.answer(&["none"]);
    assert_eq!(page.question_id(), "injury");
    page.answer(&["no"]);
    assert_eq!(page.question_id(), "age");
    assert_eq!(
        page.element("number").attribute("inputmode").as_deref(),
        Some("numeric")
    );
    page.answer_number("45");
    page.answer(&["no"]); // pregnancy
    page.answer(&["none"]);
    page.answer(&["none"]);
    assert_eq!(page.question_id(), "acupuncture-so-far");
    page.answer(&["no"]);
    page.answer(&["over-12-weeks"]);
    assert_eq!(page.question_id(), "how-bad");
    page.answer_scale(7);
    page.answer(&["a-lot"]);
    page.answer(&["did-not-help"]);
    page.answer(&["stiff", "stress"]);
    page.answer(&["blood-thinners"]);

    let result = page.result();
    assert_eq!(result.tier, "call-clinic");
    assert!(result
        .headline
        .contains("worth talking over with the clinic"));
    for expected in [
        "not a diagnosis",
        "Why this result",
        "If it gets worse",
        "6 to 12 sessions",
        "weak kidney Qi",
        "liver Qi stagnation",
        "Blood thinners",
        "American College of Physicians",
        "Content version",
    ] {
        assert!(
            result.text.contains(expected),
            "no {expected:?} in {}",
            result.text
        );
    }
    let call = page.call_link("call-clinic");
    assert_eq!(call.href, CLINIC_TEL);
    assert_eq!(call.number_text, CLINIC_NUMBER);
    assert!(call.label.contains("Call Wellness and Pain"), "{call:?}");
}

fn an_emergency_answer_ends_the_quiz_with_911_and_no_clinic(h: Harness) {
    let page = h.open();
    page.start();
    page.answer(&["saddle-numbness"]);

    let result = page.result();
    assert_eq!(result.tier, "emergency");
    assert!(result.headline.contains("emergency care now"), "{result:?}");
    assert!(
        result.text.contains("groin"),
        "the reason quotes the answer: {}",
        result.text
    );
    assert_eq!(page.call_link("call-911").href, "tel:911");
    assert!(!page.has("call-clinic"));
    assert!(!result.text.contains(CLINIC_NUMBER), "{}", result.text);
    assert!(!result.text.contains("sessions"), "{}", result.text);
}

fn next_waits_for_an_answer_and_back_keeps_it(h: Harness) {
    let page = h.open();
    page.start();
    assert!(!page.next_enabled(), "Next is enabled before any answer");
    page.click("choice-new-bowel");
    page.click("choice-none");
    assert!(
        !page.is_chosen("new-bowel"),
        "None of these leaves other choices ticked"
    );
    page.answer(&[]);
    assert_eq!(page.question_id(), "body-signs");
    page.back();
    assert_eq!(page.question_id(), "nerve-signs");
    assert!(page.is_chosen("none"), "the answer was lost on Back");
    assert!(page.next_enabled());
}

fn the_page_requests_nothing_outside_its_own_origin(h: Harness) {
    let page = h.open();
    page.start();
    page.answer(&["none"]);
    page.answer(&["none"]);
    page.answer(&["no"]);
    page.answer_number("62");
    page.answer(&["fever"]);
    // An urgent answer does not end the quiz, and milder answers after it cannot lower it.
    page.answer(&["none"]);
    page.answer(&["none"]); // headache over 50
    page.answer(&["no"]); // first time
    page.answer(&["no"]);
    page.answer(&["under-4-weeks"]);
    page.answer_scale(1);
    page.answer(&["not-at-all"]);
    page.answer(&["helped"]);
    page.answer(&["none"]);
    page.answer(&["none"]);
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
