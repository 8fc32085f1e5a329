// Optional: a filter box above every <table data-filter>. Without script the report reads the same.
"use strict";
document.querySelectorAll("table[data-filter]").forEach(function (table) {
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  var label = document.createElement("label");
  label.className = "filter screen-only";
  var input = document.createElement("input");
  input.type = "search";
  input.placeholder = "Filter these " + rows.length + " rows";
  input.setAttribute("aria-label", "Filter the table below");
  var status = document.createElement("span");
  status.className = "filter-status";
  status.setAttribute("aria-live", "polite");
  label.appendChild(input);
  label.appendChild(status);
  var anchor = table.closest(".table-wrap") || table;
  anchor.parentNode.insertBefore(label, anchor);
  input.addEventListener("input", function () {
    var needle = input.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row, i) {
      var match = texts[i].indexOf(needle) !== -1;
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    status.textContent = needle ? shown + " of " + rows.length + " rows match" : "";
  });
});
