// Starts the quiz without any inline script, so the page runs under a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'). Trunk writes this
// file's <script> tag with the hashed names of the glue and the wasm (Trunk.toml,
// pattern_script); the preload links keep their integrity hashes.
const me = document.querySelector("script[data-js][data-wasm]");
const glue = await import(me.dataset.js);
await glue.default({ module_or_path: me.dataset.wasm });

// Keeps this deployment on the device for the next visit, offline too (sw.js). Never in
// the quiz's way: a browser without service workers, or one that refuses them (a private
// window, a frame without storage), goes on without.
if ("serviceWorker" in navigator) {
  const worker = new URL("sw.js", new URL(me.dataset.js, location.href)).href;
  // Trusted Types (README "Deploying"): the policy gives this one URL, whatever it is asked.
  const tt = self.trustedTypes;
  Promise.resolve()
    .then(() => navigator.serviceWorker.register(tt ? tt.createPolicy("symptom-quiz", { createScriptURL: () => worker }).createScriptURL("") : worker))
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active && registration.active.postMessage({ keep: me.dataset.wasm }))
    .catch(() => {});
}
