//! Triage: from answers to exactly one tier, through named rules only, and the
//! explanation that goes with it.
//!
//! The tier is the highest tier among the rules that fire on the answers that count
//! (see [`Quiz::walk`]). There is no default tier: if no rule fires, that is an error
//! in the content, and validation proves no path of answers gets there.

use crate::flow::{Answer, Answers, Position};
use crate::model::{
    Choice, Condition, Expectation, Guideline, Line, Question, QuestionId, Quiz, Remark, Rule,
    Source, Text, Tier, TierText, BACK, PLACES,
};

/// The result of the quiz, and everything needed to explain it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub tier: Tier,
    /// Every rule that fired, in the content's order.
    pub fired: Vec<&'static Rule>,
    /// The answers that count.
    pub answers: Answers,
    pub(crate) quiz: Quiz,
}

/// One line of "Why this result": a rule that set the tier and the answers it saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub rule: &'static Rule,
    pub given: Vec<Given>,
    /// The rule's source as this person reads it: a source about the back alone
    /// ([`Guideline::back_only`]) gives way to the quiz's own safety rules when no
    /// place of the back was chosen (the physician's FIX 7: a knee's fever is not in
    /// NICE's back-pain summary).
    pub source: Source,
}

/// An answer as a reason quotes it: the question, and the choices or number given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Given {
    pub question: &'static Question,
    pub choices: Vec<&'static Choice>,
    pub number: Option<u8>,
}

/// Why no outcome could be given. Both are content or flow errors, never a visitor's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TriageError {
    /// The quiz is not finished: this question still needs an answer.
    Unanswered(QuestionId),
    /// Every question is answered and no rule fired: there is no default tier.
    NoRuleFired,
}

impl Quiz {
    pub fn outcome(&self, answers: &Answers) -> Result<Outcome, TriageError> {
        let walk = self.walk(answers);
        if let Position::Question(question) = walk.next {
            return Err(TriageError::Unanswered(question));
        }
        let fired: Vec<&'static Rule> = self
            .rules
            .iter()
            .filter(|r| r.when.holds(&walk.answers))
            .collect();
        let tier = fired
            .iter()
            .map(|r| r.tier)
            .max()
            .ok_or(TriageError::NoRuleFired)?;
        Ok(Outcome {
            tier,
            fired,
            answers: walk.answers,
            quiz: *self,
        })
    }
}

impl Outcome {
    /// The headline, action and "if it gets worse" texts of this tier.
    pub fn text(&self) -> Option<&'static TierText> {
        self.quiz.result(self.tier)
    }

    /// Why this result: the rules that set the tier, each with the answers it saw.
    /// Rules of lower tiers are in [`Outcome::also`].
    pub fn reasons(&self) -> Vec<Reason> {
        self.fired
            .iter()
            .filter(|r| r.tier == self.tier)
            .map(|rule| self.reason(rule))
            .collect()
    }

    /// What else to tell the doctor: the rules that fired below the result's tier that
    /// a doctor should hear of (doctor-first and up), so that a ticked symptom never
    /// vanishes from the result (clinical-safety.md §4). Acupuncture's own reasons
    /// (call-clinic, self-care) are left out: an urgent result does not advertise it.
    pub fn also(&self) -> Vec<Reason> {
        self.fired
            .iter()
            .filter(|r| r.tier < self.tier && r.tier >= Tier::DoctorFirst)
            .map(|rule| self.reason(rule))
            .collect()
    }

    fn reason(&self, rule: &'static Rule) -> Reason {
        let back = self
            .answers
            .get(QuestionId(PLACES))
            .is_some_and(|a| match a {
                Answer::Choices(chosen) => chosen.iter().any(|c| BACK.contains(&c.0)),
                _ => false,
            });
        let source = match rule.source {
            Source::Guideline(g) if g.back_only() && !back => {
                Source::Guideline(Guideline::SafetyRules)
            }
            source => source,
        };
        Reason {
            rule,
            given: self.given(&rule.when),
            source,
        }
    }

    /// The rules of the result's tier that fired.
    fn top(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        self.fired.iter().copied().filter(|r| r.tier == self.tier)
    }

    /// The lines to call, in the order the fired rules name them, each once: only
    /// those that fit (the safety rules, ARCHITECTURE.md). Empty below the emergency tier.
    pub fn lines(&self) -> Vec<Line> {
        let mut lines = Vec::new();
        for line in self.top().flat_map(|r| r.call.iter().copied()) {
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
        lines
    }

    /// The headline: the one every rule of the tier that fired shares (self-harm: "Call
    /// or text 988 now"), else the tier's. Self-harm with chest pain is an emergency
    /// first: "Get emergency care now".
    pub fn headline(&self) -> Option<&'static Text> {
        self.own_headline()
            .or_else(|| self.text().map(|t| &t.headline))
    }

    /// The headline every rule of the tier that fired shares, if they share one.
    fn own_headline(&self) -> Option<&'static Text> {
        let mut own = self.top().map(|r| r.headline);
        let first = own.next().flatten()?;
        own.all(|o| o == Some(first)).then_some(first)
    }

    /// What to do now: the own actions of the rules of the tier that fired, each once
    /// (an overdose: Poison Control; self-harm: 988; a spine infection: the emergency
    /// room, not urgent care), else the tier's action. A rule's own says where to go
    /// for its cause; the tier's general one beside it would name another place.
    pub fn actions(&self) -> Vec<Text> {
        let mut actions: Vec<Text> = Vec::new();
        for a in self.top().filter_map(|r| r.action) {
            if !actions.contains(a) {
                actions.push(*a);
            }
        }
        if actions.is_empty() {
            actions.extend(self.text().map(|t| t.action));
        }
        actions
    }

    /// "If it gets worse": the lines of every rule that fired and has one (pregnancy,
    /// infection, neck, belly…), then below emergency those of the choices given (the
    /// place: the head's, the knee's), each once, then the tier's own line (the spine's).
    /// Never empty: the loader requires the tier's line, and a rule with its own
    /// headline its own line. An emergency result takes only its own rules' lines: "call
    /// 911 if…" under "call 911 now" would read as a later step. Under a rule's own
    /// headline ("Call or text 988 now") the tier's line, which speaks to a 911 operator,
    /// gives way to the rules' own.
    pub fn worse(&self) -> Vec<Text> {
        let mut lines: Vec<Text> = Vec::new();
        let mut add = |w: &Text| {
            if !lines.contains(w) {
                lines.push(*w);
            }
        };
        let emergency = self.tier == Tier::Emergency;
        for rule in &self.fired {
            match rule.worse {
                Some(w) if !emergency || rule.tier == self.tier => add(w),
                _ => {}
            }
        }
        for q in self.quiz.questions.iter().filter(|_| !emergency) {
            if let Some(Answer::Choices(ids)) = self.answers.get(q.id) {
                for c in q.choices.iter().filter(|c| ids.contains(&c.id)) {
                    c.worse.map(&mut add);
                }
            }
        }
        if let Some(t) = self.text().filter(|_| self.own_headline().is_none()) {
            add(&t.worse);
        }
        lines
    }

    /// Whether the result shows session details and patterns: `call-clinic` and
    /// `doctor-first` only, and not when a rule that fired says not to (under 18).
    pub fn shows_details(&self) -> bool {
        self.tier.shows_acupuncture_details() && self.fired.iter().all(|r| r.details)
    }

    /// What to expect from acupuncture (see [`Outcome::shows_details`]).
    pub fn expectations(&self) -> &'static [Expectation] {
        if self.shows_details() {
            self.quiz.expectations
        } else {
            &[]
        }
    }

    /// The traditional-Chinese-medicine patterns the answers match (see
    /// [`Outcome::shows_details`]).
    pub fn patterns(&self) -> Vec<&'static Remark> {
        if !self.shows_details() {
            return Vec::new();
        }
        self.remarks(self.quiz.patterns)
    }

    /// Things to tell the acupuncturist: `call-clinic` and `doctor-first` only.
    pub fn tell(&self) -> Vec<&'static Remark> {
        self.remarks(self.quiz.tell)
    }

    fn remarks(&self, all: &'static [Remark]) -> Vec<&'static Remark> {
        if !self.tier.shows_acupuncture_details() {
            return Vec::new();
        }
        all.iter().filter(|r| r.when.holds(&self.answers)).collect()
    }

    /// The answers that made a condition hold: for a checklist, only the choices the
    /// condition names; for an "any of", only the parts that hold.
    fn given(&self, condition: &Condition) -> Vec<Given> {
        let mut given = Vec::new();
        self.collect(condition, &mut given);
        given
    }

    fn collect(&self, condition: &Condition, given: &mut Vec<Given>) {
        match condition {
            Condition::All(parts) => parts.iter().for_each(|p| self.collect(p, given)),
            Condition::Any(parts) => parts
                .iter()
                .filter(|p| p.holds(&self.answers))
                .for_each(|p| self.collect(p, given)),
            Condition::Chose { question, any } => {
                let (Some(q), Some(Answer::Choices(chosen))) =
                    (self.quiz.question(*question), self.answers.get(*question))
                else {
                    return;
                };
                let choices: Vec<&'static Choice> = chosen
                    .iter()
                    .filter(|c| any.contains(c))
                    .filter_map(|c| q.choice(*c))
                    // "None of these" is never what a reason rests on, even where a
                    // rule names it (to be decided at that question, or only without
                    // the signs it lists).
                    .filter(|c| !c.exclusive)
                    .collect();
                // A rule can look at one checklist in several places (two signs of
                // the same list): quote every choice it saw, once.
                match given.iter_mut().find(|g| g.question.id == q.id) {
                    Some(g) => {
                        for c in choices {
                            if !g.choices.contains(&c) {
                                g.choices.push(c);
                            }
                        }
                    }
                    None if !choices.is_empty() => given.push(Given {
                        question: q,
                        choices,
                        number: None,
                    }),
                    None => {}
                }
            }
            Condition::Between { question, min, max } => {
                let (Some(q), Some(Answer::Number(n))) =
                    (self.quiz.question(*question), self.answers.get(*question))
                else {
                    return;
                };
                if (*min..=*max).contains(n) && !given.iter().any(|g| g.question.id == q.id) {
                    given.push(Given {
                        question: q,
                        choices: Vec::new(),
                        number: Some(*n),
                    });
                }
            }
        }
    }
}
