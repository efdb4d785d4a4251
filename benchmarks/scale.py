"""How trygg's cost grows with the register: ``benchmarks/run.py --scale 0.25,1,4,16``.

For each scale, the seeded corpus of that size (``generate_corpus.py --scale``, in
``benchmarks/corpus-<scale>/``, generated when missing; scale 1 is ``benchmarks/corpus``)
and, in new processes:

- ``validate``, ``lint``, ``due --format json`` with ``--no-cache`` (cold) and
  ``render --site`` into a new folder (no PDFs);
- ``validate`` and ``lint`` warm — the repository's ``.trygg-cache`` filled by an earlier
  run — on the unchanged tree, and right after one file was edited (a promise's title;
  each timed run sees a file changed since the run before);
- the floor: composing every file with libyaml (``yaml.compose`` with ``CSafeLoader``) in
  one new Python process, beside ``validate --no-cache --jobs 1``, alternated pair by pair.

Each figure is the median of ``--repeat`` runs. Peak memory is summed over trygg and its
worker processes, sampled from /proc every 10 ms during the timed runs themselves (at
these sizes a second run per figure would double an already long benchmark; the sampler
costs about 1 % of a core). The growth exponent is the slope of log(time) against
log(files) over the scales: 1.0 is linear.
"""

from __future__ import annotations

import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from run import clear_cache, run

HERE = Path(__file__).resolve().parent
AS_OF = "2026-11-25"
TARGET_PEAK_MB = 300.0
TARGET_EDIT_S = 1.0
TARGET_UNCHANGED_S = 0.5
TARGET_FLOOR = 1.4
TARGET_SITE_1X_S = 3.0
_FLOOR = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    if ".github" in path.parts:
        continue
    try:
        yaml.compose(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError):
        pass
"""


@dataclass
class Figure:
    seconds: float
    peak_mb: float


def timed(command: Sequence[str]) -> Figure:
    """One run in a new process: its wall time and the peak memory of its process tree."""
    done = run(command, sample_memory=True)
    return Figure(done.seconds, done.peak_mb)


def median_of(figures: list[Figure]) -> Figure:
    return Figure(statistics.median(f.seconds for f in figures), max(f.peak_mb for f in figures))


def corpus_for(scale: float) -> Path:
    """The corpus of ``scale``, generated when missing."""
    folder = HERE / "corpus" if scale == 1 else HERE / f"corpus-{scale:g}"
    if not (folder / "MANIFEST.json").is_file():
        print(f"generating the corpus of scale {scale:g} in {folder} …", flush=True)
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate_corpus.py"),
                "--scale",
                f"{scale:g}",
                "--out",
                str(folder),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return folder


class Edit:
    """One file of the corpus whose title changes back and forth between runs."""

    def __init__(self, corpus: Path) -> None:
        promises = sorted(corpus.glob("*/*-lofte-0.yaml"))
        self.path = promises[len(promises) // 2]
        self.original = self.path.read_bytes()
        self.changed = self.original.replace(b"\ntitle: ", b"\ntitle: \xc3\x84ndrad ", 1)
        self.flipped = False

    def flip(self) -> None:
        self.flipped = not self.flipped
        self.path.write_bytes(self.changed if self.flipped else self.original)

    def restore(self) -> None:
        self.path.write_bytes(self.original)


def measure_scale(trygg: str, scale: float, repeat: int) -> dict[str, Figure | float | int]:
    """Every figure of one scale."""
    corpus = corpus_for(scale)
    files = [p for p in corpus.rglob("*.yaml") if ".github" not in p.parts]
    path = str(corpus)
    validate = [trygg, "validate", "--format", "json", path]
    lint = [trygg, "lint", "--format", "json", "--today", AS_OF, path]
    due = [trygg, "due", "--format", "json", "--as-of", AS_OF, path]

    def many(command: Sequence[str], before: Callable[[], None] | None = None) -> Figure:
        figures = []
        for _ in range(repeat):
            if before is not None:
                before()
            figures.append(timed(command))
        return median_of(figures)

    def site() -> Figure:
        folder = Path(tempfile.mkdtemp(prefix="trygg-scale-site-"))
        try:
            return timed([trygg, "render", path, "--site", str(folder), "--stamp-date", AS_OF])
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    figures: dict[str, Figure | float | int] = {"files": len(files)}
    figures["validate"] = many([*validate, "--no-cache"])
    figures["lint"] = many([*lint, "--no-cache"])
    figures["due"] = many([*due, "--no-cache"])
    figures["site"] = median_of([site() for _ in range(repeat)])
    edit = Edit(corpus)
    try:
        for name, command in (("validate", validate), ("lint", lint)):
            clear_cache(corpus)
            timed(command)  # fills the cache
            figures[f"{name} unchanged"] = many(command)
            figures[f"{name} one edit"] = many(command, edit.flip)
    finally:
        edit.restore()
    compose, serial = [], []
    for _ in range(repeat):
        compose.append(timed([sys.executable, "-c", _FLOOR, path]).seconds)
        serial.append(timed([*validate, "--no-cache", "--jobs", "1"]).seconds)
    figures["floor"] = statistics.median(compose)
    figures["validate --jobs 1"] = statistics.median(serial)
    return figures


ROWS = (
    ("validate", "validate"),
    ("lint", "lint"),
    ("due", "due (json)"),
    ("site", "render --site"),
    ("validate unchanged", "validate, nothing changed (warm)"),
    ("validate one edit", "validate, one file edited (warm)"),
    ("lint unchanged", "lint, nothing changed (warm)"),
    ("lint one edit", "lint, one file edited (warm)"),
)


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def exponent(points: list[tuple[int, float]]) -> float | None:
    """The least-squares slope of log(seconds) against log(files)."""
    if len(points) < 2:
        return None
    xs = [math.log(files) for files, _ in points]
    ys = [math.log(seconds) for _, seconds in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def print_table(results: dict[float, dict[str, Figure | float | int]]) -> list[str]:
    """The table in Markdown; the targets missed."""
    scales = sorted(results)
    largest = scales[-1]
    head = [f"{s:g}× ({results[s]['files']:,} files)" for s in scales]
    print("| command | " + " | ".join(head) + f" | growth | peak at {largest:g}× |")
    print("|---|" + "---|" * (len(scales) + 2))
    misses: list[str] = []
    for key, label in ROWS:
        cells, points = [], []
        for scale in scales:
            figure = results[scale][key]
            assert isinstance(figure, Figure)
            cells.append(_seconds(figure.seconds))
            points.append((int(results[scale]["files"]), figure.seconds))
        slope = exponent(points)
        peak = results[largest][key]
        assert isinstance(peak, Figure)
        growth = f"{slope:.2f}" if slope is not None else "–"
        print(f"| {label} | " + " | ".join(cells) + f" | {growth} | {peak.peak_mb:.0f} MB |")
        if peak.peak_mb > TARGET_PEAK_MB:
            misses.append(f"{label}: peak {peak.peak_mb:.0f} MB at {largest:g}× (≤ 300 MB)")
        last = peak.seconds
        if key.endswith("one edit") and last > TARGET_EDIT_S:
            misses.append(f"{label}: {_seconds(last)} at {largest:g}× (≤ 1 s)")
        if key.endswith("unchanged") and last > TARGET_UNCHANGED_S:
            misses.append(f"{label}: {_seconds(last)} at {largest:g}× (≤ 0.5 s)")
    cells = []
    for scale in scales:
        floor = float(results[scale]["floor"])
        serial = float(results[scale]["validate --jobs 1"])
        cells.append(f"{serial / floor:.2f}× ({_seconds(serial)} / {_seconds(floor)})")
        if serial / floor > TARGET_FLOOR:
            misses.append(
                f"validate --jobs 1 at {scale:g}×: {serial / floor:.2f}× the floor (≤ 1.4×)"
            )
    print("| validate --jobs 1 ÷ libyaml compose | " + " | ".join(cells) + " | | |")
    if 1.0 in results:
        site = results[1.0]["site"]
        assert isinstance(site, Figure)
        if site.seconds > TARGET_SITE_1X_S:
            misses.append(f"render --site at 1×: {_seconds(site.seconds)} (≤ 3 s)")
    return misses


def main(trygg: str, scales: list[float], repeat: int) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"machine: {cores} cores, Python {sys.version.split()[0]}; trygg: {trygg}", flush=True)
    results = {}
    for scale in scales:
        started = time.perf_counter()
        results[scale] = measure_scale(trygg, scale, repeat)
        took = time.perf_counter() - started
        print(f"scale {scale:g}: measured in {took:.0f} s", file=sys.stderr, flush=True)
    print()
    misses = print_table(results)
    print()
    for line in misses:
        print(f"MISS  {line}")
    if not misses:
        print("every target of issue 22 met")
    return 1 if misses else 0
