// printf-style formatting: `str % values` and `bytes % values` (PEP 461).
//
// One parser reads `%[(key)][flags][width][.precision][length]type` for both,
// with CPython's argument rules and messages, and one formatter renders the
// numeric conversions (d i u o x X e E f F g G); only what %s/%r/%a/%c insert
// differs between text and bytes. Both accumulate UTF-8 (str) or raw bytes
// in a std::string.
#include <cinttypes>
#include <climits>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "unicode/utf8.h"

namespace spindle::objects {

using runtime::has_exception;
using runtime::raise;
using runtime::raise_format;

namespace {

// Where conversions take their arguments from, as CPython does it: a tuple
// gives its items in order, any other object is the one argument. A mapping
// right operand also serves %(key); the value found becomes the only
// argument left, so "%(a)*d" runs out of arguments.
class ArgSource {
 public:
  ArgSource(Object* values, bool is_mapping) : args_(values), mapping_(is_mapping ? values : nullptr) {
    if (is_tuple(values)) {
      len_ = tuple_size(values);
      idx_ = 0;
    }
  }
  [[nodiscard]] Object* mapping() const { return mapping_; }
  [[nodiscard]] Object* next(ThreadState* ts) {
    if (idx_ >= len_) return raise(ts, &exc::TypeError, "not enough arguments for format string");
    ++idx_;
    return len_ < 0 ? args_ : tuple_items(args_)[idx_ - 1];
  }
  // The value of a %(key) becomes the argument source (owned here).
  void use_keyed(Ref value) {
    keyed_ = std::move(value);
    args_ = keyed_.get();
    len_ = -1;
    idx_ = -2;
  }
  [[nodiscard]] bool unused_left() const { return idx_ < len_ && !mapping_; }

 private:
  Object* args_;
  Object* mapping_;
  int64_t len_ = -1;
  int64_t idx_ = -2;
  Ref keyed_;
};

struct Spec {
  bool left = false, plus = false, space = false, alternate = false, zero = false;
  int64_t width = -1;      // -1: none
  int64_t precision = -1;  // -1: none
  char32_t conv = 0;
  size_t conv_at = 0;      // index of the conversion character in the format
};

// A '*' width or precision: the next argument, an int that fits (a width a
// C ssize_t, a precision a C int).
bool star_value(ThreadState* ts, ArgSource& src, bool precision, int64_t* out) {
  Object* v = src.next(ts);
  if (!v) return false;
  if (!is_int(v)) {
    raise(ts, &exc::TypeError, "* wants int");
    return false;
  }
  bool overflow = false;
  *out = int_as_i64(ts, v, &overflow);
  if (overflow || (precision && (*out > INT_MAX || *out < INT_MIN))) {
    raise(ts, &exc::OverflowError, precision ? "Python int too large to convert to C int"
                                             : "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

// Parses one conversion specification; *pos indexes the character after '%'
// and is left on the conversion character. make_key(begin, length) builds a
// %(key) (str or bytes). Returns false with an exception set.
template <class Char, class MakeKey>
bool parse_spec(ThreadState* ts, std::basic_string_view<Char> fmt, size_t* pos, ArgSource& src, bool bytes,
                MakeKey make_key, Spec* s) {
  size_t i = *pos;
  size_t n = fmt.size();
  if (i < n && fmt[i] == '(') {
    if (!src.mapping()) {
      raise(ts, &exc::TypeError, "format requires a mapping");
      return false;
    }
    int depth = 1;
    size_t start = ++i;
    while (i < n && depth) {
      if (fmt[i] == '(') ++depth;
      else if (fmt[i] == ')') --depth;
      ++i;
    }
    if (depth) {
      raise(ts, &exc::ValueError, "incomplete format key");
      return false;
    }
    Ref key = Ref::steal(make_key(fmt.data() + start, i - 1 - start));
    if (!key) return false;
    Ref value = Ref::steal(get_item(ts, src.mapping(), key.get()));
    if (!value) return false;
    src.use_keyed(std::move(value));
  }
  for (; i < n; ++i) {
    Char f = fmt[i];
    if (f == '-') s->left = true;
    else if (f == '+') s->plus = true;
    else if (f == ' ') s->space = true;
    else if (f == '#') s->alternate = true;
    else if (f == '0') s->zero = true;
    else break;
  }
  // Digits, refusing values past what CPython's C types hold.
  auto digits = [&](int64_t limit, const char* too_big, int64_t* out) {
    *out = 0;
    while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
      int d = static_cast<int>(fmt[i++] - '0');
      if (*out > (limit - d) / 10) {
        raise(ts, &exc::ValueError, too_big);
        return false;
      }
      *out = *out * 10 + d;
    }
    return true;
  };
  if (i < n && fmt[i] == '*') {
    if (!star_value(ts, src, false, &s->width)) return false;
    if (s->width < 0) {
      s->left = true;
      s->width = -s->width;
    }
    ++i;
  } else if (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
    if (!digits(INT64_MAX, "width too big", &s->width)) return false;
  }
  if (i < n && fmt[i] == '.') {
    ++i;
    if (i < n && fmt[i] == '*') {
      if (!star_value(ts, src, true, &s->precision)) return false;
      if (s->precision < 0) s->precision = 0;
      ++i;
    } else if (!digits(INT_MAX, bytes ? "prec too big" : "precision too big", &s->precision)) {
      return false;
    }
  }
  if (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;  // one length modifier, ignored
  if (i >= n) {
    raise(ts, &exc::ValueError, "incomplete format");
    return false;
  }
  s->conv = static_cast<char32_t>(fmt[i]);
  s->conv_at = i;
  *pos = i;
  return true;
}

std::nullptr_t raise_unsupported(ThreadState* ts, const Spec& s, bool bytes) {
  if (bytes && s.conv >= 0x80) {
    // CPython formats the byte as a negative C char, which its message
    // formatter rejects with this error instead.
    return raise(ts, &exc::OverflowError, "character argument not in range(0x110000)");
  }
  return raise_format(ts, &exc::ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                      s.conv < 0x80 ? static_cast<char>(s.conv) : '?', static_cast<unsigned>(s.conv), s.conv_at);
}

// `body` of display length `len`, space-padded to the width.
void append_padded(std::string* out, std::string_view body, size_t len, const Spec& s) {
  size_t pad = s.width > static_cast<int64_t>(len) ? static_cast<size_t>(s.width) - len : 0;
  if (!s.left) out->append(pad, ' ');
  out->append(body);
  if (s.left) out->append(pad, ' ');
}

// A number: sign, then a prefix ("0x"), then digits; the '0' flag pads
// between the prefix and the digits.
void append_number(std::string* out, bool negative, std::string_view prefix, std::string_view digits, const Spec& s) {
  std::string body = negative ? "-" : s.plus ? "+" : s.space ? " " : "";
  body += prefix;
  size_t len = body.size() + digits.size();
  if (s.zero && !s.left && s.width > static_cast<int64_t>(len)) body.append(static_cast<size_t>(s.width) - len, '0');
  body += digits;
  append_padded(out, body, body.size(), s);
}

// d i u o x X: an integer; d i u take any number int() takes (a float is
// truncated), o x X only what has __index__. bytes names %i as %d in errors.
bool format_integer(ThreadState* ts, const Spec& s, Object* arg, bool bytes, std::string* out) {
  char conv = static_cast<char>(s.conv);
  bool decimal = conv == 'd' || conv == 'i' || conv == 'u';
  Ref value = Ref::borrow(arg);
  if (!is_int(arg)) {
    Type* t = arg->ob_type;
    bool number = t->nb_index || t->nb_int || t->nb_float || is_float(arg) || is_subtype(t, &complex_type);
    value = number ? Ref::steal(decimal ? number_long(ts, arg) : number_index(ts, arg)) : Ref();
    if (!value) {
      if (number && !runtime::exception_matches(ts, &exc::TypeError)) return false;
      runtime::clear_exception(ts);
      raise_format(ts, &exc::TypeError, decimal ? "%%%c format: a real number is required, not %s"
                                                : "%%%c format: an integer is required, not %s",
                   bytes && conv == 'i' ? 'd' : conv, type_name(arg->ob_type));
      return false;
    }
  }
  std::string digits = int_to_string_base(value.get(), decimal ? 10 : conv == 'o' ? 8 : 16);
  bool negative = digits[0] == '-';
  if (negative) digits.erase(0, 1);
  if (conv == 'X') {
    for (auto& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (check_width(ts, s.precision) < 0) return false;
  if (s.precision > static_cast<int64_t>(digits.size())) {
    digits.insert(0, static_cast<size_t>(s.precision) - digits.size(), '0');
  }
  std::string prefix = s.alternate && !decimal ? std::string("0") + conv : "";
  append_number(out, negative, prefix, digits, s);
  return true;
}

// e E f F g G: a real number, as C's printf renders it (CPython's
// PyOS_double_to_string agrees on every digit for these types).
bool format_float(ThreadState* ts, const Spec& s, Object* arg, bool bytes, std::string* out) {
  double d = float_as_double(ts, arg);
  if (d == -1.0 && has_exception(ts)) {
    if (!runtime::exception_matches(ts, &exc::TypeError)) return false;
    runtime::clear_exception(ts);
    raise_format(ts, &exc::TypeError, bytes ? "float argument required, not %s" : "must be real number, not %s",
                 type_name(arg->ob_type));
    return false;
  }
  char conv = static_cast<char>(s.conv);
  std::string digits;
  if (std::isfinite(d)) {
    if (check_width(ts, s.precision) < 0) return false;
    int precision = static_cast<int>(s.precision < 0 ? 6 : s.precision);
    const char* cfmt = s.alternate ? "%#.*" : "%.*";
    char spec[8];
    std::snprintf(spec, sizeof spec, "%s%c", cfmt, conv);
    double magnitude = std::fabs(d);
    int len = std::snprintf(nullptr, 0, spec, precision, magnitude);
    digits.resize(static_cast<size_t>(len) + 1);
    std::snprintf(digits.data(), digits.size(), spec, precision, magnitude);
    digits.resize(static_cast<size_t>(len));
  } else {
    bool upper = std::isupper(static_cast<unsigned char>(conv));
    digits = std::isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
  }
  append_number(out, std::signbit(d) && !std::isnan(d), "", digits, s);
  return true;
}

// Formats `fmt % values` into *out. Text::literal appends a format character,
// Text::key builds a %(key), Text::convert handles what differs (s r a c b).
template <class Text>
bool percent_format(ThreadState* ts, std::basic_string_view<typename Text::Char> fmt, Object* values, bool is_mapping,
                    std::string* out) {
  constexpr bool bytes = Text::kBytes;
  ArgSource src(values, is_mapping);
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      Text::literal(out, fmt[i]);
      continue;
    }
    if (++i >= fmt.size()) {
      raise(ts, &exc::ValueError, "incomplete format");
      return false;
    }
    if (fmt[i] == '%') {
      out->push_back('%');
      continue;
    }
    Spec s;
    if (!parse_spec(ts, fmt, &i, src, bytes, [ts](const typename Text::Char* p, size_t n) { return Text::key(ts, p, n); },
                    &s)) {
      return false;
    }
    Object* arg = src.next(ts);
    if (!arg) return false;
    if (check_width(ts, s.width) < 0) return false;
    switch (s.conv) {
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        if (!format_integer(ts, s, arg, bytes, out)) return false;
        break;
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        if (!format_float(ts, s, arg, bytes, out)) return false;
        break;
      default: {
        int r = Text::convert(ts, s, arg, out);
        if (r < 0) return false;
        if (r == 0) {
          raise_unsupported(ts, s, bytes);
          return false;
        }
      }
    }
  }
  if (src.unused_left()) {
    raise(ts, &exc::TypeError, bytes ? "not all arguments converted during bytes formatting"
                                     : "not all arguments converted during string formatting");
    return false;
  }
  return true;
}

// str: UTF-8 output; %s %r %a insert str(), repr(), ascii(); %c a character.
struct TextConversions {
  using Char = char32_t;
  static constexpr bool kBytes = false;
  static void literal(std::string* out, char32_t c) { unicode::append_utf8(*out, c); }
  static Object* key(ThreadState* ts, const char32_t* p, size_t n) { return str_from_u32(ts, std::u32string(p, n)); }
  // 1: done, 0: not a conversion of str, -1: error.
  static int convert(ThreadState* ts, const Spec& s, Object* arg, std::string* out) {
    switch (s.conv) {
      case 's': case 'r': case 'a': {
        Ref text = Ref::steal(s.conv == 's' ? str(ts, arg) : s.conv == 'r' ? repr(ts, arg) : ascii(ts, arg));
        if (!text) return -1;
        int64_t len = static_cast<int64_t>(str_length(text.get()));
        if (s.precision >= 0 && s.precision < len) {
          text = Ref::steal(str_substr(ts, text.get(), 0, s.precision));
          if (!text) return -1;
          len = s.precision;
        }
        append_padded(out, str_view(ts, text.get()), static_cast<size_t>(len), s);
        return 1;
      }
      case 'c': {
        std::string ch;
        if (is_str(arg)) {
          if (str_length(arg) != 1) break;
          ch = str_view(ts, arg);
        } else {
          if (!arg->ob_type->nb_index) break;
          Ref index = Ref::steal(number_index(ts, arg));
          if (!index) return -1;
          bool overflow = false;
          int64_t c = int_as_i64(ts, index.get(), &overflow);
          if (overflow || c < 0 || c > 0x10FFFF) {
            raise(ts, &exc::OverflowError, "%c arg not in range(0x110000)");
            return -1;
          }
          unicode::append_utf8(ch, static_cast<char32_t>(c));
        }
        append_padded(out, ch, 1, s);
        return 1;
      }
      default:
        return 0;
    }
    raise(ts, &exc::TypeError, "%c requires int or char");
    return -1;
  }
};

// The bytes %s and %b insert: a bytes-like object or __bytes__'s result.
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

// bytes: %s/%b insert bytes-like objects, %r/%a the ASCII repr, %c one byte.
struct BytesConversions {
  using Char = char;
  static constexpr bool kBytes = true;
  static void literal(std::string* out, char c) { out->push_back(c); }
  static Object* key(ThreadState* ts, const char* p, size_t n) { return bytes_from(ts, p, n); }
  static int convert(ThreadState* ts, const Spec& s, Object* arg, std::string* out) {
    std::string body;
    switch (s.conv) {
      case 's': case 'b':
        if (!bytes_of(ts, arg, &body)) return -1;
        break;
      case 'r': case 'a': {
        Ref text = Ref::steal(ascii(ts, arg));
        if (!text) return -1;
        body.assign(str_view(ts, text.get()));
        break;
      }
      case 'c':
        if ((is_bytes(arg) || is_bytearray(arg)) && byteslike_view(arg).size() == 1) {
          body.assign(byteslike_view(arg));
        } else if (arg->ob_type->nb_index) {
          Ref index = Ref::steal(number_index(ts, arg));
          if (!index) return -1;
          bool overflow = false;
          int64_t c = int_as_i64(ts, index.get(), &overflow);
          if (overflow || c < 0 || c > 255) {
            raise(ts, &exc::OverflowError, "%c arg not in range(256)");
            return -1;
          }
          body.assign(1, static_cast<char>(c));
        } else {
          raise(ts, &exc::TypeError, "%c requires an integer in range(256) or a single byte");
          return -1;
        }
        append_padded(out, body, 1, s);
        return 1;
      default:
        return 0;
    }
    if (s.precision >= 0 && s.precision < static_cast<int64_t>(body.size())) body.resize(static_cast<size_t>(s.precision));
    append_padded(out, body, body.size(), s);
    return 1;
  }
};

}  // namespace

Object* str_mod(ThreadState* ts, Object* fmt_obj, Object* values) {
  if (!is_str(fmt_obj)) return new_ref(py_not_implemented());
  std::u32string fmt = str_to_u32(fmt_obj);
  bool is_mapping = values->ob_type->mp_subscript && !is_tuple(values) && !is_str(values);
  std::string out;
  if (!percent_format<TextConversions>(ts, fmt, values, is_mapping, &out)) return nullptr;
  return str_from_utf8(ts, out.data(), out.size());
}

Object* bytes_mod(ThreadState* ts, Object* fmt_obj, Object* values) {
  bool is_mapping = values->ob_type->mp_subscript && !is_tuple(values) && !is_bytes(values) &&
                    !is_bytearray(values) && !is_str(values);
  std::string out;
  if (!percent_format<BytesConversions>(ts, byteslike_view(fmt_obj), values, is_mapping, &out)) return nullptr;
  return is_bytearray(fmt_obj) ? bytearray_from(ts, out.data(), out.size()) : bytes_from(ts, out.data(), out.size());
}

}  // namespace spindle::objects
