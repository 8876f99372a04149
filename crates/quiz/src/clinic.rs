//! The clinic's facts, from `content/clinic.toml`, compiled in at build time: no
//! URL, attribute or message can change them, so a crafted link can never show
//! another number under the clinic's name.

use crate::model::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clinic {
    pub name: &'static str,
    pub phone: Phone,
    /// Where "Book online" goes (an `https:` URL); `None` shows the phone only.
    pub booking_url: Option<&'static str>,
    pub locations: &'static [Location],
    /// Opening hours, one line each, in both languages.
    pub hours: &'static [Text],
    pub after_hours: Option<Text>,
    pub insurance: Text,
    /// Languages the staff speak, named in both languages ("Spanish", "español").
    pub languages: &'static [Text],
    pub content: ContentVersion,
}

/// A phone number as people read it and as a `tel:` link dials it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phone {
    /// As printed beside every call button (desktops cannot dial).
    pub display: &'static str,
    /// The `tel:` link target, in E.164 (with `;ext=` for an extension).
    pub tel: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// In both languages ("Main office", "Oficina principal").
    pub name: Text,
    /// As the post office writes it: the same in both languages.
    pub address: &'static str,
}

/// Which content is live, shown on every result, and its clinical review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContentVersion {
    pub version: &'static str,
    /// The fingerprint of the content this version names (`validate::fingerprint`):
    /// `cargo xtask check-content` prints it for a new version.
    pub fingerprint: Option<&'static str>,
    /// The clinician's sign-off; in the compiled-in clinic, only when it was given to
    /// this very content (`for_content`).
    pub review: Option<Review>,
}

/// A clinician's sign-off of the review packet (`cargo xtask review`), bound to the
/// fingerprint of the content they read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Review {
    /// The clinician, as results name them ("Dr. Ana Ruiz, MD").
    pub by: &'static str,
    /// The date they signed, year-month-day.
    pub on: &'static str,
    /// The fingerprint of everything clinical they signed (`validate::fingerprint`).
    pub fingerprint: &'static str,
}

impl ContentVersion {
    /// Whether `content` (a fingerprint) is the content this version names.
    pub fn names(&self, content: &str) -> bool {
        self.fingerprint == Some(content)
    }

    /// This version as results may show it with the content whose fingerprint is
    /// `content`: a review stands only for the content it was given, so after any change
    /// to anything clinical (a rule, a wording, the article) results say "not yet
    /// reviewed by a clinician" until a clinician signs the new content. Renewing the
    /// version's own fingerprint does not renew the review; and a review is shown only
    /// beside a version that names the same content (never "version 3, reviewed" over
    /// version 4).
    pub fn for_content(self, content: &str) -> ContentVersion {
        ContentVersion {
            review: self
                .review
                .filter(|r| r.fingerprint == content && self.names(content)),
            ..self
        }
    }
}

impl Phone {
    /// Builds the display form and `tel:` link of an E.164 number (`+` and 8 to 15
    /// digits, the first not 0) with an optional extension of up to 6 digits. North
    /// American numbers (`+1`) must follow the plan's rules (10 digits; the area code
    /// and the exchange each start with 2 to 9 and are not N11 service codes) and read
    /// as 844-566-2723.
    pub fn from_e164(e164: &str, extension: &str) -> Result<(String, String), String> {
        let digits = e164.strip_prefix('+').unwrap_or("");
        let valid = (8..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        if !valid {
            return Err(format!(
                "phone \"{e164}\" is not in E.164 form: a plus sign, the country code and \
                 the number, 8 to 15 digits, no spaces (e.g. \"+18445662723\")"
            ));
        }
        if let Some(national) = digits.strip_prefix('1') {
            north_american(e164, national)?;
        }
        let extension_ok = extension.len() <= 6 && extension.bytes().all(|b| b.is_ascii_digit());
        if !extension_ok {
            return Err(format!("extension \"{extension}\" must be 1 to 6 digits"));
        }
        let mut display = match digits.strip_prefix('1') {
            Some(n) if n.len() == 10 => format!("{}-{}-{}", &n[..3], &n[3..6], &n[6..]),
            _ => e164.to_string(),
        };
        let mut tel = format!("tel:{e164}");
        if !extension.is_empty() {
            display.push_str(&format!(" ext. {extension}"));
            tel.push_str(&format!(";ext={extension}"));
        }
        Ok((display, tel))
    }
}

/// The North American Numbering Plan's rules for the 10 digits after `+1`: area code
/// and exchange `NXX` (N is 2 to 9), neither an `N11` service code (211, 911…).
fn north_american(e164: &str, national: &str) -> Result<(), String> {
    let wrong = |why: &str| {
        Err(format!(
            "phone \"{e164}\" is not a North American number: {why} (e.g. \"+18445662723\" \
             for 844-566-2723)"
        ))
    };
    if national.len() != 10 {
        return wrong(&format!(
            "after +1 it needs 10 digits, and it has {}",
            national.len()
        ));
    }
    let bytes = national.as_bytes();
    for (part, at) in [("area code", 0), ("exchange", 3)] {
        let code = &national[at..at + 3];
        if !(b'2'..=b'9').contains(&bytes[at]) {
            return wrong(&format!("the {part} {code} must start with 2 to 9"));
        }
        if &code[1..] == "11" {
            return wrong(&format!("the {part} {code} is a service code"));
        }
    }
    Ok(())
}
