"""Finding an occasion by the short reference `trygg due` prints beside it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from trygg_cli.due.occurrence import REF_FULL, REF_SHOWN, Occurrence, ref_of
from trygg_cli.errors import TryggError
from trygg_cli.i18n import _
from trygg_cli.textout import one_line

MIN_PREFIX = 4


def find(occurrences: Iterable[Occurrence], ref: str) -> list[Occurrence]:
    """The occasions whose reference starts with ``ref`` (4 characters or more, any case),
    or whose full key is ``ref``; a short ``ref`` matches nothing."""
    wanted = ref.strip()
    if "/" in wanted:
        return [o for o in occurrences if o.key == wanted]
    wanted = wanted.lower()
    if len(wanted) < MIN_PREFIX:
        return []
    return [o for o in occurrences if ref_of(o.key, REF_FULL).startswith(wanted)]


def _shown_refs(candidates: Sequence[Occurrence]) -> list[str]:
    """The candidates' references, as long as the table prints them unless that is not
    enough to tell them apart."""
    short = [ref_of(o.key, REF_SHOWN) for o in candidates]
    if len(set(short)) == len(short):
        return short
    return [ref_of(o.key, REF_FULL) for o in candidates]


def the_one(occurrences: Sequence[Occurrence], ref: str) -> Occurrence:
    """The occasion with reference (or key) ``ref``; a :class:`TryggError` (exit 2) when
    none or several have it."""
    wanted = ref.strip()
    if "/" not in wanted and len(wanted) < MIN_PREFIX:
        raise TryggError(
            _("'{ref}' is too short: give at least {n} characters of the reference").format(
                ref=ref, n=MIN_PREFIX
            )
        )
    found = find(occurrences, wanted)
    if not found:
        raise TryggError(
            _("no occasion has the reference '{ref}'; 'trygg due' prints it on each row").format(
                ref=ref
            )
        )
    if len(found) > 1:
        refs = _shown_refs(found)
        listed = ", ".join(f"{r} ({one_line(o.title)})" for r, o in zip(refs, found, strict=True))
        raise TryggError(
            _("'{ref}' fits {n} occasions: {candidates}; give more characters").format(
                ref=ref, n=len(found), candidates=listed
            )
        )
    return found[0]
