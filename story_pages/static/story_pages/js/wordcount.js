/* The 1,000-word rule's count, the same rule as story_pages/wordcount.py (held to it by the shared
 * vectors in story_pages/rules/test_vectors/wordcount.json): after NFC normalisation, a word is a run of
 * letters, digits and combining marks; a single . , ' or ’ between two such characters joins. */
(function (root) {
  "use strict";

  var WORD = /[\p{L}\p{N}\p{M}]+(?:[.,'\u2019][\p{L}\p{N}\p{M}]+)*/gu;
  var LOOKS_LIKE_HTML = /<[a-zA-Z\/!]/;
  var BLOCK_TAGS = ("address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 " +
    "h6 header hr img embed li main nav ol p pre section table tbody td tfoot th thead tr ul").split(" ");
  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

  function decodeEntities(text) {
    return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, function (match, name) {
      if (name[0] === "#") {
        var code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return String.fromCodePoint(code);
      }
      return Object.prototype.hasOwnProperty.call(ENTITIES, name.toLowerCase()) ? ENTITIES[name.toLowerCase()] : match;
    });
  }

  function visibleText(text, html) {
    if (html === undefined || html === null) html = LOOKS_LIKE_HTML.test(text);
    if (html) {
      text = text.replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, "");
      text = text.replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g, function (tag, name) {
        return BLOCK_TAGS.indexOf(name.toLowerCase()) >= 0 ? " " : "";
      });
      text = text.replace(/<!--[\s\S]*?-->/g, "");
    }
    return decodeEntities(text).normalize("NFC");
  }

  function countWords(text, html) {
    if (!text) return 0;
    var matches = visibleText(text, html).match(WORD);
    return matches ? matches.length : 0;
  }

  var api = { countWords: countWords, visibleText: visibleText };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.T63WordCount = api;
})(this);
