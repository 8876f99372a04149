//! The review packet a clinician signs (`cargo xtask review`), in every engine: every
//! question and rule is on it, it asks for nothing but itself, and it prints.

use std::path::PathBuf;

use e2e::{in_every_engine, Harness, StaticServer};

/// How many questions and rules the content folder's quiz has.
fn content_counts() -> (usize, usize) {
    let (quiz, _, _) = e2e::server::content();
    (quiz.questions.len(), quiz.rules.len())
}

fn the_review_packet_shows_every_question_and_rule_and_needs_nothing_else(h: Harness) {
    let dir = PathBuf::from(
        std::env::var_os("E2E_REVIEW")
            .expect("E2E_REVIEW names the packet's folder (cargo xtask test writes it)"),
    );
    let server = StaticServer::start(dir);
    h.session.goto(&server.url("/index.html"));
    let seen = h.session.execute(
        "return [document.querySelectorAll('section[id^=\"q-\"]').length, \
                 document.querySelectorAll('section[id^=\"r-\"]').length, \
                 performance.getEntriesByType('resource').length, \
                 document.querySelectorAll('script').length, \
                 document.querySelector('h1').textContent];",
        vec![],
    );
    let (questions, rules) = content_counts();
    assert_eq!(seen[0], questions, "questions on the packet: {seen}");
    assert_eq!(seen[1], rules, "rules on the packet: {seen}");
    assert_eq!(seen[2], 0, "the packet fetched something: {seen}");
    assert_eq!(seen[3], 0, "the packet has a script: {seen}");
    assert!(
        seen[4]
            .as_str()
            .unwrap_or_default()
            .starts_with("Review packet"),
        "{seen}"
    );
    // Nothing was asked of the server but the page itself.
    let asked: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(asked, ["/index.html"], "{asked:?}");
    h.session.save_screenshot("review-packet");
    if let Some(pdf) = h.session.print_pdf() {
        assert!(pdf.starts_with(b"%PDF"), "not a PDF");
        h.session.save_artifact("review-packet.pdf", &pdf);
    }
}

in_every_engine!(the_review_packet_shows_every_question_and_rule_and_needs_nothing_else,);
