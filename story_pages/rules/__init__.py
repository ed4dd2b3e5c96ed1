"""The content rules of DESIGN.md: words counted (wordcount), durations written and read
(durations), what a story must keep to be submitted or published (content), and the test
vectors the admin's live counter shares with the server."""
