"""``trygg init``: a repository's files, with CI that installs the trygg that made them."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from trygg_cli import __version__
from trygg_cli.errors import TryggError
from trygg_cli.i18n import _, quoted
from trygg_cli.resources import schemas_dir
from trygg_cli.scaffold.answers import Place, municipality_problem, parties, place, text_problem
from trygg_cli.scaffold.files import FOLDERS, Written, render, slug, write_all

_UNPINNED = re.compile(r"\s*trygg\s*(\[[^\]]*\])?\s*\Z", re.IGNORECASE)


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
        pin = _("{spec}: name where trygg comes from and its tag or commit, for example {example}")
        example = quoted("trygg @ git+https://github.com/ORG/trygg@v1.0.0")
        raise TryggError(pin.format(spec=quoted(spec.strip()), example=example))
    return Install(spec.strip() if spec else None, given is not None)


def first_year(today: date) -> int:
    """The year the example documents start: this one, or the next in December, when
    this year's follow-up "at the end of the year" would fall due within days — and be
    overdue in the weekly due job before anyone could have written it."""
    return today.year + 1 if today.month == 12 else today.year


def init_files(
    folder: Path, municipality: str, ci: str, today: date, install: Install
) -> dict[Path, str]:
    """Every file ``trygg init`` writes, by path, with its content. ``municipality`` is any
    name of one of Sweden's municipalities or its kommunkod; a name near one but not one is
    refused, one far from all of them is taken as given (see :func:`place`)."""
    problem = municipality_problem(municipality)
    if problem is not None:
        raise TryggError(problem)
    ours = place(municipality)
    town = slug(ours.name)
    context = {
        "slug": town,
        "install": f"python -m pip install {shlex.quote(install.spec)}" if install.spec else None,
        "ci_install": install.spec if install.chosen else None,
        "version": __version__,
    }
    files = {
        folder / ".trygg.yaml": render("init/trygg.yaml.j2", context),
        **_documents(folder, ours, town, first_year(today)),
        folder / ".pre-commit-config.yaml": render("init/pre-commit-config.yaml.j2", context),
        folder / ".vscode" / "settings.json": render("init/vscode-settings.json.j2", context),
        folder / ".vscode" / "extensions.json": render("init/extensions.json.j2", context),
    }
    if ci == "gitlab":
        files[folder / ".gitlab-ci.yml"] = render("init/gitlab-ci.yml.j2", context)
    else:
        workflows = folder / ".github" / "workflows"
        files[workflows / "trygg.yml"] = render("init/github-trygg.yml.j2", context)
        files[workflows / "trygg-due.yml"] = render("init/github-due.yml.j2", context)
    for schema in sorted(schemas_dir().glob("*.schema.json")):
        files[folder / "schemas" / schema.name] = schema.read_text(encoding="utf-8")
    return files


def _documents(folder: Path, ours: Place, town: str, year: int) -> dict[Path, str]:
    """The local agreement to start from, and the action plan it links to: the plan lag
    (2023:196) asks of the municipality, where the agreement's work is documented."""
    agreement_id, plan_id = f"{town}-lokal-{year}", f"{town}-atgardsplan-{year}"
    both = {
        "municipality": ours.name,
        "known_municipality": ours.known is not None,
        "parties": parties(town, ours.party, f"Lokalpolisområde {ours.name}"),
        "validity": {"from": f"{year}-01-01", "until": f"{year + 3}-12-31"},
    }
    agreement = {
        **both,
        "id": agreement_id,
        "title": f"Lokal samverkansöverenskommelse mellan {ours.party} och Polisen",
        "scope": "local",
        "action_plan": plan_id,
    }
    plan = {
        **both,
        "id": plan_id,
        "title": f"Åtgärdsplan {ours.name} {year}–{year + 3}",
        "agreement": agreement_id,
        "body": "styrgrupp",
        "priority": None,
        "party": town,
    }
    return {
        folder / FOLDERS["agreement"] / f"{agreement_id}.yaml": render(
            "new/agreement.yaml.j2", agreement
        ),
        folder / FOLDERS["action-plan"] / f"{plan_id}.yaml": render(
            "new/action-plan.yaml.j2", plan
        ),
    }


def init(
    folder: Path, municipality: str, ci: str, force: bool, today: date, install: Install
) -> Written:
    if folder.exists() and not folder.is_dir():
        raise TryggError(_("{path} is a file, not a folder").format(path=folder))
    return write_all(init_files(folder, municipality, ci, today, install), force)


# ---------------------------------------------------------------- trygg new
