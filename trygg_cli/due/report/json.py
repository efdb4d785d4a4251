"""``trygg due --format json``: the versioned shape documented in docs/due-json.md.

Every text from the documents (titles, ids, paths, texts, reports) is masked
(:func:`~trygg_cli.identity_numbers.mask_text`) as it goes in; ``ref`` stays the hash of
the key as the engine made it, so that ``trygg done REF`` finds the occasion."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from trygg_cli.due.engine import bucket
from trygg_cli.due.occurrence import (
    Bucket,
    DuePlan,
    Ended,
    Occurrence,
    Tied,
    Unanchored,
    Unmatched,
    Unrecorded,
    ref_of,
)
from trygg_cli.due.report.context import DueReportContext
from trygg_cli.due.report.grouping import Grouped
from trygg_cli.findings import YamlPath, format_yaml_path
from trygg_cli.identity_numbers import mask_data, mask_text
from trygg_cli.jsonfmt import Encoded, encode, encode_text, iter_records

JSON_VERSION = 1


def occurrence_dict(occurrence: Occurrence, today: date) -> dict[str, Any]:
    """One item of the JSON report (see docs/due-json.md): first the occasion, then the
    item it is an occasion of."""
    o = occurrence
    return {
        "bucket": bucket(o, today),
        "due": o.due.isoformat(),
        "planned": o.planned.isoformat(),
        "occasion": o.occasion,
        "done": o.done.isoformat() if o.done is not None else None,
        "done_label": o.done_label,
        "done_report": _masked(o.done_report),
        "key": mask_text(o.key),
        "ref": o.ref,
        **_item_dict(o),
    }


def _item_dict(o: Occurrence) -> dict[str, Any]:
    """The fields every occasion of one item shares, masked."""
    return {
        "item": o.item,
        "item_id": mask_text(o.item_id),
        "title": mask_text(o.title),
        "doc_id": mask_text(o.doc_id),
        "doc_kind": o.doc_kind,
        "path": mask_text(o.path),
        "line": o.line,
        "column": o.column,
        "yaml_path": mask_text(format_yaml_path(o.yaml_path)),
        "qualifier": o.qualifier,
        "tolerance_days": o.tolerance_days,
        "parties": [mask_text(p) for p in o.parties],
        "bodies": [mask_text(b) for b in o.bodies],
        "text": _masked(o.text),
        "routine": o.routine,
        "last_done": o.last_done.isoformat() if o.last_done is not None else None,
    }


def _ended_dict(e: Ended) -> dict[str, Any]:
    return {
        "doc_id": e.doc_id,
        "doc_kind": e.doc_kind,
        "title": e.title,
        "end": e.end.isoformat(),
        "path": e.path,
        "line": e.line,
        "column": e.column,
        "parties": list(e.parties),
    }


def _unrecorded_dict(u: Unrecorded) -> dict[str, Any]:
    return {
        "doc_id": u.doc_id,
        "doc_kind": u.doc_kind,
        "item": u.item,
        "item_id": u.item_id,
        "title": u.title,
        "path": u.path,
        "line": u.line,
        "next_due": u.next_due.isoformat() if u.next_due is not None else None,
    }


def _unanchored_dict(u: Unanchored) -> dict[str, Any]:
    return {
        "path": u.path,
        "line": u.line,
        "column": u.column,
        "yaml_path": format_yaml_path(u.yaml_path),
        "doc_id": u.doc_id,
        "item": u.item,
        "reason": u.reason,
    }


def _tied_dict(t: Tied) -> dict[str, Any]:
    return {
        "item": t.item,
        "item_id": t.item_id,
        "title": t.title,
        "doc_id": t.doc_id,
        "doc_kind": t.doc_kind,
        "path": t.path,
        "line": t.line,
        "column": t.column,
        "yaml_path": format_yaml_path(t.yaml_path),
        "with_meetings_of": t.with_meetings_of,
        "body_name": t.body_name,
        "at_event": t.at_event,
        "parties": list(t.parties),
        "bodies": list(t.bodies),
        "text": t.text,
    }


def _unmatched_dict(u: Unmatched) -> dict[str, Any]:
    occurrence: int | str | None = (
        u.occurrence.isoformat() if isinstance(u.occurrence, date) else u.occurrence
    )
    return {
        "path": u.path,
        "line": u.line,
        "column": u.column,
        "yaml_path": format_yaml_path(u.yaml_path),
        "doc_id": u.doc_id,
        "date": u.date.isoformat(),
        "occurrence": occurrence,
        "reason": u.reason,
    }


def json_report(
    plan: DuePlan, shown: Sequence[Occurrence], today: date, context: DueReportContext
) -> str:
    """The versioned JSON shape documented in docs/due-json.md."""
    return "".join(json_lines(plan, shown, today, context))


def json_lines(
    plan: DuePlan, shown: Sequence[Occurrence], today: date, context: DueReportContext
) -> Iterator[str]:
    """:func:`json_report` line by line, each item encoded as it is written."""
    grouped = Grouped.of(shown, today)
    payload = {
        "version": JSON_VERSION,
        "tool": "trygg",
        "as_of": today.isoformat(),
        "items": _encoded_items(grouped.sections()),
        "unanchored": mask_data([_unanchored_dict(u) for u in plan.unanchored]),
        "unmatched": mask_data([_unmatched_dict(u) for u in plan.unmatched]),
        "tied": mask_data([_tied_dict(t) for t in plan.tied]),
        "ended": mask_data([_ended_dict(e) for e in plan.ended]),
        "unrecorded": mask_data([_unrecorded_dict(u) for u in plan.unrecorded]),
        "unreadable": mask_data(list(context.unread)),
        "summary": grouped.counts(),
    }
    return iter_records(payload)


_SHARED_MAX = 4096


def _encoded_items(grouped: list[tuple[Bucket, list[Occurrence]]]) -> Iterator[Encoded]:
    """:func:`occurrence_dict` of each occurrence, bucket by bucket, already encoded.

    What an item's occasions share (title, document, source, parties …) is encoded once
    per item while it is among the last few thousand items met: a national corpus shows
    some 40,000 occasions of 13,000 items, and a register many times that.
    """
    shared: dict[tuple[str, str, str, YamlPath], str] = {}
    for name, members in grouped:
        for o in members:
            item = (o.doc_id, o.item, o.item_id, o.yaml_path)
            tail = shared.get(item)
            if tail is None:
                if len(shared) >= _SHARED_MAX:
                    shared.clear()
                tail = shared[item] = encode(_item_dict(o))[1:]
            key = o.key
            done = f'"{o.done.isoformat()}"' if o.done is not None else "null"
            done += f', "done_label": {_text_or_null(o.done_label)}'
            done += f', "done_report": {_text_or_null(_masked(o.done_report))}'
            yield Encoded(
                f'{{"bucket": "{name}", "due": "{o.due.isoformat()}", '
                f'"planned": "{o.planned.isoformat()}", '
                f'"occasion": {encode_text(o.occasion)}, "done": {done}, '
                f'"key": {encode_text(mask_text(key))}, "ref": "{ref_of(key)}", {tail}'
            )


def _masked(text: str | None) -> str | None:
    return mask_text(text) if text is not None else None


def _text_or_null(text: str | None) -> str:
    return "null" if text is None else encode_text(text)
