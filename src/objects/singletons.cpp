// None, NotImplemented and Ellipsis, and their three types. Each type has
// exactly one instance (calling the type returns it) and is not subclassable.
#include "objects/singletons.h"

#include "objects/args.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {

Type none_type;
Type not_implemented_type;
Type ellipsis_type;

constinit Object none_object{&none_type};
constinit Object not_implemented_object{&not_implemented_type};
constinit Object ellipsis_object{&ellipsis_type};

namespace {

// The singleton types all take no arguments and return their one instance.
template <Object* Instance>
Object* singleton_new(ThreadState* ts, Type* type, Object* const*, size_t nargs, Object* kwnames) {
  if (nargs != 0 || kwnames_count(kwnames) != 0) {
    return runtime::raise_format(ts, &exc::TypeError, "%s takes no arguments", type_tp_name(type));
  }
  return Instance;
}

Object* none_repr(ThreadState* ts, Object*) { return str_from_format(ts, "None"); }
Object* not_implemented_repr(ThreadState* ts, Object*) { return str_from_format(ts, "NotImplemented"); }
Object* ellipsis_repr(ThreadState* ts, Object*) { return str_from_format(ts, "Ellipsis"); }
int none_bool(ThreadState*, Object*) { return 0; }

// Singletons are immortal: dealloc is never reached.
void singleton_dealloc(Object*) {}

void init_singleton(Type& t, const char* name, UnaryFn repr_fn, NewFn new_fn) {
  t.name = name;
  t.basicsize = sizeof(Object);
  t.flags = kTypeImmutable;
  t.repr = repr_fn;
  t.new_ = new_fn;
  t.dealloc = singleton_dealloc;
}

}  // namespace

void init_none_type(Type& t) {
  init_singleton(t, "NoneType", none_repr, singleton_new<&none_object>);
  t.nb_bool = none_bool;
}
void init_not_implemented_type(Type& t) {
  init_singleton(t, "NotImplementedType", not_implemented_repr, singleton_new<&not_implemented_object>);
}
void init_ellipsis_type(Type& t) { init_singleton(t, "ellipsis", ellipsis_repr, singleton_new<&ellipsis_object>); }

}  // namespace spindle::objects
