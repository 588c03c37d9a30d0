// Object lifetime: allocation of instances and the final step of decref.
#include <cstring>

#include "objects/alloc.h"
#include "objects/small_alloc.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"

namespace spindle::objects {

Object* alloc_object(ThreadState* ts, Type* type, size_t size) {
  bool gc = has_flag(type, kTypeHaveGC) && ts && ts->gc_heap;
  if (gc) runtime::gc_note_allocation(ts);
  bool small = !gc && size == kSmallBlockBytes && ts && ts->small_pool;
  void* mem = gc ? runtime::gc_alloc(ts, size) : small ? small_alloc(ts->small_pool) : mem_calloc(1, size);
  if (!mem) return runtime::raise_no_memory(ts);
  auto* o = static_cast<Object*>(mem);
  init_header(o, type);
  if (small) o->ob_flags |= kObSmallBlock;
  if (gc) runtime::gc_track(o);
  if (has_flag(type, kTypeHeap)) incref(type);
  return o;
}

void free_object(Object* o) {
  Type* type = o->ob_type;
  runtime::gc_forget(o);
  if (o->ob_flags & kObSmallBlock) small_free(o);
  else mem_free(o);
  if (has_flag(type, kTypeHeap)) decref(type);
}

void dealloc(Object* o) {
  // A dying object leaves the collector's view before its fields go.
  if (runtime::gc_is_tracked(o)) {
    runtime::gc_untrack(o);
    if (ThreadState* ts = runtime::current_thread_state()) runtime::gc_note_deallocation(ts);
  }
  // Every type has a dealloc slot after type_ready (inherited from object's).
  o->ob_type->dealloc(o);
}

}  // namespace spindle::objects
