// The cmath module: complex functions with C99 Annex G special values, as
// CPython 3.11 computes them.
//
// Every function returns its result and sets an error code the way CPython's
// functions set errno: 0, EDOM (ValueError "math domain error") or ERANGE
// (OverflowError "math range error"). Infinite or NaN parts of an argument
// select an entry of a 7x7 table indexed by the classes of the real and the
// imaginary part (-inf, negative, -0, +0, positive, +inf, nan); finite
// arguments use formulas arranged to avoid spurious overflow and
// cancellation. The formulas keep CPython's operation order, since results
// must be bit-identical.
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/complex.h"
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

struct Cx {
  double real;
  double imag;
};

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kE = 2.718281828459045235360287471352662498;
constexpr double kTau = 6.283185307179586476925286766559005768;
constexpr double kLn2 = 0.6931471805599453094;
constexpr double kLn10 = 2.302585092994045684;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Thresholds beyond which the usual formulas would overflow.
const double kLargeDouble = DBL_MAX / 4.0;
const double kSqrtLargeDouble = std::sqrt(DBL_MAX / 4.0);
const double kLogLargeDouble = std::log(DBL_MAX / 4.0);
const double kSqrtDblMin = std::sqrt(DBL_MIN);
// Scaling by 2**kScaleUp turns a subnormal into a normal; kScaleDown undoes
// it under a square root.
constexpr int kScaleUp = 2 * (DBL_MANT_DIG / 2) + 1;
constexpr int kScaleDown = -(kScaleUp + 1) / 2;

// ---------------------------------------------------------------------------
// Special-value tables. Rows: class of the real part; columns: class of the
// imaginary part. U marks entries the finite code paths handle (unused).
// ---------------------------------------------------------------------------

enum SpecialClass { kNegInf, kNeg, kNegZero, kPosZero, kPos, kPosInf, kNan };

int special_class(double d) {
  if (std::isfinite(d)) {
    bool pos = std::copysign(1.0, d) == 1.0;
    if (d != 0) return pos ? kPos : kNeg;
    return pos ? kPosZero : kNegZero;
  }
  if (std::isnan(d)) return kNan;
  return std::copysign(1.0, d) == 1.0 ? kPosInf : kNegInf;
}

using Table = Cx[7][7];

constexpr double P = kPi;
constexpr double P14 = 0.25 * kPi;
constexpr double P12 = 0.5 * kPi;
constexpr double P34 = 0.75 * kPi;
constexpr double INF = kInf;
constexpr double N = kNaN;
constexpr double U = -9.5426319407711027e33;

const Table kAcos = {
    {{P34, INF}, {P, INF}, {P, INF}, {P, -INF}, {P, -INF}, {P34, -INF}, {N, INF}},
    {{P12, INF}, {U, U}, {U, U}, {U, U}, {U, U}, {P12, -INF}, {N, N}},
    {{P12, INF}, {U, U}, {P12, 0.}, {P12, -0.}, {U, U}, {P12, -INF}, {P12, N}},
    {{P12, INF}, {U, U}, {P12, 0.}, {P12, -0.}, {U, U}, {P12, -INF}, {P12, N}},
    {{P12, INF}, {U, U}, {U, U}, {U, U}, {U, U}, {P12, -INF}, {N, N}},
    {{P14, INF}, {0., INF}, {0., INF}, {0., -INF}, {0., -INF}, {P14, -INF}, {N, INF}},
    {{N, INF}, {N, N}, {N, N}, {N, N}, {N, N}, {N, -INF}, {N, N}},
};
const Table kAcosh = {
    {{INF, -P34}, {INF, -P}, {INF, -P}, {INF, P}, {INF, P}, {INF, P34}, {INF, N}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {0., -P12}, {0., P12}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {0., -P12}, {0., P12}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, N}, {N, N}},
};
const Table kAsinh = {
    {{-INF, -P14}, {-INF, -0.}, {-INF, -0.}, {-INF, 0.}, {-INF, 0.}, {-INF, P14}, {-INF, N}},
    {{-INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {-INF, P12}, {N, N}},
    {{-INF, -P12}, {U, U}, {-0., -0.}, {-0., 0.}, {U, U}, {-INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {INF, N}, {N, N}},
};
const Table kAtanh = {
    {{-0., -P12}, {-0., -P12}, {-0., -P12}, {-0., P12}, {-0., P12}, {-0., P12}, {-0., N}},
    {{-0., -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {-0., P12}, {N, N}},
    {{-0., -P12}, {U, U}, {-0., -0.}, {-0., 0.}, {U, U}, {-0., P12}, {-0., N}},
    {{0., -P12}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {0., P12}, {0., N}},
    {{0., -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {0., P12}, {N, N}},
    {{0., -P12}, {0., -P12}, {0., -P12}, {0., P12}, {0., P12}, {0., P12}, {0., N}},
    {{0., -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {0., P12}, {N, N}},
};
const Table kCosh = {
    {{INF, N}, {U, U}, {INF, 0.}, {INF, -0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{N, 0.}, {U, U}, {1., 0.}, {1., -0.}, {U, U}, {N, 0.}, {N, 0.}},
    {{N, 0.}, {U, U}, {1., -0.}, {1., 0.}, {U, U}, {N, 0.}, {N, 0.}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{INF, N}, {U, U}, {INF, -0.}, {INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {N, N}, {N, 0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};
const Table kExp = {
    {{0., 0.}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {0., 0.}, {0., 0.}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{N, N}, {U, U}, {1., -0.}, {1., 0.}, {U, U}, {N, N}, {N, N}},
    {{N, N}, {U, U}, {1., -0.}, {1., 0.}, {U, U}, {N, N}, {N, N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{INF, N}, {U, U}, {INF, -0.}, {INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};
const Table kLog = {
    {{INF, -P34}, {INF, -P}, {INF, -P}, {INF, P}, {INF, P}, {INF, P34}, {INF, N}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {-INF, -P}, {-INF, P}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {-INF, -0.}, {-INF, 0.}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, N}, {N, N}},
};
const Table kSinh = {
    {{INF, N}, {U, U}, {-INF, -0.}, {-INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{0., N}, {U, U}, {-0., -0.}, {-0., 0.}, {U, U}, {0., N}, {0., N}},
    {{0., N}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {0., N}, {0., N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{INF, N}, {U, U}, {INF, -0.}, {INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};
const Table kSqrt = {
    {{INF, -INF}, {0., -INF}, {0., -INF}, {0., INF}, {0., INF}, {INF, INF}, {N, INF}},
    {{INF, -INF}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, INF}, {N, N}},
    {{INF, -INF}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {INF, INF}, {N, N}},
    {{INF, -INF}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {INF, INF}, {N, N}},
    {{INF, -INF}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, INF}, {N, N}},
    {{INF, -INF}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, INF}, {INF, N}},
    {{INF, -INF}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, INF}, {N, N}},
};
const Table kTanh = {
    {{-1., 0.}, {U, U}, {-1., -0.}, {-1., 0.}, {U, U}, {-1., 0.}, {-1., 0.}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{N, N}, {U, U}, {-0., -0.}, {-0., 0.}, {U, U}, {N, N}, {N, N}},
    {{N, N}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {N, N}, {N, N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{1., 0.}, {U, U}, {1., -0.}, {1., 0.}, {U, U}, {1., 0.}, {1., 0.}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};
const Table kRect = {
    {{INF, N}, {U, U}, {-INF, 0.}, {-INF, -0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{0., 0.}, {U, U}, {-0., 0.}, {-0., -0.}, {U, U}, {0., 0.}, {0., 0.}},
    {{0., 0.}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {0., 0.}, {0., 0.}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{INF, N}, {U, U}, {INF, -0.}, {INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {N, N}, {N, 0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};

bool is_special(Cx z) { return !std::isfinite(z.real) || !std::isfinite(z.imag); }
Cx lookup(const Table& t, Cx z) { return t[special_class(z.real)][special_class(z.imag)]; }

double log1p_signed(double x) { return x == 0.0 ? x : std::log1p(x); }  // keeps the sign of zero

// ---------------------------------------------------------------------------
// The functions. `err` receives 0, EDOM or ERANGE.
// ---------------------------------------------------------------------------

Cx c_sqrt(Cx z, int& err) {
  // Reduce to x, y >= 0: s = sqrt((x + hypot(x, y))/2), d = (y/2)/s, with
  // x and y scaled by 1/8 against overflow, or up when both are subnormal.
  err = 0;
  if (is_special(z)) return lookup(kSqrt, z);
  if (z.real == 0.0 && z.imag == 0.0) return {0.0, z.imag};
  double ax = std::fabs(z.real), ay = std::fabs(z.imag), s;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    ax = std::ldexp(ax, kScaleUp);
    s = std::ldexp(std::sqrt(ax + std::hypot(ax, std::ldexp(ay, kScaleUp))), kScaleDown);
  } else {
    ax /= 8.0;
    s = 2.0 * std::sqrt(ax + std::hypot(ax, ay / 8.0));
  }
  double d = ay / (2.0 * s);
  if (z.real >= 0.0) return {s, std::copysign(d, z.imag)};
  return {d, std::copysign(s, z.imag)};
}

Cx c_acos(Cx z, int& err) {
  err = 0;
  if (is_special(z)) return lookup(kAcos, z);
  Cx r;
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble) {
    r.real = std::atan2(std::fabs(z.imag), z.real);
    r.imag = -std::copysign(std::log(std::hypot(z.real / 2.0, z.imag / 2.0)) + kLn2 * 2.0, z.imag);
  } else {
    int e;
    Cx s1 = c_sqrt({1.0 - z.real, -z.imag}, e);
    Cx s2 = c_sqrt({1.0 + z.real, z.imag}, e);
    r.real = 2.0 * std::atan2(s1.real, s2.real);
    r.imag = std::asinh(s2.real * s1.imag - s2.imag * s1.real);
  }
  return r;
}

Cx c_acosh(Cx z, int& err) {
  err = 0;
  if (is_special(z)) return lookup(kAcosh, z);
  Cx r;
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble) {
    r.real = std::log(std::hypot(z.real / 2.0, z.imag / 2.0)) + kLn2 * 2.0;
    r.imag = std::atan2(z.imag, z.real);
  } else {
    int e;
    Cx s1 = c_sqrt({z.real - 1.0, z.imag}, e);
    Cx s2 = c_sqrt({z.real + 1.0, z.imag}, e);
    r.real = std::asinh(s1.real * s2.real + s1.imag * s2.imag);
    r.imag = 2.0 * std::atan2(s1.imag, s2.real);
  }
  return r;
}

Cx c_asinh(Cx z, int& err) {
  err = 0;
  if (is_special(z)) return lookup(kAsinh, z);
  Cx r;
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble) {
    double l = std::log(std::hypot(z.real / 2.0, z.imag / 2.0)) + kLn2 * 2.0;
    r.real = z.imag >= 0.0 ? std::copysign(l, z.real) : -std::copysign(l, -z.real);
    r.imag = std::atan2(z.imag, std::fabs(z.real));
  } else {
    int e;
    Cx s1 = c_sqrt({1.0 + z.imag, -z.real}, e);
    Cx s2 = c_sqrt({1.0 - z.imag, z.real}, e);
    r.real = std::asinh(s1.real * s2.imag - s2.real * s1.imag);
    r.imag = std::atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag);
  }
  return r;
}

Cx c_asin(Cx z, int& err) {  // asin(z) = -i asinh(iz)
  Cx s = c_asinh({-z.imag, z.real}, err);
  return {s.imag, -s.real};
}

Cx c_atanh(Cx z, int& err) {
  err = 0;
  if (is_special(z)) return lookup(kAtanh, z);
  if (z.real < 0.0) {  // atanh(z) = -atanh(-z)
    Cx r = c_atanh({-z.real, -z.imag}, err);
    return {-r.real, -r.imag};
  }
  double ay = std::fabs(z.imag);
  if (z.real > kSqrtLargeDouble || ay > kSqrtLargeDouble) {
    // Large |z|: atanh(z) ~ 1/z +- i*pi/2.
    double h = std::hypot(z.real / 2.0, z.imag / 2.0);
    return {z.real / 4.0 / h / h, std::copysign(kPi / 2.0, z.imag)};
  }
  if (z.real == 1.0 && ay < kSqrtDblMin) {
    if (ay == 0.0) {
      err = EDOM;
      return {kInf, z.imag};
    }
    return {-std::log(std::sqrt(ay) / std::sqrt(std::hypot(ay, 2.0))), std::copysign(std::atan2(2.0, -ay) / 2, z.imag)};
  }
  return {log1p_signed(4.0 * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.0,
          -std::atan2(-2.0 * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.0};
}

Cx c_atan(Cx z, int& err) {  // atan(z) = -i atanh(iz)
  Cx s = c_atanh({-z.imag, z.real}, err);
  return {s.imag, -s.real};
}

// cosh/sinh share the infinite-real-part rule: signs from cos/sin of y.
Cx c_cosh(Cx z, int& err) {
  if (is_special(z)) {
    Cx r;
    if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.0) {
      r.real = std::copysign(kInf, std::cos(z.imag));
      r.imag = z.real > 0 ? std::copysign(kInf, std::sin(z.imag)) : -std::copysign(kInf, std::sin(z.imag));
    } else {
      r = lookup(kCosh, z);
    }
    err = std::isinf(z.imag) && !std::isnan(z.real) ? EDOM : 0;
    return r;
  }
  Cx r;
  if (std::fabs(z.real) > kLogLargeDouble) {
    // cosh(x) may overflow where cosh(z) does not.
    double x_minus_one = z.real - std::copysign(1.0, z.real);
    r.real = std::cos(z.imag) * std::cosh(x_minus_one) * kE;
    r.imag = std::sin(z.imag) * std::sinh(x_minus_one) * kE;
  } else {
    r.real = std::cos(z.imag) * std::cosh(z.real);
    r.imag = std::sin(z.imag) * std::sinh(z.real);
  }
  err = std::isinf(r.real) || std::isinf(r.imag) ? ERANGE : 0;
  return r;
}

Cx c_sinh(Cx z, int& err) {
  if (is_special(z)) {
    Cx r;
    if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.0) {
      r.real = z.real > 0 ? std::copysign(kInf, std::cos(z.imag)) : -std::copysign(kInf, std::cos(z.imag));
      r.imag = std::copysign(kInf, std::sin(z.imag));
    } else {
      r = lookup(kSinh, z);
    }
    err = std::isinf(z.imag) && !std::isnan(z.real) ? EDOM : 0;
    return r;
  }
  Cx r;
  if (std::fabs(z.real) > kLogLargeDouble) {
    double x_minus_one = z.real - std::copysign(1.0, z.real);
    r.real = std::cos(z.imag) * std::sinh(x_minus_one) * kE;
    r.imag = std::sin(z.imag) * std::cosh(x_minus_one) * kE;
  } else {
    r.real = std::cos(z.imag) * std::sinh(z.real);
    r.imag = std::sin(z.imag) * std::cosh(z.real);
  }
  err = std::isinf(r.real) || std::isinf(r.imag) ? ERANGE : 0;
  return r;
}

Cx c_cos(Cx z, int& err) { return c_cosh({-z.imag, z.real}, err); }  // cos(z) = cosh(iz)

Cx c_sin(Cx z, int& err) {  // sin(z) = -i sinh(iz)
  Cx s = c_sinh({-z.imag, z.real}, err);
  return {s.imag, -s.real};
}

Cx c_tanh(Cx z, int& err) {
  // tanh(x+iy) = (tanh(x)(1+tan(y)^2) + i tan(y)(1-tanh(x)^2)) / (1+tan(y)^2 tanh(x)^2),
  // with 1-tanh(x)^2 as 1/cosh(x)^2.
  if (is_special(z)) {
    Cx r;
    if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.0) {
      r.real = z.real > 0 ? 1.0 : -1.0;
      r.imag = std::copysign(0.0, 2.0 * std::sin(z.imag) * std::cos(z.imag));
    } else {
      r = lookup(kTanh, z);
    }
    err = std::isinf(z.imag) && std::isfinite(z.real) ? EDOM : 0;
    return r;
  }
  err = 0;
  if (std::fabs(z.real) > kLogLargeDouble) {
    return {std::copysign(1.0, z.real), 4.0 * std::sin(z.imag) * std::cos(z.imag) * std::exp(-2.0 * std::fabs(z.real))};
  }
  double tx = std::tanh(z.real);
  double ty = std::tan(z.imag);
  double cx = 1.0 / std::cosh(z.real);
  double txty = tx * ty;
  double denom = 1.0 + txty * txty;
  return {tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx};
}

Cx c_tan(Cx z, int& err) {  // tan(z) = -i tanh(iz)
  Cx s = c_tanh({-z.imag, z.real}, err);
  return {s.imag, -s.real};
}

Cx c_exp(Cx z, int& err) {
  if (is_special(z)) {
    Cx r;
    if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.0) {
      if (z.real > 0) r = {std::copysign(kInf, std::cos(z.imag)), std::copysign(kInf, std::sin(z.imag))};
      else r = {std::copysign(0.0, std::cos(z.imag)), std::copysign(0.0, std::sin(z.imag))};
    } else {
      r = lookup(kExp, z);
    }
    err = std::isinf(z.imag) && (std::isfinite(z.real) || (std::isinf(z.real) && z.real > 0)) ? EDOM : 0;
    return r;
  }
  Cx r;
  if (z.real > kLogLargeDouble) {
    double l = std::exp(z.real - 1.0);
    r.real = l * std::cos(z.imag) * kE;
    r.imag = l * std::sin(z.imag) * kE;
  } else {
    double l = std::exp(z.real);
    r.real = l * std::cos(z.imag);
    r.imag = l * std::sin(z.imag);
  }
  err = std::isinf(r.real) || std::isinf(r.imag) ? ERANGE : 0;
  return r;
}

Cx c_log(Cx z, int& err) {
  // log|z| rescaled when |z| is subnormal or would overflow, and through
  // log1p when |z| is near 1 (where log(h) loses accuracy).
  err = 0;
  if (is_special(z)) return lookup(kLog, z);
  double ax = std::fabs(z.real), ay = std::fabs(z.imag);
  Cx r;
  if (ax > kLargeDouble || ay > kLargeDouble) {
    r.real = std::log(std::hypot(ax / 2.0, ay / 2.0)) + kLn2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0.0 || ay > 0.0) {
      r.real = std::log(std::hypot(std::ldexp(ax, DBL_MANT_DIG), std::ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * kLn2;
    } else {
      err = EDOM;  // log(+-0 +-0j)
      return {-kInf, std::atan2(z.imag, z.real)};
    }
  } else {
    double h = std::hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      double am = ax > ay ? ax : ay;
      double an = ax > ay ? ay : ax;
      r.real = log1p_signed((am - 1) * (am + 1) + an * an) / 2.0;
    } else {
      r.real = std::log(h);
    }
  }
  r.imag = std::atan2(z.imag, z.real);
  return r;
}

Cx c_log10(Cx z, int& err) {
  Cx r = c_log(z, err);
  return {r.real / kLn10, r.imag / kLn10};
}

// Complex division as CPython's _Py_c_quot (Smith's method); EDOM for a zero
// divisor, otherwise `err` is left as it was.
Cx c_quot(Cx a, Cx b, int& err) {
  double abs_breal = b.real < 0 ? -b.real : b.real;
  double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) {
      err = EDOM;
      return {0.0, 0.0};
    }
    double ratio = b.imag / b.real;
    double denom = b.real + b.imag * ratio;
    return {(a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom};
  }
  if (abs_bimag >= abs_breal) {
    double ratio = b.real / b.imag;
    double denom = b.real * ratio + b.imag;
    return {(a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom};
  }
  return {kNaN, kNaN};  // a NaN in the divisor
}

// abs(z) with C99's rule that an infinite part wins over a NaN; ERANGE on
// overflow.
double c_abs(Cx z, int& err) {
  err = 0;
  if (!std::isfinite(z.real) || !std::isfinite(z.imag)) {
    if (std::isinf(z.real)) return std::fabs(z.real);
    if (std::isinf(z.imag)) return std::fabs(z.imag);
    return kNaN;
  }
  double r = std::hypot(z.real, z.imag);
  if (!std::isfinite(r)) err = ERANGE;
  return r;
}

// ---------------------------------------------------------------------------
// Glue.
// ---------------------------------------------------------------------------

std::nullptr_t raise_errno(ThreadState* ts, int err) {
  if (err == EDOM) return runtime::raise(ts, &exc::ValueError, "math domain error");
  if (err == ERANGE) return runtime::raise(ts, &exc::OverflowError, "math range error");
  return runtime::raise(ts, &exc::ValueError, std::strerror(err));
}

// complex(o) as PyComplex_AsCComplex: a complex, __complex__, or float(o).
bool to_complex(ThreadState* ts, Object* o, Cx* out) {
  if (is_instance_of(o, &complex_type)) {
    *out = {static_cast<Complex*>(o)->real, static_cast<Complex*>(o)->imag};
    return true;
  }
  Ref name = Ref::steal(str_intern_cstr(ts, "__complex__"));
  if (!name) return false;
  Ref method = Ref::steal(lookup_special(ts, o, name.get()));
  if (method) {
    Ref r = Ref::steal(call(ts, method.get(), nullptr, 0));
    if (!r) return false;
    if (!is_instance_of(r.get(), &complex_type)) {
      runtime::raise_format(ts, &exc::TypeError, "__complex__ returned non-complex (type %s)", tp_name(r.get()));
      return false;
    }
    *out = {static_cast<Complex*>(r.get())->real, static_cast<Complex*>(r.get())->imag};
    return true;
  }
  if (runtime::has_exception(ts)) return false;
  double d = float_as_double(ts, o);
  if (d == -1.0 && runtime::has_exception(ts)) return false;
  *out = {d, 0.0};
  return true;
}

bool to_double(ThreadState* ts, Object* o, double* out) {
  double d = float_as_double(ts, o);
  if (d == -1.0 && runtime::has_exception(ts)) return false;
  *out = d;
  return true;
}

template <Cx (*F)(Cx, int&)>
Object* cmath_1(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Cx z;
  if (!to_complex(ts, args[0], &z)) return nullptr;
  int err = 0;
  Cx r = F(z, err);
  if (err) return raise_errno(ts, err);
  return complex_from_doubles(ts, r.real, r.imag);
}

Object* cm_log(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  if (check_nargs(ts, "log", nargs, 1, 2) < 0) return nullptr;
  Cx x;
  if (!to_complex(ts, args[0], &x)) return nullptr;
  // One error code across both logarithms and the division, as CPython's
  // errno: a later successful log clears an earlier EDOM.
  int err = 0;
  x = c_log(x, err);
  if (nargs == 2) {
    Cx y;
    if (!to_complex(ts, args[1], &y)) return nullptr;
    y = c_log(y, err);
    x = c_quot(x, y, err);
  }
  if (err) return raise_errno(ts, err);
  return complex_from_doubles(ts, x.real, x.imag);
}

// atan2 with the errno libm leaves (glibc reports underflow as ERANGE, which
// CPython turns into OverflowError for phase()).
double atan2_errno(Cx z, int& err) {
  errno = 0;
  double phi = std::atan2(z.imag, z.real);
  err = errno;
  return phi;
}

Object* cm_phase(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Cx z;
  if (!to_complex(ts, args[0], &z)) return nullptr;
  int err;
  double phi = atan2_errno(z, err);
  if (err) return raise_errno(ts, err);
  return float_from_double(ts, phi);
}

Object* cm_polar(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Cx z;
  if (!to_complex(ts, args[0], &z)) return nullptr;
  int err;
  double phi = atan2_errno(z, err);
  // abs() replaces the error code unless a part is NaN and none is infinite.
  int abs_err = err;
  double r = c_abs(z, abs_err);
  bool nan_only = (std::isnan(z.real) || std::isnan(z.imag)) && !std::isinf(z.real) && !std::isinf(z.imag);
  if (!nan_only) err = abs_err;
  if (err) return raise_errno(ts, err);
  Ref a = Ref::steal(float_from_double(ts, r));
  Ref b = Ref::steal(float_from_double(ts, phi));
  if (!a || !b) return nullptr;
  return tuple_pack(ts, {a.get(), b.get()});
}

// rect(r, phi) behaves like exp(log(r) + i*phi) (negated for negative r).
Object* cm_rect(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  if (check_nargs(ts, "rect", nargs, 2, 2) < 0) return nullptr;
  double r, phi;
  if (!to_double(ts, args[0], &r) || !to_double(ts, args[1], &phi)) return nullptr;
  Cx z;
  if (!std::isfinite(r) || !std::isfinite(phi)) {
    if (std::isinf(r) && std::isfinite(phi) && phi != 0.0) {
      if (r > 0) z = {std::copysign(kInf, std::cos(phi)), std::copysign(kInf, std::sin(phi))};
      else z = {-std::copysign(kInf, std::cos(phi)), -std::copysign(kInf, std::sin(phi))};
    } else {
      z = kRect[special_class(r)][special_class(phi)];
    }
    if (r != 0.0 && !std::isnan(r) && std::isinf(phi)) return raise_errno(ts, EDOM);
  } else if (phi == 0.0) {
    z = {r, r * phi};  // keeps the sign of a zero phi
  } else {
    z = {r * std::cos(phi), r * std::sin(phi)};
  }
  return complex_from_doubles(ts, z.real, z.imag);
}

Object* cm_isfinite(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Cx z;
  if (!to_complex(ts, args[0], &z)) return nullptr;
  return py_bool(std::isfinite(z.real) && std::isfinite(z.imag));
}
Object* cm_isnan(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Cx z;
  if (!to_complex(ts, args[0], &z)) return nullptr;
  return py_bool(std::isnan(z.real) || std::isnan(z.imag));
}
Object* cm_isinf(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Cx z;
  if (!to_complex(ts, args[0], &z)) return nullptr;
  return py_bool(std::isinf(z.real) || std::isinf(z.imag));
}

Object* cm_isclose(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"a", ParamKind::PositionalOrKeyword, kRequired},
                                      {"b", ParamKind::PositionalOrKeyword, kRequired},
                                      {"rel_tol", ParamKind::KeywordOnly, kOptional},
                                      {"abs_tol", ParamKind::KeywordOnly, kOptional}};
  static constexpr Signature kSig("isclose", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Cx a, b;
  double rel_tol = 1e-09, abs_tol = 0.0;
  if (!to_complex(ts, av[0], &a) || !to_complex(ts, av[1], &b)) return nullptr;
  if (av.has(2) && !to_double(ts, av[2], &rel_tol)) return nullptr;
  if (av.has(3) && !to_double(ts, av[3], &abs_tol)) return nullptr;
  if (rel_tol < 0.0 || abs_tol < 0.0) return runtime::raise(ts, &exc::ValueError, "tolerances must be non-negative");
  if (a.real == b.real && a.imag == b.imag) return py_true();
  if (std::isinf(a.real) || std::isinf(a.imag) || std::isinf(b.real) || std::isinf(b.imag)) return py_false();
  int err;
  double diff = c_abs({a.real - b.real, a.imag - b.imag}, err);
  return py_bool(diff <= rel_tol * c_abs(b, err) || diff <= rel_tol * c_abs(a, err) || diff <= abs_tol);
}

const MethodDef cmath_functions[] = {
    {"acos", cmath_1<c_acos>, kMethO},
    {"acosh", cmath_1<c_acosh>, kMethO},
    {"asin", cmath_1<c_asin>, kMethO},
    {"asinh", cmath_1<c_asinh>, kMethO},
    {"atan", cmath_1<c_atan>, kMethO},
    {"atanh", cmath_1<c_atanh>, kMethO},
    {"cos", cmath_1<c_cos>, kMethO},
    {"cosh", cmath_1<c_cosh>, kMethO},
    {"exp", cmath_1<c_exp>, kMethO},
    {"isclose", cm_isclose, kMethKeywords},
    {"isfinite", cm_isfinite, kMethO},
    {"isinf", cm_isinf, kMethO},
    {"isnan", cm_isnan, kMethO},
    {"log", cm_log, kMethFast},
    {"log10", cmath_1<c_log10>, kMethO},
    {"phase", cm_phase, kMethO},
    {"polar", cm_polar, kMethO},
    {"rect", cm_rect, kMethFast},
    {"sin", cmath_1<c_sin>, kMethO},
    {"sinh", cmath_1<c_sinh>, kMethO},
    {"sqrt", cmath_1<c_sqrt>, kMethO},
    {"tan", cmath_1<c_tan>, kMethO},
    {"tanh", cmath_1<c_tanh>, kMethO},
    {},
};

}  // namespace

Object* init_cmath_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "cmath", cmath_functions,
                                       "This module provides access to mathematical functions for complex\n"
                                       "numbers."));
  if (!m) return nullptr;
  if (add_float(ts, m.get(), "pi", kPi) < 0 || add_float(ts, m.get(), "e", kE) < 0 ||
      add_float(ts, m.get(), "tau", kTau) < 0 || add_float(ts, m.get(), "inf", kInf) < 0 ||
      add_object(ts, m.get(), "infj", complex_from_doubles(ts, 0.0, kInf)) < 0 ||
      add_float(ts, m.get(), "nan", kNaN) < 0 ||
      add_object(ts, m.get(), "nanj", complex_from_doubles(ts, 0.0, kNaN)) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace spindle::modules
