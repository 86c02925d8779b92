/* Zoom, pan and fit for the dependency drawings (docs/graph.md). Without this script the drawing
   is fitted to its column by the stylesheet and scrolls; with it the drawing is fitted to the
   width of its frame on load, never so small that a label falls under 11 px, and can be zoomed
   (buttons, + and - keys, Ctrl or Cmd + wheel, pinch), dragged, and fitted again. */
(function () {
  "use strict";
  // The smallest label is 13 px (.gtitle): fitting never shrinks it below 11 px.
  var READABLE = 11 / 13;
  var MIN = 0.1;
  var MAX = 4;

  function setUp(frame) {
    var box = frame.querySelector(".graph-scroll");
    var svg = box && box.querySelector("svg");
    var tools = frame.querySelector(".graph-tools");
    var vb = svg && svg.viewBox && svg.viewBox.baseVal;
    if (!tools || !vb || !vb.width || !vb.height) {
      return;
    }
    var width = vb.width;
    var height = vb.height;
    var scale = 1;
    var fitted = true;
    frame.classList.add("graph-zooming");
    tools.hidden = false;

    function fitScale(whole) {
      var s = (box.clientWidth - 2) / width;
      if (whole) {
        s = Math.min(s, (box.clientHeight - 2) / height);
      }
      return Math.min(1, Math.max(READABLE, s));
    }

    // Zooms to s, keeping the drawing's point under (cx, cy) of the frame where it is.
    function zoom(s, cx, cy) {
      s = Math.min(MAX, Math.max(MIN, s));
      if (cx === undefined) {
        cx = box.clientWidth / 2;
        cy = box.clientHeight / 2;
      }
      var px = (box.scrollLeft + cx) / scale;
      var py = (box.scrollTop + cy) / scale;
      scale = s;
      svg.style.width = Math.round(width * s) + "px";
      svg.style.height = Math.round(height * s) + "px";
      box.scrollLeft = px * s - cx;
      box.scrollTop = py * s - cy;
      frame.setAttribute("data-scale", s.toFixed(3));
    }

    // A focus view's own unit: a drawing wider than its frame opens centred on it.
    var center = svg.querySelector(".gcenter rect");

    function fit(whole) {
      zoom(fitScale(whole), 0, 0);
      box.scrollLeft = 0;
      box.scrollTop = 0;
      if (center) {
        var cx = (center.x.baseVal.value + center.width.baseVal.value / 2) * scale;
        box.scrollLeft = Math.max(0, cx - box.clientWidth / 2);
      }
      fitted = true;
    }

    function by(factor, cx, cy) {
      fitted = false;
      zoom(scale * factor, cx, cy);
    }

    tools.addEventListener("click", function (e) {
      var b = e.target.closest("button");
      var what = b && b.getAttribute("data-zoom");
      if (what === "in") {
        by(1.25);
      } else if (what === "out") {
        by(0.8);
      } else if (what === "fit") {
        fit(true);
      } else if (what === "actual") {
        fitted = false;
        zoom(1);
      }
    });

    box.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) {
        return;
      }
      var keys = { "+": 1.25, "=": 1.25, "-": 0.8, _: 0.8 };
      if (keys[e.key]) {
        by(keys[e.key]);
      } else if (e.key === "0") {
        fit(true);
      } else if (e.key === "1") {
        fitted = false;
        zoom(1);
      } else {
        return;
      }
      e.preventDefault();
    });

    // Ctrl or Cmd + wheel zooms (a trackpad pinch arrives so too); the plain wheel scrolls.
    box.addEventListener(
      "wheel",
      function (e) {
        if (!e.ctrlKey && !e.metaKey) {
          return;
        }
        e.preventDefault();
        var r = box.getBoundingClientRect();
        by(Math.exp(-e.deltaY * 0.002), e.clientX - r.left, e.clientY - r.top);
      },
      { passive: false }
    );

    // A mouse drag pans; a drag that moved does not also follow the link it started on.
    var drag = null;
    var touches = {};
    var pinch = null;
    box.addEventListener("pointerdown", function (e) {
      if (e.pointerType === "touch") {
        touches[e.pointerId] = e;
        var ids = Object.keys(touches);
        if (ids.length === 2) {
          var a = touches[ids[0]];
          var b = touches[ids[1]];
          pinch = { d: Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY), s: scale };
        }
        return;
      }
      if (e.button !== 0) {
        return;
      }
      drag = { x: e.clientX, y: e.clientY, l: box.scrollLeft, t: box.scrollTop, moved: false };
    });
    box.addEventListener("pointermove", function (e) {
      if (e.pointerType === "touch") {
        if (!touches[e.pointerId]) {
          return;
        }
        touches[e.pointerId] = e;
        var ids = Object.keys(touches);
        if (pinch && ids.length === 2) {
          var a = touches[ids[0]];
          var b = touches[ids[1]];
          var r = box.getBoundingClientRect();
          var d = Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY);
          fitted = false;
          zoom(
            (pinch.s * d) / pinch.d,
            (a.clientX + b.clientX) / 2 - r.left,
            (a.clientY + b.clientY) / 2 - r.top
          );
        }
        return;
      }
      if (!drag) {
        return;
      }
      var dx = e.clientX - drag.x;
      var dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 4) {
        drag.moved = true;
        frame.classList.add("graph-dragging");
        box.setPointerCapture(e.pointerId);
      }
      if (drag.moved) {
        box.scrollLeft = drag.l - dx;
        box.scrollTop = drag.t - dy;
      }
    });
    function end(e) {
      if (e.pointerType === "touch") {
        delete touches[e.pointerId];
        pinch = null;
        return;
      }
      if (drag && drag.moved) {
        frame.classList.remove("graph-dragging");
        // The click that ends a drag is not a click on a box.
        var swallow = function (c) {
          c.preventDefault();
          c.stopPropagation();
        };
        box.addEventListener("click", swallow, { capture: true, once: true });
        setTimeout(function () {
          box.removeEventListener("click", swallow, { capture: true });
        }, 0);
      }
      drag = null;
    }
    box.addEventListener("pointerup", end);
    box.addEventListener("pointercancel", end);

    window.addEventListener("resize", function () {
      if (fitted) {
        fit(false);
      }
    });
    fit(false);
  }

  document.querySelectorAll(".graph-frame").forEach(setUp);
})();
