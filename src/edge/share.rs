//! Taking the result along: the system's share sheet, the clipboard, and the time the
//! result was shown. Each runs only on the visitor's own press, and hands the text to
//! the browser (the app they pick, the clipboard): nothing here sends anything itself
//! (`tests/e2e/tests/trust.rs` checks it), and nothing tells an embedding page
//! (`tests/e2e/tests/embed.rs`).

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use js_sys::{Object, Promise, Reflect};
use quiz::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = navigator, js_name = share)]
    fn navigator_share(data: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn clipboard_write(text: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = document, js_name = execCommand)]
    fn exec_command(command: &str) -> Result<bool, JsValue>;

    /// A `copy` event (`ClipboardEvent`).
    type CopyEvent;
    #[wasm_bindgen(method, getter, js_name = clipboardData)]
    fn clipboard_data(this: &CopyEvent) -> Option<DataTransfer>;
    type DataTransfer;
    #[wasm_bindgen(method, js_name = setData)]
    fn set_data(this: &DataTransfer, format: &str, data: &str);
}

/// Whether the browser has a share sheet (`navigator.share`: phones, Safari, Chrome
/// on Windows, macOS and ChromeOS; not desktop Firefox, nor Chrome on Linux).
pub fn can_share() -> bool {
    Reflect::get(&gloo::utils::window().navigator(), &"share".into())
        .is_ok_and(|share| share.is_function())
}

/// Where a press on "Copy", or a "Share" the browser refused, took the text.
#[derive(Clone, Copy, PartialEq)]
pub enum Taken {
    Copied,
    /// The browser refused the clipboard as well: the visitor copies the text shown.
    Refused,
}

/// Opens the system's share sheet with `text` (when `share`): `None` once the sheet
/// has it or the visitor closed it. Where the browser refuses the sheet (a frame
/// without the `web-share` permission), or on "Copy", copies it.
pub async fn take(text: &str, share: bool) -> Option<Taken> {
    if share {
        let data = Object::new();
        let _ = Reflect::set(&data, &"text".into(), &text.into());
        if let Ok(promise) = navigator_share(&data) {
            match JsFuture::from(promise).await {
                Ok(_) => return None,
                // Closing the sheet is the visitor's choice: nothing to copy instead.
                Err(e)
                    if Reflect::get(&e, &"name".into())
                        .ok()
                        .and_then(|n| n.as_string())
                        .as_deref()
                        == Some("AbortError") =>
                {
                    return None
                }
                Err(_) => {}
            }
        }
    }
    Some(if copy(text).await {
        Taken::Copied
    } else {
        Taken::Refused
    })
}

/// Writes `text` to the clipboard: through the Clipboard API, which a frame may use
/// only with the `clipboard-write` permission; else the old way (`execCommand`), which
/// a frame may use without it while the press is recent. False if both were refused.
async fn copy(text: &str) -> bool {
    if let Ok(promise) = clipboard_write(text) {
        if JsFuture::from(promise).await.is_ok() {
            return true;
        }
    }
    // The copy event carries the text in place of the page's selection: its listener
    // must be allowed to prevent the default (gloo's are passive unless told), and
    // says whether it ran, since `execCommand` returns true either way.
    let (text, wrote) = (text.to_owned(), Rc::new(Cell::new(false)));
    let _listener = EventListener::new_with_options(
        &gloo::utils::document(),
        "copy",
        EventListenerOptions::enable_prevent_default(),
        {
            let wrote = wrote.clone();
            move |event| {
                if let Some(data) = event.unchecked_ref::<CopyEvent>().clipboard_data() {
                    data.set_data("text/plain", &text);
                    event.prevent_default();
                    wrote.set(true);
                }
            }
        },
    );
    exec_command("copy").unwrap_or(false) && wrote.get()
}

/// Now, in milliseconds since 1970 (for [`date`]).
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A time (from [`now`]) as the visitor's language writes a date and time, with the
/// time zone ("Dec 5, 2026, 2:30 PM EST"): a text forwarded elsewhere still says when.
pub fn date(at: f64, lang: Lang) -> String {
    let options = js_sys::JSON::parse(r#"{"year":"numeric","month":"short","day":"numeric","hour":"numeric","minute":"2-digit","timeZoneName":"short"}"#)
        .unwrap_or(JsValue::UNDEFINED);
    js_sys::Date::new(&at.into())
        .to_locale_string(lang.tag(), &options)
        .into()
}
