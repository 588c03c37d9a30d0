// str: storage, construction, hashing, comparison and the type's slots.
// The methods are in str_methods.cpp.
#include "objects/str.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "unicode/unicode_db.h"
#include "unicode/utf8.h"

namespace spindle::objects {

using runtime::raise;
using runtime::raise_format;

Type str_type;
Type str_iterator_type;
Type str_ascii_iterator_type;

// ---------------------------------------------------------------------------
// Hashing: siphash-1-3 with a per-process key (written once at start-up,
// before any string is hashed; read-only afterwards).
// ---------------------------------------------------------------------------
namespace {
struct HashKey {
  uint64_t k0 = 0, k1 = 0;
};
HashKey g_hash_key;  // write-once process configuration (see set_hash_key)

inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }
}  // namespace

void set_hash_key(uint64_t k0, uint64_t k1) { g_hash_key = {k0, k1}; }

int64_t hash_bytes(const void* p, size_t n) {
  if (n == 0) return 0;
  const auto* in = static_cast<const uint8_t*>(p);
  uint64_t v0 = 0x736f6d6570736575ULL ^ g_hash_key.k0, v1 = 0x646f72616e646f6dULL ^ g_hash_key.k1;
  uint64_t v2 = 0x6c7967656e657261ULL ^ g_hash_key.k0, v3 = 0x7465646279746573ULL ^ g_hash_key.k1;
  auto round = [&] {
    v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);
    v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;
    v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;
    v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);
  };
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t m;
    std::memcpy(&m, in + i, 8);
    v3 ^= m;
    round();
    v0 ^= m;
  }
  uint64_t b = static_cast<uint64_t>(n) << 56;
  for (size_t j = 0; i + j < n; ++j) b |= static_cast<uint64_t>(in[i + j]) << (8 * j);
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xff;
  round(); round(); round();
  auto h = static_cast<int64_t>((v0 ^ v1) ^ (v2 ^ v3));
  return h == -1 ? -2 : h;
}

// ---------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------
namespace {

Str* str_alloc(ThreadState* ts, size_t length, uint8_t kind) {
  size_t size = sizeof(Str) + (length + 1) * kind;
  auto* s = static_cast<Str*>(alloc_object(ts, &str_type, size));
  if (!s) return nullptr;
  s->length = static_cast<int64_t>(length);
  s->hash = -1;
  s->kind = kind;
  return s;
}

template <class T>
void store(Str* s, const uint32_t* cps, size_t n) {
  auto* d = static_cast<T*>(str_data(s));
  for (size_t i = 0; i < n; ++i) d[i] = static_cast<T>(cps[i]);
}

}  // namespace

Object* str_from_codepoints(ThreadState* ts, const uint32_t* cps, size_t n) {
  if (n == 0) return str_empty();
  uint32_t max = 0;
  for (size_t i = 0; i < n; ++i) max = cps[i] > max ? cps[i] : max;
  if (n == 1 && max < 256) return str_from_char(ts, max);
  uint8_t kind = max < 256 ? 1 : max < 65536 ? 2 : 4;
  Str* s = str_alloc(ts, n, kind);
  if (!s) return nullptr;
  s->ascii = max < 128;
  if (kind == 1) store<uint8_t>(s, cps, n);
  else if (kind == 2) store<uint16_t>(s, cps, n);
  else store<uint32_t>(s, cps, n);
  return s;
}

Object* str_from_u32(ThreadState* ts, std::u32string_view v) {
  return str_from_codepoints(ts, reinterpret_cast<const uint32_t*>(v.data()), v.size());
}

Object* str_from_utf8(ThreadState* ts, const char* p, size_t n) {
  bool ascii = true;
  for (size_t i = 0; i < n; ++i) {
    if (static_cast<unsigned char>(p[i]) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    if (n == 0) return str_empty();
    if (n == 1) return str_from_char(ts, static_cast<unsigned char>(p[0]));
    Str* s = str_alloc(ts, n, 1);
    if (!s) return nullptr;
    s->ascii = true;
    std::memcpy(str_data(s), p, n);
    return s;
  }
  std::u32string cps;
  cps.reserve(n);
  std::string_view sv(p, n);
  for (size_t i = 0; i < n;) {
    char32_t cp;
    size_t len = unicode::decode_utf8(sv, i, cp, /*allow_surrogates=*/true);
    if (len == 0) {
      return raise_format(ts, &exc::UnicodeDecodeError,
                          "'utf-8' codec can't decode byte 0x%02x in position %zu: invalid start byte",
                          static_cast<unsigned char>(p[i]), i);
    }
    cps.push_back(cp);
    i += len;
  }
  return str_from_u32(ts, cps);
}

Object* str_from_cstr(ThreadState* ts, const char* s) { return str_from_utf8(ts, s, std::strlen(s)); }

namespace {
// The empty string and the 256 one-character Latin-1 strings: immortal,
// built on first use by the thread that starts the runtime.
struct SmallStrings {
  Str* empty = nullptr;
  Str* latin1[256] = {};
};
SmallStrings g_small;  // write-once cache of immortal singletons (see above)
}  // namespace

Object* str_empty() {
  if (!g_small.empty) {
    auto* s = static_cast<Str*>(mem_calloc(1, sizeof(Str) + 1));
    init_header(s, &str_type);
    make_immortal(s);
    s->hash = -1;
    s->kind = 1;
    s->ascii = true;
    g_small.empty = s;
  }
  return g_small.empty;
}

Object* str_from_char(ThreadState* ts, uint32_t cp) {
  if (cp < 256) {
    if (!g_small.latin1[cp]) {
      auto* s = static_cast<Str*>(mem_calloc(1, sizeof(Str) + 2));
      init_header(s, &str_type);
      make_immortal(s);
      s->length = 1;
      s->hash = -1;
      s->kind = 1;
      s->ascii = cp < 128;
      static_cast<uint8_t*>(str_data(s))[0] = static_cast<uint8_t>(cp);
      g_small.latin1[cp] = s;
    }
    return g_small.latin1[cp];
  }
  return str_from_codepoints(ts, &cp, 1);
}

Object* str_from_format(ThreadState* ts, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  va_list ap2;
  va_copy(ap2, ap);
  int n = std::vsnprintf(nullptr, 0, fmt, ap);
  va_end(ap);
  std::string buf(static_cast<size_t>(n > 0 ? n : 0), '\0');
  std::vsnprintf(buf.data(), buf.size() + 1, fmt, ap2);
  va_end(ap2);
  return str_from_utf8(ts, buf.data(), buf.size());
}

// ---------------------------------------------------------------------------
// Access
// ---------------------------------------------------------------------------
const char* str_utf8(ThreadState* ts, Object* o, size_t* len) {
  auto* s = static_cast<Str*>(o);
  if (!s->utf8) {
    if (s->ascii) {
      s->utf8 = static_cast<char*>(str_data(s));
      s->utf8_len = static_cast<size_t>(s->length);
    } else {
      std::string out;
      out.reserve(static_cast<size_t>(s->length) * 2);
      for (int64_t i = 0; i < s->length; ++i) unicode::append_utf8(out, str_char_at(o, i));
      char* p = static_cast<char*>(mem_alloc(out.size() + 1));
      if (!p) {
        runtime::raise_no_memory(ts);
        return nullptr;
      }
      std::memcpy(p, out.c_str(), out.size() + 1);
      s->utf8 = p;
      s->utf8_len = out.size();
    }
  }
  if (len) *len = s->utf8_len;
  return s->utf8;
}

std::string_view str_view(ThreadState* ts, Object* o) {
  size_t n = 0;
  const char* p = str_utf8(ts, o, &n);
  return p ? std::string_view(p, n) : std::string_view();
}

std::u32string str_to_u32(Object* o) {
  std::u32string out(str_length(o), U'\0');
  for (size_t i = 0; i < out.size(); ++i) out[i] = str_char_at(o, static_cast<int64_t>(i));
  return out;
}

bool str_equal(Object* a, Object* b) {
  if (a == b) return true;
  auto* x = static_cast<Str*>(a);
  auto* y = static_cast<Str*>(b);
  if (x->length != y->length || x->kind != y->kind) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  return std::memcmp(str_data(a), str_data(b), static_cast<size_t>(x->length) * x->kind) == 0;
}

bool str_equal_cstr(Object* a, const char* s) {
  auto* x = static_cast<Str*>(a);
  size_t n = std::strlen(s);
  if (x->ascii) return static_cast<size_t>(x->length) == n && std::memcmp(str_data(a), s, n) == 0;
  size_t len = 0;
  const char* u = str_utf8(nullptr, a, &len);
  return u && len == n && std::memcmp(u, s, n) == 0;
}

int str_compare(Object* a, Object* b) {
  int64_t n = std::min(static_cast<Str*>(a)->length, static_cast<Str*>(b)->length);
  for (int64_t i = 0; i < n; ++i) {
    uint32_t x = str_char_at(a, i), y = str_char_at(b, i);
    if (x != y) return x < y ? -1 : 1;
  }
  int64_t la = static_cast<Str*>(a)->length, lb = static_cast<Str*>(b)->length;
  return la < lb ? -1 : la > lb ? 1 : 0;
}

int64_t str_hash(Object* o) {
  auto* s = static_cast<Str*>(o);
  if (s->hash == -1) s->hash = hash_bytes(str_data(o), static_cast<size_t>(s->length) * s->kind);
  return s->hash;
}

Object* str_substr(ThreadState* ts, Object* o, int64_t start, int64_t end) {
  if (start <= 0 && end >= static_cast<Str*>(o)->length && is_str_exact(o)) return new_ref(o);
  if (end <= start) return str_empty();
  std::vector<uint32_t> cps(static_cast<size_t>(end - start));
  for (int64_t i = start; i < end; ++i) cps[static_cast<size_t>(i - start)] = str_char_at(o, i);
  return str_from_codepoints(ts, cps.data(), cps.size());
}

Object* str_concat(ThreadState* ts, Object* a, Object* b) {
  auto* x = static_cast<Str*>(a);
  auto* y = static_cast<Str*>(b);
  if (y->length == 0 && is_str_exact(a)) return new_ref(a);
  if (x->length == 0 && is_str_exact(b)) return new_ref(b);
  uint8_t kind = std::max(x->kind, y->kind);
  if (x->length + y->length > (INT64_MAX >> 3)) return runtime::raise_no_memory(ts);
  Str* s = str_alloc(ts, static_cast<size_t>(x->length + y->length), kind);
  if (!s) return nullptr;
  s->ascii = x->ascii && y->ascii;
  if (x->kind == kind && y->kind == kind) {
    std::memcpy(str_data(s), str_data(a), static_cast<size_t>(x->length) * kind);
    std::memcpy(static_cast<char*>(str_data(s)) + x->length * kind, str_data(b),
                static_cast<size_t>(y->length) * kind);
    return s;
  }
  for (int64_t i = 0; i < x->length + y->length; ++i) {
    uint32_t cp = i < x->length ? str_char_at(a, i) : str_char_at(b, i - x->length);
    if (kind == 2) static_cast<uint16_t*>(str_data(s))[i] = static_cast<uint16_t>(cp);
    else static_cast<uint32_t*>(str_data(s))[i] = cp;
  }
  return s;
}

Object* str_append_consuming(ThreadState* ts, Object* a, Object* b) {
  auto* x = static_cast<Str*>(a);
  auto* y = static_cast<Str*>(b);
  // Memory from mem_calloc (a str is never a 40-byte pool block), so it
  // can be grown; only the caller's reference sees it move.
  if (is_uniquely_referenced(a) && !x->interned && x->kind >= y->kind && y->length > 0 &&
      x->length + y->length <= (INT64_MAX >> 3)) {
    int64_t n = x->length + y->length;
    uint8_t kind = x->kind;
    if (x->utf8 && x->utf8 != str_data(a)) mem_free(x->utf8);
    x->utf8 = nullptr;
    x->utf8_len = 0;
    auto* s = static_cast<Str*>(mem_realloc(x, sizeof(Str) + static_cast<size_t>(n + 1) * kind));
    if (!s) {
      decref(a);
      decref(b);
      return runtime::raise_no_memory(ts);
    }
    int64_t old = s->length;
    if (y->kind == kind) {
      std::memcpy(static_cast<char*>(str_data(s)) + old * kind, str_data(b), static_cast<size_t>(y->length) * kind);
    } else {
      for (int64_t i = 0; i < y->length; ++i) {
        uint32_t cp = str_char_at(b, i);
        if (kind == 2) static_cast<uint16_t*>(str_data(s))[old + i] = static_cast<uint16_t>(cp);
        else static_cast<uint32_t*>(str_data(s))[old + i] = cp;
      }
    }
    std::memset(static_cast<char*>(str_data(s)) + n * kind, 0, kind);
    s->length = n;
    s->hash = -1;
    s->ascii = s->ascii && y->ascii;
    decref(b);
    return s;
  }
  Object* r = str_concat(ts, a, b);
  decref(a);
  decref(b);
  return r;
}

int64_t str_find(Object* hay, Object* needle, int64_t start, int64_t end, bool reverse) {
  int64_t n = static_cast<Str*>(hay)->length, m = static_cast<Str*>(needle)->length;
  if (start < 0) start = std::max<int64_t>(0, start + n);
  if (end < 0) end = std::max<int64_t>(0, end + n);
  end = std::min(end, n);
  if (start > n || end - start < m) return -1;
  auto match = [&](int64_t i) {
    for (int64_t j = 0; j < m; ++j)
      if (str_char_at(hay, i + j) != str_char_at(needle, j)) return false;
    return true;
  };
  if (reverse) {
    for (int64_t i = end - m; i >= start; --i)
      if (match(i)) return i;
  } else {
    for (int64_t i = start; i + m <= end; ++i)
      if (match(i)) return i;
  }
  return -1;
}

void StrBuilder::append_char(uint32_t cp) { unicode::append_utf8(buf_, cp); }
void StrBuilder::append_str(ThreadState* ts, Object* s) { buf_.append(str_view(ts, s)); }

// ---------------------------------------------------------------------------
// Interning
// ---------------------------------------------------------------------------
Object* str_intern(ThreadState* ts, Object* steal_s) {
  auto* s = static_cast<Str*>(steal_s);
  if (!steal_s || s->interned) return steal_s;
  Object* table = ts->interp->interned;
  if (!table) {  // start-up, before the interpreter's table exists
    make_immortal(s);
    s->interned = true;
    ts->interp->early_interned.push_back(s);  // owned there for the process's life
    return s;
  }
  Object* existing = dict_get_item_borrowed(ts, table, steal_s);
  if (existing) {
    decref(steal_s);
    return existing;
  }
  if (runtime::has_exception(ts)) {
    decref(steal_s);
    return nullptr;
  }
  make_immortal(s);
  s->interned = true;
  if (dict_set_item(ts, table, s, s) < 0) return nullptr;
  return s;
}

Object* str_intern_cstr(ThreadState* ts, const char* p) { return str_intern(ts, str_from_cstr(ts, p)); }

// ---------------------------------------------------------------------------
// repr
// ---------------------------------------------------------------------------
Object* str_repr(ThreadState* ts, Object* o) {
  int64_t n = static_cast<Str*>(o)->length;
  bool has_single = false, has_double = false;
  for (int64_t i = 0; i < n; ++i) {
    uint32_t c = str_char_at(o, i);
    has_single |= c == '\'';
    has_double |= c == '"';
  }
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out;
  out.reserve(static_cast<size_t>(n) + 2);
  out += quote;
  char buf[16];
  for (int64_t i = 0; i < n; ++i) {
    uint32_t c = str_char_at(o, i);
    if (c == static_cast<uint32_t>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c == 0x7f) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else if (c < 0x7f) out += static_cast<char>(c);
    else if (unicode::is_printable(c)) unicode::append_utf8(out, c);
    else if (c <= 0xff) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else if (c <= 0xffff) {
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", c);
      out += buf;
    }
  }
  out += quote;
  return str_from_utf8(ts, out.data(), out.size());
}

// ---------------------------------------------------------------------------
// Slots
// ---------------------------------------------------------------------------
namespace {

void str_dealloc(Object* o) {
  auto* s = static_cast<Str*>(o);
  if (s->utf8 && s->utf8 != str_data(o)) mem_free(s->utf8);
  free_object(o);
}

Object* str_str(ThreadState* ts, Object* o) {
  if (is_str_exact(o)) return new_ref(o);
  return str_substr(ts, o, 0, static_cast<Str*>(o)->length);  // copy to an exact str
}

int64_t str_hash_slot(ThreadState*, Object* o) { return str_hash(o); }

Object* str_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (!is_str(a) || !is_str(b)) return new_ref(py_not_implemented());
  bool r;
  if (op == CompareOp::Eq || op == CompareOp::Ne) {
    r = str_equal(a, b) == (op == CompareOp::Eq);
  } else {
    int c = str_compare(a, b);
    switch (op) {
      case CompareOp::Lt: r = c < 0; break;
      case CompareOp::Le: r = c <= 0; break;
      case CompareOp::Gt: r = c > 0; break;
      default: r = c >= 0; break;
    }
  }
  return py_bool(r);
}

int64_t str_len(ThreadState*, Object* o) { return static_cast<Str*>(o)->length; }

Object* str_concat_slot(ThreadState* ts, Object* a, Object* b) {
  if (!is_str(b)) {
    return raise_format(ts, &exc::TypeError, "can only concatenate str (not \"%s\") to str",
                        type_name(b->ob_type));
  }
  return str_concat(ts, a, b);
}

Object* str_repeat(ThreadState* ts, Object* o, int64_t count) {
  auto* s = static_cast<Str*>(o);
  if (count <= 0 || s->length == 0) return str_empty();
  if (count == 1 && is_str_exact(o)) return new_ref(o);
  if (s->length > INT64_MAX / count / 4) return runtime::raise_no_memory(ts);
  size_t total = static_cast<size_t>(s->length * count);
  Str* r = str_alloc(ts, total, s->kind);
  if (!r) return nullptr;
  r->ascii = s->ascii;
  size_t chunk = static_cast<size_t>(s->length) * s->kind;
  char* d = static_cast<char*>(str_data(r));
  for (int64_t i = 0; i < count; ++i) std::memcpy(d + i * chunk, str_data(o), chunk);
  return r;
}

int str_contains(ThreadState* ts, Object* o, Object* item) {
  if (!is_str(item)) {
    raise_format(ts, &exc::TypeError, "'in <string>' requires string as left operand, not %s",
                 type_name(item->ob_type));
    return -1;
  }
  return str_find(o, item, 0, static_cast<Str*>(o)->length, false) >= 0;
}

Object* str_subscript(ThreadState* ts, Object* o, Object* key) {
  int64_t n = static_cast<Str*>(o)->length;
  if (key->ob_type == &slice_type) {
    int64_t start, stop, step;
    if (slice_unpack(ts, key, &start, &stop, &step) < 0) return nullptr;
    int64_t len = slice_adjust_indices(n, &start, &stop, step);
    if (step == 1) return str_substr(ts, o, start, start + len);
    std::vector<uint32_t> cps(static_cast<size_t>(len));
    for (int64_t i = 0; i < len; ++i) cps[static_cast<size_t>(i)] = str_char_at(o, start + i * step);
    return str_from_codepoints(ts, cps.data(), cps.size());
  }
  if (!key->ob_type->nb_index) {
    return raise_format(ts, &exc::TypeError, "string indices must be integers, not '%s'",
                        type_name(key->ob_type));
  }
  int64_t i = as_ssize(ts, key, &exc::IndexError);
  if (i == -1 && runtime::has_exception(ts)) return nullptr;
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(ts, &exc::IndexError, "string index out of range");
  return str_from_char(ts, str_char_at(o, i));
}

struct StrIter : Object {
  Object* str = nullptr;
  int64_t index = 0;
};

Object* str_iter(ThreadState* ts, Object* o) {
  Type* type = static_cast<Str*>(o)->ascii ? &str_ascii_iterator_type : &str_iterator_type;
  auto* it = static_cast<StrIter*>(alloc_object(ts, type, sizeof(StrIter)));
  if (!it) return nullptr;
  it->str = new_ref(o);
  return it;
}

Object* str_iter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<StrIter*>(o);
  if (!it->str) return nullptr;
  if (it->index >= static_cast<Str*>(it->str)->length) {
    clear_ref(it->str);
    return nullptr;
  }
  return str_from_char(ts, str_char_at(it->str, it->index++));
}

int64_t str_iter_remaining(ThreadState*, Object* o) {
  auto* it = static_cast<StrIter*>(o);
  return it->str ? static_cast<Str*>(it->str)->length - it->index : 0;
}
const MethodDef str_iter_methods[] = {SPINDLE_LENGTH_HINT(str_iter_remaining), {}};

void str_iter_dealloc(Object* o) {
  xdecref(static_cast<StrIter*>(o)->str);
  free_object(o);
}

Object* self_iter(ThreadState*, Object* o) { return new_ref(o); }

}  // namespace

// Defined in str_methods.cpp / str_format.cpp.
extern const MethodDef str_methods[];
Object* str_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames);
Object* str_mod(ThreadState* ts, Object* a, Object* b);

void init_str_type(Type& t) {
  t.name = "str";
  t.basicsize = sizeof(Str);
  t.itemsize = 1;
  t.flags = kTypeBaseType | kTypeStrSubclass;
  t.dealloc = str_dealloc;
  t.repr = str_repr;
  t.str = str_str;
  t.hash = str_hash_slot;
  t.richcompare = str_richcompare;
  t.mp_length = str_len;
  t.mp_subscript = str_subscript;
  t.sq_contains = str_contains;
  t.sq_concat = str_concat_slot;
  t.sq_repeat = str_repeat;
  t.nb_remainder = str_mod;
  t.iter = str_iter;
  t.new_ = str_new;
  t.methods = str_methods;
}

// str_iterator and str_ascii_iterator differ only in name (CPython's ASCII
// variant is a faster path; both report the same items).
void init_str_iterator_type(Type& t) {
  t.name = "str_iterator";
  t.basicsize = sizeof(StrIter);
  t.dealloc = str_iter_dealloc;
  t.iter = self_iter;
  t.iternext = str_iter_next;
  t.methods = str_iter_methods;
}

void init_str_ascii_iterator_type(Type& t) {
  init_str_iterator_type(t);
  t.name = "str_ascii_iterator";
}

}  // namespace spindle::objects
