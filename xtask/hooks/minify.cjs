// Run after each Trunk build by `cargo xtask trunk-post-build` (Trunk.toml), after the
// clinic is stamped into index.html: in release builds,
// - gives the wasm's imports from the glue short names (a, b, …, aa…) in both files:
//   wasm-bindgen names each `__wbg_<name>_<16 hex digits>`, and those digits are
//   random to brotli (-1.8 KB in the wasm, -1.4 KB in the glue);
// - minifies with terser wasm-bindgen's JS glue
//   (Trunk's own minifier cannot parse the glue: it leaves it as is, with a warning);
// and writes each changed file's integrity hash into index.html;
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

// Replaces the integrity hash of `before` (a file's bytes) in index.html by that of
// `name`'s bytes now.
function reintegrate(name, before) {
  const page = fs.readFileSync(html, "utf8");
  const old = integrity(before);
  if (!page.includes(old)) throw new Error(`minify: index.html has no ${old} for ${name}`);
  fs.writeFileSync(html, page.replace(old, integrity(fs.readFileSync(path.join(staging, name)))));
}

// An unsigned LEB128 number, as the wasm binary format writes sizes and counts.
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}
function uleb(value) {
  const out = [];
  do {
    const byte = value % 128;
    value = Math.floor(value / 128);
    out.push(value ? byte | 0x80 : byte);
  } while (value);
  return Buffer.from(out);
}
// The n-th short name: a … z, A … Z, aa, ab …: a property name in the glue's object of
// imports, never one of its own (they all begin with "__").
function shortName(n) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  for (n += 1; n > 0; n = Math.floor((n - 1) / 52)) name = letters[(n - 1) % 52] + name;
  return name;
}

// Renames the wasm's function imports from the glue's module ("./symptom-quiz_bg.js")
// in the wasm's import section and in the glue, where each is a key of the object of
// imports. A name the glue does not hold stops the build: never a wasm that cannot
// start.
function shortenImports(wasmName) {
  const wasmFile = path.join(staging, wasmName);
  const glueFile = path.join(staging, glue);
  const bytes = fs.readFileSync(wasmFile);
  let code = fs.readFileSync(glueFile, "utf8");
  const module = "./" + wasmName.replace(/-[0-9a-f]+_bg\.wasm$/, "_bg.js");
  const parts = [bytes.subarray(0, 8)];
  let renamed = 0;
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    let body = bytes.subarray(start, start + size);
    at = start + size;
    if (id === 2) {
      const [count, first] = leb(body, 0);
      const out = [uleb(count)];
      let p = first;
      for (let i = 0; i < count; i++) {
        const [moduleLength, m] = leb(body, p);
        const moduleName = body.subarray(m, m + moduleLength);
        const [nameLength, n] = leb(body, m + moduleLength);
        let name = body.toString("utf8", n, n + nameLength);
        p = n + nameLength;
        const kind = body[p];
        const descStart = p;
        p += 1;
        if (kind === 0) [, p] = leb(body, p); // a function: its type index
        else throw new Error(`minify: import ${name} is not a function (kind ${kind})`);
        if (moduleName.toString() === module) {
          const short = shortName(renamed++);
          // Whole names only: __wbindgen_generic_…1 is not the start of …10.
          const key = new RegExp(`(?<![\\w$])${name}(?![\\w$])`, "g");
          const uses = code.match(key)?.length ?? 0;
          if (!uses) throw new Error(`minify: ${glue} has no import ${name}`);
          code = code.replace(key, short);
          name = short;
        }
        const nameBytes = Buffer.from(name);
        out.push(uleb(moduleLength), moduleName, uleb(nameBytes.length), nameBytes);
        out.push(body.subarray(descStart, p));
      }
      body = Buffer.concat(out);
    }
    parts.push(Buffer.from([id]), uleb(body.length), body);
  }
  if (!renamed) throw new Error(`minify: ${wasmName} imports nothing from ${module}`);
  fs.writeFileSync(wasmFile, Buffer.concat(parts));
  fs.writeFileSync(glueFile, code);
  console.log(`minify: ${renamed} imports of ${wasmName} renamed`);
}

const wasm = fs.readdirSync(staging).find((f) => /^symptom-quiz-[0-9a-f]+_bg\.wasm$/.test(f));
if (!wasm) throw new Error(`minify: no symptom-quiz-<hash>_bg.wasm in ${staging}`);
const wasmBefore = fs.readFileSync(path.join(staging, wasm));
let before = fs.readFileSync(path.join(staging, glue));
shortenImports(wasm);
reintegrate(wasm, wasmBefore);
reintegrate(glue, before);
before = fs.readFileSync(path.join(staging, glue));
minify(glue, true);
reintegrate(glue, before);
minify("boot.js", true);
minify("sw.js", false);
minify(path.join("embed", "v1.js"), false);
