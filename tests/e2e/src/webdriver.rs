//! The WebDriver calls the suite uses (W3C WebDriver, the same in all three engines).
//! Waits poll with a deadline; a test that fails leaves a screenshot and the page's HTML
//! in `target/e2e/failures/`.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::browser::{target_dir, Browser, Engine, Launch};
use crate::http;

/// How long a wait may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(50);
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Session {
    test: String,
    id: String,
    // Dropped after the session is deleted (fields drop in order).
    browser: Browser,
}

impl Session {
    /// Starts `engine` with a fresh profile, sending whatever is not for loopback to
    /// `proxy`; `test` names its scratch and failure files.
    pub fn start(engine: Engine, test: &str, proxy: std::net::SocketAddr) -> Session {
        Self::start_with(engine, test, proxy, Launch::default())
    }

    /// As [`Session::start`], started as `launch` says (dark scheme, test certificates).
    pub fn start_with(
        engine: Engine,
        test: &str,
        proxy: std::net::SocketAddr,
        launch: Launch,
    ) -> Session {
        let test = format!("{}-{test}", engine.name());
        // A browser that does not come up (seen with WebKitGTK: no answer, nothing in its
        // log) is replaced once by a fresh one.
        let mut attempts = 0;
        let (browser, value) = loop {
            attempts += 1;
            let browser = Browser::launch(engine, &test, proxy, launch);
            let body = json!({ "capabilities": { "alwaysMatch": browser.capabilities } });
            match call(&browser, "POST", "/session", Some(body)) {
                Ok(value) => break (browser, value),
                Err(e) if attempts < 2 => eprintln!("{test}: no session ({e}); starting again"),
                Err(e) => panic!("{test}: no session: {e}\n{}", browser.log_tail()),
            }
        };
        let id = value["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("{test}: no sessionId in {value}"))
            .to_string();
        let session = Session { test, id, browser };
        session.command(
            "POST",
            "timeouts",
            json!({ "implicit": 0, "pageLoad": 30_000, "script": 30_000 }),
        );
        session
    }

    fn try_command(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let path = match path {
            "" => format!("/session/{}", self.id),
            _ => format!("/session/{}/{path}", self.id),
        };
        call(&self.browser, method, &path, body)
    }

    fn command(&self, method: &str, path: &str, body: Value) -> Value {
        let body = (method == "POST").then_some(body);
        self.try_command(method, path, body)
            .unwrap_or_else(|e| panic!("{}: {method} {path}: {e}", self.test))
    }

    /// A Chrome DevTools Protocol command (Chromium only: chromedriver's
    /// `goog/cdp/execute`), for `cargo xtask bench`'s throttling and instrument.
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.command(
            "POST",
            "goog/cdp/execute",
            json!({ "cmd": cmd, "params": params }),
        )
    }

    pub fn goto(&self, url: &str) {
        self.command("POST", "url", json!({ "url": url }));
    }

    /// The first element matching `css` now, if any.
    pub fn find(&self, css: &str) -> Option<Element<'_>> {
        let body = json!({ "using": "css selector", "value": css });
        let value = self.try_command("POST", "element", Some(body)).ok()?;
        Some(Element {
            session: self,
            id: value[ELEMENT_KEY].as_str()?.to_string(),
        })
    }

    /// Polls `probe` until it gives a value, failing the test after [`WAIT`].
    pub fn wait_until<T>(&self, what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
        self.wait_until_ok(what, || probe().ok_or_else(|| "not yet".to_string()))
    }

    /// Polls `probe` until it succeeds; the timeout message names its last error.
    pub fn wait_until_ok<T>(&self, what: &str, mut probe: impl FnMut() -> Result<T, String>) -> T {
        let deadline = Instant::now() + WAIT;
        loop {
            let error = match probe() {
                Ok(value) => return value,
                Err(error) => error,
            };
            assert!(
                Instant::now() < deadline,
                "{}: timed out after {WAIT:?} waiting for {what} (last: {error})",
                self.test
            );
            std::thread::sleep(POLL);
        }
    }

    /// Waits for an element matching `css`.
    pub fn wait_for(&self, css: &str) -> Element<'_> {
        self.wait_until(&format!("`{css}`"), || self.find(css))
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.command(
            "POST",
            "execute/sync",
            json!({ "script": script, "args": args }),
        )
    }

    /// Runs `script` asynchronously: it ends by calling `arguments[arguments.length - 1]`.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.command(
            "POST",
            "execute/async",
            json!({ "script": script, "args": args }),
        )
    }

    /// Moves the session into the iframe matching `css`.
    pub fn switch_to_frame(&self, css: &str) {
        let frame = self.wait_for(css);
        let reference = json!({ ELEMENT_KEY: frame.id });
        self.command("POST", "frame", json!({ "id": reference }));
    }

    /// Back to the top-level page.
    pub fn switch_to_top(&self) {
        self.command("POST", "frame", json!({ "id": null }));
    }

    /// The browser's Back button.
    pub fn back(&self) {
        self.command("POST", "back", json!({}));
    }

    /// Reloads the page.
    pub fn refresh(&self) {
        self.command("POST", "refresh", json!({}));
    }

    /// Presses keys one after another on whatever has focus, as a keyboard would.
    /// Special keys are WebDriver's code points, see [`keys`].
    pub fn press(&self, keys: &[&str]) {
        if let Err(e) = self.try_press(keys) {
            panic!("{}: pressing {keys:?}: {e}", self.test);
        }
    }

    /// Presses `key` while `modifier` is held (Ctrl+V: `keys::CONTROL`, "v").
    pub fn press_with(&self, modifier: &str, key: &str) {
        let actions = json!([
            {"type": "keyDown", "value": modifier},
            {"type": "keyDown", "value": key},
            {"type": "keyUp", "value": key},
            {"type": "keyUp", "value": modifier},
        ]);
        let body = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] });
        if let Err(e) = self.try_command("POST", "actions", Some(body)) {
            panic!("{}: pressing {modifier:?}+{key:?}: {e}", self.test);
        }
    }

    /// Like [`Session::press`], for keys that may close the frame they are pressed in
    /// (the driver then reports the frame gone).
    pub fn try_press(&self, keys: &[&str]) -> Result<(), String> {
        let actions: Vec<Value> = keys
            .iter()
            .flat_map(|k| {
                [
                    json!({"type": "keyDown", "value": k}),
                    json!({"type": "keyUp", "value": k}),
                ]
            })
            .collect();
        let body = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] });
        self.try_command("POST", "actions", Some(body)).map(drop)
    }

    /// Sizes the window so that the page's viewport is `width` CSS pixels wide (the
    /// window's frame differs between engines), as near as the engine allows. Returns
    /// the viewport width reached.
    pub fn set_viewport_width(&self, width: u32, height: u32) -> u32 {
        let inner = || {
            let value = self.execute("return window.innerWidth;", vec![]);
            value.as_u64().unwrap_or(0) as u32
        };
        let mut outer = width;
        for _ in 0..3 {
            self.command(
                "POST",
                "window/rect",
                json!({ "width": outer, "height": height }),
            );
            let now = inner();
            if now == width || now == 0 {
                return now;
            }
            outer = (outer + width).saturating_sub(now);
        }
        inner()
    }

    /// The page printed to PDF (`None` where the engine's driver cannot print).
    pub fn print_pdf(&self) -> Option<Vec<u8>> {
        let value = self
            .try_command("POST", "print", Some(json!({ "background": false })))
            .ok()?;
        decode_base64(value.as_str()?)
    }

    /// Saves a screenshot of the viewport as `target/e2e/screenshots/<engine>-<name>.png`.
    pub fn save_screenshot(&self, name: &str) {
        let png = self
            .screenshot()
            .unwrap_or_else(|| panic!("{}: no screenshot", self.test));
        self.save_artifact(&format!("{name}.png"), &png);
    }

    /// Saves a file for review as `target/e2e/screenshots/<engine>-<name>`.
    pub fn save_artifact(&self, name: &str, bytes: &[u8]) {
        let dir = target_dir().join("e2e/screenshots");
        let _ = std::fs::create_dir_all(&dir);
        let engine = self.test.split('-').next().unwrap_or_default();
        std::fs::write(dir.join(format!("{engine}-{name}")), bytes).expect("artifact written");
    }

    fn screenshot(&self) -> Option<Vec<u8>> {
        let value = self.try_command("GET", "screenshot", None).ok()?;
        decode_base64(value.as_str()?)
    }

    /// Saves a screenshot and the page's HTML beside the test's name.
    fn save_failure(&self) {
        match self.try_command("GET", "url", None) {
            Ok(url) => eprintln!("{}: the page at the failure: {url}", self.test),
            Err(e) => eprintln!("{}: the browser does not answer: {e}", self.test),
        }
        let dir = target_dir().join("e2e/failures");
        let _ = std::fs::create_dir_all(&dir);
        if let Some(png) = self.screenshot() {
            let _ = std::fs::write(dir.join(format!("{}.png", self.test)), png);
        }
        if let Ok(html) = self.try_command("GET", "source", None) {
            let _ = std::fs::write(
                dir.join(format!("{}.html", self.test)),
                html.as_str().unwrap_or_default(),
            );
        }
        eprintln!(
            "{}: screenshot and HTML in {}; driver log in {}",
            self.test,
            dir.display(),
            self.browser.scratch.display()
        );
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.save_failure();
        }
        let _ = self.try_command("DELETE", "", None);
    }
}

/// WebDriver's code points for special keys.
pub mod keys {
    pub const TAB: &str = "\u{E004}";
    pub const ENTER: &str = "\u{E007}";
    pub const SPACE: &str = " ";
    pub const ARROW_DOWN: &str = "\u{E015}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const CONTROL: &str = "\u{E009}";
}

pub struct Element<'s> {
    session: &'s Session,
    id: String,
}

impl Element<'_> {
    fn command(&self, method: &str, path: &str) -> Result<Value, String> {
        let body = (method == "POST").then(|| json!({}));
        let path = format!("element/{}/{path}", self.id);
        self.session.try_command(method, &path, body)
    }

    /// Clicks the element; an error (not yet interactable, re-rendered) is returned so
    /// that callers can retry within a wait. The element is first scrolled to the middle
    /// of the view with `scrollIntoView`, which also scrolls the pages around a frame
    /// (Firefox's and WebKitGTK's drivers do not, for an element in a frame below the
    /// fold).
    pub fn click(&self) -> Result<(), String> {
        let reference = json!({ ELEMENT_KEY: self.id });
        let script = json!({
            "script": "arguments[0].scrollIntoView({ block: 'center' });",
            "args": [reference],
        });
        self.session
            .try_command("POST", "execute/sync", Some(script))?;
        self.command("POST", "click").map(drop)
    }

    /// Types `text` into the element, as a keyboard would.
    pub fn send_keys(&self, text: &str) -> Result<(), String> {
        let path = format!("element/{}/value", self.id);
        self.session
            .try_command("POST", &path, Some(json!({ "text": text })))
            .map(drop)
    }

    /// The element as a script argument.
    pub fn reference(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    /// The DOM's own `element.click()` (see `QuizPage::in_frame`).
    pub fn dom_click(&self) -> Result<(), String> {
        let reference = json!({ ELEMENT_KEY: self.id });
        let script = json!({ "script": "arguments[0].click();", "args": [reference] });
        self.session
            .try_command("POST", "execute/sync", Some(script))
            .map(drop)
    }

    pub fn text(&self) -> String {
        self.command("GET", "text")
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default()
    }

    pub fn attribute(&self, name: &str) -> Option<String> {
        let value = self.command("GET", &format!("attribute/{name}")).ok()?;
        value.as_str().map(String::from)
    }

    /// A DOM property (e.g. an input's current `value`, which Yew sets as a property).
    pub fn property(&self, name: &str) -> Option<String> {
        let value = self.command("GET", &format!("property/{name}")).ok()?;
        value.as_str().map(String::from)
    }

    pub fn is_enabled(&self) -> bool {
        self.command("GET", "enabled")
            .ok()
            .and_then(|v| v.as_bool())
            == Some(true)
    }

    pub fn is_selected(&self) -> bool {
        self.command("GET", "selected")
            .ok()
            .and_then(|v| v.as_bool())
            == Some(true)
    }
}

/// One WebDriver call; a WebDriver error becomes `Err("error: message")`.
fn call(browser: &Browser, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
    let body = body.map(|b| b.to_string());
    let (status, text) = http::request(browser.driver_addr, method, path, body.as_deref())
        .map_err(|e| format!("{method} {path}: {e}"))?;
    let reply: Value =
        serde_json::from_str(&text).map_err(|e| format!("{method} {path}: {e}: {text}"))?;
    let value = reply.get("value").cloned().unwrap_or(Value::Null);
    if status == 200 {
        Ok(value)
    } else {
        Err(format!("{}: {}", value["error"], value["message"]))
    }
}

fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|c| *c != b'=')
        .map(digit)
        .collect::<Option<_>>()?;
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk.iter().fold(0u32, |n, d| n << 6 | u32::from(*d)) << (6 * (4 - chunk.len()));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decode_base64;

    #[test]
    fn decodes_base64() {
        assert_eq!(decode_base64("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decode_base64("aGk=").unwrap(), b"hi");
        assert_eq!(decode_base64("YWJj").unwrap(), b"abc");
        assert!(decode_base64("a*b").is_none());
    }
}
