use yew::prelude::*;

use crate::clinic::CLINIC;
use crate::components::{
    line_call, summary, take_along, Along, CallLink, ForgetButton, PrintSummary,
};
use crate::content::QUIZ;
use crate::edge;
use crate::state::{Action, QuizContext};
use quiz::strings::{strings, Strings};
use quiz::{Guideline, Lang, Line, Perspective, Reason, Source, Text, Tier};

/// The result: one tier with its icon and headline, what to do, why, what would make it
/// more urgent, and — for `call-clinic` and `doctor-first` only — what to expect,
/// patterns, things to tell the acupuncturist and the clinic's details. What each tier
/// may show follows the safety rules (ARCHITECTURE.md): the emergency result shows the
/// numbers that fit and nothing about the clinic; the urgent result names the clinic
/// only for after a doctor's check.
#[function_component]
pub fn ResultScreen() -> Html {
    let quiz = use_context::<QuizContext>().expect("ResultScreen needs the QuizContext");
    let (lang, who) = (quiz.lang, quiz.perspective);
    let text = strings(lang);
    let along = use_state(Along::now);
    let dispatch = |action: fn() -> Action| {
        let quiz = quiz.clone();
        Callback::from(move |_: MouseEvent| quiz.dispatch(action()))
    };
    let nav = html! {
        <div class="nav no-print">
            <button class="button" type="button" data-testid="edit-answers"
                onclick={dispatch(|| Action::Back)}>
                { text.edit_answers }
            </button>
            <button class="button" type="button" data-testid="start-over"
                onclick={dispatch(|| Action::Restart)}>
                { text.start_over }
            </button>
            if quiz.config.save {
                <ForgetButton />
            }
        </div>
    };
    let call_clinic = |primary: bool| {
        html! {
            <CallLink label={text.call_clinic.fill(&[CLINIC.name])} phone={&CLINIC.phone}
                testid="call-clinic" {primary} report=true />
        }
    };

    let outcome = QUIZ.outcome(&quiz.answers).ok();
    let Some((outcome, headline)) = outcome.and_then(|o| o.headline().map(|h| (o, h))) else {
        // Unreachable by answering (validation walks every path at build time); if it
        // ever happened, the visitor still gets both numbers.
        return html! {
            <section class="screen screen--result" data-testid="result" data-tier="none">
                <h1 tabindex="-1" data-focus="">{ text.could_not_finish }</h1>
                { line_call(Line::Emergency, text, true) }
                { call_clinic(false) }
                { nav }
            </section>
        };
    };

    // When the result was shown: the summary's title, on paper and in the text.
    let when = edge::date(along.shown, lang);
    let icon = match outcome.tier {
        Tier::Emergency => "⚠",
        Tier::Urgent => "!",
        Tier::DoctorFirst => "i",
        Tier::CallClinic | Tier::SelfCare => "✓",
    };
    let calls = match outcome.tier {
        // Only the lines the fired rules name, the first one primary (§4).
        Tier::Emergency => html! {
            { for outcome.lines().into_iter().enumerate().map(|(i, line)| line_call(line, text, i == 0)) }
        },
        Tier::Urgent => html! {
            <>
                <p>{ text.after_checked }</p>
                { call_clinic(false) }
            </>
        },
        Tier::DoctorFirst | Tier::SelfCare => call_clinic(false),
        Tier::CallClinic => call_clinic(true),
    };
    let list = |items: Vec<Html>, testid: &'static str, title: &'static str| {
        (!items.is_empty()).then(|| {
            html! {
                <>
                    <h2>{ title }</h2>
                    <ul data-testid={testid}>{ for items }</ul>
                </>
            }
        })
    };
    let item = |t: &Text, s: &Source| html! { <li>{ t.get(lang, who) }{ cite(s, text) }</li> };
    let details = outcome.tier.shows_acupuncture_details();
    let onbook = {
        let config = quiz.config;
        Callback::from(move |_: MouseEvent| edge::tell_host(&config, edge::HostMessage::Call))
    };

    html! {
        <section class={classes!("screen", "screen--result", format!("tier--{}", outcome.tier.slug()))}
            data-testid="result" data-tier={outcome.tier.slug()}>
            <p class="print-only print-title">{ text.print_title.fill(&[CLINIC.name]) }</p>
            <p class="print-only">{ text.summary_title_for(who).fill(&[&when]) }</p>
            <h1 data-testid="result-headline" tabindex="-1" data-focus="">
                <span class="tier-icon" aria-hidden="true">{ icon }</span>
                { headline.get(lang, who) }
            </h1>
            <div data-testid="action">
                { for outcome.actions().iter().map(|a| html! { <p>{ a.get(lang, who) }</p> }) }
            </div>
            { calls }
            <h2>{ text.why_this_result }</h2>
            <ul data-testid="reasons">
                { for outcome.reasons().iter().map(|r| reason(r, lang, who, text)) }
            </ul>
            { list(outcome.also().iter().map(|r| reason(r, lang, who, text)).collect(),
                "also", text.also_tell) }
            <h2>{ text.if_worse }</h2>
            <ul data-testid="worse">
                { for outcome.worse().iter().map(|w| html! { <li>{ w.get(lang, who) }</li> }) }
            </ul>
            { take_along(text, lang, summary(&outcome, lang, who, text, &when), along) }
            { list(outcome.expectations().iter().map(|e| item(&e.text, &e.source)).collect(),
                "expectations", text.what_to_expect) }
            { list(outcome.patterns().iter().map(|p| item(&p.text, &p.source)).collect(),
                "patterns", text.tcm) }
            { list(outcome.tell().iter().map(|t| item(&t.text, &t.source)).collect(),
                "tell", text.tell) }
            if details {
                { clinic_details(lang, who, text, onbook) }
            }
            <p class="notice" data-testid="not-a-diagnosis">{ text.not_a_diagnosis_for(outcome.tier) }</p>
            <p class="small" data-testid="content-version">{ crate::clinic::version(text) }</p>
            <PrintSummary />
            { nav }
        </section>
    }
}

fn reason(reason: &Reason, lang: Lang, who: Perspective, text: &Strings) -> Html {
    html! {
        <li data-rule={reason.rule.id}>
            <strong>{ reason.answers(lang, who, text) }</strong>
            <br />
            { reason.rule.reason.get(lang, who) }{ cite(&reason.source, text) }
        </li>
    }
}

/// The source of an item: the article's own sentence, the guideline's name, or that
/// no guideline covers it.
fn cite(source: &Source, text: &Strings) -> Html {
    match source {
        Source::Article(quote) => html! {
            // The article is in English: say so, for screen readers in Spanish.
            <span class="source">{ text.article }{ " " }<q lang="en">{ *quote }</q></span>
        },
        Source::Guideline(Guideline::SafetyRules) => html! {
            <span class="source">{ text.own_rules }</span>
        },
        Source::Guideline(g) => html! {
            <span class="source">
                { text.source }{ " " }<cite lang="en">{ Guideline::short(*g) }</cite>
            </span>
        },
    }
}

/// Booking, hours, after-hours, locations, languages and insurance: whatever the
/// clinic file has.
fn clinic_details(
    lang: Lang,
    who: Perspective,
    text: &Strings,
    onbook: Callback<MouseEvent>,
) -> Html {
    let lines = |title: &'static str, items: Vec<String>, testid: &'static str| {
        (!items.is_empty()).then(|| {
            html! {
                <div data-testid={testid}>
                    <h3>{ title }</h3>
                    { for items.into_iter().map(|i| html! { <p>{ i }</p> }) }
                </div>
            }
        })
    };
    html! {
        <section class="clinic" data-testid="clinic-details">
            <h2>{ CLINIC.name }</h2>
            if let Some(url) = CLINIC.booking_url {
                <p><a class="button no-print" href={url} rel="noopener" target="_blank"
                    data-testid="book" onclick={onbook.clone()}>{ text.book_online }</a></p>
            }
            { lines(text.hours, CLINIC.hours.iter().map(|h| h.get(lang, who).to_string()).collect(), "hours") }
            { lines(text.after_hours, CLINIC.after_hours.iter().map(|t| t.get(lang, who).to_string()).collect(), "after-hours") }
            { lines(text.locations, CLINIC.locations.iter().map(|l| format!("{}: {}", l.name.get(lang, who), l.address)).collect(), "locations") }
            { lines(text.languages_spoken, (!CLINIC.languages.is_empty()).then(|| {
                CLINIC.languages.iter().map(|l| l.get(lang, who)).collect::<Vec<_>>().join(", ")
            }).into_iter().collect(), "languages") }
            <p data-testid="insurance">{ CLINIC.insurance.get(lang, who) }</p>
        </section>
    }
}
