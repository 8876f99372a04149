//! The screens, one function component per file. They read the state through
//! [`crate::state::QuizContext`] and change it only by dispatching actions.

mod app;
mod call_link;
mod forget_button;
mod language_switch;
mod print_summary;
mod question_screen;
mod result_screen;
mod start_screen;

pub use app::App;
pub use call_link::CallLink;
pub use forget_button::ForgetButton;
pub use language_switch::LanguageSwitch;
pub use print_summary::PrintSummary;
pub use question_screen::QuestionScreen;
pub use result_screen::ResultScreen;
pub use start_screen::StartScreen;
