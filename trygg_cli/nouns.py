"""What the document kinds and item lists are called in messages (one glossary)."""

from __future__ import annotations

from trygg_cli.i18n import N_

# "agreement" → the noun a message uses; translate with _() where it is shown.
KIND_NOUNS = {
    "agreement": N_("agreement"),
    "action-plan": N_("action plan"),
    "citizen-promise": N_("citizen promise"),
    "follow-up": N_("follow-up"),
}
KIND_WITH_ARTICLE = {
    "agreement": N_("an agreement"),
    "action-plan": N_("an action plan"),
    "citizen-promise": N_("a citizen promise"),
    "follow-up": N_("a follow-up"),
}
# A document's id lists → what one item in them is called.
ITEM_NOUNS = {
    "parties": N_("party"),
    "actors": N_("actor"),
    "participants": N_("party or actor"),
    "bodies": N_("body"),
    "priorities": N_("priority"),
    "sections": N_("section"),
    "occasions": N_("occasion"),
    "actions": N_("action"),
    "commitments": N_("commitment"),
    "goals": N_("goal"),
    "indicators": N_("indicator"),
}
