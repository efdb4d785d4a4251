"""What a rule sees and returns: its settings, a document's context, and its metadata."""

from __future__ import annotations

import re
import textwrap
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from yaml.nodes import Node

from trygg_cli.findings import Finding, Severity, YamlPath, show
from trygg_cli.i18n import N_, _, quoted
from trygg_cli.model import Document
from trygg_cli.yamlload.positions import Located, value_at

# The headings of a rule's documentation, for the catalogue.
SECTION_HEADINGS = (
    N_("What"),
    N_("Why"),
    N_("How to fix"),
    N_("Passing example"),
    N_("Failing example"),
)
_SECTION = re.compile(r"^(What|Why|How to fix|Passing example|Failing example):?\s*$", re.M)


@dataclass(frozen=True)
class LintSettings:
    """What the engine needs in every process: which rules, how severe, and rule options.

    Picklable, so that worker processes get the same settings as the main one.
    """

    today: date
    selected: frozenset[str]
    severities: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Collected:
    """A workspace rule's facts about one document, gathered where the document was read."""

    path: str
    kind: str
    doc_id: str
    facts: Any


OptionCheck = Callable[[Any], str | None]
"""What is wrong with an option's value in .trygg.yaml (to follow "'name' …"), or None."""


def positive_number(value: Any) -> str | None:
    """An option that is a number greater than 0."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return None
    return _("should be a number greater than 0, not {value}").format(value=_shown(value))


def texts(value: Any) -> str | None:
    """An option that is a list of texts (or numbers, or just one; empty is none)."""

    def usable(item: Any) -> bool:
        return isinstance(item, (str, int)) and not isinstance(item, bool)

    if value is None or usable(value):
        return None
    if not isinstance(value, list):
        return _("should be a list such as [a, b], not {value}").format(value=_shown(value))
    for item in value:
        if not usable(item):
            return _("should list texts such as [a, b], but one item is {item}").format(
                item=_shown(item)
            )
    return None


def _shown(value: Any) -> str:
    """A value from .trygg.yaml as the coordinator wrote it."""
    if value is None:
        return _("empty")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, str):
        if value.strip().replace(".", "", 1).isdigit():
            return _("the text '{value}' (leave out the quotes)").format(value=show(value))
        return quoted(show(value))
    return show(value)


@dataclass
class Rule:
    """A rule's id, name, default severity, documentation and check functions."""

    id: str
    name: str
    severity: Severity
    doc: str
    check: Callable[[DocContext], Iterator[Finding]] | None = None
    collect: Callable[[DocContext], Any] | None = None
    check_workspace: Callable[[Sequence[Collected], WorkspaceContext], Iterator[Finding]] | None = (
        None
    )
    options: Mapping[str, str] = field(default_factory=dict)
    # Per option, what its value must be: a function giving what is wrong, or None.
    option_checks: Mapping[str, OptionCheck] = field(default_factory=dict)

    @classmethod
    def from_module(cls, module: types.ModuleType) -> Rule:
        return cls(
            id=module.ID,
            name=module.NAME,
            severity=module.SEVERITY,
            doc=(module.__doc__ or "").strip(),
            check=getattr(module, "check", None),
            collect=getattr(module, "collect", None),
            check_workspace=getattr(module, "check_workspace", None),
            options=getattr(module, "OPTIONS", {}),
            option_checks=getattr(module, "OPTION_CHECKS", {}),
        )

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.splitlines()[0] if self.doc else ""

    def prose(self) -> list[str]:
        """The texts of the documentation that are translated: the summary and each
        section that is not an example, each as one line (the catalogue's messages)."""
        texts = [self.summary] if self.summary else []
        for heading, body in self.sections().items():
            if not heading.endswith("example"):
                texts.append(" ".join(body.split()))
        return texts

    def translated_doc(self) -> str:
        """The documentation in the user's language: prose translated and wrapped again,
        examples as written."""
        from trygg_cli.i18n import _, language

        if not self.doc or language() == "en":
            return self.doc
        parts = [_(self.summary)]
        for heading, body in self.sections().items():
            text = " ".join(body.split())
            if heading.endswith("example") or _(text) == text:
                shown = body
            else:
                shown = textwrap.fill(_(text), 88, initial_indent="  ", subsequent_indent="  ")
            parts.append(f"{_(heading)}:\n{shown}")
        return "\n\n".join(parts)

    def sections(self) -> dict[str, str]:
        """The documentation's sections (What, Why, How to fix, examples) by heading."""
        found: dict[str, str] = {}
        matches = list(_SECTION.finditer(self.doc))
        for match, following in zip(matches, [*matches[1:], None], strict=True):
            end = following.start() if following else len(self.doc)
            found[match.group(1)] = self.doc[match.end() : end].strip("\n")
        return found


class _RuleContext:
    """Shared by document and workspace contexts: the current rule and the settings."""

    settings: LintSettings
    rule: Rule

    @property
    def severity(self) -> Severity:
        return self.settings.severities.get(self.rule.id, self.rule.severity)

    def option(self, name: str, default: Any = None) -> Any:
        return self.settings.options.get(name, default)

    def finding_at(
        self, path: str, line: int, column: int, message: str, yaml_path: YamlPath = ()
    ) -> Finding:
        """A finding of the current rule at a 1-based position."""
        return Finding(path, line, column, self.rule.id, message, self.severity, yaml_path)


class DocContext(_RuleContext, Located):
    """One validated document as rules see it: the model, the raw data, nodes and text."""

    def __init__(
        self,
        path: str,
        kind: str,
        document: Document,
        data: Any,
        root: Node,
        text: str,
        settings: LintSettings,
    ) -> None:
        Located.__init__(self, data, root, text)
        self.path = path
        self.kind = kind
        self.document = document
        self.settings = settings

    def written_or(self, parent: YamlPath, key: str, fallback: str = "id") -> YamlPath:
        """``(*parent, key)`` when the file writes that key (even empty), else the
        ``fallback`` key beside it — where a finding about a missing value belongs."""
        item = value_at(self.data, parent)
        return (*parent, key if isinstance(item, dict) and key in item else fallback)

    def finding(self, loc: YamlPath, message: str, *, at_key: bool = False) -> Finding:
        """A finding of the current rule at the node ``loc`` (or its deepest existing parent)."""
        line, column = self.position(loc, at_key=at_key)
        return self.finding_at(self.path, line, column, message, loc)


class WorkspaceContext(_RuleContext):
    """What a workspace rule's ``check_workspace`` gets besides the collected facts.

    ``position_of`` finds a place in a file again, for rules that collect only YAML paths
    (cheap) and need positions for the few places they report.
    """

    def __init__(
        self, settings: LintSettings, read: Callable[[str], bytes | None] | None = None
    ) -> None:
        self.settings = settings
        self.read = read
        self._files: dict[str, Located | None] = {}

    def position_of(self, path: str, loc: YamlPath, offset: int | None = None) -> tuple[int, int]:
        """1-based (line, column) of the node at ``loc`` in ``path`` — or, with ``offset``,
        of that character of the node's text. The file is read again, once."""
        located = self.located(path)
        return located.position_of(loc, offset) if located is not None else (1, 1)

    def find_word(
        self, path: str, word: str, *, skip: Callable[[YamlPath], bool] | None = None
    ) -> list[tuple[int, int, YamlPath]]:
        """Every place ``word`` stands as a whole word in a text value of ``path``, as
        1-based (line, column, YAML path); values whose path ``skip`` accepts are passed
        over. The file is read again, once."""
        located = self.located(path)
        if located is None:
            return []
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
        places = []
        for loc, node, value in located.strings():
            if word not in value or (skip is not None and skip(loc)):
                continue
            for match in pattern.finditer(value):
                line, column = located.position_in(node, value, match.start())
                places.append((line, column, loc))
        return places

    def located(self, path: str) -> Located | None:
        """``path`` read again (once) with its text values and positions; ``None`` when it
        cannot be read or parsed now."""
        if path not in self._files:
            from trygg_cli.yamlload import YamlError, decode, load

            raw = self.read(path) if self.read is not None else None
            located = None
            if raw is not None:
                try:
                    text = decode(raw)
                    loaded = load(text)
                    if loaded.root is not None:
                        located = Located(loaded.data, loaded.root, text)
                except YamlError:
                    pass
            self._files[path] = located
        return self._files[path]
