// itertools' iterators that share one input between several consumers:
// groupby (with its _grouper sub-iterators) and tee (with the _tee_dataobject
// buffer its copies share).
//
// groupby invariants: the groupby object owns the input and the lookahead
// (`currkey`/`currvalue`: the next item not yet handed out, and its key).
// A _grouper may produce items only while it is the groupby's current
// grouper (`currgrouper`, compared by address, never dereferenced): advancing
// the outer iterator starts a new group and silently ends the old one.
//
// tee invariants: the items read from the input are kept in a chain of
// _tee_dataobject blocks of kTeeBlock items; each _tee holds the block and
// the index of the next item it will produce, so copies advance
// independently and a block is freed when no _tee points into it or into an
// earlier block. Reading into a block whose next() is running raises
// RuntimeError (the input re-entered the tee).
#include "modules/iter_support.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;

Type itertools_groupby_type;
Type itertools_grouper_type;
Type itertools_tee_type;
Type itertools_tee_dataobject_type;

namespace {

// ---------------------------------------------------------------------------
// groupby(iterable, key=None)
// ---------------------------------------------------------------------------

struct GroupBy : Object {
  Object* it = nullptr;
  Object* keyfunc = nullptr;   // None: the items are their keys
  Object* tgtkey = nullptr;    // the key of the current group
  Object* currkey = nullptr;   // lookahead key (nullptr: none read)
  Object* currvalue = nullptr; // lookahead item
  const Object* currgrouper = nullptr;  // identity only (not owned)
};

struct Grouper : Object {
  Object* parent = nullptr;  // the groupby (owned)
  Object* tgtkey = nullptr;  // this group's key
};

GroupBy* G(Object* o) { return static_cast<GroupBy*>(o); }

void groupby_dealloc(Object* o) {
  release_and_free(o, {G(o)->it, G(o)->keyfunc, G(o)->tgtkey, G(o)->currkey, G(o)->currvalue});
}
int groupby_traverse(Object* o, VisitFn visit, void* arg) {
  return visit_all({G(o)->it, G(o)->keyfunc, G(o)->tgtkey, G(o)->currkey, G(o)->currvalue}, visit, arg);
}

Object* groupby_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"iterable", ParamKind::PositionalOrKeyword, kRequired},
                                      {"key", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("groupby", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref it = Ref::steal(get_iter(ts, av[0]));
  if (!it) return nullptr;
  GroupBy* g = new_instance<GroupBy>(ts, type);
  if (!g) return nullptr;
  g->it = it.release();
  g->keyfunc = new_ref(av.has(1) ? av[1] : py_none());
  return g;
}

// Reads the next item and its key into the lookahead. 0, or -1 (exhausted
// without an exception, or an error).
int groupby_step(ThreadState* ts, GroupBy* g) {
  Object* value = iter_next(ts, g->it);
  if (!value) return -1;
  Object* key;
  if (is_none(g->keyfunc)) {
    key = new_ref(value);
  } else {
    key = call(ts, g->keyfunc, &value, 1);
    if (!key) {
      decref(value);
      return -1;
    }
  }
  set_ref(g->currvalue, value);
  set_ref(g->currkey, key);
  return 0;
}

Object* groupby_next(ThreadState* ts, Object* o) {
  GroupBy* g = G(o);
  g->currgrouper = nullptr;
  // Skip the rest of the current group.
  for (;;) {
    if (g->currkey) {
      if (!g->tgtkey) break;
      int eq = rich_compare_bool(ts, g->tgtkey, g->currkey, CompareOp::Eq);
      if (eq < 0) return nullptr;
      if (eq == 0) break;
    }
    if (groupby_step(ts, g) < 0) return nullptr;
  }
  set_ref(g->tgtkey, new_ref(g->currkey));
  auto* grouper = static_cast<Grouper*>(alloc_object(ts, &itertools_grouper_type, sizeof(Grouper)));
  if (!grouper) return nullptr;
  grouper->parent = new_ref(o);
  grouper->tgtkey = new_ref(g->tgtkey);
  g->currgrouper = grouper;
  Object* result = tuple_pack(ts, {g->currkey, grouper});
  decref(grouper);
  return result;
}

Grouper* GR(Object* o) { return static_cast<Grouper*>(o); }

void grouper_dealloc(Object* o) { release_and_free(o, {GR(o)->parent, GR(o)->tgtkey}); }
int grouper_traverse(Object* o, VisitFn visit, void* arg) { return visit_all({GR(o)->parent, GR(o)->tgtkey}, visit, arg); }

Object* grouper_next(ThreadState* ts, Object* o) {
  GroupBy* g = G(GR(o)->parent);
  if (g->currgrouper != o) return nullptr;
  if (!g->currvalue && groupby_step(ts, g) < 0) return nullptr;
  int eq = rich_compare_bool(ts, GR(o)->tgtkey, g->currkey, CompareOp::Eq);
  if (eq <= 0) return nullptr;
  Object* r = g->currvalue;
  g->currvalue = nullptr;
  clear_ref(g->currkey);
  return r;
}

// ---------------------------------------------------------------------------
// tee(iterable, n=2), _tee and _tee_dataobject
// ---------------------------------------------------------------------------

constexpr int kTeeBlock = 57;

struct TeeData : Object {
  Object* it = nullptr;        // the shared input
  Object* next = nullptr;      // the following block (created when this one is full)
  int count = 0;               // items read into `values`
  bool running = false;        // reading from `it` right now
  Object* values[kTeeBlock] = {};
};

struct Tee : Object {
  TeeData* data = nullptr;  // owned
  int index = 0;            // next item of `data` to produce
};

TeeData* TD(Object* o) { return static_cast<TeeData*>(o); }
Tee* T(Object* o) { return static_cast<Tee*>(o); }

TeeData* teedata_new(ThreadState* ts, Object* it) {
  auto* d = static_cast<TeeData*>(alloc_object(ts, &itertools_tee_dataobject_type, sizeof(TeeData)));
  if (d) d->it = new_ref(it);
  return d;
}

void teedata_dealloc(Object* o) {
  TeeData* d = TD(o);
  for (int i = 0; i < d->count; ++i) decref(d->values[i]);
  // Release the chain iteratively so a long one cannot overflow the stack.
  Object* next = d->next;
  d->next = nullptr;
  while (next && refcount(next) == 1) {
    Object* after = TD(next)->next;
    TD(next)->next = nullptr;
    decref(next);
    next = after;
  }
  xdecref(next);
  release_and_free(o, {d->it});
}
int teedata_traverse(Object* o, VisitFn visit, void* arg) {
  TeeData* d = TD(o);
  if (visit_all({d->it, d->next}, visit, arg)) return 1;
  for (int i = 0; i < d->count; ++i)
    if (visit(d->values[i], arg)) return 1;
  return 0;
}

// Item i of block d (reading it from the input if needed): new reference.
Object* teedata_item(ThreadState* ts, TeeData* d, int i) {
  if (i < d->count) return new_ref(d->values[i]);
  if (d->running) return raise(ts, &exc::RuntimeError, "cannot re-enter the tee iterator");
  d->running = true;
  Object* v = iter_next(ts, d->it);
  d->running = false;
  if (!v) return nullptr;
  d->values[d->count++] = v;
  return new_ref(v);
}

Object* tee_make(ThreadState* ts, TeeData* data, int index) {
  Tee* t = static_cast<Tee*>(alloc_object(ts, &itertools_tee_type, sizeof(Tee)));
  if (!t) return nullptr;
  t->data = new_ref(data);
  t->index = index;
  return t;
}

// A _tee over the iterator `it` (a copy of it if it is a _tee itself).
Object* tee_from_iterator(ThreadState* ts, Object* it) {
  if (it->ob_type == &itertools_tee_type) return tee_make(ts, T(it)->data, T(it)->index);
  TeeData* d = teedata_new(ts, it);
  if (!d) return nullptr;
  Object* t = tee_make(ts, d, 0);
  decref(d);
  return t;
}

Object* tee_new(ThreadState* ts, Type*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "_tee", kwnames) < 0 || check_nargs(ts, "_tee", nargs, 1, 1) < 0) return nullptr;
  Ref it = Ref::steal(get_iter(ts, args[0]));
  if (!it) return nullptr;
  return tee_from_iterator(ts, it.get());
}

void tee_dealloc(Object* o) { release_and_free(o, {T(o)->data}); }
int tee_traverse(Object* o, VisitFn visit, void* arg) { return visit_all({T(o)->data}, visit, arg); }

Object* tee_next(ThreadState* ts, Object* o) {
  Tee* t = T(o);
  if (t->index >= kTeeBlock) {
    TeeData* d = t->data;
    if (!d->next) {
      d->next = teedata_new(ts, d->it);
      if (!d->next) return nullptr;
    }
    set_ref(t->data, new_ref(TD(d->next)));
    t->index = 0;
  }
  Object* v = teedata_item(ts, t->data, t->index);
  if (v) ++t->index;
  return v;
}

Object* tee_copy(ThreadState* ts, Object* o, Object* const*, size_t, Object*) {
  return tee_make(ts, T(o)->data, T(o)->index);
}

const MethodDef tee_methods[] = {
    {"__copy__", tee_copy, kMethNoArgs, "Returns an independent iterator."},
    {},
};

}  // namespace

Object* itertools_tee(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object*) {
  if (check_nargs(ts, "tee", nargs, 1, 2) < 0) return nullptr;
  int64_t n = 2;
  if (nargs == 2) {
    n = ssize_arg(ts, args[1]);
    if (n == -1 && runtime::has_exception(ts)) return nullptr;
    if (n < 0) return raise(ts, &exc::ValueError, "n must be >= 0");
  }
  Ref result = Ref::steal(tuple_new(ts, static_cast<size_t>(n)));
  if (!result || n == 0) return result.release();
  Ref it = Ref::steal(get_iter(ts, args[0]));
  if (!it) return nullptr;
  Ref copy_name = Ref::steal(str_from_cstr(ts, "__copy__"));
  if (!copy_name) return nullptr;
  Ref copyfunc = Ref::steal(lookup_attr(ts, it.get(), copy_name.get()));
  if (!copyfunc && runtime::has_exception(ts)) return nullptr;
  Ref first;
  if (copyfunc) {
    first = std::move(it);
  } else {
    first = Ref::steal(tee_from_iterator(ts, it.get()));
    if (!first) return nullptr;
    copyfunc = Ref::steal(lookup_attr(ts, first.get(), copy_name.get()));
    if (!copyfunc) return nullptr;
  }
  tuple_items(result.get())[0] = first.release();
  for (int64_t i = 1; i < n; ++i) {
    Object* c = call(ts, copyfunc.get(), nullptr, 0);
    if (!c) return nullptr;
    tuple_items(result.get())[i] = c;
  }
  return result.release();
}

void init_itertools_groupby_type(Type& t) {
  t.name = "itertools.groupby";
  t.doc = "make an iterator that returns consecutive keys and groups from the iterable";
  t.basicsize = sizeof(GroupBy);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = groupby_dealloc;
  t.traverse = groupby_traverse;
  t.iter = iter_self;
  t.iternext = groupby_next;
  t.new_ = groupby_new;
}

void init_itertools_grouper_type(Type& t) {
  t.name = "itertools._grouper";
  t.basicsize = sizeof(Grouper);
  t.flags = kTypeHaveGC;
  t.dealloc = grouper_dealloc;
  t.traverse = grouper_traverse;
  t.iter = iter_self;
  t.iternext = grouper_next;
}

void init_itertools_tee_dataobject_type(Type& t) {
  t.name = "itertools._tee_dataobject";
  t.doc = "teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects.";
  t.basicsize = sizeof(TeeData);
  t.flags = kTypeHaveGC;
  t.dealloc = teedata_dealloc;
  t.traverse = teedata_traverse;
}

void init_itertools_tee_type(Type& t) {
  t.name = "itertools._tee";
  t.doc = "Iterator wrapped to make it copyable.";
  t.basicsize = sizeof(Tee);
  t.flags = kTypeHaveGC;
  t.dealloc = tee_dealloc;
  t.traverse = tee_traverse;
  t.iter = iter_self;
  t.iternext = tee_next;
  t.new_ = tee_new;
  t.methods = tee_methods;
}

}  // namespace spindle::modules
