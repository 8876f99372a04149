use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::clinic::{self, CLINIC};
use crate::components::line_number;
use crate::edge::{self, Taken};
use quiz::strings::Strings;
use quiz::{Call, Lang, Outcome, Perspective, Tier};

/// A result screen's taking along: when the result was shown (the summary's title),
/// and what the last press that copied did, in which language. After a switch of
/// language the clipboard holds the other one's text: that status is not shown.
#[derive(Clone, Copy, PartialEq)]
pub struct Along {
    pub shown: f64,
    pub last: Option<(Taken, Lang)>,
}

impl Along {
    /// A result shown now, nothing pressed yet.
    pub fn now() -> Along {
        Along {
            shown: edge::now(),
            last: None,
        }
    }
}

/// The result as text to take along ([`Outcome::summary`]), in the language on
/// screen, made `when`: an emergency's lines first; below, the clinic's number.
pub fn summary(
    outcome: &Outcome,
    lang: Lang,
    who: Perspective,
    text: &Strings,
    when: &str,
) -> Rc<str> {
    let clinic = text.call_clinic.fill(&[CLINIC.name]);
    let calls: Vec<Call> = match outcome.tier {
        Tier::Emergency => (outcome.lines().into_iter())
            .map(|l| {
                let (label, phone, _) = line_number(l, text);
                Call {
                    label,
                    number: phone.display,
                }
            })
            .collect(),
        _ => vec![Call {
            label: &clinic,
            number: CLINIC.phone.display,
        }],
    };
    let version = clinic::version(text);
    Rc::from(outcome.summary(lang, who, text, &calls, when, &[&version]))
}

/// Taking the result along: the system's share sheet where the browser has one, the
/// summary copied as plain text, and the print dialog (paper, or a PDF). Each press is
/// the visitor's own act; the text goes only where they send it.
pub fn take_along(
    text: &Strings,
    lang: Lang,
    summary: Rc<str>,
    along: UseStateHandle<Along>,
) -> Html {
    let press = |share: bool| {
        let (summary, setter, shown) = (summary.clone(), along.setter(), along.shown);
        Callback::from(move |_: MouseEvent| {
            let (summary, setter) = (summary.clone(), setter.clone());
            spawn_local(async move {
                // A share the sheet took, or the visitor closed, leaves the status as is.
                if let Some(taken) = edge::take(&summary, share).await {
                    setter.set(Along {
                        shown,
                        last: Some((taken, lang)),
                    });
                }
            })
        })
    };
    let taken = along.last.filter(|(_, l)| *l == lang).map(|(t, _)| t);
    let said = match taken {
        None => "",
        Some(Taken::Copied) => text.copied,
        Some(Taken::Refused) => text.copy_by_hand,
    };
    html! {
        <section class="take-along no-print" data-testid="take-along">
            <h2>{ text.take_along }</h2>
            <p class="small">{ text.take_along_note }</p>
            <div class="nav">
                if edge::can_share() {
                    <button class="button" type="button" data-testid="share-summary"
                        onclick={press(true)}>{ text.share }</button>
                }
                <button class="button" type="button" data-testid="copy-summary"
                    onclick={press(false)}>{ text.copy }</button>
                <button class="button" type="button" data-testid="print"
                    onclick={Callback::from(|_| edge::print())}>{ text.print }</button>
            </div>
            <p role="status" data-testid="take-along-status">{ said }</p>
            if taken == Some(Taken::Refused) {
                <textarea readonly=true rows="12" data-testid="summary-text"
                    aria-label={text.take_along} value={summary.to_string()} />
            }
        </section>
    }
}
