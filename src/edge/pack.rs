//! A language's pack, fetched from the deployment when a visitor first needs that
//! language (`quiz::pack`): an English visit never downloads the Spanish texts. Once
//! fetched, the quiz keeps it where the service worker finds it for offline visits
//! (`src/js/sw.js`, which serves it from there).

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use std::cell::Cell;

use crate::content::PACKS;
use quiz::Lang;

thread_local! {
    /// The language `crate::run` could not fetch as the quiz started.
    static NOT_LOADED: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Records that the quiz starts without `lang`, which it could not fetch (`crate::run`).
pub fn started_without(lang: Lang) {
    NOT_LOADED.with(|cell| cell.set(cell.get().or(Some(lang))));
}

/// The language the quiz started without: the switch says so at once, and the
/// language the quiz started in instead is not kept as the visitor's choice.
pub fn not_loaded_at_start() -> Option<Lang> {
    NOT_LOADED.with(Cell::get)
}

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
        let _ = keep_offline(lang, pack.file, &text).await;
    });
    Ok(())
}

/// Where `sw.js` looks for the language packs: caches named this and the language's
/// tag (`symptom-quiz-packs-es`; its `PACKS`), which it searches like its own copies
/// and never deletes with them. (`tests/native/worker.rs` checks the two agree.)
pub const PACK_CACHES: &str = "symptom-quiz-packs";

/// Keeps a pack, checked, where the service worker finds it offline: in the language's
/// own cache, which holds only its last pack. The worker does not see the fetch when it
/// does not yet control the page (a first visit), so the quiz keeps it itself. Without
/// storage for caches, nothing happens and the quiz works as it did.
async fn keep_offline(lang: Lang, file: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let caches = gloo::utils::window().caches()?;
    let name = format!("{PACK_CACHES}-{}", lang.tag());
    JsFuture::from(caches.delete(&name)).await?;
    let cache: web_sys::Cache = JsFuture::from(caches.open(&name)).await?.unchecked_into();
    let response = web_sys::Response::new_with_opt_str(Some(text))?;
    JsFuture::from(cache.put_with_str(file, &response)).await?;
    Ok(())
}

async fn wait(promise: Promise) -> Result<wasm_bindgen::JsValue, String> {
    JsFuture::from(promise)
        .await
        .map_err(|_| "no connection".to_string())
}
