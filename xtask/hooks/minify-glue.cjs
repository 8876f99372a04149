// Trunk post_build hook (Trunk.toml): in release builds, minifies wasm-bindgen's JS glue
// with terser and writes the new file's integrity hash into index.html. Trunk's own
// minifier cannot parse the glue (it leaves it as is, with a warning).
//
// terser comes from `cargo xtask`, which installs it (npm, cached) and puts it on PATH.
// A bare `trunk build --release` without it keeps the glue unminified and says so.
"use strict";
const { execFileSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const staging = process.env.TRUNK_STAGING_DIR;
const html = path.join(staging, "index.html");
const glue = fs.readdirSync(staging).find((f) => /^symptom-quiz-[0-9a-f]+\.js$/.test(f));
if (!glue) throw new Error(`minify-glue: no symptom-quiz-<hash>.js in ${staging}`);
const file = path.join(staging, glue);
const integrity = (bytes) => "sha384-" + crypto.createHash("sha384").update(bytes).digest("base64");

const before = fs.readFileSync(file);
try {
  // Names of the wasm's imports are properties: terser keeps them (no --mangle-props).
  execFileSync("terser", [file, "--module", "--compress", "--mangle", "--output", file], {
    stdio: ["ignore", "inherit", "inherit"],
  });
} catch (e) {
  if (e.code === "ENOENT") {
    console.warn("minify-glue: terser is not on PATH (cargo xtask installs it); glue left as is");
    process.exit(0);
  }
  throw e;
}
const page = fs.readFileSync(html, "utf8");
const old = integrity(before);
if (!page.includes(old)) throw new Error(`minify-glue: index.html has no ${old} for ${glue}`);
fs.writeFileSync(html, page.replace(old, integrity(fs.readFileSync(file))));
console.log(`minify-glue: ${glue} ${before.length} -> ${fs.statSync(file).size} bytes`);
