// bytes and bytearray: construction, repr, hashing, comparison, sequence
// slots and the common methods (one implementation serves both types).
#include "objects/bytes.h"

#include <cstring>
#include <string>
#include <vector>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/seq_dunders.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"
#include "unicode/utf8.h"

namespace spindle::objects {

using runtime::raise;
using runtime::raise_format;

Type bytes_type;
Type bytearray_type;
Type bytes_iterator_type;

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

bool is_byteslike(Object* o) { return is_bytes(o) || is_bytearray(o); }

// A result of the receiver's kind.
Object* same_kind(ThreadState* ts, Object* self, std::string_view s) {
  return is_bytearray(self) ? bytearray_from(ts, s.data(), s.size()) : bytes_from(ts, s.data(), s.size());
}

std::string bytes_repr_text(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos, has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  char buf[8];
  for (unsigned char c : s) {
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
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
  std::string r = bytes_repr_text(byteslike_view(o));
  if (is_bytearray(o)) r = "bytearray(" + r + ")";
  return str_from(ts, r);
}

int64_t b_hash(ThreadState*, Object* o) {
  auto* b = static_cast<Bytes*>(o);
  if (b->hash == -1) b->hash = hash_bytes(bytes_data(o), static_cast<size_t>(b->size));
  return b->hash;
}

Object* b_richcompare(ThreadState*, Object* a, Object* b, CompareOp op) {
  if (!is_byteslike(a) || !is_byteslike(b)) return new_ref(py_not_implemented());
  int c = byteslike_view(a).compare(byteslike_view(b));
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
  std::string_view s = byteslike_view(o);
  if (is_int(x)) {
    int64_t v = as_ssize(ts, x, nullptr);
    if (v < 0 || v > 255) {
      raise(ts, &exc::ValueError, "byte must be in range(0, 256)");
      return -1;
    }
    return s.find(static_cast<char>(v)) != std::string_view::npos;
  }
  if (!is_byteslike(x)) {
    raise_format(ts, &exc::TypeError, "a bytes-like object is required, not '%s'", type_name(x->ob_type));
    return -1;
  }
  return s.find(byteslike_view(x)) != std::string_view::npos;
}

Object* b_concat(ThreadState* ts, Object* a, Object* b) {
  if (!is_byteslike(b)) {
    return raise_format(ts, &exc::TypeError, "can't concat %s to %s", type_name(b->ob_type), type_name(a->ob_type));
  }
  std::string r(byteslike_view(a));
  r += byteslike_view(b);
  return same_kind(ts, a, r);
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
  auto* it = static_cast<BytesIter*>(alloc_object(ts, &bytes_iterator_type, sizeof(BytesIter)));
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
void b_iter_dealloc(Object* o) {
  xdecref(static_cast<BytesIter*>(o)->seq);
  free_object(o);
}
Object* self_iter(ThreadState*, Object* o) { return new_ref(o); }

// Builds the bytes of bytes(x) / bytearray(x).
int bytes_source(ThreadState* ts, Object* const* args, size_t nargs, Object* kwnames, std::string* out, const char* name) {
  static constexpr Param kParams[] = {{"source", ParamKind::PositionalOrKeyword, kOptional},
                                      {"encoding", ParamKind::PositionalOrKeyword, kOptional},
                                      {"errors", ParamKind::PositionalOrKeyword, kOptional}};
  Signature sig(name, kParams);
  ArgValues av;
  if (parse_args(ts, sig, args, nargs, kwnames, av) < 0) return -1;
  if (!av.has(0)) return 0;
  Object* src = av[0];
  if (is_str(src)) {
    if (!av.has(1)) {
      raise(ts, &exc::TypeError, "string argument without an encoding");
      return -1;
    }
    Object* a = av[1];
    Ref enc = Ref::steal(call_method(ts, src, Ref::steal(str_intern_cstr(ts, "encode")).get(), &a, 1));
    if (!enc) return -1;
    *out = std::string(byteslike_view(enc.get()));
    return 0;
  }
  if (av.has(1)) {
    raise(ts, &exc::TypeError, "encoding without a string argument");
    return -1;
  }
  if (is_byteslike(src)) {
    *out = std::string(byteslike_view(src));
    return 0;
  }
  if (src->ob_type->nb_index && !is_bool(src)) {
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
  Ref it = Ref::steal(get_iter(ts, src));
  if (!it) {
    if (runtime::exception_matches(ts, &exc::TypeError)) {
      runtime::clear_exception(ts);
      raise_format(ts, &exc::TypeError, "cannot convert '%s' object to %s", type_name(src->ob_type), name);
    }
    return -1;
  }
  while (Object* v = iter_next(ts, it.get())) {
    Ref vr = Ref::steal(v);
    if (!v->ob_type->nb_index) {
      raise_format(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(v->ob_type));
      return -1;
    }
    int64_t b = as_ssize(ts, v, nullptr);
    if (b == -1 && runtime::has_exception(ts)) return -1;
    if (b < 0 || b > 255) {
      raise(ts, &exc::ValueError, "bytes must be in range(0, 256)");
      return -1;
    }
    out->push_back(static_cast<char>(b));
  }
  return runtime::has_exception(ts) ? -1 : 0;
}

Object* bytes_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  std::string data;
  if (bytes_source(ts, args, nargs, kwnames, &data, "bytes") < 0) return nullptr;
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

void set_bytearray(ByteArray* b, const std::string& s) {
  mem_free(b->data);
  b->data = s.empty() ? nullptr : static_cast<uint8_t*>(mem_alloc(s.size()));
  if (b->data) std::memcpy(b->data, s.data(), s.size());
  b->size = b->allocated = static_cast<int64_t>(s.size());
}

int bytearray_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  std::string data;
  if (bytes_source(ts, args, nargs, kwnames, &data, "bytearray") < 0) return -1;
  set_bytearray(static_cast<ByteArray*>(self), data);
  return 0;
}

void bytearray_dealloc(Object* o) {
  mem_free(static_cast<ByteArray*>(o)->data);
  if (o->ob_type == &bytearray_type) free_object(o);
  else object_default_dealloc(o);
}

int bytearray_ass_subscript(ThreadState* ts, Object* o, Object* key, Object* value) {
  auto* b = static_cast<ByteArray*>(o);
  std::string s(byteslike_view(o));
  if (key->ob_type == &slice_type) {
    int64_t start, stop, step;
    if (slice_unpack(ts, key, &start, &stop, &step) < 0) return -1;
    int64_t len = slice_adjust_indices(b->size, &start, &stop, step);
    std::string repl;
    if (value) {
      Object* a = value;
      if (bytes_source(ts, &a, 1, nullptr, &repl, "bytearray") < 0) return -1;
    }
    if (step == 1) {
      s.replace(static_cast<size_t>(start), static_cast<size_t>(std::max<int64_t>(len, 0)), repl);
    } else {
      if (!value) {
        std::string kept;
        for (int64_t i = 0; i < b->size; ++i) {
          bool hit = false;
          for (int64_t k = 0; k < len && !hit; ++k) hit = i == start + k * step;
          if (!hit) kept += s[static_cast<size_t>(i)];
        }
        s = kept;
      } else {
        if (static_cast<int64_t>(repl.size()) != len) {
          raise_format(ts, &exc::ValueError, "attempt to assign bytes of size %zu to extended slice of size %lld",
                       repl.size(), static_cast<long long>(len));
          return -1;
        }
        for (int64_t k = 0; k < len; ++k) s[static_cast<size_t>(start + k * step)] = repl[static_cast<size_t>(k)];
      }
    }
    set_bytearray(b, s);
    return 0;
  }
  int64_t i = as_ssize(ts, key, &exc::IndexError);
  if (i == -1 && runtime::has_exception(ts)) return -1;
  if (i < 0) i += b->size;
  if (i < 0 || i >= b->size) {
    raise(ts, &exc::IndexError, "bytearray index out of range");
    return -1;
  }
  if (!value) {
    s.erase(static_cast<size_t>(i), 1);
    set_bytearray(b, s);
    return 0;
  }
  int64_t v = as_ssize(ts, value, nullptr);
  if (v == -1 && runtime::has_exception(ts)) return -1;
  if (v < 0 || v > 255) {
    raise(ts, &exc::ValueError, "byte must be in range(0, 256)");
    return -1;
  }
  b->data[i] = static_cast<uint8_t>(v);
  return 0;
}

// --- methods (shared by bytes and bytearray) ------------------------------------
Object* m_decode(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"encoding", ParamKind::PositionalOrKeyword, kOptional},
                                      {"errors", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("decode", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  std::string enc = av.has(0) ? std::string(str_view(ts, av[0])) : "utf-8";
  std::string errors = av.has(1) ? std::string(str_view(ts, av[1])) : "strict";
  for (auto& c : enc) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view s = byteslike_view(self);
  if (enc == "utf-8" || enc == "utf8" || enc == "utf_8") {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
      char32_t cp;
      size_t len = unicode::decode_utf8(s, i, cp);
      if (!len) {
        if (errors == "replace") {
          out += U'\uFFFD';
          ++i;
          continue;
        }
        if (errors == "ignore") {
          ++i;
          continue;
        }
        if (errors == "surrogateescape") {
          out += static_cast<char32_t>(0xDC00 + static_cast<unsigned char>(s[i]));
          ++i;
          continue;
        }
        unsigned char b = static_cast<unsigned char>(s[i]);
        const char* reason = (b >= 0x80 && b < 0xC2) || b > 0xF4 ? "invalid start byte"
                             : i + 1 >= s.size() ? "unexpected end of data" : "invalid continuation byte";
        Ref bo = Ref::steal(bytes_from(ts, s.data(), s.size()));
        Ref e1 = Ref::steal(str_from_cstr(ts, "utf-8"));
        Ref st = Ref::steal(int_from_i64(ts, static_cast<int64_t>(i)));
        Ref en = Ref::steal(int_from_i64(ts, static_cast<int64_t>(i + 1)));
        Ref rs = Ref::steal(str_from_cstr(ts, reason));
        Object* a[5] = {e1.get(), bo.get(), st.get(), en.get(), rs.get()};
        Ref e = Ref::steal(call(ts, &exc::UnicodeDecodeError, a, 5));
        if (e) runtime::raise_object(ts, e.get());
        return nullptr;
      }
      out += cp;
      i += len;
    }
    return str_from_u32(ts, out);
  }
  if (enc == "ascii" || enc == "latin-1" || enc == "latin1" || enc == "iso-8859-1") {
    bool ascii = enc == "ascii";
    std::u32string out;
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char b = static_cast<unsigned char>(s[i]);
      if (ascii && b >= 0x80) {
        if (errors == "replace") { out += U'\uFFFD'; continue; }
        if (errors == "ignore") continue;
        Ref bo = Ref::steal(bytes_from(ts, s.data(), s.size()));
        Ref e1 = Ref::steal(str_from_cstr(ts, "ascii"));
        Ref st = Ref::steal(int_from_i64(ts, static_cast<int64_t>(i)));
        Ref en = Ref::steal(int_from_i64(ts, static_cast<int64_t>(i + 1)));
        Ref rs = Ref::steal(str_from_cstr(ts, "ordinal not in range(128)"));
        Object* a[5] = {e1.get(), bo.get(), st.get(), en.get(), rs.get()};
        Ref e = Ref::steal(call(ts, &exc::UnicodeDecodeError, a, 5));
        if (e) runtime::raise_object(ts, e.get());
        return nullptr;
      }
      out += static_cast<char32_t>(b);
    }
    return str_from_u32(ts, out);
  }
  return raise_format(ts, &exc::LookupError, "unknown encoding: %s", enc.c_str());
}

Object* m_hex(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::string out;
  char buf[4];
  for (unsigned char c : byteslike_view(self)) {
    std::snprintf(buf, sizeof buf, "%02x", c);
    out += buf;
  }
  return str_from(ts, out);
}

Object* m_join(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref items = Ref::steal(sequence_list(ts, args[0]));
  if (!items) return nullptr;
  std::string sep(byteslike_view(self)), out;
  for (int64_t i = 0; i < list_size(items.get()); ++i) {
    Object* it = list_items(items.get())[i];
    if (!is_byteslike(it)) {
      return raise_format(ts, &exc::TypeError, "sequence item %lld: expected a bytes-like object, %s found",
                          static_cast<long long>(i), type_name(it->ob_type));
    }
    if (i) out += sep;
    out += byteslike_view(it);
  }
  return same_kind(ts, self, out);
}

std::string_view arg_bytes(ThreadState* ts, Object* o, bool* ok) {
  *ok = is_byteslike(o);
  if (!*ok) raise_format(ts, &exc::TypeError, "a bytes-like object is required, not '%s'", type_name(o->ob_type));
  return *ok ? byteslike_view(o) : std::string_view();
}

Object* m_startswith(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  bool ok;
  std::string_view p = arg_bytes(ts, args[0], &ok);
  if (!ok) return nullptr;
  std::string_view s = byteslike_view(self);
  return py_bool(s.substr(0, p.size()) == p);
}
Object* m_endswith(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  bool ok;
  std::string_view p = arg_bytes(ts, args[0], &ok);
  if (!ok) return nullptr;
  std::string_view s = byteslike_view(self);
  return py_bool(s.size() >= p.size() && s.substr(s.size() - p.size()) == p);
}
Object* m_find(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  std::string_view s = byteslike_view(self);
  if (is_int(args[0])) return int_from_i64(ts, static_cast<int64_t>(s.find(static_cast<char>(int_small_value(args[0])))));
  bool ok;
  std::string_view p = arg_bytes(ts, args[0], &ok);
  if (!ok) return nullptr;
  size_t r = s.find(p);
  return int_from_i64(ts, r == std::string_view::npos ? -1 : static_cast<int64_t>(r));
}
Object* m_count(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  bool ok;
  std::string_view p = arg_bytes(ts, args[0], &ok);
  if (!ok) return nullptr;
  std::string_view s = byteslike_view(self);
  int64_t n = 0;
  if (p.empty()) return int_from_i64(ts, static_cast<int64_t>(s.size()) + 1);
  for (size_t i = s.find(p); i != std::string_view::npos; i = s.find(p, i + p.size())) ++n;
  return int_from_i64(ts, n);
}
Object* m_replace(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (check_positional(ts, "replace", nargs, kw, 2, 3) < 0) return nullptr;
  bool ok1, ok2;
  std::string_view a = arg_bytes(ts, args[0], &ok1);
  if (!ok1) return nullptr;
  std::string_view b = arg_bytes(ts, args[1], &ok2);
  if (!ok2) return nullptr;
  int64_t count = nargs > 2 ? as_ssize(ts, args[2], nullptr) : -1;
  std::string s(byteslike_view(self)), out;
  size_t pos = 0;
  while (count != 0) {
    size_t at = a.empty() ? (pos <= s.size() ? pos : std::string::npos) : s.find(a, pos);
    if (at == std::string::npos) break;
    out += s.substr(pos, at - pos);
    out += b;
    if (a.empty()) {
      if (at < s.size()) out += s[at];
      pos = at + 1;
    } else {
      pos = at + a.size();
    }
    if (count > 0) --count;
  }
  if (pos <= s.size()) out += s.substr(pos);
  return same_kind(ts, self, out);
}
Object* m_split(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (check_positional(ts, "split", nargs, kw, 0, 2) < 0) return nullptr;
  std::string_view s = byteslike_view(self);
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  auto push = [&](std::string_view piece) {
    Ref p = Ref::steal(same_kind(ts, self, piece));
    return p && list_append(ts, out.get(), p.get()) == 0;
  };
  int64_t maxsplit = nargs > 1 ? as_ssize(ts, args[1], nullptr) : -1;
  if (nargs == 0 || is_none(args[0])) {
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      if (i >= s.size()) break;
      if (maxsplit == 0) {
        size_t e = s.size();
        while (e > i && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
        if (!push(s.substr(i, e - i))) return nullptr;
        break;
      }
      size_t j = i;
      while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
      if (!push(s.substr(i, j - i))) return nullptr;
      if (maxsplit > 0) --maxsplit;
      i = j;
    }
    return out.release();
  }
  bool ok;
  std::string_view sep = arg_bytes(ts, args[0], &ok);
  if (!ok) return nullptr;
  if (sep.empty()) return raise(ts, &exc::ValueError, "empty separator");
  size_t pos = 0;
  while (maxsplit != 0) {
    size_t at = s.find(sep, pos);
    if (at == std::string_view::npos) break;
    if (!push(s.substr(pos, at - pos))) return nullptr;
    pos = at + sep.size();
    if (maxsplit > 0) --maxsplit;
  }
  if (!push(s.substr(pos))) return nullptr;
  return out.release();
}
Object* strip_impl(ThreadState* ts, Object* self, Object* const* args, size_t nargs, bool left, bool right) {
  std::string_view s = byteslike_view(self);
  std::string chars = " \t\n\r\x0b\x0c";
  if (nargs && !is_none(args[0])) {
    bool ok;
    chars = std::string(arg_bytes(ts, args[0], &ok));
    if (!ok) return nullptr;
  }
  size_t b = 0, e = s.size();
  if (left) while (b < e && chars.find(s[b]) != std::string::npos) ++b;
  if (right) while (e > b && chars.find(s[e - 1]) != std::string::npos) --e;
  return same_kind(ts, self, s.substr(b, e - b));
}
Object* m_strip(ThreadState* ts, Object* self, Object* const* a, size_t n, Object*) { return strip_impl(ts, self, a, n, true, true); }
Object* m_lstrip(ThreadState* ts, Object* self, Object* const* a, size_t n, Object*) { return strip_impl(ts, self, a, n, true, false); }
Object* m_rstrip(ThreadState* ts, Object* self, Object* const* a, size_t n, Object*) { return strip_impl(ts, self, a, n, false, true); }
template <int (*F)(int)>
Object* m_map(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::string s(byteslike_view(self));
  for (auto& c : s) c = static_cast<char>(F(static_cast<unsigned char>(c)));
  return same_kind(ts, self, s);
}
int to_upper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
int to_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
template <int (*P)(int)>
Object* m_is(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  std::string_view s = byteslike_view(self);
  if (s.empty()) return py_false();
  for (unsigned char c : s)
    if (!P(c)) return py_false();
  return py_true();
}
int is_digit(int c) { return c >= '0' && c <= '9'; }
int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
int is_alnum(int c) { return is_digit(c) || is_alpha(c); }
int is_space(int c) { return c == ' ' || (c >= 9 && c <= 13); }
Object* m_fromhex(ThreadState* ts, Object* cls, Object* const* args, size_t, Object*) {
  if (!is_str(args[0])) return raise_format(ts, &exc::TypeError, "fromhex() argument must be str, not %s", type_name(args[0]->ob_type));
  std::string s(str_view(ts, args[0])), out;
  size_t i = 0;
  while (i < s.size()) {
    if (std::isspace(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    auto hexval = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10 : -1; };
    int hi = hexval(s[i]), lo = i + 1 < s.size() ? hexval(s[i + 1]) : -1;
    if (hi < 0 || lo < 0) {
      return raise_format(ts, &exc::ValueError, "non-hexadecimal number found in fromhex() arg at position %zu", hi < 0 ? i : i + 1);
    }
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  Ref b = Ref::steal(bytes_from(ts, out.data(), out.size()));
  if (cls == &bytes_type) return b.release();
  Object* a = b.get();
  return call(ts, cls, &a, 1);
}

// bytearray mutators
Object* m_append(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int64_t v = as_ssize(ts, args[0], nullptr);
  if (v == -1 && runtime::has_exception(ts)) return nullptr;
  if (v < 0 || v > 255) return raise(ts, &exc::ValueError, "byte must be in range(0, 256)");
  std::string s(byteslike_view(self));
  s += static_cast<char>(v);
  set_bytearray(static_cast<ByteArray*>(self), s);
  return py_none();
}
Object* m_extend(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  std::string add;
  Object* a = args[0];
  if (bytes_source(ts, &a, 1, nullptr, &add, "bytearray") < 0) return nullptr;
  std::string s(byteslike_view(self));
  set_bytearray(static_cast<ByteArray*>(self), s + add);
  return py_none();
}
Object* m_pop(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object*) {
  std::string s(byteslike_view(self));
  if (s.empty()) return raise(ts, &exc::IndexError, "pop from empty bytearray");
  int64_t i = nargs ? as_ssize(ts, args[0], nullptr) : -1;
  if (i < 0) i += static_cast<int64_t>(s.size());
  if (i < 0 || i >= static_cast<int64_t>(s.size())) return raise(ts, &exc::IndexError, "pop index out of range");
  unsigned char c = static_cast<unsigned char>(s[static_cast<size_t>(i)]);
  s.erase(static_cast<size_t>(i), 1);
  set_bytearray(static_cast<ByteArray*>(self), s);
  return int_from_i64(ts, c);
}
Object* m_iadd(ThreadState* ts, Object* self, Object* other) {
  if (!is_byteslike(other)) {
    return raise_format(ts, &exc::TypeError, "can't concat %s to bytearray", type_name(other->ob_type));
  }
  std::string s(byteslike_view(self));
  s += byteslike_view(other);
  set_bytearray(static_cast<ByteArray*>(self), s);
  return new_ref(self);
}

const MethodDef bytes_methods[] = {
    {"decode", m_decode, kMethKeywords},
    {"hex", m_hex, kMethNoArgs},
    {"join", m_join, kMethO},
    {"startswith", m_startswith, kMethO},
    {"endswith", m_endswith, kMethO},
    {"find", m_find, kMethO},
    {"count", m_count, kMethO},
    {"replace", m_replace, kMethFast},
    {"split", m_split, kMethFast},
    {"strip", m_strip, kMethFast},
    {"lstrip", m_lstrip, kMethFast},
    {"rstrip", m_rstrip, kMethFast},
    {"upper", m_map<to_upper>, kMethNoArgs},
    {"lower", m_map<to_lower>, kMethNoArgs},
    {"isdigit", m_is<is_digit>, kMethNoArgs},
    {"isalpha", m_is<is_alpha>, kMethNoArgs},
    {"isalnum", m_is<is_alnum>, kMethNoArgs},
    {"isspace", m_is<is_space>, kMethNoArgs},
    {"fromhex", m_fromhex, kMethO | kMethClass},
    SPINDLE_SEQ_DUNDERS,
    {},
};

const MethodDef bytearray_methods[] = {
    {"decode", m_decode, kMethKeywords},
    {"hex", m_hex, kMethNoArgs},
    {"join", m_join, kMethO},
    {"startswith", m_startswith, kMethO},
    {"endswith", m_endswith, kMethO},
    {"find", m_find, kMethO},
    {"count", m_count, kMethO},
    {"replace", m_replace, kMethFast},
    {"split", m_split, kMethFast},
    {"strip", m_strip, kMethFast},
    {"upper", m_map<to_upper>, kMethNoArgs},
    {"lower", m_map<to_lower>, kMethNoArgs},
    {"append", m_append, kMethO},
    {"extend", m_extend, kMethO},
    {"pop", m_pop, kMethFast},
    SPINDLE_SEQ_DUNDERS,
    SPINDLE_SEQ_INPLACE_DUNDERS,
    {},
};

}  // namespace

void init_bytes_type(Type& t) {
  t.name = "bytes";
  t.basicsize = sizeof(Bytes);
  t.itemsize = 1;
  t.flags = kTypeBaseType | kTypeBytesSubclass;
  t.repr = b_repr;
  t.hash = b_hash;
  t.richcompare = b_richcompare;
  t.mp_length = b_len;
  t.mp_subscript = b_subscript;
  t.sq_contains = b_contains;
  t.sq_concat = b_concat;
  t.sq_repeat = b_repeat;
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
  t.richcompare = b_richcompare;
  t.mp_length = b_len;
  t.mp_subscript = b_subscript;
  t.mp_ass_subscript = bytearray_ass_subscript;
  t.sq_contains = b_contains;
  t.sq_concat = b_concat;
  t.sq_repeat = b_repeat;
  t.nb_inplace_add = m_iadd;
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
}

}  // namespace spindle::objects
