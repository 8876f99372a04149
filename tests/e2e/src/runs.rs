//! Scripted runs to each tier, every question answered through the screens: shared by
//! the full-page suite and the embed suite.

use crate::pages::Step::{self, C, N, S};

// One run to each tier, every question answered through the screens.
pub const TO_EMERGENCY: &[Step] = &[C(&["saddle-numbness"])];
pub const TO_URGENT: &[Step] = &[
    C(&["none"]),
    C(&["none"]),
    C(&["no"]),
    N("62"),
    C(&["fever"]),
    C(&["none"]),
    C(&["none"]),
    C(&["no"]),
    C(&["no"]),
    C(&["under-4-weeks"]),
    S(1),
    C(&["not-at-all"]),
    C(&["helped"]),
    C(&["none"]),
    C(&["none"]),
];
/// First back pain at 55: every kind of question (yes-no included) on the way.
pub const TO_DOCTOR_FIRST: &[Step] = &[
    C(&["none"]),
    C(&["none"]),
    C(&["no"]),
    N("55"),
    C(&["no"]),
    C(&["none"]),
    C(&["none"]),
    C(&["none"]),
    C(&["yes"]),
    C(&["no"]),
    C(&["under-4-weeks"]),
    S(2),
    C(&["a-little"]),
    C(&["none-tried"]),
    C(&["none"]),
    C(&["none"]),
];
/// A year of chronic pain after other treatments, no warning signs.
pub const TO_CALL_CLINIC: &[Step] = &[
    C(&["none"]),
    C(&["none"]),
    C(&["no"]),
    N("45"),
    C(&["no"]),
    C(&["none"]),
    C(&["none"]),
    C(&["no"]),
    C(&["over-12-weeks"]),
    S(7),
    C(&["a-lot"]),
    C(&["did-not-help"]),
    C(&["stiff", "stress"]),
    C(&["blood-thinners"]),
];
pub const TO_SELF_CARE: &[Step] = &[
    C(&["none"]),
    C(&["none"]),
    C(&["no"]),
    N("35"),
    C(&["no"]),
    C(&["none"]),
    C(&["none"]),
    C(&["no"]),
    C(&["under-4-weeks"]),
    S(2),
    C(&["a-little"]),
    C(&["none-tried"]),
    C(&["none"]),
    C(&["none"]),
];

/// One run to each tier, with the tier it must reach (`data-tier` of the result).
pub const TO_EACH_TIER: [(&[Step], &str); 5] = [
    (TO_EMERGENCY, "emergency"),
    (TO_URGENT, "urgent"),
    (TO_DOCTOR_FIRST, "doctor-first"),
    (TO_CALL_CLINIC, "call-clinic"),
    (TO_SELF_CARE, "self-care"),
];
