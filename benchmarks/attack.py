"""The attack run: thousands of hostile files through trygg, and the counts that matter.

    python benchmarks/attack.py                   # 10,000 cases (about ten minutes here)
    python benchmarks/attack.py --cases 500       # a quick look

Each case is a real example document mutated by tests/hostile_cases.py (same seed, same
bytes). Two phases:

1. Every case alone, in this process: read, parsed and checked with every pass trygg has
   (lint's rules, due's schedules, render's personal-number search, the model), under a
   2-second alarm. Counted: internal errors (any exception), hangs (the alarm), silent
   skips (a file a person would take for a trygg document that trygg skipped without a
   finding), and the slowest case.
2. The cases in folders of ``--batch``, through the five commands as a user runs them
   (``validate``, ``lint``, ``due``, ``render --site``, ``diff`` against the untouched
   examples), each in a new process with ``--jobs 1`` (memory by GNU time, when the
   machine has it). Counted: runs that printed
   "internal error" or a traceback, ran out of time, or exited with a code other than
   0, 1 or 2; and the peak memory of any one run.

Prints the counts and exits 1 if any internal error, hang or silent skip was seen or a
run went over 300 MB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import hostile_cases  # noqa: E402  (lives with the tests, which use it too)

PEAK_LIMIT_MB = 300
CASE_SECONDS = 2


class _Hang(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise _Hang


def phase_one(cases: dict[str, bytes]) -> Counter[str]:
    """Every case checked alone, in this process."""
    from trygg_cli.check import check_source

    passes = hostile_cases.all_passes()
    counts: Counter[str] = Counter()
    slowest = (0.0, "")
    signal.signal(signal.SIGALRM, _alarm)
    for name, raw in cases.items():
        started = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, CASE_SECONDS)
        try:
            result = check_source(name, raw, passes=passes)
        except _Hang:
            counts["hang"] += 1
            print(f"  hang: {name}", file=sys.stderr)
            continue
        except Exception as exc:  # what the attack is for
            counts["internal error"] += 1
            print(f"  internal error: {name}: {type(exc).__name__}: {exc}"[:300], file=sys.stderr)
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.perf_counter() - started
        slowest = max(slowest, (took, name))
        if not result.checked and hostile_cases.looks_like_a_document(raw):
            counts["silent skip"] += 1
            print(f"  silent skip: {name}", file=sys.stderr)
        counts["checked" if result.checked else "skipped (not a document)"] += 1
        counts["with findings" if result.findings else "without findings"] += 1
    print(f"phase 1: slowest case {slowest[0] * 1000:.0f} ms ({slowest[1]})")
    return counts


_TIME = shutil.which("time")  # GNU time (the shell's own `time` is no program)


def _peak_mb(command: list[str], timeout: float) -> tuple[int | None, str, float, float]:
    """Exit code (None: out of time), stderr, seconds and peak resident memory in MB of one
    run. The memory is GNU time's "%M" (a forked child starts with this script's pages,
    thousands of cases, so the kernel's account of it would count those too; time forks
    from a small process). stderr goes to a file, not a pipe: a pipe that fills up would
    stop the run as if it hung."""
    env = {**os.environ, "TRYGG_LANG": "en", "NO_COLOR": "1"}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        peak_file = Path(folder) / "peak"
        measured = [_TIME, "-f", "%M", "-o", str(peak_file), *command] if _TIME else command
        with open(Path(folder) / "stderr", "w+b") as errors:
            try:
                done = subprocess.run(
                    measured, stdout=subprocess.DEVNULL, stderr=errors, env=env, timeout=timeout
                )
            except subprocess.TimeoutExpired:
                return None, "", timeout, 0.0
            errors.seek(0)
            err = errors.read().decode("utf-8", "replace")
        took = time.perf_counter() - started
        lines = peak_file.read_text().split() if peak_file.exists() else []
        megabytes = int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else 0.0
    return done.returncode, err, took, megabytes


def phase_two(folders: list[Path], work: Path, timeout: float) -> Counter[str]:
    """The five commands on each folder of cases, in new processes."""
    python = [sys.executable, "-m", "trygg_cli"]
    counts: Counter[str] = Counter()
    peak = (0.0, "")
    slowest = (0.0, "")
    base = work / "base"
    for number, folder in enumerate(folders, 1):
        site = work / "site" / folder.name
        commands = {
            "validate": [*python, "validate", str(folder), "--no-cache", "--jobs", "1"],
            "lint": [*python, "lint", str(folder), "--no-cache", "--jobs", "1"],
            "due": [*python, "due", str(folder), "--format", "json", "--no-cache", "--jobs", "1"],
            "render": [*python, "render", str(folder), "--site", str(site), "--jobs", "1"],
            "diff": [*python, "diff", str(base), str(folder)],
        }
        for name, command in commands.items():
            code, err, took, megabytes = _peak_mb(command, timeout)
            label = f"{name} {folder.name}"
            counts["runs"] += 1
            if code is None:
                counts["hang"] += 1
                print(f"  out of time: {label}", file=sys.stderr)
                continue
            if "internal error" in err or "Traceback" in err:
                counts["internal error"] += 1
                print(f"  internal error: {label}: {err.strip()[-300:]}", file=sys.stderr)
            if code not in (0, 1, 2):
                counts["other exit code"] += 1
                print(f"  exit {code}: {label}", file=sys.stderr)
            peak = max(peak, (megabytes, label))
            slowest = max(slowest, (took, label))
        print(f"phase 2: {number}/{len(folders)} folders", end="\r", file=sys.stderr)
    print(
        f"phase 2: peak memory {peak[0]:.0f} MB ({peak[1]}), "
        f"slowest run {slowest[0]:.1f} s ({slowest[1]})"
    )
    counts["peak MB"] = round(peak[0])
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--batch", type=int, default=250, help="cases per folder in phase 2")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per run, phase 2")
    parser.add_argument("--keep", type=Path, help="write the cases here and keep them")
    arguments = parser.parse_args()
    texts = hostile_cases.bases()
    started = time.perf_counter()
    cases = {
        f"case-{arguments.seed + i:06d}.yaml": hostile_cases.case(arguments.seed + i, texts)
        for i in range(arguments.cases)
    }
    print(f"{len(cases)} cases generated in {time.perf_counter() - started:.1f} s")
    one = phase_one(cases)
    work = arguments.keep or Path(tempfile.mkdtemp(prefix="trygg-attack-"))
    try:
        shutil.copytree(ROOT / "examples", work / "base", dirs_exist_ok=True)
        folders = []
        names = sorted(cases)
        for start in range(0, len(names), arguments.batch):
            folder = work / f"batch-{start // arguments.batch:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            for name in names[start : start + arguments.batch]:
                (folder / name).write_bytes(cases[name])
            folders.append(folder)
        two = phase_two(folders, work, arguments.timeout)
    finally:
        if arguments.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print("phase 1 (each case alone, every pass):", dict(sorted(one.items())))
    print("phase 2 (five commands per folder):", dict(sorted(two.items())))
    bad = one["internal error"] + one["hang"] + one["silent skip"]
    bad += two["internal error"] + two["hang"] + two["other exit code"]
    over = two["peak MB"] > PEAK_LIMIT_MB
    print(
        f"internal errors {one['internal error'] + two['internal error']}, "
        f"hangs {one['hang'] + two['hang']}, silent skips {one['silent skip']}, "
        f"peak {two['peak MB']} MB (limit {PEAK_LIMIT_MB}) "
        f"— {time.perf_counter() - started:.0f} s in all"
    )
    return 1 if bad or over else 0


if __name__ == "__main__":
    sys.exit(main())
