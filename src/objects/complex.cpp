// complex: arithmetic, comparison, hash and repr as CPython.
#include "objects/complex.h"

#include <cmath>
#include <complex>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::objects {

Type complex_type;

Object* complex_from_doubles(ThreadState* ts, double real, double imag) {
  auto* c = static_cast<Complex*>(alloc_object(ts, &complex_type, sizeof(Complex)));
  if (c) {
    c->real = real;
    c->imag = imag;
  }
  return c;
}

namespace {

bool operand(ThreadState* ts, Object* o, std::complex<double>* out, bool* err) {
  *err = false;
  if (o->ob_type == &complex_type || is_subtype(o->ob_type, &complex_type)) {
    *out = {static_cast<Complex*>(o)->real, static_cast<Complex*>(o)->imag};
    return true;
  }
  if (is_float(o) || is_int(o)) {
    double d = float_as_double(ts, o);
    *err = d == -1.0 && runtime::has_exception(ts);
    *out = {d, 0.0};
    return true;
  }
  return false;
}

// complex(x) for an x that is neither a number type nor a str:
// x.__complex__() (which must return a complex), else float(x) when x has
// __float__ or __index__. false (no exception) when x has none of them;
// *is_complex: the value came from __complex__.
bool other_operand(ThreadState* ts, Object* o, std::complex<double>* out, bool* err, bool* is_complex) {
  *err = false;
  for (const char* special : {"__complex__", "__float__", "__index__"}) {
    Ref name = Ref::steal(str_intern_cstr(ts, special));
    if (!name) return *err = true;
    Ref meth = Ref::steal(lookup_special(ts, o, name.get()));
    if (!meth) {
      if (runtime::has_exception(ts)) return *err = true;
      continue;
    }
    if (special[2] != 'c') {
      Ref f = Ref::steal(number_float(ts, o));
      if (!f) return *err = true;
      *out = {float_as_double(ts, f.get()), 0.0};
      return true;
    }
    Ref c = Ref::steal(call(ts, meth.get(), nullptr, 0));
    if (!c) return *err = true;
    if (c->ob_type != &complex_type && !is_subtype(c->ob_type, &complex_type)) {
      runtime::raise_format(ts, &exc::TypeError, "__complex__ returned non-complex (type %s)", type_name(c->ob_type));
      return *err = true;
    }
    *out = {static_cast<Complex*>(c.get())->real, static_cast<Complex*>(c.get())->imag};
    *is_complex = true;
    return true;
  }
  return false;
}

template <class F>
Object* arith(ThreadState* ts, Object* a, Object* b, F f) {
  std::complex<double> x, y;
  bool err;
  if (!operand(ts, a, &x, &err)) return new_ref(py_not_implemented());
  if (err) return nullptr;
  if (!operand(ts, b, &y, &err)) return new_ref(py_not_implemented());
  if (err) return nullptr;
  return f(x, y);
}

Object* make(ThreadState* ts, std::complex<double> z) { return complex_from_doubles(ts, z.real(), z.imag()); }

Object* c_add(ThreadState* ts, Object* a, Object* b) { return arith(ts, a, b, [&](auto x, auto y) { return make(ts, x + y); }); }
Object* c_sub(ThreadState* ts, Object* a, Object* b) { return arith(ts, a, b, [&](auto x, auto y) { return make(ts, x - y); }); }
Object* c_mul(ThreadState* ts, Object* a, Object* b) {
  return arith(ts, a, b, [&](auto x, auto y) {
    return complex_from_doubles(ts, x.real() * y.real() - x.imag() * y.imag(), x.real() * y.imag() + x.imag() * y.real());
  });
}
Object* c_div(ThreadState* ts, Object* a, Object* b) {
  return arith(ts, a, b, [&](auto x, auto y) -> Object* {
    if (y.real() == 0.0 && y.imag() == 0.0) return runtime::raise(ts, &exc::ZeroDivisionError, "complex division by zero");
    // Smith's algorithm, as CPython.
    double ar = x.real(), ai = x.imag(), br = y.real(), bi = y.imag();
    double abs_br = std::fabs(br), abs_bi = std::fabs(bi);
    if (abs_br >= abs_bi) {
      double ratio = bi / br, denom = br + bi * ratio;
      return complex_from_doubles(ts, (ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
    }
    double ratio = br / bi, denom = br * ratio + bi;
    return complex_from_doubles(ts, (ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
  });
}
Object* c_pow(ThreadState* ts, Object* a, Object* b, Object* m) {
  if (!is_none(m)) return runtime::raise(ts, &exc::ValueError, "complex modulo");
  return arith(ts, a, b, [&](auto x, auto y) -> Object* {
    if (x == std::complex<double>(0, 0)) {
      if (y.imag() != 0 || y.real() < 0) return runtime::raise(ts, &exc::ZeroDivisionError, "0.0 to a negative or complex power");
      return complex_from_doubles(ts, y == std::complex<double>(0, 0) ? 1.0 : 0.0, 0.0);
    }
    if (y.imag() == 0 && y.real() == std::floor(y.real()) && std::fabs(y.real()) <= 100) {
      int n = static_cast<int>(y.real());
      std::complex<double> r(1, 0), base = n < 0 ? std::complex<double>(1, 0) / x : x;
      for (int i = 0; i < std::abs(n); ++i) r = std::complex<double>(r.real() * base.real() - r.imag() * base.imag(), r.real() * base.imag() + r.imag() * base.real());
      return make(ts, r);
    }
    return make(ts, std::pow(x, y));
  });
}
Object* c_neg(ThreadState* ts, Object* a) { return complex_from_doubles(ts, -static_cast<Complex*>(a)->real, -static_cast<Complex*>(a)->imag); }
Object* c_pos(ThreadState* ts, Object* a) { return complex_from_doubles(ts, static_cast<Complex*>(a)->real, static_cast<Complex*>(a)->imag); }
Object* c_abs(ThreadState* ts, Object* a) {
  double r = std::hypot(static_cast<Complex*>(a)->real, static_cast<Complex*>(a)->imag);
  if (std::isinf(r) && std::isfinite(static_cast<Complex*>(a)->real) && std::isfinite(static_cast<Complex*>(a)->imag))
    return runtime::raise(ts, &exc::OverflowError, "absolute value too large");
  return float_from_double(ts, r);
}
int c_bool(ThreadState*, Object* a) { return static_cast<Complex*>(a)->real != 0.0 || static_cast<Complex*>(a)->imag != 0.0; }

Object* c_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return new_ref(py_not_implemented());
  std::complex<double> x, y;
  bool err;
  if (!operand(ts, a, &x, &err) || !operand(ts, b, &y, &err)) return new_ref(py_not_implemented());
  if (err) {
    runtime::clear_exception(ts);
    return py_bool(op == CompareOp::Ne);
  }
  bool eq = x == y;
  if (is_int(b) && x.imag() == 0.0) {
    Ref r = Ref::steal(float_from_double(ts, x.real()));
    int e = rich_compare_bool(ts, r.get(), b, CompareOp::Eq);
    if (e < 0) return nullptr;
    eq = e;
  }
  return py_bool(eq == (op == CompareOp::Eq));
}

int64_t c_hash(ThreadState*, Object* a) {
  auto* c = static_cast<Complex*>(a);
  uint64_t hr = static_cast<uint64_t>(hash_double(a, c->real));
  uint64_t hi = static_cast<uint64_t>(hash_double(a, c->imag));
  auto h = static_cast<int64_t>(hr + 1000003ULL * hi);
  return h == -1 ? -2 : h;
}

std::string part(double d) {
  std::string s = float_repr_string(d);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

Object* c_repr(ThreadState* ts, Object* a) {
  auto* c = static_cast<Complex*>(a);
  std::string im = part(c->imag);
  if (c->real == 0.0 && !std::signbit(c->real)) return str_from(ts, im + "j");
  std::string re = part(c->real);
  std::string sign = (std::signbit(c->imag) || std::isnan(c->imag)) && im[0] == '-' ? "" : "+";
  return str_from(ts, "(" + re + sign + im + "j)");
}

Object* get_real(ThreadState* ts, Object* a) { return float_from_double(ts, static_cast<Complex*>(a)->real); }
Object* get_imag(ThreadState* ts, Object* a) { return float_from_double(ts, static_cast<Complex*>(a)->imag); }
Object* m_conjugate(ThreadState* ts, Object* a, Object* const*, size_t, Object*) {
  return complex_from_doubles(ts, static_cast<Complex*>(a)->real, -static_cast<Complex*>(a)->imag);
}

Object* c_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"real", ParamKind::PositionalOrKeyword, kOptional},
                                      {"imag", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("complex", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  std::complex<double> r(0, 0), i(0, 0);
  bool err = false;
  bool r_from_complex = false;  // the real argument gave a complex (its imaginary part counts)
  if (av.has(0)) {
    if (is_str(av[0])) {
      std::string s(str_view(ts, av[0]));
      std::string t;
      for (char ch : s)
        if (!std::isspace(static_cast<unsigned char>(ch))) t += ch;
      if (!t.empty() && t.front() == '(' && t.back() == ')') t = t.substr(1, t.size() - 2);
      char* end = nullptr;
      double x = std::strtod(t.c_str(), &end);
      if (*end == 'j' || *end == 'J') {
        r = {0, end == t.c_str() ? 1.0 : x};
        ++end;
      } else {
        double y = 0;
        if (*end == '+' || *end == '-') {
          char* e2 = nullptr;
          y = std::strtod(end, &e2);
          if (e2 == end + 1) y = *end == '-' ? -1 : 1;
          end = e2;
          if (*end != 'j' && *end != 'J') return runtime::raise(ts, &exc::ValueError, "complex() arg is a malformed string");
          ++end;
        }
        r = {x, y};
      }
      if (*end != '\0' || t.empty()) return runtime::raise(ts, &exc::ValueError, "complex() arg is a malformed string");
    } else {
      bool ok = operand(ts, av[0], &r, &err);
      if (ok) {
        r_from_complex = av[0]->ob_type == &complex_type || is_subtype(av[0]->ob_type, &complex_type);
      } else {
        ok = other_operand(ts, av[0], &r, &err, &r_from_complex);
      }
      if (err) return nullptr;
      if (!ok) {
        return runtime::raise_format(ts, &exc::TypeError,
                                     "complex() first argument must be a string or a number, not '%s'",
                                     type_name(av[0]->ob_type));
      }
    }
  }
  if (av.has(1)) {
    if (!operand(ts, av[1], &i, &err)) {
      return runtime::raise_format(ts, &exc::TypeError, "complex() second argument must be a number, not '%s'",
                                   type_name(av[1]->ob_type));
    }
    if (err) return nullptr;
  }
  // As CPython: only a complex argument contributes its imaginary part, so
  // complex(0, -0.0) keeps the negative zero.
  bool r_complex = av.has(0) && (r_from_complex || is_str(av[0]));
  bool i_complex = av.has(1) && (av[1]->ob_type == &complex_type || is_subtype(av[1]->ob_type, &complex_type));
  double re = i_complex ? r.real() - i.imag() : r.real();
  double imv = av.has(1) ? (r_complex ? r.imag() + i.real() : i.real()) : r.imag();
  if (type == &complex_type) return complex_from_doubles(ts, re, imv);
  auto* c = static_cast<Complex*>(type_generic_alloc(ts, type, 0));
  if (c) {
    c->real = re;
    c->imag = imv;
  }
  return c;
}

const GetSetDef c_getsets[] = {{"real", get_real, nullptr}, {"imag", get_imag, nullptr}, {}};
// complex(self): self for an exact complex, else a plain copy of the value.
Object* m_complex(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (self->ob_type == &complex_type) return new_ref(self);
  auto* c = static_cast<Complex*>(self);
  return complex_from_doubles(ts, c->real, c->imag);
}
Object* m_getnewargs(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  auto* c = static_cast<Complex*>(self);
  Ref re = Ref::steal(float_from_double(ts, c->real));
  Ref im = Ref::steal(float_from_double(ts, c->imag));
  if (!re || !im) return nullptr;
  return tuple_pack(ts, {re.get(), im.get()});
}

const MethodDef c_methods[] = {
    {"conjugate", m_conjugate, kMethNoArgs},
    {"__complex__", m_complex, kMethNoArgs},
    {"__getnewargs__", m_getnewargs, kMethNoArgs},
    {},
};

}  // namespace

void init_complex_type(Type& t) {
  t.name = "complex";
  t.basicsize = sizeof(Complex);
  t.flags = kTypeBaseType;
  t.repr = c_repr;
  t.hash = c_hash;
  t.richcompare = c_richcompare;
  t.nb_add = c_add;
  t.nb_subtract = c_sub;
  t.nb_multiply = c_mul;
  t.nb_true_divide = c_div;
  t.nb_power = c_pow;
  t.nb_negative = c_neg;
  t.nb_positive = c_pos;
  t.nb_absolute = c_abs;
  t.nb_bool = c_bool;
  t.new_ = c_new;
  t.getsets = c_getsets;
  t.methods = c_methods;
}

}  // namespace spindle::objects
