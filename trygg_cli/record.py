"""Record a completion in a document's YAML without disturbing anything else in the file.

``trygg done`` adds one entry to a schedule's ``done:`` list. The file is edited with
ruamel.yaml's round-trip mode (:mod:`trygg_cli.yamledit`), so comments, key order, quoting
and flow style stay as they are, and only when the file written back unchanged comes out
byte for byte as it was; and the result is checked to differ
from the original by added lines only — or, where the list is written on one line in
flow style (``done: [2021-11-30]``), by that one line. Otherwise nothing is written and
the coordinator is told what to add by hand.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from trygg_cli.errors import TryggError
from trygg_cli.findings import YamlPath
from trygg_cli.i18n import _
from trygg_cli.yamledit import dump, removed_lines, round_trip
from trygg_cli.yamlload.positions import value_at


@dataclass(frozen=True)
class Entry:
    """What to record: the date it was done, or only the year; the occasion it closes; a
    note."""

    day: date | None = None
    year: int | None = None
    occurrence: int | date | str | None = None
    note: str | None = None

    def as_yaml(self) -> Any:
        """The entry as the file will hold it: a bare date when that is all there is."""
        from ruamel.yaml.comments import CommentedMap

        if self.day is not None and self.occurrence is None and self.note is None:
            return self.day
        entry = CommentedMap()
        if self.day is not None:
            entry["date"] = self.day
        if self.year is not None:
            entry["year"] = self.year
        if self.occurrence is not None:
            entry["occurrence"] = self.occurrence
        if self.note is not None:
            entry["note"] = self.note
        return entry

    def by_hand(self) -> str:
        """The lines a coordinator would add under ``done:``."""
        parts = []
        if self.day is not None:
            parts.append(f"date: {self.day.isoformat()}")
        if self.year is not None:
            parts.append(f"year: {self.year}")
        if self.occurrence is not None:
            occasion = self.occurrence
            parts.append(
                f"occurrence: {occasion.isoformat() if isinstance(occasion, date) else occasion}"
            )
        if self.note is not None:
            parts.append(f"note: {self.note}")
        return "- {" + ", ".join(parts) + "}"


def add_completion(text: str, loc: YamlPath, entry: Entry) -> str:
    """``text`` with ``entry`` added to the ``done:`` list of the schedule at ``loc``."""
    yaml = round_trip(text)
    if yaml is None:
        raise _by_hand(entry, _("trygg cannot rewrite this file without changing its layout"))
    data = yaml.load(text)
    found = value_at(data, loc)
    if not isinstance(found, Mapping):
        raise TryggError(_("there is no schedule at {where}").format(where=_where(loc)))
    schedule: Any = found
    done = schedule.get("done")
    if done is None:
        from ruamel.yaml.comments import CommentedSeq

        done = CommentedSeq()
        if getattr(schedule, "fa", None) is not None and schedule.fa.flow_style():
            done.fa.set_flow_style()
        schedule["done"] = done
    if not isinstance(done, list):
        raise TryggError(_("'done' at {where} is not a list").format(where=_where(loc)))
    done.append(entry.as_yaml())
    new = dump(yaml, data)
    if not _only_added(text, new):
        raise _by_hand(entry, _("adding it would change other lines of the file"))
    return new


def set_done(text: str, loc: YamlPath) -> str:
    """``text`` with ``status: done`` on the action or commitment at ``loc`` (added when
    it has no status, the one line changed when it has another)."""
    yaml = round_trip(text)
    if yaml is None:
        raise TryggError(
            _(
                "trygg cannot rewrite this file without changing its layout; set "
                "'status: done' at {where} by hand"
            ).format(where=_where(loc))
        )
    data = yaml.load(text)
    found = value_at(data, loc)
    if not isinstance(found, Mapping):
        raise TryggError(_("there is nothing at {where} to mark as done").format(where=_where(loc)))
    item: Any = found
    item["status"] = "done"
    new = dump(yaml, data)
    removed = removed_lines(text, new)
    if len(removed) > 1 or (removed and "status" not in removed[0]):
        raise TryggError(
            _(
                "setting the status would change other lines; set 'status: done' at {where} by hand"
            ).format(where=_where(loc))
        )
    return new


def _only_added(old: str, new: str) -> bool:
    """Whether ``new`` differs from ``old`` by added lines only, or by one line written in
    flow style that only grew before its closing bracket (``done: [a]`` → ``done: [a, b]``)."""
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    if not removed:
        return True
    if len(removed) > 1:
        return False
    line = removed[0].rstrip()
    if not line.endswith(("]", "}")):
        return False
    head = line.rstrip("]}")
    return any(grown.startswith(head) and len(grown) > len(line) for grown in added)


def _where(loc: Sequence[str | int]) -> str:
    from trygg_cli.findings import format_yaml_path

    return format_yaml_path(tuple(loc)) or "/"


def _by_hand(entry: Entry, why: str) -> TryggError:
    return TryggError(
        _("{why}; add this under 'done:' by hand: {lines}").format(why=why, lines=entry.by_hand())
    )
