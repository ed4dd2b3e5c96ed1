/* The live word counter under a story's body in the admin: "812 / 1.000 chữ", a warning past the
 * limit. Counts the text an editor can see in the body's blocks (not alt texts, links or durations). */
(function () {
  "use strict";

  var HIDDEN = /-(alt_text|embed_url|embed_duration|media|image|type|deleted|order|id|count)$/;

  function grouped(number, separator) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  }

  function bodyTexts(body) {
    var texts = [];
    body.querySelectorAll('[contenteditable="true"]').forEach(function (editor) {
      texts.push(editor.innerText);
    });
    body.querySelectorAll('input[type="text"], input:not([type]), textarea').forEach(function (field) {
      if (field.name && field.name.indexOf("body-") === 0 && !HIDDEN.test(field.name) && !field.closest("[hidden]")) {
        texts.push(field.value);
      }
    });
    return texts.join("\n");
  }

  function attach(counter) {
    var body = document.querySelector('[data-contentpath="body"]') || document.getElementById("panel-child-content-body-section");
    if (!body) return;
    var output = counter.querySelector("[data-t63-count]");
    var max = parseInt(counter.dataset.maxWords, 10);
    function update() {
      var words = window.T63WordCount.countWords(bodyTexts(body), false);
      output.textContent = grouped(words, counter.dataset.thousands) + " / " + grouped(max, counter.dataset.thousands) +
        " " + counter.dataset.unit + (words > max ? " – " + counter.dataset.overMessage : "");
      counter.classList.toggle("t63-word-counter--over", words > max);
    }
    ["input", "keyup", "change", "paste"].forEach(function (event) {
      body.addEventListener(event, function () { window.requestAnimationFrame(update); });
    });
    new MutationObserver(function () { window.requestAnimationFrame(update); }).observe(body, { childList: true, subtree: true });
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-t63-word-counter]").forEach(attach);
  });
})();
