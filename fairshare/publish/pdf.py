"""PDF invoices: WeasyPrint renders the same HTML the browser prints."""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

PAPER_SIZES = {"A4", "Letter"}

# WeasyPrint and fontTools log every font subset at INFO; keep the run's output readable.
for _name in ("weasyprint", "fontTools"):
    logging.getLogger(_name).setLevel(logging.WARNING)


def html_to_pdf(html: str, path: Path, *, paper: str = "A4") -> Path:
    """Write `html` (self-contained: inline CSS, no external resources) to `path` as a PDF."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {sorted(PAPER_SIZES)}, got {paper!r}")
    from weasyprint import CSS, HTML

    page = CSS(string=f"@page {{ size: {paper}; }}")
    HTML(string=html, base_url=str(path.parent)).write_pdf(str(path), stylesheets=[page])
    return path
