// Search. On every page "/" focuses the search box. On the search page this loads the prebuilt
// index (search/index.js, written by Planbake at build time) and queries it: every word must match
// (a word it starts counts too, a typo only when nothing else does), a quoted phrase must be there
// as written, title and id matches come first, and snippets show the text as written with the
// matched words in <mark>.
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

// The header's "Over time" menu is a <details>: it opens and closes without JavaScript; with it, a
// click elsewhere or Escape closes it too, as menus do.
(function () {
  "use strict";
  var menu = document.querySelector(".nav-more");
  if (!menu) { return; }
  document.addEventListener("click", function (e) {
    if (menu.open && !menu.contains(e.target)) { menu.open = false; }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && menu.open) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
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

  // How the index joins the headings and the tasks of a unit.
  var SEP = " \u00b7 ";
  // Fields, with how much a match in each counts.
  var FIELDS = [["i", 3], ["l", 3], ["a", 3], ["t", 4], ["h", 1.5], ["k", 1.5], ["f", 0.5], ["b", 0.6]];
  // A match worth more than this is in a field that names the unit (id, label, alias, title; the
  // best of any other field is 1.5): results with more query words there come first.
  var NAMED = 1.5;
  // A part of a longer word ("invoice" in "004-recurring-invoices") counts for less than a word.
  var PART = 0.75;
  // Words keep inner dots, hashes, slashes and hyphens, so "2.1", "reporting-units#5.2" and
  // "001-user-auth" are words; their parts are indexed too.
  var WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}_'.#\/-]*[\p{L}\p{N}])?/gu;
  var INNER = /[_'.#\/-]+/;

  // The index keeps Markdown's inline marks (`code`, **bold**); what is matched and shown is the
  // words only.
  function plain(s) {
    return s.replace(/[`*]+/g, "");
  }

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
      (plain(text).toLowerCase().match(WORD) || []).forEach(function (w) {
        post(w, n, f[1]);
        if (INNER.test(w)) {
          w.split(INNER).forEach(function (part) { if (part.length > 1) { post(part, n, f[1] * PART); } });
        }
      });
    });
  });
  var vocabulary = Array.from(postings.keys());
  status.setAttribute("data-index-ms", String(Math.round(window.performance.now() - loading)));
  // Fuse.js finds words within a typo or two, for a query word that no word of the site is or
  // starts with.
  var fuzzy = new window.Fuse(vocabulary, {
    threshold: 0.3,
    ignoreLocation: true,
    includeScore: true,
    minMatchCharLength: 2
  });

  // The words of the site that a query word matches, with how well: the word itself, then the
  // words it starts ("invoice": invoices, invoiced); only if there are none, words within a typo
  // (Fuse: "reciepts": receipts). A word of a quoted phrase matches itself only.
  function wordsLike(term, inPhrase) {
    var out = [];
    if (postings.has(term)) { out.push([term, 1]); }
    if (inPhrase) { return out; }
    for (var i = 0; term.length >= 2 && i < vocabulary.length; i++) {
      var w = vocabulary[i];
      if (w.length > term.length && w.lastIndexOf(term, 0) === 0) { out.push([w, 0.8]); }
    }
    if (out.length === 0 && term.length >= 4) {
      fuzzy.search(term, { limit: 20 }).forEach(function (r) { out.push([r.item, 0.6 * (1 - r.score)]); });
    }
    return out;
  }

  // The units holding a word like the term, each with its best weight times how well it matched.
  function matchTerm(like) {
    var scores = new Map();
    like.forEach(function (m) {
      postings.get(m[0]).forEach(function (weight, unit) {
        var s = weight * m[1];
        if (!(scores.get(unit) >= s)) { scores.set(unit, s); }
      });
    });
    return scores;
  }

  // A query: its quoted phrases ("retry storage", also with curly quotes; an open quote runs to
  // the end) and every word, each of which a result must hold.
  function parse(q) {
    var phrases = [];
    var loose = q.replace(/["\u201c\u201d]([^"\u201c\u201d]*)(?:["\u201c\u201d]|$)/g, function (all, inner) {
      var words = inner.toLowerCase().match(WORD) || [];
      if (words.length > 0) { phrases.push(words); }
      return " ";
    });
    var terms = [];
    phrases.forEach(function (p) { p.forEach(function (w) { terms.push([w, true]); }); });
    (loose.toLowerCase().match(WORD) || []).forEach(function (w) { terms.push([w, false]); });
    return { phrases: phrases, terms: terms };
  }

  // Each unit's words piece by piece (a task, a heading, the prose), joined by spaces, where a
  // quoted phrase is looked for: made the first time a phrase query reaches the unit.
  var pieces = [];
  function piecesOf(n) {
    if (!pieces[n]) {
      var u = units[n];
      pieces[n] = [];
      FIELDS.forEach(function (f) {
        var text = u[f[0]];
        if (!text) { return; }
        (f[0] === "h" || f[0] === "k" ? text.split(SEP) : [text]).forEach(function (piece) {
          pieces[n].push(" " + (plain(piece).toLowerCase().match(WORD) || []).join(" ") + " ");
        });
      });
    }
    return pieces[n];
  }

  // Whether the words of a phrase follow one another in a piece of the unit's text.
  function holdsPhrase(n, phrase) {
    var want = " " + phrase.join(" ") + " ";
    return piecesOf(n).some(function (piece) { return piece.indexOf(want) >= 0; });
  }

  // An id typed in full ("2.1", "Unit 2.1", "001-user-auth", "#48") goes first: people paste ids
  // from tickets and expect that unit, not its neighbours.
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

  // Every word of the query must match, and every quoted phrase be there as written ("webhook
  // retry": one in the title, one in a task is fine). Results with more query words in their
  // title or id come first, then by the sum over the words of the weight of the field each is in.
  function query(q) {
    var parsed = parse(q);
    var matched = new Set();
    var typos = [];
    if (parsed.terms.length === 0) { return { hits: [], matched: matched, typos: typos }; }
    var total = null;
    var naming = new Map();
    parsed.terms.forEach(function (t) {
      var like = wordsLike(t[0], t[1]);
      like.forEach(function (m) { matched.add(m[0]); });
      if (like.length > 0 && like[0][1] < 0.8) { typos.push(t[0]); }
      var s = matchTerm(like);
      s.forEach(function (v, unit) {
        if (v > NAMED) { naming.set(unit, (naming.get(unit) || 0) + 1); }
      });
      if (total === null) { total = s; return; }
      var both = new Map();
      total.forEach(function (v, unit) { if (s.has(unit)) { both.set(unit, v + s.get(unit)); } });
      total = both;
    });
    var first = parsed.phrases.length === 0 ? exact(q.trim()) : [];
    var hits = first.slice();
    Array.from(total.entries())
      .filter(function (e) {
        return parsed.phrases.every(function (p) { return holdsPhrase(e[0], p); });
      })
      .sort(function (a, b) {
        return (naming.get(b[0]) || 0) - (naming.get(a[0]) || 0) || b[1] - a[1] || a[0] - b[0];
      })
      .forEach(function (e) { if (first.indexOf(units[e[0]]) < 0) { hits.push(units[e[0]]); } });
    return { hits: hits, matched: matched, typos: typos, phrases: parsed.phrases };
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

  var FIELD_NAMES = { k: "task", h: "heading", b: "text" };
  // How much of the prose a snippet shows around the first word it marks.
  var WINDOW = 200;

  // Whether a word of a text (lower-cased) is one the query matched, or has a part that is.
  function isMatched(w, matched) {
    return matched.has(w) || (INNER.test(w) && w.split(INNER).some(function (p) { return matched.has(p); }));
  }

  // The text as written, with the words the query matched in <mark>.
  function marked(into, text, matched) {
    var re = new RegExp(WORD.source, "gu");
    var at = 0;
    var m;
    function mark(from, to) {
      into.appendChild(document.createTextNode(text.slice(at, from)));
      into.appendChild(el("mark", "", text.slice(from, to)));
      at = to;
    }
    while ((m = re.exec(text)) !== null) {
      var w = m[0].toLowerCase();
      if (matched.has(w)) {
        mark(m.index, m.index + w.length);
      } else if (INNER.test(w)) {
        // Of "db/invoice_schedules.sql", only the part the query matched.
        var part = /[^_'.#\/-]+/g;
        var p;
        while ((p = part.exec(w)) !== null) {
          if (p[0].length > 1 && matched.has(p[0])) { mark(m.index + p.index, m.index + p.index + p[0].length); }
        }
      }
    }
    into.appendChild(document.createTextNode(text.slice(at)));
    return into;
  }

  // Where a long field (a task, a heading, the prose) holds the most words of the query (a
  // quoted phrase counts most), shown as written with those words marked.
  function snippet(u, result) {
    var best = null;
    Object.keys(FIELD_NAMES).forEach(function (key) {
      if (!u[key]) { return; }
      (key === "b" ? [u[key]] : u[key].split(SEP)).forEach(function (piece) {
        var text = plain(piece);
        var words = text.toLowerCase().match(WORD) || [];
        var held = new Set(words.filter(function (w) { return isMatched(w, result.matched); }));
        var score = held.size;
        var joined = " " + words.join(" ") + " ";
        result.phrases.forEach(function (p) { if (joined.indexOf(" " + p.join(" ") + " ") >= 0) { score += 10; } });
        if (score > 0 && (best === null || score > best.score)) { best = { key: key, text: text, score: score }; }
      });
    });
    if (best === null) { return null; }
    var text = best.text;
    if (best.key === "b" && text.length > WINDOW) {
      // A window of the prose around the first word marked, cut at spaces, with an ellipsis
      // where it cuts into the text.
      var re = new RegExp(WORD.source, "gu");
      var first = 0;
      var m;
      while ((m = re.exec(text)) !== null) {
        if (isMatched(m[0].toLowerCase(), result.matched)) { first = m.index; break; }
      }
      var from = first <= WINDOW / 3 ? 0 : text.indexOf(" ", first - WINDOW / 3) + 1;
      var to = from + WINDOW >= text.length ? text.length : text.lastIndexOf(" ", from + WINDOW);
      text = (from > 0 ? "\u2026" : "") + text.slice(from, to)
        + (to < text.length ? "\u2026" : "");
    }
    var p = el("p", "result-match muted");
    p.appendChild(el("span", "result-field", FIELD_NAMES[best.key] + ": "));
    return marked(p, text, result.matched);
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
        + (hits.length > shown ? "; the first " + shown + " are shown." : ".")
        + (result.typos.length > 0 && hits.length > 0
          ? " No word of the plans is or starts with " + result.typos.map(function (t) { return "\u201c" + t + "\u201d"; }).join(", ")
            + "; words like " + (result.typos.length === 1 ? "it" : "them") + " are marked."
          : "");
    hits.slice(0, shown).forEach(function (u) {
      var li = el("li", "result");
      var head = el("div", "result-head");
      var a = el("a", "unit-link");
      a.href = root + u.u;
      a.appendChild(el("span", "unit-id", u.l || u.i));
      if (u.t && u.t !== (u.l || u.i)) {
        a.appendChild(document.createTextNode(" "));
        a.appendChild(marked(el("span", "unit-title"), u.t, result.matched));
      }
      head.appendChild(a);
      head.appendChild(document.createTextNode(" "));
      head.appendChild(statusBadge(u.s));
      li.appendChild(head);
      li.appendChild(bar(u));
      var where = snippet(u, result);
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
