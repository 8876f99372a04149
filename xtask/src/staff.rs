//! The staff-edit test of `cargo xtask test`: copies of the repository's content with
//! the edits a clinic's staff make, built and tested through the content folder setting
//! (`SYMPTOM_QUIZ_CONTENT`), exactly as a clinic that keeps its content apart would.
//!
//! - [`TYPICAL`]: the phone and its extension, a booking link, hours, locations, languages
//!   and an after-hours message in both languages, a question reworded, a new yes/no
//!   question with a "tell the acupuncturist" note, and a new content version; then
//!   signed by a clinician ([`sign`]), so results name the reviewer. Every check must
//!   pass on it.
//! - [`LOWERED`]: one rule's tier lowered (constant night pain, urgent → call-clinic;
//!   not fever, whose lowering the build itself now refuses: a call-clinic result would
//!   say "see a doctor today if fever starts" to someone with a fever), after a
//!   clinician signed the content as it was. Exactly the safety table must fail on it,
//!   with a message a manager can act on, and check-content must say the review lapsed.
//!
//! Each edit replaces text that must be found exactly once in the repository's content,
//! so a change there that an edit no longer fits fails here by name, never silently.

use std::fs;
use std::path::{Path, PathBuf};

/// One edit: (file, the text it replaces, the new text).
type Edit = (&'static str, &'static str, &'static str);

/// What a clinic's staff typically change, written as they would (README "Editing the
/// quiz").
pub const TYPICAL: &[Edit] = &[
    ("clinic.toml", "phone = \"+18445662723\"", "phone = \"+18445662799\""),
    ("clinic.toml", "extension = \"\"", "extension = \"12\""),
    (
        "clinic.toml",
        "booking_url = \"\"",
        "booking_url = \"https://booking.example.com/wellness-and-pain\"",
    ),
    (
        "clinic.toml",
        "\nlocations = []",
        "\nlocations = [\n  { name.en = \"Main office\", name.es = \"Oficina principal\", \
         address = \"120 Harbor Blvd, Suite 4, Long Beach, CA 90802\" },\n]",
    ),
    (
        "clinic.toml",
        "\nhours = []",
        "\nhours = [\n  { en = \"Monday to Friday, 8 am to 6 pm\", \
         es = \"De lunes a viernes, de 8 a. m. a 6 p. m.\" },\n  \
         { en = \"Saturday, 9 am to 1 pm\", es = \"Sábado, de 9 a. m. a 1 p. m.\" },\n]",
    ),
    (
        "clinic.toml",
        "after_hours.en = \"\"\nafter_hours.es = \"\"",
        "after_hours.en = \"Leave a message and we will call you back the next working day.\"\n\
         after_hours.es = \"Deje un mensaje y le llamaremos el siguiente día laborable.\"",
    ),
    (
        "clinic.toml",
        "\nlanguages = []",
        "\nlanguages = [{ en = \"English\", es = \"inglés\" }, { en = \"Spanish\", es = \"español\" }]",
    ),
    ("clinic.toml", "version = \"2026-12-05.1\"", "version = \"2026-12-07.1\""),
    // A wording changed.
    (
        "quiz.toml",
        "why.en = \"Acupuncture may be worth trying when other treatments have not worked.\"",
        "why.en = \"Acupuncture can be worth a try when other treatments have not worked.\"",
    ),
    // A new yes/no question with a note for the acupuncturist, after the last question.
    ("quiz.toml", "\n# Triage rules.", NEW_QUESTION),
];

const NEW_QUESTION: &str = r#"
[[question]]
id = "skin-on-back"
section = "the-pain"
kind = "yes-no"
prompt.en = "Do you have a rash, a cut or a skin problem on your back?"
prompt.en-other = "Do they have a rash, a cut or a skin problem on their back?"
prompt.es = "¿Tiene un sarpullido, una herida o un problema de la piel en la espalda?"
prompt.es-other = "¿Esa persona tiene un sarpullido, una herida o un problema de la piel en la espalda?"
why.en = "Needles are not placed on broken or irritated skin."
why.es = "No se ponen agujas en piel lastimada o irritada."
why.es-other = "No se ponen agujas en piel lastimada o irritada."
source = "To create the right treatment plan for you, a qualified acupuncturist can assess your individual needs."

[[tell]]
id = "skin-on-back"
when = { question = "skin-on-back", is = ["yes"] }
text.en = "A rash, a cut or a skin problem on the back."
text.es = "Un sarpullido, una herida o un problema de la piel en la espalda."
text.es-other = "Un sarpullido, una herida o un problema de la piel en la espalda."
source = "To create the right treatment plan for you, a qualified acupuncturist can assess your individual needs."

# Triage rules."#;

/// One rule's tier lowered: the mistake the safety table exists to catch.
pub const LOWERED: &[Edit] = &[(
    "quiz.toml",
    "id = \"night-pain\"\ntier = \"urgent\"",
    "id = \"night-pain\"\ntier = \"call-clinic\"",
)];

/// The rule [`LOWERED`] changes and the one native test that must fail on it.
pub const LOWERED_RULE: &str = "night-pain";
pub const LOWERED_FAILS: &str = "triage::the_independent_table_holds";

/// Writes the repository's content with `edits` to `target/staff-edit/<name>` and
/// returns the folder.
pub fn write(name: &str, edits: &[Edit]) -> Result<PathBuf, String> {
    let from = crate::root().join("content");
    let to = crate::root().join("target/staff-edit").join(name);
    let _ = fs::remove_dir_all(&to);
    fs::create_dir_all(&to).map_err(|e| format!("{}: {e}", to.display()))?;
    for file in ["quiz.toml", "clinic.toml", "article.txt"] {
        let mut text = read(&from.join(file))?;
        for (_, old, new) in edits.iter().filter(|(f, _, _)| *f == file) {
            let found = text.matches(old).count();
            if found != 1 {
                return Err(format!(
                    "the staff edit of {file} replacing {old:?} finds it {found} time(s) in \
                     content/{file}; update xtask/src/staff.rs to the content"
                ));
            }
            text = text.replacen(old, new, 1);
        }
        fs::write(to.join(file), text).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    Ok(to)
}

/// The clinician who signs the staff-edit copies.
pub const REVIEWER: (&str, &str) = ("Dr. Ana Ruiz, MD", "2026-12-08");

/// Signs `folder`'s `clinic.toml` as [`REVIEWER`] for the content in `signed` (its
/// fingerprint): `folder` itself, as a clinic does once the clinician has signed its
/// content; or other content, as when an edit follows the signature.
pub fn sign(folder: &Path, signed: &Path) -> Result<(), String> {
    let text = |file: &str| read(&signed.join(file));
    let (quiz, clinic, article) = (
        text("quiz.toml")?,
        text("clinic.toml")?,
        text("article.txt")?,
    );
    let file = |name, text| quiz::source::File { name, text };
    let broken = |_| format!("{}: the content does not read", signed.display());
    let quiz = quiz::source::load_quiz(file("quiz.toml", &quiz), &article).map_err(broken)?;
    let clinic = quiz::source::load_clinic(file("clinic.toml", &clinic)).map_err(broken)?;
    let print = quiz::validate::fingerprint(&quiz, &article, &clinic);
    let path = folder.join("clinic.toml");
    let mut text = read(&path)?;
    let empty = "[review]\nby = \"\"\non = \"\"\nfingerprint = \"\"";
    if text.matches(empty).count() != 1 {
        return Err(format!("{} has no empty [review] to sign", path.display()));
    }
    let (by, on) = REVIEWER;
    text = text.replacen(
        empty,
        &format!("[review]\nby = \"{by}\"\non = \"{on}\"\nfingerprint = \"{print}\""),
        1,
    );
    // Its own content signed: its version names it too, as check-content asks.
    if folder == signed {
        let named = clinic.content.fingerprint.unwrap_or_default();
        let line = format!("\nfingerprint = \"{named}\"\n");
        if text.matches(&line).count() != 1 {
            return Err(format!(
                "{} has no single [content] fingerprint",
                path.display()
            ));
        }
        text = text.replacen(&line, &format!("\nfingerprint = \"{print}\"\n"), 1);
    }
    fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}
