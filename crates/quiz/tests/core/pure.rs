//! Architecture invariant: the quiz core knows nothing of the browser. Cargo already
//! stops the crate's code from naming a crate it does not depend on; this checks that
//! nothing it depends on, directly or through another crate, in normal or build use,
//! for any platform and whatever its features, is a browser crate.
//!
//! It needs nothing but the repository: the workspace's own manifests (`cargo metadata
//! --no-deps`, which reads no registry) give each member's direct dependencies with
//! their kinds, and `Cargo.lock` gives the rest of the graph. The lock is resolved for
//! every platform and with every feature of the workspace's members, so it holds every
//! edge any build could take; a registry package's dev-dependencies are never in it.
//! (The resolved graph of full `cargo metadata` needs every locked package, for every
//! platform, in the local registry cache: on a new machine, whose builds fetched only
//! this platform's, `--offline` failed on `hermit-abi`.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use serde_json::Value;
use toml::de::{DeTable, DeValue};

/// Crates that exist to reach the browser (and the families they come in).
fn is_browser_crate(name: &str) -> bool {
    ["yew", "web-sys", "js-sys", "wasm-bindgen", "gloo"]
        .iter()
        .any(|b| name == *b || name.starts_with(&format!("{b}-")))
}

/// The dependency graph: each package's name, to the names of what it uses in normal or
/// build code on some platform.
struct Graph(BTreeMap<String, BTreeSet<String>>);

impl Graph {
    /// The workspace's graph, from its manifests and `Cargo.lock`.
    fn of_workspace() -> Graph {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut graph = Graph::from_lock(&read(&root.join("Cargo.lock")));
        // The members' edges come from their manifests: the lock also lists their
        // dev-dependencies, which tests may take freely.
        graph.0.extend(members(&root.join("Cargo.toml")));
        graph
    }

    /// Every `[[package]]` of a `Cargo.lock` and the packages its `dependencies` name
    /// (`"name"`, or `"name version"` and a source where several versions are locked).
    fn from_lock(text: &str) -> Graph {
        let lock = DeTable::parse(text)
            .expect("Cargo.lock is TOML")
            .into_inner();
        let Some(DeValue::Array(packages)) = get(&lock, "package") else {
            panic!("Cargo.lock has no [[package]]");
        };
        let mut graph = BTreeMap::new();
        for package in packages.iter() {
            let DeValue::Table(package) = package.get_ref() else {
                panic!("a [[package]] that is not a table");
            };
            let name = string(get(package, "name")).expect("a package has a name");
            let uses: BTreeSet<String> = match get(package, "dependencies") {
                Some(DeValue::Array(deps)) => deps
                    .iter()
                    .map(|dep| match dep.get_ref() {
                        DeValue::String(dep) => dep.split(' ').next().unwrap().to_string(),
                        _ => panic!("{name}: a dependency that is not a string"),
                    })
                    .collect(),
                _ => BTreeSet::new(),
            };
            // Two locked versions of one crate: one node, the union of their edges
            // (the question is only whether a browser crate can be reached).
            graph
                .entry(name.to_string())
                .or_insert_with(BTreeSet::new)
                .extend(uses);
        }
        Graph(graph)
    }

    /// The names of every package `package` depends on, transitively.
    fn dependencies(&self, package: &str) -> BTreeSet<String> {
        let start = self
            .0
            .get(package)
            .unwrap_or_else(|| panic!("{package} is not in the graph"));
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&String> = start.iter().collect();
        while let Some(name) = todo.pop() {
            if seen.insert(name.clone()) {
                let uses = self
                    .0
                    .get(name)
                    .unwrap_or_else(|| panic!("{name} is used but not locked"));
                todo.extend(uses);
            }
        }
        seen
    }
}

/// Each workspace member's name, to the packages it names as normal or build
/// dependencies, for any platform, optional ones included (whatever its features).
fn members(manifest: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let output = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .arg("--manifest-path")
        .arg(manifest)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let packages = metadata["packages"].as_array().expect("packages");
    packages
        .iter()
        .map(|package| {
            let uses = package["dependencies"]
                .as_array()
                .expect("dependencies")
                .iter()
                // `kind` is null for normal dependencies, "build" or "dev" otherwise.
                .filter(|dep| dep["kind"].as_str() != Some("dev"))
                // The package's own name, also when the manifest renames it.
                .map(|dep| dep["name"].as_str().expect("a name").to_string())
                .collect();
            (package["name"].as_str().expect("a name").to_string(), uses)
        })
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn get<'t>(table: &'t DeTable<'_>, key: &str) -> Option<&'t DeValue<'t>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v.get_ref())
}

fn string<'t>(value: Option<&'t DeValue<'_>>) -> Option<&'t str> {
    match value {
        Some(DeValue::String(s)) => Some(s.as_ref()),
        _ => None,
    }
}

#[test]
fn the_quiz_core_depends_on_no_browser_crate() {
    let graph = Graph::of_workspace();
    let core = graph.dependencies("quiz");
    let browser: Vec<&String> = core.iter().filter(|d| is_browser_crate(d)).collect();
    assert!(browser.is_empty(), "the core depends on {browser:?}");
    // The content tools' parser is there: the walk saw the optional dependency.
    assert!(core.contains("toml"), "{core:?}");
    // Tests may use anything: dev-dependencies are not the core's.
    assert!(!core.contains("proptest"), "{core:?}");

    // The check can fail: the app depends on browser crates, through the core's too.
    let app = graph.dependencies("symptom-quiz");
    for name in ["yew", "web-sys", "wasm-bindgen", "quiz"] {
        assert!(app.contains(name), "{name} not among {app:?}");
    }
    // Every platform's edges are walked: `hermit-abi` is reached only on the Hermit
    // kernel (num_cpus), which no build here fetches.
    assert!(app.contains("hermit-abi"), "{app:?}");
    assert!(
        !app.contains("wasm-bindgen-test"),
        "a dev-dependency: {app:?}"
    );
}

#[test]
fn a_browser_crate_behind_a_second_locked_version_is_found() {
    // A made-up lock: the core's parser takes a newer version of a helper, which
    // reaches `gloo-timers` (whether as a build dependency or on one platform only, the
    // lock lists it alike). The walk must follow the version-qualified name.
    let lock = r#"
version = 4

[[package]]
name = "quiz"
version = "0.1.0"
dependencies = ["toml", "proptest"]

[[package]]
name = "toml"
version = "1.0.0"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = ["helper 0.2.0 (registry+https://github.com/rust-lang/crates.io-index)"]

[[package]]
name = "helper"
version = "0.1.0"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "helper"
version = "0.2.0"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = ["gloo-timers"]

[[package]]
name = "gloo-timers"
version = "0.3.0"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "proptest"
version = "1.0.0"
source = "registry+https://github.com/rust-lang/crates.io-index"
"#;
    let mut graph = Graph::from_lock(lock);
    // The member's own edges come from its manifest, without its dev-dependency.
    graph.0.insert("quiz".into(), ["toml".to_string()].into());
    let core = graph.dependencies("quiz");
    assert!(core.iter().any(|d| is_browser_crate(d)), "{core:?}");
    assert_eq!(
        core.into_iter().collect::<Vec<_>>(),
        ["gloo-timers", "helper", "toml"],
    );
}
