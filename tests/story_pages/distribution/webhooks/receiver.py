"""An outlet's webhook receiver on 127.0.0.1, for the tests: it checks each request's signature
with the code docs/webhooks.md gives outlets (run as written there), records what it received,
and answers with the statuses it is told to."""

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

GUIDE = Path(__file__).resolve().parents[4] / "docs" / "webhooks.md"


def guide_verify():
    """The ``verify`` function of the outlets' guide: its first Python block, executed."""
    code = re.search(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S).group(1)
    namespace: dict = {}
    exec(compile(code, str(GUIDE), "exec"), namespace)
    return namespace["verify"]


verify = guide_verify()


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes
    verified: bool
    client_port: int
    at: float

    @property
    def json(self) -> dict:
        return json.loads(self.body)

    @property
    def event(self) -> str:
        return self.headers["X-T63-Event"]


@dataclass
class Receiver:
    secret: str = ""
    answers: list = field(default_factory=list)  # statuses for the next requests, then 204
    delay: float = 0.0
    received: list = field(default_factory=list)

    def __post_init__(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keeps connections alive, as outlets' servers do

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if receiver.delay:
                    time.sleep(receiver.delay)
                receiver.received.append(
                    Received(
                        path=self.path,
                        headers=dict(self.headers),
                        body=body,
                        verified=verify(receiver.secret, body, self.headers.get("X-T63-Signature", "")),
                        client_port=self.client_address[1],
                        at=time.time(),
                    )
                )
                status = receiver.answers.pop(0) if receiver.answers else 204
                text = b"" if status == 204 else b"ok" if status < 300 else b"nope " * 500
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", "http://127.0.0.1:1/elsewhere")
                self.send_header("Content-Length", str(len(text)))
                self.end_headers()
                try:
                    self.wfile.write(text)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # T63 stopped waiting (a timeout test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/t63/hook?outlet=vtv"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def wait_for(self, count: int, seconds: float = 30) -> list[Received]:
        deadline = time.monotonic() + seconds
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.received
