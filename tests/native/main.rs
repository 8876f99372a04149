//! The app's native tests, as one binary: each module is one concern, named in the test
//! names it prints (`settings::fonts_are_system_stacks_only`). The quiz itself (the
//! reader, the flow, the triage of every path) is tested in its own crate,
//! `crates/quiz/tests/core`, without Yew.
//!
//! They run with plain `cargo test` on the build machine; the app's tests in a real DOM are
//! `tests/web.rs`, on wasm.
#![cfg(not(target_arch = "wasm32"))]

mod compiled;
mod docs;
mod fallbacks;
mod settings;
mod strings;
mod worker;
