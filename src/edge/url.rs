//! What the page's URL and framing say, read once at start-up (`crate::run`): how the
//! page set the quiz up ([`Config`]) and its theme ([`Theme`]). Each bad value is
//! ignored with one console warning; the quiz then runs with the default.

use web_sys::UrlSearchParams;

use super::{warn_ignored, warn_ignored_because};
use crate::settings;
use quiz::Lang;

/// Reads the page's URL parameters, once: its theme, then its setup (in that order
/// their warnings are written).
pub fn read_page() -> (Config, Theme) {
    let window = gloo::utils::window();
    let params = window
        .location()
        .search()
        .ok()
        .and_then(|search| UrlSearchParams::new_with_str(&search).ok());
    let param = |name: &str| params.as_ref().and_then(|p| p.get(name));
    let theme = Theme::read(&param);
    (Config::read(&window, &param), theme)
}

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
pub struct HostOrigin(pub(super) &'static str);

impl Config {
    fn read(window: &web_sys::Window, param: &dyn Fn(&str) -> Option<String>) -> Config {
        let embedded = window
            .parent()
            .ok()
            .flatten()
            .is_some_and(|parent| parent != *window);
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

/// The page's theme: `?accent=`, `?radius=` and `?font=`, each validated
/// (`crate::settings`); `edge::apply_theme` sets them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Theme {
    pub accent: Option<String>,
    pub radius: Option<String>,
    pub font: Option<String>,
}

impl Theme {
    fn read(param: &dyn Fn(&str) -> Option<String>) -> Theme {
        let valid = |name: &str, parse: &dyn Fn(&str) -> Result<String, &'static str>| {
            let value = param(name)?;
            parse(&value)
                .map_err(|why| warn_ignored_because(name, &value, why))
                .ok()
        };
        Theme {
            accent: valid("accent", &settings::accent),
            radius: valid("radius", &settings::radius),
            font: valid("font", &|v| settings::font(v).map(String::from)),
        }
    }
}
