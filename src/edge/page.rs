//! The document: the quiz's theme, `<html lang>`, the browser's history, focus and
//! printing.

use wasm_bindgen::JsCast;

use super::{Config, Theme};
use crate::content::QUIZ;
use crate::settings;
use quiz::{Lang, Position};

/// Applies the page's theme to the quiz through the CSSOM (never a `style` attribute:
/// a strict CSP blocks those). The custom accent applies to the light scheme only, with
/// its own variant for the dark one (see `main.css`).
pub fn apply_theme(theme: &Theme) {
    let Some(root) = crate::root_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    let set = |property: &str, value: &str| {
        let _ = style.set_property(property, value);
    };
    if let Some(accent) = &theme.accent {
        set("--custom-accent", accent);
        set("--custom-accent-dark", &settings::accent_for_dark(accent));
    }
    if let Some(radius) = &theme.radius {
        set("--radius", radius);
    }
    if let Some(font) = &theme.font {
        set("--font", font);
    }
}

/// `<html lang>` follows the quiz's language (screen readers and hyphenation use it).
pub fn set_document_lang(lang: Lang) {
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
}

/// Records `position` in the browser's history, so that its Back button goes back a
/// step: a new entry, or (`replace`) the current one. The entry's state is the
/// position's name (`start`, `result` or the question's id, never its place on the
/// path); the URL is not changed. Inside a frame, nothing: the host page's history is
/// not ours.
pub fn record_history(config: &Config, position: Position, replace: bool) {
    if config.embedded {
        return;
    }
    let Ok(history) = gloo::utils::window().history() else {
        return;
    };
    let state = wasm_bindgen::JsValue::from_str(position.name());
    let _ = if replace {
        history.replace_state(&state, "")
    } else {
        history.push_state(&state, "")
    };
}

/// The position a `popstate` event's entry names ([`quiz::Quiz::position_named`]);
/// `None` for an entry that is not ours. The reducer settles it for the answers.
pub fn history_position(event: &web_sys::PopStateEvent) -> Option<Position> {
    let name = event.state().as_string()?;
    QUIZ.position_named(&name)
}

/// After a step: brings the quiz's top into view and moves focus to the element
/// marked `data-focus` (the question's heading, or the result's headline).
pub fn focus_step() {
    let document = gloo::utils::document();
    let Some(target) = document.query_selector("[data-focus]").ok().flatten() else {
        return;
    };
    if let Some(root) = crate::root_element() {
        // Without smooth scrolling: instant is right for reduced motion, and fine for all.
        root.scroll_into_view_with_bool(true);
    }
    if let Ok(element) = target.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

pub fn print() {
    let _ = gloo::utils::window().print();
}
