//! The clinic's identity. It is compiled in: no URL, attribute or message can change it,
//! so a crafted link can never show another number under the clinic's name.
//! `index.html`'s `<noscript>` repeats the name and phone; `tests/fallbacks.rs` checks
//! that it says the same.

pub struct Clinic {
    pub name: &'static str,
    pub phone: Phone,
}

/// A phone number as people read it and as a `tel:` link dials it.
#[derive(PartialEq, Eq)]
pub struct Phone {
    /// As printed beside every call button (desktops cannot dial).
    pub display: &'static str,
    /// The `tel:` link target, in E.164.
    pub tel: &'static str,
}

pub const CLINIC: Clinic = Clinic {
    name: "Wellness and Pain",
    phone: Phone {
        display: "844-566-2723",
        tel: "tel:+18445662723",
    },
};

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
