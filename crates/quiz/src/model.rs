//! The shapes of the quiz: sections, questions of five kinds, show-if conditions, the
//! named triage rules, and the texts of the results. Everything here is data; it is
//! written in `content/quiz.toml` and turned into `static` Rust by `build.rs`.
//!
//! All references are `&'static`: in the app the data is compiled in; on the host
//! (build script, `cargo xtask check-content`, tests) the loader leaks what it parsed,
//! so one model serves both without lifetimes or copies.

/// The languages every visitor-facing text is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    /// How many languages there are: the length of every [`Text`].
    pub const COUNT: usize = 2;
    /// Every language, in the order of a [`Text`]'s wordings.
    pub const ALL: [Lang; Lang::COUNT] = [Lang::En, Lang::Es];
    /// The language written into the app; the others are packs, fetched when a visitor
    /// needs one ([`crate::pack`]).
    pub const BUILT_IN: Lang = Lang::ALL[0];

    /// The language's place in [`Lang::ALL`] and in a [`Text`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The language's name in English, for the content editor's messages.
    pub fn english_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Spanish",
        }
    }

    /// The language of a BCP 47 tag such as `es`, `es-MX` or `EN-us`, if we have it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The language's name in itself, for the language switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// Said in the language itself, when its texts could not be fetched (`crate::pack`):
    /// a visitor who does not read the current language still learns why. (Offline, or
    /// a page left open across a new deployment, whose texts are new: either way,
    /// the connection or a reload.)
    pub fn not_loaded(self) -> &'static str {
        match self {
            Lang::En => {
                "The English texts could not be loaded. Check the connection, or reload the \
                 page."
            }
            Lang::Es => {
                "No se pudieron cargar los textos en español. Revise la conexión o vuelva a \
                 cargar la página."
            }
        }
    }

    /// The BCP 47 tag, for `<html lang>` and the content file's keys.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}

/// Who the answers are about. Every visitor-facing text follows it ("your pain" /
/// "their pain").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Perspective {
    #[default]
    Myself,
    SomeoneElse,
}

/// One text in every language, indexed by [`Lang`]. A text that speaks to the visitor
/// about the person in pain ("you", "your") also has a wording for someone answering
/// for another person; the loader requires it when the English text says "you".
/// Spanish uses *usted*, whose verb forms also fit a third person, yet a helper reads
/// them as addressed to them, so a Spanish text has one whenever the English does.
///
/// A language added to [`Lang::ALL`] changes the array's length: every text written in
/// Rust stops compiling until it has the new language, and the reader asks the content
/// for it (`prompt.<tag>`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text(pub [Wording; Lang::COUNT]);

/// A text's wording in one language.
///
/// In the app, every language's wordings are entries of its list ([`crate::pack`]): the
/// first language's is compiled in and installed as the app starts (`TEXTS`), each
/// other's is a file fetched when a visitor first needs that language. Until it is
/// installed, such a text reads in the first language, never empty. A wording is 4
/// bytes in the wasm, a text 8: the sentences are one run of text, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Wording {
    /// Written here: the content reader's texts, and the native build's. Not in the wasm
    /// (`build.rs` lists every language there), so that a wording is 4 bytes.
    #[cfg(any(feature = "content-tools", not(target_arch = "wasm32")))]
    Here(&'static Written),
    /// Entry `at` of the language's list, for the person in pain; for someone else, as
    /// `other` says.
    Packed { at: u16, other: Other },
}

#[cfg(any(feature = "content-tools", not(target_arch = "wasm32")))]
impl Wording {
    /// A wording written here (leaked: the host's texts live as long as the process).
    pub fn here(myself: &'static str, someone_else: Option<&'static str>) -> Wording {
        Wording::Here(Box::leak(Box::new(Written {
            myself,
            someone_else,
        })))
    }
}

/// A wording written out: to the person in pain, and to someone answering for another
/// person where it differs.
#[cfg(any(feature = "content-tools", not(target_arch = "wasm32")))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Written {
    /// "How old are you?"
    pub myself: &'static str,
    /// "How old are they?"
    pub someone_else: Option<&'static str>,
}

/// A listed wording's version for someone else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Other {
    /// None: the text has no wording for someone else.
    No,
    /// The same as the text's own: the content repeats it (read as a helper would, and
    /// found to fit), and the pack holds it once.
    Same,
    /// Its own: entry `at + 1`.
    Own,
}

impl Text {
    /// The wording in `lang`: for the person in pain, and for someone else if it differs.
    /// A wording whose pack is not installed reads in `Lang::BUILT_IN`, whose list the
    /// app installs as it starts.
    fn wording(&self, lang: Lang) -> (&'static str, Option<&'static str>) {
        match self.0[lang.index()] {
            #[cfg(any(feature = "content-tools", not(target_arch = "wasm32")))]
            Wording::Here(written) => (written.myself, written.someone_else),
            Wording::Packed { at, other } => match crate::pack::entry(lang, at, other) {
                Some(wording) => wording,
                None if lang != Lang::BUILT_IN => self.wording(Lang::BUILT_IN),
                // The app installs it before its first screen (`App`).
                None => panic!("the first language's texts are not installed, or short"),
            },
        }
    }

    pub fn get(&self, lang: Lang, perspective: Perspective) -> &'static str {
        let (myself, someone_else) = self.wording(lang);
        match perspective {
            Perspective::Myself => myself,
            Perspective::SomeoneElse => someone_else.unwrap_or(myself),
        }
    }

    /// The wording for the person in pain, in `lang`.
    pub fn myself(&self, lang: Lang) -> &'static str {
        self.wording(lang).0
    }

    /// The wording for someone else, in `lang`, if the text has one.
    pub fn someone_else(&self, lang: Lang) -> Option<&'static str> {
        self.wording(lang).1
    }
}

/// `Text { en: …, es: …, en_other: …, es_other: … }`: keys as the content file names
/// them. The quiz's fingerprint hashes this form (`validate::fingerprint`), so it stays
/// the content's, whatever the Rust layout.
impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const OTHER: [&str; Lang::COUNT] = ["en_other", "es_other"];
        let mut out = f.debug_struct("Text");
        for lang in Lang::ALL {
            out.field(lang.tag(), &self.myself(lang));
        }
        for lang in Lang::ALL {
            out.field(OTHER[lang.index()], &self.someone_else(lang));
        }
        out.finish()
    }
}

/// How urgently the visitor should act (`product.md`'s five outcomes). Ordered from
/// least to most urgent, so that `max()` over the fired rules is the tier they get.
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
    /// Symptoms that need emergency care now: call 911 (or 988).
    Emergency,
}

impl Tier {
    pub const ALL: [Tier; 5] = [
        Tier::SelfCare,
        Tier::CallClinic,
        Tier::DoctorFirst,
        Tier::Urgent,
        Tier::Emergency,
    ];

    /// A stable machine name, used in the content file, `data-tier` and tests.
    pub fn slug(self) -> &'static str {
        match self {
            Tier::Emergency => "emergency",
            Tier::Urgent => "urgent",
            Tier::DoctorFirst => "doctor-first",
            Tier::CallClinic => "call-clinic",
            Tier::SelfCare => "self-care",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// What-to-expect, patterns and things to tell the acupuncturist belong to these
    /// two tiers only (the safety rules, ARCHITECTURE.md).
    pub fn shows_acupuncture_details(self) -> bool {
        matches!(self, Tier::CallClinic | Tier::DoctorFirst)
    }
}

/// The question that asks where the pain is.
pub const PLACES: &str = "where";
/// Its choices that are the back: what NICE's back-pain summary covers.
pub const BACK: [&str; 2] = ["low-back", "mid-back"];

/// The guidelines an item may cite instead of a sentence of the article. The list is
/// fixed in code: the safety rules' sources, those the physician's review of
/// 2026-12-03 named, and a few that cover what no other does (renal colic, acute
/// pancreatitis, visible blood in the urine, chronic widespread pain, sepsis's new
/// confusion, Ottawa's weight bearing, acute pyelonephritis), each cited with the part
/// that supports the rule. Where no guideline here covers a rule, it cites
/// `SafetyRules`, which says so to the visitor and asks the reviewing clinician for it by
/// name, rather than a guideline that does not say it (the physician's FIX 7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Guideline {
    Acp2017,
    NiceCks,
    Bass2018,
    BeFast,
    Lifeline988,
    NiceNg156,
    AccAha2022,
    NiceNg65,
    PoisonHelp,
    AhaHeart,
    NiceCksHeadache,
    AhaAcc2017,
    NiceCg141,
    PostBirth,
    HearHer,
    NiceNg232,
    NiceNg234,
    NiceCksScrotal,
    NiceNg126,
    NiceCksAppendicitis,
    NiceNg158,
    NiceCksSepticArthritis,
    NiceCksPmr,
    NiceCksHmb,
    NiceNg73,
    NiceCksPid,
    NiceCksRenalColic,
    NiceNg104,
    NiceNg12,
    NiceNg193,
    NiceNg51,
    NiceCksNeck,
    Ottawa,
    NiceNg111,
    Finucane2020,
    SafetyRules,
}

impl Guideline {
    pub const ALL: [Guideline; 36] = [
        Guideline::Acp2017,
        Guideline::NiceCks,
        Guideline::Bass2018,
        Guideline::BeFast,
        Guideline::Lifeline988,
        Guideline::NiceNg156,
        Guideline::AccAha2022,
        Guideline::NiceNg65,
        Guideline::PoisonHelp,
        Guideline::AhaHeart,
        Guideline::NiceCksHeadache,
        Guideline::AhaAcc2017,
        Guideline::NiceCg141,
        Guideline::PostBirth,
        Guideline::HearHer,
        Guideline::NiceNg232,
        Guideline::NiceNg234,
        Guideline::NiceCksScrotal,
        Guideline::NiceNg126,
        Guideline::NiceCksAppendicitis,
        Guideline::NiceNg158,
        Guideline::NiceCksSepticArthritis,
        Guideline::NiceCksPmr,
        Guideline::NiceCksHmb,
        Guideline::NiceNg73,
        Guideline::NiceCksPid,
        Guideline::NiceCksRenalColic,
        Guideline::NiceNg104,
        Guideline::NiceNg12,
        Guideline::NiceNg193,
        Guideline::NiceNg51,
        Guideline::NiceCksNeck,
        Guideline::Ottawa,
        Guideline::NiceNg111,
        Guideline::Finucane2020,
        Guideline::SafetyRules,
    ];

    /// The id written in the content file.
    pub fn id(self) -> &'static str {
        match self {
            Guideline::Acp2017 => "ACP-2017",
            Guideline::NiceCks => "NICE-CKS",
            Guideline::Bass2018 => "BASS-2018",
            Guideline::BeFast => "BE-FAST",
            Guideline::Lifeline988 => "988",
            Guideline::NiceNg156 => "NICE-NG156",
            Guideline::AccAha2022 => "ACC-AHA-2022",
            Guideline::NiceNg65 => "NICE-NG65",
            Guideline::PoisonHelp => "POISON-HELP",
            Guideline::AhaHeart => "AHA-HEART",
            Guideline::NiceCksHeadache => "NICE-CKS-HEADACHE",
            Guideline::AhaAcc2017 => "AHA-ACC-2017",
            Guideline::NiceCg141 => "NICE-CG141",
            Guideline::PostBirth => "POST-BIRTH",
            Guideline::HearHer => "HEAR-HER",
            Guideline::NiceNg232 => "NICE-NG232",
            Guideline::NiceNg234 => "NICE-NG234",
            Guideline::NiceCksScrotal => "NICE-CKS-SCROTAL",
            Guideline::NiceNg126 => "NICE-NG126",
            Guideline::NiceCksAppendicitis => "NICE-CKS-APPENDICITIS",
            Guideline::NiceNg158 => "NICE-NG158",
            Guideline::NiceCksSepticArthritis => "NICE-CKS-SEPTIC-ARTHRITIS",
            Guideline::NiceCksPmr => "NICE-CKS-PMR",
            Guideline::NiceCksHmb => "NICE-CKS-HMB",
            Guideline::NiceNg73 => "NICE-NG73",
            Guideline::NiceCksPid => "NICE-CKS-PID",
            Guideline::NiceCksRenalColic => "NICE-CKS-RENAL-COLIC",
            Guideline::NiceNg104 => "NICE-NG104",
            Guideline::NiceNg12 => "NICE-NG12",
            Guideline::NiceNg193 => "NICE-NG193",
            Guideline::NiceNg51 => "NICE-NG51",
            Guideline::NiceCksNeck => "NICE-CKS-NECK",
            Guideline::Ottawa => "OTTAWA",
            Guideline::NiceNg111 => "NICE-NG111",
            Guideline::Finucane2020 => "FINUCANE-2020",
            Guideline::SafetyRules => "SAFETY-RULES",
        }
    }

    pub fn from_id(id: &str) -> Option<Guideline> {
        Guideline::ALL.into_iter().find(|g| g.id() == id)
    }

    /// A source about the back alone: NICE's back-pain summary, and Finucane 2020's
    /// spinal red flags. A rule citing one that also fires for other places cites, to
    /// someone who chose no place of [`BACK`], the quiz's own safety rules
    /// ([`crate::Reason::source`]). (ACP 2017, about low back pain too, is cited only by
    /// rules that require it: the validator checks.)
    pub fn back_only(self) -> bool {
        matches!(self, Guideline::NiceCks | Guideline::Finucane2020)
    }

    /// A short name for the citation beside a text: all the visitor reads of it, so it
    /// names the topic where the body's name does not (NICE's summaries).
    pub fn short(self) -> &'static str {
        match self {
            Guideline::Acp2017 => "American College of Physicians guideline, 2017",
            Guideline::NiceCks => "NICE CKS, Back pain – low, and Sciatica",
            Guideline::Bass2018 => "Cauda equina standards, BASS/SBNS 2018",
            Guideline::BeFast => "American Stroke Association, BE FAST",
            Guideline::Lifeline988 => "988 Suicide & Crisis Lifeline",
            Guideline::NiceNg156 => "NICE guideline NG156, 2020",
            Guideline::AccAha2022 => "ACC/AHA aortic disease guideline, 2022",
            Guideline::NiceNg65 => "NICE guideline NG65, 2017",
            Guideline::PoisonHelp => "America's Poison Centers",
            Guideline::AhaHeart => "American Heart Association, heart attack warning signs",
            Guideline::NiceCksHeadache => "NICE CKS, Headache – assessment",
            Guideline::AhaAcc2017 => "ACC/AHA high blood pressure guideline, 2017",
            Guideline::NiceCg141 => "NICE guideline CG141, 2012",
            Guideline::PostBirth => "AWHONN POST-BIRTH warning signs",
            Guideline::HearHer => "CDC Hear Her: urgent maternal warning signs",
            Guideline::NiceNg232 => "NICE NG232, Head injury",
            Guideline::NiceNg234 => {
                "NICE NG234, Spinal metastases and metastatic spinal cord compression"
            }
            Guideline::NiceCksScrotal => "NICE CKS, Scrotal pain and swelling",
            Guideline::NiceNg126 => "NICE guideline NG126, 2019",
            Guideline::NiceCksAppendicitis => "NICE CKS, Appendicitis",
            Guideline::NiceNg158 => "NICE guideline NG158, 2020",
            Guideline::NiceCksSepticArthritis => "NICE CKS, Septic arthritis",
            Guideline::NiceCksPmr => "NICE CKS, Polymyalgia rheumatica",
            Guideline::NiceCksHmb => "NICE CKS, Heavy menstrual bleeding",
            Guideline::NiceNg73 => "NICE guideline NG73, 2017",
            Guideline::NiceCksPid => "NICE CKS, Pelvic inflammatory disease",
            Guideline::NiceCksRenalColic => "NICE CKS, Renal or ureteric colic",
            Guideline::NiceNg104 => "NICE guideline NG104, 2018",
            Guideline::NiceNg12 => "NICE guideline NG12, 2015",
            Guideline::NiceNg193 => "NICE guideline NG193, 2021",
            Guideline::NiceNg51 => "NICE guideline NG51, Sepsis",
            Guideline::NiceCksNeck => "NICE CKS, Neck pain – cervical radiculopathy",
            Guideline::Ottawa => "Ottawa ankle and knee rules",
            Guideline::NiceNg111 => "NICE guideline NG111, 2018",
            Guideline::Finucane2020 => "International framework for spinal red flags, 2020",
            Guideline::SafetyRules => "this quiz's own safety rules, not a guideline",
        }
    }

    /// The full citation, as the safety rules give it, with the part that supports the
    /// rules citing it: for the clinician's packet, not in the wasm.
    pub fn citation(self) -> &'static str {
        match self {
            Guideline::Acp2017 => {
                "American College of Physicians, Noninvasive Treatments for Acute, \
                 Subacute, and Chronic Low Back Pain (2017)"
            }
            Guideline::NiceCks => {
                "NICE Clinical Knowledge Summaries: Back pain – low, and Sciatica: red flags"
            }
            Guideline::Bass2018 => {
                "British Association of Spine Surgeons / Society of British Neurological \
                 Surgeons, cauda equina syndrome standards (2018)"
            }
            Guideline::BeFast => "American Stroke Association, BE FAST stroke warning signs",
            Guideline::Lifeline988 => "988 Suicide & Crisis Lifeline",
            Guideline::NiceNg156 => {
                "NICE guideline NG156, Abdominal aortic aneurysm: diagnosis and management \
                 (2020)"
            }
            Guideline::AccAha2022 => {
                "Isselbacher E.M. et al., 2022 ACC/AHA Guideline for the Diagnosis and \
                 Management of Aortic Disease. Circulation 2022;146:e334–e482"
            }
            Guideline::NiceNg65 => {
                "NICE guideline NG65, Spondyloarthritis in over 16s: diagnosis and \
                 management (2017)"
            }
            Guideline::PoisonHelp => {
                "America's Poison Centers, Poison Help line 1-800-222-1222 (free, 24/7)"
            }
            Guideline::AhaHeart => {
                "American Heart Association, Warning Signs of a Heart Attack (chest \
                 discomfort, discomfort in other areas of the upper body, shortness of breath; \
                 call 911)"
            }
            Guideline::NiceCksHeadache => "NICE Clinical Knowledge Summaries: Headache – assessment (red flags); Do T.P. et al., SNNOOP10, Neurology 2019;92(3):134–144",
            Guideline::AhaAcc2017 => "Whelton P.K. et al., 2017 ACC/AHA guideline for high blood pressure in adults (hypertensive crisis: 180/120 or higher)",
            Guideline::NiceCg141 => "NICE guideline CG141, Acute upper gastrointestinal bleeding in over 16s (2012)",
            Guideline::PostBirth => "AWHONN, POST-BIRTH warning signs (2018)",
            Guideline::HearHer => "CDC, Hear Her campaign: urgent maternal warning signs during and after pregnancy (2023)",
            Guideline::NiceNg232 => "NICE guideline NG232: Head injury: assessment and early management (2023), people on anticoagulants",
            Guideline::NiceNg234 => "NICE guideline NG234: Spinal metastases and metastatic spinal cord compression (2023)",
            Guideline::NiceCksScrotal => "NICE Clinical Knowledge Summaries: Scrotal pain and swelling (testicular torsion)",
            Guideline::NiceNg126 => "NICE guideline NG126, Ectopic pregnancy and miscarriage: diagnosis and initial management (2019)",
            Guideline::NiceCksAppendicitis => "NICE Clinical Knowledge Summaries: Appendicitis",
            Guideline::NiceNg158 => "NICE guideline NG158, Venous thromboembolic diseases: diagnosis, management and thrombophilia testing (2020)",
            Guideline::NiceCksSepticArthritis => "NICE Clinical Knowledge Summaries: Septic arthritis (hot swollen joint)",
            Guideline::NiceCksPmr => "NICE Clinical Knowledge Summaries: Polymyalgia rheumatica",
            Guideline::NiceCksHmb => "NICE Clinical Knowledge Summaries: Heavy menstrual bleeding",
            Guideline::NiceNg73 => "NICE guideline NG73, Endometriosis: diagnosis and management (2017)",
            Guideline::NiceCksPid => "NICE Clinical Knowledge Summaries: Pelvic inflammatory disease",
            Guideline::NiceCksRenalColic => "NICE Clinical Knowledge Summaries: Renal or ureteric colic – acute (when to admit the same day)",
            Guideline::NiceNg104 => "NICE guideline NG104, Pancreatitis (2018): signs and symptoms of acute pancreatitis",
            Guideline::NiceNg12 => "NICE guideline NG12, Suspected cancer: recognition and referral (2015, updated 2023): urological cancers, visible haematuria",
            Guideline::NiceNg193 => "NICE guideline NG193, Chronic pain (primary and secondary) in over 16s (2021): assessment of all chronic pain",
            Guideline::NiceNg51 => "NICE guideline NG51, Suspected sepsis: recognition, diagnosis and early management (2016, updated 2024): new confusion or altered mental state",
            Guideline::NiceCksNeck => "NICE Clinical Knowledge Summaries: Neck pain – cervical radiculopathy (red flags: progressive or widespread neurological deficit)",
            Guideline::Ottawa => "Stiell I.G. et al., Ottawa ankle rules (JAMA 1993;269:1127) and Ottawa knee rule (Ann Emerg Med 1995;26:405): unable to bear weight after an injury",
            Guideline::NiceNg111 => "NICE guideline NG111, Pyelonephritis (acute): antimicrobial prescribing (2018): 1.1.1 (an infection of the kidney), 1.1.5 (offer an antibiotic) and its advice on referral (signs of a more serious illness, unable to keep fluids down)",
            Guideline::Finucane2020 => "Finucane L.M. et al., International Framework for Red Flags for Potential Serious Spinal Pathologies. J Orthop Sports Phys Ther 2020;50(7):350–372: spinal fracture (older age; trauma, even minor trauma in older people)",
            Guideline::SafetyRules => "No published guideline is cited: this rule is the quiz's own safety rule (clinical-safety.md), asked of the reviewing clinician by name",
        }
    }
}

/// A telephone line an emergency result can show. Each emergency rule names the lines
/// that fit it (the safety rules, ARCHITECTURE.md): a line that does not fit is clutter that slows
/// a frightened person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Line {
    /// 911, emergency services.
    Emergency,
    /// 988, the Suicide & Crisis Lifeline.
    Crisis,
    /// 1-800-222-1222, Poison Control (America's Poison Centers).
    Poison,
}

impl Line {
    pub const ALL: [Line; 3] = [Line::Emergency, Line::Crisis, Line::Poison];

    /// The name written in the content file's `call = [...]`.
    pub fn id(self) -> &'static str {
        match self {
            Line::Emergency => "911",
            Line::Crisis => "988",
            Line::Poison => "poison-control",
        }
    }

    pub fn from_id(id: &str) -> Option<Line> {
        Line::ALL.into_iter().find(|l| l.id() == id)
    }
}

/// Where an item comes from: a sentence of the clinic's article, quoted verbatim (the
/// loader checks it is in `content/article.txt`), or a guideline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    Article(&'static str),
    Guideline(Guideline),
}

/// Identifies a question; stable across content edits so saved answers stay meaningful.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuestionId(pub &'static str);

/// Identifies a choice within its question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ChoiceId(pub &'static str);

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Exactly one of its choices (a radio group).
    Single,
    /// Yes or No: a single choice whose two choices are `yes` and `no`.
    YesNo,
    /// Any of its choices, or its one exclusive "None of these" choice (checkboxes).
    Checklist,
    /// A whole number from 0 to 10, chosen by tapping one of eleven buttons.
    Scale,
    /// A whole number between the question's `min` and `max` (age), typed.
    Number,
}

impl Kind {
    pub fn has_choices(self) -> bool {
        matches!(self, Kind::Single | Kind::YesNo | Kind::Checklist)
    }

    /// The name used in the content file.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::YesNo => "yes-no",
            Kind::Checklist => "checklist",
            Kind::Scale => "scale",
            Kind::Number => "number",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Choice {
    pub id: ChoiceId,
    pub label: Text,
    /// A checklist's "None of these": chosen alone, never with another choice.
    pub exclusive: bool,
    pub source: Cited,
    /// "If it gets worse" for whoever chose it, on every result below emergency: a
    /// place's own (the head's, the knee's), since the tiers' lines are the spine's.
    /// (A reference: 4 bytes of wasm in each of the many choices without one.)
    pub worse: Option<&'static Text>,
}

/// The source of an item no screen cites (a question, a choice, a tier's texts): on
/// the build machine, where the validator and the clinician's packet read it, a
/// [`Source`]; in the app, nothing, so that the wasm carries neither the sources nor
/// the article's quotes they hold. The emitter writes each as [`cited`].
#[cfg(feature = "content-tools")]
pub type Cited = Source;
/// The source of an item no screen cites: nothing, in the app (see the build machine's).
#[cfg(not(feature = "content-tools"))]
pub type Cited = ();

/// `source`, kept as the build needs it ([`Cited`]).
#[allow(clippy::unused_unit)]
pub const fn cited(source: Source) -> Cited {
    #[cfg(feature = "content-tools")]
    return source;
    #[cfg(not(feature = "content-tools"))]
    {
        let _ = source;
    }
}

/// A condition on earlier answers: when a question is shown, when a rule fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Condition {
    /// The question was answered with at least one of these choices.
    Chose {
        question: QuestionId,
        any: &'static [ChoiceId],
    },
    /// The question was answered with a number from `min` to `max`, both included.
    Between {
        question: QuestionId,
        min: u8,
        max: u8,
    },
    All(&'static [Condition]),
    Any(&'static [Condition]),
}

impl Condition {
    /// The condition that always holds: all of nothing.
    pub const ALWAYS: Condition = Condition::All(&[]);

    /// Every question this condition looks at.
    pub fn questions(&self, out: &mut Vec<QuestionId>) {
        match self {
            Condition::Chose { question, .. } | Condition::Between { question, .. } => {
                out.push(*question)
            }
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|p| p.questions(out))
            }
        }
    }
}

/// A group of questions asked together, with a heading ("Warning signs", "Your pain").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Section {
    pub id: &'static str,
    pub title: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Question {
    pub id: QuestionId,
    pub section: &'static str,
    pub kind: Kind,
    pub prompt: Text,
    /// "Why we ask", shown (expandable) with the question.
    pub why: Text,
    /// A line under the prompt, e.g. what 0 and 10 mean on a scale.
    pub hint: Option<&'static Text>,
    pub choices: &'static [Choice],
    /// For `Scale` and `Number`: the smallest and largest answer.
    pub min: u8,
    pub max: u8,
    /// Asked only when this holds on earlier answers.
    pub show_if: Option<Condition>,
    pub source: Cited,
}

impl Question {
    pub fn choice(&self, id: ChoiceId) -> Option<&'static Choice> {
        self.choice_named(id.0)
    }

    /// The choice with this id, from any string (e.g. read back from storage).
    pub fn choice_named(&self, id: &str) -> Option<&'static Choice> {
        self.choices.iter().find(|c| c.id.0 == id)
    }
}

/// A named triage rule: the only way a tier is ever reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rule {
    pub id: &'static str,
    pub tier: Tier,
    pub when: Condition,
    /// Why this matters, in plain words, shown under "Why this result".
    pub reason: Text,
    pub source: Source,
    /// Emergency rules: the lines to call, in order (911 when the content names none).
    pub call: &'static [Line],
    /// What to do now, in place of the tier's action when every rule of the tier that
    /// fired has one (Poison Control for an overdose, 988 for self-harm).
    pub action: Option<&'static Text>,
    /// The result's headline, in place of the tier's when every rule of the tier that
    /// fired has this same one: "Call or text 988 now" for self-harm, Poison Control for
    /// an overdose, rather than "Get emergency care now" (the physician's review, 8).
    pub headline: Option<&'static Text>,
    /// A line for "If it gets worse" that fits this cause (pregnancy, infection, neck,
    /// belly), shown before the choices' lines and the tier's own.
    pub worse: Option<&'static Text>,
    /// False: the result shows no session details or TCM patterns (under 18).
    pub details: bool,
}

/// Something shown with a `call-clinic` or `doctor-first` result when its condition
/// holds: a traditional-Chinese-medicine pattern, or a thing to tell the acupuncturist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Remark {
    pub id: &'static str,
    pub when: Condition,
    pub text: Text,
    pub source: Source,
}

/// What to expect from acupuncture, shown with `call-clinic` and `doctor-first`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Expectation {
    pub text: Text,
    pub source: Source,
}

/// The texts of one tier's result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TierText {
    pub tier: Tier,
    pub headline: Text,
    /// What to do now.
    pub action: Text,
    /// "If it gets worse": what would make it more urgent.
    pub worse: Text,
    pub source: Cited,
}

/// Short texts the quiz itself needs besides the questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Words {
    pub yes: Text,
    pub no: Text,
}

/// The whole quiz, in the order it is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quiz {
    pub sections: &'static [Section],
    pub questions: &'static [Question],
    pub rules: &'static [Rule],
    pub patterns: &'static [Remark],
    pub tell: &'static [Remark],
    pub expectations: &'static [Expectation],
    pub results: &'static [TierText],
    pub words: Words,
    pub checks: &'static Checks,
}

/// What the checks over every path need to know of the content and the app does not
/// (`validate::results`): only a quiz read from its file holds it. The app's
/// compiled-in quiz holds [`Checks::NONE`], and the fingerprint leaves it out: it
/// changes no text, question or decision, only what the build checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Checks {
    /// For each rule with an "if it gets worse" line: the answers that mean what the
    /// line (or the rule's "what to do") says to act on already happened (`watch`).
    pub rules: &'static [(&'static str, Condition)],
    /// The same for each tier's result.
    pub results: &'static [(Tier, Condition)],
    /// The same for each choice with an "if it gets worse" line.
    pub choices: &'static [(QuestionId, ChoiceId, Condition)],
}

impl Checks {
    pub const NONE: Checks = Checks {
        rules: &[],
        results: &[],
        choices: &[],
    };
}

impl Quiz {
    pub fn question(&self, id: QuestionId) -> Option<&'static Question> {
        self.question_named(id.0)
    }

    /// The question with this id, from any string (e.g. read back from storage).
    pub fn question_named(&self, id: &str) -> Option<&'static Question> {
        self.questions.iter().find(|q| q.id.0 == id)
    }

    pub fn section(&self, id: &str) -> Option<&'static Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The texts of a tier's result. The loader requires one per tier.
    pub fn result(&self, tier: Tier) -> Option<&'static TierText> {
        self.results.iter().find(|r| r.tier == tier)
    }

    /// The question's place in the content's order.
    pub(crate) fn index_of(&self, id: QuestionId) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
}
