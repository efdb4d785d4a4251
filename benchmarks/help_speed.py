"""How long ``trygg <command> --help`` takes, for every command, against a bare Python.

    python benchmarks/help_speed.py                  # 15 runs of each, English
    python benchmarks/help_speed.py --repeat 31 --lang sv
    PYTHONPATH=/path/to/other/checkout python benchmarks/help_speed.py   # another trygg

Runs ``trygg [COMMAND] --help`` for trygg itself and every command and subcommand (the
pages in trygg_cli/cli/help_pages.json), in a new process each time, round-robin with
``python -c pass`` so that a busy machine slows all of them alike. Prints, per command,
the median CPU time (user + system, of the process) and wall time, and their ratios to
``python -c pass``. Exits 1 when a command's CPU ratio is over ``--max-ratio`` (5): CPU
time rather than wall time, which on a shared machine measures the neighbours too.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE.parent / "trygg_cli" / "cli" / "help_pages.json"


def _trygg() -> list[str]:
    """The console script beside this Python, as a user runs it, else ``-m trygg_cli``."""
    script = Path(sys.executable).parent / "trygg"
    return [str(script)] if script.exists() else [sys.executable, "-m", "trygg_cli"]


def _commands() -> list[str]:
    pages = json.loads(PAGES.read_text(encoding="utf-8"))["languages"]["en"]
    return list(pages)


def _once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one run of ``argv``; it must exit 0."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs of each (default 15)")
    parser.add_argument("--lang", default="en", help="TRYGG_LANG for the runs (default en)")
    parser.add_argument("--max-ratio", type=float, default=5.0, help="CPU ratio to fail over")
    args = parser.parse_args(argv)
    env = {**os.environ, "TRYGG_LANG": args.lang}
    runs: dict[str, list[str]] = {"python -c pass": [sys.executable, "-c", "pass"]}
    for command in _commands():
        name = f"trygg {command} --help".replace("  ", " ")
        runs[name] = [*_trygg(), *command.split(), "--help"]
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for command in runs.values():  # once each before measuring: files cached
        _once(command, env)
    for _round in range(args.repeat):
        for name, command in runs.items():
            samples[name].append(_once(command, env))
    cpu = {name: statistics.median(c for c, _w in values) for name, values in samples.items()}
    wall = {name: statistics.median(w for _c, w in values) for name, values in samples.items()}
    base_cpu, base_wall = cpu["python -c pass"], wall["python -c pass"]
    print(f"median of {args.repeat} runs, TRYGG_LANG={args.lang}; ratio to python -c pass")
    print(f"{'command':<28} {'CPU ms':>7} {'ratio':>6} {'wall ms':>8} {'ratio':>6}")
    over = []
    for name in runs:
        cpu_ratio, wall_ratio = cpu[name] / base_cpu, wall[name] / base_wall
        print(
            f"{name:<28} {cpu[name] * 1000:7.1f} {cpu_ratio:5.1f}× "
            f"{wall[name] * 1000:8.1f} {wall_ratio:5.1f}×"
        )
        if cpu_ratio > args.max_ratio:
            over.append(name)
    if over:
        print(f"over {args.max_ratio:g}× python -c pass (CPU): {', '.join(over)}")
        return 1
    print(f"every command within {args.max_ratio:g}× python -c pass (CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
