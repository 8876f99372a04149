//! A language's pack: every wording of one language that the app does not compile in;
//! and the first language's list, which it does, in the same form ([`install_built_in`]).
//!
//! An English visit should not download Spanish. So the app's wasm holds only the first
//! language's texts (`Lang::BUILT_IN`); each other language's wordings, the screens'
//! strings first ([`Strings::list`]) and then every different content text of
//! [`every_text`](crate::every_text), each beside the one most like it (the emitter's
//! order, which brotli compresses best), are one file, `lang/<tag>-<key>.txt`, that the build writes beside
//! the wasm (`emit::app_code`, `cargo xtask trunk-post-build`). The app fetches it when a
//! visitor first needs the language, and [`install`]s it; a content text then points at
//! its entry ([`Wording::Packed`](crate::Wording::Packed)).
//!
//! The file is the records, separated by [`SEPARATOR`]: first the header
//! `symptom-quiz <tag> <key> <count>`, then the entries. `<key>` is the FNV-1a hash of
//! the entries, so a file from another build, cut short or altered, is refused
//! ([`PackError`]) and the visitor stays in the language they had: nothing shows a
//! wrong or missing sentence.

use std::fmt;
use std::sync::OnceLock;

use crate::model::Other;
use crate::strings::Strings;
use crate::Lang;

/// Between a pack's records: no text of the content or the screens contains it (the
/// emitter checks).
pub const SEPARATOR: char = '\u{1e}';

/// What the app knows of a language's pack: where it is, its key and its number of
/// entries (`build.rs` writes one per language after the first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PackRef {
    pub lang: Lang,
    /// The file, relative to the page: `lang/es-0123456789abcdef.txt`.
    pub file: &'static str,
    /// The FNV-1a hash of its entries, 16 hex digits.
    pub key: &'static str,
    /// How many entries it holds: the screens' strings, then the content's.
    pub entries: usize,
}

/// Why a pack was not installed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// The file is not the one this build expects: another build's, cut short or changed.
    NotThisBuild { lang: Lang, why: &'static str },
    /// The language is the one written into the app, or has no pack.
    NoPack(Lang),
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::NotThisBuild { lang, why } => write!(
                f,
                "the {} texts are not this build's ({why}); staying in the current language",
                lang.english_name()
            ),
            PackError::NoPack(lang) => write!(f, "{} has no pack", lang.english_name()),
        }
    }
}

struct Installed {
    entries: Vec<&'static str>,
    /// A pack's screens' strings; the first language's are written in Rust.
    strings: Option<Strings>,
}

/// One slot per language; a pack is installed once and kept for the page's life.
static INSTALLED: [OnceLock<Installed>; Lang::COUNT] = [const { OnceLock::new() }; Lang::COUNT];

/// FNV-1a, 64 bits, as 16 hex digits: a pack's key (and the content's fingerprint,
/// `validate::fingerprint`).
pub fn key_of(entries: &str) -> String {
    let hash = entries.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// The header record of `lang`'s pack with `key` and `count` entries.
pub fn header(lang: Lang, key: &str, count: usize) -> String {
    format!("symptom-quiz {} {key} {count}", lang.tag())
}

/// Checks `text` against what this build expects of `pack` and installs it: from then
/// on, [`crate::strings::strings`] and every packed text read in that language. The
/// text is kept for the page's life. Installing the same pack again is harmless.
pub fn install(pack: &PackRef, text: String) -> Result<(), PackError> {
    let not_this = |why| PackError::NotThisBuild {
        lang: pack.lang,
        why,
    };
    if pack.lang == Lang::BUILT_IN {
        return Err(PackError::NoPack(pack.lang));
    }
    let (head, body) = text
        .split_once(SEPARATOR)
        .ok_or_else(|| not_this("no header"))?;
    if head != header(pack.lang, pack.key, pack.entries) {
        return Err(not_this("another header"));
    }
    if key_of(body) != pack.key {
        return Err(not_this("its entries do not match its key"));
    }
    if body.split(SEPARATOR).count() != pack.entries || pack.entries < Strings::COUNT {
        return Err(not_this("another number of entries"));
    }
    if installed(pack.lang) {
        return Ok(());
    }
    let body: &'static str = Box::leak(text[head.len() + SEPARATOR.len_utf8()..].into());
    let entries: Vec<&'static str> = body.split(SEPARATOR).collect();
    let strings = entries
        .get(..Strings::COUNT)
        .and_then(|first| first.try_into().ok())
        .map(Strings::from_list)
        .ok_or_else(|| not_this("too short"))?;
    // Two installs of the same pack, raced, find the slot full: either is this one.
    let _ = INSTALLED[pack.lang.index()].set(Installed {
        entries,
        strings: Some(strings),
    });
    Ok(())
}

/// Installs the first language's list: its content wordings, in a pack's form without
/// header or screens' strings (the app's `TEXTS`, which the emitter writes). Compiled
/// in, each wording is an index into one run of text, not two pointers: 2,744 B less
/// wasm (brotli, 2026-12-04) than a `&str` pair per wording, and ~700 B less again with the
/// index alone. The app installs it before its first screen; again, it is harmless.
pub fn install_built_in(text: &'static str) {
    INSTALLED[Lang::BUILT_IN.index()].get_or_init(|| Installed {
        entries: text.split(SEPARATOR).collect(),
        strings: None,
    });
}

/// Whether `lang` can be shown: the first language always (the app installs its list as
/// it starts), another once its pack is in.
pub fn installed(lang: Lang) -> bool {
    lang == Lang::BUILT_IN || INSTALLED[lang.index()].get().is_some()
}

/// A listed wording: entry `at`, and for someone else as `other` says.
pub(crate) fn entry(
    lang: Lang,
    at: u16,
    other: Other,
) -> Option<(&'static str, Option<&'static str>)> {
    let entries = &INSTALLED[lang.index()].get()?.entries;
    let at = usize::from(at);
    let myself = *entries.get(at)?;
    let someone_else = match other {
        Other::No => None,
        Other::Same => Some(myself),
        Other::Own => Some(*entries.get(at + 1)?),
    };
    Some((myself, someone_else))
}

/// The screens' strings of an installed pack.
pub(crate) fn strings(lang: Lang) -> Option<&'static Strings> {
    INSTALLED[lang.index()].get()?.strings.as_ref()
}
