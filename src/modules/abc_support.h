// What abc.cpp shares with the modules that build abstract base classes in
// C++ (collections.abc): heap classes made through the type machinery and
// methods added to them from MethodDef tables.
#pragma once

#include <initializer_list>

#include "modules/registry.h"

namespace spindle::modules {

// meta(name, bases, ns): a new class (new reference) or nullptr.
[[nodiscard]] Object* make_class(ThreadState* ts, Type* meta, const char* name, std::initializer_list<Object*> bases,
                                 Object* ns);
// cls.<def->name> = a method descriptor (kMethClass: a class method) owned by cls. 0 / -1.
[[nodiscard]] int add_method(ThreadState* ts, Object* cls, const MethodDef* def);
// abc.register(sub) without the call machinery. 0 / -1.
[[nodiscard]] int abc_register(ThreadState* ts, Object* abc, Object* sub);

// Recomputes cls.__abstractmethods__ from its namespace and bases (what
// ABCMeta.__new__ and abc.update_abstractmethods do). 0 / -1.
[[nodiscard]] int abc_compute_abstracts(ThreadState* ts, Object* cls);

}  // namespace spindle::modules
