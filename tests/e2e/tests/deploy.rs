//! The deployment recipes of `deploy/`, run by their real servers (README "Deploying"):
//! every built file with its status, type, encoding, cache policy and security headers;
//! HTTP sent to HTTPS; Mozilla's HTTP Observatory grade; and in every engine, a full run
//! to a result, the embed from another origin and the offline second visit with the
//! server stopped. The header tables and grades are written to
//! `target/e2e/deploy/report/` for the closing note of a change.

use std::fs;
use std::process::Command;

use e2e::deploy::{get, Deployment, Recipe, HSTS, PERMISSIONS_POLICY};
use e2e::host::Host;
use e2e::pages::{wait_for_kept_pack, wait_for_offline_copy};
use e2e::runs::{TO_CALL_CLINIC, TO_SELF_CARE};
use e2e::server::{build_files, pack_file, QUIZ_CSP};
use e2e::{in_every_engine, Harness, QuizPage};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A file named after its content (Trunk's `symptom-quiz-<hash>.js`, `…_bg.wasm`,
/// `main-<hash>.css`; a language's pack, `lang/es-<key>.txt`): it never changes under
/// its name.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = ["_bg.wasm", ".js", ".css", ".txt"]
        .iter()
        .find_map(|end| name.strip_suffix(end));
    let hash = stem.and_then(|s| s.rsplit_once('-')).map(|(_, h)| h);
    hash.is_some_and(|h| (8..=16).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html",
        Some("js") => "javascript",
        Some("css") => "text/css",
        Some("wasm") => "application/wasm",
        // A language's pack (lang/es-….txt), fetched by the quiz as text.
        Some("txt") => "text/plain",
        _ => "?",
    }
}

/// What every file of `recipe`'s build must be served with; returns the table of what
/// was seen, one row per file.
fn check_every_file(site: &Deployment) -> String {
    let recipe = site.recipe;
    let build = recipe.build();
    let mut paths: Vec<String> = build_files(&build)
        .into_iter()
        .filter(|p| !p.ends_with(".br") && !p.ends_with(".gz"))
        .map(|p| p.trim_start_matches('/').to_string())
        .collect();
    // The folder's URL is the page (what the embed's frame and the worker ask for).
    paths.insert(0, String::new());
    let mut problems = Vec::new();
    let mut table = format!(
        "{recipe:?} ({}):\n{:<44} {:>3} {:<31} {:<4} {:<36} {:<12} {}\n",
        recipe.name(),
        "path",
        "st",
        "type",
        "enc",
        "cache-control",
        "corp",
        "acao"
    );
    for path in &paths {
        let url = site.url(path);
        let answer = get(&url);
        let shown = format!("{}{path}", recipe.base());
        let page = path.is_empty() || path.ends_with("index.html");
        let mut expect = |what: &str, ok: bool, seen: Option<&str>| {
            if !ok {
                problems.push(format!("{shown}: {what}, got {seen:?}"));
            }
        };
        // Cloudflare answers index.html with a redirect to the folder (what the loader
        // and the worker ask for instead); everything else is served.
        let redirected = recipe == Recipe::Pages && path == "index.html";
        if redirected {
            expect(
                "308 to the folder",
                answer.status == 308,
                answer.get("location"),
            );
        } else {
            expect(
                "200",
                answer.status == 200,
                Some(&answer.status.to_string()),
            );
            let kind = answer.get("content-type").unwrap_or_default();
            let want = content_type(if path.is_empty() { "index.html" } else { path });
            expect(&format!("type {want}"), kind.contains(want), Some(kind));
            let encoding = answer.get("content-encoding");
            expect("brotli", encoding == Some("br"), encoding);
            // The emulator compresses as it serves (the .br copies go unused there)
            // and sends no Vary; Cloudflare's edge keys its cache on the encoding.
            if recipe != Recipe::Pages {
                let vary = answer.get("vary").unwrap_or_default().to_ascii_lowercase();
                expect(
                    "Vary: Accept-Encoding",
                    vary.contains("accept-encoding"),
                    Some(&vary),
                );
            }
        }
        let cache = if is_hashed(path) {
            IMMUTABLE
        } else {
            "no-cache"
        };
        let shared = page || path == "embed/v1.js";
        let corp = if shared {
            "cross-origin"
        } else {
            "same-origin"
        };
        let mut exact = vec![
            ("content-security-policy", QUIZ_CSP),
            ("permissions-policy", PERMISSIONS_POLICY),
            ("cross-origin-opener-policy", "same-origin"),
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "no-referrer"),
            ("cache-control", cache),
            ("cross-origin-resource-policy", corp),
            ("strict-transport-security", HSTS),
        ];
        if path == "embed/v1.js" {
            exact.push(("access-control-allow-origin", "*"));
        }
        for (name, value) in exact {
            let all = answer.all(name);
            // Sent once, with exactly this value (two rules joined would show here).
            expect(
                &format!("{name}: {value}"),
                all == [value],
                all.first().copied(),
            );
        }
        // Only the loader is for every origin (the emulator adds it to every file, as
        // Cloudflare Pages does: harmless for a static site with no cookies).
        if path != "embed/v1.js" && recipe != Recipe::Pages {
            let acao = answer.get("access-control-allow-origin");
            expect("no Access-Control-Allow-Origin", acao.is_none(), acao);
        }
        table.push_str(&format!(
            "{:<44} {:>3} {:<31} {:<4} {:<36} {:<12} {}\n",
            shown,
            answer.status,
            answer.get("content-type").unwrap_or("-"),
            answer.get("content-encoding").unwrap_or("-"),
            answer.get("cache-control").unwrap_or("-"),
            answer.get("cross-origin-resource-policy").unwrap_or("-"),
            answer.get("access-control-allow-origin").unwrap_or("-"),
        ));
    }
    table.push_str(&format!(
        "every file also: Content-Security-Policy (the suite's QUIZ_CSP), Permissions-Policy, \
         Cross-Origin-Opener-Policy: same-origin, X-Content-Type-Options: nosniff, \
         Referrer-Policy: no-referrer, Strict-Transport-Security: {HSTS}\n"
    ));
    assert!(
        problems.is_empty(),
        "{recipe:?} serves the build wrongly:\n{}\n\n{table}\nserver log:\n{}",
        problems.join("\n"),
        site.log()
    );
    report(&format!("{recipe:?}-headers.txt"), &table);
    table
}

/// Writes `text` to `target/e2e/deploy/report/name` (kept for the closing note).
fn report(name: &str, text: &str) {
    let dir = e2e::browser::target_dir().join("e2e/deploy/report");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join(name), text).unwrap();
    eprintln!("{text}");
}

/// Plain HTTP answers with a permanent redirect to the same URL over HTTPS.
fn check_http_goes_to_https(site: &Deployment) {
    let path = format!("{}?lang=es", site.recipe.base());
    let answer = get(&site.http_url(&path));
    assert!(
        matches!(answer.status, 301 | 308),
        "{:?}: http:// answered {}",
        site.recipe,
        answer.status
    );
    assert_eq!(
        answer.get("location"),
        Some(format!("https://{}{path}", site.ip).as_str()),
        "{:?}",
        site.recipe
    );
}

/// Serves `recipe` and checks every file; over TLS also that plain HTTP is sent to
/// HTTPS, and that a missing file is a 404 (not the quiz's page) with the security
/// headers, which is never kept: a missing hashed name (a deployment half uploaded) must
/// not stay broken in a browser for a year. (The Pages hosts deploy all files at once.)
fn serves_every_file(recipe: Recipe) -> Deployment {
    let site = Deployment::start(recipe);
    check_every_file(&site);
    if recipe.tls() {
        check_http_goes_to_https(&site);
        for missing in ["missing.js", "symptom-quiz-0123456789abcdef_bg.wasm"] {
            let answer = get(&site.url(missing));
            assert_eq!(answer.status, 404, "{recipe:?} {missing}");
            assert_eq!(
                answer.get("cache-control"),
                Some("no-cache"),
                "{recipe:?} {missing}"
            );
            assert_eq!(
                answer.get("content-security-policy"),
                Some(QUIZ_CSP),
                "{recipe:?}"
            );
            assert_eq!(
                answer.get("x-content-type-options"),
                Some("nosniff"),
                "{recipe:?}"
            );
        }
    }
    site
}

#[test]
fn nginx_serves_every_file_with_its_headers() {
    serves_every_file(Recipe::Nginx);
}

#[test]
fn nginx_under_a_sub_path_leaves_the_clinics_own_pages_alone() {
    let site = serves_every_file(Recipe::NginxSubpath);
    let own = get(&format!("{}/", site.origin()));
    assert_eq!(own.status, 200);
    assert_eq!(own.get("strict-transport-security"), Some(HSTS));
    for name in [
        "content-security-policy",
        "cache-control",
        "permissions-policy",
    ] {
        assert_eq!(
            own.get(name),
            None,
            "the clinic's page got the quiz's {name}"
        );
    }
}

#[test]
fn caddy_serves_every_file_with_its_headers() {
    serves_every_file(Recipe::Caddy);
}

#[test]
fn the_pages_emulator_serves_every_file_with_its_headers() {
    serves_every_file(Recipe::Pages);
}

/// Mozilla's HTTP Observatory (`E2E_OBSERVATORY`, pinned by `cargo xtask`) on the
/// site's root over TLS, trusting the test CA; returns its JSON.
fn observatory(site: &Deployment) -> serde_json::Value {
    let scanner = std::env::var_os("E2E_OBSERVATORY")
        .expect("E2E_OBSERVATORY: the scanner's scan.js (set by `cargo xtask test`)");
    // Its own wrapper would point NODE_EXTRA_CA_CERTS at a bundle its install script
    // downloads (skipped here); the scanner itself is run with the test CA instead.
    let out = Command::new("node")
        .arg(scanner)
        .arg(site.ip.to_string())
        .env("NODE_EXTRA_CA_CERTS", &e2e::deploy::tls().ca)
        .output()
        .expect("node runs the scanner");
    let text = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "the scanner said no JSON ({e}): {text}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The grade and score, and each test's result, as a report; fails below A+.
fn graded_a_plus(recipe: Recipe) {
    let site = Deployment::start(recipe);
    let result = observatory(&site);
    let scan = &result["scan"];
    let mut text = format!(
        "{recipe:?}: Mozilla HTTP Observatory grade {} (score {}, {} of {} tests passed)\n",
        scan["grade"], scan["score"], scan["testsPassed"], scan["testsQuantity"]
    );
    if let Some(tests) = result["tests"].as_object() {
        for (name, test) in tests {
            text.push_str(&format!(
                "  {name:<32} {:<5} {:>4}  {}\n",
                test["pass"], test["scoreModifier"], test["result"]
            ));
        }
    }
    report(&format!("{recipe:?}-observatory.txt"), &text);
    assert_eq!(scan["grade"], "A+", "{text}\n{result}");
}

#[test]
fn nginx_is_graded_a_plus() {
    graded_a_plus(Recipe::Nginx);
}

#[test]
fn caddy_is_graded_a_plus() {
    graded_a_plus(Recipe::Caddy);
}

/// As a visitor would use the deployed quiz: embedded in a partner's page (another
/// origin, its own strict CSP with Trusted Types), then on its own page to a result,
/// then again with the server stopped, from the worker's copy, in Spanish.
fn runs_embeds_and_works_offline(h: &Harness, recipe: Recipe) {
    let mut site = Deployment::start(recipe);

    let host = Host::with_loader(
        h,
        &format!("{recipe:?}"),
        "<div id=\"quiz\" data-symptom-quiz></div>",
        &site.url("embed/v1.js"),
    );
    h.session.goto(&host.server.url("/"));
    h.session.execute(
        "setTimeout(() => document.getElementById('quiz').scrollIntoView(), 300); return 1;",
        vec![],
    );
    let frame = h.session.wait_for("#quiz iframe");
    let src = frame.attribute("src").unwrap_or_default();
    assert!(src.starts_with(&site.url("?")), "{src}");
    h.session.switch_to_frame("#quiz iframe");
    let page = QuizPage::in_frame(&h.session);
    page.start();
    page.run(TO_SELF_CARE);
    assert_eq!(page.result().tier, "self-care");
    h.session.switch_to_top();
    Host::wait_for_event(h, "complete");
    let violations = h.session.execute("return window.__violations;", vec![]);
    assert_eq!(violations, serde_json::json!([]), "the partner's page");

    // A first visit in Spanish: its texts are a pack of their own, kept for offline too.
    let page = QuizPage::open(&h.session, &site.url("?lang=es"));
    page.wait_for_html_lang("es");
    let wasm = page_wasm(h);
    page.start();
    page.run(TO_CALL_CLINIC);
    assert_eq!(page.result().tier, "call-clinic");
    wait_for_offline_copy(&h.session, recipe.base(), &wasm);
    let pack = pack_file(&e2e::server::dist_dir(), "es");
    wait_for_kept_pack(&h.session, &pack);

    site.stop();
    h.session.goto(&site.url("?lang=es"));
    let page = QuizPage::open_current(&h.session);
    page.wait_for_html_lang("es");
    // The answers of the run before are offered back; this visitor starts over.
    page.click("resume-no");
    page.wait_for_question(TO_CALL_CLINIC[0].0);
    page.run(TO_CALL_CLINIC);
    assert_eq!(page.result().tier, "call-clinic");
}

/// The wasm the page runs, as a path (`/…_bg.wasm`).
fn page_wasm(h: &Harness) -> String {
    let value = h.session.execute(
        "return new URL(document.querySelector('script[data-wasm]').dataset.wasm, location.href).pathname;",
        vec![],
    );
    value.as_str().unwrap_or_default().to_string()
}

fn nginx_runs_embeds_and_works_offline(h: Harness) {
    runs_embeds_and_works_offline(&h, Recipe::Nginx);
}

fn nginx_under_a_sub_path_runs_embeds_and_works_offline(h: Harness) {
    runs_embeds_and_works_offline(&h, Recipe::NginxSubpath);
}

fn caddy_runs_embeds_and_works_offline(h: Harness) {
    runs_embeds_and_works_offline(&h, Recipe::Caddy);
}

fn the_pages_emulator_runs_embeds_and_works_offline(h: Harness) {
    runs_embeds_and_works_offline(&h, Recipe::Pages);
}

in_every_engine!(
    with start_trusting: nginx_runs_embeds_and_works_offline,
    nginx_under_a_sub_path_runs_embeds_and_works_offline,
    caddy_runs_embeds_and_works_offline,
    the_pages_emulator_runs_embeds_and_works_offline,
);

#[test]
fn hashed_names_are_told_from_the_others() {
    assert!(is_hashed("symptom-quiz-e402bb6b6b8170dd.js"));
    assert!(is_hashed("symptom-quiz-e402bb6b6b8170dd_bg.wasm"));
    assert!(is_hashed("main-2a4628d4449b6ad.css"));
    assert!(is_hashed("lang/es-ca33fa61c3c8de3c.txt"));
    assert!(!is_hashed("lang/notes.txt"));
    assert!(!is_hashed("boot.js"));
    assert!(!is_hashed("embed/v1.js"));
    assert!(!is_hashed("sw.js"));
    assert!(!is_hashed("symptom-quiz-notahash.js"));
}
