// What the collections_*.cpp files share: building the module's Python-level
// classes (Counter, ChainMap, namedtuple's classes) from builtin method tables,
// and Python-style argument errors for their methods.
//
// Counter and ChainMap are Python classes in CPython (tp_name "Counter", their
// messages say 'Counter'), so they are built here as heap classes at import,
// one per interpreter, whose namespace holds method descriptors of native
// functions: subclass overrides and the operator protocol work as in CPython.
#pragma once

#include <cstddef>

#include "objects/type.h"

namespace spindle::modules {

using objects::MethodDef;
using objects::Object;
using objects::ThreadState;
using objects::Type;

// type(name, bases, ns) with ns = {"__module__": "collections", "__doc__": doc}
// plus a descriptor for each entry of `methods` (owner: `owner`, a static
// base of the class; kMethClass entries become class methods). New reference.
[[nodiscard]] Object* build_class(ThreadState* ts, const char* name, Object* bases, Type* owner,
                                  const MethodDef* methods, const char* doc);

// The class along type(o)'s MRO whose own namespace holds `marker` under
// marker->name (a descriptor made by build_class): borrowed, or nullptr.
[[nodiscard]] Type* find_class_with(ThreadState* ts, Type* t, const MethodDef* marker);

// Checks a method's positional arguments (nargs without self) as a Python
// function `def qualname(self, names[0], ..., names[max-1])` whose first
// `min` parameters are required would: "Counter.update() takes from 1 to 2
// positional arguments but 3 were given", "... missing 1 required positional
// argument: 'x'". 0 / -1.
[[nodiscard]] int check_py_arity(ThreadState* ts, const char* qualname, size_t nargs, size_t min, size_t max,
                                 const char* const* names);

// The classes, created on each import of collections.
[[nodiscard]] Object* make_counter_class(ThreadState* ts);
[[nodiscard]] Object* make_chainmap_class(ThreadState* ts);
// namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)
[[nodiscard]] Object* collections_namedtuple(ThreadState* ts, Object* module, Object* const* args, size_t nargs,
                                             Object* kwnames);

}  // namespace spindle::modules
