"""Finding an occasion by the short reference `trygg due` prints beside it."""

from __future__ import annotations

from collections.abc import Iterable

from trygg_cli.due.occurrence import REF_FULL, Occurrence, ref_of

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
