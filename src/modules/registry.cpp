// The native-module registry (native_modules.def) and the helpers module
// init functions share.
#include "modules/registry.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

namespace spindle::modules {

using namespace objects;

namespace {

struct NativeModule {
  const char* name;
  Object* (*init)(ThreadState*);
};

constexpr NativeModule kNativeModules[] = {
#define NATIVE_MODULE(name, init) {name, init},
#include "modules/native_modules.def"
    {nullptr, nullptr},
};

}  // namespace

Object* create_native_module(ThreadState* ts, std::string_view name) {
  for (const NativeModule* m = kNativeModules; m->name; ++m) {
    if (name == m->name) return m->init(ts);
  }
  return nullptr;
}

Object* builtin_module_names(ThreadState* ts) {
  std::vector<const char*> names = {"builtins", "sys"};
  for (const NativeModule* m = kNativeModules; m->name; ++m) names.push_back(m->name);
  std::sort(names.begin(), names.end(), [](const char* a, const char* b) { return std::strcmp(a, b) < 0; });
  Ref t = Ref::steal(tuple_new(ts, names.size()));
  if (!t) return nullptr;
  for (size_t i = 0; i < names.size(); ++i) {
    Object* s = str_intern_cstr(ts, names[i]);
    if (!s) return nullptr;
    tuple_items(t.get())[i] = s;
  }
  return t.release();
}

int ready_module_types(ThreadState* ts) {
#define MODULE_TYPE(symbol, init) init(symbol);
#include "modules/native_modules.def"
#define MODULE_TYPE(symbol, init)                \
  if (type_ready(ts, &symbol) < 0) return -1; \
  make_immortal(&symbol);
#include "modules/native_modules.def"
  (void)ts;
  return 0;
}

Object* new_native_module(ThreadState* ts, const char* name, const MethodDef* functions, const char* doc) {
  Ref m = Ref::steal(module_new_cstr(ts, name));
  if (!m) return nullptr;
  if (functions && module_add_functions(ts, m.get(), functions) < 0) return nullptr;
  if (doc && add_str(ts, m.get(), "__doc__", doc) < 0) return nullptr;
  return m.release();
}

int add_object(ThreadState* ts, Object* module, const char* name, Object* value) {
  if (!value) return -1;
  int r = dict_set_item_str(ts, module_dict_borrowed(module), name, value);
  decref(value);
  return r;
}

int add_int(ThreadState* ts, Object* module, const char* name, int64_t value) {
  return add_object(ts, module, name, int_from_i64(ts, value));
}

int add_float(ThreadState* ts, Object* module, const char* name, double value) {
  return add_object(ts, module, name, float_from_double(ts, value));
}

int add_str(ThreadState* ts, Object* module, const char* name, std::string_view value) {
  return add_object(ts, module, name, str_from(ts, value));
}

int add_type(ThreadState* ts, Object* module, Type* type) {
  const char* dot = std::strrchr(type->name, '.');
  return add_object(ts, module, dot ? dot + 1 : type->name, new_ref(static_cast<Object*>(type)));
}

Object* module_names_with(ThreadState* ts, Object* module, std::initializer_list<const char*> lazy) {
  Object* d = module_dict_borrowed(module);
  Ref names = Ref::steal(list_new(ts, 0));
  if (!names) return nullptr;
  size_t pos = 0;
  Object *k, *v;
  while (dict_next(d, &pos, &k, &v))
    if (list_append(ts, names.get(), k) < 0) return nullptr;
  for (const char* name : lazy) {
    if (dict_get_item_str_borrowed(ts, d, name)) continue;
    Ref n = Ref::steal(str_from_cstr(ts, name));
    if (!n || list_append(ts, names.get(), n.get()) < 0) return nullptr;
  }
  return names.release();
}

}  // namespace spindle::modules
