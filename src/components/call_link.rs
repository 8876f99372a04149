use yew::prelude::*;

use quiz::strings::Strings;
use quiz::Line;

use crate::clinic::{Phone, CRISIS_LINE, EMERGENCY, POISON_CONTROL};
use crate::edge;
use crate::state::QuizContext;

#[derive(Properties, PartialEq)]
pub struct CallLinkProps {
    /// What the button says, e.g. "Call 911".
    pub label: AttrValue,
    pub phone: &'static Phone,
    pub testid: AttrValue,
    /// The most prominent call on the screen.
    #[prop_or_default]
    pub primary: bool,
    /// Tell an embedding page that a call button was pressed (`symptom-quiz:call`).
    /// Only for the clinic's number: a press on 911 or 988 would tell the host page
    /// something about the visitor's health.
    #[prop_or_default]
    pub report: bool,
}

/// A `tel:` call button with the number written beside it as text, because desktops
/// cannot dial.
#[function_component]
pub fn CallLink(props: &CallLinkProps) -> Html {
    let class = classes!("call", props.primary.then_some("call--primary"));
    let quiz = use_context::<QuizContext>();
    let onclick = {
        let report = props.report;
        Callback::from(move |_: MouseEvent| {
            if let (true, Some(quiz)) = (report, &quiz) {
                edge::tell_host(&quiz.config, edge::HostMessage::Call);
            }
        })
    };
    html! {
        <p class="call-line">
            <a {class} href={props.phone.tel} data-testid={props.testid.clone()} {onclick}>
                { props.label.clone() }
            </a>
            <span class="call-line__number" data-testid={format!("{}-number", props.testid)}>
                { props.phone.display }
            </span>
        </p>
    }
}

/// The call button of one of an emergency's lines: the result's, and the notice on
/// every question after it until a new result (the safety rules: only the numbers that
/// fit).
pub fn line_call(line: Line, text: &Strings, primary: bool) -> Html {
    let (label, phone, testid) = line_number(line, text);
    html! { <CallLink {label} {phone} {testid} {primary} /> }
}

/// One of an emergency's lines: its button's label, its number and its test id.
pub fn line_number(line: Line, text: &Strings) -> (&'static str, &'static Phone, &'static str) {
    match line {
        Line::Emergency => (text.call_911, &EMERGENCY, "call-911"),
        Line::Crisis => (text.call_988, &CRISIS_LINE, "call-988"),
        Line::Poison => (text.call_poison, &POISON_CONTROL, "call-poison"),
    }
}
