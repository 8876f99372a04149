//! The browser edge, in one place: URL parameters, `localStorage`, the browser's
//! language, `<html lang>`, history, focus and printing. Untrusted input (parameters,
//! stored values) becomes typed, validated values here; the rest of the app only ever
//! sees those. Nothing here can fail loudly: storage may be disabled, a parameter
//! malformed — the quiz then runs with defaults.

use wasm_bindgen::JsCast;
use web_sys::{Storage, UrlSearchParams};

use crate::clinic::CLINIC;
use crate::content::QUIZ;
use crate::settings;
use quiz::{Lang, Position, Saved};

/// `localStorage` keys, namespaced so that another app on the origin is not touched.
const PROGRESS_KEY: &str = "symptom-quiz:progress";
const LANG_KEY: &str = "symptom-quiz:lang";

/// How the page set the quiz up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// `?lang=en|es`: the explicit language, first in precedence.
    pub lang: Option<Lang>,
    /// Save progress on this device (`?save=on|off`); on by default on the full page,
    /// off inside a frame (an embed).
    pub save: bool,
    /// Inside a frame: the quiz adds no history entries to the host page.
    pub embedded: bool,
    /// In the embed loader's popup (`?embed=popup`): Escape asks the host to close it.
    pub popup: bool,
    /// The host page's origin (`?origin=`, set by the loader): the only window the
    /// quiz sends messages to. `None`: it sends none.
    pub host: Option<HostOrigin>,
    /// `?share=tier`: the `complete` message carries the tier (health information, so
    /// only when the host asked for it with `data-share-tier`).
    pub share_tier: bool,
}

/// A validated `http(s)://host[:port]` origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HostOrigin(&'static str);

impl Config {
    pub fn from_page() -> Config {
        let window = gloo::utils::window();
        let embedded = window
            .parent()
            .ok()
            .flatten()
            .is_some_and(|parent| parent != window);
        let params = window
            .location()
            .search()
            .ok()
            .and_then(|search| UrlSearchParams::new_with_str(&search).ok());
        let param = |name: &str| params.as_ref().and_then(|p| p.get(name));
        let lang = param("lang").and_then(|value| {
            let lang = Lang::from_tag(&value).filter(|_| value.len() <= 16);
            if lang.is_none() {
                warn_ignored("lang", &value);
            }
            lang
        });
        let save = match param("save").as_deref() {
            None => !embedded,
            Some("on" | "true" | "1") => true,
            Some("off" | "false" | "0") => false,
            Some(other) => {
                warn_ignored("save", other);
                !embedded
            }
        };
        let host = param("origin").and_then(|value| {
            let host = settings::origin(&value).map(|o| HostOrigin(Box::leak(o.into_boxed_str())));
            if host.is_err() {
                warn_ignored("origin", &value);
            }
            host.ok()
        });
        Config {
            lang,
            save,
            embedded,
            popup: embedded && param("embed").as_deref() == Some("popup"),
            host: host.filter(|_| embedded),
            share_tier: param("share").as_deref() == Some("tier"),
        }
    }
}

/// A message to the embedding page (protocol v1, the shapes `embed/v1.js` accepts).
/// Never an answer: only sizes, step numbers, "done" (the tier only when shared) and
/// "a call or booking button was pressed".
pub enum HostMessage {
    Ready,
    Height(u32),
    Step { index: usize, total: usize },
    Complete(Option<&'static str>),
    Call,
    Escape,
}

pub fn tell_host(config: &Config, message: HostMessage) {
    let Some(HostOrigin(origin)) = config.host else {
        return;
    };
    let Ok(Some(parent)) = gloo::utils::window().parent() else {
        return;
    };
    let object = js_sys::Object::new();
    let set = |key: &str, value: wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&object, &key.into(), &value);
    };
    set("v", 1.into());
    let kind = match message {
        HostMessage::Ready => "ready",
        HostMessage::Height(px) => {
            set("height", px.into());
            "height"
        }
        HostMessage::Step { index, total } => {
            set("index", (index as u32).into());
            set("total", (total as u32).into());
            "step"
        }
        HostMessage::Complete(tier) => {
            if let Some(tier) = tier.filter(|_| config.share_tier) {
                set("tier", tier.into());
            }
            "complete"
        }
        HostMessage::Call => "call",
        HostMessage::Escape => "escape",
    };
    set("type", kind.into());
    let _ = parent.post_message(&object, origin);
}

/// Keeps the host's frame as tall as the quiz: reports the quiz's height whenever it
/// changes (a new screen, "why we ask" opened, a narrower frame).
pub fn watch_height(config: Config) -> Option<impl Drop> {
    config.host?;
    let root = crate::root_element()?;
    let report = {
        let root = root.clone();
        move || {
            let height = root.get_bounding_client_rect().height().ceil() as u32;
            tell_host(&config, HostMessage::Height(height.max(100)));
        }
    };
    report();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(report);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    // The closure must live as long as the observer that calls it.
    struct Watch(
        web_sys::ResizeObserver,
        #[allow(dead_code)] wasm_bindgen::closure::Closure<dyn FnMut()>,
    );
    impl Drop for Watch {
        fn drop(&mut self) {
            self.0.disconnect();
        }
    }
    Some(Watch(observer, callback))
}

/// Applies `?accent=`, `?radius=` and `?font=` to the quiz through the CSSOM (never a
/// `style` attribute: a strict CSP blocks those). Each bad value is ignored with one
/// warning; the custom accent applies to the light scheme only (see `main.css`).
pub fn apply_theme() {
    let Ok(search) = gloo::utils::window().location().search() else {
        return;
    };
    let Ok(params) = UrlSearchParams::new_with_str(&search) else {
        return;
    };
    let Some(root) = crate::root_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    let set = |name: &str, property: &str, parse: &dyn Fn(&str) -> Result<String, &'static str>| {
        let Some(value) = params.get(name) else {
            return;
        };
        match parse(&value) {
            Ok(css) => {
                let _ = style.set_property(property, &css);
            }
            Err(why) => warn_ignored_because(name, &value, why),
        }
    };
    set("accent", "--custom-accent", &settings::accent);
    // The dark scheme's own variant of a valid accent (styles/main.css picks by scheme).
    if let Some(light) = params.get("accent").and_then(|v| settings::accent(&v).ok()) {
        let _ = style.set_property("--custom-accent-dark", &settings::accent_for_dark(&light));
    }
    set("radius", "--radius", &settings::radius);
    set("font", "--font", &|v| settings::font(v).map(String::from));
}

fn warn_ignored_because(name: &str, value: &str, why: &str) {
    let shown = shown(value);
    gloo::console::warn!(format!("symptom-quiz: ignored {name}=\"{shown}\": {why}"));
}

/// One console warning for a bad setting, naming it and its (shortened) value.
fn warn_ignored(name: &str, value: &str) {
    let shown = shown(value);
    gloo::console::warn!(format!(
        "symptom-quiz: ignored {name}=\"{shown}\" (not a valid value)"
    ));
}

/// A value as a warning shows it: its first 40 characters, with control and
/// direction-changing characters as U+FFFD, so that the console line reads as written.
/// (Not `{:?}`, whose escaping would add about 2 KB of Debug machinery to the wasm.)
fn shown(value: &str) -> String {
    value
        .chars()
        .take(40)
        .map(|c| match c {
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// `localStorage`, if the browser lets us use it (it may throw when disabled).
fn storage() -> Option<Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The language to start in: explicit setting → saved choice → browser → English.
pub fn initial_lang(config: &Config) -> Lang {
    let saved = || {
        storage()
            .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
            .and_then(|tag| Lang::from_tag(&tag))
    };
    let browser = || {
        let navigator = gloo::utils::window().navigator();
        let languages = navigator.languages();
        let first = languages
            .iter()
            .filter_map(|l| l.as_string())
            .find_map(|tag| Lang::from_tag(&tag));
        first.or_else(|| navigator.language().and_then(|tag| Lang::from_tag(&tag)))
    };
    config
        .lang
        .or_else(saved)
        .or_else(browser)
        .unwrap_or_default()
}

/// Remembers the visitor's language choice (only when saving is on).
pub fn save_lang(config: &Config, lang: Lang) {
    if config.save {
        if let Some(s) = storage() {
            let _ = s.set_item(LANG_KEY, lang.tag());
        }
    }
}

/// `<html lang>` follows the quiz's language (screen readers and hyphenation use it).
pub fn set_document_lang(lang: Lang) {
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
}

/// Saved progress, if there is valid progress from the last day for this content; any
/// other stored value is removed.
pub fn load_progress(config: &Config) -> Option<Saved> {
    if !config.save {
        return None;
    }
    let storage = storage()?;
    let text = storage.get_item(PROGRESS_KEY).ok().flatten()?;
    match Saved::decode(&text, &QUIZ, CLINIC.content.version, now_ms()) {
        Ok(saved) => Some(saved),
        Err(why) => {
            gloo::console::info!(format!(
                "symptom-quiz: saved progress discarded ({})",
                why.reason()
            ));
            let _ = storage.remove_item(PROGRESS_KEY);
            None
        }
    }
}

pub fn save_progress(config: &Config, saved: &Saved) {
    if !config.save {
        return;
    }
    if let Some(s) = storage() {
        let saved = Saved {
            saved_at_ms: now_ms(),
            ..saved.clone()
        };
        // Full or refused storage: the quiz goes on without saving.
        let _ = s.set_item(PROGRESS_KEY, &saved.encode(CLINIC.content.version));
    }
}

/// Removes the saved answers (not the language choice).
pub fn clear_progress() {
    if let Some(s) = storage() {
        let _ = s.remove_item(PROGRESS_KEY);
    }
}

/// Removes the saved answers (and the language choice) from this device.
pub fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(PROGRESS_KEY);
        let _ = s.remove_item(LANG_KEY);
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

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn a_warning_shows_at_most_40_characters_without_control_or_direction_marks() {
        assert_eq!(shown("teal"), "teal");
        assert_eq!(shown(&"x".repeat(100)), "x".repeat(40));
        assert_eq!(
            shown("a\0b\u{202e}c\u{2066}d\ne"),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}e"
        );
        assert_eq!(shown("\"é\""), "\"é\"");
    }
}
