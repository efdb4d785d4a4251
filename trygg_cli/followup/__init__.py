"""Follow-ups (uppföljningar): a draft of the next one from the documents as they are now
(``trygg report new``)."""

from trygg_cli.followup.draft import Draft, draft, parse_occasion
from trygg_cli.followup.run import new_follow_up, write_draft

__all__ = ["Draft", "draft", "new_follow_up", "parse_occasion", "write_draft"]
