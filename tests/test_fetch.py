"""URLs as paths: fetched concurrently from a local server, redirects followed,
the charset from the header or the page, kept in the cache (offline reopening,
--refresh), and every failure one line naming the URL and the reason."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from page_server import closed_port_url

from sidebyside.reading import cache
from sidebyside.reading.articles import InputError, load_articles
from sidebyside.reading.fetch import fetch_articles


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """The page cache in a temporary folder (platformdirs reads XDG_CACHE_HOME)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "sidebyside" / "pages"


STORIES = ("/world/lavrov-talks", "/news/putin-ready", "/world/russia-open-to-dialogue")


def test_urls_are_fetched_and_read_as_pages(page_server, private_cache):
    urls = [page_server.url(p) for p in STORIES]
    articles = load_articles(urls)
    assert [a.url for a in articles] == urls  # the order given
    wire, kyiv, courier = articles
    assert wire.title == "Lavrov says Putin is ready for talks with the West"
    assert (wire.outlet, wire.date, wire.author) == ("Wire World News", "2022-10-30", "Anna Petrova")
    assert (kyiv.outlet, kyiv.date) == ("The Kyiv Ledger", "2022-10-31")  # <title> suffix; charset from the page
    assert "“equal” terms" in kyiv.title and "country’s power stations" in kyiv.text
    assert (courier.outlet, courier.date, courier.author) == ("Evening Courier", "2022-10-29", "James Whitfield")
    for article in articles:
        assert article.source == article.url
        assert article.path.parent == private_cache and article.path.suffix == ".html"
        assert article.sha256 == hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        for junk in ("cookies", "Advertisement", "Related stories", "Comments", "propaganda", "dataLayer", "<"):
            assert junk not in article.text, (article.url, junk)


def test_charset_from_the_header_and_redirects_followed(page_server):
    kyiv, wire = load_articles([page_server.url("/news/putin-ready-header"), page_server.url("/old-link")])
    assert kyiv.encoding == "cp1252"
    assert "“realistic proposals based on an equal approach”" in kyiv.text
    assert wire.title == "Lavrov says Putin is ready for talks with the West"
    assert page_server.hits["/world/lavrov-talks"] == 1  # reached through the redirect


def test_a_url_with_non_ascii_and_spaces_is_sent_encoded(page_server):
    url = page_server.url("/world/лавров talks")
    (article,) = load_articles([url])
    assert article.url == url and article.title == "Lavrov says Putin is ready for talks with the West"


def test_a_compressed_page_is_read(page_server):
    url = page_server.url("/gzipped")
    (article,) = load_articles([url])
    assert article.title == "Lavrov says Putin is ready for talks with the West"


def test_pages_are_kept_and_reopen_offline_until_refresh(page_server):
    urls = [page_server.url(p) for p in STORIES[:2]]
    first = load_articles(urls)
    assert all(page_server.hits[p] == 1 for p in STORIES[:2])
    again = load_articles(urls)  # from the cache: the server is not asked
    assert all(page_server.hits[p] == 1 for p in STORIES[:2])
    assert [(a.text, a.sha256, a.path) for a in again] == [(a.text, a.sha256, a.path) for a in first]
    # ... and the reader is told which copy was read, and how to fetch it again
    assert not any(a.notes for a in first)
    told = re.compile(r"read the copy fetched \d{4}-\d\d-\d\d \d\d:\d\d UTC \(--refresh")
    assert all(told.search(" ".join(a.notes)) for a in again)
    load_articles(urls, refresh=True)
    assert all(page_server.hits[p] == 2 for p in STORIES[:2])
    page_server.stop()  # offline
    offline = load_articles(urls)
    assert [a.text for a in offline] == [a.text for a in first]
    refreshed = load_articles(urls, refresh=True, timeout=2)
    assert [a.text for a in refreshed] == [a.text for a in first]
    assert all("could not fetch again" in " ".join(a.notes) for a in refreshed)


def test_cache_key_is_readable_and_unique():
    a = cache.key("https://www.example.com/world/2022/10/30/lavrov-talks?x=1")
    b = cache.key("https://www.example.com/world/2022/10/30/lavrov-talks?x=2")
    assert a.startswith("example-com-world-2022-10-30-lavrov-talks-") and a != b


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP error 404"),
        ("/broken", "HTTP error 500"),
        ("/report.pdf", "not a web page (the server sent application/pdf)"),
        ("/huge", "response of 20 MB is over the 10 MB size limit"),
        ("/huge-streamed", "response is over the 10 MB size limit"),
        ("/empty", "no article text found in the page"),
        ("/section", "no article text found in the page"),
        ("/slow", "timed out after 0.3 s"),
    ],
)
def test_a_bad_url_is_one_line_naming_it_and_the_reason(page_server, path, reason):
    url = page_server.url(path)
    result = fetch_articles([url], timeout=0.3)[url]
    assert isinstance(result, InputError)
    message = str(result)
    assert message.startswith(f"{url}: ") and reason in message and "\n" not in message


def test_a_closed_port_is_one_line():
    url = closed_port_url()
    result = fetch_articles([url], timeout=2)[url]
    assert isinstance(result, InputError) and str(result) == f"{url}: connection refused (nothing is listening there)"


def test_the_others_open_when_two_remain_else_an_error(page_server):
    good = [page_server.url(p) for p in STORIES[:2]]
    bad = page_server.url("/report.pdf")
    failed: list[str] = []
    articles = load_articles([good[0], bad, good[1]], failed=failed)
    assert [a.url for a in articles] == good
    assert failed == [f"{bad}: not a web page (the server sent application/pdf)"]
    with pytest.raises(InputError, match=r"report\.pdf: not a web page .*; only one article left to compare"):
        load_articles([good[0], bad])
    with pytest.raises(InputError, match="no article left"):
        load_articles([bad, closed_port_url()], timeout=2)


def test_urls_and_files_mix_and_progress_is_reported(page_server, tmp_path):
    f = tmp_path / "local.txt"
    f.write_text("A local headline about the talks\n\nLavrov said Russia is ready to talk with the West.\n")
    calls: list[tuple[int, int]] = []
    urls = [page_server.url(p) for p in STORIES]
    articles = load_articles([urls[0], str(f), urls[1], urls[2]], progress=lambda d, t: calls.append((d, t)))
    assert [a.source for a in articles] == [urls[0], str(f.resolve()), urls[1], urls[2]]
    assert calls[0] == (0, 3) and calls[-1] == (3, 3) and sorted(calls) == calls


def test_a_slow_page_does_not_hold_up_the_others(page_server):
    """Fetched concurrently: the slow URL times out while the others arrive."""
    urls = [page_server.url("/slow"), *(page_server.url(p) for p in STORIES)]
    results = fetch_articles(urls, timeout=1)
    assert isinstance(results[urls[0]], InputError)
    assert all(not isinstance(results[u], InputError) for u in urls[1:])


def test_highlights_of_url_articles_are_saved_and_reopen_offline(page_server, tmp_path):
    from sidebyside.aligning.align import align
    from sidebyside.highlights import load, save

    urls = [page_server.url(p) for p in STORIES]
    alignment = align(load_articles(urls))
    assert alignment.groups
    kept = {g.id: "the conditions" for g in alignment.groups}
    saved = tmp_path / "kept.json"
    save(saved, alignment, kept)
    record = json.loads(saved.read_text(encoding="utf-8"))
    assert [a["source"] for a in record["articles"]] == urls
    page_server.stop()  # offline: the cache gives the same text, so every passage is found
    loaded = load(saved, load_articles(urls))
    assert len(loaded.groups) == len(kept) and not loaded.missing
