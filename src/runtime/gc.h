// The cycle collector: finds groups of container objects that only keep each
// other alive and frees them (see docs/internals/memory.md, "Cycles").
//
// Invariants:
//   * Objects of types with kTypeHaveGC come from the thread's GC heap (a
//     mimalloc heap, ThreadState::gc_heap) and are *tracked* (kGcTracked in
//     ob_gc_bits) from allocation until their dealloc starts. A collection
//     finds its candidates by walking that heap: no per-object list links.
//   * A type's traverse slot visits exactly the references the object owns
//     (never a borrowed pointer): the collector subtracts those visits from
//     reference counts, so a visit too many would free a live object.
//   * A type's clear slot drops the references that can take part in a
//     cycle and leaves the object valid (its dealloc still runs later).
//   * ob_tid holds a scratch count for candidates during a collection and is
//     restored before any Python code runs (the world is one thread today).
#pragma once

#include <cstdint>

#include "objects/object.h"

namespace spindle::runtime {

using objects::Object;

enum GcBit : uint8_t {
  kGcTracked = 1u << 0,    // a candidate for collections
  kGcFinalized = 1u << 1,  // __del__ already ran (PEP 442: at most once)
  kGcGenShift = 2,         // two bits: generation 0..2
  kGcGenMask = 3u << 2,
  kGcFrozen = 1u << 4,     // gc.freeze(): left out of every collection
  kGcCandidate = 1u << 5,  // scratch bits of a running collection
  kGcReachable = 1u << 6,
};

inline constexpr int kGcGenerations = 3;

// Per-interpreter collector state (Interpreter::gc).
struct GcState {
  bool enabled = true;
  bool collecting = false;
  int threshold[kGcGenerations] = {700, 10, 10};  // CPython's defaults
  // count[0]: GC allocations minus deallocations since the last collection;
  // count[g]: collections of generation g-1 since the last of generation g.
  int64_t count[kGcGenerations] = {0, 0, 0};
  int64_t long_lived_total = 0;    // survivors of the last full collection
  int64_t long_lived_pending = 0;  // objects that outlived gen 0 since then
  int64_t heap_tracked = 0;        // tracked objects left by the last collection
  int64_t collections[kGcGenerations] = {0, 0, 0};
  int64_t collected[kGcGenerations] = {0, 0, 0};
  int64_t uncollectable[kGcGenerations] = {0, 0, 0};
  int debug = 0;
  // SPINDLE_GC_STRESS=N in the environment: collect every N GC allocations,
  // or every 1/64th of the heap when that is more (tests use it to shake out
  // traverse/clear bugs without going quadratic on big heaps).
  bool stress = false;
  Object* garbage = nullptr;    // gc.garbage (a list, DEBUG_SAVEALL)
  Object* callbacks = nullptr;  // gc.callbacks (a list)
};

[[nodiscard]] inline bool gc_is_tracked(const Object* o) { return (o->ob_gc_bits & kGcTracked) != 0; }
inline void gc_track(Object* o) { o->ob_gc_bits |= kGcTracked; }
inline void gc_untrack(Object* o) { o->ob_gc_bits &= static_cast<uint8_t>(~kGcTracked); }

// The GC heap of a thread (ThreadState::gc_heap): a mimalloc heap, or with
// SPINDLE_SYSTEM_MALLOC a registry of the malloc'ed GC objects.
[[nodiscard]] void* gc_heap_new();
// Zeroed memory for a GC object from ts's GC heap; nullptr on failure.
[[nodiscard]] void* gc_alloc(ThreadState* ts, size_t size);
// free_object's hook: with SPINDLE_SYSTEM_MALLOC, drops `o` from the registry.
#ifdef SPINDLE_SYSTEM_MALLOC
void gc_forget(Object* o);
#else
inline void gc_forget(Object*) {}
#endif

// Called by alloc_object before it allocates a GC object: counts it and runs
// the collections the thresholds ask for.
void gc_note_allocation(ThreadState* ts);
// Called when a tracked object dies.
void gc_note_deallocation(ThreadState* ts);
// Collects generations 0..generation; the number of unreachable objects found.
// Python code (finalizers, callbacks) may run; an exception they raise is
// reported as unraisable. -1 only if a collection is already running.
int64_t gc_collect(ThreadState* ts, int generation);
// gc.freeze(): every tracked object moves to the permanent generation.
void gc_freeze(ThreadState* ts, bool freeze);
[[nodiscard]] int64_t gc_freeze_count(ThreadState* ts);
// Every tracked object of `generation` (-1: all), as new references.
[[nodiscard]] Object* gc_get_objects(ThreadState* ts, int generation);

}  // namespace spindle::runtime
