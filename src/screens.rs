//! The screens, one per [`quiz::Position`]: the start, a question, the result. `App`
//! (`crate::app`) shows the one for the visitor's position; each reads the state
//! through [`crate::state::QuizContext`] and changes it only by dispatching actions.

mod question;
mod result;
mod start;

pub use question::QuestionScreen;
pub use result::ResultScreen;
pub use start::StartScreen;
