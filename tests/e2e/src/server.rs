//! A static file server for the release build that records every request it gets, so a
//! test can check from the serving side what the page asked for.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

/// One request as the server saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub status: u16,
}

pub struct StaticServer {
    addr: SocketAddr,
    root: Arc<Mutex<PathBuf>>,
    log: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

/// The release build to serve: `E2E_DIST`, set by `cargo xtask test`.
pub fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("E2E_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e/dist"));
    assert!(
        dist.join("index.html").is_file(),
        "no release build at {}: run the suite with `cargo xtask test`, which builds it",
        dist.display()
    );
    dist
}

/// The clinic's phone as the build shows it (`display`) and dials it (`tel`), read from
/// the built page's `<noscript>` message, which the build fills in from `clinic.toml`:
/// the suite follows whatever number the clinic set, with no copy of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClinicPhone {
    pub tel: String,
    pub display: String,
}

pub fn clinic_phone() -> ClinicPhone {
    let page = std::fs::read_to_string(dist_dir().join("index.html")).expect("index.html");
    clinic_phone_in(&page)
}

fn clinic_phone_in(page: &str) -> ClinicPhone {
    let start = page.find("<noscript>").expect("a <noscript> message");
    let end = start + page[start..].find("</noscript>").expect("closed");
    // Minified or not: `href=tel:…>` or `href="tel:…">`; the one that is not 911.
    page[start..end]
        .split("href=")
        .skip(1)
        .find_map(|link| {
            let link = link.trim_start_matches('"');
            let (tel, rest) = link.split_once(['"', '>'])?;
            let display = rest.trim_start_matches(['"', '>']).split('<').next()?;
            (tel != "tel:911").then(|| ClinicPhone {
                tel: tel.to_string(),
                display: display.to_string(),
            })
        })
        .expect("the clinic's tel: link in <noscript>")
}

/// The content folder's `clinic.toml` (the folder the build reads:
/// `quiz::source::content_file`), parsed with the build's TOML parser but read here on
/// its own, so a slip of the build's reader does not hide in the check.
fn clinic_file() -> toml::de::DeTable<'static> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (path, _) = quiz::source::content_file(&root, "clinic.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    toml::de::DeTable::parse(Box::leak(text.into_boxed_str()))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .into_inner()
}

fn get<'t>(
    table: &'t toml::de::DeTable<'static>,
    key: &str,
) -> Option<&'t toml::de::DeValue<'static>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v.get_ref())
}

fn string(value: Option<&toml::de::DeValue<'static>>) -> String {
    match value {
        Some(toml::de::DeValue::String(s)) => s.to_string(),
        other => panic!("clinic.toml: {other:?} is not a string"),
    }
}

/// A string of a table of the content folder's `clinic.toml` (`[content]`'s `version`).
pub fn clinic_table_value(table: &str, key: &str) -> String {
    let file = clinic_file();
    match get(&file, table) {
        Some(toml::de::DeValue::Table(t)) => string(get(t, key)),
        other => panic!("clinic.toml: [{table}] is {other:?}"),
    }
}

/// The review as `clinic.toml`'s `[review]` writes it (who, when, the fingerprint they
/// signed), read here on its own; `None` when the table is empty.
pub fn review_signed() -> Option<(String, String, String)> {
    let file = clinic_file();
    let Some(toml::de::DeValue::Table(review)) = get(&file, "review") else {
        return None;
    };
    let [by, on, print] = ["by", "on", "fingerprint"].map(|k| string(get(review, k)));
    (!by.is_empty()).then_some((by, on, print))
}

/// The content folder's quiz, clinic and article, read with the build's reader.
pub fn content() -> (quiz::Quiz, quiz::Clinic, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let read = |file: &str| {
        let (path, name) = quiz::source::content_file(&root, file);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        (name, text)
    };
    let (quiz, clinic, (_, article)) =
        (read("quiz.toml"), read("clinic.toml"), read("article.txt"));
    fn file((name, text): &(String, String)) -> quiz::source::File<'_> {
        quiz::source::File { name, text }
    }
    let quiz = quiz::source::load_quiz(file(&quiz), &article).expect("the content builds");
    let clinic = quiz::source::load_clinic(file(&clinic)).expect("the content builds");
    (quiz, clinic, article)
}

/// The fingerprint of the content folder's clinical content, as the build computes it
/// (`quiz::validate::fingerprint`).
pub fn content_fingerprint() -> String {
    let (quiz, clinic, article) = content();
    quiz::validate::fingerprint(&quiz, &article, &clinic)
}

/// A plain value of the content folder's `clinic.toml` (`name = "…"`), as the clinic
/// set it.
pub fn clinic_value(key: &str) -> String {
    string(get(&clinic_file(), key))
}

/// The clinic's facts in words as `clinic.toml` sets them, as a result shows them:
/// (the section's `data-testid`, its English text, its Spanish text) for hours,
/// after-hours, locations and languages; none for a fact the file leaves empty.
pub fn clinic_facts() -> Vec<(&'static str, String, String)> {
    let file = clinic_file();
    let both = |t: &toml::de::DeValue<'static>| match t {
        toml::de::DeValue::Table(t) => (string(get(t, "en")), string(get(t, "es"))),
        other => panic!("clinic.toml: {other:?} is not {{ en, es }}"),
    };
    let list = |key: &str| match get(&file, key) {
        Some(toml::de::DeValue::Array(items)) => items.iter().map(|i| i.get_ref()).collect(),
        None => Vec::new(),
        other => panic!("clinic.toml: {key} is {other:?}"),
    };
    let mut facts = Vec::new();
    for hours in list("hours") {
        let (en, es) = both(hours);
        facts.push(("hours", en, es));
    }
    if let Some(after) = get(&file, "after_hours") {
        let (en, es) = both(after);
        if !en.is_empty() {
            facts.push(("after-hours", en, es));
        }
    }
    for location in list("locations") {
        let toml::de::DeValue::Table(t) = location else {
            panic!("clinic.toml: a location is {location:?}");
        };
        let (en, es) = both(get(t, "name").expect("a location's name"));
        let address = string(get(t, "address"));
        facts.push((
            "locations",
            format!("{en}: {address}"),
            format!("{es}: {address}"),
        ));
    }
    let languages: Vec<(String, String)> = list("languages").into_iter().map(both).collect();
    if !languages.is_empty() {
        let join = |pick: fn(&(String, String)) -> &String| {
            languages
                .iter()
                .map(pick)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        };
        facts.push(("languages", join(|l| &l.0), join(|l| &l.1)));
    }
    facts
}

/// The Content-Security-Policy the quiz's own page must run under, Trusted Types
/// included: sent as a header by [`StaticServer::quiz`], so the whole suite runs under it
/// in every engine; every recipe in `deploy/` sends exactly this (tests/deploy.rs).
pub const QUIZ_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; \
    manifest-src 'self'; frame-ancestors *; base-uri 'none'; form-action 'none'; \
    require-trusted-types-for 'script'; trusted-types symptom-quiz";

/// Served at this path by a [`StaticServer::quiz`] and put first in every HTML page it
/// serves: records `securitypolicyviolation` events in `window.__violations`, and the
/// console's warnings in `window.__warnings`, from the very start. A test-only
/// instrument: the build's files are unchanged.
pub const CSP_LISTENER: &str = "/__e2e-csp-listener.js";
const CSP_LISTENER_JS: &str = "window.__violations = [];\n\
    document.addEventListener('securitypolicyviolation', function (e) {\n\
      window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));\n\
    });\n\
    window.__warnings = [];\n\
    (function (warn) {\n\
      console.warn = function () {\n\
        window.__warnings.push(Array.prototype.join.call(arguments, ' ').slice(0, 300));\n\
        return warn.apply(console, arguments);\n\
      };\n\
    })(console.warn);\n";

/// Served at this path when a server has a [`StaticServer::quiz_with`] script, and put
/// into each HTML page right after the CSP listener, before the app's own scripts: a
/// test-only instrument (for example one that makes storage unavailable).
pub const FIRST_SCRIPT: &str = "/__e2e-first.js";

/// How a server answers besides serving files.
#[derive(Clone, Copy, Default)]
struct Options {
    /// Sends [`QUIZ_CSP`] as a header.
    csp: bool,
    /// Puts the CSP listener (and `first_script`, if any) into each HTML page.
    instruments: bool,
    first_script: Option<&'static str>,
}

impl StaticServer {
    /// Serves `root` as the quiz is deployed: with [`QUIZ_CSP`] as a header, and the
    /// violation listener put into each HTML page.
    pub fn quiz(root: PathBuf) -> StaticServer {
        Self::with(
            root,
            Options {
                csp: true,
                instruments: true,
                ..Options::default()
            },
        )
    }

    /// Serves `root` exactly as deployed: [`QUIZ_CSP`] as a header, pages unchanged,
    /// precompressed copies to browsers that accept them (for `cargo xtask bench`, whose
    /// instrument goes in through the browser, not the page).
    pub fn deployed(root: PathBuf) -> StaticServer {
        Self::with(
            root,
            Options {
                csp: true,
                ..Options::default()
            },
        )
    }

    /// As [`StaticServer::quiz`], with `script` run first in every page (see
    /// [`FIRST_SCRIPT`]).
    pub fn quiz_with(root: PathBuf, script: &'static str) -> StaticServer {
        Self::with(
            root,
            Options {
                csp: true,
                instruments: true,
                first_script: Some(script),
            },
        )
    }

    /// Serves `root` as plain files (a host page brings its own CSP).
    pub fn start(root: PathBuf) -> StaticServer {
        Self::with(root, Options::default())
    }

    fn with(root: PathBuf, options: Options) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let addr = listener.local_addr().unwrap();
        let mut server = StaticServer {
            addr,
            root: Arc::new(Mutex::new(root)),
            log: Arc::new(Mutex::new(Vec::new())),
            stop: Arc::new(AtomicBool::new(false)),
            accept: None,
        };
        server.listen(listener, options);
        server
    }

    fn listen(&mut self, listener: TcpListener, options: Options) {
        let (root, log, stop) = (self.root.clone(), self.log.clone(), self.stop.clone());
        self.accept = Some(thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    // Dropping the listener closes the port: connections are refused.
                    break;
                }
                let Ok(stream) = stream else { continue };
                let root = root.lock().unwrap().clone();
                let log = log.clone();
                thread::spawn(move || serve(stream, &root, &log, options));
            }
        }));
    }

    /// Stops serving: the port is closed, so the browser's connections are refused, as
    /// with an origin server that is down.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }

    /// Serves another folder from now on, at the same origin (a new deployment).
    pub fn set_root(&self, root: PathBuf) {
        *self.root.lock().unwrap() = root;
    }

    /// `http://127.0.0.1:PORT` and `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request so far, in the order they arrived.
    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The URL paths of every file in the build at `root` (`/index.html`, `/embed/v1.js`…):
/// the only things the quiz may ask for.
/// The path of `tag`'s language pack in the build at `root` (`/lang/es-<key>.txt`): the
/// texts of a language the wasm does not hold, fetched only when a visitor needs it.
pub fn pack_file(root: &Path, tag: &str) -> String {
    let prefix = format!("/lang/{tag}-");
    build_files(root)
        .into_iter()
        .find(|f| f.starts_with(&prefix) && f.ends_with(".txt"))
        .unwrap_or_else(|| panic!("no {prefix}….txt in {}", root.display()))
}

pub fn build_files(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(relative) = path.strip_prefix(root) {
                files.push(format!("/{}", relative.to_string_lossy()));
            }
        }
    }
    files.sort();
    files
}

fn serve(mut stream: TcpStream, root: &Path, log: &Mutex<Vec<Request>>, options: Options) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return;
    }
    // Read the headers up to the blank line; only Accept-Encoding matters here.
    let mut line = String::new();
    let mut accepts_brotli = false;
    while reader.read_line(&mut line).unwrap_or(0) > 2 {
        let lower = line.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("accept-encoding:") {
            accepts_brotli |= value.split(',').any(|v| v.trim().starts_with("br"));
        }
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let target = parts.next().unwrap_or_default().to_string();
    let path = target
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string();

    let file = resolve(root, &path);
    let (status, mut body, content_type) = match (&file, method.as_str()) {
        _ if options.instruments && path == CSP_LISTENER => {
            (200, CSP_LISTENER_JS.as_bytes().to_vec(), "text/javascript")
        }
        _ if options.first_script.is_some() && path == FIRST_SCRIPT => (
            200,
            options.first_script.unwrap_or_default().as_bytes().to_vec(),
            "text/javascript",
        ),
        (Some(file), "GET" | "HEAD") => match std::fs::read(file) {
            Ok(body) => (200, body, content_type(file)),
            Err(_) => (404, b"not found".to_vec(), "text/plain"),
        },
        (None, _) => (404, b"not found".to_vec(), "text/plain"),
        (Some(_), _) => (405, b"method not allowed".to_vec(), "text/plain"),
    };
    let mut extra = String::new();
    // A precompressed copy beside the file (`cargo xtask dist` and `bench` write them)
    // is served as a static host serves it, to a browser that accepts brotli. Pages the
    // instruments go into are served as they are.
    let instrumented = options.instruments && content_type.starts_with("text/html");
    if let (Some(file), 200, true, false) = (&file, status, accepts_brotli, instrumented) {
        let mut br = file.clone().into_os_string();
        br.push(".br");
        if let Ok(compressed) = std::fs::read(&br) {
            body = compressed;
            extra.push_str("Content-Encoding: br\r\nVary: Accept-Encoding\r\n");
        }
    }
    if options.csp {
        extra.push_str(&format!("Content-Security-Policy: {QUIZ_CSP}\r\n"));
        if instrumented {
            let mut html = String::from_utf8_lossy(&body).into_owned();
            let mut tags = format!("<script src=\"{CSP_LISTENER}\"></script>");
            if options.first_script.is_some() {
                tags.push_str(&format!("<script src=\"{FIRST_SCRIPT}\"></script>"));
            }
            html.insert_str(first_in_head(&html), &tags);
            body = html.into_bytes();
        }
    }
    log.lock().unwrap().push(Request {
        method: method.clone(),
        path: target,
        status,
    });
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         {extra}Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        if status == 200 { "OK" } else { "Error" },
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
}

/// Where the first element of the head goes: after `<head>`, or, in a minified page
/// that leaves the optional tag out, after the `<html …>` start tag.
fn first_in_head(html: &str) -> usize {
    if let Some(at) = html.find("<head>") {
        return at + "<head>".len();
    }
    html.find("<html")
        .and_then(|at| html[at..].find('>').map(|end| at + end + 1))
        .unwrap_or(0)
}

/// The file for a URL path inside `root`, refusing anything that climbs out of it.
fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = root.join(relative);
    let file = if file.is_dir() {
        file.join("index.html")
    } else {
        file
    };
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use std::path::Path;

    #[test]
    fn instruments_go_first_in_the_head_minified_or_not() {
        use super::first_in_head;
        let page = "<!doctype html><html><head><title>x</title>";
        assert_eq!(&page[first_in_head(page)..], "<title>x</title>");
        let minified = "<!doctype html><html lang=en><meta charset=utf-8>";
        assert_eq!(&minified[first_in_head(minified)..], "<meta charset=utf-8>");
    }

    #[test]
    fn a_precompressed_copy_goes_to_browsers_that_accept_brotli() {
        use std::io::{Read, Write};
        let dir = std::env::temp_dir().join(format!("e2e-server-br-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.js"), "plain").unwrap();
        std::fs::write(dir.join("a.js.br"), "squeezed").unwrap();
        std::fs::write(dir.join("b.js"), "only plain").unwrap();
        let server = super::StaticServer::start(dir.clone());
        let get = |path: &str, accept: &str| {
            let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
            let head = format!("GET {path} HTTP/1.1\r\nHost: x\r\n{accept}\r\n");
            stream.write_all(head.as_bytes()).unwrap();
            let mut reply = String::new();
            stream.read_to_string(&mut reply).unwrap();
            reply
        };
        let br = get("/a.js", "Accept-Encoding: gzip, deflate, br, zstd\r\n");
        assert!(
            br.contains("Content-Encoding: br\r\n") && br.ends_with("\r\n\r\nsqueezed"),
            "{br}"
        );
        let plain = get("/a.js", "Accept-Encoding: gzip\r\n");
        assert!(
            !plain.contains("Content-Encoding") && plain.ends_with("\r\n\r\nplain"),
            "{plain}"
        );
        let no_copy = get("/b.js", "Accept-Encoding: br\r\n");
        assert!(
            !no_copy.contains("Content-Encoding") && no_copy.ends_with("only plain"),
            "{no_copy}"
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn the_clinic_file_is_read_as_set() {
        let name = super::clinic_value("name");
        assert!(!name.is_empty() && !name.contains('"'), "{name}");
        assert!(super::clinic_value("phone").starts_with('+'));
    }

    #[test]
    fn the_clinic_phone_is_read_from_the_noscript_link() {
        let page = "<a href=tel:911>911</a><noscript><p>Call <a href=tel:911>911</a>. \
            Call X at <a href=\"tel:+12125550199;ext=4\">212-555-0199 ext. 4</a>.</p></noscript>";
        let phone = super::clinic_phone_in(page);
        assert_eq!(phone.tel, "tel:+12125550199;ext=4");
        assert_eq!(phone.display, "212-555-0199 ext. 4");
    }

    #[test]
    fn paths_cannot_leave_the_root() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert!(resolve(root, "/Cargo.toml").is_some());
        assert!(resolve(root, "/../../Cargo.toml").is_none());
        assert!(resolve(root, "/src/../Cargo.toml").is_none());
        assert!(resolve(root, "/missing.js").is_none());
    }
}
