// float: an IEEE double; repr is the shortest round-trip form (std::to_chars)
// laid out as CPython's repr.
#pragma once

#include <string>

#include "objects/int.h"
#include "objects/type.h"

namespace spindle::objects {

extern Type float_type;

struct Float : Object {
  double value = 0.0;
};

[[nodiscard]] inline bool is_float(const Object* o) { return o->ob_type == &float_type || is_subtype(o->ob_type, &float_type); }
[[nodiscard]] inline double float_value(const Object* o) { return static_cast<const Float*>(o)->value; }
[[nodiscard]] Object* float_from_double(ThreadState* ts, double d);
// The result `d` of an arithmetic operation whose operands' references the
// caller owns and gives up: written into an exact float operand held by no
// one else (the interpreter's stack temporaries), otherwise a new float.
// Consumes both; nullptr with MemoryError only when a new float is needed.
[[gnu::always_inline]] inline bool float_reusable(const Object* o) {
  return o->ob_type == &float_type && is_uniquely_referenced(o);
}
[[gnu::always_inline]] inline Object* float_result_consuming(ThreadState* ts, Object* left, Object* right, double d) {
  Object* reuse = float_reusable(left) ? left : float_reusable(right) ? right : nullptr;
  if (reuse) {
    static_cast<Float*>(reuse)->value = d;
    decref(reuse == left ? right : left);
    return reuse;
  }
  decref(left);
  decref(right);
  return float_from_double(ts, d);
}
// An exact float's value, or an exact int's when it has at most 53 bits (so
// the double is exact): the operands the float forms of the interpreter
// take. False for anything else.
[[gnu::always_inline]] inline bool float_operand(const Object* o, double* out) {
  if (o->ob_type == &float_type) {
    *out = static_cast<const Float*>(o)->value;
    return true;
  }
  if (o->ob_type != &int_type || !int_is_small(o)) return false;
  int64_t v = int_small_value(o);
  if (v < -(int64_t{1} << 53) || v > (int64_t{1} << 53)) return false;
  *out = static_cast<double>(v);
  return true;
}
// float(o) value for floats, ints and objects with __float__/__index__; -1.0 with an exception on failure.
[[nodiscard]] double float_as_double(ThreadState* ts, Object* o);
// repr(float) text: 'inf', 'nan', '1e+16', '0.1', '1.0'.
[[nodiscard]] std::string float_repr_string(double d);
// CPython's numeric hash of a double (hash(1.0) == hash(1)).
[[nodiscard]] int64_t hash_double(Object* identity, double d);

}  // namespace spindle::objects
