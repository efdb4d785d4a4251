"""Template placeholder left in the text.

What:
  Text that is still a template's placeholder: "XX", "ÅÅÅÅ-MM-DD", "201Å", "MM-DD",
  "TODO", "[namn]", "lorem ipsum", a line that says only "Datum" where a date belongs, or
  a sentence from trygg's own skeletons ("Beskriv vad som ska göras och varför." and the
  others in templates/new/texts.j2; `trygg new` writes them only as comments).

Why:
  Mölndal's local agreement 2023–2026 was published with the decision reference "Beslutat
  av Kommunstyrelsen, 201Å-MM-DD § XX dnr KS XX/XX" and a signature block with a bare
  "Datum" under each party. A reader cannot tell when, or whether, it was decided and
  signed; proofreading missed it because the text looks finished at a glance.

How to fix:
  Write the real value — the date, the § number, the diary number (dnr), the name, the
  real text in place of a skeleton sentence — or remove the text. Record signing dates
  under `signatories:` with `signed:`.

Passing example:
  decision:
    body: Kommunstyrelsen
    date: 2023-04-12
    paragraph: "§ 85"
    dnr: KS 2023/112

Failing example:
  decision:
    body: Kommunstyrelsen
    paragraph: "§ XX"
    dnr: KS XX/XX
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from trygg_cli.findings import Finding, Severity, show
from trygg_cli.i18n import _, quoted
from trygg_cli.lint.base import DocContext

ID = "TRY501"
NAME = "placeholder"
SEVERITY = Severity.ERROR

_PLACEHOLDER = re.compile(
    r"(?<![\w-])(?:"
    r"(?:ÅÅÅÅ|YYYY|[0-9]{1,3}[ÅY]{1,3})(?:-MM(?:-DD)?)?"  # 201Å, ÅÅÅÅ-MM-DD
    r"|MM-DD"
    r"|X{2,}"  # § XX, KS XX/XX
    r"|TODO|TBD|FIXME"
    r")(?![\w])"
    r"|(?<!\w)[0-9]{2,4}(?:XX|-(?:XX|MM)(?:-(?:XX|DD))?)(?!\w)"  # 20XX, 2023-XX-XX, 2023-MM-DD
    r"|\[(?:namn|datum|ort|kommun|titel|befattning|name|date|x+|\.\.\.|…)\]"
    r"|\blorem ipsum\b",
    re.IGNORECASE,
)
_CASE_SENSITIVE = re.compile(r"X{2,}|TODO|TBD|FIXME|MM-DD")
# "Datum", "Ort och datum", "Datum och ort", "Datum: ______", "Datum ........" on a line
_BARE_DATE = re.compile(
    r"^[ \t]*(?:ort,? (?:och )?)?datum(?:,? (?:och )?ort)?[ \t]*:?[ \t_.…]*$",
    re.IGNORECASE | re.MULTILINE,
)


# Something every placeholder contains: a search for these over the whole file lets the
# rule skip the great majority of documents, and of texts within the rest. (Plain
# substring tests: a regular expression with a dozen alternatives is ten times slower.)
_TRIGGERS = ("XX", "MM", "TODO", "TBD", "FIXME", "YYYY", "ÅÅ", "[", "orem", "atum", "ATUM")


def _may_hold_placeholder(text: str) -> bool:
    for trigger in _TRIGGERS:
        if trigger in text:
            return True
    at = text.find("Å")  # "201Å": a digit before Å (BRÅ is everywhere, so look closer)
    while at != -1:
        if at and text[at - 1].isdigit():
            return True
        at = text.find("Å", at + 1)
    return False


def _placeholders(value: str) -> list[re.Match[str]]:
    if not _may_hold_placeholder(value):
        return []
    matches = [
        m
        for m in _PLACEHOLDER.finditer(value)
        # "xx" in running text is not a placeholder; "XX" is.
        if not _CASE_SENSITIVE.fullmatch(m.group(0).upper()) or m.group(0).isupper()
    ]
    matches.extend(_BARE_DATE.finditer(value))
    return sorted(matches, key=lambda m: m.start())


@functools.cache
def skeleton_sentences() -> tuple[str, ...]:
    """The sentences trygg's skeletons offer (templates/new/texts.j2, the one list the
    templates import too)."""
    import jinja2

    from trygg_cli.resources import templates_dir

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir())))
    env.filters["yaml"] = str
    module = env.get_template("new/texts.j2").module
    # Sorted: Jinja keeps a template's exported names in a set, whose order changes
    # from one process to the next.
    return tuple(
        sorted(
            value
            for name, value in vars(module).items()
            if not name.startswith("_") and isinstance(value, str) and value.strip()
        )
    )


@functools.cache
def _first_words() -> frozenset[str]:
    return frozenset(s.split()[0] for s in skeleton_sentences())


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _skeleton_findings(ctx: DocContext) -> Iterator[Finding]:
    sentences = skeleton_sentences()
    # Cheap tests first: a sentence's first word somewhere in the file, then the sentence
    # in the whole file on one line (a wrapped sentence is whole again there); only then
    # each text value.
    if not any(word in ctx.text for word in _first_words()):
        return
    everything = _one_line(ctx.text)
    if not any(s in everything for s in sentences):
        return
    for path, node, value in ctx.strings():
        flat = _one_line(value)
        found = [s for s in sentences if s in flat]
        if found:
            line, column = ctx.position_in(node, value, len(value) - len(value.lstrip()))
            message = _(
                "trygg's skeleton text is still here: {found}; write the real text in its place"
            ).format(found=", ".join(quoted(show(s, 100)) for s in found))
            yield ctx.finding_at(ctx.path, line, column, message, path)


def check(ctx: DocContext) -> Iterator[Finding]:
    yield from _skeleton_findings(ctx)
    if not _may_hold_placeholder(ctx.text):
        return
    for path, node, value in ctx.strings():
        by_line: dict[int, list[re.Match[str]]] = {}
        for match in _placeholders(value):
            by_line.setdefault(value.count("\n", 0, match.start()), []).append(match)
        for matches in by_line.values():
            first = matches[0]
            start = first.start() + len(first.group(0)) - len(first.group(0).lstrip())
            line, column = ctx.position_in(node, value, start)
            yield ctx.finding_at(ctx.path, line, column, _message(matches), path)


def _message(matches: list[re.Match[str]]) -> str:
    if all(_BARE_DATE.fullmatch(m.group(0)) for m in matches):
        return _(
            "a bare 'Datum' stands where a date belongs; write the date, or record the "
            "signing under 'signatories:' with 'signed:' and remove this line"
        )
    words = list(dict.fromkeys(show(m.group(0).strip(), 30) for m in matches))
    return _(
        "template placeholder left in the text: {found}; write the real value or remove it"
    ).format(found=", ".join(quoted(w) for w in words))
