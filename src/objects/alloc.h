// Memory for objects and their out-of-line storage, through mimalloc
// (per-thread heaps; the cycle collector walks the GC heap, runtime/gc.h).
// Sanitizer builds define SPINDLE_SYSTEM_MALLOC: every byte then goes
// through malloc, where AddressSanitizer and LeakSanitizer can see it.
//
// Invariant: object memory comes from alloc_object() and goes back through
// free_object() (called by the type's dealloc slot); raw buffers owned by an
// object (list items, dict tables, big strings) use mem_alloc / mem_realloc /
// mem_free. A failed allocation raises MemoryError and returns nullptr.
#pragma once

#include <cstddef>
#include <cstdlib>

#ifdef SPINDLE_SYSTEM_MALLOC
#include <malloc.h>
#else
#include <mimalloc.h>
#endif

#include "objects/object.h"

namespace spindle::objects {

// Raw buffers. nullptr on failure (no exception: callers raise_no_memory()).
#ifdef SPINDLE_SYSTEM_MALLOC
[[nodiscard]] inline void* mem_alloc(size_t n) { return std::malloc(n ? n : 1); }
[[nodiscard]] inline void* mem_calloc(size_t count, size_t size) { return std::calloc(count ? count : 1, size ? size : 1); }
[[nodiscard]] inline void* mem_realloc(void* p, size_t n) { return std::realloc(p, n ? n : 1); }
inline void mem_free(void* p) { std::free(p); }
[[nodiscard]] inline size_t mem_usable_size(void* p) { return malloc_usable_size(p); }
#else
[[nodiscard]] inline void* mem_alloc(size_t n) { return mi_malloc(n); }
[[nodiscard]] inline void* mem_calloc(size_t count, size_t size) { return mi_calloc(count, size); }
[[nodiscard]] inline void* mem_realloc(void* p, size_t n) { return mi_realloc(p, n); }
inline void mem_free(void* p) { mi_free(p); }
[[nodiscard]] inline size_t mem_usable_size(void* p) { return mi_usable_size(p); }
#endif

// Allocates `size` bytes (zeroed) for an instance of `type` and initializes the
// header (refcount 1, owned by this thread). Heap types are increfed by the
// instance. nullptr with MemoryError set on failure.
[[nodiscard]] Object* alloc_object(ThreadState* ts, Type* type, size_t size);
// Returns the memory of a dead object (drops the instance's reference to a
// heap type).
void free_object(Object* o);

}  // namespace spindle::objects
