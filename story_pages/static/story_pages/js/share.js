// The "link to this story" becomes a copy button where the Clipboard API works (HTTPS, current
// browsers). Elsewhere it stays a plain link, so nothing is lost without this script.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  document.querySelectorAll("a[data-copy-link]").forEach(function (link) {
    var status = link.closest("[data-share]").querySelector("[data-share-status]");
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.textContent = link.dataset.copyLabel;
    button.addEventListener("click", function () {
      status.textContent = ""; // so a second copy is announced again
      navigator.clipboard.writeText(link.href).then(
        function () { status.textContent = link.dataset.copied; },
        function () { status.textContent = link.dataset.copyFailed; }
      );
    });
    link.replaceWith(button);
  });
})();
