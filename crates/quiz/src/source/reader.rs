//! The reader: a file's TOML, its values read strictly (unknown keys, wrong types and
//! missing fields are problems), each problem located at its line and item.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::syntax::syntax_error;
use super::{File, FileProblem};
use crate::model::{ChoiceId, Condition, Guideline, Lang, QuestionId, Source, Text, Wording};
use crate::validate::{suggestion, Item};

pub(super) fn leak_str(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

pub(super) fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

pub(super) type Value<'i> = Spanned<DeValue<'i>>;

pub(super) struct Reader<'a> {
    pub(super) file: File<'a>,
    pub(super) problems: Vec<FileProblem>,
    /// Where each item starts, for validation messages.
    pub(super) lines: Vec<(Item, usize)>,
}

/// A text's keys: each language's tag, then each with `-other` (a language added to
/// `Lang::ALL` makes this a compile error until it is here too).
pub(super) const TEXT_KEYS: [&str; 2 * Lang::COUNT] = ["en", "es", "en-other", "es-other"];

/// The longest text a screen shows (the longest shipped one is about 300 characters).
pub const MAX_TEXT: usize = 2_000;
/// The largest content file read (the quiz file is about 55 KB).
pub const MAX_FILE: usize = 1 << 20;

impl<'a> Reader<'a> {
    pub(super) fn new(file: File<'a>) -> Self {
        Reader {
            file,
            problems: Vec::new(),
            lines: Vec::new(),
        }
    }

    pub(super) fn line(&self, span: &Range<usize>) -> usize {
        let end = span.start.min(self.file.text.len());
        self.file.text[..end].matches('\n').count() + 1
    }

    pub(super) fn line_of(&self, item: &Item) -> usize {
        let own = self.lines.iter().find(|(i, _)| i == item);
        // A choice's problem may be found by its question: fall back to it.
        let parent = match item {
            Item::Choice(q, _) => self.lines.iter().find(|(i, _)| *i == Item::Question(*q)),
            _ => None,
        };
        own.or(parent).map_or(1, |(_, line)| *line)
    }

    pub(super) fn error(&mut self, span: &Range<usize>, item: &str, message: impl Into<String>) {
        self.problems.push(FileProblem {
            file: self.file.name.to_string(),
            line: self.line(span),
            item: item.to_string(),
            message: message.into(),
        });
    }

    pub(super) fn parse(&mut self) -> Option<DeTable<'a>> {
        if self.file.text.len() > MAX_FILE {
            let message = format!(
                "the file is {} bytes; at most {MAX_FILE} are read",
                self.file.text.len()
            );
            self.error(&(0..0), "file", message);
            return None;
        }
        // A quoting mistake is reported, and reading goes on from the line as it was
        // meant (see `syntax_error`); the line count is kept, so every line number stays
        // the file's. A second error on a line already mended stops it.
        let mut mended = Vec::new();
        loop {
            match DeTable::parse(self.file.text) {
                Ok(table) => return Some(table.into_inner()),
                Err(e) => {
                    let span = e.span().unwrap_or(0..0);
                    let line = self.line(&span);
                    if mended.contains(&line) {
                        return None;
                    }
                    let (message, meant) = syntax_error(self.file.text, span.start, e.message());
                    self.error(&span, "TOML", message);
                    match meant {
                        Some(text) if mended.len() < 100 && text != self.file.text => {
                            mended.push(line);
                            self.file.text = leak_str(&text);
                        }
                        _ => return None,
                    }
                }
            }
        }
    }

    // ----- generic accessors -----

    pub(super) fn get<'t>(table: &'t DeTable<'a>, key: &str) -> Option<&'t Value<'a>> {
        table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }

    /// Where an item is named: its `id` line (a table's own span starts at its header).
    pub(super) fn id_span(table: &DeTable<'a>, fallback: Range<usize>) -> Range<usize> {
        Self::get(table, "id").map_or(fallback, |v| v.span())
    }

    pub(super) fn known_keys(&mut self, table: &DeTable<'a>, known: &[&str], item: &str) {
        for (key, _) in table.iter() {
            let name = key.get_ref().as_ref();
            if !known.contains(&name) {
                let span = key.span();
                self.error(
                    &span,
                    item,
                    format!(
                        "unknown key \"{name}\" (expected one of: {}){}",
                        known.join(", "),
                        suggestion(name, known.iter().copied())
                    ),
                );
            }
        }
    }

    pub(super) fn string(
        &mut self,
        table: &DeTable<'a>,
        key: &str,
        item: &str,
        span: &Range<usize>,
    ) -> Option<&'static str> {
        match Self::get(table, key) {
            None => {
                self.error(span, item, format!("missing \"{key}\""));
                None
            }
            Some(v) => self.as_string(v, key, item),
        }
    }

    pub(super) fn as_string(
        &mut self,
        v: &Value<'a>,
        key: &str,
        item: &str,
    ) -> Option<&'static str> {
        match v.get_ref() {
            DeValue::String(s) if s.chars().count() > MAX_TEXT => {
                self.error(
                    &v.span(),
                    item,
                    format!(
                        "\"{key}\" is {} characters long; at most {MAX_TEXT} fit on a screen",
                        s.chars().count()
                    ),
                );
                None
            }
            // The language packs put U+001E between texts (`crate::pack`).
            DeValue::String(s) if s.contains(crate::pack::SEPARATOR) => {
                self.error(
                    &v.span(),
                    item,
                    format!(
                        "\"{key}\" holds the control character U+001E (record separator), \
                         which no text may hold: delete it"
                    ),
                );
                None
            }
            DeValue::String(s) => Some(leak_str(s)),
            other => {
                self.error(
                    &v.span(),
                    item,
                    format!("\"{key}\" must be a string, not {}", other.type_str()),
                );
                None
            }
        }
    }

    pub(super) fn optional_string(
        &mut self,
        table: &DeTable<'a>,
        key: &str,
        item: &str,
    ) -> Option<&'static str> {
        Self::get(table, key).and_then(|v| self.as_string(v, key, item))
    }

    pub(super) fn integer(&mut self, v: &Value<'a>, key: &str, item: &str) -> Option<u8> {
        let parsed = match v.get_ref() {
            DeValue::Integer(i) => {
                i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok()
            }
            _ => None,
        };
        match parsed.and_then(|n| u8::try_from(n).ok()) {
            Some(n) => Some(n),
            None => {
                self.error(
                    &v.span(),
                    item,
                    format!("\"{key}\" must be a whole number from 0 to 255"),
                );
                None
            }
        }
    }

    pub(super) fn tables<'t>(
        &mut self,
        table: &'t DeTable<'a>,
        key: &str,
        item: &str,
    ) -> Vec<(&'t DeTable<'a>, Range<usize>)> {
        let Some(v) = Self::get(table, key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Array(items) => {
                let mut out = Vec::new();
                for entry in items.iter() {
                    match entry.get_ref() {
                        DeValue::Table(t) => out.push((t, entry.span())),
                        _ => self.error(
                            &entry.span(),
                            item,
                            format!("each \"{key}\" must be a table"),
                        ),
                    }
                }
                out
            }
            _ => {
                self.error(
                    &v.span(),
                    item,
                    format!("\"{key}\" must be written as [[{key}]] tables"),
                );
                Vec::new()
            }
        }
    }

    pub(super) fn text(
        &mut self,
        table: &DeTable<'a>,
        key: &str,
        item: &str,
        span: &Range<usize>,
    ) -> Option<Text> {
        match Self::get(table, key) {
            None => {
                self.error(
                    span,
                    item,
                    format!("missing \"{key}\" (write {})", text_keys(key)),
                );
                None
            }
            Some(v) => self.as_text(v, key, item, span),
        }
    }

    /// An optional text (a hint, a rule's action or "if it gets worse", a choice's): held
    /// by reference, as the app holds it ([`crate::model`]).
    pub(super) fn optional_text(
        &mut self,
        table: &DeTable<'a>,
        key: &str,
        item: &str,
        span: &Range<usize>,
    ) -> Option<&'static Text> {
        let v = Self::get(table, key)?;
        let text = self.as_text(v, key, item, span)?;
        Some(Box::leak(Box::new(text)))
    }

    /// A text table; a missing language is reported at `at`, the item's line.
    pub(super) fn as_text(
        &mut self,
        v: &Value<'a>,
        key: &str,
        item: &str,
        at: &Range<usize>,
    ) -> Option<Text> {
        let DeValue::Table(t) = v.get_ref() else {
            self.error(
                &v.span(),
                item,
                format!("\"{key}\" must have {}", text_keys(key)),
            );
            return None;
        };
        self.known_keys(t, &TEXT_KEYS, &format!("{item} {key}"));
        let mut wordings = Vec::with_capacity(Lang::COUNT);
        for lang in Lang::ALL {
            let tag = lang.tag();
            let myself = match Self::get(t, tag) {
                Some(v) => self.as_string(v, &format!("{key}.{tag}"), item),
                None => {
                    self.error(
                        at,
                        item,
                        format!(
                            "{key}: the {} text ({key}.{tag}) is missing",
                            lang.english_name()
                        ),
                    );
                    None
                }
            };
            let other = format!("{tag}-other");
            let someone_else = Self::get(t, &other)
                .and_then(|v| self.as_string(v, &format!("{key}.{other}"), item));
            wordings.push(myself.map(|myself| Wording::here(myself, someone_else)));
        }
        let wordings: Vec<Wording> = wordings.into_iter().collect::<Option<_>>()?;
        Some(Text(wordings.try_into().ok()?))
    }

    pub(super) fn source(
        &mut self,
        table: &DeTable<'a>,
        item: &str,
        span: &Range<usize>,
        inherited: Option<Source>,
    ) -> Option<Source> {
        let Some(v) = Self::get(table, "source") else {
            if inherited.is_none() {
                let known: Vec<&str> = Guideline::ALL.iter().map(|g| g.id()).collect();
                self.error(
                    span,
                    item,
                    format!(
                        "missing \"source\": a verbatim sentence of the article, or one of {}",
                        known.join(", ")
                    ),
                );
            }
            return inherited;
        };
        let s = self.as_string(v, "source", item)?;
        Some(match Guideline::from_id(s) {
            Some(g) => Source::Guideline(g),
            None if !s.trim().contains(' ') && !s.trim().is_empty() => {
                let known: Vec<&str> = Guideline::ALL.iter().map(|g| g.id()).collect();
                self.error(
                    &v.span(),
                    item,
                    format!("unknown guideline id \"{s}\" (known: {})", known.join(", ")),
                );
                return None;
            }
            None => Source::Article(s),
        })
    }

    /// `key = [condition, ...]` of table `t`, if it is there.
    pub(super) fn conditions(
        &mut self,
        t: &DeTable<'a>,
        key: &str,
        item: &str,
    ) -> Option<&'static [Condition]> {
        let v = Self::get(t, key)?;
        let DeValue::Array(items) = v.get_ref() else {
            self.error(
                &v.span(),
                item,
                format!("\"{key}\" must be a list of conditions"),
            );
            return None;
        };
        let parts: Option<Vec<Condition>> = items.iter().map(|p| self.condition(p, item)).collect();
        parts.map(leak)
    }

    pub(super) fn condition(&mut self, v: &Value<'a>, item: &str) -> Option<Condition> {
        let DeValue::Table(t) = v.get_ref() else {
            self.error(
                &v.span(),
                item,
                "a condition is a table like { question = \"id\", is = [\"choice\"] }",
            );
            return None;
        };
        let span = v.span();
        // An empty `all` or `any` is a mistake wherever it is written (a thing to tell
        // that holds for everyone leaves out its `when` instead).
        let list = |reader: &mut Self, key: &str| {
            let parts = reader.conditions(t, key, item)?;
            if parts.is_empty() {
                reader.error(&span, item, "has an empty all/any condition");
                return None;
            }
            Some(parts)
        };
        if Self::get(t, "all").is_some() {
            self.known_keys(t, &["all"], item);
            return list(self, "all").map(Condition::All);
        }
        if Self::get(t, "any").is_some() {
            self.known_keys(t, &["any"], item);
            return list(self, "any").map(Condition::Any);
        }
        self.known_keys(t, &["question", "is", "min", "max"], item);
        let question = QuestionId(self.string(t, "question", item, &span)?);
        if let Some(is) = Self::get(t, "is") {
            if Self::get(t, "min").is_some() || Self::get(t, "max").is_some() {
                self.error(
                    &span,
                    item,
                    "a condition has either `is` or `min`/`max`, not both",
                );
            }
            let DeValue::Array(ids) = is.get_ref() else {
                self.error(&is.span(), item, "\"is\" must be a list of choice ids");
                return None;
            };
            let ids: Option<Vec<ChoiceId>> = ids
                .iter()
                .map(|c| self.as_string(c, "is", item).map(ChoiceId))
                .collect();
            return Some(Condition::Chose {
                question,
                any: leak(ids?),
            });
        }
        let min = Self::get(t, "min").map(|v| self.integer(v, "min", item));
        let max = Self::get(t, "max").map(|v| self.integer(v, "max", item));
        if min.is_none() && max.is_none() {
            self.error(
                &span,
                item,
                "a condition needs `is = [...]`, or `min` and/or `max`",
            );
            return None;
        }
        Some(Condition::Between {
            question,
            min: min.unwrap_or(Some(0))?,
            max: max.unwrap_or(Some(u8::MAX))?,
        })
    }

    pub(super) fn optional_condition(
        &mut self,
        table: &DeTable<'a>,
        key: &str,
        item: &str,
    ) -> Option<Option<Condition>> {
        match Self::get(table, key) {
            None => Some(None),
            Some(v) => self.condition(v, item).map(Some),
        }
    }

    pub(super) fn required_condition(
        &mut self,
        table: &DeTable<'a>,
        key: &str,
        item: &str,
        span: &Range<usize>,
    ) -> Option<Condition> {
        match Self::get(table, key) {
            None => {
                self.error(span, item, format!("missing \"{key}\" (the condition)"));
                None
            }
            Some(v) => self.condition(v, item),
        }
    }

    pub(super) fn remember(&mut self, item: Item, span: &Range<usize>) {
        let line = self.line(span);
        self.lines.push((item, line));
    }

    // ----- the quiz file -----
}

/// "prompt.en and prompt.es": the keys a text must have.
fn text_keys(key: &str) -> String {
    let keys: Vec<String> = Lang::ALL
        .iter()
        .map(|l| format!("{key}.{}", l.tag()))
        .collect();
    keys.join(" and ")
}
