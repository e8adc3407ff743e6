// The FAQ filter: a search box at the top of the FAQ's contents that hides the questions whose
// question and answer do not contain every word typed. Progressive enhancement: the FAQ page
// works fully without it, and nothing of it is in the HTML until this script runs.
(function () {
  "use strict";
  var contents = document.querySelector("[data-faq-contents]");
  var answers = document.querySelector("[data-faq-answers]");
  if (!contents || !answers || !("hidden" in contents)) return;
  var items = Array.prototype.slice.call(answers.querySelectorAll(".faq-item"));
  if (items.length < 2) return;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var entries = items.map(function (item) {
    var heading = item.querySelector("h2, h3");
    var id = heading ? heading.id : "";
    var link = id ? contents.querySelector('a[href="#' + CSS.escape(id) + '"]') : null;
    return { item: item, text: fold(item.textContent), contentsItem: link ? link.parentNode : null };
  });
  var groups = Array.prototype.slice.call(answers.querySelectorAll(".faq-group"));
  var indexLabels = Array.prototype.slice.call(contents.querySelectorAll(".faq-index-group"));
  var jumpLinks = Array.prototype.slice.call(contents.querySelectorAll(".faq-jump a"));

  var box = document.createElement("div");
  box.className = "faq-filter";
  box.setAttribute("role", "search");
  var label = document.createElement("label");
  label.htmlFor = "faq-filter-input";
  label.textContent = contents.getAttribute("data-filter-label");
  var input = document.createElement("input");
  input.type = "search";
  input.id = "faq-filter-input";
  input.autocomplete = "off";
  input.spellcheck = false;
  input.setAttribute("aria-describedby", "faq-filter-status");
  var status = document.createElement("p");
  status.className = "faq-filter-status";
  status.id = "faq-filter-status";
  status.setAttribute("role", "status");
  box.appendChild(label);
  box.appendChild(input);
  box.appendChild(status);
  var heading = contents.querySelector("h2");
  contents.insertBefore(box, heading ? heading.nextSibling : contents.firstChild);

  // The page's own words (templates/strings/<language>.yml), with {query}, {shown} and {total} filled in.
  function phrase(attribute, values) {
    return contents.getAttribute(attribute).replace(/\{(\w+)\}/g, function (all, name) { return String(values[name]); });
  }

  function apply() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    entries.forEach(function (entry) {
      var match = words.every(function (word) { return entry.text.indexOf(word) !== -1; });
      entry.item.hidden = !match;
      if (entry.contentsItem) entry.contentsItem.hidden = !match;
      if (match) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".faq-item:not([hidden])");
    });
    jumpLinks.forEach(function (link) {
      var group = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      var section = group ? group.closest(".faq-group") : null;
      link.parentNode.hidden = !!section && section.hidden;
    });
    indexLabels.forEach(function (label) {
      var list = label.nextElementSibling;
      label.hidden = !!list && !list.querySelector("li:not([hidden])");
    });
    if (!words.length) {
      status.textContent = "";
    } else if (shown === 0) {
      status.textContent = phrase("data-filter-none", { query: input.value.trim() });
    } else {
      status.textContent = phrase(entries.length === 1 ? "data-filter-one" : "data-filter-other", { shown: shown, total: entries.length });
    }
  }

  input.addEventListener("input", apply);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && input.value) {
      input.value = "";
      apply();
    }
  });
})();
