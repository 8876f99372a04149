//! Running commands and timing steps, so that nobody stares at a silent terminal.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Runs `body` as a named step: prints its name, then how long it took.
pub fn step<T>(name: &str, body: impl FnOnce() -> T) -> T {
    println!("\n==> {name}");
    let started = Instant::now();
    let result = body();
    println!("<== {name}: {:.1} s", started.elapsed().as_secs_f64());
    result
}

/// A command run from the workspace root.
pub struct Cmd(Command);

impl Cmd {
    pub fn new(program: impl AsRef<OsStr>) -> Cmd {
        let mut command = Command::new(program);
        command.current_dir(crate::root());
        Cmd(command)
    }

    /// `cargo`, the same one that runs this xtask.
    pub fn cargo() -> Cmd {
        Cmd::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
    }

    pub fn args<S: AsRef<OsStr>>(mut self, args: impl IntoIterator<Item = S>) -> Cmd {
        self.0.args(args);
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Cmd {
        self.0.env(key, value);
        self
    }

    fn describe(&self) -> String {
        let args: Vec<_> = self.0.get_args().map(|a| a.to_string_lossy()).collect();
        format!(
            "{} {}",
            self.0.get_program().to_string_lossy(),
            args.join(" ")
        )
    }

    /// Runs with inherited output; an error names the command.
    pub fn status(mut self) -> Result<(), String> {
        println!("$ {}", self.describe());
        let status = self
            .0
            .status()
            .map_err(|e| format!("could not run `{}`: {e}", self.describe()))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", self.describe()))
        }
    }

    /// Becomes the command (Unix `exec`): same process id, so stopping this process,
    /// by Ctrl-C or by its id, stops the command itself; nothing is left running.
    /// Returns only if it cannot start.
    pub fn exec(mut self) -> String {
        use std::os::unix::process::CommandExt;
        println!("$ {}", self.describe());
        let error = self.0.exec();
        format!("could not run `{}`: {error}", self.describe())
    }

    /// Runs quietly and returns its trimmed standard output, or `None` if it cannot run
    /// or fails (used to ask a tool its version).
    pub fn output(mut self) -> Option<String> {
        let output = self.0.stderr(Stdio::null()).output().ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
    }

    /// Runs a test binary (or cargo test), echoing its output, and counts the tests from
    /// libtest's `test result:` lines.
    pub fn tests(mut self) -> TestRun {
        println!("$ {}", self.describe());
        let child = self.0.stdout(Stdio::piped()).spawn();
        let mut child = match child {
            Ok(child) => child,
            Err(e) => {
                eprintln!("could not run `{}`: {e}", self.describe());
                return TestRun::default();
            }
        };
        let mut run = TestRun::default();
        let stdout = child.stdout.take().expect("stdout is piped");
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some((passed, failed)) = parse_test_result(&line) {
                run.passed += passed;
                run.failed += failed;
            }
            if let Some(name) = line
                .strip_prefix("test ")
                .and_then(|l| l.strip_suffix(" ... FAILED"))
            {
                run.failures.push(name.to_string());
            }
            run.output.push_str(&line);
            run.output.push('\n');
        }
        run.success = child.wait().is_ok_and(|s| s.success());
        run
    }
}

/// Counts from a test run.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TestRun {
    pub passed: u32,
    pub failed: u32,
    pub success: bool,
    /// The failed tests' names, as libtest prints them.
    pub failures: Vec<String>,
    /// Everything the run printed to standard output.
    pub output: String,
}

/// Reads `test result: ok. 12 passed; 0 failed; ...` (libtest and wasm-bindgen-test).
fn parse_test_result(line: &str) -> Option<(u32, u32)> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let count = |word: &str| {
        rest.split(';').find_map(|part| {
            part.trim()
                .strip_suffix(word)?
                .trim()
                .rsplit(' ')
                .next()?
                .parse()
                .ok()
        })
    };
    Some((count(" passed")?, count(" failed")?))
}

#[cfg(test)]
mod tests {
    use super::parse_test_result;

    #[test]
    fn reads_libtest_summaries() {
        let line = "test result: ok. 11 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s";
        assert_eq!(parse_test_result(line), Some((11, 0)));
        let line = "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 4 filtered out";
        assert_eq!(parse_test_result(line), Some((3, 2)));
        assert_eq!(parse_test_result("test foo ... ok"), None);
    }
}
