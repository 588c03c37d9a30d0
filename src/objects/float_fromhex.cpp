// float.fromhex (correctly rounded, half to even, with CPython's grammar and
// errors), float.__getformat__ and float.__getnewargs__.
#include <cmath>
#include <cstring>
#include <string>

#include <gmp.h>

#include "objects/abstract.h"
#include "objects/float.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {

using runtime::raise;
using runtime::raise_format;

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool ascii_space(char c) { return c == ' ' || (c >= 9 && c <= 13); }

bool iequals(std::string_view a, const char* b) {
  if (a.size() != std::strlen(b)) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  return true;
}

Object* invalid(ThreadState* ts) { return raise(ts, &exc::ValueError, "invalid hexadecimal floating-point string"); }
Object* too_large(ThreadState* ts) {
  return raise(ts, &exc::OverflowError, "hexadecimal value too large to represent as a float");
}

// Parses `s` into *out. nullptr return = success (no exception); else the error.
bool parse_hex_float(ThreadState* ts, std::string_view s, double* out) {
  while (!s.empty() && ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && ascii_space(s.back())) s.remove_suffix(1);
  bool neg = false;
  std::string_view body = s;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (iequals(body, "inf") || iequals(body, "infinity")) {
    *out = neg ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (iequals(body, "nan")) {
    *out = neg ? -std::nan("") : std::nan("");
    return true;
  }
  size_t i = 0;
  if (body.size() >= 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X')) i = 2;
  mpz_t m;
  mpz_init(m);
  int64_t frac_digits = 0;
  size_t digits = 0;
  for (; i < body.size() && hex_digit(body[i]) >= 0; ++i, ++digits) {
    mpz_mul_2exp(m, m, 4);
    mpz_add_ui(m, m, static_cast<unsigned long>(hex_digit(body[i])));
  }
  if (i < body.size() && body[i] == '.') {
    for (++i; i < body.size() && hex_digit(body[i]) >= 0; ++i, ++digits, ++frac_digits) {
      mpz_mul_2exp(m, m, 4);
      mpz_add_ui(m, m, static_cast<unsigned long>(hex_digit(body[i])));
    }
  }
  if (digits == 0) {
    mpz_clear(m);
    invalid(ts);
    return false;
  }
  // The binary exponent, saturated far beyond any double's range.
  int64_t exp = 0;
  if (i < body.size() && (body[i] == 'p' || body[i] == 'P')) {
    ++i;
    bool eneg = false;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) eneg = body[i++] == '-';
    size_t start = i;
    for (; i < body.size() && body[i] >= '0' && body[i] <= '9'; ++i) {
      if (exp < (int64_t{1} << 40)) exp = exp * 10 + (body[i] - '0');
    }
    if (i == start) {
      mpz_clear(m);
      invalid(ts);
      return false;
    }
    if (eneg) exp = -exp;
  }
  if (i != body.size()) {
    mpz_clear(m);
    invalid(ts);
    return false;
  }
  exp -= 4 * frac_digits;
  if (mpz_sgn(m) == 0) {
    mpz_clear(m);
    *out = neg ? -0.0 : 0.0;
    return true;
  }
  // value = m * 2^exp; its leading bit has weight 2^top.
  int64_t bits = static_cast<int64_t>(mpz_sizeinbase(m, 2));
  int64_t top = bits - 1 + exp;
  if (top > 1024) {
    mpz_clear(m);
    too_large(ts);
    return false;
  }
  // The weight of the last bit a double can keep at this magnitude.
  int64_t lsb = top >= -1022 ? top - 52 : -1074;
  double result;
  if (lsb > exp) {
    // Round m to a multiple of 2^(lsb - exp), half to even.
    int64_t shift = lsb - exp;
    if (shift > bits + 1) {
      result = 0.0;
    } else {
      mpz_t q, r, half;
      mpz_inits(q, r, half, nullptr);
      mpz_fdiv_q_2exp(q, m, static_cast<mp_bitcnt_t>(shift));
      mpz_fdiv_r_2exp(r, m, static_cast<mp_bitcnt_t>(shift));
      mpz_set_ui(half, 1);
      mpz_mul_2exp(half, half, static_cast<mp_bitcnt_t>(shift - 1));
      int c = mpz_cmp(r, half);
      if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
      result = std::ldexp(mpz_get_d(q), static_cast<int>(lsb));
      mpz_clears(q, r, half, nullptr);
    }
  } else {
    result = std::ldexp(mpz_get_d(m), static_cast<int>(exp));
  }
  mpz_clear(m);
  if (std::isinf(result)) {
    too_large(ts);
    return false;
  }
  *out = neg ? -result : result;
  return true;
}

}  // namespace

Object* float_fromhex(ThreadState* ts, Object* cls, Object* const* args, size_t, Object*) {
  if (!is_str(args[0])) return raise(ts, &exc::TypeError, "bad argument type for built-in operation");
  double d;
  if (!parse_hex_float(ts, str_view(ts, args[0]), &d)) return nullptr;
  Ref f = Ref::steal(float_from_double(ts, d));
  if (!f || cls == &float_type) return f.release();
  Object* a = f.get();
  return call(ts, cls, &a, 1);
}

Object* float_getformat(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Object* t = args[0];
  if (!is_str(t)) {
    return raise_format(ts, &exc::TypeError, "__getformat__() argument must be str, not %s", type_name(t->ob_type));
  }
  if (!str_equal_cstr(t, "double") && !str_equal_cstr(t, "float")) {
    return raise(ts, &exc::ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  }
  return str_from_cstr(ts, "IEEE, little-endian");
}

Object* float_getnewargs(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref f = Ref::steal(float_from_double(ts, float_value(self)));
  if (!f) return nullptr;
  return tuple_pack(ts, {f.get()});
}

}  // namespace spindle::objects
