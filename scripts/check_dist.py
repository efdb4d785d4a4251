"""Build trygg's sdist and wheel as a release would, and check what a user would get.

    python scripts/check_dist.py          # what .ci/run runs

The wheel is built from the sdist (``python -m build``), so a file missing from the sdist
shows up as a broken wheel. Both must carry the same version, taken from the git tag; the
wheel must hold the schemas, templates and compiled Swedish catalogue; and the installed
wheel, not this checkout, must answer ``--version`` and check ``examples/`` clean.
Prints one line per check; exits 1 on the first that fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IN_WHEEL = (
    "trygg_cli/__main__.py",
    "trygg_cli/schemas/agreement.schema.json",
    "trygg_cli/templates/agreement.html.j2",
    "trygg_cli/templates/init/github-trygg.yml.j2",
    "trygg_cli/templates/new/texts.j2",
    "trygg_cli/locale/sv/LC_MESSAGES/trygg.mo",
    "trygg_cli/cli/help_pages.json",
)
IN_SDIST = ("pyproject.toml", "README.md", "CHANGELOG.md", "examples/", "tests/", "schemas/")


def fail(message: str) -> None:
    print(f"check_dist: {message}", file=sys.stderr)
    sys.exit(1)


def build(out: Path) -> tuple[Path, Path]:
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        fail(f"the build failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    sdists, wheels = list(out.glob("trygg-*.tar.gz")), list(out.glob("trygg-*.whl"))
    if len(sdists) != 1 or len(wheels) != 1:
        fail(f"expected one sdist and one wheel, got {sorted(p.name for p in out.iterdir())}")
    return sdists[0], wheels[0]


def check_versions(sdist: Path, wheel: Path) -> str:
    from_sdist = sdist.name.removeprefix("trygg-").removesuffix(".tar.gz")
    from_wheel = wheel.name.split("-")[1]
    if from_sdist != from_wheel:
        fail(f"the sdist is {from_sdist} but the wheel {from_wheel}")
    in_git = (ROOT / ".git").exists()
    if in_git and from_wheel == "0.0.0":
        fail("the version fell back to 0.0.0 inside a git checkout: is hatch-vcs installed?")
    print(f"version {from_wheel} in both")
    return from_wheel


def check_contents(sdist: Path, wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in IN_WHEEL if name not in names]
    if missing:
        fail(f"the wheel lacks {missing}")
    with tarfile.open(sdist) as archive:
        inside = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    missing = [want for want in IN_SDIST if not any(n.startswith(want) for n in inside)]
    if missing:
        fail(f"the sdist lacks {missing}")
    print(f"wheel has {len(names)} files, sdist {len(inside)}; the required ones are there")


def check_installed(wheel: Path, version: str, target: Path) -> None:
    pip = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target)]
    done = subprocess.run([*pip, str(wheel)], capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"pip could not install the wheel: {done.stderr[-1000:]}")
    env = {**os.environ, "PYTHONPATH": str(target), "TRYGG_LANG": "en"}
    env.pop("TRYGG_CACHE_DIR", None)

    def trygg(*arguments: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "trygg_cli", *arguments, "--no-cache"]
        if arguments == ("--version",):
            command = command[:-1]
        return subprocess.run(command, capture_output=True, text=True, env=env, cwd=target.parent)

    where = subprocess.run(
        [sys.executable, "-c", "import trygg_cli; print(trygg_cli.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=target.parent,  # not the checkout: Python puts the working folder first on the path
    ).stdout.strip()
    if not where.startswith(str(target)):
        fail(f"the installed wheel was not the trygg that ran ({where})")
    if trygg("--version").stdout != f"trygg {version}\n":
        fail(f"the installed wheel says {trygg('--version').stdout!r}, not {version}")
    for command in ("validate", "lint"):
        done = trygg(command, str(ROOT / "examples"))
        if done.returncode != 0:
            fail(f"the installed wheel's {command} of examples/ failed:\n{done.stdout}")
    print(f"the installed wheel says 'trygg {version}' and validates and lints examples/")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="trygg-dist-") as temporary:
        out = Path(temporary)
        sdist, wheel = build(out / "dist")
        version = check_versions(sdist, wheel)
        check_contents(sdist, wheel)
        check_installed(wheel, version, out / "site")


if __name__ == "__main__":
    main()
