//! Walks through every screen of the quiz that several tests share: the accessibility
//! audit, which also leaves the screenshots for review, run in each colour scheme.

use crate::runs::{
    at, TO_CALL_CLINIC, TO_DOCTOR_FIRST, TO_EMERGENCY, TO_POISON_CONTROL, TO_SELF_CARE, TO_URGENT,
};
use crate::QuizPage;

/// axe-core (WCAG 2.0–2.2 A and AA rules, none disabled) on every screen in both
/// languages: the start, each question kind, each tier's result, the emergency notice
/// on a question; fails naming the screen and each violation.
///
/// The same walk leaves the screenshots for review (not compared): in English, the
/// start, a checklist, the scale and each tier's result, at a phone's 375 px and a
/// desktop's 1280 px, in `target/e2e/screenshots/`, each file named
/// `<engine>-<shots><width>-<screen>.png` (`shots`: "" or "dark-").
pub fn audit_every_screen(page: &QuizPage, shots: &str) {
    let audit = |screen: &str| {
        let mut violations = page.accessibility_violations();
        violations.extend(faint_edges(page));
        assert!(
            violations.is_empty(),
            "{screen} ({}): {} violation(s) (axe, and edges under 3:1):\n{}",
            page.html_lang(),
            violations.len(),
            violations.join("\n")
        );
    };
    for lang in ["en", "es"] {
        page.switch_language(lang);
        let shoot = |name: &str| {
            if lang == "en" {
                screenshot(page, &format!("{shots}{{}}-{name}"));
            }
        };
        shoot("start");
        audit("start");
        page.start();
        shoot("question-checklist");
        audit("checklist");
        let stop = |q| at(TO_DOCTOR_FIRST, q);
        page.run(&TO_DOCTOR_FIRST[..stop("injury")]);
        audit("single choice");
        page.run(&TO_DOCTOR_FIRST[stop("injury")..stop("age")]);
        audit("number");
        page.run(&TO_DOCTOR_FIRST[stop("age")..stop("first-time")]);
        assert_eq!(page.question_id(), "first-time");
        audit("yes-no");
        page.run(&TO_DOCTOR_FIRST[stop("first-time")..stop("how-bad")]);
        assert_eq!(page.question_id(), "how-bad");
        page.click("scale-4");
        shoot("question-scale");
        audit("scale");
        page.run(&TO_DOCTOR_FIRST[stop("how-bad")..]);
        shoot("result-doctor-first");
        audit("doctor-first result");
        for (steps, tier, shot) in [
            (TO_EMERGENCY, "emergency", "result-emergency"),
            (TO_URGENT, "urgent", "result-urgent"),
            (TO_CALL_CLINIC, "call-clinic", "result-call-clinic"),
            (TO_SELF_CARE, "self-care", "result-self-care"),
            (TO_POISON_CONTROL, "emergency", "result-poison-control"),
        ] {
            page.click("start-over");
            page.start();
            page.run(steps);
            assert_eq!(page.result().tier, tier);
            shoot(shot);
            audit(&format!("{tier} result"));
            if tier == "emergency" {
                page.edit_answers();
                audit("question with the emergency notice");
                page.click("next");
                page.result();
            }
        }
        page.click("start-over");
        page.element("start");
    }
}

/// A screenshot of the page at a phone's 375 px and a desktop's 1280 px; `name` has
/// `{}` where the width goes. Firefox and WebKitGTK have a minimum window width (about
/// 450–500 px): the file is named by the width reached. The window stays 1280 px wide.
fn screenshot(page: &QuizPage, name: &str) {
    for width in [375, 1280] {
        let reached = page.session().set_viewport_width(width, 900);
        page.session()
            .save_screenshot(&name.replace("{}", &reached.to_string()));
    }
}

/// What axe does not audit, WCAG 1.4.11 (non-text contrast, 3:1): the edge of each
/// control (choices, scale points, buttons, call links, language buttons, the number
/// field) and the focus ring (the accent) against the page's background. Returns one
/// line per edge that fails.
pub fn faint_edges(page: &QuizPage) -> Vec<String> {
    let script = "\
        const rgb = c => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);\
        const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255;\
          return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });\
          return 0.2126 * r + 0.7152 * g + 0.0722 * b; };\
        const ratio = (a, b) => { const x = lum(a), y = lum(b);\
          return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };\
        const bg = getComputedStyle(document.body).backgroundColor;\
        const out = [];\
        const controls = '.choice, .scale__point span, .lang, .button:not(:disabled), .call, input.number';\
        for (const el of document.querySelectorAll(controls)) {\
          const cs = getComputedStyle(el);\
          if (cs.borderTopStyle === 'none' || parseFloat(cs.borderTopWidth) === 0) continue;\
          const r = ratio(cs.borderTopColor, bg);\
          if (r < 3) out.push('edge of ' + (el.dataset.testid || el.className) + ': ' +\
            cs.borderTopColor + ' on ' + bg + ', ' + r.toFixed(2) + ':1');\
        }\
        const probe = document.createElement('span');\
        probe.style.color = 'var(--accent)';\
        document.querySelector('.quiz').appendChild(probe);\
        const ring = getComputedStyle(probe).color; probe.remove();\
        const r = ratio(ring, bg);\
        if (r < 3) out.push('focus ring ' + ring + ' on ' + bg + ', ' + r.toFixed(2) + ':1');\
        return out;";
    crate::pages::string_list(&page.session().execute(script, vec![]))
}

/// The screens a reflow check looks at, in order: the start, a checklist, the scale and
/// the call-clinic result; `fits` checks each, given its name.
pub fn walk_reflow_screens(page: &QuizPage, fits: impl Fn(&str)) {
    fits("start");
    page.start();
    fits("checklist");
    let scale = at(TO_CALL_CLINIC, "how-bad");
    page.run(&TO_CALL_CLINIC[..scale]);
    fits("scale");
    page.run(&TO_CALL_CLINIC[scale..]);
    fits("call-clinic result");
}
