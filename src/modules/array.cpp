// The array module: array.array, a compact sequence of C numbers (or wide
// characters) described by a one-letter typecode, and its iterator.
//
// Invariants:
//   * `data` holds `length` items of `itemsize` bytes in native byte order;
//     `capacity` >= `length` items are allocated (data may be null when 0).
//   * Items are converted on the way in with CPython's checks and messages
//     (the PyArg format each typecode uses: 'b' is read as a short first,
//     'H' as an int, ...) and boxed again on the way out.
//   * An array owns no Python objects, so it needs no traverse slot; its
//     iterator owns the array.
#include <cinttypes>
#include <climits>
#include <cstring>
#include <string>

#include "modules/registry.h"
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
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

namespace {

constexpr const char* kTypecodes = "bBuhHiIlLqQfd";

struct ArrayObject : Object {
  uint8_t* data = nullptr;
  int64_t length = 0;
  int64_t capacity = 0;
  size_t itemsize = 0;
  char typecode = 0;
};

struct ArrayIter : Object {
  Object* array = nullptr;  // owned; nullptr once exhausted
  int64_t index = 0;
};

ArrayObject* A(Object* o) { return static_cast<ArrayObject*>(o); }
bool is_array(Object* o) { return is_instance_of(o, &array_type); }

size_t itemsize_of(char tc) {
  switch (tc) {
    case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': case 'u': return 4;
    default: return 8;  // l L q Q d
  }
}

// ---------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------

int reserve(ThreadState* ts, ArrayObject* a, int64_t n) {
  if (n <= a->capacity) return 0;
  int64_t cap = a->capacity ? a->capacity : 4;
  while (cap < n) cap += cap / 2 + 4;
  auto* p = static_cast<uint8_t*>(mem_realloc(a->data, static_cast<size_t>(cap) * a->itemsize));
  if (!p) {
    runtime::raise_no_memory(ts);
    return -1;
  }
  a->data = p;
  a->capacity = cap;
  return 0;
}

int resize(ThreadState* ts, ArrayObject* a, int64_t n) {
  if (reserve(ts, a, n) < 0) return -1;
  a->length = n;
  return 0;
}

uint8_t* item_ptr(ArrayObject* a, int64_t i) { return a->data + static_cast<size_t>(i) * a->itemsize; }

// ---------------------------------------------------------------------------
// Item conversion
// ---------------------------------------------------------------------------

Object* get_value(ThreadState* ts, ArrayObject* a, int64_t i) {
  const uint8_t* p = item_ptr(a, i);
  auto load = [p](auto v) {
    std::memcpy(&v, p, sizeof v);
    return v;
  };
  switch (a->typecode) {
    case 'b': return int_from_i64(ts, load(int8_t{}));
    case 'B': return int_from_i64(ts, load(uint8_t{}));
    case 'h': return int_from_i64(ts, load(int16_t{}));
    case 'H': return int_from_i64(ts, load(uint16_t{}));
    case 'i': return int_from_i64(ts, load(int32_t{}));
    case 'I': return int_from_i64(ts, load(uint32_t{}));
    case 'l': case 'q': return int_from_i64(ts, load(int64_t{}));
    case 'L': case 'Q': return int_from_u64(ts, load(uint64_t{}));
    case 'f': return float_from_double(ts, load(float{}));
    case 'd': return float_from_double(ts, load(double{}));
    case 'u': return str_from_char(ts, load(uint32_t{}));
    default: return raise(ts, &exc::SystemError, "bad array typecode");
  }
}

std::nullptr_t overflow(ThreadState* ts, const char* msg) { return raise(ts, &exc::OverflowError, msg); }

// Converts v for typecode tc into `out` (itemsize bytes). 0 / -1.
int convert_item(ThreadState* ts, char tc, Object* v, uint8_t* out) {
  if (tc == 'u') {
    if (!is_str(v) || str_length(v) != 1) {
      raise(ts, &exc::TypeError, "array item must be unicode character");
      return -1;
    }
    uint32_t c = str_char_at(v, 0);
    std::memcpy(out, &c, 4);
    return 0;
  }
  if (tc == 'f' || tc == 'd') {
    if (!is_float(v) && !is_int(v) && !v->ob_type->nb_float && !v->ob_type->nb_index) {
      raise_format(ts, &exc::TypeError, "must be real number, not %s", type_name(v->ob_type));
      return -1;
    }
    double d = float_as_double(ts, v);
    if (d == -1.0 && runtime::has_exception(ts)) return -1;
    if (tc == 'f') {
      float f = static_cast<float>(d);
      std::memcpy(out, &f, 4);
    } else {
      std::memcpy(out, &d, 8);
    }
    return 0;
  }
  if (!is_int(v) && !v->ob_type->nb_index) {
    raise_format(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer", tp_name(v));
    return -1;
  }
  Ref idx = Ref::steal(number_index(ts, v));
  if (!idx) return -1;
  bool over = false;
  int64_t x = int_as_i64(ts, idx.get(), &over);
  if (!over && x == -1 && runtime::has_exception(ts)) return -1;
  bool negative = int_sign(idx.get()) < 0;
  // Unsigned 64-bit reading for 'I', 'L', 'Q' (positive overflow of int64).
  uint64_t ux = static_cast<uint64_t>(x);
  bool u_over = false;
  if (over && !negative) {
    Ref umax = Ref::steal(int_from_u64(ts, UINT64_MAX));
    if (!umax) return -1;
    if (int_compare(idx.get(), umax.get()) > 0) {
      u_over = true;
    } else {
      std::string digits = int_to_string_base(idx.get(), 10);
      ux = std::strtoull(digits.c_str(), nullptr, 10);
    }
  }
  const char* c_long = "Python int too large to convert to C long";
  auto store = [out](auto val) {
    std::memcpy(out, &val, sizeof val);
    return 0;
  };
  switch (tc) {
    case 'b':
      if (over) return overflow(ts, c_long), -1;
      if (x > SHRT_MAX) return overflow(ts, "signed short integer is greater than maximum"), -1;
      if (x < SHRT_MIN) return overflow(ts, "signed short integer is less than minimum"), -1;
      if (x > 127) return overflow(ts, "signed char is greater than maximum"), -1;
      if (x < -128) return overflow(ts, "signed char is less than minimum"), -1;
      return store(static_cast<int8_t>(x));
    case 'B':
      if (over) return overflow(ts, c_long), -1;
      if (x < 0) return overflow(ts, "unsigned byte integer is less than minimum"), -1;
      if (x > 255) return overflow(ts, "unsigned byte integer is greater than maximum"), -1;
      return store(static_cast<uint8_t>(x));
    case 'h':
      if (over) return overflow(ts, c_long), -1;
      if (x > SHRT_MAX) return overflow(ts, "signed short integer is greater than maximum"), -1;
      if (x < SHRT_MIN) return overflow(ts, "signed short integer is less than minimum"), -1;
      return store(static_cast<int16_t>(x));
    case 'H':
      if (over) return overflow(ts, c_long), -1;
      if (x > INT_MAX) return overflow(ts, "signed integer is greater than maximum"), -1;
      if (x < INT_MIN) return overflow(ts, "signed integer is less than minimum"), -1;
      if (x < 0) return overflow(ts, "unsigned short is less than minimum"), -1;
      if (x > 65535) return overflow(ts, "unsigned short is greater than maximum"), -1;
      return store(static_cast<uint16_t>(x));
    case 'i':
      if (over) return overflow(ts, c_long), -1;
      if (x > INT_MAX) return overflow(ts, "signed integer is greater than maximum"), -1;
      if (x < INT_MIN) return overflow(ts, "signed integer is less than minimum"), -1;
      return store(static_cast<int32_t>(x));
    case 'I':
      if (negative) return overflow(ts, "can't convert negative value to unsigned int"), -1;
      if (u_over) return overflow(ts, "Python int too large to convert to C unsigned long"), -1;
      if (ux > UINT_MAX) return overflow(ts, "unsigned int is greater than maximum"), -1;
      return store(static_cast<uint32_t>(ux));
    case 'l':
      if (over) return overflow(ts, c_long), -1;
      return store(x);
    case 'L':
      if (negative) return overflow(ts, "can't convert negative value to unsigned int"), -1;
      if (u_over) return overflow(ts, "Python int too large to convert to C unsigned long"), -1;
      return store(ux);
    case 'q':
      if (over) return overflow(ts, "int too big to convert"), -1;
      return store(x);
    case 'Q':
      if (negative) return overflow(ts, "can't convert negative int to unsigned"), -1;
      if (u_over) return overflow(ts, "int too big to convert"), -1;
      return store(ux);
    default:
      raise(ts, &exc::SystemError, "bad array typecode");
      return -1;
  }
}

int append_value(ThreadState* ts, ArrayObject* a, Object* v) {
  uint8_t buf[8];
  if (convert_item(ts, a->typecode, v, buf) < 0) return -1;
  if (resize(ts, a, a->length + 1) < 0) return -1;
  std::memcpy(item_ptr(a, a->length - 1), buf, a->itemsize);
  return 0;
}

// ---------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------

ArrayObject* alloc_array(ThreadState* ts, Type* type, char tc, int64_t n) {
  auto* a = static_cast<ArrayObject*>(type_generic_alloc(ts, type, 0));
  if (!a) return nullptr;
  a->typecode = tc;
  a->itemsize = itemsize_of(tc);
  if (resize(ts, a, n) < 0) {
    decref(a);
    return nullptr;
  }
  return a;
}

int extend_bytes(ThreadState* ts, ArrayObject* a, std::string_view b) {
  if (b.size() % a->itemsize != 0) {
    raise(ts, &exc::ValueError, "bytes length not a multiple of item size");
    return -1;
  }
  int64_t old = a->length;
  if (resize(ts, a, old + static_cast<int64_t>(b.size() / a->itemsize)) < 0) return -1;
  if (!b.empty()) std::memcpy(item_ptr(a, old), b.data(), b.size());
  return 0;
}

int extend_unicode(ThreadState* ts, ArrayObject* a, Object* s) {
  int64_t n = static_cast<int64_t>(str_length(s));
  int64_t old = a->length;
  if (resize(ts, a, old + n) < 0) return -1;
  for (int64_t i = 0; i < n; ++i) {
    uint32_t c = str_char_at(s, i);
    std::memcpy(item_ptr(a, old + i), &c, 4);
  }
  return 0;
}

int extend_iterable(ThreadState* ts, ArrayObject* a, Object* iterable) {
  if (is_array(iterable)) {
    ArrayObject* b = A(iterable);
    if (b->typecode != a->typecode) {
      raise(ts, &exc::TypeError, "can only extend with array of same kind");
      return -1;
    }
    int64_t old = a->length, n = b->length;
    if (resize(ts, a, old + n) < 0) return -1;
    if (n) std::memmove(item_ptr(a, old), b->data, static_cast<size_t>(n) * a->itemsize);
    return 0;
  }
  Ref it = Ref::steal(get_iter(ts, iterable));
  if (!it) return -1;
  while (Object* v = iter_next(ts, it.get())) {
    Ref item = Ref::steal(v);
    if (append_value(ts, a, v) < 0) return -1;
  }
  return runtime::has_exception(ts) ? -1 : 0;
}

Object* array_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (type == &array_type && kwnames_count(kwnames)) {
    return raise(ts, &exc::TypeError, "array.array() takes no keyword arguments");
  }
  if (nargs < 1 || nargs > 2) {
    return raise_format(ts, &exc::TypeError, "array() takes at %s %d argument%s (%zu given)", nargs ? "most" : "least",
                        nargs ? 2 : 1, nargs ? "s" : "", nargs);
  }
  Object* tcobj = args[0];
  if (!is_str(tcobj) || str_length(tcobj) != 1) {
    return raise_format(ts, &exc::TypeError, "array() argument 1 must be a unicode character, not %s",
                        type_name(tcobj->ob_type));
  }
  uint32_t c = str_char_at(tcobj, 0);
  if (c >= 128 || !std::strchr(kTypecodes, static_cast<int>(c)) || c == 0) {
    return raise(ts, &exc::ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  }
  char tc = static_cast<char>(c);
  Object* init = nargs > 1 ? args[1] : nullptr;
  if (init && is_str(init) && tc != 'u') {
    return raise_format(ts, &exc::TypeError, "cannot use a str to initialize an array with typecode '%c'", tc);
  }
  if (init && is_array(init) && A(init)->typecode == 'u' && tc != 'u') {
    return raise_format(ts, &exc::TypeError, "cannot use a unicode array to initialize an array with typecode '%c'", tc);
  }
  Ref a = Ref::steal(alloc_array(ts, type, tc, 0));
  if (!a) return nullptr;
  if (!init) return a.release();
  int r;
  if (is_str(init)) r = extend_unicode(ts, A(a.get()), init);
  else if (is_bytes(init) || is_bytearray(init)) r = extend_bytes(ts, A(a.get()), byteslike_view(init));
  else if (is_array(init) && A(init)->typecode != tc) {
    // Different kinds convert item by item.
    Ref it = Ref::steal(get_iter(ts, init));
    r = it ? extend_iterable(ts, A(a.get()), it.get()) : -1;
  } else {
    r = extend_iterable(ts, A(a.get()), init);
  }
  return r < 0 ? nullptr : a.release();
}

Object* new_like(ThreadState* ts, ArrayObject* a, int64_t n) { return alloc_array(ts, &array_type, a->typecode, n); }

void array_dealloc(Object* o) {
  mem_free(A(o)->data);
  A(o)->data = nullptr;
  if (has_flag(o->ob_type, kTypeHeap)) object_default_dealloc(o);
  else free_object(o);
}

// ---------------------------------------------------------------------------
// Sequence protocol
// ---------------------------------------------------------------------------

int64_t array_length(ThreadState*, Object* o) { return A(o)->length; }

// A Python index (with __index__) normalized against the length; -1 error
// (TypeError "array indices must be integers" for non-integers).
bool read_index(ThreadState* ts, Object* key, int64_t* out) {
  if (!is_int(key) && !key->ob_type->nb_index) {
    raise(ts, &exc::TypeError, "array indices must be integers");
    return false;
  }
  int64_t i = as_ssize(ts, key, &exc::IndexError);
  if (i == -1 && runtime::has_exception(ts)) return false;
  *out = i;
  return true;
}

Object* array_subscript(ThreadState* ts, Object* self, Object* key) {
  ArrayObject* a = A(self);
  if (key->ob_type == &slice_type) {
    int64_t start, stop, step;
    if (slice_unpack(ts, key, &start, &stop, &step) < 0) return nullptr;
    int64_t n = slice_adjust_indices(a->length, &start, &stop, step);
    ArrayObject* r = static_cast<ArrayObject*>(new_like(ts, a, n));
    if (!r) return nullptr;
    for (int64_t k = 0, i = start; k < n; ++k, i += step) std::memcpy(item_ptr(r, k), item_ptr(a, i), a->itemsize);
    return r;
  }
  int64_t i;
  if (!read_index(ts, key, &i)) return nullptr;
  if (i < 0) i += a->length;
  if (i < 0 || i >= a->length) return raise(ts, &exc::IndexError, "array index out of range");
  return get_value(ts, a, i);
}

int delete_range(ThreadState* ts, ArrayObject* a, int64_t lo, int64_t hi) {
  if (hi <= lo) return 0;
  std::memmove(item_ptr(a, lo), item_ptr(a, hi), static_cast<size_t>(a->length - hi) * a->itemsize);
  return resize(ts, a, a->length - (hi - lo));
}

int assign_slice(ThreadState* ts, ArrayObject* a, Object* key, Object* value) {
  int64_t start, stop, step;
  if (slice_unpack(ts, key, &start, &stop, &step) < 0) return -1;
  int64_t n = slice_adjust_indices(a->length, &start, &stop, step);
  Ref src;  // a copy when assigning an array to itself
  ArrayObject* v = nullptr;
  if (value) {
    if (!is_array(value)) {
      raise_format(ts, &exc::TypeError, "can only assign array (not \"%s\") to array slice", tp_name(value));
      return -1;
    }
    v = A(value);
    if (v->typecode != a->typecode) {
      raise(ts, &exc::TypeError, "bad argument type for built-in operation");
      return -1;
    }
    if (v == a) {
      src = Ref::steal(new_like(ts, a, a->length));
      if (!src) return -1;
      if (a->length) std::memcpy(A(src.get())->data, a->data, static_cast<size_t>(a->length) * a->itemsize);
      v = A(src.get());
    }
  }
  int64_t m = v ? v->length : 0;
  if (step == 1) {
    if (stop < start) stop = start;
    int64_t old = a->length;
    int64_t grow = m - (stop - start);
    if (grow > 0) {
      if (resize(ts, a, old + grow) < 0) return -1;
      std::memmove(item_ptr(a, stop + grow), item_ptr(a, stop), static_cast<size_t>(old - stop) * a->itemsize);
    } else if (grow < 0) {
      std::memmove(item_ptr(a, stop + grow), item_ptr(a, stop), static_cast<size_t>(old - stop) * a->itemsize);
      if (resize(ts, a, old + grow) < 0) return -1;
    }
    if (m) std::memcpy(item_ptr(a, start), v->data, static_cast<size_t>(m) * a->itemsize);
    return 0;
  }
  if (!v) {
    // Delete an extended slice: keep the items not selected.
    if (n == 0) return 0;
    if (step < 0) {
      start = start + step * (n - 1);
      step = -step;
    }
    int64_t w = start;
    for (int64_t r = start; r < a->length; ++r) {
      if (r >= start && (r - start) % step == 0 && (r - start) / step < n) continue;
      std::memmove(item_ptr(a, w++), item_ptr(a, r), a->itemsize);
    }
    return resize(ts, a, w);
  }
  if (m != n) {
    raise_format(ts, &exc::ValueError, "attempt to assign array of size %lld to extended slice of size %lld",
                 static_cast<long long>(m), static_cast<long long>(n));
    return -1;
  }
  for (int64_t k = 0, i = start; k < n; ++k, i += step) std::memcpy(item_ptr(a, i), item_ptr(v, k), a->itemsize);
  return 0;
}

int array_ass_subscript(ThreadState* ts, Object* self, Object* key, Object* value) {
  ArrayObject* a = A(self);
  if (key->ob_type == &slice_type) return assign_slice(ts, a, key, value);
  int64_t i;
  if (!read_index(ts, key, &i)) return -1;
  if (i < 0) i += a->length;
  if (i < 0 || i >= a->length) {
    raise(ts, &exc::IndexError, "array assignment index out of range");
    return -1;
  }
  if (!value) return delete_range(ts, a, i, i + 1);
  return convert_item(ts, a->typecode, value, item_ptr(a, i));
}

// Whether item i equals v (Python ==). 0/1/-1.
int item_equals(ThreadState* ts, ArrayObject* a, int64_t i, Object* v) {
  Ref item = Ref::steal(get_value(ts, a, i));
  if (!item) return -1;
  return rich_compare_bool(ts, item.get(), v, CompareOp::Eq);
}

int array_contains(ThreadState* ts, Object* self, Object* v) {
  ArrayObject* a = A(self);
  for (int64_t i = 0; i < a->length; ++i) {
    int r = item_equals(ts, a, i, v);
    if (r != 0) return r;
  }
  return 0;
}

Object* array_concat(ThreadState* ts, Object* self, Object* other) {
  if (!is_array(other)) {
    return raise_format(ts, &exc::TypeError, "can only append array (not \"%s\") to array", tp_name(other));
  }
  ArrayObject* a = A(self);
  ArrayObject* b = A(other);
  if (a->typecode != b->typecode) return raise(ts, &exc::TypeError, "bad argument type for built-in operation");
  ArrayObject* r = static_cast<ArrayObject*>(new_like(ts, a, a->length + b->length));
  if (!r) return nullptr;
  if (a->length) std::memcpy(r->data, a->data, static_cast<size_t>(a->length) * a->itemsize);
  if (b->length) std::memcpy(item_ptr(r, a->length), b->data, static_cast<size_t>(b->length) * a->itemsize);
  return r;
}

int repeat_into(ThreadState* ts, ArrayObject* dst, const ArrayObject* src_items, int64_t len, int64_t count) {
  if (count < 0) count = 0;
  if (len && count > INT64_MAX / len) {
    runtime::raise_no_memory(ts);
    return -1;
  }
  std::string copy(reinterpret_cast<const char*>(src_items->data), static_cast<size_t>(len) * src_items->itemsize);
  if (resize(ts, dst, len * count) < 0) return -1;
  for (int64_t k = 0; k < count; ++k) std::memcpy(item_ptr(dst, k * len), copy.data(), copy.size());
  return 0;
}

Object* array_repeat(ThreadState* ts, Object* self, int64_t count) {
  ArrayObject* a = A(self);
  Ref r = Ref::steal(new_like(ts, a, 0));
  if (!r || repeat_into(ts, A(r.get()), a, a->length, count) < 0) return nullptr;
  return r.release();
}

Object* array_inplace_concat(ThreadState* ts, Object* self, Object* other) {
  if (!is_array(other)) {
    return raise_format(ts, &exc::TypeError, "can only extend array with array (not \"%s\")", tp_name(other));
  }
  if (extend_iterable(ts, A(self), other) < 0) return nullptr;
  return new_ref(self);
}

Object* array_inplace_repeat(ThreadState* ts, Object* self, int64_t count) {
  ArrayObject* a = A(self);
  if (repeat_into(ts, a, a, a->length, count) < 0) return nullptr;
  return new_ref(self);
}

Object* array_richcompare(ThreadState* ts, Object* self, Object* other, CompareOp op) {
  if (!is_array(self) || !is_array(other)) return new_ref(py_not_implemented());
  ArrayObject* a = A(self);
  ArrayObject* b = A(other);
  if (a->length != b->length && (op == CompareOp::Eq || op == CompareOp::Ne)) {
    return new_ref(py_bool(op == CompareOp::Ne));
  }
  int64_t i = 0;
  Ref x, y;
  for (; i < a->length && i < b->length; ++i) {
    x = Ref::steal(get_value(ts, a, i));
    y = Ref::steal(get_value(ts, b, i));
    if (!x || !y) return nullptr;
    int eq = rich_compare_bool(ts, x.get(), y.get(), CompareOp::Eq);
    if (eq < 0) return nullptr;
    if (!eq) break;
  }
  if (i >= a->length || i >= b->length) {
    int64_t la = a->length, lb = b->length;
    bool r = false;
    switch (op) {
      case CompareOp::Lt: r = la < lb; break;
      case CompareOp::Le: r = la <= lb; break;
      case CompareOp::Eq: r = la == lb; break;
      case CompareOp::Ne: r = la != lb; break;
      case CompareOp::Gt: r = la > lb; break;
      case CompareOp::Ge: r = la >= lb; break;
    }
    return new_ref(py_bool(r));
  }
  if (op == CompareOp::Eq) return new_ref(py_false());
  if (op == CompareOp::Ne) return new_ref(py_true());
  return rich_compare(ts, x.get(), y.get(), op);
}

Object* array_repr(ThreadState* ts, Object* self) {
  ArrayObject* a = A(self);
  const char* name = type_name(self->ob_type);
  if (a->length == 0) return str_from_format(ts, "%s('%c')", name, a->typecode);
  Ref body;
  if (a->typecode == 'u') {
    std::u32string s;
    for (int64_t i = 0; i < a->length; ++i) {
      uint32_t c;
      std::memcpy(&c, item_ptr(a, i), 4);
      s.push_back(c);
    }
    Ref text = Ref::steal(str_from_u32(ts, s));
    if (!text) return nullptr;
    body = Ref::steal(repr(ts, text.get()));
  } else {
    Ref list = Ref::steal(list_new(ts, 0));
    if (!list) return nullptr;
    for (int64_t i = 0; i < a->length; ++i) {
      Ref v = Ref::steal(get_value(ts, a, i));
      if (!v || list_append(ts, list.get(), v.get()) < 0) return nullptr;
    }
    body = Ref::steal(repr(ts, list.get()));
  }
  if (!body) return nullptr;
  return str_from_format(ts, "%s('%c', %s)", name, a->typecode, utf8_of(ts, body.get()));
}

Object* array_iter(ThreadState* ts, Object* self) {
  auto* it = static_cast<ArrayIter*>(type_generic_alloc(ts, &array_iterator_type, 0));
  if (!it) return nullptr;
  it->array = new_ref(self);
  it->index = 0;
  return it;
}

// ---------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------

Object* m_append(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (append_value(ts, A(self), args[0]) < 0) return nullptr;
  return new_ref(py_none());
}

Object* m_extend(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (extend_iterable(ts, A(self), args[0]) < 0) return nullptr;
  return new_ref(py_none());
}

Object* m_insert(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "insert", nargs, kwnames, 2, 2) < 0) return nullptr;
  ArrayObject* a = A(self);
  int64_t i = as_ssize(ts, args[0], nullptr);
  if (i == -1 && runtime::has_exception(ts)) return nullptr;
  uint8_t buf[8];
  if (convert_item(ts, a->typecode, args[1], buf) < 0) return nullptr;
  int64_t n = a->length;
  if (i < 0) i = i + n < 0 ? 0 : i + n;
  if (i > n) i = n;
  if (resize(ts, a, n + 1) < 0) return nullptr;
  std::memmove(item_ptr(a, i + 1), item_ptr(a, i), static_cast<size_t>(n - i) * a->itemsize);
  std::memcpy(item_ptr(a, i), buf, a->itemsize);
  return new_ref(py_none());
}

Object* m_pop(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "pop", nargs, kwnames, 0, 1) < 0) return nullptr;
  ArrayObject* a = A(self);
  int64_t i = -1;
  if (nargs) {
    i = as_ssize(ts, args[0], nullptr);
    if (i == -1 && runtime::has_exception(ts)) return nullptr;
  }
  if (a->length == 0) return raise(ts, &exc::IndexError, "pop from empty array");
  if (i < 0) i += a->length;
  if (i < 0 || i >= a->length) return raise(ts, &exc::IndexError, "pop index out of range");
  Ref v = Ref::steal(get_value(ts, a, i));
  if (!v || delete_range(ts, a, i, i + 1) < 0) return nullptr;
  return v.release();
}

Object* m_remove(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  ArrayObject* a = A(self);
  for (int64_t i = 0; i < a->length; ++i) {
    int r = item_equals(ts, a, i, args[0]);
    if (r < 0) return nullptr;
    if (r) {
      if (delete_range(ts, a, i, i + 1) < 0) return nullptr;
      return new_ref(py_none());
    }
  }
  return raise(ts, &exc::ValueError, "array.remove(x): x not in array");
}

Object* m_index(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "index", nargs, kwnames, 1, 3) < 0) return nullptr;
  ArrayObject* a = A(self);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1) {
    start = as_ssize(ts, args[1], nullptr);
    if (start == -1 && runtime::has_exception(ts)) return nullptr;
  }
  if (nargs > 2) {
    stop = as_ssize(ts, args[2], nullptr);
    if (stop == -1 && runtime::has_exception(ts)) return nullptr;
  }
  if (start < 0) start = start + a->length < 0 ? 0 : start + a->length;
  if (stop < 0) stop = stop + a->length < 0 ? 0 : stop + a->length;
  for (int64_t i = start; i < stop && i < a->length; ++i) {
    int r = item_equals(ts, a, i, args[0]);
    if (r < 0) return nullptr;
    if (r) return int_from_i64(ts, i);
  }
  return raise(ts, &exc::ValueError, "array.index(x): x not in array");
}

Object* m_count(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  ArrayObject* a = A(self);
  int64_t n = 0;
  for (int64_t i = 0; i < a->length; ++i) {
    int r = item_equals(ts, a, i, args[0]);
    if (r < 0) return nullptr;
    n += r;
  }
  return int_from_i64(ts, n);
}

Object* m_reverse(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  ArrayObject* a = A(self);
  uint8_t tmp[8];
  for (int64_t i = 0, j = a->length - 1; i < j; ++i, --j) {
    std::memcpy(tmp, item_ptr(a, i), a->itemsize);
    std::memcpy(item_ptr(a, i), item_ptr(a, j), a->itemsize);
    std::memcpy(item_ptr(a, j), tmp, a->itemsize);
  }
  return new_ref(py_none());
}

Object* m_byteswap(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  ArrayObject* a = A(self);
  for (int64_t i = 0; i < a->length; ++i) {
    uint8_t* p = item_ptr(a, i);
    for (size_t x = 0, y = a->itemsize - 1; x < y; ++x, --y) std::swap(p[x], p[y]);
  }
  return new_ref(py_none());
}

Object* m_buffer_info(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref addr = Ref::steal(int_from_u64(ts, reinterpret_cast<uintptr_t>(A(self)->data)));
  Ref len = Ref::steal(int_from_i64(ts, A(self)->length));
  if (!addr || !len) return nullptr;
  return tuple_pack(ts, {addr.get(), len.get()});
}

Object* m_tobytes(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  ArrayObject* a = A(self);
  return bytes_from(ts, a->data, static_cast<size_t>(a->length) * a->itemsize);
}

Object* m_frombytes(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Object* b = args[0];
  if (is_str(b)) return raise(ts, &exc::TypeError, "a bytes-like object is required, not 'str'");
  if (is_array(b)) {
    ArrayObject* src = A(b);
    std::string copy(reinterpret_cast<const char*>(src->data), static_cast<size_t>(src->length) * src->itemsize);
    if (extend_bytes(ts, A(self), copy) < 0) return nullptr;
    return new_ref(py_none());
  }
  if (!is_bytes(b) && !is_bytearray(b)) {
    return raise_format(ts, &exc::TypeError, "a bytes-like object is required, not '%s'", tp_name(b));
  }
  std::string copy(byteslike_view(b));
  if (extend_bytes(ts, A(self), copy) < 0) return nullptr;
  return new_ref(py_none());
}

Object* m_tolist(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  ArrayObject* a = A(self);
  Ref list = Ref::steal(list_new(ts, 0));
  if (!list) return nullptr;
  for (int64_t i = 0; i < a->length; ++i) {
    Ref v = Ref::steal(get_value(ts, a, i));
    if (!v || list_append(ts, list.get(), v.get()) < 0) return nullptr;
  }
  return list.release();
}

Object* m_fromlist(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (!is_list(args[0])) return raise(ts, &exc::TypeError, "arg must be list");
  ArrayObject* a = A(self);
  int64_t old = a->length;
  Ref items = Ref::steal(sequence_tuple(ts, args[0]));
  if (!items) return nullptr;
  for (int64_t i = 0; i < tuple_size(items.get()); ++i) {
    if (append_value(ts, a, tuple_item_borrowed(items.get(), i)) < 0) {
      // All or nothing, as CPython.
      a->length = old;
      return nullptr;
    }
  }
  return new_ref(py_none());
}

Object* m_tounicode(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  ArrayObject* a = A(self);
  if (a->typecode != 'u') return raise(ts, &exc::ValueError, "tounicode() may only be called on unicode type arrays");
  std::u32string s;
  for (int64_t i = 0; i < a->length; ++i) {
    uint32_t c;
    std::memcpy(&c, item_ptr(a, i), 4);
    s.push_back(c);
  }
  return str_from_u32(ts, s);
}

Object* m_fromunicode(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (!is_str(args[0])) {
    return raise_format(ts, &exc::TypeError, "fromunicode() argument must be str, not %s", type_name(args[0]->ob_type));
  }
  if (A(self)->typecode != 'u') {
    return raise(ts, &exc::ValueError, "fromunicode() may only be called on unicode type arrays");
  }
  if (extend_unicode(ts, A(self), args[0]) < 0) return nullptr;
  return new_ref(py_none());
}

Object* m_copy(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  ArrayObject* a = A(self);
  ArrayObject* r = static_cast<ArrayObject*>(new_like(ts, a, a->length));
  if (!r) return nullptr;
  if (a->length) std::memcpy(r->data, a->data, static_cast<size_t>(a->length) * a->itemsize);
  return r;
}

Object* m_sizeof(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return int_from_i64(ts, static_cast<int64_t>(sizeof(ArrayObject) + A(self)->capacity * A(self)->itemsize));
}

Object* get_typecode(ThreadState* ts, Object* self) { return str_from_char(ts, static_cast<uint32_t>(A(self)->typecode)); }
Object* get_itemsize(ThreadState* ts, Object* self) { return int_from_i64(ts, static_cast<int64_t>(A(self)->itemsize)); }

const MethodDef array_methods[] = {
    {"append", m_append, kMethO, "Append new value v to the end of the array."},
    {"buffer_info", m_buffer_info, kMethNoArgs, "Return a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents."},
    {"byteswap", m_byteswap, kMethNoArgs, "Byteswap all items of the array."},
    {"__copy__", m_copy, kMethNoArgs, "Return a copy of the array."},
    {"count", m_count, kMethO, "Return number of occurrences of v in the array."},
    {"__deepcopy__", m_copy, kMethO, "Return a copy of the array."},
    {"extend", m_extend, kMethO, "Append items to the end of the array."},
    {"frombytes", m_frombytes, kMethO, "Appends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method."},
    {"fromlist", m_fromlist, kMethO, "Append items to array from list."},
    {"fromunicode", m_fromunicode, kMethO, "Extends this array with data from the unicode string ustr."},
    {"index", m_index, kMethFast, "Return index of first occurrence of v in the array."},
    {"insert", m_insert, kMethFast, "Insert a new item v into the array before position i."},
    {"pop", m_pop, kMethFast, "Return the i-th element and delete it from the array."},
    {"remove", m_remove, kMethO, "Remove the first occurrence of v in the array."},
    {"reverse", m_reverse, kMethNoArgs, "Reverse the order of the items in the array."},
    {"tobytes", m_tobytes, kMethNoArgs, "Convert the array to an array of machine values and return the bytes representation."},
    {"tolist", m_tolist, kMethNoArgs, "Convert array to an ordinary list with the same items."},
    {"tounicode", m_tounicode, kMethNoArgs, "Extends this array with data from the unicode string ustr."},
    {"__sizeof__", m_sizeof, kMethNoArgs, "Size of the array in memory, in bytes."},
    {},
};

const GetSetDef array_getsets[] = {
    {"typecode", get_typecode, nullptr, "the typecode character used to create the array"},
    {"itemsize", get_itemsize, nullptr, "the size, in bytes, of one array item"},
    {},
};

// ---------------------------------------------------------------------------
// The iterator
// ---------------------------------------------------------------------------

ArrayIter* I(Object* o) { return static_cast<ArrayIter*>(o); }

void iter_dealloc(Object* o) {
  xdecref(I(o)->array);
  free_object(o);
}

int iter_traverse(Object* o, VisitFn visit, void* arg) { return I(o)->array ? visit(I(o)->array, arg) : 0; }

int iter_clear(Object* o) {
  clear_ref(I(o)->array);
  return 0;
}

Object* iter_self(ThreadState*, Object* o) { return new_ref(o); }

Object* iter_next_item(ThreadState* ts, Object* o) {
  ArrayIter* it = I(o);
  if (!it->array) return nullptr;
  ArrayObject* a = A(it->array);
  if (it->index >= a->length) {
    clear_ref(it->array);
    return nullptr;
  }
  return get_value(ts, a, it->index++);
}

const MethodDef module_functions[] = {{}};

}  // namespace

Type array_type;
Type array_iterator_type;

void init_array_type(Type& t) {
  t.name = "array.array";
  t.doc =
      "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\n"
      "initialized from the optional initializer value, which must be a list,\na bytes-like object, or iterable over "
      "elements of the\nappropriate type.";
  t.basicsize = sizeof(ArrayObject);
  t.flags = kTypeBaseType | kTypeSequence;
  t.dealloc = array_dealloc;
  t.new_ = array_new;
  t.repr = array_repr;
  t.richcompare = array_richcompare;
  t.iter = array_iter;
  t.mp_length = array_length;
  t.mp_subscript = array_subscript;
  t.mp_ass_subscript = array_ass_subscript;
  t.sq_contains = array_contains;
  t.sq_concat = array_concat;
  t.sq_repeat = array_repeat;
  t.sq_inplace_concat = array_inplace_concat;
  t.sq_inplace_repeat = array_inplace_repeat;
  t.methods = array_methods;
  t.getsets = array_getsets;
}

void init_array_iterator_type(Type& t) {
  t.name = "array.arrayiterator";
  t.basicsize = sizeof(ArrayIter);
  t.flags = kTypeHaveGC;
  t.dealloc = iter_dealloc;
  t.traverse = iter_traverse;
  t.clear = iter_clear;
  t.iter = iter_self;
  t.iternext = iter_next_item;
}

Object* init_array_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(
      ts, "array", module_functions,
      "This module defines an object type which can efficiently represent\nan array of basic values: characters, "
      "integers, floating point\nnumbers.  Arrays are sequence types and behave very much like lists,\nexcept that "
      "the type of objects stored in them is constrained.\n"));
  if (!m) return nullptr;
  if (add_type(ts, m.get(), &array_type) < 0 ||
      add_object(ts, m.get(), "ArrayType", new_ref(static_cast<Object*>(&array_type))) < 0 ||
      add_str(ts, m.get(), "typecodes", kTypecodes) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace spindle::modules
