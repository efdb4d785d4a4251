"""trygg's version comes from its git tags, and every release is in the changelog."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from importlib.metadata import version

from helpers import ROOT, Result

from trygg_cli.cli.commands.init import git_revision, pinned_requirement


def _git(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, text=True)


def test_version_is_the_installed_one_and_names_its_git_revision(
    cli: Callable[..., Result],
) -> None:
    installed = version("trygg")
    assert cli("--version").stdout == f"trygg {installed}\n"
    # A release (tag v0.1.0 → 0.1.0), a build between tags (0.1.1.dev3+g<commit>), a build
    # with uncommitted changes (….d<date>), or a copy without git history (0.0.0).
    assert re.fullmatch(r"\d+\.\d+\.\d+(\.dev\d+\+g[0-9a-f]+(\.d\d{8})?)?", installed), installed
    tag = _git("describe", "--tags", "--exact-match", "--match", "v*", "HEAD")
    if tag.returncode == 0 and not _git("status", "--porcelain", "--untracked-files=no").stdout:
        assert installed == tag.stdout.strip().removeprefix("v")


def test_every_release_tag_has_its_section_in_the_changelog() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## (\d+\.\d+\.\d+) – \d{4}-\d{2}-\d{2}$", changelog, re.M))
    tags = {tag.removeprefix("v") for tag in _git("tag", "--list", "v*").stdout.split()}
    assert tags <= headings, f"tags without a changelog section: {sorted(tags - headings)}"


def test_the_revision_a_version_was_built_from() -> None:
    assert git_revision("0.2.0") == "v0.2.0"
    assert git_revision("0.2.1.dev3+g1a2b3c4d") == "1a2b3c4d"
    assert git_revision("0.2.1.dev3+g1a2b3c4d.d20261202") is None  # uncommitted changes
    urls = ["Source, https://github.com/kommun/trygg"]
    assert (
        pinned_requirement("0.2.1.dev3+g1a2b3c4d", None, urls)
        == "trygg @ git+https://github.com/kommun/trygg@1a2b3c4d"
    )
    assert pinned_requirement("0.2.1.dev3+g1a2b3c4d.d20261202", None, urls) is None
