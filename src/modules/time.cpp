// The time module: clocks, sleep, and struct_time conversions.
#include <cerrno>
#include <cmath>
#include <ctime>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "vm/interpreter.h"

namespace spindle::modules {

using namespace objects;

namespace {

int64_t clock_ns(clockid_t id) {
  timespec t;
  clock_gettime(id, &t);
  return static_cast<int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

Object* seconds(ThreadState* ts, clockid_t id) { return float_from_double(ts, static_cast<double>(clock_ns(id)) * 1e-9); }

#define SPINDLE_CLOCK(fname, clock)                                                                        \
  Object* t_##fname(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return seconds(ts, clock); } \
  Object* t_##fname##_ns(ThreadState* ts, Object*, Object* const*, size_t, Object*) {                     \
    return int_from_i64(ts, clock_ns(clock));                                                              \
  }
SPINDLE_CLOCK(time, CLOCK_REALTIME)
SPINDLE_CLOCK(monotonic, CLOCK_MONOTONIC)
SPINDLE_CLOCK(perf_counter, CLOCK_MONOTONIC)
SPINDLE_CLOCK(process_time, CLOCK_PROCESS_CPUTIME_ID)
SPINDLE_CLOCK(thread_time, CLOCK_THREAD_CPUTIME_ID)
#undef SPINDLE_CLOCK

// sleep(secs): interruptible by Ctrl-C (KeyboardInterrupt), resumes after
// other signals.
Object* t_sleep(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Object* a = args[0];
  if (!is_float(a) && !is_int(a) && !has_flag(a->ob_type, kTypeIntSubclass)) {
    if (!a->ob_type->nb_float && !a->ob_type->nb_index) {
      return runtime::raise_format(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer",
                                   tp_name(a));
    }
  }
  double secs = float_as_double(ts, a);
  if (secs == -1.0 && runtime::has_exception(ts)) return nullptr;
  if (std::isnan(secs)) return runtime::raise(ts, &exc::ValueError, "Invalid value NaN (not a number)");
  if (secs < 0) return runtime::raise(ts, &exc::ValueError, "sleep length must be non-negative");
  if (secs > 9.2e9) return runtime::raise(ts, &exc::OverflowError, "sleep length is too large");
  int64_t deadline = clock_ns(CLOCK_MONOTONIC) + static_cast<int64_t>(secs * 1e9);
  for (;;) {
    int64_t left = deadline - clock_ns(CLOCK_MONOTONIC);
    if (left <= 0) break;
    timespec t{static_cast<time_t>(left / 1'000'000'000), static_cast<long>(left % 1'000'000'000)};
    if (nanosleep(&t, nullptr) == 0) break;
    if (errno != EINTR) return runtime::raise(ts, &exc::OSError, "sleep failed");
    if (vm::handle_eval_breaker(ts) < 0) return nullptr;
  }
  return py_none();
}

const MethodDef time_functions[] = {
    {"time", t_time, kMethNoArgs},
    {"time_ns", t_time_ns, kMethNoArgs},
    {"monotonic", t_monotonic, kMethNoArgs},
    {"monotonic_ns", t_monotonic_ns, kMethNoArgs},
    {"perf_counter", t_perf_counter, kMethNoArgs},
    {"perf_counter_ns", t_perf_counter_ns, kMethNoArgs},
    {"process_time", t_process_time, kMethNoArgs},
    {"process_time_ns", t_process_time_ns, kMethNoArgs},
    {"thread_time", t_thread_time, kMethNoArgs},
    {"thread_time_ns", t_thread_time_ns, kMethNoArgs},
    {"sleep", t_sleep, kMethO},
    {},
};

}  // namespace

Object* init_time_module(ThreadState* ts) {
  return new_native_module(ts, "time", time_functions, "This module provides various functions to manipulate time values.");
}

}  // namespace spindle::modules
