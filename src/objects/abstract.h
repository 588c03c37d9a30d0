// The object protocol: what Python code can do to any object, dispatched
// through type slots. These functions are the only way the interpreter and
// library code operate on objects of unknown type.
//
// Conventions (src/objects/object.h): Object* results are new references or
// nullptr with an exception set; int results are -1 on error (predicates:
// 0/1/-1); parameters are borrowed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "objects/type.h"

namespace spindle::objects {

// --- identity, truth, hashing, text --------------------------------------
[[nodiscard]] int is_true(ThreadState* ts, Object* o);                 // bool(o)
[[nodiscard]] int64_t hash(ThreadState* ts, Object* o);                // hash(o), -1 error
[[nodiscard]] Object* repr(ThreadState* ts, Object* o);                // repr(o) -> str
[[nodiscard]] Object* str(ThreadState* ts, Object* o);                 // str(o) -> str
[[nodiscard]] Object* ascii(ThreadState* ts, Object* o);               // ascii(o)
[[nodiscard]] Object* format(ThreadState* ts, Object* o, Object* spec);  // format(o, spec)
// repr(o) as UTF-8 for messages; on failure returns "<unprintable>" and clears.
[[nodiscard]] std::string repr_utf8(ThreadState* ts, Object* o);

// --- attributes (name is a str) -------------------------------------------
[[nodiscard]] Object* get_attr(ThreadState* ts, Object* o, Object* name);
// get_attr that returns nullptr WITHOUT an exception when the attribute is
// missing (AttributeError swallowed); other errors are still set.
[[nodiscard]] Object* lookup_attr(ThreadState* ts, Object* o, Object* name);
[[nodiscard]] Object* get_attr_str(ThreadState* ts, Object* o, const char* name);
[[nodiscard]] int set_attr(ThreadState* ts, Object* o, Object* name, Object* value);
[[nodiscard]] int del_attr(ThreadState* ts, Object* o, Object* name);
[[nodiscard]] int has_attr(ThreadState* ts, Object* o, Object* name);
// object.__getattribute__ / __setattr__ semantics (descriptors, instance dict).
[[nodiscard]] Object* generic_get_attr(ThreadState* ts, Object* o, Object* name);
[[nodiscard]] int generic_set_attr(ThreadState* ts, Object* o, Object* name, Object* value);
// Looks up a special method on the TYPE (bypassing the instance) and binds
// it: a new reference, or nullptr without exception if missing.
[[nodiscard]] Object* lookup_special(ThreadState* ts, Object* o, Object* name);

// --- calls ----------------------------------------------------------------
// callable(*args[0..nargs), **{kwnames[i]: args[nargs+i]}).
[[nodiscard]] Object* call(ThreadState* ts, Object* callable, Object* const* args, size_t nargs,
                           Object* kwnames = nullptr);
[[nodiscard]] Object* call_tuple_dict(ThreadState* ts, Object* callable, Object* args_tuple,
                                      Object* kwargs_dict);  // kwargs_dict may be nullptr
[[nodiscard]] Object* call_method(ThreadState* ts, Object* self, Object* name,
                                  Object* const* args, size_t nargs);  // self.name(*args)
[[nodiscard]] bool is_callable(Object* o);

// --- comparison -----------------------------------------------------------
[[nodiscard]] Object* rich_compare(ThreadState* ts, Object* a, Object* b, CompareOp op);
[[nodiscard]] int rich_compare_bool(ThreadState* ts, Object* a, Object* b, CompareOp op);  // identity shortcut for Eq/Ne
[[nodiscard]] int is_instance(ThreadState* ts, Object* o, Object* cls);   // isinstance()
[[nodiscard]] int is_subclass(ThreadState* ts, Object* derived, Object* cls);  // issubclass()

// --- numbers (binary ops try a's slot, then b's reflected, subclass first) --
[[nodiscard]] Object* number_add(ThreadState* ts, Object* a, Object* b);
[[nodiscard]] Object* number_subtract(ThreadState* ts, Object* a, Object* b);
[[nodiscard]] Object* number_multiply(ThreadState* ts, Object* a, Object* b);
[[nodiscard]] Object* number_true_divide(ThreadState* ts, Object* a, Object* b);
[[nodiscard]] Object* number_floor_divide(ThreadState* ts, Object* a, Object* b);
[[nodiscard]] Object* number_remainder(ThreadState* ts, Object* a, Object* b);
[[nodiscard]] Object* number_divmod(ThreadState* ts, Object* a, Object* b);
[[nodiscard]] Object* number_power(ThreadState* ts, Object* a, Object* b, Object* mod);  // mod: None if absent
[[nodiscard]] Object* number_lshift(ThreadState* ts, Object* a, Object* b);
[[nodiscard]] Object* number_rshift(ThreadState* ts, Object* a, Object* b);
[[nodiscard]] Object* number_and(ThreadState* ts, Object* a, Object* b);
[[nodiscard]] Object* number_or(ThreadState* ts, Object* a, Object* b);
[[nodiscard]] Object* number_xor(ThreadState* ts, Object* a, Object* b);
[[nodiscard]] Object* number_matrix_multiply(ThreadState* ts, Object* a, Object* b);
// `oparg` is a BINARY_OP oparg (src/vm/binary_ops.def), in-place forms included.
[[nodiscard]] Object* binary_op(ThreadState* ts, Object* a, Object* b, int oparg);
[[nodiscard]] Object* number_negative(ThreadState* ts, Object* o);
[[nodiscard]] Object* number_positive(ThreadState* ts, Object* o);
[[nodiscard]] Object* number_invert(ThreadState* ts, Object* o);
[[nodiscard]] Object* number_absolute(ThreadState* ts, Object* o);
[[nodiscard]] Object* number_index(ThreadState* ts, Object* o);  // operator.index(o) -> int
[[nodiscard]] Object* number_long(ThreadState* ts, Object* o);   // int(o)
[[nodiscard]] Object* number_float(ThreadState* ts, Object* o);  // float(o)
// o.__index__() as a C integer; OverflowError is raised as `err_type` (IndexError
// for sequence indices, nullptr = clamp to the int64 range).
[[nodiscard]] int64_t as_ssize(ThreadState* ts, Object* o, Type* err_type);

// --- containers -----------------------------------------------------------
[[nodiscard]] int64_t length(ThreadState* ts, Object* o);                 // len(o)
[[nodiscard]] int64_t length_hint(ThreadState* ts, Object* o, int64_t dflt);
[[nodiscard]] Object* get_item(ThreadState* ts, Object* o, Object* key);  // o[key]
[[nodiscard]] int set_item(ThreadState* ts, Object* o, Object* key, Object* value);
[[nodiscard]] int del_item(ThreadState* ts, Object* o, Object* key);
[[nodiscard]] int contains(ThreadState* ts, Object* container, Object* item);  // item in container
[[nodiscard]] Object* get_iter(ThreadState* ts, Object* o);                    // iter(o)
// next(it): new reference; nullptr with no exception = exhausted
// (StopIteration from a Python __next__ is swallowed into that).
[[nodiscard]] Object* iter_next(ThreadState* ts, Object* iterator);
// list(iterable) / tuple(iterable).
[[nodiscard]] Object* sequence_list(ThreadState* ts, Object* iterable);
[[nodiscard]] Object* sequence_tuple(ThreadState* ts, Object* iterable);

}  // namespace spindle::objects
