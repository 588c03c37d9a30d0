// Object lifetime: allocation of instances and the final step of decref.
#include <cstring>

#include "objects/alloc.h"
#include "objects/type.h"
#include "runtime/errors.h"

namespace spindle::objects {

Object* alloc_object(ThreadState* ts, Type* type, size_t size) {
  void* mem = mem_calloc(1, size);
  if (!mem) return runtime::raise_no_memory(ts);
  auto* o = static_cast<Object*>(mem);
  init_header(o, type);
  if (has_flag(type, kTypeHeap)) incref(type);
  return o;
}

void free_object(Object* o) {
  Type* type = o->ob_type;
  mem_free(o);
  if (has_flag(type, kTypeHeap)) decref(type);
}

void dealloc(Object* o) {
  // Every type has a dealloc slot after type_ready (inherited from object's).
  o->ob_type->dealloc(o);
}

}  // namespace spindle::objects
