//! A language's pack, fetched from the deployment when a visitor first needs that
//! language (`quiz::pack`): an English visit never downloads the Spanish texts. Once
//! fetched, the quiz adds it to the copy the service worker keeps for offline visits
//! (`src/js/sw.js`), which serves it from there.

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::content::PACKS;
use quiz::Lang;

/// Makes `lang` showable: at once for English or a pack already installed; otherwise
/// fetches its pack (relative to the page) and installs it. The error is for the
/// console; the visitor stays in the language they had.
pub async fn load_lang(lang: Lang) -> Result<(), String> {
    if quiz::pack::installed(lang) {
        return Ok(());
    }
    let pack = PACKS[lang.index()].ok_or_else(|| format!("{} has no pack", lang.tag()))?;
    let fetched = async {
        let response = wait(gloo::utils::window().fetch_with_str(pack.file)).await?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
        if !response.ok() {
            return Err(format!("the server answered {}", response.status()));
        }
        let text = wait(response.text().map_err(|_| "no text")?).await?;
        text.as_string().ok_or_else(|| "not text".to_string())
    };
    let text = fetched
        .await
        .map_err(|why| format!("symptom-quiz: cannot fetch {}: {why}", pack.file))?;
    quiz::pack::install(&pack, text.clone()).map_err(|e| format!("symptom-quiz: {e}"))?;
    yew::platform::spawn_local(async move {
        let _ = keep_offline(pack.file, &text).await;
    });
    Ok(())
}

/// The prefix of the caches `sw.js` keeps (its `PREFIX`).
const KEPT: &str = "symptom-quiz-";

/// Adds a pack, checked, to each copy of the deployment the service worker keeps. The
/// worker did not see the fetch when it did not yet control the page (a first visit),
/// so the quiz adds it, once the worker is ready. Without a worker (none registered,
/// storage refused) nothing happens, and the quiz works as it did.
async fn keep_offline(file: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let window = gloo::utils::window();
    let workers = window.navigator().service_worker();
    if workers.is_undefined() {
        return Ok(());
    }
    JsFuture::from(workers.ready()?).await?;
    let caches = window.caches()?;
    let names: js_sys::Array = JsFuture::from(caches.keys()).await?.unchecked_into();
    for name in names.iter().filter_map(|name| name.as_string()) {
        if name.starts_with(KEPT) {
            let cache: web_sys::Cache = JsFuture::from(caches.open(&name)).await?.unchecked_into();
            let response = web_sys::Response::new_with_opt_str(Some(text))?;
            JsFuture::from(cache.put_with_str(file, &response)).await?;
        }
    }
    Ok(())
}

async fn wait(promise: Promise) -> Result<wasm_bindgen::JsValue, String> {
    JsFuture::from(promise)
        .await
        .map_err(|_| "no connection".to_string())
}
