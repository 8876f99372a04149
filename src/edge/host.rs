//! The embed protocol's frame side: messages to the host page (v1, the shapes
//! `src/js/embed/v1.js` accepts) and the frame's height.

use wasm_bindgen::JsCast;

use super::{Config, HostOrigin};

/// A message to the embedding page (protocol v1, the shapes `embed/v1.js` accepts).
/// Never an answer: only sizes, step numbers, "done" (the tier only when shared) and
/// "a call or booking button was pressed".
pub enum HostMessage {
    Ready,
    Height(u32),
    Step { index: usize, total: usize },
    Complete(Option<&'static str>),
    Call,
    Escape,
}

pub fn tell_host(config: &Config, message: HostMessage) {
    let Some(HostOrigin(origin)) = config.host else {
        return;
    };
    let Ok(Some(parent)) = gloo::utils::window().parent() else {
        return;
    };
    let object = js_sys::Object::new();
    let set = |key: &str, value: wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&object, &key.into(), &value);
    };
    set("v", 1.into());
    let kind = match message {
        HostMessage::Ready => "ready",
        HostMessage::Height(px) => {
            set("height", px.into());
            "height"
        }
        HostMessage::Step { index, total } => {
            set("index", (index as u32).into());
            set("total", (total as u32).into());
            "step"
        }
        HostMessage::Complete(tier) => {
            if let Some(tier) = tier.filter(|_| config.share_tier) {
                set("tier", tier.into());
            }
            "complete"
        }
        HostMessage::Call => "call",
        HostMessage::Escape => "escape",
    };
    set("type", kind.into());
    let _ = parent.post_message(&object, origin);
}

/// Keeps the host's frame as tall as the quiz: reports the quiz's height whenever it
/// changes (a new screen, "why we ask" opened, a narrower frame).
pub fn watch_height(config: Config) -> Option<impl Drop> {
    config.host?;
    let root = crate::root_element()?;
    let report = {
        let root = root.clone();
        move || {
            let height = root.get_bounding_client_rect().height().ceil() as u32;
            tell_host(&config, HostMessage::Height(height.max(100)));
        }
    };
    report();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(report);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    // The closure must live as long as the observer that calls it.
    struct Watch(
        web_sys::ResizeObserver,
        #[allow(dead_code)] wasm_bindgen::closure::Closure<dyn FnMut()>,
    );
    impl Drop for Watch {
        fn drop(&mut self) {
            self.0.disconnect();
        }
    }
    Some(Watch(observer, callback))
}
