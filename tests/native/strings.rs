//! The screens' strings: each language's table fills the same slots, so no sentence
//! loses a value in translation, and slots go where each language puts them.

use quiz::strings::{table, Sentence};
use quiz::{Lang, Progress};

/// The slot numbers a sentence holds, sorted.
fn slots(sentence: Sentence) -> Vec<u8> {
    let bytes = sentence.0.as_bytes();
    let mut found: Vec<u8> = bytes
        .windows(3)
        .filter(|w| w[0] == b'{' && w[1].is_ascii_digit() && w[2] == b'}')
        .map(|w| w[1] - b'0')
        .collect();
    found.sort_unstable();
    found
}

#[test]
fn every_language_fills_the_same_slots() {
    let english = table(Lang::En).sentences();
    for lang in Lang::ALL {
        for ((name, sentence), (_, en)) in table(lang).sentences().into_iter().zip(english) {
            let slots = slots(sentence);
            assert_eq!(slots, self::slots(en), "{lang:?} {name}: {:?}", sentence.0);
            // Numbered from 0, each once: every value given is shown.
            let expected: Vec<u8> = (0..slots.len() as u8).collect();
            assert_eq!(slots, expected, "{lang:?} {name}: {:?}", sentence.0);
            let values = ["⟨a⟩", "⟨b⟩", "⟨c⟩"];
            let filled = sentence.fill(&values[..slots.len()]);
            for value in &values[..slots.len()] {
                assert!(filled.contains(value), "{lang:?} {name}: {filled}");
            }
            assert!(!filled.contains('{'), "{lang:?} {name}: {filled}");
        }
    }
}

#[test]
fn a_sentence_keeps_its_own_word_order() {
    assert_eq!(Sentence("{1}, {0}").fill(&["a", "b"]), "b, a");
    assert_eq!(
        Sentence("Call {0}").fill(&["Back & Neck"]),
        "Call Back & Neck"
    );
    // What is not a slot, or a slot without a value, stays as written.
    assert_eq!(Sentence("{x} {0} {9} {").fill(&["a"]), "{x} a {9} {");
    assert_eq!(Sentence("é {0} ü").fill(&["ñ"]), "é ñ ü");
}

#[test]
fn progress_reads_as_before_in_both_languages() {
    let progress = |done, fewest, most| Progress { done, fewest, most };
    let en = table(Lang::En);
    assert_eq!(en.progress(progress(2, 14, 14)), "Question 3 of 14");
    assert_eq!(en.progress(progress(2, 13, 16)), "Question 3 of 13–16");
    let es = table(Lang::Es);
    assert_eq!(es.progress(progress(0, 9, 9)), "Pregunta 1 de 9");
    assert_eq!(es.call_clinic.fill(&["X"]), "Llamar a X");
}
