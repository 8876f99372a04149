//! Makes sure the tools exist, installing what is missing without asking, and
//! reinstalling nothing that is already there at the right version.
//!
//! - Rust tools (`trunk`, `wasm-bindgen`, `geckodriver`) go to cargo's bin folder.
//! - wasm-opt comes from the npm package `binaryen@132` (Debian's is too old), the JS
//!   minifier from npm `terser` (Trunk.toml's release hook), the accessibility audit
//!   from npm `axe-core`, and for the deployment tests Cloudflare's `wrangler` and
//!   Mozilla's HTTP Observatory scanner, cached in `~/.cache/symptom-quiz/tools` so a
//!   fresh clone on the same machine finds them.
//! - Browsers, drivers, Xvfb, brotli, and the web servers of the deployment recipes
//!   (nginx with its brotli module, Caddy) come from Debian's packages (as root).
//!
//! Versions are the ones `shared/docs/toolchain.md` found to work on these machines.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::run::{step, Cmd};
use crate::{root, Engine};

const TRUNK_VERSION: &str = "0.21.14";
const GECKODRIVER_VERSION: &str = "0.37.1";
const BINARYEN_VERSION: &str = "132";
/// terser, which minifies wasm-bindgen's glue in release builds (`xtask/hooks`).
const TERSER_VERSION: &str = "5.36.0";
/// axe-core, injected by the end-to-end suite to audit accessibility.
const AXE_VERSION: &str = "4.14.1";
const LIGHTHOUSE_VERSION: &str = "12.2.3";
const TWIGGY_VERSION: &str = "0.8.0";
/// Cloudflare's own Pages emulator (`wrangler pages dev`), for the `_headers` recipe.
const WRANGLER_VERSION: &str = "3.97.0";
/// Mozilla's HTTP Observatory scanner, which grades the nginx and Caddy recipes.
const OBSERVATORY_VERSION: &str = "1.4.8";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const NGINX: &str = "/usr/sbin/nginx";
const CADDY: &str = "/usr/bin/caddy";
const BROTLI_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/// Where the tools are, once ensured.
pub struct Tools {
    cargo_bin: PathBuf,
    wasm_opt_bin: PathBuf,
    terser_bin: PathBuf,
}

impl Tools {
    /// What building the quiz needs: the wasm target, Trunk, wasm-bindgen, wasm-opt,
    /// terser.
    pub fn ensure_for_build() -> Result<Tools, String> {
        let tools = Tools {
            cargo_bin: cargo_home().join("bin"),
            wasm_opt_bin: cache_dir()
                .join(format!("binaryen-{BINARYEN_VERSION}"))
                .join("node_modules/.bin"),
            terser_bin: cache_dir()
                .join(format!("terser-{TERSER_VERSION}"))
                .join("node_modules/.bin"),
        };
        step(
            "tools: wasm target, Trunk, wasm-bindgen, wasm-opt, terser",
            || {
                ensure_wasm_target()?;
                fetch_crates()?;
                ensure_cargo_tool(&tools.cargo_bin, "trunk", "trunk", TRUNK_VERSION, true)?;
                let bindgen = wasm_bindgen_version()?;
                ensure_cargo_tool(
                    &tools.cargo_bin,
                    "wasm-bindgen",
                    "wasm-bindgen-cli",
                    &bindgen,
                    false,
                )?;
                tools.ensure_wasm_opt()?;
                tools.ensure_terser()
            },
        )?;
        Ok(tools)
    }

    /// Also what the tests need: Chromium (wasm tests) and each engine's browser and driver.
    pub fn ensure_for_tests(engines: &[Engine]) -> Result<Tools, String> {
        let tools = Tools::ensure_for_build()?;
        step("tools: rustfmt and clippy", ensure_rust_components)?;
        step(
            "tools: browsers and their drivers",
            || -> Result<(), String> {
                let mut needed = vec![("/usr/bin/chromium", "chromium")];
                needed.push(("/usr/bin/chromedriver", "chromium-driver"));
                if engines.contains(&Engine::Firefox) {
                    needed.push(("/usr/bin/firefox-esr", "firefox-esr"));
                }
                if engines.contains(&Engine::Webkit) {
                    needed.push(("/usr/bin/WebKitWebDriver", "webkit2gtk-driver"));
                    needed.push(("/usr/bin/Xvfb", "xvfb"));
                }
                ensure_debian_packages(&needed)?;
                if engines.contains(&Engine::Webkit) && minibrowser().is_none() {
                    return Err("WebKitGTK's MiniBrowser is missing: apt-get install \
                            --reinstall libwebkit2gtk-4.1-0"
                        .into());
                }
                if engines.contains(&Engine::Firefox) {
                    ensure_cargo_tool(
                        &tools.cargo_bin,
                        "geckodriver",
                        "geckodriver",
                        GECKODRIVER_VERSION,
                        true,
                    )?;
                }
                Ok(())
            },
        )?;
        Ok(tools)
    }

    /// `brotli` and `gzip`, for the precompressed files of `dist`.
    pub fn ensure_compressors() -> Result<(), String> {
        ensure_debian_packages(&[("/usr/bin/brotli", "brotli"), ("/bin/gzip", "gzip")])
    }

    /// Trunk, with [`Tools::path_var`] as `PATH`, and the wasm the same bytes wherever
    /// cargo keeps the crates. Panic messages name each crate's files by their path under
    /// `CARGO_HOME`, so a fresh clone's run with a longer one (`/work/ci42-home/cargo`)
    /// built another wasm than `/root/.cargo` did, for the same code, and brotli's bytes
    /// moved by tens; the size guard asserts them. The wasm names each crate's files from
    /// the crate's folder (`yew-0.23.0/src/…`), whatever `CARGO_HOME` is (only the wasm:
    /// with `--target`, cargo leaves the build scripts' flags alone).
    pub fn trunk(&self) -> Cmd {
        const WASM_FLAGS: &str = "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS";
        let mut flags = env::var(WASM_FLAGS).unwrap_or_default();
        // rustc sees absolute paths; the registry's folders: cargo has fetched the
        // xtask's crates into one already. (When several remappings match, rustc
        // applies the last.)
        let home = std::path::absolute(cargo_home()).unwrap_or_else(|_| cargo_home());
        let mut prefixes = vec![(home.clone(), "/cargo/")];
        let sources = fs::read_dir(home.join("registry/src"))
            .into_iter()
            .flatten();
        prefixes.extend(sources.filter_map(Result::ok).map(|e| (e.path(), "")));
        for (from, to) in prefixes {
            let from = from.join("");
            let from = from.to_string_lossy();
            if from.contains(char::is_whitespace) {
                // Cargo splits these flags on whitespace, with no escape.
                eprintln!(
                    "warning: CARGO_HOME's path has a space ({from}): the wasm will name \
                     it, and its bytes may differ from the size guard's on other machines"
                );
                continue;
            }
            flags.push_str(&format!(" --remap-path-prefix={from}={to}"));
        }
        if ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS"]
            .iter()
            .any(|v| env::var_os(v).is_some())
        {
            eprintln!(
                "warning: RUSTFLAGS is set, so cargo ignores {WASM_FLAGS}: the wasm will name \
                 CARGO_HOME's path, and its bytes may differ from the size guard's"
            );
        }
        Cmd::new(self.cargo_bin.join("trunk"))
            .env("PATH", self.path_var())
            .env(WASM_FLAGS, flags.trim_start())
    }

    /// `PATH` for child processes: cargo's bin folder, wasm-opt's and terser's first, so
    /// Trunk (offline) and its release hook find the pinned wasm-bindgen, wasm-opt and
    /// terser.
    pub fn path_var(&self) -> std::ffi::OsString {
        let mut dirs = vec![
            self.cargo_bin.clone(),
            self.wasm_opt_bin.clone(),
            self.terser_bin.clone(),
        ];
        dirs.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
        env::join_paths(dirs).expect("PATH entries contain no separator")
    }

    fn ensure_wasm_opt(&self) -> Result<(), String> {
        let version = format!("version_{BINARYEN_VERSION}");
        ensure_npm_bin(
            &self.wasm_opt_bin,
            "wasm-opt",
            "binaryen",
            BINARYEN_VERSION,
            |v| v.contains(&version),
        )
    }

    fn ensure_terser(&self) -> Result<(), String> {
        ensure_npm_bin(&self.terser_bin, "terser", "terser", TERSER_VERSION, |v| {
            version_matches(v, TERSER_VERSION)
        })
    }

    /// axe-core's browser script, for the end-to-end suite's accessibility audits.
    pub fn ensure_axe() -> Result<PathBuf, String> {
        ensure_npm_file("axe-core", AXE_VERSION, "axe.min.js", "axe-core")
    }

    /// What the deployment tests need (`tests/e2e/tests/deploy.rs`): nginx with Debian's
    /// brotli module, Caddy, curl and openssl from Debian; wrangler and the Observatory
    /// scanner from npm. Returns wrangler's `bin/wrangler.js` and the scanner's
    /// `src/scan.js`.
    pub fn ensure_for_deploy() -> Result<(PathBuf, PathBuf), String> {
        let had_servers = Path::new(NGINX).exists() && Path::new(CADDY).exists();
        ensure_debian_packages(&[
            (NGINX, "nginx"),
            (BROTLI_MODULE, "libnginx-mod-http-brotli-static"),
            (CADDY, "caddy"),
            ("/usr/bin/curl", "curl"),
            ("/usr/bin/openssl", "openssl"),
        ])?;
        // Debian's packages may start nginx and Caddy on ports 80 and 443 of every
        // address (when installed, or at boot on a machine with systemd); the tests'
        // servers need those ports on their own loopback addresses.
        if !had_servers || ports_taken().is_some() {
            let _ = Cmd::new(NGINX).args(["-s", "quit"]).output();
            let _ = Cmd::new(CADDY).args(["stop"]).output();
            let _ = Cmd::new("systemctl")
                .args(["stop", "nginx", "caddy"])
                .output();
        }
        // A server told to quit closes its ports a moment later. Still taken after 10 s,
        // the deployment tests will fail on them: said here, while the other steps run.
        let mut taken = ports_taken();
        for _ in 0..20 {
            if taken.is_none() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(500));
            taken = ports_taken();
        }
        if let Some(error) = taken {
            eprintln!(
                "warning: the deployment tests run their servers on ports 80 and 443 of \
                 127.77.x.y, as root: {error}. Stop what listens there (`ss -ltnp \
                 'sport = :80 or sport = :443'` names it), or they fail"
            );
        }
        let wrangler = ensure_npm_file(
            "wrangler",
            WRANGLER_VERSION,
            "bin/wrangler.js",
            "wrangler (Cloudflare's Pages emulator)",
        )?;
        // Its install scripts download certificate bundles and the HSTS preload list,
        // which these machines cannot: installed without them, and given an empty
        // preload list (nothing here is preloaded).
        let prefix = cache_dir().join(format!("mdn-http-observatory-{OBSERVATORY_VERSION}"));
        let package = prefix.join("node_modules/@mdn/mdn-http-observatory");
        let scan = package.join("src/scan.js");
        if installed(&prefix) {
            println!("  HTTP Observatory {OBSERVATORY_VERSION}: installed");
        } else {
            npm_install(
                &prefix,
                &[
                    "--ignore-scripts",
                    &format!("@mdn/mdn-http-observatory@{OBSERVATORY_VERSION}"),
                ],
                "the HTTP Observatory scanner",
            )?;
        }
        let preload = package.join("conf/hsts-preload.json");
        if !preload.is_file() {
            fs::write(&preload, "{}\n").map_err(|e| format!("{}: {e}", preload.display()))?;
        }
        Ok((wrangler, scan))
    }

    /// Lighthouse's command line, for `cargo xtask bench` (12.2.3 exactly: 13 wants
    /// Node 22).
    pub fn ensure_lighthouse() -> Result<PathBuf, String> {
        ensure_npm_file(
            "lighthouse",
            LIGHTHOUSE_VERSION,
            "cli/index.js",
            "Lighthouse",
        )
    }

    /// twiggy, the wasm size profiler: the size guard names the wasm's biggest items
    /// with it when a part is over budget (installed only then).
    pub fn ensure_twiggy() -> Result<PathBuf, String> {
        let cargo_bin = cargo_home().join("bin");
        ensure_cargo_tool(&cargo_bin, "twiggy", "twiggy", TWIGGY_VERSION, true)?;
        Ok(cargo_bin.join("twiggy"))
    }
}

/// Installs `package` with `cargo install` into `cargo_bin` unless `binary --version`
/// already says `version`.
fn ensure_cargo_tool(
    cargo_bin: &Path,
    binary: &str,
    package: &str,
    version: &str,
    locked: bool,
) -> Result<(), String> {
    let path = cargo_bin.join(binary);
    let found = Cmd::new(&path).args(["--version"]).output();
    if found
        .as_deref()
        .is_some_and(|v| version_matches(v, version))
    {
        println!("  {binary} {version}: installed");
        return Ok(());
    }
    let what = found.map_or("missing".to_string(), |v| format!("found {v:?}"));
    step(
        &format!("install {package} {version} ({what}; takes minutes on 2 cores)"),
        || {
            let mut args = vec!["install", package, "--version", version];
            if locked {
                args.push("--locked");
            }
            Cmd::cargo().args(args).status()
        },
    )
}

/// Installs npm `package@version` into the folder above `bin_dir` (`…/node_modules/.bin`)
/// unless `bin_dir/binary --version` already says `version` (as `is_version` reads it).
fn ensure_npm_bin(
    bin_dir: &Path,
    binary: &str,
    package: &str,
    version: &str,
    is_version: impl Fn(&str) -> bool,
) -> Result<(), String> {
    let found = Cmd::new(bin_dir.join(binary)).args(["--version"]).output();
    if found.as_deref().is_some_and(is_version) {
        println!("  {binary} {version}: installed");
        return Ok(());
    }
    let prefix = bin_dir
        .parent()
        .and_then(Path::parent)
        .expect("…/node_modules/.bin");
    npm_install(prefix, &[&format!("{package}@{version}")], binary)
}

/// `file` of npm `package@version` (a path inside the package), installed into its own
/// cached folder unless it is already there.
fn ensure_npm_file(
    package: &str,
    version: &str,
    file: &str,
    what: &str,
) -> Result<PathBuf, String> {
    let prefix = cache_dir().join(format!("{package}-{version}"));
    let path = prefix.join("node_modules").join(package).join(file);
    if installed(&prefix) && path.is_file() {
        println!("  {what} {version}: installed");
        return Ok(path);
    }
    npm_install(&prefix, &[&format!("{package}@{version}")], what)?;
    Ok(path)
}

/// `npm install args` (a pinned `package@version`, maybe flags) into its own folder
/// `prefix` (no global install, no root). The folder is marked installed only once npm
/// succeeded: an install cut short can leave the package's main file without its
/// dependencies, and is installed again on the next run.
fn npm_install(prefix: &Path, args: &[&str], what: &str) -> Result<(), String> {
    let stamp = prefix.join(INSTALLED);
    let _ = fs::remove_file(&stamp);
    fs::create_dir_all(prefix).map_err(|e| format!("cannot create {}: {e}", prefix.display()))?;
    step(&format!("install {what} (npm {})", args.join(" ")), || {
        Cmd::new("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                "--prefix",
            ])
            .args([prefix.as_os_str()])
            .args(args)
            .status()
    })?;
    fs::write(&stamp, args.join(" ")).map_err(|e| format!("{}: {e}", stamp.display()))
}

/// The file `npm_install` writes into its folder once npm succeeded.
const INSTALLED: &str = ".installed";

/// Whether `npm_install` finished in `prefix`.
fn installed(prefix: &Path) -> bool {
    prefix.join(INSTALLED).is_file()
}

/// `trunk 0.21.14`, `wasm-bindgen 0.2.130`, `geckodriver 0.37.1 (hash date)`.
fn version_matches(output: &str, version: &str) -> bool {
    output
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        == Some(version)
}

/// Every crate `Cargo.lock` names, for every platform, in cargo's cache: the builds
/// then need no network, and nothing depends on what an earlier build happened to
/// fetch (Trunk builds with `--offline`, `offline = true` in Trunk.toml). Quick when
/// they are there.
fn fetch_crates() -> Result<(), String> {
    Cmd::cargo().args(["fetch", "--quiet"]).status()
}

/// rustfmt and clippy, which `test` runs: part of rustup's default profile, not of its
/// minimal one.
fn ensure_rust_components() -> Result<(), String> {
    let has = |tool: &str| Cmd::cargo().args([tool, "--version"]).output().is_some();
    if has("fmt") && has("clippy") {
        println!("  rustfmt, clippy: installed");
        return Ok(());
    }
    Cmd::new("rustup")
        .args(["component", "add", "rustfmt", "clippy"])
        .status()
        .map_err(|e| {
            format!(
                "{e}\nrustfmt and clippy are missing from the Rust toolchain, and rustup \
                 could not add them: install them with the toolchain \
                 (`rustup component add rustfmt clippy` where rustup reaches its server)"
            )
        })
}

/// Why ports 80 and 443 of the deployment tests' loopback addresses cannot be had, if
/// they cannot (a server listening on every address holds them too).
fn ports_taken() -> Option<String> {
    [80, 443].iter().find_map(|&port| {
        std::net::TcpListener::bind(("127.77.0.1", port))
            .err()
            .map(|e| format!("port {port}: {e}"))
    })
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = Cmd::new("rustup")
        .args(["target", "list", "--installed"])
        .output();
    if installed.is_some_and(|list| list.lines().any(|l| l.trim() == WASM_TARGET)) {
        println!("  {WASM_TARGET}: installed");
        return Ok(());
    }
    Cmd::new("rustup")
        .args(["target", "add", WASM_TARGET])
        .status()
}

/// The wasm-bindgen version in `Cargo.lock`; the CLI must match it exactly, and so must
/// the pin in `Trunk.toml`.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = toml_file("Cargo.lock")?;
    let Some(DeValue::Array(packages)) = get(&lock, "package") else {
        return Err("Cargo.lock has no [[package]] list".into());
    };
    let version = packages
        .iter()
        .find_map(|p| match p.get_ref() {
            DeValue::Table(p) if string(get(p, "name")) == Some("wasm-bindgen") => {
                string(get(p, "version"))
            }
            _ => None,
        })
        .ok_or("Cargo.lock has no wasm-bindgen package")?
        .to_string();
    let trunk = toml_file("Trunk.toml")?;
    let pinned = match get(&trunk, "tools") {
        Some(DeValue::Table(tools)) => string(get(tools, "wasm_bindgen")),
        _ => None,
    };
    if pinned != Some(version.as_str()) {
        return Err(format!(
            "Trunk.toml pins wasm_bindgen = {pinned:?} but Cargo.lock has {version}: \
             set `wasm_bindgen = \"{version}\"` under [tools] in Trunk.toml"
        ));
    }
    Ok(version)
}

/// A TOML file of the project, parsed with the parser the content's reader uses.
fn toml_file(name: &str) -> Result<DeTable<'static>, String> {
    let text =
        fs::read_to_string(root().join(name)).map_err(|e| format!("cannot read {name}: {e}"))?;
    DeTable::parse(Box::leak(text.into_boxed_str()))
        .map(|table| table.into_inner())
        .map_err(|e| format!("{name}: {e}"))
}

fn get<'t>(table: &'t DeTable<'static>, key: &str) -> Option<&'t DeValue<'static>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v.get_ref())
}

fn string<'t>(value: Option<&'t DeValue<'static>>) -> Option<&'t str> {
    match value {
        Some(DeValue::String(s)) => Some(s.as_ref()),
        _ => None,
    }
}

/// Installs the Debian packages that are not installed, or whose marker file is
/// missing (as root), or says which to install.
fn ensure_debian_packages(needed: &[(&str, &str)]) -> Result<(), String> {
    let mut missing: Vec<&str> = needed
        .iter()
        .filter(|(file, package)| !Path::new(file).exists() || !dpkg_installed(package))
        .map(|(_, package)| *package)
        .collect();
    missing.dedup();
    if missing.is_empty() {
        println!("  Debian packages: {} present", needed.len());
        return Ok(());
    }
    let is_root = Cmd::new("id").args(["-u"]).output().as_deref() == Some("0");
    if !is_root {
        return Err(format!(
            "missing Debian packages; install them as root and run again:\n  \
             sudo apt-get update && sudo apt-get install -y {}",
            missing.join(" ")
        ));
    }
    // A new machine may still be running its own first apt job: wait for its lock
    // rather than fail; and an install cut short earlier is finished first.
    const WAIT_FOR_LOCK: [&str; 2] = ["-o", "DPkg::Lock::Timeout=600"];
    step(&format!("apt-get install {}", missing.join(" ")), || {
        apt_update()?;
        // (apt-get refuses to install after an interrupted dpkg until this has run.)
        let _ = Cmd::new("dpkg")
            .args(["--configure", "-a"])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status();
        Cmd::new("apt-get")
            .args(WAIT_FOR_LOCK)
            .args(["install", "-y", "-q"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
    })
}

/// `apt-get update`, waiting up to 10 minutes while another apt job holds its lists'
/// lock (`DPkg::Lock::Timeout` waits for dpkg's lock only).
fn apt_update() -> Result<(), String> {
    for _ in 0..60 {
        let output = std::process::Command::new("apt-get")
            .args(["update", "-q"])
            .output()
            .map_err(|e| format!("could not run apt-get: {e}"))?;
        print!("{}", String::from_utf8_lossy(&output.stdout));
        let errors = String::from_utf8_lossy(&output.stderr);
        if output.status.success() {
            return Ok(());
        }
        if !errors.contains("Could not get lock") {
            return Err(format!("apt-get update failed:\n{errors}"));
        }
        println!("  apt's lists are locked by another apt job: waiting");
        std::thread::sleep(std::time::Duration::from_secs(10));
    }
    Err("apt-get update: another apt job held the lock for 10 minutes".into())
}

/// Whether dpkg has `package` fully installed (a file of it can exist while its
/// install was cut short).
fn dpkg_installed(package: &str) -> bool {
    Cmd::new("dpkg-query")
        .args(["--show", "--showformat=${db:Status-Status}", package])
        .output()
        .as_deref()
        == Some("installed")
}

/// WebKitGTK's MiniBrowser, which WebKitWebDriver drives (`/usr/lib/<arch>/…`).
pub fn minibrowser() -> Option<PathBuf> {
    fs::read_dir("/usr/lib")
        .ok()?
        .filter_map(Result::ok)
        .map(|dir| dir.path().join("webkit2gtk-4.1/MiniBrowser"))
        .find(|path| path.exists())
}

fn cargo_home() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cargo"))
}

/// Tools cached outside the repository, so that a fresh clone finds them.
fn cache_dir() -> PathBuf {
    env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cache"))
        .join("symptom-quiz/tools")
}

fn home() -> PathBuf {
    env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| "/root".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_from_the_first_word_after_the_name() {
        assert!(version_matches("trunk 0.21.14", "0.21.14"));
        assert!(version_matches(
            "geckodriver 0.37.1 (abc 2025-01-01)\n\nmore",
            "0.37.1"
        ));
        assert!(!version_matches("trunk 0.22.0", "0.21.14"));
        assert!(!version_matches("", "0.21.14"));
    }

    #[test]
    fn trunk_toml_pins_the_wasm_bindgen_of_cargo_lock() {
        let version = wasm_bindgen_version().unwrap();
        assert!(version.starts_with("0.2."), "{version}");
    }
}
