// random.SystemRandom: a Random whose random(), getrandbits() and
// randbytes() read the operating system's entropy (getrandom(2)), and whose
// state operations do nothing (seed) or raise NotImplementedError. Every
// other method comes from random.Random and reaches these through attribute
// lookup, since a SystemRandom is never a "plain" instance.
#include <sys/random.h>

#include <cerrno>
#include <cmath>
#include <string>

#include <gmp.h>

#include "modules/random.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;

namespace {

// n bytes from the OS (blocking until the pool is initialized). 0 / -1.
int urandom(ThreadState* ts, std::string& out, size_t n) {
  out.assign(n, '\0');
  size_t got = 0;
  while (got < n) {
    ssize_t r = getrandom(out.data() + got, n - got, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      raise(ts, &exc::OSError, "getrandom() failed");
      return -1;
    }
    got += static_cast<size_t>(r);
  }
  return 0;
}

constexpr FuncSig kRandomSig{"SystemRandom.random", {}, 0, 0, 0};
Object* sr_random(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (bind_args(ts, kRandomSig, args, nargs, kwnames, nullptr) < 0) return nullptr;
  std::string b;
  if (urandom(ts, b, 7) < 0) return nullptr;
  uint64_t x = 0;
  for (unsigned char c : b) x = (x << 8) | c;
  return float_from_double(ts, static_cast<double>(x >> 3) * std::ldexp(1.0, -53));
}

constexpr FuncSig kGetrandbitsSig{"SystemRandom.getrandbits", {"k"}, 1, 1, 0};
Object* sr_getrandbits(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (bind_args(ts, kGetrandbitsSig, args, nargs, kwnames, a) < 0) return nullptr;
  int64_t k = as_ssize(ts, a[0], &exc::OverflowError);
  if (k == -1 && runtime::has_exception(ts)) return nullptr;
  if (k < 0) return raise(ts, &exc::ValueError, "number of bits must be non-negative");
  size_t nbytes = static_cast<size_t>((k + 7) / 8);
  std::string b;
  if (urandom(ts, b, nbytes) < 0) return nullptr;
  mpz_t z;
  mpz_init(z);
  if (nbytes) mpz_import(z, nbytes, 1, 1, 0, 0, b.data());
  mpz_tdiv_q_2exp(z, z, nbytes * 8 - static_cast<size_t>(k));
  Object* r = int_from_mpz(ts, z);
  mpz_clear(z);
  return r;
}

constexpr FuncSig kRandbytesSig{"SystemRandom.randbytes", {"n"}, 1, 1, 0};
Object* sr_randbytes(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* a[1];
  if (bind_args(ts, kRandbytesSig, args, nargs, kwnames, a) < 0) return nullptr;
  int64_t n = as_ssize(ts, a[0], &exc::OverflowError);
  if (n == -1 && runtime::has_exception(ts)) return nullptr;
  if (n < 0) return raise(ts, &exc::ValueError, "negative argument not allowed");
  std::string b;
  if (urandom(ts, b, static_cast<size_t>(n)) < 0) return nullptr;
  return bytes_from(ts, b.data(), b.size());
}

// seed(*args, **kwds): a stub.
Object* sr_seed(ThreadState*, Object*, Object* const*, size_t, Object*) { return py_none(); }

Object* sr_notimplemented(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  return raise(ts, &exc::NotImplementedError, "System entropy source does not have state.");
}

const MethodDef system_random_methods[] = {
    {"random", sr_random, kMethKeywords, "Get the next random number in the range 0.0 <= X < 1.0."},
    {"getrandbits", sr_getrandbits, kMethKeywords, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {"randbytes", sr_randbytes, kMethKeywords, "Generate n random bytes."},
    {"seed", sr_seed, kMethKeywords, "Stub method.  Not used for a system random number generator."},
    {"getstate", sr_notimplemented, kMethKeywords, "Method should not be called for a system random number generator."},
    {"setstate", sr_notimplemented, kMethKeywords, "Method should not be called for a system random number generator."},
    {},
};

}  // namespace

Type system_random_type;

void init_system_random_type(Type& t) {
  t.name = "random.SystemRandom";
  t.doc = "Alternate random number generator using sources provided by the operating system.";
  t.basicsize = sizeof(RandomObject);
  t.base = &random_type;
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = random_type.dealloc;
  t.traverse = random_type.traverse;
  t.dictoffset = offsetof(RandomObject, dict);
  t.methods = system_random_methods;
}

}  // namespace spindle::modules
