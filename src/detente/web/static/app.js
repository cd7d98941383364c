// detente dashboard: small progressive enhancements; every page works without this script.
(function () {
  "use strict";
  // Apply a filter as soon as a menu changes.
  var form = document.getElementById("filters");
  if (form) {
    var selects = form.querySelectorAll("select");
    for (var i = 0; i < selects.length; i++) {
      selects[i].addEventListener("change", function () { form.submit(); });
    }
  }
  // Bring the highlighted sentence into view inside its article box.
  var current = document.querySelector("mark.current");
  if (current) {
    current.scrollIntoView({block: "center"});
  }
})();
