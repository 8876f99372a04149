//! `cargo xtask check-content`: the build's content check, in seconds and without a
//! wasm build, with the figures a content editor wants: how long the paths are, how
//! many were walked, and each English text's reading grade.
//!
//! It runs the quiz core's own reader and validator (`quiz::source`, `quiz::validate`),
//! as `build.rs` does, so the check here and the build's can never disagree.

use std::fmt::Write as _;
use std::fs;

use quiz::source::{in_file_order, load_clinic, load_quiz_explored, File};
use quiz::{validate, Clinic, Lang, Text, Tier};

use crate::history::{self, Content};
use crate::readability;

/// Target for the average reading grade of the English texts (`product.md`: plain
/// words, about grade 8).
pub const GRADE_TARGET: f64 = 8.0;

/// The fewest words a text needs for its reading grade to be listed.
const MIN_GRADED_WORDS: usize = 5;

/// The first line when the content passes.
pub const CONTENT_OK: &str =
    "Content OK: every possible set of answers leads to a result, through a rule of the file.";

pub fn check_content() -> Result<(), String> {
    let (quiz_name, quiz_text) = read("quiz.toml")?;
    let (clinic_name, clinic_text) = read("clinic.toml")?;
    let (_, article) = read("article.txt")?;
    let (text, ok) = report(
        (&quiz_name, &quiz_text),
        (&clinic_name, &clinic_text),
        &article,
        &history::signed,
    );
    print!("{text}");
    if let Some(warning) = same_version_as_committed(&clinic_text) {
        println!("\n{warning}");
    }
    // The verdict is the first line printed: nothing to add.
    if ok {
        Ok(())
    } else {
        Err(String::new())
    }
}

/// A warning when the quiz's fingerprint differs from the committed `clinic.toml`'s but
/// the version does not: a changed quiz must not go out under the old version. Nothing
/// when the content folder is not in git, or `clinic.toml` is not committed yet.
fn same_version_as_committed(clinic_text: &str) -> Option<String> {
    let committed = history::git(&["show", "HEAD:./clinic.toml"])?;
    let read = |text: &str| {
        load_clinic(File {
            name: "clinic.toml",
            text,
        })
        .ok()
    };
    let (before, now) = (read(&committed)?.content, read(clinic_text)?.content);
    (now.fingerprint != before.fingerprint && now.version == before.version).then(|| {
        format!(
            "warning: the content's fingerprint changed since the last commit, but its \
             version is still {}: give it a new one (today's date and .1, or the next number \
             for another change the same day, e.g. {}.2)",
            now.version,
            now.version.split('.').next().unwrap_or(now.version)
        )
    })
}

/// What `check-content` prints, for people who edit the content rather than the code,
/// and whether the content passes: the verdict first (with every problem, in file
/// order), what visitors will see of the clinic, the content's version and review, the
/// quiz's figures, and the English texts whose reading grade is above the target.
/// `quiz` and `clinic` are each a file's name and text; `signed` finds the content a
/// review's fingerprint names (`history::signed`).
pub fn report(
    quiz: (&str, &str),
    clinic: (&str, &str),
    article: &str,
    signed: &dyn Fn(&str) -> Option<Content>,
) -> (String, bool) {
    let file = |(name, text)| File { name, text };
    let clinic = load_clinic(file(clinic));
    let loaded = load_quiz_explored(file(quiz), article);
    let (quiz, walked) = match loaded {
        Ok((quiz, walked)) => (Ok(quiz), Some(walked)),
        Err(p) => (Err(p), None),
    };
    let mut problems = Vec::new();
    if let Err(p) = &clinic {
        problems.extend(p.iter().cloned());
    }
    if let Err(p) = &quiz {
        problems.extend(p.iter().cloned());
    }
    let problems = in_file_order(problems);

    let mut out = String::new();
    if problems.is_empty() {
        writeln!(out, "{CONTENT_OK}").unwrap();
    } else {
        writeln!(
            out,
            "{} problem(s) in the content; the quiz will not build until they are fixed:",
            problems.len()
        )
        .unwrap();
        for p in &problems {
            writeln!(out, "  {p}").unwrap();
        }
    }
    if let Ok(clinic) = &clinic {
        out.push('\n');
        clinic_block(&mut out, clinic);
    }
    if let (Ok(quiz), Ok(clinic)) = (&quiz, &clinic) {
        let now = Content::folder(*quiz, article.to_string(), *clinic);
        let print = validate::fingerprint(quiz, article, clinic);
        out.push('\n');
        writeln!(out, "{}", version_line(clinic, &print)).unwrap();
        out.push('\n');
        review_block(&mut out, clinic, &print, &now, signed);
    }
    if let (Ok(quiz), Some(walked)) = (&quiz, &walked) {
        out.push('\n');
        figures(&mut out, quiz, walked);
    }
    (out, problems.is_empty())
}

/// Whether the content is the one its version names, and if not, what to do: any change
/// to anything clinical needs a new version (README "Editing the quiz").
pub fn version_line(clinic: &Clinic, fingerprint: &str) -> String {
    let version = clinic.content.version;
    if clinic.content.names(fingerprint) {
        format!("The content is the one of version {version} (fingerprint {fingerprint}).")
    } else {
        format!(
            "The content changed since version {version}: give it a new version, with \
             fingerprint = \"{fingerprint}\" beside it in clinic.toml's [content]."
        )
    }
}

/// The clinical review: none yet, standing for this content, or given to content that
/// has changed since — and then what changed, when the signed content is in git.
fn review_block(
    out: &mut String,
    clinic: &Clinic,
    fingerprint: &str,
    now: &Content,
    signed: &dyn Fn(&str) -> Option<Content>,
) {
    let Some(review) = clinic.content.review else {
        writeln!(
            out,
            "Review: none yet, so results say \"not yet reviewed by a clinician\". \
             `cargo xtask review` writes the packet for a clinician to sign."
        )
        .unwrap();
        return;
    };
    let (by, on) = (review.by, review.on);
    if review.fingerprint == fingerprint {
        let shown = if clinic.content.names(fingerprint) {
            format!("results say \"reviewed by {by}\".")
        } else {
            "results name them once [content] names this content too (above).".into()
        };
        writeln!(out, "Review: {by} signed this content on {on}; {shown}").unwrap();
        return;
    }
    writeln!(
        out,
        "Review: the content changed since {by} signed it on {on} (fingerprint {}), so \
         results say \"not yet reviewed by a clinician\" until a clinician signs the new \
         content (`cargo xtask review`).",
        review.fingerprint
    )
    .unwrap();
    match signed(review.fingerprint) {
        Some(before) => {
            let lines = history::differences(&before, now);
            writeln!(
                out,
                "What changed since the signed content ({}):",
                before.label
            )
            .unwrap();
            for line in &lines {
                writeln!(out, "  - {line}").unwrap();
            }
            if lines.is_empty() {
                writeln!(out, "  - nothing that the reader can name").unwrap();
            }
            writeln!(
                out,
                "`cargo xtask review --since {}` shows which answers now lead elsewhere.",
                before.revision.as_deref().unwrap_or("<revision>")
            )
            .unwrap();
        }
        None => writeln!(
            out,
            "The signed content is not in the content folder's git history, so what changed \
             cannot be listed; `cargo xtask review --since <revision>` compares with any commit."
        )
        .unwrap(),
    }
}

/// A clinic fact as visitors read it: English / Spanish (once when the two are alike).
trait Shown {
    fn shown(&self) -> String;
}

impl Shown for Text {
    fn shown(&self) -> String {
        if self.myself(Lang::En) == self.myself(Lang::Es) {
            self.myself(Lang::En).to_string()
        } else {
            format!("{} / {}", self.myself(Lang::En), self.myself(Lang::Es))
        }
    }
}

/// What visitors will see of the clinic, and which facts the file leaves out.
fn clinic_block(out: &mut String, clinic: &Clinic) {
    writeln!(out, "What visitors will see of the clinic:").unwrap();
    let mut line = |label: &str, value: String| writeln!(out, "  {label}: {value}").unwrap();
    line("name", clinic.name.to_string());
    line(
        "phone",
        format!(
            "shown as {}, dialled as {}",
            clinic.phone.display, clinic.phone.tel
        ),
    );
    line(
        "booking link",
        clinic.booking_url.unwrap_or("none").to_string(),
    );
    // One line each, English / Spanish.
    let mut lines = |label: &str, values: Vec<String>| {
        if values.is_empty() {
            line(label, "none".into());
        }
        for value in values {
            line(label, value);
        }
    };
    lines("hours", clinic.hours.iter().map(|h| h.shown()).collect());
    lines(
        "after hours",
        clinic.after_hours.iter().map(|t| t.shown()).collect(),
    );
    lines(
        "location",
        clinic
            .locations
            .iter()
            .map(|l| format!("{}, {}", l.name.shown(), l.address))
            .collect(),
    );
    lines(
        "languages",
        clinic.languages.iter().map(|l| l.shown()).collect(),
    );
    line("content version", clinic.content.version.to_string());
    for (missing, field) in [
        (clinic.booking_url.is_none(), "booking_url"),
        (clinic.locations.is_empty(), "locations"),
        (clinic.hours.is_empty(), "hours"),
        (clinic.after_hours.is_none(), "after_hours"),
        (clinic.languages.is_empty(), "languages"),
    ] {
        if missing {
            writeln!(
                out,
                "  note: clinic.toml has no {field}; results leave it out"
            )
            .unwrap();
        }
    }
}

/// The quiz's figures: its size, its paths, and its reading grades.
fn figures(out: &mut String, quiz: &quiz::Quiz, found: &validate::Exploration) {
    let mut graded: Vec<(f64, String, &str)> = validate::english_texts(quiz)
        .into_iter()
        .filter_map(|(item, text)| readability::grade(text).map(|g| (g, item.to_string(), text)))
        .collect();
    graded.sort_by(|a, b| b.0.total_cmp(&a.0));
    let average = graded.iter().map(|g| g.0).sum::<f64>() / graded.len().max(1) as f64;
    let (shortest, longest, median) = found.path_lengths();
    let rules = |tier: Tier| quiz.rules.iter().filter(|r| r.tier == tier).count();
    writeln!(
        out,
        "{} questions in {} sections; {} rules (emergency {}, urgent {}, doctor-first {}, \
         call-clinic {}, self-care {}); {} patterns; {} things to tell; {} expectations",
        quiz.questions.len(),
        quiz.sections.len(),
        quiz.rules.len(),
        rules(Tier::Emergency),
        rules(Tier::Urgent),
        rules(Tier::DoctorFirst),
        rules(Tier::CallClinic),
        rules(Tier::SelfCare),
        quiz.patterns.len(),
        quiz.tell.len(),
        quiz.expectations.len(),
    )
    .unwrap();
    writeln!(
        out,
        "Every set of answers checked: {} in all (every combination of ticks, every age), \
         {} distinct situations; a visitor answers {shortest} to {longest} questions, \
         half of the paths {median} or fewer",
        found.paths, found.states
    )
    .unwrap();
    let probed: Vec<String> = (found.probed.iter())
        .map(|(kind, n)| format!("  {n} {kind}"))
        .collect();
    writeln!(
        out,
        "No result contradicts the answers on any of those paths; the walk checked:\n{}",
        probed.join("\n")
    )
    .unwrap();
    let [young, old] = validate::lengths::AGES;
    writeln!(
        out,
        "Questions asked, by place chosen alone: with nothing wrong at {young} and at {old} \
         (the start screen promises about {}), and over every path the fewest, the median \
         and the most:",
        validate::lengths::typical(quiz)
    )
    .unwrap();
    for p in validate::lengths::by_place(quiz) {
        writeln!(
            out,
            "  {:<10} {:>2} and {:>2}; every path {}, {}, {}",
            p.place.0, p.plain[0], p.plain[1], p.shortest, p.median, p.longest
        )
        .unwrap();
    }
    // Above the target as printed (one decimal): 8.04 reads as 8.0, on target. A label
    // of a few words ("Has allergies", 8.8) gets a grade that means little: left out.
    let hard: Vec<&(f64, String, &str)> = graded
        .iter()
        .filter(|g| (g.0 * 10.0).round() / 10.0 > GRADE_TARGET)
        .filter(|g| g.2.split_whitespace().count() >= MIN_GRADED_WORDS)
        .collect();
    out.push('\n');
    if hard.is_empty() {
        writeln!(
            out,
            "Reading grades (Flesch–Kincaid): none of the {} English texts of \
             {MIN_GRADED_WORDS} words or more is above grade {GRADE_TARGET}",
            graded.len()
        )
        .unwrap();
    } else {
        writeln!(
            out,
            "Reading grades (Flesch–Kincaid): {} of {} English texts are above grade \
             {GRADE_TARGET}, hardest first (texts under {MIN_GRADED_WORDS} words left out):",
            hard.len(),
            graded.len()
        )
        .unwrap();
    }
    for (grade, item, text) in hard {
        writeln!(out, "  {grade:5.1}  {item}: {text}").unwrap();
    }
    writeln!(
        out,
        "Average English reading grade: {average:.1} over {} texts (target ≤ {GRADE_TARGET}){}",
        graded.len(),
        if average <= GRADE_TARGET {
            ""
        } else {
            " — above target"
        }
    )
    .unwrap();
}

/// A file of the content folder: its name as people read it, and its text.
pub(crate) fn read(file: &str) -> Result<(String, String), String> {
    let (path, name) = quiz::source::content_file(&crate::root(), file);
    let text = fs::read_to_string(path).map_err(|e| {
        format!("cannot read {name} (the content folder is SYMPTOM_QUIZ_CONTENT): {e}")
    })?;
    Ok((name, text))
}

/// The placeholders `index.html` holds where the clinic's identity goes (the loading
/// message and the `<noscript>` text, which must work without the wasm), and Trunk's
/// `post_build` hook (`cargo xtask trunk-post-build`) fills in from `clinic.toml`: one
/// source for the name and number, read by the same reader as the build's.
const NAME: &str = "%CLINIC_NAME%";
const PHONE: &str = "%CLINIC_PHONE%";
const TEL: &str = "%CLINIC_TEL%";

/// Trunk's hook, in the build's staging folder: the clinic's name and phone into
/// `index.html`, and each language after the first as its pack beside the wasm
/// (`quiz::pack`), from the same call that gave `build.rs` its code, so the wasm's
/// entries and the files agree.
pub fn post_build() -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .ok_or("trunk-post-build is Trunk's hook (TRUNK_STAGING_DIR is not set)")?;
    let staging = std::path::Path::new(&staging);
    let content = crate::history::built()?;
    let clinic = content
        .clinic
        .as_ref()
        .expect("the content folder has its clinic");
    let page_path = staging.join("index.html");
    let page = fs::read_to_string(&page_path)
        .map_err(|e| format!("cannot read {}: {e}", page_path.display()))?;
    let stamped = stamp(&page, clinic.name, clinic.phone.display, clinic.phone.tel)?;
    fs::write(&page_path, stamped).map_err(|e| format!("{}: {e}", page_path.display()))?;
    for (file, text) in quiz::emit::app_code(&content.quiz, clinic, true).files {
        let path = staging.join(file);
        fs::create_dir_all(path.parent().expect("lang/"))
            .and_then(|()| fs::write(&path, text))
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// `page` with the placeholders replaced (HTML-escaped); each must be there, twice
/// (the loading message and `<noscript>`), and none may be left.
fn stamp(page: &str, name: &str, display: &str, tel: &str) -> Result<String, String> {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut page = page.to_string();
    for (placeholder, value) in [(NAME, name), (PHONE, display), (TEL, tel)] {
        let found = page.matches(placeholder).count();
        if found < 2 {
            return Err(format!(
                "index.html has {placeholder} {found} time(s); the loading message and the \
                 <noscript> text each need it"
            ));
        }
        page = page.replace(placeholder, &escape(value));
    }
    Ok(page)
}

#[cfg(test)]
mod tests;
