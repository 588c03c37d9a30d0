// int.to_bytes, int.from_bytes and int.__getnewargs__: conversions between
// ints and their two's-complement byte strings (GMP's import/export).
#include <cstring>
#include <string>
#include <vector>

#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/bytes_internal.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {

using runtime::has_exception;
using runtime::raise;
using runtime::raise_format;

namespace {

// An owned mpz_t.
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

// byteorder: true for 'little'; -1 with the exception set.
int parse_byteorder(ThreadState* ts, Object* o, const char* fname) {
  if (!o) return 0;
  if (!is_str(o)) {
    raise_format(ts, &exc::TypeError, "%s() argument 'byteorder' must be str, not %s", fname, type_name(o->ob_type));
    return -1;
  }
  if (str_equal_cstr(o, "little")) return 1;
  if (str_equal_cstr(o, "big")) return 0;
  raise(ts, &exc::ValueError, "byteorder must be either 'little' or 'big'");
  return -1;
}

}  // namespace

Object* int_to_bytes(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"length", ParamKind::PositionalOrKeyword, kOptional},
                                      {"byteorder", ParamKind::PositionalOrKeyword, kOptional},
                                      {"signed", ParamKind::KeywordOnly, kOptional}};
  static constexpr Signature kSig("to_bytes", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int64_t length = 1;
  if (av.has(0)) {
    length = as_ssize(ts, av[0], &exc::OverflowError);
    if (length == -1 && has_exception(ts)) return nullptr;
    if (length < 0) return raise(ts, &exc::ValueError, "length argument must be non-negative");
  }
  int little = parse_byteorder(ts, av[1], "to_bytes");
  if (little < 0) return nullptr;
  bool is_signed = false;
  if (av.has(2)) {
    int t = is_true(ts, av[2]);
    if (t < 0) return nullptr;
    is_signed = t;
  }
  Mpz v, bound;
  int_to_mpz(self, v.z);
  if (mpz_sgn(v.z) < 0 && !is_signed) return raise(ts, &exc::OverflowError, "can't convert negative int to unsigned");
  // Fits iff -2^(8n-1) <= v < 2^(8n-1) (signed) or v < 2^(8n) (unsigned).
  uint64_t bits = static_cast<uint64_t>(length) * 8;
  size_t needed = mpz_sgn(v.z) == 0 ? 0 : mpz_sizeinbase(v.z, 2);
  bool fits;
  if (!is_signed) {
    fits = needed <= bits;
  } else if (mpz_sgn(v.z) >= 0) {
    fits = needed + 1 <= bits || needed == 0;
  } else {
    // -2^(8n-1) itself fits: |v| - 1 needs fewer than 8n bits.
    Mpz m;
    mpz_neg(m.z, v.z);
    mpz_sub_ui(m.z, m.z, 1);
    size_t nb = mpz_sgn(m.z) == 0 ? 0 : mpz_sizeinbase(m.z, 2);
    fits = bits > 0 && nb + 1 <= bits;
  }
  if (!fits) return raise(ts, &exc::OverflowError, "int too big to convert");
  if (length > (int64_t{1} << 40)) return runtime::raise_no_memory(ts);
  if (mpz_sgn(v.z) < 0) {
    mpz_ui_pow_ui(bound.z, 2, bits);
    mpz_add(v.z, v.z, bound.z);
  }
  std::string out(static_cast<size_t>(length), '\0');
  size_t count = 0;
  if (mpz_sgn(v.z) != 0) {
    std::vector<unsigned char> buf((mpz_sizeinbase(v.z, 2) + 7) / 8);
    mpz_export(buf.data(), &count, 1, 1, 1, 0, v.z);  // big-endian
    std::memcpy(out.data() + out.size() - count, buf.data(), count);
  }
  if (little) out.assign(out.rbegin(), out.rend());
  return bytes_from(ts, out.data(), out.size());
}

Object* int_from_bytes(ThreadState* ts, Object* cls, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"bytes", ParamKind::PositionalOrKeyword, kRequired},
                                      {"byteorder", ParamKind::PositionalOrKeyword, kOptional},
                                      {"signed", ParamKind::KeywordOnly, kOptional}};
  static constexpr Signature kSig("from_bytes", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int little = parse_byteorder(ts, av[1], "from_bytes");
  if (little < 0) return nullptr;
  bool is_signed = false;
  if (av.has(2)) {
    int t = is_true(ts, av[2]);
    if (t < 0) return nullptr;
    is_signed = t;
  }
  std::string data;
  std::string_view v;
  if (get_byteslike(av[0], &v)) {
    data.assign(v);
  } else {
    if (is_str(av[0])) return raise(ts, &exc::TypeError, "cannot convert 'str' object to bytes");
    // bytes(x): __bytes__, an iterable of ints; not an int count.
    Ref meth = Ref::steal(lookup_special(ts, av[0], Ref::steal(str_intern_cstr(ts, "__bytes__")).get()));
    if (meth) {
      Ref b = Ref::steal(call(ts, meth.get(), nullptr, 0));
      if (!b) return nullptr;
      if (!is_bytes(b.get())) {
        return raise_format(ts, &exc::TypeError, "__bytes__ returned non-bytes (type %s)", type_name(b->ob_type));
      }
      data.assign(byteslike_view(b.get()));
    } else {
      if (has_exception(ts)) return nullptr;
      if (av[0]->ob_type->nb_index) {
        return raise_format(ts, &exc::TypeError, "cannot convert '%s' object to bytes", type_name(av[0]->ob_type));
      }
      if (bytes_from_source(ts, av[0], &data, "bytes") < 0) return nullptr;
    }
  }
  if (little) data.assign(data.rbegin(), data.rend());
  Mpz z;
  if (!data.empty()) mpz_import(z.z, data.size(), 1, 1, 1, 0, data.data());
  if (is_signed && !data.empty() && (static_cast<unsigned char>(data[0]) & 0x80)) {
    Mpz bound;
    mpz_ui_pow_ui(bound.z, 2, data.size() * 8);
    mpz_sub(z.z, z.z, bound.z);
  }
  mpz_t result;
  mpz_init_set(result, z.z);
  Ref r = Ref::steal(int_from_mpz(ts, result));
  mpz_clear(result);
  if (!r || cls == &int_type) return r.release();
  Object* a = r.get();
  return call(ts, cls, &a, 1);
}

Object* int_getnewargs(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref v = Ref::steal(number_long(ts, self));
  if (!v) return nullptr;
  if (v->ob_type != &int_type) {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v.get(), z);
    v = Ref::steal(int_from_mpz(ts, z));
    mpz_clear(z);
    if (!v) return nullptr;
  }
  return tuple_pack(ts, {v.get()});
}

}  // namespace spindle::objects
