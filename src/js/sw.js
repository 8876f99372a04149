// The quiz's service worker (README "Deploying"): keeps this deployment's files for
// offline visits, fetching only files of its own scope.
"use strict";

const PREFIX = "symptom-quiz-";
// Where the quiz keeps each language pack it fetched (PACKS + "-es"), for offline visits
// in that language (src/edge/pack.rs): searched like the others, never deleted with them.
const PACKS = PREFIX + "packs";
const SCOPE = self.registration.scope;
// The page, by its folder's URL (Cloudflare redirects index.html there; a redirected copy
// cannot answer a navigation).
const INDEX = SCOPE;
const INDEX_FILE = new URL("index.html", SCOPE).href;
// Named by their content: the build's files, and the language packs (lang/es-….txt),
// which index.html does not name. A pack is fetched only by a visitor who needs that
// language; the quiz then keeps it itself (PACKS).
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|txt)$/;

// The files index.html names, in scope.
function filesOf(html) {
  const files = new Set([new URL("boot.js", SCOPE).href]);
  for (const match of html.matchAll(/ (?:href|src|data-js|data-wasm)=(?:"([^"]+)"|([^\s>]+))/g)) {
    const url = new URL(match[1] || match[2], SCOPE);
    if (url.href.startsWith(SCOPE) && url.href !== INDEX_FILE) {
      files.add(url.origin + url.pathname);
    }
  }
  return [...files].sort();
}

// FNV-1a
function cacheName(files) {
  let hash = 0x811c9dc5;
  for (const char of files.join(" ")) {
    hash = Math.imul(hash ^ char.codePointAt(0), 0x01000193) >>> 0;
  }
  return PREFIX + hash.toString(16).padStart(8, "0");
}

// Keeps the deployment of `index`, one at a time (two fills of one cache raced).
let keeping = Promise.resolve();
function keep(index) {
  keeping = keeping.catch(() => {}).then(() => fill(index));
  return keeping;
}

// Fills the cache if new (index.html last: the mark of a complete one); deletes others.
async function fill(index) {
  const files = filesOf(await index.clone().text());
  const name = cacheName(files);
  const cache = await caches.open(name);
  if (!(await cache.match(INDEX))) {
    try {
      await cache.addAll(files.map((file) => new Request(file, { cache: "no-cache" })));
    } catch (error) {
      await caches.delete(name);
      throw error;
    }
  }
  await cache.put(INDEX, index);
  for (const other of await caches.keys()) {
    if (other.startsWith(PREFIX) && other !== name && !other.startsWith(PACKS)) {
      await caches.delete(other);
    }
  }
}

// Not caches.open(): it would create again a cache a fill has just deleted.
async function cached(url) {
  for (const cacheName of await caches.keys()) {
    if (cacheName.startsWith(PREFIX)) {
      const response = await caches.match(url, { ignoreSearch: true, cacheName });
      if (response) {
        return response;
      }
    }
  }
  return Response.error();
}

function isPage(response) {
  const type = response.headers.get("content-type") || "";
  return response.ok && type.startsWith("text/html");
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    fetch(INDEX, { cache: "no-cache" })
      .then((index) => {
        if (!isPage(index)) {
          throw new Error("symptom-quiz: no index.html at " + INDEX);
        }
        return keep(index);
      })
      .then(() => self.skipWaiting()),
  );
});

// { keep: wasm } from boot.js: after a hard reload, the page's wasm may not be kept.
self.addEventListener("message", (event) => {
  const wasm = event.data && event.data.keep;
  if (typeof wasm === "string") {
    event.waitUntil(
      cached(new URL(wasm, SCOPE).href)
        .then((copy) => (copy.type === "error" ? fetch(INDEX, { cache: "no-cache" }) : null))
        .then((index) => (index && isPage(index) ? keep(index) : null))
        .catch(() => {}),
    );
  }
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) {
    return;
  }
  const url = new URL(request.url);
  const page = url.origin + url.pathname;
  if (request.mode === "navigate" || page === INDEX || page === INDEX_FILE) {
    let kept = null;
    const answer = fetch(request).then(
      (response) => {
        if (isPage(response)) {
          kept = keep(response.clone());
        }
        return response;
      },
      () => cached(INDEX),
    );
    event.respondWith(answer);
    event.waitUntil(answer.then(() => kept).catch(() => {}));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(
      cached(url.href).then((response) => (response.type === "error" ? fetch(request) : response)),
    );
  } else {
    event.respondWith(fetch(request).catch(() => cached(url.href)));
  }
});
