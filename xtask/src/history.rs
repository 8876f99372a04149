//! The content as it is, as it was at a git revision, and as a clinician signed it; and
//! what changed between two of them, in words: for `cargo xtask review --since`, the
//! review packet and `check-content`'s "changed since the review".

use std::path::PathBuf;
use std::process::{Command, Stdio};

use quiz::source::{
    content_file, load_clinic, load_quiz, load_quiz_unwalked, read_quiz, File, FileProblem,
};
use quiz::validate::{article_text, changes, fingerprint, Change};
use quiz::{Clinic, Quiz};

/// One version of everything clinical.
pub struct Content {
    pub quiz: Quiz,
    pub article: String,
    /// The clinic file; `None` when this reader cannot read that version of it.
    pub clinic: Option<Clinic>,
    /// Where it comes from, as people read it: "the content folder", "commit 1a2b3c4
    /// (2026-11-30)".
    pub label: String,
    /// Its commit, abbreviated, when it comes from git.
    pub revision: Option<String>,
}

impl Content {
    /// The content folder's content, as read now.
    pub fn folder(quiz: Quiz, article: String, clinic: Clinic) -> Content {
        Content {
            quiz,
            article,
            clinic: Some(clinic),
            label: "the content folder".into(),
            revision: None,
        }
    }

    /// The fingerprint a review of this content signs (`validate::fingerprint`).
    pub fn fingerprint(&self) -> Option<String> {
        let clinic = self.clinic.as_ref()?;
        Some(fingerprint(&self.quiz, &self.article, clinic))
    }
}

/// The content folder as the build reads it, checked as the build checks it.
pub fn current() -> Result<Content, String> {
    read_folder(load_quiz)
}

/// The content folder as the build that just ran read it: the same reading and
/// structure checks, without the walk of every path, which `build.rs` did for this very
/// content (Trunk's post-build hook).
pub fn built() -> Result<Content, String> {
    read_folder(load_quiz_unwalked)
}

fn read_folder(
    load_quiz: fn(File<'_>, &str) -> Result<Quiz, Vec<FileProblem>>,
) -> Result<Content, String> {
    let (quiz_name, quiz_text) = crate::content::read("quiz.toml")?;
    let (clinic_name, clinic_text) = crate::content::read("clinic.toml")?;
    let (_, article) = crate::content::read("article.txt")?;
    let broken = || "the content does not build: run `cargo xtask check-content`".to_string();
    let quiz = load_quiz(
        File {
            name: &quiz_name,
            text: &quiz_text,
        },
        &article,
    )
    .map_err(|_| broken())?;
    let clinic = load_clinic(File {
        name: &clinic_name,
        text: &clinic_text,
    })
    .map_err(|_| broken())?;
    Ok(Content::folder(quiz, article, clinic))
}

/// The content folder, for git.
fn folder() -> PathBuf {
    let (path, _) = content_file(&crate::root(), "quiz.toml");
    path.parent().expect("a file in a folder").to_path_buf()
}

/// Where the content folder was in earlier commits, relative to it: itself, and for the
/// repository's own `content/`, `src/content/` before the layout of issue 15. A clinic's
/// own folder has no earlier place.
fn places() -> Vec<&'static str> {
    if folder() == crate::root().join("content") {
        vec!["./", "../src/content/"]
    } else {
        vec!["./"]
    }
}

/// `git -C <content folder> args…`: its output, when it succeeds.
pub fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(folder())
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8(output.stdout).ok())
        .flatten()
}

/// The content as it was at a git revision (a commit, a tag, `HEAD~3`…), read without
/// today's checks: only what it says matters.
pub fn at(revision: &str) -> Result<Content, String> {
    let commit = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        &format!("{revision}^{{commit}}"),
    ])
    .ok_or_else(|| {
        format!("\"{revision}\" is not a commit of the content folder's git repository")
    })?;
    let commit = commit.trim();
    // The folder's place at that commit: the first that has a quiz.
    let dir = places()
        .into_iter()
        .find(|dir| git(&["cat-file", "-e", &format!("{commit}:{dir}quiz.toml")]).is_some())
        .ok_or_else(|| format!("{revision} has no quiz.toml in the content folder"))?;
    let file = |name: &str| {
        git(&["show", &format!("{commit}:{dir}{name}")])
            .ok_or_else(|| format!("{revision} has no {name} in the content folder"))
    };
    let (quiz_text, clinic_text, article) = (
        file("quiz.toml")?,
        file("clinic.toml")?,
        file("article.txt")?,
    );
    let quiz = read_quiz(File {
        name: "quiz.toml",
        text: &quiz_text,
    })
    .map_err(|problems| {
        format!(
            "the quiz of {revision} cannot be read by this version of the reader: {}",
            problems.first().map_or(String::new(), ToString::to_string)
        )
    })?;
    // Before issue 16 the review lived in [content] as reviewed_by / reviewed_on.
    let clinic_text: String = clinic_text
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            !l.starts_with("reviewed_by") && !l.starts_with("reviewed_on")
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let clinic = load_clinic(File {
        name: "clinic.toml",
        text: &clinic_text,
    })
    .ok();
    // One call for both: `signed` reads up to 300 commits.
    let described = git(&["log", "-1", "--format=%h %cs", commit]).unwrap_or_default();
    let (short, date) = described
        .trim()
        .split_once(' ')
        .map(|(h, d)| (Some(h.to_string()), d.to_string()))
        .unwrap_or((None, String::new()));
    Ok(Content {
        quiz,
        article,
        clinic,
        label: format!(
            "commit {} ({})",
            short.as_deref().unwrap_or(commit),
            date.trim()
        ),
        revision: short,
    })
}

/// The content a clinician signed: the latest commit of the content folder whose
/// fingerprint is the review's. `None` when no commit has it (signed content never
/// committed, or the folder is not in git).
pub fn signed(review: &str) -> Option<Content> {
    let mut args = vec!["log", "--format=%H", "-n", "300", "--"];
    args.extend(places());
    let commits = git(&args)?;
    commits
        .lines()
        .filter_map(|commit| at(commit).ok())
        .find(|content| content.fingerprint().as_deref() == Some(review))
}

/// What changed from `old` to `new`, one line each: the quiz's items added, removed or
/// changed, the article, and the clinic file's clinical part.
pub fn differences(old: &Content, new: &Content) -> Vec<String> {
    let mut lines: Vec<String> = changes(&old.quiz, &new.quiz)
        .into_iter()
        .map(|(item, change)| match change {
            Change::Added => format!("{item}: added"),
            Change::Removed => format!("{item}: removed"),
            Change::Changed(what) => format!("{item}: {}", what.join(", ")),
        })
        .collect();
    if article_text(&old.article) != article_text(&new.article) {
        lines.push("the article: changed".into());
    }
    let after_hours = |c: &Content| c.clinic.as_ref().map(|c| c.after_hours);
    match (after_hours(old), after_hours(new)) {
        (Some(a), Some(b)) if a != b => lines.push("clinic.toml's after_hours: changed".into()),
        (None, _) => lines.push(format!(
            "clinic.toml's after_hours: not compared ({}'s clinic.toml cannot be read by \
             this version of the reader)",
            old.label
        )),
        _ => {}
    }
    lines
}
