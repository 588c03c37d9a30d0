// bytes % values and bytearray % values (PEP 461): printf-style formatting
// into bytes. %s/%b take bytes-like objects or __bytes__, %r/%a the ASCII
// repr; the numeric conversions are delegated one at a time to str %
// formatting (same flags, width and precision), whose ASCII result is copied
// in, so both agree on every digit.
#include <string>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {

// str % values (str_methods.cpp).
Object* str_mod(ThreadState* ts, Object* fmt_obj, Object* values);

using runtime::has_exception;
using runtime::raise;
using runtime::raise_format;

namespace {

// The bytes %s inserts for `arg`: a bytes-like object or __bytes__'s result.
bool bytes_of(ThreadState* ts, Object* arg, std::string* out) {
  std::string_view v;
  if (get_byteslike(arg, &v)) {
    out->assign(v);
    return true;
  }
  Ref meth = Ref::steal(lookup_special(ts, arg, Ref::steal(str_intern_cstr(ts, "__bytes__")).get()));
  if (meth) {
    Ref r = Ref::steal(call(ts, meth.get(), nullptr, 0));
    if (!r) return false;
    if (!is_bytes(r.get())) {
      raise_format(ts, &exc::TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r->ob_type));
      return false;
    }
    out->assign(byteslike_view(r.get()));
    return true;
  }
  if (has_exception(ts)) return false;
  raise_format(ts, &exc::TypeError,
               "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
               type_name(arg->ob_type));
  return false;
}

void pad_into(std::string* out, const std::string& body, int64_t width, bool left) {
  size_t pad = width > static_cast<int64_t>(body.size()) ? static_cast<size_t>(width) - body.size() : 0;
  if (!left) out->append(pad, ' ');
  *out += body;
  if (left) out->append(pad, ' ');
}

}  // namespace

Object* bytes_mod(ThreadState* ts, Object* fmt_obj, Object* values) {
  std::string fmt(byteslike_view(fmt_obj));
  bool is_map = values->ob_type->mp_subscript && !is_tuple(values) && !is_bytes(values) && !is_str(values);
  int64_t nvals = is_tuple(values) ? tuple_size(values) : 1;
  Object* const* vals = is_tuple(values) ? tuple_items(values) : &values;
  int64_t next = 0;
  bool used_key = false;
  std::string out;
  auto next_arg = [&]() -> Object* {
    if (next >= nvals) {
      raise(ts, &exc::TypeError, "not enough arguments for format string");
      return nullptr;
    }
    return vals[next++];
  };
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out += fmt[i];
      continue;
    }
    if (++i >= fmt.size()) return raise(ts, &exc::ValueError, "incomplete format");
    Object* arg = nullptr;
    Ref keyed;
    if (fmt[i] == '(') {
      if (!is_map) return raise(ts, &exc::TypeError, "format requires a mapping");
      int depth = 1;
      size_t start = ++i;
      while (i < fmt.size() && depth) {
        if (fmt[i] == '(') ++depth;
        else if (fmt[i] == ')') --depth;
        ++i;
      }
      if (depth) return raise(ts, &exc::ValueError, "incomplete format key");
      Ref key = Ref::steal(bytes_from(ts, fmt.data() + start, i - 1 - start));
      if (!key) return nullptr;
      keyed = Ref::steal(get_item(ts, values, key.get()));
      if (!keyed) return nullptr;
      arg = keyed.get();
      used_key = true;
    }
    std::string flags;
    bool left = false;
    for (; i < fmt.size(); ++i) {
      char f = fmt[i];
      if (f != '-' && f != '+' && f != ' ' && f != '#' && f != '0') break;
      if (f == '-') left = true;
      if (flags.find(f) == std::string::npos) flags += f;
    }
    auto read_num = [&](int64_t* v) -> bool {
      if (i < fmt.size() && fmt[i] == '*') {
        Object* w = next_arg();
        if (!w) return false;
        if (!is_int(w)) {
          raise(ts, &exc::TypeError, "* wants int");
          return false;
        }
        *v = as_ssize(ts, w, &exc::OverflowError);
        if (*v == -1 && has_exception(ts)) return false;
        ++i;
        return true;
      }
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        *v = (*v < 0 ? 0 : *v * 10) + (fmt[i++] - '0');
        if (*v > (int64_t{1} << 40)) {
          raise(ts, &exc::ValueError, "width too big");
          return false;
        }
      }
      return true;
    };
    int64_t width = -1, prec = -1;
    if (!read_num(&width)) return nullptr;
    if (width < -1) {
      left = true;
      width = -width;
      if (flags.find('-') == std::string::npos) flags += '-';
    }
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      prec = 0;
      if (!read_num(&prec)) return nullptr;
      if (prec < 0) prec = 0;
    }
    while (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
    if (i >= fmt.size()) return raise(ts, &exc::ValueError, "incomplete format");
    char conv = fmt[i];
    // "%%" is a literal percent; with a key, flags, width or precision it is
    // a conversion like any other, which takes an argument and is refused.
    bool plain_percent = conv == '%' && fmt[i - 1] == '%';
    if (plain_percent) {
      out += '%';
      continue;
    }
    if (!arg) {
      arg = next_arg();
      if (!arg) return nullptr;
    }
    std::string body;
    switch (conv) {
      case 's': case 'b':
        if (!bytes_of(ts, arg, &body)) return nullptr;
        if (prec >= 0 && prec < static_cast<int64_t>(body.size())) body.resize(static_cast<size_t>(prec));
        pad_into(&out, body, width, left);
        continue;
      case 'r': case 'a': {
        Ref text = Ref::steal(ascii(ts, arg));
        if (!text) return nullptr;
        body.assign(str_view(ts, text.get()));
        if (prec >= 0 && prec < static_cast<int64_t>(body.size())) body.resize(static_cast<size_t>(prec));
        pad_into(&out, body, width, left);
        continue;
      }
      case 'c': {
        std::string_view v;
        if (is_int(arg)) {
          bool overflow = false;
          int64_t c = int_as_i64(ts, arg, &overflow);
          if (overflow || c < 0 || c > 255) return raise(ts, &exc::OverflowError, "%c arg not in range(256)");
          body.assign(1, static_cast<char>(c));
        } else if ((is_bytes(arg) || is_bytearray(arg)) && byteslike_view(arg).size() == 1) {
          body.assign(byteslike_view(arg));
        } else {
          return raise(ts, &exc::TypeError, "%c requires an integer in range(256) or a single byte");
        }
        pad_into(&out, body, width, left);
        continue;
      }
      case 'x': case 'X': case 'o':
        if (!arg->ob_type->nb_index) {
          return raise_format(ts, &exc::TypeError, "%%%c format: an integer is required, not %s", conv, type_name(arg->ob_type));
        }
        break;
      case 'd': case 'i': case 'u':
        if (!arg->ob_type->nb_index && !arg->ob_type->nb_int && !is_float(arg)) {
          return raise_format(ts, &exc::TypeError, "%%%c format: a real number is required, not %s", conv == 'i' ? 'd' : conv,
                              type_name(arg->ob_type));
        }
        break;
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        if (!is_float(arg) && !arg->ob_type->nb_float && !arg->ob_type->nb_index) {
          return raise_format(ts, &exc::TypeError, "float argument required, not %s", type_name(arg->ob_type));
        }
        break;
      default: {
        unsigned char u = static_cast<unsigned char>(conv);
        return raise_format(ts, &exc::ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                            u < 128 ? conv : '?', u, i);
      }
    }
    // A numeric conversion: the same spec, formatted by str %.
    std::string spec = "%" + flags;
    if (width >= 0) spec += std::to_string(width);
    if (prec >= 0) spec += "." + std::to_string(prec);
    spec += conv;
    Ref spec_str = Ref::steal(str_from(ts, spec));
    Ref one = Ref::steal(tuple_pack(ts, {arg}));
    if (!spec_str || !one) return nullptr;
    Ref text = Ref::steal(str_mod(ts, spec_str.get(), one.get()));
    if (!text) return nullptr;
    out += str_view(ts, text.get());
  }
  if (!used_key && next < nvals && !is_map) {
    return raise(ts, &exc::TypeError, "not all arguments converted during bytes formatting");
  }
  return is_bytearray(fmt_obj) ? bytearray_from(ts, out.data(), out.size()) : bytes_from(ts, out.data(), out.size());
}

}  // namespace spindle::objects
