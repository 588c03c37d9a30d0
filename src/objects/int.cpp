// int and bool: construction, arithmetic (int64 fast paths, GMP otherwise),
// comparison, hashing, conversion to and from text.
#include "objects/int.h"

#include <cmath>
#include <cstring>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/free_list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"
#include "unicode/unicode_db.h"

namespace spindle::objects {

// int_bytes.cpp
Object* int_to_bytes(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames);
Object* int_from_bytes(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object* kwnames);
Object* int_getnewargs(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames);


using runtime::raise;
using runtime::raise_format;

Type int_type;
Type bool_type;
Int true_object(&bool_type, 1);
Int false_object(&bool_type, 0);

namespace {

// The small ints, immortal (static storage; initialized in init_int_type).
Int g_small_ints[kSmallMax - kSmallMin + 1];

// RAII mpz for temporaries.
struct Z {
  mpz_t z;
  Z() { mpz_init(z); }
  explicit Z(Object* o) { mpz_init(z); int_to_mpz(o, z); }
  ~Z() { mpz_clear(z); }
  Z(const Z&) = delete;
  Z& operator=(const Z&) = delete;
};

Object* alloc_int(ThreadState* ts, Type* type) {
  return type == &int_type ? alloc_object(ts, type, sizeof(Int)) : type_generic_alloc(ts, type, 0);
}

// The mpz value, normalized: small if it fits.
Object* from_mpz_typed(ThreadState* ts, mpz_t z, Type* type) {
  if (mpz_fits_slong_p(z)) {
    int64_t v = mpz_get_si(z);
    if (type == &int_type) return int_from_i64(ts, v);
    auto* o = static_cast<Int*>(alloc_int(ts, type));
    if (o) o->small = v;
    return o;
  }
  auto* o = static_cast<Int*>(alloc_int(ts, type));
  if (!o) return nullptr;
  auto* big = static_cast<mpz_t*>(mem_alloc(sizeof(mpz_t)));
  if (!big) {
    decref(o);
    return runtime::raise_no_memory(ts);
  }
  mpz_init_set(*big, z);
  o->big = big;
  return o;
}

}  // namespace

namespace {
thread_local FreeList<Int> t_int_free;  // objects/free_list.h
}  // namespace

Object* int_from_i64(ThreadState* ts, int64_t v) {
  if (v >= kSmallMin && v <= kSmallMax) return &g_small_ints[v - kSmallMin];
  if (Int* o = t_int_free.pop(&int_type)) {
    o->small = v;
    o->big = nullptr;
    return o;
  }
  auto* o = static_cast<Int*>(alloc_object(ts, &int_type, sizeof(Int)));
  if (o) o->small = v;
  return o;
}

Object* int_from_u64(ThreadState* ts, uint64_t v) {
  if (v <= static_cast<uint64_t>(INT64_MAX)) return int_from_i64(ts, static_cast<int64_t>(v));
  Z z;
  mpz_set_ui(z.z, v);
  return from_mpz_typed(ts, z.z, &int_type);
}

// Copies z: the caller keeps ownership and clears it (int.h says "takes over";
// it means the value, not the mpz_t).
Object* int_from_mpz(ThreadState* ts, mpz_t z) { return from_mpz_typed(ts, z, &int_type); }

void int_to_mpz(Object* o, mpz_t out) {
  auto* i = static_cast<Int*>(o);
  if (i->big) mpz_set(out, *i->big);
  else mpz_set_si(out, i->small);
}

int int_sign(Object* o) {
  auto* i = static_cast<Int*>(o);
  if (i->big) return mpz_sgn(*i->big);
  return (i->small > 0) - (i->small < 0);
}

int64_t int_as_i64(ThreadState*, Object* o, bool* overflow) {
  auto* i = static_cast<Int*>(o);
  if (overflow) *overflow = i->big != nullptr;
  return i->big ? -1 : i->small;
}

double int_as_double(ThreadState* ts, Object* o, bool* failed) {
  *failed = false;
  auto* i = static_cast<Int*>(o);
  if (!i->big) return static_cast<double>(i->small);
  // Correctly rounded (round-half-even), as CPython: take 55 top bits and round.
  size_t bits = mpz_sizeinbase(*i->big, 2);
  if (bits > 1024) {
    *failed = true;
    raise(ts, &exc::OverflowError, "int too large to convert to float");
    return -1.0;
  }
  Z a;
  mpz_abs(a.z, *i->big);
  double r;
  if (bits <= 53) {
    r = mpz_get_d(a.z);
  } else {
    size_t shift = bits - 54;  // keep 54 bits: 53 + a rounding bit
    Z top;
    mpz_tdiv_q_2exp(top.z, a.z, shift);
    bool sticky = mpz_scan1(a.z, 0) < shift;
    uint64_t m = mpz_get_ui(top.z);
    bool round_bit = m & 1;
    m >>= 1;
    if (round_bit && (sticky || (m & 1))) m += 1;
    r = std::ldexp(static_cast<double>(m), static_cast<int>(shift + 1));
    if (std::isinf(r)) {
      *failed = true;
      raise(ts, &exc::OverflowError, "int too large to convert to float");
      return -1.0;
    }
  }
  return mpz_sgn(*i->big) < 0 ? -r : r;
}

Object* int_from_double(ThreadState* ts, double d) {
  if (std::isinf(d)) return raise(ts, &exc::OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) return raise(ts, &exc::ValueError, "cannot convert float NaN to integer");
  double t = std::trunc(d);
  if (t >= -9.2e18 && t <= 9.2e18) return int_from_i64(ts, static_cast<int64_t>(t));
  Z z;
  mpz_set_d(z.z, t);
  return int_from_mpz(ts, z.z);
}

int int_compare(Object* a, Object* b) {
  auto* x = static_cast<Int*>(a);
  auto* y = static_cast<Int*>(b);
  if (!x->big && !y->big) return (x->small > y->small) - (x->small < y->small);
  Z za(a), zb(b);
  int c = mpz_cmp(za.z, zb.z);
  return (c > 0) - (c < 0);
}

int64_t int_hash(Object* o) {
  constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
  auto* i = static_cast<Int*>(o);
  int64_t h;
  if (!i->big) {
    int64_t v = i->small;
    uint64_t a = v < 0 ? (v == INT64_MIN ? uint64_t{1} << 63 : static_cast<uint64_t>(-v)) : static_cast<uint64_t>(v);
    a %= kModulus;
    h = v < 0 ? -static_cast<int64_t>(a) : static_cast<int64_t>(a);
  } else {
    Z a, m;
    mpz_abs(a.z, *i->big);
    mpz_set_ui(m.z, 1);
    mpz_mul_2exp(m.z, m.z, 61);
    mpz_sub_ui(m.z, m.z, 1);
    mpz_mod(a.z, a.z, m.z);
    h = static_cast<int64_t>(mpz_get_ui(a.z));
    if (mpz_sgn(*i->big) < 0) h = -h;
  }
  return h == -1 ? -2 : h;
}

std::string int_to_string_base(Object* o, int base) {
  auto* i = static_cast<Int*>(o);
  Z z(o);
  std::string s(mpz_sizeinbase(z.z, base) + 2, '\0');
  mpz_get_str(s.data(), base, z.z);
  s.resize(std::strlen(s.c_str()));
  (void)i;
  return s;
}

Object* int_to_decimal_str(ThreadState* ts, Object* o) {
  auto* i = static_cast<Int*>(o);
  if (!i->big) {
    char buf[24];
    int n = std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(i->small));
    return str_from_utf8(ts, buf, static_cast<size_t>(n));
  }
  int limit = ts->interp->int_max_str_digits;
  if (limit > 0) {
    // sizeinbase may overestimate by one: only a clear excess is rejected early.
    size_t digits = mpz_sizeinbase(*i->big, 10);
    if (digits > static_cast<size_t>(limit) + 1) {
      return raise_format(ts, &exc::ValueError,
                          "Exceeds the limit (%d digits) for integer string conversion; use "
                          "sys.set_int_max_str_digits() to increase the limit",
                          limit);
    }
  }
  std::string s = int_to_string_base(o, 10);
  size_t ndigits = s.size() - (s[0] == '-');
  if (limit > 0 && ndigits > static_cast<size_t>(limit)) {
    return raise_format(ts, &exc::ValueError,
                        "Exceeds the limit (%d digits) for integer string conversion; use "
                        "sys.set_int_max_str_digits() to increase the limit",
                        limit);
  }
  return str_from_utf8(ts, s.data(), s.size());
}

Object* int_from_decimal(ThreadState* ts, const std::string& digits) {
  Z z;
  if (mpz_set_str(z.z, digits.c_str(), 10) != 0) return raise(ts, &exc::SystemError, "bad integer constant");
  return int_from_mpz(ts, z.z);
}

Object* int_from_string(ThreadState* ts, const char* s, size_t n, int base) {
  std::string text(s, n);
  auto invalid = [&]() -> Object* {
    Object* r = str_from_utf8(ts, s, n);
    std::string shown = r ? repr_utf8(ts, r) : "''";
    xdecref(r);
    return raise_format(ts, &exc::ValueError, "invalid literal for int() with base %d: %s", base, shown.c_str());
  };
  size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  bool neg = false;
  if (b < e && (text[b] == '+' || text[b] == '-')) neg = text[b++] == '-';
  int eff = base;
  if (b + 1 < e && text[b] == '0') {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(text[b + 1])));
    int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      eff = pb;
      b += 2;
      if (b < e && text[b] == '_') ++b;
    }
  }
  if (eff == 0) {
    eff = 10;
    // base 0: a decimal literal may not have leading zeros (except all zeros).
    if (b < e && text[b] == '0') {
      for (size_t k = b; k < e; ++k)
        if (text[k] != '0' && text[k] != '_') return invalid();
    }
  }
  std::string digits;
  bool prev_us = true;
  for (size_t k = b; k < e; ++k) {
    char c = text[k];
    if (c == '_') {
      if (prev_us) return invalid();
      prev_us = true;
      continue;
    }
    int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
            : std::isalpha(static_cast<unsigned char>(c)) ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                                                          : 99;
    if (d >= eff) return invalid();
    digits += c;
    prev_us = false;
  }
  if (digits.empty() || prev_us) return invalid();
  int limit = ts->interp->int_max_str_digits;
  if (eff == 10 && limit > 0 && digits.size() > static_cast<size_t>(limit)) {
    return raise_format(ts, &exc::ValueError,
                        "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; use "
                        "sys.set_int_max_str_digits() to increase the limit",
                        limit, digits.size());
  }
  Z z;
  mpz_set_str(z.z, digits.c_str(), eff);
  if (neg) mpz_neg(z.z, z.z);
  return int_from_mpz(ts, z.z);
}

// ---------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------
namespace {

#define INT_OPERANDS                                                       \
  if (!is_int(a) || !is_int(b)) return new_ref(py_not_implemented());     \
  auto* x = static_cast<Int*>(a);                                          \
  auto* y = static_cast<Int*>(b);                                          \
  (void)x;                                                                 \
  (void)y

Object* int_add(ThreadState* ts, Object* a, Object* b) {
  INT_OPERANDS;
  int64_t r;
  if (!x->big && !y->big && !__builtin_add_overflow(x->small, y->small, &r)) return int_from_i64(ts, r);
  Z za(a), zb(b);
  mpz_add(za.z, za.z, zb.z);
  return int_from_mpz(ts, za.z);
}

Object* int_sub(ThreadState* ts, Object* a, Object* b) {
  INT_OPERANDS;
  int64_t r;
  if (!x->big && !y->big && !__builtin_sub_overflow(x->small, y->small, &r)) return int_from_i64(ts, r);
  Z za(a), zb(b);
  mpz_sub(za.z, za.z, zb.z);
  return int_from_mpz(ts, za.z);
}

Object* int_mul(ThreadState* ts, Object* a, Object* b) {
  INT_OPERANDS;
  int64_t r;
  if (!x->big && !y->big && !__builtin_mul_overflow(x->small, y->small, &r)) return int_from_i64(ts, r);
  Z za(a), zb(b);
  mpz_mul(za.z, za.z, zb.z);
  return int_from_mpz(ts, za.z);
}

bool is_zero(Object* o) { return int_sign(o) == 0; }

Object* int_floordiv(ThreadState* ts, Object* a, Object* b) {
  INT_OPERANDS;
  if (is_zero(b)) return raise(ts, &exc::ZeroDivisionError, "integer division or modulo by zero");
  if (!x->big && !y->big && !(x->small == INT64_MIN && y->small == -1)) {
    int64_t q = x->small / y->small;
    if ((x->small % y->small != 0) && ((x->small < 0) != (y->small < 0))) --q;
    return int_from_i64(ts, q);
  }
  Z za(a), zb(b);
  mpz_fdiv_q(za.z, za.z, zb.z);
  return int_from_mpz(ts, za.z);
}

Object* int_mod(ThreadState* ts, Object* a, Object* b) {
  INT_OPERANDS;
  if (is_zero(b)) return raise(ts, &exc::ZeroDivisionError, "integer modulo by zero");
  if (!x->big && !y->big && y->small != -1) {
    int64_t m = x->small % y->small;
    if (m != 0 && ((m < 0) != (y->small < 0))) m += y->small;
    return int_from_i64(ts, m);
  }
  Z za(a), zb(b);
  mpz_fdiv_r(za.z, za.z, zb.z);
  return int_from_mpz(ts, za.z);
}

Object* int_divmod(ThreadState* ts, Object* a, Object* b) {
  INT_OPERANDS;
  if (is_zero(b)) return raise(ts, &exc::ZeroDivisionError, "integer division or modulo by zero");
  Ref q = Ref::steal(int_floordiv(ts, a, b));
  if (!q) return nullptr;
  Ref m = Ref::steal(int_mod(ts, a, b));
  if (!m) return nullptr;
  return tuple_pack(ts, {q.get(), m.get()});
}

Object* int_truediv(ThreadState* ts, Object* a, Object* b) {
  INT_OPERANDS;
  if (is_zero(b)) return raise(ts, &exc::ZeroDivisionError, "division by zero");
  if (!x->big && !y->big && std::llabs(x->small) < (int64_t{1} << 53) && std::llabs(y->small) < (int64_t{1} << 53))
    return float_from_double(ts, static_cast<double>(x->small) / static_cast<double>(y->small));
  // Correctly rounded big division: scale so the quotient has 55+ bits.
  Z za(a), zb(b);
  bool neg = (mpz_sgn(za.z) < 0) != (mpz_sgn(zb.z) < 0);
  mpz_abs(za.z, za.z);
  mpz_abs(zb.z, zb.z);
  long shift = static_cast<long>(mpz_sizeinbase(zb.z, 2)) - static_cast<long>(mpz_sizeinbase(za.z, 2)) + 55;
  if (shift > 0) mpz_mul_2exp(za.z, za.z, static_cast<mp_bitcnt_t>(shift));
  else mpz_tdiv_q_2exp(zb.z, zb.z, 0), mpz_mul_2exp(zb.z, zb.z, static_cast<mp_bitcnt_t>(-shift));
  Z q, r;
  mpz_tdiv_qr(q.z, r.z, za.z, zb.z);
  if (mpz_sgn(r.z) != 0) mpz_setbit(q.z, 0);  // sticky bit
  // q has >= 55 bits; convert with round-half-even via int_as_double's logic.
  Object* qo = int_from_mpz(ts, q.z);
  if (!qo) return nullptr;
  bool failed;
  double d = int_as_double(ts, qo, &failed);
  decref(qo);
  if (failed) {
    runtime::clear_exception(ts);
    if (-shift > 1024 - 55) return raise(ts, &exc::OverflowError, "integer division result too large for a float");
  }
  d = std::ldexp(d, static_cast<int>(-shift));
  if (std::isinf(d)) return raise(ts, &exc::OverflowError, "integer division result too large for a float");
  return float_from_double(ts, neg ? -d : d);
}

Object* int_pow(ThreadState* ts, Object* a, Object* b, Object* m) {
  if (!is_int(a) || !is_int(b) || (!is_none(m) && !is_int(m))) return new_ref(py_not_implemented());
  if (!is_none(m)) {
    if (is_zero(m)) return raise(ts, &exc::ValueError, "pow() 3rd argument cannot be 0");
    Z za(a), zb(b), zm(m), r;
    if (mpz_sgn(zb.z) < 0) {
      Z inv;
      if (!mpz_invert(inv.z, za.z, zm.z))
        return raise(ts, &exc::ValueError, "base is not invertible for the given modulus");
      mpz_neg(zb.z, zb.z);
      mpz_set(za.z, inv.z);
    }
    Z am;
    mpz_abs(am.z, zm.z);
    mpz_powm(r.z, za.z, zb.z, am.z);
    if (mpz_sgn(zm.z) < 0 && mpz_sgn(r.z) != 0) mpz_add(r.z, r.z, zm.z);
    return int_from_mpz(ts, r.z);
  }
  if (int_sign(b) < 0) {
    bool f1, f2;
    double x = int_as_double(ts, a, &f1);
    if (f1) return nullptr;
    double y = int_as_double(ts, b, &f2);
    if (f2) return nullptr;
    if (x == 0.0) return raise(ts, &exc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return float_from_double(ts, std::pow(x, y));
  }
  auto* y = static_cast<Int*>(b);
  Z za(a), r;
  if (y->big) {
    // Only 0, 1 and -1 can be raised to a huge power.
    if (mpz_cmpabs_ui(za.z, 1) <= 0) {
      if (mpz_sgn(za.z) >= 0) return new_ref(a->ob_type == &int_type ? a : int_from_i64(ts, mpz_get_si(za.z)));
      return int_from_i64(ts, mpz_even_p(*y->big) ? 1 : -1);
    }
    return runtime::raise_no_memory(ts);
  }
  uint64_t e = static_cast<uint64_t>(y->small);
  size_t bits = mpz_sizeinbase(za.z, 2);
  if (mpz_cmpabs_ui(za.z, 1) > 0 && static_cast<double>(bits) * static_cast<double>(e) > 8e10)
    return runtime::raise_no_memory(ts);
  mpz_pow_ui(r.z, za.z, e);
  return int_from_mpz(ts, r.z);
}

Object* int_neg(ThreadState* ts, Object* a) {
  auto* x = static_cast<Int*>(a);
  if (!x->big && x->small != INT64_MIN) return int_from_i64(ts, -x->small);
  Z z(a);
  mpz_neg(z.z, z.z);
  return int_from_mpz(ts, z.z);
}

Object* int_pos(ThreadState* ts, Object* a) {
  if (is_int_exact(a)) return new_ref(a);
  Z z(a);
  return int_from_mpz(ts, z.z);
}

Object* int_abs(ThreadState* ts, Object* a) { return int_sign(a) < 0 ? int_neg(ts, a) : int_pos(ts, a); }

Object* int_invert(ThreadState* ts, Object* a) {
  auto* x = static_cast<Int*>(a);
  if (!x->big) return int_from_i64(ts, ~x->small);
  Z z(a);
  mpz_com(z.z, z.z);
  return int_from_mpz(ts, z.z);
}

int int_bool(ThreadState*, Object* a) { return int_sign(a) != 0; }

Object* shift(ThreadState* ts, Object* a, Object* b, bool left) {
  INT_OPERANDS;
  if (int_sign(b) < 0) return raise(ts, &exc::ValueError, "negative shift count");
  if (y->big) {
    if (!left || int_sign(a) == 0) return int_from_i64(ts, int_sign(a) < 0 && !left ? -1 : 0);
    return runtime::raise_no_memory(ts);
  }
  int64_t s = y->small;
  if (!x->big && !left) return int_from_i64(ts, s >= 63 ? (x->small < 0 ? -1 : 0) : x->small >> s);
  if (!x->big && left && s < 62 && std::llabs(x->small) < (int64_t{1} << (62 - s))) return int_from_i64(ts, x->small * (int64_t{1} << s));
  if (left && s > (int64_t{1} << 36)) return runtime::raise_no_memory(ts);
  Z z(a);
  if (left) mpz_mul_2exp(z.z, z.z, static_cast<mp_bitcnt_t>(s));
  else mpz_fdiv_q_2exp(z.z, z.z, static_cast<mp_bitcnt_t>(s));
  return int_from_mpz(ts, z.z);
}
Object* int_lshift(ThreadState* ts, Object* a, Object* b) { return shift(ts, a, b, true); }
Object* int_rshift(ThreadState* ts, Object* a, Object* b) { return shift(ts, a, b, false); }

template <int Op>
Object* bitwise(ThreadState* ts, Object* a, Object* b) {
  INT_OPERANDS;
  if (!x->big && !y->big) {
    int64_t r = Op == 0 ? (x->small & y->small) : Op == 1 ? (x->small | y->small) : (x->small ^ y->small);
    return int_from_i64(ts, r);
  }
  Z za(a), zb(b);
  if (Op == 0) mpz_and(za.z, za.z, zb.z);
  else if (Op == 1) mpz_ior(za.z, za.z, zb.z);
  else mpz_xor(za.z, za.z, zb.z);
  return int_from_mpz(ts, za.z);
}

#undef INT_OPERANDS

Object* int_int(ThreadState* ts, Object* a) { return int_pos(ts, a); }

Object* int_float(ThreadState* ts, Object* a) {
  bool failed;
  double d = int_as_double(ts, a, &failed);
  return failed ? nullptr : float_from_double(ts, d);
}

int64_t int_hash_slot(ThreadState*, Object* o) { return int_hash(o); }

Object* int_repr(ThreadState* ts, Object* o) { return int_to_decimal_str(ts, o); }

Object* int_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (!is_int(a) || !is_int(b)) return new_ref(py_not_implemented());
  int c = int_compare(a, b);
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = c < 0; break;
    case CompareOp::Le: r = c <= 0; break;
    case CompareOp::Eq: r = c == 0; break;
    case CompareOp::Ne: r = c != 0; break;
    case CompareOp::Gt: r = c > 0; break;
    case CompareOp::Ge: r = c >= 0; break;
  }
  return py_bool(r);
}

void int_dealloc(Object* o) {
  auto* i = static_cast<Int*>(o);
  if (i->big) {
    mpz_clear(*i->big);
    mem_free(i->big);
  }
  if (o->ob_type == &int_type && t_int_free.push(i)) return;
  free_object(o);
}

// int(x=0, /, base=10)
Object* int_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"x", ParamKind::PositionalOnly, kOptional},
                                      {"base", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("int", kParams);
  // int(x) of a float or an int: the common conversions skip argument parsing.
  if (type == &int_type && nargs == 1 && !kwnames) {
    if (is_int_exact(args[0])) return new_ref(args[0]);
    if (args[0]->ob_type == &float_type) return number_long(ts, args[0]);
  }
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref value;
  if (!av.has(0)) {
    if (av.has(1)) return raise(ts, &exc::TypeError, "int() missing string argument");
    value = Ref::steal(int_from_i64(ts, 0));
  } else if (av.has(1)) {
    int64_t base = as_ssize(ts, av[1], nullptr);
    if (base == -1 && runtime::has_exception(ts)) return nullptr;
    if (base != 0 && (base < 2 || base > 36)) return raise(ts, &exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
    Object* x = av[0];
    if (is_str(x)) {
      size_t n;
      const char* p = str_utf8(ts, x, &n);
      if (!p) return nullptr;
      value = Ref::steal(int_from_string(ts, p, n, static_cast<int>(base)));
    } else {
      return raise(ts, &exc::TypeError, "int() can't convert non-string with explicit base");
    }
  } else {
    Object* x = av[0];
    if (is_str(x)) {
      // Unicode decimal digits and spaces count as their ASCII forms.
      std::string ascii;
      bool mapped = true;
      for (size_t i = 0; i < str_length(x); ++i) {
        uint32_t c = str_char_at(x, static_cast<int64_t>(i));
        int d = c < 128 ? -1 : unicode::decimal_value(c);
        if (c < 128) ascii += static_cast<char>(c);
        else if (d >= 0) ascii += static_cast<char>('0' + d);
        else if (unicode::is_space(c)) ascii += ' ';
        else mapped = false;
      }
      if (mapped) {
        Ref v = Ref::steal(int_from_string(ts, ascii.data(), ascii.size(), 10));
        if (!v && runtime::exception_matches(ts, &exc::ValueError)) {
          runtime::clear_exception(ts);
          size_t n;
          const char* p = str_utf8(ts, x, &n);
          value = Ref::steal(int_from_string(ts, p, n, 10));
        } else {
          value = std::move(v);
        }
      } else {
        size_t n;
        const char* p = str_utf8(ts, x, &n);
        if (!p) return nullptr;
        value = Ref::steal(int_from_string(ts, p, n, 10));
      }
    } else if (x->ob_type->nb_int || x->ob_type->nb_index) {
      value = Ref::steal(number_long(ts, x));
    } else if (is_bytes(x) || is_bytearray(x)) {
      std::string_view b = byteslike_view(x);
      value = Ref::steal(int_from_string(ts, b.data(), b.size(), 10));
    } else {
      // __trunc__ (deprecated in 3.11 but honoured), else the TypeError.
      Ref trunc = Ref::steal(lookup_special(ts, x, Ref::steal(str_intern_cstr(ts, "__trunc__")).get()));
      if (!trunc) {
        if (runtime::has_exception(ts)) return nullptr;
        return raise_format(ts, &exc::TypeError,
                            "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                            type_name(x->ob_type));
      }
      Ref r = Ref::steal(call(ts, trunc.get(), nullptr, 0));
      if (!r) return nullptr;
      value = is_int(r.get()) ? std::move(r) : Ref::steal(number_index(ts, r.get()));
    }
  }
  if (!value || type == &int_type) return value.release();
  Z z(value.get());
  return from_mpz_typed(ts, z.z, type);
}

Object* int_bit_length(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (int_sign(self) == 0) return int_from_i64(ts, 0);
  Z z(self);
  return int_from_u64(ts, mpz_sizeinbase(z.z, 2));
}

Object* int_bit_count(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Z z(self);
  mpz_abs(z.z, z.z);
  return int_from_u64(ts, mpz_popcount(z.z));
}

Object* int_conjugate(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return int_pos(ts, self); }

Object* int_round(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "__round__", nargs, kwnames, 0, 1) < 0) return nullptr;
  if (nargs == 0 || is_none(args[0])) return int_pos(ts, self);
  Ref nd = Ref::steal(number_index(ts, args[0]));
  if (!nd) return nullptr;
  if (int_sign(nd.get()) >= 0) return int_pos(ts, self);
  // Round half to even at 10**(-ndigits).
  Z p, x(self), q, r;
  Z n(nd.get());
  mpz_neg(n.z, n.z);
  if (!mpz_fits_ulong_p(n.z) || mpz_get_ui(n.z) > 100000) return int_from_i64(ts, 0);
  mpz_ui_pow_ui(p.z, 10, mpz_get_ui(n.z));
  mpz_fdiv_qr(q.z, r.z, x.z, p.z);
  Z twice;
  mpz_mul_2exp(twice.z, r.z, 1);
  int c = mpz_cmp(twice.z, p.z);
  if (c > 0 || (c == 0 && mpz_odd_p(q.z))) mpz_add_ui(q.z, q.z, 1);
  mpz_mul(q.z, q.z, p.z);
  return int_from_mpz(ts, q.z);
}

Object* int_as_integer_ratio(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref v = Ref::steal(int_pos(ts, self));
  if (!v) return nullptr;
  return tuple_pack(ts, {v.get(), int_from_i64(ts, 1)});
}

Object* int_format(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames);

Object* get_self_int(ThreadState* ts, Object* self) { return int_pos(ts, self); }
Object* get_zero(ThreadState* ts, Object*) { return int_from_i64(ts, 0); }
Object* get_one(ThreadState* ts, Object*) { return int_from_i64(ts, 1); }

const MethodDef int_methods[] = {
    {"bit_length", int_bit_length, kMethNoArgs},
    {"bit_count", int_bit_count, kMethNoArgs},
    {"conjugate", int_conjugate, kMethNoArgs},
    {"__trunc__", int_conjugate, kMethNoArgs},
    {"__floor__", int_conjugate, kMethNoArgs},
    {"__ceil__", int_conjugate, kMethNoArgs},
    {"__round__", int_round, kMethFast},
    {"as_integer_ratio", int_as_integer_ratio, kMethNoArgs},
    {"__format__", int_format, kMethO},
    {"to_bytes", int_to_bytes, kMethKeywords},
    {"from_bytes", int_from_bytes, kMethKeywords | kMethClass},
    {"__getnewargs__", int_getnewargs, kMethNoArgs},
    {},
};

const GetSetDef int_getsets[] = {
    {"real", get_self_int, nullptr},
    {"imag", get_zero, nullptr},
    {"numerator", get_self_int, nullptr},
    {"denominator", get_one, nullptr},
    {},
};

Object* bool_repr(ThreadState* ts, Object* o) { return str_from_cstr(ts, int_small_value(o) ? "True" : "False"); }

Object* bool_new(ThreadState* ts, Type*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "bool", nargs, kwnames, 0, 1) < 0) return nullptr;
  if (nargs == 0) return py_false();
  int t = is_true(ts, args[0]);
  if (t < 0) return nullptr;
  return py_bool(t);
}

template <int Op>
Object* bool_bitwise(ThreadState* ts, Object* a, Object* b) {
  if (is_bool(a) && is_bool(b)) {
    bool x = int_small_value(a), y = int_small_value(b);
    return py_bool(Op == 0 ? (x && y) : Op == 1 ? (x || y) : (x != y));
  }
  return bitwise<Op>(ts, a, b);
}

}  // namespace

// Defined in int_format.cpp.
Object* int_format_impl(ThreadState* ts, Object* self, Object* spec);
namespace {
Object* int_format(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (!is_str(args[0])) {
    return raise_format(ts, &exc::TypeError, "format() argument 2 must be str, not %s", type_name(args[0]->ob_type));
  }
  return int_format_impl(ts, self, args[0]);
}
}  // namespace

void init_int_type(Type& t) {
  for (int64_t v = kSmallMin; v <= kSmallMax; ++v) {
    Int& i = g_small_ints[v - kSmallMin];
    i.ob_type = &int_type;
    i.small = v;
    make_immortal(&i);
  }
  t.name = "int";
  t.basicsize = sizeof(Int);
  t.flags = kTypeBaseType | kTypeIntSubclass;
  t.dealloc = int_dealloc;
  t.repr = int_repr;
  t.hash = int_hash_slot;
  t.richcompare = int_richcompare;
  t.nb_add = int_add;
  t.nb_subtract = int_sub;
  t.nb_multiply = int_mul;
  t.nb_floor_divide = int_floordiv;
  t.nb_remainder = int_mod;
  t.nb_divmod = int_divmod;
  t.nb_true_divide = int_truediv;
  t.nb_power = int_pow;
  t.nb_negative = int_neg;
  t.nb_positive = int_pos;
  t.nb_absolute = int_abs;
  t.nb_invert = int_invert;
  t.nb_bool = int_bool;
  t.nb_lshift = int_lshift;
  t.nb_rshift = int_rshift;
  t.nb_and = bitwise<0>;
  t.nb_or = bitwise<1>;
  t.nb_xor = bitwise<2>;
  t.nb_int = int_int;
  t.nb_float = int_float;
  t.nb_index = int_int;
  t.new_ = int_new;
  t.methods = int_methods;
  t.getsets = int_getsets;
}

void init_bool_type(Type& t) {
  t.name = "bool";
  t.basicsize = sizeof(Int);
  t.base = &int_type;
  t.flags = kTypeIntSubclass;  // not subclassable
  t.repr = bool_repr;
  t.new_ = bool_new;
  t.nb_and = bool_bitwise<0>;
  t.nb_or = bool_bitwise<1>;
  t.nb_xor = bool_bitwise<2>;
}

}  // namespace spindle::objects
