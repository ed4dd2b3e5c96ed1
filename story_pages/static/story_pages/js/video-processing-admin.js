/* The video page in the admin follows the worker: "Đang xử lý… 40 %" until the web versions are
 * ready or processing fails, then the page reloads to show the result (and the retry button). */
(function () {
  "use strict";

  function follow(box) {
    var text = box.querySelector("[data-t63-processing-text]");
    var bar = box.querySelector("progress");
    function poll() {
      fetch(box.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (status) {
          text.textContent = status.text;
          if (bar && status.progress !== undefined) bar.value = status.progress;
          if (status.state === "queued" || status.state === "running") {
            window.setTimeout(poll, 2000);
          } else {
            window.location.reload();
          }
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    }
    window.setTimeout(poll, 2000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll('[data-t63-processing][data-state="queued"], [data-t63-processing][data-state="running"]').forEach(follow);
  });
})();
