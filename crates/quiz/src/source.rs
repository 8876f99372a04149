//! Reading the content files (`content/quiz.toml`, `content/clinic.toml`) into
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
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::clinic::{Clinic, ContentVersion, Location, Phone};
use crate::model::{
    Choice, ChoiceId, Condition, Expectation, Guideline, Kind, Lang, Line, Question, QuestionId,
    Quiz, Remark, Rule, Section, Source, Text, Tier, TierText, Wording, Words,
};
use crate::validate::{about_paths, suggestion, validate, Item, Problem};

/// The setting that names the content folder (`quiz.toml`, `clinic.toml`,
/// `article.txt`): `.cargo/config.toml` sets it for every cargo command (build scripts,
/// `cargo run`, `cargo test`), the environment wins, and it is relative to the project
/// root or absolute. The build, `cargo xtask`, and the tests all find the content here.
pub const CONTENT_SETTING: &str = "SYMPTOM_QUIZ_CONTENT";

/// A file of the content folder of the project at `root` (see [`CONTENT_SETTING`];
/// `content` when it is unset), and its name as people set it: relative to `root` when
/// inside it.
pub fn content_file(root: &Path, file: &str) -> (PathBuf, String) {
    let folder = std::env::var_os(CONTENT_SETTING).unwrap_or_else(|| "content".into());
    let path = root.join(folder).join(file);
    let name = path
        .strip_prefix(root)
        .unwrap_or(&path)
        .display()
        .to_string();
    (path, name)
}

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

/// Reads and validates the quiz file against the article: every problem at once, in
/// the order of the file's lines.
///
/// When the reader found problems, the items it could read are validated too, so that a
/// problem elsewhere is not hidden until those are fixed. Validation problems that only
/// follow from the reader's are left out (see `Reading::explains`).
pub fn load_quiz(file: File<'_>, article: &str) -> Result<Quiz, Vec<FileProblem>> {
    let mut reader = Reader::new(file);
    let Some(quiz) = reader.quiz() else {
        return Err(in_file_order(reader.problems));
    };
    let read = Reading::of(&reader, &quiz);
    let found: Vec<Problem> = validate(&quiz, article)
        .into_iter()
        .filter(|p| !read.explains(p))
        .collect();
    // A finding of the walk about an item with a problem of its own follows from it too
    // (a rule naming an unknown choice can never fire): the item's own is the one to fix.
    let own = |p: &Problem| found.iter().any(|o| o.item == p.item && !about_paths(o));
    let kept: Vec<Problem> = found
        .iter()
        .filter(|p| !(about_paths(p) && own(p)))
        .cloned()
        .collect();
    let mut problems: Vec<FileProblem> = kept
        .into_iter()
        .map(|p| FileProblem {
            file: file.name.to_string(),
            line: reader.line_of(&p.item),
            item: p.item.to_string(),
            message: p.message,
        })
        .collect();
    problems.extend(reader.problems);
    if problems.is_empty() {
        Ok(quiz)
    } else {
        Err(in_file_order(problems))
    }
}

/// `problems` sorted by file, then line; problems on one line keep their order.
pub fn in_file_order(mut problems: Vec<FileProblem>) -> Vec<FileProblem> {
    problems.sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
    problems
}

/// What the reader reported and what it left out of the quiz, to tell which validation
/// problems only follow from it (`Reading::explains`).
struct Reading {
    /// Items the reader reported a problem about.
    reported: Vec<Item>,
    /// Items named in the file that are not in the quiz (the reader dropped them).
    dropped: Vec<Item>,
    /// Whether the paths the walk sees may differ from the file's: a question, a choice
    /// or a rule was dropped, or a problem was about a table the reader could not name.
    paths_changed: bool,
}

impl Reading {
    fn of(reader: &Reader<'_>, quiz: &Quiz) -> Reading {
        let named = |item: &Item| {
            let name = item.to_string();
            reader.problems.iter().any(|p| {
                p.item == name
                    || p.item
                        .strip_prefix(name.as_str())
                        .is_some_and(|rest| rest.starts_with(' '))
            })
        };
        let reported: Vec<Item> = reader
            .lines
            .iter()
            .map(|(item, _)| item.clone())
            .filter(|item| named(item))
            .collect();
        let dropped: Vec<Item> = reader
            .lines
            .iter()
            .map(|(item, _)| item.clone())
            .filter(|item| !in_quiz(quiz, item))
            .collect();
        // A syntax error here was a quoting mistake read as it was meant: it drops
        // nothing.
        let unnamed = reader.problems.iter().any(|p| {
            p.item != "TOML"
                && !reader
                    .lines
                    .iter()
                    .any(|(item, _)| p.item.starts_with(&item.to_string()))
        });
        let paths_changed = unnamed
            || dropped
                .iter()
                .any(|item| matches!(item, Item::Question(_) | Item::Choice(..) | Item::Rule(_)));
        Reading {
            reported,
            dropped,
            paths_changed,
        }
    }

    /// Whether a validation problem only follows from the reader's problems, and is
    /// left out: it would go away once they are fixed, or it says again what they say.
    /// That is when it is
    /// - about an item the reader reported (that item may be read in part or not at
    ///   all; the reader's message is the one to act on);
    /// - a message that names, in quotes, an item the reader dropped: "names unknown
    ///   question \"age\"" when question "age" could not be read, "has no [[result]]
    ///   for tier \"urgent\"" when that result could not (for a choice, its id and its
    ///   question's both);
    /// - about a question one of whose choices was dropped, and about its choices
    ///   ("needs at least two choices");
    /// - about an expectation, when the reader reported one: expectations are counted,
    ///   not named, and with one dropped the count no longer matches the file's;
    /// - a finding of the walk of every path ([`about_paths`]: unreachable, can never
    ///   fire, never applies, a path with no outcome) when the quiz walked is not the
    ///   file's: a question, a choice or a rule was dropped, or the reader could not
    ///   tell which item a problem is in.
    fn explains(&self, problem: &Problem) -> bool {
        let quoted = |id: &str| problem.message.contains(&format!("\"{id}\""));
        self.reported.contains(&problem.item)
            || self.dropped.iter().any(|item| match item {
                Item::Choice(q, c) => {
                    (quoted(c.0) && quoted(q.0))
                        || (problem.item == Item::Question(*q)
                            && problem.message.contains("choice"))
                }
                _ => id_of(item).is_some_and(quoted),
            })
            || (self.paths_changed && about_paths(problem))
            || (matches!(problem.item, Item::Expectation(_))
                && self
                    .reported
                    .iter()
                    .any(|i| matches!(i, Item::Expectation(_))))
    }
}

/// The id an item is named by in messages.
fn id_of(item: &Item) -> Option<&'static str> {
    match item {
        Item::Section(id) | Item::Rule(id) | Item::Pattern(id) | Item::Tell(id) => Some(id),
        Item::Question(q) => Some(q.0),
        Item::Choice(_, c) => Some(c.0),
        Item::Result(tier) => Some(tier.slug()),
        Item::Quiz | Item::Words | Item::Expectation(_) => None,
    }
}

/// Whether `item` made it into the quiz.
fn in_quiz(quiz: &Quiz, item: &Item) -> bool {
    match item {
        Item::Quiz | Item::Words => true,
        Item::Section(id) => quiz.sections.iter().any(|s| s.id == *id),
        Item::Question(q) => quiz.question(*q).is_some(),
        Item::Choice(q, c) => quiz.question(*q).is_some_and(|q| q.choice(*c).is_some()),
        Item::Rule(id) => quiz.rules.iter().any(|r| r.id == *id),
        Item::Pattern(id) => quiz.patterns.iter().any(|p| p.id == *id),
        Item::Tell(id) => quiz.tell.iter().any(|t| t.id == *id),
        // Counted, not named: see `Reading::explains`.
        Item::Expectation(_) => true,
        Item::Result(tier) => quiz.results.iter().any(|r| r.tier == *tier),
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

/// A text's keys: each language's tag, then each with `-other` (a language added to
/// `Lang::ALL` makes this a compile error until it is here too).
const TEXT_KEYS: [&str; 2 * Lang::COUNT] = ["en", "es", "en-other", "es-other"];

/// The longest text a screen shows (the longest shipped one is about 300 characters).
pub const MAX_TEXT: usize = 2_000;
/// The largest content file read (the quiz file is about 55 KB).
pub const MAX_FILE: usize = 1 << 20;
/// The curly quotes a word processor puts in place of straight ones.
const CURLY_QUOTES: [char; 6] = ['“', '”', '„', '‘', '’', '‚'];

/// A TOML syntax error (the `toml` crate's `message`, found at byte `at`) in plain words
/// for the people who edit the content: the two mistakes a word processor or a quote in
/// a sentence cause are explained; any other keeps the parser's own words. For those
/// two, also the text with that line as it was meant (its value quoted right), when the
/// line is a plain `key = value`: reading goes on from it, so that the file's other
/// problems are found at once (the mistake is still reported, and still fails the build).
fn syntax_error(text: &str, at: usize, message: &str) -> (String, Option<String>) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let (before, after, line) = (&text[start..at], &text[at..end], &text[start..end]);
    let meant = || requote(line).map(|line| format!("{}{line}{}", &text[..start], &text[end..]));
    // A quote inside a text ends it early: the parser stops just after that quote and
    // finds more of the text, with the real closing quote, on the same line.
    let closed_by = before.trim_end().chars().last();
    let rest = after.trim_start();
    let ends_early = |quote: char| {
        closed_by == Some(quote) && !rest.is_empty() && !rest.starts_with('#') && {
            rest.contains(quote)
        }
    };
    if ends_early('"') {
        let message = "a \" inside a text must be written \\\" (or put the text in single \
                       quotes: key = 'He said \"stop\"')";
        return (message.into(), meant());
    }
    if ends_early('\'') {
        let message = "a ' inside a text in single quotes ends the text; put the text in \
                       double quotes instead: key = \"It's here\"";
        return (message.into(), meant());
    }
    let curly_here = after.starts_with(CURLY_QUOTES)
        || line
            .split_once('=')
            .is_some_and(|(_, value)| value.trim_start().starts_with(CURLY_QUOTES))
        || message.contains("must be quoted")
        || message.contains("invalid basic string")
        || message.contains("invalid literal string");
    if line.contains(CURLY_QUOTES) && curly_here {
        let message =
            "this line uses curly quotes (“ ”) from a word processor; write straight quotes \"…\"";
        return (message.into(), meant());
    }
    // The parser's own limit (about 80 levels) keeps any file from exhausting its stack.
    if message.contains("max recursion depth") {
        let message = "nested too deeply: arrays and tables inside each other, more levels \
                       than the reader takes (the quiz file uses 4)";
        return (message.into(), None);
    }
    let plain = if message.starts_with("invalid basic string") && rest.is_empty() {
        "a text is not closed; end it with \" on the same line: "
    } else if message.starts_with("string values must be quoted") {
        "a text must be in quotes: key = \"…\"; "
    } else {
        ""
    };
    (
        format!("the file's syntax is broken here: {plain}{message}"),
        None,
    )
}

/// A `key = value` line whose value is one text between quotes of any kind (straight,
/// single, curly), with that text written as TOML reads it: between straight double
/// quotes, a `"` inside it escaped. `None` for any other line.
fn requote(line: &str) -> Option<String> {
    const OPEN: [char; 5] = ['"', '\'', '“', '‘', '„'];
    const CLOSE: [char; 5] = ['"', '\'', '”', '’', '“'];
    let (key, value) = line.split_once('=')?;
    let bare = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if key.trim().is_empty() || !key.trim().chars().all(bare) {
        return None;
    }
    let value = value.trim();
    let open = value.chars().next().filter(|c| OPEN.contains(c))?;
    let inner = value[open.len_utf8()..].strip_suffix(CLOSE)?;
    let mut quoted = String::new();
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            // In a basic string ("…") a backslash escapes; anywhere else it is a letter.
            '\\' if open == '"' => {
                escaped = !escaped;
                quoted.push(c);
                continue;
            }
            '\\' => quoted.push_str("\\\\"),
            '"' if !escaped => quoted.push_str("\\\""),
            _ => quoted.push(c),
        }
        escaped = false;
    }
    Some(format!("{key}= \"{quoted}\""))
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
                    format!("missing \"{key}\" (write {})", text_keys(key)),
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
            wordings.push(myself.map(|myself| Wording {
                myself,
                someone_else,
            }));
        }
        let wordings: Vec<Wording> = wordings.into_iter().collect::<Option<_>>()?;
        Some(Text(wordings.try_into().ok()?))
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
    fn list_of_tables<'t>(
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
    fn clinic_text(&mut self, v: &Value<'a>, key: &str, item: &str) -> Option<Text> {
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
    fn clinic_texts(&mut self, root: &DeTable<'a>, key: &str, item: &str) -> Vec<Text> {
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

/// "prompt.en and prompt.es": the keys a text must have.
fn text_keys(key: &str) -> String {
    let keys: Vec<String> = Lang::ALL
        .iter()
        .map(|l| format!("{key}.{}", l.tag()))
        .collect();
    keys.join(" and ")
}
