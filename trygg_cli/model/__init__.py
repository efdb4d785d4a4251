"""The trygg data model (pydantic v2). Import is heavy: keep it out of ``trygg --help``."""

from trygg_cli.model.documents import (
    VERSION,
    Action,
    ActionPlan,
    Agreement,
    Body,
    CitizenPromise,
    Document,
)
from trygg_cli.model.followup import FollowUp

# Every kind of document, by the name a file gives under 'kind:'.
KINDS: dict[str, type[Document]] = {
    "agreement": Agreement,
    "action-plan": ActionPlan,
    "citizen-promise": CitizenPromise,
    "follow-up": FollowUp,
}

__all__ = [
    "KINDS",
    "VERSION",
    "Action",
    "ActionPlan",
    "Agreement",
    "Body",
    "CitizenPromise",
    "Document",
    "FollowUp",
]
