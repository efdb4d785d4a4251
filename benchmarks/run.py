"""Measure trygg against the targets of the foundation issue, in one run.

    python benchmarks/run.py                 # generates benchmarks/corpus first if missing
    python benchmarks/run.py --repeat 5      # more runs per measurement
    python benchmarks/run.py --scale 0.25,1,4,16   # how the cost grows (benchmarks/scale.py)

Prints, for the seeded national corpus (benchmarks/generate_corpus.py):

- ``trygg validate --no-cache`` in a new process each time (trygg reuses nothing; the
  files themselves are in the operating system's page cache after the first run), with
  the default worker count and with ``--jobs 1``;
- the peak resident memory of that run, summed over trygg and its worker processes;
- ``trygg lint`` on the same corpus, and its ratio to validate;
- ``trygg due`` on the same corpus (target ≤ 2 s), cold (``--no-cache``) and warm (the
  repository's .trygg-cache filled by an earlier run on the unchanged corpus);
- ``trygg validate`` warm, and its first run that fills the cache (the cache's targets:
  ≤ 0.5 s warm, first run no slower than ``--no-cache``);
- ``trygg diff HEAD~1 HEAD`` on a git repository of the corpus in which every tenth
  document changed (target ≤ 3 s);
- ``trygg render --site`` of the whole corpus into a new folder (target ≤ 6 s);
- ``trygg --help`` and a bare ``python -c pass`` (the floor any Python command pays);
- check-jsonschema and yamllint on the same files, when they are installed, with ratios;
- whether every error listed in MANIFEST.json was found, with the right rule, and no
  finding was reported for a file that has no injected error.

The figures are medians of ``--repeat`` runs (best in brackets). Targets: validate ≤ 5 s
on 2 cores, ``trygg --help`` ≤ 100 ms, peak memory ≤ 300 MB, ``trygg lint`` ≤ 1.5× validate.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMAS = HERE.parent / "schemas"
TARGET_VALIDATE_S = 5.0
TARGET_HELP_S = 0.100
TARGET_MEMORY_MB = 300.0
TARGET_LINT_RATIO = 1.5
TARGET_DUE_S = 2.0
TARGET_WARM_S = 0.5
TARGET_DIFF_S = 3.0
TARGET_SITE_S = 6.0  # issue 18 (was 15 s)
DIFF_SHARE = 10  # every tenth document changes between the two revisions


@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    stdout: bytes


def _tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    total, stack, seen = 0, [root], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as children:
                    stack.extend(int(child) for child in children.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run(command: Sequence[str], *, sample_memory: bool = False) -> Run:
    """Run a command to completion; time it and, if asked, sample its tree's memory."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    peak_kb = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_kb
        while not stop.is_set():
            peak_kb = max(peak_kb, _tree_rss_kb(process.pid))
            stop.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    if sample_memory and sys.platform == "linux":
        sampler.start()
    stdout, _ = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    if sampler.is_alive():
        sampler.join()
    return Run(seconds, peak_kb / 1024, process.returncode, stdout)


def run_in(command: Sequence[str], folder: Path) -> Run:
    """:func:`run` in another working folder."""
    previous = Path.cwd()
    os.chdir(folder)
    try:
        return run(command)
    finally:
        os.chdir(previous)


def repeated(command: Sequence[str], repeat: int) -> list[Run]:
    return [run(command) for _ in range(repeat)]


def peak_memory(command: Sequence[str]) -> float:
    """Peak memory in MB of one more run. Timed runs are not sampled: the sampler reads
    /proc every 10 ms and takes CPU time from the command it measures."""
    return run(command, sample_memory=True).peak_mb


def median(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def best(runs: list[Run]) -> float:
    return min(r.seconds for r in runs)


def seconds_text(runs: list[Run]) -> str:
    m, b = median(runs), best(runs)
    if m < 1:
        return f"{m * 1000:7.0f} ms  (best {b * 1000:.0f} ms)"
    return f"{m:7.2f} s   (best {b:.2f} s)"


def verdict(value: float, target: float) -> str:
    if value <= target:
        return "PASS"
    return f"MISS by {(value / target - 1) * 100:.0f} %"


def row(label: str, *values: str) -> None:
    print(f"{label:<42}" + "  ".join(values))


def rate(megabytes: float, runs: list[Run]) -> str:
    return f"{megabytes / median(runs):5.1f} MB/s"


def compare_others(files: list[Path], repeat: int) -> list[tuple[str, float]]:
    """check-jsonschema and yamllint on the same files, if installed beside this Python."""
    here = str(Path(sys.executable).parent)
    others: list[tuple[str, float]] = []
    if repeat <= 0:
        return others
    checker = shutil.which("check-jsonschema", path=here) or shutil.which("check-jsonschema")
    if checker:
        # check-jsonschema takes one schema per run, so one run per kind; the times add up.
        by_kind: dict[str, list[str]] = {}
        for path in files:
            head = path.read_text("utf-8", errors="replace")[:400]
            kind = next(
                (k for k in ("action-plan", "citizen-promise") if f"kind: {k}" in head),
                "agreement",
            )
            by_kind.setdefault(kind, []).append(str(path))
        totals = []
        for _ in range(repeat):
            totals.append(
                sum(
                    run(
                        [checker, "--schemafile", str(SCHEMAS / f"{kind}.schema.json"), *paths]
                    ).seconds
                    for kind, paths in by_kind.items()
                )
            )
        others.append(("check-jsonschema (one run per kind)", statistics.median(totals)))
    linter = shutil.which("yamllint", path=here) or shutil.which("yamllint")
    if linter:
        config = "{extends: relaxed, rules: {line-length: disable}}"
        runs = repeated([linter, "-f", "parsable", "-d", config, *map(str, files)], repeat)
        others.append(("yamllint (relaxed rules)", median(runs)))
    return others


def check_manifest(corpus: Path, stdout: bytes) -> list[str]:
    """Compare trygg's JSON findings with the errors the generator injected."""
    expected: dict[str, str] = json.loads((corpus / "MANIFEST.json").read_text("utf-8"))
    report = json.loads(stdout)
    found: dict[str, set[str]] = {}
    for finding in report["findings"]:
        relative = Path(finding["path"]).resolve().relative_to(corpus.resolve()).as_posix()
        found.setdefault(relative, set()).add(finding["rule"])
    problems = [
        f"missed: {path} should have [{rule}], found {sorted(found.get(path, set())) or 'nothing'}"
        for path, rule in sorted(expected.items())
        if rule not in found.get(path, set())
    ]
    problems += [
        f"unexpected: {path} has {sorted(rules)} but no error was injected"
        for path, rules in sorted(found.items())
        if path not in expected
    ]
    return problems


def diff_repository(corpus: Path) -> Path:
    """A temporary git repository with the corpus in two commits; in the second every
    tenth document (sorted by path) has a new title and, for agreements, a longer
    validity."""

    root = Path(tempfile.mkdtemp(prefix="trygg-diff-bench-"))
    shutil.copytree(corpus, root / "corpus", ignore=shutil.ignore_patterns("MANIFEST.json"))

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", *args],
            cwd=root,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "before")
    files = sorted(p for p in (root / "corpus").rglob("*.yaml") if ".github" not in p.parts)
    for path in files[::DIFF_SHARE]:
        text = path.read_text(encoding="utf-8")
        text = text.replace("\ntitle: ", "\ntitle: Reviderad ", 1)
        text = text.replace("  until: 2026-12-31\n", "  until: 2027-12-31\n", 1)
        path.write_text(text, encoding="utf-8")
    git("commit", "-q", "-am", "after")
    return root


def clear_cache(corpus: Path) -> None:
    """Remove the .trygg-cache of the repository holding ``corpus`` (the next run is cold)."""
    for folder in (corpus.resolve(), *corpus.resolve().parents):
        if (folder / ".git").exists():
            shutil.rmtree(folder / ".trygg-cache", ignore_errors=True)
            return


def corpus_and_trygg(corpus: Path) -> str | None:
    """Generate the corpus if it is missing; the trygg beside this Python (None, said on
    stderr, when it is not installed)."""
    if not (corpus / "MANIFEST.json").is_file():
        print(f"generating the corpus in {corpus} …", flush=True)
        subprocess.run(
            [sys.executable, str(HERE / "generate_corpus.py"), "--out", str(corpus)], check=True
        )
    trygg = shutil.which("trygg", path=str(Path(sys.executable).parent)) or shutil.which("trygg")
    if trygg is None:
        print("trygg is not installed in this environment; run: pip install -e .", file=sys.stderr)
    return trygg


def main(argv: list[str] | None = None) -> int:
    # trygg runs as installed: with Python's bytecode cache. Without it (a developer's
    # PYTHONDONTWRITEBYTECODE) every run would compile trygg's modules again.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument(
        "--pairs", type=int, default=20, help="pairs for the first run with cache (median)"
    )
    parser.add_argument("--help-repeat", type=int, default=15, help="runs for the --help timing")
    parser.add_argument(
        "--others-repeat",
        type=int,
        default=1,
        help="runs of check-jsonschema and yamllint (a minute or more each; 0 skips them)",
    )
    parser.add_argument(
        "--scale",
        help="corpus sizes, say 0.25,1,4,16: the growth table of issue 22 instead (scale.py)",
    )
    args = parser.parse_args(argv)
    if args.scale:
        return _scale_table(args.scale, args.repeat if "--repeat" in (argv or sys.argv) else 1)

    corpus: Path = args.corpus
    trygg = corpus_and_trygg(corpus)
    if trygg is None:
        return 2
    files = sorted(p for p in corpus.rglob("*.yaml") if ".github" not in p.parts)
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"corpus: {len(files)} files, {megabytes:.1f} MB in {corpus}")
    print(f"machine: {cores} cores available, Python {sys.version.split()[0]}, {sys.platform}")
    print()

    validate = [trygg, "validate", "--no-cache", "--format", "json", str(corpus)]
    # validate and lint alternate, so that the machine's drift (shared cores are often
    # ±30 % from one minute to the next) hits both alike; the ratio is the median of the
    # ratios of each pair.
    lint_command = [
        trygg,
        "lint",
        "--no-cache",
        "--format",
        "json",
        "--today",
        "2026-11-25",
        str(corpus),
    ]
    parallel, linted = [], []
    for _ in range(args.repeat):
        parallel.append(run(validate))
        linted.append(run(lint_command))
    serial = repeated([*validate, "--jobs", "1"], args.repeat)
    due_command = [trygg, "due", "--format", "json", "--as-of", "2026-11-25", str(corpus)]
    due_runs = repeated([*due_command, "--no-cache"], args.repeat)
    cached = [trygg, "validate", "--format", "json", str(corpus)]
    # The first run's extra work is a few per cent at most, less than the machine's drift
    # between two runs, so it takes more pairs than the other figures, each pair run in
    # turn first-then-plain and plain-then-first.
    first_ratios = []
    for number in range(max(args.repeat, args.pairs)):
        if number % 2:
            plain = run(validate)
            clear_cache(corpus)
            first = run(cached)
        else:
            clear_cache(corpus)
            first = run(cached)
            plain = run(validate)
        first_ratios.append(first.seconds / plain.seconds)
    first_ratio = statistics.median(first_ratios)
    quartiles = statistics.quantiles(first_ratios, n=4)
    run(due_command)  # fills due's pack
    warm_runs = repeated(cached, args.repeat)
    due_warm = repeated(due_command, args.repeat)
    if warm_runs[0].stdout != parallel[0].stdout or due_warm[0].stdout != due_runs[0].stdout:
        print("warning: a run from the cache printed something else than a run without it")
    help_runs = repeated([trygg, "--help"], args.help_repeat)
    bare = repeated([sys.executable, "-c", "pass"], args.help_repeat)
    peak = max(peak_memory(validate), peak_memory([*validate, "--jobs", "1"]))  # the target
    lint_peak = peak_memory(lint_command)
    due_peak = max(peak_memory([*due_command, "--no-cache"]), peak_memory(due_command))
    lint_ratio = statistics.median(
        lint.seconds / plain.seconds for lint, plain in zip(linted, parallel, strict=True)
    )

    row("trygg validate (default jobs)", seconds_text(parallel), rate(megabytes, parallel))
    row("trygg validate --jobs 1", seconds_text(serial), rate(megabytes, serial))
    row("trygg lint (default jobs)", seconds_text(linted), f"{lint_ratio:.2f}× validate (paired)")
    row("trygg due --no-cache (cold)", seconds_text(due_runs))
    row("trygg due (warm cache)", seconds_text(due_warm))
    row(
        "trygg validate, first run with cache",
        f"{first_ratio:.3f}× --no-cache",
        f"(median of {len(first_ratios)} pairs, middle half {quartiles[0]:.3f}–{quartiles[2]:.3f})",
    )
    row("trygg validate (warm cache)", seconds_text(warm_runs))
    diff_root = diff_repository(corpus)
    diff_command = [trygg, "diff", "HEAD~1", "HEAD", "--format", "json"]
    diff_runs = [run_in(diff_command, diff_root) for _ in range(args.repeat)]
    changed = json.loads(diff_runs[0].stdout)["summary"]
    shutil.rmtree(diff_root, ignore_errors=True)
    row(
        f"trygg diff, 1 in {DIFF_SHARE} documents changed",
        seconds_text(diff_runs),
        f"{changed['changed']} changed, {changed['unreadable']} unreadable",
    )
    site_runs, pages = [], 0
    for _ in range(args.repeat):
        site = Path(tempfile.mkdtemp(prefix="trygg-site-bench-"))
        site_runs.append(
            run([trygg, "render", str(corpus), "--site", str(site), "--stamp-date", "2026-11-25"])
        )
        pages = len(list(site.glob("*.html")))
        shutil.rmtree(site, ignore_errors=True)
    row(
        "trygg render --site (whole corpus)",
        seconds_text(site_runs),
        f"{pages} pages, broken files left out",
    )
    row("peak memory, validate (all processes)", f"{peak:7.0f} MB")
    row("peak memory, lint / due", f"{lint_peak:7.0f} MB / {due_peak:.0f} MB")
    row("trygg --help", seconds_text(help_runs))
    row("python -c pass", seconds_text(bare))

    others = compare_others(files, args.others_repeat)
    for name, seconds in others:
        ratio = seconds / median(parallel)
        row(name, f"{seconds:7.2f} s", f"{ratio:.1f}× trygg validate's time")
    if not others and args.others_repeat > 0:
        print("check-jsonschema and yamllint are not installed; pip install them to compare")

    print()
    problems = check_manifest(corpus, parallel[0].stdout)
    expected = json.loads((corpus / "MANIFEST.json").read_text("utf-8"))
    if problems:
        print(f"injected errors: {len(problems)} problem(s)")
        for line in problems[:20]:
            print(f"  {line}")
    else:
        print(f"injected errors: all {len(expected)} found with the right rule, no false findings")
    print()
    row(
        f"target validate ≤ {TARGET_VALIDATE_S:.0f} s", verdict(median(parallel), TARGET_VALIDATE_S)
    )
    row(f"target --help ≤ {TARGET_HELP_S * 1000:.0f} ms", verdict(median(help_runs), TARGET_HELP_S))
    row(f"target memory ≤ {TARGET_MEMORY_MB:.0f} MB (validate)", verdict(peak, TARGET_MEMORY_MB))
    row(f"target lint ≤ {TARGET_LINT_RATIO}× validate", verdict(lint_ratio, TARGET_LINT_RATIO))
    row(f"target due ≤ {TARGET_DUE_S:.0f} s (cold)", verdict(median(due_runs), TARGET_DUE_S))
    row(f"target due ≤ {TARGET_DUE_S:.0f} s (warm)", verdict(median(due_warm), TARGET_DUE_S))
    row(f"target diff ≤ {TARGET_DIFF_S:.0f} s", verdict(median(diff_runs), TARGET_DIFF_S))
    row(f"target site ≤ {TARGET_SITE_S:.0f} s", verdict(median(site_runs), TARGET_SITE_S))
    row(
        f"target cached validate ≤ {TARGET_WARM_S} s",
        verdict(median(warm_runs), TARGET_WARM_S),
    )
    row("target first cached run ≤ 1× --no-cache", verdict(first_ratio, 1.0))
    rules = Counter(f["rule"] for f in json.loads(linted[0].stdout)["findings"])
    print()
    print(
        "lint findings on the corpus by rule: "
        + ", ".join(f"{r} {n}" for r, n in sorted(rules.items()))
    )
    return 1 if problems else 0


def _scale_table(scales: str, repeat: int) -> int:
    import scale

    trygg = corpus_and_trygg(HERE / "corpus")
    if trygg is None:
        return 2
    try:
        sizes = [float(s) for s in scales.split(",")]
    except ValueError:
        print(f"--scale takes numbers separated by commas, not {scales!r}", file=sys.stderr)
        return 2
    return scale.main(trygg, sizes, repeat)


if __name__ == "__main__":
    sys.exit(main())
