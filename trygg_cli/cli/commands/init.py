"""``trygg init``: set up a repository for the agreements."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from trygg_cli.cli import terminal
from trygg_cli.cli.params import FOLDER
from trygg_cli.cli.terminal import err, report_written
from trygg_cli.i18n import _


class CiChoice(StrEnum):
    github = "github"
    gitlab = "gitlab"


@dataclass(frozen=True)
class InitOptions:
    folder: Path
    municipality: str | None
    ci: str
    force: bool
    install: str | None = None


def command(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar=FOLDER, help=_("The repository's folder (default: the current one).")
        ),
    ] = Path("."),
    municipality: Annotated[
        str | None,
        typer.Option(
            "--municipality",
            "-m",
            metavar=_("NAME"),
            help=_(
                "Your municipality, by name or kommunkod ('Motala', 'Göteborgs Stad', "
                "'0583'), for the example agreement (asked for in a terminal)."
            ),
            show_default=False,
        ),
    ] = None,
    ci: Annotated[
        CiChoice, typer.Option("--ci", help=_("Which CI to write a workflow for."))
    ] = CiChoice.github,
    force: Annotated[
        bool, typer.Option("--force", help=_("Replace files that already exist."))
    ] = False,
    install: Annotated[
        str | None,
        typer.Option(
            "--install",
            metavar=_("SPEC"),
            help=_(
                "What CI installs with pip, for example 'trygg @ git+URL@vVERSION' (default: "
                "ci.install in .trygg.yaml, else the trygg that runs, if it came from a URL)."
            ),
            show_default=False,
        ),
    ] = None,
) -> None:
    run(InitOptions(folder, municipality, ci.value, force, install))


def run(options: InitOptions) -> None:
    """Write the repository's files, asking for the municipality in a terminal."""
    from datetime import date

    from trygg_cli import scaffold
    from trygg_cli.errors import TryggError

    municipality = options.municipality
    if municipality is None:
        if not terminal.interactive():
            raise TryggError(_("give --municipality NAME"))
        municipality = typer.prompt(_("Municipality"))
    problem = scaffold.text_problem(municipality)
    if problem is not None:
        raise TryggError(problem)
    install = scaffold.ci_install(options.folder, options.install, this_trygg())
    done = scaffold.init(
        options.folder, municipality.strip(), options.ci, options.force, date.today(), install
    )
    report_written(done)
    if install.spec is None:
        err(
            _(
                "note: the CI files do not yet say where to install trygg from (it is not on "
                "PyPI); give --install SPEC or ci.install in .trygg.yaml, then run 'trygg init "
                "--force'"
            )
        )
    _next_steps(options.folder)


def this_trygg() -> str | None:
    """The pip requirement for the trygg that runs, if it says where it came from."""
    from importlib import metadata

    try:
        dist = metadata.distribution("trygg")
    except metadata.PackageNotFoundError:
        return None
    urls = dist.metadata.get_all("Project-URL") or []
    return pinned_requirement(dist.version, dist.read_text("direct_url.json"), urls)


def pinned_requirement(version: str, direct_url: str | None, urls: list[str]) -> str | None:
    """From pip's record of where it installed trygg (PEP 610's ``direct_url.json``): the git
    commit or the archive's address; else the project's source repository at the revision
    the version names (:func:`git_revision`). None: only a folder or a file on this
    machine, which CI cannot reach."""
    import json

    origin = json.loads(direct_url) if direct_url else {}
    url = str(origin.get("url", ""))
    if url and not url.startswith("file:"):
        vcs = origin.get("vcs_info")
        if isinstance(vcs, dict) and vcs.get("vcs") == "git" and vcs.get("commit_id"):
            return f"trygg @ git+{url}@{vcs['commit_id']}"
        if "archive_info" in origin:
            return f"trygg @ {url}"
    revision = git_revision(version)
    for entry in urls:
        label, _comma, address = entry.partition(",")
        if revision and label.strip().lower() in ("source", "repository", "source code", "code"):
            return f"trygg @ git+{address.strip()}@{revision}"
    return None


def git_revision(version: str) -> str | None:
    """The git revision a version was built from: the tag ``v0.2.0`` for a release, the
    commit for a build between tags (``0.2.1.dev3+g1a2b3c4``); None when it was built
    from uncommitted changes (``….d20261202``), which no one else can fetch."""
    import re

    between = re.fullmatch(r"[0-9.]+\.dev\d+\+g([0-9a-f]{7,40})", version)
    if between:
        return between.group(1)
    return f"v{version}" if re.fullmatch(r"\d+(\.\d+)*", version) else None


def _next_steps(folder: Path) -> None:
    """The three things to do next, so that the repository is green from its first day."""
    cd = "" if folder.resolve() == Path.cwd().resolve() else f"cd {folder} && "
    steps = (
        _("{cd}git init && git add -A (a repository, with everything staged)").format(cd=cd),
        _("pre-commit install && pre-commit run --all-files (the checks before each commit)"),
        _("trygg due (what falls due; record what is done with 'trygg done REF')"),
    )
    err(_("Next:"))
    for number, step in enumerate(steps, 1):
        err(f"{number}. {step}")
