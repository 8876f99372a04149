//! Accessible in every scheme (issue 20): the dark colour scheme in every engine (the
//! same axe audit and edge check as the light one in `quiz.rs`, a page's accent,
//! screenshots for review), forced colours (Windows High Contrast, emulated in
//! Chromium), and reflow at 400 % zoom of a 1280 px window.

use e2e::runs::{at, TO_CALL_CLINIC, TO_EMERGENCY};
use e2e::webdriver::Session;
use e2e::{Engine, Harness, QuizPage};
use serde_json::json;

/// The page really is in the dark scheme: the media query matches and the quiz's dark
/// background is painted (a test that fails if the browser was not made dark).
fn assert_dark(session: &Session) {
    let seen = session.execute(
        "return [matchMedia('(prefers-color-scheme: dark)').matches,\
           getComputedStyle(document.body).backgroundColor];",
        vec![],
    );
    assert_eq!(
        seen,
        json!([true, "rgb(22, 24, 27)"]),
        "not in the dark scheme"
    );
}

/// The audit's walk also leaves the dark screenshots for review.
fn accessibility_audit_finds_nothing_in_the_dark(h: Harness) {
    let page = h.open();
    assert_dark(&h.session);
    e2e::walks::audit_every_screen(&page, "dark-");
}

/// A page's accent (`?accent=`, `data-accent`) is dark enough for white, so unreadable
/// on the dark background: the dark scheme uses its lighter variant, which reads there
/// (edges and focus ring 3:1, text on buttons and links 4.5:1 by axe).
fn a_page_accent_reads_in_the_dark(h: Harness) {
    h.session.goto(&h.server.url("/?accent=%23006400"));
    let page = QuizPage::open_current(&h.session);
    assert_dark(&h.session);
    let border = h.session.execute(
        "return getComputedStyle(document.querySelector(\"[data-testid='call-911']\"))\
           .borderTopColor;",
        vec![],
    );
    assert_ne!(
        border, "rgb(0, 100, 0)",
        "the light accent on the dark background"
    );
    assert_eq!(e2e::walks::faint_edges(&page), Vec::<String>::new());
    let violations = page.accessibility_violations();
    assert!(violations.is_empty(), "{violations:#?}");
    page.start();
    assert_eq!(e2e::walks::faint_edges(&page), Vec::<String>::new());

    // Negative control: the light accent and a faint border, forced in through the
    // CSSOM, are reported.
    h.session.execute(
        "const q = document.querySelector('.quiz');\
         q.style.setProperty('--custom-accent-dark', '#0b5cad');\
         q.style.setProperty('--border', '#303030'); return 1;",
        vec![],
    );
    let faint = e2e::walks::faint_edges(&page);
    assert!(
        faint.iter().any(|f| f.starts_with("edge of choice"))
            && faint.iter().any(|f| f.starts_with("focus ring")),
        "{faint:#?}"
    );
}

mod dark {
    use super::*;
    e2e::in_every_engine!(
        with start_dark: accessibility_audit_finds_nothing_in_the_dark,
        a_page_accent_reads_in_the_dark,
    );
}

/// Computed values under `forced-colors: active`, for the checks below.
fn computed(session: &Session, css: &str, property: &str) -> String {
    let value = session.execute(
        "const el = document.querySelector(arguments[0]);\
         return el ? getComputedStyle(el).getPropertyValue(arguments[1]) : 'missing';",
        vec![css.into(), property.into()],
    );
    value.as_str().unwrap_or_default().to_string()
}

/// Forced colours (Chromium's emulation of Windows High Contrast): the system palette
/// replaces every colour, and with it every background. Controls keep an edge, the
/// focus ring shows, the chosen point of the scale stands apart from the others, each
/// result's icon keeps its badge, and radios and checkboxes are the system's own.
/// Screenshots for review: `chromium-forced-*.png`.
fn forced_colours_keep_every_control_visible(h: Harness) {
    h.session.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "forced-colors", "value": "active" }] }),
    );
    let page = h.open();
    let forced = h.session.execute(
        "return matchMedia('(forced-colors: active)').matches;",
        vec![],
    );
    assert_eq!(forced, true, "forced colours are not emulated");
    let bg = computed(&h.session, "body", "background-color");
    let edge = |css: &str| {
        let width = computed(&h.session, css, "border-top-width");
        let color = computed(&h.session, css, "border-top-color");
        assert!(
            width != "0px" && color != bg,
            "{css}: border {width} {color} on {bg}"
        );
    };
    edge("[data-testid='call-911']");
    edge("[data-testid='start']");
    page.start();
    h.session.save_screenshot("forced-question-checklist");
    edge(".choice");
    let input = computed(&h.session, ".choice input", "forced-color-adjust");
    assert_eq!(
        input, "auto",
        "radios and checkboxes are drawn by the system"
    );
    // The focus ring: a visible outline in a system colour.
    page.press(&[e2e::webdriver::keys::TAB]);
    let ring = h.session.execute(
        "const s = getComputedStyle(document.activeElement);\
         return [s.outlineStyle, s.outlineWidth, s.outlineColor];",
        vec![],
    );
    assert_eq!(ring[0], "solid", "{ring}");
    assert_ne!(ring[2].as_str(), Some(bg.as_str()), "{ring}");

    let scale = at(TO_CALL_CLINIC, "how-bad");
    page.run(&TO_CALL_CLINIC[..scale]);
    page.click("scale-4");
    let chosen = computed(&h.session, "input:checked + span", "background-color");
    let other = computed(&h.session, "input:not(:checked) + span", "background-color");
    assert_ne!(chosen, other, "the chosen point looks like the others");
    h.session.save_screenshot("forced-question-scale");
    page.run(&TO_CALL_CLINIC[scale..]);

    page.click("start-over");
    page.start();
    page.run(TO_EMERGENCY);
    assert_eq!(page.result().tier, "emergency");
    let badge = computed(&h.session, ".tier-icon", "border-top-style");
    assert_eq!(badge, "solid", "the tier's icon lost its badge");
    edge("[data-testid='call-911']");
    h.session.save_screenshot("forced-result-emergency");
}

/// Reflow (WCAG 1.4.10) at 400 % zoom of a 1280 × 900 window, that is 320 × 225 CSS
/// pixels: no screen scrolls sideways and no text is cut off. Emulated in Chromium,
/// through its device metrics. Firefox's window is never narrower than 500 CSS pixels
/// (at any scale) and WebKitGTK's than 447, and neither's page zoom is within
/// WebDriver's reach: both are checked at their narrowest window by `quiz.rs`.
fn every_screen_reflows_at_400_percent(h: Harness) {
    let page = h.open();
    assert_eq!(
        h.engine,
        Engine::Chromium,
        "zoom is emulated in Chromium only"
    );
    h.session.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 320, "height": 225, "deviceScaleFactor": 4, "mobile": false }),
    );
    let size = h
        .session
        .execute("return [innerWidth, devicePixelRatio];", vec![]);
    assert_eq!(size, json!([320, 4]), "not 400 % of 1280 px");
    let fits = |screen: &str| {
        let problems = h.session.execute(
            "const out = []; const width = document.documentElement.clientWidth;\
             if (document.documentElement.scrollWidth > width)\
               out.push('the page scrolls sideways by ' +\
                 (document.documentElement.scrollWidth - width) + ' px');\
             for (const el of document.querySelectorAll('.quiz *')) {\
               const r = el.getBoundingClientRect();\
               if (r.width === 0) continue;\
               if (r.right > width + 1) out.push((el.dataset.testid || el.className || el.tagName)\
                 + ' ends at ' + Math.round(r.right) + ' px');\
               const s = getComputedStyle(el);\
               if (/hidden|clip/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 1\
                   && !el.classList.contains('visually-hidden'))\
                 out.push((el.dataset.testid || el.className) + ' cuts its text');\
             }\
             return out.slice(0, 10);",
            vec![],
        );
        let problems = e2e::pages::string_list(&problems);
        assert!(problems.is_empty(), "{screen} at 400 %: {problems:#?}");
    };
    e2e::walks::walk_reflow_screens(&page, fits);
    page.click("start-over");
    page.start();
    page.run(TO_EMERGENCY);
    fits("emergency result");
    h.session.save_screenshot("zoom-400-result-emergency");
}

mod forced_colors {
    mod chromium {
        #[test]
        fn forced_colours_keep_every_control_visible() {
            let h = e2e::Harness::start(e2e::Engine::Chromium, "forced_colours");
            super::super::forced_colours_keep_every_control_visible(h);
        }
    }
}

mod zoom {
    mod chromium {
        #[test]
        fn every_screen_reflows_at_400_percent() {
            let h = e2e::Harness::start(e2e::Engine::Chromium, "zoom_400");
            super::super::every_screen_reflows_at_400_percent(h);
        }
    }
}
