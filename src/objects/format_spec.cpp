// The format mini-language for int, float and str (format(), f-strings,
// str.format).
#include "objects/format_spec.h"

#include <cmath>
#include <cstring>

#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "unicode/utf8.h"

namespace spindle::objects {

using runtime::raise;
using runtime::raise_format;

int parse_format_spec(ThreadState* ts, Object* spec, FormatSpec* f) {
  std::u32string s = str_to_u32(spec);
  size_t i = 0, n = s.size();
  auto is_align = [](char32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  if (n >= 2 && is_align(s[1])) {
    f->fill = s[0];
    f->align = static_cast<char>(s[1]);
    i = 2;
  } else if (n >= 1 && is_align(s[0])) {
    f->align = static_cast<char>(s[0]);
    i = 1;
  }
  if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) f->sign = static_cast<char>(s[i++]);
  if (i < n && s[i] == 'z') {
    f->no_neg_zero = true;
    ++i;
  }
  if (i < n && s[i] == '#') {
    f->alternate = true;
    ++i;
  }
  if (i < n && s[i] == '0') {
    if (!f->align) {
      f->fill = '0';
      f->align = '=';
    }
    ++i;
  }
  auto read_int = [&](int64_t* out) {
    size_t start = i;
    int64_t v = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      v = v * 10 + (s[i] - '0');
      if (v > (int64_t{1} << 40)) v = int64_t{1} << 40;
      ++i;
    }
    if (i > start) *out = v;
    return i > start;
  };
  read_int(&f->width);
  if (i < n && (s[i] == ',' || s[i] == '_')) f->grouping = static_cast<char>(s[i++]);
  if (i < n && (s[i] == ',' || s[i] == '_')) {
    raise(ts, &exc::ValueError, "Cannot specify both ',' and '_'.");
    return -1;
  }
  if (i < n && s[i] == '.') {
    ++i;
    if (!read_int(&f->precision)) {
      raise(ts, &exc::ValueError, "Format specifier missing precision");
      return -1;
    }
  }
  if (i < n) f->type = static_cast<char>(s[i++]);
  if (i < n) {
    raise(ts, &exc::ValueError, "Invalid format specifier");
    return -1;
  }
  return 0;
}

int check_width(ThreadState* ts, int64_t width) {
  if (width > (int64_t{1} << 31)) {
    runtime::raise_no_memory(ts);
    return -1;
  }
  return 0;
}

std::string pad_formatted(const FormatSpec& f, const std::string& body, size_t len, char default_align) {
  if (f.width < 0 || static_cast<size_t>(f.width) <= len) return body;
  size_t pad = static_cast<size_t>(f.width) - len;
  std::string fill;
  unicode::append_utf8(fill, f.fill);
  auto rep = [&](size_t k) {
    std::string r;
    for (size_t j = 0; j < k; ++j) r += fill;
    return r;
  };
  char align = f.align ? f.align : default_align;
  if (align == '<') return body + rep(pad);
  if (align == '^') return rep(pad / 2) + body + rep(pad - pad / 2);
  if (align == '=') {
    size_t sign_len = !body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ') ? 1 : 0;
    if (body.size() > sign_len + 1 && body[sign_len] == '0' && std::strchr("xXobB", body[sign_len + 1])) sign_len += 2;
    return body.substr(0, sign_len) + rep(pad) + body.substr(sign_len);
  }
  return rep(pad) + body;
}

namespace {

// Inserts the grouping separator every `every` digits of a digit run.
std::string group_digits(const std::string& digits, char sep, int every) {
  std::string out;
  int count = 0;
  for (size_t k = digits.size(); k-- > 0;) {
    if (count && count % every == 0) out += sep;
    out += digits[k];
    ++count;
  }
  return std::string(out.rbegin(), out.rend());
}

// Zero-padding with grouping counts the separators in the width (CPython).
std::string finish_number(const FormatSpec& f, bool negative, const std::string& prefix, std::string digits,
                          const std::string& suffix, int every) {
  std::string sign = negative ? "-" : f.sign == '+' ? "+" : f.sign == ' ' ? " " : "";
  if (f.fill == '0' && f.align == '=' && f.width > 0) {
    int64_t room = f.width - static_cast<int64_t>(sign.size() + prefix.size() + suffix.size());
    if (f.grouping) {
      while (static_cast<int64_t>(group_digits(digits, f.grouping, every).size()) < room) digits = "0" + digits;
    } else {
      while (static_cast<int64_t>(digits.size()) < room) digits = "0" + digits;
    }
  }
  if (f.grouping) digits = group_digits(digits, f.grouping, every);
  std::string body = sign + prefix + digits + suffix;
  return pad_formatted(f, body, unicode::count_code_points(body), '>');
}

Object* format_double(ThreadState* ts, double x, const FormatSpec& spec, bool from_int);

}  // namespace

Object* int_format_impl(ThreadState* ts, Object* self, Object* spec_str) {
  FormatSpec f;
  if (str_length(spec_str) == 0) return int_to_decimal_str(ts, self);
  if (parse_format_spec(ts, spec_str, &f) < 0 || check_width(ts, f.width) < 0) return nullptr;
  char t = f.type ? f.type : 'd';
  if (std::strchr("eEfFgG%", t)) {
    bool failed;
    double d = int_as_double(ts, self, &failed);
    if (failed) return nullptr;
    return format_double(ts, d, f, true);
  }
  if (f.precision >= 0) return raise(ts, &exc::ValueError, "Precision not allowed in integer format specifier");
  if (t == 'c') {
    bool ov;
    int64_t v = int_as_i64(ts, self, &ov);
    if (ov || v < 0 || v > 0x10FFFF) return raise(ts, &exc::OverflowError, "%c arg not in range(0x110000)");
    std::string body;
    unicode::append_utf8(body, static_cast<char32_t>(v));
    return str_from(ts, pad_formatted(f, body, 1, '<'));
  }
  int base = t == 'd' || t == 'n' ? 10 : t == 'x' || t == 'X' ? 16 : t == 'o' ? 8 : t == 'b' ? 2 : 0;
  if (!base) {
    return raise_format(ts, &exc::ValueError, "Unknown format code '%c' for object of type '%s'", t,
                        type_name(self->ob_type));
  }
  if (f.grouping == ',' && base != 10) return raise_format(ts, &exc::ValueError, "Cannot specify ',' with '%c'.", t);
  std::string digits = int_to_string_base(self, base);
  bool neg = digits[0] == '-';
  if (neg) digits.erase(0, 1);
  if (t == 'X')
    for (auto& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string prefix;
  if (f.alternate && base != 10) prefix = std::string("0") + (t == 'X' ? 'X' : t);
  return str_from(ts, finish_number(f, neg, prefix, digits, "", base == 10 ? 3 : 4));
}

namespace {

Object* format_double(ThreadState* ts, double x, const FormatSpec& f, bool from_int) {
  char t = f.type;
  int64_t prec = f.precision;
  bool neg = std::signbit(x) && !std::isnan(x);
  double ax = std::fabs(x);
  std::string body, suffix;
  if (t == '%') {
    ax *= 100;
    suffix = "%";
    t = 'f';
  }
  if (!std::isfinite(ax)) {
    body = std::isnan(ax) ? "nan" : "inf";
    if (t && std::isupper(static_cast<unsigned char>(t))) body = std::isnan(ax) ? "NAN" : "INF";
  } else if (t == '\0' && prec < 0) {
    body = float_repr_string(ax);
    if (from_int) body = body.substr(0, body.size());
  } else {
    if (prec < 0) prec = 6;
    char ct = t ? t : 'g';
    if (ct == 'n') ct = 'g';
    std::string fmt = std::string("%") + (f.alternate ? "#" : "") + ".*" + ct;
    char buf[1200];
    std::snprintf(buf, sizeof buf, fmt.c_str(), static_cast<int>(prec), ax);
    body = buf;
    if (t == '\0') {
      // The empty type with a precision: like 'g' but always a decimal point
      // or exponent (at least one digit after the point).
      if (body.find_first_of(".einf") == std::string::npos) body += ".0";
    }
  }
  if (neg && f.no_neg_zero) {
    bool all_zero = body.find_first_of("123456789") == std::string::npos;
    if (all_zero) neg = false;
  }
  // Split integer digits from the rest for grouping.
  size_t int_end = body.find_first_not_of("0123456789");
  std::string digits = body.substr(0, int_end == std::string::npos ? body.size() : int_end);
  std::string rest = int_end == std::string::npos ? "" : body.substr(int_end);
  if (!std::isfinite(ax)) {
    digits = body;
    rest.clear();
  }
  return str_from(ts, finish_number(f, neg, "", digits, rest + suffix, 3));
}

}  // namespace

Object* float_format_impl(ThreadState* ts, Object* self, Object* spec_str) {
  if (str_length(spec_str) == 0) return str_from(ts, float_repr_string(float_value(self)));
  FormatSpec f;
  if (parse_format_spec(ts, spec_str, &f) < 0 || check_width(ts, f.width) < 0) return nullptr;
  if (f.type && !std::strchr("eEfFgGn%", f.type)) {
    return raise_format(ts, &exc::ValueError, "Unknown format code '%c' for object of type 'float'", f.type);
  }
  return format_double(ts, float_value(self), f, false);
}

Object* str_format_impl(ThreadState* ts, Object* self, Object* spec_str) {
  if (str_length(spec_str) == 0) return new_ref(self);
  FormatSpec f;
  if (parse_format_spec(ts, spec_str, &f) < 0 || check_width(ts, f.width) < 0) return nullptr;
  if (f.type && f.type != 's') {
    return raise_format(ts, &exc::ValueError, "Unknown format code '%c' for object of type 'str'", f.type);
  }
  if (f.sign) return raise(ts, &exc::ValueError, "Sign not allowed in string format specifier");
  if (f.align == '=') return raise(ts, &exc::ValueError, "'=' alignment not allowed in string format specifier");
  int64_t len = static_cast<int64_t>(str_length(self));
  Ref s = Ref::borrow(self);
  if (f.precision >= 0 && f.precision < len) {
    s = Ref::steal(str_substr(ts, self, 0, f.precision));
    if (!s) return nullptr;
    len = f.precision;
  }
  std::string body(str_view(ts, s.get()));
  return str_from(ts, pad_formatted(f, body, static_cast<size_t>(len), '<'));
}

}  // namespace spindle::objects
