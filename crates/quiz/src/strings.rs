//! Every string the screens show that is not quiz content, in each language: one table,
//! so that a translation is complete or does not compile. A sentence that carries a
//! value (a number, a name) is a [`Sentence`] with slots, so each language keeps its
//! own word order; only labels (`Source:`, a section's title) stand before their value. Content (questions, results)
//! comes from `content/quiz.toml`; the clinic's facts from `clinic.toml`.

use crate::{Lang, Perspective, Progress, Tier};

/// The table of strings: the struct, and its list in the pack's order.
macro_rules! strings {
    ($($(#[doc = $doc:literal])* $field:ident: $kind:ident,)*) => {
        pub struct Strings {
            $($(#[doc = $doc])* pub $field: $kind,)*
        }

        impl Strings {
            /// How many strings a table has.
            pub const COUNT: usize = [$(stringify!($field)),*].len();

            /// Every string, in the table's order: how a language's pack begins.
            pub fn list(&self) -> [&'static str; Strings::COUNT] {
                [$(self.$field.entry()),*]
            }

            /// The table of a pack's first [`Strings::COUNT`] entries.
            pub(crate) fn from_list(list: [&'static str; Strings::COUNT]) -> Strings {
                let [$($field),*] = list;
                Strings {
                    $($field: <$kind as Entry>::from_entry($field),)*
                }
            }
        }
    };
}

/// A plain string of a table.
type Str = &'static str;

/// What a table's field holds: a string, or a [`Sentence`] with slots.
trait Entry {
    fn entry(&self) -> &'static str;
    fn from_entry(text: &'static str) -> Self;
}

impl Entry for Str {
    fn entry(&self) -> &'static str {
        self
    }
    fn from_entry(text: &'static str) -> Self {
        text
    }
}

impl Entry for Sentence {
    fn entry(&self) -> &'static str {
        self.0
    }
    fn from_entry(text: &'static str) -> Self {
        Sentence(text)
    }
}

strings! {
    start_title: Str,
    /// `{0}`: how many questions someone with nothing wrong answers (the content's
    /// `TYPICAL_QUESTIONS`, so the promise fits the quiz).
    start_intro: Sentence,
    emergency_notice: Str,
    call_911: Str,
    call_988: Str,
    call_poison: Str,
    not_a_diagnosis: Str,
    stays_on_device: Str,
    who_is_it_for: Str,
    for_myself: Str,
    for_someone_else: Str,
    start: Str,
    resume_title: Str,
    resume_text: Str,
    resume: Str,
    start_fresh: Str,
    forget: Str,
    forgotten: Str,
    saving_note: Str,
    /// "Question {0} of {1}": the question's number and the path's length.
    question_n: Sentence,
    /// "Question {0} of {1}–{2}", while branching can still change the length.
    question_n_range: Sentence,
    /// What a screen reader hears on a new question: "{0}: {1}" (the number, the prompt).
    announce_question: Sentence,
    why_we_ask: Str,
    back: Str,
    next: Str,
    /// A pain score's name for screen readers: "Pain score {0}".
    scale_point: Sentence,
    emergency_still: Str,
    why_this_result: Str,
    also_tell: Str,
    if_worse: Str,
    what_to_expect: Str,
    tcm: Str,
    tell: Str,
    after_checked: Str,
    /// The clinic's call button: "Call {0}" (its name).
    call_clinic: Sentence,
    book_online: Str,
    hours: Str,
    locations: Str,
    after_hours: Str,
    languages_spoken: Str,
    result_not_a_diagnosis: Str,
    /// On an emergency, in place of [`Strings::result_not_a_diagnosis`], whose "call
    /// your doctor" would read as a reason to wait.
    emergency_not_a_diagnosis: Str,
    /// "Content version {0}, reviewed by {1}, {2}." (the version, who, when).
    version_reviewed: Sentence,
    /// "Content version {0} (not yet reviewed by a clinician)."
    version_not_reviewed: Sentence,
    take_along: Str,
    take_along_note: Str,
    share: Str,
    copy: Str,
    copied: Str,
    copy_by_hand: Str,
    /// The summary's title: "Pain quiz result, {0}" (the date and time it was made).
    summary_title: Sentence,
    /// The same, for answers about someone else.
    summary_title_other: Sentence,
    print: Str,
    edit_answers: Str,
    start_over: Str,
    your_answers: Str,
    /// The printed summary's title: "{0} — Result" (the clinic's name).
    print_title: Sentence,
    /// One answer in a result's reasons: "{0} {1}" (the question, the answer).
    question_answer: Sentence,
    source: Str,
    article: Str,
    /// In place of "Source:" and a guideline, for a rule no guideline here covers.
    own_rules: Str,
    could_not_finish: Str,
    language: Str,
    /// What a screen reader hears on the result: "Result: {0}" (the headline).
    announce_result: Sentence,
    went_wrong: Str,
    went_wrong_text: Str,
    talk_to_clinic: Str,
}

pub const EN: Strings = Strings {
    start_title: "Back pain and other pain: what to do next",
    start_intro: Sentence(
        "Answer about {0} short questions, a few minutes, to see whether to get care now, \
         see a doctor first, or talk with the clinic about acupuncture.",
    ),
    emergency_notice: "In an emergency, call 911.",
    call_911: "Call 911",
    call_988: "Call 988",
    call_poison: "Call Poison Control",
    not_a_diagnosis: "This quiz gives information, not a diagnosis.",
    stays_on_device: "Your answers stay on this device. Nothing is sent anywhere.",
    who_is_it_for: "Who is this for?",
    for_myself: "For myself",
    for_someone_else: "For someone else",
    start: "Start",
    resume_title: "Continue where you left off?",
    resume_text: "Your answers from earlier are saved on this device.",
    resume: "Continue",
    start_fresh: "Start again",
    forget: "Forget my answers",
    forgotten: "Your answers are forgotten on this device.",
    saving_note: "Progress is saved on this device for 24 hours.",
    question_n: Sentence("Question {0} of {1}"),
    question_n_range: Sentence("Question {0} of {1}–{2}"),
    announce_question: Sentence("{0}: {1}"),
    why_we_ask: "Why we ask",
    back: "Back",
    next: "Next",
    scale_point: Sentence("Pain score {0}"),
    emergency_still: "Your answers pointed to an emergency: call now. You can change answers \
                      below if one was wrong.",
    why_this_result: "Why this result",
    also_tell: "Also tell the doctor",
    if_worse: "If it gets worse",
    what_to_expect: "What to expect from acupuncture",
    tcm: "Traditional Chinese medicine",
    tell: "Tell the acupuncturist about any of these that apply",
    after_checked: "After a doctor has checked the pain:",
    call_clinic: Sentence("Call {0}"),
    book_online: "Book online",
    hours: "Hours",
    locations: "Locations",
    after_hours: "When the office is closed",
    languages_spoken: "Languages spoken",
    result_not_a_diagnosis: "This is not a diagnosis. If you are worried, call your doctor.",
    emergency_not_a_diagnosis: "This is not a diagnosis. Do not wait: call now.",
    version_reviewed: Sentence("Content version {0}, reviewed by {1}, {2}."),
    version_not_reviewed: Sentence("Content version {0} (not yet reviewed by a clinician)."),
    take_along: "Take this result along",
    take_along_note: "The quiz sends nothing itself: you choose where it goes.",
    share: "Share",
    copy: "Copy as text",
    copied: "Copied. Paste it into a message, a note or an email.",
    copy_by_hand: "This page could not copy it. Select the text below and copy it.",
    summary_title: Sentence("Pain quiz result, {0}"),
    summary_title_other: Sentence("Pain quiz result for someone else, {0}"),
    print: "Print or save as PDF",
    edit_answers: "Edit answers",
    start_over: "Start over",
    your_answers: "Your answers",
    print_title: Sentence("{0} — Result"),
    question_answer: Sentence("{0} {1}"),
    source: "Source:",
    article: "The clinic's article:",
    own_rules: "Source: this quiz's own safety rules, not a published guideline",
    could_not_finish: "We could not finish the quiz",
    language: "Language",
    announce_result: Sentence("Result: {0}"),
    went_wrong: "Something went wrong",
    went_wrong_text: "The quiz stopped working. Your answers stay on this device. \
                      In an emergency, call 911.",
    talk_to_clinic: "To talk about your pain, call the clinic.",
};

pub const ES: Strings = Strings {
    start_title: "Dolor de espalda y otros dolores: qué hacer ahora",
    start_intro: Sentence(
        "Conteste unas {0} preguntas breves (le tomará unos minutos) para saber si debe \
         buscar atención ahora, ver primero a un médico, o hablar con la clínica sobre la \
         acupuntura.",
    ),
    emergency_notice: "En una emergencia, llame al 911.",
    call_911: "Llamar al 911",
    call_988: "Llamar al 988",
    call_poison: "Llamar a la línea de ayuda por envenenamiento (en inglés, Poison Control; hay \
                  ayuda en español)",
    not_a_diagnosis: "Este cuestionario da información, no un diagnóstico.",
    stays_on_device: "Sus respuestas se quedan en este dispositivo. No se envían a ningún lugar.",
    who_is_it_for: "¿Contesta por usted o por otra persona?",
    for_myself: "Por mí",
    for_someone_else: "Por otra persona",
    start: "Empezar",
    resume_title: "¿Continuar donde se quedó?",
    resume_text: "Sus respuestas anteriores están guardadas en este dispositivo.",
    resume: "Continuar",
    start_fresh: "Empezar de nuevo",
    forget: "Borrar mis respuestas",
    forgotten: "Sus respuestas se borraron de este dispositivo.",
    saving_note: "El avance se guarda en este dispositivo durante 24 horas.",
    question_n: Sentence("Pregunta {0} de {1}"),
    question_n_range: Sentence("Pregunta {0} de {1}–{2}"),
    announce_question: Sentence("{0}: {1}"),
    why_we_ask: "Por qué preguntamos",
    back: "Atrás",
    next: "Siguiente",
    scale_point: Sentence("Nivel de dolor {0}"),
    emergency_still: "Sus respuestas indicaron una emergencia: llame ahora. Puede cambiar las \
                      respuestas abajo si alguna estaba mal.",
    why_this_result: "Por qué este resultado",
    also_tell: "Dígale también al médico",
    if_worse: "Si empeora",
    what_to_expect: "Qué esperar de la acupuntura",
    tcm: "Medicina tradicional china",
    tell: "Dígale al acupunturista si hay algo de esto",
    after_checked: "Después de que un médico revise el dolor:",
    call_clinic: Sentence("Llamar a {0}"),
    book_online: "Hacer una cita en línea",
    hours: "Horario",
    locations: "Ubicaciones",
    after_hours: "Cuando la oficina está cerrada",
    languages_spoken: "Idiomas que se hablan en la clínica",
    result_not_a_diagnosis: "Esto no es un diagnóstico. Si algo le preocupa, llame a su médico.",
    emergency_not_a_diagnosis: "Esto no es un diagnóstico. No espere: llame ahora.",
    version_reviewed: Sentence("Versión del contenido {0}, revisada por {1}, {2}."),
    version_not_reviewed: Sentence("Versión del contenido {0} (todavía sin revisión clínica)."),
    take_along: "Llévese este resultado",
    take_along_note: "El cuestionario no envía nada por sí mismo: usted elige adónde va.",
    share: "Compartir",
    copy: "Copiar como texto",
    copied: "Copiado. Péguelo en un mensaje, una nota o un correo.",
    copy_by_hand: "Esta página no pudo copiarlo. Seleccione el texto de abajo y cópielo.",
    summary_title: Sentence("Resultado del cuestionario sobre el dolor, {0}"),
    summary_title_other: Sentence("Resultado del cuestionario sobre el dolor de otra persona, {0}"),
    print: "Imprimir o guardar como PDF",
    edit_answers: "Cambiar respuestas",
    start_over: "Empezar de nuevo",
    your_answers: "Sus respuestas",
    print_title: Sentence("{0} — Resultado"),
    question_answer: Sentence("{0} {1}"),
    source: "Fuente (en inglés):",
    article: "El artículo de la clínica (en inglés):",
    own_rules: "Fuente: las reglas de seguridad del propio cuestionario, no una guía publicada",
    could_not_finish: "No pudimos terminar el cuestionario",
    language: "Idioma",
    announce_result: Sentence("Resultado: {0}"),
    went_wrong: "Algo salió mal",
    went_wrong_text: "El cuestionario dejó de funcionar. Sus respuestas se quedan en este \
                      dispositivo. En una emergencia, llame al 911.",
    talk_to_clinic: "Para hablar de su dolor, llame a la clínica.",
};

impl Strings {
    /// The result's "not a diagnosis" line: on an emergency, without "call your doctor".
    pub fn not_a_diagnosis_for(&self, tier: Tier) -> &'static str {
        match tier {
            Tier::Emergency => self.emergency_not_a_diagnosis,
            _ => self.result_not_a_diagnosis,
        }
    }

    /// The title of a result's summary ("Pain quiz result, {0}"), for answers about
    /// oneself or about someone else.
    pub fn summary_title_for(&self, who: Perspective) -> Sentence {
        match who {
            Perspective::Myself => self.summary_title,
            Perspective::SomeoneElse => self.summary_title_other,
        }
    }

    /// "Question 3 of 14", or "Question 3 of 13–16" while branching can still change
    /// the length.
    pub fn progress(&self, progress: Progress) -> String {
        let n = (progress.done + 1).to_string();
        let (fewest, most) = (progress.fewest.to_string(), progress.most.to_string());
        if progress.fewest == progress.most {
            self.question_n.fill(&[&n, &most])
        } else {
            self.question_n_range.fill(&[&n, &fewest, &most])
        }
    }

    /// Every sentence with slots, named, for the test that each language fills the
    /// same slots.
    pub fn sentences(&self) -> [(&'static str, Sentence); 12] {
        [
            ("question_n", self.question_n),
            ("question_n_range", self.question_n_range),
            ("announce_question", self.announce_question),
            ("scale_point", self.scale_point),
            ("call_clinic", self.call_clinic),
            ("version_reviewed", self.version_reviewed),
            ("version_not_reviewed", self.version_not_reviewed),
            ("summary_title", self.summary_title),
            ("summary_title_other", self.summary_title_other),
            ("print_title", self.print_title),
            ("question_answer", self.question_answer),
            ("announce_result", self.announce_result),
        ]
    }
}

/// A sentence with numbered slots, `{0}` to `{9}`, filled in by [`Sentence::fill`]: its
/// words and their order stay in each language's table, never in the code that uses
/// it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence(pub &'static str);

impl Sentence {
    /// The sentence with slot `{i}` replaced by `values[i]`; a slot without a value is
    /// left as it is (`tests/native/strings.rs` checks every table fills its slots).
    pub fn fill(self, values: &[&str]) -> String {
        let mut out = String::with_capacity(self.0.len() + 32);
        let mut rest = self.0;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let slot = match rest.as_bytes()[open..] {
                [b'{', digit @ b'0'..=b'9', b'}', ..] => values.get(usize::from(digit - b'0')),
                _ => None,
            };
            match slot {
                Some(value) => {
                    out.push_str(value);
                    rest = &rest[open + 3..];
                }
                None => {
                    out.push('{');
                    rest = &rest[open + 1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// The screens' strings in `lang`: a language other than English once its pack is
/// installed ([`crate::pack`]), English until then.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        _ => crate::pack::strings(lang).unwrap_or(&EN),
    }
}

/// A language's table as written here, whether or not its pack is installed: for the
/// build machine (tests, the pack's writer). The app uses [`strings`], so that the other
/// languages' tables stay out of the wasm.
pub fn table(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}
