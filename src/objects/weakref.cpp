// Weak references (see weakref.h): the ref and proxy types and the lists
// of weakrefs hanging off their referents.
#include "objects/weakref.h"

#include <cstdio>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"

namespace spindle::objects {

using runtime::raise;
using runtime::raise_format;

Type weakref_type;
Type weakproxy_type;
Type weakcallableproxy_type;

namespace {

WeakRef* W(Object* o) { return static_cast<WeakRef*>(o); }
WeakRef* head_of(Object* o) { return static_cast<WeakRef*>(*weaklist_ptr(o)); }

bool is_proxy(const Object* o) { return o->ob_type == &weakproxy_type || o->ob_type == &weakcallableproxy_type; }
bool is_basic(const Object* o) { return !W(const_cast<Object*>(o))->callback && (o->ob_type == &weakref_type || is_proxy(o)); }

void unlink(WeakRef* wr) {
  if (!wr->referent) return;
  Object** head = weaklist_ptr(wr->referent);
  if (wr->prev) wr->prev->next = wr->next;
  else *head = wr->next;
  if (wr->next) wr->next->prev = wr->prev;
  wr->prev = wr->next = nullptr;
  wr->referent = nullptr;
}

// Links wr into o's list: basic refs and proxies first, then the others,
// newest first.
void link(Object* o, WeakRef* wr) {
  Object** head = weaklist_ptr(o);
  WeakRef* after = nullptr;
  if (!is_basic(wr)) {
    for (WeakRef* p = static_cast<WeakRef*>(*head); p && is_basic(p); p = p->next) after = p;
  }
  wr->referent = o;
  wr->prev = after;
  wr->next = after ? after->next : static_cast<WeakRef*>(*head);
  if (wr->next) wr->next->prev = wr;
  if (after) after->next = wr;
  else *head = wr;
}

// The existing basic ref (exact type, no callback) or proxy of `o`.
WeakRef* find_basic(Object* o, Type* type) {
  for (WeakRef* p = head_of(o); p && is_basic(p); p = p->next)
    if (p->ob_type == type) return p;
  return nullptr;
}

Object* make(ThreadState* ts, Type* type, Object* o, Object* callback) {
  if (!weaklist_ptr(o)) {
    return raise_format(ts, &exc::TypeError, "cannot create weak reference to '%s' object", tp_name(o));
  }
  if (callback && is_none(callback)) callback = nullptr;
  bool basic_type = type == &weakref_type || type == &weakproxy_type || type == &weakcallableproxy_type;
  if (!callback && basic_type) {
    if (WeakRef* existing = find_basic(o, type)) return new_ref(static_cast<Object*>(existing));
  }
  auto* wr = static_cast<WeakRef*>(has_flag(type, kTypeHeap) ? type_generic_alloc(ts, type, 0)
                                                              : alloc_object(ts, type, sizeof(WeakRef)));
  if (!wr) return nullptr;
  wr->callback = xnew_ref(callback);
  wr->hash = -1;
  link(o, wr);
  return wr;
}

void wr_dealloc(Object* o) {
  WeakRef* wr = W(o);
  unlink(wr);
  clear_ref(wr->callback);
  if (has_flag(o->ob_type, kTypeHeap)) object_default_dealloc(o);
  else free_object(o);
}

int wr_traverse(Object* o, VisitFn visit, void* arg) {
  Object* cb = W(o)->callback;
  return cb ? visit(cb, arg) : 0;
}

int wr_clear(Object* o) {
  unlink(W(o));
  clear_ref(W(o)->callback);
  return 0;
}

// --- ref ------------------------------------------------------------------

Object* ref_call(ThreadState* ts, Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (nargs != 0 || (kwnames && tuple_size(kwnames) > 0)) {
    return raise_format(ts, &exc::TypeError, "weakref() takes exactly 0 arguments (%zu given)", nargs);
  }
  Object* r = W(self)->referent;
  return new_ref(r ? r : py_none());
}

int64_t ref_hash(ThreadState* ts, Object* self) {
  WeakRef* wr = W(self);
  if (wr->hash != -1) return wr->hash;
  if (!wr->referent) {
    raise(ts, &exc::TypeError, "weak object has gone away");
    return -1;
  }
  Ref keep = Ref::borrow(wr->referent);
  wr->hash = hash(ts, keep.get());
  return wr->hash;
}

Object* ref_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_subtype(b->ob_type, &weakref_type)) {
    return new_ref(py_not_implemented());
  }
  Object* x = W(a)->referent;
  Object* y = W(b)->referent;
  if (!x || !y) {
    bool same = a == b;
    return new_ref(py_bool(op == CompareOp::Eq ? same : !same));
  }
  Ref kx = Ref::borrow(x), ky = Ref::borrow(y);
  return rich_compare(ts, kx.get(), ky.get(), op);
}

Object* ref_repr(ThreadState* ts, Object* self) {
  char me[32], it[32];
  std::snprintf(me, sizeof me, "%p", static_cast<void*>(self));
  Object* r = W(self)->referent;
  if (!r) return str_from_format(ts, "<weakref at %s; dead>", me);
  std::snprintf(it, sizeof it, "%p", static_cast<void*>(r));
  Ref keep = Ref::borrow(r);
  Ref name = Ref::steal(lookup_attr(ts, r, ts->id->dunder_name));
  if (runtime::has_exception(ts)) runtime::clear_exception(ts);
  if (name && is_str(name.get())) {
    return str_from_format(ts, "<weakref at %s; to '%s' at %s (%s)>", me, type_tp_name(r->ob_type), it,
                           std::string(str_view(ts, name.get())).c_str());
  }
  return str_from_format(ts, "<weakref at %s; to '%s' at %s>", me, type_tp_name(r->ob_type), it);
}

Object* ref_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0 && type == &weakref_type) {
    return raise(ts, &exc::TypeError, "ref() takes no keyword arguments");
  }
  if (nargs < 1 || nargs > 2) {
    return raise_format(ts, &exc::TypeError, "__new__ expected at most 2 arguments, got %zu", nargs);
  }
  return make(ts, type, args[0], nargs > 1 ? args[1] : nullptr);
}

int ref_init(ThreadState*, Object*, Object* const*, size_t, Object*) { return 0; }

Object* ref_get_callback(ThreadState*, Object* self) {
  Object* cb = W(self)->callback;
  return new_ref(cb ? cb : py_none());
}

const GetSetDef ref_getsets[] = {{"__callback__", ref_get_callback, nullptr}, {}};

// --- proxy ----------------------------------------------------------------

// The live referent of a proxy (borrowed), or ReferenceError.
Object* referent_of(ThreadState* ts, Object* proxy) {
  Object* r = W(proxy)->referent;
  if (!r) raise(ts, &exc::ReferenceError, "weakly-referenced object no longer exists");
  return r;
}

#define PROXY_REFERENT(ts, self, fail)   \
  Object* raw_ = referent_of(ts, self); \
  if (!raw_) return fail;               \
  Ref obj = Ref::borrow(raw_)

Object* proxy_getattr(ThreadState* ts, Object* self, Object* name) {
  PROXY_REFERENT(ts, self, nullptr);
  return get_attr(ts, obj.get(), name);
}
int proxy_setattr(ThreadState* ts, Object* self, Object* name, Object* value) {
  PROXY_REFERENT(ts, self, -1);
  return set_attr(ts, obj.get(), name, value);
}
Object* proxy_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  PROXY_REFERENT(ts, self, nullptr);
  return call(ts, obj.get(), args, nargs, kwnames);
}
Object* proxy_str(ThreadState* ts, Object* self) {
  PROXY_REFERENT(ts, self, nullptr);
  return str(ts, obj.get());
}
Object* proxy_repr(ThreadState* ts, Object* self) {
  char me[32], it[32];
  std::snprintf(me, sizeof me, "%p", static_cast<void*>(self));
  Object* r = W(self)->referent;
  if (!r) return str_from_format(ts, "<weakproxy at %s; dead>", me);
  std::snprintf(it, sizeof it, "%p", static_cast<void*>(r));
  return str_from_format(ts, "<weakproxy at %s; to '%s' at %s>", me, type_tp_name(r->ob_type), it);
}
int proxy_bool(ThreadState* ts, Object* self) {
  PROXY_REFERENT(ts, self, -1);
  return is_true(ts, obj.get());
}
int64_t proxy_len(ThreadState* ts, Object* self) {
  PROXY_REFERENT(ts, self, -1);
  return length(ts, obj.get());
}
Object* proxy_getitem(ThreadState* ts, Object* self, Object* key) {
  PROXY_REFERENT(ts, self, nullptr);
  return get_item(ts, obj.get(), key);
}
int proxy_setitem(ThreadState* ts, Object* self, Object* key, Object* value) {
  PROXY_REFERENT(ts, self, -1);
  return value ? set_item(ts, obj.get(), key, value) : del_item(ts, obj.get(), key);
}
int proxy_contains(ThreadState* ts, Object* self, Object* item) {
  PROXY_REFERENT(ts, self, -1);
  return contains(ts, obj.get(), item);
}
Object* proxy_iter(ThreadState* ts, Object* self) {
  PROXY_REFERENT(ts, self, nullptr);
  return get_iter(ts, obj.get());
}
Object* proxy_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  Ref x = Ref::borrow(a), y = Ref::borrow(b);
  if (is_proxy(a)) {
    Object* r = referent_of(ts, a);
    if (!r) return nullptr;
    x = Ref::borrow(r);
  }
  if (is_proxy(b)) {
    Object* r = referent_of(ts, b);
    if (!r) return nullptr;
    y = Ref::borrow(r);
  }
  return rich_compare(ts, x.get(), y.get(), op);
}
int64_t proxy_hash(ThreadState* ts, Object* self) {
  raise_format(ts, &exc::TypeError, "unhashable type: '%s'", type_tp_name(self->ob_type));
  return -1;
}

void init_proxy_common(Type& t, const char* name) {
  t.name = name;
  t.basicsize = sizeof(WeakRef);
  t.flags = kTypeHaveGC;
  t.dealloc = wr_dealloc;
  t.traverse = wr_traverse;
  t.clear = wr_clear;
  t.getattro = proxy_getattr;
  t.setattro = proxy_setattr;
  t.str = proxy_str;
  t.repr = proxy_repr;
  t.nb_bool = proxy_bool;
  t.mp_length = proxy_len;
  t.mp_subscript = proxy_getitem;
  t.mp_ass_subscript = proxy_setitem;
  t.sq_contains = proxy_contains;
  t.iter = proxy_iter;
  t.richcompare = proxy_richcompare;
  t.hash = proxy_hash;
}

}  // namespace

Object* weakref_new(ThreadState* ts, Type* type, Object* o, Object* callback) { return make(ts, type, o, callback); }

Object* weakproxy_new(ThreadState* ts, Object* o, Object* callback) {
  return make(ts, is_callable(o) ? &weakcallableproxy_type : &weakproxy_type, o, callback);
}

int64_t weakref_count(Object* o) {
  Object** head = weaklist_ptr(o);
  int64_t n = 0;
  for (WeakRef* p = head ? static_cast<WeakRef*>(*head) : nullptr; p; p = p->next) ++n;
  return n;
}

Object* weakref_list(ThreadState* ts, Object* o) {
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  Object** head = weaklist_ptr(o);
  for (WeakRef* p = head ? static_cast<WeakRef*>(*head) : nullptr; p; p = p->next)
    if (list_append(ts, out.get(), p) < 0) return nullptr;
  return out.release();
}

void detach_weakrefs(Object* o, std::vector<Object*>* with_callbacks) {
  Object** head = weaklist_ptr(o);
  if (!head) return;
  while (WeakRef* wr = static_cast<WeakRef*>(*head)) {
    unlink(wr);
    if (wr->callback && with_callbacks && refcount(wr) > 0) with_callbacks->push_back(new_ref(static_cast<Object*>(wr)));
  }
}

void call_weakref_callback(ThreadState* ts, Object* wr) {
  Object* cb = W(wr)->callback;
  if (!cb) return;
  Ref keep = Ref::borrow(cb);
  Object* r = call(ts, cb, &wr, 1);
  if (!r) runtime::write_unraisable(ts, cb);
  xdecref(r);
}

void clear_weakrefs(Object* o) {
  Object** head = weaklist_ptr(o);
  if (!head || !*head) return;
  std::vector<Object*> callbacks;
  detach_weakrefs(o, &callbacks);
  ThreadState* ts = runtime::current_thread_state();
  if (ts && !callbacks.empty()) {
    Object* saved = runtime::fetch_exception(ts);
    for (Object* wr : callbacks) call_weakref_callback(ts, wr);
    runtime::restore_exception(ts, saved);
  }
  for (Object* wr : callbacks) decref(wr);
}

void init_weakref_type(Type& t) {
  t.name = "weakref.ReferenceType";
  t.basicsize = sizeof(WeakRef);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = wr_dealloc;
  t.traverse = wr_traverse;
  t.clear = wr_clear;
  t.call = ref_call;
  t.hash = ref_hash;
  t.richcompare = ref_richcompare;
  t.repr = ref_repr;
  t.new_ = ref_new;
  t.init = ref_init;
  t.getsets = ref_getsets;
  t.weaklistoffset = 0;
}

void init_weakproxy_type(Type& t) { init_proxy_common(t, "weakref.ProxyType"); }

void init_weakcallableproxy_type(Type& t) {
  init_proxy_common(t, "weakref.CallableProxyType");
  t.call = proxy_call;
}

}  // namespace spindle::objects
