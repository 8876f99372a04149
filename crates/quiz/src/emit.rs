//! The content as `static` Rust: what `build.rs` writes to `$OUT_DIR` from the quiz and
//! clinic the reader gave, so that the browser never parses TOML. The app's
//! `src/content.rs` and `src/clinic.rs` include the two files.
//!
//! The code names the core's types unqualified; the including module imports them.
//!
//! For the browser ([`app_code`] with `packed`), the first language's wordings are one
//! list written into the code (`TEXTS`, which the app installs as it starts); every
//! other language's go to its pack ([`crate::pack`]), a file the build writes beside
//! the wasm; the code points at their entries.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::clinic::Clinic;
use crate::model::{
    Condition, Lang, Other, Question, Quiz, Remark, Source, Text, Wording, Written,
};
use crate::pack::{header, key_of, SEPARATOR};
use crate::strings::table;
use crate::texts::every_text;

/// What the app's `build.rs` writes, and the packs the build puts beside the wasm.
pub struct AppCode {
    /// `pub static QUIZ: Quiz = …;`
    pub quiz: String,
    /// `pub static CLINIC: Clinic = …;`
    pub clinic: String,
    /// `pub static PACKS: [Option<PackRef>; Lang::COUNT] = …;` and `pub static TEXTS:
    /// &str = …;`, the first language's list (empty without `packed`), which the app
    /// installs ([`crate::pack::install_built_in`]).
    pub packs: String,
    /// The first language's list, as `TEXTS` holds it (empty without `packed`).
    pub built_in: String,
    /// Each packed language's file: its path under the build's folder and its text.
    pub files: Vec<(String, String)>,
    /// Each content text, in the order of [`every_text`], with the code's form of it:
    /// for the test that a pack gives back every wording.
    pub texts: Vec<(Text, Text)>,
}

/// The content as the app's code: with `packed` (the wasm), the languages after the
/// first in packs; without (the native tests), every wording written here. The build
/// and `cargo xtask trunk-post-build` both call it, so the code's entries and the files
/// are one computation's.
///
/// A pack holds the screens' strings, then every different content text of
/// [`every_text`], the one visit of every text, in [`brotli_order`]: the code written
/// below looks each text up by where it is in `quiz` or `clinic`, so a text the visit
/// misses cannot be written (it panics here, at build time).
pub fn app_code(quiz: &Quiz, clinic: &Clinic, packed: bool) -> AppCode {
    // The first language's list holds the content's wordings; another language's pack
    // first holds its screens' strings.
    let mut packs: Option<Vec<Vec<&'static str>>> = packed.then(|| {
        Lang::ALL
            .iter()
            .map(|&l| match l {
                Lang::BUILT_IN => Vec::new(),
                _ => table(l).list().to_vec(),
            })
            .collect()
    });
    // A text written the same in several places (the same "what to do" for several
    // rules) is held once: one pack entry, and equal in the app, so that a result that
    // shows each different text once shows it once.
    let every = every_text(quiz, clinic);
    let mut distinct: Vec<Text> = Vec::new();
    let mut index: HashMap<Text, usize> = HashMap::new();
    for (_, text) in &every {
        index.entry(**text).or_insert_with(|| {
            distinct.push(**text);
            distinct.len() - 1
        });
    }
    let codes = hold(&distinct, packs.as_mut());
    let mut texts = Vec::new();
    let mut held = HashMap::new();
    for (_, text) in every {
        let code = codes[index[text]];
        held.insert(std::ptr::from_ref(text), code);
        texts.push((*text, code));
    }
    let writer = Writer { held };
    let (quiz, clinic) = (quiz_code(quiz, &writer), clinic_code(clinic, &writer));
    let mut refs = Vec::new();
    let mut files = Vec::new();
    let mut built_in = String::new();
    for (lang, entries) in Lang::ALL.iter().zip(packs.unwrap_or_default()) {
        for entry in &entries {
            assert!(!entry.contains(SEPARATOR), "a text holds U+001E: {entry:?}");
        }
        let body = entries.join(&SEPARATOR.to_string());
        if *lang == Lang::BUILT_IN {
            refs.push("None".to_string());
            built_in = body;
            continue;
        }
        let key = key_of(&body);
        let file = format!("lang/{}-{key}.txt", lang.tag());
        refs.push(format!(
            "Some(PackRef {{ lang: Lang::{lang:?}, file: {file:?}, key: {key:?}, entries: {} }})",
            entries.len()
        ));
        files.push((
            file,
            format!("{}{SEPARATOR}{body}", header(*lang, &key, entries.len())),
        ));
    }
    if refs.is_empty() {
        refs = vec!["None".to_string(); Lang::COUNT];
    }
    let packs = format!(
        "pub static PACKS: [Option<PackRef>; Lang::COUNT] = [{}];\n\
         pub static TEXTS: &str = {built_in:?};\n",
        refs.join(", ")
    );
    AppCode {
        quiz,
        clinic,
        packs,
        built_in,
        files,
        texts,
    }
}

/// `texts` as the code holds them: with `packs`, each language's wordings added to its
/// list (the first language's) or pack, in the order of [`brotli_order`], the code
/// pointing at their entries; without, every wording written here.
fn hold(texts: &[Text], packs: Option<&mut Vec<Vec<&'static str>>>) -> Vec<Text> {
    let Some(packs) = packs else {
        return texts
            .iter()
            .map(|t| Text(Lang::ALL.map(|l| Wording::here(t.myself(l), t.someone_else(l)))))
            .collect();
    };
    let unset = Wording::Packed {
        at: 0,
        other: Other::No,
    };
    let mut codes = vec![Text([unset; Lang::COUNT]); texts.len()];
    for lang in Lang::ALL {
        let entries = &mut packs[lang.index()];
        let units: Vec<(&'static str, Option<&'static str>)> = texts
            .iter()
            .map(|t| (t.myself(lang), t.someone_else(lang)))
            .collect();
        for i in brotli_order(&units) {
            let (myself, someone_else) = units[i];
            let at = u16::try_from(entries.len()).expect("a pack holds under 65,536 entries");
            entries.push(myself);
            // A wording for someone else that repeats the text's own is held once.
            let other = match someone_else {
                None => Other::No,
                Some(other) if other == myself => Other::Same,
                Some(other) => {
                    entries.push(other);
                    Other::Own
                }
            };
            codes[i].0[lang.index()] = Wording::Packed { at, other };
        }
    }
    codes
}

/// The order to write one language's wordings in (each with its own for someone else,
/// which follows it unless it is the same): from the first, each next the one that shares the largest part of
/// its words with the last. Brotli finds repeats better near by. Measured on 2026-12-04
/// against the content's order: the Spanish pack 264 bytes smaller; the English list
/// alone 217, but only 19 in the wasm, whose tables then point at it out of sequence.
fn brotli_order(units: &[(&str, Option<&str>)]) -> Vec<usize> {
    let words: Vec<HashSet<&str>> = units
        .iter()
        .map(|(myself, other)| {
            myself
                .split_whitespace()
                .chain(other.iter().flat_map(|o| o.split_whitespace()))
                .collect()
        })
        .collect();
    let mut rest: Vec<usize> = (0..units.len()).collect();
    let mut order = Vec::with_capacity(units.len());
    let mut next = (!rest.is_empty()).then_some(0);
    while let Some(pos) = next {
        let last = rest.remove(pos);
        order.push(last);
        // The share of words in common, common / (1 + all), compared without division;
        // on a tie, the first in the content's order.
        let share = |k: usize| {
            let common = words[last].intersection(&words[k]).count();
            (common, 1 + words[last].len() + words[k].len() - common)
        };
        next = rest
            .iter()
            .map(|&k| (k, share(k)))
            .enumerate()
            .max_by(|(_, (a, (ca, aa))), (_, (b, (cb, ab)))| {
                (ca * ab).cmp(&(cb * aa)).then(b.cmp(a))
            })
            .map(|(pos, _)| pos);
    }
    order
}

/// Writes the texts as code, each as [`app_code`] held it.
struct Writer {
    /// Each text of the quiz and the clinic, by its address in them.
    held: HashMap<*const Text, Text>,
}

impl Writer {
    /// `t` as code: `Text([Wording::Packed { … }, …])`, or with `Wording::Here(&quiz::Written
    /// { … })` unpacked.
    fn text(&self, t: &Text) -> String {
        let held = self
            .held
            .get(&std::ptr::from_ref(t))
            .unwrap_or_else(|| panic!("a text that quiz::every_text does not visit: {t:?}"));
        let wordings: Vec<String> = held
            .0
            .iter()
            .map(|w| match w {
                Wording::Here(Written {
                    myself,
                    someone_else,
                }) => format!(
                    "Wording::Here(&quiz::Written {{ myself: {myself:?}, someone_else: {someone_else:?} }})"
                ),
                Wording::Packed { at, other } => {
                    format!("Wording::Packed {{ at: {at}, other: quiz::Other::{other:?} }}")
                }
            })
            .collect();
        format!("Text([{}])", wordings.join(", "))
    }

    /// An optional text, held by reference: `Some(&Text(…))` or `None`.
    fn optional_text(&self, t: Option<&Text>) -> String {
        t.map_or("None".into(), |t| format!("Some(&{})", self.text(t)))
    }
}

/// `pub static QUIZ: Quiz = …;`
fn quiz_code(quiz: &Quiz, p: &Writer) -> String {
    let mut s = String::from("pub static QUIZ: Quiz = Quiz {\n");
    let list = |items: Vec<String>| {
        format!(
            "&[\n{}]",
            items.iter().map(|i| format!("{i},\n")).collect::<String>()
        )
    };
    let _ = writeln!(
        s,
        "sections: {},",
        list(
            quiz.sections
                .iter()
                .map(|x| format!("Section {{ id: {:?}, title: {} }}", x.id, p.text(&x.title)))
                .collect()
        )
    );
    let _ = writeln!(
        s,
        "questions: {},",
        list(quiz.questions.iter().map(|q| question(q, p)).collect())
    );
    let _ = writeln!(
        s,
        "rules: {},",
        list(
            quiz.rules
                .iter()
                .map(|r| format!(
                    "Rule {{ id: {:?}, tier: Tier::{:?}, when: {}, reason: {}, source: {}, \
                     call: &[{}], action: {}, headline: {}, worse: {}, details: {} }}",
                    r.id,
                    r.tier,
                    condition(&r.when),
                    p.text(&r.reason),
                    source(&r.source),
                    r.call
                        .iter()
                        .map(|l| format!("Line::{l:?}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    p.optional_text(r.action),
                    p.optional_text(r.headline),
                    p.optional_text(r.worse),
                    r.details
                ))
                .collect()
        )
    );
    let remark = |r: &Remark| {
        format!(
            "Remark {{ id: {:?}, when: {}, text: {}, source: {} }}",
            r.id,
            condition(&r.when),
            p.text(&r.text),
            source(&r.source)
        )
    };
    let _ = writeln!(
        s,
        "patterns: {},",
        list(quiz.patterns.iter().map(remark).collect())
    );
    let _ = writeln!(s, "tell: {},", list(quiz.tell.iter().map(remark).collect()));
    let _ = writeln!(
        s,
        "expectations: {},",
        list(
            quiz.expectations
                .iter()
                .map(|e| format!(
                    "Expectation {{ text: {}, source: {} }}",
                    p.text(&e.text),
                    source(&e.source)
                ))
                .collect()
        )
    );
    let _ = writeln!(
        s,
        "results: {},",
        list(
            quiz.results
                .iter()
                .map(|r| format!(
        "TierText {{ tier: Tier::{:?}, headline: {}, action: {}, worse: {}, source: {} }}",
        r.tier, p.text(&r.headline), p.text(&r.action), p.text(&r.worse), cited(&r.source)
    ))
                .collect()
        )
    );
    let _ = writeln!(
        s,
        "words: Words {{ yes: {}, no: {} }},",
        p.text(&quiz.words.yes),
        p.text(&quiz.words.no)
    );
    // What the build checks, not what the app shows: not compiled in (`Checks`).
    s.push_str("checks: &Checks::NONE,\n");
    s.push_str("};\n");
    // The start screen's promise: what someone with nothing wrong answers.
    let _ = writeln!(
        s,
        "pub const TYPICAL_QUESTIONS: usize = {};",
        crate::validate::lengths::typical(quiz)
    );
    s
}

fn question(q: &Question, p: &Writer) -> String {
    let choices: Vec<String> = q
        .choices
        .iter()
        .map(|c| {
            format!(
                "Choice {{ id: ChoiceId({:?}), label: {}, exclusive: {}, source: {}, worse: {} }}",
                c.id.0,
                p.text(&c.label),
                c.exclusive,
                cited(&c.source),
                p.optional_text(c.worse)
            )
        })
        .collect();
    format!(
        "Question {{ id: QuestionId({:?}), section: {:?}, kind: Kind::{:?}, prompt: {}, why: {}, \
         hint: {}, choices: &[{}], min: {}, max: {}, show_if: {}, source: {} }}",
        q.id.0,
        q.section,
        q.kind,
        p.text(&q.prompt),
        p.text(&q.why),
        p.optional_text(q.hint),
        choices.join(", "),
        q.min,
        q.max,
        q.show_if
            .as_ref()
            .map_or("None".into(), |c| format!("Some({})", condition(c))),
        cited(&q.source)
    )
}

/// A source no screen cites, as code: `quiz::cited(…)` ([`crate::Cited`]).
fn cited(s: &Source) -> String {
    format!("quiz::cited({})", source(s))
}

fn source(s: &Source) -> String {
    match s {
        Source::Article(quote) => format!("Source::Article({quote:?})"),
        Source::Guideline(g) => format!("Source::Guideline(Guideline::{g:?})"),
    }
}

fn condition(c: &Condition) -> String {
    match c {
        Condition::Chose { question, any } => {
            let ids: Vec<String> = any.iter().map(|c| format!("ChoiceId({:?})", c.0)).collect();
            format!(
                "Condition::Chose {{ question: QuestionId({:?}), any: &[{}] }}",
                question.0,
                ids.join(", ")
            )
        }
        Condition::Between { question, min, max } => {
            format!(
                "Condition::Between {{ question: QuestionId({:?}), min: {min}, max: {max} }}",
                question.0
            )
        }
        Condition::All(parts) => format!(
            "Condition::All(&[{}])",
            parts.iter().map(condition).collect::<Vec<_>>().join(", ")
        ),
        Condition::Any(parts) => format!(
            "Condition::Any(&[{}])",
            parts.iter().map(condition).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// `pub static CLINIC: Clinic = …;` (the review as given: `build.rs` applies
/// `ContentVersion::for_content` first).
fn clinic_code(c: &Clinic, p: &Writer) -> String {
    let after_hours = c
        .after_hours
        .as_ref()
        .map_or("None".into(), |t| format!("Some({})", p.text(t)));
    let locations: Vec<String> = c
        .locations
        .iter()
        .map(|l| {
            format!(
                "Location {{ name: {}, address: {:?} }}",
                p.text(&l.name),
                l.address
            )
        })
        .collect();
    let texts = |list: &[Text]| {
        list.iter()
            .map(|t| p.text(t))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let review = c.content.review.map_or("None".into(), |r| {
        format!(
            "Some(quiz::Review {{ by: {:?}, on: {:?}, fingerprint: {:?} }})",
            r.by, r.on, r.fingerprint
        )
    });
    format!(
        "pub static CLINIC: Clinic = Clinic {{\n name: {:?},\n phone: Phone {{ display: {:?}, tel: {:?} }},\n \
         booking_url: {:?},\n locations: &[{}],\n hours: &[{}],\n after_hours: {},\n insurance: {},\n \
         languages: &[{}],\n content: ContentVersion {{ version: {:?}, fingerprint: {:?}, review: {} }},\n}};\n",
        c.name, c.phone.display, c.phone.tel, c.booking_url, locations.join(", "), texts(c.hours), after_hours,
        p.text(&c.insurance), texts(c.languages), c.content.version, c.content.fingerprint, review
    )
}
