/* symptom-quiz embed loader, protocol v1 (see README "Embedding"). */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !me.src) return;
  var base = new URL("../", me.src);
  var ORIGIN = base.origin;
  var EVENTS = /^(ready|step|complete|call)$/;
  var TIERS = /^(emergency|urgent|doctor-first|call-clinic|self-care)$/;

  function warn(name, value) {
    console.warn("symptom-quiz: ignored data-" + name + "=" + JSON.stringify(String(value).slice(0, 40)));
  }
  function css(el, props) {
    for (var k in props) el.style.setProperty(k, props[k], "important");
  }

  function setup(host) {
    if (host.symptomQuiz) return;
    host.symptomQuiz = 1;
    var d = host.dataset;
    var mode = d.mode || "inline";
    if (mode !== "inline" && mode !== "popup") { warn("mode", mode); mode = "inline"; }
    var share = "shareTier" in d;
    // The folder, not index.html: some hosts answer that with a redirect to the folder.
    var src = new URL("./", base);
    var q = src.searchParams;
    q.set("embed", mode);
    q.set("origin", location.origin);
    ["lang", "accent", "radius", "font", "save"].forEach(function (k) {
      if (d[k] != null) d[k].length > 40 ? warn(k, d[k]) : q.set(k, d[k]);
    });
    if (share) q.set("share", "tier");

    var frame, button, dialog;
    function makeFrame() {
      frame = document.createElement("iframe");
      frame.src = src.href;
      // Let the visitor share or copy their result from inside the frame.
      frame.allow = "web-share; clipboard-write";
      frame.title = d.lang === "es" ? "Cuestionario de dolor de espalda" : "Back pain quiz";
      css(frame, { display: "block", width: "100%", border: "0", height: "640px", "max-width": "100%" });
      return frame;
    }
    function emit(type, detail) {
      host.dispatchEvent(new CustomEvent("symptom-quiz:" + type, { bubbles: true, detail: detail }));
    }
    window.addEventListener("message", function (e) {
      if (!frame || e.origin !== ORIGIN || e.source !== frame.contentWindow) return;
      var m = e.data;
      if (!m || typeof m !== "object" || m.v !== 1 || typeof m.type !== "string") return;
      if (m.type === "height") {
        var h = m.height;
        if (typeof h === "number" && h >= 100 && h <= 20000 && mode === "inline") css(frame, { height: Math.ceil(h) + "px" });
      } else if (m.type === "escape") {
        if (dialog) close();
      } else if (EVENTS.test(m.type)) {
        var detail = {};
        if (m.type === "step") {
          if (!(m.index >= 1 && m.index <= 100 && m.total >= m.index && m.total <= 100)) return;
          detail = { index: m.index | 0, total: m.total | 0 };
        }
        if (m.type === "complete" && share && TIERS.test(m.tier)) detail = { tier: m.tier };
        emit(m.type, detail);
      }
    });

    if (mode === "inline") {
      css(host, { display: "block", "min-height": "640px" });
      var go = function () { host.appendChild(makeFrame()); };
      if (!window.IntersectionObserver) return go();
      var io = new IntersectionObserver(function (entries) {
        if (entries.some(function (x) { return x.isIntersecting; })) { io.disconnect(); go(); }
      }, { rootMargin: "300px" });
      io.observe(host);
      return;
    }

    button = document.createElement("button");
    button.type = "button";
    var label = d.label == null ? "" : String(d.label).replace(/\s+/g, " ").trim();
    if (label.length > 60) { warn("label", label); label = ""; }
    button.textContent = label || (d.lang === "es" ? "¿Qué hacer con su dolor de espalda?" : "Back pain: what to do next");
    css(button, { font: "inherit", padding: "0.6em 1.2em", "min-height": "44px", cursor: "pointer" });
    host.appendChild(button);

    function close() {
      document.removeEventListener("keydown", onKey, true);
      dialog.remove();
      dialog = null;
      button.focus();
    }
    function onKey(e) {
      if (e.key === "Escape") { e.preventDefault(); close(); }
    }
    button.addEventListener("click", function () {
      if (dialog) return;
      dialog = document.createElement("div");
      dialog.setAttribute("role", "dialog");
      dialog.setAttribute("aria-modal", "true");
      dialog.setAttribute("aria-label", button.textContent);
      var phone = window.matchMedia("(max-width: 600px)").matches;
      css(dialog, {
        position: "fixed", inset: phone ? "0" : "4vh 0 0 0", margin: "0 auto",
        width: phone ? "100%" : "min(44rem, 96vw)", height: phone ? "100%" : "92vh",
        background: "#fff", "z-index": "2147483647", display: "flex",
        "flex-direction": "column", "box-shadow": "0 0 0 100vmax rgba(0,0,0,.5)",
        "border-radius": phone ? "0" : "8px", overflow: "hidden"
      });
      var x = document.createElement("button");
      x.type = "button";
      x.textContent = "×";
      x.setAttribute("aria-label", d.lang === "es" ? "Cerrar" : "Close");
      css(x, { "align-self": "flex-end", display: "block", font: "28px/1 sans-serif", width: "44px", height: "44px",
        border: "0", background: "transparent", color: "#1b1b1b", cursor: "pointer" });
      x.addEventListener("click", close);
      var guard = function (to) {
        var g = document.createElement("span");
        g.tabIndex = 0;
        css(g, { position: "absolute", width: "1px", height: "1px", overflow: "hidden" });
        g.addEventListener("focus", function () { to().focus(); });
        return g;
      };
      dialog.appendChild(guard(function () { return frame; }));
      dialog.appendChild(x);
      dialog.appendChild(makeFrame());
      dialog.appendChild(guard(function () { return x; }));
      css(frame, { flex: "1", height: "auto" });
      document.body.appendChild(dialog);
      document.addEventListener("keydown", onKey, true);
      x.focus();
    });
  }

  function scan() {
    var all = document.querySelectorAll("[data-symptom-quiz]");
    for (var i = 0; i < all.length; i++) setup(all[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
