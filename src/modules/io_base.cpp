// io's base classes: the static _io._IOBase, _io._RawIOBase,
// _io._BufferedIOBase and _io._TextIOBase (the default methods every stream
// inherits), and the ABCs io.IOBase, io.RawIOBase, io.BufferedIOBase and
// io.TextIOBase built over them when io is imported.
//
// As in CPython, the defaults are written against the overridable methods
// only: readline() calls peek()/read(), iteration calls readline(), close()
// calls flush(), tell() calls seek(0, 1), RawIOBase.read() calls readinto(),
// BufferedIOBase.readinto() calls read(). A subclass that defines read() or
// readinto() gets the rest.
//
// Invariants:
//   * The static types have no fields (basicsize == sizeof(Object)), so any
//     stream type may derive from them; their "closed" state lives in the
//     instance dict as `__IOBase_closed` (present = closed), which heap
//     subclasses have. The concrete streams (StringIO, files, sys streams)
//     override close/closed with their own state.
//   * The finalizer (__del__) closes an instance that is not closed yet,
//     after setting `_finalizing`, and swallows any error, as CPython does.
//   * The concrete streams derive from the static types (StringIO from
//     _TextIOBase, BytesIO and the binary files from _BufferedIOBase) and are
//     registered with the matching ABC, so isinstance(StringIO(), TextIOBase).
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "modules/import.h"
#include "modules/modules.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {
Type iobase_type, raw_iobase_type, buffered_iobase_type, text_iobase_type;
extern Type text_stream_type;
}  // namespace spindle::objects

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

namespace {

constexpr int64_t kDefaultBufferSize = 8192;  // io.DEFAULT_BUFFER_SIZE

std::nullptr_t unsupported(ThreadState* ts, const char* what) { return raise(ts, &unsupported_operation_type, what); }

std::nullptr_t closed_error(ThreadState* ts) { return raise(ts, &exc::ValueError, "I/O operation on closed file."); }

Object* call_noargs(ThreadState* ts, Object* self, const char* name) {
  Ref n = Ref::steal(str_intern_cstr(ts, name));
  return n ? call_method(ts, self, n.get(), nullptr, 0) : nullptr;
}

Object* call_args(ThreadState* ts, Object* self, const char* name, std::initializer_list<Object*> args) {
  Ref n = Ref::steal(str_intern_cstr(ts, name));
  return n ? call_method(ts, self, n.get(), args.begin(), args.size()) : nullptr;
}

// Whether the instance dict holds __IOBase_closed (the base's closed flag).
// 0/1/-1.
int base_is_closed(ThreadState* ts, Object* self) {
  Ref n = Ref::steal(str_intern_cstr(ts, "__IOBase_closed"));
  if (!n) return -1;
  Ref v = Ref::steal(lookup_attr(ts, self, n.get()));
  if (v) return 1;
  return runtime::has_exception(ts) ? -1 : 0;
}

// self.closed is true: ValueError. 0 / -1.
int check_closed(ThreadState* ts, Object* self) {
  Ref c = Ref::steal(get_attr_str(ts, self, "closed"));
  if (!c) return -1;
  int t = is_true(ts, c.get());
  if (t < 0) return -1;
  if (t) {
    closed_error(ts);
    return -1;
  }
  return 0;
}

// An optional size (None or an index): -1 when absent. false with TypeError.
bool optional_size(ThreadState* ts, Object* o, int64_t* out) {
  *out = -1;
  if (!o || is_none(o)) return true;
  if (!is_int(o) && !o->ob_type->nb_index) {
    raise_format(ts, &exc::TypeError, "argument should be integer or None, not '%s'", tp_name(o));
    return false;
  }
  *out = as_ssize(ts, o, &exc::OverflowError);
  return !(*out == -1 && runtime::has_exception(ts));
}

// --- _IOBase ------------------------------------------------------------

Object* b_seek(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return unsupported(ts, "seek"); }
Object* b_truncate(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return unsupported(ts, "truncate"); }
Object* b_fileno(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return unsupported(ts, "fileno"); }

Object* b_tell(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref zero = Ref::steal(int_from_i64(ts, 0));
  Ref one = Ref::steal(int_from_i64(ts, 1));
  if (!zero || !one) return nullptr;
  return call_args(ts, self, "seek", {zero.get(), one.get()});
}

Object* b_flush(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  int c = base_is_closed(ts, self);
  if (c < 0) return nullptr;
  if (c) return closed_error(ts);
  return new_ref(py_none());
}

// close(): flush, then mark closed even if flush failed (its error wins).
Object* b_close(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  int c = base_is_closed(ts, self);
  if (c < 0) return nullptr;
  if (c) return new_ref(py_none());
  Ref r = Ref::steal(call_noargs(ts, self, "flush"));
  Object* pending = r ? nullptr : runtime::fetch_exception(ts);
  Ref n = Ref::steal(str_intern_cstr(ts, "__IOBase_closed"));
  if (!n || set_attr(ts, self, n.get(), py_true()) < 0) {
    if (pending) decref(pending);
    return nullptr;
  }
  if (pending) {
    runtime::restore_exception(ts, pending);
    return nullptr;
  }
  return new_ref(py_none());
}

Object* b_false(ThreadState*, Object*, Object* const*, size_t, Object*) { return new_ref(py_false()); }

Object* b_check_closed(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return check_closed(ts, self) < 0 ? nullptr : new_ref(py_none());
}

// _checkReadable() etc.: self.<query>() must return True.
Object* check_capability(ThreadState* ts, Object* self, const char* query, const char* message) {
  Ref r = Ref::steal(call_noargs(ts, self, query));
  if (!r) return nullptr;
  if (r.get() != py_true()) return unsupported(ts, message);
  return r.release();
}
Object* b_check_readable(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return check_capability(ts, self, "readable", "File or stream is not readable.");
}
Object* b_check_writable(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return check_capability(ts, self, "writable", "File or stream is not writable.");
}
Object* b_check_seekable(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return check_capability(ts, self, "seekable", "File or stream is not seekable.");
}

Object* b_enter(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (check_closed(ts, self) < 0) return nullptr;
  return new_ref(self);
}
Object* b_exit(ThreadState* ts, Object* self, Object* const*, size_t, Object*) { return call_noargs(ts, self, "close"); }

Object* b_isatty(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (check_closed(ts, self) < 0) return nullptr;
  return new_ref(py_false());
}

// readline(size=-1): bytes up to and including b'\n', at most size of them,
// read one byte at a time, or up to the newline that peek() shows.
Object* b_readline(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "readline", nargs, kwnames, 0, 1) < 0) return nullptr;
  int64_t limit;
  if (!optional_size(ts, nargs ? args[0] : nullptr, &limit)) return nullptr;
  Ref peek = Ref::steal(get_attr_str(ts, self, "peek"));
  if (!peek) {
    if (!runtime::exception_matches(ts, &exc::AttributeError)) return nullptr;
    runtime::clear_exception(ts);
  }
  std::string out;
  while (limit < 0 || static_cast<int64_t>(out.size()) < limit) {
    int64_t ahead = 1;
    if (peek) {
      Ref one = Ref::steal(int_from_i64(ts, 1));
      if (!one) return nullptr;
      Object* a = one.get();
      Ref seen = Ref::steal(call(ts, peek.get(), &a, 1));
      if (!seen) return nullptr;
      if (!is_bytes(seen.get()))
        return raise_format(ts, &exc::OSError, "peek() should have returned a bytes object, not '%s'", tp_name(seen.get()));
      std::string_view v = byteslike_view(seen.get());
      if (!v.empty()) {
        int64_t n = 0;
        while (n < static_cast<int64_t>(v.size()) && (limit < 0 || n < limit)) {
          if (v[static_cast<size_t>(n++)] == '\n') break;
        }
        ahead = n;
      }
    }
    Ref count = Ref::steal(int_from_i64(ts, ahead));
    if (!count) return nullptr;
    Ref chunk = Ref::steal(call_args(ts, self, "read", {count.get()}));
    if (!chunk) return nullptr;
    if (!is_bytes(chunk.get()))
      return raise_format(ts, &exc::OSError, "read() should have returned a bytes object, not '%s'", tp_name(chunk.get()));
    std::string_view c = byteslike_view(chunk.get());
    if (c.empty()) break;
    out += c;
    if (out.back() == '\n') break;
  }
  return bytes_from(ts, out.data(), out.size());
}

Object* b_iter(ThreadState* ts, Object* self) {
  if (check_closed(ts, self) < 0) return nullptr;
  return new_ref(self);
}

// next(): self.readline(), stopping at an empty line.
Object* b_iternext(ThreadState* ts, Object* self) {
  Ref line = Ref::steal(call_noargs(ts, self, "readline"));
  if (!line) return nullptr;
  int64_t n = length(ts, line.get());
  if (n < 0) return nullptr;
  return n == 0 ? nullptr : line.release();
}

// readlines(hint=-1): the lines of the stream; with hint > 0, stop once the
// lines read so far total more than hint.
Object* b_readlines(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "readlines", nargs, kwnames, 0, 1) < 0) return nullptr;
  int64_t hint;
  if (!optional_size(ts, nargs ? args[0] : nullptr, &hint)) return nullptr;
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  Ref it = Ref::steal(get_iter(ts, self));
  if (!it) return nullptr;
  int64_t total = 0;
  while (Ref line = Ref::steal(iter_next(ts, it.get()))) {
    if (list_append(ts, out.get(), line.get()) < 0) return nullptr;
    if (hint <= 0) continue;
    int64_t n = length(ts, line.get());
    if (n < 0) return nullptr;
    total += n;
    if (total > hint) break;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return out.release();
}

Object* b_writelines(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (check_closed(ts, self) < 0) return nullptr;
  Ref it = Ref::steal(get_iter(ts, args[0]));
  if (!it) return nullptr;
  while (Ref line = Ref::steal(iter_next(ts, it.get()))) {
    if (!Ref::steal(call_args(ts, self, "write", {line.get()}))) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return new_ref(py_none());
}

Object* b_get_closed(ThreadState* ts, Object* self) {
  int c = base_is_closed(ts, self);
  return c < 0 ? nullptr : new_ref(py_bool(c));
}

// __del__: close a stream that is still open; errors are dropped (a
// finalizer has no caller to report to).
void b_finalize(ThreadState* ts, Object* self) {
  Object* saved = runtime::fetch_exception(ts);
  Ref closed = Ref::steal(get_attr_str(ts, self, "closed"));
  int c = closed ? is_true(ts, closed.get()) : -1;
  if (c == 0) {
    Ref n = Ref::steal(str_intern_cstr(ts, "_finalizing"));
    if (!n || set_attr(ts, self, n.get(), py_true()) < 0) runtime::clear_exception(ts);
    if (!Ref::steal(call_noargs(ts, self, "close"))) runtime::clear_exception(ts);
  }
  runtime::clear_exception(ts);
  if (saved) runtime::restore_exception(ts, saved);
}

const MethodDef iobase_methods[] = {
    {"seek", b_seek, kMethFast},
    {"tell", b_tell, kMethNoArgs},
    {"truncate", b_truncate, kMethFast},
    {"flush", b_flush, kMethNoArgs},
    {"close", b_close, kMethNoArgs},
    {"seekable", b_false, kMethNoArgs},
    {"readable", b_false, kMethNoArgs},
    {"writable", b_false, kMethNoArgs},
    {"_checkClosed", b_check_closed, kMethFast},
    {"_checkSeekable", b_check_seekable, kMethFast},
    {"_checkReadable", b_check_readable, kMethFast},
    {"_checkWritable", b_check_writable, kMethFast},
    {"fileno", b_fileno, kMethNoArgs},
    {"isatty", b_isatty, kMethNoArgs},
    {"__enter__", b_enter, kMethNoArgs},
    {"__exit__", b_exit, kMethFast},
    {"readline", b_readline, kMethFast},
    {"readlines", b_readlines, kMethFast},
    {"writelines", b_writelines, kMethO},
    {},
};
const GetSetDef iobase_getsets[] = {{"closed", b_get_closed, nullptr}, {}};

// --- _RawIOBase ---------------------------------------------------------

// read(size=-1): readall() for a negative size, else readinto() a fresh
// buffer of that size.
Object* raw_read(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "read", nargs, kwnames, 0, 1) < 0) return nullptr;
  int64_t size = -1;
  if (nargs && !is_none(args[0])) {
    size = as_ssize(ts, args[0], &exc::OverflowError);
    if (size == -1 && runtime::has_exception(ts)) return nullptr;
  }
  if (size < 0) return call_noargs(ts, self, "readall");
  std::string zeros(static_cast<size_t>(size), '\0');
  Ref buf = Ref::steal(bytearray_from(ts, zeros.data(), zeros.size()));
  if (!buf) return nullptr;
  Ref r = Ref::steal(call_args(ts, self, "readinto", {buf.get()}));
  if (!r) return nullptr;
  if (is_none(r.get())) return r.release();
  int64_t n = as_ssize(ts, r.get(), &exc::ValueError);
  if (n == -1 && runtime::has_exception(ts)) return nullptr;
  if (n < 0 || n > size)
    return raise_format(ts, &exc::ValueError, "readinto returned %lld outside buffer size %lld",
                        static_cast<long long>(n), static_cast<long long>(size));
  auto* ba = static_cast<ByteArray*>(buf.get());
  return bytes_from(ts, ba->data, static_cast<size_t>(std::min(n, ba->size)));
}

// readall(): read(DEFAULT_BUFFER_SIZE) until b'' (or None, which ends the
// result, or is the result when nothing was read).
Object* raw_readall(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref chunk_size = Ref::steal(int_from_i64(ts, kDefaultBufferSize));
  if (!chunk_size) return nullptr;
  std::string out;
  bool any = false;
  for (;;) {
    Ref data = Ref::steal(call_args(ts, self, "read", {chunk_size.get()}));
    if (!data) return nullptr;
    if (is_none(data.get())) {
      if (!any) return data.release();
      break;
    }
    if (!is_bytes(data.get())) return raise(ts, &exc::TypeError, "read() should return bytes");
    std::string_view v = byteslike_view(data.get());
    if (v.empty()) break;
    out += v;
    any = true;
  }
  return bytes_from(ts, out.data(), out.size());
}

Object* not_implemented(ThreadState* ts, Object*, Object* const*, size_t, Object*) {
  return runtime::raise_object(ts, &exc::NotImplementedError);
}

const MethodDef raw_methods[] = {
    {"read", raw_read, kMethFast},
    {"readall", raw_readall, kMethNoArgs},
    {"readinto", not_implemented, kMethFast},
    {"write", not_implemented, kMethFast},
    {},
};

// --- _BufferedIOBase ----------------------------------------------------

// The writable bytes of a bytearray or writable C-contiguous memoryview.
bool writable_buffer(ThreadState* ts, Object* o, const char* fname, char** data, size_t* size) {
  if (is_bytearray(o)) {
    auto* ba = static_cast<ByteArray*>(o);
    *data = reinterpret_cast<char*>(ba->data);
    *size = static_cast<size_t>(ba->size);
    return true;
  }
  std::string_view v;
  if (is_memoryview(o) && !static_cast<MemoryView*>(o)->readonly && memoryview_contiguous_bytes(o, &v)) {
    *data = const_cast<char*>(v.data());
    *size = v.size();
    return true;
  }
  raise_format(ts, &exc::TypeError, "%s() argument must be read-write bytes-like object, not %s", fname, tp_name(o));
  return false;
}

// readinto(b) / readinto1(b): read(len(b)) / read1(len(b)) copied into b.
Object* buffered_readinto_with(ThreadState* ts, Object* self, Object* target, bool one) {
  char* data;
  size_t size;
  if (!writable_buffer(ts, target, one ? "readinto1" : "readinto", &data, &size)) return nullptr;
  Ref n = Ref::steal(int_from_i64(ts, static_cast<int64_t>(size)));
  if (!n) return nullptr;
  Ref got = Ref::steal(call_args(ts, self, one ? "read1" : "read", {n.get()}));
  if (!got) return nullptr;
  if (!is_bytes(got.get())) return raise(ts, &exc::TypeError, "read() should return bytes");
  std::string_view v = byteslike_view(got.get());
  if (v.size() > size)
    return raise_format(ts, &exc::ValueError, "read() returned too much data: %zu bytes requested, %zu returned", size,
                        v.size());
  // The buffer may have moved while read() ran (a bytearray resized by it).
  if (!writable_buffer(ts, target, one ? "readinto1" : "readinto", &data, &size)) return nullptr;
  if (size_t n = std::min(v.size(), size)) std::memcpy(data, v.data(), n);  // an empty buffer may be null
  return int_from_i64(ts, static_cast<int64_t>(v.size()));
}
Object* buffered_readinto(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return buffered_readinto_with(ts, self, args[0], false);
}
Object* buffered_readinto1(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return buffered_readinto_with(ts, self, args[0], true);
}

Object* u_read(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return unsupported(ts, "read"); }
Object* u_read1(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return unsupported(ts, "read1"); }
Object* u_write(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return unsupported(ts, "write"); }
Object* u_detach(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return unsupported(ts, "detach"); }
Object* u_readline(ThreadState* ts, Object*, Object* const*, size_t, Object*) { return unsupported(ts, "readline"); }

const MethodDef buffered_methods[] = {
    {"detach", u_detach, kMethNoArgs},
    {"read", u_read, kMethFast},
    {"read1", u_read1, kMethFast},
    {"readinto", buffered_readinto, kMethO},
    {"readinto1", buffered_readinto1, kMethO},
    {"write", u_write, kMethFast},
    {},
};

// --- _TextIOBase --------------------------------------------------------

Object* none_getter(ThreadState*, Object*) { return new_ref(py_none()); }

const MethodDef text_methods[] = {
    {"detach", u_detach, kMethNoArgs},
    {"read", u_read, kMethFast},
    {"readline", u_readline, kMethFast},
    {"write", u_write, kMethFast},
    {},
};
const GetSetDef text_getsets[] = {
    {"encoding", none_getter, nullptr}, {"newlines", none_getter, nullptr}, {"errors", none_getter, nullptr}, {}};

// --- the ABCs -------------------------------------------------------------

// ABCMeta(name, bases, {__module__: 'io', __doc__: doc}).
Object* make_abc(ThreadState* ts, Object* meta, const char* name, std::initializer_list<Object*> bases, const char* doc) {
  Ref n = Ref::steal(str_from_cstr(ts, name));
  Ref b = Ref::steal(tuple_pack(ts, bases));
  Ref ns = Ref::steal(dict_new(ts));
  Ref mod = Ref::steal(str_from_cstr(ts, "io"));
  Ref d = Ref::steal(str_from_cstr(ts, doc));
  if (!n || !b || !ns || !mod || !d || dict_set_item_str(ts, ns.get(), "__module__", mod.get()) < 0 ||
      dict_set_item_str(ts, ns.get(), "__doc__", d.get()) < 0)
    return nullptr;
  Object* args[3] = {n.get(), b.get(), ns.get()};
  return call(ts, meta, args, 3);
}

int register_all(ThreadState* ts, Object* abc, std::initializer_list<Type*> types) {
  for (Type* t : types)
    if (!Ref::steal(call_args(ts, abc, "register", {t}))) return -1;
  return 0;
}

}  // namespace

int add_io_base_classes(ThreadState* ts, Object* module, bool with_abcs) {
  for (Type* t : {&iobase_type, &raw_iobase_type, &buffered_iobase_type, &text_iobase_type})
    if (add_type(ts, module, t) < 0) return -1;
  if (!with_abcs) return 0;
  Ref abc = Ref::steal(import_module(ts, "abc"));
  if (!abc) return -1;
  Ref meta = Ref::steal(get_attr_str(ts, abc.get(), "ABCMeta"));
  if (!meta) return -1;
  Ref io = Ref::steal(make_abc(ts, meta.get(), "IOBase", {&iobase_type}, iobase_type.doc));
  if (!io) return -1;
  Ref raw = Ref::steal(make_abc(ts, meta.get(), "RawIOBase", {&raw_iobase_type, io.get()}, raw_iobase_type.doc));
  if (!raw) return -1;
  Ref buffered = Ref::steal(
      make_abc(ts, meta.get(), "BufferedIOBase", {&buffered_iobase_type, io.get()}, buffered_iobase_type.doc));
  if (!buffered) return -1;
  Ref text = Ref::steal(make_abc(ts, meta.get(), "TextIOBase", {&text_iobase_type, io.get()}, text_iobase_type.doc));
  if (!text) return -1;
  if (register_all(ts, buffered.get(), {&bytesio_type, &buffered_reader_type, &buffered_writer_type,
                                        &buffered_random_type}) < 0 ||
      register_all(ts, text.get(), {&stringio_type, &text_file_type, &text_stream_type}) < 0)
    return -1;
  if (add_object(ts, module, "IOBase", io.release()) < 0 || add_object(ts, module, "RawIOBase", raw.release()) < 0 ||
      add_object(ts, module, "BufferedIOBase", buffered.release()) < 0 ||
      add_object(ts, module, "TextIOBase", text.release()) < 0)
    return -1;
  return add_object(ts, module, "BlockingIOError", new_ref(&exc::BlockingIOError));
}

}  // namespace spindle::modules

namespace spindle::objects {

void init_iobase_type(Type& t) {
  t.name = "_io._IOBase";
  t.doc =
      "The abstract base class of all I/O classes. Its methods are defaults written in terms of the\n"
      "others (readline through read, iteration through readline, close through flush); seek, tell,\n"
      "truncate and fileno raise UnsupportedOperation until a subclass provides them.";
  t.flags = kTypeBaseType;
  t.iter = modules::b_iter;
  t.iternext = modules::b_iternext;
  t.finalize = modules::b_finalize;
  t.methods = modules::iobase_methods;
  t.getsets = modules::iobase_getsets;
}

void init_raw_iobase_type(Type& t) {
  t.name = "_io._RawIOBase";
  t.doc = "The base class of raw binary I/O: read() and readall() are built on readinto().";
  t.flags = kTypeBaseType;
  t.base = &iobase_type;
  t.methods = modules::raw_methods;
}

void init_buffered_iobase_type(Type& t) {
  t.name = "_io._BufferedIOBase";
  t.doc = "The base class of buffered binary streams: readinto() and readinto1() are built on read() and read1().";
  t.flags = kTypeBaseType;
  t.base = &iobase_type;
  t.methods = modules::buffered_methods;
}

void init_text_iobase_type(Type& t) {
  t.name = "_io._TextIOBase";
  t.doc = "The base class of text streams: str in, str out.";
  t.flags = kTypeBaseType;
  t.base = &iobase_type;
  t.methods = modules::text_methods;
  t.getsets = modules::text_getsets;
}

}  // namespace spindle::objects
