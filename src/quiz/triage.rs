//! Triage: from answers to exactly one tier, through named rules only.

use super::flow::Answers;
use super::model::{QuestionId, Quiz, Rule, Tier};

/// The result of the quiz and the rules that led there.
#[derive(Debug, PartialEq, Eq)]
pub struct Outcome {
    pub tier: Tier,
    /// Every rule the answers fired, in the order the questions were asked.
    pub fired: Vec<&'static Rule>,
}

impl Outcome {
    /// Why this result: the reasons of the rules that set the tier, without repeats.
    pub fn reasons(&self) -> Vec<&'static str> {
        let mut reasons: Vec<&'static str> = Vec::new();
        for rule in self.fired.iter().filter(|r| r.tier == self.tier) {
            if !reasons.contains(&rule.reason) {
                reasons.push(rule.reason);
            }
        }
        reasons
    }
}

/// Why no outcome could be given. Both are content or flow errors, never a visitor's:
/// the tests walk every path to prove neither is reachable by answering.
#[derive(Debug, PartialEq, Eq)]
pub enum TriageError {
    /// The quiz is not finished: this question still needs an answer.
    Unanswered(QuestionId),
    /// Every question is answered and no rule fired: there is no default tier.
    NoRuleFired,
}

impl Quiz {
    pub fn outcome(&self, answers: &Answers) -> Result<Outcome, TriageError> {
        let mut fired = Vec::new();
        for question in self.path(answers) {
            let choice = answers
                .get(question.id)
                .and_then(|id| question.choice(id))
                .ok_or(TriageError::Unanswered(question.id))?;
            if let Some(rule) = choice.fires {
                fired.push(rule);
                if rule.tier == Tier::Emergency {
                    break;
                }
            }
        }
        let tier = fired
            .iter()
            .map(|r| r.tier)
            .max()
            .ok_or(TriageError::NoRuleFired)?;
        Ok(Outcome { tier, fired })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{ChoiceId, Step, QUIZ};

    /// Every complete path through the quiz, by answering each question with each of
    /// its choices in turn.
    fn every_path() -> Vec<Answers> {
        fn walk(answers: Answers, step: Step, out: &mut Vec<Answers>) {
            match step {
                Step::Result => out.push(answers),
                Step::Ask(question) => {
                    for choice in question.choices {
                        let mut next = answers.clone();
                        next.answer(&QUIZ, question.id, choice.id);
                        let step = QUIZ.after(question.id, &next);
                        walk(next, step, out);
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(Answers::default(), QUIZ.first(), &mut out);
        out
    }

    #[test]
    fn every_path_ends_in_a_tier_reached_through_a_named_rule() {
        let paths = every_path();
        assert!(
            paths.len() >= 4,
            "expected several paths, got {}",
            paths.len()
        );
        for answers in paths {
            let outcome = QUIZ
                .outcome(&answers)
                .unwrap_or_else(|e| panic!("{answers:?} gives no outcome: {e:?}"));
            assert!(outcome.fired.iter().any(|r| r.tier == outcome.tier));
            assert!(!outcome.reasons().is_empty());
        }
    }

    #[test]
    fn an_emergency_answer_wins_whatever_else_was_answered() {
        let emergency = every_path()
            .into_iter()
            .filter(|a| a.get(QuestionId("emergency-screen")) == Some(ChoiceId("yes")));
        for answers in emergency {
            assert_eq!(QUIZ.outcome(&answers).unwrap().tier, Tier::Emergency);
        }
    }

    #[test]
    fn an_urgent_answer_is_never_lowered_by_later_answers() {
        let urgent = every_path()
            .into_iter()
            .filter(|a| a.get(QuestionId("urgent-screen")) == Some(ChoiceId("yes")));
        for answers in urgent {
            assert!(QUIZ.outcome(&answers).unwrap().tier >= Tier::Urgent);
        }
    }

    #[test]
    fn every_tier_but_doctor_first_is_reachable_in_the_skeleton() {
        let reached: Vec<Tier> = every_path()
            .iter()
            .map(|a| QUIZ.outcome(a).unwrap().tier)
            .collect();
        for tier in [
            Tier::Emergency,
            Tier::Urgent,
            Tier::CallClinic,
            Tier::SelfCare,
        ] {
            assert!(reached.contains(&tier), "{tier:?} is never reached");
        }
    }

    #[test]
    fn an_unfinished_quiz_has_no_outcome() {
        assert_eq!(
            QUIZ.outcome(&Answers::default()),
            Err(TriageError::Unanswered(QuestionId("emergency-screen")))
        );
    }
}
