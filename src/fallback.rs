//! The calm fallback that replaces the quiz when something goes wrong: a panic anywhere
//! in the app. It shows the 911 line and the clinic's phone (the safety rules,
//! ARCHITECTURE.md: every fallback screen shows both), built with plain DOM calls so that it works
//! whatever state Yew was left in.

use crate::clinic::{Phone, CLINIC, EMERGENCY};
use quiz::strings::strings;
use quiz::Lang;

/// Replaces the quiz with the fallback whenever the app panics.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        gloo::console::error!(format!("symptom-quiz stopped: {info}"));
        show_fallback();
    }));
}

/// Shows the fallback in the quiz's root element.
pub fn show_fallback() {
    if let Some(root) = crate::root_element() {
        render_fallback(&gloo::utils::document(), &root);
    }
}

/// Replaces everything in `root` with the fallback.
pub fn render_fallback(document: &web_sys::Document, root: &web_sys::Element) {
    let element = |tag: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(text));
        Some(element)
    };
    let call = |label: String, phone: &Phone, testid: &str| {
        let line = element("p", "")?;
        let link = element("a", &label)?;
        link.set_attribute("href", phone.tel).ok()?;
        link.set_attribute("class", "call").ok()?;
        link.set_attribute("data-testid", testid).ok()?;
        let number = element("span", phone.display)?;
        number.set_attribute("class", "call-line__number").ok()?;
        line.set_attribute("class", "call-line").ok()?;
        line.append_with_node_2(&link, &number).ok()?;
        Some(line)
    };
    // In the language the quiz was showing (`<html lang>` follows the switch).
    let lang = document
        .document_element()
        .map(|html| html.get_attribute("lang").unwrap_or_default())
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    let text = strings(lang);
    let section = element("section", "");
    let parts = [
        element("h1", text.went_wrong),
        element("p", text.went_wrong_text),
        call(text.call_911.into(), &EMERGENCY, "call-911"),
        element("p", text.talk_to_clinic),
        call(
            text.call_clinic.fill(&[CLINIC.name]),
            &CLINIC.phone,
            "call-clinic",
        ),
    ];
    let Some(section) = section else { return };
    let _ = section.set_attribute("class", "quiz screen screen--fallback");
    let _ = section.set_attribute("data-testid", "fallback");
    let _ = section.set_attribute("role", "alert");
    for part in parts.into_iter().flatten() {
        let _ = section.append_child(&part);
    }
    root.set_text_content(None);
    let _ = root.append_child(&section);
}
