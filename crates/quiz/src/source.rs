//! Reading the content files (`content/quiz.toml`, `content/clinic.toml`) into
//! the model, with errors that name the file, the line and the item.
//!
//! Host only: `build.rs` uses it to turn the files into compiled-in data, and so do
//! `cargo xtask check-content` and the tests. The browser never parses TOML (the parser
//! would cost ~47 KB of wasm). The reader is strict: unknown keys, wrong types and
//! missing fields are errors, so a typo cannot silently drop a warning sign.
//!
//! What it reads is leaked to `'static`: a build or a check reads the files once.
//!
//! `reader` reads values strictly and locates problems; `syntax` puts TOML syntax
//! errors in plain words; `quiz_file` and `clinic_file` read each file's items. This
//! module says which problems are reported (see `Reading`).

mod clinic_file;
mod quiz_file;
mod reader;
mod syntax;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::clinic::Clinic;
use crate::model::Quiz;
use crate::validate::{
    about_paths, contradicts, validate, validate_explored, validate_structure, Exploration, Item,
    Problem,
};
use reader::Reader;

pub use reader::{MAX_FILE, MAX_TEXT};

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
    load(file, article, &mut validate)
}

/// [`load_quiz`], and its walk of every path: for the figures check-content prints.
pub fn load_quiz_explored(
    file: File<'_>,
    article: &str,
) -> Result<(Quiz, Exploration), Vec<FileProblem>> {
    let mut walked = None;
    let quiz = load(file, article, &mut |quiz, article| {
        let (problems, exploration) = validate_explored(quiz, article);
        walked = Some(exploration);
        problems
    })?;
    Ok((quiz, walked.expect("a quiz that loads was walked")))
}

/// [`load_quiz`] without the walk of every path (seconds): the file read and its
/// structure checked, every problem but those the walk finds ([`about_paths`]). For
/// what has already passed the whole check (Trunk's post-build hook reads the content
/// that `build.rs` checked in the same build) and for tests of the reader's and the
/// structure's messages.
pub fn load_quiz_unwalked(file: File<'_>, article: &str) -> Result<Quiz, Vec<FileProblem>> {
    load(file, article, &mut validate_structure)
}

fn load(
    file: File<'_>,
    article: &str,
    validate: &mut dyn FnMut(&Quiz, &str) -> Vec<Problem>,
) -> Result<Quiz, Vec<FileProblem>> {
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
    // A result that contradicts the answers on some path can follow from any rule,
    // question or choice that is not as meant (a rule naming an unknown choice no
    // longer raises the tier): those come first.
    let unsure = read.paths_changed
        || found.iter().any(|o| {
            !about_paths(o)
                && matches!(o.item, Item::Rule(_) | Item::Question(_) | Item::Choice(..))
        });
    let kept: Vec<Problem> = found
        .iter()
        .filter(|p| !(about_paths(p) && own(p)))
        .filter(|p| !(unsure && contradicts(p)))
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

/// Reads the quiz file without validating it: for an earlier version of the content,
/// compared with the current one (`cargo xtask review --since`), where only what it
/// says matters, not whether today's checks pass.
pub fn read_quiz(file: File<'_>) -> Result<Quiz, Vec<FileProblem>> {
    let mut reader = Reader::new(file);
    match reader.quiz() {
        Some(quiz) if reader.problems.is_empty() => Ok(quiz),
        _ => Err(in_file_order(reader.problems)),
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
            .map(|(item, _)| *item)
            .filter(|item| named(item))
            .collect();
        let dropped: Vec<Item> = reader
            .lines
            .iter()
            .map(|(item, _)| *item)
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
        Item::Clinic | Item::Location(_) => None,
    }
}

/// Whether `item` made it into the quiz.
fn in_quiz(quiz: &Quiz, item: &Item) -> bool {
    match item {
        Item::Quiz | Item::Words => true,
        // The clinic's file is read apart: nothing of it is in the quiz.
        Item::Clinic | Item::Location(_) => false,
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
