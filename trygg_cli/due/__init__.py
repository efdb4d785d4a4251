"""When things are due: the schedule engine behind ``trygg due`` (core: no clock, no output)."""

from trygg_cli.due.engine import (
    bucket,
    buckets,
    is_overdue,
    occurrences,
    plan,
)
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
from trygg_cli.due.positions import Positions, workspace_positions

__all__ = [
    "BUCKETS",
    "ITEMS",
    "Bucket",
    "DuePlan",
    "Item",
    "Occurrence",
    "Positions",
    "Unanchored",
    "Unmatched",
    "bucket",
    "buckets",
    "is_overdue",
    "occurrences",
    "plan",
    "workspace_positions",
]
