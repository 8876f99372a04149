//! The shapes of the quiz: questions, their choices, and the named rules a choice fires.

/// How urgently the visitor should act. Ordered from least to most urgent, so that
/// `max()` over the tiers a visitor's answers raised is the tier they get.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// Acupuncture may not be needed now: self-care, and when to come back.
    SelfCare,
    /// Acupuncture is an option worth talking over with the clinic.
    CallClinic,
    /// Check with a physician first; then acupuncture is an option to discuss.
    DoctorFirst,
    /// See a doctor today, before any acupuncture.
    Urgent,
    /// Symptoms that need emergency care now: call 911.
    Emergency,
}

impl Tier {
    /// A stable machine name, used in `data-tier` attributes and tests.
    pub fn slug(self) -> &'static str {
        match self {
            Tier::Emergency => "emergency",
            Tier::Urgent => "urgent",
            Tier::DoctorFirst => "doctor-first",
            Tier::CallClinic => "call-clinic",
            Tier::SelfCare => "self-care",
        }
    }
}

/// Identifies a question; stable across content edits so saved answers stay meaningful.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct QuestionId(pub &'static str);

/// Identifies a choice within its question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ChoiceId(pub &'static str);

/// A named triage rule: the only way a tier is ever reached.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    pub tier: Tier,
    /// Why this rule fired, in plain words, shown under "Why this result".
    pub reason: &'static str,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Choice {
    pub id: ChoiceId,
    pub label: &'static str,
    /// The rule this choice fires, if any.
    pub fires: Option<&'static Rule>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    pub id: QuestionId,
    pub prompt: &'static str,
    /// "Why we ask", shown beside the question.
    pub why: &'static str,
    pub choices: &'static [Choice],
}

impl Question {
    pub fn choice(&self, id: ChoiceId) -> Option<&'static Choice> {
        self.choices.iter().find(|c| c.id == id)
    }
}

/// The whole quiz: its questions in the order they are asked.
#[derive(Debug)]
pub struct Quiz {
    pub questions: &'static [Question],
}

impl Quiz {
    pub fn question(&self, id: QuestionId) -> Option<&'static Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}
