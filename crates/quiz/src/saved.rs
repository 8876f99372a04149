//! The saved progress: a compact line of text kept in the browser's `localStorage` so
//! that a reload can offer "Continue where you left off?". Encoding and decoding live
//! here, in the pure core, because what comes back from storage is untrusted: another
//! app's data under our key, an old version, a hand-edited value. Anything that does
//! not decode to valid answers for *this* quiz is discarded whole.
//!
//! Format (one line, `|`-separated):
//! `sq1|<content version>|<saved at, ms since 1970>|<en|es>|<m|o>|<position>|<answers>`
//! where `<position>` is `start`, `result` or a question id ([`Position::name`]), and
//! `<answers>` is
//! `question=choice+choice;question=#number;…` in the order given.
//! No JSON: this keeps `serde_json` (and float formatting) out of the wasm.

use crate::flow::{Answer, Answers, Position};
use crate::model::{Lang, Perspective, Quiz};

const MAGIC: &str = "sq1";

/// How long saved progress is offered back: a day.
pub const KEEP_FOR_MS: u64 = 24 * 60 * 60 * 1000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub lang: Lang,
    pub perspective: Perspective,
    /// Where the visitor was; the app settles it for the answers on resume
    /// ([`Quiz::settle`]).
    pub position: Position,
    pub answers: Answers,
    pub saved_at_ms: u64,
}

/// Why saved progress was not restored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Discarded {
    /// Not our format at all (or another app's data under our key).
    Corrupt,
    /// Saved for another version of the quiz's content.
    OtherVersion,
    /// Older than a day, or from the future (a changed clock).
    Expired,
}

impl Discarded {
    /// Said in the console when progress is dropped (not `{:?}`: the wasm would carry
    /// the Debug machinery for it).
    pub fn reason(&self) -> &'static str {
        match self {
            Discarded::Corrupt => "not a saved quiz",
            Discarded::OtherVersion => "another version of the quiz",
            Discarded::Expired => "older than a day",
        }
    }
}

impl Saved {
    pub fn encode(&self, version: &str) -> String {
        let lang = self.lang.tag();
        let who = match self.perspective {
            Perspective::Myself => "m",
            Perspective::SomeoneElse => "o",
        };
        let position = self.position.name();
        let answers: Vec<String> = self
            .answers
            .iter()
            .map(|(q, a)| match a {
                Answer::Choices(c) => {
                    let ids: Vec<&str> = c.iter().map(|c| c.0).collect();
                    format!("{}={}", q.0, ids.join("+"))
                }
                Answer::Number(n) => format!("{}=#{n}", q.0),
            })
            .collect();
        let at = self.saved_at_ms;
        format!(
            "{MAGIC}|{version}|{at}|{lang}|{who}|{position}|{}",
            answers.join(";")
        )
    }

    /// Decodes `text` for `quiz` at content `version`, at time `now_ms`. Every answer
    /// must be one the quiz accepts, recorded through the quiz's own flow.
    pub fn decode(text: &str, quiz: &Quiz, version: &str, now_ms: u64) -> Result<Saved, Discarded> {
        if text.len() > 4096 {
            return Err(Discarded::Corrupt);
        }
        let fields: Vec<&str> = text.split('|').collect();
        let [magic, saved_version, at, lang, who, position, answers] = fields[..] else {
            return Err(Discarded::Corrupt);
        };
        if magic != MAGIC {
            return Err(Discarded::Corrupt);
        }
        if saved_version != version {
            return Err(Discarded::OtherVersion);
        }
        let saved_at_ms: u64 = at.parse().map_err(|_| Discarded::Corrupt)?;
        if saved_at_ms > now_ms || now_ms - saved_at_ms > KEEP_FOR_MS {
            return Err(Discarded::Expired);
        }
        let lang = Lang::ALL
            .into_iter()
            .find(|l| l.tag() == lang)
            .ok_or(Discarded::Corrupt)?;
        let perspective = match who {
            "m" => Perspective::Myself,
            "o" => Perspective::SomeoneElse,
            _ => return Err(Discarded::Corrupt),
        };
        let mut restored = Answers::default();
        for pair in answers.split(';').filter(|p| !p.is_empty()) {
            let (q, a) = pair.split_once('=').ok_or(Discarded::Corrupt)?;
            let question = quiz.question_named(q).ok_or(Discarded::Corrupt)?;
            let answer = match a.strip_prefix('#') {
                Some(n) => Answer::Number(n.parse().map_err(|_| Discarded::Corrupt)?),
                None => Answer::Choices(
                    a.split('+')
                        .map(|c| question.choice_named(c).map(|c| c.id))
                        .collect::<Option<Vec<_>>>()
                        .ok_or(Discarded::Corrupt)?,
                ),
            };
            if restored.get(question.id).is_some() {
                return Err(Discarded::Corrupt);
            }
            quiz.answer(&mut restored, question.id, answer)
                .map_err(|_| Discarded::Corrupt)?;
        }
        // Strict, unlike a history entry: under the same content version, a question
        // the quiz does not have is not ours.
        let position = match quiz.position_named(position) {
            Some(Position::Result) if position != "result" => None,
            named => named,
        };
        let position = position.ok_or(Discarded::Corrupt)?;
        Ok(Saved {
            lang,
            perspective,
            position,
            answers: restored,
            saved_at_ms,
        })
    }
}
