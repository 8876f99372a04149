//! The small components the screens share, one function component per file. They read
//! the state through [`crate::state::QuizContext`] and change it only by dispatching
//! actions.

mod call_link;
mod forget_button;
mod language_switch;
mod print_summary;
mod take_along;

pub use call_link::{line_call, line_number, CallLink};
pub use forget_button::ForgetButton;
pub use language_switch::LanguageSwitch;
pub use print_summary::PrintSummary;
pub use take_along::{summary, take_along, Along};
