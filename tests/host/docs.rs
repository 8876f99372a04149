//! The README shows the deployment recipes of `deploy/` exactly: a block fenced as
//! ```` ```nginx deploy/nginx/symptom-quiz.conf ```` must be that file, byte for byte,
//! and every file of `deploy/` is shown once. (The recipes themselves are run by the
//! real servers in the end-to-end suite, `tests/e2e/tests/deploy.rs`.)

use std::fs;
use std::path::Path;

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

/// What differs between the README's blocks and the files of `deploy/` (`files`:
/// path and content): empty when each file is shown exactly once, as it is.
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
            [] => problems.push(format!("README shows no block for {name}")),
            [one] if *one == content => {}
            [one] => {
                let line = one
                    .lines()
                    .zip(content.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or_else(|| one.lines().count().min(content.lines().count()));
                problems.push(format!(
                    "README's block for {name} differs from the file from its line {}: \
                     copy the file into the README",
                    line + 1
                ));
            }
            _ => problems.push(format!("README shows {name} {} times", shown.len())),
        }
    }
    for (name, _) in &blocks {
        if name.starts_with("deploy/") && !files.iter().any(|(f, _)| f == name) {
            problems.push(format!("README shows {name}, which is not in deploy/"));
        }
    }
    problems
}

fn deploy_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut dirs = vec![root.join("deploy")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let name = path
                    .strip_prefix(root)
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
fn the_readme_shows_every_deployment_recipe_exactly() {
    let files = deploy_files();
    assert_eq!(
        files.len(),
        4,
        "{:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let problems = differences(&readme, &files);
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
            "README's block for deploy/a differs from the file from its line 2: copy the file \
          into the README"
        ]
    );
    let shorter = "```nginx deploy/a\none\n```\n";
    assert_eq!(differences(shorter, &files).len(), 1);
    assert_eq!(
        differences("```sh\necho\n```\n", &files),
        ["README shows no block for deploy/a"]
    );
    let extra = format!("{exact}```text deploy/b\nx\n```\n");
    assert_eq!(
        differences(&extra, &files),
        ["README shows deploy/b, which is not in deploy/"]
    );
}
