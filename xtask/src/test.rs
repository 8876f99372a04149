//! `cargo xtask test`: every check and test, in the order that fails fastest, with one
//! summary line at the end. A step that fails does not stop the independent steps after
//! it, so one run shows everything that is wrong.

use std::time::Instant;

use crate::run::{step, Cmd, TestRun};
use crate::tools::{minibrowser, Tools};
use crate::{root, Engine};

/// Where the end-to-end suite's release build goes (kept apart from `dist/`).
const E2E_DIST: &str = "target/e2e/dist";
/// The test-only build that panics on purpose (feature `e2e-panic`).
const E2E_PANIC: &str = "target/e2e/panic";
/// Served as a site root whose `/quiz/` holds the sub-path build.
const E2E_SUBPATH: &str = "target/e2e/subpath";
/// Copies of both builds with a `.br` and a `.gz` beside each file, as `cargo xtask
/// dist` writes them, for the real servers of the deployment tests (`site/`,
/// `subpath/quiz/`).
const E2E_DEPLOY: &str = "target/e2e/deploy";

pub fn test(engines: &[Engine]) -> Result<(), String> {
    let started = Instant::now();
    let tools = Tools::ensure_for_tests(engines)?;
    let axe = crate::run::step("tools: axe-core (accessibility audits)", Tools::ensure_axe)?;
    let (wrangler, observatory) = crate::run::step(
        "tools: nginx, Caddy, wrangler, HTTP Observatory (deployment recipes)",
        Tools::ensure_for_deploy,
    )?;
    let path = tools.path_var();
    let mut report = Report::default();

    report.check("cargo fmt --check", || {
        Cmd::cargo()
            .args(["fmt", "--all", "--", "--check"])
            .status()
    });
    report.check("clippy, native", || {
        Cmd::cargo()
            .args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
            .status()
    });
    report.check("clippy, wasm32", || {
        Cmd::cargo()
            .args(["clippy", "--package", "symptom-quiz", "--all-targets"])
            .args(["--target", "wasm32-unknown-unknown", "--", "-D", "warnings"])
            .status()?;
        // The core as the app has it there: without its content tools.
        Cmd::cargo()
            .args([
                "clippy",
                "--package",
                "quiz",
                "--lib",
                "--no-default-features",
            ])
            .args(["--target", "wasm32-unknown-unknown", "--", "-D", "warnings"])
            .status()
    });
    report.tests("native tests", || {
        Cmd::cargo()
            .args(["test", "--no-fail-fast", "--workspace", "--exclude", "e2e"])
            .tests()
    });
    report.tests("wasm tests, headless Chromium", || {
        Cmd::cargo()
            .args([
                "test",
                "--package",
                "symptom-quiz",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("PATH", &path)
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            // Extra Chromium flags: no background traffic to hosts we cannot reach.
            .env(
                "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                root().join("tests/wasm-webdriver.json"),
            )
            .tests()
    });
    let built = report.check("release build (trunk build --release)", || {
        tools
            .trunk()
            .args(["build", "--release", "--dist", E2E_DIST])
            .status()?;
        // The same build for a sub-path (/quiz/), as a site would deploy it beside its
        // own pages: the embed suite serves it from there.
        tools
            .trunk()
            .args(["build", "--release", "--public-url", "/quiz/", "--dist"])
            .args([format!("{E2E_SUBPATH}/quiz")])
            .status()?;
        // The test-only build that panics on Start (cargo feature `e2e-panic`).
        tools
            .trunk()
            .args([
                "build",
                "--release",
                "--features",
                "e2e-panic",
                "--dist",
                E2E_PANIC,
            ])
            .status()
    });
    if built {
        report.check("size budget (brotli, xtask/size-budget.txt)", || {
            Tools::ensure_compressors()?;
            crate::size::check(&root().join(E2E_DIST))
        });
    } else {
        report.skipped("size budget", "no release build");
    }
    let built = built
        && report.check("deployable copies (gzip, brotli beside each file)", || {
            let deploy = root().join(E2E_DEPLOY);
            for (from, to) in [(E2E_DIST, "site"), (E2E_SUBPATH, "subpath")] {
                let to = deploy.join(to);
                let _ = std::fs::remove_dir_all(&to);
                std::fs::create_dir_all(&deploy).map_err(|e| e.to_string())?;
                Cmd::new("cp")
                    .args(["-r".as_ref(), root().join(from).as_os_str(), to.as_os_str()])
                    .status()?;
                crate::dist::compress_all(&to)?;
            }
            Ok(())
        });
    // The clinician's review packet, which the end-to-end suite opens in every engine.
    report.check("review packet (cargo xtask review)", || {
        // An earlier run's packet must not stand in for one this run failed to write.
        let _ = std::fs::remove_dir_all(root().join(crate::review::FOLDER));
        crate::review::review(None)
    });
    let names: Vec<&str> = engines.iter().map(|e| e.name()).collect();
    let e2e = format!("end-to-end suite: {}", names.join(", "));
    if built {
        // Failure screenshots and driver logs of earlier runs would mislead.
        for stale in ["target/e2e/failures", "target/e2e/runs"] {
            let _ = std::fs::remove_dir_all(root().join(stale));
        }
        report.tests(&e2e, || {
            // libtest filters: `chromium::` runs that engine's copy of every test.
            let filters = if engines.len() == Engine::ALL.len() {
                Vec::new()
            } else {
                names.iter().map(|n| format!("{n}::")).collect()
            };
            let mut cmd = Cmd::cargo()
                // Every test binary runs even when one fails, so the summary is whole.
                .args(["test", "--no-fail-fast", "--package", "e2e", "--"])
                .args(filters)
                .env("PATH", &path)
                .env("E2E_DIST", root().join(E2E_DIST))
                .env("E2E_SUBPATH", root().join(E2E_SUBPATH))
                .env("E2E_PANIC", root().join(E2E_PANIC))
                .env("E2E_DEPLOY", root().join(E2E_DEPLOY))
                .env("E2E_WRANGLER", &wrangler)
                .env("E2E_OBSERVATORY", &observatory)
                .env("E2E_AXE", &axe)
                .env("E2E_REVIEW", root().join(crate::review::FOLDER));
            if let Some(minibrowser) = minibrowser() {
                cmd = cmd.env("E2E_MINIBROWSER", minibrowser);
            }
            cmd.tests()
        });
    } else {
        report.skipped(&e2e, "no release build");
    }

    if engines.len() == Engine::ALL.len() {
        staff_edits(&mut report, &tools, &axe);
    } else {
        // The quick loop checks the code in the engines named; the content copies are
        // for `cargo xtask test` (what CI runs) or `cargo xtask staff-edit`.
        report.not_run(
            "staff edits",
            "a quick loop of some engines: cargo xtask staff-edit runs them",
        );
    }
    report.finish(started, Some(crate::timings::SUMMARY))
}

/// `cargo xtask staff-edit`: only the staff-edit test, with its own summary.
pub fn staff_edit() -> Result<(), String> {
    let started = Instant::now();
    let tools = Tools::ensure_for_tests(&[Engine::Chromium])?;
    let axe = crate::run::step("tools: axe-core (accessibility audits)", Tools::ensure_axe)?;
    let mut report = Report::default();
    staff_edits(&mut report, &tools, &axe);
    report.finish(started, None)
}

/// The staff-edit test (`staff.rs`): the typical edits pass check-content, the native
/// tests and a quick end-to-end run in Chromium on their own release build; the lowered
/// tier fails exactly the safety table, with the rule named. Builds share `target/`:
/// only the app crate and its tests are rebuilt for each copy.
fn staff_edits(report: &mut Report, tools: &Tools, axe: &std::path::Path) {
    const DIST: &str = "target/staff-edit/dist";
    // The native tests that can see a copy: the core's (its `QUIZ` is the content
    // folder's) and the app's (built with the folder's content). The xtask's read the
    // repository's own content as fixtures, the same whatever the folder: they ran
    // once above.
    let native_tests = |folder: &std::path::Path| {
        Cmd::cargo()
            .args(["test", "--no-fail-fast", "--package", "quiz"])
            .args(["--package", "symptom-quiz"])
            .env(CONTENT, folder)
            .tests()
    };
    let typical = crate::staff::write("typical", crate::staff::TYPICAL)
        .and_then(|folder| crate::staff::sign(&folder, &folder).map(|()| folder));
    let typical = match typical {
        Ok(folder) => folder,
        Err(message) => {
            eprintln!("{message}");
            report.skipped("staff edits", &message);
            return;
        }
    };
    report.check("staff edits: check-content", || {
        Cmd::cargo()
            .args(["xtask", "check-content"])
            .env(CONTENT, &typical)
            .status()
    });
    report.tests("staff edits: native tests", || native_tests(&typical));
    let built = report.check("staff edits: release build", || {
        tools
            .trunk()
            .args(["build", "--release", "--dist", DIST])
            .env(CONTENT, &typical)
            .status()
    });
    if built {
        report.tests("staff edits: end-to-end, Chromium", || {
            let mut cmd = Cmd::cargo()
                .args(["test", "--package", "e2e", "--test", "quiz", "--"])
                .args(STAFF_E2E.iter().map(|t| format!("chromium::{t}")))
                .env("PATH", tools.path_var())
                .env(CONTENT, &typical)
                .env("E2E_DIST", root().join(DIST))
                .env("E2E_AXE", axe);
            if let Some(minibrowser) = minibrowser() {
                cmd = cmd.env("E2E_MINIBROWSER", minibrowser);
            }
            cmd.tests()
        });
    } else {
        report.skipped("staff edits: end-to-end, Chromium", "no release build");
    }
    // Signed as the repository's content was, then lowered.
    let lowered = crate::staff::write("lowered", crate::staff::LOWERED)
        .and_then(|folder| crate::staff::sign(&folder, &root().join("content")).map(|()| folder));
    report.check(
        "staff edits: a lowered tier fails the safety table only",
        || {
            let folder = lowered?;
            let check = Cmd::cargo()
                .args(["xtask", "check-content"])
                .env(CONTENT, &folder)
                .output()
                .ok_or("check-content failed on the lowered copy")?;
            let lapsed = format!(
                "Review: the content changed since {} signed it on {}",
                crate::staff::REVIEWER.0,
                crate::staff::REVIEWER.1
            );
            if !check.contains(&lapsed) {
                return Err(format!("check-content does not say {lapsed:?}:\n{check}"));
            }
            let run = native_tests(&folder);
            let expected = [crate::staff::LOWERED_FAILS.to_string()];
            if run.failures != expected {
                return Err(format!(
                    "a lowered tier must fail exactly {expected:?}; failed: {:?}",
                    run.failures
                ));
            }
            let rule = format!("\"{}\" (call-clinic)", crate::staff::LOWERED_RULE);
            if !run.output.contains(&rule) || !run.output.contains("require urgent") {
                return Err(format!(
                    "the safety table's message names neither the rule {rule} nor the tier it \
                 requires"
                ));
            }
            Ok(())
        },
    );
}

/// The content folder setting (`.cargo/config.toml`).
const CONTENT: &str = "SYMPTOM_QUIZ_CONTENT";

/// The end-to-end tests of the staff-edit run: a run to each tier (new question
/// included), the reviewer named, the clinic's facts in both languages, the strict CSP.
const STAFF_E2E: &[&str] = &[
    "full_runs_reach_each_of_the_five_tiers",
    "the_result_names_the_reviewer_only_for_the_signed_content",
    "the_clinic_facts_show_in_both_languages",
    "the_quiz_runs_under_the_strict_csp_without_a_violation",
];

/// What ran: each check counts as one, each test as one.
#[derive(Default)]
struct Report {
    rows: Vec<String>,
    passed: u32,
    failed: u32,
}

impl Report {
    fn check(&mut self, name: &str, body: impl FnOnce() -> Result<(), String>) -> bool {
        let started = Instant::now();
        let result = step(name, body);
        let ok = result.is_ok();
        if let Err(message) = result {
            eprintln!("{message}");
        }
        self.count(ok as u32, !ok as u32);
        self.row(name, if ok { "ok" } else { "FAILED" }, started);
        ok
    }

    fn tests(&mut self, name: &str, body: impl FnOnce() -> TestRun) {
        let started = Instant::now();
        let run = step(name, body);
        // A runner that ran nothing, or failed without counting a failure (a build
        // error), fails the step: a green line must mean tests ran and passed.
        let ok = run.success && run.failed == 0 && run.passed > 0;
        let failed = if ok { 0 } else { run.failed.max(1) };
        self.count(run.passed, failed);
        let status = format!(
            "{} ({} passed, {} failed)",
            if ok { "ok" } else { "FAILED" },
            run.passed,
            run.failed
        );
        self.row(name, &status, started);
    }

    fn skipped(&mut self, name: &str, why: &str) {
        self.failed += 1;
        self.rows
            .push(format!("  {name:<44} FAILED (skipped: {why})"));
    }

    /// A step this kind of run leaves out on purpose, and where it runs.
    fn not_run(&mut self, name: &str, why: &str) {
        self.rows.push(format!("  {name:<44} not run ({why})"));
    }

    fn count(&mut self, passed: u32, failed: u32) {
        self.passed += passed;
        self.failed += failed;
    }

    fn row(&mut self, name: &str, status: &str, started: Instant) {
        let seconds = started.elapsed().as_secs_f64();
        self.rows
            .push(format!("  {name:<44} {status} [{seconds:.1} s]"));
    }

    /// Prints the summary, and keeps it in `keep` (`cargo xtask test`'s, for `cargo
    /// xtask timings`); an error (already said there) when anything failed.
    fn finish(self, started: Instant, keep: Option<&str>) -> Result<(), String> {
        self.print(started, keep);
        if self.failed == 0 {
            Ok(())
        } else {
            Err(String::new())
        }
    }

    fn print(&self, started: Instant, keep: Option<&str>) {
        let mut summary = format!(
            "==> summary ({:.0} s in all)\n",
            started.elapsed().as_secs_f64()
        );
        for row in &self.rows {
            summary.push_str(row);
            summary.push('\n');
        }
        summary.push_str(&format!(
            "\n{} passed, {} failed\n",
            self.passed, self.failed
        ));
        if let Some(kept) = keep.map(|file| root().join(file)) {
            let _ = std::fs::create_dir_all(kept.parent().expect("a folder"));
            let _ = std::fs::write(&kept, &summary);
        }
        print!("\n{summary}");
    }
}
