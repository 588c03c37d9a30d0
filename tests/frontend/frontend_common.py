# Shared helpers for the front-end test scripts (check_syntax_errors.py,
# ast_parity.py, compile_parity.py, check_regress.py, regen_expected.py).
#
# Invariants: every expected value these scripts compare against comes from
# the running python3 (CPython 3.11), either read from a .expected file that
# regen_expected.py wrote from python3's own output, or computed in-process at
# test time. Nothing here knows what Spindle is supposed to print.
import os
import re
import subprocess
import sys
import sysconfig

ERROR_CLASSES = ("SyntaxError", "IndentationError", "TabError")

# `  File "name", line N` as CPython prints it above a SyntaxError.
_FILE_LINE = re.compile(r'^  File "(?:[^"]*)", line (\d+)', re.M)
_LAST_LINE_CLASS = re.compile(r"^([A-Za-z_][A-Za-z0-9_.]*)(?::|$)")

# Stable placeholder for the absolute corpus directory: CPython 3.11 makes the
# script path absolute before it reports a SyntaxError in it, and the checkout
# can live anywhere.
CORPUS_PLACEHOLDER = b"<CORPUS>/"


def require_cpython_311():
    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11):
        sys.exit("these scripts need CPython 3.11 as python3 (found %s %s)"
                 % (sys.implementation.name, sys.version.split()[0]))


def clean_env():
    """The environment for child processes: no PYTHON* variables (they could
    change what python3 prints), a UTF-8 locale so messages with non-ASCII
    characters come out the same way on every machine."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["LC_ALL"] = "C.UTF-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run(cmd, cwd=None, timeout=30):
    """Runs cmd; returns (returncode, stdout bytes, stderr bytes). A timeout
    is reported as returncode None with a note in stderr; a death by signal
    as a negative returncode (subprocess's convention)."""
    try:
        p = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=timeout, env=clean_env())
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", (e.stderr or b"") + b"\n<timed out after %ds>" % timeout


def error_class_and_line(stderr):
    """(class, line) of the SyntaxError report in stderr bytes, as CPython
    prints it for a file: class from the last non-empty line, line from the
    `File "...", line N` line (None when the report has none, as for source
    decoding errors)."""
    text = stderr.decode("utf-8", "replace")
    lines = [l for l in text.splitlines() if l.strip()]
    cls = None
    if lines:
        m = _LAST_LINE_CLASS.match(lines[-1])
        if m:
            cls = m.group(1)
    found = _FILE_LINE.findall(text)
    line = (int(found[-1]) or None) if found else None  # "line 0" = no location
    return cls, line


def describe_returncode(rc):
    if rc is None:
        return "timeout"
    if rc < 0:
        return "killed by signal %d" % -rc
    return "exit %d" % rc


def stdlib_files(limit=None, substr=None):
    """Every .py file under python3's stdlib directory, test/ included,
    site-packages excluded; sorted so runs are reproducible."""
    root = sysconfig.get_paths()["stdlib"]
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
        for f in sorted(filenames):
            if f.endswith(".py"):
                p = os.path.join(dirpath, f)
                if substr is None or substr in p:
                    out.append(p)
    out.sort()
    if limit is not None:
        out = out[:limit]
    return root, out


def shortest_diff(a, b, context=60, width=160):
    """The region where strings a and b differ, with a little context: the
    common prefix and suffix are cut away."""
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    j = 0
    while j < n - i and a[len(a) - 1 - j] == b[len(b) - 1 - j]:
        j += 1
    start = max(0, i - context)
    def cut(s):
        mid = s[start:len(s) - j + min(j, context)]
        if len(mid) > width:
            mid = mid[:width] + "..."
        return ("..." if start else "") + mid
    return "at offset %d:\n      expected: %r\n      spindle:  %r" % (i, cut(a), cut(b))


def python_error_tuple(exc):
    """(class, line, message) of a SyntaxError raised by python3 in-process;
    line None when CPython gave none (0 or None), as its file report then has
    no `File` line."""
    line = getattr(exc, "lineno", None) or None
    msg = exc.args[0] if exc.args else str(exc)
    return type(exc).__name__, line, msg


def report_parity(results, root, order, passing, show, elapsed):
    """Prints the summary of a stdlib parity run (ast_parity.py,
    compile_parity.py) and returns the exit status. results: (path, kind,
    info) triples; kinds in `passing` count as passed. The files CPython
    rejects are listed in full, the failures of each kind up to `show`."""
    by = {k: [] for k in order}
    for path, kind, info in sorted(results):
        by[kind].append((os.path.relpath(path, root), info))
    if by.get("both-rejected-same"):
        print("Files CPython rejects (Spindle rejects them the same way):")
        for rel, info in by["both-rejected-same"]:
            print("  %s: %s" % (rel, info))
    for kind in order:
        if kind in passing or not by[kind]:
            continue
        print("%s (%d):" % (kind, len(by[kind])))
        for rel, info in by[kind][:show]:
            print("  %s: %s" % (rel, info))
        if len(by[kind]) > show:
            rest = [r for r, _ in by[kind][show:]]
            print("  ... and %d more: %s%s" % (len(rest), " ".join(rest[:40]),
                                              " ..." if len(rest) > 40 else ""))
    for rel, info in by.get("skipped", []):
        print("skipped %s: %s" % (rel, info))
    print("stdlib: %s, %d files, %.0fs" % (root, len(results), elapsed))
    print("summary: " + ", ".join("%s %d" % (k, len(by[k])) for k in order))
    passed = sum(len(by[k]) for k in passing)
    failed = len(results) - passed
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def stdlib_parity_main(check, init, order, passing, show_default):
    """The command line shared by the stdlib parity scripts: SPINDLE [--limit N]
    [--filter SUBSTR] [--jobs N] [--show N]; runs `check` over every stdlib
    file in a process pool (each worker set up by `init(spindle_path)`) and
    returns report_parity's exit status."""
    import argparse
    import time
    from multiprocessing import Pool
    require_cpython_311()
    ap = argparse.ArgumentParser()
    ap.add_argument("spindle")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--filter", default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", type=int, default=show_default, help="how many failures of each kind to detail")
    args = ap.parse_args()
    root, files = stdlib_files(args.limit, args.filter)
    t0 = time.time()
    with Pool(args.jobs, initializer=init, initargs=(os.path.abspath(args.spindle),)) as pool:
        results = list(pool.imap_unordered(check, files, chunksize=4))
    return report_parity(results, root, order, passing, args.show, time.time() - t0)
