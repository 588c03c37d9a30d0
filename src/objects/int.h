// int (and bool): a machine word when the value fits, GMP beyond.
//
// Invariants:
//   * `big == nullptr` ⇔ the value is `small`; otherwise `big` holds it and
//     it does NOT fit in int64 (values are normalized after every operation),
//     so two ints are equal iff both are small and equal or both big and equal.
//   * The ints -5..256 and True/False are immortal static objects; int results
//     in that range are always those objects.
//   * A subclass of int (a Python class, or bool) keeps the value in the same
//     fields, so any instance of an int subclass is an Int.
#pragma once

#include <cstdint>
#include <string>

#include <gmp.h>

#include "objects/type.h"

namespace spindle::objects {

extern Type int_type;
extern Type bool_type;

struct Int : Object {
  int64_t small = 0;
  mpz_t* big = nullptr;  // owned (mem_alloc'd mpz_t), or nullptr
  constexpr Int() = default;
  constexpr Int(Type* t, int64_t v) : Object(t), small(v) {}
};

extern Int true_object;
extern Int false_object;

[[nodiscard]] inline bool is_int(const Object* o) { return has_flag(o->ob_type, kTypeIntSubclass); }
[[nodiscard]] inline bool is_int_exact(const Object* o) { return o->ob_type == &int_type; }
[[nodiscard]] inline bool is_bool(const Object* o) { return o->ob_type == &bool_type; }
[[nodiscard]] inline Object* py_bool(bool b) { return b ? &true_object : &false_object; }
[[nodiscard]] inline Object* py_true() { return &true_object; }
[[nodiscard]] inline Object* py_false() { return &false_object; }
// Whether the value fits a machine word (and is then `small`).
[[nodiscard]] inline bool int_is_small(const Object* o) { return static_cast<const Int*>(o)->big == nullptr; }
[[nodiscard]] inline int64_t int_small_value(const Object* o) { return static_cast<const Int*>(o)->small; }

// The preallocated (immortal) ints: int_from_i64 returns these for
// kSmallMin..kSmallMax, as CPython does for -5..256.
inline constexpr int64_t kSmallMin = -5, kSmallMax = 256;

[[nodiscard]] Object* int_from_i64(ThreadState* ts, int64_t v);
// The result `v` of an operation on two exact word-sized ints whose
// references the caller owns and gives up: a preallocated int, or `v`
// written into an operand no one else holds, or a new int. Consumes both;
// nullptr with MemoryError only when a new int is needed.
[[gnu::always_inline]] inline Object* int_result_consuming(ThreadState* ts, Object* left, Object* right, int64_t v) {
  if (v < kSmallMin || v > kSmallMax) {
    Object* reuse = is_uniquely_referenced(left) ? left : is_uniquely_referenced(right) ? right : nullptr;
    if (reuse) {
      static_cast<Int*>(reuse)->small = v;
      decref(reuse == left ? right : left);
      return reuse;
    }
  }
  decref(left);
  decref(right);
  return int_from_i64(ts, v);
}
[[nodiscard]] Object* int_from_u64(ThreadState* ts, uint64_t v);
// Takes over an initialized mpz (cleared afterwards), normalizing to small.
[[nodiscard]] Object* int_from_mpz(ThreadState* ts, mpz_t z);
[[nodiscard]] Object* int_from_double(ThreadState* ts, double d);  // truncates; errors for inf/nan
// int(text, base) with Python's literal rules (underscores, whitespace, sign,
// prefixes when base is 0 or matches). ValueError worded as CPython.
[[nodiscard]] Object* int_from_string(ThreadState* ts, const char* s, size_t n, int base);
// The decimal digits of a BigInt constant (code objects).
[[nodiscard]] Object* int_from_decimal(ThreadState* ts, const std::string& digits);

// The value as int64; *overflow set (and -1 returned) if it does not fit.
[[nodiscard]] int64_t int_as_i64(ThreadState* ts, Object* o, bool* overflow);
// The value as a double (OverflowError "int too large to convert to float").
[[nodiscard]] double int_as_double(ThreadState* ts, Object* o, bool* failed);
// Copies the value into an initialized mpz.
void int_to_mpz(Object* o, mpz_t out);
[[nodiscard]] int int_sign(Object* o);
// str(int) honouring the interpreter's max-str-digits limit (ValueError).
[[nodiscard]] Object* int_to_decimal_str(ThreadState* ts, Object* o);
[[nodiscard]] std::string int_to_string_base(Object* o, int base);  // no limit, no prefix
[[nodiscard]] int64_t int_hash(Object* o);
// Numeric comparison of two ints: -1, 0, 1.
[[nodiscard]] int int_compare(Object* a, Object* b);

}  // namespace spindle::objects
