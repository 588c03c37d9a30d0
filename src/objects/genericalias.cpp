// types.GenericAlias: what list[int], dict[str, int] evaluate to (PEP 585).
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"

namespace spindle::objects {

Type generic_alias_type;

namespace {

struct GenericAlias : Object {
  Object* origin = nullptr;  // the class
  Object* args = nullptr;    // tuple
};

GenericAlias* G(Object* o) { return static_cast<GenericAlias*>(o); }

void ga_dealloc(Object* o) {
  xdecref(G(o)->origin);
  xdecref(G(o)->args);
  free_object(o);
}

// repr of one argument: classes by qualified name, ... as "...".
std::string arg_repr(ThreadState* ts, Object* a) {
  if (a == py_ellipsis()) return "...";
  if (a->ob_type == &generic_alias_type) return repr_utf8(ts, a);
  if (has_flag(a->ob_type, kTypeTypeSubclass)) {
    Ref mod = Ref::steal(lookup_attr(ts, a, ts->id->dunder_module));
    Ref qual = Ref::steal(lookup_attr(ts, a, ts->id->dunder_qualname));
    runtime::clear_exception(ts);
    if (qual && is_str(qual.get())) {
      std::string q(str_view(ts, qual.get()));
      if (mod && is_str(mod.get()) && !str_equal_cstr(mod.get(), "builtins")) return std::string(str_view(ts, mod.get())) + "." + q;
      return q;
    }
  }
  return repr_utf8(ts, a);
}

Object* ga_repr(ThreadState* ts, Object* o) {
  std::string s = arg_repr(ts, G(o)->origin) + "[";
  for (int64_t i = 0; i < tuple_size(G(o)->args); ++i) s += (i ? ", " : "") + arg_repr(ts, tuple_items(G(o)->args)[i]);
  return str_from(ts, s + "]");
}

Object* ga_call(ThreadState* ts, Object* o, Object* const* args, size_t nargs, Object* kwnames) {
  return call(ts, G(o)->origin, args, nargs, kwnames);
}

Object* ga_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (b->ob_type != &generic_alias_type || (op != CompareOp::Eq && op != CompareOp::Ne)) return new_ref(py_not_implemented());
  int eq = G(a)->origin == G(b)->origin ? rich_compare_bool(ts, G(a)->args, G(b)->args, CompareOp::Eq) : 0;
  if (eq < 0) return nullptr;
  return py_bool((eq == 1) == (op == CompareOp::Eq));
}

Object* get_origin(ThreadState*, Object* o) { return new_ref(G(o)->origin); }
Object* get_args(ThreadState*, Object* o) { return new_ref(G(o)->args); }
const GetSetDef ga_getsets[] = {{"__origin__", get_origin, nullptr}, {"__args__", get_args, nullptr}, {}};

}  // namespace

Object* generic_alias_new(ThreadState* ts, Object* origin, Object* item) {
  Ref args = Ref::steal(is_tuple(item) ? new_ref(item) : tuple_pack(ts, {item}));
  if (!args) return nullptr;
  auto* g = static_cast<GenericAlias*>(alloc_object(ts, &generic_alias_type, sizeof(GenericAlias)));
  if (!g) return nullptr;
  g->origin = new_ref(origin);
  g->args = args.release();
  return g;
}

// cls.__class_getitem__(item), shared by the builtin generic classes.
Object* class_getitem(ThreadState* ts, Object* cls, Object* const* args, size_t, Object*) {
  return generic_alias_new(ts, cls, args[0]);
}

void init_generic_alias_type(Type& t) {
  t.name = "types.GenericAlias";
  t.basicsize = sizeof(GenericAlias);
  t.dealloc = ga_dealloc;
  t.flags |= kTypeHaveGC;
  t.traverse = [](Object* o, VisitFn visit, void* arg) {
    for (Object* c : {G(o)->origin, G(o)->args})
      if (c && visit(c, arg)) return 1;
    return 0;
  };
  t.repr = ga_repr;
  t.call = ga_call;
  t.richcompare = ga_richcompare;
  t.getsets = ga_getsets;
}

}  // namespace spindle::objects
