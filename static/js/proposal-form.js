// Proposal form: live word counters, autosave feedback, and a copy of the typed text in
// localStorage so that nothing is lost (stale version, lost connection, closed tab).
(function () {
  "use strict";
  var form = document.getElementById("form-usulan");
  if (!form) {
    return;
  }
  var texts = document.getElementById("teks-formulir").dataset;
  var proposal = form.dataset.proposal;
  var prefix = "kipp-usulan-" + proposal + "-v";
  var edits = 0;
  var sentAt = 0;
  var submitting = false;

  // A word is a run of characters that are not whitespace, exactly as the server counts
  // (Python's \S+): the same whitespace characters as Python's str.isspace().
  var WORD = /[^\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

  function countWords(text) {
    var found = (text || "").match(WORD);
    return found ? found.length : 0;
  }

  function updateCounter(counter) {
    var field = document.getElementById(counter.dataset.counterFor);
    if (!field) {
      return;
    }
    var words = countWords(field.value);
    var limit = parseInt(counter.dataset.limit, 10);
    counter.querySelector(".kipp-counter-n").textContent = String(words);
    var over = words > limit;
    counter.classList.toggle("text-danger", over);
    counter.classList.toggle("fw-semibold", over);
    field.classList.toggle("is-invalid", over);
  }

  var counters = Array.prototype.slice.call(form.querySelectorAll(".kipp-counter"));
  counters.forEach(function (counter) {
    var field = document.getElementById(counter.dataset.counterFor);
    if (field) {
      field.addEventListener("input", function () {
        updateCounter(counter);
      });
      updateCounter(counter);
    }
  });

  // localStorage safety net ---------------------------------------------------------------

  function version() {
    var input = document.getElementById("id_version");
    return input ? input.value : "0";
  }

  function textFields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return (
        el.name &&
        (el.tagName === "TEXTAREA" ||
          (el.tagName === "INPUT" && /^(text|url|email|tel)$/.test(el.type)))
      );
    });
  }

  function snapshot() {
    var values = {};
    textFields().forEach(function (el) {
      values[el.name] = el.value;
    });
    return values;
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function storedKeys() {
    var store = storage();
    var keys = [];
    if (!store) {
      return keys;
    }
    for (var i = 0; i < store.length; i += 1) {
      var key = store.key(i);
      if (key && key.indexOf(prefix) === 0) {
        keys.push(key);
      }
    }
    return keys;
  }

  function keepCopy() {
    var store = storage();
    if (!store) {
      return;
    }
    try {
      store.setItem(
        prefix + version(),
        JSON.stringify({ at: new Date().toISOString(), values: snapshot() })
      );
    } catch (e) {
      // Storage full or disabled: the server copy is then the only one.
    }
  }

  function dropCopies() {
    var store = storage();
    storedKeys().forEach(function (key) {
      store.removeItem(key);
    });
  }

  var copyTimer = null;
  form.addEventListener("input", function () {
    edits += 1;
    window.clearTimeout(copyTimer);
    copyTimer = window.setTimeout(keepCopy, 300);
  });

  function sameAsForm(values) {
    var current = snapshot();
    return Object.keys(values).every(function (name) {
      return !(name in current) || current[name] === values[name];
    });
  }

  function offerRestore() {
    var store = storage();
    var newest = null;
    storedKeys().forEach(function (key) {
      var copy = null;
      try {
        copy = JSON.parse(store.getItem(key));
      } catch (e) {
        copy = null;
      }
      if (!copy || !copy.values || sameAsForm(copy.values)) {
        store.removeItem(key);
        return;
      }
      if (!newest || copy.at > newest.copy.at) {
        newest = { key: key, copy: copy };
      }
    });
    if (!newest) {
      return;
    }
    var banner = document.getElementById("pemulihan");
    var at = new Date(newest.copy.at);
    var time = isNaN(at) ? "" : at.toLocaleTimeString("id-ID", { hour: "2-digit", minute: "2-digit" });
    document.getElementById("pemulihan-teks").textContent = texts.restoreFound.replace("{time}", time);
    banner.hidden = false;
    document.getElementById("pemulihan-pulihkan").addEventListener("click", function () {
      Object.keys(newest.copy.values).forEach(function (name) {
        var el = form.elements.namedItem(name);
        if (el && "value" in el) {
          el.value = newest.copy.values[name];
        }
      });
      counters.forEach(updateCounter);
      banner.hidden = true;
      // Let the autosave store the restored text (unless a conflict stops it).
      form.dispatchEvent(new Event("input", { bubbles: true }));
    });
    document.getElementById("pemulihan-buang").addEventListener("click", function () {
      store.removeItem(newest.key);
      banner.hidden = true;
    });
  }
  offerRestore();

  // Evidence card (htmx) -------------------------------------------------------------------
  // After an upload or removal replaced the card, keyboard focus goes back to the upload
  // control (or the card's heading once no more files may be added), not to the page top.
  document.body.addEventListener("htmx:afterSettle", function () {
    var card = document.getElementById("bukti-dukung");
    if (!card || card.dataset.swapped !== "1" || card.dataset.focused === "1") {
      return;
    }
    card.dataset.focused = "1";
    var target = card.querySelector("#form-bukti input[type=file]") || card.querySelector("h2");
    if (target) {
      if (target.tagName === "H2") {
        target.setAttribute("tabindex", "-1");
      }
      target.focus();
    }
  });

  // Autosave conflict: per differing section, keep mine or take the stored text ----------
  // Once every section is chosen, the form names the stored version and saves again.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-conflict-choice]");
    if (!button) {
      return;
    }
    var panel = document.getElementById("konflik-bagian");
    var item = button.closest("[data-conflict-for]");
    if (item) {
      var field = form.elements.namedItem(item.getAttribute("data-conflict-for"));
      if (field && button.getAttribute("data-conflict-choice") === "saved") {
        field.value = item.querySelector("[data-saved]").value;
      }
      item.remove();
    }
    if (panel.querySelector("[data-conflict-for]")) {
      panel.querySelector("[data-conflict-choice]").focus();
      return;
    }
    var notice = document.getElementById("konflik-simpan");
    var current = notice && notice.getAttribute("data-version");
    if (current) {
      document.getElementById("id_version").value = current;
    }
    panel.innerHTML = "";
    form.dataset.conflict = "";
    counters.forEach(updateCounter);
    form.dispatchEvent(new Event("input", { bubbles: true }));
  });

  // Autosave (htmx) -------------------------------------------------------------------------

  function stopped() {
    return submitting || form.dataset.conflict === "1";
  }

  // htmx swaps only 2xx answers by default; the conflict (409) and "could not store" (422)
  // answers carry the message the writer must see, so they are swapped too.
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    var config = event.detail.requestConfig;
    if (config && config.elt === form && (status === 409 || status === 422)) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  form.addEventListener("htmx:confirm", function (event) {
    if (event.detail.elt === form && stopped()) {
      event.preventDefault();
    }
  });

  form.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt === form) {
      sentAt = edits;
    }
  });

  form.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.elt !== form) {
      return;
    }
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (status === 200) {
      dropCopies();
      if (edits !== sentAt) {
        keepCopy(); // typed while the request was on its way: keep it under the new version
      }
    } else if (status === 409) {
      form.dataset.conflict = "1"; // every later autosave would be refused too
      keepCopy();
    } else if (status === 0 || status >= 500) {
      keepCopy();
      document.getElementById("status-simpan").textContent = texts.offline;
    }
  });

  // "Simpan" posts the whole form; wait for an autosave in flight so both carry one version.
  form.addEventListener("submit", function (event) {
    if (form.classList.contains("htmx-request")) {
      event.preventDefault();
      form.addEventListener(
        "htmx:afterRequest",
        function () {
          if (form.dataset.conflict !== "1") {
            submitting = true;
            HTMLFormElement.prototype.submit.call(form);
          }
        },
        { once: true }
      );
      return;
    }
    submitting = true;
    keepCopy();
  });

  var submitForm = document.getElementById("form-ajukan");
  if (submitForm) {
    submitForm.addEventListener("submit", function (event) {
      var dirty = edits !== sentAt || form.classList.contains("htmx-request");
      if (dirty && !window.confirm(texts.unsaved)) {
        event.preventDefault();
      }
    });
  }
})();
