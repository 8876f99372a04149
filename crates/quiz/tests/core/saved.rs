//! Saved progress read back from `localStorage` is untrusted: a valid line restores the
//! answers; anything else — corrupt, another app's data, another content version,
//! expired, answers that do not fit — is discarded whole.

use crate::QUIZ;
use quiz::{
    Answer, Answers, ChoiceId, Discarded, Lang, Perspective, Position, QuestionId, Saved,
    KEEP_FOR_MS,
};

const VERSION: &str = "v-test";
const NOW: u64 = 1_800_000_000_000;

fn saved() -> Saved {
    let mut answers = Answers::default();
    for (q, a) in [
        ("where", Answer::Choices(vec![ChoiceId("low-back")])),
        ("nerve-signs", Answer::Choices(vec![ChoiceId("none")])),
        ("body-signs", Answer::Choices(vec![ChoiceId("none")])),
        ("injury", Answer::Choices(vec![ChoiceId("strain")])),
        ("age", Answer::Number(44)),
    ] {
        QUIZ.answer(&mut answers, QuestionId(q), a).unwrap();
    }
    Saved {
        lang: Lang::Es,
        perspective: Perspective::SomeoneElse,
        position: Position::Question(QuestionId("pregnancy")),
        answers,
        saved_at_ms: NOW - 1000,
    }
}

fn decode(text: &str) -> Result<Saved, Discarded> {
    Saved::decode(text, &QUIZ, VERSION, NOW)
}

#[test]
fn a_saved_line_round_trips() {
    let line = saved().encode(VERSION);
    assert_eq!(
        line,
        "sq1|v-test|1799999999000|es|o|pregnancy|where=low-back;nerve-signs=none;body-signs=none;injury=strain;age=#44"
    );
    assert_eq!(decode(&line), Ok(saved()));
}

#[test]
fn anything_else_is_discarded() {
    let good = saved().encode(VERSION);
    let cases: Vec<(String, Discarded)> = vec![
        (String::new(), Discarded::Corrupt),
        ("{\"answers\":[1,2,3]}".into(), Discarded::Corrupt),
        ("another app's value".into(), Discarded::Corrupt),
        (good.replace("sq1|", "sq2|"), Discarded::Corrupt),
        (good.replace("v-test", "v-old"), Discarded::OtherVersion),
        (
            good.replace("1799999999000", &(NOW - KEEP_FOR_MS - 1).to_string()),
            Discarded::Expired,
        ),
        (
            good.replace("1799999999000", &(NOW + 60_000).to_string()),
            Discarded::Expired,
        ),
        (good.replace("1799999999000", "soon"), Discarded::Corrupt),
        (good.replace("|es|", "|fr|"), Discarded::Corrupt),
        (good.replace("|o|", "|x|"), Discarded::Corrupt),
        (
            good.replace("|pregnancy|", "|no-such-question|"),
            Discarded::Corrupt,
        ),
        (
            good.replace("injury=strain", "injury=strain+no"),
            Discarded::Corrupt,
        ),
        (good.replace("age=#44", "age=#400"), Discarded::Corrupt),
        (good.replace("age=#44", "age=#0"), Discarded::Corrupt),
        (good.replace("age=#44", "age=44"), Discarded::Corrupt),
        (
            good.replace("nerve-signs=none", "nerve-signs=none+new-bowel"),
            Discarded::Corrupt,
        ),
        (
            good.replace("body-signs=none", "body-signs=none;body-signs=chest"),
            Discarded::Corrupt,
        ),
        (good.replace(";age=#44", ";bogus=#1"), Discarded::Corrupt),
        (format!("{good}|extra"), Discarded::Corrupt),
        ("x".repeat(10_000), Discarded::Corrupt),
    ];
    for (text, why) in cases {
        let shown: String = text.chars().take(80).collect();
        assert_eq!(decode(&text), Err(why), "{shown}");
    }
}

#[test]
fn answers_to_hidden_questions_are_not_restored() {
    // A pregnancy answer saved with age 44, read back with age 60: hidden, dropped.
    let line = saved()
        .encode(VERSION)
        .replace("age=#44", "age=#44;pregnancy=no");
    assert!(decode(&line)
        .unwrap()
        .answers
        .get(QuestionId("pregnancy"))
        .is_some());
    let older = line.replace("age=#44", "age=#60");
    assert_eq!(
        decode(&older).unwrap().answers.get(QuestionId("pregnancy")),
        None
    );
}
