"""``trygg init`` and ``trygg new``: start a repository, or a document, from a skeleton.

The skeletons are templates in ``templates/init/`` and ``templates/new/``. Every file is
written whole (a temporary file renamed into place) and an existing file is never
replaced without ``force``. What the user types goes into YAML through
:func:`yaml_scalar`, so a name with a colon or a quote cannot break the file.
"""

from __future__ import annotations

import json
import re
import shlex
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import yaml

from trygg_cli import __version__
from trygg_cli.atomicfile import write_atomic
from trygg_cli.errors import TryggError
from trygg_cli.i18n import _
from trygg_cli.resources import schemas_dir, templates_dir

# Where `trygg new` puts each kind of document; the editor settings map these folders to
# the JSON Schemas.
FOLDERS = {
    "agreement": "overenskommelser",
    "action-plan": "atgardsplaner",
    "citizen-promise": "medborgarloften",
}
_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*\Z")
_PLAIN = re.compile(r"[A-Za-zÅÄÖÉåäöé][\w .,()–/-]*\Z")
_UNPINNED = re.compile(r"\s*trygg\s*(\[[^\]]*\])?\s*\Z", re.IGNORECASE)


def slug(text: str) -> str:
    """'Mölndal' → 'molndal', 'Upplands Väsby' → 'upplands-vasby': a usable id."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "kommun"


def genitive(name: str) -> str:
    """'Mölndal' → 'Mölndals', 'Borås' → 'Borås' (Swedish adds no s after s, x or z)."""
    return name if name[-1:].lower() in ("s", "x", "z") else name + "s"


def yaml_scalar(value: Any) -> str:
    """``value`` as a YAML scalar: plain when that is safe, else double-quoted."""
    text = str(value)
    reserved = text.lower() in ("yes", "no", "true", "false", "on", "off", "null", "~")
    if _PLAIN.match(text) and not reserved and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def is_id(value: str) -> bool:
    return bool(_ID.match(value))


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["yaml"] = yaml_scalar
    return env


def _render(name: str, context: Mapping[str, Any]) -> str:
    return _environment().get_template(name).render(context)


@dataclass
class Written:
    """What a scaffolding run did with each file."""

    created: list[Path]
    replaced: list[Path]
    kept: list[Path]


def _write_all(files: Mapping[Path, str], force: bool) -> Written:
    done = Written([], [], [])
    for path, text in files.items():
        existed = path.exists()
        if existed and not force:
            done.kept.append(path)
            continue
        write_atomic(path, text)
        (done.replaced if existed else done.created).append(path)
    return done


# ---------------------------------------------------------------- trygg init


@dataclass(frozen=True)
class Install:
    """What CI installs (None: unknown, to fill in); ``chosen``: kept in ``.trygg.yaml``."""

    spec: str | None
    chosen: bool = False


def ci_install(folder: Path, given: str | None, detected: str | None) -> Install:
    """``--install`` (``given``), else ``ci.install`` in the folder's ``.trygg.yaml``, else the
    trygg that runs (``detected``); a spec that does not pin trygg is refused."""
    config = folder / ".trygg.yaml"
    if given is None and config.is_file():
        try:
            data = yaml.safe_load(config.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            message = _("{path} cannot be read: {reason}").format(path=config, reason=error)
            raise TryggError(message) from None
        section = data.get("ci") if isinstance(data, dict) else None
        given = section.get("install") if isinstance(section, dict) else None
        if given is not None and not isinstance(given, str):
            raise TryggError(_("{path}: ci.install must be text").format(path=config))
    spec = given if given is not None else detected
    if spec is not None and (text_problem(spec) or _UNPINNED.match(spec)):
        pin = _("name where trygg comes from and its version, for example '{example}'")
        example = f"trygg @ git+https://github.com/ORG/trygg@v{__version__}"
        raise TryggError(f"'{spec.strip()}': " + pin.format(example=example))
    return Install(spec.strip() if spec else None, given is not None)


def init_files(
    folder: Path, municipality: str, ci: str, today: date, install: Install
) -> dict[Path, str]:
    """Every file ``trygg init`` writes, by path, with its content."""
    town = slug(municipality)
    context = {
        "municipality": municipality,
        "genitive": genitive(municipality),
        "slug": town,
        "year": today.year,
        "scope": "local",
        "id": f"{town}-lokal-{today.year}",
        "title": f"Lokal samverkansöverenskommelse mellan {municipality} och Polisen",
        "install": f"python -m pip install {shlex.quote(install.spec)}" if install.spec else None,
        "ci_install": install.spec if install.chosen else None,
        "version": __version__,
    }
    files = {
        folder / ".trygg.yaml": _render("init/trygg.yaml.j2", context),
        folder / FOLDERS["agreement"] / f"{context['id']}.yaml": _render(
            "new/agreement.yaml.j2", context
        ),
        folder / ".pre-commit-config.yaml": _render("init/pre-commit-config.yaml.j2", context),
        folder / ".vscode" / "settings.json": _render("init/vscode-settings.json.j2", context),
        folder / ".vscode" / "extensions.json": _render("init/extensions.json.j2", context),
    }
    if ci == "gitlab":
        files[folder / ".gitlab-ci.yml"] = _render("init/gitlab-ci.yml.j2", context)
    else:
        workflows = folder / ".github" / "workflows"
        files[workflows / "trygg.yml"] = _render("init/github-trygg.yml.j2", context)
        files[workflows / "trygg-due.yml"] = _render("init/github-due.yml.j2", context)
    for schema in sorted(schemas_dir().glob("*.schema.json")):
        files[folder / "schemas" / schema.name] = schema.read_text(encoding="utf-8")
    return files


def init(
    folder: Path, municipality: str, ci: str, force: bool, today: date, install: Install
) -> Written:
    if folder.exists() and not folder.is_dir():
        raise TryggError(_("{path} is a file, not a folder").format(path=folder))
    return _write_all(init_files(folder, municipality, ci, today, install), force)


# ---------------------------------------------------------------- trygg new


@dataclass(frozen=True)
class Known:
    """What the workspace already holds: document ids, and each agreement's details."""

    ids: frozenset[str]
    agreements: Mapping[str, Any]  # id → Agreement


def known_documents(folder: Path) -> Known:
    """The documents under ``folder`` (for fresh ids and for linking to an agreement)."""
    from trygg_cli.check import KEEP_DOCUMENT
    from trygg_cli.model.documents import Agreement
    from trygg_cli.workspace import load_paths

    workspace = load_paths([str(folder)], passes=(KEEP_DOCUMENT,), cache=True)
    ids = frozenset(r.index.doc_id for r in workspace.results if r.index is not None)
    agreements = {
        doc_id: doc for doc_id, doc in workspace.documents.items() if isinstance(doc, Agreement)
    }
    return Known(ids, agreements)


def fresh_id(base: str, taken: frozenset[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … whichever is not taken."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


@dataclass
class NewDocument:
    """The answers `trygg new` needs; missing ones are asked for or derived."""

    kind: str
    municipality: str | None = None
    agreement: str | None = None
    doc_id: str | None = None
    title: str | None = None
    scope: str = "local"


Ask = Callable[[str, str | None, Callable[[str], str | None]], str]


class _Asking:
    """Answers for what is missing: asked for (``ask``), else defaults; each checked."""

    def __init__(self, ask: Ask | None) -> None:
        self.ask = ask

    def need(
        self, prompt: str, default: str | None, check: Callable[[str], str | None], option: str
    ) -> str:
        if self.ask is not None:
            return self.ask(prompt, default, check)
        if default is None:
            raise TryggError(_("give {option}").format(option=option))
        return default

    @staticmethod
    def given(value: str, check: Callable[[str], str | None]) -> str:
        problem = check(value)
        if problem is not None:
            raise TryggError(problem)
        return value

    def either(
        self,
        value: str | None,
        prompt: str,
        default: str | None,
        check: Callable[[str], str | None],
        option: str,
    ) -> str:
        """``value`` checked when given, else :meth:`need`."""
        return self.given(value, check) if value else self.need(prompt, default, check, option)


def complete(answers: NewDocument, known: Known, today: date, ask: Ask | None) -> dict[str, Any]:
    """Fill in what is missing — by asking (``ask``) or from defaults — and check it; the
    template's context. Without ``ask`` a missing required answer is an error."""
    asking = _Asking(ask)
    agreement = None
    if answers.kind == "action-plan" or (answers.kind == "citizen-promise" and answers.agreement):
        default = next(iter(known.agreements), None) if ask is not None else None
        agreement_id = asking.either(
            answers.agreement,
            _("Agreement (id)"),
            default,
            _agreement_check(known),
            "--agreement ID",
        )
        agreement = known.agreements[agreement_id]
    for text in (answers.municipality, answers.title):
        if text is not None:
            asking.given(text, text_problem)
    municipality = answers.municipality or (agreement.municipality if agreement else None)
    if municipality is None:
        municipality = asking.need(_("Municipality"), None, text_problem, "--municipality NAME")
    year = today.year
    fresh = fresh_id(_id_base(answers, municipality, year), known.ids)
    doc_id = asking.either(answers.doc_id, _("Id"), fresh, _id_check(known), "--id ID")
    title = answers.title or asking.need(
        _("Title"), _default_title(answers, municipality, year), text_problem, "--title TEXT"
    )
    parties = _parties(municipality, agreement)
    return {
        "id": doc_id,
        "title": title,
        "municipality": municipality,
        "genitive": genitive(municipality),
        "slug": slug(municipality),
        "scope": answers.scope,
        "year": year,
        "agreement": agreement.id if agreement else None,
        "party": parties[0]["id"],
        "body": agreement.bodies[0].id if agreement and agreement.bodies else None,
        "priority": agreement.priorities[0].id if agreement and agreement.priorities else None,
        "parties": parties,
    }


def _id_base(answers: NewDocument, municipality: str, year: int) -> str:
    town = slug(municipality)
    return {
        "agreement": f"{town}-{'central' if answers.scope == 'central' else 'lokal'}-{year}",
        "action-plan": f"{town}-atgardsplan-{year}",
        "citizen-promise": f"{town}-medborgarlofte-{year}",
    }[answers.kind]


def _default_title(answers: NewDocument, municipality: str, year: int) -> str:
    return {
        "agreement": (
            f"{'Central' if answers.scope == 'central' else 'Lokal'} samverkansöverenskommelse "
            f"mellan {municipality} och Polisen"
        ),
        "action-plan": f"Åtgärdsplan {municipality} {year}",
        "citizen-promise": f"Medborgarlöfte {municipality} {year}–{year + 1}",
    }[answers.kind]


def _parties(municipality: str, agreement: Any) -> list[dict[str, str]]:
    if agreement is not None:
        return [{"id": p.id, "name": p.name, "type": p.type} for p in agreement.parties]
    town = slug(municipality)
    return [
        {"id": town, "name": f"{genitive(municipality)} kommun", "type": "kommun"},
        {
            "id": f"lpo-{town}",
            "name": f"Lokalpolisområde {municipality}",
            "type": "lokalpolisområde",
        },
    ]


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be a name or title, or None."""
    if not value.strip():
        return _("write something here")
    if any(unicodedata.category(c).startswith("C") for c in value):
        return _("write it on one line, without control characters")
    return None


def _id_check(known: Known) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if not is_id(value):
            return _(
                "'{value}' is not a usable id; use lowercase a–z, digits and '-', for example "
                "'molndal-lokal-2026'"
            ).format(value=value)
        if value in known.ids:
            return _("the id '{value}' is already used; choose another").format(value=value)
        return None

    return check


def _agreement_check(known: Known) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if value in known.agreements:
            return None
        if not known.agreements:
            return _(
                "there is no agreement in this folder; create one first with 'trygg new agreement'"
            )
        return _("there is no agreement '{value}' here; choose one of: {ids}").format(
            value=value, ids=", ".join(sorted(known.agreements))
        )

    return check


def new_document(context: Mapping[str, Any], kind: str, output: Path, force: bool) -> Written:
    """Write the skeleton of ``kind``; it is checked before it is written."""
    from trygg_cli.check import check_source

    text = _render(f"new/{kind}.yaml.j2", context)
    result = check_source(str(output), text.encode("utf-8"), passes=())
    if result.findings:  # a template or an answer that makes an invalid file: trygg's fault
        first = result.findings[0]
        raise TryggError(
            _("the new document would not be valid ({message}); please report this").format(
                message=first.message
            )
        )
    if output.exists() and not force:
        raise TryggError(
            _(
                "{path} already exists; choose another name with -o, or replace it with --force"
            ).format(path=output)
        )
    return _write_all({output: text}, force)
