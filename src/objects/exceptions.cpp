// The builtin exception types (exceptions.def), their constructors, str/repr,
// attributes, and the exception-group operations behind except*.
#include "objects/exceptions.h"

#include <cstring>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"

namespace spindle::objects {

namespace exc {
#define EXC(Name, Base) Type Name;
#include "objects/exceptions.def"
#undef EXC
}  // namespace exc

using runtime::raise;
using runtime::raise_format;

namespace {

// Sets and dicts are not sequences for ExceptionGroup (they have no order).
bool is_anyset_or_dict(Object* o) { return is_anyset(o) || is_dict(o); }

ExceptionObject* E(Object* o) { return static_cast<ExceptionObject*>(o); }

Object* none_if_null(Object* o) { return new_ref(o ? o : py_none()); }

// --- BaseException ------------------------------------------------------------

Object* base_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* o = type_generic_alloc(ts, type, 0);
  if (!o) return nullptr;
  E(o)->args = tuple_from_array(ts, args, nargs);
  if (!E(o)->args) {
    decref(o);
    return nullptr;
  }
  return o;
}

int base_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames_count(kwnames) && self->ob_type->init == base_init) {
    raise_format(ts, &exc::TypeError, "%s() takes no keyword arguments", type_name(self->ob_type));
    return -1;
  }
  Object* t = tuple_from_array(ts, args, nargs);
  if (!t) return -1;
  set_ref(E(self)->args, t);
  return 0;
}

void clear_fields(ExceptionObject* e) {
  clear_ref(e->dict);
  clear_ref(e->args);
  clear_ref(e->notes);
  clear_ref(e->traceback);
  clear_ref(e->context);
  clear_ref(e->cause);
  clear_ref(e->f1);
  clear_ref(e->f2);
  clear_ref(e->f3);
  clear_ref(e->f4);
  clear_ref(e->f5);
  clear_ref(e->f6);
  clear_ref(e->f7);
  clear_ref(e->f8);
}

void base_dealloc(Object* o) {
  clear_fields(E(o));
  if (has_flag(o->ob_type, kTypeHeap)) object_default_dealloc(o);
  else free_object(o);
}

int base_traverse(Object* o, VisitFn visit, void* arg) {
  for (Object* c : {E(o)->dict, E(o)->args, E(o)->notes, E(o)->traceback, E(o)->context, E(o)->cause, E(o)->f1,
                    E(o)->f2, E(o)->f3, E(o)->f4, E(o)->f5, E(o)->f6, E(o)->f7, E(o)->f8})
    if (c && visit(c, arg)) return 1;
  return 0;
}

int base_clear(Object* o) {
  clear_fields(E(o));
  return 0;
}

Object* base_str(ThreadState* ts, Object* self) {
  Object* args = E(self)->args;
  int64_t n = args ? tuple_size(args) : 0;
  if (n == 0) return str_empty();
  if (n == 1) return str(ts, tuple_items(args)[0]);
  return str(ts, args);
}

Object* base_repr(ThreadState* ts, Object* self) {
  Object* args = E(self)->args;
  std::string name = type_name(self->ob_type);
  if (const char* dot = std::strrchr(name.c_str(), '.')) name = dot + 1;
  if (!args || tuple_size(args) == 0) return str_from(ts, name + "()");
  Ref r = Ref::steal(repr(ts, tuple_size(args) == 1 ? tuple_items(args)[0] : args));
  if (!r) return nullptr;
  std::string s(str_view(ts, r.get()));
  if (tuple_size(args) == 1) return str_from(ts, name + "(" + s + ")");
  return str_from(ts, name + s);
}

Object* get_args(ThreadState*, Object* self) { return none_if_null(E(self)->args); }
int set_args(ThreadState* ts, Object* self, Object* value) {
  if (!value) {
    raise(ts, &exc::TypeError, "args may not be deleted");
    return -1;
  }
  Object* t = sequence_tuple(ts, value);
  if (!t) return -1;
  set_ref(E(self)->args, t);
  return 0;
}
Object* get_traceback(ThreadState*, Object* self) { return none_if_null(E(self)->traceback); }
int set_traceback(ThreadState* ts, Object* self, Object* value) {
  if (!value) {
    raise(ts, &exc::TypeError, "__traceback__ may not be deleted");
    return -1;
  }
  if (!is_none(value) && value->ob_type != &traceback_type) {
    raise(ts, &exc::TypeError, "__traceback__ must be a traceback or None");
    return -1;
  }
  set_ref(E(self)->traceback, is_none(value) ? nullptr : new_ref(value));
  return 0;
}
Object* get_context(ThreadState*, Object* self) { return none_if_null(E(self)->context); }
int set_context(ThreadState* ts, Object* self, Object* value) {
  if (!value) {
    raise(ts, &exc::TypeError, "__context__ may not be deleted");
    return -1;
  }
  if (!is_none(value) && !is_exception_instance(value)) {
    raise(ts, &exc::TypeError, "exception context must be None or derive from BaseException");
    return -1;
  }
  set_ref(E(self)->context, is_none(value) ? nullptr : new_ref(value));
  return 0;
}
Object* get_cause(ThreadState*, Object* self) { return none_if_null(E(self)->cause); }
int set_cause(ThreadState* ts, Object* self, Object* value) {
  if (!value) {
    raise(ts, &exc::TypeError, "__cause__ may not be deleted");
    return -1;
  }
  if (!is_none(value) && !is_exception_instance(value)) {
    raise(ts, &exc::TypeError, "exception cause must be None or derive from BaseException");
    return -1;
  }
  set_ref(E(self)->cause, is_none(value) ? nullptr : new_ref(value));
  E(self)->suppress_context = true;
  return 0;
}
Object* get_suppress(ThreadState*, Object* self) { return py_bool(E(self)->suppress_context); }
int set_suppress(ThreadState* ts, Object* self, Object* value) {
  if (!value) {
    raise(ts, &exc::TypeError, "__suppress_context__ may not be deleted");
    return -1;
  }
  int t = is_true(ts, value);
  if (t < 0) return -1;
  E(self)->suppress_context = t;
  return 0;
}

Object* m_with_traceback(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (set_traceback(ts, self, args[0]) < 0) return nullptr;
  return new_ref(self);
}

Object* m_add_note(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (!is_str(args[0])) {
    return raise_format(ts, &exc::TypeError, "note must be a str, not '%s'", type_name(args[0]->ob_type));
  }
  Ref notes_name = Ref::steal(str_intern_cstr(ts, "__notes__"));
  Ref notes = Ref::steal(lookup_attr(ts, self, notes_name.get()));
  if (!notes) {
    if (runtime::has_exception(ts)) return nullptr;
    notes = Ref::steal(list_new(ts, 0));
    if (!notes || set_attr(ts, self, notes_name.get(), notes.get()) < 0) return nullptr;
  } else if (!is_list(notes.get())) {
    return raise(ts, &exc::TypeError, "Cannot add note: __notes__ is not a list");
  }
  if (list_append(ts, notes.get(), args[0]) < 0) return nullptr;
  return py_none();
}

// __dict__, created on first use (so a fresh exception reduces without one).
Object* get_dict(ThreadState* ts, Object* self) {
  Object* d = instance_dict_borrowed(ts, self);
  if (!d) return runtime::has_exception(ts) ? nullptr : dict_new(ts);
  return new_ref(d);
}
int set_dict(ThreadState* ts, Object* self, Object* value) {
  if (!value) {
    raise(ts, &exc::TypeError, "cannot delete __dict__");
    return -1;
  }
  if (!is_dict(value)) {
    raise_format(ts, &exc::TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(value->ob_type));
    return -1;
  }
  Object** slot = instance_dict_ptr(self);
  if (!slot) return 0;
  // Materialize any inline values first so the slot holds a plain dict to replace.
  if (*slot && !instance_dict_borrowed(ts, self)) return -1;
  set_ref(*slot, new_ref(value));
  return 0;
}

// (type(self), args) or (type(self), args, __dict__) once a dict exists.
Object* m_reduce(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Object** slot = instance_dict_ptr(self);
  if (slot && *slot) {
    Object* d = instance_dict_borrowed(ts, self);
    if (!d) return nullptr;
    return tuple_pack(ts, {self->ob_type, E(self)->args, d});
  }
  return tuple_pack(ts, {self->ob_type, E(self)->args});
}

// Sets each item of a dict `state` as an attribute; None does nothing.
Object* m_setstate(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Object* state = args[0];
  if (is_none(state)) return py_none();
  if (!is_dict(state)) return raise(ts, &exc::TypeError, "state is not a dictionary");
  Ref items = Ref::steal(sequence_list(ts, state));
  if (!items) return nullptr;
  for (int64_t i = 0; i < list_size(items.get()); ++i) {
    Object* k = list_items(items.get())[i];
    Object* v = dict_get_item_borrowed(ts, state, k);
    if (!v) {
      if (runtime::has_exception(ts)) return nullptr;
      continue;
    }
    Ref keep = Ref::borrow(v);
    if (set_attr(ts, self, k, v) < 0) return nullptr;
  }
  return py_none();
}

const MethodDef base_methods[] = {
    {"with_traceback", m_with_traceback, kMethO},
    {"add_note", m_add_note, kMethO},
    {"__reduce__", m_reduce, kMethNoArgs},
    {"__setstate__", m_setstate, kMethO},
    {},
};

const GetSetDef base_getsets[] = {
    {"__dict__", get_dict, set_dict},
    {"args", get_args, set_args},
    {"__traceback__", get_traceback, set_traceback},
    {"__context__", get_context, set_context},
    {"__cause__", get_cause, set_cause},
    {"__suppress_context__", get_suppress, set_suppress},
    {},
};

#define FIELD(name, f) {name, MemberKind::ObjectOrNone, offsetof(ExceptionObject, f), false}

// --- StopIteration, SystemExit -----------------------------------------------
int first_arg_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames, bool system_exit) {
  if (base_init(ts, self, args, nargs, kwnames) < 0) return -1;
  Object* v;
  if (nargs == 0) v = py_none();
  else if (nargs == 1 || !system_exit) v = args[0];
  else v = E(self)->args;
  set_ref(E(self)->f1, new_ref(v));
  return 0;
}
int stop_iteration_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw) {
  return first_arg_init(ts, self, args, nargs, kw, false);
}
int system_exit_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw) {
  return first_arg_init(ts, self, args, nargs, kw, true);
}
const MemberDef stop_iteration_members[] = {FIELD("value", f1), {}};
const MemberDef system_exit_members[] = {FIELD("code", f1), {}};

// --- ImportError ----------------------------------------------------------------
int import_error_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  size_t nkw = kwnames_count(kwnames);
  size_t npos = nargs;
  Object* name = nullptr;
  Object* path = nullptr;
  for (size_t i = 0; i < nkw; ++i) {
    Object* k = tuple_items(kwnames)[i];
    if (str_equal_cstr(k, "name")) name = args[npos + i];
    else if (str_equal_cstr(k, "path")) path = args[npos + i];
    else {
      raise_format(ts, &exc::TypeError, "'%s' is an invalid keyword argument for ImportError()",
                   std::string(str_view(ts, k)).c_str());
      return -1;
    }
  }
  Object* t = tuple_from_array(ts, args, npos);
  if (!t) return -1;
  set_ref(E(self)->args, t);
  set_ref(E(self)->f1, new_ref(npos == 1 ? args[0] : py_none()));
  set_ref(E(self)->f2, new_ref(name ? name : py_none()));
  set_ref(E(self)->f3, new_ref(path ? path : py_none()));
  return 0;
}
Object* import_error_str(ThreadState* ts, Object* self) {
  if (E(self)->f1 && !is_none(E(self)->f1)) return str(ts, E(self)->f1);
  return base_str(ts, self);
}
const MemberDef import_error_members[] = {FIELD("msg", f1), FIELD("name", f2), FIELD("path", f3), {}};

// --- NameError / AttributeError ---------------------------------------------------
int keyword_fields_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames,
                        const char* cls, const char* k1, const char* k2) {
  size_t nkw = kwnames_count(kwnames);
  size_t npos = nargs;
  for (size_t i = 0; i < nkw; ++i) {
    Object* k = tuple_items(kwnames)[i];
    if (str_equal_cstr(k, k1)) set_ref(E(self)->f1, new_ref(args[npos + i]));
    else if (k2 && str_equal_cstr(k, k2)) set_ref(E(self)->f2, new_ref(args[npos + i]));
    else {
      raise_format(ts, &exc::TypeError, "%s() got an unexpected keyword argument '%s'", cls,
                   std::string(str_view(ts, k)).c_str());
      return -1;
    }
  }
  Object* t = tuple_from_array(ts, args, npos);
  if (!t) return -1;
  set_ref(E(self)->args, t);
  return 0;
}
int name_error_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw) {
  return keyword_fields_init(ts, self, args, nargs, kw, "NameError", "name", nullptr);
}
int attribute_error_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw) {
  return keyword_fields_init(ts, self, args, nargs, kw, "AttributeError", "name", "obj");
}
const MemberDef name_error_members[] = {FIELD("name", f1), {}};
const MemberDef attribute_error_members[] = {FIELD("name", f1), FIELD("obj", f2), {}};

// --- KeyError: str of a single argument is its repr ------------------------------
Object* key_error_str(ThreadState* ts, Object* self) {
  Object* args = E(self)->args;
  if (args && tuple_size(args) == 1) return repr(ts, tuple_items(args)[0]);
  return base_str(ts, self);
}

// --- OSError ------------------------------------------------------------------------
int os_error_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (base_init(ts, self, args, nargs, kwnames) < 0) return -1;
  if (nargs >= 2 && nargs <= 5) {
    set_ref(E(self)->f1, new_ref(args[0]));
    set_ref(E(self)->f2, new_ref(args[1]));
    if (nargs >= 3) set_ref(E(self)->f3, new_ref(args[2]));
    if (nargs >= 5) set_ref(E(self)->f4, new_ref(args[4]));
    if (nargs >= 3) {
      Object* t = tuple_from_array(ts, args, 2);
      if (!t) return -1;
      set_ref(E(self)->args, t);
    }
  }
  return 0;
}
Object* os_error_str(ThreadState* ts, Object* self) {
  ExceptionObject* e = E(self);
  if (e->f1 && e->f2) {
    std::string s = "[Errno " + std::string(str_view(ts, Ref::steal(str(ts, e->f1)).get())) + "] " +
                    std::string(str_view(ts, Ref::steal(str(ts, e->f2)).get()));
    if (e->f3 && !is_none(e->f3)) {
      s += ": " + repr_utf8(ts, e->f3);
      if (e->f4 && !is_none(e->f4)) s += " -> " + repr_utf8(ts, e->f4);
    }
    return str_from(ts, s);
  }
  return base_str(ts, self);
}
const MemberDef os_error_members[] = {FIELD("errno", f1), FIELD("strerror", f2), FIELD("filename", f3),
                                      FIELD("filename2", f4), {}};

// --- SyntaxError ---------------------------------------------------------------------
int syntax_error_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (base_init(ts, self, args, nargs, kwnames) < 0) return -1;
  ExceptionObject* e = E(self);
  if (nargs >= 1) set_ref(e->f1, new_ref(args[0]));
  if (nargs == 2) {
    Ref info = Ref::steal(sequence_tuple(ts, args[1]));
    if (!info) return -1;
    int64_t n = tuple_size(info.get());
    if (n < 4 || n > 6) {
      raise(ts, &exc::IndexError, "tuple index out of range");
      return -1;
    }
    Object** it = tuple_items(info.get());
    set_ref(e->f2, new_ref(it[0]));
    set_ref(e->f3, new_ref(it[1]));
    set_ref(e->f4, new_ref(it[2]));
    set_ref(e->f5, new_ref(it[3]));
    if (n > 4) set_ref(e->f6, new_ref(it[4]));
    if (n > 5) set_ref(e->f7, new_ref(it[5]));
  }
  return 0;
}
Object* syntax_error_str(ThreadState* ts, Object* self) {
  ExceptionObject* e = E(self);
  Ref msg = Ref::steal(str(ts, e->f1 ? e->f1 : py_none()));
  if (!msg) return nullptr;
  std::string s(str_view(ts, msg.get()));
  bool have_file = e->f2 && is_str(e->f2);
  bool have_line = e->f3 && is_int(e->f3);
  if (have_file || have_line) {
    std::string file;
    if (have_file) {
      file = std::string(str_view(ts, e->f2));
      size_t slash = file.rfind('/');
      if (slash != std::string::npos) file = file.substr(slash + 1);
    }
    if (have_file && have_line) s += " (" + file + ", line " + repr_utf8(ts, e->f3) + ")";
    else if (have_file) s += " (" + file + ")";
    else s += " (line " + repr_utf8(ts, e->f3) + ")";
  }
  return str_from(ts, s);
}
const MemberDef syntax_error_members[] = {FIELD("msg", f1),        FIELD("filename", f2),   FIELD("lineno", f3),
                                          FIELD("offset", f4),     FIELD("text", f5),       FIELD("end_lineno", f6),
                                          FIELD("end_offset", f7), FIELD("print_file_and_line", f8), {}};

// --- UnicodeError ----------------------------------------------------------------------
int unicode_error_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (base_init(ts, self, args, nargs, kwnames) < 0) return -1;
  if (nargs == 5) {
    set_ref(E(self)->f1, new_ref(args[0]));
    set_ref(E(self)->f2, new_ref(args[1]));
    set_ref(E(self)->f3, new_ref(args[2]));
    set_ref(E(self)->f4, new_ref(args[3]));
    set_ref(E(self)->f5, new_ref(args[4]));
  }
  return 0;
}
Object* unicode_error_str(ThreadState* ts, Object* self, bool decode) {
  ExceptionObject* e = E(self);
  if (!e->f1 || !e->f3 || !is_int(e->f3) || !is_int(e->f4)) return base_str(ts, self);
  int64_t start = int_small_value(e->f3), end = int_small_value(e->f4);
  std::string enc(str_view(ts, e->f1));
  std::string reason(str_view(ts, e->f5));
  char buf[256];
  if (decode) {
    std::string_view bytes = e->f2 && !is_str(e->f2) ? std::string_view() : std::string_view();
    (void)bytes;
    if (end == start + 1) {
      Ref item = Ref::steal(get_item(ts, e->f2, e->f3));
      long long b = item && is_int(item.get()) ? int_small_value(item.get()) : 0;
      runtime::clear_exception(ts);
      std::snprintf(buf, sizeof buf, "'%s' codec can't decode byte 0x%02llx in position %lld: %s", enc.c_str(), b,
                    static_cast<long long>(start), reason.c_str());
    } else {
      std::snprintf(buf, sizeof buf, "'%s' codec can't decode bytes in position %lld-%lld: %s", enc.c_str(),
                    static_cast<long long>(start), static_cast<long long>(end - 1), reason.c_str());
    }
  } else {
    if (end == start + 1 && is_str(e->f2) && start < static_cast<int64_t>(str_length(e->f2))) {
      uint32_t c = str_char_at(e->f2, start);
      const char* fmt = c <= 0xff ? "'%s' codec can't encode character '\\x%02x' in position %lld: %s"
                        : c <= 0xffff ? "'%s' codec can't encode character '\\u%04x' in position %lld: %s"
                                      : "'%s' codec can't encode character '\\U%08x' in position %lld: %s";
      std::snprintf(buf, sizeof buf, fmt, enc.c_str(), c, static_cast<long long>(start), reason.c_str());
    } else {
      std::snprintf(buf, sizeof buf, "'%s' codec can't encode characters in position %lld-%lld: %s", enc.c_str(),
                    static_cast<long long>(start), static_cast<long long>(end - 1), reason.c_str());
    }
  }
  return str_from_cstr(ts, buf);
}
Object* unicode_decode_error_str(ThreadState* ts, Object* self) { return unicode_error_str(ts, self, true); }
Object* unicode_encode_error_str(ThreadState* ts, Object* self) { return unicode_error_str(ts, self, false); }
const MemberDef unicode_error_members[] = {FIELD("encoding", f1), FIELD("object", f2), FIELD("start", f3),
                                           FIELD("end", f4), FIELD("reason", f5), {}};

// --- BaseExceptionGroup ------------------------------------------------------------------
Object* group_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, type_name(type), nargs, kwnames, 2, 2) < 0) return nullptr;
  Object* msg = args[0];
  if (!is_str(msg)) {
    return raise_format(ts, &exc::TypeError, "argument 1 must be str, not %s", type_name(msg->ob_type));
  }
  if (!args[1]->ob_type->mp_subscript || is_anyset_or_dict(args[1])) {
    return raise(ts, &exc::TypeError, "second argument (exceptions) must be a sequence");
  }
  Ref excs = Ref::steal(sequence_tuple(ts, args[1]));
  if (!excs) return nullptr;
  if (tuple_size(excs.get()) == 0) return raise(ts, &exc::ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool all_exceptions = true;
  for (int64_t i = 0; i < tuple_size(excs.get()); ++i) {
    Object* e = tuple_items(excs.get())[i];
    if (!is_exception_instance(e)) {
      return raise_format(ts, &exc::ValueError, "Item %lld of second argument (exceptions) is not an exception",
                          static_cast<long long>(i));
    }
    if (!is_instance_of(e, &exc::Exception)) all_exceptions = false;
  }
  if (type == &exc::BaseExceptionGroup) {
    if (all_exceptions) type = &exc::ExceptionGroup;
  } else if (type == &exc::ExceptionGroup) {
    if (!all_exceptions) return raise(ts, &exc::TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (!all_exceptions && is_subtype(type, &exc::Exception)) {
    return raise_format(ts, &exc::TypeError, "Cannot nest BaseExceptions in '%s'", type_name(type));
  }
  Object* o = base_new(ts, type, args, nargs, nullptr);
  if (!o) return nullptr;
  E(o)->f1 = new_ref(msg);
  E(o)->f2 = excs.release();
  return o;
}
int group_init(ThreadState*, Object*, Object* const*, size_t, Object*) { return 0; }
Object* group_str(ThreadState* ts, Object* self) {
  int64_t n = tuple_size(E(self)->f2);
  std::string s(str_view(ts, E(self)->f1));
  s += " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")";
  return str_from(ts, s);
}
Object* m_derive(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Object* a[2] = {E(self)->f1, args[0]};
  return call(ts, &exc::BaseExceptionGroup, a, 2);
}

// Copies __traceback__, __context__, __cause__ and __notes__ onto a derived group.
int copy_group_metadata(ThreadState* ts, Object* orig, Object* derived) {
  exception_set_traceback(derived, E(orig)->traceback);
  set_ref(E(derived)->context, xnew_ref(E(orig)->context));
  set_ref(E(derived)->cause, xnew_ref(E(orig)->cause));
  E(derived)->suppress_context = E(orig)->suppress_context;
  Ref notes_name = Ref::steal(str_intern_cstr(ts, "__notes__"));
  Ref notes = Ref::steal(lookup_attr(ts, orig, notes_name.get()));
  if (notes && set_attr(ts, derived, notes_name.get(), notes.get()) < 0) return -1;
  return runtime::has_exception(ts) ? -1 : 0;
}

enum class MatchKind { Type, Predicate, Instances };

// Whether a leaf exception matches.
int leaf_matches(ThreadState* ts, Object* e, Object* matcher, MatchKind kind) {
  if (kind == MatchKind::Predicate) {
    Ref r = Ref::steal(call(ts, matcher, &e, 1));
    if (!r) return -1;
    return is_true(ts, r.get());
  }
  if (kind == MatchKind::Instances) {
    for (int64_t i = 0; i < list_size(matcher); ++i)
      if (list_items(matcher)[i] == e) return 1;
    return 0;
  }
  return is_instance(ts, e, matcher);
}

// Splits `e` into (match, rest), either possibly nullptr.
int split(ThreadState* ts, Object* e, Object* matcher, MatchKind kind, bool want_rest, Object** match, Object** rest) {
  *match = *rest = nullptr;
  int m = leaf_matches(ts, e, matcher, kind);
  if (m < 0) return -1;
  if (m) {
    *match = new_ref(e);
    return 0;
  }
  if (!is_instance_of(e, &exc::BaseExceptionGroup)) {
    if (want_rest) *rest = new_ref(e);
    return 0;
  }
  Object* excs = E(e)->f2;
  Ref ml = Ref::steal(list_new(ts, 0)), rl = Ref::steal(list_new(ts, 0));
  if (!ml || !rl) return -1;
  for (int64_t i = 0; i < tuple_size(excs); ++i) {
    Object *sm, *sr;
    if (split(ts, tuple_items(excs)[i], matcher, kind, want_rest, &sm, &sr) < 0) return -1;
    Ref a = Ref::steal(sm), b = Ref::steal(sr);
    if (sm && list_append(ts, ml.get(), sm) < 0) return -1;
    if (sr && list_append(ts, rl.get(), sr) < 0) return -1;
  }
  auto derive = [&](Object* list, Object** out) -> int {
    if (list_size(list) == 0) return 0;
    Ref d = Ref::steal(call_method(ts, e, Ref::steal(str_intern_cstr(ts, "derive")).get(), &list, 1));
    if (!d) return -1;
    if (!is_instance_of(d.get(), &exc::BaseExceptionGroup)) {
      raise(ts, &exc::TypeError, "derive must return an instance of BaseExceptionGroup");
      return -1;
    }
    if (copy_group_metadata(ts, e, d.get()) < 0) return -1;
    *out = d.release();
    return 0;
  };
  if (derive(ml.get(), match) < 0) return -1;
  if (want_rest && derive(rl.get(), rest) < 0) {
    clear_ref(*match);
    return -1;
  }
  return 0;
}

int matcher_kind(ThreadState* ts, Object* matcher, MatchKind* kind) {
  if (is_exception_class(matcher)) {
    *kind = MatchKind::Type;
    return 0;
  }
  if (is_tuple(matcher)) {
    for (int64_t i = 0; i < tuple_size(matcher); ++i) {
      if (!is_exception_class(tuple_items(matcher)[i])) goto bad;
    }
    *kind = MatchKind::Type;
    return 0;
  }
  if (is_callable(matcher)) {
    *kind = MatchKind::Predicate;
    return 0;
  }
bad:
  raise(ts, &exc::TypeError, "expected an exception type, a tuple of exception types, or a callable (other than a class)");
  return -1;
}

Object* m_split(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  MatchKind kind;
  if (matcher_kind(ts, args[0], &kind) < 0) return nullptr;
  Object *m, *r;
  if (split(ts, self, args[0], kind, true, &m, &r) < 0) return nullptr;
  Ref a = Ref::steal(m ? m : py_none()), b = Ref::steal(r ? r : py_none());
  return tuple_pack(ts, {a.get(), b.get()});
}
Object* m_subgroup(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  MatchKind kind;
  if (matcher_kind(ts, args[0], &kind) < 0) return nullptr;
  Object *m, *r;
  if (split(ts, self, args[0], kind, false, &m, &r) < 0) return nullptr;
  return m ? m : py_none();
}

const MethodDef group_methods[] = {
    {"derive", m_derive, kMethO},
    {"split", m_split, kMethO},
    {"subgroup", m_subgroup, kMethO},
    {},
};
const MemberDef group_members[] = {
    {"message", MemberKind::Object, offsetof(ExceptionObject, f1), true},
    {"exceptions", MemberKind::Object, offsetof(ExceptionObject, f2), true},
    {},
};

#undef FIELD

}  // namespace


// ---------------------------------------------------------------------------
// Public helpers
// ---------------------------------------------------------------------------
Object* exception_new(ThreadState* ts, Type* type, Object* args_tuple) {
  return call(ts, type, tuple_items(args_tuple), static_cast<size_t>(tuple_size(args_tuple)));
}

std::nullptr_t raise_stop_iteration(ThreadState* ts, Object* value) {
  Object* e = value && !is_none(value) ? call(ts, &exc::StopIteration, &value, 1) : call(ts, &exc::StopIteration, nullptr, 0);
  if (!e) return nullptr;
  if (value && !is_none(value) && is_tuple(value)) {
    // StopIteration((1, 2)).value is the tuple itself.
    set_ref(E(e)->f1, new_ref(value));
  }
  runtime::raise_object(ts, e);
  decref(e);
  return nullptr;
}

std::nullptr_t raise_attribute_error(ThreadState* ts, Object* obj, Object* name) {
  std::string msg = std::string("'") + type_name(obj->ob_type) + "' object has no attribute '" +
                    std::string(str_view(ts, name)) + "'";
  Ref m = Ref::steal(str_from(ts, msg));
  if (!m) return nullptr;
  Object* a = m.get();
  Ref e = Ref::steal(call(ts, &exc::AttributeError, &a, 1));
  if (!e) return nullptr;
  set_ref(E(e.get())->f1, new_ref(name));
  set_ref(E(e.get())->f2, new_ref(obj));
  return runtime::raise_object(ts, e.get());
}

Object* syntax_error_new(ThreadState* ts, Type* type, const std::string& msg, const std::string& filename, int lineno,
                         int offset, const std::string* text, int end_lineno, int end_offset) {
  Ref m = Ref::steal(str_from(ts, msg));
  Ref f = Ref::steal(str_from(ts, filename));
  Ref l = Ref::steal(int_from_i64(ts, lineno));
  Ref o = Ref::steal(offset >= 0 ? int_from_i64(ts, offset) : new_ref(py_none()));
  Ref t = Ref::steal(text ? str_from(ts, *text) : new_ref(py_none()));
  Ref el = Ref::steal(end_lineno >= 0 ? int_from_i64(ts, end_lineno) : new_ref(py_none()));
  Ref eo = Ref::steal(int_from_i64(ts, end_offset));
  if (!m || !f || !l || !o || !t || !el || !eo) return nullptr;
  Ref info = Ref::steal(tuple_pack(ts, {f.get(), l.get(), o.get(), t.get(), el.get(), eo.get()}));
  if (!info) return nullptr;
  Object* a[2] = {m.get(), info.get()};
  return call(ts, type, a, 2);
}

int exception_group_match(ThreadState* ts, Object* exc_value, Object* match_type, Object** match, Object** rest) {
  *match = *rest = nullptr;
  if (is_none(exc_value)) {
    *match = new_ref(py_none());
    *rest = new_ref(py_none());
    return 0;
  }
  int m = is_instance(ts, exc_value, match_type);
  if (m < 0) return -1;
  if (m) {
    // A naked exception that matches is wrapped in an ExceptionGroup.
    if (!is_instance_of(exc_value, &exc::BaseExceptionGroup)) {
      Ref msg = Ref::steal(str_empty());
      Ref excs = Ref::steal(tuple_pack(ts, {exc_value}));
      if (!excs) return -1;
      Object* a[2] = {msg.get(), excs.get()};
      Object* g = call(ts, &exc::BaseExceptionGroup, a, 2);
      if (!g) return -1;
      exception_set_traceback(g, E(exc_value)->traceback);
      *match = g;
    } else {
      *match = new_ref(exc_value);
    }
    *rest = new_ref(py_none());
    return 0;
  }
  if (is_instance_of(exc_value, &exc::BaseExceptionGroup)) {
    Object *sm, *sr;
    if (split(ts, exc_value, match_type, MatchKind::Type, true, &sm, &sr) < 0) return -1;
    *match = sm ? sm : py_none();
    *rest = sr ? sr : py_none();
    return 0;
  }
  // No match: the whole exception is the rest.
  *match = new_ref(py_none());
  *rest = new_ref(exc_value);
  return 0;
}

Object* prep_reraise_star(ThreadState* ts, Object* orig, Object* excs) {
  int64_t n = list_size(excs);
  Ref raised = Ref::steal(list_new(ts, 0)), reraised = Ref::steal(list_new(ts, 0));
  if (!raised || !reraised) return nullptr;
  // Leaves of the original group, by identity.
  Ref leaves = Ref::steal(list_new(ts, 0));
  if (!leaves) return nullptr;
  auto collect = [&](auto& self, Object* e) -> int {
    if (is_instance_of(e, &exc::BaseExceptionGroup)) {
      for (int64_t i = 0; i < tuple_size(E(e)->f2); ++i)
        if (self(self, tuple_items(E(e)->f2)[i]) < 0) return -1;
      return 0;
    }
    return list_append(ts, leaves.get(), e);
  };
  if (!is_none(orig) && collect(collect, orig) < 0) return nullptr;
  for (int64_t i = 0; i < n; ++i) {
    Object* e = list_items(excs)[i];
    if (is_none(e)) continue;
    // Re-raised iff all its leaves come from the original.
    bool is_reraise = true;
    Ref el = Ref::steal(list_new(ts, 0));
    Ref saved = Ref::borrow(leaves.get());
    std::swap(leaves, el);
    if (collect(collect, e) < 0) return nullptr;
    std::swap(leaves, el);
    for (int64_t k = 0; k < list_size(el.get()) && is_reraise; ++k) {
      bool found = false;
      for (int64_t j = 0; j < list_size(leaves.get()); ++j) found |= list_items(leaves.get())[j] == list_items(el.get())[k];
      is_reraise = found;
    }
    if (list_append(ts, is_reraise ? reraised.get() : raised.get(), e) < 0) return nullptr;
  }
  Object* keep = py_none();
  Ref keep_ref;
  if (list_size(reraised.get()) > 0 && !is_none(orig)) {
    // Keep the parts of the original whose leaves were re-raised.
    Ref rleaves = Ref::steal(list_new(ts, 0));
    if (!rleaves) return nullptr;
    std::swap(leaves, rleaves);
    for (int64_t i = 0; i < list_size(reraised.get()); ++i)
      if (collect(collect, list_items(reraised.get())[i]) < 0) return nullptr;
    std::swap(leaves, rleaves);
    Object *m, *r;
    if (split(ts, orig, rleaves.get(), MatchKind::Instances, false, &m, &r) < 0) return nullptr;
    keep_ref = Ref::steal(m);
    if (m) keep = m;
  }
  int64_t nraised = list_size(raised.get());
  if (nraised == 0) return new_ref(keep);
  Ref all = Ref::steal(list_new(ts, 0));
  if (!all || list_extend(ts, all.get(), raised.get()) < 0) return nullptr;
  if (!is_none(keep) && list_append(ts, all.get(), keep) < 0) return nullptr;
  if (list_size(all.get()) == 1) return new_ref(list_items(all.get())[0]);
  Ref msg = Ref::steal(str_empty());
  Object* a[2] = {msg.get(), all.get()};
  return call(ts, &exc::BaseExceptionGroup, a, 2);
}

Object* exception_get_traceback_borrowed(Object* e) { return E(e)->traceback; }
void exception_set_traceback(Object* e, Object* tb) { set_ref(E(e)->traceback, tb && !is_none(tb) ? new_ref(tb) : nullptr); }
void exception_set_context(Object* e, Object* steal_ctx) {
  if (steal_ctx && is_none(steal_ctx)) steal_ctx = nullptr;
  set_ref(E(e)->context, steal_ctx);
}
void exception_set_cause(Object* e, Object* steal_cause) {
  if (steal_cause && is_none(steal_cause)) steal_cause = nullptr;
  set_ref(E(e)->cause, steal_cause);
  E(e)->suppress_context = true;
}
Object* stop_iteration_value_borrowed(Object* e) { return E(e)->f1 ? E(e)->f1 : py_none(); }
Object* system_exit_code_borrowed(Object* e) { return E(e)->f1 ? E(e)->f1 : py_none(); }

// ---------------------------------------------------------------------------
// Start-up
// ---------------------------------------------------------------------------
int init_exception_types(ThreadState* ts) {
  struct Init {
    Type* type;
    Type* base;
    const char* name;
  };
  static const Init kInits[] = {
#define EXC(Name, Base) {&exc::Name, nullptr, #Name},
#include "objects/exceptions.def"
#undef EXC
  };
  // Bases by name (the .def lists a base before its subclasses).
  auto find = [&](const char* name) -> Type* {
    for (const Init& i : kInits)
      if (std::strcmp(i.name, name) == 0) return i.type;
    return nullptr;
  };
  static const char* const kBases[] = {
#define EXC(Name, Base) #Base,
#include "objects/exceptions.def"
#undef EXC
  };
  size_t k = 0;
  for (const Init& i : kInits) {
    Type& t = *i.type;
    t.name = i.name;
    t.basicsize = sizeof(ExceptionObject);
    t.flags = kTypeBaseType | kTypeHaveGC | kTypeBaseExceptionSubclass;
    t.dictoffset = offsetof(ExceptionObject, dict);
    const char* base = kBases[k++];
    t.base = std::strcmp(base, "Object") == 0 ? &object_type : find(base);
    if (&t == &exc::BaseException) {
      t.new_ = base_new;
      t.init = base_init;
      t.dealloc = base_dealloc;
      t.traverse = base_traverse;
      t.clear = base_clear;
      t.str = base_str;
      t.repr = base_repr;
      t.methods = base_methods;
      t.getsets = base_getsets;
    }
  }
  exc::StopIteration.init = stop_iteration_init;
  exc::StopIteration.members = stop_iteration_members;
  exc::SystemExit.init = system_exit_init;
  exc::SystemExit.members = system_exit_members;
  exc::ImportError.init = import_error_init;
  exc::ImportError.str = import_error_str;
  exc::ImportError.members = import_error_members;
  exc::NameError.init = name_error_init;
  exc::NameError.members = name_error_members;
  exc::AttributeError.init = attribute_error_init;
  exc::AttributeError.members = attribute_error_members;
  exc::KeyError.str = key_error_str;
  exc::OSError.init = os_error_init;
  exc::OSError.str = os_error_str;
  exc::OSError.members = os_error_members;
  exc::SyntaxError.init = syntax_error_init;
  exc::SyntaxError.str = syntax_error_str;
  exc::SyntaxError.members = syntax_error_members;
  exc::UnicodeError.init = unicode_error_init;
  exc::UnicodeError.members = unicode_error_members;
  exc::UnicodeDecodeError.str = unicode_decode_error_str;
  exc::UnicodeEncodeError.str = unicode_encode_error_str;
  exc::BaseExceptionGroup.new_ = group_new;
  exc::BaseExceptionGroup.init = group_init;
  exc::BaseExceptionGroup.str = group_str;
  exc::BaseExceptionGroup.methods = group_methods;
  exc::BaseExceptionGroup.members = group_members;

  for (const Init& i : kInits) {
    if (i.type == &exc::ExceptionGroup) {
      // ExceptionGroup(BaseExceptionGroup, Exception).
      i.type->bases = tuple_pack(ts, {&exc::BaseExceptionGroup, &exc::Exception});
      if (!i.type->bases) return -1;
    }
    if (type_ready(ts, i.type) < 0) return -1;
    make_immortal(i.type);
  }
  return 0;
}

}  // namespace spindle::objects
