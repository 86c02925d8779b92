// Search. On every page "/" focuses the search box. On the search page this loads the prebuilt
// index (search/index.js, written by Planbake at build time) and queries it with Fuse.js.
// Without JavaScript the header box still submits to the search page, which then says so.
// Also, on every page: closed <details> open for printing (see below).

// Printing opens the closed <details> (URLs, backlinks, the graph as a list) and closes them again
// afterwards. Browsers that know ::details-content do this in print CSS already; this is for the
// others, and pages print (collapsed) without it.
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();

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
  // Results come 50 at a time; "Show more" adds the next 50.
  var LIMIT = 50;
  var narrow = document.getElementById("pb-search-in");
  var more = document.getElementById("pb-search-more");
  var shown = LIMIT;

  if (!index || typeof window.Fuse !== "function") {
    status.textContent = "The search index could not be loaded. Rebuild the site, then reload this page.";
    return;
  }

  var loading = window.performance.now();
  var units = index.units;

  // Fields, with how much a match in each counts.
  var FIELDS = [["i", 3], ["l", 3], ["a", 3], ["t", 4], ["h", 1.5], ["k", 1.5], ["f", 0.5], ["b", 0.6]];
  // A part of a longer word ("invoice" in "004-recurring-invoices") counts for less than a word.
  var PART = 0.75;
  // Words keep inner dots, hashes, slashes and hyphens, so "2.1", "reporting-units#5.2" and
  // "001-user-auth" are words; their parts are indexed too.
  var WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}_'.#\/-]*[\p{L}\p{N}])?/gu;
  var INNER = /[_'.#\/-]+/;

  // An inverted index built once on load: word -> (unit -> weight of the best field holding it).
  var postings = new Map();
  function post(word, unit, weight) {
    var p = postings.get(word);
    if (!p) { p = new Map(); postings.set(word, p); }
    if (!(p.get(unit) >= weight)) { p.set(unit, weight); }
  }
  units.forEach(function (u, n) {
    FIELDS.forEach(function (f) {
      var text = u[f[0]];
      if (!text) { return; }
      (text.toLowerCase().match(WORD) || []).forEach(function (w) {
        post(w, n, f[1]);
        if (INNER.test(w)) {
          w.split(INNER).forEach(function (part) { if (part.length > 1) { post(part, n, f[1] * PART); } });
        }
      });
    });
  });
  var vocabulary = Array.from(postings.keys());
  status.setAttribute("data-index-ms", String(Math.round(window.performance.now() - loading)));
  // Fuse.js does the fuzzy part: which words of the site look like a word of the query.
  var fuzzy = new window.Fuse(vocabulary, {
    threshold: 0.3,
    ignoreLocation: true,
    includeScore: true,
    minMatchCharLength: 2
  });

  // The units holding a word like term: exact words count most, then words it starts, then
  // words within a typo or two (Fuse), each times the weight of the field it is in.
  function matchTerm(term, seen) {
    var scores = new Map();
    function credit(word, quality) {
      seen.push(word);
      postings.get(word).forEach(function (weight, unit) {
        var s = weight * quality;
        if (!(scores.get(unit) >= s)) { scores.set(unit, s); }
      });
    }
    if (postings.has(term)) { credit(term, 1); }
    for (var i = 0; term.length >= 2 && i < vocabulary.length; i++) {
      var w = vocabulary[i];
      if (w.length > term.length && w.lastIndexOf(term, 0) === 0) { credit(w, 0.8); }
    }
    if (term.length >= 4) {
      fuzzy.search(term, { limit: 40 }).forEach(function (r) {
        if (r.item.lastIndexOf(term, 0) !== 0) { credit(r.item, 0.6 * (1 - r.score)); }
      });
    }
    return scores;
  }

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

  // Every word of the query must match ("webhook retry": one in the title, one in a task is
  // fine); a unit's score is the sum over the words.
  function query(q) {
    var terms = q.toLowerCase().match(WORD) || [];
    var seen = [];
    if (terms.length === 0) { return { hits: [], terms: terms, words: seen }; }
    var total = null;
    terms.forEach(function (t) {
      var s = matchTerm(t, seen);
      if (total === null) { total = s; return; }
      var both = new Map();
      total.forEach(function (v, unit) { if (s.has(unit)) { both.set(unit, v + s.get(unit)); } });
      total = both;
    });
    var first = exact(q.trim());
    var hits = first.slice();
    Array.from(total.entries())
      .sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; })
      .forEach(function (e) { if (first.indexOf(units[e[0]]) < 0) { hits.push(units[e[0]]); } });
    return { hits: hits, terms: terms, words: seen };
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

  var FIELD_NAMES = { k: "task", h: "heading", a: "alias", b: "text" };

  // The index keeps Markdown's inline marks (`code`, **bold**); a snippet shows the words only.
  function plain(s) {
    return s.replace(/[`*]+/g, "");
  }

  // Where a long field (a task, a heading, the prose) holds a word of the query, with it marked:
  // the words as typed first (longest first), then the words they matched by a typo.
  function snippet(u, terms, words) {
    var byLength = function (a, b) { return b.length - a.length; };
    var wanted = terms.slice().sort(byLength).concat(words.slice().sort(byLength));
    for (var w = 0; w < wanted.length; w++) {
      for (var key in FIELD_NAMES) {
        var text = u[key];
        var at = text ? text.toLowerCase().indexOf(wanted[w]) : -1;
        if (at < 0) { continue; }
        var end = at + wanted[w].length;
        var sep = " \u00b7 ";
        var from, to;
        if (key === "k" || key === "h") {
          from = text.lastIndexOf(sep, at);
          from = from < 0 ? 0 : from + sep.length;
          to = text.indexOf(sep, end);
          if (to < 0) { to = text.length; }
        } else {
          from = at <= 40 ? 0 : text.indexOf(" ", at - 40) + 1;
          to = text.lastIndexOf(" ", end + 40);
          if (to < end) { to = text.length; }
        }
        var p = el("p", "result-match muted");
        p.appendChild(el("span", "result-field", FIELD_NAMES[key] + ": "));
        // An ellipsis where the snippet cuts into the text rather than at its start or end.
        var before = key === "b" && from > 0 ? "\u2026" : "";
        var after = key === "b" && to < text.length ? "\u2026" : "";
        p.appendChild(document.createTextNode(before + plain(text.slice(from, at))));
        p.appendChild(el("mark", "", text.slice(at, end)));
        p.appendChild(document.createTextNode(plain(text.slice(end, to)).replace(/\s+$/, "") + after));
        return p;
      }
    }
    return null;
  }

  // The status filter offers the statuses of the current results, with how many have each.
  function offer(hits) {
    var counts = {};
    hits.forEach(function (u) { counts[u.s] = (counts[u.s] || 0) + 1; });
    var keep = narrow.value;
    while (narrow.options.length > 1) { narrow.remove(1); }
    Object.keys(index.statuses).forEach(function (slug) {
      if (counts[slug] || slug === keep) {
        var o = el("option", "", index.statuses[slug][0] + " (" + (counts[slug] || 0) + ")");
        o.value = slug;
        narrow.appendChild(o);
      }
    });
    narrow.value = keep;
    narrow.parentNode.hidden = hits.length === 0 && keep === "";
  }

  function show(q) {
    list.textContent = "";
    more.parentNode.hidden = true;
    if (q.trim() === "") {
      status.textContent = "Type to search " + units.length + " units.";
      narrow.parentNode.hidden = true;
      return;
    }
    var started = window.performance.now();
    var result = query(q.trim());
    offer(result.hits);
    var hits = narrow.value
      ? result.hits.filter(function (u) { return u.s === narrow.value; })
      : result.hits;
    var among = narrow.value ? " among " + index.statuses[narrow.value][0].toLowerCase() : "";
    status.textContent = hits.length === 0
      ? "No unit" + among + " matches \u201c" + q.trim() + "\u201d."
      : (hits.length === 1 ? "1 unit" : hits.length + " units") + among + " match \u201c" + q.trim() + "\u201d"
        + (hits.length > shown ? "; the first " + shown + " are shown." : ".");
    hits.slice(0, shown).forEach(function (u) {
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
      var where = snippet(u, result.terms, result.words);
      if (where) { li.appendChild(where); }
      li.appendChild(el("p", "result-source muted", u.f));
      list.appendChild(li);
    });
    if (hits.length > shown) {
      more.textContent = "Show " + Math.min(LIMIT, hits.length - shown) + " more of " + (hits.length - shown);
      more.parentNode.hidden = false;
    }
    // How long the query took, for the browser tests to report.
    status.setAttribute("data-ms", String(Math.round(window.performance.now() - started)));
  }

  var timer = null;
  function update() {
    var q = input.value;
    var url = new URL(window.location.href);
    if (q.trim() === "") { url.searchParams.delete("q"); } else { url.searchParams.set("q", q); }
    if (narrow.value === "") { url.searchParams.delete("status"); } else { url.searchParams.set("status", narrow.value); }
    try {
      window.history.replaceState(null, "", url.toString());
    } catch (e) {
      // A site opened from disk may refuse; the results are shown all the same.
    }
    show(q);
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    shown = LIMIT;
    timer = window.setTimeout(update, 120);
  });
  narrow.addEventListener("change", function () {
    shown = LIMIT;
    update();
  });
  more.addEventListener("click", function () {
    shown += LIMIT;
    show(input.value);
    // Keep the reader's place: focus the first of the results just added.
    var added = list.children[shown - LIMIT];
    var link = added && added.querySelector("a");
    if (link) { link.focus(); }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    window.clearTimeout(timer);
    update();
  });

  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  var wanted = params.get("status") || "";
  if (index.statuses[wanted]) {
    var o = el("option", "", index.statuses[wanted][0]);
    o.value = wanted;
    narrow.appendChild(o);
    narrow.value = wanted;
  }
  input.value = initial;
  show(initial);
  if (initial === "") { input.focus(); }
})();
