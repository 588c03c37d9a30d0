// Struct sequences (sys.float_info, os.stat_result, ...): tuple subclasses
// whose items are also attributes, with CPython's repr "name(field=value, ...)".
//
// Invariants: a struct-sequence type is a static type filled by
// init_structseq_type at start-up; instances hold n_visible items as a
// tuple (len, indexing, comparison) and n_total - n_visible hidden items
// after them (attributes only, such as stat_result.st_mtime as a float).
#pragma once

#include <cstddef>

#include "objects/type.h"

namespace spindle::modules {

using objects::Object;
using objects::ThreadState;
using objects::Type;

// Fills `t` as a struct sequence named `name` ("sys.float_info") with the
// attribute names `fields` (n_total of them, the first n_visible are items).
void init_structseq_type(Type& t, const char* name, const char* const* fields, size_t n_visible, size_t n_total);
// A new instance; steals the n_total references in `items` (even on failure;
// a null item means the caller's construction failed: nullptr is returned).
[[nodiscard]] Object* structseq_new(ThreadState* ts, Type* t, Object* const* items);

// A types.SimpleNamespace-like object: attributes in a dict, repr
// "namespace(a=1, b=2)" (sys.implementation).
[[nodiscard]] Object* namespace_new(ThreadState* ts, Object* dict);

}  // namespace spindle::modules
