// bytes and bytearray: construction, repr, hashing, comparison, the
// sequence slots and bytearray's item/slice assignment (the methods are in
// bytes_methods.cpp, bytearray_methods.cpp and bytes_format.cpp).
//
// Invariant: a bytearray's data changes size only in bytearray_assign, which
// refuses while memoryviews export it (ByteArray::exports > 0).
#include "objects/bytes.h"

#include <cstring>
#include <string>
#include <vector>

#include "objects/bytes_internal.h"
#include "objects/memoryview.h"

#include <algorithm>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/list.h"
#include "objects/seq_dunders.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "unicode/utf8.h"

namespace spindle::objects {

using runtime::raise;
using runtime::raise_format;

Type bytes_type;
Type bytearray_type;
Type bytes_iterator_type;
Type bytearray_iterator_type;

std::string_view byteslike_view(Object* o) {
  if (is_bytearray(o)) {
    auto* b = static_cast<ByteArray*>(o);
    return {reinterpret_cast<const char*>(b->data), static_cast<size_t>(b->size)};
  }
  return {reinterpret_cast<const char*>(bytes_data(o)), static_cast<size_t>(bytes_size(o))};
}

Object* bytes_from(ThreadState* ts, const void* data, size_t n) {
  auto* b = static_cast<Bytes*>(alloc_object(ts, &bytes_type, sizeof(Bytes) + n + 1));
  if (!b) return nullptr;
  b->size = static_cast<int64_t>(n);
  b->hash = -1;
  if (n) std::memcpy(bytes_data(b), data, n);
  return b;
}

Object* bytearray_from(ThreadState* ts, const void* data, size_t n) {
  auto* b = static_cast<ByteArray*>(alloc_object(ts, &bytearray_type, sizeof(ByteArray)));
  if (!b) return nullptr;
  if (n) {
    b->data = static_cast<uint8_t*>(mem_alloc(n));
    if (!b->data) {
      decref(b);
      return runtime::raise_no_memory(ts);
    }
    std::memcpy(b->data, data, n);
  }
  b->size = b->allocated = static_cast<int64_t>(n);
  return b;
}

namespace {

Object* same_kind(ThreadState* ts, Object* self, std::string_view s) { return bytes_same_kind(ts, self, s); }

// bytearray's repr escapes a single quote even inside double quotes (as CPython's does).
std::string bytes_repr_text(std::string_view s, bool escape_single = false) {
  bool has_single = s.find('\'') != std::string_view::npos, has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  char buf[8];
  for (unsigned char c : s) {
    if (c == static_cast<unsigned char>(quote) || c == '\\' || (escape_single && c == '\'')) {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7f) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else out += static_cast<char>(c);
  }
  out += quote;
  return out;
}

Object* b_repr(ThreadState* ts, Object* o) {
  std::string r = bytes_repr_text(byteslike_view(o), is_bytearray(o));
  if (is_bytearray(o)) r = std::string(tp_name(o)) + "(" + r + ")";
  return str_from(ts, r);
}

int64_t b_hash(ThreadState*, Object* o) {
  auto* b = static_cast<Bytes*>(o);
  if (b->hash == -1) b->hash = hash_bytes(bytes_data(o), static_cast<size_t>(b->size));
  return b->hash;
}

Object* b_richcompare(ThreadState*, Object* a, Object* b, CompareOp op) {
  // bytes compares with bytes only; bytearray with any bytes-like object.
  std::string_view va, vb;
  bool ok = is_bytes(a) && is_bytes(b) ? (va = byteslike_view(a), vb = byteslike_view(b), true)
            : (is_bytearray(a) || is_bytearray(b)) && get_byteslike(a, &va) && get_byteslike(b, &vb);
  if (!ok) return new_ref(py_not_implemented());
  int c = va.compare(vb);
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = c < 0; break;
    case CompareOp::Le: r = c <= 0; break;
    case CompareOp::Eq: r = c == 0; break;
    case CompareOp::Ne: r = c != 0; break;
    case CompareOp::Gt: r = c > 0; break;
    case CompareOp::Ge: r = c >= 0; break;
  }
  return py_bool(r);
}

int64_t b_len(ThreadState*, Object* o) { return static_cast<int64_t>(byteslike_view(o).size()); }

Object* b_subscript(ThreadState* ts, Object* o, Object* key) {
  std::string_view s = byteslike_view(o);
  int64_t n = static_cast<int64_t>(s.size());
  if (key->ob_type == &slice_type) {
    int64_t start, stop, step;
    if (slice_unpack(ts, key, &start, &stop, &step) < 0) return nullptr;
    int64_t len = slice_adjust_indices(n, &start, &stop, step);
    std::string r;
    for (int64_t i = 0; i < len; ++i) r += s[static_cast<size_t>(start + i * step)];
    return same_kind(ts, o, r);
  }
  if (!key->ob_type->nb_index) {
    return raise_format(ts, &exc::TypeError, "%s indices must be integers or slices, not %s",
                        is_bytearray(o) ? "bytearray" : "byte", type_name(key->ob_type));
  }
  int64_t i = as_ssize(ts, key, &exc::IndexError);
  if (i == -1 && runtime::has_exception(ts)) return nullptr;
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(ts, &exc::IndexError, is_bytearray(o) ? "bytearray index out of range" : "index out of range");
  return int_from_i64(ts, static_cast<unsigned char>(s[static_cast<size_t>(i)]));
}

int b_contains(ThreadState* ts, Object* o, Object* x) {
  std::string_view v;
  if (get_byteslike(x, &v)) {
    std::string needle(v);
    return byteslike_view(o).find(needle) != std::string_view::npos;
  }
  if (x->ob_type->nb_index) {
    int b = byte_value(ts, x);
    if (b < 0) return -1;
    return byteslike_view(o).find(static_cast<char>(b)) != std::string_view::npos;
  }
  raise_format(ts, &exc::TypeError, "a bytes-like object is required, not '%s'", type_name(x->ob_type));
  return -1;
}

Object* b_concat(ThreadState* ts, Object* a, Object* b) {
  std::string_view va, vb;
  if (!get_byteslike(a, &va) || !get_byteslike(b, &vb)) {
    return raise_format(ts, &exc::TypeError, "can't concat %s to %s", type_name(b->ob_type), type_name(a->ob_type));
  }
  std::string r(va);
  r += vb;
  return is_bytearray(a) ? bytearray_from(ts, r.data(), r.size()) : bytes_from(ts, r.data(), r.size());
}

Object* b_repeat(ThreadState* ts, Object* a, int64_t n) {
  std::string_view s = byteslike_view(a);
  if (n <= 0) return same_kind(ts, a, "");
  if (!s.empty() && static_cast<uint64_t>(n) > (uint64_t{1} << 40) / s.size()) return runtime::raise_no_memory(ts);
  std::string r;
  r.reserve(s.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) r += s;
  return same_kind(ts, a, r);
}

struct BytesIter : Object {
  Object* seq = nullptr;
  int64_t index = 0;
};
Object* b_iter(ThreadState* ts, Object* o) {
  Type* type = is_bytearray(o) ? &bytearray_iterator_type : &bytes_iterator_type;
  auto* it = static_cast<BytesIter*>(alloc_object(ts, type, sizeof(BytesIter)));
  if (it) it->seq = new_ref(o);
  return it;
}
Object* b_iter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<BytesIter*>(o);
  if (!it->seq) return nullptr;
  std::string_view s = byteslike_view(it->seq);
  if (it->index < static_cast<int64_t>(s.size())) return int_from_i64(ts, static_cast<unsigned char>(s[static_cast<size_t>(it->index++)]));
  clear_ref(it->seq);
  return nullptr;
}
// What is left of the current contents (a bytearray may have shrunk).
int64_t b_iter_remaining(ThreadState*, Object* o) {
  auto* it = static_cast<BytesIter*>(o);
  if (!it->seq) return 0;
  return std::max<int64_t>(static_cast<int64_t>(byteslike_view(it->seq).size()) - it->index, 0);
}
const MethodDef b_iter_methods[] = {SPINDLE_LENGTH_HINT(b_iter_remaining), {}};

void b_iter_dealloc(Object* o) {
  xdecref(static_cast<BytesIter*>(o)->seq);
  free_object(o);
}
Object* self_iter(ThreadState*, Object* o) { return new_ref(o); }

// Parses bytes(source, encoding, errors) / bytearray(...) into `out`.
int bytes_args(ThreadState* ts, Object* const* args, size_t nargs, Object* kwnames, std::string* out, const char* name) {
  static constexpr Param kParams[] = {{"source", ParamKind::PositionalOrKeyword, kOptional},
                                      {"encoding", ParamKind::PositionalOrKeyword, kOptional},
                                      {"errors", ParamKind::PositionalOrKeyword, kOptional}};
  Signature sig(name, kParams);
  ArgValues av;
  if (parse_args(ts, sig, args, nargs, kwnames, av) < 0) return -1;
  if (!av.has(0)) {
    if (av.has(1) || av.has(2)) {
      raise(ts, &exc::TypeError, av.has(1) ? "encoding without a string argument" : "errors without a string argument");
      return -1;
    }
    return 0;
  }
  Object* src = av[0];
  if (is_str(src)) {
    if (!av.has(1)) {
      raise(ts, &exc::TypeError, "string argument without an encoding");
      return -1;
    }
    Object* a[2] = {av[1], av[2]};
    Ref enc = Ref::steal(call_method(ts, src, Ref::steal(str_intern_cstr(ts, "encode")).get(), a, av.has(2) ? 2 : 1));
    if (!enc) return -1;
    *out = std::string(byteslike_view(enc.get()));
    return 0;
  }
  if (av.has(1) || av.has(2)) {
    raise(ts, &exc::TypeError, av.has(1) ? "encoding without a string argument" : "errors without a string argument");
    return -1;
  }
  if (std::strcmp(name, "bytes") == 0) {
    // bytes(x) asks x.__bytes__() first.
    Ref meth = Ref::steal(lookup_special(ts, src, Ref::steal(str_intern_cstr(ts, "__bytes__")).get()));
    if (meth) {
      Ref r = Ref::steal(call(ts, meth.get(), nullptr, 0));
      if (!r) return -1;
      if (!is_bytes(r.get())) {
        raise_format(ts, &exc::TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r->ob_type));
        return -1;
      }
      *out = std::string(byteslike_view(r.get()));
      return 0;
    }
    if (runtime::has_exception(ts)) return -1;
  }
  return bytes_from_source(ts, src, out, name);
}

Object* bytes_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  std::string data;
  if (nargs == 1 && !kwnames && args[0]->ob_type == &bytes_type && type == &bytes_type) return new_ref(args[0]);
  if (bytes_args(ts, args, nargs, kwnames, &data, "bytes") < 0) return nullptr;
  if (type == &bytes_type) return bytes_from(ts, data.data(), data.size());
  auto* b = static_cast<Bytes*>(type_generic_alloc(ts, type, data.size() + 1));
  if (!b) return nullptr;
  b->size = static_cast<int64_t>(data.size());
  b->hash = -1;
  std::memcpy(bytes_data(b), data.data(), data.size());
  return b;
}

Object* bytearray_new(ThreadState* ts, Type* type, Object* const*, size_t, Object*) {
  if (type == &bytearray_type) return bytearray_from(ts, "", 0);
  return type_generic_alloc(ts, type, 0);
}

int bytearray_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  std::string data;
  if (bytes_args(ts, args, nargs, kwnames, &data, "bytearray") < 0) return -1;
  return bytearray_assign(ts, self, data);
}

void bytearray_dealloc(Object* o) {
  mem_free(static_cast<ByteArray*>(o)->data);
  if (o->ob_type == &bytearray_type) free_object(o);
  else object_default_dealloc(o);
}

int bytearray_ass_subscript(ThreadState* ts, Object* o, Object* key, Object* value) {
  auto* b = static_cast<ByteArray*>(o);
  if (key->ob_type == &slice_type) {
    int64_t start, stop, step;
    if (slice_unpack(ts, key, &start, &stop, &step) < 0) return -1;
    std::string repl;
    if (value) {
      std::string_view v;
      if (get_byteslike(value, &v)) {
        repl.assign(v);
      } else if (value->ob_type->nb_index) {
        raise_format(ts, &exc::TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return -1;
      } else if (bytes_from_source(ts, value, &repl, "bytearray") < 0) {
        return -1;
      }
    }
    int64_t len = slice_adjust_indices(b->size, &start, &stop, step);
    std::string s(byteslike_view(o));
    if (step == 1) {
      s.replace(static_cast<size_t>(start), static_cast<size_t>(std::max<int64_t>(len, 0)), repl);
    } else if (!value) {
      if (len <= 0) return 0;
      std::string kept;
      std::vector<bool> hit(s.size());
      for (int64_t k = 0; k < len; ++k) hit[static_cast<size_t>(start + k * step)] = true;
      for (size_t i = 0; i < s.size(); ++i)
        if (!hit[i]) kept += s[i];
      s = kept;
    } else {
      if (static_cast<int64_t>(repl.size()) != len) {
        raise_format(ts, &exc::ValueError, "attempt to assign bytes of size %zu to extended slice of size %lld",
                     repl.size(), static_cast<long long>(len));
        return -1;
      }
      for (int64_t k = 0; k < len; ++k) s[static_cast<size_t>(start + k * step)] = repl[static_cast<size_t>(k)];
    }
    return bytearray_assign(ts, o, s);
  }
  if (!key->ob_type->nb_index) {
    raise_format(ts, &exc::TypeError, "bytearray indices must be integers or slices, not %s", type_name(key->ob_type));
    return -1;
  }
  int64_t i = as_ssize(ts, key, &exc::IndexError);
  if (i == -1 && runtime::has_exception(ts)) return -1;
  // The value first: its __index__ may resize the bytearray (as CPython, GH-91153).
  int v = value ? byte_value(ts, value) : 0;
  if (v < 0) return -1;
  if (i < 0) i += b->size;
  if (i < 0 || i >= b->size) {
    raise(ts, &exc::IndexError, "bytearray index out of range");
    return -1;
  }
  if (!value) {
    std::string s(byteslike_view(o));
    s.erase(static_cast<size_t>(i), 1);
    return bytearray_assign(ts, o, s);
  }
  b->data[i] = static_cast<uint8_t>(v);
  return 0;
}

// `a % b` for each type: only a left operand of the slot's own type formats.
Object* bytes_nb_mod(ThreadState* ts, Object* a, Object* b) {
  if (!is_bytes(a)) return new_ref(py_not_implemented());
  return bytes_mod(ts, a, b);
}
Object* bytearray_nb_mod(ThreadState* ts, Object* a, Object* b) {
  if (!is_bytearray(a)) return new_ref(py_not_implemented());
  return bytes_mod(ts, a, b);
}

Object* bytearray_iadd(ThreadState* ts, Object* self, Object* other) {
  std::string_view v;
  if (!get_byteslike(other, &v)) {
    return raise_format(ts, &exc::TypeError, "can't concat %s to bytearray", type_name(other->ob_type));
  }
  std::string s(byteslike_view(self));
  s += v;
  if (bytearray_assign(ts, self, s) < 0) return nullptr;
  return new_ref(self);
}

Object* bytearray_imul(ThreadState* ts, Object* self, Object* other) {
  if (!other->ob_type->nb_index) return new_ref(py_not_implemented());
  int64_t n = as_ssize(ts, other, &exc::OverflowError);
  if (n == -1 && runtime::has_exception(ts)) return nullptr;
  std::string s(byteslike_view(self)), out;
  if (n > 0) {
    if (!s.empty() && static_cast<uint64_t>(n) > (uint64_t{1} << 40) / s.size()) return runtime::raise_no_memory(ts);
    for (int64_t i = 0; i < n; ++i) out += s;
  }
  if (bytearray_assign(ts, self, out) < 0) return nullptr;
  return new_ref(self);
}

}  // namespace

bool get_byteslike(Object* o, std::string_view* out) {
  if (is_bytes(o) || is_bytearray(o)) {
    *out = byteslike_view(o);
    return true;
  }
  if (is_memoryview(o)) return memoryview_contiguous_bytes(o, out);
  return false;
}

bool byteslike_arg(ThreadState* ts, Object* o, std::string_view* out) {
  if (get_byteslike(o, out)) return true;
  if (is_memoryview(o)) return memoryview_buffer_error(ts, o);
  raise_format(ts, &exc::TypeError, "a bytes-like object is required, not '%s'", type_name(o->ob_type));
  return false;
}

int bytearray_assign(ThreadState* ts, Object* ba, std::string_view s) {
  auto* b = static_cast<ByteArray*>(ba);
  if (static_cast<int64_t>(s.size()) == b->size) {
    if (!s.empty()) std::memmove(b->data, s.data(), s.size());
    return 0;
  }
  if (b->exports > 0) {
    raise(ts, &exc::BufferError, "Existing exports of data: object cannot be re-sized");
    return -1;
  }
  uint8_t* data = nullptr;
  if (!s.empty()) {
    data = static_cast<uint8_t*>(mem_alloc(s.size()));
    if (!data) {
      runtime::raise_no_memory(ts);
      return -1;
    }
    std::memcpy(data, s.data(), s.size());
  }
  mem_free(b->data);
  b->data = data;
  b->size = b->allocated = static_cast<int64_t>(s.size());
  return 0;
}

int bytes_from_source(ThreadState* ts, Object* src, std::string* out, const char* name) {
  std::string_view v;
  if (get_byteslike(src, &v)) {
    out->assign(v);
    return 0;
  }
  if (is_memoryview(src)) {  // released or strided
    Ref b = Ref::steal(memoryview_tobytes(ts, src));
    if (!b) return -1;
    out->assign(byteslike_view(b.get()));
    return 0;
  }
  if (src->ob_type->nb_index) {
    int64_t n = as_ssize(ts, src, &exc::OverflowError);
    if (n == -1 && runtime::has_exception(ts)) return -1;
    if (n < 0) {
      raise(ts, &exc::ValueError, "negative count");
      return -1;
    }
    if (n > (int64_t{1} << 40)) {
      runtime::raise_no_memory(ts);
      return -1;
    }
    out->assign(static_cast<size_t>(n), '\0');
    return 0;
  }
  if (is_str(src)) {
    raise(ts, &exc::TypeError, "string argument without an encoding");
    return -1;
  }
  Ref it = Ref::steal(get_iter(ts, src));
  if (!it) {
    if (runtime::exception_matches(ts, &exc::TypeError)) {
      runtime::clear_exception(ts);
      raise_format(ts, &exc::TypeError, "cannot convert '%s' object to %s", type_name(src->ob_type), name);
    }
    return -1;
  }
  out->clear();
  while (Object* v = iter_next(ts, it.get())) {
    Ref vr = Ref::steal(v);
    if (!v->ob_type->nb_index) {
      raise_format(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(v->ob_type));
      return -1;
    }
    int64_t b = as_ssize(ts, v, nullptr);
    if (b == -1 && runtime::has_exception(ts)) return -1;
    if (b < 0 || b > 255) {
      raise(ts, &exc::ValueError, std::strcmp(name, "bytes") == 0 ? "bytes must be in range(0, 256)" : "byte must be in range(0, 256)");
      return -1;
    }
    out->push_back(static_cast<char>(b));
  }
  return runtime::has_exception(ts) ? -1 : 0;
}

void init_bytes_type(Type& t) {
  t.name = "bytes";
  t.basicsize = sizeof(Bytes);
  t.itemsize = 1;
  t.flags = kTypeBaseType | kTypeBytesSubclass;
  t.repr = b_repr;
  t.str = b_repr;
  t.hash = b_hash;
  t.richcompare = b_richcompare;
  t.mp_length = b_len;
  t.mp_subscript = b_subscript;
  t.sq_contains = b_contains;
  t.sq_concat = b_concat;
  t.sq_repeat = b_repeat;
  t.nb_remainder = bytes_nb_mod;
  t.iter = b_iter;
  t.new_ = bytes_new;
  t.methods = bytes_methods;
}

void init_bytearray_type(Type& t) {
  t.name = "bytearray";
  t.basicsize = sizeof(ByteArray);
  t.flags = kTypeBaseType;
  t.dealloc = bytearray_dealloc;
  t.repr = b_repr;
  t.str = b_repr;
  t.richcompare = b_richcompare;
  t.mp_length = b_len;
  t.mp_subscript = b_subscript;
  t.mp_ass_subscript = bytearray_ass_subscript;
  t.sq_contains = b_contains;
  t.sq_concat = b_concat;
  t.sq_repeat = b_repeat;
  t.nb_remainder = bytearray_nb_mod;
  t.nb_inplace_add = bytearray_iadd;
  t.nb_inplace_multiply = bytearray_imul;
  t.iter = b_iter;
  t.new_ = bytearray_new;
  t.init = bytearray_init;
  t.methods = bytearray_methods;
}

void init_bytes_iterator_type(Type& t) {
  t.name = "bytes_iterator";
  t.basicsize = sizeof(BytesIter);
  t.dealloc = b_iter_dealloc;
  t.iter = self_iter;
  t.iternext = b_iter_next;
  t.methods = b_iter_methods;
}

void init_bytearray_iterator_type(Type& t) {
  init_bytes_iterator_type(t);
  t.name = "bytearray_iterator";
}

}  // namespace spindle::objects
