"""server.py's LinkRepair: nested page paths and over-long links are redirected before Streamlit sees them."""

from __future__ import annotations

from tests import aio
from ui.links import LinkRepair, repaired


def test_nested_paths_go_to_their_page_and_keep_the_query():
    assert repaired("/recommendation/extra", "") == "/recommendation"
    assert repaired("/recommendation/extra/more", "goal=sales&lang=en") == "/recommendation?goal=sales&lang=en"


def test_plain_pages_and_streamlit_routes_are_left_alone():
    # The frontend probes its base path under the page's path (/recommendation/_stcore/health) and must get
    # Streamlit's own answer there, not a redirect.
    for path in ("/", "/recommendation", "/brief", "/_stcore/health", "/_stcore/stream", "/static/js/main.js",
                 "/media/abc.png", "/component/x/index.html", "/recommendation/_stcore/health",
                 "/recommendation/_stcore/host-config", "/recommendation/static/js/main.js"):
        assert repaired(path, "goal=sales") is None, path


def test_more_than_1000_parameters_become_a_notice_on_the_same_page():
    many = "&".join(f"p{i}=1" for i in range(1001))
    assert repaired("/recommendation", many) == "/recommendation?link_notice=too_many_params"
    assert repaired("/", many) == "/?link_notice=too_many_params"
    assert repaired("/recommendation", "&".join(f"p{i}=1" for i in range(1000))) is None


def _call(path: str, query: bytes, method: str = "GET") -> list[dict]:
    sent: list[dict] = []
    reached: list[str] = []

    async def inner(scope, receive, send):
        reached.append(scope["path"])

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    scope = {"type": "http", "method": method, "path": path, "query_string": query}
    aio.run(LinkRepair(inner)(scope, receive, send))
    return sent if sent else [{"reached": reached}]


def test_the_middleware_answers_307_with_the_new_location_or_passes_through():
    start, body = _call("/learn/x", b"lang=en")
    assert start["status"] == 307 and dict(start["headers"])[b"location"] == b"/learn?lang=en"
    assert body == {"type": "http.response.body", "body": b""}
    assert _call("/learn", b"lang=en") == [{"reached": ["/learn"]}]
    assert _call("/learn/x", b"", method="POST") == [{"reached": ["/learn/x"]}]
