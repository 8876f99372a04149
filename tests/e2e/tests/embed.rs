//! The embed widget on another site, in every engine: a host page served from another
//! origin, under its own strict CSP (no `unsafe-inline` at all) and hostile CSS, with
//! the one-line snippet. `host.js` records the quiz's events and any CSP violation.

use std::path::PathBuf;

use e2e::host::Host;
use e2e::pages::Step::C;
use e2e::runs::TO_SELF_CARE;
use e2e::webdriver::keys::{ESCAPE, TAB};
use e2e::{in_every_engine, Harness, QuizPage, StaticServer};
use serde_json::Value;

fn js(h: &Harness, script: &str) -> Value {
    h.session.execute(script, vec![])
}

/// Scrolls the host page until the end of `frame` (where the result's "Copy as text"
/// is) is in view, puts the test's own text on the clipboard from the host page
/// (WebKitGTK's driver copies with the keyboard there, not in a frame), and goes back
/// into the frame: a press the page sees as the visitor's own is the driver's click,
/// and WebKitGTK's driver does not scroll the page around a frame to reach it.
fn before_copying_in(h: &Harness, page: &QuizPage, frame: &str) {
    h.session.switch_to_top();
    // First: the field the text is copied from scrolls the page when focused.
    page.put_on_clipboard("e2e: before the copy");
    h.session.execute(
        "document.querySelector(arguments[0]).scrollIntoView({ block: 'end' }); return 1;",
        vec![frame.into()],
    );
    h.session.switch_to_frame(frame);
}

fn inline_embed_loads_lazily_fits_its_content_and_reports_events(h: Harness) {
    let host = Host::new(&h, "inline", "<div id=\"quiz\" data-symptom-quiz></div>");
    h.session.goto(&host.server.url("/"));
    // The loader has run (it reserves the space) but loads nothing while far away.
    h.session.wait_until("the loader to reserve space", || {
        (js(
            &h,
            "return getComputedStyle(document.getElementById('quiz')).minHeight;",
        ) == "640px")
            .then_some(())
    });
    assert_eq!(
        js(&h, "return document.querySelectorAll('iframe').length;"),
        0
    );
    assert!(
        !h.server
            .requests()
            .iter()
            .any(|r| r.path.ends_with(".wasm")),
        "the quiz loaded before it was near the viewport"
    );
    js(
        &h,
        "document.getElementById('quiz').scrollIntoView(); return 1;",
    );
    let frame = h.session.wait_for("#quiz iframe");
    assert_eq!(frame.attribute("title").as_deref(), Some("Back pain quiz"));
    // The visitor may share or copy their result from inside the frame.
    assert_eq!(
        frame.attribute("allow").as_deref(),
        Some("web-share; clipboard-write")
    );
    Host::wait_for_event(&h, "ready");

    h.session.switch_to_frame("#quiz iframe");
    let page = QuizPage::in_frame(&h.session);
    page.start();
    page.run(&TO_SELF_CARE[..1]);
    page.run(&TO_SELF_CARE[1..]);
    assert_eq!(page.result().tier, "self-care");
    // The clinic's call button tells the host "call" (its tel: navigation is stopped
    // here: the test browser has nothing to dial with).
    js(
        &h,
        "document.addEventListener('click', e => e.preventDefault(), true); return 1;",
    );
    page.click("call-clinic");
    // Copying the result inside the frame, with the permission the loader gives it.
    let headline = page.result().headline;
    before_copying_in(&h, &page, "#quiz iframe");
    page.copy_summary("Copied. Paste it into a message, a note or an email.");
    let pasted = page.paste();
    assert!(pasted.contains(&format!("\n\n{headline}\n")), "{pasted}");
    let content = js(
        &h,
        "return Math.ceil(document.getElementById('symptom-quiz').getBoundingClientRect().height);",
    );
    let inner_scroll = js(
        &h,
        "return document.documentElement.scrollHeight - window.innerHeight;",
    );
    h.session.switch_to_top();

    // The frame follows its content: no inner scrollbar, whatever the host's CSS says.
    h.session.wait_until("the frame to fit its content", || {
        let height = js(
            &h,
            "return document.querySelector('#quiz iframe').clientHeight;",
        );
        (height.as_i64()? - content.as_i64()?)
            .abs()
            .le(&2)
            .then_some(())
    });
    assert!(
        inner_scroll.as_i64().unwrap_or(1) <= 1,
        "the frame scrolls inside: {inner_scroll}"
    );
    let width = js(
        &h,
        "return document.querySelector('#quiz iframe').clientWidth;",
    );
    assert!(
        width.as_i64().unwrap_or(0) > 300,
        "host CSS squeezed the frame to {width}"
    );

    let step = Host::wait_for_event(&h, "step");
    assert!(step["detail"]["index"].as_i64().unwrap_or(0) >= 1, "{step}");
    assert!(
        step["detail"]["total"].as_i64() >= step["detail"]["index"].as_i64(),
        "{step}"
    );
    let complete = Host::wait_for_event(&h, "complete");
    Host::wait_for_event(&h, "call");
    assert_eq!(complete["target"], "quiz");
    assert_eq!(
        complete["detail"],
        serde_json::json!({}),
        "the tier left the frame: {complete}"
    );
    assert_eq!(
        js(&h, "return history.length - window.__historyAtStart;"),
        0,
        "the quiz added history entries to the host"
    );
    assert_eq!(js(&h, "return window.__violations;"), serde_json::json!([]));
    // The copied summary left the frame only through the clipboard: no message to the
    // host carries it, and the loader dispatched only the protocol's events.
    let messages = js(&h, "return window.__messages;");
    let messages: Vec<&str> = (messages.as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .collect();
    assert!(!messages.is_empty(), "the recorder saw no message at all");
    for m in &messages {
        assert!(
            !m.contains("not a diagnosis") && !m.contains(&headline),
            "a message to the host carries the summary: {m}"
        );
    }
    let dispatched = js(&h, "return window.__dispatched;");
    for event in dispatched.as_array().into_iter().flatten() {
        let known = ["ready", "step", "complete", "call"].map(|t| format!("symptom-quiz:{t}"));
        assert!(known.iter().any(|k| event == k), "dispatched {event}");
    }
}

/// The script-free snippet of `docs/embedding.md` as written, and the same frame with
/// its `allow` attribute stripped, as some site builders do: in both, a visitor copies
/// an emergency's summary (in English, and in Spanish), which opens with the call to
/// make. (Chromium refuses the Clipboard API to the stripped frame: the quiz copies
/// the old way.)
fn the_script_free_frame_copies_with_or_without_its_permission(h: Harness) {
    let docs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/embedding.md");
    let docs = std::fs::read_to_string(docs).expect("docs/embedding.md");
    let start = docs
        .find("<iframe src=\"https://clinic.example/quiz/?embed=inline\"")
        .expect("the script-free snippet in docs/embedding.md");
    let end = start + docs[start..].find("</iframe>").expect("its end") + "</iframe>".len();
    let snippet = docs[start..end].replace("https://clinic.example/quiz/", &h.server.url("/"));
    assert!(
        snippet.contains(" allow=\"web-share; clipboard-write\""),
        "{snippet}"
    );
    let stripped = snippet.replace(" allow=\"web-share; clipboard-write\"", "");
    let host = Host::new(
        &h,
        "script-free",
        &format!(
            "{}{}",
            snippet.replace("<iframe ", "<iframe id=\"docs\" "),
            stripped.replace("<iframe ", "<iframe id=\"stripped\" ")
        ),
    );
    h.session.goto(&host.server.url("/"));
    // The host's hostile CSS squeezes every frame it does not size itself; these have
    // no loader to size them.
    js(
        &h,
        "document.querySelector('link[rel=stylesheet]').remove(); return 1;",
    );
    // English in one, Spanish in the other: each paste is that frame's own copy.
    for (frame, lang, call) in [
        ("#docs", "en", "Call 911"),
        ("#stripped", "es", "Llamar al 911"),
    ] {
        // Each frame loads lazily, once it nears the view.
        h.session.execute(
            "document.querySelector(arguments[0]).scrollIntoView(); return 1;",
            vec![frame.into()],
        );
        h.session.switch_to_frame(frame);
        let page = QuizPage::in_frame(&h.session);
        page.switch_language(lang);
        page.start();
        page.run(e2e::runs::TO_EMERGENCY);
        assert_eq!(page.result().tier, "emergency");
        // Where the engine says (Chromium), the stripped frame is refused the Clipboard
        // API, so the copy below is the old way's.
        let allowed = h.session.execute(
            "return document.featurePolicy ? \
               document.featurePolicy.allowsFeature('clipboard-write') : null;",
            vec![],
        );
        assert_ne!(allowed, Value::Bool(frame == "#stripped"), "{frame}");
        before_copying_in(&h, &page, frame);
        let said = match lang {
            "es" => "Copiado. Péguelo en un mensaje, una nota o un correo.",
            _ => "Copied. Paste it into a message, a note or an email.",
        };
        page.copy_summary(said);
        let pasted = page.paste();
        assert!(
            pasted.starts_with(&format!("{call}\n\n")),
            "{frame}: {pasted}"
        );
        h.session.switch_to_top();
    }
}

fn popup_embed_is_a_trapped_dialog_and_shares_the_tier_only_when_asked(h: Harness) {
    let snippet = "<div id=\"quiz\" data-symptom-quiz data-mode=\"popup\" \
                   data-label=\"Check my back\" data-share-tier></div>";
    let host = Host::new(&h, "popup", snippet);
    h.session.goto(&host.server.url("/"));
    let button = h.session.wait_for("#quiz button");
    assert_eq!(button.text(), "Check my back");
    assert_eq!(
        js(&h, "return document.querySelectorAll('iframe').length;"),
        0
    );

    let focused = || {
        js(&h, "const e = document.activeElement; return e.tagName + ':' + (e.getAttribute('aria-label') || e.textContent);")
    };
    let open = || {
        button.click().unwrap();
        h.session.wait_for("[role=dialog] iframe");
    };
    open();
    let dialog_display = js(
        &h,
        "return getComputedStyle(document.querySelector('[role=dialog]')).display;",
    );
    assert_eq!(dialog_display, "flex", "host CSS hid the dialog");
    assert_eq!(
        js(
            &h,
            "return document.querySelector('[role=dialog]').getAttribute('aria-modal');"
        ),
        "true"
    );
    assert_eq!(
        focused(),
        "BUTTON:Close",
        "focus did not move into the dialog"
    );
    // However many times Tab is pressed (through every control in the frame and
    // round again), focus stays in the dialog.
    let mut seen_frame = false;
    for _ in 0..30 {
        h.session.press(&[TAB]);
        let now = focused();
        let now = now.as_str().unwrap_or_default();
        seen_frame |= now.starts_with("IFRAME");
        let inside = js(
            &h,
            "return document.querySelector('[role=dialog]').contains(document.activeElement);",
        );
        assert_eq!(inside, true, "Tab left the dialog for {now}");
    }
    assert!(seen_frame, "Tab never reached the quiz");
    h.session.press(&[ESCAPE]);
    h.session.wait_until("the dialog to close", || {
        (js(
            &h,
            "return document.querySelectorAll('[role=dialog]').length;",
        ) == 0)
            .then_some(())
    });
    assert_eq!(
        focused(),
        "BUTTON:Check my back",
        "focus did not return to the button"
    );

    // Again, through to a result: the tier is shared, because the host asked.
    open();
    h.session.switch_to_frame("[role=dialog] iframe");
    let page = QuizPage::in_frame(&h.session);
    page.start();
    page.run(&[
        ("where", C(&["low-back"])),
        ("nerve-signs", C(&["new-bowel"])),
    ]);
    assert_eq!(page.result().tier, "emergency");
    // A press on 911 is not reported to the host: it would reveal an emergency.
    js(
        &h,
        "document.addEventListener('click', e => e.preventDefault(), true); return 1;",
    );
    page.click("call-911");
    // Escape inside the quiz closes the popup too (the driver may then report the
    // frame it pressed in as gone).
    let _ = h.session.try_press(&[ESCAPE]);
    h.session.switch_to_top();
    let complete = Host::wait_for_event(&h, "complete");
    assert_eq!(complete["detail"]["tier"], "emergency");
    let calls: Vec<Value> = Host::events(&h)
        .into_iter()
        .filter(|e| e["type"] == "call")
        .collect();
    assert!(calls.is_empty(), "a 911 press was reported: {calls:?}");
    h.session
        .wait_until("Escape in the frame to close the dialog", || {
            (js(
                &h,
                "return document.querySelectorAll('[role=dialog]').length;",
            ) == 0)
                .then_some(())
        });
    assert_eq!(js(&h, "return window.__violations;"), serde_json::json!([]));
}

fn bad_attributes_and_forged_messages_change_nothing(h: Harness) {
    let snippet = "<div id=\"a\" data-symptom-quiz data-mode=\"sideways\" \
                   data-accent=\"red;background:url(//x)\" data-lang=\"xx\"></div>\
                   <div id=\"b\" data-symptom-quiz data-mode=\"popup\" \
                   data-label=\"&lt;img src=x onerror=alert(1)&gt;\"></div>";
    let host = Host::new(&h, "hostile", snippet);
    h.session.goto(&host.server.url("/"));
    // An unknown mode falls back to inline; the label is shown as text, never as HTML.
    let label = h.session.wait_for("#b button");
    assert_eq!(label.text(), "<img src=x onerror=alert(1)>");
    assert_eq!(js(&h, "return document.querySelectorAll('img').length;"), 0);
    js(
        &h,
        "document.getElementById('a').scrollIntoView(); return 1;",
    );
    h.session.wait_for("#a iframe");
    Host::wait_for_event(&h, "ready");
    let height = || {
        js(
            &h,
            "return document.querySelector('#a iframe').clientHeight;",
        )
    };
    h.session.wait_until("the frame to size itself", || {
        (height().as_i64()? > 100).then_some(())
    });
    let before = height();

    // Messages from anyone but the quiz's frame are ignored, whatever they say.
    js(
        &h,
        "window.postMessage({ v: 1, type: 'complete', tier: 'emergency' }, '*');\
         window.postMessage({ v: 1, type: 'height', height: 5000 }, '*');\
         window.postMessage({ v: 1, type: 'step', index: 1, total: 2 }, '*');\
         window.postMessage('{\"v\":1,\"type\":\"call\"}', '*');\
         for (let i = 0; i < 1000; i++) window.postMessage({ v: 1, type: 'call' }, '*');\
         return 1;",
    );
    // A message posted now arrives after the forged ones: wait for it, then look.
    js(&h, "window.__marker = false; window.addEventListener('message', e => { if (e.data === 'marker') window.__marker = true; }); window.postMessage('marker', '*'); return 1;");
    h.session
        .wait_until("the forged messages to be delivered", || {
            (js(&h, "return window.__marker;") == true).then_some(())
        });
    let forged: Vec<Value> = Host::events(&h)
        .into_iter()
        .filter(|e| e["type"] != "ready")
        .collect();
    assert!(
        forged.is_empty(),
        "forged messages became events: {forged:?}"
    );
    assert_eq!(height(), before, "a forged message resized the frame");

    // The bad accent is ignored inside the frame: the quiz keeps its own colour.
    h.session.switch_to_frame("#a iframe");
    QuizPage::open_current(&h.session);
    let accent = js(&h, "return getComputedStyle(document.querySelector(\"[data-testid='start']\")).backgroundColor;");
    assert_eq!(accent, "rgb(11, 92, 173)");
    assert_eq!(js(&h, "return document.documentElement.lang;"), "en");
}

/// The build deployed under `/quiz/` (`trunk build --public-url /quiz/`), embedded
/// with `/quiz/embed/v1.js`: the loader finds the quiz beside itself.
fn the_embed_works_from_a_sub_path(h: Harness) {
    let root = std::env::var_os("E2E_SUBPATH")
        .map(PathBuf::from)
        .expect("E2E_SUBPATH names the sub-path build (cargo xtask test builds it)");
    let site = StaticServer::quiz(root);
    let host = Host::with_loader(
        &h,
        "subpath",
        "<div id=\"quiz\" data-symptom-quiz></div>",
        &site.url("/quiz/embed/v1.js"),
    );
    h.session.goto(&host.server.url("/"));
    js(
        &h,
        "setTimeout(() => document.getElementById('quiz').scrollIntoView(), 300); return 1;",
    );
    let frame = h.session.wait_for("#quiz iframe");
    let src = frame.attribute("src").unwrap_or_default();
    assert!(src.starts_with(&site.url("/quiz/?")), "{src}");
    h.session.switch_to_frame("#quiz iframe");
    let page = QuizPage::in_frame(&h.session);
    page.start();
    assert_eq!(page.question_id(), e2e::runs::TO_SELF_CARE[0].0);
    let requests = site.requests();
    assert!(
        requests
            .iter()
            .filter(|r| r.path != e2e::server::CSP_LISTENER)
            .all(|r| r.path.starts_with("/quiz/") && r.status == 200),
        "{requests:#?}"
    );
}

/// A crash inside the quiz (the test-only `e2e-panic` build panics on Start) shows the
/// fallback with 911 and the clinic's phone inside the widget; the host page goes on
/// working. The release build does not contain the switch.
fn a_crash_stays_inside_the_widget_and_the_host_keeps_working(h: Harness) {
    let dir = PathBuf::from(std::env::var_os("E2E_PANIC").expect("E2E_PANIC (cargo xtask test)"));
    let wasm_with = |dir: &std::path::Path| {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with("_bg.wasm"))
            .any(|p| {
                let bytes = std::fs::read(p).unwrap();
                bytes.windows(9).any(|w| w == b"e2e-panic")
            })
    };
    assert!(
        wasm_with(&dir),
        "the test build does not contain the switch"
    );
    assert!(
        !wasm_with(&e2e::server::dist_dir()),
        "the release build contains the switch"
    );

    let crashing = StaticServer::quiz(dir);
    let host = Host::with_loader(
        &h,
        "crash",
        "<div id=\"quiz\" data-symptom-quiz></div><button id=\"host-button\">Host</button>",
        &crashing.url("/embed/v1.js"),
    );
    h.session.goto(&host.server.url("/"));
    js(&h, "window.__errors = []; window.addEventListener('error', e => window.__errors.push(String(e.message))); return 1;");
    js(
        &h,
        "setTimeout(() => document.getElementById('quiz').scrollIntoView(), 300); return 1;",
    );
    h.session.wait_for("#quiz iframe");
    h.session.switch_to_frame("#quiz iframe");
    let page = QuizPage::in_frame(&h.session);
    page.click("start");
    let fallback = h.session.wait_for("[data-testid='fallback']");
    let text = fallback.text();
    assert!(text.contains("Something went wrong"), "{text}");
    let phone = e2e::server::clinic_phone();
    assert!(text.contains(&phone.display), "{text}");
    let href = |testid: &str| page.element(testid).attribute("href");
    assert_eq!(href("call-911").as_deref(), Some("tel:911"));
    assert_eq!(href("call-clinic"), Some(phone.tel));
    h.session.switch_to_top();
    // The host page is untouched and still runs its own code.
    assert_eq!(
        js(&h, "return document.querySelector('h1').textContent;"),
        "A partner page"
    );
    assert_eq!(
        js(&h, "let n = 0; document.getElementById('host-button').addEventListener('click', () => n++); document.getElementById('host-button').click(); return n;"),
        1
    );
    assert_eq!(js(&h, "return window.__errors;"), serde_json::json!([]));
    assert_eq!(js(&h, "return window.__violations;"), serde_json::json!([]));
}

in_every_engine!(
    a_crash_stays_inside_the_widget_and_the_host_keeps_working,
    the_embed_works_from_a_sub_path,
    inline_embed_loads_lazily_fits_its_content_and_reports_events,
    popup_embed_is_a_trapped_dialog_and_shares_the_tier_only_when_asked,
    bad_attributes_and_forged_messages_change_nothing,
    the_script_free_frame_copies_with_or_without_its_permission,
);
