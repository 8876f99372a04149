//! A partner's page that embeds the quiz: served by its own server (another origin than
//! the quiz's), under its own strict CSP (no `unsafe-inline` at all, Trusted Types
//! enforced with no policy allowed, so the loader may use no such sink) and hostile CSS,
//! with the one-line snippet. `host.js` records the quiz's events, every message posted
//! to the page, CSP violations and console warnings.

use std::path::PathBuf;

use serde_json::Value;

use crate::browser::target_dir;
use crate::{Harness, StaticServer};

const HOST_JS: &str = r#"
window.__events = [];
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
["ready", "step", "complete", "call"].forEach(function (t) {
  document.addEventListener("symptom-quiz:" + t, function (e) {
    window.__events.push({ type: t, detail: e.detail, target: e.target.id });
  });
});
window.__historyAtStart = history.length;
// Every message any frame posts to this page, whatever the loader makes of it.
window.__messages = [];
window.addEventListener("message", function (e) {
  window.__messages.push(typeof e.data === "string" ? e.data : JSON.stringify(e.data));
});
window.__warnings = [];
(function (warn) {
  console.warn = function () {
    window.__warnings.push(Array.prototype.join.call(arguments, " ").slice(0, 300));
    return warn.apply(console, arguments);
  };
})(console.warn);
// Every symptom-quiz event the loader dispatches, whatever its name.
window.__dispatched = [];
(function (dispatch) {
  EventTarget.prototype.dispatchEvent = function (e) {
    if (String(e.type).indexOf("symptom-quiz:") === 0) window.__dispatched.push(e.type);
    return dispatch.call(this, e);
  };
})(EventTarget.prototype.dispatchEvent);
"#;

/// Host CSS that would break a careless widget.
const HOST_CSS: &str = "
.tall { height: 2500px; }
iframe { width: 10px !important; height: 10px !important; border: 9px solid red !important; }
button { font-size: 40px !important; }
[role=dialog] { display: none !important; background: red !important; }
";

/// A host page served by its own server (another origin than the quiz's), with
/// `snippet` below a tall block.
pub struct Host {
    pub server: StaticServer,
}

impl Host {
    pub fn new(h: &Harness, name: &str, snippet: &str) -> Host {
        Self::with_loader(
            h,
            name,
            snippet,
            &format!("{}/embed/v1.js", h.server.origin()),
        )
    }

    pub fn with_loader(h: &Harness, name: &str, snippet: &str, loader: &str) -> Host {
        let dir: PathBuf = target_dir()
            .join("e2e/host")
            .join(format!("{:?}-{name}", h.engine));
        std::fs::create_dir_all(&dir).unwrap();
        // The quiz's origin: the loader's.
        let after_scheme = loader.find("://").map_or(0, |i| i + 3);
        let end = loader[after_scheme..]
            .find('/')
            .map_or(loader.len(), |i| after_scheme + i);
        let quiz = &loader[..end];
        let page = format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             script-src 'self' {quiz}; style-src 'self'; img-src 'self'; frame-src {quiz}; \
             require-trusted-types-for 'script'; trusted-types 'none'\">\
             <link rel=\"stylesheet\" href=\"host.css\"><title>A partner page</title></head>\
             <body><h1>A partner page</h1><p class=\"tall\">Lots of text.</p>{snippet}\
             <script src=\"host.js\"></script>\
             <script src=\"{loader}\" async></script></body></html>"
        );
        std::fs::write(dir.join("index.html"), page).unwrap();
        std::fs::write(dir.join("host.js"), HOST_JS).unwrap();
        std::fs::write(dir.join("host.css"), HOST_CSS).unwrap();
        Host {
            server: StaticServer::start(dir),
        }
    }

    pub fn events(h: &Harness) -> Vec<Value> {
        let value = h.session.execute("return window.__events;", vec![]);
        value.as_array().cloned().unwrap_or_default()
    }

    pub fn wait_for_event(h: &Harness, kind: &str) -> Value {
        h.session
            .wait_until(&format!("a symptom-quiz:{kind} event"), || {
                Self::events(h)
                    .into_iter()
                    .rev()
                    .find(|e| e["type"] == kind)
            })
    }
}
