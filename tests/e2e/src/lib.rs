//! The end-to-end harness: the quiz's release build served on loopback by a recording
//! static server, driven over WebDriver in Chromium, Firefox ESR and WebKitGTK.
//!
//! Written on `std` and `serde_json` alone (a WebDriver client is a few JSON calls over
//! HTTP), so the suite compiles in seconds on two cores.
//!
//! - [`server`]: serves the build (`E2E_DIST`) and records every request it gets.
//! - [`browser`]: starts an engine's driver (and Xvfb for WebKitGTK) and a session.
//! - [`webdriver`]: the session and element calls the tests use; waits poll with a
//!   deadline, never a fixed sleep.
//! - [`pages`]: page objects over the quiz's `data-testid`s.
//! - [`walks`]: walks through every screen (accessibility audit, screenshots) that
//!   tests in each colour scheme share.
//! - [`deploy`]: the recipes of `deploy/` run by their real servers (nginx, Caddy,
//!   Cloudflare's Pages emulator), over TLS from a throwaway CA.

pub mod browser;
pub mod deploy;
pub mod host;
mod http;
pub mod pages;
pub mod proxy;
pub mod runs;
pub mod server;
pub mod walks;
pub mod webdriver;

pub use browser::{Engine, Launch};
pub use pages::QuizPage;
pub use proxy::RecordingProxy;
pub use server::StaticServer;
pub use webdriver::Session;

/// One test's world: the served build and a browser session pointed at it, whose
/// every request off loopback goes to a recording proxy that lets nothing through
/// (Chromium and Firefox).
pub struct Harness {
    // The browser goes first, then the servers it was talking to.
    pub session: Session,
    pub server: StaticServer,
    pub proxy: RecordingProxy,
    pub engine: Engine,
}

impl Harness {
    /// Serves the release build and opens a browser of `engine`.
    pub fn start(engine: Engine, test: &str) -> Harness {
        Self::start_with(engine, test, Launch::default())
    }

    /// As [`Harness::start`], with a browser that accepts the deployment tests'
    /// certificates ([`deploy::tls`]).
    pub fn start_trusting(engine: Engine, test: &str) -> Harness {
        let launch = Launch {
            test_certificates: true,
            ..Launch::default()
        };
        Self::start_with(engine, test, launch)
    }

    /// As [`Harness::start`], in the system's dark appearance.
    pub fn start_dark(engine: Engine, test: &str) -> Harness {
        let launch = Launch {
            dark: true,
            ..Launch::default()
        };
        Self::start_with(engine, test, launch)
    }

    pub fn start_with(engine: Engine, test: &str, launch: Launch) -> Harness {
        let server = StaticServer::quiz(server::dist_dir());
        let proxy = RecordingProxy::start();
        let session = Session::start_with(engine, test, proxy.addr(), launch);
        Harness {
            session,
            server,
            proxy,
            engine,
        }
    }

    /// Opens the quiz's page.
    pub fn open(&self) -> QuizPage<'_> {
        QuizPage::open(&self.session, &self.server.url("/"))
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("requests the server got: {:#?}", self.server.requests());
            eprintln!("requests the proxy got: {:#?}", self.proxy.requests());
        }
    }
}

/// Declares each test once per engine, in a module named after the engine:
/// `chromium::name`, `firefox::name`, `webkit::name`. Each test is a function taking a
/// [`Harness`]. `in_every_engine!(with start_dark: …)` starts each with another
/// constructor of [`Harness`] (`start_trusting`, `start_dark`).
#[macro_export]
macro_rules! in_every_engine {
    (with $start:ident: $($test:ident),* $(,)?) => {
        $crate::in_every_engine!(@all $start; $($test),*);
    };
    ($($test:ident),* $(,)?) => {
        $crate::in_every_engine!(@all start; $($test),*);
    };
    (@all $start:ident; $($test:ident),*) => {
        $crate::in_every_engine!(@engine chromium, $crate::Engine::Chromium, $start; $($test),*);
        $crate::in_every_engine!(@engine firefox, $crate::Engine::Firefox, $start; $($test),*);
        $crate::in_every_engine!(@engine webkit, $crate::Engine::Webkit, $start; $($test),*);
    };
    (@engine $module:ident, $engine:expr, $start:ident; $($test:ident),*) => {
        mod $module {
            $(
                #[test]
                fn $test() {
                    super::$test($crate::Harness::$start($engine, stringify!($test)));
                }
            )*
        }
    };
}
