//! `cargo xtask`: the project's automation, as one small Rust binary (matklad's
//! cargo-xtask pattern). Every command first installs the tools it needs, so that the
//! README's two commands work on a fresh machine.
//!
//! - `cargo xtask serve` — build and serve the quiz on http://127.0.0.1:8080 (live reload)
//! - `cargo xtask test [--engine NAME]...` — every check and test; ends `N passed, N failed`
//! - `cargo xtask dist [--public-url /quiz/]` — the release build in `dist/` with
//!   `.br`/`.gz` and a size table
//! - `cargo xtask check-content` — check the quiz and clinic files in seconds
//! - `cargo xtask review [--since REV]` — the review packet for the clinician who signs
//!   off the content (`target/review/index.html`), what changed since REV (or since the
//!   signed content), and the lines to paste once signed
//! - `cargo xtask staff-edit` — only the staff-edit test of `test` (`staff.rs`)
//! - `cargo xtask bench` — the performance figures against their budget (never fails on
//!   a timing)
//! - `cargo xtask timings BEFORE AFTER` — two runs of `test`, step by step, as the table
//!   `docs/developing.md` keeps
//! - `cargo xtask trunk-post-build` — Trunk's hook: the clinic's name and phone into the
//!   built `index.html`, the language packs beside the wasm (`quiz::pack`), then
//!   (release) `xtask/hooks/minify.cjs`

mod bench;
mod content;
mod dist;
mod history;
mod readability;
mod review;
mod run;
mod size;
mod staff;
mod test;
mod timings;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve                   build and serve the quiz on http://127.0.0.1:8080 (live reload)
  test [--engine NAME]    fmt, clippy (native and wasm), native tests, wasm tests in Chromium,
                          the release build, and the end-to-end suite in every engine
                          (or only NAME: chromium, firefox, webkit; repeatable)
  dist [--public-url /quiz/]
                          release build in dist/, with .br and .gz and a size table
                          (served under /quiz/ with --public-url)
  check-content           check content/*.toml (errors with file and line), path
                          figures and reading grades; no wasm build
  review [--since REV]    the review packet for the clinician (target/review/index.html):
                          every question and rule in plain words, both languages, sources,
                          what each result shows, the shortest path firing each rule; what
                          changed since REV (a git revision; by default the last signed
                          content), with the answers whose result moved; and the lines to
                          paste into clinic.toml once it is signed
  staff-edit              only the staff-edit test of `test`: copies of the content with
                          a clinic's typical edits (must pass) and a lowered tier (must
                          fail the safety table only), each built and tested
  bench                   release build measured in headless Chromium and Lighthouse:
                          bytes, load, answer latency, long tasks, scores vs. budget;
                          writes target/bench/report.json
  timings BEFORE AFTER    two runs of `test` side by side (each a saved summary, as
                          test writes to target/xtask/test-summary.txt, or its log):
                          the Markdown table docs/developing.md keeps
  trunk-post-build        (Trunk's hook) the clinic's name and phone from clinic.toml
                          into the built index.html; the language packs beside the
                          wasm; minifies the JS of release builds
";

/// The browser engines the end-to-end suite runs in. The suite (`tests/e2e`) has its own
/// `Engine` with how to start each; here only the names matter: they are the module
/// names of the suite's tests (`chromium::…`), which `--engine` filters on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    Webkit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::Webkit];

    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
        }
    }

    fn parse(name: &str) -> Option<Engine> {
        Engine::ALL.into_iter().find(|e| e.name() == name)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") if args.len() == 1 => serve(),
        Some("dist") => match &args[1..] {
            [] => dist::dist("/"),
            [flag, url] if flag == "--public-url" && url.starts_with('/') && url.ends_with('/') => {
                dist::dist(url)
            }
            _ => Err(format!("dist takes only --public-url /path/\n\n{USAGE}")),
        },
        Some("check-content") if args.len() == 1 => content::check_content(),
        Some("trunk-post-build") if args.len() == 1 => content::post_build().and_then(|()| {
            // After the stamp, never beside it: both rewrite index.html.
            run::Cmd::new("node")
                .args(["xtask/hooks/minify.cjs"])
                .status()
        }),
        Some("bench") if args.len() == 1 => bench::bench(),
        Some("review") => match &args[1..] {
            [] => review::review(None),
            [flag, revision] if flag == "--since" => review::review(Some(revision)),
            _ => Err(format!(
                "usage: cargo xtask review [--since REVISION]\n\n{USAGE}"
            )),
        },
        Some("staff-edit") if args.len() == 1 => test::staff_edit(),
        Some("timings") => match &args[1..] {
            [before, after] => timings::timings(before, after),
            _ => Err(format!(
                "usage: cargo xtask timings BEFORE AFTER\n\n{USAGE}"
            )),
        },
        Some("test") => match parse_engines(&args[1..]) {
            Ok(engines) => test::test(&engines),
            Err(message) => Err(message),
        },
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(format!("unknown arguments {args:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // An empty message: the command already said what failed (the test
            // summary stays the last line).
            if !message.is_empty() {
                eprintln!("\nxtask: {message}");
            }
            ExitCode::FAILURE
        }
    }
}

fn parse_engines(args: &[String]) -> Result<Vec<Engine>, String> {
    let mut engines = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--engine=") {
            Some(value) => value,
            None if arg == "--engine" => args.next().ok_or("--engine needs a name")?,
            None => return Err(format!("unknown argument {arg:?}\n\n{USAGE}")),
        };
        let engine = Engine::parse(value)
            .ok_or_else(|| format!("unknown engine {value:?}: chromium, firefox or webkit"))?;
        if !engines.contains(&engine) {
            engines.push(engine);
        }
    }
    if engines.is_empty() {
        engines = Engine::ALL.to_vec();
    }
    Ok(engines)
}

fn serve() -> Result<(), String> {
    let tools = tools::Tools::ensure_for_build()?;
    println!("\nServing the quiz on http://127.0.0.1:8080 (Ctrl-C stops it)\n");
    // `cargo xtask` runs this process in cargo's place, and this process becomes Trunk:
    // one process id, so `kill <id>` stops the server too (a child Trunk outlived it).
    Err(tools
        .trunk()
        .args(["serve", "--address", "127.0.0.1", "--port", "8080"])
        .exec())
}

/// The workspace root (the folder with the top `Cargo.toml`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one folder below the root")
        .to_path_buf()
}
