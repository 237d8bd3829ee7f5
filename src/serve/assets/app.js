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
  var current = function () {
    var el = document.activeElement;
    return el && el.closest ? el.closest(".seg") : null;
  };
  document.addEventListener("keydown", function (event) {
    var card = current();
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter" && card) {
      var form = card.querySelector("form");
      var save = form && form.querySelector("button[value=save]");
      if (!save) { return; }
      event.preventDefault();
      form.querySelector("input[name=advance]").value = "1";
      if (form.requestSubmit) { form.requestSubmit(save); } else { save.click(); }
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
    if (area) { area.value = button.getAttribute("data-text"); area.focus(); }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var focus = new URLSearchParams(window.location.search).get("focus");
    if (focus) { focusCard(document.getElementById("seg-" + focus)); }
  });
})();
