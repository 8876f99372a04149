//! Page objects: what a visitor does and sees, in terms of the quiz's `data-testid`s.

use crate::webdriver::{Element, Session};

/// The quiz page, whatever screen it shows.
pub struct QuizPage<'s> {
    session: &'s Session,
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
    pub fn open(session: &'s Session, url: &str) -> QuizPage<'s> {
        session.goto(url);
        let page = QuizPage { session };
        page.session.wait_for("[data-testid='start-screen']");
        page
    }

    fn testid(testid: &str) -> String {
        format!("[data-testid='{testid}']")
    }

    /// Waits for `testid` to be present and enabled, then clicks it (retrying while the
    /// page re-renders).
    pub fn click(&self, testid: &str) {
        let css = Self::testid(testid);
        self.session.wait_until_ok(&format!("clickable {css}"), || {
            let element = self.session.find(&css).ok_or("not in the page")?;
            if !element.is_enabled() {
                return Err("disabled".into());
            }
            element.click()
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

    /// Taps `value` on a 0–10 scale and presses Next.
    pub fn answer_scale(&self, value: u8) {
        self.click(&format!("scale-{value}"));
        self.next();
    }

    /// Types `value` into a number question (age) and presses Next.
    pub fn answer_number(&self, value: &str) {
        let field = self.element("number");
        self.session
            .wait_until_ok("typing into the number field", || field.send_keys(value));
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
            headline: self.element("result-headline").text(),
            text: result.text(),
        }
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

    /// Every URL the page loaded, as the browser reports it (Resource Timing).
    pub fn loaded_urls(&self) -> Vec<String> {
        let script = "return performance.getEntries()\
                      .filter(e => e.entryType === 'navigation' || e.entryType === 'resource')\
                      .map(e => e.name);";
        let value = self.session.execute(script, vec![]);
        value
            .as_array()
            .map(|urls| {
                urls.iter()
                    .filter_map(|u| u.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }
}
