// The struct module: packing Python values into C structs held in bytes,
// with CPython 3.11's format language (byte orders @ = < > !, codes
// x c b B ? h H i I l L q Q n N e f d s p P) and its struct.error messages.
//
// A format is compiled once into a Layout (one Item per code, with its
// repeat count and byte offset); pack/unpack walk the items. Native mode
// ('@', the default) aligns each item to its size and uses the machine's
// sizes; the other modes use the standard sizes without padding. Range
// errors follow CPython's packers exactly: little-endian standard codes
// whose size equals the native one use the native packer's wording.
#include <gmp.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

Type struct_error_type, struct_type, unpack_iterator_type;

namespace {

enum class Order : uint8_t { Native, NativeStd, Little, Big };

struct Item {
  char code;
  size_t count;   // repeat count (for s/p: the field width)
  size_t offset;  // byte offset of the first element
  size_t size;    // bytes per element
};

struct Layout {
  Order order = Order::Native;
  std::vector<Item> items;
  size_t size = 0;     // total bytes
  size_t nvalues = 0;  // Python values packed / unpacked
};

std::nullptr_t struct_error(ThreadState* ts, const char* msg) { return raise(ts, &struct_error_type, msg); }

// Size of one element of `code` (0: not a format code in this mode).
size_t code_size(char code, bool native) {
  switch (code) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? 8 : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
  }
}

// Compiles `fmt` into `out`. 0, or -1 with struct.error set.
int compile_format(ThreadState* ts, std::string_view fmt, Layout* out) {
  if (fmt.find('\0') != std::string_view::npos) {
    struct_error(ts, "embedded null character");
    return -1;
  }
  size_t i = 0;
  if (!fmt.empty()) {
    switch (fmt[0]) {
      case '@': out->order = Order::Native; ++i; break;
      case '=': out->order = Order::NativeStd; ++i; break;
      case '<': out->order = Order::Little; ++i; break;
      case '>': case '!': out->order = Order::Big; ++i; break;
      default: break;
    }
  }
  bool native = out->order == Order::Native;
  size_t total = 0;
  constexpr size_t kMax = static_cast<size_t>(INT64_MAX);
  auto too_long = [&] {
    struct_error(ts, "total struct size too long");
    return -1;
  };
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
      continue;
    }
    size_t count = 1;
    if (c >= '0' && c <= '9') {
      count = 0;
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        if (count > (kMax - 9) / 10) return too_long();
        count = count * 10 + static_cast<size_t>(fmt[i] - '0');
        ++i;
      }
      if (i == fmt.size()) {
        struct_error(ts, "repeat count given without format specifier");
        return -1;
      }
      c = fmt[i];
    }
    ++i;
    size_t sz = code_size(c, native);
    if (sz == 0) {
      struct_error(ts, "bad char in struct format");
      return -1;
    }
    if (native && sz > 1 && c != 's' && c != 'p' && c != 'x') {
      total = (total + sz - 1) / sz * sz;
    }
    Item it{c, count, total, sz};
    if (c == 's' || c == 'p') {
      out->nvalues += 1;
      if (count > kMax - total) return too_long();
      total += count;
      it.size = count;
    } else {
      if (c != 'x') out->nvalues += count;
      if (count && sz > (kMax - total) / count) return too_long();
      total += sz * count;
    }
    out->items.push_back(it);
  }
  out->size = total;
  return 0;
}

// The format argument: str (ASCII) or bytes.
int compile_arg(ThreadState* ts, Object* fmt, Layout* out) {
  if (is_str(fmt)) {
    std::string_view v = str_view(ts, fmt);
    return compile_format(ts, v, out);
  }
  if (is_bytes(fmt)) return compile_format(ts, byteslike_view(fmt), out);
  raise_format(ts, &exc::TypeError, "Struct() argument 1 must be a str or bytes object, not %s", tp_name(fmt));
  return -1;
}

// --- packing ----------------------------------------------------------------------

bool little_endian(Order o) { return o != Order::Big; }

void store_uint(uint8_t* p, uint64_t v, size_t size, bool little) {
  for (size_t k = 0; k < size; ++k) {
    uint8_t byte = static_cast<uint8_t>(v >> (8 * k));
    p[little ? k : size - 1 - k] = byte;
  }
}

uint64_t load_uint(const uint8_t* p, size_t size, bool little) {
  uint64_t v = 0;
  for (size_t k = 0; k < size; ++k) v |= static_cast<uint64_t>(p[little ? k : size - 1 - k]) << (8 * k);
  return v;
}

// `v` as an int (through __index__): a new reference or nullptr with
// struct.error "required argument is not an integer".
Object* as_index(ThreadState* ts, Object* v) {
  if (is_int(v)) return new_ref(v);
  if (!v->ob_type->nb_index) return struct_error(ts, "required argument is not an integer");
  return number_index(ts, v);
}

// Converts to a signed / unsigned 64-bit value; false when it does not fit.
bool fits_i64(Object* n, int64_t* out) {
  bool overflow = false;
  *out = int_as_i64(nullptr, n, &overflow);
  return !overflow;
}
bool fits_u64(Object* n, uint64_t* out) {
  if (int_sign(n) < 0) return false;
  int64_t s;
  if (fits_i64(n, &s)) {
    *out = static_cast<uint64_t>(s);
    return true;
  }
  mpz_t z;
  mpz_init(z);
  int_to_mpz(n, z);
  bool ok = mpz_sizeinbase(z, 2) <= 64;
  if (ok) {
    uint64_t lo = mpz_getlimbn(z, 0);
    *out = lo;
  }
  mpz_clear(z);
  return ok;
}

int out_of_range(ThreadState* ts) {
  struct_error(ts, "argument out of range");
  return -1;
}

int range_error(ThreadState* ts, char code, size_t size, bool is_unsigned) {
  uint64_t largest = size >= 8 ? UINT64_MAX : (uint64_t{1} << (8 * size)) - 1;
  if (is_unsigned) {
    raise_format(ts, &struct_error_type, "'%c' format requires 0 <= number <= %llu", code,
                 static_cast<unsigned long long>(largest));
  } else {
    long long hi = static_cast<long long>(largest >> 1);
    raise_format(ts, &struct_error_type, "'%c' format requires %lld <= number <= %lld", code, -hi - 1, hi);
  }
  return -1;
}

// Packs one integer element, with the wording of CPython's packer for
// this code and byte order.
int pack_integer(ThreadState* ts, const Item& it, Order order, Object* v, uint8_t* p) {
  Ref n = Ref::steal(as_index(ts, v));
  if (!n) return -1;
  char c = it.code;
  size_t size = it.size;
  bool little = little_endian(order);
  bool is_unsigned = c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N';
  // Which packer CPython uses: the native one ('@', and '<'/'=' where the
  // standard size equals the native size) or the standard one.
  bool native_packer = order == Order::Native || (order != Order::Big && code_size(c, true) == size);
  if (c == 'b' || c == 'B') {
    int64_t x;
    if (!fits_i64(n.get(), &x)) return out_of_range(ts);
    if (c == 'b' && (x < -128 || x > 127)) {
      struct_error(ts, "byte format requires -128 <= number <= 127");
      return -1;
    }
    if (c == 'B' && (x < 0 || x > 255)) {
      struct_error(ts, "ubyte format requires 0 <= number <= 255");
      return -1;
    }
    p[0] = static_cast<uint8_t>(x);
    return 0;
  }
  if (c == 'P') {
    int64_t x;
    uint64_t u;
    if (fits_i64(n.get(), &x)) u = static_cast<uint64_t>(x);
    else if (!fits_u64(n.get(), &u)) {
      struct_error(ts, "int too large to convert");
      return -1;
    }
    store_uint(p, u, size, little);
    return 0;
  }
  if (native_packer && (c == 'h' || c == 'H')) {
    int64_t x;
    if (!fits_i64(n.get(), &x)) return out_of_range(ts);
    if (c == 'h' && (x < -32768 || x > 32767)) {
      struct_error(ts, "short format requires -32768 <= number <= 32767");
      return -1;
    }
    if (c == 'H' && (x < 0 || x > 65535)) {
      struct_error(ts, "ushort format requires 0 <= number <= 65535");
      return -1;
    }
    store_uint(p, static_cast<uint64_t>(x), size, little);
    return 0;
  }
  if (!native_packer && size == 8) {
    // CPython's big-endian 8-byte packer converts through a byte array.
    int64_t x;
    uint64_t u;
    bool ok = is_unsigned ? fits_u64(n.get(), &u) : fits_i64(n.get(), &x);
    if (!ok) {
      struct_error(ts, "int too large to convert");
      return -1;
    }
    store_uint(p, is_unsigned ? u : static_cast<uint64_t>(x), size, little);
    return 0;
  }
  if (is_unsigned) {
    uint64_t u;
    if (!fits_u64(n.get(), &u)) return out_of_range(ts);
    if (size < 8 && u > (uint64_t{1} << (8 * size)) - 1) return range_error(ts, c, size, true);
    store_uint(p, u, size, little);
    return 0;
  }
  int64_t x;
  if (!fits_i64(n.get(), &x)) return out_of_range(ts);
  if (size < 8) {
    int64_t hi = (int64_t{1} << (8 * size - 1)) - 1;
    if (x < -hi - 1 || x > hi) return range_error(ts, c, size, false);
  }
  store_uint(p, static_cast<uint64_t>(x), size, little);
  return 0;
}

// IEEE 754 binary16 bits of x, rounding half to even; false on overflow.
bool half_bits(double x, uint16_t* out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  if (std::isnan(x)) {
    *out = sign | 0x7e00;
    return true;
  }
  if (std::isinf(x)) {
    *out = sign | 0x7c00;
    return true;
  }
  double a = std::fabs(x);
  if (a == 0) {
    *out = sign;
    return true;
  }
  int e;
  double m = std::frexp(a, &e);  // a = m * 2^e, m in [0.5, 1)
  int biased = e + 14;
  if (biased <= 0) {  // subnormal: units of 2^-24 (1024 becomes the smallest normal)
    double r = std::nearbyint(std::ldexp(a, 24));
    *out = sign | static_cast<uint16_t>(r);
    return true;
  }
  double r = std::nearbyint(std::ldexp(2 * m - 1, 10));
  if (r == 1024) {
    r = 0;
    ++biased;
  }
  if (biased >= 31) return false;
  *out = sign | static_cast<uint16_t>(biased << 10) | static_cast<uint16_t>(r);
  return true;
}

double half_value(uint16_t h) {
  int sign = h >> 15, e = (h >> 10) & 0x1f, f = h & 0x3ff;
  double v;
  if (e == 0) v = std::ldexp(f, -24);
  else if (e == 31) v = f ? NAN : INFINITY;
  else v = std::ldexp(f + 1024, e - 25);
  return sign ? -v : v;
}

int pack_float(ThreadState* ts, const Item& it, Order order, Object* v, uint8_t* p) {
  if (!is_float(v) && !is_int(v) && !v->ob_type->nb_float && !v->ob_type->nb_index) {
    struct_error(ts, "required argument is not a float");
    return -1;
  }
  double x = float_as_double(ts, v);
  if (x == -1.0 && runtime::has_exception(ts)) return -1;
  bool little = little_endian(order);
  if (it.code == 'e') {
    uint16_t h;
    if (!half_bits(x, &h)) {
      raise(ts, &exc::OverflowError, "float too large to pack with e format");
      return -1;
    }
    store_uint(p, h, 2, little);
  } else if (it.code == 'f') {
    float y = static_cast<float>(x);
    if (order != Order::Native && std::isinf(y) && !std::isinf(x)) {
      raise(ts, &exc::OverflowError, "float too large to pack with f format");
      return -1;
    }
    uint32_t bits;
    std::memcpy(&bits, &y, 4);
    store_uint(p, bits, 4, little);
  } else {
    uint64_t bits;
    std::memcpy(&bits, &x, 8);
    store_uint(p, bits, 8, little);
  }
  return 0;
}

// Packs `values` (layout.nvalues of them) into `out` (layout.size bytes, zeroed).
int pack_values(ThreadState* ts, const Layout& L, Object* const* values, uint8_t* out) {
  size_t vi = 0;
  for (const Item& it : L.items) {
    uint8_t* p = out + it.offset;
    if (it.code == 'x') continue;
    if (it.code == 's' || it.code == 'p') {
      Object* v = values[vi++];
      if (!is_bytes(v) && !is_bytearray(v)) {
        raise_format(ts, &struct_error_type, "argument for '%c' must be a bytes object", it.code);
        return -1;
      }
      std::string_view b = byteslike_view(v);
      if (it.code == 's') {
        std::memcpy(p, b.data(), std::min(b.size(), it.count));
      } else if (it.count > 0) {
        size_t n = std::min(b.size(), it.count - 1);
        std::memcpy(p + 1, b.data(), n);
        p[0] = static_cast<uint8_t>(std::min<size_t>(n, 255));
      }
      continue;
    }
    for (size_t k = 0; k < it.count; ++k, p += it.size) {
      Object* v = values[vi++];
      switch (it.code) {
        case 'c':
          if (!is_bytes(v) || bytes_size(v) != 1) {
            struct_error(ts, "char format requires a bytes object of length 1");
            return -1;
          }
          p[0] = bytes_data(v)[0];
          break;
        case '?': {
          int t = is_true(ts, v);
          if (t < 0) return -1;
          p[0] = static_cast<uint8_t>(t);
          break;
        }
        case 'e': case 'f': case 'd':
          if (pack_float(ts, it, L.order, v, p) < 0) return -1;
          break;
        default:
          if (pack_integer(ts, it, L.order, v, p) < 0) return -1;
      }
    }
  }
  return 0;
}

Object* unpack_values(ThreadState* ts, const Layout& L, const uint8_t* in) {
  Ref t = Ref::steal(tuple_new(ts, L.nvalues));
  if (!t) return nullptr;
  bool little = little_endian(L.order);
  size_t vi = 0;
  for (const Item& it : L.items) {
    const uint8_t* p = in + it.offset;
    if (it.code == 'x') continue;
    Object* v = nullptr;
    if (it.code == 's') {
      v = bytes_from(ts, p, it.count);
      if (!v) return nullptr;
      tuple_items(t.get())[vi++] = v;
      continue;
    }
    if (it.code == 'p') {
      size_t n = it.count ? std::min<size_t>(p[0], it.count - 1) : 0;
      v = bytes_from(ts, p + 1, n);
      if (!v) return nullptr;
      tuple_items(t.get())[vi++] = v;
      continue;
    }
    for (size_t k = 0; k < it.count; ++k, p += it.size) {
      uint64_t raw = load_uint(p, it.size, little);
      switch (it.code) {
        case 'c': v = bytes_from(ts, p, 1); break;
        case '?': v = new_ref(py_bool(p[0] != 0)); break;
        case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': {
          int shift = static_cast<int>(64 - 8 * it.size);
          v = int_from_i64(ts, static_cast<int64_t>(raw << shift) >> shift);
          break;
        }
        case 'e': v = float_from_double(ts, half_value(static_cast<uint16_t>(raw))); break;
        case 'f': {
          uint32_t bits = static_cast<uint32_t>(raw);
          float f;
          std::memcpy(&f, &bits, 4);
          v = float_from_double(ts, f);
          break;
        }
        case 'd': {
          double d;
          std::memcpy(&d, &raw, 8);
          v = float_from_double(ts, d);
          break;
        }
        default: v = int_from_u64(ts, raw);
      }
      if (!v) return nullptr;
      tuple_items(t.get())[vi++] = v;
    }
  }
  return t.release();
}

// The readable bytes of a buffer argument (bytes / bytearray).
bool read_buffer(ThreadState* ts, Object* b, std::string_view* out) {
  if (!is_bytes(b) && !is_bytearray(b)) {
    raise_format(ts, &exc::TypeError, "a bytes-like object is required, not '%s'", tp_name(b));
    return false;
  }
  *out = byteslike_view(b);
  return true;
}

// --- the shared operations (module functions and Struct methods) ----------------

Object* do_pack(ThreadState* ts, const Layout& L, Object* const* args, size_t nargs) {
  if (nargs != L.nvalues) {
    return raise_format(ts, &struct_error_type, "pack expected %zu items for packing (got %zu)", L.nvalues, nargs);
  }
  std::string buf(L.size, '\0');
  if (pack_values(ts, L, args, reinterpret_cast<uint8_t*>(buf.data())) < 0) return nullptr;
  return bytes_from(ts, buf.data(), buf.size());
}

Object* do_unpack(ThreadState* ts, const Layout& L, Object* buffer) {
  std::string_view b;
  if (!read_buffer(ts, buffer, &b)) return nullptr;
  if (b.size() != L.size) return raise_format(ts, &struct_error_type, "unpack requires a buffer of %zu bytes", L.size);
  return unpack_values(ts, L, reinterpret_cast<const uint8_t*>(b.data()));
}

Object* do_unpack_from(ThreadState* ts, const Layout& L, Object* buffer, Object* offset_obj) {
  std::string_view b;
  if (!read_buffer(ts, buffer, &b)) return nullptr;
  int64_t offset = 0;
  if (offset_obj && (offset = as_ssize(ts, offset_obj, &exc::OverflowError)) == -1 && runtime::has_exception(ts)) return nullptr;
  int64_t n = static_cast<int64_t>(b.size());
  if (offset < 0) {
    if (offset + n < 0) return raise_format(ts, &struct_error_type, "offset %lld out of range for %lld-byte buffer",
                                            static_cast<long long>(offset), static_cast<long long>(n));
    offset += n;
  }
  if (n - offset < static_cast<int64_t>(L.size)) {
    return raise_format(ts, &struct_error_type,
                        "unpack_from requires a buffer of at least %lld bytes for unpacking %zu bytes at offset %lld "
                        "(actual buffer size is %lld)",
                        static_cast<long long>(L.size + offset), L.size, static_cast<long long>(offset),
                        static_cast<long long>(n));
  }
  return unpack_values(ts, L, reinterpret_cast<const uint8_t*>(b.data()) + offset);
}

// pack_into(buffer, offset, *values) with args[0] the buffer.
Object* do_pack_into(ThreadState* ts, const Layout& L, Object* const* args, size_t nargs) {
  if (nargs < 1) return struct_error(ts, "pack_into expected buffer argument");
  if (nargs < 2) return struct_error(ts, "pack_into expected offset argument");
  if (nargs - 2 != L.nvalues) {
    return raise_format(ts, &struct_error_type, "pack_into expected %zu items for packing (got %zu)", L.nvalues,
                        nargs - 2);
  }
  Object* buffer = args[0];
  if (!is_bytearray(buffer)) {
    return raise_format(ts, &exc::TypeError, "argument must be read-write bytes-like object, not %s", tp_name(buffer));
  }
  int64_t offset = as_ssize(ts, args[1], &exc::OverflowError);
  if (offset == -1 && runtime::has_exception(ts)) return nullptr;
  auto* ba = static_cast<ByteArray*>(buffer);
  int64_t n = ba->size;
  if (offset < 0) {
    if (offset + static_cast<int64_t>(L.size) > 0) {
      return raise_format(ts, &struct_error_type, "no space to pack %zu bytes at offset %lld", L.size,
                          static_cast<long long>(offset));
    }
    if (offset + n < 0) return raise_format(ts, &struct_error_type, "offset %lld out of range for %lld-byte buffer",
                                            static_cast<long long>(offset), static_cast<long long>(n));
    offset += n;
  }
  if (n - offset < static_cast<int64_t>(L.size)) {
    return raise_format(ts, &struct_error_type,
                        "pack_into requires a buffer of at least %lld bytes for packing %zu bytes at offset %lld "
                        "(actual buffer size is %lld)",
                        static_cast<long long>(L.size + offset), L.size, static_cast<long long>(offset),
                        static_cast<long long>(n));
  }
  std::string buf(L.size, '\0');
  if (pack_values(ts, L, args + 2, reinterpret_cast<uint8_t*>(buf.data())) < 0) return nullptr;
  std::memcpy(ba->data + offset, buf.data(), buf.size());
  return py_none();
}

// --- Struct objects -----------------------------------------------------------------

struct StructObject : Object {
  Layout* layout = nullptr;  // owned
  Object* format = nullptr;  // str
};

StructObject* SO(Object* o) { return static_cast<StructObject*>(o); }

struct UnpackIter : Object {
  Object* strct = nullptr;  // the Struct
  Object* buffer = nullptr;
  size_t index = 0;  // byte offset of the next record
};

// A new Struct for `fmt` (str or bytes).
Object* make_struct(ThreadState* ts, Type* type, Object* fmt) {
  auto layout = std::make_unique<Layout>();
  if (compile_arg(ts, fmt, layout.get()) < 0) return nullptr;
  Ref fstr = Ref::steal(is_str(fmt) ? new_ref(fmt) : str_from(ts, byteslike_view(fmt)));
  if (!fstr) return nullptr;
  auto* s = static_cast<StructObject*>(type_generic_alloc(ts, type, 0));
  if (!s) return nullptr;
  s->layout = layout.release();
  s->format = fstr.release();
  return s;
}

Object* struct_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"format", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("Struct", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  return make_struct(ts, type, av[0]);
}

void struct_dealloc(Object* o) {
  delete SO(o)->layout;
  xdecref(SO(o)->format);
  free_object(o);
}

Object* st_pack(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "Struct.pack", kwnames) < 0) return nullptr;
  return do_pack(ts, *SO(self)->layout, args, nargs);
}
Object* st_pack_into(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "Struct.pack_into", kwnames) < 0) return nullptr;
  return do_pack_into(ts, *SO(self)->layout, args, nargs);
}
Object* st_unpack(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return do_unpack(ts, *SO(self)->layout, args[0]);
}
Object* st_unpack_from(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"buffer", ParamKind::PositionalOrKeyword, kRequired},
                                      {"offset", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("unpack_from", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  return do_unpack_from(ts, *SO(self)->layout, av[0], av[1]);
}

Object* make_iter(ThreadState* ts, Object* strct, Object* buffer) {
  const Layout& L = *SO(strct)->layout;
  std::string_view b;
  if (!read_buffer(ts, buffer, &b)) return nullptr;
  if (L.size == 0) return struct_error(ts, "cannot iteratively unpack with a struct of length 0");
  if (b.size() % L.size != 0) {
    return raise_format(ts, &struct_error_type, "iterative unpacking requires a buffer of a multiple of %zu bytes",
                        L.size);
  }
  auto* it = static_cast<UnpackIter*>(type_generic_alloc(ts, &unpack_iterator_type, 0));
  if (!it) return nullptr;
  it->strct = new_ref(strct);
  it->buffer = is_bytearray(buffer) ? bytes_from(ts, b.data(), b.size()) : new_ref(buffer);
  if (!it->buffer) {
    decref(it);
    return nullptr;
  }
  return it;
}

Object* st_iter_unpack(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  return make_iter(ts, self, args[0]);
}

Object* st_get_format(ThreadState*, Object* self) { return new_ref(SO(self)->format); }
Object* st_get_size(ThreadState* ts, Object* self) { return int_from_i64(ts, static_cast<int64_t>(SO(self)->layout->size)); }
Object* st_sizeof(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return int_from_i64(ts, static_cast<int64_t>(sizeof(StructObject) + SO(self)->layout->items.size() * sizeof(Item)));
}

const MethodDef struct_methods[] = {
    {"pack", st_pack, kMethKeywords},
    {"pack_into", st_pack_into, kMethKeywords},
    {"unpack", st_unpack, kMethO},
    {"unpack_from", st_unpack_from, kMethKeywords},
    {"iter_unpack", st_iter_unpack, kMethO},
    {"__sizeof__", st_sizeof, kMethNoArgs},
    {},
};
const GetSetDef struct_getsets[] = {
    {"format", st_get_format, nullptr, "struct format string"},
    {"size", st_get_size, nullptr, "struct size in bytes"},
    {},
};

void iter_dealloc(Object* o) {
  auto* it = static_cast<UnpackIter*>(o);
  xdecref(it->strct);
  xdecref(it->buffer);
  free_object(o);
}
int iter_traverse(Object* o, VisitFn visit, void* arg) {
  auto* it = static_cast<UnpackIter*>(o);
  if (it->strct && visit(it->strct, arg)) return 1;
  return it->buffer ? visit(it->buffer, arg) : 0;
}
Object* iter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<UnpackIter*>(o);
  if (!it->buffer) return nullptr;
  const Layout& L = *SO(it->strct)->layout;
  std::string_view b = byteslike_view(it->buffer);
  if (it->index >= b.size()) {
    Object* buf = it->buffer;
    it->buffer = nullptr;
    decref(buf);
    return nullptr;
  }
  Object* r = unpack_values(ts, L, reinterpret_cast<const uint8_t*>(b.data()) + it->index);
  it->index += L.size;
  return r;
}
int64_t iter_remaining(ThreadState*, Object* o) {
  auto* it = static_cast<UnpackIter*>(o);
  if (!it->buffer) return 0;
  size_t left = byteslike_view(it->buffer).size() - it->index;
  return static_cast<int64_t>(left / SO(it->strct)->layout->size);
}
Object* self_iter(ThreadState*, Object* o) { return new_ref(o); }
const MethodDef iter_methods[] = {SPINDLE_LENGTH_HINT(iter_remaining), {}};

// --- module functions ------------------------------------------------------------------

// A temporary Struct for a module-level call. (CPython looks the format up
// in a cache first, so an unhashable format fails with the hash's TypeError.)
Object* struct_for(ThreadState* ts, Object* fmt) {
  if (!is_str(fmt) && !is_bytes(fmt) && hash(ts, fmt) == -1 && runtime::has_exception(ts)) return nullptr;
  return make_struct(ts, &struct_type, fmt);
}

Object* m_pack(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "pack", kwnames) < 0) return nullptr;
  if (nargs == 0) return raise(ts, &exc::TypeError, "missing format argument");
  Ref s = Ref::steal(struct_for(ts, args[0]));
  if (!s) return nullptr;
  return do_pack(ts, *SO(s.get())->layout, args + 1, nargs - 1);
}

Object* m_pack_into(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "pack_into", kwnames) < 0) return nullptr;
  if (nargs == 0) return raise(ts, &exc::TypeError, "missing format argument");
  Ref s = Ref::steal(struct_for(ts, args[0]));
  if (!s) return nullptr;
  return do_pack_into(ts, *SO(s.get())->layout, args + 1, nargs - 1);
}

Object* m_unpack(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "unpack", nargs, kwnames, 2, 2) < 0) return nullptr;
  Ref s = Ref::steal(struct_for(ts, args[0]));
  if (!s) return nullptr;
  return do_unpack(ts, *SO(s.get())->layout, args[1]);
}

Object* m_unpack_from(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"format", ParamKind::PositionalOnly, kRequired},
                                      {"buffer", ParamKind::PositionalOrKeyword, kRequired},
                                      {"offset", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("unpack_from", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref s = Ref::steal(struct_for(ts, av[0]));
  if (!s) return nullptr;
  return do_unpack_from(ts, *SO(s.get())->layout, av[1], av[2]);
}

Object* m_iter_unpack(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "iter_unpack", nargs, kwnames, 2, 2) < 0) return nullptr;
  Ref s = Ref::steal(struct_for(ts, args[0]));
  if (!s) return nullptr;
  return make_iter(ts, s.get(), args[1]);
}

Object* m_calcsize(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_no_kwargs(ts, "calcsize", kwnames) < 0) return nullptr;
  if (nargs != 1) {
    return raise_format(ts, &exc::TypeError, "_struct.calcsize() takes exactly one argument (%zu given)", nargs);
  }
  Ref st = Ref::steal(struct_for(ts, args[0]));
  if (!st) return nullptr;
  return int_from_i64(ts, static_cast<int64_t>(SO(st.get())->layout->size));
}

Object* m_clearcache(ThreadState*, Object*, Object* const*, size_t, Object*) { return py_none(); }

const MethodDef struct_functions[] = {
    {"pack", m_pack, kMethKeywords},
    {"pack_into", m_pack_into, kMethKeywords},
    {"unpack", m_unpack, kMethKeywords},
    {"unpack_from", m_unpack_from, kMethKeywords},
    {"iter_unpack", m_iter_unpack, kMethKeywords},
    {"calcsize", m_calcsize, kMethKeywords},
    {"_clearcache", m_clearcache, kMethNoArgs},
    {},
};

}  // namespace

void init_struct_error_type(Type& t) {
  t.name = "struct.error";
  t.basicsize = sizeof(ExceptionObject);
  t.flags = kTypeBaseType | kTypeHaveGC | kTypeBaseExceptionSubclass;
  t.dictoffset = offsetof(ExceptionObject, dict);
  t.base = &exc::Exception;
}

void init_struct_type(Type& t) {
  t.name = "_struct.Struct";
  t.basicsize = sizeof(StructObject);
  t.flags = kTypeBaseType;
  t.dealloc = struct_dealloc;
  t.new_ = struct_new;
  t.methods = struct_methods;
  t.getsets = struct_getsets;
}

void init_unpack_iterator_type(Type& t) {
  t.name = "_struct.unpack_iterator";
  t.basicsize = sizeof(UnpackIter);
  t.flags = kTypeHaveGC | kTypeDisallowInstantiation;
  t.dealloc = iter_dealloc;
  t.traverse = iter_traverse;
  t.clear = [](Object* o) {
    auto* it = static_cast<UnpackIter*>(o);
    Object* s = it->strct;
    Object* b = it->buffer;
    it->strct = nullptr;
    it->buffer = nullptr;
    xdecref(s);
    xdecref(b);
    return 0;
  };
  t.iter = self_iter;
  t.iternext = iter_next;
  t.methods = iter_methods;
}

Object* init_struct_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "struct", struct_functions,
                                       "Functions to convert between Python values and C structs."));
  if (!m) return nullptr;
  if (add_object(ts, m.get(), "error", new_ref(static_cast<Object*>(&struct_error_type))) < 0 ||
      add_object(ts, m.get(), "Struct", new_ref(static_cast<Object*>(&struct_type))) < 0)
    return nullptr;
  return m.release();
}

}  // namespace spindle::modules
