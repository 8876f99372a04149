//! The result as plain text, for the visitor to take along: shared to the app they
//! pick (Messages, mail, notes…), copied, or read aloud to a nurse or a 911 operator.
//! Short: what to do, why (each answer that mattered, with its reason), the age, the
//! number to call, "not a diagnosis", when and which content; no sources, patterns or
//! session details, which the screen and the printed page keep.

use crate::flow::Answer;
use crate::model::{Kind, Lang, Perspective, Question, Tier, PLACES};
use crate::strings::Strings;
use crate::triage::{Outcome, Reason};

/// A number the text names: its button's label ("Call 911", "Call Wellness and Pain")
/// and the number written out.
pub struct Call<'a> {
    pub label: &'a str,
    pub number: &'a str,
}

impl Question {
    /// An answer to this question as the screens quote it: the number, or the chosen
    /// choices' labels.
    pub fn answer_text(&self, answer: &Answer, lang: Lang, who: Perspective) -> String {
        match answer {
            Answer::Number(n) => n.to_string(),
            Answer::Choices(chosen) => (chosen.iter())
                .filter_map(|c| self.choice(*c))
                .map(|c| c.label.get(lang, who))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

impl Reason {
    /// The answers a reason quotes, as the result shows them: a checklist's choices say
    /// what they are; a single choice or a number needs its question ("How long…? More
    /// than 12 weeks").
    pub fn answers(&self, lang: Lang, who: Perspective, text: &Strings) -> String {
        let given: Vec<String> = self
            .given
            .iter()
            .map(|g| {
                let labels: Vec<&str> = g.choices.iter().map(|c| c.label.get(lang, who)).collect();
                let answer = match g.number {
                    Some(n) => n.to_string(),
                    None => labels.join("; "),
                };
                if g.question.kind == Kind::Checklist {
                    answer
                } else {
                    text.question_answer
                        .fill(&[g.question.prompt.get(lang, who), &answer])
                }
            })
            .collect();
        given.join(" · ")
    }
}

impl Outcome {
    /// The summary as text, one item a line. `calls`: an emergency's lines, the first
    /// of which opens the text, so that "Call 911" is what a person reads first; below
    /// emergency, the clinic's number (for `urgent`, after a doctor's check), under what
    /// to do, as on the screen. `when`: the date and time, in the title. `footer`: the last lines (which
    /// content).
    pub fn summary(
        &self,
        lang: Lang,
        who: Perspective,
        text: &Strings,
        calls: &[Call],
        when: &str,
        footer: &[&str],
    ) -> String {
        let mut out = String::new();
        let mut line = |s: &str| {
            out.push_str(s);
            out.push('\n');
        };
        // "Call 911" says its number; "Call Poison Control" needs it written out.
        let call = |c: &Call| match c.label.ends_with(c.number) {
            true => c.label.to_string(),
            false => [c.label, c.number].join(": "),
        };
        let emergency = self.tier == Tier::Emergency;
        if emergency {
            calls.iter().for_each(|c| line(&call(c)));
            line("");
        }
        line(&text.summary_title_for(who).fill(&[when]));
        line("");
        if let Some(headline) = self.headline() {
            line(headline.get(lang, who));
        }
        self.actions().iter().for_each(|a| line(a.get(lang, who)));
        // Below emergency, the clinic's number beside what to do, as on the screen.
        if !emergency {
            line("");
            if self.tier == Tier::Urgent {
                line(text.after_checked);
            }
            calls.iter().for_each(|c| line(&call(c)));
        }
        let (reasons, also) = (&self.reasons(), &self.also());
        // Where the pain is, the age and the pain's score, unless a reason quotes the
        // whole answer already: what a nurse or an operator asks first.
        let mut first = true;
        for (id, answer) in self.answers.iter() {
            let Some(q) = self.quiz.question(*id) else {
                continue;
            };
            let whole = |choices: usize| match answer {
                Answer::Choices(chosen) => choices == chosen.len(),
                Answer::Number(_) => true,
            };
            let quoted = (reasons.iter().chain(also))
                .flat_map(|r| &r.given)
                .any(|g| g.question.id == *id && whole(g.choices.len()));
            if !quoted && (q.id.0 == PLACES || matches!(q.kind, Kind::Number | Kind::Scale)) {
                if std::mem::take(&mut first) {
                    line("");
                }
                let answer = q.answer_text(answer, lang, who);
                line(
                    &text
                        .question_answer
                        .fill(&[q.prompt.get(lang, who), &answer]),
                );
            }
        }
        for (title, reasons) in [(text.why_this_result, reasons), (text.also_tell, also)] {
            if !reasons.is_empty() {
                line("");
                line(title);
            }
            for r in reasons {
                line(&["- ", &r.answers(lang, who, text)].concat());
                line(&["  ", r.rule.reason.get(lang, who)].concat());
            }
        }
        line("");
        line(text.if_worse);
        self.worse()
            .iter()
            .for_each(|w| line(&["- ", w.get(lang, who)].concat()));
        line("");
        line(text.not_a_diagnosis_for(self.tier));
        footer.iter().for_each(|f| line(f));
        out
    }
}
