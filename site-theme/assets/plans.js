// Optional: filters the all-plans table by status, owner and tag. Without it the table lists every
// unit, and the status, owner and tag pages narrow it down. The choices live in the URL
// (?status=blocked&owner=ana), so a filtered table can be linked to.
(function () {
  "use strict";
  var form = document.getElementById("pb-filters");
  var table = document.getElementById("pb-plans");
  if (!form || !table) { return; }
  var selects = {
    status: document.getElementById("pb-f-status"),
    owner: document.getElementById("pb-f-owner"),
    tag: document.getElementById("pb-f-tag")
  };
  var count = document.getElementById("pb-f-count");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  function apply() {
    var status = selects.status.value, owner = selects.owner.value, tag = selects.tag.value;
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (!status || r.getAttribute("data-status") === status) &&
        (!owner || r.getAttribute("data-owner") === owner) &&
        (!tag || (" " + r.getAttribute("data-tags") + " ").indexOf(" " + tag + " ") >= 0);
      r.hidden = !ok;
      if (ok) { shown++; }
    });
    count.textContent = shown === rows.length ? "All " + rows.length.toLocaleString("en") + " units" : shown.toLocaleString("en") + " of " + rows.length.toLocaleString("en") + " units";
  }
  function save() {
    var q = new URLSearchParams();
    Object.keys(selects).forEach(function (k) { if (selects[k].value) { q.set(k, selects[k].value); } });
    var s = q.toString();
    history.replaceState(null, "", s ? "?" + s : location.pathname);
  }
  var params = new URLSearchParams(location.search);
  Object.keys(selects).forEach(function (k) {
    var v = params.get(k);
    if (v && Array.prototype.some.call(selects[k].options, function (o) { return o.value === v; })) { selects[k].value = v; }
    selects[k].addEventListener("change", function () { apply(); save(); });
  });
  form.hidden = false;
  apply();
})();
