// Account form: show only the scope field that the chosen role needs.
(function () {
  "use strict";
  var role = document.getElementById("id_role");
  if (!role || role.tagName !== "SELECT") {
    return;
  }
  var scopeOf = { operator: "unit", admin_lokal: "instansi", hub_admin: "hub", mentor: "hub" };
  var scopes = ["unit", "instansi", "hub"];
  function update() {
    scopes.forEach(function (name) {
      var field = document.getElementById("id_" + name);
      if (!field) {
        return;
      }
      var wrapper = field.closest(".mb-3") || field.parentElement;
      var shown = scopeOf[role.value] === name;
      wrapper.hidden = !shown;
      field.required = shown;
    });
  }
  role.addEventListener("change", update);
  update();
})();
