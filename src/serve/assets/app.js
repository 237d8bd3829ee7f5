// bitext serve: keyboard shortcuts and suggestion clicks. The pages work without it: every
// action is a plain form.
"use strict";
(function () {
  var cards = function () { return Array.prototype.slice.call(document.querySelectorAll(".seg")); };
  var focusCard = function (card) {
    if (!card) { return; }
    cards().forEach(function (c) { c.classList.remove("active"); });
    card.classList.add("active");
    var area = card.querySelector("textarea");
    if (area) { area.focus(); } else { card.focus(); }
    card.scrollIntoView({ block: "nearest" });
  };
  // A text box as high as its text: no line of a long paragraph is out of sight.
  var grow = function (area) {
    if (!area || area.tagName !== "TEXTAREA") { return; }
    area.style.height = "auto";
    var style = window.getComputedStyle(area);
    var borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
    area.style.height = (area.scrollHeight + borders) + "px";
  };
  var growAll = function () {
    Array.prototype.forEach.call(document.querySelectorAll(".seg textarea"), grow);
  };
  document.addEventListener("input", function (event) { grow(event.target); });
  window.addEventListener("resize", growAll);
  var unfinished = function (card) { return card.getAttribute("data-state") !== "current"; };
  var current = function () {
    var el = document.activeElement;
    return el && el.closest ? el.closest(".seg") : null;
  };
  document.addEventListener("keydown", function (event) {
    var card = current();
    // Ctrl+Enter in a comment box saves the comment, not the translation.
    var note = event.target.closest ? event.target.closest(".comment form") : null;
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter" && note) {
      event.preventDefault();
      var keep = note.querySelector("button[value=comment]");
      if (note.requestSubmit) { note.requestSubmit(keep); } else { keep.click(); }
    } else if ((event.ctrlKey || event.metaKey) && event.key === "Enter" && card) {
      var form = card.querySelector("form");
      var save = form && form.querySelector("button[value=save]");
      if (!save) { return; }
      event.preventDefault();
      form.querySelector("input[name=advance]").value = "1";
      if (form.requestSubmit) { form.requestSubmit(save); } else { save.click(); }
    } else if (event.altKey && event.shiftKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      // The next (previous) unfinished segment on the page, wrapping around.
      var listed = cards();
      var from = listed.indexOf(card);
      var step = event.key === "ArrowDown" ? 1 : -1;
      event.preventDefault();
      var count = listed.length;
      var start = from >= 0 ? from : (step > 0 ? -1 : count);
      for (var k = 1; k <= count; k++) {
        var at = ((start + step * k) % count + count) % count;
        if (unfinished(listed[at])) { focusCard(listed[at]); return; }
      }
    } else if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      var all = cards();
      if (all.length === 0) { return; }
      event.preventDefault();
      var i = all.indexOf(card);
      var next = event.key === "ArrowDown" ? Math.min(i + 1, all.length - 1) : Math.max(i - 1, 0);
      if (i < 0) { next = 0; }
      focusCard(all[next]);
    }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".suggest") : null;
    if (!button) { return; }
    var area = document.getElementById(button.getAttribute("data-target"));
    if (area) { area.value = button.getAttribute("data-text"); grow(area); area.focus(); }
  });
  // Unsaved text: a box whose text differs from the one the page was made with.
  var unsaved = function (area) { return area.value !== area.defaultValue; };
  // The form being sent: its own text goes with it, so leaving for its answer loses nothing.
  var sending = null;
  var asking = null;
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var area = form.querySelector ? form.querySelector(".seg textarea") : null;
    var accept = event.submitter && event.submitter.value === "accept";
    var dialog = document.getElementById("unsaved");
    // Accept keeps the translation on record: a text typed in the box would be dropped.
    if (accept && area && unsaved(area) && dialog && dialog.showModal) {
      event.preventDefault();
      asking = { form: form, area: area };
      dialog.showModal();
      return;
    }
    sending = form;
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("#unsaved button[data-choice]") : null;
    if (!button || !asking) { return; }
    var choice = button.getAttribute("data-choice");
    var form = asking.form;
    var area = asking.area;
    document.getElementById("unsaved").close();
    if (choice === "save" || choice === "accept") {
      if (choice === "accept") { area.value = area.defaultValue; }
      var submit = form.querySelector("button[value=" + choice + "]");
      if (form.requestSubmit) { form.requestSubmit(submit); } else { submit.click(); }
    }
  });
  document.addEventListener("close", function (event) {
    if (event.target.id === "unsaved" && asking) {
      var area = asking.area;
      asking = null;
      if (!sending) { area.focus(); }
    }
  }, true);
  window.addEventListener("beforeunload", function (event) {
    var areas = Array.prototype.slice.call(document.querySelectorAll(".seg textarea"));
    var lost = areas.some(function (area) {
      return unsaved(area) && !(sending && sending.contains(area));
    });
    if (lost) { event.preventDefault(); event.returnValue = ""; }
  });
  // Shift-click on a card's review checkbox sets every checkbox between it and the one
  // clicked before to the same choice.
  var lastPick = null;
  document.addEventListener("click", function (event) {
    var box = event.target.closest ? event.target.closest(".pick input[type=checkbox]") : null;
    if (!box) { return; }
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".pick input[type=checkbox]"));
    if (event.shiftKey && lastPick && boxes.indexOf(lastPick) >= 0) {
      var a = boxes.indexOf(lastPick);
      var b = boxes.indexOf(box);
      for (var k = Math.min(a, b); k <= Math.max(a, b); k++) { boxes[k].checked = box.checked; }
    }
    lastPick = box;
  });
  document.addEventListener("DOMContentLoaded", function () {
    growAll();
    var focus = new URLSearchParams(window.location.search).get("focus");
    if (focus) { focusCard(document.getElementById("seg-" + focus)); }
  });
})();
// Help while translating: the checks on the text being typed (debounced, from the server, the
// same checks a save runs), the length against the source's, and the copy-source and
// insert-suggestion keys. Without the script, a save shows its findings.
(function () {
  var DELAY = 300;
  var timers = {};
  var sent = {};
  var cardOf = function (area) { return area && area.closest ? area.closest(".seg") : null; };
  // Characters a reader sees: a link's destination does not count, as in the length check.
  var visible = function (text) {
    return Array.from(text.trim().replace(/\]\([^)\s]*(\s+"[^"]*")?\)/g, "]")).length;
  };
  var showLength = function (card, typed) {
    var p = card.querySelector(".length");
    if (!p) { return; }
    p.querySelector(".typed").textContent = String(typed);
    var min = parseInt(p.getAttribute("data-min"), 10);
    var max = parseInt(p.getAttribute("data-max"), 10);
    var verdict = "";
    if (!isNaN(min) && typed > 0 && typed < min) { verdict = "short"; }
    if (!isNaN(max) && typed > max) { verdict = "long"; }
    p.setAttribute("data-verdict", verdict);
    p.querySelector(".verdict").textContent = verdict ? p.getAttribute("data-" + verdict) : "";
  };
  var check = function (area) {
    var card = cardOf(area);
    var form = card && card.querySelector("form");
    if (!form) { return; }
    var n = card.getAttribute("data-n");
    var body = new URLSearchParams();
    body.set("text", area.value);
    var id = form.querySelector("input[name=id]");
    if (id) { body.set("id", id.value); }
    var serial = (sent[n] || 0) + 1;
    sent[n] = serial;
    fetch(form.getAttribute("action") + "/check", {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (answer) {
      return answer.ok ? answer.json() : null;
    }).then(function (result) {
      // Only the answer to the latest text counts.
      if (!result || sent[n] !== serial) { return; }
      var region = card.querySelector(".checks");
      if (region) { region.innerHTML = result.html; }
      Array.prototype.forEach.call(card.querySelectorAll("mark.term"), function (mark) {
        var unmet = result.unmet.indexOf(mark.getAttribute("data-term")) >= 0;
        mark.classList.toggle("unmet", unmet);
      });
      showLength(card, result.length.typed);
    }).catch(function () { /* offline: the save will check */ });
  };
  var changed = function (area) {
    var card = cardOf(area);
    if (!card || area.tagName !== "TEXTAREA") { return; }
    showLength(card, visible(area.value));
    var n = card.getAttribute("data-n");
    window.clearTimeout(timers[n]);
    timers[n] = window.setTimeout(function () { check(area); }, DELAY);
  };
  document.addEventListener("input", function (event) { changed(event.target); });
  // A suggestion put in the box (the handler above ran first) is checked as a typed text.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".suggest") : null;
    var area = button && document.getElementById(button.getAttribute("data-target"));
    if (area) { changed(area); }
  });
  var put = function (area, text) {
    area.value = text;
    area.dispatchEvent(new Event("input", { bubbles: true }));
    area.focus();
  };
  document.addEventListener("keydown", function (event) {
    if (!event.ctrlKey || !event.shiftKey || event.altKey || event.metaKey) { return; }
    var el = document.activeElement;
    var card = el && el.closest ? el.closest(".seg") : null;
    var area = card && card.querySelector("textarea");
    if (!area) { return; }
    if (event.code === "KeyS") {
      event.preventDefault();
      put(area, card.getAttribute("data-source"));
    } else if (/^Digit[1-3]$/.test(event.code)) {
      var buttons = card.querySelectorAll(".suggest");
      var button = buttons[parseInt(event.code.slice(5), 10) - 1];
      if (!button) { return; }
      event.preventDefault();
      put(area, button.getAttribute("data-text"));
    }
  });
})();
