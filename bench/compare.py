#!/usr/bin/env python3
"""Spindle against CPython and PyPy, side by side: one command, interleaved runs.

    bench/compare.py [--quick] [--only A,B] [--skip A,B] [--engines E,F] [--processes P]
                     [--warmups W] [--values V] [--pyperformance CHECKOUT] [--out DIR]
    bench/compare.py --check [--spindle PATH]      (tiny scale, checksums only: CI)
    bench/compare.py --diff A.json B.json         (geomeans of two runs side by side)
    bench/compare.py --render RESULT.json         (its geomeans, table and chart again)

Every benchmark (bench/programs, bench/micro, the start-up row, and with
--pyperformance the upstream files) runs under each engine present -- Spindle
in each of its execution modes, python3 (CPython 3.11), pypy3 -- in
interleaved processes (A B C A B C ...). Each process warms up in-process
and then times several values (bench/harness.py). For each benchmark and
engine the report gives the median time per iteration, min and max, peak RSS,
and the ratio to CPython: per process pair (the k-th process of the engine
against the k-th of CPython, run next to each other), then the median of
those. The geometric mean of the ratios closes each engine's column. A
result whose checksum differs from CPython's is reported as wrong, not timed.

Results go to DIR (bench/results): NAME.md (the table), NAME.json (every
value) and NAME.svg (the chart of ratios), NAME being `full` or `quick`."""
import argparse
import datetime
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import pyperformance  # bench/pyperformance.py: the pyperformance files that run unmodified; run_measured

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
HARNESS = os.path.join(HERE, "harness.py")
LIB = os.path.join(ROOT, "lib")
REFERENCE = "cpython"

# Spindle's execution modes: label -> extra command-line options. Tier 1
# specializing (the default) and tier 1 generic only; the JIT adds its own.
SPINDLE_MODES = {"spindle": [], "spindle-nospec": ["-X", "specialize=off"]}

# Per mode: scale of the programs, processes per engine, warm-up and timed
# values per process, start-up runs per process, pyperf's minimum time per
# value (pyperformance files), seconds before a process is killed.
MODES = {
    "full": dict(scale="full", processes=3, warmups=1, values=5, startup_runs=10, min_time=0.1, timeout=600),
    "quick": dict(scale="quick", processes=3, warmups=1, values=3, startup_runs=5, min_time=0.05, timeout=300),
}


class Engine:
    def __init__(self, label, argv, env=None):
        self.label, self.argv, self.env = label, argv, env

    def version(self):
        probe = ("import sys; v = getattr(sys, 'pypy_version_info', None); p = sys.version.split()[0]; "
                 "print(sys.implementation.name, p if v is None else '%d.%d.%d (Python %s)' % (v[0], v[1], v[2], p))")
        try:
            out = subprocess.run(self.argv + ["-c", probe], capture_output=True, text=True, timeout=60)
            return out.stdout.strip() or out.stderr.strip()[-200:]
        except (OSError, subprocess.TimeoutExpired) as e:
            return f"unavailable: {e}"


def find_engines(args):
    """The engines to run, CPython first (it is the reference)."""
    found = {REFERENCE: Engine(REFERENCE, [args.python])}
    spindle = os.path.abspath(args.spindle)
    if os.access(spindle, os.X_OK):
        for label, opts in SPINDLE_MODES.items():
            found[label] = Engine(label, [spindle, *opts])
    pypy = shutil.which(args.pypy)
    if pypy:
        found["pypy"] = Engine("pypy", [pypy])
    wanted = args.engines.split(",") if args.engines else list(found)
    missing = [e for e in wanted if e not in found]
    if missing:
        sys.exit(f"compare.py: engine(s) not found: {', '.join(missing)} (present: {', '.join(found)})")
    if REFERENCE not in wanted:
        wanted.insert(0, REFERENCE)
    return [found[e] for e in [REFERENCE] + [w for w in wanted if w != REFERENCE]]


class Bench:
    """One row: a program of ours, the start-up time, or a pyperformance file."""

    def __init__(self, name, group, path=None):
        self.name, self.group, self.path = name, group, path

    def doc(self):
        if not self.path:
            return ""
        with open(self.path, encoding="utf-8") as f:
            text = f.read()
        start = text.find('"""')
        return text[start + 3:text.find("\n", start)].strip().rstrip(".") if start >= 0 else ""


def own_benchmarks():
    rows = []
    for folder, group in (("programs", "program"), ("micro", "micro")):
        for file in sorted(os.listdir(os.path.join(HERE, folder))):
            if file.startswith("bm_") and file.endswith(".py"):
                rows.append(Bench(file[3:-3], group, os.path.join(HERE, folder, file)))
    return rows


def pyperformance_benchmarks(checkout):
    root = os.path.join(checkout, "pyperformance", "data-files", "benchmarks")
    rows = []
    for name in pyperformance.BENCHMARKS:
        script = os.path.join(root, "bm_" + name, "run_benchmark.py")
        if os.path.exists(script):
            rows.append(Bench("pyperf." + name, "pyperformance", script))
        else:
            print(f"compare.py: no {script}; skipped", file=sys.stderr)
    return rows


def last_line(text):
    return (text.strip().splitlines() or ["(no output)"])[-1][:200]


def one_program(engine, bench, scale, warmups, values, timeout):
    """One process of one of our programs: a dict with times, checksum, rss_kb, or error."""
    cmd = engine.argv + [HARNESS, bench.name, "--scale", scale, "--warmups", str(warmups), "--values", str(values)]
    code, out, err, _ = pyperformance.run_measured(cmd, timeout)
    if code != 0:
        return {"error": f"exit {code}: {last_line(err)}" if code is not None else err}
    result = {}
    for line in out.splitlines():
        key, _, rest = line.partition(" ")
        if key == "checksum":
            result["checksum"] = rest
        elif key == "times":
            result["times"] = [float(t) for t in rest.split()]
        elif key == "peak-rss-kb":
            result["rss_kb"] = int(rest)
    if "times" not in result or "checksum" not in result:
        return {"error": "harness output unreadable: " + last_line(out)}
    return result


def one_startup(engine, runs, timeout):
    """`ENGINE -c pass`, runs times: wall seconds of each."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        code, _, err, _ = pyperformance.run_measured(engine.argv + ["-c", "pass"], timeout)
        if code != 0:
            return {"error": f"exit {code}: {last_line(err)}"}
        times.append(time.perf_counter() - t0)
    return {"times": times}


def one_pyperformance(engine, bench, warmups, values, min_time, timeout):
    """One process of a pyperformance file under the engine, with Spindle's pyperf."""
    with tempfile.TemporaryDirectory() as tmp:
        out_json = os.path.join(tmp, "out.json")
        env = dict(os.environ, PYTHONPATH=LIB, SPINDLEPATH=LIB)
        cmd = engine.argv + [bench.path, "--warmups", str(warmups), "--values", str(values),
                             "--min-time", str(min_time), "-o", out_json]
        code, _, err, rss = pyperformance.run_measured(cmd, timeout, os.path.dirname(bench.path), env, rss=True)
        if code != 0:
            return {"error": f"exit {code}: {last_line(err)}" if code is not None else err}
        with open(out_json, encoding="utf-8") as f:
            doc = json.load(f)
    times = []
    for b in doc["benchmarks"]:  # files with several benchmarks: the sum of their medians
        times.append([v for run in b["runs"] for v in run.get("values", [])])
    result = {"times": times[0]} if len(times) == 1 else {"times": [sum(statistics.median(t) for t in times)]}
    if rss:
        result["rss_kb"] = rss
    return result


def measure_row(bench, engines, mode, log):
    """Runs the row's processes interleaved; returns {label: {"processes": [...]}}."""
    cells = {e.label: {"processes": []} for e in engines}
    for p in range(mode["processes"]):
        for engine in engines:
            if "error" in cells[engine.label]:
                continue
            if bench.group == "startup":
                res = one_startup(engine, mode["startup_runs"], 60)
            elif bench.group == "pyperformance":
                res = one_pyperformance(engine, bench, mode["warmups"], mode["values"], mode["min_time"],
                                        mode["timeout"])
            else:
                res = one_program(engine, bench, mode["scale"], mode["warmups"], mode["values"], mode["timeout"])
            if "error" in res:
                cells[engine.label]["error"] = res["error"]
                log(f"  {engine.label}: {res['error']}")
                continue
            cells[engine.label]["processes"].append(res)
    return cells


def summarize(cells):
    """Adds median/min/max, checksum status, pair ratios and the ratio to each cell."""
    ref = cells.get(REFERENCE, {})
    ref_sum = {p.get("checksum") for p in ref.get("processes", [])}
    for label, cell in cells.items():
        procs = cell["processes"]
        if "error" in cell and not procs:
            continue
        sums = {p.get("checksum") for p in procs}
        if len(sums) > 1:
            cell["error"] = "checksum differs between processes: " + ", ".join(sorted(map(str, sums)))
        elif ref_sum and len(ref_sum) == 1 and sums != ref_sum:
            cell["error"] = f"wrong checksum {sums.pop()!r}, CPython {ref_sum.pop()!r}"
        if "error" in cell:
            continue
        values = [t for p in procs for t in p["times"]]
        cell.update(median=statistics.median(values), min=min(values), max=max(values))
        if procs and procs[0].get("checksum") is not None:
            cell["checksum"] = procs[0]["checksum"]
        rss = [p["rss_kb"] for p in procs if p.get("rss_kb")]
        if rss:
            cell["rss_kb"] = max(rss)
    for label, cell in cells.items():
        if "median" not in cell or "median" not in ref:
            continue
        pairs = [statistics.median(a["times"]) / statistics.median(b["times"])
                 for a, b in zip(cell["processes"], ref["processes"])]
        cell["pair_ratios"] = pairs
        cell["ratio"] = statistics.median(pairs)
        if cell.get("rss_kb") and ref.get("rss_kb"):
            cell["rss_ratio"] = cell["rss_kb"] / ref["rss_kb"]


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def geomeans(rows, labels, group=None):
    """Per engine: the geometric mean of its time ratios over the benchmark
    rows (start-up excluded), or over one group's rows."""
    timed = [r for r in rows if r["group"] != "startup" and (group is None or r["group"] == group)]
    out = {}
    for label in labels:
        ratios = [r["engines"][label]["ratio"] for r in timed if "ratio" in r["engines"][label]]
        out[label] = {"geomean": geomean(ratios), "rows": len(ratios), "of": len(timed)}
    return out


def group_geomeans(rows, labels):
    groups = sorted({r["group"] for r in rows} - {"startup"})
    return {g: geomeans(rows, labels, g) for g in groups} if len(groups) > 1 else {}


def fmt_time(s):
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.1f} ms"
    if s >= 1e-6:
        return f"{s * 1e6:.1f} µs"
    return f"{s * 1e9:.1f} ns"


def markdown(doc):
    engines = doc["engines"]
    others = [e for e in engines if e != REFERENCE]
    lines = [f"Spindle (commit {doc['spindle_commit']}) against CPython and PyPy: "
             f"`bench/compare.py{' --quick' if doc['mode'] == 'quick' else ''}`, {doc['when']}, {doc['machine']}.",
             "", "Engines: " + "; ".join(f"{e} = `{' '.join(doc['engine_argv'][e])}` ({doc['versions'][e]})"
                                        for e in engines) + ".",
             "", f"{doc['settings']['processes']} processes per engine, interleaved; each "
             f"{doc['settings']['warmups']} warm-up and {doc['settings']['values']} timed values "
             f"(start-up: {doc['settings']['startup_runs']} runs per process). Times: median per iteration "
             "(min–max). Ratio: engine / CPython, median of the per-process-pair ratios; below 1 is faster.", ""]
    head = ["benchmark", "CPython 3.11"] + others + [f"{e} / CPython" for e in others] + ["peak RSS (MB) " + ", ".join(engines)]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + "---|" * len(head))
    for row in doc["rows"]:
        cells = row["engines"]

        def t(e):
            c = cells[e]
            if "median" not in c:
                return "**" + c.get("error", "not run")[:80].replace("|", "/") + "**"
            return f"{fmt_time(c['median'])} ({fmt_time(c['min'])}–{fmt_time(c['max'])})"

        def r(e):
            return f"**{cells[e]['ratio']:.2f}**" if "ratio" in cells[e] else "–"

        rss = ", ".join(f"{cells[e]['rss_kb'] / 1024:.1f}" if cells[e].get("rss_kb") else "–" for e in engines)
        name = row["name"] + (" (`-c pass`)" if row["group"] == "startup" else "")
        lines.append("| " + " | ".join([name, t(REFERENCE)] + [t(e) for e in others] + [r(e) for e in others] + [rss]) + " |")
    for title, gm in [(f"{g} rows", doc["geomean_by_group"][g]) for g in doc.get("geomean_by_group", {})] + \
            [("all rows, start-up excluded", doc["geomean"])]:
        means = [f"**{gm[e]['geomean']:.2f}** ({gm[e]['rows']} of {gm[e]['of']})" if gm[e]["geomean"] else "–"
                 for e in others]
        lines.append("| " + " | ".join([f"**geometric mean**, {title}", ""] + [""] * len(others) + means + [""]) + " |")
    return "\n".join(lines) + "\n"


README_BEGIN = "<!-- bench/compare.py --readme: begin -->"
README_END = "<!-- bench/compare.py --readme: end -->"


def readme_block(doc, svg_rel):
    """The README's performance block: when and where, the chart, the ratios."""
    engines = doc["engines"]
    others = [e for e in engines if e != REFERENCE]
    lines = [README_BEGIN,
             f"Measured {doc['when']} on {doc['machine']} (Spindle commit {doc['spindle_commit']}), "
             f"`bench/compare.py{' --quick' if doc['mode'] == 'quick' else ''}"
             f"{' --pyperformance' if any(r['group'] == 'pyperformance' for r in doc['rows']) else ''}`: "
             f"{doc['settings']['processes']} interleaved processes per engine, {doc['seconds'] / 60:.0f} minutes. "
             "Time ratios to CPython 3.11 (below 1 is faster); every value, min/max and peak RSS are in "
             f"[`bench/results/{doc['mode']}.md`](bench/results/{doc['mode']}.md).", "",
             f"![time ratio to CPython per benchmark]({svg_rel})", "",
             "| benchmark | CPython 3.11 time | " + " | ".join(f"{e} / CPython" for e in others) + " |",
             "|---|---|" + "---|" * len(others)]
    for row in doc["rows"]:
        c = row["engines"]
        ref = fmt_time(c[REFERENCE]["median"]) if "median" in c[REFERENCE] else "failed"
        cells = [f"{c[e]['ratio']:.2f}" if "ratio" in c[e] else "failed" for e in others]
        name = row["name"] + (" (`-c pass`)" if row["group"] == "startup" else "")
        lines.append(f"| {name} | {ref} | " + " | ".join(cells) + " |")
    for title, gm in [(f"{g} rows", doc["geomean_by_group"][g]) for g in doc.get("geomean_by_group", {})] + \
            [("all rows, start-up excluded", doc["geomean"])]:
        cells = [f"**{gm[e]['geomean']:.2f}**" if gm[e]["geomean"] else "–" for e in others]
        lines.append(f"| **geometric mean**, {title} | | " + " | ".join(cells) + " |")
    lines.append(README_END)
    return "\n".join(lines)


def update_readme(doc, base, log):
    """Replaces the block between the README's markers with this result's."""
    path = os.path.join(ROOT, "README.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start, end = text.find(README_BEGIN), text.find(README_END)
    if start < 0 or end < 0:
        log(f"--readme: no {README_BEGIN} ... {README_END} block in {path}")
        return False
    svg = os.path.relpath(base + ".svg", ROOT)
    text = text[:start] + readme_block(doc, svg) + text[end + len(README_END):]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    log(f"updated the performance block of {path}")
    return True


def chart(json_path, svg_path, log):
    """Draws the chart with bench/chart.py under a Python that has matplotlib."""
    for py in (sys.executable, "/usr/bin/python3"):
        probe = subprocess.run([py, "-c", "import matplotlib"], capture_output=True)
        if probe.returncode == 0:
            code = subprocess.run([py, os.path.join(HERE, "chart.py"), json_path, svg_path]).returncode
            if code == 0:
                return True
            log(f"chart.py failed under {py}")
            return False
    log("no chart: matplotlib is missing (apt-get install python3-matplotlib)")
    return False


def write_reports(doc, base, log):
    """BASE.md and BASE.svg from the result document (BASE.json)."""
    with open(base + ".md", "w", encoding="utf-8") as f:
        f.write(markdown(doc))
    drew = chart(base + ".json", base + ".svg", log)
    for title, gm in [(g, doc["geomean_by_group"][g]) for g in doc.get("geomean_by_group", {})] + \
            [("all", doc["geomean"])]:
        log(f"geomean ({title}): " + ", ".join(f"{label} {gm[label]['geomean']:.3f}" for label in doc["engines"]
                                               if label != REFERENCE and gm[label]["geomean"]))
    log(f"wrote {base}.md, {base}.json{', ' + base + '.svg' if drew else ''} ({doc['seconds']:.0f} s of measuring)")


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Linux {platform.release()}"


def git_commit():
    try:
        return subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True).stdout.strip()
    except OSError:
        return ""


def compare(args):
    mode = dict(MODES["quick" if args.quick else "full"])
    for key in ("processes", "warmups", "values"):
        if getattr(args, key) is not None:
            mode[key] = getattr(args, key)
    cpu = min(os.sched_getaffinity(0)) if args.cpu is None else args.cpu
    pyperformance.PIN_CPU = None if cpu < 0 else cpu
    mode["cpu"] = pyperformance.PIN_CPU
    engines = find_engines(args)
    benches = [Bench("startup", "startup")] + own_benchmarks()
    if args.pyperformance:
        benches += pyperformance_benchmarks(args.pyperformance)
    if args.only:
        keep = set(args.only.split(","))
        benches = [b for b in benches if b.name in keep or b.group in keep]
    if args.skip:
        drop = set(args.skip.split(","))
        benches = [b for b in benches if b.name not in drop and b.group not in drop]

    def log(msg):
        print(msg, flush=True)

    name = "quick" if args.quick else "full"
    log(f"compare.py {name}: {len(benches)} benchmarks x {', '.join(e.label for e in engines)}; "
        f"{mode['processes']} processes each")
    t_start = time.perf_counter()
    rows = []
    for bench in benches:
        t0 = time.perf_counter()
        cells = measure_row(bench, engines, mode, log)
        summarize(cells)
        rows.append({"name": bench.name, "group": bench.group, "doc": bench.doc(), "engines": cells})
        ratios = "  ".join(f"{e.label} {cells[e.label]['ratio']:.2f}" if "ratio" in cells[e.label]
                           else f"{e.label} {cells[e.label].get('error', '-')[:60]}"
                           for e in engines if e.label != REFERENCE)
        ref = cells[REFERENCE]
        log(f"{bench.name:22} {fmt_time(ref['median']) if 'median' in ref else 'cpython failed':>10}  {ratios}"
            f"   [{time.perf_counter() - t0:.0f} s]")
    doc = {
        "mode": name,
        "when": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "spindle_commit": git_commit(),
        "settings": mode,
        "engines": [e.label for e in engines],
        "engine_argv": {e.label: [os.path.basename(e.argv[0])] + e.argv[1:] for e in engines},
        "versions": {e.label: e.version() for e in engines},
        "rows": rows,
        "geomean": geomeans(rows, [e.label for e in engines]),
        "geomean_by_group": group_geomeans(rows, [e.label for e in engines]),
        "seconds": round(time.perf_counter() - t_start, 1),
    }
    os.makedirs(args.out, exist_ok=True)
    base = os.path.join(args.out, name)
    with open(base + ".json", "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    write_reports(doc, base, log)
    if args.readme:
        update_readme(doc, base, log)
    wrong = [(r["name"], e) for r in rows for e, c in r["engines"].items() if "error" in c]
    return 1 if any(e != "pypy" for _, e in wrong) else 0


def check(args):
    """CI: every program once at tiny scale under Spindle; checksums equal CPython's."""
    engines = [Engine(REFERENCE, [args.python]), Engine("spindle", [os.path.abspath(args.spindle)])]
    benches = own_benchmarks()
    if args.only:
        benches = [b for b in benches if b.name in args.only.split(",")]
    failed = 0
    for bench in benches:
        results = [one_program(e, bench, "tiny", 0, 1, args.timeout) for e in engines]
        want, got = results
        if "error" in want:
            problem = "CPython failed: " + want["error"]
        elif "error" in got:
            problem = got["error"]
        elif got["checksum"] != want["checksum"]:
            problem = f"checksum {got['checksum']!r}, CPython {want['checksum']!r}"
        else:
            problem = None
        print(f"{bench.group}/{bench.name}: " + ("ok " + got["checksum"][:40] if problem is None else "FAIL " + problem),
              flush=True)
        failed += problem is not None
    print(f"{len(benches) - failed} passed, {failed} failed")
    return 1 if failed or not benches else 0


def diff(paths):
    """Prints the geomeans of two result files and how far apart they are."""
    docs = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            docs.append(json.load(f))
    # Made again from the values, so files written before a group was added compare too.
    tables = [[("all", geomeans(d["rows"], d["engines"]))] + sorted(group_geomeans(d["rows"], d["engines"]).items())
              for d in docs]
    for (title, a), (_, b) in zip(*tables):
        for label in docs[0]["engines"]:
            ga, gb = a.get(label, {}).get("geomean"), b.get(label, {}).get("geomean")
            if label == REFERENCE or not ga or not gb:
                continue
            print(f"{title:14} {label:8} geomean {ga:.3f} ({docs[0]['when']}) and {gb:.3f} ({docs[1]['when']}): "
                  f"differ by {abs(gb / ga - 1) * 100:.1f}%")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--quick", action="store_true", help="quick scale, 2 processes (under 3 minutes)")
    ap.add_argument("--only", help="comma-separated benchmark names or groups (program, micro, startup, pyperformance)")
    ap.add_argument("--skip", help="comma-separated benchmark names or groups to leave out")
    ap.add_argument("--engines", help="comma-separated: " + ", ".join([REFERENCE, *SPINDLE_MODES, "pypy"]))
    ap.add_argument("--processes", type=int, help="processes per engine and benchmark")
    ap.add_argument("--warmups", type=int, help="untimed iterations per process")
    ap.add_argument("--values", type=int, help="timed iterations per process")
    ap.add_argument("--pyperformance", metavar="CHECKOUT", help="also run these pyperformance files from a checkout")
    ap.add_argument("--out", default=os.path.join(HERE, "results"), help="where the results go (bench/results)")
    ap.add_argument("--spindle", default=os.path.join(ROOT, "build", "spindle"))
    ap.add_argument("--python", default=sys.executable if sys.version_info[:2] == (3, 11) else "python3",
                    help="CPython 3.11 (default: the one running this script)")
    ap.add_argument("--pypy", default="pypy3")
    ap.add_argument("--timeout", type=float, default=120, help="--check: seconds per process")
    ap.add_argument("--cpu", type=int, help="pin every measured process to this CPU (default: the lowest "
                    "this driver may use; -1: no pinning)")
    ap.add_argument("--check", action="store_true", help="tiny scale once under Spindle; compare checksums")
    ap.add_argument("--diff", nargs=2, metavar="JSON", help="compare the geomeans of two result files")
    ap.add_argument("--readme", action="store_true", help="also put the result in README.md's performance section")
    ap.add_argument("--render", metavar="JSON", help="recompute a result file's geomeans, write its .md and .svg again")
    args = ap.parse_args()
    if args.diff:
        return diff(args.diff)
    if args.render:
        with open(args.render, encoding="utf-8") as f:
            doc = json.load(f)
        doc["geomean"] = geomeans(doc["rows"], doc["engines"])  # derived: made again from the values
        doc["geomean_by_group"] = group_geomeans(doc["rows"], doc["engines"])
        with open(args.render, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
        write_reports(doc, args.render[:-len(".json")], print)
        if args.readme:
            update_readme(doc, args.render[:-len(".json")], print)
        return 0
    if args.check:
        return check(args)
    return compare(args)


if __name__ == "__main__":
    sys.exit(main())
