#!/usr/bin/env python3
"""Checks Spindle's run modes against python3: -c with arguments, -m, a
script, stdin (`-` and implicit), SystemExit statuses, SPINDLEPATH, and the
interactive prompt through a pty. Usage: check_run_modes.py SPINDLE
Every case runs under both interpreters and compares stdout, the exit status
and the last stderr line. Last line: `N passed, M failed`."""
import os
import pty
import select
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")


def run(cmd, stdin=None, env=None):
    p = subprocess.run(cmd, input=stdin, capture_output=True, cwd=DATA, env=env, timeout=20)
    err = p.stderr.decode().rstrip("\n").split("\n")[-1]
    return p.stdout.decode(), p.returncode, err


CASES = [
    ("-c with argv", ["-c", "import sys; print(sys.argv)", "a", "b"], None),
    ("-c exit status", ["-c", "import sys; sys.exit(42)"], None),
    ("-c SystemExit message", ["-c", "raise SystemExit('bye')"], None),
    ("-c uncaught", ["-c", "print('out'); 1/0"], None),
    ("-m module with args", ["-m", "runmod", "x", "y"], None),
    ("-m package", ["-m", "pkgm"], None),
    ("-m missing", ["-m", "no_such_module_here"], None),
    ("script", ["runmod.py", "1"], None),
    ("stdin dash", ["-", "arg"], b"import sys\nprint('stdin', sys.argv)\n"),
    ("stdin implicit", [], b"print('implicit', __name__)\n"),
    ("missing script", ["does_not_exist.py"], None),
]


def compare(name, got, want):
    gout, gcode, gerr = got
    wout, wcode, werr = want
    # The program name in messages differs (spindle vs python3).
    gerr = gerr.replace(SPINDLE, "PROG")
    werr = werr.replace(sys.executable, "PROG")
    if (gout, gcode, gerr) == (wout, wcode, werr):
        return None
    return f"{name}: got {(gout, gcode, gerr)!r}, expected {(wout, wcode, werr)!r}"


def repl(binary):
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(DATA)
        os.execv(binary, [binary, "-q"] if "python" in os.path.basename(binary) else [binary])
    out = b""

    def drain(t):
        nonlocal out
        end = time.time() + t
        while time.time() < end:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    out += os.read(fd, 4096)
                except OSError:
                    return

    for line in ["x = 6", "x * 7", "def f(a):", "    return a + 1", "", "f(x)", "1/0", "(1 +", " 2)", "print('done')"]:
        drain(0.4)
        os.write(fd, (line + "\n").encode())
    drain(0.6)
    os.write(fd, b"\x04")
    drain(0.6)
    os.waitpid(pid, 0)
    lines = out.decode(errors="replace").replace("\r", "").split("\n")
    # Compare what the session printed, not the banner or echoed input.
    return [l for l in lines if l and not l.startswith((">>>", "...", "Python", "Type ")) and "File" not in l]


SPINDLE = ""


def main():
    global SPINDLE
    spindle = SPINDLE = os.path.abspath(sys.argv[1])
    failures = []
    for name, args, stdin in CASES:
        f = compare(name, run([spindle] + args, stdin), run([sys.executable] + args, stdin))
        if f:
            failures.append(f)
    env = dict(os.environ, SPINDLEPATH=DATA, PYTHONPATH=DATA)
    f = compare("SPINDLEPATH", run([spindle, "-c", "import runmod"], env=env), run([sys.executable, "-c", "import runmod"], env=env))
    if f:
        failures.append(f)
    got, want = repl(spindle), repl(sys.executable)
    if got != want:
        failures.append(f"repl: got {got!r}, expected {want!r}")
    total = len(CASES) + 2
    for f in failures:
        print("FAIL", f)
    print(f"{total - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
