#!/usr/bin/env python3
"""Draws the chart of a bench/compare.py result: each engine's time ratio to
CPython per benchmark (log scale, 1 = CPython), the geometric mean last.

    chart.py RESULT.json OUT.svg

Needs matplotlib (Debian: python3-matplotlib); compare.py runs it under a
Python that has it."""
import json
import sys

import matplotlib

matplotlib.use("Agg")  # writes SVG or PNG, by the file name
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker  # noqa: E402

REFERENCE = "cpython"


def main():
    src, out = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    engines = [e for e in doc["engines"] if e != REFERENCE]
    rows = [r for r in doc["rows"] if any("ratio" in r["engines"][e] for e in engines)]
    names = [r["name"] for r in rows] + ["geometric mean"]
    height = 0.8 / max(1, len(engines))
    plt.rcParams["svg.hashsalt"] = "spindle"
    fig, ax = plt.subplots(figsize=(8, 0.28 * len(names) * max(1, len(engines)) + 1.5))
    for k, e in enumerate(engines):
        ratios = [r["engines"][e].get("ratio", float("nan")) for r in rows] + [doc["geomean"][e]["geomean"] or float("nan")]
        ys = [i + (k - (len(engines) - 1) / 2) * height for i in range(len(names))]
        # Bars start at 1 (CPython): left of it is faster, right is slower.
        bars = ax.barh(ys, [r - 1 for r in ratios], height=height, label=e, left=1)
        ax.bar_label(bars, labels=[f"{r:.2f}" if r == r else "" for r in ratios], fontsize=6, padding=2)
    ax.axvline(1.0, color="black", linewidth=0.8)
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(matplotlib.ticker.FormatStrFormatter("%g"))
    ax.set_yticks(range(len(names)))
    ax.set_yticklabels(names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("time / CPython 3.11 time (log scale; left of 1 is faster)")
    ax.set_title(f"Spindle, CPython, PyPy: {doc['mode']} run, {doc['when']}", fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    ax.grid(axis="x", which="both", linewidth=0.3)
    fig.tight_layout()
    fig.savefig(out, metadata={"Date": None})
    return 0


if __name__ == "__main__":
    sys.exit(main())
