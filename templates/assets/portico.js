// Portico default theme behaviour: mobile menu, copy buttons, search.
// No network requests: the search index is a script loaded by the search page.
(function () {
  "use strict";
  var toggle = document.querySelector(".nav-toggle");
  var sidebar = document.getElementById("sidebar");
  if (toggle && sidebar) {
    toggle.addEventListener("click", function () {
      var open = sidebar.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  document.querySelectorAll(".sample .copy").forEach(function (button) {
    button.addEventListener("click", function () {
      var code = button.closest(".sample").querySelector("code");
      if (!code || !navigator.clipboard) return;
      navigator.clipboard.writeText(code.textContent).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      });
    });
  });

  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  if (!input || !list) return;
  var index = window.PORTICO_SEARCH || [];
  var form = input.closest("form");
  if (form) form.addEventListener("submit", function (e) { e.preventDefault(); });

  function fold(s) {
    return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var folded = index.map(function (e) { return fold(e.t + " " + e.s); });
  var titles = index.map(function (e) { return fold(e.t); });

  function run(query) {
    list.textContent = "";
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) return;
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var ok = words.every(function (w) { return folded[i].indexOf(w) >= 0; });
      if (!ok) continue;
      var score = words.reduce(function (s, w) { return s + (titles[i].indexOf(w) >= 0 ? 2 : 0); }, 0);
      hits.push({ e: index[i], score: score, i: i });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
    hits.slice(0, 100).forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.e.u;
      a.textContent = h.e.t;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = h.e.k;
      var summary = document.createElement("span");
      summary.className = "summary";
      summary.textContent = h.e.s;
      li.appendChild(a); li.appendChild(kind); li.appendChild(summary);
      list.appendChild(li);
    });
    if (!hits.length) {
      var none = document.createElement("li");
      none.textContent = "Nothing matches " + query;
      list.appendChild(none);
    }
  }
  input.addEventListener("input", function () { run(input.value); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(q); }
})();
