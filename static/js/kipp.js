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

  // The selection list's "select all" box ticks every row's box.
  function init() {
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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
