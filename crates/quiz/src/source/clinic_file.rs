//! `clinic.toml`: the clinic's identity and facts, and the content version with its
//! review.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::reader::{leak, leak_str, Reader, Value};
use crate::clinic::{Clinic, ContentVersion, Location, Phone, Review};
use crate::model::Text;

impl<'a> Reader<'a> {
    pub(super) fn clinic(&mut self) -> Option<Clinic> {
        let root = self.parse()?;
        let item = "clinic";
        let whole = 0..0;
        const KEYS: [&str; 12] = [
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
            "review",
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
        let content = self.content(&root, &KEYS, &whole);
        let review = self.review(&root, &KEYS);
        Some(Clinic {
            name: name?,
            phone: phone?,
            booking_url,
            locations: leak(locations),
            hours: leak(hours),
            after_hours,
            insurance: insurance?,
            languages: leak(languages),
            content: ContentVersion {
                review: review?,
                ..content?
            },
        })
    }

    /// A table at the end of the file (`[content]`, `[review]`), checked for clinic facts
    /// that landed in it: every line after `[name]` belongs to that table.
    fn end_table<'t>(
        &mut self,
        root: &'t DeTable<'a>,
        name: &str,
        own: &[&str],
        facts: &[&str],
    ) -> Option<(&'t DeTable<'a>, Range<usize>)> {
        let v = Self::get(root, name)?;
        let item = format!("[{name}]");
        let DeValue::Table(t) = v.get_ref() else {
            self.error(
                &v.span(),
                &item,
                format!("\"{name}\" must be a table: [{name}]"),
            );
            return None;
        };
        for (key, _) in t.iter() {
            let key_name = key.get_ref().as_ref();
            if facts.contains(&key_name) {
                self.error(
                    &key.span(),
                    &item,
                    format!(
                        "\"{key_name}\" is under [{name}]: move it above the [{name}] line \
                         (every line after [{name}] belongs to it)"
                    ),
                );
            }
        }
        let allowed: Vec<&str> = own.iter().chain(facts).copied().collect();
        self.known_keys(t, &allowed, &item);
        Some((t, v.span()))
    }

    /// `[content]`: the content's version and the fingerprint it names.
    fn content(
        &mut self,
        root: &DeTable<'a>,
        facts: &[&str],
        whole: &Range<usize>,
    ) -> Option<ContentVersion> {
        let item = "[content]";
        if Self::get(root, "content").is_none() {
            self.error(whole, "clinic", "missing [content] (version, fingerprint)");
            return None;
        }
        let (t, span) = self.end_table(root, "content", &["version", "fingerprint"], facts)?;
        // Before issue 16 the review lived here, bound to the version's fingerprint,
        // which staff renew after every edit: a review could outlive what it saw.
        for old in ["reviewed_by", "reviewed_on"] {
            if let Some(v) = Self::get(t, old) {
                let message = format!(
                    "{old} moved to [review] (by, on and the fingerprint the clinician \
                     signed, printed by `cargo xtask review`): delete this line"
                );
                self.error(&v.span(), item, message);
            }
        }
        let version = self.string(t, "version", item, &span);
        let fingerprint = self
            .optional_string(t, "fingerprint", item)
            .filter(|s| !s.is_empty());
        if let Some(f) = fingerprint.filter(|f| !is_fingerprint(f)) {
            let at = Self::get(t, "fingerprint").map_or(span.clone(), |v| v.span());
            self.error(&at, item, format!("fingerprint \"{f}\" must be 16 hex digits, as `cargo xtask check-content` prints it"));
        }
        version.map(|version| ContentVersion {
            version,
            fingerprint,
            review: None,
        })
    }

    /// `[review]`: who signed the review packet, when, and the fingerprint of the content
    /// they signed. `Some(None)` when there is none yet (no table, or every value empty);
    /// `None` when it is wrong.
    fn review(&mut self, root: &DeTable<'a>, facts: &[&str]) -> Option<Option<Review>> {
        let item = "[review]";
        let own = ["by", "on", "fingerprint"];
        let Some((t, span)) = self.end_table(root, "review", &own, facts) else {
            return if Self::get(root, "review").is_some() {
                None
            } else {
                Some(None)
            };
        };
        let [by, on, fingerprint] =
            own.map(|key| self.optional_string(t, key, item).filter(|s| !s.is_empty()));
        if let Some(name) = by.filter(|b| b.trim().is_empty() || b.len() > 120) {
            let message = format!("by \"{name}\" must name the clinician, in 1 to 120 characters");
            let at = Self::get(t, "by").map_or(span.clone(), |v| v.span());
            self.error(&at, item, message);
        }
        let problems = self.problems.len();
        let at = |key: &str| Self::get(t, key).map_or(span.clone(), |v| v.span());
        if let Some(d) = on.filter(|d| !is_date(d)) {
            let message =
                format!("on \"{d}\" must be a date written year-month-day, e.g. \"2026-12-07\"");
            self.error(&at("on"), item, message);
        }
        if let Some(f) = fingerprint.filter(|f| !is_fingerprint(f)) {
            let message = format!(
                "fingerprint \"{f}\" must be 16 hex digits, as `cargo xtask review` prints it"
            );
            self.error(&at("fingerprint"), item, message);
        }
        match (by, on, fingerprint) {
            (None, None, None) => Some(None),
            (Some(by), Some(on), Some(fingerprint)) if self.problems.len() == problems => {
                Some(Some(Review {
                    by,
                    on,
                    fingerprint,
                }))
            }
            (Some(_), Some(_), Some(_)) => None,
            _ => {
                self.error(
                    &span,
                    item,
                    "a review needs by (the clinician's name), on (the date) and the \
                     fingerprint they signed, all three, or none: paste the lines \
                     `cargo xtask review` prints",
                );
                None
            }
        }
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

/// A date written year-month-day ("2026-12-07"), with a month 01 to 12 and a day 01 to
/// 31.
fn is_date(d: &str) -> bool {
    let b = d.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    let number = |at: std::ops::Range<usize>| d[at].parse::<u8>().unwrap_or(0);
    shape && (1..=12).contains(&number(5..7)) && (1..=31).contains(&number(8..10))
}

/// 16 lowercase hex digits, as `validate::fingerprint` writes them.
fn is_fingerprint(f: &str) -> bool {
    f.len() == 16
        && f.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}
