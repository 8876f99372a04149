//! Page objects: what a visitor does and sees, in terms of the quiz's `data-testid`s.

use crate::webdriver::{keys, Element, Session};

/// One answer in a scripted run: choices (one, or several on a checklist), a typed
/// number, or a tapped point of the 0–10 scale.
#[derive(Clone, Copy, Debug)]
pub enum Step {
    C(&'static [&'static str]),
    N(&'static str),
    S(u8),
}

/// The quiz page, whatever screen it shows.
pub struct QuizPage<'s> {
    session: &'s Session,
    /// Inside an embed's cross-origin frame, clicks are the DOM's own `click()`: WebKit
    /// cannot scroll the host page to a control below its fold (the frame is as tall as
    /// the quiz), so a WebDriver click there would miss. Clicking itself is tested on
    /// the full page in every engine.
    in_frame: bool,
}

/// What the result screen shows.
#[derive(Debug)]
pub struct ResultView {
    /// `data-tier`: emergency, urgent, doctor-first, call-clinic or self-care.
    pub tier: String,
    pub headline: String,
    pub text: String,
}

/// A `tel:` call button and the number written beside it.
#[derive(Debug, PartialEq, Eq)]
pub struct CallLink {
    pub href: String,
    pub label: String,
    pub number_text: String,
}

impl<'s> QuizPage<'s> {
    /// Loads `url` and waits until the quiz shows its start screen.
    /// The browser session the page is in.
    pub fn session(&self) -> &'s Session {
        self.session
    }

    pub fn open(session: &'s Session, url: &str) -> QuizPage<'s> {
        session.goto(url);
        QuizPage::open_current(session)
    }

    /// The page the session is on, once the quiz shows its start screen.
    pub fn open_current(session: &'s Session) -> QuizPage<'s> {
        let page = QuizPage {
            session,
            in_frame: false,
        };
        page.session.wait_for("[data-testid='start-screen']");
        page
    }

    fn testid(testid: &str) -> String {
        format!("[data-testid='{testid}']")
    }

    /// Waits for `testid` to be present and enabled, then clicks it (retrying while the
    /// page re-renders).
    /// The quiz inside an embed's frame (the session already switched into it).
    pub fn in_frame(session: &'s Session) -> QuizPage<'s> {
        QuizPage {
            in_frame: true,
            ..QuizPage::open_current(session)
        }
    }

    pub fn click(&self, testid: &str) {
        self.click_as(testid, !self.in_frame);
    }

    /// Clicks with the driver (`real`: a press the page sees as the visitor's own, which
    /// the clipboard and the share sheet require), or with the DOM's `click()`.
    fn click_as(&self, testid: &str, real: bool) {
        let css = Self::testid(testid);
        self.session.wait_until_ok(&format!("clickable {css}"), || {
            let element = self.session.find(&css).ok_or("not in the page")?;
            if !element.is_enabled() {
                return Err("disabled".into());
            }
            if real {
                element.click()
            } else {
                element.dom_click()
            }
        });
    }

    pub fn element(&self, testid: &str) -> Element<'s> {
        self.session.wait_for(&Self::testid(testid))
    }

    pub fn has(&self, testid: &str) -> bool {
        self.session.find(&Self::testid(testid)).is_some()
    }

    /// The text of the start screen (waits for it).
    pub fn start_screen_text(&self) -> String {
        self.element("start-screen").text()
    }

    pub fn start(&self) {
        self.click("start");
        self.session.wait_for(&Self::testid("question"));
    }

    /// The id of the question on screen (`data-question`).
    pub fn question_id(&self) -> String {
        self.element("question")
            .attribute("data-question")
            .unwrap_or_default()
    }

    /// The progress line of the question on screen as numbers: "Question 3 of 14" is
    /// (3, 14, 14), "Question 3 of 13–16" is (3, 13, 16), in either language.
    pub fn progress(&self) -> (usize, usize, usize) {
        let text = self.element("progress").text();
        let numbers: Vec<usize> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        match numbers[..] {
            [n, m] => (n, m, m),
            [n, low, high] => (n, low, high),
            _ => panic!("no progress figures in {text:?}"),
        }
    }

    pub fn next_enabled(&self) -> bool {
        self.element("next").is_enabled()
    }

    pub fn is_chosen(&self, choice: &str) -> bool {
        self.element(&format!("choice-{choice}")).is_selected()
    }

    /// Picks `choices` on the current question (one, or several on a checklist),
    /// presses Next, and waits for the next screen (another question or the result).
    pub fn answer(&self, choices: &[&str]) {
        for choice in choices {
            self.click(&format!("choice-{choice}"));
        }
        self.next();
    }

    /// Answers question after question as `steps` say, checking each is on screen. A
    /// question the suite does not know (one a clinic added, see
    /// [`crate::runs::KNOWN`]) gets its default answer wherever it comes, before a step
    /// or after the last one; a known question out of the script's order fails.
    pub fn run(&self, steps: &crate::runs::Run) {
        for (question, step) in steps {
            self.answer_unknown_questions();
            let shown = self.question_id();
            assert_eq!(
                &shown, question,
                "the script answers {question}, but the screen asks {shown}"
            );
            match *step {
                Step::C(choices) => self.answer(choices),
                Step::N(number) => self.answer_number(number),
                Step::S(value) => self.answer_scale(value),
            }
        }
        self.answer_unknown_questions();
    }

    /// While the screen asks a question the suite does not know, answers it by default
    /// as the native tests do (`Question::default_answer`): "none of these" on a
    /// checklist, "no" on a yes-no question, the first choice of a single one, the
    /// middle of a scale; a number question gets 40.
    fn answer_unknown_questions(&self) {
        const DEFAULT: &str = "const q = document.querySelector(\"[data-testid='question']\");
            if (!q) return null;
            if (q.querySelector(\"[data-testid='number']\")) return 'number';
            const scale = q.querySelectorAll(\"[data-testid^='scale-']\");
            const pick = scale.length ? scale[Math.floor(scale.length / 2)]
                : q.querySelector('.choice--none input')
                || q.querySelector(\"[data-testid='choice-no']\")
                || q.querySelector('input');
            return pick.dataset.testid;";
        while self.has("question") {
            let shown = self.question_id();
            if crate::runs::KNOWN.contains(&shown.as_str()) {
                return;
            }
            match self.session.execute(DEFAULT, Vec::new()).as_str() {
                Some("number") => self.answer_number("40"),
                Some(testid) => {
                    self.click(testid);
                    self.next();
                }
                None => return,
            }
        }
    }

    /// Presses Next on each question, keeping its answer, until the result shows.
    pub fn next_until_result(&self) {
        for _ in 0..40 {
            if self.has("result") {
                return;
            }
            self.next();
        }
        panic!("no result after 40 times Next");
    }

    /// Taps `value` on a 0–10 scale and presses Next.
    pub fn answer_scale(&self, value: u8) {
        self.click(&format!("scale-{value}"));
        self.next();
    }

    /// Types `value` into a number question (age) and presses Next.
    pub fn answer_number(&self, value: &str) {
        let field = self.element("number");
        if self.in_frame {
            // See `in_frame`: the DOM's own input event, as typing raises it.
            let script = "arguments[0].value = arguments[1]; \
                          arguments[0].dispatchEvent(new InputEvent('input', { bubbles: true }));";
            self.session
                .execute(script, vec![field.reference(), value.into()]);
        } else {
            self.session
                .wait_until_ok("typing into the number field", || field.send_keys(value));
        }
        self.next();
    }

    fn next(&self) {
        let before = self.question_id();
        self.click("next");
        self.wait_to_leave(&before, "result");
    }

    /// Presses Back and waits for the previous screen (a question or the start).
    pub fn back(&self) {
        let before = self.question_id();
        self.click("back");
        self.wait_to_leave(&before, "start-screen");
    }

    /// Waits until question `before` is replaced by another question or by the screen
    /// `other`.
    fn wait_to_leave(&self, before: &str, other: &str) {
        self.session
            .wait_until(&format!("a screen after {before}"), || {
                if self.has(other) {
                    return Some(());
                }
                let now = self.session.find(&Self::testid("question"))?;
                (now.attribute("data-question")? != before).then_some(())
            });
    }

    /// Waits for the result screen and reads it.
    pub fn result(&self) -> ResultView {
        let result = self.element("result");
        ResultView {
            tier: result.attribute("data-tier").unwrap_or_default(),
            headline: self.headline(),
            text: result.text(),
        }
    }

    /// The result's headline as a screen reader reads it (the icon is `aria-hidden`).
    fn headline(&self) -> String {
        let script = "const h = document.querySelector(\"[data-testid='result-headline']\") \
                        .cloneNode(true); \
                      h.querySelectorAll('[aria-hidden]').forEach(e => e.remove()); \
                      return h.textContent.trim();";
        let value = self.session.execute(script, vec![]);
        value.as_str().unwrap_or_default().to_string()
    }

    /// The call button `testid` (e.g. `call-clinic`) with the number beside it.
    pub fn call_link(&self, testid: &str) -> CallLink {
        let link = self.element(testid);
        CallLink {
            href: link.attribute("href").unwrap_or_default(),
            label: link.text(),
            number_text: self.element(&format!("{testid}-number")).text(),
        }
    }

    /// From the result, back to the answers.
    pub fn edit_answers(&self) {
        self.click("edit-answers");
        self.session.wait_for(&Self::testid("question"));
    }

    /// Presses keys on whatever has focus.
    pub fn press(&self, keys: &[&str]) {
        self.session.press(keys);
    }

    /// Waits until question `id` is on screen.
    pub fn wait_for_question(&self, id: &str) {
        self.session.wait_for(&format!("[data-question='{id}']"));
    }

    /// How many choices the question on screen has.
    pub fn choice_count(&self) -> usize {
        let value = self.session.execute(
            "return document.querySelectorAll(\"[data-testid^='choice-']\").length;",
            vec![],
        );
        value.as_u64().unwrap_or(0) as usize
    }

    /// The text of `testid`, shown or not (e.g. what only the print stylesheet shows).
    pub fn text_content(&self, testid: &str) -> String {
        let value = self.session.execute(
            "const e = document.querySelector(`[data-testid='${arguments[0]}']`); \
             return e ? e.textContent : '';",
            vec![testid.into()],
        );
        value.as_str().unwrap_or_default().to_string()
    }

    /// Switches the language and waits until `<html lang>` follows.
    pub fn switch_language(&self, tag: &str) {
        self.click(&format!("lang-{tag}"));
        self.wait_for_html_lang(tag);
    }

    /// Waits until `<html lang>` is `tag` (the quiz sets it in an effect of its render).
    pub fn wait_for_html_lang(&self, tag: &str) {
        self.session.wait_until(&format!("<html lang={tag}>"), || {
            (self.html_lang() == tag).then_some(())
        });
    }

    pub fn html_lang(&self) -> String {
        let value = self
            .session
            .execute("return document.documentElement.lang;", vec![]);
        value.as_str().unwrap_or_default().to_string()
    }

    /// The `data-testid` of the focused element, or its tag name.
    pub fn focused(&self) -> String {
        let script = "const e = document.activeElement; \
                      return e ? (e.getAttribute('data-testid') || e.tagName.toLowerCase()) : '';";
        let value = self.session.execute(script, vec![]);
        value.as_str().unwrap_or_default().to_string()
    }

    /// The text of the live region that announces each step.
    pub fn announcement(&self) -> String {
        let script = "const e = document.querySelector(\"[data-testid='announce']\"); \
                      return e ? e.textContent : '';";
        let value = self.session.execute(script, vec![]);
        value.as_str().unwrap_or_default().to_string()
    }

    /// The browser's Back button, and the screen it leads to.
    pub fn browser_back(&self) {
        let before = self.question_id();
        self.session.back();
        self.wait_to_leave(&before, "start-screen");
    }

    /// The browser's Back button, once the page has handled it (its `popstate` and two
    /// frames after), whether or not the screen changes.
    pub fn browser_back_handled(&self) {
        let script = "const done = arguments[arguments.length - 1]; \
                      addEventListener('popstate', () => requestAnimationFrame(() => \
                        requestAnimationFrame(() => done(true))), { once: true }); \
                      history.back();";
        self.session.execute_async(script, vec![]);
    }

    /// Reloads the page and waits for the start screen.
    pub fn reload(&self) {
        self.session.refresh();
        self.session.wait_for(&Self::testid("start-screen"));
    }

    /// Reads `localStorage[key]`.
    pub fn stored(&self, key: &str) -> Option<String> {
        let value = self.session.execute(
            "return localStorage.getItem(arguments[0]);",
            vec![key.into()],
        );
        value.as_str().map(String::from)
    }

    /// Writes `localStorage[key]`.
    pub fn store(&self, key: &str, value: &str) {
        self.session.execute(
            "localStorage.setItem(arguments[0], arguments[1]);",
            vec![key.into(), value.into()],
        );
    }

    /// Replaces the browser's `navigator.share` with a stub at its boundary that
    /// records each text it is given (no engine here has a share sheet a test can
    /// drive); [`QuizPage::shared`] reads them. Before the result screen renders: the
    /// quiz offers "Share" only where the browser has it.
    pub fn stub_share(&self) {
        self.session.execute(
            "window.__shared = []; \
             navigator.share = data => { window.__shared.push(data.text); \
               return Promise.resolve(); }; return 1;",
            vec![],
        );
    }

    /// Every text the stub of [`QuizPage::stub_share`] was given, once there is one.
    pub fn shared(&self) -> Vec<String> {
        self.session.wait_until("the share stub to be called", || {
            let shared = string_list(&self.session.execute("return window.__shared;", vec![]));
            (!shared.is_empty()).then_some(shared)
        })
    }

    /// Presses "Copy as text" (with the driver, in a frame too: the clipboard wants the
    /// visitor's own press) and waits until the quiz says `said`.
    pub fn copy_summary(&self, said: &str) {
        self.click_as("copy-summary", true);
        self.session.wait_until_ok("the copy to be said", || {
            let now = self.element("take-along-status").text();
            (now == said).then_some(()).ok_or(now)
        });
    }

    /// Puts `text` on the clipboard as a keyboard would (Ctrl+C in a field the test adds
    /// to the page), so that a paste after a copy shows that copy's text, not an
    /// earlier one's.
    pub fn put_on_clipboard(&self, text: &str) {
        self.session.execute(
            "const t = document.createElement('textarea'); t.id = 'e2e-copy'; \
             t.value = arguments[0]; document.body.append(t); t.focus(); t.select(); \
             return 1;",
            vec![text.into()],
        );
        self.session.press_with(keys::CONTROL, "c");
        self.session.execute(
            "document.getElementById('e2e-copy').remove(); return 1;",
            vec![],
        );
        assert_eq!(
            self.paste(),
            text,
            "the clipboard did not take the test's text"
        );
    }

    /// What the clipboard holds, pasted as a keyboard would (Ctrl+V) into a field the
    /// test adds to the page, and the field removed again.
    pub fn paste(&self) -> String {
        self.session.execute(
            "const t = document.createElement('textarea'); t.id = 'e2e-paste'; \
             document.body.append(t); t.focus(); return 1;",
            vec![],
        );
        self.session.press_with(keys::CONTROL, "v");
        let pasted = self.session.execute(
            "const t = document.getElementById('e2e-paste'); const v = t.value; \
             t.remove(); return v;",
            vec![],
        );
        pasted.as_str().unwrap_or_default().to_string()
    }

    /// Runs axe-core on the page (injected from `E2E_AXE`) and returns its violations as
    /// "rule: target, target" lines. No rule is disabled and nothing is excluded.
    pub fn accessibility_violations(&self) -> Vec<String> {
        let loaded = self
            .session
            .execute("return typeof axe !== 'undefined';", vec![]);
        if loaded != serde_json::Value::Bool(true) {
            let path = std::env::var("E2E_AXE")
                .expect("E2E_AXE names axe.min.js (cargo xtask test sets it)");
            let source = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read axe-core at {path}: {e}"));
            self.session
                .execute(&format!("{source}\nreturn true;"), vec![]);
        }
        let script = "const done = arguments[arguments.length - 1]; \
            axe.run(document).then( \
              r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + \
                v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).join(' | '))), \
              e => done(['axe failed: ' + e]));";
        string_list(&self.session.execute_async(script, vec![]))
    }
}

/// The CSP violations the page has seen since it started (the test server puts a
/// listener first in the page; see `server::CSP_LISTENER`).
pub fn csp_violations(session: &Session) -> Vec<String> {
    string_list(&session.execute("return window.__violations || ['no listener'];", vec![]))
}

/// A script's list of strings, or one line saying what came back instead (so that a
/// broken probe fails a test rather than passing it as "nothing found").
pub fn string_list(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .map(|v| {
            v.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_else(|| vec![format!("not a list: {value}")])
}

/// The service worker's state: whether it controls the page, each of the quiz's copies
/// of its deployment with the paths it keeps, and the language pack the quiz keeps
/// (`packs`, the caches `symptom-quiz-packs-<tag>`: `src/edge/pack.rs`).
pub fn offline_copy(session: &Session) -> serde_json::Value {
    session.execute_async(
        "const done = arguments[arguments.length - 1];\n\
         (async () => {\n\
           const kept = {};\n\
           let packs = [];\n\
           for (const name of await caches.keys()) {\n\
             // Opening a cache the worker has just deleted would create it again.\n\
             if (!name.startsWith('symptom-quiz-') || !(await caches.has(name))) continue;\n\
             const requests = await (await caches.open(name)).keys();\n\
             const paths = requests.map(r => new URL(r.url).pathname).sort();\n\
             if (name.startsWith('symptom-quiz-packs')) packs = packs.concat(paths); else kept[name] = paths;\n\
           }\n\
           return { controlled: !!navigator.serviceWorker.controller, kept, packs };\n\
         })().then(done, e => done({ error: String(e) }));",
        vec![],
    )
}

/// Waits until the quiz keeps the language pack `pack` (`/lang/es-….txt`, under the
/// deployment's path) for offline visits.
pub fn wait_for_kept_pack(session: &Session, pack: &str) {
    session.wait_until_ok("the language pack kept", || {
        let state = offline_copy(session);
        let packs = string_list(&state["packs"]);
        if packs.iter().any(|p| p.ends_with(pack)) {
            Ok(())
        } else {
            Err(format!("{state}"))
        }
    })
}

/// Waits until the worker controls the page and keeps exactly one copy, holding the
/// page (kept under its folder's path, `page`) and `wasm`; returns that copy's cache
/// name and paths.
pub fn wait_for_offline_copy(session: &Session, page: &str, wasm: &str) -> (String, Vec<String>) {
    session.wait_until_ok("one complete offline copy", || {
        let state = offline_copy(session);
        let kept = state["kept"].as_object().ok_or(format!("{state}"))?;
        if state["controlled"] != true || kept.len() != 1 {
            return Err(format!("{state}"));
        }
        let (name, paths) = kept.iter().next().unwrap();
        let paths = string_list(paths);
        if !paths.iter().any(|p| p.ends_with(wasm)) || !paths.iter().any(|p| p == page) {
            return Err(format!("{state}"));
        }
        Ok((name.clone(), paths))
    })
}
