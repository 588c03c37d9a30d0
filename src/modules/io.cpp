// The io module: StringIO, BytesIO and open() for text and binary files.
//
// MemIO objects hold their data in one buffer (UTF-32 code points for
// StringIO, bytes for BytesIO) with a position; writing past the end pads
// with zeros. StringIO applies its newline mode when text is written
// (newline=None turns \r\n and \r into \n; '\r' / '\r\n' turn \n into it).
//
// File objects (open()) wrap a file descriptor. Writes are buffered and
// flushed on flush(), seek(), tell(), reads, close() and deallocation;
// reads fill a byte buffer from the fd (binary mode: as needed; text
// mode: the rest of the file, decoded at once, so tell() can map the
// unread characters back to a byte offset). Text mode decodes through
// bytes.decode / str.encode (utf-8, latin-1, ascii, ...).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "modules/modules.h"
#include "modules/oserror.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"

namespace spindle::objects {
extern Type iobase_type, raw_iobase_type, buffered_iobase_type, text_iobase_type;  // io_base.cpp
}

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

Type unsupported_operation_type, stringio_type, bytesio_type, text_file_type, buffered_reader_type,
    buffered_writer_type, buffered_random_type;

namespace {

// --- argument helpers ---------------------------------------------------------------------

// An optional size argument: -1 for None/absent.
bool size_arg(ThreadState* ts, Object* o, int64_t* out) {
  *out = -1;
  if (!o || is_none(o)) return true;
  if (!is_int(o) && !o->ob_type->nb_index) {
    raise_format(ts, &exc::TypeError, "argument should be integer or None, not '%s'", tp_name(o));
    return false;
  }
  *out = as_ssize(ts, o, &exc::OverflowError);
  return !(*out == -1 && runtime::has_exception(ts));
}

bool int_arg(ThreadState* ts, Object* o, int64_t* out) {
  *out = as_ssize(ts, o, &exc::OverflowError);
  return !(*out == -1 && runtime::has_exception(ts));
}

// Where a line ends in `s` from `start` for a newline mode: nl "" = any of
// \r, \n, \r\n; otherwise that exact string. Returns the index past the end.
template <typename S>
size_t line_end(const S& s, size_t start, const std::string& nl, bool universal) {
  size_t n = s.size();
  for (size_t i = start; i < n; ++i) {
    auto c = s[i];
    if (universal) {
      if (c == '\n') return i + 1;
      if (c == '\r') return (i + 1 < n && s[i + 1] == '\n') ? i + 2 : i + 1;
    } else if (nl.size() == 1) {
      if (c == static_cast<typename S::value_type>(nl[0])) return i + 1;
    } else if (c == '\r' && i + 1 < n && s[i + 1] == '\n') {
      return i + 2;
    }
  }
  return n;
}

std::nullptr_t closed_error(ThreadState* ts, bool period = true) {
  return raise(ts, &exc::ValueError, period ? "I/O operation on closed file." : "I/O operation on closed file");
}

std::nullptr_t unsupported(ThreadState* ts, const char* msg) { return raise(ts, &unsupported_operation_type, msg); }

// --- StringIO / BytesIO -------------------------------------------------------------------

struct MemIO : Object {
  std::u32string* text = nullptr;  // StringIO
  std::string* bytes = nullptr;    // BytesIO
  size_t pos = 0;
  bool closed = false;
  bool universal = false;     // newline None or '': lines end at \r, \n or \r\n
  bool translate_in = false;  // newline None: \r\n and \r written as \n
  std::string* newline = nullptr;  // written for \n ("" / "\n": unchanged); owned
  bool newline_none = false;
  Object* dict = nullptr;
};

MemIO* M(Object* o) { return static_cast<MemIO*>(o); }
bool is_text(Object* o) { return M(o)->text != nullptr; }

void mem_dealloc(Object* o) {
  delete M(o)->text;
  delete M(o)->bytes;
  delete M(o)->newline;
  xdecref(M(o)->dict);
  free_object(o);
}

int mem_traverse(Object* o, VisitFn visit, void* arg) { return M(o)->dict ? visit(M(o)->dict, arg) : 0; }

Object* mem_new(ThreadState* ts, Type* type, Object* const*, size_t, Object*) {
  auto* m = static_cast<MemIO*>(type_generic_alloc(ts, type, 0));
  if (!m) return nullptr;
  if (is_subtype(type, &stringio_type)) m->text = new std::u32string();
  else m->bytes = new std::string();
  m->newline = new std::string("\n");
  return m;
}

std::u32string translate_written(const MemIO* m, std::u32string s) {
  if (m->translate_in) {
    std::u32string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\r') {
        out += U'\n';
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      } else {
        out += s[i];
      }
    }
    return out;
  }
  if (*m->newline == "\r" || *m->newline == "\r\n") {
    std::u32string out;
    for (char32_t c : s) {
      if (c == '\n') for (char nc : *m->newline) out += static_cast<char32_t>(nc);
      else out += c;
    }
    return out;
  }
  return s;
}

template <typename S>
void write_at(S& buf, size_t& pos, const S& data) {
  if (pos > buf.size()) buf.resize(pos, 0);
  size_t over = std::min(data.size(), buf.size() - pos);
  buf.replace(pos, over, data);
  pos += data.size();
}

int stringio_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"initial_value", ParamKind::PositionalOrKeyword, kOptional},
                                      {"newline", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("StringIO", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return -1;
  MemIO* m = M(self);
  Object* nl = av.has(1) ? av[1] : nullptr;
  std::string newline = "\n";
  bool nl_none = false;
  if (nl && is_none(nl)) {
    nl_none = true;
  } else if (nl) {
    if (!is_str(nl)) {
      raise_format(ts, &exc::TypeError, "newline must be str or None, not %s", tp_name(nl));
      return -1;
    }
    newline = std::string(str_view(ts, nl));
    if (newline != "" && newline != "\n" && newline != "\r" && newline != "\r\n") {
      raise_format(ts, &exc::ValueError, "illegal newline value: %s", repr_utf8(ts, nl).c_str());
      return -1;
    }
  }
  Object* iv = av.has(0) ? av[0] : nullptr;
  if (iv && !is_none(iv) && !is_str(iv)) {
    raise_format(ts, &exc::TypeError, "initial_value must be str or None, not %s", tp_name(iv));
    return -1;
  }
  m->newline_none = nl_none;
  m->universal = nl_none || newline.empty();
  m->translate_in = nl_none;
  *m->newline = nl_none ? "\n" : newline;
  m->text->clear();
  m->pos = 0;
  m->closed = false;
  if (iv && !is_none(iv)) {
    write_at(*m->text, m->pos, translate_written(m, str_to_u32(iv)));
    m->pos = 0;
  }
  return 0;
}

int bytesio_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"initial_bytes", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("BytesIO", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return -1;
  MemIO* m = M(self);
  m->bytes->clear();
  m->pos = 0;
  m->closed = false;
  if (av.has(0) && !is_none(av[0])) {
    if (!is_bytes(av[0]) && !is_bytearray(av[0])) {
      raise_format(ts, &exc::TypeError, "a bytes-like object is required, not '%s'", tp_name(av[0]));
      return -1;
    }
    *m->bytes = std::string(byteslike_view(av[0]));
  }
  return 0;
}

bool mem_check(ThreadState* ts, Object* self) {
  if (M(self)->closed) {
    closed_error(ts, !is_text(self));
    return false;
  }
  return true;
}

Object* mem_slice(ThreadState* ts, Object* self, size_t from, size_t to) {
  MemIO* m = M(self);
  if (m->text) {
    size_t n = m->text->size();
    from = std::min(from, n);
    to = std::min(std::max(to, from), n);
    return str_from_u32(ts, std::u32string_view(*m->text).substr(from, to - from));
  }
  size_t n = m->bytes->size();
  from = std::min(from, n);
  to = std::min(std::max(to, from), n);
  return bytes_from(ts, m->bytes->data() + from, to - from);
}

size_t mem_size(Object* self) { return M(self)->text ? M(self)->text->size() : M(self)->bytes->size(); }

Object* mem_read(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "read", nargs, kwnames, 0, 1) < 0) return nullptr;
  if (!mem_check(ts, self)) return nullptr;
  int64_t n;
  if (!size_arg(ts, nargs ? args[0] : nullptr, &n)) return nullptr;
  MemIO* m = M(self);
  size_t size = mem_size(self);
  size_t start = std::min(m->pos, size);
  size_t end = n < 0 ? size : std::min(size, start + static_cast<size_t>(n));
  if (end > m->pos) m->pos = end;
  return mem_slice(ts, self, start, end);
}

size_t mem_line_end(MemIO* m, size_t start) {
  if (m->text) return line_end(*m->text, start, *m->newline, m->universal && !m->translate_in);
  return line_end(*m->bytes, start, "\n", false);
}

// BytesIO.readinto(b): fills the bytearray from the current position.
Object* mem_readinto(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  MemIO* m = M(self);
  if (!is_bytearray(args[0])) {
    return raise_format(ts, &exc::TypeError, "readinto() argument must be read-write bytes-like object, not %s",
                        tp_name(args[0]));
  }
  if (!mem_check(ts, self)) return nullptr;
  auto* ba = static_cast<ByteArray*>(args[0]);
  size_t size = m->bytes->size();
  size_t start = std::min(m->pos, size);
  size_t n = std::min(static_cast<size_t>(ba->size), size - start);
  std::memcpy(ba->data, m->bytes->data() + start, n);
  if (start + n > m->pos) m->pos = start + n;
  return int_from_i64(ts, static_cast<int64_t>(n));
}

Object* mem_readline(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "readline", nargs, kwnames, 0, 1) < 0) return nullptr;
  if (!mem_check(ts, self)) return nullptr;
  int64_t limit;
  if (!size_arg(ts, nargs ? args[0] : nullptr, &limit)) return nullptr;
  MemIO* m = M(self);
  size_t size = mem_size(self);
  if (m->pos >= size) return mem_slice(ts, self, 0, 0);
  size_t end = mem_line_end(m, m->pos);
  if (limit >= 0) end = std::min(end, m->pos + static_cast<size_t>(limit));
  size_t start = m->pos;
  m->pos = end;
  return mem_slice(ts, self, start, end);
}

Object* mem_readlines(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "readlines", nargs, kwnames, 0, 1) < 0) return nullptr;
  if (!mem_check(ts, self)) return nullptr;
  int64_t hint;
  if (!size_arg(ts, nargs ? args[0] : nullptr, &hint)) return nullptr;
  Ref out = Ref::steal(list_new(ts, 0));
  MemIO* m = M(self);
  size_t total = 0;
  while (out && m->pos < mem_size(self)) {
    size_t start = m->pos, end = mem_line_end(m, start);
    m->pos = end;
    Ref line = Ref::steal(mem_slice(ts, self, start, end));
    if (!line || list_append(ts, out.get(), line.get()) < 0) return nullptr;
    total += end - start;
    if (hint > 0 && total >= static_cast<size_t>(hint)) break;
  }
  return out.release();
}

Object* mem_write(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  MemIO* m = M(self);
  Object* v = args[0];
  if (m->text) {
    if (!is_str(v)) return raise_format(ts, &exc::TypeError, "string argument expected, got '%s'", tp_name(v));
    if (!mem_check(ts, self)) return nullptr;
    size_t n = str_length(v);
    if (n) write_at(*m->text, m->pos, translate_written(m, str_to_u32(v)));
    return int_from_i64(ts, static_cast<int64_t>(n));
  }
  if (!mem_check(ts, self)) return nullptr;
  if (!is_bytes(v) && !is_bytearray(v)) {
    return raise_format(ts, &exc::TypeError, "a bytes-like object is required, not '%s'", tp_name(v));
  }
  std::string data(byteslike_view(v));
  if (!data.empty()) write_at(*m->bytes, m->pos, data);
  return int_from_i64(ts, static_cast<int64_t>(data.size()));
}

Object* writelines_impl(ThreadState* ts, Object* self, Object* lines) {
  Ref it = Ref::steal(get_iter(ts, lines));
  if (!it) return nullptr;
  while (Object* raw = iter_next(ts, it.get())) {
    Ref line = Ref::steal(raw);
    Object* a = line.get();
    Ref r = Ref::steal(call_method(ts, self, ts->id->write, &a, 1));
    if (!r) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  return py_none();
}

Object* mem_writelines(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (!mem_check(ts, self)) return nullptr;
  return writelines_impl(ts, self, args[0]);
}

Object* mem_seek(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "seek", nargs, kwnames, 1, 2) < 0) return nullptr;
  int64_t pos, whence = 0;
  if (!int_arg(ts, args[0], &pos)) return nullptr;
  if (nargs > 1 && !int_arg(ts, args[1], &whence)) return nullptr;
  if (!mem_check(ts, self)) return nullptr;
  MemIO* m = M(self);
  if (whence < 0 || whence > 2) {
    return raise_format(ts, &exc::ValueError, "%s whence (%lld, should be 0, 1 or 2)", m->text ? "Invalid" : "invalid",
                        static_cast<long long>(whence));
  }
  if (m->text) {
    if (whence == 0 && pos < 0) return raise_format(ts, &exc::ValueError, "Negative seek position %lld", static_cast<long long>(pos));
    if (whence == 1 && pos != 0) return raise(ts, &exc::OSError, "Can't do nonzero cur-relative seeks");
    if (whence == 2 && pos != 0) return raise(ts, &exc::OSError, "Can't do nonzero cur-relative seeks");  // sic
    if (whence == 2) pos = static_cast<int64_t>(m->text->size());
    if (whence == 1) pos = static_cast<int64_t>(m->pos);
  } else {
    if (whence == 0 && pos < 0) return raise_format(ts, &exc::ValueError, "negative seek value %lld", static_cast<long long>(pos));
    if (whence == 1) pos += static_cast<int64_t>(m->pos);
    if (whence == 2) pos += static_cast<int64_t>(m->bytes->size());
    if (pos < 0) pos = 0;
  }
  m->pos = static_cast<size_t>(pos);
  return int_from_i64(ts, pos);
}

Object* mem_tell(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (!mem_check(ts, self)) return nullptr;
  return int_from_i64(ts, static_cast<int64_t>(M(self)->pos));
}

Object* mem_truncate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "truncate", nargs, kwnames, 0, 1) < 0) return nullptr;
  if (!mem_check(ts, self)) return nullptr;
  int64_t size;
  if (!size_arg(ts, nargs ? args[0] : nullptr, &size)) return nullptr;
  MemIO* m = M(self);
  if (!nargs || is_none(args[0])) size = static_cast<int64_t>(m->pos);
  if (size < 0) return raise_format(ts, &exc::ValueError, "%s size value %lld", m->text ? "Negative" : "negative",
                                    static_cast<long long>(size));
  if (static_cast<size_t>(size) < mem_size(self)) {
    if (m->text) m->text->resize(static_cast<size_t>(size));
    else m->bytes->resize(static_cast<size_t>(size));
  }
  return int_from_i64(ts, size);
}

Object* mem_getvalue(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (!mem_check(ts, self)) return nullptr;
  return mem_slice(ts, self, 0, mem_size(self));
}

Object* mem_close(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  M(self)->closed = true;
  return py_none();
}

Object* mem_true(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (!mem_check(ts, self)) return nullptr;
  return new_ref(py_true());
}
Object* mem_false(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (!mem_check(ts, self)) return nullptr;
  return new_ref(py_false());
}
Object* mem_flush(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (!mem_check(ts, self)) return nullptr;
  return py_none();
}
Object* mem_fileno(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (!mem_check(ts, self)) return nullptr;
  return unsupported(ts, "fileno");
}

Object* enter(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref closed = Ref::steal(get_attr_str(ts, self, "closed"));
  if (!closed) return nullptr;
  int c = is_true(ts, closed.get());
  if (c < 0) return nullptr;
  if (c) return closed_error(ts);
  return new_ref(self);
}

Object* exit_(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref name = Ref::steal(str_from_cstr(ts, "close"));
  return call_method(ts, self, name.get(), nullptr, 0);
}

Object* self_iter(ThreadState* ts, Object* self) {
  Ref closed = Ref::steal(get_attr_str(ts, self, "closed"));
  if (!closed) return nullptr;
  int c = is_true(ts, closed.get());
  if (c < 0) return nullptr;
  if (c) return closed_error(ts);
  return new_ref(self);
}

Object* mem_iternext(ThreadState* ts, Object* self) {
  if (!mem_check(ts, self)) return nullptr;
  Object* line = mem_readline(ts, self, nullptr, 0, nullptr);
  if (!line) return nullptr;
  if ((is_str(line) && str_length(line) == 0) || (is_bytes(line) && bytes_size(line) == 0)) {
    decref(line);
    return nullptr;
  }
  return line;
}

Object* mem_get_closed(ThreadState*, Object* self) { return new_ref(py_bool(M(self)->closed)); }
Object* mem_get_newlines(ThreadState*, Object*) { return py_none(); }
Object* mem_get_line_buffering(ThreadState*, Object*) { return new_ref(py_false()); }

const MethodDef mem_methods[] = {
    {"read", mem_read, kMethFast},
    {"readline", mem_readline, kMethFast},
    {"readlines", mem_readlines, kMethFast},
    {"write", mem_write, kMethO},
    {"writelines", mem_writelines, kMethO},
    {"seek", mem_seek, kMethFast},
    {"tell", mem_tell, kMethNoArgs},
    {"truncate", mem_truncate, kMethFast},
    {"getvalue", mem_getvalue, kMethNoArgs},
    {"close", mem_close, kMethNoArgs},
    {"readable", mem_true, kMethNoArgs},
    {"writable", mem_true, kMethNoArgs},
    {"seekable", mem_true, kMethNoArgs},
    {"isatty", mem_false, kMethNoArgs},
    {"flush", mem_flush, kMethNoArgs},
    {"fileno", mem_fileno, kMethNoArgs},
    {"__enter__", enter, kMethNoArgs},
    {"__exit__", exit_, kMethFast},
    {},
};
const MethodDef bytesio_methods[] = {
    {"read", mem_read, kMethFast},
    {"read1", mem_read, kMethFast},
    {"readinto", mem_readinto, kMethO},
    {"readline", mem_readline, kMethFast},
    {"readlines", mem_readlines, kMethFast},
    {"write", mem_write, kMethO},
    {"writelines", mem_writelines, kMethO},
    {"seek", mem_seek, kMethFast},
    {"tell", mem_tell, kMethNoArgs},
    {"truncate", mem_truncate, kMethFast},
    {"getvalue", mem_getvalue, kMethNoArgs},
    {"close", mem_close, kMethNoArgs},
    {"readable", mem_true, kMethNoArgs},
    {"writable", mem_true, kMethNoArgs},
    {"seekable", mem_true, kMethNoArgs},
    {"isatty", mem_false, kMethNoArgs},
    {"flush", mem_flush, kMethNoArgs},
    {"fileno", mem_fileno, kMethNoArgs},
    {"__enter__", enter, kMethNoArgs},
    {"__exit__", exit_, kMethFast},
    {},
};
const GetSetDef mem_getsets[] = {{"closed", mem_get_closed, nullptr}, {}};
const GetSetDef stringio_getsets[] = {{"closed", mem_get_closed, nullptr},
                                      {"newlines", mem_get_newlines, nullptr},
                                      {"line_buffering", mem_get_line_buffering, nullptr},
                                      {}};

void init_mem_type(Type& t, const char* name) {
  t.name = name;
  t.basicsize = sizeof(MemIO);
  t.flags = kTypeBaseType | kTypeHaveGC;
  t.dealloc = mem_dealloc;
  t.traverse = mem_traverse;
  t.clear = [](Object* o) {
    Object* d = M(o)->dict;
    M(o)->dict = nullptr;
    xdecref(d);
    return 0;
  };
  t.new_ = mem_new;
  t.iter = self_iter;
  t.iternext = mem_iternext;
  t.methods = mem_methods;
  t.getsets = mem_getsets;
  t.dictoffset = offsetof(MemIO, dict);
}

// --- files ----------------------------------------------------------------------------------

struct File : Object {
  int fd = -1;
  bool closefd = true;
  bool readable = false, writable = false, appending = false, text = false;
  bool seekable = true;
  bool universal = true;     // text: newline None or ''
  bool translate = true;     // text: newline None (read \r\n, \r as \n)
  std::string* newline = nullptr;  // text: what \n is written as ("" = unchanged)
  std::string* wbuf = nullptr;     // pending output bytes
  std::string* rbuf = nullptr;     // read-ahead bytes
  size_t rpos = 0;                 // consumed part of rbuf
  std::u32string* pend = nullptr;  // text: decoded characters; unread from ppos
  size_t ppos = 0;
  int64_t text_end = 0;            // text: byte offset where pend's bytes end
  Object* name = nullptr;
  Object* mode = nullptr;          // the mode attribute (str)
  Object* encoding = nullptr;      // text: str
  Object* errors = nullptr;        // text: str
  Object* dict = nullptr;
};

File* F(Object* o) { return static_cast<File*>(o); }

int flush_writes(ThreadState* ts, File* f) {
  std::string& b = *f->wbuf;
  size_t done = 0;
  while (done < b.size()) {
    ssize_t n = ::write(f->fd, b.data() + done, b.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      b.erase(0, done);
      if (ts) raise_os_error(ts, err);
      return -1;
    }
    done += static_cast<size_t>(n);
  }
  b.clear();
  return 0;
}

bool check_open(ThreadState* ts, File* f) {
  if (f->fd < 0) {
    closed_error(ts);
    return false;
  }
  return true;
}

// Reads until at least `need` unread bytes are buffered or EOF (need < 0: EOF).
int fill(ThreadState* ts, File* f, int64_t need) {
  std::string& b = *f->rbuf;
  if (f->rpos > 65536 && f->rpos * 2 > b.size()) {
    b.erase(0, f->rpos);
    f->rpos = 0;
  }
  char chunk[65536];
  while (need < 0 || static_cast<int64_t>(b.size() - f->rpos) < need) {
    ssize_t n = ::read(f->fd, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      raise_os_error(ts, errno);
      return -1;
    }
    if (n == 0) break;
    b.append(chunk, static_cast<size_t>(n));
  }
  return 0;
}

int prepare_read(ThreadState* ts, File* f) {
  if (!check_open(ts, f)) return -1;
  if (!f->readable) {
    unsupported(ts, f->text ? "not readable" : "read");
    return -1;
  }
  return flush_writes(ts, f);
}

// Text mode: decodes the rest of the file into pend.
int load_text(ThreadState* ts, File* f) {
  if (fill(ts, f, -1) < 0) return -1;
  if (f->rpos == f->rbuf->size()) return 0;
  Ref raw = Ref::steal(bytes_from(ts, f->rbuf->data() + f->rpos, f->rbuf->size() - f->rpos));
  if (!raw) return -1;
  Object* dargs[2] = {f->encoding, f->errors};
  Ref name = Ref::steal(str_from_cstr(ts, "decode"));
  Ref s = Ref::steal(call_method(ts, raw.get(), name.get(), dargs, 2));
  if (!s) return -1;
  std::u32string add = str_to_u32(s.get());
  f->pend->append(add);
  f->rbuf->clear();
  f->rpos = 0;
  f->text_end = ::lseek(f->fd, 0, SEEK_CUR);
  return 0;
}

// The byte length of `s` in the file's encoding (for tell()).
int64_t encoded_length(ThreadState* ts, File* f, std::u32string_view s) {
  if (s.empty()) return 0;
  Ref str = Ref::steal(str_from_u32(ts, s));
  if (!str) return -1;
  Object* eargs[2] = {f->encoding, f->errors};
  Ref name = Ref::steal(str_from_cstr(ts, "encode"));
  Ref b = Ref::steal(call_method(ts, str.get(), name.get(), eargs, 2));
  if (!b) return -1;
  return bytes_size(b.get());
}

// Text: takes `n` characters (all: n < 0), or one line of at most `limit`
// characters, from pend, applying the newline mode.
Object* take_text(ThreadState* ts, File* f, int64_t n, bool line, int64_t limit) {
  std::u32string& p = *f->pend;
  const std::string& nl = *f->newline;
  std::u32string out;
  size_t i = f->ppos;
  auto room = [&] { return limit < 0 || static_cast<int64_t>(out.size()) < limit; };
  while (i < p.size()) {
    if (!line && n >= 0 && static_cast<int64_t>(out.size()) >= n) break;
    if (line && !room()) break;
    char32_t c = p[i];
    if (f->translate && c == '\r') {
      out += U'\n';
      i += (i + 1 < p.size() && p[i + 1] == '\n') ? 2 : 1;
      if (line) break;
      continue;
    }
    out += c;
    ++i;
    if (!line) continue;
    if (f->translate || nl == "\n") {
      if (c == '\n') break;
    } else if (nl.empty()) {
      if (c == '\n') break;
      if (c == '\r') {
        if (i < p.size() && p[i] == '\n' && room()) {
          out += U'\n';
          ++i;
        }
        break;
      }
    } else if (nl == "\r") {
      if (c == '\r') break;
    } else if (c == '\r' && i < p.size() && p[i] == '\n' && room()) {
      out += U'\n';
      ++i;
      break;
    }
  }
  // Consumed text is dropped in bulk, not per line (keeps iteration linear).
  f->ppos = i;
  if (f->ppos == p.size()) {
    p.clear();
    f->ppos = 0;
  } else if (f->ppos > 65536 && f->ppos * 2 > p.size()) {
    p.erase(0, f->ppos);
    f->ppos = 0;
  }
  return str_from_u32(ts, out);
}

Object* file_read(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "read", nargs, kwnames, 0, 1) < 0) return nullptr;
  File* f = F(self);
  int64_t n;
  if (!size_arg(ts, nargs ? args[0] : nullptr, &n)) return nullptr;
  if (prepare_read(ts, f) < 0) return nullptr;
  if (f->text) {
    if (load_text(ts, f) < 0) return nullptr;
    return take_text(ts, f, n, false, -1);
  }
  if (fill(ts, f, n) < 0) return nullptr;
  size_t avail = f->rbuf->size() - f->rpos;
  size_t take = n < 0 ? avail : std::min(avail, static_cast<size_t>(n));
  Object* r = bytes_from(ts, f->rbuf->data() + f->rpos, take);
  f->rpos += take;
  return r;
}

// readinto(b) for binary files: fills the bytearray, returns the count.
Object* file_readinto(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  File* f = F(self);
  if (f->text) return unsupported(ts, "readinto");
  if (!is_bytearray(args[0])) {
    return raise_format(ts, &exc::TypeError, "readinto() argument must be read-write bytes-like object, not %s",
                        tp_name(args[0]));
  }
  if (prepare_read(ts, f) < 0) return nullptr;
  auto* ba = static_cast<ByteArray*>(args[0]);
  if (fill(ts, f, ba->size) < 0) return nullptr;
  size_t n = std::min(static_cast<size_t>(ba->size), f->rbuf->size() - f->rpos);
  std::memcpy(ba->data, f->rbuf->data() + f->rpos, n);
  f->rpos += n;
  return int_from_i64(ts, static_cast<int64_t>(n));
}

Object* readline_impl(ThreadState* ts, File* f, int64_t limit) {
  if (f->text) {
    if (load_text(ts, f) < 0) return nullptr;
    return take_text(ts, f, -1, true, limit);
  }
  for (;;) {
    std::string& b = *f->rbuf;
    size_t nl = b.find('\n', f->rpos);
    size_t avail = b.size() - f->rpos;
    if (nl != std::string::npos || (limit >= 0 && static_cast<int64_t>(avail) >= limit)) break;
    size_t before = b.size();
    if (fill(ts, f, static_cast<int64_t>(avail) + 1) < 0) return nullptr;
    if (b.size() == before) break;
  }
  std::string& b = *f->rbuf;
  size_t nl = b.find('\n', f->rpos);
  size_t end = nl == std::string::npos ? b.size() : nl + 1;
  if (limit >= 0) end = std::min(end, f->rpos + static_cast<size_t>(limit));
  Object* r = bytes_from(ts, b.data() + f->rpos, end - f->rpos);
  f->rpos = end;
  return r;
}

Object* file_readline(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "readline", nargs, kwnames, 0, 1) < 0) return nullptr;
  int64_t limit;
  if (!size_arg(ts, nargs ? args[0] : nullptr, &limit)) return nullptr;
  if (prepare_read(ts, F(self)) < 0) return nullptr;
  return readline_impl(ts, F(self), limit);
}

bool empty_result(Object* o) { return (is_str(o) && str_length(o) == 0) || (is_bytes(o) && bytes_size(o) == 0); }

Object* file_readlines(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "readlines", nargs, kwnames, 0, 1) < 0) return nullptr;
  int64_t hint;
  if (!size_arg(ts, nargs ? args[0] : nullptr, &hint)) return nullptr;
  if (prepare_read(ts, F(self)) < 0) return nullptr;
  Ref out = Ref::steal(list_new(ts, 0));
  int64_t total = 0;
  while (out) {
    Ref line = Ref::steal(readline_impl(ts, F(self), -1));
    if (!line) return nullptr;
    if (empty_result(line.get())) break;
    if (list_append(ts, out.get(), line.get()) < 0) return nullptr;
    total += is_str(line.get()) ? static_cast<int64_t>(str_length(line.get())) : bytes_size(line.get());
    if (hint > 0 && total >= hint) break;
  }
  return out.release();
}

Object* file_iternext(ThreadState* ts, Object* self) {
  if (prepare_read(ts, F(self)) < 0) return nullptr;
  Object* line = readline_impl(ts, F(self), -1);
  if (line && empty_result(line)) {
    decref(line);
    return nullptr;
  }
  return line;
}

int64_t logical_tell(ThreadState* ts, File* f) {
  int64_t pos = ::lseek(f->fd, 0, SEEK_CUR);
  if (pos < 0) {
    raise_os_error(ts, errno);
    return -1;
  }
  pos -= static_cast<int64_t>(f->rbuf->size() - f->rpos);
  if (f->text && f->pend->size() > f->ppos) {
    int64_t unread = encoded_length(ts, f, std::u32string_view(*f->pend).substr(f->ppos));
    if (unread < 0) return -1;
    pos -= unread;
  }
  return pos + static_cast<int64_t>(f->wbuf->size());
}

// Moves the fd to the logical read position and forgets buffered input.
// (Text files write where their read-ahead left the fd, as CPython's
// TextIOWrapper does after reading its chunk.)
int discard_input(ThreadState* ts, File* f) {
  if (f->rbuf->empty() && f->pend->size() == f->ppos) return 0;
  if (!f->seekable || f->text) {
    f->rbuf->clear();
    f->rpos = 0;
    f->pend->clear();
    f->ppos = 0;
    return 0;
  }
  int64_t pos = logical_tell(ts, f);
  if (pos < 0) return -1;
  f->rbuf->clear();
  f->rpos = 0;
  f->pend->clear();
  f->ppos = 0;
  if (::lseek(f->fd, pos, SEEK_SET) < 0) {
    raise_os_error(ts, errno);
    return -1;
  }
  return 0;
}

Object* file_write(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  File* f = F(self);
  Object* v = args[0];
  if (!check_open(ts, f)) return nullptr;
  if (f->text && !is_str(v)) {
    return raise_format(ts, &exc::TypeError, "write() argument must be str, not %s", tp_name(v));
  }
  if (!f->writable) return unsupported(ts, f->text ? "not writable" : "write");
  if (!f->text && !is_bytes(v) && !is_bytearray(v)) {
    return raise_format(ts, &exc::TypeError, "a bytes-like object is required, not '%s'", tp_name(v));
  }
  if (discard_input(ts, f) < 0) return nullptr;
  if (f->text) {
    std::u32string s = str_to_u32(v);
    size_t n = s.size();
    if (!f->newline->empty() && *f->newline != "\n") {
      std::u32string t;
      for (char32_t c : s) {
        if (c == '\n') for (char nc : *f->newline) t += static_cast<char32_t>(nc);
        else t += c;
      }
      s = std::move(t);
    }
    Ref str = Ref::steal(str_from_u32(ts, s));
    if (!str) return nullptr;
    Object* eargs[2] = {f->encoding, f->errors};
    Ref name = Ref::steal(str_from_cstr(ts, "encode"));
    Ref b = Ref::steal(call_method(ts, str.get(), name.get(), eargs, 2));
    if (!b) return nullptr;
    f->wbuf->append(byteslike_view(b.get()));
    if (f->wbuf->size() >= 8192 && flush_writes(ts, f) < 0) return nullptr;
    return int_from_i64(ts, static_cast<int64_t>(n));
  }
  std::string_view data = byteslike_view(v);
  f->wbuf->append(data);
  if (f->wbuf->size() >= 8192 && flush_writes(ts, f) < 0) return nullptr;
  return int_from_i64(ts, static_cast<int64_t>(data.size()));
}

Object* file_writelines(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (!check_open(ts, F(self))) return nullptr;
  return writelines_impl(ts, self, args[0]);
}

Object* file_flush(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (!check_open(ts, F(self))) return nullptr;
  if (flush_writes(ts, F(self)) < 0) return nullptr;
  return py_none();
}

Object* file_tell(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  File* f = F(self);
  if (!check_open(ts, f)) return nullptr;
  if (!f->seekable) return raise_os_error(ts, ESPIPE);
  int64_t pos = logical_tell(ts, f);
  return pos < 0 ? nullptr : int_from_i64(ts, pos);
}

Object* file_seek(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "seek", nargs, kwnames, 1, 2) < 0) return nullptr;
  File* f = F(self);
  int64_t off, whence = 0;
  if (!int_arg(ts, args[0], &off)) return nullptr;
  if (nargs > 1 && !int_arg(ts, args[1], &whence)) return nullptr;
  if (!check_open(ts, f)) return nullptr;
  if (whence < 0 || whence > 2) {
    if (!f->text) return raise_format(ts, &exc::ValueError, "whence value %lld unsupported", static_cast<long long>(whence));
    return raise_format(ts, &exc::ValueError, "invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence));
  }
  if (f->text) {
    if (whence == 1 && off != 0) return unsupported(ts, "can't do nonzero cur-relative seeks");
    if (whence == 2 && off != 0) return unsupported(ts, "can't do nonzero end-relative seeks");
    if (whence == 0 && off < 0) return raise_format(ts, &exc::ValueError, "negative seek position %lld", static_cast<long long>(off));
  }
  if (flush_writes(ts, f) < 0) return nullptr;
  if (whence == 1) {
    int64_t cur = logical_tell(ts, f);
    if (cur < 0) return nullptr;
    off += cur;
    whence = 0;
  }
  f->rbuf->clear();
  f->rpos = 0;
  f->pend->clear();
  f->ppos = 0;
  off_t r = ::lseek(f->fd, off, static_cast<int>(whence));
  if (r < 0) return raise_os_error(ts, errno);
  return int_from_i64(ts, r);
}

Object* file_truncate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "truncate", nargs, kwnames, 0, 1) < 0) return nullptr;
  File* f = F(self);
  if (!check_open(ts, f)) return nullptr;
  if (!f->writable) return unsupported(ts, f->text ? "not writable" : "truncate");
  if (flush_writes(ts, f) < 0) return nullptr;
  int64_t size;
  if (!size_arg(ts, nargs ? args[0] : nullptr, &size)) return nullptr;
  if (size < 0) {
    size = logical_tell(ts, f);
    if (size < 0) return nullptr;
  }
  if (discard_input(ts, f) < 0) return nullptr;
  if (::ftruncate(f->fd, size) != 0) return raise_os_error(ts, errno);
  return int_from_i64(ts, size);
}

int close_file(ThreadState* ts, File* f) {
  if (f->fd < 0) return 0;
  int r = flush_writes(ts, f);
  if (f->closefd) ::close(f->fd);
  f->fd = -1;
  return r;
}

Object* file_close(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (close_file(ts, F(self)) < 0) return nullptr;
  return py_none();
}

Object* file_fileno(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (F(self)->fd < 0) return closed_error(ts, !F(self)->text);
  return int_from_i64(ts, F(self)->fd);
}
Object* file_isatty(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (!check_open(ts, F(self))) return nullptr;
  return new_ref(py_bool(::isatty(F(self)->fd)));
}
Object* file_readable(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (!check_open(ts, F(self))) return nullptr;
  return new_ref(py_bool(F(self)->readable));
}
Object* file_writable(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (!check_open(ts, F(self))) return nullptr;
  return new_ref(py_bool(F(self)->writable));
}
Object* file_seekable(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (!check_open(ts, F(self))) return nullptr;
  return new_ref(py_bool(F(self)->seekable));
}

Object* file_get_closed(ThreadState*, Object* self) { return new_ref(py_bool(F(self)->fd < 0)); }
Object* file_get_name(ThreadState*, Object* self) { return new_ref(F(self)->name); }
Object* file_get_mode(ThreadState*, Object* self) { return new_ref(F(self)->mode); }
Object* file_get_encoding(ThreadState*, Object* self) { return new_ref(F(self)->encoding); }
Object* file_get_errors(ThreadState*, Object* self) { return new_ref(F(self)->errors); }

Object* file_repr(ThreadState* ts, Object* self) {
  File* f = F(self);
  std::string s = "<";
  s += self->ob_type->name;
  s += " name=" + repr_utf8(ts, f->name);
  if (f->text) s += " mode=" + repr_utf8(ts, f->mode) + " encoding=" + repr_utf8(ts, f->encoding);
  s += ">";
  return str_from(ts, s);
}

void file_dealloc(Object* o) {
  File* f = F(o);
  if (f->fd >= 0) {
    (void)flush_writes(nullptr, f);
    if (f->closefd) ::close(f->fd);
  }
  delete f->newline;
  delete f->wbuf;
  delete f->rbuf;
  delete f->pend;
  xdecref(f->name);
  xdecref(f->mode);
  xdecref(f->encoding);
  xdecref(f->errors);
  xdecref(f->dict);
  free_object(o);
}

int file_traverse(Object* o, VisitFn visit, void* arg) {
  File* f = F(o);
  if (f->name && visit(f->name, arg)) return 1;
  return f->dict ? visit(f->dict, arg) : 0;
}

const MethodDef file_methods[] = {
    {"read", file_read, kMethFast},
    {"readinto", file_readinto, kMethO},
    {"readline", file_readline, kMethFast},
    {"readlines", file_readlines, kMethFast},
    {"write", file_write, kMethO},
    {"writelines", file_writelines, kMethO},
    {"flush", file_flush, kMethNoArgs},
    {"seek", file_seek, kMethFast},
    {"tell", file_tell, kMethNoArgs},
    {"truncate", file_truncate, kMethFast},
    {"close", file_close, kMethNoArgs},
    {"fileno", file_fileno, kMethNoArgs},
    {"isatty", file_isatty, kMethNoArgs},
    {"readable", file_readable, kMethNoArgs},
    {"writable", file_writable, kMethNoArgs},
    {"seekable", file_seekable, kMethNoArgs},
    {"__enter__", enter, kMethNoArgs},
    {"__exit__", exit_, kMethFast},
    {},
};
const GetSetDef text_getsets[] = {
    {"closed", file_get_closed, nullptr}, {"name", file_get_name, nullptr},     {"mode", file_get_mode, nullptr},
    {"encoding", file_get_encoding, nullptr}, {"errors", file_get_errors, nullptr},
    {"line_buffering", mem_get_line_buffering, nullptr}, {},
};
const GetSetDef binary_getsets[] = {
    {"closed", file_get_closed, nullptr}, {"name", file_get_name, nullptr}, {"mode", file_get_mode, nullptr}, {},
};

void init_file_type(Type& t, const char* name, bool text) {
  t.name = name;
  t.base = text ? &text_iobase_type : &buffered_iobase_type;
  t.basicsize = sizeof(File);
  t.flags = kTypeHaveGC;
  t.dealloc = file_dealloc;
  t.traverse = file_traverse;
  t.clear = [](Object* o) {
    Object* d = F(o)->dict;
    F(o)->dict = nullptr;
    xdecref(d);
    return 0;
  };
  t.repr = file_repr;
  t.iter = self_iter;
  t.iternext = file_iternext;
  t.methods = file_methods;
  t.getsets = text ? text_getsets : binary_getsets;
  t.dictoffset = offsetof(File, dict);
}

// The canonical name of a supported encoding ("utf-8", "latin-1", "ascii"),
// or "" if unknown.
std::string canonical_encoding(std::string e) {
  for (auto& c : e) c = static_cast<char>(c == '_' ? '-' : std::tolower(static_cast<unsigned char>(c)));
  if (e == "utf-8" || e == "utf8" || e == "u8" || e == "utf") return "utf-8";
  if (e == "latin-1" || e == "latin1" || e == "iso-8859-1" || e == "iso8859-1" || e == "l1" || e == "8859" || e == "cp819")
    return "latin-1";
  if (e == "ascii" || e == "us-ascii" || e == "646") return "ascii";
  return "";
}

// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)
Object* io_open_impl(ThreadState* ts, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {
      {"file", ParamKind::PositionalOrKeyword, kRequired},     {"mode", ParamKind::PositionalOrKeyword, kOptional},
      {"buffering", ParamKind::PositionalOrKeyword, kOptional}, {"encoding", ParamKind::PositionalOrKeyword, kOptional},
      {"errors", ParamKind::PositionalOrKeyword, kOptional},   {"newline", ParamKind::PositionalOrKeyword, kOptional},
      {"closefd", ParamKind::PositionalOrKeyword, kOptional},  {"opener", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("open", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Object* file = av[0];
  std::string mode = "r";
  if (av.has(1)) {
    if (!is_str(av[1])) return raise_format(ts, &exc::TypeError, "open() argument 'mode' must be str, not %s", tp_name(av[1]));
    mode = std::string(str_view(ts, av[1]));
  }
  int64_t buffering = -1;
  if (av.has(2) && !int_arg(ts, av[2], &buffering)) return nullptr;
  auto opt_str = [&](size_t i, const char* what, std::string* out, bool* given) -> bool {
    *given = av.has(i) && !is_none(av[i]);
    if (!*given) return true;
    if (!is_str(av[i])) {
      raise_format(ts, &exc::TypeError, "open() argument '%s' must be str or None, not %s", what, tp_name(av[i]));
      return false;
    }
    *out = std::string(str_view(ts, av[i]));
    return true;
  };
  std::string encoding, errors, newline;
  bool has_enc, has_err, has_nl;
  if (!opt_str(3, "encoding", &encoding, &has_enc) || !opt_str(4, "errors", &errors, &has_err) ||
      !opt_str(5, "newline", &newline, &has_nl))
    return nullptr;
  int closefd = av.has(6) ? is_true(ts, av[6]) : 1;
  if (closefd < 0) return nullptr;

  bool c = false, r = false, w = false, a = false, plus = false, t = false, b = false;
  for (char ch : mode) {
    bool* flag = nullptr;
    switch (ch) {
      case 'x': flag = &c; break;
      case 'r': flag = &r; break;
      case 'w': flag = &w; break;
      case 'a': flag = &a; break;
      case '+': flag = &plus; break;
      case 't': flag = &t; break;
      case 'b': flag = &b; break;
      default: break;
    }
    if (!flag || *flag) return raise_format(ts, &exc::ValueError, "invalid mode: '%s'", mode.c_str());
    *flag = true;
  }
  if (t && b) return raise(ts, &exc::ValueError, "can't have text and binary mode at once");
  int kinds = static_cast<int>(c) + r + w + a;
  if (kinds > 1) return raise(ts, &exc::ValueError, "must have exactly one of create/read/write/append mode");
  if (kinds == 0) {
    return raise(ts, &exc::ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
  }
  if (b && has_enc) return raise(ts, &exc::ValueError, "binary mode doesn't take an encoding argument");
  if (b && has_err) return raise(ts, &exc::ValueError, "binary mode doesn't take an errors argument");
  if (b && has_nl) return raise(ts, &exc::ValueError, "binary mode doesn't take a newline argument");
  if (!b && buffering == 0) return raise(ts, &exc::ValueError, "can't have unbuffered text I/O");
  if (has_nl && newline != "" && newline != "\n" && newline != "\r" && newline != "\r\n") {
    return raise_format(ts, &exc::ValueError, "illegal newline value: %s", newline.c_str());
  }
  std::string enc_name = "UTF-8";
  if (!b && has_enc) {
    if (canonical_encoding(encoding).empty()) return raise_format(ts, &exc::LookupError, "unknown encoding: %s", encoding.c_str());
    enc_name = encoding;
  }

  int flags = O_CLOEXEC;
  if (r) flags |= plus ? O_RDWR : O_RDONLY;
  if (w) flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
  if (a) flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
  if (c) flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL;

  int fd;
  Ref name;
  if (is_int(file) && !is_bool(file)) {
    int64_t v;
    if (!int_arg(ts, file, &v)) return nullptr;
    if (v < 0) return raise(ts, &exc::ValueError, "negative file descriptor");
    fd = static_cast<int>(v);
    name = Ref::steal(new_ref(file));
  } else {
    Ref p = Ref::steal(fspath(ts, file));
    if (!p) return nullptr;
    PathArg path;
    if (convert_path(ts, p.get(), "open", "string, bytes or os.PathLike", &path) < 0) return nullptr;
    if (!closefd) return raise(ts, &exc::ValueError, "Cannot use closefd=False with file name");
    for (;;) {
      fd = ::open(path.path.c_str(), flags, 0666);
      if (fd >= 0 || errno != EINTR) break;
    }
    if (fd < 0) return raise_os_error(ts, errno, file);
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      return raise_os_error(ts, EISDIR, file);
    }
    name = Ref::steal(new_ref(file));
  }
  Type* type = !b ? &text_file_type : plus ? &buffered_random_type : r ? &buffered_reader_type : &buffered_writer_type;
  auto* f = static_cast<File*>(type_generic_alloc(ts, type, 0));
  if (!f) {
    if (closefd) ::close(fd);
    return nullptr;
  }
  f->fd = fd;
  f->closefd = closefd;
  f->readable = r || plus;
  f->writable = w || a || c || plus;
  f->appending = a;
  f->text = !b;
  f->seekable = ::lseek(fd, 0, SEEK_CUR) >= 0;
  f->newline = new std::string(has_nl ? newline : "");
  f->universal = !has_nl || newline.empty();
  f->translate = !has_nl;
  f->wbuf = new std::string();
  f->rbuf = new std::string();
  f->pend = new std::u32string();
  f->name = name.release();
  // The mode attribute: text files keep the given mode; binary ones show
  // CPython's FileIO form (x, a, then r/w by readability, "+" if both).
  std::string shown = mode;
  if (b) {
    if (c) shown = plus ? "xb+" : "xb";
    else if (a) shown = plus ? "ab+" : "ab";
    else if (plus) shown = "rb+";
    else shown = r ? "rb" : "wb";
  }
  f->mode = str_from(ts, shown);
  f->encoding = str_from(ts, b ? "" : enc_name);
  f->errors = str_from(ts, has_err ? errors : "strict");
  if (!f->mode || !f->encoding || !f->errors) {
    decref(f);
    return nullptr;
  }
  if (a && f->seekable) ::lseek(fd, 0, SEEK_END);
  return f;
}

Object* io_open(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return io_open_impl(ts, args, nargs, kwnames);
}

const MethodDef io_functions[] = {
    {"open", io_open, kMethKeywords},
    {},
};

}  // namespace

Object* open_file(ThreadState* ts, Object* const* args, size_t nargs, Object* kwnames) {
  return io_open_impl(ts, args, nargs, kwnames);
}

void init_unsupported_operation_type(Type& t) {
  t.name = "io.UnsupportedOperation";
  t.basicsize = sizeof(ExceptionObject);
  t.flags = kTypeBaseType | kTypeHaveGC | kTypeBaseExceptionSubclass;
  t.dictoffset = offsetof(ExceptionObject, dict);
  t.base = &exc::OSError;
  // Also a ValueError, as CPython's (start-up runs on a thread with a ThreadState).
  t.bases = tuple_pack(runtime::current_thread_state(), {&exc::OSError, &exc::ValueError});
}
void init_stringio_type(Type& t) {
  init_mem_type(t, "_io.StringIO");
  t.base = &text_iobase_type;
  t.init = stringio_init;
  t.getsets = stringio_getsets;
}
void init_bytesio_type(Type& t) {
  init_mem_type(t, "_io.BytesIO");
  t.base = &buffered_iobase_type;
  t.init = bytesio_init;
  t.methods = bytesio_methods;
}
void init_text_file_type(Type& t) { init_file_type(t, "_io.TextIOWrapper", true); }
void init_buffered_reader_type(Type& t) { init_file_type(t, "_io.BufferedReader", false); }
void init_buffered_writer_type(Type& t) { init_file_type(t, "_io.BufferedWriter", false); }
void init_buffered_random_type(Type& t) { init_file_type(t, "_io.BufferedRandom", false); }

namespace {

Object* make_io_module(ThreadState* ts, const char* name, bool with_abcs) {
  Ref m = Ref::steal(new_native_module(ts, name, io_functions, "The io module provides the Python interfaces to stream handling."));
  if (!m) return nullptr;
  Object* mod = m.get();
  for (Type* t : {&stringio_type, &bytesio_type, &text_file_type, &buffered_reader_type, &buffered_writer_type,
                  &buffered_random_type, &unsupported_operation_type})
    if (add_type(ts, mod, t) < 0) return nullptr;
  // io.open is builtins.open, one object.
  Object* builtin_open = dict_get_item_str_borrowed(ts, ts->interp->builtins_dict, "open");
  if (builtin_open && add_object(ts, mod, "open", new_ref(builtin_open)) < 0) return nullptr;
  if (add_int(ts, mod, "DEFAULT_BUFFER_SIZE", 8192) < 0 || add_int(ts, mod, "SEEK_SET", 0) < 0 ||
      add_int(ts, mod, "SEEK_CUR", 1) < 0 || add_int(ts, mod, "SEEK_END", 2) < 0)
    return nullptr;
  if (add_io_base_classes(ts, mod, with_abcs) < 0) return nullptr;
  return m.release();
}

}  // namespace

Object* init_io_module(ThreadState* ts) { return make_io_module(ts, "io", true); }
Object* init__io_module(ThreadState* ts) { return make_io_module(ts, "_io", false); }

}  // namespace spindle::modules
