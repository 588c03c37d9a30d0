// Module objects.
#include "objects/module.h"

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/method.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::objects {

Type module_type;

Object* module_new(ThreadState* ts, Object* name) {
  auto* m = static_cast<Module*>(alloc_object(ts, &module_type, sizeof(Module)));
  if (!m) return nullptr;
  m->dict = dict_new(ts);
  m->name = new_ref(name);
  if (!m->dict || dict_set_item(ts, m->dict, ts->id->dunder_name, name) < 0 ||
      dict_set_item(ts, m->dict, ts->id->dunder_doc, py_none()) < 0 ||
      dict_set_item(ts, m->dict, ts->id->dunder_package, py_none()) < 0 ||
      dict_set_item(ts, m->dict, ts->id->dunder_loader, py_none()) < 0 ||
      dict_set_item(ts, m->dict, ts->id->dunder_spec, py_none()) < 0) {
    decref(m);
    return nullptr;
  }
  return m;
}

Object* module_new_cstr(ThreadState* ts, const char* name) {
  Ref n = Ref::steal(str_intern_cstr(ts, name));
  return n ? module_new(ts, n.get()) : nullptr;
}

int module_add_functions(ThreadState* ts, Object* m, const MethodDef* defs) {
  Object* name = static_cast<Module*>(m)->name;
  for (const MethodDef* d = defs; d->name; ++d) {
    Ref f = Ref::steal(builtin_function_new(ts, d, m, name));
    if (!f || dict_set_item_str(ts, module_dict_borrowed(m), d->name, f.get()) < 0) return -1;
  }
  return 0;
}

namespace {

void module_dealloc(Object* o) {
  auto* m = static_cast<Module*>(o);
  xdecref(m->dict);
  xdecref(m->name);
  free_object(o);
}

// Whether `name` is in sys.builtin_module_names (a native module).
bool is_builtin_module_name(ThreadState* ts, Object* name) {
  if (!name || !is_str(name) || !ts->interp->sys) return false;
  Object* names = dict_get_item_str_borrowed(ts, module_dict_borrowed(ts->interp->sys), "builtin_module_names");
  if (!names || !is_tuple(names)) {
    runtime::clear_exception(ts);
    return false;
  }
  for (int64_t i = 0; i < tuple_size(names); ++i) {
    if (is_str(tuple_items(names)[i]) && str_equal(tuple_items(names)[i], name)) return true;
  }
  return false;
}

Object* module_repr(ThreadState* ts, Object* o) {
  auto* m = static_cast<Module*>(o);
  Object* file = dict_get_item_borrowed(ts, m->dict, ts->id->dunder_file);
  Object* name = dict_get_item_borrowed(ts, m->dict, ts->id->dunder_name);
  std::string n = name && is_str(name) ? repr_utf8(ts, name) : "'?'";
  if (file && is_str(file)) return str_from(ts, "<module " + n + " from " + repr_utf8(ts, file) + ">");
  if (is_builtin_module_name(ts, name)) return str_from(ts, "<module " + n + " (built-in)>");
  return str_from(ts, "<module " + n + ">");
}

// Attribute access: the dict, then module-level __getattr__, then an
// AttributeError naming the module.
Object* module_getattro(ThreadState* ts, Object* o, Object* name) {
  Object* v = generic_get_attr(ts, o, name);
  if (v || !runtime::exception_matches(ts, &exc::AttributeError)) return v;
  runtime::clear_exception(ts);
  auto* m = static_cast<Module*>(o);
  Object* getattr = dict_get_item_borrowed(ts, m->dict, ts->id->dunder_getattr);
  if (getattr) return call(ts, getattr, &name, 1);
  Object* mname = dict_get_item_borrowed(ts, m->dict, ts->id->dunder_name);
  std::string mn = mname && is_str(mname) ? std::string(str_view(ts, mname)) : "?";
  return runtime::raise_format(ts, &exc::AttributeError, "module '%s' has no attribute '%s'", mn.c_str(),
                               std::string(str_view(ts, name)).c_str());
}

Object* module_new_slot(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "module", nargs, kwnames, 1, 2) < 0) return nullptr;
  if (!is_str(args[0])) return runtime::raise(ts, &exc::TypeError, "module.__init__() argument 'name' must be str");
  Object* m = module_new(ts, args[0]);
  if (m && nargs > 1 && dict_set_item(ts, module_dict_borrowed(m), ts->id->dunder_doc, args[1]) < 0) {
    decref(m);
    return nullptr;
  }
  (void)type;
  return m;
}

Object* get_dict(ThreadState*, Object* o) { return new_ref(static_cast<Module*>(o)->dict); }

// dir(module): the module's own __dir__ function if it defines one, else the
// names in its dict.
Object* module_dir(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Object* d = static_cast<Module*>(self)->dict;
  Object* custom = dict_get_item_str_borrowed(ts, d, "__dir__");
  if (custom) return call(ts, custom, nullptr, 0);
  if (runtime::has_exception(ts)) return nullptr;
  return dict_keys_list(ts, d);
}
const MethodDef module_methods[] = {{"__dir__", module_dir, kMethNoArgs}, {}};
const GetSetDef module_getsets[] = {{"__dict__", get_dict, nullptr}, {}};

}  // namespace

void init_module_type(Type& t) {
  t.name = "module";
  t.basicsize = sizeof(Module);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = module_dealloc;
  t.traverse = [](Object* o, VisitFn visit, void* arg) {
    Object* d = static_cast<Module*>(o)->dict;
    return d ? visit(d, arg) : 0;
  };
  t.repr = module_repr;
  t.getattro = module_getattro;
  t.new_ = module_new_slot;
  t.getsets = module_getsets;
  t.methods = module_methods;
  t.dictoffset = offsetof(Module, dict);
}

}  // namespace spindle::objects
