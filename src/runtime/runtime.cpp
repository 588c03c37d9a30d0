// Start-up and shutdown of the runtime: the main interpreter, its thread
// state, the builtin types, the builtins and sys modules.
#include "runtime/runtime.h"

#include "objects/small_alloc.h"

#include <sys/random.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "modules/modules.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/type.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::objects {
#define BUILTIN_TYPE(symbol, init) \
  extern Type symbol;              \
  void init(Type&);
#include "objects/builtin_types.def"
#undef BUILTIN_TYPE
}  // namespace spindle::objects

namespace spindle::vm {
#define VM_TYPE(symbol, init) \
  extern objects::Type symbol; \
  void init(objects::Type&);
#include "vm/vm_types.def"
#undef VM_TYPE
}  // namespace spindle::vm

namespace spindle::runtime {

namespace {
// The thread's attached ThreadState (see runtime.h: the one way to reach it
// without being handed one).
thread_local ThreadState* t_current = nullptr;

void set_hash_seed() {
  const char* seed = std::getenv("PYTHONHASHSEED");
  uint64_t k[2] = {0, 0};
  if (seed && std::strcmp(seed, "random") != 0) {
    uint64_t s = std::strtoull(seed, nullptr, 10);
    if (s) {
      // A fixed seed gives a fixed (non-zero) key.
      k[0] = s * 0x9E3779B97F4A7C15ULL;
      k[1] = (s + 1) * 0xC2B2AE3D27D4EB4FULL;
    }
  } else if (getrandom(k, sizeof k, 0) != static_cast<ssize_t>(sizeof k)) {
    k[0] = reinterpret_cast<uintptr_t>(&k);
  }
  objects::set_hash_key(k[0], k[1]);
}

void set_stack_limit(ThreadState* ts) {
  rlimit rl{};
  size_t size = 8u << 20;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) size = rl.rlim_cur;
  char here;
  auto sp = reinterpret_cast<uintptr_t>(&here);
  size_t margin = std::max<size_t>(size / 4, 256u << 10);
  ts->c_stack_soft_limit = size > margin ? sp - (size - margin) : sp - size / 2;
}

int ready_all_types_once(ThreadState* ts) {
  using objects::type_ready;
  // Every type's slots are filled before any is readied: readying one type
  // creates objects (dicts, strs, tuples, descriptors) of the others.
#define BUILTIN_TYPE(symbol, init) objects::init(objects::symbol);
#include "objects/builtin_types.def"
#undef BUILTIN_TYPE
#define VM_TYPE(symbol, init) vm::init(vm::symbol);
#include "vm/vm_types.def"
#undef VM_TYPE
#define BUILTIN_TYPE(symbol, init)                     \
  if (type_ready(ts, &objects::symbol) < 0) return -1; \
  objects::make_immortal(&objects::symbol);
#include "objects/builtin_types.def"
#undef BUILTIN_TYPE
#define VM_TYPE(symbol, init)                     \
  if (type_ready(ts, &vm::symbol) < 0) return -1; \
  objects::make_immortal(&vm::symbol);
#include "vm/vm_types.def"
#undef VM_TYPE
  if (objects::init_exception_types(ts) < 0) return -1;
  return modules::ready_module_types(ts);
}

// The builtin types are process-wide immutable objects: they are readied by
// the first runtime started in the process and shared by every later one.
int ready_all_types(ThreadState* ts) {
  static std::once_flag once;  // process-wide, written once
  static int result = 0;
  std::call_once(once, [&] { result = ready_all_types_once(ts); });
  return result;
}

void report_startup_failure(ThreadState* ts) {
  std::fprintf(stderr, "Fatal Python error: start-up failed\n");
  if (ts->current_exception) {
    std::string s = objects::repr_utf8(ts, ts->current_exception);
    std::fprintf(stderr, "%s\n", s.c_str());
  }
}

}  // namespace

ThreadState* current_thread_state() { return t_current; }

ThreadState* runtime_start(Runtime& rt) {
  set_hash_seed();
  auto interp = std::make_unique<Interpreter>();
  interp->rt = &rt;
  auto thread = std::make_unique<ThreadState>();
  ThreadState* ts = thread.get();
  ts->rt = &rt;
  ts->interp = interp.get();
  ts->id = &rt.ids;
  ts->py_recursion_limit = interp->recursion_limit;
  ts->py_recursion_remaining = interp->recursion_limit;
  set_stack_limit(ts);
  ts->gc_heap = gc_heap_new();
  ts->small_pool = objects::small_pool_new();
  interp->gc.enabled = false;  // until start-up is done
  t_current = ts;
  interp->threads.push_back(std::move(thread));
  rt.main_interp = interp.get();
  rt.interpreters.push_back(std::move(interp));
  Interpreter* in = rt.main_interp;

  // Identifiers first (immortal strings; the interning table adopts them below).
#define ID(field, text) rt.ids.field = objects::str_intern_cstr(ts, text);
#include "runtime/identifiers.def"
#undef ID
  if (ready_all_types(ts) < 0) {
    report_startup_failure(ts);
    return nullptr;
  }
  in->interned = objects::dict_new(ts);
  if (!in->interned) return nullptr;
#define ID(field, text) (void)objects::dict_set_item(ts, in->interned, rt.ids.field, rt.ids.field);
#include "runtime/identifiers.def"
#undef ID
  in->memory_error = objects::call(ts, &objects::exc::MemoryError, nullptr, 0);
  if (!in->memory_error) {
    report_startup_failure(ts);
    return nullptr;
  }
  objects::make_immortal(in->memory_error);
  in->modules = objects::dict_new(ts);
  if (!in->modules || modules::init_builtins(ts) < 0 || modules::init_sys(ts) < 0) {
    report_startup_failure(ts);
    return nullptr;
  }
  in->gc.enabled = true;
  if (const char* s = std::getenv("SPINDLE_GC_STRESS"); s && std::atoi(s) > 0) {
    in->gc.stress = true;
    in->gc.threshold[0] = std::atoi(s);
  }
  return ts;
}

namespace {

// Sets a module's globals to None as CPython's _PyModule_ClearDict does:
// names with one leading underscore first, then every name but
// __builtins__, so that finalizers which run meanwhile still find builtins.
void clear_module_globals(ThreadState* ts, Object* dict) {
  for (int pass = 0; pass < 2; ++pass) {
    objects::Ref keys = objects::Ref::steal(objects::dict_keys_list(ts, dict));
    if (!keys) break;
    for (int64_t i = 0; i < objects::list_size(keys.get()); ++i) {
      Object* k = objects::list_items(keys.get())[i];
      if (!objects::is_str(k)) continue;
      std::string_view name = objects::str_view(ts, k);
      bool single_underscore = name.size() >= 1 && name[0] == '_' && (name.size() < 2 || name[1] != '_');
      if (pass == 0 ? !single_underscore : name == "__builtins__") continue;
      if (objects::dict_set_item(ts, dict, k, objects::py_none()) < 0) clear_exception(ts);
    }
  }
  clear_exception(ts);
}

}  // namespace

// Interpreter shutdown, as CPython's finalize_modules: garbage cycles are
// collected while everything still works; then every module but sys and
// builtins leaves sys.modules in import order. A module nothing else holds
// dies at once and its globals are cleared in insertion order (CPython frees
// such a namespace as the oldest object of its garbage cycle); the globals of
// modules still held are set to None afterwards, most recent first. The
// finalizers of the objects they held run meanwhile; a last collection ends.
void finalize_modules(ThreadState* ts) {
  Interpreter* in = ts->interp;
  gc_collect(ts, kGcGenerations - 1);
  if (!in->modules) return;
  objects::Ref names = objects::Ref::steal(objects::dict_keys_list(ts, in->modules));
  if (!names) {
    clear_exception(ts);
    return;
  }
  std::vector<objects::Ref> survivors;
  for (int64_t i = 0; i < objects::list_size(names.get()); ++i) {
    Object* name = objects::list_items(names.get())[i];
    Object* m = objects::dict_get_item_borrowed(ts, in->modules, name);
    if (!m || m == in->sys || m == in->builtins || !objects::is_module(m)) continue;
    objects::Ref mod = objects::Ref::borrow(m);
    objects::Ref globals = objects::Ref::borrow(objects::module_dict_borrowed(m));
    if (objects::dict_set_item(ts, in->modules, name, objects::py_none()) < 0) clear_exception(ts);
    if (objects::refcount(m) == 1) {
      mod = objects::Ref();  // the module dies here
      objects::dict_clear(globals.get());
    } else {
      survivors.push_back(std::move(mod));
    }
  }
  for (auto it = survivors.rbegin(); it != survivors.rend(); ++it) clear_module_globals(ts, objects::module_dict_borrowed(it->get()));
  survivors.clear();
  clear_exception(ts);
  gc_collect(ts, kGcGenerations - 1);
}

void runtime_finish(ThreadState* ts) {
  modules::run_atexit_callbacks(ts);
  finalize_modules(ts);
  modules::flush_std_streams(ts);
}

}  // namespace spindle::runtime
