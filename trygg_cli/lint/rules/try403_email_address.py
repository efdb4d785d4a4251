"""An e-mail address outside the parties' own domains.

What:
  An e-mail address in a document's text whose domain is not one of the organisations'
  own: polisen.se, the municipality's domain derived from `municipality:` ("Mölndal" →
  molndal.se, "Upplands Väsby" → upplandsvasby.se or upplands-vasby.se), their
  subdomains, and the domains listed under the `email_domains` option. An action plan
  has no `municipality:`; it uses its agreement's. Personal addresses — gmail.com,
  hotmail.com, outlook.com, a home provider — are what this rule is for.

Why:
  Agreements, action plans and citizen promises are published on the municipality's
  website. A private e-mail address is personal data under the GDPR, reaches one person
  rather than the function, and stops working when that person leaves; messages sent to
  it are outside the organisation's records (registratur) and its rules on public
  documents. trygg's own messages mask the name before the '@', as reports may
  be published or logged too.

How to fix:
  Give a functional address at the organisation (brottsforebyggande@molndal.se) or refer
  to the role. If the domain is the organisation's own — a municipal company, a
  stadsdelsförvaltning with its own domain — list it in `.trygg.yaml`:

    lint:
      options:
        email_domains: [molndalsbostader.se]

Passing example:
  municipality: Mölndal
  responsible: Brottsförebyggande samordnare, trygghet@molndal.se

Failing example:
  municipality: Mölndal
  responsible: Brottsförebyggande samordnare, anna.svensson72@gmail.com
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from trygg_cli.findings import Finding, Severity, YamlPath, show
from trygg_cli.i18n import N_, _
from trygg_cli.lint.base import Collected, DocContext, WorkspaceContext, texts
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise

ID = "TRY403"
NAME = "email-address"
SEVERITY = Severity.WARNING
OPTIONS = {
    "email_domains": N_(
        "the organisations' own e-mail domains besides polisen.se and the municipality's "
        "(TRY403), e.g. [molndalsbostader.se]"
    ),
}
OPTION_CHECKS = {"email_domains": texts}

ALWAYS_ALLOWED = ("polisen.se",)

_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
EMAIL = re.compile(
    rf"(?<![\w.%+-])(?P<local>[\w.%+-]+)@(?P<domain>(?:{_LABEL}\.)+[^\W\d_]{{2,}})(?![\w-])"
)
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u"})
_SUFFIX = re.compile(r"\s+(?:kommun|stad|municipality)$", re.IGNORECASE)


def fold(text: str) -> str:
    """Lowercase with Swedish letters as in domain names: 'Mölndal' → 'molndal'."""
    return text.strip().lower().translate(_FOLD)


def municipality_domains(municipality: str) -> frozenset[str]:
    """The domains a municipality's name gives: 'Upplands Väsby' → upplandsvasby.se, …

    'kommun' or 'stad' after the name is dropped, with the genitive s before it
    ('Göteborgs Stad' → goteborg.se and goteborgs.se).
    """
    name = fold(municipality)
    names = {name}
    bare = _SUFFIX.sub("", name)
    if bare != name:
        names.add(bare)
        if bare.endswith("s"):
            names.add(bare[:-1])
    domains = set()
    for each in names:
        words = re.findall(r"[a-z0-9]+", each)
        if words:
            domains.add("".join(words) + ".se")
            domains.add("-".join(words) + ".se")
    return frozenset(domains)


def configured_domains(configured: Any) -> frozenset[str]:
    """The ``email_domains`` option as lowercase domains, however it was written."""
    if isinstance(configured, str):
        configured = [configured]
    if not isinstance(configured, (list, tuple, set, frozenset)):
        return frozenset()
    return frozenset(fold(str(item)).lstrip("@.") for item in configured if str(item).strip())


def is_allowed(domain: str, allowed: Collection[str]) -> bool:
    """Whether ``domain`` is one of ``allowed`` or a subdomain of one."""
    domain = fold(domain)
    return any(domain == own or domain.endswith("." + own) for own in allowed)


def find(value: str, allowed: Collection[str]) -> Iterator[re.Match[str]]:
    """Every e-mail address in ``value`` whose domain is not in ``allowed``."""
    if "@" not in value:
        return
    for match in EMAIL.finditer(value):
        if not is_allowed(match.group("domain"), allowed):
            yield match


def mask(match: re.Match[str]) -> str:
    """The address with the name before '@' hidden: 'anna.svensson@gmail.com' → 'a***@gmail.com'."""
    return f"{match.group('local')[0]}***@{match.group('domain')}"


@dataclass(frozen=True)
class _Hit:
    domain: str
    masked: str
    line: int
    column: int
    yaml_path: YamlPath


@dataclass
class _Facts:
    municipality: str | None
    agreement: str | None
    hits: list[_Hit] = field(default_factory=list)


def collect(ctx: DocContext) -> _Facts:
    doc = ctx.document
    municipality = doc.municipality if isinstance(doc, (Agreement, CitizenPromise)) else None
    agreement = doc.agreement if isinstance(doc, ActionPlan) else None
    facts = _Facts(municipality, agreement)
    if "@" not in ctx.text:
        return facts
    allowed = (*ALWAYS_ALLOWED, *configured_domains(ctx.option("email_domains", [])))
    if municipality is not None:
        allowed = (*allowed, *municipality_domains(municipality))
    for path, node, value in ctx.strings():
        for match in find(value, allowed):
            line, column = ctx.position_in(node, value, match.start())
            facts.hits.append(_Hit(match.group("domain"), mask(match), line, column, path))
    return facts


def check_workspace(collected: Sequence[Collected], ctx: WorkspaceContext) -> Iterator[Finding]:
    municipalities = {
        item.doc_id: item.facts.municipality
        for item in collected
        if item.kind == "agreement" and item.facts.municipality is not None
    }
    for item in collected:
        facts: _Facts = item.facts
        hits: Iterable[_Hit] = facts.hits
        unknown = None
        if facts.municipality is None and facts.agreement is not None:
            municipality = municipalities.get(facts.agreement)
            if municipality is None:
                unknown = facts.agreement
            else:
                own = municipality_domains(municipality)
                hits = [hit for hit in hits if not is_allowed(hit.domain, own)]
        for hit in hits:
            yield ctx.finding_at(
                item.path, hit.line, hit.column, _message(hit, unknown), hit.yaml_path
            )


def _message(hit: _Hit, unknown_agreement: str | None) -> str:
    if unknown_agreement is None:
        text = _(
            "an e-mail address {address} is in the text, and '{domain}' is not the "
            "municipality's or the police's domain; a personal address should not be in a "
            "published document, so give a functional address at the organisation or the "
            "role (or list the domain under 'email_domains' if it is the organisation's own)"
        )
    else:
        text = _(
            "an e-mail address {address} is in the text, and '{domain}' is not the police's "
            "domain; the municipality's is not known, as the agreement '{agreement}' is not "
            "among the files checked; a personal address should not be in a published "
            "document, so give a functional address at the organisation or the role (or "
            "list the domain under 'email_domains' if it is the organisation's own)"
        )
    return text.format(
        address=show(hit.masked), domain=show(hit.domain), agreement=unknown_agreement
    )
