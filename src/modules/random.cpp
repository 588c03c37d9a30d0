// The random module: random.Random (CPython's Mersenne Twister and seeding,
// so a seed gives the same numbers as CPython 3.11), its state protocol, and
// the module functions as bound methods of one hidden instance.
//
// CPython splits Random in two: the C type _random.Random (random, seed,
// getstate, setstate, getrandbits) under the Python class random.Random. Here
// one static type carries both layers; the Python layer's behaviour (seeding
// str/bytes through SHA-512, the versioned state tuple, gauss_next, the
// __init_subclass__ rule choosing _randbelow) is reproduced in C++.
#include "modules/random.h"

#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>
#include <string>

#include <gmp.h>

#include "modules/registry.h"
#include "modules/sha512.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

// ===========================================================================
// MT19937 (Matsumoto & Nishimura), as CPython seeds and tempers it
// ===========================================================================

namespace {

constexpr int kMtShift = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;

void mt_init_genrand(RandomObject* r, uint32_t s) {
  uint32_t* mt = r->state;
  mt[0] = s;
  for (int i = 1; i < kMtWords; ++i) mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + static_cast<uint32_t>(i);
  r->index = kMtWords;
}

void mt_init_by_array(RandomObject* r, const uint32_t* key, size_t key_length) {
  uint32_t* mt = r->state;
  mt_init_genrand(r, 19650218U);
  size_t i = 1, j = 0;
  for (size_t k = kMtWords > key_length ? kMtWords : key_length; k; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<uint32_t>(j);
    ++i;
    ++j;
    if (i >= kMtWords) {
      mt[0] = mt[kMtWords - 1];
      i = 1;
    }
    if (j >= key_length) j = 0;
  }
  for (size_t k = kMtWords - 1; k; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
    ++i;
    if (i >= kMtWords) {
      mt[0] = mt[kMtWords - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000U;  // a non-zero initial array
}

void mt_twist(RandomObject* r) {
  uint32_t* mt = r->state;
  auto mix = [](uint32_t hi, uint32_t lo) { return (hi & kUpperMask) | (lo & kLowerMask); };
  int k = 0;
  for (; k < kMtWords - kMtShift; ++k) {
    uint32_t y = mix(mt[k], mt[k + 1]);
    mt[k] = mt[k + kMtShift] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
  }
  for (; k < kMtWords - 1; ++k) {
    uint32_t y = mix(mt[k], mt[k + 1]);
    mt[k] = mt[k + (kMtShift - kMtWords)] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
  }
  uint32_t y = mix(mt[kMtWords - 1], mt[0]);
  mt[kMtWords - 1] = mt[kMtShift - 1] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
  r->index = 0;
}

}  // namespace

uint32_t mt_next(RandomObject* r) {
  if (r->index >= kMtWords) mt_twist(r);
  uint32_t y = r->state[r->index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= y >> 18;
  return y;
}

double mt_random(RandomObject* r) {
  uint32_t a = mt_next(r) >> 5;
  uint32_t b = mt_next(r) >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

// Words are drawn least significant first; the last, partial word keeps its
// high bits (CPython's getrandbits order).
uint64_t mt_bits64(RandomObject* r, int k) {
  if (k == 0) return 0;
  if (k <= 32) return mt_next(r) >> (32 - k);
  uint64_t low = mt_next(r);
  uint64_t high = mt_next(r) >> (64 - k);
  return low | (high << 32);
}

Object* mt_getrandbits(ThreadState* ts, RandomObject* r, int64_t k) {
  if (k <= 64) return int_from_u64(ts, mt_bits64(r, static_cast<int>(k)));
  size_t words = static_cast<size_t>((k - 1) / 32 + 1);
  auto* buf = static_cast<uint32_t*>(mem_alloc(words * sizeof(uint32_t)));
  if (!buf) return runtime::raise_no_memory(ts);
  int64_t left = k;
  for (size_t i = 0; i < words; ++i, left -= 32) {
    uint32_t w = mt_next(r);
    if (left < 32) w >>= (32 - left);
    buf[i] = w;
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, buf);
  mem_free(buf);
  Object* result = int_from_mpz(ts, z);
  mpz_clear(z);
  return result;
}

bool is_plain(Object* self) {
  if (self->ob_type != &random_type) return false;
  Object* d = static_cast<RandomObject*>(self)->dict;
  if (d == nullptr || dict_size(d) == 0) return true;
  if (dict_size(d) != 1) return false;
  size_t pos = 0;
  Object *key, *value;
  return dict_next(d, &pos, &key, &value) && is_str(key) && str_equal_cstr(key, "gauss_next");
}

Object* get_gauss_next(ThreadState* ts, Object* self) { return get_attr_str(ts, self, "gauss_next"); }

int set_gauss_next(ThreadState* ts, Object* self, Object* value) {
  Ref name = Ref::steal(str_intern_cstr(ts, "gauss_next"));
  if (!name) return -1;
  return set_attr(ts, self, name.get(), value);
}

// ===========================================================================
// self.name(...) calls
// ===========================================================================

Object* call_self(ThreadState* ts, Object* self, const char* name, Object* const* args, size_t nargs) {
  Ref method = Ref::steal(get_attr_str(ts, self, name));
  if (!method) return nullptr;
  return call(ts, method.get(), args, nargs);
}

// ===========================================================================
// Seeding
// ===========================================================================

namespace {

// The C layer's seed(n): None -> OS entropy; int -> its absolute value;
// anything else -> hash(n) as an unsigned 64-bit number. The number's 32-bit
// words, least significant first, feed init_by_array.
int seed_core(ThreadState* ts, RandomObject* r, Object* arg) {
  if (!arg || arg == py_none()) {
    uint32_t key[kMtWords];
    size_t got = 0;
    while (got < sizeof key) {
      ssize_t n = getrandom(reinterpret_cast<char*>(key) + got, sizeof key - got, GRND_NONBLOCK);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
    if (got == sizeof key) {
      mt_init_by_array(r, key, kMtWords);
    } else {
      // No entropy available: the time and the process id, as CPython's fallback.
      timespec now, mono;
      clock_gettime(CLOCK_REALTIME, &now);
      clock_gettime(CLOCK_MONOTONIC, &mono);
      uint64_t t = static_cast<uint64_t>(now.tv_sec) * 1000000000u + static_cast<uint64_t>(now.tv_nsec);
      uint64_t m = static_cast<uint64_t>(mono.tv_sec) * 1000000000u + static_cast<uint64_t>(mono.tv_nsec);
      uint32_t fallback[5] = {static_cast<uint32_t>(t), static_cast<uint32_t>(t >> 32),
                              static_cast<uint32_t>(getpid()), static_cast<uint32_t>(m),
                              static_cast<uint32_t>(m >> 32)};
      mt_init_by_array(r, fallback, 5);
    }
    return 0;
  }
  mpz_t n;
  mpz_init(n);
  if (is_int(arg)) {
    int_to_mpz(arg, n);
    mpz_abs(n, n);
  } else {
    int64_t h = hash(ts, arg);
    if (h == -1 && runtime::has_exception(ts)) {
      mpz_clear(n);
      return -1;
    }
    uint64_t u = static_cast<uint64_t>(h);
    mpz_import(n, 1, -1, sizeof u, 0, 0, &u);
  }
  size_t words = (mpz_sizeinbase(n, 2) + 31) / 32;
  if (words == 0) words = 1;
  auto* key = static_cast<uint32_t*>(mem_calloc(words, sizeof(uint32_t)));
  if (!key) {
    mpz_clear(n);
    runtime::raise_no_memory(ts);
    return -1;
  }
  mpz_export(key, nullptr, -1, sizeof(uint32_t), 0, 0, n);
  mpz_clear(n);
  mt_init_by_array(r, key, words);
  mem_free(key);
  return 0;
}

// Whether `o == value` for a small int value (the `version == 2` tests).
int equals_int(ThreadState* ts, Object* o, int64_t value) {
  if (is_int_exact(o)) return int_is_small(o) && int_small_value(o) == value;
  Ref v = Ref::steal(int_from_i64(ts, value));
  if (!v) return -1;
  return rich_compare_bool(ts, o, v.get(), CompareOp::Eq);
}

// random.py's seed(a, version): str/bytes/bytearray become ints (version 2:
// the bytes followed by their SHA-512 digest, read big-endian; version 1: the
// old string hash), other types than None/int/float are refused; then the
// C layer's seed, and gauss_next is reset.
int seed_full(ThreadState* ts, RandomObject* r, Object* a, Object* version) {
  Ref converted;
  bool is_text = a && (is_str(a) || is_bytes(a));
  int v1 = 0, v2 = 0;
  if (version) {
    if (is_text) {
      v1 = equals_int(ts, version, 1);
      if (v1 < 0) return -1;
    }
    if (!v1 && a && (is_text || is_bytearray(a))) {
      v2 = equals_int(ts, version, 2);
      if (v2 < 0) return -1;
    }
  } else {
    v2 = a && (is_text || is_bytearray(a));
  }
  if (v1) {
    // Version 1: bytes are read as Latin-1 code points.
    std::u32string cps;
    if (is_str(a)) {
      cps = str_to_u32(a);
    } else {
      std::string_view b = byteslike_view(a);
      for (unsigned char c : b) cps += static_cast<char32_t>(c);
    }
    uint64_t x = cps.empty() ? 0 : static_cast<uint64_t>(cps[0]) << 7;
    for (char32_t c : cps) x = (1000003u * x) ^ static_cast<uint64_t>(c);
    x ^= static_cast<uint64_t>(cps.size());
    converted = Ref::steal(int_from_u64(ts, x));
    if (!converted) return -1;
    a = converted.get();
  } else if (v2) {
    std::string bytes;
    if (is_str(a)) {
      // a.encode(): UTF-8, strict (lone surrogates raise UnicodeEncodeError).
      Ref encoded = Ref::steal(call_self(ts, a, "encode", nullptr, 0));
      if (!encoded) return -1;
      bytes = std::string(byteslike_view(encoded.get()));
    } else {
      bytes = std::string(byteslike_view(a));
    }
    Sha512Digest digest = sha512(bytes);
    bytes.append(reinterpret_cast<const char*>(digest.data()), digest.size());
    mpz_t z;
    mpz_init(z);
    mpz_import(z, bytes.size(), 1, 1, 0, 0, bytes.data());
    converted = Ref::steal(int_from_mpz(ts, z));
    mpz_clear(z);
    if (!converted) return -1;
    a = converted.get();
  } else if (a && a != py_none() && !is_int(a) && !is_float(a) && !is_str(a) && !is_bytes(a) &&
             !is_bytearray(a)) {
    raise(ts, &exc::TypeError,
          "The only supported seed types are: None,\n"
          "int, float, str, bytes, and bytearray.");
    return -1;
  }
  if (seed_core(ts, r, a) < 0) return -1;
  return set_gauss_next(ts, r, py_none());
}

// ===========================================================================
// State: the C layer's 625-tuple, the Python layer's (VERSION, tuple, gauss)
// ===========================================================================

Object* internal_state(ThreadState* ts, RandomObject* r) {
  Ref t = Ref::steal(tuple_new(ts, kMtWords + 1));
  if (!t) return nullptr;
  for (int i = 0; i < kMtWords; ++i) {
    Object* v = int_from_u64(ts, r->state[i]);
    if (!v) return nullptr;
    tuple_items(t.get())[i] = v;
  }
  Object* idx = int_from_i64(ts, r->index);
  if (!idx) return nullptr;
  tuple_items(t.get())[kMtWords] = idx;
  return t.release();
}

int set_internal_state(ThreadState* ts, RandomObject* r, Object* state) {
  if (!is_tuple(state)) {
    raise(ts, &exc::TypeError, "state vector must be a tuple");
    return -1;
  }
  if (tuple_size(state) != kMtWords + 1) {
    raise(ts, &exc::ValueError, "state vector is the wrong size");
    return -1;
  }
  uint32_t fresh[kMtWords];
  for (int i = 0; i < kMtWords; ++i) {
    Object* e = tuple_item_borrowed(state, i);
    if (!is_int(e)) {
      raise(ts, &exc::TypeError, "an integer is required");
      return -1;
    }
    if (int_sign(e) < 0) {
      raise(ts, &exc::OverflowError, "can't convert negative value to unsigned int");
      return -1;
    }
    uint64_t v;
    if (int_is_small(e)) {
      v = static_cast<uint64_t>(int_small_value(e));
    } else {
      mpz_t z;
      mpz_init(z);
      int_to_mpz(e, z);
      bool fits = mpz_sizeinbase(z, 2) <= 64;
      mpz_export(&v, nullptr, -1, sizeof v, 0, 0, z);
      mpz_clear(z);
      if (!fits) {
        raise(ts, &exc::OverflowError, "Python int too large to convert to C unsigned long");
        return -1;
      }
    }
    fresh[i] = static_cast<uint32_t>(v);
  }
  Ref idx = Ref::steal(number_index(ts, tuple_item_borrowed(state, kMtWords)));
  if (!idx) return -1;
  bool overflow = false;
  int64_t index = int_as_i64(ts, idx.get(), &overflow);
  if (overflow) {
    raise(ts, &exc::OverflowError, "Python int too large to convert to C long");
    return -1;
  }
  if (index < 0 || index > kMtWords) {
    raise(ts, &exc::ValueError, "invalid state");
    return -1;
  }
  r->index = static_cast<int>(index);
  std::memcpy(r->state, fresh, sizeof fresh);
  return 0;
}

Object* version_of(ThreadState* ts, Object* self) {
  if (is_plain(self)) return int_from_i64(ts, 3);
  return get_attr_str(ts, self, "VERSION");
}

Object* full_state(ThreadState* ts, Object* self) {
  auto* r = static_cast<RandomObject*>(self);
  Ref version = Ref::steal(version_of(ts, self));
  if (!version) return nullptr;
  Ref inner = Ref::steal(internal_state(ts, r));
  if (!inner) return nullptr;
  Ref gauss = Ref::steal(get_gauss_next(ts, self));
  if (!gauss) return nullptr;
  return tuple_pack(ts, {version.get(), inner.get(), gauss.get()});
}

// `version, internalstate, self.gauss_next = state`: the three items of any
// iterable, with the unpacking errors of the bytecode.
int unpack3(ThreadState* ts, Object* state, Ref out[3]) {
  Ref it = Ref::steal(get_iter(ts, state));
  if (!it) return -1;
  for (int i = 0; i < 3; ++i) {
    out[i] = Ref::steal(iter_next(ts, it.get()));
    if (!out[i]) {
      if (!runtime::has_exception(ts)) {
        raise_format(ts, &exc::ValueError, "not enough values to unpack (expected 3, got %d)", i);
      }
      return -1;
    }
  }
  Ref extra = Ref::steal(iter_next(ts, it.get()));
  if (extra) {
    raise(ts, &exc::ValueError, "too many values to unpack (expected 3)");
    return -1;
  }
  return runtime::has_exception(ts) ? -1 : 0;
}

int set_full_state(ThreadState* ts, Object* self, Object* state) {
  auto* r = static_cast<RandomObject*>(self);
  Ref zero = Ref::steal(int_from_i64(ts, 0));
  Ref version = Ref::steal(get_item(ts, state, zero.get()));
  if (!version) return -1;
  int v3 = equals_int(ts, version.get(), 3);
  if (v3 < 0) return -1;
  int v2 = v3 ? 0 : equals_int(ts, version.get(), 2);
  if (v2 < 0) return -1;
  if (!v3 && !v2) {
    Ref mine = Ref::steal(version_of(ts, self));
    if (!mine) return -1;
    Ref theirs_s = Ref::steal(str(ts, version.get()));
    Ref mine_s = Ref::steal(str(ts, mine.get()));
    if (!theirs_s || !mine_s) return -1;
    raise_format(ts, &exc::ValueError, "state with version %s passed to Random.setstate() of version %s",
                 str_utf8(ts, theirs_s.get(), nullptr), str_utf8(ts, mine_s.get(), nullptr));
    return -1;
  }
  Ref items[3];
  if (unpack3(ts, state, items) < 0) return -1;
  if (set_gauss_next(ts, self, items[2].get()) < 0) return -1;
  if (v3) return set_internal_state(ts, r, items[1].get());
  // Version 2 saved the words as signed ints: reduce them modulo 2**32.
  Ref modulus = Ref::steal(int_from_i64(ts, int64_t{1} << 32));
  Ref list = Ref::steal(list_new(ts, 0));
  Ref it = Ref::steal(get_iter(ts, items[1].get()));
  if (!modulus || !list || !it) return -1;
  while (Ref x = Ref::steal(iter_next(ts, it.get()))) {
    Ref m = Ref::steal(number_remainder(ts, x.get(), modulus.get()));
    if (!m || list_append(ts, list.get(), m.get()) < 0) break;
  }
  if (runtime::has_exception(ts)) {
    if (runtime::exception_matches(ts, &exc::ValueError)) {
      Ref cause = Ref::steal(runtime::fetch_exception(ts));
      raise(ts, &exc::TypeError, "");
    }
    return -1;
  }
  Ref tuple = Ref::steal(list_as_tuple(ts, list.get()));
  if (!tuple) return -1;
  return set_internal_state(ts, r, tuple.get());
}

// ===========================================================================
// Methods of the C layer and of the Python layer's bookkeeping
// ===========================================================================

Object* m_random(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return float_from_double(ts, mt_random(static_cast<RandomObject*>(self)));
}

Object* m_getrandbits(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return getrandbits_direct(ts, self, args[0]);
}

}  // namespace

Object* getrandbits_object(ThreadState* ts, Object* self, Object* arg) {
  if (!is_plain(self)) return call_self(ts, self, "getrandbits", &arg, 1);
  return getrandbits_direct(ts, self, arg);
}

Object* getrandbits_direct(ThreadState* ts, Object* self, Object* arg) {
  Ref k = Ref::steal(number_index(ts, arg));
  if (!k) return nullptr;
  bool overflow = false;
  int64_t bits = int_as_i64(ts, k.get(), &overflow);
  if (overflow || bits > INT32_MAX || bits < INT32_MIN) {
    return raise(ts, &exc::OverflowError, "Python int too large to convert to C int");
  }
  if (bits < 0) return raise(ts, &exc::ValueError, "number of bits must be non-negative");
  return mt_getrandbits(ts, static_cast<RandomObject*>(self), bits);
}

namespace {

constexpr FuncSig kSeedSig{"Random.seed", {"a", "version"}, 2, 0, 0};
Object* m_seed(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[2];
  if (bind_args(ts, kSeedSig, args, nargs, kwnames, a) < 0) return nullptr;
  if (seed_full(ts, static_cast<RandomObject*>(self), a[0], a[1]) < 0) return nullptr;
  return py_none();
}

constexpr FuncSig kGetstateSig{"Random.getstate", {}, 0, 0, 0};
Object* m_getstate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (bind_args(ts, kGetstateSig, args, nargs, kwnames, nullptr) < 0) return nullptr;
  return full_state(ts, self);
}

constexpr FuncSig kSetstateSig{"Random.setstate", {"state"}, 1, 1, 0};
Object* m_setstate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (bind_args(ts, kSetstateSig, args, nargs, kwnames, a) < 0) return nullptr;
  if (set_full_state(ts, self, a[0]) < 0) return nullptr;
  return py_none();
}

constexpr FuncSig kDunderGetstateSig{"Random.__getstate__", {}, 0, 0, 0};
Object* m_dunder_getstate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (bind_args(ts, kDunderGetstateSig, args, nargs, kwnames, nullptr) < 0) return nullptr;
  if (is_plain(self)) return full_state(ts, self);
  return call_self(ts, self, "getstate", nullptr, 0);
}

constexpr FuncSig kDunderSetstateSig{"Random.__setstate__", {"state"}, 1, 1, 0};
Object* m_dunder_setstate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (bind_args(ts, kDunderSetstateSig, args, nargs, kwnames, a) < 0) return nullptr;
  if (is_plain(self)) {
    if (set_full_state(ts, self, a[0]) < 0) return nullptr;
    return py_none();
  }
  return call_self(ts, self, "setstate", a, 1);
}

constexpr FuncSig kReduceSig{"Random.__reduce__", {}, 0, 0, 0};
Object* m_reduce(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (bind_args(ts, kReduceSig, args, nargs, kwnames, nullptr) < 0) return nullptr;
  Ref state = Ref::steal(is_plain(self) ? full_state(ts, self) : call_self(ts, self, "getstate", nullptr, 0));
  if (!state) return nullptr;
  return tuple_pack(ts, {static_cast<Object*>(self->ob_type), tuple_empty(), state.get()});
}

// random.py's rule for subclasses: the first class along the MRO that
// defines _randbelow, getrandbits or random decides (inherit; with
// getrandbits; without it).
Object* m_init_subclass(ThreadState* ts, Object* cls, Object* const*, size_t nargs, Object*) {
  if (nargs != 0) {
    return raise_format(ts, &exc::TypeError, "Random.__init_subclass__() takes 1 positional argument but %zu were given",
                        nargs + 1);
  }
  Object* mro = static_cast<Type*>(cls)->mro;
  for (int64_t i = 0; mro && i < tuple_size(mro); ++i) {
    Object* d = static_cast<Type*>(tuple_item_borrowed(mro, i))->dict;
    if (!d) continue;
    if (dict_get_item_str_borrowed(ts, d, "_randbelow")) break;
    const char* chosen = nullptr;
    if (dict_get_item_str_borrowed(ts, d, "getrandbits")) chosen = "_randbelow_with_getrandbits";
    else if (dict_get_item_str_borrowed(ts, d, "random")) chosen = "_randbelow_without_getrandbits";
    if (!chosen) continue;
    Ref f = Ref::steal(get_attr_str(ts, cls, chosen));
    Ref name = Ref::steal(str_from_cstr(ts, "_randbelow"));
    if (!f || !name || set_attr(ts, cls, name.get(), f.get()) < 0) return nullptr;
    break;
  }
  return py_none();
}

Object* get_dict(ThreadState* ts, Object* self) {
  Object* d = instance_dict_borrowed(ts, self);
  return d ? new_ref(d) : nullptr;
}

// ===========================================================================
// The type
// ===========================================================================

Object* random_new(ThreadState* ts, Type* type, Object* const*, size_t, Object*) {
  return type_generic_alloc(ts, type, 0);
}

constexpr FuncSig kInitSig{"Random.__init__", {"x"}, 1, 0, 0};
int random_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* x[1];
  if (bind_args(ts, kInitSig, args, nargs, kwnames, x) < 0) return -1;
  auto* r = static_cast<RandomObject*>(self);
  if (is_plain(self)) {
    if (seed_full(ts, r, x[0], nullptr) < 0) return -1;
  } else {
    Object* a = x[0] ? x[0] : py_none();
    Ref res = Ref::steal(call_self(ts, self, "seed", &a, 1));
    if (!res) return -1;
  }
  return set_gauss_next(ts, self, py_none());
}

void random_dealloc(Object* o) {
  auto* r = static_cast<RandomObject*>(o);
  clear_ref(r->dict);
  free_object(o);
}

int random_traverse(Object* o, VisitFn visit, void* arg) {
  auto* r = static_cast<RandomObject*>(o);
  if (r->dict && visit(r->dict, arg)) return 1;
  return 0;
}

const MethodDef random_methods[] = {
    {"random", m_random, kMethNoArgs, "random() -> x in the interval [0, 1)."},
    {"getrandbits", m_getrandbits, kMethO, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {"seed", m_seed, kMethKeywords, "Initialize internal state from a seed."},
    {"getstate", m_getstate, kMethKeywords, "Return internal state; can be passed to setstate() later."},
    {"setstate", m_setstate, kMethKeywords, "Restore internal state from object returned by getstate()."},
    {"__getstate__", m_dunder_getstate, kMethKeywords},
    {"__setstate__", m_dunder_setstate, kMethKeywords},
    {"__reduce__", m_reduce, kMethKeywords},
    {"__init_subclass__", m_init_subclass, kMethKeywords | kMethClass,
     "Control how subclasses generate random integers."},
    {"_randbelow_with_getrandbits", rm_randbelow_with_getrandbits, kMethKeywords,
     "Return a random int in the range [0,n).  Defined for n > 0."},
    {"_randbelow_without_getrandbits", rm_randbelow_without_getrandbits, kMethKeywords,
     "Return a random int in the range [0,n).  Defined for n > 0."},
    {"_randbelow", rm_randbelow_with_getrandbits, kMethKeywords,
     "Return a random int in the range [0,n).  Defined for n > 0."},
    {"randbytes", rm_randbytes, kMethKeywords, "Generate n random bytes."},
    {"randrange", rm_randrange, kMethKeywords, "Choose a random item from range(stop) or range(start, stop[, step])."},
    {"randint", rm_randint, kMethKeywords, "Return random integer in range [a, b], including both end points."},
    {"choice", rm_choice, kMethKeywords, "Choose a random element from a non-empty sequence."},
    {"shuffle", rm_shuffle, kMethKeywords, "Shuffle list x in place, and return None."},
    {"sample", rm_sample, kMethKeywords, "Chooses k unique random elements from a population sequence."},
    {"choices", rm_choices, kMethKeywords, "Return a k sized list of population elements chosen with replacement."},
    {"uniform", rm_uniform, kMethKeywords, "Get a random number in the range [a, b) or [a, b] depending on rounding."},
    {"triangular", rm_triangular, kMethKeywords, "Triangular distribution."},
    {"normalvariate", rm_normalvariate, kMethKeywords, "Normal distribution."},
    {"gauss", rm_gauss, kMethKeywords, "Gaussian distribution."},
    {"lognormvariate", rm_lognormvariate, kMethKeywords, "Log normal distribution."},
    {"expovariate", rm_expovariate, kMethKeywords, "Exponential distribution."},
    {"vonmisesvariate", rm_vonmisesvariate, kMethKeywords, "Circular data distribution."},
    {"gammavariate", rm_gammavariate, kMethKeywords, "Gamma distribution.  Not the gamma function!"},
    {"betavariate", rm_betavariate, kMethKeywords, "Beta distribution."},
    {"paretovariate", rm_paretovariate, kMethKeywords, "Pareto distribution.  alpha is the shape parameter."},
    {"weibullvariate", rm_weibullvariate, kMethKeywords, "Weibull distribution."},
    {},
};

const GetSetDef random_getsets[] = {{"__dict__", get_dict, nullptr}, {}};

// The module-level functions: bound methods of the hidden instance.
constexpr const char* kBoundNames[] = {
    "seed",          "random",         "uniform",         "triangular",   "randint",        "choice",
    "randrange",     "sample",         "shuffle",         "choices",      "normalvariate",  "lognormvariate",
    "expovariate",   "vonmisesvariate", "gammavariate",   "gauss",        "betavariate",    "paretovariate",
    "weibullvariate", "getstate",      "setstate",        "getrandbits",  "randbytes",
};

constexpr const char* kAllNames[] = {
    "Random",        "SystemRandom",  "betavariate",   "choice",        "choices",        "expovariate",
    "gammavariate",  "gauss",         "getrandbits",   "getstate",      "lognormvariate", "normalvariate",
    "paretovariate", "randbytes",     "randint",       "random",        "randrange",      "sample",
    "seed",          "setstate",      "shuffle",       "triangular",    "uniform",        "vonmisesvariate",
    "weibullvariate",
};

}  // namespace

Type random_type;

void init_random_type(Type& t) {
  t.name = "random.Random";
  t.doc = "Random number generator base class used by bound module functions.";
  t.basicsize = sizeof(RandomObject);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = random_dealloc;
  t.traverse = random_traverse;
  t.new_ = random_new;
  t.init = random_init;
  t.methods = random_methods;
  t.getsets = random_getsets;
  t.dictoffset = offsetof(RandomObject, dict);
}

Object* init_random_module(ThreadState* ts) {
  // VERSION is a class attribute of random.Random (random.py's state
  // version); the static type's dict gets it once, the first import.
  if (!dict_get_item_str_borrowed(ts, random_type.dict, "VERSION")) {
    Ref three = Ref::steal(int_from_i64(ts, 3));
    if (!three || dict_set_item_str(ts, random_type.dict, "VERSION", three.get()) < 0) return nullptr;
    type_modified(&random_type);
  }
  Ref m = Ref::steal(new_native_module(ts, "random", nullptr,
                                       "Random variable generators."));
  if (!m) return nullptr;
  if (add_type(ts, m.get(), &random_type) < 0 || add_type(ts, m.get(), &system_random_type) < 0) return nullptr;
  Ref inst = Ref::steal(call(ts, &random_type, nullptr, 0));
  if (!inst) return nullptr;
  for (const char* name : kBoundNames) {
    if (add_object(ts, m.get(), name, get_attr_str(ts, inst.get(), name)) < 0) return nullptr;
  }
  if (add_object(ts, m.get(), "_inst", inst.release()) < 0) return nullptr;
  if (add_float(ts, m.get(), "NV_MAGICCONST", 4 * std::exp(-0.5) / std::sqrt(2.0)) < 0 ||
      add_float(ts, m.get(), "TWOPI", 2.0 * M_PI) < 0 || add_float(ts, m.get(), "LOG4", std::log(4.0)) < 0 ||
      add_float(ts, m.get(), "SG_MAGICCONST", 1.0 + std::log(4.5)) < 0 || add_int(ts, m.get(), "BPF", 53) < 0 ||
      add_float(ts, m.get(), "RECIP_BPF", std::ldexp(1.0, -53)) < 0) {
    return nullptr;
  }
  Ref all = Ref::steal(list_new(ts, 0));
  if (!all) return nullptr;
  for (const char* name : kAllNames) {
    Ref s = Ref::steal(str_from_cstr(ts, name));
    if (!s || list_append(ts, all.get(), s.get()) < 0) return nullptr;
  }
  if (add_object(ts, m.get(), "__all__", all.release()) < 0) return nullptr;
  return m.release();
}

}  // namespace spindle::modules
