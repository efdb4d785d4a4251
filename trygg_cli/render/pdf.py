"""``trygg render -f pdf``: the HTML document printed by WeasyPrint to a tagged PDF.

The PDF is the HTML page — the same templates and stylesheet — laid out by the
stylesheet's print rules: A4, a running header with the short title and diarienummer,
"Sida 3 (8)", page numbers in the table of contents, signature blocks kept whole. It is
tagged (a structure tree for screen readers), its language is sv-SE, its title and
authors are the page's, its bookmarks are the headings, and by default it is PDF/A-2a:
archival (what a registry keeps) and accessible (the "a" level requires the tags).

The PDF's dates are the stamp's day, so with ``--stamp-date`` or ``SOURCE_DATE_EPOCH``
two runs give the same bytes. Nothing is fetched: the page is self-contained and any
address a template names is refused. WeasyPrint is imported only here, when a PDF is
asked for; without its system libraries (Pango) the user gets the install hint, not a
traceback.
"""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from datetime import date
from typing import Any, NoReturn

from trygg_cli.errors import TryggError
from trygg_cli.i18n import N_, _

DEFAULT_VARIANT = "pdf/a-2a"
# Offered with --pdf-variant; every one is made tagged. PDF/A-2a and -3a are archival
# and accessible; -2u/-3u archival with searchable text; PDF/UA-1 and -2 accessible.
VARIANTS = ("pdf/a-2a", "pdf/a-3a", "pdf/a-2u", "pdf/a-3u", "pdf/ua-1", "pdf/ua-2")
LANG = "sv-SE"

_INSTALL_HINT = N_(
    "install Pango: on Debian or Ubuntu 'sudo apt install libpango-1.0-0 "
    "libpangoft2-1.0-0 libharfbuzz-subset0', on macOS 'brew install pango', on Windows "
    "see README.md (PDF output)"
)


def load_weasyprint() -> Any:
    """WeasyPrint, or a TryggError that says what to install."""
    # WeasyPrint prints its own advice to standard output when a library is missing;
    # that would land in a PDF written to '-', so it is caught here.
    advice = io.StringIO()
    try:
        with contextlib.redirect_stdout(advice), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import weasyprint
    except ImportError as exc:
        message = _(
            "PDF output needs WeasyPrint ({error}); install it with 'pip install weasyprint'"
        )
        raise TryggError(message.format(error=exc)) from None
    except OSError as exc:
        message = _(
            "PDF output needs WeasyPrint's system libraries, which were not found ({error}); {hint}"
        )
        raise TryggError(message.format(error=exc, hint=_(_INSTALL_HINT))) from None
    return weasyprint


def _refuse(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    """The URL fetcher: a rendered document is self-contained, so nothing is fetched."""
    raise ValueError(f"not fetched: {url}")


def to_pdf(html: str, *, day: date, variant: str = DEFAULT_VARIANT) -> bytes:
    """``html`` (a rendered page) as a PDF of ``variant``, dated ``day``."""
    if variant not in VARIANTS:
        raise TryggError(
            _("there is no PDF variant '{variant}'; choose one of {variants}").format(
                variant=variant, variants=", ".join(VARIANTS)
            )
        )
    weasyprint = load_weasyprint()
    logger = logging.getLogger("weasyprint")
    level, propagate = logger.level, logger.propagate
    # WeasyPrint logs each CSS rule it does not know (screen-only rules) and each address
    # it was refused; the document is fine without them, so they are not shown.
    logger.setLevel(logging.CRITICAL)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            # WeasyPrint 70 leaves its colour profile's file to the garbage collector.
            warnings.simplefilter("ignore", ResourceWarning)
            document = weasyprint.HTML(string=html, url_fetcher=_refuse).render()
            document.metadata.lang = LANG
            document.metadata.created = document.metadata.modified = day.isoformat()
            pdf: bytes = document.write_pdf(pdf_variant=variant, pdf_tags=True)
    finally:
        logger.setLevel(level)
        logger.propagate = propagate
    return pdf
