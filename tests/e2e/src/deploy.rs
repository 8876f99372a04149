//! The deployment recipes of `deploy/`, served by the real servers they are written for
//! (nginx with Debian's brotli module, Caddy, Cloudflare's `wrangler pages dev`), each on
//! its own loopback address with a throwaway CA and certificate made with `openssl`.
//!
//! A recipe runs as written: only its site-specific values are replaced (host name,
//! certificate paths, the build's folder, and the loopback address added to `listen`),
//! and each replaced value must be found, so a recipe that changes shape fails here
//! instead of being tested half. The servers listen on ports 80 and 443 of addresses
//! `127.77.x.y` (any `127/8` address is loopback on Linux), as in production, so HTTP →
//! HTTPS redirects and the Observatory's checks see real URLs.

use std::fs;
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::browser::target_dir;

/// The `Permissions-Policy` every recipe sends: every feature the quiz does not use, off.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), camera=(), \
    display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), \
    magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), \
    publickey-credentials-get=(), screen-wake-lock=(), sync-xhr=(), usb=(), \
    xr-spatial-tracking=()";

/// `Strict-Transport-Security` on every TLS answer (two years; no `includeSubDomains`,
/// which would bind the clinic's other sites too).
pub const HSTS: &str = "max-age=63072000";

/// How many servers one test binary may start (each gets its own address).
const ADDRESSES: u8 = 24;

/// The recipes of `deploy/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recipe {
    /// `deploy/nginx/symptom-quiz.conf`: the quiz at the root of its own site.
    Nginx,
    /// `deploy/nginx/symptom-quiz-subpath.conf`: under `/quiz/` of the clinic's site.
    NginxSubpath,
    /// `deploy/Caddyfile`.
    Caddy,
    /// `deploy/_headers`, under Cloudflare's Pages emulator (plain HTTP: the host's
    /// own TLS is not the recipe's).
    Pages,
}

impl Recipe {
    /// The recipe's file, from the repository's root.
    pub fn name(self) -> &'static str {
        match self {
            Recipe::Nginx => "deploy/nginx/symptom-quiz.conf",
            Recipe::NginxSubpath => "deploy/nginx/symptom-quiz-subpath.conf",
            Recipe::Caddy => "deploy/Caddyfile",
            Recipe::Pages => "deploy/_headers",
        }
    }

    /// The recipe's file.
    pub fn file(self) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(self.name())
    }

    /// Where the quiz is, under the site's origin.
    pub fn base(self) -> &'static str {
        match self {
            Recipe::NginxSubpath => "/quiz/",
            _ => "/",
        }
    }

    /// The build this recipe serves (written by `cargo xtask test`, with a `.br` and a
    /// `.gz` beside each file, as `cargo xtask dist` writes them).
    pub fn build(self) -> PathBuf {
        match self {
            Recipe::NginxSubpath => built("subpath").join("quiz"),
            _ => built("site"),
        }
    }

    pub fn tls(self) -> bool {
        self != Recipe::Pages
    }
}

/// `$E2E_DEPLOY/name` (set by `cargo xtask test`).
fn built(name: &str) -> PathBuf {
    let dir = std::env::var_os("E2E_DEPLOY")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("e2e/deploy"))
        .join(name);
    assert!(
        dir.is_dir(),
        "no build at {}: run the suite with `cargo xtask test`",
        dir.display()
    );
    dir
}

/// This binary's loopback addresses: `127.77.P.1` to `127.77.P.24`, P from the process
/// id, so that a server left over by an aborted run does not hold them.
fn address(n: u8) -> Ipv4Addr {
    Ipv4Addr::new(127, 77, (std::process::id() % 250) as u8, n + 1)
}

/// The next free address of this binary.
fn next_address() -> Ipv4Addr {
    static NEXT: AtomicU8 = AtomicU8::new(0);
    let n = NEXT.fetch_add(1, Ordering::SeqCst);
    assert!(
        n < ADDRESSES,
        "more than {ADDRESSES} servers in one test binary"
    );
    address(n)
}

/// A throwaway CA and a certificate it signed for every address of this binary, made
/// once per test binary.
pub struct Tls {
    pub ca: PathBuf,
    /// The certificate followed by the CA's (what a server sends).
    pub chain: PathBuf,
    pub key: PathBuf,
}

pub fn tls() -> &'static Tls {
    static TLS: OnceLock<Tls> = OnceLock::new();
    TLS.get_or_init(|| {
        let dir = target_dir()
            .join("e2e/deploy-runs")
            .join(format!("tls-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let file = |name: &str| dir.join(name).to_string_lossy().into_owned();
        let ec = [
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
        ];
        openssl(
            &dir,
            &["req", "-x509"],
            &ec,
            &[
                "-keyout",
                &file("ca.key"),
                "-out",
                &file("ca.pem"),
                "-days",
                "2",
                "-subj",
                "/CN=symptom-quiz test CA (throwaway)",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ],
        );
        openssl(
            &dir,
            &["req"],
            &ec,
            &[
                "-keyout",
                &file("site.key"),
                "-out",
                &file("site.csr"),
                "-subj",
                "/CN=localhost",
            ],
        );
        let ips: Vec<String> = (0..ADDRESSES)
            .map(|n| format!("IP:{}", address(n)))
            .collect();
        fs::write(
            dir.join("site.ext"),
            format!(
                "subjectAltName=DNS:localhost,{}\nbasicConstraints=CA:FALSE\n\
                 keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n",
                ips.join(",")
            ),
        )
        .unwrap();
        openssl(
            &dir,
            &["x509", "-req"],
            &[],
            &[
                "-in",
                &file("site.csr"),
                "-CA",
                &file("ca.pem"),
                "-CAkey",
                &file("ca.key"),
                "-CAcreateserial",
                "-out",
                &file("site.pem"),
                "-days",
                "2",
                "-extfile",
                &file("site.ext"),
            ],
        );
        let chain = [
            fs::read(dir.join("site.pem")).unwrap(),
            fs::read(dir.join("ca.pem")).unwrap(),
        ]
        .concat();
        fs::write(dir.join("chain.pem"), chain).unwrap();
        Tls {
            ca: dir.join("ca.pem"),
            chain: dir.join("chain.pem"),
            key: dir.join("site.key"),
        }
    })
}

fn openssl(dir: &Path, command: &[&str], key: &[&str], args: &[&str]) {
    let mut openssl = Command::new("openssl");
    openssl.args(command).args(key).args(args).current_dir(dir);
    output(openssl);
}

/// What `command` printed; it must succeed.
fn output(mut command: Command) -> String {
    let program = command.get_program().to_string_lossy().into_owned();
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} (`cargo xtask test` installs it): {e}"));
    assert!(
        out.status.success(),
        "{program} {:?}: {}",
        command.get_args().collect::<Vec<_>>(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A recipe served by its real server, stopped (with everything it started) when dropped.
pub struct Deployment {
    pub recipe: Recipe,
    pub ip: Ipv4Addr,
    /// The port of plain HTTP (80 for nginx and Caddy, which only redirect there).
    pub http_port: u16,
    scratch: PathBuf,
    server: Option<Child>,
}

impl Deployment {
    pub fn start(recipe: Recipe) -> Deployment {
        let ip = next_address();
        let scratch = target_dir()
            .join("e2e/deploy-runs")
            .join(format!("{recipe:?}-{ip}"));
        let _ = fs::remove_dir_all(&scratch);
        fs::create_dir_all(&scratch).unwrap();
        let recipe_text = fs::read_to_string(recipe.file()).unwrap();
        let tls = tls();
        let (command, http_port) = match recipe {
            Recipe::Nginx | Recipe::NginxSubpath => {
                (nginx(recipe, &recipe_text, ip, tls, &scratch), 80)
            }
            Recipe::Caddy => (caddy(&recipe_text, ip, tls, &scratch), 80),
            Recipe::Pages => {
                let port = 8788;
                (pages(&recipe_text, ip, port, &scratch), port)
            }
        };
        let mut deployment = Deployment {
            recipe,
            ip,
            http_port,
            scratch,
            server: None,
        };
        deployment.run(command);
        deployment
    }

    fn run(&mut self, mut command: Command) {
        let log = fs::File::create(self.scratch.join("server.log")).unwrap();
        // Its own process group, so that stopping it stops what it started (nginx's
        // worker, wrangler's workerd).
        command
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        let program = command.get_program().to_string_lossy().into_owned();
        let child = command.spawn().unwrap_or_else(|e| {
            panic!("cannot start {program} (`cargo xtask test` installs it): {e}")
        });
        self.server = Some(child);
        let port = if self.recipe.tls() {
            443
        } else {
            self.http_port
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect(SocketAddr::from((self.ip, port))).is_err() {
            if let Some(status) = self
                .server
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                panic!("{program} exited ({status}): {}", self.log());
            }
            assert!(
                Instant::now() < deadline,
                "{program} did not start: {}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The server's own log, for failure messages.
    pub fn log(&self) -> String {
        let mut log = fs::read_to_string(self.scratch.join("server.log")).unwrap_or_default();
        log.push_str(&fs::read_to_string(self.scratch.join("error.log")).unwrap_or_default());
        let tail: Vec<&str> = log.lines().rev().take(20).collect();
        tail.into_iter().rev().collect::<Vec<_>>().join("\n")
    }

    /// `https://127.77.x.y` (or `http://…:port` for the Pages emulator).
    pub fn origin(&self) -> String {
        if self.recipe.tls() {
            format!("https://{}", self.ip)
        } else {
            format!("http://{}:{}", self.ip, self.http_port)
        }
    }

    /// The quiz's URL (its folder) or a file in it: `path` relative to the quiz's base.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}{path}", self.origin(), self.recipe.base())
    }

    /// The same path over plain HTTP, on port 80.
    pub fn http_url(&self, path: &str) -> String {
        format!("http://{}{path}", self.ip)
    }

    /// Stops the server and everything it started; its port refuses connections after.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.server.take() {
            // The group's id is the server's own (`process_group(0)`); never 0 or 1,
            // which would signal this process's group or every process.
            let group = libc::pid_t::try_from(child.id()).expect("a process id");
            assert!(group > 1, "process group {group}");
            // SAFETY: kill(2) with a negative pid signals that process group only.
            unsafe { libc::kill(-group, libc::SIGTERM) };
            let deadline = Instant::now() + Duration::from_secs(10);
            while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
            // SAFETY: as above; whatever did not stop on SIGTERM.
            unsafe { libc::kill(-group, libc::SIGKILL) };
            let _ = child.wait();
        }
    }
}

impl Drop for Deployment {
    fn drop(&mut self) {
        self.stop();
        if !std::thread::panicking() {
            let _ = fs::remove_dir_all(&self.scratch);
        }
    }
}

/// `text` with each `(from, to)` replaced; every `from` must be there.
pub fn localize(text: &str, file: &str, replacements: &[(String, String)]) -> String {
    let mut text = text.to_string();
    for (from, to) in replacements {
        assert!(
            text.contains(from),
            "{file}: `{from}` is not in the recipe any more: the suite cannot run it as a \
             clinic would (update tests/e2e/src/deploy.rs with the recipe)"
        );
        text = text.replace(from, to);
    }
    text
}

/// nginx as Debian runs it (`/etc/nginx/nginx.conf` includes `mime.types` and the site
/// files inside `http`), with the recipe as the one site file.
fn nginx(recipe: Recipe, text: &str, ip: Ipv4Addr, tls: &Tls, scratch: &Path) -> Command {
    let host = if recipe == Recipe::Nginx {
        "quiz.clinic.example"
    } else {
        "www.clinic.example"
    };
    let mut replacements = vec![
        ("listen 80;".into(), format!("listen {ip}:80;")),
        ("listen [::]:80;".into(), String::new()),
        (
            "listen 443 ssl http2;".into(),
            format!("listen {ip}:443 ssl http2;"),
        ),
        ("listen [::]:443 ssl http2;".into(), String::new()),
        (
            format!("/etc/letsencrypt/live/{host}/fullchain.pem"),
            tls.chain.display().to_string(),
        ),
        (
            format!("/etc/letsencrypt/live/{host}/privkey.pem"),
            tls.key.display().to_string(),
        ),
        (host.into(), ip.to_string()),
    ];
    match recipe {
        Recipe::NginxSubpath => {
            // The clinic's own pages: one page, to check they keep their own headers.
            let own = scratch.join("clinic");
            fs::create_dir_all(&own).unwrap();
            fs::write(
                own.join("index.html"),
                "<!doctype html><title>Clinic</title>",
            )
            .unwrap();
            replacements.push(("/var/www/clinic".into(), own.display().to_string()));
            replacements.push((
                "/srv/symptom-quiz/dist/".into(),
                format!("{}/", recipe.build().display()),
            ));
        }
        _ => replacements.push((
            "/srv/symptom-quiz/dist".into(),
            recipe.build().display().to_string(),
        )),
    }
    let site = localize(text, recipe.name(), &replacements);
    fs::write(scratch.join("site.conf"), site).unwrap();
    let s = scratch.display();
    let conf = format!(
        "load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\n\
         user root;\nworker_processes 1;\npid {s}/nginx.pid;\nerror_log {s}/error.log;\n\
         events {{ worker_connections 256; }}\n\
         http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n\
         \x20 sendfile on;\n  access_log {s}/access.log;\n\
         \x20 client_body_temp_path {s}/body; proxy_temp_path {s}/proxy;\n\
         \x20 fastcgi_temp_path {s}/fastcgi; uwsgi_temp_path {s}/uwsgi; scgi_temp_path {s}/scgi;\n\
         \x20 include {s}/site.conf;\n}}\n"
    );
    fs::write(scratch.join("nginx.conf"), conf).unwrap();
    let mut command = Command::new("/usr/sbin/nginx");
    command
        .arg("-c")
        .arg(scratch.join("nginx.conf"))
        .arg("-p")
        .arg(scratch)
        .args(["-g", "daemon off;"]);
    command
}

/// Caddy with the recipe as its Caddyfile; what the test adds: a global block (no admin
/// port, no trust store changes, storage in the scratch folder), and in the site block
/// the loopback address and the test certificate (in production Caddy gets its own).
fn caddy(text: &str, ip: Ipv4Addr, tls: &Tls, scratch: &Path) -> Command {
    let site = localize(
        text,
        Recipe::Caddy.name(),
        &[
            (
                "quiz.clinic.example {".into(),
                format!(
                    "{ip} {{\n\tbind {ip}\n\ttls {} {}",
                    tls.chain.display(),
                    tls.key.display()
                ),
            ),
            (
                "/srv/symptom-quiz/dist".into(),
                Recipe::Caddy.build().display().to_string(),
            ),
        ],
    );
    let global = format!(
        "{{\n\tadmin off\n\tskip_install_trust\n\tstorage file_system {}\n}}\n",
        scratch.join("data").display()
    );
    fs::write(scratch.join("Caddyfile"), global + &site).unwrap();
    let mut command = Command::new("/usr/bin/caddy");
    command
        .args(["run", "--adapter", "caddyfile", "--config"])
        .arg(scratch.join("Caddyfile"))
        .env("HOME", scratch)
        .env("XDG_DATA_HOME", scratch.join("data"))
        .env("XDG_CONFIG_HOME", scratch.join("config"));
    command
}

/// Cloudflare's Pages emulator serving a copy of the build with the recipe's
/// `_headers` in it, offline, with its metrics off.
fn pages(text: &str, ip: Ipv4Addr, port: u16, scratch: &Path) -> Command {
    let site = scratch.join("site");
    copy_dir(&Recipe::Pages.build(), &site);
    fs::write(site.join("_headers"), text).unwrap();
    let wrangler = std::env::var_os("E2E_WRANGLER")
        .map(PathBuf::from)
        .expect("E2E_WRANGLER: wrangler's bin/wrangler.js (set by `cargo xtask test`)");
    // Each emulator has its own inspector port on 127.0.0.1 (its default is shared; a
    // fixed one could be held by an emulator an aborted run left behind).
    let inspector = crate::browser::free_port();
    let mut command = Command::new("node");
    command
        .arg(wrangler)
        .args(["pages", "dev"])
        .arg(&site)
        .args(["--ip", &ip.to_string(), "--port", &port.to_string()])
        .args(["--inspector-port", &inspector.to_string()])
        .args(["--persist-to"])
        .arg(scratch.join("state"))
        .arg("--show-interactive-dev-session=false")
        .current_dir(scratch)
        .env("HOME", scratch)
        .env("CI", "true")
        .env("WRANGLER_SEND_METRICS", "false")
        .env("NO_UPDATE_NOTIFIER", "1");
    command
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

/// One answer as `curl` saw it: the status and the headers (names in lower case, in
/// the order sent, repeats kept).
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
}

impl Answer {
    /// Every value of header `name`.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The header's one value; `None` if absent. Sent twice (two rules joined) is a
    /// failure of its own, reported by the caller through [`Answer::all`].
    pub fn get(&self, name: &str) -> Option<&str> {
        self.all(name).first().copied()
    }
}

/// `GET url` with curl, offering brotli and gzip as browsers do, trusting the test CA;
/// redirects are not followed.
pub fn get(url: &str) -> Answer {
    let mut curl = Command::new("curl");
    // `--noproxy '*'`: a machine that reaches the registries through a proxy
    // (`https_proxy`) must not send loopback requests there.
    curl.args(["-sS", "-o", "/dev/null", "-D", "-", "--max-time", "10"])
        .args(["--noproxy", "*"])
        .args(["-H", "Accept-Encoding: br, gzip", "--cacert"])
        .arg(&tls().ca)
        .arg(url);
    let text = output(curl);
    let mut lines = text.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("curl {url}: no status line in {text:?}"));
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Answer { status, headers }
}
