"""The admin's live counter (JavaScript) counts exactly like the server: the shared vectors, in Node.js."""

import json
import subprocess
from pathlib import Path

import story_pages

APP = Path(story_pages.__file__).parent
COUNTER = APP / "static" / "story_pages" / "js" / "wordcount.js"
VECTORS = APP / "rules" / "test_vectors" / "wordcount.json"

RUN_VECTORS = """
const { countWords } = require(process.argv[1]);
const vectors = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
process.stdout.write(JSON.stringify(vectors.map((v) => countWords(v.text))));
"""


def test_the_javascript_counter_agrees_with_every_vector():
    output = subprocess.run(
        ["node", "-e", RUN_VECTORS, str(COUNTER), str(VECTORS)], capture_output=True, text=True, check=True
    ).stdout
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    counted = dict(zip((v["name"] for v in vectors), json.loads(output), strict=True))
    assert counted == {v["name"]: v["words"] for v in vectors}
