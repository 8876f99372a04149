//! The documents stay in step with the files they describe.
//!
//! - `docs/deploying.md` shows the deployment recipes of `deploy/` exactly: a block
//!   fenced as ```` ```nginx deploy/nginx/symptom-quiz.conf ```` must be that file, byte
//!   for byte, and every file of `deploy/` is shown once. (The recipes themselves are
//!   run by the real servers in the end-to-end suite, `tests/e2e/tests/deploy.rs`.)
//! - Every relative link of `README.md`, `ARCHITECTURE.md` and `docs/*.md` points at a
//!   file of the repository, and a link's `#anchor` at a heading of that file.

use std::fs;
use std::path::{Component, Path, PathBuf};

/// The document that shows the recipes.
const RECIPES: &str = "docs/deploying.md";

/// The fenced blocks of `markdown` whose info string names a file (its second word):
/// `(file, content)`.
fn named_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in markdown.split_inclusive('\n') {
        match &mut open {
            None => {
                if let Some(info) = line.strip_prefix("```") {
                    let name = info.split_whitespace().nth(1).unwrap_or_default();
                    open = Some((name.to_string(), String::new()));
                }
            }
            Some((name, body)) => {
                if line.trim_end() == "```" {
                    if !name.is_empty() {
                        blocks.push((name.clone(), body.clone()));
                    }
                    open = None;
                } else {
                    body.push_str(line);
                }
            }
        }
    }
    blocks
}

/// What differs between the blocks of `docs/deploying.md` and the files of `deploy/`
/// (`files`: path and content): empty when each file is shown exactly once, as it is.
fn differences(markdown: &str, files: &[(String, String)]) -> Vec<String> {
    let blocks = named_blocks(markdown);
    let mut problems = Vec::new();
    for (name, content) in files {
        let shown: Vec<&String> = blocks
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, b)| b)
            .collect();
        match shown.as_slice() {
            [] => problems.push(format!("{RECIPES} shows no block for {name}")),
            [one] if *one == content => {}
            [one] => {
                let line = one
                    .lines()
                    .zip(content.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or_else(|| one.lines().count().min(content.lines().count()));
                problems.push(format!(
                    "{RECIPES}'s block for {name} differs from the file from its line {}: \
                     copy the file into {RECIPES}",
                    line + 1
                ));
            }
            _ => problems.push(format!("{RECIPES} shows {name} {} times", shown.len())),
        }
    }
    for (name, _) in &blocks {
        if name.starts_with("deploy/") && !files.iter().any(|(f, _)| f == name) {
            problems.push(format!("{RECIPES} shows {name}, which is not in deploy/"));
        }
    }
    problems
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn deploy_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut dirs = vec![root().join("deploy")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let name = path
                    .strip_prefix(root())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.push((name, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn the_deployment_guide_shows_every_recipe_exactly() {
    let files = deploy_files();
    assert_eq!(
        files.len(),
        4,
        "{:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    let guide = fs::read_to_string(root().join(RECIPES)).unwrap();
    let problems = differences(&guide, &files);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_changed_missing_or_extra_block_is_reported() {
    let files = vec![("deploy/a".to_string(), "one\ntwo\n".to_string())];
    let exact = "text\n```nginx deploy/a\none\ntwo\n```\n";
    assert!(differences(exact, &files).is_empty());
    let changed = "```nginx deploy/a\none\n2\n```\n";
    assert_eq!(
        differences(changed, &files),
        [
            "docs/deploying.md's block for deploy/a differs from the file from its line 2: copy \
             the file into docs/deploying.md"
        ]
    );
    let shorter = "```nginx deploy/a\none\n```\n";
    assert_eq!(differences(shorter, &files).len(), 1);
    assert_eq!(
        differences("```sh\necho\n```\n", &files),
        ["docs/deploying.md shows no block for deploy/a"]
    );
    let extra = format!("{exact}```text deploy/b\nx\n```\n");
    assert_eq!(
        differences(&extra, &files),
        ["docs/deploying.md shows deploy/b, which is not in deploy/"]
    );
}

// ---------------------------------------------------------------------------------
// Links.
// ---------------------------------------------------------------------------------

/// The targets of the links of `markdown` (`](target)`), outside fenced blocks and
/// inline code, as written.
fn links(markdown: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Inline code is no link: keep what lies between the code spans.
        let prose: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let mut rest = prose.as_str();
        while let Some(at) = rest.find("](") {
            rest = &rest[at + 2..];
            let end = rest.find(')').unwrap_or(rest.len());
            let target = rest[..end].split_whitespace().next().unwrap_or_default();
            found.push(target.to_string());
            rest = &rest[end..];
        }
    }
    found
}

/// The anchor GitHub gives a heading: lower case, each space a `-`, and every
/// character but letters, digits, `-` and `_` dropped.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of the headings of `markdown` (a repeated heading's second anchor ends
/// in `-1`, as on GitHub).
fn anchors(markdown: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        let text = line.trim_start_matches('#');
        if fenced || text.len() == line.len() || !text.starts_with(' ') {
            continue;
        }
        let base = slug(text);
        let mut anchor = base.clone();
        let mut n = 0;
        while found.contains(&anchor) {
            n += 1;
            anchor = format!("{base}-{n}");
        }
        found.push(anchor);
    }
    found
}

/// `path` with `.` and `..` resolved, relative to the repository's root; `None` when it
/// leaves the repository.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for part in path.components() {
        match part {
            Component::Normal(p) => parts.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.iter().collect())
}

/// The broken relative links of the document `doc` (its path from the repository's
/// root) whose text is `markdown`. `read` gives a path's text (empty for a folder), or
/// `None` when there is nothing at that path.
fn broken_links(doc: &str, markdown: &str, read: &dyn Fn(&Path) -> Option<String>) -> Vec<String> {
    let mut problems = Vec::new();
    for target in links(markdown) {
        let external = target.contains("://") || target.starts_with("mailto:");
        if external || target.is_empty() {
            continue;
        }
        let (file, anchor) = match target.split_once('#') {
            Some((file, anchor)) => (file, Some(anchor)),
            None => (target.as_str(), None),
        };
        let path = if file.is_empty() {
            Some(PathBuf::from(doc))
        } else {
            normalize(&Path::new(doc).parent().unwrap_or(Path::new("")).join(file))
        };
        let Some(text) = path.as_deref().and_then(read) else {
            problems.push(format!(
                "{doc}: the link ({target}) points at no file of the repository"
            ));
            continue;
        };
        if let Some(anchor) = anchor {
            if !anchors(&text).iter().any(|a| a == anchor) {
                problems.push(format!(
                    "{doc}: the link ({target}) names no heading of {}",
                    path.unwrap().display()
                ));
            }
        }
    }
    problems
}

/// The documents whose links are checked, as paths from the repository's root.
fn documents() -> Vec<String> {
    let mut docs = vec!["README.md".to_string(), "ARCHITECTURE.md".to_string()];
    let mut more: Vec<String> = fs::read_dir(root().join("docs"))
        .expect("the docs/ folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .map(|name| format!("docs/{name}"))
        .collect();
    more.sort();
    docs.extend(more);
    docs
}

#[test]
fn every_relative_link_in_the_documents_resolves() {
    let read = |path: &Path| {
        let full = root().join(path);
        if full.is_dir() {
            Some(String::new())
        } else {
            fs::read_to_string(&full).ok()
        }
    };
    let mut problems = Vec::new();
    let mut checked = 0;
    for doc in documents() {
        let text = fs::read_to_string(root().join(&doc)).unwrap();
        checked += links(&text).len();
        problems.extend(broken_links(&doc, &text, &read));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The documents do link to each other: the check has something to check.
    assert!(checked > 20, "only {checked} links");
}

#[test]
fn a_link_to_a_missing_file_or_heading_is_reported() {
    assert_eq!(
        slug("What needs a new version and a clinician's review"),
        "what-needs-a-new-version-and-a-clinicians-review"
    );
    assert_eq!(
        slug("The clinic's details (`clinic.toml`)"),
        "the-clinics-details-clinictoml"
    );
    assert_eq!(
        slug("Under `/quiz/` of your site"),
        "under-quiz-of-your-site"
    );
    let files = |path: &Path| match path.to_str()? {
        "docs/a.md" => Some("# A\n\n## Two words\n\n## Two words\n".to_string()),
        "README.md" => Some("# Read me\n".to_string()),
        "deploy" => Some(String::new()),
        _ => None,
    };
    let markdown = "\
# A

[fine](a.md), [a heading](a.md#two-words), [its twin](a.md#two-words-1),
[here](#a), [up](../README.md#read-me), [a folder](../deploy),
[outside](https://example.com/x.md#nowhere), `[code](nowhere.md)`

```md
[fenced](nowhere.md)
```

[gone](b.md), [no heading](a.md#three-words), [no such here](#b),
[out of the repository](../../x.md)
";
    assert_eq!(
        broken_links("docs/a.md", markdown, &files),
        [
            "docs/a.md: the link (b.md) points at no file of the repository",
            "docs/a.md: the link (a.md#three-words) names no heading of docs/a.md",
            "docs/a.md: the link (#b) names no heading of docs/a.md",
            "docs/a.md: the link (../../x.md) points at no file of the repository",
        ]
    );
}
