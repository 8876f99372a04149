//! `localStorage`: the visitor's language choice and saved progress, under keys of our
//! own. web-sys `Storage` directly: gloo-storage's `raw()` throws when storage is
//! disabled. Storage may be disabled, full or refused: the quiz then goes on without.

use web_sys::Storage;

use super::Config;
use crate::clinic::CLINIC;
use crate::content::QUIZ;
use quiz::{Lang, Saved};

/// `localStorage` keys, namespaced so that another app on the origin is not touched.
const PROGRESS_KEY: &str = "symptom-quiz:progress";
const LANG_KEY: &str = "symptom-quiz:lang";

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
