use yew::prelude::*;

use super::CallLink;
use crate::clinic::{CLINIC, CRISIS_LINE, EMERGENCY};
use crate::quiz::{Guideline, Kind, Lang, Outcome, Perspective, Reason, Source, Tier, QUIZ};
use crate::state::{Action, QuizContext};

/// The result: one tier with its icon and headline, what to do, why, what would make it
/// more urgent, and — for `call-clinic` and `doctor-first` only — what to expect,
/// patterns and things to tell the acupuncturist. What each tier may show follows
/// `clinical-safety.md` §4: the emergency result shows 911 and 988 and nothing about
/// the clinic; the urgent result names the clinic only for after a doctor's check.
#[function_component]
pub fn ResultScreen() -> Html {
    let quiz = use_context::<QuizContext>().expect("ResultScreen needs the QuizContext");
    let (lang, who) = (quiz.lang, quiz.perspective);
    let onback = {
        let quiz = quiz.clone();
        Callback::from(move |_| quiz.dispatch(Action::Back))
    };
    let onrestart = {
        let quiz = quiz.clone();
        Callback::from(move |_| quiz.dispatch(Action::Restart))
    };
    let nav = html! {
        <div class="nav">
            <button class="button" type="button" data-testid="edit-answers" onclick={onback}>
                { "Edit answers" }
            </button>
            <button class="button" type="button" data-testid="start-over" onclick={onrestart}>
                { "Start over" }
            </button>
        </div>
    };
    let call_clinic = |primary: bool| {
        html! {
            <CallLink label={format!("Call {}", CLINIC.name)} phone={&CLINIC.phone}
                testid="call-clinic" {primary} />
        }
    };

    let outcome = QUIZ.outcome(&quiz.answers).ok();
    let Some((outcome, text)) = outcome.and_then(|o| o.text().map(|t| (o, t))) else {
        // Unreachable by answering (validation walks every path at build time); if it
        // ever happened, the visitor still gets both numbers.
        return html! {
            <section class="screen screen--result" data-testid="result" data-tier="none">
                <h1>{ "We could not finish the quiz" }</h1>
                <CallLink label="Call 911" phone={&EMERGENCY} testid="call-911" primary=true />
                { call_clinic(false) }
                { nav }
            </section>
        };
    };

    let icon = match outcome.tier {
        Tier::Emergency => "⚠",
        Tier::Urgent => "!",
        Tier::DoctorFirst => "i",
        Tier::CallClinic | Tier::SelfCare => "✓",
    };
    let calls = match outcome.tier {
        Tier::Emergency => html! {
            <>
                <CallLink label="Call 911" phone={&EMERGENCY} testid="call-911" primary=true />
                <CallLink label="Call or text 988" phone={&CRISIS_LINE} testid="call-988" />
            </>
        },
        Tier::Urgent => html! {
            <>
                <p>{ "After a doctor has checked the pain:" }</p>
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
    let item = |t: &crate::quiz::Text, s: &Source| {
        html! { <li>{ t.get(lang, who) }{ cite(s) }</li> }
    };

    html! {
        <section class={classes!("screen", "screen--result", format!("tier--{}", outcome.tier.slug()))}
            data-testid="result" data-tier={outcome.tier.slug()}>
            <h1 data-testid="result-headline">
                <span class="tier-icon" aria-hidden="true">{ icon }</span>
                { text.headline.get(lang, who) }
            </h1>
            <p data-testid="action">{ text.action.get(lang, who) }</p>
            { calls }
            <h2>{ "Why this result" }</h2>
            <ul data-testid="reasons">
                { for outcome.reasons().iter().map(|r| reason(r, lang, who)) }
            </ul>
            <h2>{ "If it gets worse" }</h2>
            <p data-testid="worse">{ text.worse.get(lang, who) }</p>
            { list(outcome.expectations().iter().map(|e| item(&e.text, &e.source)).collect(),
                "expectations", "What to expect from acupuncture") }
            { list(outcome.patterns().iter().map(|p| item(&p.text, &p.source)).collect(),
                "patterns", "Traditional Chinese medicine") }
            { list(outcome.tell().iter().map(|t| item(&t.text, &t.source)).collect(),
                "tell", "Tell the acupuncturist") }
            { insurance(&outcome, lang, who) }
            <p class="notice" data-testid="not-a-diagnosis">
                { "This is not a diagnosis." }
            </p>
            <p class="version" data-testid="content-version">{ version() }</p>
            { nav }
        </section>
    }
}

fn reason(reason: &Reason, lang: Lang, who: Perspective) -> Html {
    // A checklist's choices say what they are; a single choice or a number needs its
    // question ("How long…? More than 12 weeks").
    let given: Vec<String> = reason
        .given
        .iter()
        .map(|g| {
            let labels: Vec<&str> = g.choices.iter().map(|c| c.label.get(lang, who)).collect();
            let answer = match g.number {
                Some(n) => n.to_string(),
                None => labels.join("; "),
            };
            if g.question.kind == Kind::Checklist {
                answer
            } else {
                format!("{} {answer}", g.question.prompt.get(lang, who))
            }
        })
        .collect();
    html! {
        <li data-rule={reason.rule.id}>
            <strong>{ given.join(" · ") }</strong>
            <br />
            { reason.rule.reason.get(lang, who) }{ cite(&reason.rule.source) }
        </li>
    }
}

/// The source of an item: the article's own sentence, or the guideline's name.
fn cite(source: &Source) -> Html {
    match source {
        Source::Article(quote) => html! {
            <span class="source">{ "The clinic's article: " }<q>{ *quote }</q></span>
        },
        Source::Guideline(g) => html! {
            <span class="source">
                { "Source: " }<cite title={Guideline::citation(*g)}>{ Guideline::short(*g) }</cite>
            </span>
        },
    }
}

fn insurance(outcome: &Outcome, lang: Lang, who: Perspective) -> Option<Html> {
    outcome.tier.shows_acupuncture_details().then(|| {
        html! { <p data-testid="insurance">{ CLINIC.insurance.get(lang, who) }</p> }
    })
}

fn version() -> String {
    let content = CLINIC.content;
    match (content.reviewed_by, content.reviewed_on) {
        (Some(by), Some(on)) => format!(
            "Content version {}, reviewed by {by} on {on}.",
            content.version
        ),
        _ => format!(
            "Content version {} (not yet reviewed by a clinician).",
            content.version
        ),
    }
}
