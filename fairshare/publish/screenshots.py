"""Screenshots of each page kind of the showback site, taken with the system's headless Chromium.

Playwright drives Debian's `chromium` (never a downloaded browser). The binary is
`$FAIRSHARE_CHROMIUM` or /usr/bin/chromium.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from fairshare.publish.data import PublishError

log = logging.getLogger(__name__)

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}


def chromium_path() -> Path:
    return Path(os.environ.get("FAIRSHARE_CHROMIUM", DEFAULT_CHROMIUM))


def page_examples(site: Path) -> dict[str, Path]:
    """One page of each kind in a built site (the cost center with the most phone numbers)."""
    kinds: dict[str, Path] = {"overview": site / "index.html"}
    centers = sorted((site / "cost-centers").glob("*.html"))
    best = max(
        centers,
        key=lambda p: (len(list((p.parent / p.stem).glob("did-*.html"))), p.name),
        default=None,
    )
    if best is not None:
        kinds["cost_center"] = best
        dids = sorted((best.parent / best.stem).glob("did-*.html"))
        if dids:
            kinds["did"] = dids[0]
        conversations = sorted((best.parent / best.stem).glob("conversation-*.html"))
        if conversations:
            kinds["conversation"] = conversations[0]
    kinds["methodology"] = site / "methodology.html"
    if (site / "advisor.html").exists():
        kinds["advisor"] = site / "advisor.html"
    if (site / "quality.html").exists():
        kinds["quality"] = site / "quality.html"
    invoices = sorted((site / "invoices").glob("*.html"))
    if invoices:
        kinds["invoice"] = invoices[0]
    return kinds


def capture(pages: dict[str, Path], target: Path, *, full_page: bool = True) -> list[Path]:
    """Screenshot each page (`<kind>.png` in `target`); fails if Chromium is not installed.

    Runs in its own thread: Playwright's sync API refuses to start inside a running asyncio
    loop (a caller's, e.g. another Playwright session), and a fresh thread has none.
    """
    binary = chromium_path()
    if not binary.exists():
        raise PublishError(
            f"screenshots need Chromium at {binary} (apt-get install chromium, or set "
            "FAIRSHARE_CHROMIUM)"
        )
    try:
        import playwright.sync_api  # noqa: F401  (an optional extra: fail before any work)
    except ImportError as exc:
        raise PublishError(
            "screenshots need Playwright: pip install 'fairshare[screenshots]'"
        ) from exc
    target.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    errors: list[BaseException] = []

    def work() -> None:
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=str(binary), args=CHROMIUM_ARGS)
                try:
                    page = browser.new_page(viewport=VIEWPORT)
                    for kind, path in pages.items():
                        page.goto(path.resolve().as_uri())
                        out = target / f"{kind}.png"
                        page.screenshot(path=str(out), full_page=full_page)
                        files.append(out)
                finally:
                    browser.close()
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)

    thread = threading.Thread(target=work, name="fairshare-screenshots")
    thread.start()
    thread.join()
    if errors:
        raise PublishError(f"screenshots failed: {errors[0]}") from errors[0]
    log.info("screenshots: %d pages in %s", len(files), target)
    return files
