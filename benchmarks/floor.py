"""``trygg validate`` beside the floor libyaml sets (issue 22, point 3).

    python benchmarks/floor.py                      # benchmarks/corpus, 5 pairs
    python benchmarks/floor.py --corpus DIR --pairs 9
    python benchmarks/floor.py --trygg ../main/.venv/bin/trygg --trygg .venv/bin/trygg

The floor is what composing the same files costs with nothing else done: in one new
process, every ``*.yaml`` under the corpus (but ``.github/``) read, decoded as UTF-8 and
composed with ``yaml.compose(text, Loader=yaml.CSafeLoader)`` (files that are not YAML
are skipped); interpreter start and ``import yaml`` included, as ``trygg validate`` is
timed as a whole process too. trygg runs as ``trygg validate --no-cache --jobs 1``.

The two run in alternating pairs (floor, trygg, floor, trygg …), so that a busy machine
slows both alike, and the script prints the median user CPU time and wall time of each
and the ratio of the medians (target: ≤ 1.4× in user CPU). User CPU is the measure on a
shared machine; wall time is shown beside it. ``--trygg COMMAND`` (repeatable) measures
other installs in the same rotation, e.g. a checkout before and after a change.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 1.4

FLOOR = """
import sys
from pathlib import Path
import yaml
root = Path(sys.argv[1])
for path in sorted(root.rglob("*.yaml")):
    if ".github" in path.relative_to(root).parts:
        continue
    text = path.read_bytes().decode("utf-8")
    try:
        yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        pass
"""


def _timed(command: list[str]) -> tuple[float, float]:
    """User CPU and wall seconds of one run of ``command`` (its children's CPU included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: the corpus has findings
        raise SystemExit(f"{' '.join(command)} exited with {done.returncode}")
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before, wall


def _trygg() -> str:
    beside = Path(sys.executable).with_name("trygg")
    return str(beside) if beside.exists() else shutil.which("trygg") or "trygg"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count each command's instructions once under valgrind (cachegrind): "
        "a measure other processes on the machine do not disturb; minutes per command",
    )
    parser.add_argument(
        "--trygg",
        action="append",
        metavar="COMMAND",
        help="a trygg to measure (repeat to compare checkouts in the same rotation); "
        "default: the one installed beside this Python",
    )
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}; run benchmarks/generate_corpus.py")
    commands = {"floor (libyaml compose)": [sys.executable, "-c", FLOOR, str(args.corpus)]}
    for trygg in args.trygg or [_trygg()]:
        name = f"{trygg} validate --no-cache --jobs 1"
        commands[name] = [trygg, "validate", "--no-cache", "--jobs", "1", str(args.corpus)]
    for command in commands.values():
        _timed(command)  # warm the page cache, unmeasured
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _pair in range(args.pairs):  # floor, trygg, (other trygg …), floor, trygg …
        for name, command in commands.items():
            runs[name].append(_timed(command))
    user = {name: statistics.median(u for u, _w in r) for name, r in runs.items()}
    wall = {name: statistics.median(w for _u, w in r) for name, r in runs.items()}
    floor_name = next(iter(commands))
    print(f"corpus {args.corpus}, {args.pairs} alternating rounds, medians")
    for name in commands:
        line = f"  {name}\n      user {user[name]:.2f} s  wall {wall[name]:.2f} s"
        if name != floor_name:
            ratio = user[name] / user[floor_name]
            verdict = "within" if ratio <= TARGET_RATIO else "over"
            line += (
                f"  ratio (user) {ratio:.2f}×  (wall {wall[name] / wall[floor_name]:.2f}×); "
                f"target ≤ {TARGET_RATIO}×: {verdict}"
            )
        print(line)
    if args.instructions:
        _instructions(commands, floor_name)
    return 0


def _instructions(commands: dict[str, list[str]], floor_name: str) -> None:
    """Each command's instruction count (valgrind's cachegrind, no cache simulation)."""
    if shutil.which("valgrind") is None:
        print("  (no valgrind on the PATH: instructions not counted)")
        return
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, command in commands.items():
            out = Path(scratch) / "cachegrind.out"
            counting = ["valgrind", "--tool=cachegrind", "--cache-sim=no"]
            done = subprocess.run(
                [*counting, f"--cachegrind-out-file={out}", *command],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
            if found is None:
                print(f"  {name}: valgrind gave no count")
                return
            counts[name] = int(found.group(1).replace(",", ""))
    print("instructions (one run each under valgrind)")
    for name, count in counts.items():
        ratio = "" if name == floor_name else f"  ratio {count / counts[floor_name]:.2f}×"
        print(f"  {name}\n      {count / 1e9:.2f} G{ratio}")


if __name__ == "__main__":
    sys.exit(main())
