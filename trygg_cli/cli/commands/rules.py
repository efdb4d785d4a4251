"""``trygg rules``: the lint rule catalogue."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

from trygg_cli.cli.params import format_option
from trygg_cli.i18n import _


class RulesFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


def command(
    output_format: Annotated[
        RulesFormat,
        format_option(
            _("Output: text (one line per rule), json, or markdown (the full catalogue).")
        ),
    ] = RulesFormat.text,
) -> None:
    from trygg_cli.lint.catalogue import list_rules

    sys.stdout.write(list_rules(output_format.value))
