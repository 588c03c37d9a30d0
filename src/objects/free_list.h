// Per-thread free lists of dead objects of one exact builtin type (float,
// int, slice), as CPython keeps: the type's dealloc pushes, its constructor pops,
// skipping the allocator and the dealloc chain. A block may have come from
// another thread's pool; whoever finally frees it sends it back there
// (objects/small_alloc.h handles remote blocks). Sanitizer builds keep no
// lists, so every dead object is freed where ASan sees it.
//
// A list has no destructor: ThreadStates (and their pools) live as long as
// the process; when threads can end, their lists must go with them.
#pragma once

#include <cstring>

#include "objects/object.h"
#include "objects/small_alloc.h"

namespace spindle::objects {

template <class T, int kMax = 100>
struct FreeList {
  T* head = nullptr;  // linked through the first word after the header
  int count = 0;

  // Keeps a dead object; false (the caller frees it) when the list is full.
  bool push(T* o) {
#ifdef SPINDLE_SYSTEM_MALLOC
    (void)o;
    return false;
#else
    if (count >= kMax) return false;
    std::memcpy(link_of(o), &head, sizeof head);
    head = o;
    ++count;
    return true;
#endif
  }

  // A kept object with a fresh header (one reference, this thread's, of
  // `type`), its fields after the header left for the caller; nullptr if none.
  T* pop(Type* type) {
    T* o = head;
    if (!o) return nullptr;
    std::memcpy(&head, link_of(o), sizeof head);
    --count;
    uint16_t small_block = o->ob_flags & kObSmallBlock;
    init_header(o, type);
    o->ob_flags |= small_block;
    return o;
  }

 private:
  static void* link_of(T* o) { return reinterpret_cast<char*>(static_cast<Object*>(o)) + sizeof(Object); }
  static_assert(sizeof(T) >= sizeof(Object) + sizeof(T*), "room for the link");
};

}  // namespace spindle::objects
