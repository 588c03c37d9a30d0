# A benchmark file written against pyperf's API, as pyperformance's are.
import pyperf


def work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def timed(loops, n):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        work(n)
    return pyperf.perf_counter() - t0


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "sample"
    runner.argparser.add_argument("--n", type=int, default=200, help="size")
    runner.argparser.add_argument("--kind", choices=["sum", "timed"], default="sum")
    runner.argparser.add_argument("--flag", action="store_true")
    args = runner.parse_args()
    if args.flag:
        print("flag set")
    if args.kind == "sum":
        runner.bench_func("sample_sum", work, args.n)
    else:
        runner.bench_time_func("sample_timed", timed, args.n, inner_loops=4)
