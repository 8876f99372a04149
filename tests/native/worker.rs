//! The quiz keeps a fetched language pack where the service worker looks for it, under
//! a name the worker never deletes with its old copies (`src/edge/pack.rs`,
//! `src/js/sw.js`): the two files name the caches alike.

use symptom_quiz::edge::PACK_CACHES;

#[test]
fn the_quiz_keeps_its_packs_where_the_worker_looks() {
    let worker = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/js/sw.js"))
        .expect("src/js/sw.js");
    let prefix = "const PREFIX = \"symptom-quiz-\";";
    assert!(worker.contains(prefix), "sw.js no longer says {prefix}");
    assert!(worker.contains("const PACKS = PREFIX + \"packs\";"));
    assert_eq!(PACK_CACHES, "symptom-quiz-packs");
    // Searched with the copies (their prefix), and spared when a fill deletes those.
    assert!(worker.contains("!other.startsWith(PACKS)"));
    assert!(PACK_CACHES.starts_with("symptom-quiz-"));
}
