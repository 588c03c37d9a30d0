// copyreg: the helpers object.__reduce_ex__ names in its results
// (__newobj__, __newobj_ex__, _reconstructor) and the registry of reduction
// functions (dispatch_table, pickle, constructor).
//
// Not provided: the extension registry (add_extension, remove_extension,
// clear_extension_cache) and _slotnames (object.__getstate__ computes the
// slot names natively).
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;

namespace {

// cls.__new__(cls, *args)
Object* f_newobj(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "__newobj__", nargs, kwnames, 1, SIZE_MAX) < 0) return nullptr;
  Ref new_name = Ref::steal(str_intern_cstr(ts, "__new__"));
  Ref meth = Ref::steal(get_attr(ts, args[0], new_name.get()));
  if (!meth) return nullptr;
  return call(ts, meth.get(), args, nargs);
}

// cls.__new__(cls, *args, **kwargs)
Object* f_newobj_ex(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "__newobj_ex__", nargs, kwnames, 3, 3) < 0) return nullptr;
  Ref new_name = Ref::steal(str_intern_cstr(ts, "__new__"));
  Ref meth = Ref::steal(get_attr(ts, args[0], new_name.get()));
  if (!meth) return nullptr;
  Ref rest = Ref::steal(sequence_tuple(ts, args[1]));
  if (!rest) return nullptr;
  Ref all = Ref::steal(tuple_new(ts, static_cast<size_t>(tuple_size(rest.get())) + 1));
  if (!all) return nullptr;
  tuple_items(all.get())[0] = new_ref(args[0]);
  for (int64_t i = 0; i < tuple_size(rest.get()); ++i) tuple_items(all.get())[i + 1] = new_ref(tuple_items(rest.get())[i]);
  return call_tuple_dict(ts, meth.get(), all.get(), args[2]);
}

// object.__new__(cls), or base.__new__(cls, state) then base.__init__ if base has its own.
Object* f_reconstructor(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "_reconstructor", nargs, kwnames, 3, 3) < 0) return nullptr;
  Object* cls = args[0];
  Object* base = args[1];
  Object* state = args[2];
  if (base == &object_type) {
    Ref new_name = Ref::steal(str_intern_cstr(ts, "__new__"));
    Ref meth = Ref::steal(get_attr(ts, &object_type, new_name.get()));
    if (!meth) return nullptr;
    return call(ts, meth.get(), &cls, 1);
  }
  Ref new_name = Ref::steal(str_intern_cstr(ts, "__new__"));
  Ref meth = Ref::steal(get_attr(ts, base, new_name.get()));
  if (!meth) return nullptr;
  Object* new_args[2] = {cls, state};
  Ref obj = Ref::steal(call(ts, meth.get(), new_args, 2));
  if (!obj) return nullptr;
  Ref init_name = Ref::steal(str_intern_cstr(ts, "__init__"));
  Ref base_init = Ref::steal(get_attr(ts, base, init_name.get()));
  Ref object_init = Ref::steal(get_attr(ts, &object_type, init_name.get()));
  if (!base_init || !object_init) return nullptr;
  int same = rich_compare_bool(ts, base_init.get(), object_init.get(), CompareOp::Eq);
  if (same < 0) return nullptr;
  if (!same) {
    Object* init_args[2] = {obj.get(), state};
    Ref r = Ref::steal(call(ts, base_init.get(), init_args, 2));
    if (!r) return nullptr;
  }
  return obj.release();
}

Object* f_constructor(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "constructor", nargs, kwnames, 1, 1) < 0) return nullptr;
  if (!is_callable(args[0])) return raise(ts, &exc::TypeError, "constructors must be callable");
  return py_none();
}

// pickle(ob_type, pickle_function, constructor_ob=None): dispatch_table[ob_type] = pickle_function.
Object* f_pickle(ThreadState* ts, Object* module, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"ob_type", ParamKind::PositionalOrKeyword, kRequired},
                                      {"pickle_function", ParamKind::PositionalOrKeyword, kRequired},
                                      {"constructor_ob", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("pickle", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  if (!is_callable(av[1])) return raise(ts, &exc::TypeError, "reduction functions must be callable");
  Ref table = Ref::steal(get_attr_str(ts, module, "dispatch_table"));
  if (!table || set_item(ts, table.get(), av[0], av[1]) < 0) return nullptr;
  if (av.has(2) && !is_none(av[2]) && !is_callable(av[2])) return raise(ts, &exc::TypeError, "constructors must be callable");
  return py_none();
}

const MethodDef copyreg_functions[] = {
    {"__newobj__", f_newobj, kMethFast},
    {"__newobj_ex__", f_newobj_ex, kMethFast,
     "Used by pickle protocol 4, instead of __newobj__ to allow classes with\nkeyword-only arguments to be pickled "
     "correctly.\n"},
    {"_reconstructor", f_reconstructor, kMethFast},
    {"constructor", f_constructor, kMethFast},
    {"pickle", f_pickle, kMethKeywords},
    {},
};

}  // namespace

Object* init_copyreg_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "copyreg", copyreg_functions,
                                       "Helper to provide extensibility for pickle.\n\nThis is only useful to add pickle "
                                       "support for extension types defined in\nC, not for instances of user-defined "
                                       "classes.\n"));
  if (!m) return nullptr;
  if (add_object(ts, m.get(), "dispatch_table", dict_new(ts)) < 0) return nullptr;
  return m.release();
}

}  // namespace spindle::modules
