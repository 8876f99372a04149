//! Starting a browser engine: its WebDriver server, the display WebKitGTK needs, and
//! the capabilities that make each run clean (fresh profile, no background traffic).
//! Everything started here is stopped when the [`Browser`] is dropped.

use std::fs;
use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::http;

/// How a browser is started, besides its engine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Launch {
    /// Accepts certificates it cannot verify: the deployment tests' servers use one from
    /// a throwaway CA ([`crate::deploy::tls`]). The connection is still TLS, and each
    /// engine still runs the service worker over it.
    pub test_certificates: bool,
    /// The system's dark appearance, so pages see `prefers-color-scheme: dark`
    /// (Chromium: `--force-dark-mode`; Firefox: its content override; WebKitGTK: GTK's
    /// dark Adwaita).
    pub dark: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    /// WebKitGTK's MiniBrowser: Safari's engine, our stand-in for iPhones.
    Webkit,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
        }
    }

    fn driver(self) -> (&'static str, Vec<String>) {
        match self {
            Engine::Chromium => ("chromedriver", vec![]),
            Engine::Firefox => ("geckodriver", vec!["--host".into(), "127.0.0.1".into()]),
            Engine::Webkit => ("WebKitWebDriver", vec![]),
        }
    }

    fn port_args(self, port: u16) -> Vec<String> {
        match self {
            Engine::Firefox => vec!["--port".into(), port.to_string()],
            Engine::Chromium | Engine::Webkit => vec![format!("--port={port}")],
        }
    }

    /// A fresh profile in `profile`; in Chromium and Firefox every request not for
    /// loopback goes to `proxy` (a [`crate::proxy::RecordingProxy`], which records it
    /// and lets nothing through).
    fn capabilities(self, profile: &Path, proxy: SocketAddr, launch: Launch) -> Value {
        let mut capabilities = self.light_capabilities(profile, proxy);
        if launch.test_certificates {
            capabilities["acceptInsecureCerts"] = true.into();
        }
        if launch.dark {
            match self {
                Engine::Chromium => {
                    let args = &mut capabilities["goog:chromeOptions"]["args"];
                    args.as_array_mut()
                        .expect("args")
                        .push("--force-dark-mode".into());
                }
                Engine::Firefox => {
                    let prefs = &mut capabilities["moz:firefoxOptions"]["prefs"];
                    prefs["layout.css.prefers-color-scheme.content-override"] = 0.into();
                    prefs["ui.systemUsesDarkTheme"] = 1.into();
                }
                // The driver's environment: GTK_THEME (Browser::launch).
                Engine::Webkit => {}
            }
        }
        capabilities
    }

    fn light_capabilities(self, profile: &Path, proxy: SocketAddr) -> Value {
        match self {
            Engine::Chromium => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    // As root, without a sandbox; and without background networking,
                    // which keeps trying hosts this machine cannot reach.
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1280,900",
                        // The visitor's language is the browser's: English whatever the
                        // machine's locale (WebKitGTK takes it from the driver's, below).
                        "--lang=en-US",
                        format!("--user-data-dir={}", profile.display()),
                        // No host name resolves but loopback's (the deployment tests'
                        // servers are on 127.77.*), and whatever is not for loopback
                        // (which Chromium never proxies) goes to the proxy.
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, \
                         EXCLUDE 127.0.0.1, EXCLUDE 127.77.*",
                        format!("--proxy-server=http://{proxy}"),
                    ],
                },
            }),
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": "/usr/bin/firefox-esr",
                    "args": ["-headless"],
                    "prefs": {
                        "network.captive-portal-service.enabled": false,
                        "network.connectivity-service.enabled": false,
                        "browser.safebrowsing.update.enabled": false,
                        "app.update.auto": false,
                        "intl.accept_languages": "en-US",
                        // Everything not for loopback (which Firefox never proxies
                        // unless told to) goes to the proxy.
                        "network.proxy.type": 1,
                        "network.proxy.http": proxy.ip().to_string(),
                        "network.proxy.http_port": proxy.port(),
                        "network.proxy.ssl": proxy.ip().to_string(),
                        "network.proxy.ssl_port": proxy.port(),
                        "network.proxy.allow_hijacking_localhost": false,
                        "network.proxy.no_proxies_on": "",
                    },
                },
            }),
            // No proxy here: with WebKitWebDriver's `proxy` capability, some session
            // starts never answered (about one in ten, and retries hung too), so in
            // WebKitGTK nothing off loopback is recorded: the machine has no route there,
            // and the server log, Resource Timing and CSP reports still see the page.
            Engine::Webkit => json!({
                "webkitgtk:browserOptions": {
                    "binary": minibrowser(),
                    "args": ["--automation"],
                },
            }),
        }
    }
}

/// `E2E_MINIBROWSER` (set by `cargo xtask test`) or Debian's amd64 path.
fn minibrowser() -> String {
    std::env::var("E2E_MINIBROWSER")
        .unwrap_or_else(|_| "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser".into())
}

/// A running WebDriver server (and its X display, for WebKitGTK), with its own
/// scratch folder for the profile and logs.
pub struct Browser {
    pub engine: Engine,
    pub driver_addr: SocketAddr,
    pub capabilities: Value,
    pub scratch: PathBuf,
    driver: Child,
    display: Option<Child>,
}

impl Browser {
    pub fn launch(engine: Engine, test: &str, proxy: SocketAddr, launch: Launch) -> Browser {
        static RUNS: AtomicU32 = AtomicU32::new(0);
        let run = RUNS.fetch_add(1, Ordering::SeqCst);
        // A free port is found, then given to the driver: another process can take it in
        // between, and the driver then exits at once ("address in use"). So a driver that
        // exits before it is ready is started again, on another port, twice at most.
        for attempt in 1.. {
            let scratch = target_dir()
                .join("e2e/runs")
                .join(format!("{test}-{}-{run}", std::process::id()));
            let _ = fs::remove_dir_all(&scratch);
            fs::create_dir_all(scratch.join("profile")).expect("create the scratch folder");

            let display = (engine == Engine::Webkit).then(|| start_xvfb(&scratch));
            let port = free_port();
            let (program, mut args) = engine.driver();
            args.extend(engine.port_args(port));
            let log = fs::File::create(scratch.join("driver.log")).expect("create driver.log");
            let mut command = Command::new(program);
            command
                .args(&args)
                .stdin(Stdio::null())
                .stdout(log.try_clone().unwrap())
                .stderr(log);
            if let Some((_, number)) = &display {
                command.env("DISPLAY", format!(":{number}"));
            }
            // Nothing of the machine's session reaches the page: English, light unless
            // asked (WebKitGTK reads both from its environment).
            command
                .env("LANG", "C.UTF-8")
                .env_remove("LANGUAGE")
                .env_remove("GTK_THEME");
            for (name, _) in std::env::vars_os() {
                if name.to_string_lossy().starts_with("LC_") {
                    command.env_remove(name);
                }
            }
            if launch.dark && engine == Engine::Webkit {
                command.env("GTK_THEME", "Adwaita:dark");
            }
            let driver = command.spawn().unwrap_or_else(|e| {
                panic!(
                    "cannot start {program} (is it installed? `cargo xtask test` installs it): {e}"
                )
            });
            let mut browser = Browser {
                engine,
                driver_addr: SocketAddr::from(([127, 0, 0, 1], port)),
                capabilities: engine.capabilities(&scratch.join("profile"), proxy, launch),
                scratch,
                driver,
                display: display.map(|(child, _)| child),
            };
            match browser.wait_for_driver(program) {
                Ok(()) => return browser,
                Err(exited) if attempt < 3 => eprintln!("{exited}; starting it again"),
                Err(exited) => panic!("{exited}"),
            }
        }
        unreachable!("the loop returns or panics")
    }

    /// Waits until the driver answers; `Err` if it exited first.
    fn wait_for_driver(&mut self, program: &str) -> Result<(), String> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok((200, body)) = http::request(self.driver_addr, "GET", "/status", None) {
                let ready = serde_json::from_str::<Value>(&body)
                    .ok()
                    .and_then(|v| v["value"]["ready"].as_bool());
                if ready != Some(false) {
                    return Ok(());
                }
            }
            if let Ok(Some(status)) = self.driver.try_wait() {
                return Err(format!("{program} exited ({status}): {}", self.log_tail()));
            }
            assert!(
                Instant::now() < deadline,
                "{program} did not start: {}",
                self.log_tail()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The end of the driver's log, for error messages.
    pub fn log_tail(&self) -> String {
        let log = fs::read_to_string(self.scratch.join("driver.log")).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(15).collect();
        tail.into_iter().rev().collect::<Vec<_>>().join("\n")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        if let Some(display) = &mut self.display {
            let _ = display.kill();
            let _ = display.wait();
        }
        if !std::thread::panicking() {
            let _ = fs::remove_dir_all(&self.scratch);
        }
    }
}

/// The workspace's `target/` folder, as an absolute path without `..` (Chromium cannot
/// use a `--user-data-dir` with `..` in it: "Could not read in devtools port number").
pub fn target_dir() -> PathBuf {
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let _ = fs::create_dir_all(&dir);
    fs::canonicalize(&dir).unwrap_or(dir)
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Starts a virtual X display for WebKitGTK (it has no headless mode). Xvfb picks a
/// free display number itself and writes it to `-displayfd` once it accepts clients:
/// choosing the number here raced between tests running in parallel, and a test could
/// end up on another test's display and lose its browser when that test ended.
fn start_xvfb(scratch: &Path) -> (Child, u32) {
    let log = fs::File::create(scratch.join("xvfb.log")).expect("create xvfb.log");
    let mut child = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x1024x24",
            "-nolisten",
            "tcp",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start Xvfb (apt package xvfb): {e}"));
    let mut line = String::new();
    let stdout = child.stdout.take().expect("stdout is piped");
    // Blocks until Xvfb is ready, or returns nothing if it exits first.
    let _ = BufReader::new(stdout).read_line(&mut line);
    match line.trim().parse() {
        Ok(number) => (child, number),
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            let log = fs::read_to_string(scratch.join("xvfb.log")).unwrap_or_default();
            panic!("Xvfb did not start: {log}");
        }
    }
}
