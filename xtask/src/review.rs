//! `cargo xtask review`: the review packet, one self-contained HTML page for the
//! clinician who signs off the content — no script, no outside request, printable to
//! PDF. A first page for a busy clinician (what is asked of them, the scope, the five
//! results with their exact instructions, what changed since the last sign-off), a
//! decision table (a row per rule: trigger, result and by when, where to go and how,
//! safety net, source), each result as a visitor sees it; then every question and rule
//! in plain words with its source; what each result shows; for each rule the shortest
//! path of answers that fires it, from the walk of every path; what the build itself
//! proves; the Spanish side by side in an appendix; and a sign-off of approved,
//! approved with conditions or not approved. Every text
//! a visitor can be shown is in it, in every language and for both audiences (the one
//! visit of every text, `quiz::every_text`; a test checks each wording), and so are the
//! screens' sentences the signature covers. It ends with the lines to paste into
//! `clinic.toml` once the clinician has signed.

use std::fmt::Write as _;
use std::fs;
use std::time::Instant;

use quiz::strings;
use quiz::validate::{
    candidates, decisions, explore, requires, Decisions, Lands, Moved, SAFETY_STRINGS,
};
use quiz::{
    Answer, Answers, ChoiceId, Clinic, Condition, Kind, Lang, Perspective, Position, Question,
    QuestionId, Quiz, Rule, Section, Source, Text, Tier,
};

use crate::history;

/// Where the packet is written, as `index.html`.
pub const FOLDER: &str = "target/review";

/// Writes the packet and prints the sign-off lines; with `since` (a git revision), or
/// else when the review in `clinic.toml` was given to other content that git still has,
/// the packet and the terminal also carry what changed since.
pub fn review(since: Option<&str>) -> Result<(), String> {
    let started = Instant::now();
    let now = history::current()?;
    let clinic = now.clinic.expect("the current clinic file is read");
    let print = now.fingerprint().expect("the current clinic file is read");
    let before = match since {
        Some(revision) => Some(history::at(revision)?),
        None => clinic
            .content
            .review
            .filter(|r| r.fingerprint != print)
            .and_then(|r| history::signed(r.fingerprint)),
    };
    let comparison = match &before {
        Some(b) => Some(Comparison {
            label: b.label.clone(),
            changes: history::differences(b, &now),
            decisions: decisions(&b.quiz, &now.quiz)
                .map_err(|e| format!("comparing with {}: {e}", b.label))?,
            old: b.quiz,
        }),
        None => None,
    };
    let html = packet(&now.quiz, &clinic, &print, comparison.as_ref());
    let path = crate::root().join(FOLDER).join("index.html");
    fs::create_dir_all(path.parent().expect("a folder")).map_err(|e| e.to_string())?;
    fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(c) = &comparison {
        println!("{}", c.text(&now.quiz));
    }
    println!(
        "The review packet: {} ({:.1} s)",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    println!("Open it in a browser and print it, or send it as it is (it needs nothing else).");
    println!("\n{}", sign_off(&clinic, &print));
    Ok(())
}

/// What changed between an earlier version and this one.
pub struct Comparison {
    /// The earlier version, as people read it ("commit 1a2b3c4 (2026-11-30)").
    pub label: String,
    /// Items added, removed or changed, one line each (`history::differences`).
    pub changes: Vec<String>,
    pub decisions: Decisions,
    /// The earlier quiz, to name the answers to questions it alone asked.
    pub old: Quiz,
}

impl Comparison {
    /// Each move of tier in words: "urgent → emergency: 1,234 sets of answers".
    fn moves(&self) -> Vec<(String, &Moved)> {
        let name = Lands::words;
        self.decisions
            .moved
            .iter()
            .map(|m| {
                let count = thousands(m.paths);
                let what = format!("{} → {}: {count} sets of answers", name(m.from), name(m.to));
                (what, m)
            })
            .collect()
    }

    /// An example in words, with the questions of either version.
    fn example(&self, quiz: &Quiz, answers: &Answers) -> String {
        let (new, old): (Vec<_>, Vec<_>) = answers
            .iter()
            .cloned()
            .partition(|(q, _)| quiz.question(*q).is_some());
        let mut parts = vec![answered(quiz, &Answers::from_pairs(new))];
        if !old.is_empty() {
            let before = answered(&self.old, &Answers::from_pairs(old));
            parts.push(format!("(asked only before) {before}"));
        }
        parts.join(" ")
    }

    /// The comparison as the terminal prints it.
    pub fn text(&self, quiz: &Quiz) -> String {
        let mut out = format!("What changed since {}:\n", self.label);
        for line in &self.changes {
            writeln!(out, "  - {line}").unwrap();
        }
        if self.changes.is_empty() {
            out.push_str("  - nothing\n");
        }
        let d = &self.decisions;
        writeln!(
            out,
            "Where the answers lead, over every set of answers of both versions ({} in all): \
             {} lead to the same result, {} elsewhere.",
            thousands(d.paths),
            thousands(d.same),
            thousands(d.paths - d.same)
        )
        .unwrap();
        for (what, m) in self.moves() {
            writeln!(out, "  {what}").unwrap();
            for e in &m.examples {
                writeln!(out, "    e.g. {}", self.example(quiz, e)).unwrap();
            }
        }
        out
    }

    /// The comparison as the packet shows it.
    fn html(&self, quiz: &Quiz) -> String {
        let mut h = format!("<h2>What changed since {}</h2><ul>", esc(&self.label));
        for line in &self.changes {
            write!(h, "<li>{}</li>", esc(line)).unwrap();
        }
        if self.changes.is_empty() {
            h.push_str("<li>Nothing.</li>");
        }
        let d = &self.decisions;
        write!(
            h,
            "</ul><p>Where the answers lead, over every set of answers of both versions \
             ({} in all): {} lead to the same result, {} to another.</p>",
            thousands(d.paths),
            thousands(d.same),
            thousands(d.paths - d.same)
        )
        .unwrap();
        for (what, m) in self.moves() {
            write!(h, "<section class=item><h3>{}</h3><ul>", esc(&what)).unwrap();
            for e in &m.examples {
                write!(h, "<li class=path>{}</li>", esc(&self.example(quiz, e))).unwrap();
            }
            h.push_str("</ul></section>");
        }
        h
    }
}

/// What to paste into `clinic.toml` once the clinician has signed.
fn sign_off(clinic: &Clinic, print: &str) -> String {
    let mut out = String::new();
    if !clinic.content.names(print) {
        writeln!(
            out,
            "The content changed since version {}: first give it a new version in \
             clinic.toml, with fingerprint = \"{print}\" beside it.",
            clinic.content.version
        )
        .unwrap();
    }
    writeln!(
        out,
        "Once the clinician has signed the packet, replace clinic.toml's [review] with \
         these lines (their name, and the day they signed):"
    )
    .unwrap();
    writeln!(out, "{}", review_lines(print)).unwrap();
    write!(
        out,
        "A review stands for this content only (fingerprint {print}): after any change to \
         anything clinical, results say \"not yet reviewed\" again until the next sign-off."
    )
    .unwrap();
    out
}

/// The `[review]` lines for content with this fingerprint.
fn review_lines(print: &str) -> String {
    format!("[review]\nby = \"…\"\non = \"YYYY-MM-DD\"\nfingerprint = \"{print}\"")
}

/// The packet for this quiz and clinic, whose content has the fingerprint `print`,
/// with what changed since an earlier version if there is one.
pub fn packet(quiz: &Quiz, clinic: &Clinic, print: &str, since: Option<&Comparison>) -> String {
    let mut h = String::new();
    let found = explore(quiz, &mut |_, _| {});
    let (shortest, longest, median) = found.path_lengths();
    write!(
        h,
        "<!doctype html><html lang=en><meta charset=utf-8><title>Review packet: {name}, \
         content version {version}</title><link rel=icon href=data:,><style>{STYLE}</style><body>\
         <h1>Review packet: the back-pain quiz of {name}</h1>\
         <p class=meta>Content version {version} · fingerprint <code>{print}</code> · {status}</p>\
         <section class=first><h2>What you are asked to do</h2>\
         <p>Read the decision table on the next page: for each warning sign, is the \
         result right, and where to go, by when and how to get there? Does its source \
         cover it? Then look at the results as a visitor sees them. Sign the last page: \
         approve, approve with conditions (write them), or not approved. Any later change \
         to the questions, the rules, the article they quote or the clinic's after-hours \
         advice needs a new review.</p>",
        name = esc(clinic.name),
        version = esc(clinic.content.version),
        status = match (
            clinic.content.for_content(print).review,
            clinic.content.review
        ) {
            (Some(r), _) => format!("reviewed by {} on {}", esc(r.by), esc(r.on)),
            (None, Some(r)) => format!(
                "not yet reviewed by a clinician ({} signed earlier content on {})",
                esc(r.by),
                esc(r.on)
            ),
            (None, None) => "not yet reviewed by a clinician".into(),
        },
    )
    .unwrap();
    let unsourced: Vec<String> = (quiz.rules.iter())
        .filter(|r| r.source == Source::Guideline(quiz::Guideline::SafetyRules))
        .map(|r| format!("<code>{}</code> ({})", r.id, esc(r.reason.myself(Lang::En))))
        .collect();
    if !unsourced.is_empty() {
        write!(
            h,
            "<p>No guideline cited here covers these {} rules, so none is cited for them: \
             the visitor reads \"this quiz's own safety rules, not a published \
             guideline\". Each needs your judgement, or a source you can name: {}.</p>",
            unsourced.len(),
            unsourced.join("; ")
        )
        .unwrap();
    }
    let elsewhere: Vec<String> = (quiz.rules.iter())
        .filter(|r| elsewhere_own(r))
        .map(|r| format!("<code>{}</code>", r.id))
        .collect();
    if !elsewhere.is_empty() {
        write!(
            h,
            "<p>These {} rules cite a source about the back alone (NICE's back-pain \
             summary, Finucane 2020's spinal red flags) and also fire for pain in other \
             places, which it does not cover: there the visitor reads the same \"this \
             quiz's own safety rules\", and the rule rests on your judgement too: {}.</p>",
            elsewhere.len(),
            elsewhere.join(", ")
        )
        .unwrap();
    }
    first_page(&mut h, quiz);
    match since {
        Some(c) => h.push_str(&c.html(quiz)),
        None => h.push_str(
            "<h2>What changed since the last sign-off</h2><p>No earlier signed content to \
             compare with: this is a full review.</p>",
        ),
    }
    h.push_str("</section>");
    decision_table(&mut h, quiz);
    let shortest_paths = shortest_firing_paths(quiz);
    as_seen(&mut h, quiz, &shortest_paths);

    h.push_str("<h2>What the build proves on every change</h2><ul>");
    for proved in [
        "Every emergency question is asked before any urgent one, and an emergency answer \
         ends the quiz at once.",
        "Every possible set of answers leads to exactly one result, through a named rule: \
         there is no default result.",
        "The most urgent result any rule gives wins; no later answer lowers it.",
        "Every rule can fire on some path, and every question is reachable.",
        "A rule citing the ACP 2017 guideline applies only to low back pain.",
        "Every source is a sentence of the clinic's article, quoted exactly, or a guideline \
         from the fixed list below.",
        "Every text exists in English and Spanish, with a wording for someone answering \
         for another person where the English says \"you\".",
    ] {
        write!(h, "<li>{}</li>", esc(proved)).unwrap();
    }
    write!(
        h,
        "</ul><p>Paths walked: {} sets of answers in all ({} distinct situations after \
         merging those with the same future); a visitor answers {shortest} to {longest} \
         questions, half of them {median} or fewer.</p>",
        thousands(found.paths),
        thousands(found.states as u128)
    )
    .unwrap();

    h.push_str("<h2>The questions, in the order asked</h2>");
    let mut section = None;
    for (n, q) in quiz.questions.iter().enumerate() {
        // Each section's title where its questions begin, as the quiz shows it above them.
        if section != Some(q.section) {
            section = Some(q.section);
            if let Some(s) = quiz.section(q.section) {
                h.push_str(&section_title(s));
            }
        }
        write!(
            h,
            "<section class=item id=\"q-{id}\"><h3>{n}. {prompt} <code>{id}</code></h3>{both}",
            n = n + 1,
            id = esc(q.id.0),
            prompt = esc(q.prompt.myself(Lang::En)),
            both = texts("Question", &q.prompt),
        )
        .unwrap();
        if let Some(hint) = &q.hint {
            h.push_str(&texts("Hint", hint));
        }
        h.push_str(&texts("Why we ask", &q.why));
        let answers = match q.kind {
            Kind::Scale | Kind::Number => {
                format!("a number from {} to {}", q.min, q.max)
            }
            _ => {
                let labels: Vec<String> = q
                    .choices
                    .iter()
                    .map(|c| {
                        format!(
                            "{}{}",
                            inline(&c.label),
                            if c.exclusive { " (alone)" } else { "" }
                        )
                    })
                    .collect();
                format!(
                    "{}: {}",
                    if q.kind == Kind::Checklist {
                        "any of"
                    } else {
                        "one of"
                    },
                    labels.join("; ")
                )
            }
        };
        write!(h, "<p><b>Answers:</b> {answers}</p>").unwrap();
        // A choice's own "if it gets worse" (a place's), on every result below emergency.
        for c in q.choices {
            if let Some(worse) = c.worse {
                let head = format!("If it gets worse, for “{}”", c.label.myself(Lang::En));
                h.push_str(&texts(&head, worse));
            }
        }
        write!(
            h,
            "<p><b>Asked:</b> {}</p><p><b>Source:</b> {}</p></section>",
            match &q.show_if {
                Some(c) => format!("only when {}", esc(&words(quiz, c))),
                None => "always (unless an emergency answer ended the quiz)".into(),
            },
            source(&q.source)
        )
        .unwrap();
    }

    for s in quiz.sections {
        if !quiz.questions.iter().any(|q| q.section == s.id) {
            h.push_str(&section_title(s));
        }
    }
    write!(
        h,
        "<section class=item id=words><h3>The answers of every yes-no question</h3>{}{}\
         </section>",
        texts("Yes", &quiz.words.yes),
        texts("No", &quiz.words.no)
    )
    .unwrap();

    h.push_str(
        "<h2>The rules</h2><p>Each result comes from these rules only. The most \
                urgent rule that holds gives the result.</p>",
    );
    for tier in [
        Tier::Emergency,
        Tier::Urgent,
        Tier::DoctorFirst,
        Tier::CallClinic,
        Tier::SelfCare,
    ] {
        write!(h, "<h3>{}</h3>", tier_name(tier)).unwrap();
        for (i, rule) in quiz
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.tier == tier)
        {
            write!(
                h,
                "<section class=item id=\"r-{id}\"><h4>Rule <code>{id}</code>: {tier}</h4>\
                 <p><b>When:</b> {when}</p>{reason}",
                id = esc(rule.id),
                tier = tier_name(tier),
                when = esc(&words(quiz, &rule.when)),
                reason = texts("Why this result", &rule.reason),
            )
            .unwrap();
            if tier == Tier::Emergency {
                let lines: Vec<&str> = rule.call.iter().map(|l| l.id()).collect();
                let lines = if lines.is_empty() { vec!["911"] } else { lines };
                write!(h, "<p><b>Numbers shown:</b> {}</p>", esc(&lines.join(", "))).unwrap();
            }
            if let Some(headline) = &rule.headline {
                h.push_str(&texts(
                    "Headline, when only this rule sets the tier",
                    headline,
                ));
            }
            if let Some(action) = &rule.action {
                h.push_str(&texts("What to do now", action));
            }
            if let Some(worse) = &rule.worse {
                let head = if rule.headline.is_some() {
                    "If it gets worse, instead of the result's line when only this rule sets \
                     the tier"
                } else {
                    "If it gets worse"
                };
                h.push_str(&texts(head, worse));
            }
            let path = match &shortest_paths[i] {
                Some((answers, result)) => {
                    format!("{} → {}", esc(&answered(quiz, answers)), tier_name(*result))
                }
                None => "none: no path fires it (the build would have refused it)".into(),
            };
            write!(
                h,
                "<p><b>Source:</b> {}</p><p class=path><b>A path that fires it:</b> \
                 {path}</p></section>",
                rule_source(rule)
            )
            .unwrap();
        }
    }

    h.push_str("<h2>What each result shows</h2>");
    for text in quiz.results {
        write!(h, "<section class=item><h3>{}</h3>", tier_name(text.tier)).unwrap();
        h.push_str(&texts("Headline", &text.headline));
        h.push_str(&texts("What to do", &text.action));
        h.push_str(&texts("If it gets worse", &text.worse));
        write!(h, "<p><b>Also:</b> {}</p></section>", shows(text.tier)).unwrap();
    }
    // The one clinic fact that tells people what to do, covered by the signature.
    if let Some(after_hours) = &clinic.after_hours {
        write!(
            h,
            "<section class=item id=after-hours><h3>What the clinic tells callers after \
             hours</h3>{}<p>Shown with the clinic's details on call-clinic and doctor-first \
             results.</p></section>",
            texts("After hours", after_hours)
        )
        .unwrap();
    }

    details(&mut h, quiz);
    clinic_facts(&mut h, clinic);
    screens(&mut h);

    spanish(&mut h, quiz, clinic);
    h.push_str("<h2>Guidelines cited</h2><ul>");
    for g in quiz::Guideline::ALL {
        write!(
            h,
            "<li><b>{}</b>: {}</li>",
            esc(g.short()),
            esc(g.citation())
        )
        .unwrap();
    }
    writeln!(
        h,
        "</ul><h2 class=sign>Sign-off</h2><p>I have reviewed the questions, rules and \
         results of content version {version} (fingerprint <code>{print}</code>) and agree \
         that they may be shown to the clinic's visitors, as ticked below.</p>\
         <p>☐ Approved &nbsp; ☐ Approved with these conditions &nbsp; ☐ Not approved</p>\
         <p class=line>Conditions, or why not: </p><p class=line></p><p class=line></p>\
         <p class=line>Name: </p><p class=line>Signature: </p><p class=line>Date: </p>\
         <p>For the clinic's staff, once this page is signed: replace the [review] lines \
         of clinic.toml with these, with the name and date above, only when it is \
         approved (with conditions: once they are met, in new content the clinician \
         signs). Results name the reviewer only while the content is the one signed \
         here.</p><pre>{lines}</pre></body></html>",
        version = esc(clinic.content.version),
        lines = esc(&review_lines(print)),
    )
    .unwrap();
    h
}

/// For each rule (in the content's order), a complete path of answers that fires it,
/// and the result that path gets: only what the rule needs is ticked (and what shows
/// the questions it looks at); every other question gets its plain answer ("none of
/// these", "no", the first choice, the middle of a range).
fn shortest_firing_paths(quiz: &Quiz) -> Vec<Option<(Answers, Tier)>> {
    quiz.rules
        .iter()
        .map(|rule| {
            // A path whose result is the rule's own tier, if there is one.
            firing_path(quiz, &rule.when, Some(rule.tier))
                .or_else(|| firing_path(quiz, &rule.when, None))
        })
        .collect()
}

fn firing_path(quiz: &Quiz, when: &Condition, tier: Option<Tier>) -> Option<(Answers, Tier)> {
    // The questions the rule looks at, and those their show-if looks at, transitively;
    // with the choices any of these conditions names.
    let mut relevant = Vec::new();
    when.questions(&mut relevant);
    let mut named: Vec<(QuestionId, ChoiceId)> = Vec::new();
    chosen(when, &mut named);
    let mut i = 0;
    while i < relevant.len() {
        if let Some(show_if) = quiz.question(relevant[i]).and_then(|q| q.show_if.as_ref()) {
            let mut more = Vec::new();
            show_if.questions(&mut more);
            for q in more {
                if !relevant.contains(&q) {
                    relevant.push(q);
                }
            }
            chosen(show_if, &mut named);
        }
        i += 1;
    }
    let options = |q: &Question| -> Vec<Answer> {
        let mut out = Vec::new();
        if relevant.contains(&q.id) {
            let mine: Vec<ChoiceId> = named
                .iter()
                .filter(|(n, _)| *n == q.id)
                .map(|(_, c)| *c)
                .collect();
            match q.kind {
                // The middle first, then from the top: a plausible age or score.
                Kind::Scale | Kind::Number => {
                    out.push(q.plain_answer());
                    out.extend(candidates(quiz, q).into_iter().rev());
                }
                _ => {
                    out.extend(mine.iter().map(|c| Answer::Choices(vec![*c])));
                    if q.kind == Kind::Checklist {
                        for (a, x) in mine.iter().enumerate() {
                            for y in &mine[a + 1..] {
                                out.push(Answer::Choices(vec![*x, *y]));
                            }
                        }
                    }
                }
            }
        }
        out.push(q.plain_answer());
        // A question the rule does not look at may still end the quiz on its plain
        // answer, or lead elsewhere: then its others.
        match q.kind {
            Kind::Single | Kind::YesNo => {
                out.extend(q.choices.iter().map(|c| Answer::Choices(vec![c.id])))
            }
            _ => out.extend(q.choices.first().map(|c| Answer::Choices(vec![c.id]))),
        }
        out
    };
    let accept = |answers: &Answers| {
        let result = quiz.outcome(answers).ok()?.tier;
        (when.holds(answers) && tier.is_none_or(|t| t == result)).then_some(result)
    };
    // Conditions only grow true as answers are added: a path on which a rule above the
    // tier wanted holds, or on which the rule can no longer hold (every question it
    // looks at passed), leads nowhere. Without these cuts the search took minutes.
    let place = |id: QuestionId| quiz.questions.iter().position(|q| q.id == id);
    let last = relevant.iter().filter_map(|q| place(*q)).max();
    let hopeless = |answers: &Answers, next: Option<usize>| {
        let above = tier.is_some_and(|t| {
            quiz.rules
                .iter()
                .any(|r| r.tier > t && r.when.holds(answers))
        });
        let passed = next.is_none_or(|n| last.is_some_and(|l| l < n));
        above || (passed && !when.holds(answers))
    };
    fn search(
        quiz: &Quiz,
        answers: Answers,
        options: &dyn Fn(&Question) -> Vec<Answer>,
        hopeless: &dyn Fn(&Answers, Option<usize>) -> bool,
        accept: &dyn Fn(&Answers) -> Option<Tier>,
    ) -> Option<(Answers, Tier)> {
        let Position::Question(id) = quiz.next(&answers) else {
            return accept(&answers).map(|tier| (answers, tier));
        };
        let place = quiz.questions.iter().position(|q| q.id == id);
        if hopeless(&answers, place) {
            return None;
        }
        let question = quiz.question(id)?;
        options(question).into_iter().find_map(|option| {
            let mut next = answers.clone();
            quiz.answer(&mut next, id, option).ok()?;
            search(quiz, next, options, hopeless, accept)
        })
    }
    search(quiz, Answers::default(), &options, &hopeless, &accept)
}

/// Every (question, choice) a condition names.
fn chosen(c: &Condition, out: &mut Vec<(QuestionId, ChoiceId)>) {
    match c {
        Condition::Chose { question, any } => out.extend(any.iter().map(|a| (*question, *a))),
        Condition::Between { .. } => {}
        Condition::All(parts) | Condition::Any(parts) => parts.iter().for_each(|p| chosen(p, out)),
    }
}

/// A condition in plain words, with the questions' and choices' English wording.
fn words(quiz: &Quiz, c: &Condition) -> String {
    said(quiz, c, true)
}

/// A condition in plain words; `prompts`: with each question's prompt (else the answers
/// alone, for the decision table: "“Fever” and “Injects drugs”", ages as "age 50 or
/// more").
fn said(quiz: &Quiz, c: &Condition, prompts: bool) -> String {
    let part = |p: &Condition| match p {
        Condition::All(_) | Condition::Any(_) => format!("({})", said(quiz, p, prompts)),
        _ => said(quiz, p, prompts),
    };
    match c {
        Condition::All([]) => "always".into(),
        Condition::Chose { question, any } => {
            let q = quiz.question(*question);
            let prompt = q.map_or(question.0, |q| q.prompt.myself(Lang::En));
            // Every choice of the question (a rule decided at that question, whatever
            // the answer): "any answer", not the list ending in "None of these".
            if q.is_some_and(|q| q.choices.iter().all(|c| any.contains(&c.id))) {
                return format!("“{prompt}” is answered (any answer)");
            }
            let labels: Vec<&str> = any
                .iter()
                .map(|id| {
                    q.and_then(|q| q.choice(*id))
                        .map_or(id.0, |c| c.label.myself(Lang::En))
                })
                .collect();
            if prompts {
                format!("“{prompt}” is answered “{}”", labels.join("” or “"))
            } else {
                format!("“{}”", labels.join("” or “"))
            }
        }
        Condition::Between { question, min, max } => {
            let prompt = match prompts {
                true => quiz
                    .question(*question)
                    .map_or(question.0, |q| q.prompt.myself(Lang::En)),
                false => question.0,
            };
            match (*min, *max) {
                (min, 255) => format!("“{prompt}” is {min} or more"),
                (0, max) => format!("“{prompt}” is {max} or less"),
                (min, max) => format!("“{prompt}” is {min} to {max}"),
            }
        }
        Condition::All(parts) => parts.iter().map(part).collect::<Vec<_>>().join(" and "),
        Condition::Any(parts) => parts.iter().map(part).collect::<Vec<_>>().join(" or "),
    }
}

/// A path of answers in plain words, "question answer; …": the numbers, and every
/// choice but a question's plain answer ("none of these", "no", the first choice).
fn answered(quiz: &Quiz, answers: &Answers) -> String {
    let parts: Vec<String> = answers
        .iter()
        .filter_map(|(id, answer)| {
            let q = quiz.question(*id)?;
            let given = match answer {
                Answer::Number(n) => n.to_string(),
                Answer::Choices(_) if *answer == q.plain_answer() => return None,
                Answer::Choices(ids) => ids
                    .iter()
                    .map(|c| q.choice(*c).map_or(c.0, |c| c.label.myself(Lang::En)))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            Some(format!("{} {given}", q.prompt.myself(Lang::En)))
        })
        .collect();
    format!(
        "{}; every other question answered plainly (none of these, no)",
        parts.join("; ")
    )
}

/// What call-clinic and doctor-first results add: what to expect, the traditional
/// patterns and the things to tell the acupuncturist, each with when it shows.
fn details(h: &mut String, quiz: &Quiz) {
    h.push_str(
        "<h2>What call-clinic and doctor-first results add</h2><p>Only these two results \
         show them, each pattern and thing to tell when its condition holds (“always”: on \
         every such result, never asked). What to \
         expect and the patterns are left out when a rule that fired says so (anyone \
         under 18).</p>\
         <h3>What to expect from acupuncture</h3>",
    );
    for (i, e) in quiz.expectations.iter().enumerate() {
        write!(
            h,
            "<section class=item id=\"e-{n}\">{}<p><b>Source:</b> {}</p></section>",
            texts(&format!("Expectation {n}", n = i + 1), &e.text),
            source(&e.source),
            n = i + 1,
        )
        .unwrap();
    }
    for (title, prefix, remarks) in [
        (
            "Traditional patterns, when the answers match",
            "p",
            quiz.patterns,
        ),
        ("Things to tell the acupuncturist", "t", quiz.tell),
    ] {
        write!(h, "<h3>{title}</h3>").unwrap();
        for r in remarks {
            write!(
                h,
                "<section class=item id=\"{prefix}-{id}\"><h4><code>{id}</code></h4>\
                 <p><b>When:</b> {when}</p>{text}<p><b>Source:</b> {source}</p></section>",
                id = esc(r.id),
                when = esc(&words(quiz, &r.when)),
                text = texts("Shown", &r.text),
                source = source(&r.source),
            )
            .unwrap();
        }
    }
}

/// The clinic's other facts, as results show them: not clinical, so not covered by the
/// signature (the after-hours advice, above, is).
fn clinic_facts(h: &mut String, clinic: &Clinic) {
    h.push_str(
        "<h2>The clinic's details, as results show them</h2><p>For your information: the \
         clinic may correct these without a new review.</p><section class=item id=clinic>",
    );
    for (i, line) in clinic.hours.iter().enumerate() {
        h.push_str(&texts(&format!("Hours, line {}", i + 1), line));
    }
    for l in clinic.locations {
        h.push_str(&texts(&format!("Location: {}", l.address), &l.name));
    }
    h.push_str(&texts("Insurance", &clinic.insurance));
    for (i, language) in clinic.languages.iter().enumerate() {
        h.push_str(&texts(&format!("Language spoken, {}", i + 1), language));
    }
    h.push_str("</section>");
}

/// The screens' own sentences that carry safety (`validate::SAFETY_STRINGS`): written in
/// the app rather than the content files, and covered by the signature all the same.
fn screens(h: &mut String) {
    h.push_str(
        "<h2>What the screens say beside the content</h2><p>The quiz's own sentences that \
         carry safety, the same whatever the content; a change to any of them needs a new \
         review too.</p><section class=item id=screens><dl>",
    );
    for (name, get) in SAFETY_STRINGS {
        write!(h, "<dt><code>{name}</code></dt>").unwrap();
        for lang in Lang::ALL {
            let said = esc(get(strings::table(lang)));
            write!(h, "<dd lang={}>{said}</dd>", lang.tag()).unwrap();
        }
    }
    h.push_str("</dl></section>");
}

/// The first page, for a busy clinician: the scope, and each result with its exact
/// instructions (what changed since the last sign-off follows it).
fn first_page(h: &mut String, quiz: &Quiz) {
    let rules = |tier: Tier| quiz.rules.iter().filter(|r| r.tier == tier).count();
    let own = |tier: Tier| {
        (quiz.rules.iter())
            .filter(|r| r.tier == tier && r.action.is_some())
            .count()
    };
    write!(
        h,
        "<h2>Scope</h2><p>A quiz on the clinic's website for people with back pain and \
         other pain the clinic sees. It runs in the visitor's browser; no answer leaves the \
         device. It asks where the pain is, then the warning signs of every place chosen \
         (emergency ones first: an emergency answer ends the quiz), then what the pain is \
         like, and gives one of five results, with its reasons, in English or Spanish, for \
         the visitor or for someone they answer for. It gives information, not a \
         diagnosis. {} questions, {} rules; someone with nothing wrong answers about {} \
         questions.</p><h2>The five results</h2><table><tr><th>Result</th><th>What it \
         says to do</th><th>By when</th><th>Rules</th></tr>",
        quiz.questions.len(),
        quiz.rules.len(),
        quiz::validate::lengths::typical(quiz),
    )
    .unwrap();
    for t in quiz.results {
        write!(
            h,
            "<tr><td><b>{}</b><br>“{}”</td><td>{}{}</td><td>{}</td><td>{}</td></tr>",
            tier_name(t.tier),
            esc(t.headline.myself(Lang::En)),
            esc(t.action.myself(Lang::En)),
            match own(t.tier) {
                0 => String::new(),
                n if n == rules(t.tier) => " <i>(never shown: each of its rules says its own \
                     way to go instead; see the decision table.)</i>"
                    .into(),
                n => format!(
                    " <i>({n} of its {} rules say their own instead: see the decision \
                     table.)</i>",
                    rules(t.tier)
                ),
            },
            by_when(t.tier),
            rules(t.tier),
        )
        .unwrap();
    }
    h.push_str("</table>");
}

fn short_name(tier: Tier) -> &'static str {
    match tier {
        Tier::Emergency => "Emergency",
        Tier::Urgent => "Urgent",
        Tier::DoctorFirst => "Doctor first",
        Tier::CallClinic => "Call the clinic",
        Tier::SelfCare => "Self-care",
    }
}

fn by_when(tier: Tier) -> &'static str {
    match tier {
        Tier::Emergency => "now",
        Tier::Urgent => "today",
        Tier::DoctorFirst => "within a week or two",
        Tier::CallClinic | Tier::SelfCare => "when convenient",
    }
}

/// One page: for each rule, most urgent first, what triggers it, the result, where to
/// go and how, by when, the safety net and the source.
fn decision_table(h: &mut String, quiz: &Quiz) {
    h.push_str(
        "<h2 class=page>Decision table</h2><table class=decisions><tr><th>Trigger</th>\
         <th>Result, by when</th><th>Where to go, and how</th><th>If it gets worse</th>\
         <th>Source</th></tr>",
    );
    for tier in Tier::ALL.iter().rev() {
        let result = quiz.result(*tier);
        for rule in quiz.rules.iter().filter(|r| r.tier == *tier) {
            let action = match (&rule.action, result) {
                (Some(a), _) => esc(a.myself(Lang::En)),
                (None, Some(t)) => {
                    format!("<i>the result's:</i> {}", esc(t.action.myself(Lang::En)))
                }
                (None, None) => String::new(),
            };
            let worse = match (&rule.worse, result) {
                (Some(w), _) => esc(w.myself(Lang::En)),
                (None, Some(_)) => "<i>the result's</i>".into(),
                (None, None) => String::new(),
            };
            write!(
                h,
                "<tr id=\"d-{id}\"><td>{when} <code>{id}</code></td><td>{tier}, {by}</td>\
                 <td>{action}</td><td>{worse}</td><td>{source}</td></tr>",
                id = esc(rule.id),
                when = esc(&said(quiz, &rule.when, false)),
                tier = short_name(*tier),
                by = by_when(*tier),
                source = rule_source(rule),
            )
            .unwrap();
        }
    }
    h.push_str("</table>");
}

/// Each result as a visitor sees it, in English, for the shortest path to the first
/// rule of its tier: the headline, what to do, the numbers to call, why, what else to
/// tell the doctor, and what would make it more urgent.
fn as_seen(h: &mut String, quiz: &Quiz, paths: &[Option<(Answers, Tier)>]) {
    h.push_str("<h2 class=page>The results as a visitor sees them</h2>");
    for tier in Tier::ALL.iter().rev() {
        let path = (quiz.rules.iter().zip(paths))
            .filter(|(r, _)| r.tier == *tier)
            .find_map(|(_, p)| p.as_ref().filter(|(_, t)| t == tier));
        let Some((answers, _)) = path else { continue };
        let Ok(outcome) = quiz.outcome(answers) else {
            continue;
        };
        let en = |t: &Text| esc(t.myself(Lang::En));
        write!(
            h,
            "<section class=\"item seen\"><h3>{}</h3><p class=path><b>Answers:</b> {}</p>",
            tier_name(*tier),
            esc(&answered(quiz, answers))
        )
        .unwrap();
        if let Some(headline) = outcome.headline() {
            write!(h, "<p class=headline>{}</p>", en(headline)).unwrap();
        }
        for a in outcome.actions() {
            write!(h, "<p>{}</p>", en(&a)).unwrap();
        }
        for line in outcome.lines() {
            write!(h, "<p>[ Call {} ]</p>", esc(line.id())).unwrap();
        }
        let list = |h: &mut String, title: &str, items: Vec<String>| {
            if !items.is_empty() {
                write!(h, "<p><b>{title}</b></p><ul>").unwrap();
                for i in items {
                    write!(h, "<li>{i}</li>").unwrap();
                }
                h.push_str("</ul>");
            }
        };
        let reasons = |rs: Vec<quiz::Reason>| -> Vec<String> {
            rs.iter().map(|r| en(&r.rule.reason)).collect()
        };
        list(h, "Why this result", reasons(outcome.reasons()));
        list(h, "Also tell the doctor", reasons(outcome.also()));
        list(
            h,
            "If it gets worse",
            outcome.worse().iter().map(en).collect(),
        );
        h.push_str("<p><i>And: this is not a diagnosis.</i></p></section>");
    }
}

/// The appendix: every text in English and Spanish side by side, with the wordings for
/// someone else, each in its own cell.
fn spanish(h: &mut String, quiz: &Quiz, clinic: &Clinic) {
    h.push_str(
        "<h2 class=page>Appendix: the Spanish, side by side</h2><table class=both><tr>\
         <th>Where</th><th>English</th><th>Spanish</th></tr>",
    );
    for (place, text) in quiz::every_text(quiz, clinic) {
        let cell = |lang: Lang| {
            let mine = esc(text.myself(lang));
            match text.someone_else(lang) {
                Some(other) => format!(
                    "<td lang={tag}><span>{mine}</span><br><i>For someone else:</i> \
                     <span>{}</span></td>",
                    esc(other),
                    tag = lang.tag()
                ),
                None => format!("<td lang={tag}>{mine}</td>", tag = lang.tag()),
            }
        };
        write!(
            h,
            "<tr><td>{} <code>{}</code></td>{}{}</tr>",
            esc(&place.owner.to_string()),
            place.field.key(),
            cell(Lang::En),
            cell(Lang::Es)
        )
        .unwrap();
    }
    // The physician's reading (2026-12-03, item 9): a native speaker from the clinic's
    // own patient community reads the Spanish, and signs for it apart.
    h.push_str(
        "</table><h3 class=sign>Sign-off for the Spanish</h3><p>I have read every Spanish \
         text above beside its English, as a native speaker of the Spanish the clinic's \
         visitors speak.</p><p>☐ It says the same as the English and reads naturally \
         &nbsp; ☐ With the changes below &nbsp; ☐ Not ready</p><p class=line>Changes: \
         </p><p class=line></p><p class=line>Name: </p><p class=line>Date: </p>",
    );
}

/// A section's title, where its questions begin.
fn section_title(s: &Section) -> String {
    format!(
        "<section class=item id=\"s-{id}\"><h3>Section: {title} <code>{id}</code></h3>{both}\
         </section>",
        id = esc(s.id),
        title = esc(s.title.myself(Lang::En)),
        both = texts("Section title", &s.title),
    )
}

/// A text on one line, in English, with the wording for someone else after it where it
/// has one; the other languages are in the appendix ([`spanish`]).
fn inline(text: &Text) -> String {
    let wordings = |other: bool| -> Vec<String> {
        let wordings = text.wordings().filter(|(lang, who, _)| {
            *lang == Lang::BUILT_IN && (*who == Perspective::SomeoneElse) == other
        });
        wordings
            .map(|(lang, _, said)| format!("<span lang={}>{}</span>", lang.tag(), esc(said)))
            .collect()
    };
    let (mine, theirs) = (wordings(false), wordings(true));
    if theirs.is_empty() {
        mine.join(" / ")
    } else {
        format!(
            "{} (<i>for someone else:</i> {})",
            mine.join(" / "),
            theirs.join(" / ")
        )
    }
}

/// A text in English, with the wording for someone else where it differs; the other
/// languages are side by side in the appendix ([`spanish`]).
fn texts(label: &str, text: &Text) -> String {
    let lang = Lang::BUILT_IN;
    let mut out = format!("<dl><dt>{}</dt>", esc(label));
    write!(out, "<dd lang={}>{}", lang.tag(), esc(text.myself(lang))).unwrap();
    if let Some(other) = text.someone_else(lang) {
        write!(
            out,
            "<br><i>For someone else:</i> <span>{}</span>",
            esc(other)
        )
        .unwrap();
    }
    out.push_str("</dd></dl>");
    out
}

/// A rule's source, and what a visitor who chose no place of the back reads instead
/// when it is about the back alone and the rule fires for other places too
/// (`quiz::Reason::source`).
fn rule_source(rule: &Rule) -> String {
    let mut out = source(&rule.source);
    if elsewhere_own(rule) {
        out.push_str(
            "; for a place other than the back the visitor reads instead: this quiz's own \
             safety rules, not a published guideline",
        );
    }
    out
}

/// Whether a rule cites a source about the back alone and can fire for someone who
/// chose no place of the back.
fn elsewhere_own(rule: &Rule) -> bool {
    matches!(rule.source, Source::Guideline(g) if g.back_only())
        && !requires(&rule.when, quiz::PLACES, &quiz::BACK)
}

fn source(source: &Source) -> String {
    match source {
        Source::Article(quote) => format!("the clinic's article: “{}”", esc(quote)),
        Source::Guideline(g) => esc(g.citation()),
    }
}

fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::Emergency => "Emergency — get emergency care now",
        Tier::Urgent => "Urgent — see a doctor today",
        Tier::DoctorFirst => "Doctor first — see a doctor before acupuncture",
        Tier::CallClinic => "Call the clinic — acupuncture is worth talking over",
        Tier::SelfCare => "Self-care — look after it at home for now",
    }
}

/// What a result of `tier` shows besides its texts (the app's rules; see
/// ARCHITECTURE.md, the safety rules).
fn shows(tier: Tier) -> &'static str {
    match tier {
        Tier::Emergency => {
            "the call, as a button above everything, with only the numbers that fit (988 \
             for self-harm, Poison Control for an overdose, 911 for the rest); every \
             emergency answer the person gave; nothing about acupuncture or the clinic"
        }
        Tier::Urgent => {
            "the reasons; the clinic's number only as \"after you have been checked\"; no \
             session details or traditional patterns"
        }
        Tier::DoctorFirst | Tier::CallClinic => {
            "the reasons; what to expect from acupuncture, traditional patterns and things \
             to tell the acupuncturist (not to anyone under 18); the clinic's number and \
             details"
        }
        Tier::SelfCare => "the reasons and what would make it more urgent",
    }
}

/// 1234567 as "1,234,567".
fn thousands(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;max-width:52rem;margin:2rem auto;\
padding:0 1rem;color:#111}h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:2px solid #333}\
code{font-size:.9em;color:#444}.meta{color:#444}.item{border-top:1px solid #bbb;\
padding:.4rem 0;break-inside:avoid}dl{margin:.3rem 0}dt{font-weight:600}dd{margin:0 0 .2rem 1rem}\
dd[lang=es]{color:#333}.path{color:#333}.line{border-bottom:1px solid #000;height:2.2rem;\
width:24rem}table{border-collapse:collapse;width:100%;font-size:.85em}th,td{border:1px solid #999;\
padding:.2rem .3rem;vertical-align:top;text-align:left}.seen .headline{font-weight:700}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}\
.sign,.page{break-before:page}}";

#[cfg(test)]
mod tests {
    use quiz::source::{load_clinic, load_quiz_unwalked, File};
    use quiz::strings::table;
    use quiz::validate::SAFETY_STRINGS;
    use quiz::validate::{decisions, fingerprint};
    use quiz::{every_text, Clinic, Lang, Location, Place, Quiz, Rule, Text, Tier, Wording};

    use super::{esc, packet, thousands, words, Comparison};

    const QUIZ_TOML: &str = include_str!("../../content/quiz.toml");
    const CLINIC_TOML: &str = include_str!("../../content/clinic.toml");
    const ARTICLE: &str = include_str!("../../content/article.txt");

    /// The repository's content, read once per test (and walked by the packet: the
    /// core's tests and check-content walk it to find problems).
    fn fixture() -> (Quiz, Clinic, String) {
        let quiz = load_quiz_unwalked(
            File {
                name: "quiz.toml",
                text: QUIZ_TOML,
            },
            ARTICLE,
        )
        .unwrap();
        let clinic = load_clinic(File {
            name: "clinic.toml",
            text: CLINIC_TOML,
        })
        .unwrap();
        let print = fingerprint(&quiz, ARTICLE, &clinic);
        (quiz, clinic, print)
    }

    #[test]
    fn the_packet_holds_every_question_and_rule_and_needs_nothing_else() {
        let (quiz, clinic, print) = fixture();
        let html = packet(&quiz, &clinic, &print, None);
        for q in quiz.questions {
            assert!(html.contains(&format!("id=\"q-{}\"", q.id.0)), "{}", q.id.0);
        }
        for r in quiz.rules {
            let at = html
                .find(&format!("id=\"r-{}\"", r.id))
                .unwrap_or_else(|| panic!("rule {}", r.id));
            // Each rule with a path that fires it, ending in the rule's own tier.
            let section = &html[at..at + html[at..].find("</section>").unwrap()];
            assert!(section.contains("A path that fires it:</b> "), "{section}");
            assert!(!section.contains("none: no path fires it"), "{section}");
            let tier = super::tier_name(r.tier);
            assert!(section.contains(&format!("→ {tier}")), "{section}");
        }
        // Self-contained: no script, nothing fetched.
        for banned in ["<script", "src=", "href=\"http", "url(", "@import"] {
            assert!(!html.contains(banned), "{banned}");
        }
        assert!(html.contains("not yet reviewed by a clinician"));
        assert!(html.contains("Sign-off for the Spanish"));
        assert!(html.contains(clinic.content.version));
        // The lines the staff paste once it is signed, bound to this content.
        assert!(
            html.contains(&format!("fingerprint = &quot;{print}&quot;")),
            "{html}"
        );
        assert!(!html.contains("What changed since commit"));
        assert!(html.contains("No earlier signed content to compare with"));
        // The first page, the decision table with a row per rule, the results as seen,
        // the Spanish apart, and the three ways to sign.
        for part in [
            "What you are asked to do",
            "The five results",
            "Decision table",
            "The results as a visitor sees them",
            "Appendix: the Spanish, side by side",
            "Approved with these conditions",
        ] {
            assert!(html.contains(part), "{part}");
        }
        for rule in quiz.rules {
            assert!(
                html.contains(&format!("<tr id=\"d-{}\">", rule.id)),
                "{}",
                rule.id
            );
        }
    }

    #[test]
    fn the_first_page_asks_for_each_rule_no_guideline_covers() {
        let (quiz, clinic, print) = fixture();
        let html = packet(&quiz, &clinic, &print, None);
        let first = &html[..html.find("Decision table").unwrap()];
        let own = (quiz.rules.iter())
            .filter(|r| r.source == quiz::Source::Guideline(quiz::Guideline::SafetyRules))
            .collect::<Vec<_>>();
        // The rules the physician found citing NICE's back-pain summary for what it
        // does not say (FIX 7), and that no guideline here covers.
        assert!(own.len() >= 4, "{}", own.len());
        assert!(
            first.contains(&format!("these {} rules", own.len())),
            "{first}"
        );
        for r in own {
            assert!(
                first.contains(&format!("<code>{}</code>", r.id)),
                "{}",
                r.id
            );
        }
        // And the rules citing NICE's back-pain summary that fire for other places too,
        // with what the visitor reads there beside their source in the decision table.
        let rule = |id: &str| quiz.rules.iter().find(|r| r.id == id).unwrap();
        assert!(super::elsewhere_own(rule("fever")));
        assert!(!super::elsewhere_own(rule("middle-back-pain")));
        assert!(!super::elsewhere_own(rule("under-18")));
        assert!(super::elsewhere_own(rule("fall-at-65")));
        assert!(first.contains("cite a source about the back alone"));
        assert!(first.contains("<code>fever</code>"), "{first}");
        let row = &html[html.find("<tr id=\"d-fever\">").unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(row.contains("for a place other than the back"), "{row}");
    }

    #[test]
    fn the_packet_carries_what_changed_and_which_answers_moved() {
        let (quiz, clinic, print) = fixture();
        // Fever raised to emergency; "acupuncture-helping" removed.
        let rules: Vec<Rule> = quiz
            .rules
            .iter()
            .filter(|r| r.id != "acupuncture-helping")
            .map(|r| match r.id {
                "fever" => Rule {
                    tier: Tier::Emergency,
                    ..*r
                },
                _ => *r,
            })
            .collect();
        let new = Quiz {
            rules: Box::leak(rules.into_boxed_slice()),
            ..quiz
        };
        let c = Comparison {
            label: "commit 1a2b3c4 (2026-12-01)".into(),
            changes: vec![
                "rule \"fever\": tier urgent → emergency".into(),
                "rule \"acupuncture-helping\": removed".into(),
            ],
            decisions: decisions(&quiz, &new).unwrap(),
            old: quiz,
        };
        let text = c.text(&new);
        let moved = &c.decisions.moved;
        assert!(
            text.starts_with("What changed since commit 1a2b3c4 (2026-12-01):\n  - rule \"fever\"")
        );
        for m in moved {
            let name = quiz::validate::Lands::words;
            let line = format!(
                "  {} → {}: {} sets of answers\n    e.g. ",
                name(m.from),
                name(m.to),
                thousands(m.paths)
            );
            assert!(text.contains(&line), "{line}\n{text}");
        }
        assert!(text.contains("  urgent → emergency: "), "{text}");
        // Without "acupuncture-helping", some answers reach no rule at all: the diff
        // says so (and the build would refuse that content).
        assert!(
            text.contains("  call-clinic → no result (no rule fires): "),
            "{text}"
        );
        // An example in words names the answer that moved it.
        let fever: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with("  urgent → emergency: "))
            .skip(1)
            .take_while(|l| l.starts_with("    e.g. "))
            .collect();
        let fever = fever.join("\n");
        assert!(
            fever.contains("Fever, chills or sweats, now or in the last few days"),
            "{fever}"
        );
        // The signed status follows the review's fingerprint.
        let signed = Clinic {
            content: quiz::ContentVersion {
                review: Some(quiz::Review {
                    by: "Dr. Ana Ruiz, MD",
                    on: "2026-12-01",
                    fingerprint: Box::leak(print.clone().into_boxed_str()),
                }),
                ..clinic.content
            },
            ..clinic
        };
        let html = packet(&new, &signed, &print, Some(&c));
        assert!(html.contains("<h2>What changed since commit 1a2b3c4 (2026-12-01)</h2>"));
        assert!(html.contains("reviewed by Dr. Ana Ruiz, MD on 2026-12-01"));
        assert!(html.contains("<h3>urgent → emergency: "), "{html}");
        let other = packet(&new, &signed, "0000000000000000", None);
        assert!(other.contains(
            "not yet reviewed by a clinician (Dr. Ana Ruiz, MD signed earlier content on \
             2026-12-01)"
        ));
    }

    #[test]
    fn conditions_read_in_plain_words() {
        let (quiz, _, _) = fixture();
        let rule = quiz
            .rules
            .iter()
            .find(|r| r.id == "new-bladder-trouble")
            .unwrap();
        assert_eq!(
            words(&quiz, &rule.when),
            "“Since this pain started, have you had any of these?” is answered “New trouble \
             passing urine: it is hard to start, will not come, or the bladder does not feel \
             empty after” or “Leaking urine without meaning to, even a little or only once, and \
             this is new”"
        );
        assert_eq!(thousands(627_086_761_794), "627,086,761,794");
        assert_eq!(thousands(999), "999");
    }

    fn leak<T>(items: Vec<T>) -> &'static [T] {
        Box::leak(items.into_boxed_slice())
    }

    /// A text in English and Spanish, with wordings for someone else when given.
    fn text(
        en: &'static str,
        es: &'static str,
        other: Option<(&'static str, &'static str)>,
    ) -> Text {
        Text([
            Wording::here(en, other.map(|o| o.0)),
            Wording::here(es, other.map(|o| o.1)),
        ])
    }

    /// The repository's clinic with every fact a visitor can read set: the file leaves
    /// the hours, locations, after-hours advice and languages empty.
    fn with_every_fact(clinic: Clinic) -> Clinic {
        Clinic {
            locations: leak(vec![Location {
                name: text("Main office", "Oficina principal", None),
                address: "123 Example St, City, ST 00000",
            }]),
            hours: leak(vec![
                text("Mon–Fri 8am–6pm", "lun.–vie. 8 a. m.–6 p. m.", None),
                text("Sat 9am–1pm", "sáb. 9 a. m.–1 p. m.", None),
            ]),
            after_hours: Some(text(
                "If you cannot wait, call 911 <or> go to the nearest emergency room.",
                "Si no puede esperar, llame al 911 o vaya a la sala de emergencias más cercana.",
                Some((
                    "If they cannot wait, call 911 or take them to the nearest emergency room.",
                    "Si esa persona no puede esperar, llame al 911 o llévela a la sala de \
                     emergencias más cercana.",
                )),
            )),
            languages: leak(vec![text("Spanish", "español", None)]),
            ..clinic
        }
    }

    /// Each wording of `texts` (every language, every audience) that `html` does not
    /// show as the packet writes a wording: escaped, an element's whole content.
    fn not_shown(html: &str, texts: &[(Place, &Text)]) -> Vec<String> {
        let mut missing = Vec::new();
        for (place, text) in texts {
            for (lang, audience, said) in text.wordings() {
                if !html.contains(&format!(">{}<", esc(said))) {
                    missing.push(format!("{place} ({}, {audience:?}): {said}", lang.tag()));
                }
            }
        }
        missing
    }

    /// The packet shows every text a visitor can be shown (`quiz::every_text`): each
    /// question's, choice's, rule's, pattern's, thing to tell's, expectation's, result's
    /// and section's, the words yes and no, and the clinic's facts, in both languages and
    /// for both audiences; and the screens' sentences the signature covers.
    #[test]
    fn the_packet_shows_every_text_a_visitor_can_be_shown() {
        let (quiz, clinic, print) = fixture();
        for clinic in [clinic, with_every_fact(clinic)] {
            let html = packet(&quiz, &clinic, &print, None);
            let texts = every_text(&quiz, &clinic);
            let missing = not_shown(&html, &texts);
            assert!(
                missing.is_empty(),
                "not in the packet:\n{}",
                missing.join("\n")
            );
            for (name, get) in SAFETY_STRINGS {
                for lang in Lang::ALL {
                    let said = esc(get(table(lang)));
                    assert!(html.contains(&format!(">{said}<")), "{name}: {said}");
                }
            }
        }
        let clinic = with_every_fact(clinic);
        let texts = every_text(&quiz, &clinic);
        assert!(texts.len() > 250, "{}", texts.len());
        assert_eq!(clinic.texts().len(), 6);
    }

    /// The check above fails for a packet without one of its parts, and for a text the
    /// packet does not have.
    #[test]
    fn a_text_left_out_of_the_packet_is_found() {
        let (quiz, clinic, print) = fixture();
        let html = packet(&quiz, &clinic, &print, None);
        let texts = every_text(&quiz, &clinic);
        // The part on what call-clinic and doctor-first results add, and the appendix
        // that has every text in both languages, cut out.
        let between = |html: &str, from: &str, to: &str| {
            let (start, end) = (html.find(from).unwrap(), html.find(to).unwrap());
            format!("{}{}", &html[..start], &html[end..])
        };
        let cut = between(
            &html,
            "<h2>What call-clinic and doctor-first",
            "<h2>The clinic's details",
        );
        let cut = between(&cut, "<h2 class=page>Appendix", "<h2>Guidelines cited");
        let missing = not_shown(&cut, &texts);
        let expected = quiz.patterns.len() + quiz.tell.len() + quiz.expectations.len();
        assert!(missing.len() >= 2 * expected, "{missing:?}");
        assert!(
            missing.iter().any(|m| m.starts_with("pattern \"")),
            "{missing:?}"
        );
        assert!(
            missing.iter().any(|m| m.starts_with("tell \"")),
            "{missing:?}"
        );
        assert!(
            missing.iter().any(|m| m.starts_with("expect #1")),
            "{missing:?}"
        );
        // A text's Spanish wording for someone else, changed.
        let (place, text) = texts
            .iter()
            .find(|(_, t)| t.someone_else(Lang::Es).is_some())
            .expect("a text for someone else");
        let changed = Text([
            text.0[0],
            Wording::here(
                text.myself(Lang::Es),
                Some("Una frase que el paquete no tiene."),
            ),
        ]);
        assert_eq!(not_shown(&html, &[(*place, text)]), Vec::<String>::new());
        assert_eq!(
            not_shown(&html, &[(*place, &changed)]),
            [format!(
                "{place} (es, SomeoneElse): Una frase que el paquete no tiene."
            )]
        );
    }
}
