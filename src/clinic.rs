//! The clinic's identity, read from `content/clinic.toml` at build time and compiled
//! in (see `build.rs`): no URL, attribute or message can change it, so a crafted link
//! can never show another number under the clinic's name. `index.html`'s loading and
//! `<noscript>` messages get the same name and phone at build time (`cargo xtask
//! trunk-post-build`, Trunk's hook).

use quiz::strings::Strings;
pub use quiz::{Clinic, ContentVersion, Location, Phone};
use quiz::{Text, Wording};

include!(concat!(env!("OUT_DIR"), "/clinic.rs"));

/// Emergency services in the United States.
pub const EMERGENCY: Phone = Phone {
    display: "911",
    tel: "tel:911",
};

/// The 988 Suicide & Crisis Lifeline.
pub const CRISIS_LINE: Phone = Phone {
    display: "988",
    tel: "tel:988",
};

/// Poison Control (America's Poison Centers), free, 24 hours a day.
pub const POISON_CONTROL: Phone = Phone {
    display: "1-800-222-1222",
    tel: "tel:+18002221222",
};

/// "Content version …, reviewed by …" (or "not yet reviewed"): the result's last line.
pub fn version(text: &Strings) -> String {
    let content = CLINIC.content;
    // `build.rs` keeps the review only when it was given to this very content.
    match content.review {
        Some(r) => text.version_reviewed.fill(&[content.version, r.by, r.on]),
        None => text.version_not_reviewed.fill(&[content.version]),
    }
}
