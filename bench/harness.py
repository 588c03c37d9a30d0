"""Runs one of Spindle's benchmark programs inside the engine being measured.

    ENGINE bench/harness.py NAME [--scale tiny|quick|full | --param N] [--warmups W] [--values V]

NAME is a file bench/programs/bm_NAME.py or bench/micro/bm_NAME.py. Every
program defines run(n), which does a deterministic amount of work and returns
a checksum (an int or a str), and SCALES, the n of each scale. The harness
calls run(n) W times untimed (warm-up: tier-1 specialization, PyPy's JIT),
then V times timed with time.perf_counter, checks that every call returned
the same checksum, and prints three lines:

    checksum <str(result)>
    times <seconds of value 1> <seconds of value 2> ...
    peak-rss-kb <VmHWM of this process, or 0 where /proc is missing>

It uses only sys and time, so that it runs unchanged under Spindle, CPython
3.11 and PyPy 3.9. bench/compare.py drives it; see bench/README.md."""
import sys
import time

HERE = sys.path[0]


def usage(message):
    sys.stderr.write("harness.py: " + message + "\n")
    sys.exit(2)


def parse(argv):
    opts = {"name": None, "scale": "full", "param": None, "warmups": 1, "values": 3}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--scale", "--param", "--warmups", "--values"):
            if i + 1 >= len(argv):
                usage(arg + " needs a value")
            key = arg[2:]
            value = argv[i + 1]
            if key != "scale":
                try:
                    value = int(value)
                except ValueError:
                    usage(arg + " needs an integer, not " + repr(value))
            opts[key] = value
            i += 2
        elif arg.startswith("-"):
            usage("unknown option " + arg)
        elif opts["name"] is None:
            opts["name"] = arg
            i += 1
        else:
            usage("one benchmark name only")
    if opts["name"] is None:
        usage("which benchmark?")
    return opts


def load(name):
    for folder in ("programs", "micro"):
        sys.path.insert(0, HERE + "/" + folder)
        try:
            return __import__("bm_" + name)
        except ImportError as e:
            if getattr(e, "name", None) != "bm_" + name:
                raise
        finally:
            del sys.path[0]
    usage("no benchmark " + repr(name) + " in bench/programs or bench/micro")


def peak_rss_kb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    opts = parse(sys.argv[1:])
    module = load(opts["name"])
    n = opts["param"]
    if n is None:
        if opts["scale"] not in module.SCALES:
            usage("scale must be one of " + ", ".join(sorted(module.SCALES)))
        n = module.SCALES[opts["scale"]]
    checksum = None
    for _ in range(opts["warmups"]):
        checksum = module.run(n)
    times = []
    clock = time.perf_counter
    for _ in range(opts["values"]):
        t0 = clock()
        result = module.run(n)
        times.append(clock() - t0)
        if checksum is not None and result != checksum:
            sys.stderr.write("harness.py: %s returned %r, then %r: not deterministic\n" % (opts["name"], checksum, result))
            sys.exit(3)
        checksum = result
    sys.stdout.write("checksum %s\n" % (checksum,))
    sys.stdout.write("times %s\n" % " ".join(repr(t) for t in times))
    sys.stdout.write("peak-rss-kb %d\n" % peak_rss_kb())


main()
