# The zone attributes' types and relations, tzset, get_clock_info.
import time

print(type(time.timezone).__name__, type(time.altzone).__name__, type(time.daylight).__name__)
print(type(time.tzname).__name__, len(time.tzname), all(isinstance(n, str) for n in time.tzname))
print(time.daylight in (0, 1), (time.timezone == time.altzone) or time.daylight == 1)
print(time.tzset())
print(type(time.timezone).__name__)

for name in ['time', 'monotonic', 'perf_counter', 'process_time', 'thread_time']:
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, 0 < info.resolution <= 0.01)
for bad in ['x', 'TIME', 3]:
    try:
        time.get_clock_info(bad)
    except Exception as e:
        print(type(e).__name__, e)

a = time.monotonic()
b = time.monotonic()
print(b >= a)
a = time.perf_counter_ns()
b = time.perf_counter_ns()
print(b >= a, type(a).__name__)
print(type(time.time()).__name__, type(time.time_ns()).__name__, time.time() > 1.6e9)
print(type(time.process_time()).__name__, type(time.thread_time_ns()).__name__)
