//! `clinic.toml`: the clinic's identity and facts, and the content version with its
//! review.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::reader::{leak, leak_str, Reader, Value};
use crate::clinic::{Clinic, ContentVersion, Location, Phone};
use crate::model::Text;

impl<'a> Reader<'a> {
    pub(super) fn clinic(&mut self) -> Option<Clinic> {
        let root = self.parse()?;
        let item = "clinic";
        let whole = 0..0;
        const KEYS: [&str; 11] = [
            "name",
            "phone",
            "extension",
            "booking_url",
            "locations",
            "location",
            "hours",
            "after_hours",
            "insurance",
            "languages",
            "content",
        ];
        self.known_keys(&root, &KEYS, item);
        let name = self.string(&root, "name", item, &whole);
        if name.is_some_and(|n| n.trim().is_empty() || n.len() > 80) {
            self.error(&whole, item, "\"name\" must be 1 to 80 characters");
        }
        let phone = self.string(&root, "phone", item, &whole);
        let extension = self.optional_string(&root, "extension", item).unwrap_or("");
        let phone = phone.and_then(|p| match Phone::from_e164(p, extension) {
            Ok((display, tel)) => Some(Phone {
                display: leak_str(&display),
                tel: leak_str(&tel),
            }),
            Err(message) => {
                let span = Self::get(&root, "phone").map_or(0..0, |v| v.span());
                self.error(&span, item, message);
                None
            }
        });
        let booking_url = self
            .optional_string(&root, "booking_url", item)
            .filter(|u| !u.is_empty());
        if let Some(url) = booking_url {
            let ok = url.starts_with("https://")
                && url.len() <= 300
                && !url
                    .chars()
                    .any(|c| c.is_whitespace() || "\"'<>`\\".contains(c));
            if !ok {
                let span = Self::get(&root, "booking_url").map_or(0..0, |v| v.span());
                self.error(&span, item, format!("booking_url \"{url}\" must be an https:// address without spaces or quotes"));
            }
        }
        let mut locations = Vec::new();
        for key in ["locations", "location"] {
            for (t, span) in self.list_of_tables(&root, key, item) {
                self.known_keys(t, &["name", "address"], "location");
                let name = match Self::get(t, "name") {
                    Some(v) => self.clinic_text(v, "name", "location"),
                    None => {
                        self.error(
                            &span,
                            "location",
                            "missing \"name\" (write name.en and name.es)",
                        );
                        None
                    }
                };
                let address = self.string(t, "address", "location", &span);
                if let (Some(name), Some(address)) = (name, address) {
                    locations.push(Location { name, address });
                }
            }
        }
        let hours = self.clinic_texts(&root, "hours", item);
        let languages = self.clinic_texts(&root, "languages", item);
        let after_hours = match Self::get(&root, "after_hours") {
            None => None,
            Some(v) => match v.get_ref() {
                // Both empty: not shown.
                DeValue::Table(t)
                    if ["en", "es"].iter().all(|k| {
                        Self::get(t, k).is_some_and(
                            |v| matches!(v.get_ref(), DeValue::String(s) if s.is_empty()),
                        )
                    }) =>
                {
                    None
                }
                _ => self.clinic_text(v, "after_hours", item),
            },
        };
        let insurance = self.text(&root, "insurance", item, &whole);
        let content = match Self::get(&root, "content") {
            Some(v) => match v.get_ref() {
                DeValue::Table(t) => {
                    let span = v.span();
                    const OWN: [&str; 4] = ["version", "fingerprint", "reviewed_by", "reviewed_on"];
                    // A clinic fact pasted at the end of the file lands in [content].
                    for (key, _) in t.iter() {
                        let name = key.get_ref().as_ref();
                        if KEYS.contains(&name) {
                            self.error(
                                &key.span(),
                                "[content]",
                                format!(
                                    "\"{name}\" is under [content]: move it above the \
                                     [content] line (every line after [content] belongs to it)"
                                ),
                            );
                        }
                    }
                    let allowed: Vec<&str> = OWN.iter().chain(&KEYS).copied().collect();
                    self.known_keys(t, &allowed, "[content]");
                    let version = self.string(t, "version", "[content]", &span);
                    let fingerprint = self
                        .optional_string(t, "fingerprint", "[content]")
                        .filter(|s| !s.is_empty());
                    let reviewed_by = self
                        .optional_string(t, "reviewed_by", "[content]")
                        .filter(|s| !s.is_empty());
                    let reviewed_on = self
                        .optional_string(t, "reviewed_on", "[content]")
                        .filter(|s| !s.is_empty());
                    let date = |d: &str| {
                        let b = d.as_bytes();
                        b.len() == 10
                            && b.iter().enumerate().all(|(i, c)| match i {
                                4 | 7 => *c == b'-',
                                _ => c.is_ascii_digit(),
                            })
                    };
                    if let Some(on) = reviewed_on.filter(|d| !date(d)) {
                        let at = Self::get(t, "reviewed_on").map_or(span.clone(), |v| v.span());
                        let message = format!(
                            "reviewed_on \"{on}\" must be a date written year-month-day, \
                             e.g. \"2026-12-07\""
                        );
                        self.error(&at, "[content]", message);
                    }
                    if reviewed_by.is_some() != reviewed_on.is_some() {
                        self.error(
                            &span,
                            "[content]",
                            "a review needs both reviewed_by (the clinician's name) and \
                             reviewed_on (the date), or neither",
                        );
                    }
                    version.map(|version| ContentVersion {
                        version,
                        fingerprint,
                        reviewed_by,
                        reviewed_on,
                    })
                }
                _ => None,
            },
            None => {
                self.error(
                    &whole,
                    item,
                    "missing [content] (version, fingerprint, reviewed_by, reviewed_on)",
                );
                None
            }
        };
        Some(Clinic {
            name: name?,
            phone: phone?,
            booking_url,
            locations: leak(locations),
            hours: leak(hours),
            after_hours,
            insurance: insurance?,
            languages: leak(languages),
            content: content?,
        })
    }

    /// The tables of `key`, written inline (`key = [{ … }, …]`) or as `[[key]]`.
    pub(super) fn list_of_tables<'t>(
        &mut self,
        root: &'t DeTable<'a>,
        key: &str,
        item: &str,
    ) -> Vec<(&'t DeTable<'a>, Range<usize>)> {
        let Some(v) = Self::get(root, key) else {
            return Vec::new();
        };
        let DeValue::Array(entries) = v.get_ref() else {
            self.error(
                &v.span(),
                item,
                format!("\"{key}\" must be a list: {key} = [ … ]"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for entry in entries.iter() {
            match entry.get_ref() {
                DeValue::Table(t) => out.push((t, entry.span())),
                _ => self.error(
                    &entry.span(),
                    item,
                    format!("each entry of \"{key}\" is written {{ … }}, with its keys inside"),
                ),
            }
        }
        out
    }

    /// A clinic fact in words: English and Spanish, both written and not the same
    /// sentence (the quiz's texts pass the same checks).
    pub(super) fn clinic_text(&mut self, v: &Value<'a>, key: &str, item: &str) -> Option<Text> {
        let span = v.span();
        if let DeValue::String(s) = v.get_ref() {
            self.error(
                &span,
                item,
                format!("{key} needs English and Spanish: write {{ en = \"{s}\", es = \"…\" }}"),
            );
            return None;
        }
        let text = self.as_text(v, key, item, &span)?;
        if let Some(problem) = crate::validate::untranslated(&text) {
            self.error(&span, item, format!("{key}: {problem}"));
            return None;
        }
        Some(text)
    }

    /// A list of clinic facts in words (hours, languages): each `{ en = "…", es = "…" }`.
    pub(super) fn clinic_texts(&mut self, root: &DeTable<'a>, key: &str, item: &str) -> Vec<Text> {
        let Some(v) = Self::get(root, key) else {
            return Vec::new();
        };
        let DeValue::Array(entries) = v.get_ref() else {
            let message =
                format!("\"{key}\" must be a list: {key} = [{{ en = \"…\", es = \"…\" }}]");
            self.error(&v.span(), item, message);
            return Vec::new();
        };
        entries
            .iter()
            .filter_map(|entry| self.clinic_text(entry, key, item))
            .collect()
    }
}
