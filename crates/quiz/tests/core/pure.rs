//! Architecture invariant: the quiz core knows nothing of the browser. Cargo already
//! stops the crate's code from naming a crate it does not depend on; this checks, from
//! `cargo metadata`, that nothing it depends on, directly or through another crate, in
//! normal or build use and whatever its features, is a browser crate.

use std::collections::BTreeSet;
use std::process::Command;

use serde_json::Value;

/// Crates that exist to reach the browser (and the families they come in).
fn is_browser_crate(name: &str) -> bool {
    ["yew", "web-sys", "js-sys", "wasm-bindgen", "gloo"]
        .iter()
        .any(|b| name == *b || name.starts_with(&format!("{b}-")))
}

/// The workspace's `cargo metadata`, with its resolved dependency graph.
fn metadata() -> Value {
    let output = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--offline",
            "--manifest-path",
        ])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("cargo metadata gives JSON")
}

/// The names of every package `package` depends on, transitively, leaving out
/// dev-dependencies (tests may use anything).
fn dependencies(metadata: &Value, package: &str) -> BTreeSet<String> {
    let nodes = metadata["resolve"]["nodes"]
        .as_array()
        .expect("a resolve graph");
    let name_of = |id: &str| id_name(metadata, id);
    let start = nodes
        .iter()
        .find(|n| name_of(n["id"].as_str().unwrap()) == package)
        .unwrap_or_else(|| panic!("{package} is not in the workspace"));
    let mut seen = BTreeSet::new();
    let mut todo = vec![start];
    while let Some(node) = todo.pop() {
        for dep in node["deps"].as_array().unwrap() {
            let used = dep["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"].as_str() != Some("dev"));
            let id = dep["pkg"].as_str().unwrap();
            if used && seen.insert(name_of(id)) {
                todo.push(nodes.iter().find(|n| n["id"] == id).unwrap());
            }
        }
    }
    seen
}

fn id_name(metadata: &Value, id: &str) -> String {
    let package = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .expect("every resolved id is a package");
    package["name"].as_str().unwrap().to_string()
}

#[test]
fn the_quiz_core_depends_on_no_browser_crate() {
    let metadata = metadata();
    let core = dependencies(&metadata, "quiz");
    let browser: Vec<&String> = core.iter().filter(|d| is_browser_crate(d)).collect();
    assert!(browser.is_empty(), "the core depends on {browser:?}");
    // The host share's parser is there: the walk saw the optional dependency.
    assert!(core.contains("toml"), "{core:?}");

    // The check can fail: the app depends on browser crates, through the core's too.
    let app = dependencies(&metadata, "symptom-quiz");
    for name in ["yew", "web-sys", "wasm-bindgen", "quiz"] {
        assert!(app.contains(name), "{name} not among {app:?}");
    }
}
