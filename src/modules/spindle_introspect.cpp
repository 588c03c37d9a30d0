// The _spindle module: a look inside the engine, for tests and for people
// studying what tier 1 does (docs/internals/specialization.md).
//
//   code_instructions(f_or_code)  the current instruction names, specialized
//                                 forms included (inline caches skipped)
//   function_version(f)           the function's version (0: none)
//   type_version(t)               the type's current version tag (0: none yet)
//   function_from_version(v)      the function with that version, or None
//   code_from_version(v)          the code object of that version, or None
//   specialization_enabled()      False under -X specialize=off
//   stats()                       the -X pystats numbers as a dict, or None
#include "modules/modules.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "vm/code_object.h"
#include "vm/function.h"
#include "vm/opcode.h"
#include "vm/specialize.h"

namespace spindle::modules {

using namespace objects;

namespace {

vm::CodeObj* code_of(ThreadState* ts, Object* o) {
  if (vm::is_function(o)) o = static_cast<vm::Function*>(o)->code;
  if (!vm::is_code(o)) {
    runtime::raise_format(ts, &exc::TypeError, "expected a function or a code object, not '%s'", tp_name(o));
    return nullptr;
  }
  return vm::as_code(o);
}

Object* sp_code_instructions(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  vm::CodeObj* code = code_of(ts, args[0]);
  if (!code) return nullptr;
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  for (int i = 0; i < code->nunits;) {
    auto op = static_cast<vm::Op>(code->units[i] & 0xFF);
    Ref name = Ref::steal(str_from_cstr(ts, vm::is_valid_op(op) ? vm::op_name(op) : "<invalid>"));
    if (!name || list_append(ts, out.get(), name.get()) < 0) return nullptr;
    i += 1 + vm::cache_size(op);
  }
  return out.release();
}

Object* sp_function_version(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  if (!vm::is_function(args[0])) {
    return runtime::raise_format(ts, &exc::TypeError, "expected a function, not '%s'", tp_name(args[0]));
  }
  return int_from_i64(ts, static_cast<vm::Function*>(args[0])->version);
}

Object* sp_type_version(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  if (!has_flag(args[0]->ob_type, kTypeTypeSubclass)) return runtime::raise_format(ts, &exc::TypeError, "expected a type, not '%s'", tp_name(args[0]));
  return int_from_i64(ts, static_cast<Type*>(args[0])->version_tag);
}

// The version argument: a non-negative int below 2**32.
bool version_arg(ThreadState* ts, Object* o, uint32_t* out) {
  bool overflow = false;
  int64_t v = is_int(o) ? int_as_i64(ts, o, &overflow) : -1;
  if (!is_int(o) || overflow || v < 0 || v > 0xFFFFFFFFll) {
    runtime::raise(ts, &exc::ValueError, "a version is an int in range(2**32)");
    return false;
  }
  *out = static_cast<uint32_t>(v);
  return true;
}

Object* sp_function_from_version(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  uint32_t v;
  if (!version_arg(ts, args[0], &v)) return nullptr;
  Object* f = vm::function_for_version(ts, v);
  return new_ref(f ? f : py_none());
}

Object* sp_code_from_version(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  uint32_t v;
  if (!version_arg(ts, args[0], &v)) return nullptr;
  Object* c = vm::code_for_version(ts, v);
  return new_ref(c ? c : py_none());
}

Object* sp_specialization_enabled(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  return py_bool(ts->interp->specialize);
}

// d[key] = int(n).
bool put_count(ThreadState* ts, Object* d, const char* key, uint64_t n) {
  Ref v = Ref::steal(int_from_u64(ts, n));
  return v && dict_set_item_str(ts, d, key, v.get()) == 0;
}

Object* sp_stats(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  const vm::SpecStats* s = ts->interp->spec_stats;
  if (!s) return py_none();
  Ref executed = Ref::steal(dict_new(ts));
  Ref families = Ref::steal(dict_new(ts));
  if (!executed || !families) return nullptr;
  for (int op = 0; op < 256; ++op) {
    auto o = static_cast<vm::Op>(op);
    if (s->executed[op] && !put_count(ts, executed.get(), vm::op_name(o), s->executed[op])) return nullptr;
    if (!vm::is_valid_op(o) || vm::family_members(o).empty()) continue;
    Ref fam = Ref::steal(dict_new(ts));
    Ref failures = Ref::steal(dict_new(ts));
    Ref hits = Ref::steal(dict_new(ts));
    Ref deopts = Ref::steal(dict_new(ts));
    if (!fam || !failures || !hits || !deopts) return nullptr;
    static constexpr const char* kReasons[] = {
#define SPINDLE_FAILURE_NAME(name, text) #name,
        SPINDLE_SPEC_FAILURES(SPINDLE_FAILURE_NAME)
#undef SPINDLE_FAILURE_NAME
    };
    for (int r = 0; r < vm::kNumSpecFailures; ++r)
      if (s->failures[op][r] && !put_count(ts, failures.get(), kReasons[r], s->failures[op][r])) return nullptr;
    for (vm::Op m : vm::family_members(o)) {
      if (!put_count(ts, hits.get(), vm::op_name(m), s->executed[static_cast<int>(m)])) return nullptr;
      if (!put_count(ts, deopts.get(), vm::op_name(m), s->deopts[static_cast<int>(m)])) return nullptr;
    }
    if (!put_count(ts, fam.get(), "attempts", s->attempts[op]) || !put_count(ts, fam.get(), "successes", s->successes[op]) ||
        !put_count(ts, fam.get(), "generic", s->executed[op]) ||
        dict_set_item_str(ts, fam.get(), "failures", failures.get()) < 0 ||
        dict_set_item_str(ts, fam.get(), "hits", hits.get()) < 0 ||
        dict_set_item_str(ts, fam.get(), "deopts", deopts.get()) < 0 ||
        dict_set_item_str(ts, families.get(), vm::op_name(o), fam.get()) < 0)
      return nullptr;
  }
  Ref out = Ref::steal(dict_new(ts));
  if (!out || dict_set_item_str(ts, out.get(), "executed", executed.get()) < 0 ||
      dict_set_item_str(ts, out.get(), "families", families.get()) < 0)
    return nullptr;
  return out.release();
}

const MethodDef spindle_functions[] = {
    {"code_instructions", sp_code_instructions, kMethO},
    {"function_version", sp_function_version, kMethO},
    {"type_version", sp_type_version, kMethO},
    {"function_from_version", sp_function_from_version, kMethO},
    {"code_from_version", sp_code_from_version, kMethO},
    {"specialization_enabled", sp_specialization_enabled, kMethNoArgs},
    {"stats", sp_stats, kMethNoArgs},
    {},
};

}  // namespace

Object* init__spindle_module(ThreadState* ts) {
  return new_native_module(ts, "_spindle", spindle_functions,
                           "Spindle's engine, looked at from Python: specialized instructions, versions, statistics.");
}

}  // namespace spindle::modules
