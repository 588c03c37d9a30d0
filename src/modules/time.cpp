// The time module: clocks, sleep, struct_time and its conversions
// (gmtime, localtime, mktime, asctime, ctime, strftime, strptime), the
// time-zone attributes and clock descriptions.
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <ctime>
#include <string>

#include "modules/oserror.h"
#include "modules/structseq.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"

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

Type struct_time_type;

namespace {

const char* const kStructTimeFields[] = {"tm_year", "tm_mon",  "tm_mday",  "tm_hour", "tm_min",  "tm_sec",
                                         "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"};
const char* const kDayNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* const kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

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

// --- struct_time and timestamps --------------------------------------------

// PyArg_ParseTuple's wording: "f() takes at most 2 arguments (3 given)".
int check_call(ThreadState* ts, const char* name, size_t nargs, Object* kwnames, size_t min, size_t max) {
  if (check_no_kwargs(ts, name, kwnames) < 0) return -1;
  if (nargs >= min && nargs <= max) return 0;
  size_t n = nargs < min ? min : max;
  runtime::raise_format(ts, &exc::TypeError, "%s() takes %s %zu argument%s (%zu given)", name,
                        min == max ? "exactly" : nargs < min ? "at least" : "at most", n, n == 1 ? "" : "s", nargs);
  return -1;
}

// A timestamp argument (int or float) as a time_t, rounded toward -inf.
bool to_time_t(ThreadState* ts, Object* o, time_t* out) {
  if (is_float(o)) {
    double d = float_value(o);
    if (std::isnan(d)) {
      runtime::raise(ts, &exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    d = std::floor(d);
    if (!(d >= -9.2e18 && d < 9.2e18)) {
      runtime::raise(ts, &exc::OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    *out = static_cast<time_t>(d);
    return true;
  }
  Ref i = Ref::steal(number_index(ts, o));
  if (!i) return false;
  bool overflow = false;
  int64_t v = int_as_i64(ts, i.get(), &overflow);
  if (overflow) {
    runtime::raise(ts, &exc::OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  *out = static_cast<time_t>(v);
  return true;
}

// The seconds argument of gmtime/localtime/ctime: absent or None is now.
bool seconds_arg(ThreadState* ts, Object* const* args, size_t nargs, time_t* out) {
  if (nargs == 0 || is_none(args[0])) {
    *out = time(nullptr);
    return true;
  }
  return to_time_t(ts, args[0], out);
}

Object* make_struct_time(ThreadState* ts, const struct tm& t) {
  Object* items[11] = {
      int_from_i64(ts, static_cast<int64_t>(t.tm_year) + 1900), int_from_i64(ts, t.tm_mon + 1),
      int_from_i64(ts, t.tm_mday), int_from_i64(ts, t.tm_hour), int_from_i64(ts, t.tm_min),
      int_from_i64(ts, t.tm_sec), int_from_i64(ts, (t.tm_wday + 6) % 7), int_from_i64(ts, t.tm_yday + 1),
      int_from_i64(ts, t.tm_isdst), t.tm_zone ? str_from_cstr(ts, t.tm_zone) : new_ref(py_none()),
      int_from_i64(ts, t.tm_gmtoff)};
  return structseq_new(ts, &struct_time_type, items);
}

Object* t_gmtime(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_call(ts, "gmtime", nargs, kwnames, 0, 1) < 0) return nullptr;
  time_t secs;
  if (!seconds_arg(ts, args, nargs, &secs)) return nullptr;
  struct tm t;
  errno = 0;
  if (!gmtime_r(&secs, &t)) return raise_os_error(ts, errno ? errno : EOVERFLOW);
  return make_struct_time(ts, t);
}

Object* t_localtime(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_call(ts, "localtime", nargs, kwnames, 0, 1) < 0) return nullptr;
  time_t secs;
  if (!seconds_arg(ts, args, nargs, &secs)) return nullptr;
  struct tm t;
  errno = 0;
  if (!localtime_r(&secs, &t)) return raise_os_error(ts, errno ? errno : EOVERFLOW);
  return make_struct_time(ts, t);
}

// One field of a time tuple as a C int.
bool tm_field(ThreadState* ts, Object* o, int* out) {
  if (is_float(o)) {
    runtime::raise(ts, &exc::TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  Ref i = Ref::steal(number_index(ts, o));
  if (!i) return false;
  bool overflow = false;
  int64_t v = int_as_i64(ts, i.get(), &overflow);
  if (overflow || v > INT_MAX) {
    runtime::raise(ts, &exc::OverflowError, "signed integer is greater than maximum");
    return false;
  }
  if (v < INT_MIN) {
    runtime::raise(ts, &exc::OverflowError, "signed integer is less than minimum");
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

// A struct_time or 9-tuple as a struct tm (C conventions: year - 1900,
// months from 0, Sunday = 0). `zone` keeps a struct_time's tm_zone text.
bool time_tuple(ThreadState* ts, Object* o, const char* func, struct tm* t, std::string* zone) {
  if (!is_tuple(o)) {
    runtime::raise(ts, &exc::TypeError, "Tuple or struct_time argument required");
    return false;
  }
  if (tuple_size(o) != 9) {
    runtime::raise_format(ts, &exc::TypeError, "%s(): illegal time tuple argument", func);
    return false;
  }
  *t = {};
  int v[9];
  for (int i = 0; i < 9; ++i)
    if (!tm_field(ts, tuple_item_borrowed(o, i), &v[i])) return false;
  if (static_cast<int64_t>(v[0]) - 1900 < INT_MIN) {
    runtime::raise(ts, &exc::OverflowError, "year out of range");
    return false;
  }
  t->tm_year = v[0] - 1900;
  t->tm_mon = v[1] - 1;
  t->tm_mday = v[2];
  t->tm_hour = v[3];
  t->tm_min = v[4];
  t->tm_sec = v[5];
  t->tm_wday = (v[6] + 1) % 7;
  t->tm_yday = v[7] - 1;
  t->tm_isdst = v[8];
  if (o->ob_type == &struct_time_type) {
    Ref z = Ref::steal(get_attr_str(ts, o, "tm_zone"));
    if (!z) return false;
    if (is_str(z.get())) {
      *zone = str_view(ts, z.get());
      t->tm_zone = zone->c_str();
    }
    Ref off = Ref::steal(get_attr_str(ts, o, "tm_gmtoff"));
    if (!off) return false;
    if (is_int(off.get())) {
      bool overflow = false;
      t->tm_gmtoff = static_cast<long>(int_as_i64(ts, off.get(), &overflow));
    }
  }
  return true;
}

// CPython's range checks for strftime and asctime; zeros mean "first".
bool check_tm(ThreadState* ts, struct tm* t) {
  const char* err = nullptr;
  if (t->tm_mon == -1) t->tm_mon = 0;
  else if (t->tm_mon < 0 || t->tm_mon > 11) err = "month out of range";
  if (!err) {
    if (t->tm_mday == 0) t->tm_mday = 1;
    else if (t->tm_mday < 0 || t->tm_mday > 31) err = "day of month out of range";
  }
  if (!err && (t->tm_hour < 0 || t->tm_hour > 23)) err = "hour out of range";
  if (!err && (t->tm_min < 0 || t->tm_min > 59)) err = "minute out of range";
  if (!err && (t->tm_sec < 0 || t->tm_sec > 61)) err = "seconds out of range";
  if (!err && t->tm_wday < 0) err = "day of week out of range";
  if (!err) {
    if (t->tm_yday == -1) t->tm_yday = 0;
    else if (t->tm_yday < 0 || t->tm_yday > 365) err = "day of year out of range";
  }
  if (err) {
    runtime::raise(ts, &exc::ValueError, err);
    return false;
  }
  return true;
}

// The struct tm of an optional time-tuple argument (absent or None: now).
bool tuple_or_now(ThreadState* ts, Object* const* args, size_t nargs, const char* func, struct tm* t,
                  std::string* zone) {
  if (nargs == 0 || is_none(args[0])) {
    time_t now = time(nullptr);
    localtime_r(&now, t);
    return true;
  }
  return time_tuple(ts, args[0], func, t, zone);
}

Object* format_asctime(ThreadState* ts, const struct tm& t) {
  return str_from_format(ts, "%s %s%3d %.2d:%.2d:%.2d %lld", kDayNames[t.tm_wday % 7], kMonthNames[t.tm_mon],
                         t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, static_cast<long long>(t.tm_year) + 1900);
}

Object* t_asctime(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "asctime", nargs, kwnames, 0, 1) < 0) return nullptr;
  struct tm t;
  std::string zone;
  if (!tuple_or_now(ts, args, nargs, "asctime", &t, &zone) || !check_tm(ts, &t)) return nullptr;
  return format_asctime(ts, t);
}

Object* t_ctime(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_call(ts, "ctime", nargs, kwnames, 0, 1) < 0) return nullptr;
  time_t secs;
  if (!seconds_arg(ts, args, nargs, &secs)) return nullptr;
  struct tm t;
  errno = 0;
  if (!localtime_r(&secs, &t)) return raise_os_error(ts, errno ? errno : EOVERFLOW);
  return format_asctime(ts, t);
}

Object* t_mktime(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  struct tm t;
  std::string zone;
  if (!time_tuple(ts, args[0], "mktime", &t, &zone)) return nullptr;
  t.tm_wday = -1;  // untouched by a failing mktime
  time_t r = mktime(&t);
  if (r == static_cast<time_t>(-1) && t.tm_wday == -1) {
    return runtime::raise(ts, &exc::OverflowError, "mktime argument out of range");
  }
  return float_from_double(ts, static_cast<double>(r));
}

Object* t_strftime(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_call(ts, "strftime", nargs, kwnames, 1, 2) < 0) return nullptr;
  if (!is_str(args[0])) {
    return runtime::raise_format(ts, &exc::TypeError, "strftime() argument 1 must be str, not %s", tp_name(args[0]));
  }
  struct tm t;
  std::string zone;
  if (!tuple_or_now(ts, args + 1, nargs - 1, "strftime", &t, &zone) || !check_tm(ts, &t)) return nullptr;
  if (t.tm_isdst < -1) t.tm_isdst = -1;
  else if (t.tm_isdst > 1) t.tm_isdst = 1;
  size_t flen = 0;
  const char* fmt = str_utf8(ts, args[0], &flen);
  if (!fmt) return nullptr;
  if (std::strlen(fmt) != flen) return runtime::raise(ts, &exc::ValueError, "embedded null character");
  if (flen == 0) return new_ref(str_empty());
  // A zero result may be a legitimately empty expansion: grow the buffer a
  // bounded number of times before believing it.
  std::string buf;
  for (size_t size = 1024;; size += size) {
    buf.resize(size);
    size_t n = std::strftime(buf.data(), size, fmt, &t);
    if (n > 0 || size >= 256 * flen) return str_from_utf8(ts, buf.data(), n);
  }
}

// --- strptime ------------------------------------------------------------

const char* const kLongDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
const char* const kLongMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int64_t days_before_month(int64_t y, int m) {
  static const int kCum[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  return kCum[m - 1] + (m > 2 && is_leap(y) ? 1 : 0);
}

int days_in_month(int64_t y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Monday = 0, as datetime.date.weekday().
int weekday_of(int64_t y, int m, int d) {
  int64_t yy = y - 1;
  int64_t ordinal = yy * 365 + yy / 4 - yy / 100 + yy / 400 + days_before_month(y, m) + d;
  return static_cast<int>(((ordinal + 6) % 7 + 7) % 7);
}

// A numeric field as CPython's strptime regexes match it: the longest run of
// min_d..max_d digits at s[*pos] whose value lies in [lo, hi].
bool match_digits(const std::string& s, size_t* pos, int min_d, int max_d, int64_t lo, int64_t hi, int64_t* out) {
  size_t avail = 0;
  while (*pos + avail < s.size() && avail < static_cast<size_t>(max_d) && s[*pos + avail] >= '0' &&
         s[*pos + avail] <= '9') {
    ++avail;
  }
  for (size_t n = avail; n >= static_cast<size_t>(min_d) && n > 0; --n) {
    int64_t v = 0;
    for (size_t k = 0; k < n; ++k) v = v * 10 + (s[*pos + k] - '0');
    if (v >= lo && v <= hi) {
      *pos += n;
      *out = v;
      return true;
    }
  }
  return false;
}

// The longest name of `names` (case-insensitive, full or first 3 letters).
bool match_name(const std::string& s, size_t* pos, const char* const* names, int count, bool abbrev, int* out) {
  for (int i = 0; i < count; ++i) {
    size_t len = abbrev ? 3 : std::strlen(names[i]);
    if (s.size() - *pos < len) continue;
    if (strncasecmp(s.c_str() + *pos, names[i], len) == 0) {
      *pos += len;
      *out = i;
      return true;
    }
  }
  return false;
}

Object* t_strptime(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "strptime", kwnames) < 0) return nullptr;
  if (nargs == 0) {
    return runtime::raise(ts, &exc::TypeError, "_strptime_time() missing 1 required positional argument: 'data_string'");
  }
  if (nargs > 2) {
    return runtime::raise_format(ts, &exc::TypeError,
                                 "_strptime_time() takes from 1 to 2 positional arguments but %zu were given", nargs);
  }
  for (size_t i = 0; i < nargs; ++i) {
    if (!is_str(args[i])) {
      Ref r = Ref::steal(repr(ts, static_cast<Object*>(args[i]->ob_type)));
      if (!r) return nullptr;
      return runtime::raise_format(ts, &exc::TypeError, "strptime() argument %zu must be str, not %s", i,
                                   str_utf8(ts, r.get()));
    }
  }
  std::string data(str_view(ts, args[0]));
  std::string fmt = nargs > 1 ? std::string(str_view(ts, args[1])) : std::string("%a %b %d %H:%M:%S %Y");
  // Check the directives first, as CPython compiles the format before matching.
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') continue;
    if (i + 1 == fmt.size()) return runtime::raise_format(ts, &exc::ValueError, "stray %% in format '%s'", fmt.c_str());
    char c = fmt[++i];
    if (!std::strchr("aAbBcdfHIjmMpSuwyYzZ%xXUWGVgl", c) || std::strchr("cxXUWGVgl", c)) {
      return runtime::raise_format(ts, &exc::ValueError, "'%c' is a bad directive in format '%s'", c, fmt.c_str());
    }
  }
  int64_t year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, yday = -1, gmtoff = 0;
  int wday = -1, ampm = -1, isdst = -1;
  bool hour12 = false, have_gmtoff = false;
  size_t pos = 0;
  bool ok = true;
  for (size_t i = 0; i < fmt.size() && ok; ++i) {
    char f = fmt[i];
    if (is_space(f)) {
      while (i + 1 < fmt.size() && is_space(fmt[i + 1])) ++i;
      if (pos >= data.size() || !is_space(data[pos])) ok = false;
      while (pos < data.size() && is_space(data[pos])) ++pos;
      continue;
    }
    if (f != '%') {
      if (pos < data.size() && std::tolower(static_cast<unsigned char>(data[pos])) ==
                                   std::tolower(static_cast<unsigned char>(f))) ++pos;
      else ok = false;
      continue;
    }
    char c = fmt[++i];
    int64_t v = 0;
    int idx = 0;
    switch (c) {
      case 'Y': ok = match_digits(data, &pos, 4, 4, 0, 9999, &v) && (year = v, true); break;
      case 'y': ok = match_digits(data, &pos, 2, 2, 0, 99, &v) && (year = v < 69 ? 2000 + v : 1900 + v, true); break;
      case 'm': ok = match_digits(data, &pos, 1, 2, 1, 12, &v) && (month = v, true); break;
      case 'd':
        if (pos + 1 < data.size() && data[pos] == ' ' && data[pos + 1] >= '1' && data[pos + 1] <= '9') ++pos;
        ok = match_digits(data, &pos, 1, 2, 1, 31, &v) && (day = v, true);
        break;
      case 'H': ok = match_digits(data, &pos, 1, 2, 0, 23, &v) && (hour = v, true); break;
      case 'I': ok = match_digits(data, &pos, 1, 2, 1, 12, &v) && (hour = v, hour12 = true); break;
      case 'M': ok = match_digits(data, &pos, 1, 2, 0, 59, &v) && (minute = v, true); break;
      case 'S': ok = match_digits(data, &pos, 1, 2, 0, 61, &v) && (second = v, true); break;
      case 'j': ok = match_digits(data, &pos, 1, 3, 1, 366, &v) && (yday = v, true); break;
      case 'f': ok = match_digits(data, &pos, 1, 6, 0, 999999, &v); break;
      case 'w': ok = match_digits(data, &pos, 1, 1, 0, 6, &v) && (wday = static_cast<int>((v + 6) % 7), true); break;
      case 'u': ok = match_digits(data, &pos, 1, 1, 1, 7, &v) && (wday = static_cast<int>(v - 1), true); break;
      case 'a': ok = match_name(data, &pos, kLongDays, 7, true, &idx) && (wday = idx, true); break;
      case 'A': ok = match_name(data, &pos, kLongDays, 7, false, &idx) && (wday = idx, true); break;
      case 'b': ok = match_name(data, &pos, kLongMonths, 12, true, &idx) && (month = idx + 1, true); break;
      case 'B': ok = match_name(data, &pos, kLongMonths, 12, false, &idx) && (month = idx + 1, true); break;
      case 'p': {
        static const char* const kAmPm[] = {"am", "pm"};
        ok = match_name(data, &pos, kAmPm, 2, false, &idx) && (ampm = idx, true);
        break;
      }
      case 'z': {
        if (pos < data.size() && (data[pos] == 'Z' || data[pos] == 'z')) {
          ++pos;
          have_gmtoff = true;
          gmtoff = 0;
          break;
        }
        if (pos >= data.size() || (data[pos] != '+' && data[pos] != '-')) { ok = false; break; }
        int sign = data[pos] == '-' ? -1 : 1;
        size_t p = pos + 1;
        int64_t hh = 0, mm = 0, ss = 0;
        size_t q = p;
        ok = match_digits(data, &q, 2, 2, 0, 99, &hh);
        p = q;
        if (ok && p < data.size() && data[p] == ':') ++p;
        q = p;
        ok = ok && match_digits(data, &q, 2, 2, 0, 99, &mm);
        p = q;
        if (ok && p + 2 < data.size() + 1 && p < data.size() && (data[p] == ':' || (data[p] >= '0' && data[p] <= '9'))) {
          size_t r = data[p] == ':' ? p + 1 : p;
          size_t r2 = r;
          if (match_digits(data, &r2, 2, 2, 0, 99, &ss)) p = r2;
          else ss = 0;
        }
        if (ok) {
          pos = p;
          have_gmtoff = true;
          gmtoff = sign * (hh * 3600 + mm * 60 + ss);
        }
        break;
      }
      case 'Z': {
        static const char* const kUtc[] = {"utc", "gmt"};
        ok = match_name(data, &pos, kUtc, 2, false, &idx) && (isdst = 0, true);
        break;
      }
      case '%': ok = pos < data.size() && data[pos] == '%' && (++pos, true); break;
      default: ok = false;
    }
  }
  if (!ok) {
    Ref d = Ref::steal(repr(ts, args[0]));
    if (!d) return nullptr;
    return runtime::raise_format(ts, &exc::ValueError, "time data %s does not match format '%s'",
                                 str_utf8(ts, d.get()), fmt.c_str());
  }
  if (pos < data.size()) {
    return runtime::raise_format(ts, &exc::ValueError, "unconverted data remains: %s", data.c_str() + pos);
  }
  if (hour12) {
    if (ampm == 1 && hour != 12) hour += 12;
    else if (ampm == 0 && hour == 12) hour = 0;
  }
  if (yday != -1) {  // the date yday - 1 days after January 1st (may roll into the next year)
    int64_t left = yday;
    month = 1;
    for (;;) {
      int dim = days_in_month(year, static_cast<int>(month));
      if (left <= dim) break;
      left -= dim;
      if (++month > 12) {
        month = 1;
        ++year;
      }
    }
    day = left;
  } else if (day > days_in_month(year, static_cast<int>(month))) {
    return runtime::raise(ts, &exc::ValueError, "day is out of range for month");
  }
  if (yday == -1) yday = days_before_month(year, static_cast<int>(month)) + day;
  if (wday == -1) wday = weekday_of(year, static_cast<int>(month), static_cast<int>(day));
  Object* items[11] = {int_from_i64(ts, year),   int_from_i64(ts, month),  int_from_i64(ts, day),
                       int_from_i64(ts, hour),   int_from_i64(ts, minute), int_from_i64(ts, second),
                       int_from_i64(ts, wday),   int_from_i64(ts, yday),   int_from_i64(ts, isdst),
                       new_ref(py_none()),
                       have_gmtoff ? int_from_i64(ts, gmtoff) : new_ref(py_none())};
  return structseq_new(ts, &struct_time_type, items);
}

// --- time zones and clock descriptions ------------------------------------------

// timezone, altzone, daylight and tzname from the zone's January and July
// offsets of the current year, as CPython computes them.
int set_zone_attrs(ThreadState* ts, Object* m) {
  time_t now = time(nullptr);
  struct tm t;
  localtime_r(&now, &t);
  int year = t.tm_year;
  struct tm jan = {}, jul = {};
  jan.tm_year = jul.tm_year = year;
  jan.tm_mday = jul.tm_mday = 1;
  jul.tm_mon = 6;
  time_t jan_t = timegm(&jan), jul_t = timegm(&jul);
  struct tm a, b;
  localtime_r(&jan_t, &a);
  localtime_r(&jul_t, &b);
  long jan_off = -a.tm_gmtoff, jul_off = -b.tm_gmtoff;
  std::string jan_name = a.tm_zone ? a.tm_zone : "", jul_name = b.tm_zone ? b.tm_zone : "";
  long tz = jan_off, alt = jul_off;
  std::string std_name = jan_name, dst_name = jul_name;
  if (jan_off < jul_off) {  // the southern hemisphere: DST in January
    tz = jul_off;
    alt = jan_off;
    std_name = jul_name;
    dst_name = jan_name;
  }
  if (add_int(ts, m, "timezone", tz) < 0 || add_int(ts, m, "altzone", alt) < 0 ||
      add_int(ts, m, "daylight", jan_off != jul_off) < 0) {
    return -1;
  }
  Ref n1 = Ref::steal(str_from(ts, std_name));
  Ref n2 = Ref::steal(str_from(ts, dst_name));
  if (!n1 || !n2) return -1;
  return add_object(ts, m, "tzname", tuple_pack(ts, {n1.get(), n2.get()}));
}

Object* t_tzset(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  tzset();
  if (set_zone_attrs(ts, self) < 0) return nullptr;
  return new_ref(py_none());
}

Object* t_get_clock_info(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  if (!is_str(args[0])) {
    return runtime::raise_format(ts, &exc::TypeError, "get_clock_info() argument 1 must be str, not %s", tp_name(args[0]));
  }
  struct Info {
    const char* name;
    const char* impl;
    clockid_t id;
    bool monotonic, adjustable;
  };
  static const Info kInfos[] = {
      {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, false, true},
      {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
      {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
      {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, true, false},
      {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, true, false},
  };
  for (const Info& info : kInfos) {
    if (!str_equal_cstr(args[0], info.name)) continue;
    timespec res{0, 1};
    clock_getres(info.id, &res);
    Ref d = Ref::steal(dict_new(ts));
    if (!d) return nullptr;
    Ref impl = Ref::steal(str_from_cstr(ts, info.impl));
    Ref resolution = Ref::steal(float_from_double(ts, static_cast<double>(res.tv_sec) + res.tv_nsec * 1e-9));
    if (!impl || !resolution || dict_set_item_str(ts, d.get(), "implementation", impl.get()) < 0 ||
        dict_set_item_str(ts, d.get(), "monotonic", py_bool(info.monotonic)) < 0 ||
        dict_set_item_str(ts, d.get(), "adjustable", py_bool(info.adjustable)) < 0 ||
        dict_set_item_str(ts, d.get(), "resolution", resolution.get()) < 0) {
      return nullptr;
    }
    return namespace_new(ts, d.get());
  }
  return runtime::raise(ts, &exc::ValueError, "unknown clock");
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
    {"gmtime", t_gmtime, kMethKeywords},
    {"localtime", t_localtime, kMethKeywords},
    {"mktime", t_mktime, kMethO},
    {"asctime", t_asctime, kMethKeywords},
    {"ctime", t_ctime, kMethKeywords},
    {"strftime", t_strftime, kMethKeywords},
    {"strptime", t_strptime, kMethKeywords},
    {"tzset", t_tzset, kMethNoArgs},
    {"get_clock_info", t_get_clock_info, kMethO},
    {},
};

}  // namespace

void init_struct_time_type(Type& t) { init_structseq_type(t, "time.struct_time", kStructTimeFields, 9, 11); }

Object* init_time_module(ThreadState* ts) {
  Ref m = Ref::steal(
      new_native_module(ts, "time", time_functions, "This module provides various functions to manipulate time values."));
  if (!m) return nullptr;
  if (add_type(ts, m.get(), &struct_time_type) < 0 || set_zone_attrs(ts, m.get()) < 0) return nullptr;
  return m.release();
}

}  // namespace spindle::modules
