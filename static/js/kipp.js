// Behaviour shared by every page, kept out of the HTML so that the Content-Security-Policy
// can refuse all inline scripts and event handlers.
(function () {
  "use strict";

  // <form data-confirm="Question?">: ask before sending.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // <button data-print>: print the page (the print stylesheet keeps only the proposal).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) {
      window.print();
    }
  });

  // A table wider than a phone scrolls sideways inside .table-responsive: keyboard users
  // must be able to reach and scroll it, so it becomes a named, focusable region (WCAG
  // 2.1.1; axe "scrollable-region-focusable").
  function focusableScrollers() {
    document.querySelectorAll(".table-responsive:not([tabindex])").forEach(function (box) {
      box.setAttribute("tabindex", "0");
      if (!box.getAttribute("role")) {
        box.setAttribute("role", "region");
      }
      if (!box.getAttribute("aria-label") && !box.getAttribute("aria-labelledby")) {
        var caption = box.querySelector("caption");
        var text = caption ? caption.textContent.trim() : "";
        box.setAttribute("aria-label", text || (document.documentElement.lang === "en" ? "Table" : "Tabel"));
      }
    });
  }

  // The selection list's "select all" box ticks every row's box.
  function init() {
    focusableScrollers();
    var all = document.getElementById("pilih-semua");
    if (!all) {
      return;
    }
    all.addEventListener("change", function () {
      document.querySelectorAll(".kipp-pilih").forEach(function (box) {
        box.checked = all.checked;
      });
    });
  }

  document.addEventListener("htmx:afterSettle", focusableScrollers);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
