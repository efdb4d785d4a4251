"""When things are due: the schedule engine behind ``trygg due`` (core: no clock, no output)."""

from trygg_cli.due.engine import (
    bucket,
    buckets,
    is_overdue,
    occurrences,
    plan,
)
from trygg_cli.due.extract import DocumentSchedules, extract
from trygg_cli.due.occurrence import (
    BUCKETS,
    ITEMS,
    Bucket,
    DuePlan,
    Item,
    Occurrence,
    Unanchored,
    Unmatched,
)

__all__ = [
    "BUCKETS",
    "ITEMS",
    "Bucket",
    "DocumentSchedules",
    "DuePlan",
    "Item",
    "Occurrence",
    "Unanchored",
    "Unmatched",
    "bucket",
    "buckets",
    "extract",
    "is_overdue",
    "occurrences",
    "plan",
]
