"""Shared pieces of the tests/lang scripts: the program set and the
expected-file format.

A program is a .py file directly inside tests/lang/<area>/ whose name does not
start with "_"; such files and the subdirectories of
an area hold helper modules and packages, never programs.

<name>.expected (written by regen_expected.py from python3, never by hand):
    exit: <exit status>
    stderr: <last line of stderr, or empty>
    ---
    <stdout, exactly>
"""
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))


def programs(filter_substr=None):
    out = []
    for area in sorted(os.listdir(HERE)):
        d = os.path.join(HERE, area)
        if not os.path.isdir(d) or area.startswith(("_", ".")):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".py") and not name.startswith("_"):
                rel = f"{area}/{name}"
                if filter_substr is None or filter_substr in rel:
                    out.append(rel)
    return out


def run(interpreter, rel, timeout=10, xoptions=()):
    """Runs one program (killed after `timeout` seconds, with `-X opt` for
    each of xoptions); returns (exit, last stderr line, stdout)."""
    path = os.path.join(HERE, rel)
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    try:
        xargs = [a for x in xoptions for a in ("-X", x)]
        p = subprocess.run([interpreter, *xargs, os.path.basename(path)], cwd=os.path.dirname(path), env=env,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout", ""
    err_lines = p.stderr.decode("utf-8", "replace").rstrip("\n").split("\n")
    return p.returncode, err_lines[-1] if err_lines else "", p.stdout.decode("utf-8", "replace")


def format_expected(code, err, out):
    return f"exit: {code}\nstderr: {err}\n---\n{out}"


def parse_expected(text):
    # Two header lines, the separator, then stdout verbatim (the stderr line
    # may itself contain dashes, so split by position, not by "---").
    exit_line, err_line, sep, out = text.split("\n", 3)
    assert sep == "---", "malformed .expected file"
    return int(exit_line.split(": ", 1)[1]), err_line.split(": ", 1)[1] if ": " in err_line else "", out
