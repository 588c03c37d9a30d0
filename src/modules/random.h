// The random module's shared internals (random.cpp: the generator, seeding,
// state, the type and the module; random_methods.cpp: the algorithms of
// random.py's Random on top of it).
//
// Invariants:
//   * A RandomObject's generator is CPython's MT19937 (624 words, index in
//     0..624); freshly allocated it is all zeros, as CPython's
//     PyType_GenericNew leaves it, until __init__ seeds it.
//   * gauss()'s cached second value is the instance attribute `gauss_next`
//     (in the instance dict, as random.py keeps it; __init__ and seed() set
//     it to None).
//   * "Plain" instances (exactly random.Random, no instance attribute but
//     gauss_next) run
//     the C++ algorithms directly; anything else (subclasses, instance
//     overrides) goes through attribute lookup of random / getrandbits /
//     _randbelow / ..., so overriding them behaves as in CPython's random.py.
#pragma once

#include <cstddef>
#include <cstdint>

#include "objects/object.h"
#include "modules/pyargs.h"
#include "objects/type.h"

namespace spindle::modules {

using objects::Object;
using objects::ThreadState;
using objects::Type;

extern Type random_type;

inline constexpr int kMtWords = 624;

struct RandomObject : Object {
  uint32_t state[kMtWords];
  int index;
  Object* dict;  // the instance __dict__ (nullptr until needed)
};

// --- the generator (random.cpp) ---------------------------------------------
uint32_t mt_next(RandomObject* r);
// random(): 53 random bits as CPython's genrand_res53.
[[nodiscard]] double mt_random(RandomObject* r);
// getrandbits(k) for 0 <= k <= 64.
[[nodiscard]] uint64_t mt_bits64(RandomObject* r, int k);
// getrandbits(k) for any k >= 0 as an int.
[[nodiscard]] Object* mt_getrandbits(ThreadState* ts, RandomObject* r, int64_t k);
// self.getrandbits(k): the generator's for plain instances, else the method.
[[nodiscard]] Object* getrandbits_object(ThreadState* ts, Object* self, Object* k);
// The generator's getrandbits(k) (k converted and checked as CPython's).
[[nodiscard]] Object* getrandbits_direct(ThreadState* ts, Object* self, Object* k);
// self.gauss_next (a new reference) and self.gauss_next = value. 0 / -1.
[[nodiscard]] Object* get_gauss_next(ThreadState* ts, Object* self);
[[nodiscard]] int set_gauss_next(ThreadState* ts, Object* self, Object* value);
// Whether `self` runs the built-in algorithms directly (see above).
[[nodiscard]] bool is_plain(Object* self);

// --- Python-style argument binding -------------------------------------------
// Random's methods are Python functions in CPython, so their TypeErrors read
// "Random.randint() missing 1 required positional argument: 'b'".
struct FuncSig {
  const char* qualname;  // "Random.randint"
  const char* names[6];  // positional-or-keyword parameters, then keyword-only ones
  int npos;              // positional-or-keyword parameters (self excluded)
  int nrequired;         // the first nrequired of them have no default
  int nkwonly;           // keyword-only parameters (all have defaults)
};
// Fills out[0..npos+nkwonly) with borrowed arguments (nullptr: not passed),
// through the shared Python-def binder (pyargs.h).
[[nodiscard]] inline int bind_args(ThreadState* ts, const FuncSig& sig, Object* const* args, size_t nargs,
                                   Object* kwnames, Object** out) {
  return bind_py_args(ts, sig.qualname, args, nargs, kwnames, sig.names, static_cast<size_t>(sig.npos + sig.nkwonly),
                      static_cast<size_t>(sig.nrequired), out, true, static_cast<size_t>(sig.nkwonly));
}

// --- self.name(...) with the plain fast path left to the caller ---------------
[[nodiscard]] Object* call_self(ThreadState* ts, Object* self, const char* name, Object* const* args,
                                size_t nargs);

// --- the methods (random_methods.cpp), as MethodDef functions ----------------
#define SPINDLE_RANDOM_METHOD(name) \
  Object* name(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames)
SPINDLE_RANDOM_METHOD(rm_randbelow_with_getrandbits);
SPINDLE_RANDOM_METHOD(rm_randbelow_without_getrandbits);
SPINDLE_RANDOM_METHOD(rm_randbytes);
SPINDLE_RANDOM_METHOD(rm_randrange);
SPINDLE_RANDOM_METHOD(rm_randint);
SPINDLE_RANDOM_METHOD(rm_choice);
SPINDLE_RANDOM_METHOD(rm_shuffle);
SPINDLE_RANDOM_METHOD(rm_sample);
SPINDLE_RANDOM_METHOD(rm_choices);
SPINDLE_RANDOM_METHOD(rm_uniform);
SPINDLE_RANDOM_METHOD(rm_triangular);
SPINDLE_RANDOM_METHOD(rm_normalvariate);
SPINDLE_RANDOM_METHOD(rm_gauss);
SPINDLE_RANDOM_METHOD(rm_lognormvariate);
SPINDLE_RANDOM_METHOD(rm_expovariate);
SPINDLE_RANDOM_METHOD(rm_vonmisesvariate);
SPINDLE_RANDOM_METHOD(rm_gammavariate);
SPINDLE_RANDOM_METHOD(rm_betavariate);
SPINDLE_RANDOM_METHOD(rm_paretovariate);
SPINDLE_RANDOM_METHOD(rm_weibullvariate);
#undef SPINDLE_RANDOM_METHOD

}  // namespace spindle::modules
