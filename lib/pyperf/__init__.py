"""Spindle's pyperf: the part of the pyperf API that benchmark files use.

Benchmarks written for pyperf (the pyperformance suite) run unchanged:

    runner = pyperf.Runner()
    runner.metadata['description'] = "..."
    runner.argparser.add_argument("--level", type=int, default=25)
    args = runner.parse_args()
    runner.bench_func('name', func, arg1, inner_loops=10)
    runner.bench_time_func('name', time_func, arg1)

Unlike pyperf, everything runs in the calling process: the loop count is
calibrated so that one value takes at least --min-time seconds, then
--warmups values are computed and dropped, then --values values are kept.
The result line is pyperf's: "NAME: Mean +- std dev: 48.3 ms +- 1.1 ms".
-o FILE writes the benchmarks as JSON in pyperf's layout (version 1.0).
"""

import sys
import time

__version__ = "2.6.0-spindle"
VERSION = (2, 6, 0)

perf_counter = time.perf_counter

_UNITS = ("sec", "ms", "us", "ns")


def format_timedeltas(values):
    """Formats durations in seconds with pyperf's rule: the unit and the
    precision (3 significant digits) come from the first value."""
    ref = abs(values[0])
    for i in range(2, -9, -1):
        if ref >= 10.0 ** i:
            break
    else:
        i = -9
    precision = 2 - i % 3
    k = -(i // 3) if i < 0 else 0
    factor = 10 ** (k * 3)
    fmt = "%%.%sf %s" % (precision, _UNITS[k])
    return tuple(fmt % (v * factor,) for v in values)


def format_timedelta(value):
    return format_timedeltas((value,))[0]


def _mean(values):
    return sum(values) / len(values)


def _stdev(values):
    if len(values) < 2:
        return 0.0
    m = _mean(values)
    return (sum((v - m) ** 2 for v in values) / (len(values) - 1)) ** 0.5


# ---------------------------------------------------------------------------
# A small argparse: what Runner.argparser users call.
# ---------------------------------------------------------------------------

class Namespace:
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ", ".join("%s=%r" % kv for kv in sorted(self.__dict__.items()))
        return "Namespace(%s)" % items

    def __contains__(self, key):
        return key in self.__dict__


class ArgumentError(Exception):
    pass


class _Action:
    def __init__(self, names, dest, action, nargs, const, default, type, choices, required, help, metavar):
        self.names = names
        self.dest = dest
        self.action = action
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    @property
    def positional(self):
        return not self.names[0].startswith("-")

    def display(self):
        return "/".join(self.names) if not self.positional else self.dest

    def takes_value(self):
        return self.action in ("store", "append")

    def convert(self, text):
        value = text
        if self.type is not None:
            try:
                value = self.type(text)
            except (TypeError, ValueError):
                name = getattr(self.type, "__name__", repr(self.type))
                raise ArgumentError("argument %s: invalid %s value: %r" % (self.display(), name, text))
        if self.choices is not None and value not in self.choices:
            choices = ", ".join(repr(c) for c in self.choices)
            raise ArgumentError("argument %s: invalid choice: %r (choose from %s)" % (self.display(), value, choices))
        return value


class ArgumentParser:
    def __init__(self, prog=None, description=None, **kwargs):
        self.prog = prog or (sys.argv[0].rsplit("/", 1)[-1] if sys.argv and sys.argv[0] else "benchmark")
        self.description = description
        self._actions = []

    def add_argument(self, *names, action="store", nargs=None, const=None, default=None, type=None,
                     choices=None, required=False, help=None, metavar=None, dest=None):
        if not names:
            raise TypeError("add_argument() needs a name")
        if dest is None:
            long_names = [n for n in names if n.startswith("--")]
            base = (long_names or list(names))[0]
            dest = base.lstrip("-").replace("-", "_")
        if action == "store_true":
            default = False if default is None else default
        elif action == "store_false":
            default = True if default is None else default
        elif action == "count" and default is None:
            default = None
        if isinstance(default, str) and type is not None and action == "store":
            default = type(default)
        act = _Action(list(names), dest, action, nargs, const, default, type, choices, required, help, metavar)
        self._actions.append(act)
        return act

    def add_mutually_exclusive_group(self, **kwargs):
        return self

    def add_argument_group(self, *args, **kwargs):
        return self

    def set_defaults(self, **kwargs):
        for act in self._actions:
            if act.dest in kwargs:
                act.default = kwargs[act.dest]

    def format_usage(self):
        parts = []
        for act in self._actions:
            if act.positional:
                parts.append(act.dest)
            elif act.takes_value():
                parts.append("[%s %s]" % (act.names[0], act.metavar or act.dest.upper()))
            else:
                parts.append("[%s]" % act.names[0])
        return "usage: %s [-h] %s\n" % (self.prog, " ".join(parts))

    def print_help(self, file=None):
        out = file or sys.stdout
        out.write(self.format_usage())
        if self.description:
            out.write("\n%s\n" % self.description)
        out.write("\noptions:\n  -h, --help            show this help message and exit\n")
        for act in self._actions:
            out.write("  %-22s%s\n" % (", ".join(act.names), act.help or ""))

    def error(self, message):
        sys.stderr.write(self.format_usage())
        sys.stderr.write("%s: error: %s\n" % (self.prog, message))
        sys.exit(2)

    def _option(self, name):
        for act in self._actions:
            if name in act.names:
                return act
        matches = [a for a in self._actions if any(n.startswith(name) and n.startswith("--") for n in a.names)]
        if len(matches) == 1 and name.startswith("--"):
            return matches[0]
        return None

    def _take_values(self, act, args, i, first):
        """Consumes the values of `act`; returns (value, next index)."""
        nargs = act.nargs
        if nargs is None:
            if first is not None:
                return act.convert(first), i
            if i >= len(args) or (args[i].startswith("-") and len(args[i]) > 1 and not _is_number(args[i])):
                raise ArgumentError("argument %s: expected one argument" % act.display())
            return act.convert(args[i]), i + 1
        values = [] if first is None else [first]
        while i < len(args) and not (args[i].startswith("-") and len(args[i]) > 1 and not _is_number(args[i])):
            if isinstance(nargs, int) and len(values) == nargs:
                break
            if nargs == "?" and values:
                break
            values.append(args[i])
            i += 1
        if nargs == "?":
            return (act.convert(values[0]) if values else act.const), i
        if nargs == "+" and not values:
            raise ArgumentError("argument %s: expected at least one argument" % act.display())
        if isinstance(nargs, int) and len(values) != nargs:
            raise ArgumentError("argument %s: expected %d arguments" % (act.display(), nargs))
        return [act.convert(v) for v in values], i

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = sys.argv[1:]
        args = list(args)
        ns = namespace if namespace is not None else Namespace()
        for act in self._actions:
            if not hasattr(ns, act.dest):
                setattr(ns, act.dest, act.default)
        positionals = [a for a in self._actions if a.positional]
        extras = []
        seen = set()
        i = 0
        try:
            while i < len(args):
                arg = args[i]
                i += 1
                if arg == "--":
                    extras.extend(args[i:])
                    break
                if arg in ("-h", "--help"):
                    self.print_help()
                    sys.exit(0)
                if arg.startswith("-") and len(arg) > 1 and not _is_number(arg):
                    name, eq, inline = arg.partition("=")
                    act = self._option(name)
                    if act is None:
                        extras.append(arg)
                        continue
                    seen.add(act)
                    if act.action == "store_true":
                        setattr(ns, act.dest, True)
                    elif act.action == "store_false":
                        setattr(ns, act.dest, False)
                    elif act.action == "store_const":
                        setattr(ns, act.dest, act.const)
                    elif act.action == "count":
                        setattr(ns, act.dest, (getattr(ns, act.dest) or 0) + 1)
                    else:
                        value, i = self._take_values(act, args, i, inline if eq else None)
                        if act.action == "append":
                            current = getattr(ns, act.dest)
                            current = list(current) if current else []
                            current.append(value)
                            value = current
                        setattr(ns, act.dest, value)
                    continue
                if positionals:
                    act = positionals.pop(0)
                    seen.add(act)
                    value, i = self._take_values(act, args, i, arg)
                    setattr(ns, act.dest, value)
                else:
                    extras.append(arg)
            missing = [a.display() for a in self._actions if a.required and a not in seen]
            missing += [a.dest for a in positionals if a.nargs not in ("?", "*")]
            if missing:
                raise ArgumentError("the following arguments are required: %s" % ", ".join(missing))
        except ArgumentError as exc:
            self.error(str(exc))
        return ns, extras

    def parse_args(self, args=None, namespace=None):
        ns, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: %s" % " ".join(extras))
        return ns


def _is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------

class Benchmark:
    """The values of one benchmark (seconds per inner loop)."""

    def __init__(self, name, values, warmups, loops, inner_loops, metadata):
        self._name = name
        self._values = list(values)
        self._warmups = list(warmups)
        self._loops = loops
        self._inner_loops = inner_loops
        self._metadata = dict(metadata)

    def get_name(self):
        return self._name

    def get_values(self):
        return tuple(self._values)

    def get_nvalue(self):
        return len(self._values)

    def get_loops(self):
        return self._loops

    def get_metadata(self):
        return dict(self._metadata)

    def mean(self):
        return _mean(self._values)

    def stdev(self):
        return _stdev(self._values)

    def median(self):
        v = sorted(self._values)
        n = len(v)
        return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2

    def format(self):
        if len(self._values) < 2:
            return format_timedelta(self._values[0])
        mean, dev = format_timedeltas((self.mean(), self.stdev()))
        return "Mean +- std dev: %s +- %s" % (mean, dev)

    def _json(self):
        meta = dict(self._metadata)
        meta["name"] = self._name
        meta["loops"] = self._loops
        meta["inner_loops"] = self._inner_loops
        meta.setdefault("unit", "second")
        run = {
            "metadata": {"date": time.strftime("%Y-%m-%d %H:%M:%S") if hasattr(time, "strftime") else ""},
            "warmups": [[self._loops, w] for w in self._warmups],
            "values": self._values,
        }
        return {"metadata": meta, "runs": [run]}


def _json_dump(value, out):
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, (int, float)):
        out.append(repr(value))
    elif isinstance(value, str):
        out.append('"')
        for ch in value:
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ch == "\n":
                out.append("\\n")
            elif ord(ch) < 0x20:
                out.append("\\u%04x" % ord(ch))
            else:
                out.append(ch)
        out.append('"')
    elif isinstance(value, dict):
        out.append("{")
        for n, (k, v) in enumerate(sorted(value.items())):
            if n:
                out.append(", ")
            _json_dump(str(k), out)
            out.append(": ")
            _json_dump(v, out)
        out.append("}")
    else:
        out.append("[")
        for n, v in enumerate(value):
            if n:
                out.append(", ")
            _json_dump(v, out)
        out.append("]")


def dumps(value):
    out = []
    _json_dump(value, out)
    return "".join(out)


# ---------------------------------------------------------------------------
# Runner
# ---------------------------------------------------------------------------

class Runner:
    def __init__(self, values=None, warmups=None, processes=None, loops=0, min_time=0.1, metadata=None,
                 show_name=True, program_args=None, add_cmdline_args=None, _argparser=None, **kwargs):
        self._default_values = values or 10
        self._default_warmups = 1 if warmups is None else warmups
        self._default_loops = loops
        self._default_min_time = min_time
        self.metadata = dict(metadata or {})
        self._show_name = show_name
        self._program_args = program_args
        self._add_cmdline_args = add_cmdline_args
        self.args = None
        self._benchmarks = []
        parser = _argparser or ArgumentParser()
        parser.add_argument("--values", "-n", type=int, default=None, help="number of values per run")
        parser.add_argument("--warmups", "-w", type=int, default=None, help="number of warmup values")
        parser.add_argument("--loops", "-l", type=int, default=None, help="number of loops per value (0: calibrate)")
        parser.add_argument("--min-time", type=float, default=None, help="minimum duration of a value, in seconds")
        parser.add_argument("--fast", "-f", action="store_true", help="get a result quickly")
        parser.add_argument("--rigorous", action="store_true", help="spend more time to get a reliable result")
        parser.add_argument("--processes", "-p", type=int, default=None, help="accepted; Spindle runs in-process")
        parser.add_argument("--output", "-o", default=None, help="write the results as JSON to this file")
        parser.add_argument("--append", default=None, help="accepted as --output")
        parser.add_argument("--quiet", "-q", action="store_true", help="print only the result")
        parser.add_argument("--verbose", "-v", action="store_true", help="print every value")
        parser.add_argument("--inherit-environ", default=None, help="accepted, ignored")
        parser.add_argument("--affinity", default=None, help="accepted, ignored")
        parser.add_argument("--debug-single-value", action="store_true", help="one value, one loop, no warmup")
        self.argparser = parser

    def parse_args(self, args=None):
        if self.args is not None and args is None:
            return self.args
        ns = self.argparser.parse_args(args)
        values, warmups, min_time = self._default_values, self._default_warmups, self._default_min_time
        if ns.fast:
            values, warmups, min_time = 3, 1, min_time / 2
        if ns.rigorous:
            values, warmups, min_time = 30, 2, min_time * 2
        if ns.values is not None:
            values = ns.values
        if ns.warmups is not None:
            warmups = ns.warmups
        if ns.min_time is not None:
            min_time = ns.min_time
        loops = self._default_loops if ns.loops is None else ns.loops
        if ns.debug_single_value:
            values, warmups, loops = 1, 0, 1
        if values < 1:
            self.argparser.error("--values must be >= 1")
        if warmups < 0:
            self.argparser.error("--warmups must be >= 0")
        ns.values, ns.warmups, ns.min_time, ns.loops = values, warmups, min_time, loops
        if ns.append and not ns.output:
            ns.output = ns.append
        self.args = ns
        return ns

    def _calibrate(self, timer, min_time):
        loops = 1
        while True:
            dt = timer(loops)
            if dt >= min_time or loops >= 2 ** 32:
                return loops
            loops *= 2

    def _run(self, name, timer, inner_loops, metadata):
        args = self.parse_args()
        inner = inner_loops or 1
        loops = args.loops if args.loops else self._calibrate(timer, args.min_time)
        warmups = [timer(loops) / (loops * inner) for _ in range(args.warmups)]
        values = []
        for _ in range(args.values):
            values.append(timer(loops) / (loops * inner))
            if args.verbose:
                print("Value %d: %s" % (len(values), format_timedelta(values[-1])))
        meta = dict(self.metadata)
        meta.update(metadata or {})
        bench = Benchmark(name, values, warmups, loops, inner, meta)
        self._benchmarks.append(bench)
        if self._show_name:
            print("%s: %s" % (name, bench.format()))
        else:
            print(bench.format())
        sys.stdout.flush()
        if args.output:
            self._write(args.output)
        return bench

    def _write(self, path):
        doc = {
            "version": "1.0",
            "metadata": {"python_implementation": "spindle", "perf_version": __version__},
            "benchmarks": [b._json() for b in self._benchmarks],
        }
        with open(path, "w") as f:
            f.write(dumps(doc))
            f.write("\n")

    def bench_func(self, name, func, *args, inner_loops=None, metadata=None):
        def timer(loops):
            it = range(loops)
            t0 = perf_counter()
            for _ in it:
                func(*args)
            return perf_counter() - t0
        return self._run(name, timer, inner_loops, metadata)

    def bench_time_func(self, name, time_func, *args, inner_loops=None, metadata=None):
        def timer(loops):
            return time_func(loops, *args)
        return self._run(name, timer, inner_loops, metadata)
