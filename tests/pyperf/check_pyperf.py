#!/usr/bin/env python3
"""Checks Spindle's pyperf (lib/pyperf) with a benchmark file written the
way pyperformance's are: the result line's format, the options (--fast,
--rigorous, --values, --warmups, --loops, user arguments with type, choices
and store_true), the JSON of -o, and argparse-style errors (exit 2).
Usage: check_pyperf.py SPINDLE. Last line: `N passed, M failed`."""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "bench_sample.py")
RESULT = re.compile(r"^(\w+): Mean \+- std dev: [0-9.]+ (sec|ms|us|ns) \+- [0-9.]+ (sec|ms|us|ns)$")


def run(spindle, *args):
    p = subprocess.run([spindle, SAMPLE, *args], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def main():
    spindle = sys.argv[1]
    failures = []
    checks = 0

    def check(name, cond, detail=""):
        nonlocal checks
        checks += 1
        if not cond:
            failures.append(f"{name}: {detail}")

    code, out, err = run(spindle, "--fast")
    lines = out.strip().splitlines()
    check("fast exit", code == 0, err)
    check("fast result line", len(lines) == 1 and RESULT.match(lines[0]) and lines[0].startswith("sample_sum:"), out)

    code, out, err = run(spindle, "--kind", "timed", "--values", "4", "--warmups", "2", "--loops", "3")
    check("time_func result", code == 0 and RESULT.match(out.strip()) and out.startswith("sample_timed:"), out + err)

    code, out, err = run(spindle, "--values", "1", "--warmups", "0", "--flag")
    lines = out.strip().splitlines()
    check("one value", code == 0 and lines[0] == "flag set" and re.match(r"^sample_sum: [0-9.]+ (sec|ms|us|ns)$", lines[1]),
          out + err)

    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "out.json")
        code, out, err = run(spindle, "--values", "3", "--warmups", "1", "--loops", "2", "-o", path)
        check("json exit", code == 0, err)
        try:
            with open(path) as f:
                doc = json.load(f)
            bench = doc["benchmarks"][0]
            run0 = bench["runs"][0]
            check("json layout", doc["version"] == "1.0" and bench["metadata"]["name"] == "sample_sum" and
                  bench["metadata"]["loops"] == 2 and bench["metadata"]["description"] == "sample" and
                  len(run0["values"]) == 3 and len(run0["warmups"]) == 1 and
                  all(isinstance(v, float) and v > 0 for v in run0["values"]), json.dumps(doc)[:300])
        except (OSError, ValueError, KeyError, IndexError) as e:
            check("json readable", False, repr(e))

    code, out, err = run(spindle, "--kind", "other")
    check("invalid choice", code == 2 and "error: argument --kind: invalid choice: 'other' (choose from 'sum', 'timed')" in err,
          err)
    code, out, err = run(spindle, "--n", "x")
    check("invalid int", code == 2 and "error: argument --n: invalid int value: 'x'" in err, err)
    code, out, err = run(spindle, "--bogus")
    check("unrecognized", code == 2 and "error: unrecognized arguments: --bogus" in err, err)
    code, out, err = run(spindle, "--help")
    check("help", code == 0 and "--kind" in out and "usage:" in out, out + err)

    for f in failures:
        print("FAIL", f)
    print(f"{checks - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
