//! The browser edge, in one place: the page's URL and framing, the host page of an
//! embed, `localStorage`, the language packs fetched from the deployment, and the document (theme, `<html lang>`, history, focus,
//! printing), and the share sheet and the clipboard. Untrusted input (parameters, stored values, history entries) becomes
//! typed, validated values here; the rest of the app only ever sees those. Nothing here
//! can fail loudly: storage may be disabled, a parameter malformed — the quiz then runs
//! with defaults.

mod host;
mod pack;
mod page;
mod share;
mod storage;
mod url;

pub use host::{tell_host, watch_height, HostMessage};
pub use pack::{load_lang, not_loaded_at_start, started_without, PACK_CACHES};
pub use page::{
    apply_theme, focus_step, history_position, print, record_history, set_document_lang,
};
pub use share::{can_share, date, now, take, Taken};
pub use storage::{clear_progress, forget, initial_lang, load_progress, save_lang, save_progress};
pub use url::{read_page, Config, HostOrigin, Theme};

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
