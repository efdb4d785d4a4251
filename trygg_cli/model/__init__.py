"""The trygg data model (pydantic v2). Import is heavy: keep it out of ``trygg --help``."""

from trygg_cli.model.documents import (
    KINDS,
    VERSION,
    Action,
    ActionPlan,
    Agreement,
    Body,
    CitizenPromise,
    Document,
)

__all__ = [
    "KINDS",
    "VERSION",
    "Action",
    "ActionPlan",
    "Agreement",
    "Body",
    "CitizenPromise",
    "Document",
]
