//! The triage, on every path: the safety rules (ARCHITECTURE.md), tested against the
//! compiled-in quiz.
//!
//! - every path of answers (exhaustively, merged where futures are equal) ends in
//!   exactly one tier through a named rule, asks no question twice, and cites a source
//!   for every reason;
//! - an independent table, written here and not derived from the content, gives one
//!   case per red flag and doctor-first situation with the tier it requires, plus
//!   everyday cases;
//! - a mutation check: without any one rule, some check here fails;
//! - property tests: a red flag gives at least its tier whatever else is answered, and
//!   adding a symptom never lowers the tier.

use crate::QUIZ;
use proptest::prelude::*;
use quiz::validate::{candidates, explore};
use quiz::{
    Answer, Answers, ChoiceId, Condition, Guideline, Kind, Lang, Line, Outcome, Position, Question,
    QuestionId, Quiz, Source, Tier,
};

// ---------------------------------------------------------------------------------
// Walking one case.
// ---------------------------------------------------------------------------------

/// An answer as the table writes it: choices by id, or a number.
#[derive(Clone, Copy)]
enum A {
    C(&'static [&'static str]),
    N(u8),
}

/// What a visitor with no warning signs and mild, recent pain answers: the table's
/// cases change only what they are about.
const BASELINE: &[(&str, A)] = &[
    ("where", A::C(&["low-back"])),
    ("nerve-signs", A::C(&["none"])),
    ("body-signs", A::C(&["none"])),
    ("belly-signs", A::C(&["none"])),
    ("injury", A::C(&["no"])),
    ("age", A::N(35)),
    ("pregnancy", A::C(&["no"])),
    ("pregnancy-signs", A::C(&["none"])),
    ("pregnancy-soon", A::C(&["none"])),
    ("general-signs", A::C(&["none"])),
    ("pain-signs", A::C(&["none"])),
    ("injury-risks", A::C(&["none"])),
    ("over-50", A::C(&["none"])),
    ("first-time", A::C(&["no"])),
    ("acupuncture-so-far", A::C(&["no"])),
    ("how-long", A::C(&["under-4-weeks"])),
    ("how-bad", A::N(2)),
    ("daily-life", A::C(&["a-little"])),
    ("other-treatments", A::C(&["none-tried"])),
    ("pain-feels", A::C(&["none"])),
];

fn to_answer(a: A) -> Answer {
    match a {
        A::C(ids) => Answer::Choices(ids.iter().map(|c| ChoiceId(c)).collect()),
        A::N(n) => Answer::Number(n),
    }
}

/// The answer a case gives `q`: its own, else the baseline's, else, for a question
/// this table was not written for (one a clinic added), the question's default ("none
/// of these", "no", …), so that a valid new question never breaks the table.
fn answer_for(case: &[(&str, A)], q: &Question) -> Answer {
    case.iter()
        .chain(BASELINE)
        .find(|(id, _)| *id == q.id.0)
        .map_or_else(|| q.default_answer(), |given| to_answer(given.1))
}

/// Answers every question the quiz asks as [`answer_for`] says, and returns the
/// answers with the tier and the questions asked.
fn walk(quiz: &Quiz, case: &[(&str, A)]) -> Result<(Answers, Tier, Vec<&'static str>), String> {
    let mut answers = Answers::default();
    for _ in 0..=quiz.questions.len() {
        match quiz.next(&answers) {
            Position::Start | Position::Result => {
                let outcome = quiz.outcome(&answers).map_err(|e| format!("{e:?}"))?;
                let asked = quiz.walk(&answers).asked.iter().map(|q| q.id.0).collect();
                return Ok((answers, outcome.tier, asked));
            }
            Position::Question(id) => {
                let q = quiz
                    .question(id)
                    .expect("the path's questions are the quiz's");
                let answer = answer_for(case, q);
                quiz.answer(&mut answers, q.id, answer.clone())
                    .map_err(|e| format!("question {:?} refused {answer:?}: {e:?}", q.id.0))?;
            }
        }
    }
    Err("the quiz did not end".into())
}

// ---------------------------------------------------------------------------------
// The independent table.
// ---------------------------------------------------------------------------------

use Tier::{CallClinic, DoctorFirst, Emergency, SelfCare, Urgent};

/// (what the case is, the answers that differ from the baseline, the required tier)
type Case = (&'static str, &'static [(&'static str, A)], Tier);

const TABLE: &[Case] = &[
    // §1 emergency: each item alone.
    (
        "new trouble passing urine",
        &[("nerve-signs", A::C(&["new-bladder"]))],
        Emergency,
    ),
    (
        "leaked urine without meaning to, even once, new",
        &[("nerve-signs", A::C(&["bladder-leak"]))],
        Emergency,
    ),
    (
        "new loss of bowel control",
        &[("nerve-signs", A::C(&["new-bowel"]))],
        Emergency,
    ),
    (
        "saddle numbness",
        &[("nerve-signs", A::C(&["saddle-numbness"]))],
        Emergency,
    ),
    (
        "severe or worsening leg weakness",
        &[("nerve-signs", A::C(&["leg-weakness"]))],
        Emergency,
    ),
    (
        "major injury, unchecked",
        &[("injury", A::C(&["major-recent"]))],
        Emergency,
    ),
    (
        "new chest pain",
        &[("body-signs", A::C(&["chest"]))],
        Emergency,
    ),
    // Every place's own warning signs (clinical-safety.md, "Every place has its own
    // warning signs"): each item alone, for someone with pain there.
    (
        "a swollen calf after a flight, filed under somewhere else",
        &[
            ("where", A::C(&["elsewhere"])),
            ("limb-soon", A::C(&["swollen-calf"])),
        ],
        Urgent,
    ),
    (
        "sudden testicle pain, filed under somewhere else",
        &[
            ("where", A::C(&["elsewhere"])),
            ("belly-place-signs", A::C(&["testicle"])),
        ],
        Emergency,
    ),
    (
        "pain somewhere else, mild and recent, no warning sign",
        &[
            ("where", A::C(&["elsewhere"])),
            ("how-long", A::C(&["under-4-weeks"])),
            ("how-bad", A::N(2)),
            ("daily-life", A::C(&["not-at-all"])),
        ],
        DoctorFirst,
    ),
    (
        "black stools with fainting",
        &[
            ("where", A::C(&["belly"])),
            ("belly-place-signs", A::C(&["black-stool-faint"])),
        ],
        Emergency,
    ),
    (
        "chest pain on the stairs all week, none today",
        &[
            ("where", A::C(&["chest"])),
            ("chest-soon", A::C(&["with-effort"])),
        ],
        Urgent,
    ),
    (
        "heavy period bleeding, filed under somewhere else",
        &[
            ("where", A::C(&["elsewhere"])),
            ("period-signs", A::C(&["soaking"])),
        ],
        Emergency,
    ),
    (
        "headache at its worst within a minute",
        &[
            ("where", A::C(&["head"])),
            ("head-signs", A::C(&["thunderclap"])),
        ],
        Emergency,
    ),
    (
        "headache much worse over hours",
        &[
            ("where", A::C(&["head"])),
            ("head-signs", A::C(&["worsening"])),
        ],
        Emergency,
    ),
    (
        "headache with fever and a stiff neck",
        &[
            ("where", A::C(&["head"])),
            ("head-signs", A::C(&["fever-stiff-neck"])),
        ],
        Emergency,
    ),
    (
        "headache with double vision",
        &[
            ("where", A::C(&["head"])),
            ("head-signs", A::C(&["nerve-signs"])),
        ],
        Emergency,
    ),
    (
        "headache after a fall",
        &[
            ("where", A::C(&["head"])),
            ("head-signs", A::C(&["head-injury"])),
        ],
        Emergency,
    ),
    (
        "headache three weeks after giving birth",
        &[
            ("where", A::C(&["head"])),
            ("head-signs", A::C(&["pregnant-or-birth"])),
        ],
        Emergency,
    ),
    (
        "headache with a reading of 185/125",
        &[
            ("where", A::C(&["head"])),
            ("head-signs", A::C(&["high-pressure"])),
        ],
        Emergency,
    ),
    (
        "black stools with dizziness",
        &[
            ("where", A::C(&["belly"])),
            ("belly-place-signs", A::C(&["blood-vomit-stool"])),
        ],
        Emergency,
    ),
    (
        "heavy bleeding two weeks after a birth",
        &[
            ("where", A::C(&["belly"])),
            ("belly-place-signs", A::C(&["after-birth"])),
        ],
        Emergency,
    ),
    (
        "sudden pain in a testicle",
        &[
            ("where", A::C(&["belly"])),
            ("belly-place-signs", A::C(&["testicle"])),
        ],
        Emergency,
    ),
    (
        "missed period, belly pain, shoulder-tip pain",
        &[
            ("where", A::C(&["belly"])),
            ("belly-place-signs", A::C(&["missed-period"])),
        ],
        Emergency,
    ),
    (
        "swollen leg and breathless",
        &[
            ("where", A::C(&["joint"])),
            ("limb-signs", A::C(&["leg-with-breathless"])),
        ],
        Emergency,
    ),
    (
        "neck and jaw pain with chest pressure",
        &[
            ("where", A::C(&["neck"])),
            ("shoulder-signs", A::C(&["with-chest"])),
        ],
        Emergency,
    ),
    (
        "shoulder-tip pain with belly pain",
        &[
            ("where", A::C(&["shoulder"])),
            ("shoulder-signs", A::C(&["tip-with-belly"])),
        ],
        Emergency,
    ),
    (
        "period soaking a pad every hour",
        &[
            ("where", A::C(&["period"])),
            ("period-signs", A::C(&["soaking"])),
        ],
        Emergency,
    ),
    (
        "period bleeding with fainting",
        &[
            ("where", A::C(&["period"])),
            ("period-signs", A::C(&["bleeding-faint"])),
        ],
        Emergency,
    ),
    (
        "black stools on ibuprofen",
        &[
            ("where", A::C(&["belly"])),
            ("belly-place-soon", A::C(&["black-stools"])),
        ],
        Urgent,
    ),
    (
        "pain that moved to the lower right",
        &[
            ("where", A::C(&["belly"])),
            ("belly-place-soon", A::C(&["lower-right"])),
        ],
        Urgent,
    ),
    (
        "belly pain with throwing up",
        &[
            ("where", A::C(&["belly"])),
            ("belly-place-soon", A::C(&["with-vomiting"])),
        ],
        Urgent,
    ),
    (
        "belly pain with fever",
        &[
            ("where", A::C(&["belly"])),
            ("belly-place-soon", A::C(&["with-fever"])),
        ],
        Urgent,
    ),
    (
        "hot swollen knee",
        &[
            ("where", A::C(&["joint"])),
            ("limb-soon", A::C(&["hot-joint"])),
        ],
        Urgent,
    ),
    (
        "swollen tender calf after a flight",
        &[
            ("where", A::C(&["joint"])),
            ("limb-soon", A::C(&["swollen-calf"])),
        ],
        Urgent,
    ),
    (
        "a child limping with fever",
        &[
            ("where", A::C(&["joint"])),
            ("limb-soon", A::C(&["child-limp-fever"])),
        ],
        Urgent,
    ),
    (
        "pelvic pain with fever",
        &[
            ("where", A::C(&["period"])),
            ("period-soon", A::C(&["pelvic-fever"])),
        ],
        Urgent,
    ),
    (
        "a headache that is new, or unlike any before",
        &[
            ("where", A::C(&["head"])),
            ("head-changes", A::C(&["new-kind"])),
        ],
        DoctorFirst,
    ),
    (
        "headaches coming more often lately",
        &[
            ("where", A::C(&["head"])),
            ("head-changes", A::C(&["changing"])),
        ],
        DoctorFirst,
    ),
    (
        "periods that have become more painful",
        &[
            ("where", A::C(&["period"])),
            ("period-soon", A::C(&["more-painful"])),
        ],
        DoctorFirst,
    ),
    (
        "period pain while trying for a baby",
        &[
            ("where", A::C(&["period"])),
            ("period-soon", A::C(&["trying-to-conceive"])),
        ],
        DoctorFirst,
    ),
    (
        "woken by headaches",
        &[
            ("where", A::C(&["head"])),
            ("head-changes", A::C(&["wakes"])),
        ],
        DoctorFirst,
    ),
    (
        "both shoulders and hips stiff after 50",
        &[
            ("where", A::C(&["shoulder"])),
            ("age", A::N(62)),
            ("over-50", A::C(&["both-shoulders-hips"])),
        ],
        DoctorFirst,
    ),
    (
        "period pain that began at 30",
        &[
            ("where", A::C(&["period"])),
            ("period-soon", A::C(&["began-after-25"])),
        ],
        DoctorFirst,
    ),
    (
        "pain during sex",
        &[
            ("where", A::C(&["period"])),
            ("period-soon", A::C(&["between-or-sex"])),
        ],
        DoctorFirst,
    ),
    (
        "new shortness of breath at rest",
        &[("body-signs", A::C(&["breathless"]))],
        Emergency,
    ),
    (
        "tearing pain",
        &[("belly-signs", A::C(&["tearing-pain"]))],
        Emergency,
    ),
    (
        "stroke signs",
        &[("body-signs", A::C(&["stroke"]))],
        Emergency,
    ),
    (
        "neck pain with double vision or vertigo",
        &[("body-signs", A::C(&["neck-signs"]))],
        Emergency,
    ),
    (
        "neck pain with dizziness alone: a doctor today, not 911",
        &[
            ("where", A::C(&["neck"])),
            ("pain-signs", A::C(&["neck-dizzy"])),
        ],
        Urgent,
    ),
    (
        "worst-ever headache",
        &[("body-signs", A::C(&["worst-headache"]))],
        Emergency,
    ),
    (
        "thoughts of self-harm",
        &[("body-signs", A::C(&["self-harm"]))],
        Emergency,
    ),
    (
        "thoughts of ending his life on days of the last 2 weeks, none today",
        &[("pain-medicines", A::C(&["self-harm-weeks"]))],
        Emergency,
    ),
    (
        "pregnant, spotting (the emergency room, not 911)",
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pregnancy-signs", A::C(&["bleeding"])),
        ],
        Emergency,
    ),
    (
        "maybe pregnant, bleeding (a pregnancy outside the womb until shown otherwise)",
        &[
            ("pregnancy", A::C(&["maybe"])),
            ("pregnancy-signs", A::C(&["bleeding"])),
        ],
        Emergency,
    ),
    (
        "pregnant, heavy bleeding",
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pregnancy-signs", A::C(&["heavy-bleeding"])),
        ],
        Emergency,
    ),
    (
        "maybe pregnant, one-sided pain",
        &[
            ("pregnancy", A::C(&["maybe"])),
            ("pregnancy-signs", A::C(&["one-sided-pain"])),
        ],
        Emergency,
    ),
    (
        "pregnant, one-sided pain",
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pregnancy-signs", A::C(&["one-sided-pain"])),
        ],
        Emergency,
    ),
    (
        "maybe pregnant, fainting",
        &[
            ("pregnancy", A::C(&["maybe"])),
            ("pregnancy-signs", A::C(&["fainting"])),
        ],
        Emergency,
    ),
    (
        "pregnant, a seizure",
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pregnancy-signs", A::C(&["fainting"])),
        ],
        Emergency,
    ),
    (
        "pregnant, contractions at term (labor and delivery now, not 911)",
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pregnancy-soon", A::C(&["contractions"])),
        ],
        Urgent,
    ),
    (
        "maybe pregnant, cramps that come and go",
        &[
            ("pregnancy", A::C(&["maybe"])),
            ("pregnancy-soon", A::C(&["contractions"])),
        ],
        Urgent,
    ),
    (
        "pregnant, fluid leaking",
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pregnancy-soon", A::C(&["fluid"])),
        ],
        Urgent,
    ),
    (
        "pregnant, the baby moving less",
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pregnancy-soon", A::C(&["fewer-movements"])),
        ],
        Urgent,
    ),
    (
        "pregnant, severe headache",
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pregnancy-soon", A::C(&["severe-headache"])),
        ],
        Urgent,
    ),
    (
        "pregnant, vision changes",
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pregnancy-soon", A::C(&["vision-changes"])),
        ],
        Urgent,
    ),
    (
        "pregnant, severe pain under the ribs on the right (HELLP): the labor unit now",
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pregnancy-soon", A::C(&["upper-belly"])),
        ],
        Urgent,
    ),
    (
        "3 weeks after a birth with an epidural, low back pain and a fever: the emergency \
         room today",
        &[
            ("pregnancy", A::C(&["gave-birth"])),
            ("general-signs", A::C(&["fever"])),
        ],
        Urgent,
    ),
    (
        "6 months after a birth, mild and recent low back pain, nothing else",
        &[("pregnancy", A::C(&["gave-birth"]))],
        SelfCare,
    ),
    (
        "period cramps, mild and recent, having her period now: no pregnancy screens",
        &[
            ("where", A::C(&["period"])),
            ("pregnancy", A::C(&["period-now"])),
        ],
        SelfCare,
    ),
    (
        "fever and injecting drugs: the emergency room today, not urgent care",
        &[("general-signs", A::C(&["fever", "injected-drugs"]))],
        Urgent,
    ),
    (
        "fever after a spine injection",
        &[
            ("general-signs", A::C(&["fever"])),
            ("pain-signs", A::C(&["spine-procedure"])),
        ],
        Urgent,
    ),
    // Not from the spine (the safety rules, ARCHITECTURE.md): each item alone, as a person answers.
    (
        "55, smoker, pain around the navel into the back, a pulsing lump in the belly",
        &[
            ("where", A::C(&["low-back", "belly"])),
            ("belly-signs", A::C(&["pulsing-lump"])),
        ],
        Emergency,
    ),
    (
        "an hour of sudden flank pain into the groin, throwing up, no position helps",
        &[
            ("where", A::C(&["low-back", "belly"])),
            ("belly-signs", A::C(&["kidney-stone"])),
        ],
        Emergency,
    ),
    (
        "sudden low back pain into the belly, pale, clammy, nearly fainting",
        &[
            ("where", A::C(&["low-back", "belly"])),
            ("belly-signs", A::C(&["faint-pale"])),
        ],
        Emergency,
    ),
    (
        "severe upper-belly pain through to the back, throwing up, after drinking",
        &[
            ("where", A::C(&["mid-back", "belly"])),
            ("belly-signs", A::C(&["upper-belly"])),
        ],
        Emergency,
    ),
    (
        "confused and sleepy with yellow eyes (answered by her husband)",
        &[("body-signs", A::C(&["confusion"]))],
        Emergency,
    ),
    (
        "so drowsy her family can hardly wake her, with a fever",
        &[("body-signs", A::C(&["drowsy"]))],
        Emergency,
    ),
    (
        "took extra acetaminophen on top of a cold medicine, feels fine",
        &[("pain-medicines", A::C(&["overdose"]))],
        Emergency,
    ),
    (
        "burning when passing urine, with back pain",
        &[("general-signs", A::C(&["urine-burning"]))],
        Urgent,
    ),
    (
        "yellow eyes, wide awake",
        &[("general-signs", A::C(&["jaundice"]))],
        Urgent,
    ),
    (
        "throwing up all day, cannot keep water down",
        &[("general-signs", A::C(&["vomiting"]))],
        Urgent,
    ),
    (
        "blood in the urine with a fever",
        &[("general-signs", A::C(&["blood-urine", "fever"]))],
        Urgent,
    ),
    (
        "blood in the urine, no fever",
        &[("general-signs", A::C(&["blood-urine"]))],
        DoctorFirst,
    ),
    (
        "a small fall two days ago, osteoporosis",
        &[
            ("injury", A::C(&["unchecked"])),
            ("injury-risks", A::C(&["osteoporosis"])),
        ],
        Urgent,
    ),
    (
        "back pain for years, worse since a fall in the bathroom yesterday, on prednisone",
        &[
            ("how-long", A::C(&["over-12-weeks"])),
            ("injury", A::C(&["unchecked"])),
            ("injury-risks", A::C(&["steroids"])),
        ],
        Urgent,
    ),
    (
        "slipped on the stairs yesterday, takes clopidogrel",
        &[
            ("injury", A::C(&["unchecked"])),
            ("injury-risks", A::C(&["blood-thinners"])),
        ],
        Urgent,
    ),
    // Where the pain is.
    (
        "new upper back pain, no injury",
        &[("where", A::C(&["mid-back"]))],
        DoctorFirst,
    ),
    (
        // Raised from call-clinic on the physician's reading (2026-12-03, item 5):
        // unexplained thoracic pain needs a doctor more the longer it lasts.
        "upper back pain for a year, no injury",
        &[
            ("where", A::C(&["mid-back"])),
            ("how-long", A::C(&["over-12-weeks"])),
        ],
        DoctorFirst,
    ),
    (
        "pain in the side and groin, no warning signs",
        &[("where", A::C(&["belly"]))],
        DoctorFirst,
    ),
    (
        "chest pain that came and went last week, mild, no warning signs",
        &[
            ("where", A::C(&["chest"])),
            ("how-long", A::C(&["under-4-weeks"])),
            ("how-bad", A::N(2)),
            ("daily-life", A::C(&["not-at-all"])),
        ],
        DoctorFirst,
    ),
    (
        "chest pain for months that gets in the way, no warning signs",
        &[
            ("where", A::C(&["chest"])),
            ("how-long", A::C(&["over-12-weeks"])),
            ("daily-life", A::C(&["quite-a-bit"])),
            ("other-treatments", A::C(&["did-not-help"])),
        ],
        DoctorFirst,
    ),
    (
        "runner's knee for 4 months, gets in the way",
        &[
            ("where", A::C(&["joint"])),
            ("how-long", A::C(&["over-12-weeks"])),
            ("daily-life", A::C(&["quite-a-bit"])),
        ],
        CallClinic,
    ),
    (
        "runner's knee, sore since last week",
        &[("where", A::C(&["joint"]))],
        SelfCare,
    ),
    (
        "period cramps a gynecologist has checked, strong each month",
        &[("where", A::C(&["period"])), ("how-bad", A::N(7))],
        CallClinic,
    ),
    (
        "neck pain for two years",
        &[
            ("where", A::C(&["neck"])),
            ("how-long", A::C(&["over-12-weeks"])),
        ],
        CallClinic,
    ),
    (
        "jaw pain when chewing at 35, the clinic's everyday patient",
        &[
            ("where", A::C(&["head"])),
            ("head-changes", A::C(&["jaw-pain"])),
            ("how-bad", A::N(6)),
        ],
        CallClinic,
    ),
    (
        "head: a scalp sore to comb at 61",
        &[
            ("where", A::C(&["head"])),
            ("age", A::N(61)),
            ("head-changes", A::C(&["scalp"])),
        ],
        Urgent,
    ),
    (
        "jaw pain, strong",
        &[("where", A::C(&["head"])), ("how-bad", A::N(6))],
        CallClinic,
    ),
    (
        "shoulder pain that gets in the way a lot",
        &[
            ("where", A::C(&["shoulder"])),
            ("daily-life", A::C(&["a-lot"])),
        ],
        CallClinic,
    ),
    (
        // A place the quiz does not ask about in detail: at least doctor-first
        // (clinical-safety.md, "Every place has its own warning signs", 2026-12-03).
        "pain somewhere else, strong",
        &[("where", A::C(&["elsewhere"])), ("how-bad", A::N(8))],
        DoctorFirst,
    ),
    // Doctor-first situations added on 2026-11-30 (§2).
    (
        "30, back pain for a year, stiff each morning, better with exercise",
        &[
            ("age", A::N(30)),
            ("how-long", A::C(&["over-12-weeks"])),
            ("pain-feels", A::C(&["morning-stiff", "better-moving"])),
        ],
        DoctorFirst,
    ),
    (
        "52, back pain since 40, wakes at 4 am, psoriasis",
        &[
            ("age", A::N(52)),
            ("how-long", A::C(&["over-12-weeks"])),
            (
                "pain-feels",
                A::C(&["wakes-late", "inflamed", "began-before-45"]),
            ),
        ],
        DoctorFirst,
    ),
    (
        "60, back pain since 58, stiff mornings, better moving",
        &[
            ("age", A::N(60)),
            ("how-long", A::C(&["over-12-weeks"])),
            ("pain-feels", A::C(&["morning-stiff", "better-moving"])),
        ],
        CallClinic,
    ),
    (
        "30, back pain for a year, stiff each morning only",
        &[
            ("age", A::N(30)),
            ("how-long", A::C(&["over-12-weeks"])),
            ("pain-feels", A::C(&["morning-stiff"])),
        ],
        CallClinic,
    ),
    (
        "legs ache after a block of walking, ease on a bench",
        &[("pain-signs", A::C(&["walking-legs"]))],
        DoctorFirst,
    ),
    (
        "aching all over for months, sleeps badly, always tired",
        &[("pain-signs", A::C(&["all-over"]))],
        DoctorFirst,
    ),
    // §1 urgent: each item alone.
    (
        "fever with the pain",
        &[("general-signs", A::C(&["fever"]))],
        Urgent,
    ),
    (
        "recent infection",
        &[("general-signs", A::C(&["recent-infection"]))],
        Urgent,
    ),
    (
        "weakened immune system",
        &[("general-signs", A::C(&["weak-immune"]))],
        Urgent,
    ),
    (
        "injected drug use",
        &[("general-signs", A::C(&["injected-drugs"]))],
        Urgent,
    ),
    (
        "history of cancer",
        &[("general-signs", A::C(&["cancer"]))],
        Urgent,
    ),
    (
        "weight loss without trying",
        &[("general-signs", A::C(&["weight-loss"]))],
        Urgent,
    ),
    (
        "recent spine procedure, new pain",
        &[("pain-signs", A::C(&["spine-procedure"]))],
        Urgent,
    ),
    (
        "pain down both legs",
        &[("pain-signs", A::C(&["both-legs"]))],
        Urgent,
    ),
    (
        "constant night pain",
        &[("pain-signs", A::C(&["night-pain"]))],
        Urgent,
    ),
    (
        "spreading numbness",
        &[("pain-signs", A::C(&["spreading-numbness"]))],
        Urgent,
    ),
    (
        "new arm weakness",
        &[("pain-signs", A::C(&["arm-weakness"]))],
        Urgent,
    ),
    (
        "strain with osteoporosis",
        &[
            ("injury", A::C(&["strain"])),
            ("injury-risks", A::C(&["osteoporosis"])),
        ],
        Urgent,
    ),
    (
        "strain on long-term steroids",
        &[
            ("injury", A::C(&["strain"])),
            ("injury-risks", A::C(&["steroids"])),
        ],
        Urgent,
    ),
    (
        "strain on blood thinners",
        &[
            ("injury", A::C(&["strain"])),
            ("injury-risks", A::C(&["blood-thinners"])),
        ],
        Urgent,
    ),
    (
        "72, on prednisone, sudden back pain after a sneeze",
        &[("age", A::N(72)), ("pain-signs", A::C(&["fragile-sudden"]))],
        Urgent,
    ),
    (
        "75, thin bones, sudden neck pain after a cough",
        &[
            ("where", A::C(&["neck"])),
            ("age", A::N(75)),
            ("pain-signs", A::C(&["fragile-sudden"])),
        ],
        Urgent,
    ),
    (
        "a small fall at home at 70, nothing else",
        &[("age", A::N(70)), ("injury", A::C(&["unchecked"]))],
        Urgent,
    ),
    (
        "62, mild low back pain for 8 weeks",
        &[("age", A::N(62)), ("how-long", A::C(&["4-to-12-weeks"]))],
        DoctorFirst,
    ),
    (
        "a knee that other treatments did not help",
        &[
            ("where", A::C(&["joint"])),
            ("other-treatments", A::C(&["did-not-help"])),
        ],
        DoctorFirst,
    ),
    (
        "low back pain that other treatments did not help",
        &[("other-treatments", A::C(&["did-not-help"]))],
        CallClinic,
    ),
    (
        "cannot bear weight after injury",
        &[
            ("injury", A::C(&["strain"])),
            ("injury-risks", A::C(&["no-weight"])),
        ],
        Urgent,
    ),
    (
        "over 50, headache with jaw pain",
        &[
            ("where", A::C(&["head"])),
            ("age", A::N(67)),
            ("head-changes", A::C(&["jaw-pain"])),
        ],
        Urgent,
    ),
    (
        "neck pain at 50, with vision changes",
        &[
            ("where", A::C(&["neck"])),
            ("age", A::N(50)),
            ("over-50", A::C(&["vision-changes"])),
        ],
        Urgent,
    ),
    (
        "70, a new one-sided headache for two weeks, no jaw or vision sign",
        &[
            ("where", A::C(&["head"])),
            ("age", A::N(70)),
            ("head-changes", A::C(&["new-kind"])),
        ],
        Urgent,
    ),
    (
        "49, a headache that is new, or unlike any before",
        &[
            ("where", A::C(&["head"])),
            ("age", A::N(49)),
            ("head-changes", A::C(&["new-kind"])),
        ],
        DoctorFirst,
    ),
    (
        "neck pain at 58 with a headache new to them",
        &[
            ("where", A::C(&["neck"])),
            ("age", A::N(58)),
            ("over-50", A::C(&["new-headache"])),
        ],
        Urgent,
    ),
    (
        "shoulder pain at 66, jaw pain when chewing, no headache",
        &[
            ("where", A::C(&["shoulder"])),
            ("age", A::N(66)),
            ("over-50", A::C(&["jaw-pain"])),
        ],
        Urgent,
    ),
    (
        "over 50, a scalp sore to comb, no headache",
        &[
            ("where", A::C(&["shoulder"])),
            ("age", A::N(74)),
            ("over-50", A::C(&["scalp"])),
        ],
        Urgent,
    ),
    // §2 doctor-first.
    (
        "first back pain at 55",
        &[("age", A::N(55)), ("first-time", A::C(&["yes"]))],
        DoctorFirst,
    ),
    (
        "first neck pain ever at 62",
        &[
            ("where", A::C(&["neck"])),
            ("age", A::N(62)),
            ("first-time", A::C(&["yes"])),
        ],
        DoctorFirst,
    ),
    (
        "first back pain at 19",
        &[("age", A::N(19)), ("first-time", A::C(&["yes"]))],
        DoctorFirst,
    ),
    (
        "pregnant, no warning signs",
        &[("pregnancy", A::C(&["yes"]))],
        DoctorFirst,
    ),
    (
        "maybe pregnant, no warning signs",
        &[("pregnancy", A::C(&["maybe"]))],
        DoctorFirst,
    ),
    (
        "under 18",
        &[("age", A::N(15)), ("first-time", A::C(&["no"]))],
        DoctorFirst,
    ),
    (
        "acupuncture 6+ weeks, no better",
        &[("acupuncture-so-far", A::C(&["no-better"]))],
        DoctorFirst,
    ),
    (
        "injury weeks ago, never checked",
        &[("injury", A::C(&["unchecked"]))],
        DoctorFirst,
    ),
    // Everyday cases.
    (
        "chronic low back pain for a year, tried NSAIDs, no red flags",
        &[
            ("how-long", A::C(&["over-12-weeks"])),
            ("how-bad", A::N(5)),
            ("other-treatments", A::C(&["did-not-help"])),
        ],
        CallClinic,
    ),
    (
        "six months of weekly acupuncture, no better",
        &[
            ("how-long", A::C(&["over-12-weeks"])),
            ("acupuncture-so-far", A::C(&["no-better"])),
        ],
        DoctorFirst,
    ),
    ("mild, recent pain, nothing else", &[], SelfCare),
    (
        "pain for over 12 weeks, mild",
        &[("how-long", A::C(&["over-12-weeks"]))],
        CallClinic,
    ),
    (
        "other treatments helped a little",
        &[("other-treatments", A::C(&["a-little"]))],
        CallClinic,
    ),
    (
        "pain gets in the way a lot",
        &[("daily-life", A::C(&["a-lot"]))],
        CallClinic,
    ),
    ("strong pain, 6 of 10", &[("how-bad", A::N(6))], CallClinic),
    (
        "acupuncture is helping",
        &[("acupuncture-so-far", A::C(&["helping"]))],
        CallClinic,
    ),
    (
        "acupuncture for 3 weeks",
        &[("acupuncture-so-far", A::C(&["under-6-weeks"]))],
        CallClinic,
    ),
    (
        "treatments help enough, mild pain",
        &[
            ("other-treatments", A::C(&["helped"])),
            ("how-bad", A::N(5)),
        ],
        SelfCare,
    ),
    // Not over-triaged: long-standing, already-checked things are not red flags.
    (
        "injury a doctor has checked",
        &[("injury", A::C(&["checked"]))],
        SelfCare,
    ),
    (
        "age 60, back pain before",
        &[("age", A::N(60)), ("over-50", A::C(&["none"]))],
        SelfCare,
    ),
    (
        "age 19, back pain before",
        &[("age", A::N(19)), ("first-time", A::C(&["no"]))],
        SelfCare,
    ),
    (
        "stiff, stressed, cold: patterns only",
        &[(
            "pain-feels",
            A::C(&["stiff", "stress", "cold", "frequent-urination"]),
        )],
        SelfCare,
    ),
    // The highest tier wins, whatever else is answered.
    (
        "chronic pain and new bladder trouble",
        &[
            ("nerve-signs", A::C(&["new-bladder"])),
            ("how-long", A::C(&["over-12-weeks"])),
        ],
        Emergency,
    ),
    (
        "fever and acupuncture no better",
        &[
            ("general-signs", A::C(&["fever"])),
            ("acupuncture-so-far", A::C(&["no-better"])),
        ],
        Urgent,
    ),
];

/// Cases whose result must name the cause the person reported (§4), and must not
/// name a cause they did not: (what the case is, answers, a rule among the reasons,
/// rules that must not be among them).
type Named = (
    &'static str,
    &'static [(&'static str, A)],
    &'static str,
    &'static [&'static str],
);

const NAMED: &[Named] = &[
    (
        "fever after a birth is explained as after a birth: the emergency room, not urgent care",
        &[
            ("pregnancy", A::C(&["gave-birth"])),
            ("general-signs", A::C(&["fever"])),
        ],
        "after-birth-fever",
        &[],
    ),
    (
        "fever with injected drugs is a possible spine infection: the emergency room",
        &[("general-signs", A::C(&["fever", "injected-drugs"]))],
        "fever-and-infection-risk",
        &[],
    ),
    (
        "an overdose is not explained as a stroke",
        &[("pain-medicines", A::C(&["overdose"]))],
        "medicine-overdose",
        &["stroke-signs", "confusion"],
    ),
    (
        "confusion is its own cause, not a stroke",
        &[("body-signs", A::C(&["confusion"]))],
        "confusion",
        &["stroke-signs"],
    ),
    (
        "confused after too much acetaminophen: confusion, which names the medicine too",
        &[
            ("body-signs", A::C(&["confusion"])),
            ("pain-medicines", A::C(&["overdose"])),
        ],
        "confusion",
        &["stroke-signs"],
    ),
    (
        "a pulsing lump is an aneurysm",
        &[("belly-signs", A::C(&["pulsing-lump"]))],
        "pulsing-lump",
        &["tearing-pain"],
    ),
    (
        "fainting with sudden pain: bleeding inside, no word 'tearing' needed",
        &[("belly-signs", A::C(&["faint-pale"]))],
        "faint-or-pale",
        &["tearing-pain"],
    ),
    (
        "a kidney stone is named as one",
        &[("belly-signs", A::C(&["kidney-stone"]))],
        "kidney-stone",
        &[],
    ),
    (
        "pancreatitis is named as such, not as an infection",
        &[("belly-signs", A::C(&["upper-belly"]))],
        "upper-belly-pain",
        &["fever"],
    ),
    (
        "tearing pain is the aorta",
        &[("belly-signs", A::C(&["tearing-pain"]))],
        "tearing-pain",
        &[],
    ),
    (
        "burning urine: kidney infection",
        &[("general-signs", A::C(&["urine-burning"]))],
        "urine-burning",
        &[],
    ),
    (
        "yellow eyes without drowsiness: jaundice",
        &[("general-signs", A::C(&["jaundice"]))],
        "jaundice",
        &[],
    ),
    (
        "vomiting that does not stop",
        &[("general-signs", A::C(&["vomiting"]))],
        "vomiting",
        &[],
    ),
    (
        "a fall on blood thinners",
        &[
            ("injury", A::C(&["unchecked"])),
            ("injury-risks", A::C(&["blood-thinners"])),
        ],
        "injury-on-blood-thinners",
        &[],
    ),
    (
        "a knee is not told about a low back pain guideline",
        &[
            ("where", A::C(&["joint"])),
            ("how-long", A::C(&["over-12-weeks"])),
        ],
        "other-pain-lasting",
        &["chronic-pain", "gets-in-the-way", "strong-pain"],
    ),
    (
        "neck pain gets the article, not ACP",
        &[("where", A::C(&["neck"])), ("how-bad", A::N(7))],
        "neck-pain-lasting",
        &["strong-pain"],
    ),
    (
        "low back and knee: ACP for the back, the article for the knee",
        &[
            ("where", A::C(&["low-back", "joint"])),
            ("how-long", A::C(&["over-12-weeks"])),
        ],
        "chronic-pain",
        &[],
    ),
    (
        "low back and knee: the knee's own reason too",
        &[
            ("where", A::C(&["low-back", "joint"])),
            ("how-long", A::C(&["over-12-weeks"])),
        ],
        "other-pain-lasting",
        &[],
    ),
    (
        "mild recent knee pain: not the ACP self-care reason",
        &[("where", A::C(&["joint"]))],
        "mild-recent-other-pain",
        &["mild-recent-pain"],
    ),
    (
        "helped a little is reported as given",
        &[("other-treatments", A::C(&["a-little"]))],
        "other-treatments-helped-a-little",
        &["other-treatments-did-not-help"],
    ),
    (
        "did not help is reported as given",
        &[("other-treatments", A::C(&["did-not-help"]))],
        "other-treatments-did-not-help",
        &["other-treatments-helped-a-little"],
    ),
    (
        "new upper back pain",
        &[("where", A::C(&["mid-back"]))],
        "middle-back-pain",
        &[],
    ),
    (
        "belly pain is sent to a doctor",
        &[("where", A::C(&["belly"]))],
        "belly-side-groin",
        &[],
    ),
    (
        "chest pain is sent to a doctor",
        &[("where", A::C(&["chest"]))],
        "chest-pain-place",
        &[],
    ),
    (
        "pain somewhere the quiz does not ask about is sent to a doctor",
        &[("where", A::C(&["elsewhere"]))],
        "pain-elsewhere",
        &[],
    ),
    (
        "inflammatory back pain",
        &[
            ("age", A::N(30)),
            ("how-long", A::C(&["over-12-weeks"])),
            ("pain-feels", A::C(&["morning-stiff", "better-moving"])),
        ],
        "inflammatory-back-pain",
        &[],
    ),
    (
        "spinal stenosis",
        &[("pain-signs", A::C(&["walking-legs"]))],
        "walking-legs",
        &[],
    ),
    (
        "widespread pain",
        &[("pain-signs", A::C(&["all-over"]))],
        "pain-all-over",
        &[],
    ),
    (
        "blood in the urine",
        &[("general-signs", A::C(&["blood-urine"]))],
        "blood-in-urine",
        &[],
    ),
];

/// The outcome of a case, answered as [`walk`] answers it.
fn outcome(quiz: &Quiz, case: &[(&str, A)]) -> Result<Outcome, String> {
    let (answers, _, _) = walk(quiz, case)?;
    quiz.outcome(&answers).map_err(|e| format!("{e:?}"))
}

/// The reasons (rule ids) shown for a case.
fn reasons(quiz: &Quiz, case: &[(&str, A)]) -> Result<Vec<&'static str>, String> {
    Ok(outcome(quiz, case)?
        .reasons()
        .iter()
        .map(|r| r.rule.id)
        .collect())
}

/// The table's failures on `quiz`, one line each, in words a clinic's manager can act
/// on: the case, the tier the quiz now gives and the one the safety rules require, and
/// the rules that fired.
fn table_failures(quiz: &Quiz) -> Vec<String> {
    let tiers = TABLE
        .iter()
        .filter_map(|(name, case, want)| match outcome(quiz, case) {
            Ok(outcome) if outcome.tier == *want => None,
            Ok(outcome) => {
                // Every rule that fired, the lower tiers' too: a lowered rule is among
                // them.
                let fired: Vec<String> = outcome
                    .fired
                    .iter()
                    .map(|r| format!("\"{}\" ({})", r.id, r.tier.slug()))
                    .collect();
                Some(format!(
                    "the case \"{name}\" now gets {}, and the safety rules \
                     (ARCHITECTURE.md) require {}. Rules that fired: {}. If you changed \
                     one of these rules (its tier or its `when`), change it back, or have a \
                     clinician change the safety rules first.",
                    outcome.tier.slug(),
                    want.slug(),
                    if fired.is_empty() {
                        "none".into()
                    } else {
                        fired.join(", ")
                    }
                ))
            }
            Err(e) => Some(format!("the case \"{name}\": {e}")),
        });
    let named = NAMED
        .iter()
        .filter_map(|(name, case, must, must_not)| match reasons(quiz, case) {
            Ok(ids) if ids.contains(must) && !must_not.iter().any(|n| ids.contains(n)) => None,
            Ok(ids) => Some(format!(
                "{name}: reasons {ids:?}, want {must} and none of {must_not:?}"
            )),
            Err(e) => Some(format!("{name}: {e}")),
        });
    tiers.chain(named).collect()
}

#[test]
fn the_independent_table_holds() {
    let failures = table_failures(&QUIZ);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_emergency_answer_ends_the_quiz_at_once() {
    for (name, case, want) in TABLE.iter().filter(|c| c.2 == Emergency) {
        let (_, tier, asked) = walk(&QUIZ, case).unwrap();
        assert_eq!(tier, *want, "{name}");
        let last = asked.last().unwrap();
        assert!(
            case.iter().any(|(q, _)| q == last),
            "{name}: the quiz went on past the emergency answer to {last}"
        );
    }
}

#[test]
fn each_emergency_shows_only_the_lines_that_fit() {
    use Line::{Crisis, Emergency as L911, Poison};
    type LinesCase = (&'static str, &'static [(&'static str, A)], &'static [Line]);
    let cases: &[LinesCase] = &[
        (
            "saddle numbness",
            &[("nerve-signs", A::C(&["saddle-numbness"]))],
            &[L911],
        ),
        ("chest pain", &[("body-signs", A::C(&["chest"]))], &[L911]),
        (
            "self-harm",
            &[("body-signs", A::C(&["self-harm"]))],
            &[Crisis, L911],
        ),
        (
            "an overdose",
            &[("pain-medicines", A::C(&["overdose"]))],
            &[Poison, L911],
        ),
        (
            "confused after an overdose: 911, at the first emergency screen",
            &[
                ("body-signs", A::C(&["confusion"])),
                ("pain-medicines", A::C(&["overdose"])),
            ],
            &[L911],
        ),
        (
            "a pulsing lump",
            &[("belly-signs", A::C(&["pulsing-lump"]))],
            &[L911],
        ),
    ];
    for (name, case, want) in cases {
        let outcome = outcome(&QUIZ, case).unwrap();
        assert_eq!(outcome.lines(), *want, "{name}");
    }
    // An overdose alone says Poison Control first, in the action too.
    let overdose = outcome(&QUIZ, &[("pain-medicines", A::C(&["overdose"]))]).unwrap();
    let action = overdose.actions()[0].myself(Lang::En);
    assert!(
        action.contains("Poison Control") && action.contains("1-800-222-1222"),
        "{action}"
    );
    // With a 911 emergency before it, 911's action stays.
    let both = outcome(
        &QUIZ,
        &[
            ("body-signs", A::C(&["chest"])),
            ("pain-medicines", A::C(&["overdose"])),
        ],
    )
    .unwrap();
    assert!(both.actions()[0].myself(Lang::En).contains("Call 911"));
}

/// The headline is the first call to make when every emergency rule that fired names
/// the same one (988, Poison Control); with any other emergency, the tier's.
#[test]
fn a_crisis_line_s_headline_only_when_it_is_the_whole_emergency() {
    let headline = |case: &[(&str, A)]| {
        let outcome = outcome(&QUIZ, case).unwrap();
        outcome.headline().unwrap().myself(Lang::En)
    };
    let tier = QUIZ
        .result(Tier::Emergency)
        .unwrap()
        .headline
        .myself(Lang::En);
    assert_eq!(
        headline(&[("body-signs", A::C(&["self-harm"]))]),
        "Call or text 988 now"
    );
    assert_eq!(
        headline(&[("pain-medicines", A::C(&["overdose"]))]),
        "Call Poison Control now: 1-800-222-1222"
    );
    // Thoughts on other days of the last 2 weeks, none today (a player's case).
    assert_eq!(
        headline(&[("pain-medicines", A::C(&["self-harm-weeks"]))]),
        "Call or text 988 now"
    );
    assert_eq!(
        headline(&[("body-signs", A::C(&["self-harm", "chest"]))]),
        tier
    );
    assert_eq!(headline(&[("body-signs", A::C(&["chest"]))]), tier);
    // Below emergency, the tier's own, whatever fired.
    let urgent = headline(&[("general-signs", A::C(&["fever"]))]);
    assert_eq!(
        urgent,
        QUIZ.result(Tier::Urgent).unwrap().headline.myself(Lang::En)
    );
}

#[test]
fn fever_after_a_birth_goes_to_the_emergency_room_not_urgent_care() {
    // With or without the epidural ticked as a spine procedure (then the spine
    // infection's rule fires too), one place to go: "call the labor unit first" beside
    // "the emergency room" read as a conflict to two players.
    for (general, pain_signs) in [
        (&["fever"][..], &["none"][..]),
        (&["fever", "recent-infection"], &["none"]),
        (&["fever"], &["spine-procedure"]),
        (&["fever"], &["spine-procedure", "night-pain"]),
    ] {
        let outcome = outcome(
            &QUIZ,
            &[
                ("pregnancy", A::C(&["gave-birth"])),
                ("general-signs", A::C(general)),
                ("pain-signs", A::C(pain_signs)),
            ],
        )
        .unwrap();
        assert!(outcome.fired.iter().any(|r| r.id == "after-birth-fever"));
        let actions: Vec<&str> = outcome
            .actions()
            .iter()
            .map(|t| t.myself(Lang::En))
            .collect();
        assert_eq!(actions.len(), 1, "{pain_signs:?}: {actions:?}");
        assert!(actions[0].contains("emergency room today"), "{actions:?}");
        assert!(actions[0].contains("not an urgent care"), "{actions:?}");
    }
}

#[test]
fn under_a_crisis_line_s_headline_if_it_gets_worse_is_the_rule_s_own() {
    let worse = |case: &[(&str, A)]| -> Vec<&'static str> {
        let outcome = outcome(&QUIZ, case).unwrap();
        outcome.worse().iter().map(|t| t.myself(Lang::En)).collect()
    };
    let tier = QUIZ.result(Tier::Emergency).unwrap().worse.myself(Lang::En);
    // The tier's line speaks to a 911 operator: not under "Call or text 988 now".
    for case in [
        &[("body-signs", A::C(&["self-harm"]))][..],
        &[("pain-medicines", A::C(&["overdose"]))],
    ] {
        let lines = worse(case);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert_ne!(lines[0], tier);
    }
    assert!(worse(&[("body-signs", A::C(&["self-harm"]))])[0].contains("someone you trust"));
    assert!(worse(&[("pain-medicines", A::C(&["overdose"]))])[0].contains("Poison Control"));
    // Under the tier's headline, the tier's line is there as well.
    let both = worse(&[("body-signs", A::C(&["self-harm", "chest"]))]);
    assert!(both.contains(&tier), "{both:?}");
    assert!(
        both.iter().any(|l| l.contains("someone you trust")),
        "{both:?}"
    );
}

#[test]
fn if_it_gets_worse_fits_the_person() {
    let worse = |case: &[(&str, A)]| -> Vec<&'static str> {
        outcome(&QUIZ, case)
            .unwrap()
            .worse()
            .iter()
            .map(|t| t.myself(Lang::En))
            .collect()
    };
    let everyday = worse(&[]);
    assert_eq!(everyday.len(), 1, "{everyday:?}");
    let pregnant = worse(&[("pregnancy", A::C(&["yes"]))]);
    assert!(pregnant[0].contains("labor and delivery"), "{pregnant:?}");
    let fever = worse(&[("general-signs", A::C(&["fever"]))]);
    assert!(fever[0].contains("being hard to wake"), "{fever:?}");
    let neck = worse(&[("where", A::C(&["neck"])), ("how-bad", A::N(7))]);
    assert!(neck[0].contains("arm or leg"), "{neck:?}");
    let belly = worse(&[("where", A::C(&["belly"]))]);
    assert!(belly[0].contains("fainting"), "{belly:?}");
    let jaw_headache = worse(&[
        ("where", A::C(&["head"])),
        ("age", A::N(62)),
        ("head-changes", A::C(&["jaw-pain"])),
    ]);
    assert!(jaw_headache[0].contains("vision"), "{jaw_headache:?}");
    let upper_back = worse(&[("where", A::C(&["mid-back"]))]);
    assert!(upper_back[0].contains("chest"), "{upper_back:?}");
    // The spinal emergency line is always there, last.
    for lines in [
        &everyday,
        &pregnant,
        &fever,
        &neck,
        &belly,
        &jaw_headache,
        &upper_back,
    ] {
        assert!(lines.last().unwrap().contains("bladder"), "{lines:?}");
    }
    // Each place has its own line, before the spine's, even where no rule fired for it
    // (a knee was told only about the bladder and the groin): a knee or a shoulder is told
    // about the chest pain of a clot or the heart, a headache about a sudden one (the
    // choice's line); the belly and the chest have their rule's. The low back has the
    // spine's alone. A knee with chest pain is told the chest's line once. The chest's
    // line is for a new pressure or tightness: someone with a week's chest-wall ache read
    // "chest pain lasting more than a few minutes" as a call to make now (a playtest).
    let places: [(&'static [&'static str], &str); 7] = [
        (&["neck"], "arm or leg"),
        (&["shoulder"], "new chest pressure"),
        (&["joint"], "new chest pressure"),
        (&["head"], "vision is being lost"),
        (&["belly"], "a racing heart"),
        (&["chest"], "new chest pressure"),
        (&["period"], "soaks a pad"),
    ];
    for (place, words) in places {
        let lines = worse(&[("where", A::C(place))]);
        assert!(
            lines.len() == 2 && lines[0].contains(words),
            "{place:?}: {lines:?}"
        );
        assert!(lines[1].contains("bladder"), "{place:?}: {lines:?}");
    }
    assert_eq!(worse(&[("where", A::C(&["low-back"]))]).len(), 1);
    // Two places: both lines, each once.
    let both = worse(&[("where", A::C(&["neck", "head"]))]);
    assert_eq!(both.len(), 3, "{both:?}");
    let knee_and_chest = worse(&[("where", A::C(&["joint", "chest"]))]);
    assert_eq!(knee_and_chest.len(), 2, "{knee_and_chest:?}");
    // Under "call 911 now", no "call 911 if…" line of a lower tier (seen in a playtest:
    // belly pain's line on an aneurysm's emergency result).
    let lump = worse(&[
        ("where", A::C(&["belly", "low-back"])),
        ("belly-signs", A::C(&["pulsing-lump"])),
    ]);
    assert_eq!(lump.len(), 1, "{lump:?}");
    assert!(lump[0].contains("every symptom"), "{lump:?}");
}

#[test]
fn an_aortic_emergency_says_wait_for_the_ambulance() {
    const SIGNS: [&[&str]; 3] = [&["faint-pale"], &["tearing-pain"], &["pulsing-lump"]];
    for sign in SIGNS {
        let o = outcome(&QUIZ, &[("belly-signs", A::C(sign))]).unwrap();
        let action = o.actions()[0].myself(Lang::En);
        assert!(
            action.contains("ambulance") && action.contains("911"),
            "{sign:?}: {action}"
        );
    }
}

#[test]
fn a_reason_quotes_every_sign_it_saw() {
    let o = outcome(
        &QUIZ,
        &[
            ("age", A::N(30)),
            ("how-long", A::C(&["over-12-weeks"])),
            (
                "pain-feels",
                A::C(&["morning-stiff", "better-moving", "inflamed"]),
            ),
        ],
    )
    .unwrap();
    let reasons = o.reasons();
    let ibp = reasons
        .iter()
        .find(|r| r.rule.id == "inflammatory-back-pain")
        .unwrap();
    let seen: Vec<&str> = ibp
        .given
        .iter()
        .filter(|g| g.question.id.0 == "pain-feels")
        .flat_map(|g| g.choices.iter().map(|c| c.id.0))
        .collect();
    for sign in ["morning-stiff", "better-moving", "inflamed"] {
        assert!(seen.contains(&sign), "{sign} not quoted: {seen:?}");
    }
}

#[test]
fn under_18_is_shown_no_session_details_or_patterns() {
    let teen = outcome(
        &QUIZ,
        &[
            ("age", A::N(16)),
            ("first-time", A::C(&["no"])),
            ("pain-feels", A::C(&["stress", "stiff"])),
        ],
    )
    .unwrap();
    assert_eq!(teen.tier, DoctorFirst);
    assert!(teen.expectations().is_empty() && teen.patterns().is_empty());
    let adult = outcome(
        &QUIZ,
        &[
            ("pregnancy", A::C(&["yes"])),
            ("pain-feels", A::C(&["stress"])),
        ],
    )
    .unwrap();
    assert_eq!(adult.tier, DoctorFirst);
    assert!(!adult.expectations().is_empty() && !adult.patterns().is_empty());
}

#[test]
fn urinary_red_flags_come_before_frequent_urination() {
    let position = |id| {
        QUIZ.questions
            .iter()
            .position(|q| q.id == QuestionId(id))
            .unwrap()
    };
    let asks_frequent_urination = QUIZ
        .questions
        .iter()
        .position(|q| q.choices.iter().any(|c| c.id.0 == "frequent-urination"))
        .unwrap();
    assert!(position("nerve-signs") < asks_frequent_urination);
}

/// A few minutes (`product.md`): 20 questions at most on a typical path of the shipped
/// content. The start screen promises the typical plain path's count
/// (`validate::lengths::typical`), which is one of the places' own.
#[test]
fn a_typical_path_asks_8_to_20_questions() {
    let typical = quiz::validate::lengths::typical(&QUIZ);
    assert!((8..=20).contains(&typical), "{typical}");
    let places = quiz::validate::lengths::by_place(&QUIZ);
    assert!(places.iter().any(|p| p.plain[0] == typical), "{places:?}");
    for p in &places {
        assert!(p.shortest <= p.plain[0] && p.plain[0] <= p.longest, "{p:?}");
    }
    for (name, case) in [
        ("35, mild recent pain", &[][..]),
        (
            "60, chronic pain",
            &[("age", A::N(60)), ("how-long", A::C(&["over-12-weeks"]))][..],
        ),
    ] {
        let (_, _, asked) = walk(&QUIZ, case).unwrap();
        assert!(
            (8..=20).contains(&asked.len()),
            "{name}: {} questions",
            asked.len()
        );
    }
}

// ---------------------------------------------------------------------------------
// Every path.
// ---------------------------------------------------------------------------------

/// Everything that must hold on one complete path, checked with the app's own
/// functions; `Err` says what broke.
fn check_path(quiz: &Quiz, answers: &Answers) -> Result<Tier, String> {
    let walk = quiz.walk(answers);
    if walk.next != Position::Result {
        return Err("the path is not complete".into());
    }
    let ids: Vec<_> = walk.asked.iter().map(|q| q.id).collect();
    if (1..ids.len()).any(|i| ids[..i].contains(&ids[i])) {
        return Err(format!("a question is asked twice: {ids:?}"));
    }
    let outcome = quiz
        .outcome(answers)
        .map_err(|e| format!("no outcome: {e:?}"))?;
    let highest = outcome.fired.iter().map(|r| r.tier).max();
    if highest != Some(outcome.tier) {
        return Err("the tier is not the highest fired rule's".into());
    }
    let reasons = outcome.reasons();
    if reasons.is_empty() {
        return Err("no reason is given".into());
    }
    for r in &reasons {
        // ACP 2017 is about low back pain only (the safety rules, "Evidence fits the place").
        let low_back = Condition::Chose {
            question: QuestionId("where"),
            any: &[ChoiceId("low-back")],
        };
        if r.rule.source == Source::Guideline(Guideline::Acp2017) && !low_back.holds(answers) {
            return Err(format!(
                "reason {} cites ACP-2017 without low back pain",
                r.rule.id
            ));
        }
        let cited = match r.rule.source {
            Source::Article(q) => !q.trim().is_empty(),
            Source::Guideline(_) => true,
        };
        if !cited || r.given.is_empty() {
            return Err(format!("reason {} has no source or no answer", r.rule.id));
        }
        if r.given
            .iter()
            .any(|g| g.choices.iter().any(|c| c.exclusive))
        {
            return Err(format!("reason {} quotes \"None of these\"", r.rule.id));
        }
    }
    let mut listed = reasons.clone();
    listed.extend(outcome.also());
    let gone = vanished(&outcome, &listed);
    if !gone.is_empty() {
        return Err(format!(
            "a ticked symptom vanished from the result: {gone:?}"
        ));
    }
    if let Some(twice) = twice(&outcome) {
        return Err(format!("the result shows \"{twice}\" twice"));
    }
    if outcome.worse().is_empty() || outcome.actions().is_empty() {
        return Err("no \"if it gets worse\" or no action".into());
    }
    // The things to tell the acupuncturist that the quiz does not ask about (no
    // condition) are on every result that shows the list, and only there.
    let told = outcome.tell();
    let everyone = quiz.tell.iter().filter(|t| t.when == Condition::ALWAYS);
    for t in everyone {
        if told.contains(&t) != outcome.tier.shows_acupuncture_details() {
            return Err(format!("thing to tell {} shown on the wrong result", t.id));
        }
    }
    if (outcome.tier == Emergency) == outcome.lines().is_empty() {
        return Err("an emergency result without a line to call, or another with one".into());
    }
    if outcome.tier == Emergency
        && outcome.fired.iter().any(|r| r.id == "self-harm")
            != outcome.lines().contains(&Line::Crisis)
    {
        return Err("988 shown without self-harm, or missing with it".into());
    }
    Ok(outcome.tier)
}

/// The rules a doctor should hear of (doctor-first and up) that fired and that
/// `listed`, what a result lists, leaves out (clinical-safety.md §4: a ticked symptom
/// never vanishes).
fn vanished(outcome: &Outcome, listed: &[quiz::Reason]) -> Vec<&'static str> {
    let doctor = outcome.fired.iter().filter(|r| r.tier >= DoctorFirst);
    doctor
        .filter(|r| !listed.iter().any(|l| l.rule.id == r.id))
        .map(|r| r.id)
        .collect()
}

/// A line the result shows twice, in any language and for either reader: the
/// headline, what to do, the reasons, what else to tell, "if it gets worse".
fn twice(outcome: &Outcome) -> Option<&'static str> {
    let mut texts: Vec<quiz::Text> = outcome.text().map(|t| t.headline).into_iter().collect();
    texts.extend(outcome.actions());
    texts.extend(outcome.reasons().iter().map(|r| r.rule.reason));
    texts.extend(outcome.also().iter().map(|r| r.rule.reason));
    texts.extend(outcome.worse());
    for lang in Lang::ALL {
        for who in [quiz::Perspective::Myself, quiz::Perspective::SomeoneElse] {
            let lines: Vec<&'static str> = texts.iter().map(|t| t.get(lang, who)).collect();
            if let Some(i) = (1..lines.len()).find(|&i| lines[..i].contains(&lines[i])) {
                return Some(lines[i]);
            }
        }
    }
    None
}

#[test]
fn a_result_that_hides_a_lower_tier_reason_or_repeats_a_line_is_caught() {
    // Fever (urgent) and pregnancy (doctor-first): the urgent reasons alone would hide
    // the pregnancy.
    let case = [
        ("general-signs", A::C(&["fever"])),
        ("pregnancy", A::C(&["yes"])),
    ];
    let (answers, tier, _) = walk(&QUIZ, &case).unwrap();
    assert_eq!(tier, Urgent);
    let outcome = QUIZ.outcome(&answers).unwrap();
    assert_eq!(vanished(&outcome, &outcome.reasons()), ["pregnancy"]);
    let mut listed = outcome.reasons();
    listed.extend(outcome.also());
    assert!(vanished(&outcome, &listed).is_empty());
    // Two rules with the same words, both fired: shown twice.
    let fever = QUIZ.rules.iter().find(|r| r.id == "fever").unwrap();
    let rules: Vec<quiz::Rule> = QUIZ
        .rules
        .iter()
        .map(|r| match r.id {
            "pregnancy" => quiz::Rule {
                reason: fever.reason,
                ..*r
            },
            _ => *r,
        })
        .collect();
    let copied = Quiz {
        rules: Box::leak(rules.into_boxed_slice()),
        ..*QUIZ
    };
    let outcome = copied.outcome(&answers).unwrap();
    assert_eq!(twice(&outcome), Some(fever.reason.myself(Lang::En)));
    assert_eq!(twice(&QUIZ.outcome(&answers).unwrap()), None);
}

fn path_failures(quiz: &Quiz) -> (u128, usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut checked = 0;
    let found = explore(quiz, &mut |answers, has_outcome| {
        checked += 1;
        if let Err(e) = check_path(quiz, answers) {
            failures.push(format!("{e} on {}", quiz::validate::describe(answers)));
        } else if !has_outcome {
            failures.push("the walk saw no rule fire where the app did".into());
        }
    });
    if found.no_outcome.is_some() {
        failures.push("a path has no outcome".into());
    }
    (found.paths, checked, failures)
}

#[test]
fn none_of_these_is_never_quoted_as_a_reason_s_answer() {
    // The fall-at-65 rule names injury-risks' "None of these" only to be decided there.
    let fall = outcome(
        &QUIZ,
        &[
            ("age", A::N(70)),
            ("injury", A::C(&["unchecked"])),
            ("injury-risks", A::C(&["none"])),
        ],
    )
    .unwrap();
    let reason = fall
        .reasons()
        .into_iter()
        .find(|r| r.rule.id == "fall-at-65");
    let quoted: Vec<&str> = reason
        .expect("fall-at-65 fires")
        .given
        .iter()
        .flat_map(|g| g.choices.iter().map(|c| c.id.0))
        .collect();
    assert_eq!(quoted, ["unchecked"]);
}

#[test]
fn every_path_ends_in_exactly_one_tier_through_a_named_rule() {
    let (paths, checked, failures) = path_failures(&QUIZ);
    assert!(
        failures.is_empty(),
        "{}",
        failures[..failures.len().min(10)].join("\n")
    );
    // The walk is exhaustive: every subset of every checklist is a path.
    assert!(paths > 1_000_000_000, "only {paths} paths");
    assert!(
        checked > 100,
        "only {checked} merged paths checked with real answers"
    );
    println!("{paths} paths, {checked} checked with real answers");
}

// ---------------------------------------------------------------------------------
// Mutation check.
// ---------------------------------------------------------------------------------

/// A mutant is caught when the table or the walk of every path fails on it: the walk,
/// which takes seconds, runs only for a mutant the table (milliseconds) let through.
#[test]
fn removing_any_one_rule_makes_a_check_fail() {
    let (mut by_table, mut by_walk, mut survivors) = (0, 0, Vec::new());
    for (i, rule) in QUIZ.rules.iter().enumerate() {
        let mut rules = QUIZ.rules.to_vec();
        rules.remove(i);
        let mutant = Quiz {
            rules: Box::leak(rules.into_boxed_slice()),
            ..*QUIZ
        };
        if !table_failures(&mutant).is_empty() {
            by_table += 1;
        } else if !path_failures(&mutant).2.is_empty() {
            by_walk += 1;
        } else {
            survivors.push(rule.id);
        }
    }
    assert!(
        survivors.is_empty(),
        "no check fails without these rules: {survivors:?}"
    );
    println!(
        "{} of {} one-rule mutants caught: {by_table} by the table, {by_walk} by the walk \
         of every path",
        by_table + by_walk,
        QUIZ.rules.len()
    );
}

#[test]
fn the_checks_can_fail() {
    // A quiz whose only self-care rule is gone has paths with no outcome.
    let rules: Vec<_> = QUIZ
        .rules
        .iter()
        .filter(|r| r.tier != SelfCare)
        .copied()
        .collect();
    let broken = Quiz {
        rules: Box::leak(rules.into_boxed_slice()),
        ..*QUIZ
    };
    assert!(!path_failures(&broken).2.is_empty());
    assert!(!table_failures(&broken).is_empty());
}

// ---------------------------------------------------------------------------------
// Property tests over random paths.
// ---------------------------------------------------------------------------------

/// A complete path: question `i` takes candidate `seeds[i] % n`, except `force`.
fn random_path(seeds: &[usize], force: Option<(QuestionId, ChoiceId)>) -> Answers {
    let mut answers = Answers::default();
    while let Position::Question(id) = QUIZ.next(&answers) {
        let q = QUIZ.question(id).unwrap();
        let i = QUIZ.questions.iter().position(|x| x.id == q.id).unwrap();
        let options = candidates(&QUIZ, q);
        let mut answer = options[seeds[i % seeds.len()] % options.len()].clone();
        if let Some((fq, fc)) = force {
            if fq == q.id {
                answer = match q.kind {
                    Kind::Checklist => with_choice(q, &answer, fc),
                    _ => Answer::Choices(vec![fc]),
                };
            }
        }
        QUIZ.answer(&mut answers, q.id, answer).unwrap();
    }
    answers
}

/// A checklist answer with `choice` ticked too.
fn with_choice(q: &quiz::Question, answer: &Answer, choice: ChoiceId) -> Answer {
    let mut chosen = match answer {
        Answer::Choices(c) => c.clone(),
        Answer::Number(_) => Vec::new(),
    };
    chosen.retain(|c| !q.choice(*c).unwrap().exclusive);
    if !chosen.contains(&choice) {
        chosen.push(choice);
    }
    Answer::Choices(chosen)
}

/// Every red-flag answer: a choice that alone fires an emergency or urgent rule.
fn red_flags() -> Vec<(QuestionId, ChoiceId, Tier)> {
    let mut out = Vec::new();
    for rule in QUIZ.rules.iter().filter(|r| r.tier >= Urgent) {
        if let Condition::Chose { question, any } = rule.when {
            out.extend(any.iter().map(|c| (question, *c, rule.tier)));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_paths_end_in_one_tier(seeds in prop::collection::vec(0usize..1000, 24..=24)) {
        let answers = random_path(&seeds, None);
        prop_assert!(check_path(&QUIZ, &answers).is_ok(), "{:?}", check_path(&QUIZ, &answers));
    }

    #[test]
    fn a_red_flag_gives_at_least_its_tier_whatever_else(
        seeds in prop::collection::vec(0usize..1000, 24..=24),
        flag in 0usize..1000,
    ) {
        let flags = red_flags();
        let (question, choice, tier) = flags[flag % flags.len()];
        let answers = random_path(&seeds, Some((question, choice)));
        let shown = QUIZ.walk(&answers).asked.iter().any(|q| q.id == question);
        // The flag's question can be hidden (injury risks without an injury), or an
        // earlier emergency can end the quiz first: then its tier is already the top.
        let outcome = QUIZ.outcome(&answers).unwrap();
        prop_assert!(!shown || outcome.tier >= tier,
            "{} with {} gave {}", question.0, choice.0, outcome.tier.slug());
        prop_assert!(shown || outcome.tier == Emergency
            || QUIZ.question(question).unwrap().show_if.is_some());
    }

    #[test]
    fn adding_a_symptom_never_lowers_the_tier(
        seeds in prop::collection::vec(0usize..1000, 24..=24),
        pick in 0usize..1000,
    ) {
        let before = random_path(&seeds, None);
        let tier_before = QUIZ.outcome(&before).unwrap().tier;
        let asked = QUIZ.walk(&before).asked;
        let checklists: Vec<_> = asked.iter().filter(|q| q.kind == Kind::Checklist).collect();
        prop_assume!(!checklists.is_empty());
        let q = checklists[pick % checklists.len()];
        let items: Vec<_> = q.choices.iter().filter(|c| !c.exclusive).collect();
        let added = items[(pick / 7) % items.len()].id;
        let after = random_path(&seeds, Some((q.id, added)));
        let tier_after = QUIZ.outcome(&after).unwrap().tier;
        prop_assert!(tier_after >= tier_before,
            "adding {} to {} lowered {} to {}", added.0, q.id.0, tier_before.slug(), tier_after.slug());
    }
}

#[test]
fn a_source_about_the_back_alone_is_not_shown_for_another_place() {
    // The physician's FIX 7: fever with a knee's pain is not in NICE's back-pain
    // summary. Chosen with a place of the back, it is.
    use quiz::{Guideline, Source};
    for (places, shown) in [
        (&["joint"][..], Guideline::SafetyRules),
        (&["head"], Guideline::SafetyRules),
        (&["low-back"], Guideline::NiceCks),
        (&["joint", "mid-back"], Guideline::NiceCks),
    ] {
        let outcome = outcome(
            &QUIZ,
            &[("where", A::C(places)), ("general-signs", A::C(&["fever"]))],
        )
        .unwrap();
        let fever = (outcome.reasons().into_iter())
            .find(|r| r.rule.id == "fever")
            .unwrap_or_else(|| panic!("{places:?}: no fever reason"));
        assert_eq!(fever.rule.source, Source::Guideline(Guideline::NiceCks));
        assert_eq!(fever.source, Source::Guideline(shown), "{places:?}");
    }
}

#[test]
fn a_result_gives_one_time_frame() {
    // Seen in playtest F: "within the next week or two" (doctor-first's action) above
    // "within the next few days" (somewhere else's reason). The reasons leave the time
    // frame to the action.
    for places in [
        &["elsewhere"][..],
        &["elsewhere", "joint"],
        &["chest"],
        &["belly"],
    ] {
        let outcome = outcome(&QUIZ, &[("where", A::C(places))]).unwrap();
        let mut texts: Vec<&str> = (outcome.actions().iter())
            .map(|t| t.myself(Lang::En))
            .collect();
        if texts.is_empty() {
            texts.extend(outcome.text().map(|t| t.action.myself(Lang::En)));
        }
        texts.extend(
            outcome
                .reasons()
                .iter()
                .map(|r| r.rule.reason.myself(Lang::En)),
        );
        let frames = ["week or two", "few days", "today", "within a day"]
            .into_iter()
            .filter(|f| texts.iter().any(|t| t.contains(f)))
            .count();
        assert_eq!(frames, 1, "{places:?}: {texts:?}");
    }
}

// ---------------------------------------------------------------------------------
// The summary a visitor takes along (shares, copies).
// ---------------------------------------------------------------------------------

/// The summary of a case, with the calls the app passes: for an emergency, its lines
/// (written here as the app's buttons say them); else the clinic's.
fn summary(case: &[(&str, A)], lang: Lang, who: quiz::Perspective) -> String {
    let text = summary_of(case, lang, who);
    assert!(!text.contains("\n\n\n"), "two blank lines in a row: {text}");
    text
}

fn summary_of(case: &[(&str, A)], lang: Lang, who: quiz::Perspective) -> String {
    use quiz::strings::table;
    let outcome = outcome(&QUIZ, case).unwrap();
    let text = table(lang);
    let calls: Vec<quiz::Call> = match outcome.tier {
        Tier::Emergency => (outcome.lines().into_iter())
            .map(|l| match l {
                Line::Emergency => quiz::Call {
                    label: text.call_911,
                    number: "911",
                },
                Line::Crisis => quiz::Call {
                    label: text.call_988,
                    number: "988",
                },
                Line::Poison => quiz::Call {
                    label: text.call_poison,
                    number: "1-800-222-1222",
                },
            })
            .collect(),
        _ => vec![quiz::Call {
            label: "Call the clinic",
            number: "(555) 010-0199",
        }],
    };
    outcome.summary(lang, who, text, &calls, "WHEN", &["FOOTER"])
}

#[test]
fn an_emergency_summary_opens_with_the_call_and_what_the_operator_needs() {
    use quiz::Perspective::{Myself, SomeoneElse};
    let saddle = summary(
        &[("nerve-signs", A::C(&["saddle-numbness"]))],
        Lang::En,
        Myself,
    );
    let lines: Vec<&str> = saddle.lines().collect();
    assert_eq!(
        lines[..3],
        ["Call 911", "", "Pain quiz result, WHEN"],
        "{saddle}"
    );
    // Where the pain is, though the emergency came before the age was asked.
    assert!(
        saddle.contains("\nWhere is the pain? Low back\n"),
        "{saddle}"
    );
    assert!(!saddle.contains("How old"), "{saddle}");
    // "If it gets worse" is the emergency's own; the last words do not say to wait.
    assert!(saddle.contains("\nIf it gets worse\n- "), "{saddle}");
    assert!(
        saddle.contains("Do not wait: call now.") && !saddle.contains("call your doctor"),
        "{saddle}"
    );
    // The symptom, as answered, and why it is an emergency; nothing of the clinic.
    assert!(
        saddle.contains("\n- ") && saddle.to_lowercase().contains("numb"),
        "{saddle}"
    );
    assert!(!saddle.contains("(555)"), "{saddle}");
    assert!(saddle.contains("This is not a diagnosis"), "{saddle}");
    assert_eq!(lines.last(), Some(&"FOOTER"));
    // No source, pattern or session detail: short, and read aloud.
    for long in ["Source", "NICE", "Qi", "session"] {
        assert!(!saddle.contains(long), "{long}: {saddle}");
    }
    // An overdose: Poison Control first, then 911, in Spanish for someone else too.
    // Self-harm: 988 first, then 911.
    let crisis = summary(&[("body-signs", A::C(&["self-harm"]))], Lang::En, Myself);
    assert!(crisis.starts_with("Call 988\nCall 911\n\n"), "{crisis}");
    let overdose = summary(&[("pain-medicines", A::C(&["overdose"]))], Lang::En, Myself);
    assert!(
        overdose.starts_with("Call Poison Control: 1-800-222-1222\nCall 911\n"),
        "{overdose}"
    );
    let es = summary(
        &[("pain-medicines", A::C(&["overdose"]))],
        Lang::Es,
        SomeoneElse,
    );
    assert!(
        es.starts_with("Llamar a la línea de ayuda por envenenamiento"),
        "{es}"
    );
    assert!(
        es.contains("\nLlamar al 911\n") && es.contains("no es un diagnóstico"),
        "{es}"
    );
}

#[test]
fn a_summary_below_emergency_gives_the_clinic_by_the_action_then_age_reasons_and_worse() {
    use quiz::Perspective::{Myself, SomeoneElse};
    let fever = [
        ("age", A::N(62)),
        ("general-signs", A::C(&["fever"])),
        ("first-time", A::C(&["yes"])),
    ];
    let urgent = summary(&fever, Lang::En, Myself);
    assert!(
        urgent.starts_with("Pain quiz result, WHEN\n\nGet medical care today"),
        "{urgent}"
    );
    for part in [
        "Why this result\n- ",
        "Also tell the doctor\n- ",
        "If it gets worse\n- ",
    ] {
        assert!(urgent.contains(part), "{part:?}: {urgent}");
    }
    // The clinic only after a doctor's check, under what to do, as on the screen.
    let clinic = "\n\nAfter a doctor has checked the pain:\nCall the clinic: (555) 010-0199\n\n";
    let (at, why) = (urgent.find(clinic), urgent.find("Why this result"));
    assert!(at.is_some() && at < why, "{urgent}");
    assert!(urgent.ends_with("call your doctor.\nFOOTER\n"), "{urgent}");
    // A reason quotes the age ("for the first time after age 50"), and no other line
    // repeats it; the place and the pain's score, which no reason quotes, have theirs.
    assert_eq!(urgent.matches("62").count(), 1, "{urgent}");
    assert!(
        urgent.contains("\nWhere is the pain? Low back\n"),
        "{urgent}"
    );
    assert!(
        urgent.contains("\nHow bad is the pain on most days? 2\n"),
        "{urgent}"
    );
    // Self-care quotes no age: the text adds it, as the question asks it.
    let plain = summary(&[], Lang::En, Myself);
    let others = summary(&[], Lang::En, SomeoneElse);
    assert!(
        others.starts_with("Pain quiz result for someone else, WHEN\n"),
        "{others}"
    );
    assert!(plain.contains("\nHow old are you? 35\n"), "{plain}");
    // A reason that quotes only some of the places chosen leaves the line with all.
    let chest = summary(&[("where", A::C(&["chest", "mid-back"]))], Lang::En, Myself);
    assert!(
        chest.contains("\nWhere is the pain? Chest; Middle or upper back\n"),
        "{chest}"
    );
    let theirs = summary(&[], Lang::Es, SomeoneElse);
    assert!(
        theirs.contains("Si empeora") && theirs.contains(" 35\n"),
        "{theirs}"
    );
    let question = QUIZ
        .question_named("age")
        .unwrap()
        .prompt
        .get(Lang::Es, SomeoneElse);
    assert!(theirs.contains(question), "{question}: {theirs}");
}
