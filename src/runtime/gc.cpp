// The cycle collector (see gc.h for the invariants).
//
// A collection of generation g, in the order of CPython's gc_collect_main:
//   1. Candidates: every tracked, unfrozen object of generations 0..g found
//      by walking the thread's GC heap.
//   2. gc_refs = refcount, kept in ob_tid; every reference a candidate holds
//      to another candidate is subtracted (traverse). What remains counts
//      references from outside the candidates: those objects are reachable,
//      and so is everything they reach among the candidates.
//   3. The rest is unreachable. It is kept alive by one reference each while
//      finalizers (__del__, PEP 442: once per object) run; a finalizer may
//      resurrect objects, so reachability is computed again among them.
//   4. The clear slot of every object still unreachable breaks the cycles;
//      dropping our references then frees them.
//   5. Survivors move to generation g+1 (or stay in the last).
//
// The heap walk costs time in proportion to every tracked object, not only
// the young ones, so automatic collections also wait until the objects
// allocated since the last one are a quarter of those that survived it (the
// free-threaded CPython's rule): total work stays linear in allocations.
#include "runtime/gc.h"

#ifdef SPINDLE_SYSTEM_MALLOC
#include <unordered_set>
#else
#include <mimalloc.h>
#endif

#include <vector>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/type.h"
#include "objects/weakref.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"

namespace spindle::runtime {

using namespace objects;

namespace {

int generation_of(const Object* o) { return (o->ob_gc_bits & kGcGenMask) >> kGcGenShift; }

void set_generation(Object* o, int g) {
  o->ob_gc_bits = static_cast<uint8_t>((o->ob_gc_bits & ~kGcGenMask) | (g << kGcGenShift));
}

// Collects the tracked objects of generations 0..max_generation (all of them
// for -1, frozen ones only with `frozen`).
struct HeapWalk {
  std::vector<Object*>* out;
  int max_generation;
  bool frozen;
  int64_t tracked = 0;
};

void consider(HeapWalk* w, Object* o) {
  uint8_t bits = o->ob_gc_bits;
  if (!(bits & kGcTracked)) return;
  w->tracked++;
  if (((bits & kGcFrozen) != 0) != w->frozen) return;
  if (w->max_generation >= 0 && generation_of(o) > w->max_generation) return;
  w->out->push_back(o);
}

#ifdef SPINDLE_SYSTEM_MALLOC
// The registry holds each address complemented: a pointer LeakSanitizer
// cannot recognize, so a GC object nothing references any more (a missing
// decref) is reported as a leak instead of being kept reachable by the
// registry itself.
using Registry = std::unordered_set<uintptr_t>;
uintptr_t hide(const Object* o) { return ~reinterpret_cast<uintptr_t>(o); }
Object* unhide(uintptr_t h) { return reinterpret_cast<Object*>(~h); }

int64_t walk_heap(ThreadState* ts, std::vector<Object*>& out, int max_generation, bool frozen = false) {
  if (!ts->gc_heap) return 0;
  HeapWalk w{&out, max_generation, frozen};
  for (uintptr_t h : *static_cast<Registry*>(ts->gc_heap)) consider(&w, unhide(h));
  return w.tracked;
}
#else
bool visit_block(const mi_heap_t*, const mi_heap_area_t*, void* block, size_t, void* arg) {
  if (block) consider(static_cast<HeapWalk*>(arg), static_cast<Object*>(block));
  return true;
}

int64_t walk_heap(ThreadState* ts, std::vector<Object*>& out, int max_generation, bool frozen = false) {
  if (!ts->gc_heap) return 0;
  HeapWalk w{&out, max_generation, frozen};
  mi_heap_visit_blocks(static_cast<mi_heap_t*>(ts->gc_heap), true, visit_block, &w);
  return w.tracked;
}
#endif

int visit_decref(Object* x, void*) {
  if (x && (x->ob_gc_bits & kGcCandidate)) x->ob_tid--;
  return 0;
}

int visit_reach(Object* x, void* arg) {
  if (x && (x->ob_gc_bits & (kGcCandidate | kGcReachable)) == kGcCandidate) {
    x->ob_gc_bits |= kGcReachable;
    static_cast<std::vector<Object*>*>(arg)->push_back(x);
  }
  return 0;
}

void traverse(Object* o, VisitFn visit, void* arg) {
  if (TraverseFn t = o->ob_type->traverse) t(o, visit, arg);
}

// Splits `objs` (candidates of this pass) into reachable (kept in place,
// marked) and unreachable (returned). `held` references per object are ours,
// not external. ob_tid is restored to `tid` for all of them.
std::vector<Object*> find_unreachable(std::vector<Object*>& objs, int64_t held, uintptr_t tid) {
  for (Object* o : objs) {
    o->ob_gc_bits |= kGcCandidate;
    o->ob_tid = static_cast<uintptr_t>(refcount(o) - held);
  }
  for (Object* o : objs) traverse(o, visit_decref, nullptr);
  std::vector<Object*> stack;
  for (Object* o : objs) {
    if (static_cast<intptr_t>(o->ob_tid) > 0) {
      o->ob_gc_bits |= kGcReachable;
      stack.push_back(o);
    }
  }
  while (!stack.empty()) {
    Object* o = stack.back();
    stack.pop_back();
    traverse(o, visit_reach, &stack);
  }
  std::vector<Object*> unreachable;
  size_t kept = 0;
  for (Object* o : objs) {
    o->ob_tid = tid;
    bool reachable = (o->ob_gc_bits & kGcReachable) != 0;
    o->ob_gc_bits &= static_cast<uint8_t>(~(kGcCandidate | kGcReachable));
    if (reachable) objs[kept++] = o;
    else unreachable.push_back(o);
  }
  objs.resize(kept);
  return unreachable;
}

// Weak references to garbage die before any finalizer runs (so none can
// reach a half-cleared object); the callbacks of those weakrefs that are not
// garbage themselves run, as CPython's handle_weakrefs.
void handle_weakrefs(ThreadState* ts, const std::vector<Object*>& garbage) {
  for (Object* o : garbage) o->ob_gc_bits |= kGcCandidate;
  std::vector<Object*> callbacks;
  for (Object* o : garbage) detach_weakrefs(o, &callbacks);
  std::vector<bool> run(callbacks.size());
  for (size_t i = 0; i < callbacks.size(); ++i) run[i] = !(callbacks[i]->ob_gc_bits & kGcCandidate);
  for (Object* o : garbage) o->ob_gc_bits &= static_cast<uint8_t>(~kGcCandidate);
  Object* saved = fetch_exception(ts);
  for (size_t i = 0; i < callbacks.size(); ++i) {
    if (run[i]) call_weakref_callback(ts, callbacks[i]);
    decref(callbacks[i]);
  }
  restore_exception(ts, saved);
}

void run_callbacks(ThreadState* ts, const char* phase, int generation, int64_t collected) {
  Object* cbs = ts->interp->gc.callbacks;
  if (!cbs || list_size(cbs) == 0) return;
  Object* saved = fetch_exception(ts);
  Ref info = Ref::steal(dict_new(ts));
  Ref ph = Ref::steal(str_from_cstr(ts, phase));
  if (info && ph && dict_set_item_str(ts, info.get(), "generation", Ref::steal(int_from_i64(ts, generation)).get()) == 0 &&
      dict_set_item_str(ts, info.get(), "collected", Ref::steal(int_from_i64(ts, collected)).get()) == 0 &&
      dict_set_item_str(ts, info.get(), "uncollectable", Ref::steal(int_from_i64(ts, 0)).get()) == 0) {
    Ref copy = Ref::steal(sequence_list(ts, cbs));
    for (int64_t i = 0; copy && i < list_size(copy.get()); ++i) {
      Object* args[2] = {ph.get(), info.get()};
      Object* r = call(ts, list_items(copy.get())[i], args, 2);
      if (!r) write_unraisable(ts, list_items(copy.get())[i]);
      xdecref(r);
    }
  }
  if (has_exception(ts)) clear_exception(ts);
  restore_exception(ts, saved);
}

int64_t collect(ThreadState* ts, int generation) {
  GcState& g = ts->interp->gc;
  g.collecting = true;
  run_callbacks(ts, "start", generation, 0);
  uintptr_t tid = objects::current_thread_id();
  std::vector<Object*> candidates;
  int64_t tracked = walk_heap(ts, candidates, generation);
  // Objects another thread owns keep their ob_tid; they count as roots.
  std::erase_if(candidates, [tid](Object* o) { return o->ob_tid != tid; });
  std::vector<Object*> unreachable = find_unreachable(candidates, 0, tid);

  // Survivors age.
  int older = generation + 1 < kGcGenerations ? generation + 1 : generation;
  int64_t left_young = 0;
  for (Object* o : candidates) {
    left_young += generation_of(o) == 0;
    set_generation(o, older);
  }

  int64_t found = 0;
  if (!unreachable.empty()) {
    for (Object* o : unreachable) incref(o);
    handle_weakrefs(ts, unreachable);
    // Finalizers, at most once per object, with the caller's exception saved.
    bool finalized = false;
    Object* saved = fetch_exception(ts);
    for (Object* o : unreachable) {
      if (!o->ob_type->finalize || (o->ob_gc_bits & kGcFinalized)) continue;
      o->ob_gc_bits |= kGcFinalized;
      o->ob_type->finalize(ts, o);
      if (has_exception(ts)) write_unraisable(ts, o);
      finalized = true;
    }
    restore_exception(ts, saved);
    // A finalizer may have made some of them reachable again.
    std::vector<Object*> dead = unreachable;
    if (finalized) {
      std::vector<Object*> resurrected = dead;
      dead = find_unreachable(resurrected, 1, tid);
      for (Object* o : resurrected) set_generation(o, older);
    }
    found = static_cast<int64_t>(dead.size());
    if (g.debug & 0x20 /* DEBUG_SAVEALL */) {
      for (Object* o : dead)
        if (g.garbage && list_append(ts, g.garbage, o) < 0) clear_exception(ts);
    } else {
      saved = fetch_exception(ts);
      for (Object* o : dead) {
        if (ClearFn c = o->ob_type->clear) c(o);
        if (has_exception(ts)) write_unraisable(ts, o);
      }
      restore_exception(ts, saved);
    }
    for (Object* o : unreachable) decref(o);
  }

  for (int i = 0; i <= generation; ++i) g.count[i] = 0;
  if (generation + 1 < kGcGenerations) g.count[generation + 1]++;
  g.collections[generation]++;
  g.collected[generation] += found;
  int64_t survivors = tracked - found;
  if (generation == kGcGenerations - 1) {
    g.long_lived_total = survivors;
    g.long_lived_pending = 0;
  } else {
    g.long_lived_pending += left_young;
  }
  g.heap_tracked = survivors;
  run_callbacks(ts, "stop", generation, found);
  g.collecting = false;
  return found;
}

}  // namespace

#ifdef SPINDLE_SYSTEM_MALLOC
void* gc_heap_new() { return new Registry(); }

void* gc_alloc(ThreadState* ts, size_t size) {
  void* mem = objects::mem_calloc(1, size);
  if (mem) static_cast<Registry*>(ts->gc_heap)->insert(hide(static_cast<Object*>(mem)));
  return mem;
}

void gc_forget(Object* o) {
  if (ThreadState* ts = current_thread_state(); ts && ts->gc_heap) static_cast<Registry*>(ts->gc_heap)->erase(hide(o));
}
#else
void* gc_heap_new() { return mi_heap_new(); }

void* gc_alloc(ThreadState* ts, size_t size) { return mi_heap_calloc(static_cast<mi_heap_t*>(ts->gc_heap), 1, size); }
#endif

void gc_note_allocation(ThreadState* ts) {
  GcState& g = ts->interp->gc;
  int64_t young = ++g.count[0];
  if (!g.enabled || g.collecting || young <= g.threshold[0] || g.threshold[0] == 0) return;
  if (young * (g.stress ? 64 : 4) < g.heap_tracked || ts->current_exception) return;
  // A full collection once the objects that outlived generation 0 since the
  // last one are a quarter of its survivors: garbage cycles that were
  // promoted while alive (a finished game's board) wait at most that long.
  // Each full collection follows a quarter of the heap's worth of
  // promotions, so their total cost stays linear in allocations.
  if (g.long_lived_pending > g.long_lived_total / 4) {
    collect(ts, kGcGenerations - 1);
    return;
  }
  // Otherwise the oldest younger generation whose count passed its
  // threshold (CPython's gc_collect_generations; the oldest is collected by
  // the rule above only).
  for (int i = kGcGenerations - 2; i >= 0; --i) {
    if (g.count[i] <= g.threshold[i]) continue;
    collect(ts, i);
    return;
  }
}

void gc_note_deallocation(ThreadState* ts) {
  GcState& g = ts->interp->gc;
  if (g.count[0] > 0) g.count[0]--;
}

int64_t gc_collect(ThreadState* ts, int generation) {
  if (ts->interp->gc.collecting) return -1;
  return collect(ts, generation);
}

void gc_freeze(ThreadState* ts, bool freeze) {
  std::vector<Object*> objs;
  walk_heap(ts, objs, -1, !freeze);
  for (Object* o : objs) {
    if (freeze) {
      o->ob_gc_bits |= kGcFrozen;
    } else {
      o->ob_gc_bits &= static_cast<uint8_t>(~kGcFrozen);
      set_generation(o, kGcGenerations - 1);
    }
  }
  if (freeze) {
    for (int64_t& c : ts->interp->gc.count) c = 0;
  }
}

int64_t gc_freeze_count(ThreadState* ts) {
  std::vector<Object*> objs;
  walk_heap(ts, objs, -1, true);
  return static_cast<int64_t>(objs.size());
}

Object* gc_get_objects(ThreadState* ts, int generation) {
  std::vector<Object*> objs;
  walk_heap(ts, objs, generation);
  if (generation >= 0) std::erase_if(objs, [generation](Object* o) { return generation_of(o) != generation; });
  Object* l = list_new(ts, objs.size());
  if (!l) return nullptr;
  for (size_t i = 0; i < objs.size(); ++i) list_items(l)[i] = new_ref(objs[i]);
  return l;
}

}  // namespace spindle::runtime
