// The algorithms of random.py's Random (3.11) on top of the generator in
// random.cpp: integers (_randbelow, randrange, randint, randbytes), sequences
// (choice, shuffle, sample, choices) and the continuous distributions. Each
// draws from the generator in the same order as CPython so a seed gives the
// same results.
//
// Plain instances use the generator directly. Otherwise every call back into
// the instance (self.random, self.getrandbits, self._randbelow, self.sample,
// self.gammavariate, ...) is an attribute lookup, as in random.py, so
// subclasses that override them are honoured. Arithmetic that involves the
// caller's arguments uses the generic number protocol (uniform(1, 3) with
// ints, Fractions, ... behaves as in CPython); purely internal values are
// doubles.
#include <cmath>
#include <cstring>
#include <unordered_set>

#include <gmp.h>

#include "modules/random.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {
extern Type range_type;
}

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

namespace {

constexpr double kTwoPi = 2.0 * M_PI;
constexpr double kLog4 = 1.3862943611198906;      // log(4.0)
constexpr double kSgMagic = 2.5040773967762742;   // 1.0 + log(4.5)
constexpr double kE = 2.718281828459045;

double nv_magic() { return 4 * std::exp(-0.5) / std::sqrt(2.0); }

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

Object* new_float(ThreadState* ts, double d) { return float_from_double(ts, d); }

// float(o) for the math functions' arguments; false with the error set.
bool as_real(ThreadState* ts, Object* o, double* out) {
  if (is_float(o)) {
    *out = float_value(o);
    return true;
  }
  *out = float_as_double(ts, o);
  return !(*out == -1.0 && runtime::has_exception(ts));
}

// math.floor(x) of a float result, as an int.
Object* floor_to_int(ThreadState* ts, Object* x) {
  if (is_int(x)) return new_ref(x);
  double d;
  if (!as_real(ts, x, &d)) return nullptr;
  return int_from_double(ts, std::floor(d));
}

Object* math_domain_error(ThreadState* ts) { return raise(ts, &exc::ValueError, "math domain error"); }

// Python's float % (the result takes the divisor's sign).
double py_fmod(double x, double y) {
  double mod = std::fmod(x, y);
  if (mod != 0.0) {
    if ((y < 0) != (mod < 0)) mod += y;
  } else {
    mod = std::copysign(0.0, y);
  }
  return mod;
}

// Whether both are int or float (so double arithmetic is Python's).
bool is_simple_number(Object* o) { return is_float(o) || is_int(o); }

// mu + z * sigma.
Object* affine(ThreadState* ts, Object* mu, double z, Object* sigma) {
  if (is_simple_number(mu) && is_simple_number(sigma)) {
    double m, s;
    if (!as_real(ts, mu, &m) || !as_real(ts, sigma, &s)) return nullptr;
    return new_float(ts, m + z * s);
  }
  Ref zf = Ref::steal(new_float(ts, z));
  if (!zf) return nullptr;
  Ref prod = Ref::steal(number_multiply(ts, zf.get(), sigma));
  if (!prod) return nullptr;
  return number_add(ts, mu, prod.get());
}

// ---------------------------------------------------------------------------
// self.random(): the generator for plain instances, else the bound method
// ---------------------------------------------------------------------------

class RandomSource {
 public:
  RandomSource(ThreadState* ts, Object* self) : ts_(ts) {
    if (is_plain(self)) r_ = static_cast<RandomObject*>(self);
    else method_ = Ref::steal(get_attr_str(ts, self, "random"));
  }
  [[nodiscard]] bool ok() const { return r_ || method_; }
  // The next value as a new reference.
  [[nodiscard]] Object* next_object() {
    if (r_) return new_float(ts_, mt_random(r_));
    return call(ts_, method_.get(), nullptr, 0);
  }
  [[nodiscard]] bool next(double* out) {
    if (r_) {
      *out = mt_random(r_);
      return true;
    }
    Ref v = Ref::steal(call(ts_, method_.get(), nullptr, 0));
    return v && as_real(ts_, v.get(), out);
  }

 private:
  ThreadState* ts_;
  RandomObject* r_ = nullptr;
  Ref method_;
};

// ---------------------------------------------------------------------------
// _randbelow
// ---------------------------------------------------------------------------

int bit_length_u64(uint64_t n) { return n ? 64 - __builtin_clzll(n) : 0; }

uint64_t randbelow_small(RandomObject* r, uint64_t n) {
  int k = bit_length_u64(n);
  uint64_t v = mt_bits64(r, k);
  while (v >= n) v = mt_bits64(r, k);
  return v;
}

// _randbelow_with_getrandbits on the generator, for an int n > 0.
Object* randbelow_plain(ThreadState* ts, RandomObject* r, Object* n) {
  if (int_is_small(n)) return int_from_u64(ts, randbelow_small(r, static_cast<uint64_t>(int_small_value(n))));
  mpz_t z;
  mpz_init(z);
  int_to_mpz(n, z);
  int64_t k = static_cast<int64_t>(mpz_sizeinbase(z, 2));
  mpz_clear(z);
  for (;;) {
    Ref v = Ref::steal(mt_getrandbits(ts, r, k));
    if (!v) return nullptr;
    if (int_compare(v.get(), n) < 0) return v.release();
  }
}

// self._randbelow, resolved once per call of an algorithm.
class Randbelow {
 public:
  Randbelow(ThreadState* ts, Object* self) : ts_(ts) {
    if (is_plain(self)) r_ = static_cast<RandomObject*>(self);
    else method_ = Ref::steal(get_attr_str(ts, self, "_randbelow"));
  }
  [[nodiscard]] bool ok() const { return r_ || method_; }
  // A new int in [0, n) for an int n > 0.
  [[nodiscard]] Object* next(Object* n) {
    if (r_) return randbelow_plain(ts_, r_, n);
    return call(ts_, method_.get(), &n, 1);
  }
  // For a machine-size n > 0: the result as int64 (-1 on error).
  [[nodiscard]] int64_t next_small(int64_t n) {
    if (r_) return static_cast<int64_t>(randbelow_small(r_, static_cast<uint64_t>(n)));
    Ref no = Ref::steal(int_from_i64(ts_, n));
    if (!no) return -1;
    Object* arg = no.get();
    Ref v = Ref::steal(call(ts_, method_.get(), &arg, 1));
    if (!v) return -1;
    return as_ssize(ts_, v.get(), &exc::IndexError);
  }

 private:
  ThreadState* ts_;
  RandomObject* r_ = nullptr;
  Ref method_;
};

}  // namespace

constexpr FuncSig kRandbelowWithSig{"Random._randbelow_with_getrandbits", {"n"}, 1, 1, 0};
Object* rm_randbelow_with_getrandbits(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                                      Object* kwnames) {
  Object* a[1];
  if (bind_args(ts, kRandbelowWithSig, args, nargs, kwnames, a) < 0) return nullptr;
  Object* n = a[0];
  // n <= 0 would loop forever in CPython ("Defined for n > 0"); return 0.
  if (is_int(n) && int_sign(n) <= 0) return int_from_i64(ts, 0);
  if (is_plain(self) && is_int(n)) return randbelow_plain(ts, static_cast<RandomObject*>(self), n);
  Ref getrandbits = Ref::steal(get_attr_str(ts, self, "getrandbits"));
  if (!getrandbits) return nullptr;
  Ref k = Ref::steal(call_self(ts, n, "bit_length", nullptr, 0));
  if (!k) return nullptr;
  for (;;) {
    Object* kk = k.get();
    Ref r = Ref::steal(call(ts, getrandbits.get(), &kk, 1));
    if (!r) return nullptr;
    int ge = rich_compare_bool(ts, r.get(), n, CompareOp::Ge);
    if (ge < 0) return nullptr;
    if (!ge) return r.release();
  }
}

constexpr FuncSig kRandbelowWithoutSig{"Random._randbelow_without_getrandbits", {"n", "maxsize"}, 2, 1, 0};
Object* rm_randbelow_without_getrandbits(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                                         Object* kwnames) {
  Object* a[2];
  if (bind_args(ts, kRandbelowWithoutSig, args, nargs, kwnames, a) < 0) return nullptr;
  Object* n = a[0];
  Ref maxsize = a[1] ? Ref::borrow(a[1]) : Ref::steal(int_from_i64(ts, int64_t{1} << 53));
  RandomSource random(ts, self);
  if (!maxsize || !random.ok()) return nullptr;
  int big = rich_compare_bool(ts, n, maxsize.get(), CompareOp::Ge);
  if (big < 0) return nullptr;
  if (big) {
    // CPython also warns that random() lacks the bits for such a range.
    Ref u = Ref::steal(random.next_object());
    if (!u) return nullptr;
    Ref prod = Ref::steal(number_multiply(ts, u.get(), n));
    if (!prod) return nullptr;
    return floor_to_int(ts, prod.get());
  }
  Ref rem = Ref::steal(number_remainder(ts, maxsize.get(), n));
  if (!rem) return nullptr;
  Ref diff = Ref::steal(number_subtract(ts, maxsize.get(), rem.get()));
  if (!diff) return nullptr;
  Ref limit = Ref::steal(number_true_divide(ts, diff.get(), maxsize.get()));
  if (!limit) return nullptr;
  Ref r;
  for (;;) {
    r = Ref::steal(random.next_object());
    if (!r) return nullptr;
    int ge = rich_compare_bool(ts, r.get(), limit.get(), CompareOp::Ge);
    if (ge < 0) return nullptr;
    if (!ge) break;
  }
  Ref prod = Ref::steal(number_multiply(ts, r.get(), maxsize.get()));
  if (!prod) return nullptr;
  Ref fl = Ref::steal(floor_to_int(ts, prod.get()));
  if (!fl) return nullptr;
  return number_remainder(ts, fl.get(), n);
}

// ===========================================================================
// Integers
// ===========================================================================

namespace {

// operator.index(x), or int(x) when that equals x (randrange's legacy
// acceptance of integral floats); ValueError `msg` otherwise.
Object* integral_arg(ThreadState* ts, Object* x, const char* msg) {
  if (Object* i = number_index(ts, x)) return i;
  if (!runtime::exception_matches(ts, &exc::TypeError)) return nullptr;
  runtime::clear_exception(ts);
  Ref i = Ref::steal(number_long(ts, x));
  if (!i) return nullptr;
  int ne = rich_compare_bool(ts, i.get(), x, CompareOp::Ne);
  if (ne < 0) return nullptr;
  if (ne) return raise(ts, &exc::ValueError, msg);
  return i.release();
}

Object* small_int(ThreadState* ts, int64_t v) { return int_from_i64(ts, v); }

bool fits62(Object* o) {
  if (!int_is_small(o)) return false;
  int64_t v = int_small_value(o);
  return v > -(int64_t{1} << 61) && v < (int64_t{1} << 61);
}

Object* randrange_impl(ThreadState* ts, Object* self, Object* start, Object* stop, Object* step) {
  Ref istart = Ref::steal(integral_arg(ts, start, "non-integer arg 1 for randrange()"));
  if (!istart) return nullptr;
  if (!stop || stop == py_none()) {
    bool default_step = !step || (is_int_exact(step) && int_is_small(step) && int_small_value(step) == 1);
    if (!default_step) return raise(ts, &exc::TypeError, "Missing a non-None stop argument");
    if (int_sign(istart.get()) > 0) {
      Randbelow randbelow(ts, self);
      if (!randbelow.ok()) return nullptr;
      return randbelow.next(istart.get());
    }
    return raise(ts, &exc::ValueError, "empty range for randrange()");
  }
  Ref istop = Ref::steal(integral_arg(ts, stop, "non-integer stop for randrange()"));
  if (!istop) return nullptr;
  Ref width = Ref::steal(number_subtract(ts, istop.get(), istart.get()));
  if (!width) return nullptr;
  Ref istep = step ? Ref::steal(integral_arg(ts, step, "non-integer step for randrange()")) : Ref::steal(small_int(ts, 1));
  if (!istep) return nullptr;
  Randbelow randbelow(ts, self);
  if (!randbelow.ok()) return nullptr;
  bool unit = int_is_small(istep.get()) && int_small_value(istep.get()) == 1;
  if (unit) {
    if (int_sign(width.get()) > 0) {
      if (fits62(istart.get()) && fits62(width.get())) {
        int64_t j = randbelow.next_small(int_small_value(width.get()));
        if (j < 0 && runtime::has_exception(ts)) return nullptr;
        return small_int(ts, int_small_value(istart.get()) + j);
      }
      Ref j = Ref::steal(randbelow.next(width.get()));
      if (!j) return nullptr;
      return number_add(ts, istart.get(), j.get());
    }
    Ref s1 = Ref::steal(str(ts, istart.get()));
    Ref s2 = Ref::steal(str(ts, istop.get()));
    Ref s3 = Ref::steal(str(ts, width.get()));
    if (!s1 || !s2 || !s3) return nullptr;
    return raise_format(ts, &exc::ValueError, "empty range for randrange() (%s, %s, %s)", str_utf8(ts, s1.get()),
                        str_utf8(ts, s2.get()), str_utf8(ts, s3.get()));
  }
  int sign = int_sign(istep.get());
  if (sign == 0) return raise(ts, &exc::ValueError, "zero step for randrange()");
  // n = (width + istep -/+ 1) // istep
  Ref one = Ref::steal(small_int(ts, sign > 0 ? -1 : 1));
  Ref t1 = Ref::steal(number_add(ts, width.get(), istep.get()));
  if (!one || !t1) return nullptr;
  Ref t2 = Ref::steal(number_add(ts, t1.get(), one.get()));
  if (!t2) return nullptr;
  Ref n = Ref::steal(number_floor_divide(ts, t2.get(), istep.get()));
  if (!n) return nullptr;
  if (int_sign(n.get()) <= 0) return raise(ts, &exc::ValueError, "empty range for randrange()");
  Ref j = Ref::steal(randbelow.next(n.get()));
  if (!j) return nullptr;
  Ref offset = Ref::steal(number_multiply(ts, istep.get(), j.get()));
  if (!offset) return nullptr;
  return number_add(ts, istart.get(), offset.get());
}

}  // namespace

constexpr FuncSig kRandrangeSig{"Random.randrange", {"start", "stop", "step"}, 3, 1, 0};
Object* rm_randrange(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[3];
  if (bind_args(ts, kRandrangeSig, args, nargs, kwnames, a) < 0) return nullptr;
  return randrange_impl(ts, self, a[0], a[1], a[2]);
}

constexpr FuncSig kRandintSig{"Random.randint", {"a", "b"}, 2, 2, 0};
Object* rm_randint(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (bind_args(ts, kRandintSig, args, nargs, kwnames, a) < 0) return nullptr;
  Ref one = Ref::steal(small_int(ts, 1));
  Ref stop = Ref::steal(number_add(ts, a[1], one.get()));
  if (!stop) return nullptr;
  if (is_plain(self)) return randrange_impl(ts, self, a[0], stop.get(), nullptr);
  Object* call_args[2] = {a[0], stop.get()};
  return call_self(ts, self, "randrange", call_args, 2);
}

constexpr FuncSig kRandbytesSig{"Random.randbytes", {"n"}, 1, 1, 0};
Object* rm_randbytes(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (bind_args(ts, kRandbytesSig, args, nargs, kwnames, a) < 0) return nullptr;
  Object* n = a[0];
  Ref eight = Ref::steal(small_int(ts, 8));
  Ref nbits = Ref::steal(number_multiply(ts, n, eight.get()));
  if (!nbits) return nullptr;
  if (is_plain(self) && is_int(n) && int_is_small(nbits.get()) && int_small_value(nbits.get()) >= 0 &&
      int_small_value(nbits.get()) <= INT32_MAX) {
    // The little-endian bytes of getrandbits(8n) are its words' bytes.
    auto* r = static_cast<RandomObject*>(self);
    int64_t nbytes = int_small_value(n);
    std::string out;
    out.reserve(static_cast<size_t>(nbytes) + 4);
    for (int64_t left = nbytes * 8; left > 0; left -= 32) {
      uint32_t w = mt_next(r);
      if (left < 32) w >>= (32 - left);
      for (int b = 0; b < 4; ++b) out += static_cast<char>((w >> (8 * b)) & 0xff);
    }
    out.resize(static_cast<size_t>(nbytes));
    return bytes_from(ts, out.data(), out.size());
  }
  Ref bits = Ref::steal(getrandbits_object(ts, self, nbits.get()));
  if (!bits) return nullptr;
  if (!is_int(bits.get())) {
    Ref little = Ref::steal(str_from_cstr(ts, "little"));
    if (!little) return nullptr;
    Object* to_bytes_args[2] = {n, little.get()};
    return call_self(ts, bits.get(), "to_bytes", to_bytes_args, 2);
  }
  // int.to_bytes(n, 'little').
  int64_t length = as_ssize(ts, n, &exc::OverflowError);
  if (length == -1 && runtime::has_exception(ts)) return nullptr;
  if (length < 0) return raise(ts, &exc::ValueError, "length argument must be non-negative");
  if (int_sign(bits.get()) < 0) return raise(ts, &exc::OverflowError, "can't convert negative int to unsigned");
  mpz_t z;
  mpz_init(z);
  int_to_mpz(bits.get(), z);
  size_t need = mpz_sgn(z) == 0 ? 0 : (mpz_sizeinbase(z, 2) + 7) / 8;
  if (need > static_cast<size_t>(length)) {
    mpz_clear(z);
    return raise(ts, &exc::OverflowError, "int too big to convert");
  }
  std::string out(static_cast<size_t>(length), '\0');
  if (need) mpz_export(out.data(), nullptr, -1, 1, 0, 0, z);
  mpz_clear(z);
  return bytes_from(ts, out.data(), out.size());
}

// ===========================================================================
// Sequences
// ===========================================================================

namespace {

Object* item_at(ThreadState* ts, Object* seq, int64_t i) {
  if (is_list(seq) && seq->ob_type == &list_type && i < list_size(seq)) return new_ref(list_items(seq)[i]);
  if (is_tuple(seq) && i < tuple_size(seq)) return new_ref(tuple_items(seq)[i]);
  Ref idx = Ref::steal(small_int(ts, i));
  if (!idx) return nullptr;
  return get_item(ts, seq, idx.get());
}

// bisect.bisect_right(a, x, lo, hi).
int64_t bisect_right(ThreadState* ts, Object* a, Object* x, int64_t lo, int64_t hi) {
  while (lo < hi) {
    int64_t mid = (lo + hi) / 2;
    Ref item = Ref::steal(item_at(ts, a, mid));
    if (!item) return -1;
    int lt = rich_compare_bool(ts, x, item.get(), CompareOp::Lt);
    if (lt < 0) return -1;
    if (lt) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// list(itertools.accumulate(iterable)).
Object* accumulate_list(ThreadState* ts, Object* iterable) {
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return nullptr;
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  Ref total;
  while (Ref x = Ref::steal(iter_next(ts, it.get()))) {
    total = total ? Ref::steal(number_add(ts, total.get(), x.get())) : std::move(x);
    if (!total || list_append(ts, out.get(), total.get()) < 0) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return out.release();
}

// The count of itertools.repeat(None, k).
bool repeat_count(ThreadState* ts, Object* k, int64_t* out) {
  Ref i = Ref::steal(number_index(ts, k));
  if (!i) return false;
  bool overflow = false;
  int64_t v = int_as_i64(ts, i.get(), &overflow);
  if (overflow) {
    raise(ts, &exc::OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  *out = v < 0 ? 0 : v;
  return true;
}

// isinstance(x, collections.abc.Sequence) for the builtin sequences and
// classes flagged as sequences.
bool is_sequence(Object* o) {
  return has_flag(o->ob_type, kTypeSequence) || is_str(o) || is_bytes(o) || is_bytearray(o) || is_tuple(o) ||
         is_list(o);
}

Object* sample_impl(ThreadState* ts, Object* self, Object* population, Object* k, Object* counts);

Object* sample_counts(ThreadState* ts, Object* self, Object* population, int64_t n, Object* k, Object* counts) {
  Ref cum = Ref::steal(accumulate_list(ts, counts));
  if (!cum) return nullptr;
  if (list_size(cum.get()) != n) return raise(ts, &exc::ValueError, "The number of counts does not match the population");
  if (list_size(cum.get()) == 0) return raise(ts, &exc::IndexError, "pop from empty list");
  auto* l = static_cast<List*>(cum.get());
  Ref total = Ref::steal(l->items[l->size - 1]);
  l->size -= 1;
  if (!is_int(total.get())) return raise(ts, &exc::TypeError, "Counts must be integers");
  if (int_sign(total.get()) <= 0) return raise(ts, &exc::ValueError, "Total of counts must be greater than zero");
  Object* t = total.get();
  Ref range = Ref::steal(call(ts, &range_type, &t, 1));
  if (!range) return nullptr;
  Ref selections;
  if (is_plain(self)) {
    selections = Ref::steal(sample_impl(ts, self, range.get(), k, nullptr));
  } else {
    Ref method = Ref::steal(get_attr_str(ts, self, "sample"));
    Ref kw = Ref::steal(tuple_pack(ts, {Ref::steal(str_from_cstr(ts, "k")).get()}));
    if (!method || !kw) return nullptr;
    Object* call_args[2] = {range.get(), k};
    selections = Ref::steal(call(ts, method.get(), call_args, 1, kw.get()));
  }
  if (!selections) return nullptr;
  Ref it = Ref::steal(get_iter(ts, selections.get()));
  Ref result = Ref::steal(list_new(ts, 0));
  if (!it || !result) return nullptr;
  while (Ref s = Ref::steal(iter_next(ts, it.get()))) {
    int64_t j = bisect_right(ts, cum.get(), s.get(), 0, list_size(cum.get()));
    if (j < 0) return nullptr;
    Ref item = Ref::steal(item_at(ts, population, j));
    if (!item || list_append(ts, result.get(), item.get()) < 0) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return result.release();
}

Object* sample_impl(ThreadState* ts, Object* self, Object* population, Object* k, Object* counts) {
  if (!is_sequence(population)) {
    return raise(ts, &exc::TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
  }
  int64_t n = length(ts, population);
  if (n < 0) return nullptr;
  if (counts && counts != py_none()) return sample_counts(ts, self, population, n, k, counts);
  Randbelow randbelow(ts, self);
  if (!randbelow.ok()) return nullptr;
  // if not 0 <= k <= n
  Ref zero = Ref::steal(small_int(ts, 0));
  Ref nobj = Ref::steal(small_int(ts, n));
  int in_range = rich_compare_bool(ts, zero.get(), k, CompareOp::Le);
  if (in_range < 0) return nullptr;
  if (in_range) {
    in_range = rich_compare_bool(ts, k, nobj.get(), CompareOp::Le);
    if (in_range < 0) return nullptr;
  }
  if (!in_range) return raise(ts, &exc::ValueError, "Sample larger than population or is negative");
  if (!is_int(k) && !k->ob_type->nb_index) {
    return raise_format(ts, &exc::TypeError, "can't multiply sequence by non-int of type '%s'", tp_name(k));
  }
  int64_t kk = as_ssize(ts, k, nullptr);
  if (kk == -1 && runtime::has_exception(ts)) return nullptr;
  Ref result = Ref::steal(list_new(ts, static_cast<size_t>(kk)));
  if (!result) return nullptr;
  for (int64_t i = 0; i < kk; ++i) list_items(result.get())[i] = py_none();
  int64_t setsize = 21;  // size of a small set minus size of an empty list
  if (kk > 5) setsize += static_cast<int64_t>(std::pow(4.0, std::ceil(std::log(kk * 3.0) / std::log(4.0))));
  if (n <= setsize) {
    Ref pool = Ref::steal(sequence_list(ts, population));
    if (!pool) return nullptr;
    for (int64_t i = 0; i < kk; ++i) {
      int64_t j = randbelow.next_small(n - i);
      if (j < 0 && runtime::has_exception(ts)) return nullptr;
      Object** items = list_items(pool.get());
      if (j < 0 || j >= list_size(pool.get())) return raise(ts, &exc::IndexError, "list index out of range");
      set_ref(list_items(result.get())[i], new_ref(items[j]));
      set_ref(items[j], new_ref(items[n - i - 1]));
    }
  } else {
    std::unordered_set<int64_t> selected;
    for (int64_t i = 0; i < kk; ++i) {
      int64_t j;
      do {
        j = randbelow.next_small(n);
        if (j < 0 && runtime::has_exception(ts)) return nullptr;
      } while (selected.count(j));
      selected.insert(j);
      Object* item = item_at(ts, population, j);
      if (!item) return nullptr;
      set_ref(list_items(result.get())[i], item);
    }
  }
  return result.release();
}

}  // namespace

constexpr FuncSig kChoiceSig{"Random.choice", {"seq"}, 1, 1, 0};
Object* rm_choice(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (bind_args(ts, kChoiceSig, args, nargs, kwnames, a) < 0) return nullptr;
  Object* seq = a[0];
  int64_t n = length(ts, seq);
  if (n < 0) return nullptr;
  if (n == 0) return raise(ts, &exc::IndexError, "Cannot choose from an empty sequence");
  Randbelow randbelow(ts, self);
  if (!randbelow.ok()) return nullptr;
  int64_t j = randbelow.next_small(n);
  if (j < 0 && runtime::has_exception(ts)) return nullptr;
  return item_at(ts, seq, j);
}

constexpr FuncSig kShuffleSig{"Random.shuffle", {"x"}, 1, 1, 0};
Object* rm_shuffle(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (bind_args(ts, kShuffleSig, args, nargs, kwnames, a) < 0) return nullptr;
  Object* x = a[0];
  Randbelow randbelow(ts, self);
  if (!randbelow.ok()) return nullptr;
  int64_t n = length(ts, x);
  if (n < 0) return nullptr;
  bool direct = is_plain(self) && x->ob_type == &list_type;
  for (int64_t i = n - 1; i >= 1; --i) {
    int64_t j = randbelow.next_small(i + 1);
    if (j < 0 && runtime::has_exception(ts)) return nullptr;
    if (direct && i < list_size(x)) {
      std::swap(list_items(x)[i], list_items(x)[j]);
      continue;
    }
    Ref xi = Ref::steal(small_int(ts, i));
    Ref xj = Ref::steal(small_int(ts, j));
    if (!xi || !xj) return nullptr;
    Ref vj = Ref::steal(get_item(ts, x, xj.get()));
    if (!vj) return nullptr;
    Ref vi = Ref::steal(get_item(ts, x, xi.get()));
    if (!vi) return nullptr;
    if (set_item(ts, x, xi.get(), vj.get()) < 0 || set_item(ts, x, xj.get(), vi.get()) < 0) return nullptr;
  }
  return py_none();
}

constexpr FuncSig kSampleSig{"Random.sample", {"population", "k", "counts"}, 2, 2, 1};
Object* rm_sample(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[3];
  if (bind_args(ts, kSampleSig, args, nargs, kwnames, a) < 0) return nullptr;
  return sample_impl(ts, self, a[0], a[1], a[2]);
}

constexpr FuncSig kChoicesSig{"Random.choices", {"population", "weights", "cum_weights", "k"}, 2, 1, 2};
Object* rm_choices(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[4];
  if (bind_args(ts, kChoicesSig, args, nargs, kwnames, a) < 0) return nullptr;
  Object* population = a[0];
  Object* weights = a[1] && a[1] != py_none() ? a[1] : nullptr;
  Object* cum_arg = a[2] && a[2] != py_none() ? a[2] : nullptr;
  Ref one = Ref::steal(small_int(ts, 1));
  Object* k = a[3] ? a[3] : one.get();
  RandomSource random(ts, self);
  if (!random.ok()) return nullptr;
  int64_t n = length(ts, population);
  if (n < 0) return nullptr;
  if (!cum_arg && !weights) {
    double nf = static_cast<double>(n);
    int64_t count;
    if (!repeat_count(ts, k, &count)) return nullptr;
    Ref result = Ref::steal(list_new(ts, 0));
    if (!result) return nullptr;
    for (int64_t i = 0; i < count; ++i) {
      double u;
      if (!random.next(&u)) return nullptr;
      Ref item = Ref::steal(item_at(ts, population, static_cast<int64_t>(std::floor(u * nf))));
      if (!item || list_append(ts, result.get(), item.get()) < 0) return nullptr;
    }
    return result.release();
  }
  Ref cum;
  if (!cum_arg) {
    cum = Ref::steal(accumulate_list(ts, weights));
    if (!cum) {
      if (runtime::exception_matches(ts, &exc::TypeError) && is_int(weights)) {
        runtime::clear_exception(ts);
        Ref r = Ref::steal(repr(ts, weights));
        if (!r) return nullptr;
        return raise_format(ts, &exc::TypeError, "The number of choices must be a keyword argument: k=%s",
                            str_utf8(ts, r.get()));
      }
      return nullptr;
    }
  } else if (weights) {
    return raise(ts, &exc::TypeError, "Cannot specify both weights and cumulative weights");
  } else {
    cum = Ref::borrow(cum_arg);
  }
  int64_t ncum = length(ts, cum.get());
  if (ncum < 0) return nullptr;
  if (ncum != n) return raise(ts, &exc::ValueError, "The number of weights does not match the population");
  Ref minus_one = Ref::steal(small_int(ts, -1));
  Ref last = Ref::steal(get_item(ts, cum.get(), minus_one.get()));
  if (!last) return nullptr;
  Ref fzero = Ref::steal(new_float(ts, 0.0));
  Ref total = Ref::steal(number_add(ts, last.get(), fzero.get()));
  if (!total) return nullptr;
  int nonpositive = rich_compare_bool(ts, total.get(), fzero.get(), CompareOp::Le);
  if (nonpositive < 0) return nullptr;
  if (nonpositive) return raise(ts, &exc::ValueError, "Total of weights must be greater than zero");
  double tf;
  if (!as_real(ts, total.get(), &tf)) return nullptr;
  if (!std::isfinite(tf)) return raise(ts, &exc::ValueError, "Total of weights must be finite");
  int64_t hi = n - 1;
  int64_t count;
  if (!repeat_count(ts, k, &count)) return nullptr;
  Ref result = Ref::steal(list_new(ts, 0));
  if (!result) return nullptr;
  for (int64_t i = 0; i < count; ++i) {
    Ref u = Ref::steal(random.next_object());
    if (!u) return nullptr;
    Ref x = Ref::steal(number_multiply(ts, u.get(), total.get()));
    if (!x) return nullptr;
    int64_t j = bisect_right(ts, cum.get(), x.get(), 0, hi);
    if (j < 0) return nullptr;
    Ref item = Ref::steal(item_at(ts, population, j));
    if (!item || list_append(ts, result.get(), item.get()) < 0) return nullptr;
  }
  return result.release();
}

// ===========================================================================
// Continuous distributions
// ===========================================================================

constexpr FuncSig kUniformSig{"Random.uniform", {"a", "b"}, 2, 2, 0};
Object* rm_uniform(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (bind_args(ts, kUniformSig, args, nargs, kwnames, a) < 0) return nullptr;
  Ref diff = Ref::steal(number_subtract(ts, a[1], a[0]));
  if (!diff) return nullptr;
  RandomSource random(ts, self);
  if (!random.ok()) return nullptr;
  Ref u = Ref::steal(random.next_object());
  if (!u) return nullptr;
  Ref prod = Ref::steal(number_multiply(ts, diff.get(), u.get()));
  if (!prod) return nullptr;
  return number_add(ts, a[0], prod.get());
}

constexpr FuncSig kTriangularSig{"Random.triangular", {"low", "high", "mode"}, 3, 0, 0};
Object* rm_triangular(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[3];
  if (bind_args(ts, kTriangularSig, args, nargs, kwnames, a) < 0) return nullptr;
  Ref low = a[0] ? Ref::borrow(a[0]) : Ref::steal(new_float(ts, 0.0));
  Ref high = a[1] ? Ref::borrow(a[1]) : Ref::steal(new_float(ts, 1.0));
  Object* mode = a[2] && a[2] != py_none() ? a[2] : nullptr;
  if (!low || !high) return nullptr;
  RandomSource random(ts, self);
  if (!random.ok()) return nullptr;
  double u;
  if (!random.next(&u)) return nullptr;
  Ref c;
  if (!mode) {
    c = Ref::steal(new_float(ts, 0.5));
  } else {
    Ref num = Ref::steal(number_subtract(ts, mode, low.get()));
    Ref den = num ? Ref::steal(number_subtract(ts, high.get(), low.get())) : Ref();
    if (den) c = Ref::steal(number_true_divide(ts, num.get(), den.get()));
    if (!c) {
      if (runtime::exception_matches(ts, &exc::ZeroDivisionError)) {
        runtime::clear_exception(ts);
        return low.release();
      }
      return nullptr;
    }
  }
  if (!c) return nullptr;
  Ref uf = Ref::steal(new_float(ts, u));
  if (!uf) return nullptr;
  int gt = rich_compare_bool(ts, uf.get(), c.get(), CompareOp::Gt);
  if (gt < 0) return nullptr;
  if (gt) {
    u = 1.0 - u;
    uf = Ref::steal(new_float(ts, u));
    Ref onef = Ref::steal(new_float(ts, 1.0));
    if (!uf || !onef) return nullptr;
    c = Ref::steal(number_subtract(ts, onef.get(), c.get()));
    if (!c) return nullptr;
    std::swap(low, high);
  }
  Ref uc = Ref::steal(number_multiply(ts, uf.get(), c.get()));
  if (!uc) return nullptr;
  double ucd;
  if (!as_real(ts, uc.get(), &ucd)) return nullptr;
  if (ucd < 0) return math_domain_error(ts);
  Ref root = Ref::steal(new_float(ts, std::sqrt(ucd)));
  Ref span = Ref::steal(number_subtract(ts, high.get(), low.get()));
  if (!root || !span) return nullptr;
  Ref prod = Ref::steal(number_multiply(ts, span.get(), root.get()));
  if (!prod) return nullptr;
  return number_add(ts, low.get(), prod.get());
}

namespace {

Object* normalvariate_impl(ThreadState* ts, Object* self, Object* mu, Object* sigma) {
  RandomSource random(ts, self);
  if (!random.ok()) return nullptr;
  const double magic = nv_magic();
  double z;
  for (;;) {
    double u1, u2;
    if (!random.next(&u1) || !random.next(&u2)) return nullptr;
    u2 = 1.0 - u2;
    z = magic * (u1 - 0.5) / u2;
    double zz = z * z / 4.0;
    if (zz <= -std::log(u2)) break;
  }
  return affine(ts, mu, z, sigma);
}

Object* gammavariate_impl(ThreadState* ts, Object* self, Object* alpha_o, Object* beta_o) {
  Ref fzero = Ref::steal(new_float(ts, 0.0));
  if (!fzero) return nullptr;
  int bad = rich_compare_bool(ts, alpha_o, fzero.get(), CompareOp::Le);
  if (bad == 0) bad = rich_compare_bool(ts, beta_o, fzero.get(), CompareOp::Le);
  if (bad < 0) return nullptr;
  if (bad) return raise(ts, &exc::ValueError, "gammavariate: alpha and beta must be > 0.0");
  double alpha;
  if (!as_real(ts, alpha_o, &alpha)) return nullptr;
  RandomSource random(ts, self);
  if (!random.ok()) return nullptr;
  double x;
  if (alpha > 1.0) {
    // Cheng's algorithm GB (1977).
    double ainv = std::sqrt(2.0 * alpha - 1.0);
    double bbb = alpha - kLog4;
    double ccc = alpha + ainv;
    for (;;) {
      double u1, u2;
      if (!random.next(&u1)) return nullptr;
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      if (!random.next(&u2)) return nullptr;
      u2 = 1.0 - u2;
      double v = std::log(u1 / (1.0 - u1)) / ainv;
      x = alpha * std::exp(v);
      double z = u1 * u1 * u2;
      double r = bbb + ccc * v - x;
      if (r + kSgMagic - 4.5 * z >= 0.0 || r >= std::log(z)) break;
    }
  } else if (alpha == 1.0) {
    double u;
    if (!random.next(&u)) return nullptr;
    x = -std::log(1.0 - u);
  } else {
    // ALGORITHM GS of Statistical Computing - Kennedy & Gentle.
    for (;;) {
      double u, u1;
      if (!random.next(&u)) return nullptr;
      double b = (kE + alpha) / kE;
      double p = b * u;
      if (p <= 1.0) x = std::pow(p, 1.0 / alpha);
      else x = -std::log((b - p) / alpha);
      if (!random.next(&u1)) return nullptr;
      if (p > 1.0) {
        if (u1 <= std::pow(x, alpha - 1.0)) break;
      } else if (u1 <= std::exp(-x)) {
        break;
      }
    }
  }
  Ref xf = Ref::steal(new_float(ts, x));
  if (!xf) return nullptr;
  return number_multiply(ts, xf.get(), beta_o);
}

Object* gammavariate_of(ThreadState* ts, Object* self, Object* alpha, Object* beta) {
  if (is_plain(self)) return gammavariate_impl(ts, self, alpha, beta);
  Object* call_args[2] = {alpha, beta};
  return call_self(ts, self, "gammavariate", call_args, 2);
}

// 1.0 - self.random(), the u of paretovariate and weibullvariate.
bool one_minus_random(ThreadState* ts, Object* self, double* u) {
  RandomSource random(ts, self);
  if (!random.ok() || !random.next(u)) return false;
  *u = 1.0 - *u;
  return true;
}

// `numerator / x` for a float numerator and the caller's x.
Object* float_over(ThreadState* ts, double numerator, Object* x) {
  Ref f = Ref::steal(new_float(ts, numerator));
  if (!f) return nullptr;
  return number_true_divide(ts, f.get(), x);
}

}  // namespace

constexpr FuncSig kNormalSig{"Random.normalvariate", {"mu", "sigma"}, 2, 0, 0};
Object* rm_normalvariate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (bind_args(ts, kNormalSig, args, nargs, kwnames, a) < 0) return nullptr;
  Ref mu = a[0] ? Ref::borrow(a[0]) : Ref::steal(new_float(ts, 0.0));
  Ref sigma = a[1] ? Ref::borrow(a[1]) : Ref::steal(new_float(ts, 1.0));
  if (!mu || !sigma) return nullptr;
  return normalvariate_impl(ts, self, mu.get(), sigma.get());
}

constexpr FuncSig kGaussSig{"Random.gauss", {"mu", "sigma"}, 2, 0, 0};
Object* rm_gauss(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (bind_args(ts, kGaussSig, args, nargs, kwnames, a) < 0) return nullptr;
  Ref mu = a[0] ? Ref::borrow(a[0]) : Ref::steal(new_float(ts, 0.0));
  Ref sigma = a[1] ? Ref::borrow(a[1]) : Ref::steal(new_float(ts, 1.0));
  if (!mu || !sigma) return nullptr;
  RandomSource random(ts, self);
  if (!random.ok()) return nullptr;
  Ref z = Ref::steal(get_gauss_next(ts, self));
  if (!z || set_gauss_next(ts, self, py_none()) < 0) return nullptr;
  if (z.get() == py_none()) {
    double u1, u2;
    if (!random.next(&u1)) return nullptr;
    double x2pi = u1 * kTwoPi;
    if (!random.next(&u2)) return nullptr;
    double g2rad = std::sqrt(-2.0 * std::log(1.0 - u2));
    z = Ref::steal(new_float(ts, std::cos(x2pi) * g2rad));
    Ref next = Ref::steal(new_float(ts, std::sin(x2pi) * g2rad));
    if (!z || !next || set_gauss_next(ts, self, next.get()) < 0) return nullptr;
  }
  if (is_float(z.get())) return affine(ts, mu.get(), float_value(z.get()), sigma.get());
  Ref prod = Ref::steal(number_multiply(ts, z.get(), sigma.get()));
  if (!prod) return nullptr;
  return number_add(ts, mu.get(), prod.get());
}

constexpr FuncSig kLognormSig{"Random.lognormvariate", {"mu", "sigma"}, 2, 2, 0};
Object* rm_lognormvariate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (bind_args(ts, kLognormSig, args, nargs, kwnames, a) < 0) return nullptr;
  Ref v = Ref::steal(is_plain(self) ? normalvariate_impl(ts, self, a[0], a[1])
                                    : call_self(ts, self, "normalvariate", a, 2));
  if (!v) return nullptr;
  double d;
  if (!as_real(ts, v.get(), &d)) return nullptr;
  double e = std::exp(d);
  if (std::isinf(e) && std::isfinite(d)) return raise(ts, &exc::OverflowError, "math range error");
  return new_float(ts, e);
}

constexpr FuncSig kExpoSig{"Random.expovariate", {"lambd"}, 1, 1, 0};
Object* rm_expovariate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (bind_args(ts, kExpoSig, args, nargs, kwnames, a) < 0) return nullptr;
  double u;
  if (!one_minus_random(ts, self, &u)) return nullptr;
  return float_over(ts, -std::log(u), a[0]);
}

constexpr FuncSig kVonMisesSig{"Random.vonmisesvariate", {"mu", "kappa"}, 2, 2, 0};
Object* rm_vonmisesvariate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (bind_args(ts, kVonMisesSig, args, nargs, kwnames, a) < 0) return nullptr;
  RandomSource random(ts, self);
  if (!random.ok()) return nullptr;
  Ref tiny = Ref::steal(new_float(ts, 1e-6));
  if (!tiny) return nullptr;
  int small = rich_compare_bool(ts, a[1], tiny.get(), CompareOp::Le);
  if (small < 0) return nullptr;
  if (small) {
    double u;
    if (!random.next(&u)) return nullptr;
    return new_float(ts, kTwoPi * u);
  }
  Ref s_obj = Ref::steal(float_over(ts, 0.5, a[1]));
  if (!s_obj) return nullptr;
  double s;
  if (!as_real(ts, s_obj.get(), &s)) return nullptr;
  double r = s + std::sqrt(1.0 + s * s);
  double z;
  for (;;) {
    double u1, u2;
    if (!random.next(&u1)) return nullptr;
    z = std::cos(M_PI * u1);
    double d = z / (r + z);
    if (!random.next(&u2)) return nullptr;
    if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * std::exp(d)) break;
  }
  double q = 1.0 / r;
  double f = (q + z) / (1.0 + q * z);
  double u3;
  if (!random.next(&u3)) return nullptr;
  if (f < -1.0 || f > 1.0) return math_domain_error(ts);
  double angle = std::acos(f);
  Ref af = Ref::steal(new_float(ts, u3 > 0.5 ? angle : -angle));
  if (!af) return nullptr;
  // (mu + acos(f)) % TWOPI, or (mu - acos(f)) % TWOPI.
  Ref sum;
  if (u3 > 0.5) {
    sum = Ref::steal(number_add(ts, a[0], af.get()));
  } else {
    Ref pos = Ref::steal(new_float(ts, angle));
    if (!pos) return nullptr;
    sum = Ref::steal(number_subtract(ts, a[0], pos.get()));
  }
  if (!sum) return nullptr;
  if (is_float(sum.get())) return new_float(ts, py_fmod(float_value(sum.get()), kTwoPi));
  Ref twopi = Ref::steal(new_float(ts, kTwoPi));
  if (!twopi) return nullptr;
  return number_remainder(ts, sum.get(), twopi.get());
}

constexpr FuncSig kGammaSig{"Random.gammavariate", {"alpha", "beta"}, 2, 2, 0};
Object* rm_gammavariate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (bind_args(ts, kGammaSig, args, nargs, kwnames, a) < 0) return nullptr;
  return gammavariate_impl(ts, self, a[0], a[1]);
}

constexpr FuncSig kBetaSig{"Random.betavariate", {"alpha", "beta"}, 2, 2, 0};
Object* rm_betavariate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (bind_args(ts, kBetaSig, args, nargs, kwnames, a) < 0) return nullptr;
  Ref one = Ref::steal(new_float(ts, 1.0));
  if (!one) return nullptr;
  Ref y = Ref::steal(gammavariate_of(ts, self, a[0], one.get()));
  if (!y) return nullptr;
  int truth = is_true(ts, y.get());
  if (truth < 0) return nullptr;
  if (!truth) return new_float(ts, 0.0);
  Ref y2 = Ref::steal(gammavariate_of(ts, self, a[1], one.get()));
  if (!y2) return nullptr;
  Ref den = Ref::steal(number_add(ts, y.get(), y2.get()));
  if (!den) return nullptr;
  return number_true_divide(ts, y.get(), den.get());
}

constexpr FuncSig kParetoSig{"Random.paretovariate", {"alpha"}, 1, 1, 0};
Object* rm_paretovariate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (bind_args(ts, kParetoSig, args, nargs, kwnames, a) < 0) return nullptr;
  double u;
  if (!one_minus_random(ts, self, &u)) return nullptr;
  Ref exponent = Ref::steal(float_over(ts, -1.0, a[0]));
  Ref base = Ref::steal(new_float(ts, u));
  if (!exponent || !base) return nullptr;
  return number_power(ts, base.get(), exponent.get(), py_none());
}

constexpr FuncSig kWeibullSig{"Random.weibullvariate", {"alpha", "beta"}, 2, 2, 0};
Object* rm_weibullvariate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (bind_args(ts, kWeibullSig, args, nargs, kwnames, a) < 0) return nullptr;
  double u;
  if (!one_minus_random(ts, self, &u)) return nullptr;
  Ref base = Ref::steal(new_float(ts, -std::log(u)));
  Ref exponent = Ref::steal(float_over(ts, 1.0, a[1]));
  if (!base || !exponent) return nullptr;
  Ref power = Ref::steal(number_power(ts, base.get(), exponent.get(), py_none()));
  if (!power) return nullptr;
  return number_multiply(ts, a[0], power.get());
}

}  // namespace spindle::modules
