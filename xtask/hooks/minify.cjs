// Run after each Trunk build by `cargo xtask trunk-post-build` (Trunk.toml), after the
// clinic is stamped into index.html: in release builds, minifies with terser
// - wasm-bindgen's JS glue, and writes the new file's integrity hash into index.html
//   (Trunk's own minifier cannot parse the glue: it leaves it as is, with a warning);
// - boot.js, sw.js and the embed loader, which Trunk copies as they are, so that their
//   sources keep their comments at no cost to visitors.
//
// terser comes from `cargo xtask`, which installs it (npm, cached) and puts it on PATH.
// A bare `trunk build --release` without it keeps the files unminified and says so.
"use strict";
const { execFileSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const staging = process.env.TRUNK_STAGING_DIR;
const html = path.join(staging, "index.html");
const glue = fs.readdirSync(staging).find((f) => /^symptom-quiz-[0-9a-f]+\.js$/.test(f));
if (!glue) throw new Error(`minify: no symptom-quiz-<hash>.js in ${staging}`);
const integrity = (bytes) => "sha384-" + crypto.createHash("sha384").update(bytes).digest("base64");

// Minifies `name` in place (`module`: an ES module); false if terser is missing.
function minify(name, module) {
  const file = path.join(staging, name);
  const before = fs.statSync(file).size;
  const args = [file, "--compress", "--mangle", "--output", file];
  try {
    // Names of the wasm's imports are properties: terser keeps them (no --mangle-props).
    execFileSync("terser", module ? ["--module", ...args] : args, {
      stdio: ["ignore", "inherit", "inherit"],
    });
  } catch (e) {
    if (e.code === "ENOENT") {
      console.warn("minify: terser is not on PATH (cargo xtask installs it); files left as they are");
      process.exit(0);
    }
    throw e;
  }
  console.log(`minify: ${name} ${before} -> ${fs.statSync(file).size} bytes`);
}

const before = fs.readFileSync(path.join(staging, glue));
minify(glue, true);
const page = fs.readFileSync(html, "utf8");
const old = integrity(before);
if (!page.includes(old)) throw new Error(`minify: index.html has no ${old} for ${glue}`);
fs.writeFileSync(html, page.replace(old, integrity(fs.readFileSync(path.join(staging, glue)))));
minify("boot.js", true);
minify("sw.js", false);
minify(path.join("embed", "v1.js"), false);
