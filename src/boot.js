// Starts the quiz without any inline script, so the page runs under a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'). Trunk writes this
// file's <script> tag with the hashed names of the glue and the wasm (Trunk.toml,
// pattern_script); the preload links keep their integrity hashes.
const me = document.querySelector("script[data-js][data-wasm]");
const glue = await import(me.dataset.js);
await glue.default({ module_or_path: me.dataset.wasm });
