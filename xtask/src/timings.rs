//! `cargo xtask timings BEFORE AFTER`: two runs of `cargo xtask test` side by side, step
//! by step, as the Markdown table `docs/developing.md` keeps (its test checks the table
//! is this command's output for the two files it names).
//!
//! A run's summary is the block `cargo xtask test` prints last and writes to
//! [`SUMMARY`]: a `==> summary (N s in all)` line, one row per step (`  name  status
//! [12.3 s]`), then `N passed, N failed`. A whole log of the run reads as well (its last
//! summary counts).

use std::fs;

/// Where `cargo xtask test` keeps the summary of its last run.
pub const SUMMARY: &str = "target/xtask/test-summary.txt";

/// One run: its steps with their seconds, the whole run's seconds, and its count.
#[derive(Debug, PartialEq)]
pub struct Run {
    pub steps: Vec<(String, f64)>,
    pub total: f64,
    pub count: String,
}

/// The last summary block of `text`.
pub fn parse(text: &str) -> Option<Run> {
    let at = text.rfind("==> summary (")?;
    let mut lines = text[at..].lines();
    let head = lines.next()?;
    let total = head
        .strip_prefix("==> summary (")?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let mut steps = Vec::new();
    let mut count = String::new();
    for line in lines {
        if let Some((name, seconds)) = step(line) {
            steps.push((name, seconds));
        } else if line.ends_with(" failed") && line.contains(" passed, ") {
            count = line.trim().to_string();
            break;
        }
    }
    Some(Run {
        steps,
        total,
        count,
    })
}

/// `  name    ok (3 passed, 0 failed) [12.3 s]`: the name (the row's text before its
/// status, `ok` or `FAILED` with maybe its counts) and the seconds.
fn step(line: &str) -> Option<(String, f64)> {
    let line = line.strip_prefix("  ")?;
    let (rest, seconds) = line.trim_end().strip_suffix(" s]")?.rsplit_once(" [")?;
    let seconds = seconds.parse().ok()?;
    // The status is the row's last word, or the word before its last parentheses.
    let status_and_name = match rest.strip_suffix(')') {
        Some(open) => &rest[..open.rfind(" (")?],
        None => rest,
    };
    let (name, status) = status_and_name.trim_end().rsplit_once(' ')?;
    if !matches!(status, "ok" | "FAILED") {
        return None;
    }
    Some((name.trim().to_string(), seconds))
}

/// Steps that were renamed, under their old name and their new one: one row.
const RENAMED: [(&str, &str); 3] = [
    ("clippy, host", "clippy, native"),
    ("host tests", "native tests"),
    ("staff edits: host tests", "staff edits: native tests"),
];

/// A step's name as it is now.
fn current(name: &str) -> &str {
    RENAMED
        .iter()
        .find(|(old, _)| *old == name)
        .map_or(name, |(_, new)| new)
}

/// The two runs as a Markdown table: each step of either (in the order the newer run
/// has them, then those only the older had; a renamed step under its new name), its
/// seconds in each, and the whole run.
pub fn table(before: &Run, after: &Run) -> String {
    let mut names: Vec<&str> = after.steps.iter().map(|(n, _)| current(n)).collect();
    for (name, _) in &before.steps {
        if !names.contains(&current(name)) {
            names.push(current(name));
        }
    }
    let cell = |run: &Run, name: &str| {
        run.steps
            .iter()
            .find(|(n, _)| current(n) == name)
            .map_or("—".to_string(), |(_, s)| format!("{s:.1} s"))
    };
    let mut out = String::from("| step | before | after |\n|---|---:|---:|\n");
    for name in names {
        let name_cell = name.replace('|', "\\|");
        out.push_str(&format!(
            "| {name_cell} | {} | {} |\n",
            cell(before, name),
            cell(after, name)
        ));
    }
    let steps = |run: &Run| run.steps.iter().map(|(_, s)| s).sum::<f64>();
    out.push_str(&format!(
        "| **the steps, added up** | **{}** | **{}** |\n",
        minutes(steps(before)),
        minutes(steps(after))
    ));
    out.push_str(&format!(
        "| the whole run, with the tools' checks and any installs | {} | {} |\n",
        minutes(before.total),
        minutes(after.total)
    ));
    out.push_str(&format!(
        "| its count | {} | {} |\n",
        before.count, after.count
    ));
    out
}

fn minutes(seconds: f64) -> String {
    let s = seconds.round() as u64;
    format!("{} min {} s", s / 60, s % 60)
}

/// The command: reads both files and prints the table.
pub fn timings(before: &str, after: &str) -> Result<(), String> {
    print!("{}", table(&read(before)?, &read(after)?));
    Ok(())
}

pub fn read(path: &str) -> Result<Run, String> {
    let full = crate::root().join(path);
    let text = fs::read_to_string(&full).map_err(|e| format!("{}: {e}", full.display()))?;
    parse(&text).ok_or_else(|| format!("{path}: no `==> summary` block of cargo xtask test"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUN: &str = "\
noise before
==> summary (901 s in all)
  cargo fmt --check                            ok [0.4 s]
  host tests                                   ok (115 passed, 0 failed) [384.2 s]
  size budget                                  FAILED (skipped: no release build)
  e2e | quick                                  FAILED (3 passed, 1 failed) [10.0 s]

118 passed, 1 failed
";

    #[test]
    fn a_summary_is_read_row_by_row() {
        let run = parse(RUN).unwrap();
        assert_eq!(run.total, 901.0);
        assert_eq!(run.count, "118 passed, 1 failed");
        assert_eq!(
            run.steps,
            [
                ("cargo fmt --check".to_string(), 0.4),
                ("host tests".to_string(), 384.2),
                ("e2e | quick".to_string(), 10.0),
            ]
        );
        assert_eq!(parse("no summary here"), None);
    }

    #[test]
    fn two_runs_make_one_table() {
        let before = parse(RUN).unwrap();
        let after = parse(&RUN.replace("cargo fmt --check", "rustfmt")).unwrap();
        let table = table(&before, &after);
        assert!(table.contains("| rustfmt | — | 0.4 s |"), "{table}");
        assert!(
            table.contains("| cargo fmt --check | 0.4 s | — |"),
            "{table}"
        );
        // A renamed step is one row.
        assert!(
            table.contains("| native tests | 384.2 s | 384.2 s |"),
            "{table}"
        );
        assert!(
            table.contains("| e2e \\| quick | 10.0 s | 10.0 s |"),
            "{table}"
        );
        assert!(table.contains("**6 min 35 s**"), "{table}");
        assert!(table.contains("| 15 min 1 s | 15 min 1 s |"), "{table}");
    }

    /// `docs/developing.md` keeps the table this command prints for the two runs it
    /// names, between its markers: written by the tool, never by hand.
    #[test]
    fn the_developers_guide_shows_the_tools_table() {
        let guide = fs::read_to_string(crate::root().join("docs/developing.md")).unwrap();
        let (_, rest) = guide
            .split_once("<!-- timings: cargo xtask timings ")
            .expect("docs/developing.md has a timings block");
        let (files, rest) = rest.split_once(" -->\n").unwrap();
        let (shown, _) = rest
            .split_once("<!-- end of timings -->")
            .expect("the block ends");
        let [before, after] =
            <[&str; 2]>::try_from(files.split(' ').collect::<Vec<_>>()).expect("two files");
        let want = table(&read(before).unwrap(), &read(after).unwrap());
        assert_eq!(
            shown, want,
            "run `cargo xtask timings {files}` and paste its table"
        );
    }
}
