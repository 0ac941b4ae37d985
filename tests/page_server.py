"""A local HTTP server on 127.0.0.1 serving the news pages in tests/pages, and
the ways a fetch goes wrong: a redirect, HTTP errors, a PDF, a 20 MB
response (declared, and streamed without a length), a slow handler, pages
with no article.  Tests use it through the ``page_server`` fixture; no test
touches the internet."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "pages"
HUGE = 20 * 1024 * 1024
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


def _page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def routes() -> dict[str, tuple[int, dict[str, str], bytes]]:
    html = "text/html; charset=utf-8"
    kyiv = _page("kyiv-ledger.html")
    # The same page with its <meta> charset taken out: only the header says cp1252.
    kyiv_header_only = kyiv.replace(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', b"")
    return {
        "/world/lavrov-talks": (200, {"Content-Type": html}, _page("wire-lavrov.html")),
        "/news/putin-ready": (200, {"Content-Type": "text/html"}, kyiv),
        "/news/putin-ready-header": (200, {"Content-Type": "text/html; charset=windows-1252"}, kyiv_header_only),
        "/world/russia-open-to-dialogue": (200, {"Content-Type": html}, _page("evening-courier.html")),
        "/old-link": (301, {"Location": "/world/lavrov-talks"}, b""),
        "/world/%D0%BB%D0%B0%D0%B2%D1%80%D0%BE%D0%B2%20talks": (200, {"Content-Type": html}, _page("wire-lavrov.html")),
        "/missing": (404, {"Content-Type": html}, b"<html><body><h1>Not found</h1></body></html>"),
        "/broken": (500, {"Content-Type": html}, b"<html><body>Internal error</body></html>"),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, PDF),
        "/gzipped": (200, {"Content-Type": html, "Content-Encoding": "gzip"}, gzip.compress(_page("wire-lavrov.html"))),
        "/empty": (200, {"Content-Type": html}, _page("bad/empty-body.html")),
        "/section": (200, {"Content-Type": html}, _page("bad/all-navigation.html")),
    }


class _Handler(BaseHTTPRequestHandler):
    server: PageServer  # type: ignore[assignment]

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path.split("?")[0]
        self.server.hits[path] += 1
        try:
            if path == "/slow":
                time.sleep(self.server.slow_seconds)
                self._send(200, {"Content-Type": "text/html"}, _page("wire-lavrov.html"))
            elif path == "/huge":  # says it is 20 MB
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(HUGE))
                self.end_headers()
                self.wfile.write(b"<html><body>" + b"x" * 65536)
            elif path == "/huge-streamed":  # 20 MB with no length given
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                block = b"<p>" + b"word " * 16000 + b"</p>\n"
                sent = 0
                while sent < HUGE:
                    self.wfile.write(block)
                    sent += len(block)
            elif path in self.server.routes:
                self._send(*self.server.routes[path])
            else:
                self._send(404, {"Content-Type": "text/html"}, b"<html><body>no such page</body></html>")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a size cap, a timeout): as it should

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class PageServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a slow handler still sleeping does not hold up the test

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes = routes()
        self.hits: Counter[str] = Counter()
        self.slow_seconds = 3.0
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def start(self) -> PageServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self.shutdown()
            self.server_close()


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (a port just freed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/story"
