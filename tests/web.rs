//! The app's behaviour in a real DOM (headless Chromium via wasm-bindgen-test): mount,
//! click through, and read what a visitor would see.
#![cfg(target_arch = "wasm32")]

use symptom_quiz::app::{App, AppProps};
use symptom_quiz::clinic::CLINIC;
use symptom_quiz::edge;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh app in its own element and waits for the first render. Progress an
/// earlier test saved is cleared first, so every test starts at Start.
async fn mount() -> Element {
    if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
        storage.clear().unwrap();
    }
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let (config, _) = edge::read_page();
    let lang = edge::initial_lang(&config);
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { config, lang }).render();
    yew::scheduler::flush().await;
    root
}

fn find(root: &Element, testid: &str) -> HtmlElement {
    root.query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no [data-testid={testid}] in {}", root.inner_html()))
        .unchecked_into()
}

async fn click(root: &Element, testid: &str) {
    find(root, testid).click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_start_screen_says_not_a_diagnosis_and_call_911() {
    let root = mount().await;
    assert!(find(&root, "not-a-diagnosis")
        .text_content()
        .unwrap()
        .contains("not a diagnosis"));
    assert_eq!(
        find(&root, "call-911").get_attribute("href").as_deref(),
        Some("tel:911")
    );
}

#[wasm_bindgen_test]
async fn next_is_disabled_until_the_question_is_answered() {
    let root = mount().await;
    click(&root, "start").await;
    assert!(find(&root, "next").has_attribute("disabled"));
    click(&root, "choice-low-back").await;
    assert!(!find(&root, "next").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn an_emergency_answer_shows_911_and_not_the_clinic() {
    let root = mount().await;
    click(&root, "start").await;
    click(&root, "choice-low-back").await;
    click(&root, "next").await;
    click(&root, "choice-new-bladder").await;
    click(&root, "next").await;
    assert_eq!(
        find(&root, "result").get_attribute("data-tier").as_deref(),
        Some("emergency")
    );
    assert_eq!(
        find(&root, "call-911").get_attribute("href").as_deref(),
        Some("tel:911")
    );
    assert!(root
        .query_selector("[data-testid='call-clinic']")
        .unwrap()
        .is_none());
    assert!(!root.text_content().unwrap().contains(CLINIC.phone.display));
}

#[wasm_bindgen_test]
async fn back_from_the_result_keeps_the_answer() {
    let root = mount().await;
    click(&root, "start").await;
    click(&root, "choice-low-back").await;
    click(&root, "next").await;
    click(&root, "choice-new-bladder").await;
    click(&root, "next").await;
    click(&root, "edit-answers").await;
    let yes: web_sys::HtmlInputElement = find(&root, "choice-new-bladder").unchecked_into();
    assert!(yes.checked());
}

#[wasm_bindgen_test]
async fn the_fallback_shows_911_and_the_clinic_phone() {
    let root = mount().await;
    symptom_quiz::fallback::render_fallback(&gloo::utils::document(), &root);
    let text = root.text_content().unwrap();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(root
        .query_selector("[data-testid='start-screen']")
        .unwrap()
        .is_none());
    assert_eq!(
        find(&root, "call-911").get_attribute("href").as_deref(),
        Some("tel:911")
    );
    let clinic = find(&root, "call-clinic");
    assert_eq!(
        clinic.get_attribute("href").as_deref(),
        Some(CLINIC.phone.tel)
    );
    assert!(text.contains(CLINIC.phone.display), "{text}");
}
