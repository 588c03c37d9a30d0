// The object header every Python object starts with, and the only functions
// allowed to touch its reference counts.
//
// Layout (PEP 703, free-threading ready; see docs/internals/objects.md):
//   ob_tid        the owning thread (its thread id), 0 once the object is shared by all
//   ob_flags      object-level flag bits (kObImmortal, kObDeferred, ...)
//   ob_mutex      one-byte per-object lock (containers take it, issue 8)
//   ob_gc_bits    cycle collector bits (tracked, finalized, ...)
//   ob_ref_local  reference count held by the owner thread, non-atomic
//   ob_ref_shared reference count held by other threads, atomic
//   ob_type       the type
//
// Invariants:
//   * An object is alive while ob_ref_local + ob_ref_shared > 0. Only the owner
//     thread touches ob_ref_local; other threads use ob_ref_shared atomically.
//     (Until threads arrive the merge queue of biased refcounting is not needed;
//     a non-owner decref that reaches a total of zero frees the object itself.)
//   * Immortal objects (None, True, False, small ints, static types, interned
//     identifiers) have ob_ref_local == kImmortalRefcnt and are never freed;
//     incref/decref leave them untouched.
//   * Every function in the runtime that returns `Object*` returns a NEW
//     reference (or nullptr with an exception set on the ThreadState) unless
//     its name ends in `_borrowed`. Parameters are borrowed unless the name of
//     the function or parameter says `steal`.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace spindle::runtime {
struct ThreadState;
}

namespace spindle::objects {

using runtime::ThreadState;
struct Type;

inline constexpr uint32_t kImmortalRefcnt = 0xFFFFFFFFu;

enum ObjectFlag : uint16_t {
  kObImmortal = 1u << 0,   // never freed (also marked by the refcount)
  kObDeferred = 1u << 1,   // deferred refcounting (CO_METHOD functions, modules; issue 8)
  kObSmallBlock = 1u << 2,  // memory from the 40-byte pool (objects/small_alloc.h)
};

struct Object {
  uintptr_t ob_tid = 0;
  uint16_t ob_flags = 0;
  uint8_t ob_mutex = 0;
  uint8_t ob_gc_bits = 0;
  uint32_t ob_ref_local = 0;
  std::atomic<intptr_t> ob_ref_shared{0};
  Type* ob_type = nullptr;

  constexpr Object() = default;
  constexpr explicit Object(Type* type) : ob_ref_local(kImmortalRefcnt), ob_type(type) { ob_flags = kObImmortal; }
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
};

// The current thread's id as stored in ob_tid: the address of a thread-local,
// unique among live threads and cheap to read.
[[nodiscard]] inline uintptr_t current_thread_id() {
  static thread_local char anchor;
  return reinterpret_cast<uintptr_t>(&anchor);
}

[[nodiscard]] inline Type* type_of(const Object* o) { return o->ob_type; }
[[nodiscard]] inline bool is_immortal(const Object* o) { return o->ob_ref_local == kImmortalRefcnt; }

// Frees an object whose count reached zero (runs its type's dealloc slot).
void dealloc(Object* o);

// Initializes the header of freshly allocated memory: refcount 1, owned by
// the calling thread.
inline void init_header(Object* o, Type* type) {
  o->ob_tid = current_thread_id();
  o->ob_flags = 0;
  o->ob_mutex = 0;
  o->ob_gc_bits = 0;
  o->ob_ref_local = 1;
  o->ob_ref_shared.store(0, std::memory_order_relaxed);
  o->ob_type = type;
}

inline void make_immortal(Object* o) {
  o->ob_ref_local = kImmortalRefcnt;
  o->ob_flags |= kObImmortal;
}

// True when the caller's reference is the only one (this thread's local
// count is 1, no other thread holds one): nobody else can see the object
// change, so an operation that consumes it may reuse its memory.
[[nodiscard]] inline bool is_uniquely_referenced(const Object* o) {
  return o->ob_ref_local == 1 && o->ob_tid == current_thread_id() &&
         o->ob_ref_shared.load(std::memory_order_relaxed) == 0;
}

// Reference counting is forced inline: inside the interpreter loop GCC's
// size limits otherwise leave incref/decref as calls (15% of richards' time).
[[gnu::always_inline]] inline void incref(Object* o) {
  if (is_immortal(o)) return;
  if (o->ob_tid == current_thread_id()) ++o->ob_ref_local;
  else o->ob_ref_shared.fetch_add(1, std::memory_order_relaxed);
}

[[gnu::always_inline]] inline void xincref(Object* o) {
  if (o) incref(o);
}

[[gnu::always_inline]] inline void decref(Object* o) {
  if (is_immortal(o)) return;
  if (o->ob_tid == current_thread_id()) {
    if (--o->ob_ref_local == 0 && o->ob_ref_shared.load(std::memory_order_acquire) == 0) dealloc(o);
  } else if (o->ob_ref_shared.fetch_sub(1, std::memory_order_acq_rel) == 1 && o->ob_ref_local == 0) {
    dealloc(o);
  }
}

[[gnu::always_inline]] inline void xdecref(Object* o) {
  if (o) decref(o);
}

// The total reference count (sys.getrefcount and debugging only).
[[nodiscard]] inline int64_t refcount(const Object* o) {
  if (is_immortal(o)) return kImmortalRefcnt;
  return static_cast<int64_t>(o->ob_ref_local) + o->ob_ref_shared.load(std::memory_order_relaxed);
}

// Returns o with a new reference.
template <class T>
[[nodiscard]] inline T* new_ref(T* o) {
  incref(o);
  return o;
}
template <class T>
[[nodiscard]] inline T* xnew_ref(T* o) {
  xincref(o);
  return o;
}

// Replaces *slot by `value` (a new reference that is stolen), dropping the old one.
template <class T, class U>
inline void set_ref(T*& slot, U* steal_value) {
  T* old = slot;
  slot = steal_value;
  xdecref(old);
}
template <class T>
inline void clear_ref(T*& slot) {
  T* old = slot;
  slot = nullptr;
  xdecref(old);
}

// An owned reference, for C++ code outside the hottest paths. Moving
// transfers ownership; `release()` hands it to the caller.
class Ref {
 public:
  Ref() = default;
  // Takes ownership of a new reference (which may be nullptr = error).
  static Ref steal(Object* o) { return Ref(o); }
  // Adds a reference to a borrowed object.
  static Ref borrow(Object* o) {
    xincref(o);
    return Ref(o);
  }
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;
  Ref(Ref&& r) noexcept : o_(std::exchange(r.o_, nullptr)) {}
  Ref& operator=(Ref&& r) noexcept {
    if (this != &r) set_ref(o_, std::exchange(r.o_, nullptr));
    return *this;
  }
  ~Ref() { xdecref(o_); }

  [[nodiscard]] Object* get() const { return o_; }
  [[nodiscard]] Object* release() { return std::exchange(o_, nullptr); }
  explicit operator bool() const { return o_ != nullptr; }
  Object* operator->() const { return o_; }
  template <class T>
  [[nodiscard]] T* as() const { return static_cast<T*>(o_); }

 private:
  explicit Ref(Object* o) : o_(o) {}
  Object* o_ = nullptr;
};

}  // namespace spindle::objects
