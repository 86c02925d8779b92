// Search. On every page "/" focuses the search box. On the search page this loads the prebuilt
// index (search/index.js, written by Planbake at build time) and queries it with Fuse.js.
// Without JavaScript the header box still submits to the search page, which then says so.
(function () {
  "use strict";

  function searchBox() {
    return document.getElementById("pb-search-q") || document.getElementById("pb-q");
  }

  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    var box = searchBox();
    if (!box) { return; }
    e.preventDefault();
    box.focus();
    box.select();
  });

  var form = document.getElementById("pb-search");
  if (!form) { return; }
  var input = document.getElementById("pb-search-q");
  var status = document.getElementById("pb-search-status");
  var list = document.getElementById("pb-results");
  var index = window.planbakeSearch;
  var root = "../";
  var LIMIT = 50;

  if (!index || typeof window.Fuse !== "function") {
    status.textContent = "The search index could not be loaded. Rebuild the site, then reload this page.";
    return;
  }

  var units = index.units;
  var KEYS = [
    { name: "i", weight: 4 },
    { name: "l", weight: 3 },
    { name: "a", weight: 3 },
    { name: "t", weight: 3 },
    { name: "h", weight: 1.5 },
    { name: "k", weight: 1.5 },
    { name: "f", weight: 1 },
    { name: "b", weight: 0.6 }
  ];
  var fuse = new window.Fuse(units, {
    keys: KEYS,
    threshold: 0.34,
    ignoreLocation: true,
    includeScore: true,
    includeMatches: true,
    minMatchCharLength: 2
  });

  // An id typed in full ("2.1", "Unit 2.1", "001-user-auth", "#48") goes first, before any fuzzy
  // match: people paste ids from tickets and expect that unit, not its neighbours.
  function exact(q) {
    var want = q.toLowerCase().replace(/^unit\s+/, "");
    var out = [];
    units.forEach(function (u) {
      var id = u.i.toLowerCase();
      var local = id.indexOf("#") >= 0 ? id.slice(id.indexOf("#") + 1) : id;
      var aliases = u.a ? u.a.toLowerCase().split(" ") : [];
      if (id === want || local === want || aliases.indexOf(want) >= 0) { out.push(u); }
    });
    out.sort(function (x, y) { return (x.i.toLowerCase() === want ? 0 : 1) - (y.i.toLowerCase() === want ? 0 : 1); });
    return out;
  }

  function query(q) {
    var terms = q.split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) { return []; }
    var first = exact(q);
    var seen = new Set(first);
    // Every word must match, each in any field: "webhook retry" finds a unit with the one in its
    // title and the other in a task.
    var expr = {
      $and: terms.map(function (t) {
        return { $or: KEYS.map(function (k) { var o = {}; o[k.name] = t; return o; }) };
      })
    };
    var hits = first.map(function (u) { return { item: u, matches: [] }; });
    fuse.search(expr).forEach(function (r) {
      if (!seen.has(r.item)) { hits.push(r); }
    });
    return hits;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function statusBadge(slug) {
    var s = index.statuses[slug] || [slug, ""];
    var b = el("span", "status status-" + slug);
    var icon = el("span", "status-icon", s[1]);
    icon.setAttribute("aria-hidden", "true");
    b.appendChild(icon);
    b.appendChild(document.createTextNode(" " + s[0]));
    return b;
  }

  function bar(u) {
    var done = u.p[0], total = u.p[1];
    if (total === 0) { return el("span", "muted", "no tasks"); }
    var pct = Math.floor((done * 100) / total);
    var wrap = el("div", "progress progress-small");
    var track = el("div", "progress-track");
    track.setAttribute("role", "progressbar");
    track.setAttribute("aria-label", (u.l || u.i) + " progress");
    track.setAttribute("aria-valuemin", "0");
    track.setAttribute("aria-valuemax", "100");
    track.setAttribute("aria-valuenow", String(pct));
    track.setAttribute("aria-valuetext", pct + "% (" + done + " of " + total + " tasks)");
    var fill = el("div", "progress-fill");
    fill.style.width = pct + "%";
    track.appendChild(fill);
    wrap.appendChild(track);
    var text = el("span", "progress-text");
    text.appendChild(el("strong", "", pct + "%"));
    text.appendChild(document.createTextNode(" "));
    text.appendChild(el("span", "muted", done + "/" + total));
    wrap.appendChild(text);
    return wrap;
  }

  var FIELD_NAMES = { h: "heading", k: "task", b: "text", f: "file", a: "alias" };

  // The piece of a long field (one task, one heading) that matched best, with the match marked:
  // the longest matched stretch wins, tasks and headings before prose on a tie.
  var SNIPPET_ORDER = ["k", "h", "a", "f", "b"];
  function snippet(r) {
    var best = null;
    (r.matches || []).forEach(function (m) {
      if (!FIELD_NAMES[m.key]) { return; }
      m.indices.forEach(function (at) {
        var len = at[1] - at[0];
        var rank = SNIPPET_ORDER.indexOf(m.key);
        if (!best || len > best.len || (len === best.len && rank < best.rank)) {
          best = { m: m, at: at, len: len, rank: rank };
        }
      });
    });
    if (!best) { return null; }
    var m = best.m, text = m.value, at = best.at;
    var sep = " \u00b7 ";
    var from, to;
    if (m.key === "b" || m.key === "f" || m.key === "a") {
      from = Math.max(0, at[0] - 40);
      to = Math.min(text.length, at[1] + 41);
    } else {
      from = text.lastIndexOf(sep, at[0]);
      from = from < 0 ? 0 : from + sep.length;
      to = text.indexOf(sep, at[1]);
      if (to < 0) { to = text.length; }
    }
    var p = el("p", "result-match muted");
    p.appendChild(el("span", "result-field", FIELD_NAMES[m.key] + ": "));
    p.appendChild(document.createTextNode(text.slice(from, at[0])));
    p.appendChild(el("mark", "", text.slice(at[0], at[1] + 1)));
    p.appendChild(document.createTextNode(text.slice(at[1] + 1, to)));
    return p;
  }

  function show(q) {
    list.textContent = "";
    if (q.trim() === "") {
      status.textContent = "Type to search " + units.length + " units.";
      return;
    }
    var hits = query(q.trim());
    status.textContent = hits.length === 0
      ? "No unit matches \u201c" + q.trim() + "\u201d."
      : (hits.length === 1 ? "1 unit" : hits.length + " units") + " match \u201c" + q.trim() + "\u201d"
        + (hits.length > LIMIT ? "; the first " + LIMIT + " are shown." : ".");
    hits.slice(0, LIMIT).forEach(function (r) {
      var u = r.item;
      var li = el("li", "result");
      var head = el("div", "result-head");
      var a = el("a", "unit-link");
      a.href = root + u.u;
      a.appendChild(el("span", "unit-id", u.l || u.i));
      if (u.t && u.t !== (u.l || u.i)) {
        a.appendChild(document.createTextNode(" "));
        a.appendChild(el("span", "unit-title", u.t));
      }
      head.appendChild(a);
      head.appendChild(document.createTextNode(" "));
      head.appendChild(statusBadge(u.s));
      li.appendChild(head);
      li.appendChild(bar(u));
      var where = snippet(r);
      if (where) { li.appendChild(where); }
      li.appendChild(el("p", "result-source muted", u.f));
      list.appendChild(li);
    });
  }

  var timer = null;
  function update() {
    var q = input.value;
    var url = new URL(window.location.href);
    if (q.trim() === "") { url.searchParams.delete("q"); } else { url.searchParams.set("q", q); }
    window.history.replaceState(null, "", url.toString());
    show(q);
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 120);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    window.clearTimeout(timer);
    update();
  });

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  show(initial);
  if (initial === "") { input.focus(); }
})();
