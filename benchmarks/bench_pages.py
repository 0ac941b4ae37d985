"""Speed of reading web pages.  Run: python benchmarks/bench_pages.py

Prints:

1. extraction time per page (trafilatura: article text and metadata), in
   process, best of several runs, for the three news pages in tests/pages
   and ten generated pages built like real ones (navigation, cookie banner,
   ads, related links, comments, JSON-LD, ~150 KB of inline scripts);
   the one-off cost of importing trafilatura is printed apart;
2. the whole ``sidebyside align URL … (10 pages)`` process, from a local
   HTTP server on 127.0.0.1 that answers each request after a simulated
   network latency (``--latency``, default 0.3 s): cold (an empty page
   cache: every page fetched) and warm (every page from the cache), beside
   what fetching one after another would cost in latency alone.

Options:
  --latency S   seconds the server waits before each answer (default 0.3)
  --runs N      runs of each measurement (default 3; the best is printed)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402

PAGES = ROOT / "tests" / "pages"
N_PAGES = 10


def news_page(article, n: int, rnd: random.Random) -> str:
    """A page shaped like a real news page around ``article``'s paragraphs."""
    from html import escape

    paragraphs = [p for p in article.text.split("\n") if len(p.split()) >= 8][1:]
    body = "\n".join(f"<p>{escape(p)}</p>" + (ad(i) if i % 4 == 3 else "") for i, p in enumerate(paragraphs))
    outlet = f"Outlet {n}"
    date = f"2022-10-{10 + n:02d}T0{n % 10}:00:00Z"
    script = "".join(f"var s{i}={rnd.random()};function f{i}(a){{return a*s{i}+{i};}}\n" for i in range(3000))
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
    related = "".join(f'<li><a href="/story/{i}">Another story headline number {i} today</a></li>' for i in range(15))
    comment = '<div class="comment"><p>Reader comment {}: I disagree with this.</p></div>'
    comments = "".join(comment.format(i) for i in range(20))
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "datePublished": date,
            "author": {"@type": "Person", "name": f"Reporter {n}"},
            "publisher": {"@type": "Organization", "name": outlet},
        }
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(article.title)} | {outlet}</title>
<meta property="og:site_name" content="{outlet}"><meta name="description" content="A summary.">
<script type="application/ld+json">{ld}</script><script>{script}</script></head><body>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<header><nav><ul>{nav}</ul></nav></header>
<main><article><h1>{escape(article.title)}</h1><div class="byline">By Reporter {n}</div>
<div class="article-body">{body}</div></article>
<aside class="related"><h2>Related</h2><ul>{related}</ul></aside>
<section class="comments"><h2>Comments</h2>{comments}</section></main>
<footer>&copy; {outlet}</footer></body></html>"""


def ad(i: int) -> str:
    return f'<div class="ad"><span>Advertisement</span><p>Sponsored offer {i}: buy now</p></div>'


def make_pages() -> dict[str, bytes]:
    rnd = random.Random(10)
    articles = generate(N_PAGES, 60_000, seed=10)
    pages = {f"/news/story-{n}": news_page(a, n, rnd).encode("utf-8") for n, a in enumerate(articles)}
    return pages


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bench_extraction(pages: dict[str, bytes], runs: int) -> None:
    from sidebyside.reading.pages import article_from_html

    t0 = time.perf_counter()
    import trafilatura  # noqa: F401

    ms = (time.perf_counter() - t0) * 1000
    print(f"import trafilatura: {ms:.0f} ms (once per process, only when a page is read)")
    print(f"\nextraction per page (best of {runs}):")
    print(f"  {'page':32} {'KB':>6} {'words':>6} {'ms':>7}")
    items = [(f.name, f.read_bytes()) for f in sorted(PAGES.glob("*.html"))]
    items += [(path.rsplit("/", 1)[1] + ".html", data) for path, data in pages.items()]
    total = 0.0
    for name, data in items:
        article_from_html(Path(name), data)  # warm
        seconds = best(lambda data=data, name=name: article_from_html(Path(name), data), runs)
        words = len(article_from_html(Path(name), data).text.split())
        total += seconds
        print(f"  {name:32} {len(data) / 1024:6.0f} {words:6d} {seconds * 1000:7.1f}")
    print(f"  mean {total / len(items) * 1000:.1f} ms per page")


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # quiet
        pass

    def do_GET(self):  # noqa: N802
        time.sleep(self.server.latency)
        body = self.server.pages.get(self.path)
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")


def bench_align(pages: dict[str, bytes], latency: float, runs: int) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.pages, server.latency = pages, latency
    threading.Thread(target=server.serve_forever, daemon=True).start()
    urls = [f"http://127.0.0.1:{server.server_address[1]}{p}" for p in pages]
    print(f"\nsidebyside align, {len(urls)} URLs, server latency {latency:g} s per request (best of {runs}):")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XDG_CACHE_HOME=str(Path(tmp) / "cache"))
        command = [sys.executable, "-m", "sidebyside", "align", *urls, "-f", "json", "-o", str(Path(tmp) / "out.json")]

        def once(cold: bool) -> None:
            if cold:
                subprocess.run(["rm", "-rf", str(Path(tmp) / "cache")], check=True)
            done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
            if done.returncode:
                raise SystemExit(f"align failed: {done.stderr}")

        cold = best(lambda: once(True), runs)
        warm = best(lambda: once(False), runs)
        groups = len(json.loads((Path(tmp) / "out.json").read_text())["groups"])
        # In this process, from the cache the runs filled: reading vs aligning.
        os.environ["XDG_CACHE_HOME"] = env["XDG_CACHE_HOME"]
        from sidebyside.aligning.align import align
        from sidebyside.reading.articles import load_articles

        articles = load_articles(urls)
        reading = best(lambda: load_articles(urls), runs)
        aligning = best(lambda: align(articles), runs)
    server.shutdown()
    print(f"  cold cache (fetch all):  {cold:6.2f} s   ({groups} groups)")
    print(f"  warm cache (offline):    {warm:6.2f} s")
    print(f"    of which, in process: reading the 10 kept pages {reading:.2f} s, aligning {aligning:.2f} s")
    print(f"  latency alone if fetched one after another: {latency * len(urls):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pages = make_pages()
    bench_extraction(pages, args.runs)
    bench_align(pages, args.latency, args.runs)


if __name__ == "__main__":
    main()
