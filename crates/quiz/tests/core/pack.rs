//! The language split (`quiz::pack`): the wasm's code holds only English; each other
//! language is a pack that gives back every wording, and any other file is refused,
//! leaving the visitor in the language they had.

use quiz::emit::app_code;
use quiz::pack::{install, installed, PackError, PackRef, SEPARATOR};
use quiz::source::{load_clinic, File};
use quiz::strings::{strings, table};
use quiz::{Lang, Perspective};

use super::{CLINIC_TOML, QUIZ};

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

// One test, in order: the pack is installed once per process, so the checks of what
// shows before it must run first.
#[test]
fn a_pack_gives_back_every_wording_and_any_other_file_is_refused() {
    let clinic = load_clinic(File {
        name: "clinic.toml",
        text: CLINIC_TOML,
    })
    .expect("the clinic file builds");
    let code = app_code(&QUIZ, &clinic, true);
    assert_eq!(
        code.files.len(),
        Lang::COUNT - 1,
        "one pack per language after the first"
    );
    let (file, text) = &code.files[0];
    let (head, _) = text.split_once(SEPARATOR).expect("a header");
    let head: Vec<&str> = head.split(' ').collect();
    let pack = PackRef {
        lang: Lang::Es,
        file: leak(file),
        key: leak(head[2]),
        entries: head[3].parse().expect("a count"),
    };
    assert_eq!(head[..2], ["symptom-quiz", "es"]);
    assert_eq!(*file, format!("lang/es-{}.txt", pack.key));
    // The code names the file as written, holds the English as one list, and holds no
    // Spanish.
    assert!(code
        .packs
        .contains(&format!("pub static TEXTS: &str = {:?};", code.built_in)));
    assert!(code
        .built_in
        .contains(QUIZ.questions[0].prompt.myself(Lang::En)));
    assert!(code.packs.contains(&format!(
        "Some(PackRef {{ lang: Lang::Es, file: {file:?}, key: {:?}, entries: {} }})",
        pack.key, pack.entries
    )));
    let spanish = [
        QUIZ.questions[0].prompt.myself(Lang::Es),
        QUIZ.rules[0].reason.myself(Lang::Es),
        clinic.insurance.myself(Lang::Es),
        table(Lang::Es).start_intro.0,
    ];
    for words in spanish {
        let written = format!("{words:?}");
        assert!(
            !code.quiz.contains(&written)
                && !code.clinic.contains(&written)
                && !code.packs.contains(&written),
            "{words}"
        );
    }
    // Every text of the quiz and the clinic is packed (the one visit of every text): the
    // pack holds the screens' strings, then each different text's one or two wordings,
    // in the emitter's order.
    let visited = quiz::every_text(&QUIZ, &clinic);
    assert_eq!(code.texts.len(), visited.len());
    for ((packed, _), (place, text)) in code.texts.iter().zip(&visited) {
        assert_eq!(packed, *text, "{place}");
    }
    // The code holds no text the visit missed (the emitter looks each up in it).
    let written = code.quiz.matches("Text([").count() + code.clinic.matches("Text([").count();
    assert_eq!(written, visited.len());
    // A wording for someone else that repeats the text's own is held once.
    let own = |t: &quiz::Text| {
        t.someone_else(Lang::Es)
            .is_some_and(|o| o != t.myself(Lang::Es))
    };
    // A text written the same in several places is held once.
    let mut distinct: Vec<&quiz::Text> = Vec::new();
    for (t, _) in &code.texts {
        if !distinct.contains(&t) {
            distinct.push(t);
        }
    }
    assert!(distinct.len() < code.texts.len());
    // ... and held alike, so the app finds them equal: a result that shows each
    // different "what to do" once showed the same one twice when two rules had it.
    for (a, held_a) in &code.texts {
        for (b, held_b) in &code.texts {
            assert_eq!(a == b, held_a == held_b, "{a:?}");
        }
    }
    let wordings: usize = distinct.iter().map(|t| 1 + usize::from(own(t))).sum();
    assert_eq!(pack.entries, quiz::strings::Strings::COUNT + wordings);
    let repeats = |t: &quiz::Text| t.someone_else(Lang::Es) == Some(t.myself(Lang::Es));
    assert!(distinct.iter().filter(|t| repeats(t)).count() > 100);
    let same = code.texts.iter().filter(|(t, _)| repeats(t)).count();
    // (Over both languages' wordings: the first language's has none, since the
    // validator refuses an `en-other` that repeats the English.)
    assert_eq!(code.quiz.matches("Other::Same").count(), same);
    assert!(code.texts.len() > 200, "{}", code.texts.len());
    let both = [Perspective::Myself, Perspective::SomeoneElse];

    // The app installs the English list as it starts (`App`).
    quiz::pack::install_built_in(leak(&code.built_in));
    // Before its pack: Spanish reads as English, never empty.
    assert!(!installed(Lang::Es) && installed(Lang::En));
    for (original, held) in &code.texts {
        for p in both {
            assert_eq!(held.get(Lang::Es, p), original.get(Lang::En, p));
        }
    }
    assert_eq!(strings(Lang::Es).list(), table(Lang::En).list());

    // Any other file: refused, and nothing changes.
    let one_entry_changed = text.replacen("dolor", "color", 1);
    let cut_short = text[..text.len() - 40].to_string();
    let another_header = text.replacen("symptom-quiz es", "symptom-quiz en", 1);
    let one_more = format!("{text}{SEPARATOR}más");
    let no_separator = text.replace(SEPARATOR, "\n");
    for bad in [
        one_entry_changed,
        cut_short,
        another_header,
        one_more,
        no_separator,
        String::new(),
        "<!doctype html><title>404</title>".to_string(),
    ] {
        let shown = bad.chars().take(40).collect::<String>();
        assert!(
            matches!(
                install(&pack, bad),
                Err(PackError::NotThisBuild { lang: Lang::Es, .. })
            ),
            "{shown}"
        );
        assert!(!installed(Lang::Es));
    }
    assert_eq!(
        install(
            &PackRef {
                lang: Lang::En,
                ..pack
            },
            text.clone()
        ),
        Err(PackError::NoPack(Lang::En))
    );
    let wrong_count = PackRef {
        entries: pack.entries + 1,
        ..pack
    };
    assert!(install(&wrong_count, text.clone()).is_err());
    assert!(!installed(Lang::Es));

    // The build's own: every wording given back, in both perspectives.
    install(&pack, text.clone()).expect("the build's own pack");
    assert!(installed(Lang::Es));
    for (original, held) in &code.texts {
        for lang in Lang::ALL {
            for p in both {
                assert_eq!(held.get(lang, p), original.get(lang, p), "{original:?}");
            }
        }
    }
    assert_eq!(strings(Lang::Es).list(), table(Lang::Es).list());
    // Again: harmless.
    install(&pack, text.clone()).expect("a second install");
}
