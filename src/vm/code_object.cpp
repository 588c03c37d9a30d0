// The Python `code` type (see code_object.h).
#include "vm/code_object.h"

#include <cstring>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/complex.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "vm/specialize.h"

namespace spindle::vm {

using namespace objects;

Type code_type;

namespace {

Object* constant_to_object(ThreadState* ts, const CodeConstant& c) {
  switch (c.kind) {
    case CodeConstant::Kind::None: return py_none();
    case CodeConstant::Kind::Bool: return py_bool(c.boolean);
    case CodeConstant::Kind::Ellipsis: return py_ellipsis();
    case CodeConstant::Kind::Int: return int_from_i64(ts, c.integer);
    case CodeConstant::Kind::BigInt: return int_from_decimal(ts, c.text);
    case CodeConstant::Kind::Float: return float_from_double(ts, c.real);
    case CodeConstant::Kind::Complex: return complex_from_doubles(ts, c.real, c.imag);
    case CodeConstant::Kind::Str: {
      Object* s = str_from_utf8(ts, c.text.data(), c.text.size());
      // Identifier-like constants are interned, as CPython does.
      bool ident = !c.text.empty() && c.text.size() < 64;
      for (char ch : c.text) ident &= std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
      return ident ? str_intern(ts, s) : s;
    }
    case CodeConstant::Kind::Bytes: return bytes_from(ts, c.text.data(), c.text.size());
    case CodeConstant::Kind::Tuple:
    case CodeConstant::Kind::FrozenSet: {
      Ref t = Ref::steal(tuple_new(ts, c.items.size()));
      if (!t) return nullptr;
      for (size_t i = 0; i < c.items.size(); ++i) {
        Object* item = constant_to_object(ts, c.items[i]);
        if (!item) return nullptr;
        tuple_items(t.get())[i] = item;
      }
      if (c.kind == CodeConstant::Kind::Tuple) return t.release();
      return frozenset_new(ts, t.get());
    }
    case CodeConstant::Kind::Code: return code_new(ts, c.code);
  }
  return nullptr;
}

Object* names_tuple(ThreadState* ts, const std::vector<std::string>& names) {
  Ref t = Ref::steal(tuple_new(ts, names.size()));
  if (!t) return nullptr;
  for (size_t i = 0; i < names.size(); ++i) {
    Object* s = str_intern(ts, str_from_utf8(ts, names[i].data(), names[i].size()));
    if (!s) return nullptr;
    tuple_items(t.get())[i] = s;
  }
  return t.release();
}

void code_dealloc(Object* o) {
  auto* c = as_code(o);
  xdecref(c->consts);
  xdecref(c->names);
  xdecref(c->localsplus);
  xdecref(c->filename);
  xdecref(c->name);
  xdecref(c->qualname);
  mem_free(c->units);
  c->co.~shared_ptr();
  free_object(o);
}

Object* code_repr(ThreadState* ts, Object* o) {
  auto* c = as_code(o);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(o));
  return str_from(ts, "<code object " + c->co->name + " at " + buf + ", file \"" + c->co->filename + "\", line " +
                          std::to_string(c->co->firstlineno) + ">");
}

Object* get_consts(ThreadState*, Object* o) { return new_ref(as_code(o)->consts); }
Object* get_names(ThreadState*, Object* o) { return new_ref(as_code(o)->names); }
Object* get_name(ThreadState*, Object* o) { return new_ref(as_code(o)->name); }
Object* get_qualname(ThreadState*, Object* o) { return new_ref(as_code(o)->qualname); }
Object* get_filename(ThreadState*, Object* o) { return new_ref(as_code(o)->filename); }
Object* get_flags(ThreadState* ts, Object* o) { return int_from_i64(ts, as_code(o)->flags); }
Object* get_argcount(ThreadState* ts, Object* o) { return int_from_i64(ts, as_code(o)->co->argcount); }
Object* get_posonly(ThreadState* ts, Object* o) { return int_from_i64(ts, as_code(o)->co->posonlyargcount); }
Object* get_kwonly(ThreadState* ts, Object* o) { return int_from_i64(ts, as_code(o)->co->kwonlyargcount); }
Object* get_firstlineno(ThreadState* ts, Object* o) { return int_from_i64(ts, as_code(o)->co->firstlineno); }
Object* get_nlocals(ThreadState* ts, Object* o) { return int_from_i64(ts, static_cast<int64_t>(as_code(o)->co->varnames.size())); }
Object* get_stacksize(ThreadState* ts, Object* o) { return int_from_i64(ts, as_code(o)->co->stacksize); }
Object* get_varnames(ThreadState* ts, Object* o) { return names_tuple(ts, as_code(o)->co->varnames); }
Object* get_cellvars(ThreadState* ts, Object* o) { return names_tuple(ts, as_code(o)->co->cellvars); }
Object* get_freevars(ThreadState* ts, Object* o) { return names_tuple(ts, as_code(o)->co->freevars); }
Object* get_code(ThreadState* ts, Object* o) {
  std::string b = as_code(o)->co->co_code_bytes();
  return bytes_from(ts, b.data(), b.size());
}

const GetSetDef code_getsets[] = {
    {"co_consts", get_consts, nullptr},       {"co_names", get_names, nullptr},
    {"co_name", get_name, nullptr},           {"co_qualname", get_qualname, nullptr},
    {"co_filename", get_filename, nullptr},   {"co_flags", get_flags, nullptr},
    {"co_argcount", get_argcount, nullptr},   {"co_posonlyargcount", get_posonly, nullptr},
    {"co_kwonlyargcount", get_kwonly, nullptr}, {"co_firstlineno", get_firstlineno, nullptr},
    {"co_nlocals", get_nlocals, nullptr},     {"co_stacksize", get_stacksize, nullptr},
    {"co_varnames", get_varnames, nullptr},   {"co_cellvars", get_cellvars, nullptr},
    {"co_freevars", get_freevars, nullptr},   {"co_code", get_code, nullptr},
    {},
};

}  // namespace

Object* code_new(ThreadState* ts, std::shared_ptr<const CodeObject> co) {
  auto* c = static_cast<CodeObj*>(alloc_object(ts, &code_type, sizeof(CodeObj)));
  if (!c) return nullptr;
  new (&c->co) std::shared_ptr<const CodeObject>(std::move(co));
  Ref holder = Ref::steal(c);
  const CodeObject& src = *c->co;
  c->consts = tuple_new(ts, src.consts.size());
  if (!c->consts) return nullptr;
  for (size_t i = 0; i < src.consts.size(); ++i) {
    Object* v = constant_to_object(ts, src.consts[i]);
    if (!v) return nullptr;
    tuple_items(c->consts)[i] = v;
  }
  if (!(c->names = names_tuple(ts, src.names))) return nullptr;
  if (!(c->localsplus = names_tuple(ts, src.localsplus_names))) return nullptr;
  if (!(c->filename = str_from(ts, src.filename))) return nullptr;
  if (!(c->name = str_intern(ts, str_from(ts, src.name)))) return nullptr;
  if (!(c->qualname = str_from(ts, src.qualname))) return nullptr;
  c->nunits = static_cast<int>(src.code.size());
  c->units = static_cast<CodeUnit*>(mem_alloc(src.code.size() * sizeof(CodeUnit) + sizeof(CodeUnit)));
  if (!c->units) return runtime::raise_no_memory(ts);
  std::memcpy(c->units, src.code.data(), src.code.size() * sizeof(CodeUnit));
  quicken(c, ts->interp->specialize);
  c->nlocalsplus = src.nlocalsplus();
  c->framesize = c->nlocalsplus + src.stacksize;
  c->flags = src.flags;
  return holder.release();
}

int code_line_at(CodeObj* c, int offset) { return c->co->location_at(offset).lineno; }

void init_code_type(Type& t) {
  t.name = "code";
  t.basicsize = sizeof(CodeObj);
  t.dealloc = code_dealloc;
  t.repr = code_repr;
  t.getsets = code_getsets;
}

}  // namespace spindle::vm
