//! Reading the content files (`src/content/quiz.toml`, `src/content/clinic.toml`) into
//! the model, with errors that name the file, the line and the item.
//!
//! Host only: `build.rs` uses it to turn the files into compiled-in data, and so do
//! `cargo xtask check-content` and the tests. The browser never parses TOML (the parser
//! would cost ~47 KB of wasm). The reader is strict: unknown keys, wrong types and
//! missing fields are errors, so a typo cannot silently drop a warning sign.
//!
//! What it reads is leaked to `'static`: a build or a check reads the files once.

use std::fmt;
use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::clinic::{Clinic, ContentVersion, Location, Phone};
use super::model::{
    Choice, ChoiceId, Condition, Expectation, Guideline, Kind, Line, Question, QuestionId, Quiz,
    Remark, Rule, Section, Source, Text, Tier, TierText, Words,
};
use super::validate::{validate, Item};

/// One problem, located: `file:line: item: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    pub file: String,
    pub line: usize,
    pub item: String,
    pub message: String,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.file, self.line, self.item, self.message
        )
    }
}

/// A named file's text.
#[derive(Clone, Copy, Debug)]
pub struct File<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// Reads and validates the quiz file against the article.
pub fn load_quiz(file: File<'_>, article: &str) -> Result<Quiz, Vec<FileProblem>> {
    let mut reader = Reader::new(file);
    let Some(quiz) = reader.quiz() else {
        return Err(reader.problems);
    };
    if !reader.problems.is_empty() {
        return Err(reader.problems);
    }
    let problems: Vec<FileProblem> = validate(&quiz, article)
        .into_iter()
        .map(|p| FileProblem {
            file: file.name.to_string(),
            line: reader.line_of(&p.item),
            item: p.item.to_string(),
            message: p.message,
        })
        .collect();
    if problems.is_empty() {
        Ok(quiz)
    } else {
        Err(problems)
    }
}

/// Reads and checks the clinic file.
pub fn load_clinic(file: File<'_>) -> Result<Clinic, Vec<FileProblem>> {
    let mut reader = Reader::new(file);
    match reader.clinic() {
        Some(clinic) if reader.problems.is_empty() => Ok(clinic),
        _ => Err(reader.problems),
    }
}

fn leak_str(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

type Value<'i> = Spanned<DeValue<'i>>;

struct Reader<'a> {
    file: File<'a>,
    problems: Vec<FileProblem>,
    /// Where each item starts, for validation messages.
    lines: Vec<(Item, usize)>,
}

const TEXT_KEYS: [&str; 4] = ["en", "es", "en-other", "es-other"];

/// The longest text a screen shows (the longest shipped one is about 300 characters).
pub const MAX_TEXT: usize = 2_000;
/// The largest content file read (the quiz file is about 55 KB).
pub const MAX_FILE: usize = 1 << 20;
/// The deepest nesting of arrays and inline tables read (the quiz file uses 4).
pub const MAX_DEPTH: usize = 32;

/// Where the file's arrays and inline tables first nest deeper than [`MAX_DEPTH`]
/// (a byte offset), if they do: checked before parsing, so that no file can exhaust the
/// parser's stack. Brackets inside strings and comments are skipped.
fn too_deep(text: &str) -> Option<usize> {
    let (mut depth, mut in_string, mut in_comment, mut escaped) = (0usize, None, false, false);
    for (at, byte) in text.bytes().enumerate() {
        match (in_string, byte) {
            (_, b'\n') if in_comment => in_comment = false,
            _ if in_comment => {}
            (Some(quote), b) => {
                if escaped {
                    escaped = false;
                } else if b == b'\\' && quote == b'"' {
                    escaped = true;
                } else if b == quote {
                    in_string = None;
                }
            }
            (None, b'"' | b'\'') => in_string = Some(byte),
            (None, b'#') => in_comment = true,
            // A table header ([x] or [[x]]) at a line's start is not nesting.
            (None, b'[' | b'{') if depth > 0 || !starts_line(text, at) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(at);
                }
            }
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Whether only spaces (or one `[`) stand before `at` on its line.
fn starts_line(text: &str, at: usize) -> bool {
    let line = &text[text[..at].rfind('\n').map_or(0, |i| i + 1)..at];
    matches!(line.trim_start(), "" | "[")
}

impl<'a> Reader<'a> {
    fn new(file: File<'a>) -> Self {
        Reader {
            file,
            problems: Vec::new(),
            lines: Vec::new(),
        }
    }

    fn line(&self, span: &Range<usize>) -> usize {
        let end = span.start.min(self.file.text.len());
        self.file.text[..end].matches('\n').count() + 1
    }

    fn line_of(&self, item: &Item) -> usize {
        let own = self.lines.iter().find(|(i, _)| i == item);
        // A choice's problem may be found by its question: fall back to it.
        let parent = match item {
            Item::Choice(q, _) => self.lines.iter().find(|(i, _)| *i == Item::Question(*q)),
            _ => None,
        };
        own.or(parent).map_or(1, |(_, line)| *line)
    }

    fn error(&mut self, span: &Range<usize>, item: &str, message: impl Into<String>) {
        self.problems.push(FileProblem {
            file: self.file.name.to_string(),
            line: self.line(span),
            item: item.to_string(),
            message: message.into(),
        });
    }

    fn parse(&mut self) -> Option<DeTable<'a>> {
        if self.file.text.len() > MAX_FILE {
            let message = format!(
                "the file is {} bytes; at most {MAX_FILE} are read",
                self.file.text.len()
            );
            self.error(&(0..0), "file", message);
            return None;
        }
        if let Some(at) = too_deep(self.file.text) {
            let message = format!("nested more than {MAX_DEPTH} levels deep");
            self.error(&(at..at), "TOML", message);
            return None;
        }
        match DeTable::parse(self.file.text) {
            Ok(table) => Some(table.into_inner()),
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                let message = e.message().to_string();
                self.error(&span, "TOML", message);
                None
            }
        }
    }

    // ----- generic accessors -----

    fn get<'t>(table: &'t DeTable<'a>, key: &str) -> Option<&'t Value<'a>> {
        table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }

    /// Where an item is named: its `id` line (a table's own span starts at its header).
    fn id_span(table: &DeTable<'a>, fallback: Range<usize>) -> Range<usize> {
        Self::get(table, "id").map_or(fallback, |v| v.span())
    }

    fn known_keys(&mut self, table: &DeTable<'a>, known: &[&str], item: &str) {
        for (key, _) in table.iter() {
            if !known.contains(&key.get_ref().as_ref()) {
                let span = key.span();
                self.error(
                    &span,
                    item,
                    format!(
                        "unknown key \"{}\" (expected one of: {})",
                        key.get_ref(),
                        known.join(", ")
                    ),
                );
            }
        }
    }

    fn string(
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

    fn as_string(&mut self, v: &Value<'a>, key: &str, item: &str) -> Option<&'static str> {
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

    fn optional_string(
        &mut self,
        table: &DeTable<'a>,
        key: &str,
        item: &str,
    ) -> Option<&'static str> {
        Self::get(table, key).and_then(|v| self.as_string(v, key, item))
    }

    fn integer(&mut self, v: &Value<'a>, key: &str, item: &str) -> Option<u8> {
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

    fn tables<'t>(
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

    fn text(
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
                    format!("missing \"{key}\" (write {key}.en and {key}.es)"),
                );
                None
            }
            Some(v) => self.as_text(v, key, item, span),
        }
    }

    /// A text table; a missing language is reported at `at`, the item's line.
    fn as_text(&mut self, v: &Value<'a>, key: &str, item: &str, at: &Range<usize>) -> Option<Text> {
        let DeValue::Table(t) = v.get_ref() else {
            self.error(
                &v.span(),
                item,
                format!("\"{key}\" must have {key}.en and {key}.es"),
            );
            return None;
        };
        self.known_keys(t, &TEXT_KEYS, &format!("{item} {key}"));
        let span = at.clone();
        let lang = |reader: &mut Self, k: &str, required: bool| match Self::get(t, k) {
            Some(v) => reader.as_string(v, &format!("{key}.{k}"), item),
            None if required => {
                reader.error(
                    &span,
                    item,
                    format!(
                        "{key}: the {} text ({key}.{k}) is missing",
                        if k == "en" { "English" } else { "Spanish" }
                    ),
                );
                None
            }
            None => None,
        };
        let en = lang(self, "en", true);
        let es = lang(self, "es", true);
        let en_other = lang(self, "en-other", false);
        let es_other = lang(self, "es-other", false);
        Some(Text {
            en: en?,
            es: es?,
            en_other,
            es_other,
        })
    }

    fn source(
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

    fn condition(&mut self, v: &Value<'a>, item: &str) -> Option<Condition> {
        let DeValue::Table(t) = v.get_ref() else {
            self.error(
                &v.span(),
                item,
                "a condition is a table like { question = \"id\", is = [\"choice\"] }",
            );
            return None;
        };
        let span = v.span();
        let list = |reader: &mut Self, key: &str| -> Option<&'static [Condition]> {
            let v = Self::get(t, key)?;
            let DeValue::Array(items) = v.get_ref() else {
                reader.error(
                    &v.span(),
                    item,
                    format!("\"{key}\" must be a list of conditions"),
                );
                return None;
            };
            let parts: Option<Vec<Condition>> =
                items.iter().map(|p| reader.condition(p, item)).collect();
            parts.map(leak)
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

    fn optional_condition(
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

    fn required_condition(
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

    fn remember(&mut self, item: Item, span: &Range<usize>) {
        let line = self.line(span);
        self.lines.push((item, line));
    }

    // ----- the quiz file -----

    fn quiz(&mut self) -> Option<Quiz> {
        let root = self.parse()?;
        self.known_keys(
            &root,
            &[
                "words", "section", "question", "rule", "pattern", "tell", "expect", "result",
            ],
            "the quiz",
        );
        let whole = 0..0;
        let words = match Self::get(&root, "words") {
            Some(v) => match v.get_ref() {
                DeValue::Table(t) => {
                    self.known_keys(t, &["yes", "no"], "[words]");
                    let span = v.span();
                    let yes = self.text(t, "yes", "[words]", &span);
                    let no = self.text(t, "no", "[words]", &span);
                    yes.zip(no).map(|(yes, no)| Words { yes, no })
                }
                _ => None,
            },
            None => {
                self.error(&whole, "the quiz", "missing [words] (yes and no)");
                None
            }
        };
        let sections = self.sections(&root);
        let questions = self.questions(&root, words);
        let rules = self.rules(&root);
        let patterns = self.remarks(&root, "pattern", Item::Pattern);
        let tell = self.remarks(&root, "tell", Item::Tell);
        let expectations = self.expectations(&root);
        let results = self.results(&root);
        Some(Quiz {
            sections: leak(sections),
            questions: leak(questions),
            rules: leak(rules),
            patterns: leak(patterns),
            tell: leak(tell),
            expectations: leak(expectations),
            results: leak(results),
            words: words?,
        })
    }

    fn sections(&mut self, root: &DeTable<'a>) -> Vec<Section> {
        let mut out = Vec::new();
        for (t, span) in self.tables(root, "section", "section") {
            self.known_keys(t, &["id", "title"], "section");
            let Some(id) = self.string(t, "id", "section", &span) else {
                continue;
            };
            let span = Self::id_span(t, span);
            let item = Item::Section(id);
            self.remember(item.clone(), &span);
            if let Some(title) = self.text(t, "title", &item.to_string(), &span) {
                out.push(Section { id, title });
            }
        }
        out
    }

    fn questions(&mut self, root: &DeTable<'a>, words: Option<Words>) -> Vec<Question> {
        const KEYS: [&str; 11] = [
            "id", "section", "kind", "prompt", "why", "hint", "min", "max", "show_if", "source",
            "choice",
        ];
        let mut out = Vec::new();
        for (t, span) in self.tables(root, "question", "question") {
            let Some(id) = self.string(t, "id", "question", &span) else {
                continue;
            };
            let span = Self::id_span(t, span);
            let id = QuestionId(id);
            let item = Item::Question(id);
            let name = item.to_string();
            self.remember(item, &span);
            self.known_keys(t, &KEYS, &name);
            let kinds = [
                Kind::Single,
                Kind::YesNo,
                Kind::Checklist,
                Kind::Scale,
                Kind::Number,
            ];
            let kind = self.string(t, "kind", &name, &span).and_then(|k| {
                let found = kinds.into_iter().find(|kind| kind.name() == k);
                if found.is_none() {
                    self.error(
                        &span,
                        &name,
                        format!("unknown kind \"{k}\" (single, yes-no, checklist, scale, number)"),
                    );
                }
                found
            });
            let section = self.string(t, "section", &name, &span);
            let prompt = self.text(t, "prompt", &name, &span);
            let why = self.text(t, "why", &name, &span);
            let hint = Self::get(t, "hint").map(|v| self.as_text(v, "hint", &name, &span));
            let source = self.source(t, &name, &span, None);
            let show_if = self.optional_condition(t, "show_if", &name);
            let (mut min, mut max) = (0, 0);
            if let Some(v) = Self::get(t, "min") {
                min = self.integer(v, "min", &name).unwrap_or(0);
            }
            if let Some(v) = Self::get(t, "max") {
                max = self.integer(v, "max", &name).unwrap_or(0);
            }
            let mut choices = Vec::new();
            for (c, cspan) in self.tables(t, "choice", &name) {
                let Some(cid) = self.string(c, "id", &name, &cspan) else {
                    continue;
                };
                let cspan = Self::id_span(c, cspan);
                let citem = Item::Choice(id, ChoiceId(cid));
                let cname = citem.to_string();
                self.remember(citem, &cspan);
                self.known_keys(c, &["id", "label", "none", "source"], &cname);
                let exclusive = match Self::get(c, "none") {
                    None => false,
                    Some(v) => match v.get_ref() {
                        DeValue::Boolean(b) => *b,
                        _ => {
                            self.error(&v.span(), &cname, "\"none\" must be true or false");
                            false
                        }
                    },
                };
                let label = self.text(c, "label", &cname, &cspan);
                let csource = self.source(c, &cname, &cspan, source);
                if let (Some(label), Some(source)) = (label, csource) {
                    choices.push(Choice {
                        id: ChoiceId(cid),
                        label,
                        exclusive,
                        source,
                    });
                }
            }
            if kind == Some(Kind::YesNo) && choices.is_empty() {
                if let (Some(words), Some(source)) = (words, source) {
                    choices = vec![
                        Choice {
                            id: ChoiceId("yes"),
                            label: words.yes,
                            exclusive: false,
                            source,
                        },
                        Choice {
                            id: ChoiceId("no"),
                            label: words.no,
                            exclusive: false,
                            source,
                        },
                    ];
                }
            }
            if let (
                Some(kind),
                Some(section),
                Some(prompt),
                Some(why),
                Some(source),
                Some(show_if),
            ) = (kind, section, prompt, why, source, show_if)
            {
                out.push(Question {
                    id,
                    section,
                    kind,
                    prompt,
                    why,
                    hint: hint.flatten(),
                    choices: leak(choices),
                    min,
                    max,
                    show_if,
                    source,
                });
            }
        }
        out
    }

    fn rules(&mut self, root: &DeTable<'a>) -> Vec<Rule> {
        let mut out = Vec::new();
        for (t, span) in self.tables(root, "rule", "rule") {
            let Some(id) = self.string(t, "id", "rule", &span) else {
                continue;
            };
            let span = Self::id_span(t, span);
            let item = Item::Rule(id);
            let name = item.to_string();
            self.remember(item, &span);
            self.known_keys(
                t,
                &[
                    "id", "tier", "when", "reason", "source", "call", "action", "worse", "details",
                ],
                &name,
            );
            let tier = self.string(t, "tier", &name, &span).and_then(|s| {
                let tier = Tier::from_slug(s);
                if tier.is_none() {
                    self.error(&span, &name, format!("unknown tier \"{s}\" (emergency, urgent, doctor-first, call-clinic, self-care)"));
                }
                tier
            });
            let when = self.required_condition(t, "when", &name, &span);
            let reason = self.text(t, "reason", &name, &span);
            let source = self.source(t, &name, &span, None);
            let call = self.lines(t, &name);
            let action = Self::get(t, "action").map(|v| self.as_text(v, "action", &name, &span));
            let worse = Self::get(t, "worse").map(|v| self.as_text(v, "worse", &name, &span));
            let details = match Self::get(t, "details").map(|v| (v.get_ref(), v.span())) {
                None => Some(true),
                Some((DeValue::Boolean(b), _)) => Some(*b),
                Some((_, at)) => {
                    self.error(&at, &name, "\"details\" must be true or false");
                    None
                }
            };
            if let (Some(tier), Some(when), Some(reason), Some(source), Some(call), Some(details)) =
                (tier, when, reason, source, call, details)
            {
                // An emergency result always has a line to call: 911 unless named.
                let call = match call {
                    [] if tier == Tier::Emergency => &[Line::Emergency][..],
                    named => named,
                };
                out.push(Rule {
                    id,
                    tier,
                    when,
                    reason,
                    source,
                    call,
                    action: action.flatten(),
                    worse: worse.flatten(),
                    details,
                });
            }
        }
        out
    }

    /// A rule's `call = ["911", "988", "poison-control"]`: the lines its result shows.
    fn lines(&mut self, table: &DeTable<'a>, item: &str) -> Option<&'static [Line]> {
        let Some(v) = Self::get(table, "call") else {
            return Some(&[]);
        };
        let known: Vec<&str> = Line::ALL.iter().map(|l| l.id()).collect();
        let DeValue::Array(ids) = v.get_ref() else {
            self.error(
                &v.span(),
                item,
                format!("\"call\" must be a list of lines ({})", known.join(", ")),
            );
            return None;
        };
        let mut out = Vec::new();
        for id in ids.iter() {
            let name = self.as_string(id, "call", item)?;
            match Line::from_id(name) {
                Some(line) => out.push(line),
                None => {
                    self.error(
                        &id.span(),
                        item,
                        format!(
                            "unknown line \"{name}\" in \"call\" (known: {})",
                            known.join(", ")
                        ),
                    );
                    return None;
                }
            }
        }
        Some(leak(out))
    }

    fn remarks(
        &mut self,
        root: &DeTable<'a>,
        key: &str,
        item_of: fn(&'static str) -> Item,
    ) -> Vec<Remark> {
        let mut out = Vec::new();
        for (t, span) in self.tables(root, key, key) {
            let Some(id) = self.string(t, "id", key, &span) else {
                continue;
            };
            let span = Self::id_span(t, span);
            let item = item_of(id);
            let name = item.to_string();
            self.remember(item, &span);
            self.known_keys(t, &["id", "when", "text", "source"], &name);
            let when = self.required_condition(t, "when", &name, &span);
            let text = self.text(t, "text", &name, &span);
            let source = self.source(t, &name, &span, None);
            if let (Some(when), Some(text), Some(source)) = (when, text, source) {
                out.push(Remark {
                    id,
                    when,
                    text,
                    source,
                });
            }
        }
        out
    }

    fn expectations(&mut self, root: &DeTable<'a>) -> Vec<Expectation> {
        let mut out = Vec::new();
        for (i, (t, span)) in self
            .tables(root, "expect", "expect")
            .into_iter()
            .enumerate()
        {
            let item = Item::Expectation(i);
            let name = item.to_string();
            self.remember(item, &span);
            self.known_keys(t, &["text", "source"], &name);
            let text = self.text(t, "text", &name, &span);
            let source = self.source(t, &name, &span, None);
            if let (Some(text), Some(source)) = (text, source) {
                out.push(Expectation { text, source });
            }
        }
        out
    }

    fn results(&mut self, root: &DeTable<'a>) -> Vec<TierText> {
        let mut out = Vec::new();
        for (t, span) in self.tables(root, "result", "result") {
            let Some(slug) = self.string(t, "tier", "result", &span) else {
                continue;
            };
            let span = Self::get(t, "tier").map_or(span, |v| v.span());
            let Some(tier) = Tier::from_slug(slug) else {
                self.error(&span, "result", format!("unknown tier \"{slug}\""));
                continue;
            };
            let item = Item::Result(tier);
            let name = item.to_string();
            self.remember(item, &span);
            self.known_keys(t, &["tier", "headline", "action", "worse", "source"], &name);
            let headline = self.text(t, "headline", &name, &span);
            let action = self.text(t, "action", &name, &span);
            let worse = self.text(t, "worse", &name, &span);
            let source = self.source(t, &name, &span, None);
            if let (Some(headline), Some(action), Some(worse), Some(source)) =
                (headline, action, worse, source)
            {
                out.push(TierText {
                    tier,
                    headline,
                    action,
                    worse,
                    source,
                });
            }
        }
        out
    }

    // ----- the clinic file -----

    fn clinic(&mut self) -> Option<Clinic> {
        let root = self.parse()?;
        let item = "clinic";
        let whole = 0..0;
        self.known_keys(
            &root,
            &[
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
            ],
            item,
        );
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
            let Some(v) = Self::get(&root, key) else {
                continue;
            };
            let DeValue::Array(entries) = v.get_ref() else {
                self.error(
                    &v.span(),
                    item,
                    format!("\"{key}\" must be a list of [[location]] tables"),
                );
                continue;
            };
            for entry in entries.iter() {
                let DeValue::Table(t) = entry.get_ref() else {
                    self.error(
                        &entry.span(),
                        item,
                        "each location is a table with name and address",
                    );
                    continue;
                };
                self.known_keys(t, &["name", "address"], "location");
                let span = entry.span();
                let name = self.string(t, "name", "location", &span);
                let address = self.string(t, "address", "location", &span);
                if let (Some(name), Some(address)) = (name, address) {
                    locations.push(Location { name, address });
                }
            }
        }
        let hours = self.string_list(&root, "hours", item);
        let languages = self.string_list(&root, "languages", item);
        let after_hours = match Self::get(&root, "after_hours") {
            None => None,
            Some(v) => self
                .as_text(v, "after_hours", item, &v.span())
                .filter(|t| !(t.en.is_empty() && t.es.is_empty())),
        };
        if let Some(t) = after_hours {
            if t.en.is_empty() || t.es.is_empty() {
                let span = Self::get(&root, "after_hours").map_or(0..0, |v| v.span());
                self.error(&span, item, "after_hours needs both en and es, or neither");
            }
        }
        let insurance = self.text(&root, "insurance", item, &whole);
        let content = match Self::get(&root, "content") {
            Some(v) => match v.get_ref() {
                DeValue::Table(t) => {
                    let span = v.span();
                    self.known_keys(t, &["version", "reviewed_by", "reviewed_on"], "[content]");
                    let version = self.string(t, "version", "[content]", &span);
                    let reviewed_by = self
                        .optional_string(t, "reviewed_by", "[content]")
                        .filter(|s| !s.is_empty());
                    let reviewed_on = self
                        .optional_string(t, "reviewed_on", "[content]")
                        .filter(|s| !s.is_empty());
                    version.map(|version| ContentVersion {
                        version,
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
                    "missing [content] (version, reviewed_by, reviewed_on)",
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

    fn string_list(&mut self, root: &DeTable<'a>, key: &str, item: &str) -> Vec<&'static str> {
        let Some(v) = Self::get(root, key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.error(
                &v.span(),
                item,
                format!("\"{key}\" must be a list of strings"),
            );
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|s| self.as_string(s, key, item))
            .collect()
    }
}
