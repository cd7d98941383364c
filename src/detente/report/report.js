// detente report: filter the timeline tables by text. No network access, no external code.
(function () {
  "use strict";
  var box = document.getElementById("timeline-filter");
  if (!box) { return; }
  box.addEventListener("input", function () {
    var needle = box.value.toLowerCase();
    var rows = document.querySelectorAll("tr.tl-row");
    for (var i = 0; i < rows.length; i++) {
      var hit = !needle || rows[i].textContent.toLowerCase().indexOf(needle) >= 0;
      rows[i].hidden = !hit;
    }
  });
})();
