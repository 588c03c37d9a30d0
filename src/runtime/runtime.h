// The three roots of all mutable state: Runtime (the process) → Interpreter
// (modules, builtins, caches, counters) → ThreadState (frames, the exception
// being raised, recursion budget). Nothing else is mutable and global.
//
// Invariants:
//   * Every thread that runs Python code has exactly one attached ThreadState,
//     reachable through `current_thread_state()` for the few places that cannot
//     be given one (deallocation, signal handlers); everything else receives
//     `ts` as its first parameter.
//   * `ThreadState::current_exception` is the exception being raised (nullptr
//     if none): a function that fails sets it and returns nullptr/-1; the
//     caller either handles it (fetch/clear) or fails in turn.
//   * `ThreadState::exc_info` is the exception being handled (sys.exc_info()):
//     the innermost active `except` block's exception, per generator frame.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "objects/object.h"
#include "runtime/gc.h"

namespace spindle::vm {
struct Frame;
struct SpecStats;
}
namespace spindle::objects {
struct SmallPool;
}

namespace spindle::runtime {

using objects::Object;
struct Interpreter;
struct Runtime;

// The interned identifiers of src/runtime/identifiers.def.
struct Identifiers {
#define ID(field, text) Object* field = nullptr;
#include "runtime/identifiers.def"
#undef ID
};

// One entry of the stack of exceptions being handled: each generator/coroutine
// keeps its own, linked to the caller's while it runs.
struct ExcStackItem {
  Object* exc_value = nullptr;  // the handled exception, or nullptr / None
  ExcStackItem* previous = nullptr;
};

// Bits of ThreadState::eval_breaker, polled by RESUME and backward jumps.
enum EvalBreakerBit : uint32_t {
  kSignalsPending = 1u << 0,  // a signal handler ran (Ctrl-C → KeyboardInterrupt)
};

// One entry of a thread's polymorphic attribute cache (vm/attr_poly.h): how
// LOAD_ATTR_POLY loads `name` from instances of the class whose version tag
// is `type_version`.
struct AttrPolyEntry {
  uint32_t type_version = 0;  // 0: empty
  bool method = false;        // a method load (LOAD_ATTR's oparg bit 0)
  uint32_t plan = 0;          // vm::attr_poly_pack(kind, index or shared-keys count)
  Object* name = nullptr;     // interned, so immortal: compared by address
  Object* descr = nullptr;    // borrowed: the class keeps it while the version holds
};
inline constexpr size_t kAttrPolySize = 512;  // a power of two

struct ThreadState {
  Runtime* rt = nullptr;
  Interpreter* interp = nullptr;
  const Identifiers* id = nullptr;

  Object* current_exception = nullptr;
  ExcStackItem exc_state;             // the thread's base entry
  ExcStackItem* exc_info = &exc_state;

  vm::Frame* current_frame = nullptr;  // innermost executing frame
  // Per-thread data stack for interpreter frames (vm/frame.h manages it).
  struct DataStackChunk* datastack_chunk = nullptr;
  Object** datastack_top = nullptr;
  Object** datastack_limit = nullptr;
  size_t datastack_words = 0;  // words in all chunks (bounded: vm/interpreter.cpp)

  // Python-level recursion budget (sys.getrecursionlimit()), and the lowest
  // address the C++ stack may reach before RecursionError (recursion through
  // C++ code: repr → __repr__ → repr ...).
  int py_recursion_remaining = 0;
  int py_recursion_limit = 0;
  uintptr_t c_stack_soft_limit = 0;

  std::atomic<uint32_t> eval_breaker{0};
  // Where objects of GC types come from, and how the collector finds them
  // (gc.h: a mimalloc heap, or a registry in sanitizer builds).
  void* gc_heap = nullptr;
  // 40-byte blocks for small non-GC objects (objects/small_alloc.h).
  objects::SmallPool* small_pool = nullptr;
  // Containers whose repr is being computed on this thread ([...] / {...}).
  std::vector<Object*> repr_active;
  // The polymorphic attribute cache of LOAD_ATTR_POLY (per thread: no races).
  AttrPolyEntry attr_poly[kAttrPolySize];
};

// One entry of the type attribute cache (objects/typeobject.cpp): the result
// of looking `name` up along the MRO of the type whose version tag is
// `version` (value borrowed from that type's dicts; nullptr = not found).
// The entry owns a reference to `name` so its address cannot be reused.
struct TypeCacheEntry {
  uint32_t version = 0;
  Object* name = nullptr;
  Object* value = nullptr;
};
inline constexpr size_t kTypeCacheSize = 4096;  // a power of two

struct Interpreter {
  Runtime* rt = nullptr;
  Object* modules = nullptr;        // sys.modules (a dict)
  Object* builtins = nullptr;       // the builtins module
  Object* builtins_dict = nullptr;  // its dict
  Object* sys = nullptr;            // the sys module
  Object* interned = nullptr;
  // Strings interned (immortal) before `interned` existed, during start-up.
  std::vector<Object*> early_interned;
  Object* memory_error = nullptr;   // preallocated MemoryError instance
  Object* atexit_callbacks = nullptr;  // list of (func, args, kwargs) from atexit.register, run LIFO at exit
  int recursion_limit = 1000;
  int int_max_str_digits = 4300;   // sys.set_int_max_str_digits (0 = no limit)
  uint32_t next_func_version = 1;  // function versions (DESIGN §6); 0 = none
  // The function version cache (DESIGN §6): slot version % size holds the
  // function (borrowed; cleared when it dies or loses its version) and its
  // code object (strong: it stays retrievable after the function is gone).
  struct FuncVersionEntry {
    uint32_t version = 0;
    Object* func = nullptr;
    Object* code = nullptr;
  };
  static constexpr size_t kFuncVersionCacheSize = 4096;
  std::vector<FuncVersionEntry> func_version_cache = std::vector<FuncVersionEntry>(kFuncVersionCacheSize);
  // The callables CALL_LEN / CALL_ISINSTANCE / CALL_LIST_APPEND guard on
  // (strong references, taken when first specialized on).
  Object* callable_len = nullptr;
  Object* callable_isinstance = nullptr;
  Object* callable_list_append = nullptr;
  bool specialize = true;          // false under -X specialize=off
  vm::SpecStats* spec_stats = nullptr;  // -X pystats: counted while set (owned)
  uint32_t next_keys_version = 1;  // dict keys versions (DESIGN §3); 0 = none
  // Interned dunder names of the slot table in objects/slots.cpp, by its
  // index (filled on first use; the table is private to that file).
  std::vector<Object*> slot_dunder_names;
  // The type attribute cache, indexed by (version ^ name address) bits.
  std::vector<TypeCacheEntry> type_cache = std::vector<TypeCacheEntry>(kTypeCacheSize);
  std::vector<std::unique_ptr<ThreadState>> threads;
  GcState gc;
};

struct Runtime {
  Identifiers ids;
  std::atomic<uint32_t> next_type_version{1};
  std::vector<std::unique_ptr<Interpreter>> interpreters;
  Interpreter* main_interp = nullptr;
};

// The calling thread's ThreadState (nullptr if none is attached).
[[nodiscard]] ThreadState* current_thread_state();

// Process start-up: readies the builtin types, creates the main interpreter
// with its builtins and sys modules and attaches a ThreadState for the calling
// thread. Returns nullptr (after printing why) if start-up failed.
[[nodiscard]] ThreadState* runtime_start(Runtime& rt);
// Process shutdown: runs atexit work, finalizes the modules (their objects'
// finalizers run), flushes sys.stdout/sys.stderr.
void runtime_finish(ThreadState* ts);
// The module part of shutdown (see runtime.cpp).
void finalize_modules(ThreadState* ts);

}  // namespace spindle::runtime
