// The math module: libm functions with CPython 3.11's error rules, the
// correctly rounded summations (fsum, hypot/dist), gamma and lgamma by the
// Lanczos approximation, and the integer functions on GMP.
//
// Error rules (shared by every float function here):
//   * a NaN result from non-NaN input is ValueError("math domain error");
//   * an infinite result from finite input is OverflowError("math range
//     error") for functions that can overflow, ValueError otherwise;
//   * errno ERANGE with a result below 1.5 in magnitude is an underflow and
//     is ignored.
// The numeric algorithms (fsum's partials, vector_norm's scaled compensated
// sum, the Lanczos sum) follow the same steps in the same order as CPython's,
// because bit-exact results depend on the order of the roundings.
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kLogPi = 1.144729885849400174143427351353058711647;
constexpr double kE = 2.718281828459045235360287471352662498;
constexpr double kTau = 6.283185307179586476925286766559005768;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// An mpz_t that clears itself.
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

// Returns a new int holding z (z is left empty but still initialized).
Object* int_of(ThreadState* ts, Mpz& m) {
  mpz_t t;
  mpz_init_set(t, m.z);
  Object* r = int_from_mpz(ts, t);
  mpz_clear(t);
  return r;
}

std::nullptr_t domain_error(ThreadState* ts) { return runtime::raise(ts, &exc::ValueError, "math domain error"); }
std::nullptr_t range_error(ThreadState* ts) { return runtime::raise(ts, &exc::OverflowError, "math range error"); }

// CPython's is_error(): called with errno set; true (exception raised) unless
// the errno is an ignorable underflow.
bool errno_is_error(ThreadState* ts, int err, double r) {
  if (err == EDOM) {
    domain_error(ts);
    return true;
  }
  if (err == ERANGE) {
    if (std::fabs(r) < 1.5) return false;
    range_error(ts);
    return true;
  }
  runtime::raise(ts, &exc::ValueError, std::strerror(err));
  return true;
}

// float(o) as the math functions convert their arguments; false on error.
bool to_double(ThreadState* ts, Object* o, double* out) {
  double d = float_as_double(ts, o);
  if (d == -1.0 && runtime::has_exception(ts)) return false;
  *out = d;
  return true;
}

Object* box(ThreadState* ts, double d) { return float_from_double(ts, d); }

// ---------------------------------------------------------------------------
// Special functions CPython implements itself (the results depend on them).
// ---------------------------------------------------------------------------

// sin(pi*x), accurate for x near an integer; finite x only.
double sinpi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = static_cast<int>(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0: r = std::sin(kPi * y); break;
    case 1: r = std::cos(kPi * (y - 0.5)); break;
    case 2: r = std::sin(kPi * (1.0 - y)); break;  // not -sin(pi*(y-1)): that gives -0.0 at y == 1
    case 3: r = -std::cos(kPi * (y - 1.5)); break;
    default: r = std::sin(kPi * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

// The Lanczos approximation, N = 13, g = 6.024680040776729583740234375 (the
// Boost parameters), written as a rational function.
constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
// The denominator x*(x+1)*...*(x+11) as coefficients.
constexpr double kLanczosDen[kLanczosN] = {0.0,      39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                           45995730.0, 13339535.0, 2637558.0, 357423.0,    32670.0,
                                           1925.0,     66.0,       1.0};

double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  // For large x the rational function is evaluated in 1/x to avoid overflow.
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; ++i) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

// (n-1)! for n = 1..23, exact in a double.
constexpr double kGammaIntegral[] = {1.0,
                                     1.0,
                                     2.0,
                                     6.0,
                                     24.0,
                                     120.0,
                                     720.0,
                                     5040.0,
                                     40320.0,
                                     362880.0,
                                     3628800.0,
                                     39916800.0,
                                     479001600.0,
                                     6227020800.0,
                                     87178291200.0,
                                     1307674368000.0,
                                     20922789888000.0,
                                     355687428096000.0,
                                     6402373705728000.0,
                                     121645100408832000.0,
                                     2432902008176640000.0,
                                     51090942171709440000.0,
                                     1124000727777607680000.0};
constexpr int kGammaIntegralCount = 23;

// Gamma(x); *err is set to EDOM (pole, negative integer) or ERANGE.
double tgamma_of(double x, int* err) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    *err = EDOM;
    return kNaN;
  }
  if (x == 0.0) {
    *err = EDOM;
    return std::copysign(kInf, x);
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      *err = EDOM;
      return kNaN;
    }
    if (x <= kGammaIntegralCount) return kGammaIntegral[static_cast<int>(x) - 1];
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {  // Gamma(x) ~ 1/x
    double r = 1.0 / x;
    if (std::isinf(r)) *err = ERANGE;
    return r;
  }
  if (absx > 200.0) {  // overflows, or underflows to +-0
    if (x < 0.0) return 0.0 / sinpi(x);
    *err = ERANGE;
    return kInf;
  }
  double y = absx + kLanczosGMinusHalf;
  // z: the rounding error of y, scaled into the correction factor 1 + z.
  double z;
  if (absx > kLanczosGMinusHalf) {
    volatile double q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    volatile double q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -kPi / sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (std::isinf(r)) *err = ERANGE;
  return r;
}

// log(abs(Gamma(x))).
double lgamma_of(double x, int* err) {
  if (!std::isfinite(x)) return std::isnan(x) ? x : kInf;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      *err = EDOM;
      return kInf;
    }
    return 0.0;
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(sinpi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) *err = ERANGE;
  return r;
}

// log / log2 / log10 with the special values decided here, not by libm.
template <double (*Log)(double)>
double log_of(double x, int* err) {
  if (std::isfinite(x)) {
    if (x > 0.0) return Log(x);
    *err = EDOM;
    return x == 0.0 ? -kInf : kNaN;
  }
  if (std::isnan(x) || x > 0.0) return x;
  *err = EDOM;
  return kNaN;
}
double libm_log(double x) { return std::log(x); }
double libm_log2(double x) { return std::log2(x); }
double libm_log10(double x) { return std::log10(x); }

double atan2_of(double y, double x) {
  if (std::isnan(x) || std::isnan(y)) return kNaN;
  if (std::isinf(y)) {
    if (std::isinf(x)) return std::copysign(std::copysign(1.0, x) == 1.0 ? 0.25 * kPi : 0.75 * kPi, y);
    return std::copysign(0.5 * kPi, y);
  }
  if (std::isinf(x) || y == 0.0) return std::copysign(std::copysign(1.0, x) == 1.0 ? 0.0 : kPi, y);
  return std::atan2(y, x);
}

// IEEE remainder, exact; nan for an infinite x or a zero y.
double remainder_of(double x, double y) {
  if (std::isfinite(x) && std::isfinite(y)) {
    if (y == 0.0) return kNaN;
    double absx = std::fabs(x), absy = std::fabs(y);
    double m = std::fmod(absx, absy);
    // Compare m with absy - m rather than with 0.5*absy, which may round.
    double c = absy - m;
    double r;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2.0 * std::fmod(0.5 * (absx - m), absy);  // halfway: pick the even multiple
    return std::copysign(1.0, x) * r;
  }
  if (std::isnan(x)) return x;
  if (std::isnan(y)) return y;
  if (std::isinf(x)) return kNaN;
  return x;
}

// ---------------------------------------------------------------------------
// One-argument float functions (CPython's math_1 and math_1a).
// ---------------------------------------------------------------------------

// math_1: libm f; errors from the result's class, then errno.
template <double (*F)(double), bool kCanOverflow>
Object* math_1(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  double x;
  if (!to_double(ts, args[0], &x)) return nullptr;
  errno = 0;
  double r = F(x);
  int err = errno;
  if (std::isnan(r) && !std::isnan(x)) return domain_error(ts);
  if (std::isinf(r) && std::isfinite(x)) return kCanOverflow ? range_error(ts) : domain_error(ts);
  if (std::isfinite(r) && err && errno_is_error(ts, err, r)) return nullptr;
  return box(ts, r);
}

// math_1a: f reports its errors through *err.
template <double (*F)(double, int*)>
Object* math_1a(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  double x;
  if (!to_double(ts, args[0], &x)) return nullptr;
  int err = 0;
  double r = F(x, &err);
  if (err && errno_is_error(ts, err, r)) return nullptr;
  return box(ts, r);
}

#define MATH_LIBM_1(name) \
  double libm_##name(double x) { return std::name(x); }
MATH_LIBM_1(acos)
MATH_LIBM_1(acosh)
MATH_LIBM_1(asin)
MATH_LIBM_1(asinh)
MATH_LIBM_1(atan)
MATH_LIBM_1(atanh)
MATH_LIBM_1(cbrt)
MATH_LIBM_1(cos)
MATH_LIBM_1(cosh)
MATH_LIBM_1(exp)
MATH_LIBM_1(exp2)
MATH_LIBM_1(expm1)
MATH_LIBM_1(fabs)
MATH_LIBM_1(log1p)
MATH_LIBM_1(sin)
MATH_LIBM_1(sinh)
MATH_LIBM_1(sqrt)
MATH_LIBM_1(tan)
MATH_LIBM_1(tanh)
#undef MATH_LIBM_1

double erf_of(double x, int* err) {
  errno = 0;
  double r = std::erf(x);
  *err = errno;
  return r;
}
double erfc_of(double x, int* err) {
  errno = 0;
  double r = std::erfc(x);
  *err = errno;
  return r;
}

// ---------------------------------------------------------------------------
// Two-argument float functions (CPython's math_2).
// ---------------------------------------------------------------------------

template <double (*F)(double, double)>
Object* math_2(ThreadState* ts, const char* name, Object* const* args, size_t nargs) {
  if (check_nargs(ts, name, nargs, 2, 2) < 0) return nullptr;
  double x, y;
  if (!to_double(ts, args[0], &x) || !to_double(ts, args[1], &y)) return nullptr;
  double r = F(x, y);
  int err = 0;
  if (std::isnan(r)) err = (!std::isnan(x) && !std::isnan(y)) ? EDOM : 0;
  else if (std::isinf(r)) err = (std::isfinite(x) && std::isfinite(y)) ? ERANGE : 0;
  if (err && errno_is_error(ts, err, r)) return nullptr;
  return box(ts, r);
}

double copysign_of(double x, double y) { return std::copysign(x, y); }

Object* m_atan2(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  return math_2<atan2_of>(ts, "atan2", args, nargs);
}
Object* m_copysign(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  return math_2<copysign_of>(ts, "copysign", args, nargs);
}
Object* m_remainder(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  return math_2<remainder_of>(ts, "remainder", args, nargs);
}

// Two float arguments for the Argument Clinic functions (fmod, pow, ...).
bool two_doubles(ThreadState* ts, const char* name, Object* const* args, size_t nargs, double* x, double* y) {
  if (check_nargs(ts, name, nargs, 2, 2) < 0) return false;
  return to_double(ts, args[0], x) && to_double(ts, args[1], y);
}

Object* m_fmod(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  double x, y;
  if (!two_doubles(ts, "fmod", args, nargs, &x, &y)) return nullptr;
  if (std::isinf(y) && std::isfinite(x)) return box(ts, x);  // fmod(x, +-inf) is x
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(ts);
  return box(ts, r);
}

Object* m_pow(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  double x, y;
  if (!two_doubles(ts, "pow", args, nargs, &x, &y)) return nullptr;
  double r = 0.0;
  int err = 0;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    // IEEE special values, decided here rather than by libm.
    if (std::isnan(x)) {
      r = y == 0.0 ? 1.0 : x;
    } else if (std::isnan(y)) {
      r = x == 1.0 ? 1.0 : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.0) r = odd_y ? x : std::fabs(x);
      else if (y == 0.0) r = 1.0;
      else r = odd_y ? std::copysign(0.0, x) : 0.0;
    } else {  // y is infinite
      if (std::fabs(x) == 1.0) r = 1.0;
      else if (y > 0.0 && std::fabs(x) > 1.0) r = y;
      else if (y < 0.0 && std::fabs(x) < 1.0) r = -y;
      else r = 0.0;
    }
  } else {
    r = std::pow(x, y);
    // NaN: negative base, non-integer exponent. Infinity: 0**negative
    // (divide by zero) or a genuine overflow.
    if (std::isnan(r)) err = EDOM;
    else if (std::isinf(r)) err = x == 0.0 ? EDOM : ERANGE;
  }
  if (err && errno_is_error(ts, err, r)) return nullptr;
  return box(ts, r);
}

Object* m_nextafter(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  double x, y;
  if (!two_doubles(ts, "nextafter", args, nargs, &x, &y)) return nullptr;
  return box(ts, std::nextafter(x, y));
}

Object* m_ldexp(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  if (check_nargs(ts, "ldexp", nargs, 2, 2) < 0) return nullptr;
  double x;
  if (!to_double(ts, args[0], &x)) return nullptr;
  if (!is_int(args[1])) return runtime::raise(ts, &exc::TypeError, "Expected an int as second argument to ldexp.");
  bool overflow = false;
  int64_t e = int_as_i64(ts, args[1], &overflow);
  if (overflow) e = int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
  double r;
  int err = 0;
  if (x == 0.0 || !std::isfinite(x)) {
    r = x;  // zeros, infinities and NaNs come back unchanged
  } else if (e > INT_MAX) {
    r = std::copysign(kInf, x);
    err = ERANGE;
  } else if (e < INT_MIN) {
    r = std::copysign(0.0, x);
  } else {
    r = std::ldexp(x, static_cast<int>(e));
    if (std::isinf(r)) err = ERANGE;
  }
  if (err && errno_is_error(ts, err, r)) return nullptr;
  return box(ts, r);
}

// ---------------------------------------------------------------------------
// Single float argument, no error cases.
// ---------------------------------------------------------------------------

Object* m_frexp(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  double x;
  if (!to_double(ts, args[0], &x)) return nullptr;
  int e = 0;
  if (!(std::isnan(x) || std::isinf(x) || x == 0.0)) x = std::frexp(x, &e);
  Ref m = Ref::steal(box(ts, x));
  Ref ex = Ref::steal(int_from_i64(ts, e));
  if (!m || !ex) return nullptr;
  return tuple_pack(ts, {m.get(), ex.get()});
}

Object* m_modf(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  double x, ip;
  if (!to_double(ts, args[0], &x)) return nullptr;
  double frac;
  if (std::isinf(x)) {
    frac = std::copysign(0.0, x);
    ip = x;
  } else if (std::isnan(x)) {
    frac = ip = x;
  } else {
    frac = std::modf(x, &ip);
  }
  Ref a = Ref::steal(box(ts, frac));
  Ref b = Ref::steal(box(ts, ip));
  if (!a || !b) return nullptr;
  return tuple_pack(ts, {a.get(), b.get()});
}

Object* m_degrees(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  double x;
  if (!to_double(ts, args[0], &x)) return nullptr;
  return box(ts, x * (180.0 / kPi));
}
Object* m_radians(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  double x;
  if (!to_double(ts, args[0], &x)) return nullptr;
  return box(ts, x * (kPi / 180.0));
}
Object* m_isfinite(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  double x;
  if (!to_double(ts, args[0], &x)) return nullptr;
  return py_bool(std::isfinite(x));
}
Object* m_isinf(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  double x;
  if (!to_double(ts, args[0], &x)) return nullptr;
  return py_bool(std::isinf(x));
}
Object* m_isnan(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  double x;
  if (!to_double(ts, args[0], &x)) return nullptr;
  return py_bool(std::isnan(x));
}

Object* m_ulp(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  double x;
  if (!to_double(ts, args[0], &x)) return nullptr;
  if (std::isnan(x)) return box(ts, x);
  x = std::fabs(x);
  if (std::isinf(x)) return box(ts, x);
  double up = std::nextafter(x, kInf);
  if (std::isinf(up)) return box(ts, x - std::nextafter(x, -kInf));  // x is the largest float
  return box(ts, up - x);
}

Object* m_isclose(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"a", ParamKind::PositionalOrKeyword, kRequired},
                                      {"b", ParamKind::PositionalOrKeyword, kRequired},
                                      {"rel_tol", ParamKind::KeywordOnly, kOptional},
                                      {"abs_tol", ParamKind::KeywordOnly, kOptional}};
  static constexpr Signature kSig("isclose", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  double a, b, rel_tol = 1e-09, abs_tol = 0.0;
  if (!to_double(ts, av[0], &a) || !to_double(ts, av[1], &b)) return nullptr;
  if (av.has(2) && !to_double(ts, av[2], &rel_tol)) return nullptr;
  if (av.has(3) && !to_double(ts, av[3], &abs_tol)) return nullptr;
  if (rel_tol < 0.0 || abs_tol < 0.0) return runtime::raise(ts, &exc::ValueError, "tolerances must be non-negative");
  if (a == b) return py_true();  // also two infinities of the same sign
  if (std::isinf(a) || std::isinf(b)) return py_false();
  double diff = std::fabs(b - a);
  return py_bool(diff <= std::fabs(rel_tol * b) || diff <= std::fabs(rel_tol * a) || diff <= abs_tol);
}

// ---------------------------------------------------------------------------
// Rounding to integers: __ceil__ / __floor__ / __trunc__.
// ---------------------------------------------------------------------------

// type(o).<name>(o), or nullptr without an exception if the type has none.
Object* call_special(ThreadState* ts, Object* o, const char* name, bool* found) {
  Ref n = Ref::steal(str_intern_cstr(ts, name));
  if (!n) return nullptr;
  Ref m = Ref::steal(lookup_special(ts, o, n.get()));
  *found = static_cast<bool>(m);
  if (!m) return nullptr;
  return call(ts, m.get(), nullptr, 0);
}

template <double (*Round)(double)>
Object* round_to_int(ThreadState* ts, Object* o, const char* dunder) {
  if (o->ob_type != &float_type) {
    bool found;
    Object* r = call_special(ts, o, dunder, &found);
    if (found || runtime::has_exception(ts)) return r;
  }
  double x;
  if (!to_double(ts, o, &x)) return nullptr;
  return int_from_double(ts, Round(x));
}
double libm_ceil(double x) { return std::ceil(x); }
double libm_floor(double x) { return std::floor(x); }

Object* m_ceil(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  return round_to_int<libm_ceil>(ts, args[0], "__ceil__");
}
Object* m_floor(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  return round_to_int<libm_floor>(ts, args[0], "__floor__");
}
Object* m_trunc(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Object* o = args[0];
  if (o->ob_type == &float_type) return int_from_double(ts, float_value(o));
  bool found;
  Object* r = call_special(ts, o, "__trunc__", &found);
  if (found || runtime::has_exception(ts)) return r;
  return runtime::raise_format(ts, &exc::TypeError, "type %s doesn't define __trunc__ method", tp_name(o));
}

// ---------------------------------------------------------------------------
// Logarithms: ints of any size are handled without converting to float.
// ---------------------------------------------------------------------------

// The positive int o as m * 2**e with 0.5 <= m < 1, m correctly rounded
// (half to even) to 53 bits.
double big_frexp(Object* o, int64_t* e) {
  Mpz z;
  int_to_mpz(o, z.z);
  mpz_abs(z.z, z.z);
  int64_t bits = static_cast<int64_t>(mpz_sizeinbase(z.z, 2));
  // Keep 55 bits plus a sticky bit so the conversion to double rounds once.
  int64_t shift = bits - 55;
  Mpz top;
  mpz_fdiv_q_2exp(top.z, z.z, static_cast<mp_bitcnt_t>(shift));
  uint64_t q = mpz_get_ui(top.z);
  if (mpz_scan1(z.z, 0) < static_cast<mp_bitcnt_t>(shift)) q |= 1;  // nonzero bits shifted out
  int qe;
  double m = std::frexp(static_cast<double>(q), &qe);
  *e = shift + qe;
  return m;
}

// CPython's loghelper: func of an int computed exactly in range, else of float(x).
template <double (*Log)(double)>
Object* log_helper(ThreadState* ts, Object* x) {
  if (is_int(x)) {
    if (int_sign(x) <= 0) return domain_error(ts);
    bool failed;
    double d = int_as_double(ts, x, &failed);
    if (!failed) return box(ts, Log(d));
    if (!runtime::exception_matches(ts, &exc::OverflowError)) return nullptr;
    runtime::clear_exception(ts);
    int64_t e;
    double m = big_frexp(x, &e);
    return box(ts, Log(m) + Log(2.0) * static_cast<double>(e));
  }
  double d;
  if (!to_double(ts, x, &d)) return nullptr;
  int err = 0;
  double r = log_of<Log>(d, &err);
  if (std::isnan(r) && !std::isnan(d)) return domain_error(ts);
  if (std::isinf(r) && std::isfinite(d)) return domain_error(ts);
  return box(ts, r);
}

Object* m_log(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  if (nargs < 1 || nargs > 2) return runtime::raise(ts, &exc::TypeError, "math.log requires 1 to 2 arguments");
  Ref num = Ref::steal(log_helper<libm_log>(ts, args[0]));
  if (!num || nargs == 1) return num.release();
  Ref den = Ref::steal(log_helper<libm_log>(ts, args[1]));
  if (!den) return nullptr;
  return number_true_divide(ts, num.get(), den.get());
}
Object* m_log2(ThreadState* ts, Object*, Object* const* args, size_t, Object*) { return log_helper<libm_log2>(ts, args[0]); }
Object* m_log10(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  return log_helper<libm_log10>(ts, args[0]);
}

// ---------------------------------------------------------------------------
// Accurate sums: fsum, hypot, dist.
// ---------------------------------------------------------------------------

// fsum: Shewchuk's exact partials (non-overlapping, increasing magnitude),
// then a correctly rounded (half-even) total.
Object* m_fsum(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Ref it = Ref::steal(get_iter(ts, args[0]));
  if (!it) return nullptr;
  std::vector<double> p;
  double special_sum = 0.0, inf_sum = 0.0;
  volatile double hi, yr, lo = 0.0;
  for (;;) {
    Ref item = Ref::steal(iter_next(ts, it.get()));
    if (!item) {
      if (runtime::has_exception(ts)) return nullptr;
      break;
    }
    double x;
    if (!to_double(ts, item.get(), &x)) return nullptr;
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < p.size(); ++j) {
      double y = p[j];
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      hi = x + y;
      yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // From an inf or nan summand, or from intermediate overflow.
        if (std::isfinite(xsave)) return runtime::raise(ts, &exc::OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return runtime::raise(ts, &exc::ValueError, "-inf + inf in fsum");
    return box(ts, special_sum);
  }
  hi = 0.0;
  size_t n = p.size();
  if (n > 0) {
    hi = p[--n];
    // Add from the top while the sum stays exact.
    while (n > 0) {
      double x = hi;
      double y = p[--n];
      hi = x + y;
      yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Half-even rounding across partials: the next partial may push a tie.
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return box(ts, hi);
}

// sqrt(sum(x*x for x in vec)), nearly always correctly rounded: lossless
// power-of-two scaling, Veltkamp-Dekker squaring, compensated summation
// around a running sum that starts at 1.0, then one Newton correction of the
// square root. `max` is the largest element (all are non-negative).
double vector_norm(std::vector<double>& vec, double max, bool found_nan) {
  constexpr double kT27 = 134217729.0;  // 2**27 + 1, the Veltkamp splitter
  size_t n = vec.size();
  if (std::isinf(max)) return max;
  if (found_nan) return kNaN;
  if (max == 0.0 || n <= 1) return max;
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
  double x, oldcsum, t, hi, lo;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e >= -1023) {
    double scale = std::ldexp(1.0, -max_e);
    for (size_t i = 0; i < n; ++i) {
      x = vec[i] * scale;
      t = x * kT27;
      hi = t - (t - x);
      lo = x - hi;
      x = hi * hi;
      oldcsum = csum;
      csum += x;
      frac1 += (oldcsum - csum) + x;
      x = 2.0 * hi * lo;
      oldcsum = csum;
      csum += x;
      frac2 += (oldcsum - csum) + x;
      frac3 += lo * lo;
    }
    double h = std::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    x = h;
    t = x * kT27;
    hi = t - (t - x);
    lo = x - hi;
    x = -hi * hi;
    oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
    x = -2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += (oldcsum - csum) + x;
    x = -lo * lo;
    oldcsum = csum;
    csum += x;
    frac3 += (oldcsum - csum) + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
  }
  // Subnormal max: 2**-max_e would overflow, so divide by max instead.
  for (size_t i = 0; i < n; ++i) {
    x = vec[i] / max;
    x = x * x;
    oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
  }
  return max * std::sqrt(csum - 1.0 + frac1);
}

Object* m_hypot(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  std::vector<double> coords(nargs);
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < nargs; ++i) {
    double x;
    if (!to_double(ts, args[i], &x)) return nullptr;
    x = std::fabs(x);
    coords[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return box(ts, vector_norm(coords, max, found_nan));
}

Object* m_dist(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  if (check_nargs(ts, "dist", nargs, 2, 2) < 0) return nullptr;
  Ref p = Ref::steal(is_tuple(args[0]) ? new_ref(args[0]) : sequence_tuple(ts, args[0]));
  if (!p) return nullptr;
  Ref q = Ref::steal(is_tuple(args[1]) ? new_ref(args[1]) : sequence_tuple(ts, args[1]));
  if (!q) return nullptr;
  int64_t n = tuple_size(p.get());
  if (n != tuple_size(q.get())) {
    return runtime::raise(ts, &exc::ValueError, "both points must have the same number of dimensions");
  }
  std::vector<double> diffs(static_cast<size_t>(n));
  double max = 0.0;
  bool found_nan = false;
  for (int64_t i = 0; i < n; ++i) {
    double px, qx;
    if (!to_double(ts, tuple_items(p.get())[i], &px) || !to_double(ts, tuple_items(q.get())[i], &qx)) return nullptr;
    double x = std::fabs(px - qx);
    diffs[static_cast<size_t>(i)] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return box(ts, vector_norm(diffs, max, found_nan));
}

// prod(iterable, /, *, start=1): start * x0 * x1 * ... left to right.
Object* m_prod(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"iterable", ParamKind::PositionalOnly, kRequired},
                                      {"start", ParamKind::KeywordOnly, kOptional}};
  static constexpr Signature kSig("prod", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref it = Ref::steal(get_iter(ts, av[0]));
  if (!it) return nullptr;
  Ref result = Ref::steal(av.has(1) ? new_ref(av[1]) : int_from_i64(ts, 1));
  for (;;) {
    Ref item = Ref::steal(iter_next(ts, it.get()));
    if (!item) {
      if (runtime::has_exception(ts)) return nullptr;
      return result.release();
    }
    result = Ref::steal(number_multiply(ts, result.get(), item.get()));
    if (!result) return nullptr;
  }
}

// ---------------------------------------------------------------------------
// Integer functions (GMP).
// ---------------------------------------------------------------------------

// operator.index(o) into an mpz; false on error.
bool index_mpz(ThreadState* ts, Object* o, Mpz& out) {
  Ref i = Ref::steal(number_index(ts, o));
  if (!i) return false;
  int_to_mpz(i.get(), out.z);
  return true;
}

Object* factorial_of(ThreadState* ts, Object* arg) {
  Mpz n;
  if (!index_mpz(ts, arg, n)) return nullptr;
  if (mpz_sgn(n.z) < 0) return runtime::raise(ts, &exc::ValueError, "factorial() not defined for negative values");
  if (!mpz_fits_slong_p(n.z)) {
    return runtime::raise_format(ts, &exc::OverflowError, "factorial() argument should not exceed %ld", LONG_MAX);
  }
  Mpz r;
  mpz_fac_ui(r.z, mpz_get_ui(n.z));
  return int_of(ts, r);
}

Object* m_factorial(ThreadState* ts, Object*, Object* const* args, size_t, Object*) { return factorial_of(ts, args[0]); }

Object* m_isqrt(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Mpz n;
  if (!index_mpz(ts, args[0], n)) return nullptr;
  if (mpz_sgn(n.z) < 0) return runtime::raise(ts, &exc::ValueError, "isqrt() argument must be nonnegative");
  mpz_sqrt(n.z, n.z);
  return int_of(ts, n);
}

Object* m_gcd(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  Mpz r, x;
  for (size_t i = 0; i < nargs; ++i) {
    if (!index_mpz(ts, args[i], x)) return nullptr;
    mpz_gcd(r.z, r.z, x.z);
  }
  return int_of(ts, r);
}

Object* m_lcm(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  Mpz r, x;
  mpz_set_ui(r.z, 1);
  for (size_t i = 0; i < nargs; ++i) {
    if (!index_mpz(ts, args[i], x)) return nullptr;  // every argument is checked, even after a zero
    mpz_lcm(r.z, r.z, x.z);
  }
  return int_of(ts, r);
}

// n and k for comb/perm, both checked non-negative.
bool comb_args(ThreadState* ts, Object* const* args, Mpz& n, Mpz& k) {
  if (!index_mpz(ts, args[0], n) || !index_mpz(ts, args[1], k)) return false;
  if (mpz_sgn(n.z) < 0) {
    runtime::raise(ts, &exc::ValueError, "n must be a non-negative integer");
    return false;
  }
  if (mpz_sgn(k.z) < 0) {
    runtime::raise(ts, &exc::ValueError, "k must be a non-negative integer");
    return false;
  }
  return true;
}

Object* m_comb(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  if (check_nargs(ts, "comb", nargs, 2, 2) < 0) return nullptr;
  Mpz n, k;
  if (!comb_args(ts, args, n, k)) return nullptr;
  if (mpz_cmp(k.z, n.z) > 0) return int_from_i64(ts, 0);
  Mpz rest;
  mpz_sub(rest.z, n.z, k.z);
  if (mpz_cmp(rest.z, k.z) < 0) mpz_swap(rest.z, k.z);  // k = min(k, n - k)
  if (!mpz_fits_slong_p(k.z)) {
    return runtime::raise_format(ts, &exc::OverflowError, "min(n - k, k) must not exceed %lld", LLONG_MAX);
  }
  Mpz r;
  mpz_bin_ui(r.z, n.z, mpz_get_ui(k.z));
  return int_of(ts, r);
}

Object* m_perm(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  if (check_nargs(ts, "perm", nargs, 1, 2) < 0) return nullptr;
  if (nargs == 1 || is_none(args[1])) return factorial_of(ts, args[0]);
  Mpz n, k;
  if (!comb_args(ts, args, n, k)) return nullptr;
  if (mpz_cmp(n.z, k.z) < 0) return int_from_i64(ts, 0);
  if (!mpz_fits_slong_p(k.z)) return runtime::raise_format(ts, &exc::OverflowError, "k must not exceed %lld", LLONG_MAX);
  // n! / (n-k)! as comb(n, k) * k!.
  unsigned long kk = mpz_get_ui(k.z);
  Mpz r, f;
  mpz_bin_ui(r.z, n.z, kk);
  mpz_fac_ui(f.z, kk);
  mpz_mul(r.z, r.z, f.z);
  return int_of(ts, r);
}

#define MATH_1(name, fn, over) {#name, math_1<fn, over>, kMethO},
const MethodDef math_functions[] = {
    MATH_1(acos, libm_acos, false)
    MATH_1(acosh, libm_acosh, false)
    MATH_1(asin, libm_asin, false)
    MATH_1(asinh, libm_asinh, false)
    MATH_1(atan, libm_atan, false)
    {"atan2", m_atan2, kMethFast},
    MATH_1(atanh, libm_atanh, false)
    MATH_1(cbrt, libm_cbrt, false)
    {"ceil", m_ceil, kMethO},
    {"copysign", m_copysign, kMethFast},
    MATH_1(cos, libm_cos, false)
    MATH_1(cosh, libm_cosh, true)
    {"degrees", m_degrees, kMethO},
    {"dist", m_dist, kMethFast},
    {"erf", math_1a<erf_of>, kMethO},
    {"erfc", math_1a<erfc_of>, kMethO},
    MATH_1(exp, libm_exp, true)
    MATH_1(exp2, libm_exp2, true)
    MATH_1(expm1, libm_expm1, true)
    MATH_1(fabs, libm_fabs, false)
    {"factorial", m_factorial, kMethO},
    {"floor", m_floor, kMethO},
    {"fmod", m_fmod, kMethFast},
    {"frexp", m_frexp, kMethO},
    {"fsum", m_fsum, kMethO},
    {"gamma", math_1a<tgamma_of>, kMethO},
    {"gcd", m_gcd, kMethFast},
    {"hypot", m_hypot, kMethFast},
    {"isclose", m_isclose, kMethKeywords},
    {"isfinite", m_isfinite, kMethO},
    {"isinf", m_isinf, kMethO},
    {"isnan", m_isnan, kMethO},
    {"isqrt", m_isqrt, kMethO},
    {"lcm", m_lcm, kMethFast},
    {"ldexp", m_ldexp, kMethFast},
    {"lgamma", math_1a<lgamma_of>, kMethO},
    {"log", m_log, kMethFast},
    MATH_1(log1p, libm_log1p, false)
    {"log10", m_log10, kMethO},
    {"log2", m_log2, kMethO},
    {"modf", m_modf, kMethO},
    {"pow", m_pow, kMethFast},
    {"radians", m_radians, kMethO},
    {"remainder", m_remainder, kMethFast},
    MATH_1(sin, libm_sin, false)
    MATH_1(sinh, libm_sinh, true)
    MATH_1(sqrt, libm_sqrt, false)
    MATH_1(tan, libm_tan, false)
    MATH_1(tanh, libm_tanh, false)
    {"trunc", m_trunc, kMethO},
    {"prod", m_prod, kMethKeywords},
    {"perm", m_perm, kMethFast},
    {"comb", m_comb, kMethFast},
    {"nextafter", m_nextafter, kMethFast},
    {"ulp", m_ulp, kMethO},
    {},
};
#undef MATH_1

}  // namespace

Object* init_math_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "math", math_functions,
                                       "This module provides access to the mathematical functions\n"
                                       "defined by the C standard."));
  if (!m) return nullptr;
  if (add_float(ts, m.get(), "pi", kPi) < 0 || add_float(ts, m.get(), "e", kE) < 0 ||
      add_float(ts, m.get(), "tau", kTau) < 0 || add_float(ts, m.get(), "inf", kInf) < 0 ||
      add_float(ts, m.get(), "nan", kNaN) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace spindle::modules
