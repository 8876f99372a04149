use yew::prelude::*;

use crate::clinic::Phone;

#[derive(Properties, PartialEq)]
pub struct CallLinkProps {
    /// What the button says, e.g. "Call 911".
    pub label: AttrValue,
    pub phone: &'static Phone,
    pub testid: AttrValue,
    /// The most prominent call on the screen.
    #[prop_or_default]
    pub primary: bool,
}

/// A `tel:` call button with the number written beside it as text, because desktops
/// cannot dial.
#[function_component]
pub fn CallLink(props: &CallLinkProps) -> Html {
    let class = classes!("call", props.primary.then_some("call--primary"));
    html! {
        <p class="call-line">
            <a {class} href={props.phone.tel} data-testid={props.testid.clone()}>
                { props.label.clone() }
            </a>
            <span class="call-line__number" data-testid={format!("{}-number", props.testid)}>
                { props.phone.display }
            </span>
        </p>
    }
}
