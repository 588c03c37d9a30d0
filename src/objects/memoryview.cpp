// memoryview over bytes and bytearray: indexing, slicing into views, item
// assignment, cast between byte and native formats (with a shape), tobytes,
// tolist, hex, comparison, hashing, release and the context manager.
// (Invariants: memoryview.h.)
#include "objects/memoryview.h"

#include <cstring>
#include <string>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {

using runtime::has_exception;
using runtime::raise;
using runtime::raise_format;

Type memoryview_type;

namespace {

MemoryView* mv_of(Object* o) { return static_cast<MemoryView*>(o); }

// The exporter's first byte (bytes or bytearray).
uint8_t* base_of(Object* obj) {
  if (is_bytearray(obj)) return static_cast<ByteArray*>(obj)->data;
  return bytes_data(obj);
}

bool released(ThreadState* ts, MemoryView* m) {
  if (m->obj) return false;
  raise(ts, &exc::ValueError, "operation forbidden on released memoryview object");
  return true;
}

// The native size of a single-character struct format (with an optional
// '@'), or 0 if the format is not one memoryview supports.
int64_t format_size(std::string_view f) {
  if (f.size() == 2 && f[0] == '@') f.remove_prefix(1);
  if (f.size() != 1) return 0;
  switch (f[0]) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    default: return 0;
  }
}
char format_char(const MemoryView* m) { return m->format[0] == '@' ? m->format[1] : m->format[0]; }

int64_t item_count(const MemoryView* m) {
  int64_t n = 1;
  for (int d = 0; d < m->ndim; ++d) n *= m->shape[d];
  return n;
}

// CPython's rules: a 1-D view is contiguous iff it has one item or its
// stride is the item size (an empty view with another stride is not); other
// views compare strides with the packed layout, and empty ones always pass.
bool is_contiguous(const MemoryView* m, bool fortran) {
  if (m->ndim == 1) return m->shape[0] == 1 || m->strides[0] == m->itemsize;
  if (item_count(m) == 0) return true;
  int64_t expect = m->itemsize;
  for (int k = 0; k < m->ndim; ++k) {
    int d = fortran ? k : m->ndim - 1 - k;
    if (m->shape[d] > 1 && m->strides[d] != expect) return false;
    expect *= m->shape[d];
  }
  return true;
}
bool is_c_contiguous(const MemoryView* m) { return is_contiguous(m, false); }

// Keeps a bytearray exporter from resizing while this view lives.
void pin(Object* obj) {
  if (is_bytearray(obj)) ++static_cast<ByteArray*>(obj)->exports;
}
void unpin(Object* obj) {
  if (is_bytearray(obj)) --static_cast<ByteArray*>(obj)->exports;
}

MemoryView* new_view(ThreadState* ts, Object* obj) {
  auto* m = static_cast<MemoryView*>(alloc_object(ts, &memoryview_type, sizeof(MemoryView)));
  if (!m) return nullptr;
  m->obj = new_ref(obj);
  m->offset = 0;
  m->itemsize = 1;
  m->ndim = 1;
  m->readonly = true;
  std::memcpy(m->format, "B", 2);
  m->hash = -1;
  pin(obj);
  return m;
}

MemoryView* copy_view(ThreadState* ts, MemoryView* src) {
  MemoryView* m = new_view(ts, src->obj);
  if (!m) return nullptr;
  m->offset = src->offset;
  m->itemsize = src->itemsize;
  m->ndim = src->ndim;
  m->readonly = src->readonly;
  std::memcpy(m->format, src->format, sizeof m->format);
  std::memcpy(m->shape, src->shape, sizeof m->shape);
  std::memcpy(m->strides, src->strides, sizeof m->strides);
  return m;
}

// Walks the items in C order, calling f(pointer to the item).
template <class F>
bool for_each_item(MemoryView* m, F&& f) {
  uint8_t* base = base_of(m->obj) + m->offset;
  if (m->ndim == 0) return f(base);
  int64_t idx[kMemoryViewMaxDim] = {};
  int64_t total = item_count(m);
  for (int64_t k = 0; k < total; ++k) {
    uint8_t* p = base;
    for (int d = 0; d < m->ndim; ++d) p += idx[d] * m->strides[d];
    if (!f(p)) return false;
    for (int d = m->ndim - 1; d >= 0; --d) {
      if (++idx[d] < m->shape[d]) break;
      idx[d] = 0;
    }
  }
  return true;
}

std::string to_bytes(MemoryView* m) {
  std::string out;
  out.reserve(static_cast<size_t>(item_count(m) * m->itemsize));
  for_each_item(m, [&](uint8_t* p) {
    out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(m->itemsize));
    return true;
  });
  return out;
}

template <class T>
T load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

Object* unpack(ThreadState* ts, char f, const uint8_t* p) {
  switch (f) {
    case 'B': return int_from_i64(ts, p[0]);
    case 'b': return int_from_i64(ts, static_cast<int8_t>(p[0]));
    case 'c': return bytes_from(ts, p, 1);
    case '?': return new_ref(py_bool(p[0] != 0));
    case 'h': return int_from_i64(ts, load<int16_t>(p));
    case 'H': return int_from_i64(ts, load<uint16_t>(p));
    case 'i': return int_from_i64(ts, load<int32_t>(p));
    case 'I': return int_from_i64(ts, load<uint32_t>(p));
    case 'l': case 'q': case 'n': return int_from_i64(ts, load<int64_t>(p));
    case 'L': case 'Q': case 'N': case 'P': return int_from_u64(ts, load<uint64_t>(p));
    case 'f': return float_from_double(ts, load<float>(p));
    default: return float_from_double(ts, load<double>(p));
  }
}

int pack(ThreadState* ts, MemoryView* m, uint8_t* p, Object* v) {
  char f = format_char(m);
  auto bad = [&](Type* t, const char* what) {
    raise_format(ts, t, "memoryview: invalid %s for format '%s'", what, m->format);
    return -1;
  };
  if (f == 'c') {
    if (!is_bytes(v)) return bad(&exc::TypeError, "type");
    if (bytes_size(v) != 1) return bad(&exc::ValueError, "value");
    p[0] = bytes_data(v)[0];
    return 0;
  }
  if (f == '?') {
    int t = is_true(ts, v);
    if (t < 0) return -1;
    p[0] = static_cast<uint8_t>(t);
    return 0;
  }
  if (f == 'f' || f == 'd') {
    if (!is_float(v) && !is_int(v) && !v->ob_type->nb_float) return bad(&exc::TypeError, "type");
    double d = float_as_double(ts, v);
    if (d == -1.0 && has_exception(ts)) return -1;
    if (f == 'f') {
      auto x = static_cast<float>(d);
      std::memcpy(p, &x, 4);
    } else {
      std::memcpy(p, &d, 8);
    }
    return 0;
  }
  if (!v->ob_type->nb_index) return bad(&exc::TypeError, "type");
  Ref i = Ref::steal(number_index(ts, v));
  if (!i) return -1;
  bool unsigned_fmt = f == 'B' || f == 'H' || f == 'I' || f == 'L' || f == 'Q' || f == 'N' || f == 'P';
  bool overflow = false;
  int64_t sv = int_as_i64(ts, i.get(), &overflow);
  uint64_t uv = static_cast<uint64_t>(sv);
  if (overflow) {
    // Only the upper half of the unsigned 64-bit range exceeds int64.
    if (!unsigned_fmt || m->itemsize != 8 || int_sign(i.get()) < 0) return bad(&exc::ValueError, "value");
    mpz_t z;
    mpz_init(z);
    int_to_mpz(i.get(), z);
    bool fits = mpz_sizeinbase(z, 2) <= 64;
    uv = fits ? static_cast<uint64_t>(mpz_get_ui(z)) : 0;
    mpz_clear(z);
    if (!fits) return bad(&exc::ValueError, "value");
  } else if (unsigned_fmt) {
    if (sv < 0 || (m->itemsize < 8 && uv >= (uint64_t{1} << (8 * m->itemsize)))) return bad(&exc::ValueError, "value");
  } else if (m->itemsize < 8) {
    int64_t lim = int64_t{1} << (8 * m->itemsize - 1);
    if (sv < -lim || sv >= lim) return bad(&exc::ValueError, "value");
  }
  std::memcpy(p, &uv, static_cast<size_t>(m->itemsize));  // little-endian host
  return 0;
}

// tolist() of dimension d starting at p.
Object* to_list(ThreadState* ts, MemoryView* m, int d, uint8_t* p) {
  char f = format_char(m);
  if (m->ndim == 0) return unpack(ts, f, p);
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  for (int64_t i = 0; i < m->shape[d]; ++i) {
    uint8_t* q = p + i * m->strides[d];
    Ref item = Ref::steal(d + 1 == m->ndim ? unpack(ts, f, q) : to_list(ts, m, d + 1, q));
    if (!item || list_append(ts, out.get(), item.get()) < 0) return nullptr;
  }
  return out.release();
}

Object* tuple_of(ThreadState* ts, const int64_t* v, int n) {
  Ref t = Ref::steal(tuple_new(ts, static_cast<size_t>(n)));
  if (!t) return nullptr;
  for (int i = 0; i < n; ++i) {
    Object* x = int_from_i64(ts, v[i]);
    if (!x) return nullptr;
    tuple_items(t.get())[i] = x;
  }
  return t.release();
}

// --- construction and lifetime -----------------------------------------------

Object* from_object(ThreadState* ts, Object* o) {
  if (is_memoryview(o)) {
    if (released(ts, mv_of(o))) return nullptr;
    return copy_view(ts, mv_of(o));
  }
  if (!is_bytes(o) && !is_bytearray(o)) {
    return raise_format(ts, &exc::TypeError, "memoryview: a bytes-like object is required, not '%s'", type_name(o->ob_type));
  }
  MemoryView* m = new_view(ts, o);
  if (!m) return nullptr;
  m->readonly = is_bytes(o);
  m->shape[0] = static_cast<int64_t>(byteslike_view(o).size());
  m->strides[0] = 1;
  return m;
}

Object* mv_new(ThreadState* ts, Type*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"object", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("memoryview", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  return from_object(ts, av[0]);
}

void do_release(MemoryView* m) {
  if (!m->obj) return;
  unpin(m->obj);
  clear_ref(m->obj);
}

void mv_dealloc(Object* o) {
  do_release(mv_of(o));
  free_object(o);
}

Object* mv_repr(ThreadState* ts, Object* o) {
  return str_from_format(ts, mv_of(o)->obj ? "<memory at %p>" : "<released memory at %p>", static_cast<void*>(o));
}

// --- sequence behaviour ----------------------------------------------------------

int64_t mv_len(ThreadState* ts, Object* o) {
  MemoryView* m = mv_of(o);
  if (released(ts, m)) return -1;
  if (m->ndim == 0) {
    raise(ts, &exc::TypeError, "0-dim memory has no length");
    return -1;
  }
  return m->shape[0];
}

// The address of item `key` (an int) along dimension `d`, or nullptr.
uint8_t* item_ptr(ThreadState* ts, MemoryView* m, uint8_t* p, int d, Object* key) {
  int64_t i = as_ssize(ts, key, &exc::IndexError);
  if (i == -1 && has_exception(ts)) return nullptr;
  if (i < 0) i += m->shape[d];
  if (i < 0 || i >= m->shape[d]) {
    raise_format(ts, &exc::IndexError, "index out of bounds on dimension %d", d + 1);
    return nullptr;
  }
  return p + i * m->strides[d];
}

// The item a subscript names (int, or a tuple of ndim ints), or nullptr.
uint8_t* subscript_ptr(ThreadState* ts, MemoryView* m, Object* key) {
  uint8_t* p = base_of(m->obj) + m->offset;
  if (is_tuple(key)) {
    if (tuple_size(key) != m->ndim) {
      if (tuple_size(key) < m->ndim) {
        raise(ts, &exc::NotImplementedError, "sub-views are not implemented");
      } else {
        raise_format(ts, &exc::TypeError, "cannot index %d-dimension view with %lld-element tuple", m->ndim,
                     static_cast<long long>(tuple_size(key)));
      }
      return nullptr;
    }
    for (int d = 0; d < m->ndim; ++d) {
      Object* k = tuple_item_borrowed(key, d);
      if (!k->ob_type->nb_index) {
        raise(ts, &exc::TypeError, "memoryview: invalid slice key");
        return nullptr;
      }
      p = item_ptr(ts, m, p, d, k);
      if (!p) return nullptr;
    }
    return p;
  }
  if (m->ndim == 0) {
    raise(ts, &exc::TypeError, "invalid indexing of 0-dim memory");
    return nullptr;
  }
  if (m->ndim > 1) {
    raise(ts, &exc::NotImplementedError, "multi-dimensional sub-views are not implemented");
    return nullptr;
  }
  return item_ptr(ts, m, p, 0, key);
}

Object* mv_subscript(ThreadState* ts, Object* o, Object* key) {
  MemoryView* m = mv_of(o);
  if (released(ts, m)) return nullptr;
  if (m->ndim == 0 && key == py_ellipsis()) return new_ref(o);
  if (m->ndim == 0 && is_tuple(key) && tuple_size(key) == 0) return unpack(ts, format_char(m), base_of(m->obj) + m->offset);
  if (key->ob_type == &slice_type) {
    // Slices the first dimension (of any view of one dimension or more).
    if (m->ndim == 0) return raise(ts, &exc::TypeError, "invalid indexing of 0-dim memory");
    int64_t start, stop, step;
    if (slice_unpack(ts, key, &start, &stop, &step) < 0) return nullptr;
    int64_t len = slice_adjust_indices(m->shape[0], &start, &stop, step);
    MemoryView* v = copy_view(ts, m);
    if (!v) return nullptr;
    v->offset = m->offset + start * m->strides[0];
    v->shape[0] = len;
    v->strides[0] = m->strides[0] * step;
    return v;
  }
  if (!key->ob_type->nb_index && !is_tuple(key)) return raise(ts, &exc::TypeError, "memoryview: invalid slice key");
  uint8_t* p = subscript_ptr(ts, m, key);
  return p ? unpack(ts, format_char(m), p) : nullptr;
}

int mv_ass_subscript(ThreadState* ts, Object* o, Object* key, Object* value) {
  MemoryView* m = mv_of(o);
  if (released(ts, m)) return -1;
  if (m->readonly) {
    raise(ts, &exc::TypeError, "cannot modify read-only memory");
    return -1;
  }
  if (!value) {
    raise(ts, &exc::TypeError, "cannot delete memory");
    return -1;
  }
  if (key->ob_type == &slice_type) {
    if (m->ndim != 1) {
      raise(ts, &exc::NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
      return -1;
    }
    Ref dest = Ref::steal(mv_subscript(ts, o, key));
    if (!dest) return -1;
    Ref src = Ref::steal(from_object(ts, value));
    if (!src) return -1;
    MemoryView* d = mv_of(dest.get());
    MemoryView* s = mv_of(src.get());
    if (s->ndim != 1 || s->shape[0] != d->shape[0] || format_char(s) != format_char(d) || s->itemsize != d->itemsize) {
      raise(ts, &exc::ValueError, "memoryview assignment: lvalue and rvalue have different structures");
      return -1;
    }
    std::string bytes = to_bytes(s);  // copied first: source and destination may overlap
    size_t k = 0;
    for_each_item(d, [&](uint8_t* p) {
      std::memcpy(p, bytes.data() + k, static_cast<size_t>(d->itemsize));
      k += static_cast<size_t>(d->itemsize);
      return true;
    });
    return 0;
  }
  if (m->ndim == 0 && ((is_tuple(key) && tuple_size(key) == 0) || key == py_ellipsis())) {
    return pack(ts, m, base_of(m->obj) + m->offset, value);
  }
  if (!key->ob_type->nb_index && !is_tuple(key)) {
    raise(ts, &exc::TypeError, "memoryview: invalid slice key");
    return -1;
  }
  uint8_t* p = subscript_ptr(ts, m, key);
  return p ? pack(ts, m, p, value) : -1;
}

Object* mv_iter(ThreadState* ts, Object* o) {
  MemoryView* m = mv_of(o);
  if (released(ts, m)) return nullptr;
  if (m->ndim == 0) return raise(ts, &exc::TypeError, "invalid indexing of 0-dim memory");
  if (m->ndim > 1) return raise(ts, &exc::NotImplementedError, "multi-dimensional sub-views are not implemented");
  Ref items = Ref::steal(to_list(ts, m, 0, base_of(m->obj) + m->offset));
  if (!items) return nullptr;
  return get_iter(ts, items.get());
}

Object* mv_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return new_ref(py_not_implemented());
  bool eq;
  if (a == b) {
    eq = true;
  } else {
    Object* other = is_memoryview(a) ? b : a;
    Object* self = is_memoryview(a) ? a : b;
    if (!is_memoryview(other) && !is_bytes(other) && !is_bytearray(other)) return new_ref(py_not_implemented());
    MemoryView* m = mv_of(self);
    if (!m->obj || (is_memoryview(other) && !mv_of(other)->obj)) {
      eq = false;
    } else {
      Ref ov = Ref::steal(from_object(ts, other));
      if (!ov) return nullptr;
      MemoryView* n = mv_of(ov.get());
      eq = m->ndim == n->ndim;
      for (int d = 0; eq && d < m->ndim; ++d) eq = m->shape[d] == n->shape[d];
      if (eq) {
        Ref la = Ref::steal(to_list(ts, m, 0, base_of(m->obj) + m->offset));
        Ref lb = Ref::steal(to_list(ts, n, 0, base_of(n->obj) + n->offset));
        if (!la || !lb) return nullptr;
        int r = rich_compare_bool(ts, la.get(), lb.get(), CompareOp::Eq);
        if (r < 0) return nullptr;
        eq = r != 0;
      }
    }
  }
  return new_ref(py_bool(op == CompareOp::Eq ? eq : !eq));
}

int64_t mv_hash(ThreadState* ts, Object* o) {
  MemoryView* m = mv_of(o);
  if (m->hash != -1) return m->hash;
  if (released(ts, m)) return -1;
  if (!m->readonly) {
    raise(ts, &exc::ValueError, "cannot hash writable memoryview object");
    return -1;
  }
  char f = format_char(m);
  if (f != 'B' && f != 'b' && f != 'c') {
    raise(ts, &exc::ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return -1;
  }
  std::string bytes = to_bytes(m);
  m->hash = hash_bytes(bytes.data(), bytes.size());
  return m->hash;
}

// --- methods ------------------------------------------------------------------------

Object* m_tobytes(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"order", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("tobytes", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  MemoryView* m = mv_of(self);
  if (released(ts, m)) return nullptr;
  if (av.has(0) && !is_none(av[0])) {
    if (!is_str(av[0])) return raise_format(ts, &exc::TypeError, "tobytes() argument 'order' must be str or None, not %s", type_name(av[0]->ob_type));
    std::string_view o = str_view(ts, av[0]);
    if (o != "C" && o != "F" && o != "A") return raise(ts, &exc::ValueError, "order must be 'C', 'F' or 'A'");
  }
  std::string bytes = to_bytes(m);
  return bytes_from(ts, bytes.data(), bytes.size());
}

Object* m_tolist(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  MemoryView* m = mv_of(self);
  if (released(ts, m)) return nullptr;
  return to_list(ts, m, 0, base_of(m->obj) + m->offset);
}

Object* m_hex(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  MemoryView* m = mv_of(self);
  if (released(ts, m)) return nullptr;
  std::string bytes = to_bytes(m);
  Ref b = Ref::steal(bytes_from(ts, bytes.data(), bytes.size()));
  Ref name = Ref::steal(str_intern_cstr(ts, "hex"));
  if (!b || !name) return nullptr;
  Ref meth = Ref::steal(get_attr(ts, b.get(), name.get()));
  if (!meth) return nullptr;
  return call(ts, meth.get(), args, nargs, kwnames);
}

Object* m_cast(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"format", ParamKind::PositionalOrKeyword, kRequired},
                                      {"shape", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("cast", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  MemoryView* m = mv_of(self);
  if (released(ts, m)) return nullptr;
  if (!is_str(av[0])) return raise_format(ts, &exc::TypeError, "cast() argument 'format' must be str, not %s", type_name(av[0]->ob_type));
  if (!is_c_contiguous(m)) return raise(ts, &exc::TypeError, "memoryview: casts are restricted to C-contiguous views");
  std::string_view fmt = str_view(ts, av[0]);
  int64_t size = format_size(fmt);
  if (!size) {
    return raise(ts, &exc::ValueError,
                 "memoryview: destination format must be a native single character format prefixed with an optional '@'");
  }
  char to = fmt.back(), from = format_char(m);
  auto byte_fmt = [](char c) { return c == 'B' || c == 'b' || c == 'c'; };
  if (!byte_fmt(to) && !byte_fmt(from)) return raise(ts, &exc::TypeError, "memoryview: cannot cast between two non-byte formats");
  int64_t nbytes = item_count(m) * m->itemsize;
  int64_t shape[kMemoryViewMaxDim];
  int ndim = 1;
  if (av.has(1) && !is_none(av[1])) {
    Object* s = av[1];
    if (!is_tuple(s) && !is_list(s)) return raise(ts, &exc::TypeError, "shape must be a list or a tuple");
    int64_t n = is_tuple(s) ? tuple_size(s) : list_size(s);
    Object* const* items = is_tuple(s) ? tuple_items(s) : list_items(s);
    if (n > kMemoryViewMaxDim) return raise(ts, &exc::ValueError, "memoryview: number of dimensions must not exceed 64");
    if (m->ndim != 1 && n != 1) return raise(ts, &exc::TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
    int64_t product = 1;
    for (int64_t i = 0; i < n; ++i) {
      if (!is_int(items[i])) return raise(ts, &exc::TypeError, "memoryview.cast(): elements of shape must be integers");
      int64_t v = as_ssize(ts, items[i], nullptr);
      if (v == -1 && has_exception(ts)) return nullptr;
      if (v <= 0) return raise(ts, &exc::ValueError, "memoryview.cast(): elements of shape must be integers > 0");
      shape[i] = v;
      product *= v;
    }
    if (product * size != nbytes) return raise(ts, &exc::TypeError, "memoryview: product(shape) * itemsize != buffer size");
    ndim = static_cast<int>(n);
  } else {
    if (nbytes % size) return raise(ts, &exc::TypeError, "memoryview: length is not a multiple of itemsize");
    shape[0] = nbytes / size;
  }
  MemoryView* v = copy_view(ts, m);
  if (!v) return nullptr;
  std::memset(v->format, 0, sizeof v->format);
  std::memcpy(v->format, fmt.data(), fmt.size());
  v->itemsize = size;
  v->ndim = ndim;
  int64_t stride = size;
  for (int d = ndim - 1; d >= 0; --d) {
    v->shape[d] = shape[d];
    v->strides[d] = stride;
    stride *= shape[d];
  }
  return v;
}

Object* m_release(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  do_release(mv_of(self));
  return py_none();
}
Object* m_enter(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (released(ts, mv_of(self))) return nullptr;
  return new_ref(self);
}
Object* m_exit(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  do_release(mv_of(self));
  return py_none();
}
Object* m_toreadonly(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  MemoryView* m = mv_of(self);
  if (released(ts, m)) return nullptr;
  MemoryView* v = copy_view(ts, m);
  if (v) v->readonly = true;
  return v;
}

// --- attributes ------------------------------------------------------------------------

template <Object* (*F)(ThreadState*, MemoryView*)>
Object* getter(ThreadState* ts, Object* self) {
  MemoryView* m = mv_of(self);
  if (released(ts, m)) return nullptr;
  return F(ts, m);
}
Object* g_obj(ThreadState*, MemoryView* m) { return new_ref(m->obj); }
Object* g_format(ThreadState* ts, MemoryView* m) { return str_from_cstr(ts, m->format); }
Object* g_itemsize(ThreadState* ts, MemoryView* m) { return int_from_i64(ts, m->itemsize); }
Object* g_nbytes(ThreadState* ts, MemoryView* m) { return int_from_i64(ts, item_count(m) * m->itemsize); }
Object* g_ndim(ThreadState* ts, MemoryView* m) { return int_from_i64(ts, m->ndim); }
Object* g_shape(ThreadState* ts, MemoryView* m) { return tuple_of(ts, m->shape, m->ndim); }
Object* g_strides(ThreadState* ts, MemoryView* m) { return tuple_of(ts, m->strides, m->ndim); }
Object* g_suboffsets(ThreadState*, MemoryView*) { return tuple_empty(); }
Object* g_readonly(ThreadState*, MemoryView* m) { return new_ref(py_bool(m->readonly)); }
Object* g_c_contiguous(ThreadState*, MemoryView* m) { return new_ref(py_bool(is_c_contiguous(m))); }
Object* g_f_contiguous(ThreadState*, MemoryView* m) { return new_ref(py_bool(is_contiguous(m, true))); }
Object* g_contiguous(ThreadState*, MemoryView* m) {
  return new_ref(py_bool(is_contiguous(m, false) || is_contiguous(m, true)));
}

const MethodDef mv_methods[] = {
    {"tobytes", m_tobytes, kMethKeywords},
    {"tolist", m_tolist, kMethNoArgs},
    {"hex", m_hex, kMethKeywords},
    {"cast", m_cast, kMethKeywords},
    {"release", m_release, kMethNoArgs},
    {"toreadonly", m_toreadonly, kMethNoArgs},
    {"__enter__", m_enter, kMethNoArgs},
    {"__exit__", m_exit, kMethFast},
    {},
};

const GetSetDef mv_getsets[] = {
    {"obj", getter<g_obj>},
    {"format", getter<g_format>},
    {"itemsize", getter<g_itemsize>},
    {"nbytes", getter<g_nbytes>},
    {"ndim", getter<g_ndim>},
    {"shape", getter<g_shape>},
    {"strides", getter<g_strides>},
    {"suboffsets", getter<g_suboffsets>},
    {"readonly", getter<g_readonly>},
    {"c_contiguous", getter<g_c_contiguous>},
    {"f_contiguous", getter<g_f_contiguous>},
    {"contiguous", getter<g_contiguous>},
    {},
};

}  // namespace

bool memoryview_contiguous_bytes(Object* o, std::string_view* out) {
  MemoryView* m = mv_of(o);
  if (!m->obj || !is_c_contiguous(m)) return false;
  *out = std::string_view(reinterpret_cast<const char*>(base_of(m->obj) + m->offset),
                          static_cast<size_t>(item_count(m) * m->itemsize));
  return true;
}

bool memoryview_buffer_error(ThreadState* ts, Object* o) {
  if (!released(ts, mv_of(o))) raise(ts, &exc::BufferError, "memoryview: underlying buffer is not C-contiguous");
  return false;
}

Object* memoryview_tobytes(ThreadState* ts, Object* o) {
  MemoryView* m = mv_of(o);
  if (released(ts, m)) return nullptr;
  std::string bytes = to_bytes(m);
  return bytes_from(ts, bytes.data(), bytes.size());
}

void init_memoryview_type(Type& t) {
  t.name = "memoryview";
  t.basicsize = sizeof(MemoryView);
  t.dealloc = mv_dealloc;
  t.repr = mv_repr;
  t.hash = mv_hash;
  t.richcompare = mv_richcompare;
  t.mp_length = mv_len;
  t.mp_subscript = mv_subscript;
  t.mp_ass_subscript = mv_ass_subscript;
  t.iter = mv_iter;
  t.new_ = mv_new;
  t.methods = mv_methods;
  t.getsets = mv_getsets;
}

}  // namespace spindle::objects
