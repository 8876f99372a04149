//! Hostile input in the browser, table-driven, in every engine: URL parameters, embed
//! attributes, `postMessage` and `localStorage`. Every case has one precise outcome: a
//! working quiz with its defaults (and one console warning naming what was ignored), the
//! clinic's own name and number, and no error. Broken content files are the host's
//! share of the table (`crates/quiz/tests/core/hostile.rs`): they fail the build with a precise error.

use e2e::host::Host;
use e2e::pages::csp_violations;
use e2e::runs::TO_SELF_CARE;
use e2e::{in_every_engine, Harness, QuizPage, StaticServer};
use serde_json::{json, Value};

const PROGRESS_KEY: &str = "symptom-quiz:progress";
const LANG_KEY: &str = "symptom-quiz:lang";

fn js(h: &Harness, script: &str) -> Value {
    h.session.execute(script, vec![])
}

/// What the quiz looks like on its start screen: language, accent colour, corner radius,
/// font, the clinic's name. Equal to the defaults' look when every setting was ignored.
fn look(h: &Harness) -> Value {
    QuizPage::open_current(&h.session);
    js(
        h,
        "const start = getComputedStyle(document.querySelector(\"[data-testid='start']\"));\
         return { lang: document.documentElement.lang, accent: start.backgroundColor,\
                  radius: start.borderTopLeftRadius, font: start.fontFamily,\
                  clinic: document.querySelector('.quiz__clinic').textContent };",
    )
}

fn warnings(h: &Harness) -> Vec<String> {
    e2e::pages::string_list(&js(h, "return window.__warnings || ['no recorder'];"))
}

/// Exactly one warning, naming `warned` ("ignored NAME="), or none when `warned` is
/// `None`.
fn assert_warned(case: &str, warnings: &[String], warned: Option<&str>) {
    match warned {
        Some(name) => assert!(
            warnings.len() == 1 && warnings[0].contains(&format!("ignored {name}=")),
            "{case}: {warnings:?}"
        ),
        None => assert!(warnings.is_empty(), "{case}: {warnings:?}"),
    }
}

/// The quiz works: Start shows the first question.
fn starts(h: &Harness) {
    let page = QuizPage::open_current(&h.session);
    page.start();
    assert_eq!(page.question_id(), e2e::runs::TO_SELF_CARE[0].0);
}

/// URL parameters on the full page: (case, query, the parameter the one warning names;
/// `None`: the parameter is not one the quiz reads, so nothing is said).
fn url_cases() -> Vec<(&'static str, String, Option<&'static str>)> {
    vec![
        (
            "script in lang",
            "lang=%3Cscript%3Ealert(1)%3C/script%3E".into(),
            Some("lang"),
        ),
        ("NUL inside lang", "lang=e%00s".into(), Some("lang")),
        (
            "javascript: URL as accent",
            "accent=javascript:alert(1)".into(),
            Some("accent"),
        ),
        (
            "CSS injection in accent",
            "accent=red;background:url(http://evil.example/x)".into(),
            Some("accent"),
        ),
        (
            "right-to-left override before a colour",
            "accent=%E2%80%AE%23000000".into(),
            Some("accent"),
        ),
        (
            "full-width number sign",
            "accent=%EF%BC%83000000".into(),
            Some("accent"),
        ),
        (
            "a 100 KB accent",
            format!("accent={}", "a".repeat(100_000)),
            Some("accent"),
        ),
        (
            "a huge radius",
            "radius=99999999999999999999999".into(),
            Some("radius"),
        ),
        (
            "a web font by URL",
            "font=url(http://fonts.example/x.woff)".into(),
            Some("font"),
        ),
        (
            "markup as save",
            "save=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E".into(),
            Some("save"),
        ),
        (
            "the clinic's identity from the URL",
            "phone=%2B19005550100&name=Evil%20Clinic&clinic=x".into(),
            None,
        ),
    ]
}

fn hostile_url_parameters_leave_a_working_quiz_with_defaults(h: Harness) {
    h.open();
    let defaults = look(&h);
    let cases = url_cases();
    assert!(cases.len() >= 10);
    for (case, query, warned) in cases {
        h.session.goto(&h.server.url(&format!("/?{query}")));
        assert_eq!(look(&h), defaults, "{case}");
        assert_warned(case, &warnings(&h), warned);
        assert!(
            csp_violations(&h.session).is_empty(),
            "{case}: {:?}",
            csp_violations(&h.session)
        );
        starts(&h);
        js(&h, "localStorage.clear(); return 1;");
    }
    assert!(
        h.proxy.page_requests().is_empty(),
        "{:?}",
        h.proxy.page_requests()
    );
}

/// Embed attributes: (case, the snippet's attributes, the attribute the loader's one
/// warning names, if the loader refuses it; otherwise the quiz inside ignores it).
fn attribute_cases() -> Vec<(&'static str, String, Option<&'static str>)> {
    let mega = "x".repeat(1 << 20);
    vec![
        (
            "a 1 MB accent",
            format!("data-accent=\"{mega}\""),
            Some("data-accent"),
        ),
        (
            "an attribute breaking out of the URL",
            "data-lang='es\" onload=\"alert(1)'".into(),
            None,
        ),
        (
            "javascript: URL as radius",
            "data-radius=\"javascript:alert(1)\"".into(),
            None,
        ),
        (
            "a web font by URL",
            "data-font=\"url(//fonts.example/f.woff)\"".into(),
            None,
        ),
        (
            "script as save",
            "data-save=\"'; localStorage.clear(); '\"".into(),
            None,
        ),
        (
            "NUL after a mode",
            "data-mode=\"popup&#0;\"".into(),
            Some("data-mode"),
        ),
    ]
}

fn hostile_embed_attributes_leave_a_working_quiz_with_defaults(h: Harness) {
    h.open();
    let defaults = look(&h);
    let cases = attribute_cases();
    for (i, (case, attributes, warned)) in cases.into_iter().enumerate() {
        let snippet = format!("<div id=\"q\" data-symptom-quiz {attributes}></div>");
        let host = Host::new(&h, &format!("attribute-{i}"), &snippet);
        h.session.goto(&host.server.url("/"));
        js(
            &h,
            "setTimeout(() => document.getElementById('q').scrollIntoView(), 100); return 1;",
        );
        let frame = h.session.wait_for("#q iframe");
        let src = frame.attribute("src").unwrap_or_default();
        assert!(
            src.len() < 400,
            "{case}: the frame's URL carries it: {} bytes",
            src.len()
        );
        assert_warned(case, &warnings(&h), warned);
        h.session.switch_to_frame("#q iframe");
        assert_eq!(look(&h), defaults, "{case}");
        let page = QuizPage::in_frame(&h.session);
        page.start();
        assert_eq!(page.question_id(), e2e::runs::TO_SELF_CARE[0].0, "{case}");
        assert_eq!(
            js(&h, "return localStorage.getItem('symptom-quiz:progress');"),
            Value::Null,
            "{case}: an embed saved progress"
        );
        h.session.switch_to_top();
        assert!(
            csp_violations(&h.session).is_empty(),
            "{case}: {:?}",
            csp_violations(&h.session)
        );
    }
    assert!(
        h.proxy.page_requests().is_empty(),
        "{:?}",
        h.proxy.page_requests()
    );
}

/// Messages to the loader from the quiz's own frame (the right origin and window, so
/// only the shape check stands between them and the host page) and from the host page
/// itself, then messages into the quiz. (case, from, message script, the events that
/// may result).
fn message_cases() -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
)> {
    vec![
        ("a height of a billion", "frame", "parent.postMessage({ v: 1, type: 'height', height: 1e9 }, '*')", &[]),
        ("a height as text", "frame", "parent.postMessage({ v: 1, type: 'height', height: '900' }, '*')", &[]),
        ("another protocol version", "frame", "parent.postMessage({ v: 2, type: 'call' }, '*')", &[]),
        ("a type from Object.prototype", "frame", "parent.postMessage({ v: 1, type: 'toString' }, '*'); parent.postMessage({ v: 1, type: '__proto__' }, '*')", &[]),
        ("a step past the end", "frame", "parent.postMessage({ v: 1, type: 'step', index: 50, total: 2 }, '*')", &[]),
        ("a tier the host did not ask for", "frame", "parent.postMessage({ v: 1, type: 'complete', tier: 'emergency' }, '*')", &["symptom-quiz:complete"]),
        ("a 1 MB string", "frame", "parent.postMessage('x'.repeat(1 << 20), '*')", &[]),
        ("a flood of 10,000 bad shapes", "frame", "for (let i = 0; i < 10000; i++) parent.postMessage({ v: 1, type: 'step', index: -i }, '*')", &[]),
        ("a call from the host page itself", "host", "window.postMessage({ v: 1, type: 'call' }, '*')", &[]),
        ("a new phone number into the quiz", "host", "document.querySelector('#q iframe').contentWindow.postMessage({ v: 1, type: 'clinic', phone: '+19005550100', name: 'Evil' }, '*')", &[]),
        ("markup into the quiz", "host", "document.querySelector('#q iframe').contentWindow.postMessage('<img src=x onerror=alert(1)>', '*')", &[]),
    ]
}

fn hostile_messages_change_nothing(h: Harness) {
    let snippet = "<div id=\"q\" data-symptom-quiz></div>";
    let host = Host::new(&h, "messages", snippet);
    h.session.goto(&host.server.url("/"));
    js(&h, "setTimeout(() => document.getElementById('q').scrollIntoView(), 100);\
            window.__markers = []; window.addEventListener('message', e => {\
              if (typeof e.data === 'string' && e.data.startsWith('marker-')) window.__markers.push(e.data); });\
            return 1;");
    Host::wait_for_event(&h, "ready");
    let height = || {
        js(
            &h,
            "return document.querySelector('#q iframe').clientHeight;",
        )
    };
    h.session.wait_until("the frame to size itself", || {
        (height().as_i64()? > 100).then_some(())
    });
    let before = height();
    let cases = message_cases();
    assert!(cases.len() >= 10);
    for (i, (case, from, script, allowed)) in cases.into_iter().enumerate() {
        js(&h, "window.__dispatched = []; return 1;");
        // The marker goes the same way after the case, so once it arrives the case's
        // messages have been handled.
        let marker = format!("marker-{i}");
        if from == "frame" {
            h.session.switch_to_frame("#q iframe");
            js(
                &h,
                &format!("{script}; parent.postMessage('{marker}', '*'); return 1;"),
            );
            h.session.switch_to_top();
        } else {
            js(
                &h,
                &format!("{script}; window.postMessage('{marker}', '*'); return 1;"),
            );
        }
        h.session.wait_until(&format!("{case}: the marker"), || {
            let markers = js(&h, "return window.__markers;");
            markers
                .as_array()?
                .iter()
                .any(|m| m == &json!(marker))
                .then_some(())
        });
        let dispatched = e2e::pages::string_list(&js(&h, "return window.__dispatched;"));
        assert_eq!(dispatched, allowed.to_vec(), "{case}");
        assert_eq!(height(), before, "{case}: the frame was resized");
    }
    let complete = Host::events(&h)
        .into_iter()
        .find(|e| e["type"] == "complete");
    assert_eq!(
        complete.map(|e| e["detail"].clone()),
        Some(json!({})),
        "the tier was passed on"
    );
    // The quiz inside is untouched: it works, with the clinic's own name and number.
    h.session.switch_to_frame("#q iframe");
    assert_eq!(look(&h)["clinic"], e2e::server::clinic_value("name"));
    let page = QuizPage::in_frame(&h.session);
    page.start();
    page.run(TO_SELF_CARE);
    assert_eq!(page.result().tier, "self-care");
    assert_eq!(
        page.call_link("call-clinic").href,
        e2e::server::clinic_phone().tel
    );
    h.session.switch_to_top();
    assert!(
        csp_violations(&h.session).is_empty(),
        "{:?}",
        csp_violations(&h.session)
    );
}

/// Fills this origin's storage until the browser refuses more (the real quota).
const FILL_STORAGE: &str = "let size = 1 << 20, n = 0;\
    while (size >= 16 && n < 10000) {\
      try { localStorage.setItem('filler-' + n, 'x'.repeat(size)); n++; }\
      catch (e) { size = size >> 1; }\
    }\
    try { localStorage.setItem('probe', 'x'.repeat(64)); return 'not full'; }\
    catch (e) { return e.name; }";

/// Makes storage unavailable before the app starts, as a browser with site data
/// blocked does: reading `localStorage` throws a SecurityError.
const STORAGE_DISABLED: &str = "Object.defineProperty(window, 'localStorage', {\
      get: function () { throw new DOMException('The operation is insecure.', 'SecurityError'); }\
    });";

/// Stored values under the quiz's keys: (case, key, value from a real saved line).
fn storage_cases(real: &str) -> Vec<(&'static str, &'static str, String)> {
    let fields: Vec<&str> = real.split('|').collect();
    let with = |i: usize, value: &str| {
        let mut f = fields.clone();
        f[i] = value;
        f.join("|")
    };
    vec![
        (
            "JSON from another app",
            PROGRESS_KEY,
            "{\"answers\":{\"age\":44},\"v\":3}".into(),
        ),
        ("corrupt JSON", PROGRESS_KEY, "{\"answers\": [".into()),
        (
            "an older format",
            PROGRESS_KEY,
            real.replacen("sq1|", "sq0|", 1),
        ),
        (
            "another content version",
            PROGRESS_KEY,
            with(1, "1999-01-01"),
        ),
        (
            "saved in the future",
            PROGRESS_KEY,
            with(2, "99999999999999"),
        ),
        (
            "an answer out of range",
            PROGRESS_KEY,
            format!("{real};age=#99999999999999999999"),
        ),
        (
            "markup as an answer",
            PROGRESS_KEY,
            with(6, "nerve-signs=<script>alert(1)</script>"),
        ),
        ("a 1 MB value", PROGRESS_KEY, "x".repeat(1 << 20)),
        ("binary junk", PROGRESS_KEY, "\u{0}\u{ffff}\u{d7ff}".into()),
        (
            "markup as the language",
            LANG_KEY,
            "<script>alert(1)</script>".into(),
        ),
    ]
}

fn hostile_storage_leaves_a_working_quiz(h: Harness) {
    let page = h.open();
    let defaults = look(&h);
    page.start();
    page.run(&TO_SELF_CARE[..2]);
    let real = page.stored(PROGRESS_KEY).expect("progress is saved");
    let cases = storage_cases(&real);
    for (case, key, value) in cases {
        js(&h, "localStorage.clear(); return 1;");
        page.store(key, &value);
        page.reload();
        assert!(!page.has("resume"), "{case}: offered back");
        assert_eq!(look(&h), defaults, "{case}");
        if key == PROGRESS_KEY {
            assert_eq!(page.stored(key), None, "{case}: not removed");
        }
        starts(&h);
    }

    // Storage full: the quiz runs to a result; saving fails quietly.
    js(&h, "localStorage.clear(); return 1;");
    h.session.refresh();
    let full = js(&h, FILL_STORAGE);
    assert_ne!(full, "not full", "the storage did not fill");
    let page = QuizPage::open_current(&h.session);
    page.start();
    page.run(TO_SELF_CARE);
    assert_eq!(page.result().tier, "self-care");
    js(&h, "localStorage.clear(); return 1;");

    // Storage disabled: the same.
    let blocked = StaticServer::quiz_with(e2e::server::dist_dir(), STORAGE_DISABLED);
    let page = QuizPage::open(&h.session, &blocked.url("/"));
    assert_eq!(
        js(
            &h,
            "try { localStorage; return 'readable'; } catch (e) { return e.name; }"
        ),
        "SecurityError"
    );
    assert_eq!(look(&h), defaults);
    page.start();
    page.run(TO_SELF_CARE);
    assert_eq!(page.result().tier, "self-care");
    assert!(
        csp_violations(&h.session).is_empty(),
        "{:?}",
        csp_violations(&h.session)
    );
}

in_every_engine!(
    hostile_url_parameters_leave_a_working_quiz_with_defaults,
    hostile_embed_attributes_leave_a_working_quiz_with_defaults,
    hostile_messages_change_nothing,
    hostile_storage_leaves_a_working_quiz,
);
