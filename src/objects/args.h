// The shared argument parser for builtin functions and methods: a builtin
// declares its parameters once (a Signature) and parse_args() unpacks the
// vectorcall arguments into one slot per parameter, raising TypeError worded
// as CPython 3.11's Argument Clinic does.
//
//   static constexpr Param kParams[] = {{"sep", ParamKind::KeywordOnly, kOptional},
//                                       {"end", ParamKind::KeywordOnly, kOptional}};
//   static constexpr Signature kSig{"print", kParams};
//   ArgValues av;
//   if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
//   Object* sep = av[0];   // borrowed; nullptr when absent
//
// Invariants:
//   * Parameters are listed in Python order: positional-only, positional-or-
//     keyword, *args (VarPositional), keyword-only, **kwargs (VarKeyword).
//   * Slots of ordinary parameters are BORROWED from the caller's args; the
//     *args tuple and the **kwargs dict are owned by the ArgValues (their slot
//     points at them; both are always present when declared, maybe empty).
//   * A required parameter is never nullptr after a successful parse.
#pragma once

#include <cstddef>
#include <cstdint>

#include "objects/object.h"

namespace spindle::objects {

enum class ParamKind : uint8_t {
  PositionalOnly,
  PositionalOrKeyword,
  VarPositional,  // *args
  KeywordOnly,
  VarKeyword,     // **kwargs
};

inline constexpr bool kRequired = false;
inline constexpr bool kOptional = true;

struct Param {
  const char* name = nullptr;
  ParamKind kind = ParamKind::PositionalOrKeyword;
  bool optional = kRequired;
};

struct Signature {
  const char* name;  // as it appears in messages: "print", "split", "to_bytes"
  const Param* params;
  size_t nparams;

  template <size_t N>
  constexpr Signature(const char* fname, const Param (&p)[N]) : name(fname), params(p), nparams(N) {}
  constexpr Signature(const char* fname) : name(fname), params(nullptr), nparams(0) {}
};

inline constexpr size_t kMaxParams = 16;

// The parsed arguments: slot i belongs to params[i].
class ArgValues {
 public:
  ArgValues() = default;
  ArgValues(const ArgValues&) = delete;
  ArgValues& operator=(const ArgValues&) = delete;
  ~ArgValues() {
    xdecref(var_positional_);
    xdecref(var_keyword_);
  }
  [[nodiscard]] Object* operator[](size_t i) const { return slots_[i]; }
  // Whether an optional parameter was passed.
  [[nodiscard]] bool has(size_t i) const { return slots_[i] != nullptr; }

 private:
  friend int parse_args(ThreadState*, const Signature&, Object* const*, size_t, Object*, ArgValues&);
  Object* slots_[kMaxParams] = {};
  Object* var_positional_ = nullptr;  // owned tuple
  Object* var_keyword_ = nullptr;     // owned dict
};

// Unpacks (args, nargs, kwnames) along `sig` into `out`. 0, or -1 with
// TypeError set ("f() takes at most 2 arguments (3 given)", "'x' is an invalid
// keyword argument for f()", "f() missing required argument 'x' (pos 1)",
// "argument for f() given by name ('x') and position (1)", ...).
[[nodiscard]] int parse_args(ThreadState* ts, const Signature& sig, Object* const* args, size_t nargs,
                             Object* kwnames, ArgValues& out);

// "f() takes no keyword arguments" when kwnames is non-empty. 0 / -1.
[[nodiscard]] int check_no_kwargs(ThreadState* ts, const char* name, Object* kwnames);
// "f expected 2 arguments, got 1" / "expected at least" / "expected at most"
// when nargs is outside [min, max]. 0 / -1.
[[nodiscard]] int check_nargs(ThreadState* ts, const char* name, size_t nargs, size_t min, size_t max);
// Both of the above, the common case of a positional-only builtin.
[[nodiscard]] inline int check_positional(ThreadState* ts, const char* name, size_t nargs, Object* kwnames,
                                          size_t min, size_t max) {
  if (check_no_kwargs(ts, name, kwnames) < 0) return -1;
  return check_nargs(ts, name, nargs, min, max);
}
// Number of keyword arguments in a vectorcall (kwnames may be nullptr).
[[nodiscard]] size_t kwnames_count(Object* kwnames);

}  // namespace spindle::objects
