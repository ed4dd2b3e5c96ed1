// An embedded video is a link to the provider's page until the reader presses play: only then is
// the provider's player loaded, in place. Without this script the link opens the video there.
(function () {
  "use strict";
  document.querySelectorAll("[data-player-src]").forEach(function (facade) {
    var link = facade.querySelector("a");
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.append.apply(button, Array.from(link.childNodes));
    button.querySelector("[data-label]").textContent = facade.dataset.playLabel;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = facade.dataset.playerSrc;
      frame.title = facade.dataset.playerTitle;
      frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
      frame.allowFullscreen = true;
      frame.className = "video-frame";
      facade.replaceChildren(frame);
      frame.focus();
    });
    link.replaceWith(button);
  });
})();
