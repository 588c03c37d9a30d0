// Native modules: the registry import consults, and the helpers a native
// module's init function uses (src/modules/native_modules.def lists them).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "objects/type.h"

namespace spindle::modules {

using objects::MethodDef;
using objects::Object;
using objects::ThreadState;
using objects::Type;

#define NATIVE_MODULE(name, init) [[nodiscard]] Object* init(ThreadState* ts);
#define MODULE_TYPE(symbol, init) \
  extern Type symbol;             \
  void init(Type&);
#include "modules/native_modules.def"

// The native module called `name`, created on each call (import caches it in
// sys.modules): a new reference; nullptr without an exception if there is no
// such native module, with one if its init failed.
[[nodiscard]] Object* create_native_module(ThreadState* ts, std::string_view name);
// sys.builtin_module_names: a sorted tuple of str.
[[nodiscard]] Object* builtin_module_names(ThreadState* ts);
// Fills and readies the module types (part of the runtime's start-up).
[[nodiscard]] int ready_module_types(ThreadState* ts);

// For init functions: a module with `functions` and a docstring (may be null).
[[nodiscard]] Object* new_native_module(ThreadState* ts, const char* name, const MethodDef* functions,
                                        const char* doc);
// module.name = value; add_object steals `value` (nullptr: the error is
// passed on). 0 / -1.
[[nodiscard]] int add_object(ThreadState* ts, Object* module, const char* name, Object* value);
[[nodiscard]] int add_int(ThreadState* ts, Object* module, const char* name, int64_t value);
[[nodiscard]] int add_float(ThreadState* ts, Object* module, const char* name, double value);
[[nodiscard]] int add_str(ThreadState* ts, Object* module, const char* name, std::string_view value);
[[nodiscard]] int add_type(ThreadState* ts, Object* module, Type* type);  // under type->name

// For a module __dir__ beside a PEP 562 __getattr__ that loads `lazy` names
// on first use: the module's names plus those of `lazy` not loaded yet (a
// new list; dir() sorts it).
[[nodiscard]] Object* module_names_with(ThreadState* ts, Object* module, std::initializer_list<const char*> lazy);

}  // namespace spindle::modules
