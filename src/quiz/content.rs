//! The walking skeleton's content: three screening questions.
//!
//! This is placeholder content shaped like the real quiz (emergency screen first, then
//! the urgent screen, then one question that places everyone else). The real,
//! article-derived and bilingual content replaces it, as data converted at build time.

use super::model::{Choice, ChoiceId, Question, QuestionId, Quiz, Rule, Tier};

const EMERGENCY_RED_FLAG: Rule = Rule {
    id: "emergency-red-flag",
    tier: Tier::Emergency,
    reason: "You have a symptom that needs emergency care now.",
};

const URGENT_RED_FLAG: Rule = Rule {
    id: "urgent-red-flag",
    tier: Tier::Urgent,
    reason: "You have a symptom a doctor should check today, before any acupuncture.",
};

const PAIN_LIMITS_DAILY_LIFE: Rule = Rule {
    id: "pain-limits-daily-life",
    tier: Tier::CallClinic,
    reason: "Your pain gets in the way of daily life and you have no warning signs.",
};

const MILD_PAIN: Rule = Rule {
    id: "mild-pain",
    tier: Tier::SelfCare,
    reason: "Your pain barely gets in the way of daily life and you have no warning signs.",
};

pub static QUIZ: Quiz = Quiz {
    questions: &[
        Question {
            id: QuestionId("emergency-screen"),
            prompt: "Do you have any of these right now? New trouble passing urine or \
                     new loss of bladder or bowel control; numbness in the groin or \
                     inner thighs; leg weakness that is severe or getting worse; new \
                     chest pain or trouble breathing.",
            why: "These can be signs of a problem that needs emergency care right away.",
            choices: &[
                Choice {
                    id: ChoiceId("yes"),
                    label: "Yes, at least one of these",
                    fires: Some(&EMERGENCY_RED_FLAG),
                },
                Choice {
                    id: ChoiceId("no"),
                    label: "No, none of these",
                    fires: None,
                },
            ],
        },
        Question {
            id: QuestionId("urgent-screen"),
            prompt: "Do you have any of these? Fever or chills with the pain; a history \
                     of cancer or weight loss without trying; pain running down both \
                     legs; pain that is worse at night and not eased by rest.",
            why: "A doctor should check these before any acupuncture.",
            choices: &[
                Choice {
                    id: ChoiceId("yes"),
                    label: "Yes, at least one of these",
                    fires: Some(&URGENT_RED_FLAG),
                },
                Choice {
                    id: ChoiceId("no"),
                    label: "No, none of these",
                    fires: None,
                },
            ],
        },
        Question {
            id: QuestionId("daily-life"),
            prompt: "How much does the pain get in the way of your daily life?",
            why: "It helps us suggest whether to talk with the clinic or try self-care first.",
            choices: &[
                Choice {
                    id: ChoiceId("a-lot"),
                    label: "A lot",
                    fires: Some(&PAIN_LIMITS_DAILY_LIFE),
                },
                Choice {
                    id: ChoiceId("some"),
                    label: "Somewhat",
                    fires: Some(&PAIN_LIMITS_DAILY_LIFE),
                },
                Choice {
                    id: ChoiceId("a-little"),
                    label: "A little or not at all",
                    fires: Some(&MILD_PAIN),
                },
            ],
        },
    ],
};
