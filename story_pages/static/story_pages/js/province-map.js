// The province map on a phone: most names are not written (they would overlap), so a tap on a
// circle first shows its province's name and count, and a second tap (or a tap on that name)
// opens the province. Keyboard focus and mouse hover show the same; Escape hides it. Without
// JavaScript every circle is a plain link.
(function () {
  "use strict";

  function setUp(canvas) {
    var callout = canvas.querySelector(".map-callout");
    var calloutLink = callout.querySelector("a");
    var selected = null;
    var selectedBeforeTap = null;
    var pointerType = "mouse";

    function show(dot) {
      if (selected) selected.classList.remove("is-selected");
      selected = dot;
      dot.classList.add("is-selected");
      calloutLink.textContent = dot.getAttribute("aria-label");
      calloutLink.href = dot.getAttribute("href");
      callout.hidden = false;
      var frame = canvas.getBoundingClientRect();
      var circle = dot.querySelector(".map-circle").getBoundingClientRect();
      var width = callout.offsetWidth;
      var left = circle.left + circle.width / 2 - frame.left - width / 2;
      callout.style.left = Math.max(0, Math.min(left, frame.width - width)) + "px";
      callout.style.top = circle.bottom - frame.top + 6 + "px";
    }

    function hide() {
      if (selected) selected.classList.remove("is-selected");
      selected = null;
      callout.hidden = true;
    }

    canvas.addEventListener("pointerdown", function (event) {
      pointerType = event.pointerType;
      selectedBeforeTap = selected;
    });
    canvas.addEventListener("click", function (event) {
      var dot = event.target.closest("a.map-dot");
      if (dot && pointerType !== "mouse" && selectedBeforeTap !== dot) {
        event.preventDefault(); // the first tap names the province; the second opens it
        show(dot);
        selectedBeforeTap = dot;
      }
    });
    canvas.addEventListener("focusin", function (event) {
      var dot = event.target.closest("a.map-dot");
      if (dot) show(dot);
    });
    canvas.addEventListener("mouseover", function (event) {
      var dot = event.target.closest("a.map-dot");
      if (dot) show(dot);
    });
    canvas.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
    });
  }

  document.querySelectorAll("[data-province-map]").forEach(setUp);
})();
