use yew::prelude::*;

use super::CallLink;
use crate::clinic::{CLINIC, CRISIS_LINE, EMERGENCY};
use crate::quiz::{Tier, QUIZ};
use crate::state::{Action, QuizContext};

/// The result: one tier, why, what would make it more urgent, and what to do.
/// What each tier may show follows `clinical-safety.md` §4: the emergency result shows
/// 911 (and 988) and nothing about the clinic; the urgent result points to a doctor
/// today and names the clinic only for after that check.
#[function_component]
pub fn ResultScreen() -> Html {
    let quiz = use_context::<QuizContext>().expect("ResultScreen needs the QuizContext");
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

    let Ok(outcome) = QUIZ.outcome(&quiz.answers) else {
        // Unreachable by answering (the core's tests walk every path); if content ever
        // breaks, the visitor still gets both numbers.
        return html! {
            <section class="screen screen--result" data-testid="result" data-tier="none">
                <h1>{ "We could not finish the quiz" }</h1>
                <CallLink label="Call 911" phone={&EMERGENCY} testid="call-911" primary=true />
                <CallLink label={format!("Call {}", CLINIC.name)} phone={&CLINIC.phone}
                    testid="call-clinic" />
                { nav }
            </section>
        };
    };

    let (icon, headline, action) = match outcome.tier {
        Tier::Emergency => (
            "⚠",
            "Get emergency care now",
            html! {
                <>
                    <CallLink label="Call 911" phone={&EMERGENCY} testid="call-911" primary=true />
                    <p>{ "Or go to the nearest emergency room. If you are thinking about \
                          harming yourself, call or text 988." }</p>
                    <CallLink label="Call 988" phone={&CRISIS_LINE} testid="call-988" />
                </>
            },
        ),
        Tier::Urgent => (
            "!",
            "See a doctor today",
            html! {
                <>
                    <p>{ "Call your doctor or go to urgent care today, before any acupuncture." }</p>
                    <p>{ format!("After you have been checked, you can call {} to talk about \
                                  acupuncture.", CLINIC.name) }</p>
                </>
            },
        ),
        Tier::DoctorFirst => (
            "i",
            "Check with a doctor first",
            html! {
                <>
                    <p>{ "Ask your doctor about your pain first. Then acupuncture is an \
                          option to talk over with the clinic." }</p>
                    <CallLink label={format!("Call {}", CLINIC.name)} phone={&CLINIC.phone}
                        testid="call-clinic" />
                </>
            },
        ),
        Tier::CallClinic => (
            "✓",
            "Acupuncture is an option worth talking over with the clinic",
            html! {
                <CallLink label={format!("Call {}", CLINIC.name)} phone={&CLINIC.phone}
                    testid="call-clinic" primary=true />
            },
        ),
        Tier::SelfCare => (
            "✓",
            "Acupuncture may not be needed now",
            html! {
                <>
                    <p>{ "Staying active and using heat often help. If the pain lasts or \
                          starts to get in the way of daily life, call the clinic." }</p>
                    <CallLink label={format!("Call {}", CLINIC.name)} phone={&CLINIC.phone}
                        testid="call-clinic" />
                </>
            },
        ),
    };

    html! {
        <section class={classes!("screen", "screen--result", format!("tier--{}", outcome.tier.slug()))}
            data-testid="result" data-tier={outcome.tier.slug()}>
            <h1 data-testid="result-headline">
                <span class="tier-icon" aria-hidden="true">{ icon }</span>
                { headline }
            </h1>
            { action }
            <h2>{ "Why this result" }</h2>
            <ul data-testid="reasons">
                { for outcome.reasons().into_iter().map(|reason| html! { <li>{ reason }</li> }) }
            </ul>
            <h2>{ "If it gets worse" }</h2>
            <p>{ "If you get new numbness, leg weakness, or trouble controlling your bladder \
                  or bowels, call 911." }</p>
            <p class="notice" data-testid="not-a-diagnosis">
                { "This is not a diagnosis." }
            </p>
            { nav }
        </section>
    }
}
