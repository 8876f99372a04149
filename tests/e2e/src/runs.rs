//! Scripted runs to each tier, every question answered through the screens: shared by
//! the full-page suite and the embed suite. Each step names the question it answers:
//! [`crate::QuizPage::run`] checks that this question is the one on screen, so a change
//! to the content fails here with the question expected and the one found; a question
//! the scripts do not know (not in [`KNOWN`], one a clinic added) gets its default.

use crate::pages::Step::{self, C, N, S};

/// Every question the scripts know. A question not in this list is one a clinic added:
/// [`crate::QuizPage::run`] answers it by default wherever it comes, so a valid new
/// question never breaks a run; a known question out of a script's order still fails.
pub const KNOWN: &[&str] = &[
    "where",
    "nerve-signs",
    "body-signs",
    "belly-signs",
    "pain-medicines",
    "injury",
    "age",
    "pregnancy",
    "pregnancy-signs",
    "general-signs",
    "pain-signs",
    "injury-risks",
    "over-50",
    "first-time",
    "acupuncture-so-far",
    "how-long",
    "how-bad",
    "daily-life",
    "other-treatments",
    "pain-feels",
];

/// A scripted run: (the question on screen, its answer).
pub type Run = [(&'static str, Step)];

// One run to each tier, every question answered through the screens.
pub const TO_EMERGENCY: &Run = &[
    ("where", C(&["low-back"])),
    ("nerve-signs", C(&["saddle-numbness"])),
];
/// Fever and throwing up at 62, and the first back pain ever (doctor-first, shown below
/// the urgent). Throwing up's rule cites no guideline: the result says so.
pub const TO_URGENT: &Run = &[
    ("where", C(&["low-back"])),
    ("nerve-signs", C(&["none"])),
    ("body-signs", C(&["none"])),
    ("belly-signs", C(&["none"])),
    ("pain-medicines", C(&["none"])),
    ("injury", C(&["no"])),
    ("age", N("62")),
    ("general-signs", C(&["fever", "vomiting"])),
    ("pain-signs", C(&["none"])),
    ("first-time", C(&["yes"])),
    ("acupuncture-so-far", C(&["no"])),
    ("how-long", C(&["under-4-weeks"])),
    ("how-bad", S(1)),
    ("daily-life", C(&["not-at-all"])),
    ("other-treatments", C(&["helped"])),
    ("pain-feels", C(&["none"])),
];
/// First back pain at 19: every kind of question (yes-no included) on the way.
pub const TO_DOCTOR_FIRST: &Run = &[
    ("where", C(&["low-back"])),
    ("nerve-signs", C(&["none"])),
    ("body-signs", C(&["none"])),
    ("belly-signs", C(&["none"])),
    ("pain-medicines", C(&["none"])),
    ("injury", C(&["no"])),
    ("age", N("19")),
    ("pregnancy", C(&["no"])),
    ("general-signs", C(&["none"])),
    ("pain-signs", C(&["none"])),
    ("first-time", C(&["yes"])),
    ("acupuncture-so-far", C(&["no"])),
    ("how-long", C(&["under-4-weeks"])),
    ("how-bad", S(2)),
    ("daily-life", C(&["a-little"])),
    ("other-treatments", C(&["none-tried"])),
    ("pain-feels", C(&["none"])),
];
/// A year of chronic low back pain after other treatments, no warning signs.
pub const TO_CALL_CLINIC: &Run = &[
    ("where", C(&["low-back"])),
    ("nerve-signs", C(&["none"])),
    ("body-signs", C(&["none"])),
    ("belly-signs", C(&["none"])),
    ("pain-medicines", C(&["none"])),
    ("injury", C(&["no"])),
    ("age", N("45")),
    ("pregnancy", C(&["no"])),
    ("general-signs", C(&["none"])),
    ("pain-signs", C(&["none"])),
    ("acupuncture-so-far", C(&["no"])),
    ("how-long", C(&["over-12-weeks"])),
    ("how-bad", S(7)),
    ("daily-life", C(&["a-lot"])),
    ("other-treatments", C(&["did-not-help"])),
    ("pain-feels", C(&["stiff", "stress"])),
];
pub const TO_SELF_CARE: &Run = &[
    ("where", C(&["low-back"])),
    ("nerve-signs", C(&["none"])),
    ("body-signs", C(&["none"])),
    ("belly-signs", C(&["none"])),
    ("pain-medicines", C(&["none"])),
    ("injury", C(&["no"])),
    ("age", N("35")),
    ("pregnancy", C(&["no"])),
    ("general-signs", C(&["none"])),
    ("pain-signs", C(&["none"])),
    ("acupuncture-so-far", C(&["no"])),
    ("how-long", C(&["under-4-weeks"])),
    ("how-bad", S(2)),
    ("daily-life", C(&["a-little"])),
    ("other-treatments", C(&["none-tried"])),
    ("pain-feels", C(&["none"])),
];
/// A stiff neck since yesterday at 35, nothing else: the neck's own "if it gets worse".
pub const NECK_SINCE_YESTERDAY: &Run = &[
    ("where", C(&["neck"])),
    ("nerve-signs", C(&["none"])),
    ("body-signs", C(&["none"])),
    ("belly-signs", C(&["none"])),
    ("pain-medicines", C(&["none"])),
    ("injury", C(&["no"])),
    ("age", N("35")),
    ("general-signs", C(&["none"])),
    ("pain-signs", C(&["none"])),
    ("acupuncture-so-far", C(&["no"])),
    ("how-long", C(&["under-4-weeks"])),
    ("how-bad", S(2)),
    ("daily-life", C(&["a-little"])),
    ("other-treatments", C(&["none-tried"])),
];
/// A husband answering for his wife, who took extra acetaminophen: Poison Control.
pub const TO_POISON_CONTROL: &Run = &[
    ("where", C(&["low-back"])),
    ("nerve-signs", C(&["none"])),
    ("body-signs", C(&["none"])),
    ("belly-signs", C(&["none"])),
    ("pain-medicines", C(&["overdose"])),
];

/// The index of `question` in `run`: where a test stops a run to look at a screen.
pub fn at(run: &Run, question: &str) -> usize {
    run.iter()
        .position(|(q, _)| *q == question)
        .unwrap_or_else(|| panic!("the run does not ask {question}"))
}

/// One run to each tier, with the tier it must reach (`data-tier` of the result).
pub const TO_EACH_TIER: [(&Run, &str); 5] = [
    (TO_EMERGENCY, "emergency"),
    (TO_URGENT, "urgent"),
    (TO_DOCTOR_FIRST, "doctor-first"),
    (TO_CALL_CLINIC, "call-clinic"),
    (TO_SELF_CARE, "self-care"),
];
