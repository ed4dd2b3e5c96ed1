/* The live word counter under a story's body in the admin: "812 / 1.000 chữ", a warning past the
 * limit. Counts the text an editor can see in the body's blocks (not alt texts, links, durations, captions
 * or transcripts). */
(function () {
  "use strict";

  var HIDDEN = /-(alt_text|embed_url|embed_duration|media|image|type|deleted|order|id|count|cues|transcript)$/;

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
    var videos = counter.querySelector("[data-t63-videos]");
    var durations = {};
    function showVideos() {
      var ids = [];
      body.querySelectorAll('input[name$="-value-media"]').forEach(function (input) {
        if (input.value && !input.closest("[hidden]")) ids.push(input.value);
      });
      videos.textContent = "";
      ids.forEach(function (id) {
        if (!(id in durations)) {
          durations[id] = null;
          fetch(videos.dataset.url.replace(/0\/$/, id + "/"), { credentials: "same-origin" })
            .then(function (response) { return response.json(); })
            .then(function (data) { durations[id] = data; showVideos(); });
          return;
        }
        if (!durations[id]) return;
        var item = document.createElement("li");
        item.textContent = videos.dataset.label + ": " + durations[id].display + " / " + videos.dataset.limit;
        item.classList.toggle("t63-word-counter--over", durations[id].too_long);
        videos.appendChild(item);
      });
    }
    function update() {
      showVideos();
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
