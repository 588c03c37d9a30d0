// float: arithmetic with Python's floor/mod sign rules, comparison (exact
// against ints), CPython's numeric hash, repr and construction.
#include "objects/float.h"

#include <charconv>
#include <cmath>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/free_list.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::objects {

// float_fromhex.cpp
Object* float_fromhex(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object* kwnames);
Object* float_getformat(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object* kwnames);
Object* float_getnewargs(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames);


using runtime::raise;
using runtime::raise_format;

Type float_type;

namespace {

thread_local FreeList<Float> t_float_free;  // objects/free_list.h

void float_dealloc(Object* o) {
  if (o->ob_type == &float_type && t_float_free.push(static_cast<Float*>(o))) return;
  free_object(o);
}

}  // namespace

Object* float_from_double(ThreadState* ts, double d) {
  if (Float* f = t_float_free.pop(&float_type)) {
    f->value = d;
    return f;
  }
  auto* f = static_cast<Float*>(alloc_object(ts, &float_type, sizeof(Float)));
  if (f) f->value = d;
  return f;
}

double float_as_double(ThreadState* ts, Object* o) {
  if (is_float(o)) return float_value(o);
  if (is_int(o)) {
    bool failed;
    double d = int_as_double(ts, o, &failed);
    return failed ? -1.0 : d;
  }
  // Only __float__ and __index__ convert; number_float's fallback would call
  // float() again.
  if (o->ob_type->nb_float) {
    Ref f = Ref::steal(number_float(ts, o));
    if (!f) return -1.0;
    return float_value(f.get());
  }
  if (o->ob_type->nb_index) {
    Ref i = Ref::steal(number_index(ts, o));
    if (!i) return -1.0;
    bool failed;
    double d = int_as_double(ts, i.get(), &failed);
    return failed ? -1.0 : d;
  }
  runtime::raise_format(ts, &exc::TypeError, "must be real number, not %s", type_name(o->ob_type));
  return -1.0;
}

std::string float_repr_string(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  char buf[64];
  // Shortest round-trip digits in scientific form, then laid out as CPython.
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, r.ptr);
  bool neg = sci[0] == '-';
  if (neg) sci.erase(0, 1);
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::atoi(sci.c_str() + e + 1);
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int ndig = static_cast<int>(digits.size());
  std::string out;
  if (exp < -4 || exp >= 16) {
    out = digits.substr(0, 1);
    if (ndig > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
    out += eb;
  } else if (exp < 0) {
    out = "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
  } else if (exp + 1 >= ndig) {
    out = digits + std::string(static_cast<size_t>(exp + 1 - ndig), '0') + ".0";
  } else {
    out = digits.substr(0, static_cast<size_t>(exp + 1)) + "." + digits.substr(static_cast<size_t>(exp + 1));
  }
  return neg ? "-" + out : out;
}

int64_t hash_double(Object* identity, double d) {
  constexpr int kBits = 61;
  constexpr uint64_t kModulus = (uint64_t{1} << kBits) - 1;
  if (std::isinf(d)) return d > 0 ? 314159 : -314159;
  if (std::isnan(d)) return static_cast<int64_t>(reinterpret_cast<uintptr_t>(identity) >> 4);
  int e;
  double m = std::frexp(d, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kModulus) | x >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    auto y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kModulus) | x >> (kBits - e);
  auto h = static_cast<int64_t>(x) * sign;
  return h == -1 ? -2 : h;
}

namespace {

// Converts an operand to double for arithmetic; false (NotImplemented) for
// non-numbers, or with an exception for huge ints.
bool operand(ThreadState* ts, Object* o, double* out, bool* error) {
  *error = false;
  if (is_float(o)) {
    *out = float_value(o);
    return true;
  }
  if (is_int(o)) {
    bool failed;
    *out = int_as_double(ts, o, &failed);
    *error = failed;
    return true;
  }
  return false;
}

template <class F>
Object* arith(ThreadState* ts, Object* a, Object* b, F f) {
  double x, y;
  bool err;
  if (!operand(ts, a, &x, &err)) return new_ref(py_not_implemented());
  if (err) return nullptr;
  if (!operand(ts, b, &y, &err)) return new_ref(py_not_implemented());
  if (err) return nullptr;
  return f(x, y);
}

Object* float_add(ThreadState* ts, Object* a, Object* b) {
  return arith(ts, a, b, [&](double x, double y) { return float_from_double(ts, x + y); });
}
Object* float_sub(ThreadState* ts, Object* a, Object* b) {
  return arith(ts, a, b, [&](double x, double y) { return float_from_double(ts, x - y); });
}
Object* float_mul(ThreadState* ts, Object* a, Object* b) {
  return arith(ts, a, b, [&](double x, double y) { return float_from_double(ts, x * y); });
}
Object* float_div(ThreadState* ts, Object* a, Object* b) {
  return arith(ts, a, b, [&](double x, double y) -> Object* {
    if (y == 0.0) return raise(ts, &exc::ZeroDivisionError, "float division by zero");
    return float_from_double(ts, x / y);
  });
}

// Python's divmod for floats: the remainder takes the divisor's sign.
void float_divmod_values(double x, double y, double* div, double* mod) {
  double m = std::fmod(x, y);
  double d = (x - m) / y;
  if (m) {
    if ((y < 0) != (m < 0)) {
      m += y;
      d -= 1.0;
    }
  } else {
    m = std::copysign(0.0, y);
  }
  double fd;
  if (d) {
    fd = std::floor(d);
    if (d - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, x / y);
  }
  *div = fd;
  *mod = m;
}

Object* float_floordiv(ThreadState* ts, Object* a, Object* b) {
  return arith(ts, a, b, [&](double x, double y) -> Object* {
    if (y == 0.0) return raise(ts, &exc::ZeroDivisionError, "float floor division by zero");
    double d, m;
    float_divmod_values(x, y, &d, &m);
    return float_from_double(ts, d);
  });
}
Object* float_mod(ThreadState* ts, Object* a, Object* b) {
  return arith(ts, a, b, [&](double x, double y) -> Object* {
    if (y == 0.0) return raise(ts, &exc::ZeroDivisionError, "float modulo");
    double d, m;
    float_divmod_values(x, y, &d, &m);
    return float_from_double(ts, m);
  });
}
Object* float_divmod(ThreadState* ts, Object* a, Object* b) {
  return arith(ts, a, b, [&](double x, double y) -> Object* {
    if (y == 0.0) return raise(ts, &exc::ZeroDivisionError, "float divmod()");
    double d, m;
    float_divmod_values(x, y, &d, &m);
    Ref dd = Ref::steal(float_from_double(ts, d));
    Ref mm = Ref::steal(float_from_double(ts, m));
    if (!dd || !mm) return nullptr;
    return tuple_pack(ts, {dd.get(), mm.get()});
  });
}
Object* float_pow(ThreadState* ts, Object* a, Object* b, Object* m) {
  if (!is_none(m)) return raise(ts, &exc::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  return arith(ts, a, b, [&](double x, double y) -> Object* {
    if (x == 0.0 && y < 0) return raise(ts, &exc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    if (x < 0 && y != std::floor(y) && std::isfinite(y)) {
      // A negative base to a fractional power is complex (complex type: later in issue 3).
      return raise(ts, &exc::ValueError, "math domain error");
    }
    double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
      return raise_format(ts, &exc::OverflowError, "(34, 'Numerical result out of range')");
    return float_from_double(ts, r);
  });
}

Object* float_neg(ThreadState* ts, Object* a) { return float_from_double(ts, -float_value(a)); }
Object* float_pos(ThreadState* ts, Object* a) { return is_float(a) && a->ob_type == &float_type ? new_ref(a) : float_from_double(ts, float_value(a)); }
Object* float_abs(ThreadState* ts, Object* a) { return float_from_double(ts, std::fabs(float_value(a))); }
int float_bool(ThreadState*, Object* a) { return float_value(a) != 0.0; }
Object* float_int(ThreadState* ts, Object* a) { return int_from_double(ts, float_value(a)); }
Object* float_float(ThreadState* ts, Object* a) { return float_pos(ts, a); }
int64_t float_hash(ThreadState*, Object* a) { return hash_double(a, float_value(a)); }
Object* float_repr(ThreadState* ts, Object* a) {
  std::string s = float_repr_string(float_value(a));
  return str_from_utf8(ts, s.data(), s.size());
}

// Exact comparison of a double with an int (no rounding of the int).
int compare_double_int(ThreadState* ts, double x, Object* i) {
  if (std::isinf(x)) return x > 0 ? 1 : -1;
  if (int_is_small(i) && std::llabs(int_small_value(i)) < (int64_t{1} << 53)) {
    double y = static_cast<double>(int_small_value(i));
    return (x > y) - (x < y);
  }
  mpz_t zi;
  mpz_init(zi);
  int_to_mpz(i, zi);
  double fl = std::floor(x);
  mpz_t zx;
  mpz_init_set_d(zx, fl);
  int c = mpz_cmp(zx, zi);
  if (c == 0 && x != fl) c = 1;
  mpz_clear(zx);
  mpz_clear(zi);
  (void)ts;
  return (c > 0) - (c < 0);
}

Object* float_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (!is_float(a)) return new_ref(py_not_implemented());
  double x = float_value(a);
  int c;
  bool unordered = false;
  if (is_float(b)) {
    double y = float_value(b);
    unordered = std::isnan(x) || std::isnan(y);
    c = (x > y) - (x < y);
  } else if (is_int(b)) {
    unordered = std::isnan(x);
    c = unordered ? 0 : compare_double_int(ts, x, b);
  } else {
    return new_ref(py_not_implemented());
  }
  bool r;
  if (unordered) r = op == CompareOp::Ne;
  else switch (op) {
      case CompareOp::Lt: r = c < 0; break;
      case CompareOp::Le: r = c <= 0; break;
      case CompareOp::Eq: r = c == 0; break;
      case CompareOp::Ne: r = c != 0; break;
      case CompareOp::Gt: r = c > 0; break;
      default: r = c >= 0; break;
    }
  return py_bool(r);
}

// float(x=0.0, /)
Object* float_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "float", nargs, kwnames, 0, 1) < 0) return nullptr;
  double d = 0.0;
  if (nargs == 1) {
    Object* x = args[0];
    if (is_str(x)) {
      std::string s(str_view(ts, x));
      std::string t;
      size_t b = 0, e = s.size();
      while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
      while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
      bool ok = b < e;
      for (size_t k = b; k < e && ok; ++k) {
        if (s[k] == '_') {
          ok = k > b && k + 1 < e && std::isalnum(static_cast<unsigned char>(s[k - 1])) &&
               std::isalnum(static_cast<unsigned char>(s[k + 1]));
        } else {
          t += s[k];
        }
      }
      char* end = nullptr;
      if (ok) {
        std::string lower;
        for (char c : t) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string body = lower[0] == '+' || lower[0] == '-' ? lower.substr(1) : lower;
        if (body == "inf" || body == "infinity" || body == "nan") {
          d = body == "nan" ? NAN : INFINITY;
          if (lower[0] == '-') d = -d;
        } else if (body.find_first_not_of("0123456789.e+-") != std::string::npos || body.find("0x") != std::string::npos) {
          ok = false;
        } else {
          d = std::strtod(t.c_str(), &end);
          ok = end && *end == '\0';
        }
      }
      if (!ok) {
        std::string shown = repr_utf8(ts, x);
        return raise_format(ts, &exc::ValueError, "could not convert string to float: %s", shown.c_str());
      }
    } else {
      d = float_as_double(ts, x);
      if (d == -1.0 && runtime::has_exception(ts)) {
        if (runtime::exception_matches(ts, &exc::TypeError) && !x->ob_type->nb_float && !x->ob_type->nb_index) {
          runtime::clear_exception(ts);
          return raise_format(ts, &exc::TypeError, "float() argument must be a string or a real number, not '%s'",
                              type_name(x->ob_type));
        }
        return nullptr;
      }
    }
  }
  if (type == &float_type) return float_from_double(ts, d);
  auto* f = static_cast<Float*>(type_generic_alloc(ts, type, 0));
  if (f) f->value = d;
  return f;
}

Object* float_is_integer(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  double d = float_value(self);
  return py_bool(std::isfinite(d) && d == std::floor(d));
}

Object* float_trunc(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return int_from_double(ts, float_value(self)); }
Object* float_floor(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return int_from_double(ts, std::floor(float_value(self))); }
Object* float_ceil(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return int_from_double(ts, std::ceil(float_value(self))); }

// round(x[, ndigits]) correctly rounded through the shortest-repr machinery.
Object* float_round(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "__round__", nargs, kwnames, 0, 1) < 0) return nullptr;
  double x = float_value(self);
  if (nargs == 0 || is_none(args[0])) {
    double r = std::nearbyint(x);  // round-half-even in the default rounding mode
    return int_from_double(ts, r);
  }
  int64_t nd = as_ssize(ts, args[0], nullptr);
  if (nd == -1 && runtime::has_exception(ts)) return nullptr;
  if (!std::isfinite(x) || x == 0.0) return float_from_double(ts, x);
  if (nd > 323) return float_from_double(ts, x);
  if (nd < -308) return float_from_double(ts, 0.0 * x);
  // Exact decimal rounding: format with enough digits via %.*f on the exact value.
  char buf[512];
  if (nd >= 0) {
    std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(nd), x);  // glibc rounds exactly, half-even
    return float_from_double(ts, std::strtod(buf, nullptr));
  }
  double p = std::pow(10.0, static_cast<double>(-nd));
  double y = x / p;
  double z = std::nearbyint(y);
  if (std::fabs(y - std::trunc(y)) == 0.5) z = 2.0 * std::nearbyint(y / 2.0);
  return float_from_double(ts, z * p);
}

Object* float_as_integer_ratio(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  double x = float_value(self);
  if (std::isinf(x)) return raise(ts, &exc::OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(x)) return raise(ts, &exc::ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(x, &e);
  for (int i = 0; i < 300 && m != std::floor(m); ++i) {
    m *= 2.0;
    e--;
  }
  mpz_t num, den;
  mpz_init_set_d(num, m);
  mpz_init_set_ui(den, 1);
  if (e > 0) mpz_mul_2exp(num, num, static_cast<mp_bitcnt_t>(e));
  else mpz_mul_2exp(den, den, static_cast<mp_bitcnt_t>(-e));
  Ref n = Ref::steal(int_from_mpz(ts, num));
  Ref d = Ref::steal(int_from_mpz(ts, den));
  mpz_clear(num);
  mpz_clear(den);
  if (!n || !d) return nullptr;
  return tuple_pack(ts, {n.get(), d.get()});
}

Object* float_conjugate(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return float_pos(ts, self); }
Object* float_get_real(ThreadState* ts, Object* self) { return float_pos(ts, self); }
Object* float_get_imag(ThreadState* ts, Object*) { return float_from_double(ts, 0.0); }

Object* float_hex(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  double x = float_value(self);
  if (!std::isfinite(x)) return str_from(ts, float_repr_string(x));
  if (x == 0.0) return str_from(ts, std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", x);
  // glibc prints 0x1.8p+1; CPython pads the fraction to 13 hex digits.
  std::string s(buf);
  size_t dot = s.find('.'), p = s.find('p');
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1, p - dot - 1);
  frac.resize(13, '0');
  std::string head = s.substr(0, dot == std::string::npos ? p : dot);
  return str_from(ts, head + "." + frac + s.substr(p));
}

Object* float_format(ThreadState* ts, Object* self, Object* const* args, size_t, Object*);

const MethodDef float_methods[] = {
    {"is_integer", float_is_integer, kMethNoArgs},
    {"__trunc__", float_trunc, kMethNoArgs},
    {"__floor__", float_floor, kMethNoArgs},
    {"__ceil__", float_ceil, kMethNoArgs},
    {"__round__", float_round, kMethFast},
    {"as_integer_ratio", float_as_integer_ratio, kMethNoArgs},
    {"conjugate", float_conjugate, kMethNoArgs},
    {"hex", float_hex, kMethNoArgs},
    {"__format__", float_format, kMethO},
    {"fromhex", float_fromhex, kMethO | kMethClass},
    {"__getformat__", float_getformat, kMethO | kMethClass},
    {"__getnewargs__", float_getnewargs, kMethNoArgs},
    {},
};

const GetSetDef float_getsets[] = {
    {"real", float_get_real, nullptr},
    {"imag", float_get_imag, nullptr},
    {},
};

}  // namespace

Object* float_format_impl(ThreadState* ts, Object* self, Object* spec);  // format_spec.cpp
namespace {
Object* float_format(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (!is_str(args[0])) {
    return raise_format(ts, &exc::TypeError, "format() argument 2 must be str, not %s", type_name(args[0]->ob_type));
  }
  return float_format_impl(ts, self, args[0]);
}
}  // namespace

void init_float_type(Type& t) {
  t.name = "float";
  t.basicsize = sizeof(Float);
  t.flags = kTypeBaseType;
  t.dealloc = float_dealloc;
  t.repr = float_repr;
  t.hash = float_hash;
  t.richcompare = float_richcompare;
  t.nb_add = float_add;
  t.nb_subtract = float_sub;
  t.nb_multiply = float_mul;
  t.nb_true_divide = float_div;
  t.nb_floor_divide = float_floordiv;
  t.nb_remainder = float_mod;
  t.nb_divmod = float_divmod;
  t.nb_power = float_pow;
  t.nb_negative = float_neg;
  t.nb_positive = float_pos;
  t.nb_absolute = float_abs;
  t.nb_bool = float_bool;
  t.nb_int = float_int;
  t.nb_float = float_float;
  t.new_ = float_new;
  t.methods = float_methods;
  t.getsets = float_getsets;
}

}  // namespace spindle::objects
