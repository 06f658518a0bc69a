// The rules page: once a draft is saved, the form goes on from the version it became (the next save is based on it).
(function () {
  "use strict";
  var rules = document.getElementById("rules-form");
  if (!rules) {
    return;
  }
  document.body.addEventListener("htmx:afterSwap", function (e) {
    var saved = e.target.querySelector ? e.target.querySelector("[data-saved-version]") : null;
    if (!saved) {
      return;
    }
    var version = parseInt(saved.getAttribute("data-saved-version"), 10);
    rules.elements["based-on"].value = String(version);
    var button = document.getElementById("save-rules");
    if (button) {
      button.textContent = "Save as version " + (version + 1);
    }
    document.getElementById("in-force").textContent =
      "In force: version " + version + ", saved just now.";
  });
})();

// The imports page: the chosen file goes to the server as the request's body (checked first, written only when the
// person chooses to import it); the answer, an HTML fragment escaped by the server, replaces the result area.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form) {
    return;
  }
  var result = document.getElementById("import-result");
  var token = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRF-Token"] || "";

  function send(path) {
    var file = form.elements.file.files[0];
    if (!file) {
      return;
    }
    result.textContent = "Reading " + file.name + "…";
    fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "text/csv", "X-CSRF-Token": token },
      body: file
    }).then(function (r) {
      return r.text().then(function (body) {
        if (r.ok) {
          result.innerHTML = body; // server-rendered, every value escaped
        } else {
          result.textContent = body;
        }
        var focus = result.querySelector("[role=alert], [role=status], button");
        if (focus) {
          focus.setAttribute("tabindex", "-1");
          focus.focus();
        }
      });
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var file = form.elements.file.files[0];
    var q = "filename=" + encodeURIComponent(file ? file.name : "upload.csv")
      + "&profile=" + encodeURIComponent(form.elements.profile.value)
      + "&kind=" + encodeURIComponent(form.elements.kind.value);
    send("/imports/check?" + q);
  });

  result.addEventListener("click", function (e) {
    var target = e.target;
    if (target.hasAttribute("data-import")) {
      send("/imports/apply?" + target.getAttribute("data-import"));
    } else if (target.hasAttribute("data-discard")) {
      result.textContent = "Not imported: nothing was written.";
      form.reset();
    }
  });
})();
