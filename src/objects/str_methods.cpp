// str: the constructor, the methods and %-formatting.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/seq_dunders.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"
#include "unicode/unicode_db.h"
#include "unicode/utf8.h"

namespace spindle::objects {

using runtime::raise;
using runtime::raise_format;

namespace {

using U = std::u32string;

Object* make(ThreadState* ts, const U& s) { return str_from_u32(ts, s); }

// The str argument of a method, or a TypeError naming the method.
bool str_arg(ThreadState* ts, Object* o, const char* what, U* out) {
  if (!is_str(o)) {
    raise_format(ts, &exc::TypeError, "%s arg must be None or str", what);
    return false;
  }
  *out = str_to_u32(o);
  return true;
}

bool must_be_str(ThreadState* ts, Object* o, U* out) {
  if (!is_str(o)) {
    raise_format(ts, &exc::TypeError, "must be str, not %s", type_name(o->ob_type));
    return false;
  }
  *out = str_to_u32(o);
  return true;
}

// Optional start/end arguments (slice semantics) into [b, e) of length n.
bool slice_args(ThreadState* ts, Object* const* args, size_t nargs, size_t first, int64_t n, int64_t* b, int64_t* e) {
  *b = 0;
  *e = n;
  auto get = [&](size_t i, int64_t* out) {
    if (nargs <= i || is_none(args[i])) return true;
    int64_t v = as_ssize(ts, args[i], nullptr);
    if (v == -1 && runtime::has_exception(ts)) return false;
    *out = v;
    return true;
  };
  if (!get(first, b) || !get(first + 1, e)) return false;
  if (*b < 0) *b = std::max<int64_t>(0, *b + n);
  if (*e < 0) *e = std::max<int64_t>(0, *e + n);
  if (*e > n) *e = n;
  return true;
}

bool is_ws(char32_t c) { return unicode::is_space(c); }

Object* m_join(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) { return str_join(ts, self, args[0]); }

Object* split_impl(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames, bool right) {
  static constexpr Param kParams[] = {{"sep", ParamKind::PositionalOrKeyword, kOptional},
                                      {"maxsplit", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSplit("split", kParams);
  static constexpr Signature kRsplit("rsplit", kParams);
  ArgValues av;
  if (parse_args(ts, right ? kRsplit : kSplit, args, nargs, kwnames, av) < 0) return nullptr;
  int64_t maxsplit = -1;
  if (av.has(1)) {
    maxsplit = as_ssize(ts, av[1], nullptr);
    if (maxsplit == -1 && runtime::has_exception(ts)) return nullptr;
  }
  U s = str_to_u32(self);
  std::vector<U> parts;
  if (!av.has(0) || is_none(av[0])) {
    if (!right) {
      size_t i = 0;
      while (i < s.size()) {
        while (i < s.size() && is_ws(s[i])) ++i;
        if (i >= s.size()) break;
        if (maxsplit == 0) {
          size_t e = s.size();
          while (e > i && is_ws(s[e - 1])) --e;
          parts.push_back(s.substr(i, e - i));
          break;
        }
        size_t j = i;
        while (j < s.size() && !is_ws(s[j])) ++j;
        parts.push_back(s.substr(i, j - i));
        if (maxsplit > 0) --maxsplit;
        i = j;
      }
    } else {
      int64_t i = static_cast<int64_t>(s.size());
      while (i > 0) {
        while (i > 0 && is_ws(s[static_cast<size_t>(i - 1)])) --i;
        if (i <= 0) break;
        if (maxsplit == 0) {
          size_t b = 0;
          while (b < static_cast<size_t>(i) && is_ws(s[b])) ++b;
          parts.push_back(s.substr(b, static_cast<size_t>(i) - b));
          break;
        }
        int64_t j = i;
        while (j > 0 && !is_ws(s[static_cast<size_t>(j - 1)])) --j;
        parts.push_back(s.substr(static_cast<size_t>(j), static_cast<size_t>(i - j)));
        if (maxsplit > 0) --maxsplit;
        i = j;
      }
      std::reverse(parts.begin(), parts.end());
    }
  } else {
    U sep;
    if (!must_be_str(ts, av[0], &sep)) return nullptr;
    if (sep.empty()) return raise(ts, &exc::ValueError, "empty separator");
    if (!right) {
      size_t pos = 0;
      while (maxsplit != 0) {
        size_t at = s.find(sep, pos);
        if (at == U::npos) break;
        parts.push_back(s.substr(pos, at - pos));
        pos = at + sep.size();
        if (maxsplit > 0) --maxsplit;
      }
      parts.push_back(s.substr(pos));
    } else {
      size_t end = s.size();
      while (maxsplit != 0 && end >= sep.size()) {
        size_t at = s.rfind(sep, end - sep.size());
        if (at == U::npos) break;
        parts.push_back(s.substr(at + sep.size(), end - at - sep.size()));
        end = at;
        if (maxsplit > 0) --maxsplit;
      }
      parts.push_back(s.substr(0, end));
      std::reverse(parts.begin(), parts.end());
    }
  }
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  for (const U& p : parts) {
    Ref ps = Ref::steal(make(ts, p));
    if (!ps || list_append(ts, out.get(), ps.get()) < 0) return nullptr;
  }
  return out.release();
}
Object* m_split(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return split_impl(ts, self, a, n, k, false); }
Object* m_rsplit(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return split_impl(ts, self, a, n, k, true); }

Object* m_splitlines(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"keepends", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("splitlines", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int keep = av.has(0) ? is_true(ts, av[0]) : 0;
  U s = str_to_u32(self);
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  auto is_break = [](char32_t c) {
    return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85 ||
           c == 0x2028 || c == 0x2029;
  };
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && !is_break(s[j])) ++j;
    size_t eol = j;
    if (j < s.size()) {
      if (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') j += 2;
      else ++j;
    }
    Ref p = Ref::steal(make(ts, s.substr(i, (keep ? j : eol) - i)));
    if (!p || list_append(ts, out.get(), p.get()) < 0) return nullptr;
    i = j;
  }
  return out.release();
}

Object* strip_impl(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames, int which,
                   const char* name) {
  if (check_positional(ts, name, nargs, kwnames, 0, 1) < 0) return nullptr;
  U s = str_to_u32(self), chars;
  bool custom = nargs && !is_none(args[0]);
  if (custom && !str_arg(ts, args[0], name, &chars)) return nullptr;
  auto strip_char = [&](char32_t c) { return custom ? chars.find(c) != U::npos : is_ws(c); };
  size_t b = 0, e = s.size();
  if (which & 1)
    while (b < e && strip_char(s[b])) ++b;
  if (which & 2)
    while (e > b && strip_char(s[e - 1])) --e;
  return make(ts, s.substr(b, e - b));
}
Object* m_strip(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return strip_impl(ts, self, a, n, k, 3, "strip"); }
Object* m_lstrip(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return strip_impl(ts, self, a, n, k, 1, "lstrip"); }
Object* m_rstrip(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return strip_impl(ts, self, a, n, k, 2, "rstrip"); }

Object* affix_impl(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames, bool suffix) {
  const char* name = suffix ? "endswith" : "startswith";
  if (check_positional(ts, name, nargs, kwnames, 1, 3) < 0) return nullptr;
  U s = str_to_u32(self);
  int64_t b, e;
  if (!slice_args(ts, args, nargs, 1, static_cast<int64_t>(s.size()), &b, &e)) return nullptr;
  auto test = [&](Object* p) -> int {
    if (!is_str(p)) {
      raise_format(ts, &exc::TypeError, "%s first arg must be str or a tuple of str, not %s", name, type_name(p->ob_type));
      return -1;
    }
    U ps = str_to_u32(p);
    if (b > static_cast<int64_t>(s.size())) return 0;
    if (e - b < static_cast<int64_t>(ps.size())) return 0;
    size_t at = suffix ? static_cast<size_t>(e) - ps.size() : static_cast<size_t>(b);
    return s.compare(at, ps.size(), ps) == 0;
  };
  if (is_tuple(args[0])) {
    for (int64_t i = 0; i < tuple_size(args[0]); ++i) {
      int r = test(tuple_items(args[0])[i]);
      if (r != 0) return r < 0 ? nullptr : py_true();
    }
    return py_false();
  }
  int r = test(args[0]);
  return r < 0 ? nullptr : py_bool(r);
}
Object* m_startswith(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return affix_impl(ts, self, a, n, k, false); }
Object* m_endswith(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return affix_impl(ts, self, a, n, k, true); }

int64_t find_impl(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames, bool reverse,
                  const char* name, bool* ok) {
  *ok = false;
  if (check_positional(ts, name, nargs, kwnames, 1, 3) < 0) return -1;
  U sub;
  if (!must_be_str(ts, args[0], &sub)) return -1;
  int64_t n = static_cast<int64_t>(str_length(self)), b, e;
  if (!slice_args(ts, args, nargs, 1, n, &b, &e)) return -1;
  *ok = true;
  if (b > n || e - b < static_cast<int64_t>(sub.size())) return -1;
  return str_find(self, args[0], b, e, reverse);
}
Object* m_find(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) {
  bool ok;
  int64_t r = find_impl(ts, self, a, n, k, false, "find", &ok);
  return ok ? int_from_i64(ts, r) : nullptr;
}
Object* m_rfind(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) {
  bool ok;
  int64_t r = find_impl(ts, self, a, n, k, true, "rfind", &ok);
  return ok ? int_from_i64(ts, r) : nullptr;
}
Object* m_index(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) {
  bool ok;
  int64_t r = find_impl(ts, self, a, n, k, false, "index", &ok);
  if (!ok) return nullptr;
  if (r < 0) return raise(ts, &exc::ValueError, "substring not found");
  return int_from_i64(ts, r);
}
Object* m_rindex(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) {
  bool ok;
  int64_t r = find_impl(ts, self, a, n, k, true, "rindex", &ok);
  if (!ok) return nullptr;
  if (r < 0) return raise(ts, &exc::ValueError, "substring not found");
  return int_from_i64(ts, r);
}
Object* m_count(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "count", nargs, kwnames, 1, 3) < 0) return nullptr;
  U sub;
  if (!must_be_str(ts, args[0], &sub)) return nullptr;
  U s = str_to_u32(self);
  int64_t b, e;
  if (!slice_args(ts, args, nargs, 1, static_cast<int64_t>(s.size()), &b, &e)) return nullptr;
  if (b > e) return int_from_i64(ts, 0);
  U part = s.substr(static_cast<size_t>(b), static_cast<size_t>(e - b));
  if (sub.empty()) return int_from_i64(ts, static_cast<int64_t>(part.size()) + 1);
  int64_t c = 0;
  for (size_t i = part.find(sub); i != U::npos; i = part.find(sub, i + sub.size())) ++c;
  return int_from_i64(ts, c);
}
Object* m_replace(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "replace", nargs, kwnames, 2, 3) < 0) return nullptr;
  U a, b;
  if (!must_be_str(ts, args[0], &a) || !must_be_str(ts, args[1], &b)) return nullptr;
  int64_t count = -1;
  if (nargs > 2 && (count = as_ssize(ts, args[2], nullptr)) == -1 && runtime::has_exception(ts)) return nullptr;
  U s = str_to_u32(self), out;
  size_t pos = 0;
  if (a.empty()) {
    for (size_t i = 0; i <= s.size(); ++i) {
      if (count != 0) {
        out += b;
        if (count > 0) --count;
      }
      if (i < s.size()) out += s[i];
    }
    return make(ts, out);
  }
  while (count != 0) {
    size_t at = s.find(a, pos);
    if (at == U::npos) break;
    out += s.substr(pos, at - pos);
    out += b;
    pos = at + a.size();
    if (count > 0) --count;
  }
  out += s.substr(pos);
  return make(ts, out);
}

U case_map(const U& s, unicode::CaseKind kind) {
  U out;
  for (char32_t c : s) {
    auto m = unicode::case_mapping(kind, c);
    out.append(m.cps, static_cast<size_t>(m.size));
  }
  return out;
}
Object* m_upper(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return make(ts, case_map(str_to_u32(self), unicode::CaseKind::Upper));
}
// The final-sigma rule of lowercasing: a capital sigma preceded by a cased
// letter (skipping case-ignorables) and not followed by one becomes final.
bool is_final_sigma(const U& s, size_t i) {
  if (s[i] != 0x3A3) return false;
  auto cased_run = [&](long j, int dir) {
    for (; j >= 0 && j < static_cast<long>(s.size()); j += dir) {
      if (unicode::is_case_ignorable(s[static_cast<size_t>(j)])) continue;
      return unicode::is_cased(s[static_cast<size_t>(j)]);
    }
    return false;
  };
  return cased_run(static_cast<long>(i) - 1, -1) && !cased_run(static_cast<long>(i) + 1, 1);
}

void append_lower(U& out, const U& s, size_t i) {
  if (is_final_sigma(s, i)) {
    out += static_cast<char32_t>(0x3C2);
    return;
  }
  auto m = unicode::case_mapping(unicode::CaseKind::Lower, s[i]);
  out.append(m.cps, static_cast<size_t>(m.size));
}

Object* m_lower(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  U s = str_to_u32(self), out;
  for (size_t i = 0; i < s.size(); ++i) append_lower(out, s, i);
  return make(ts, out);
}
Object* m_casefold(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return make(ts, case_map(str_to_u32(self), unicode::CaseKind::Fold));
}
Object* m_swapcase(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  U out;
  U s = str_to_u32(self);
  for (const char32_t& c : s) {
    if (!unicode::is_uppercase(c) && !unicode::is_lowercase(c)) {
      out += c;
      continue;
    }
    if (unicode::is_uppercase(c)) {
      append_lower(out, s, static_cast<size_t>(&c - s.data()));
      continue;
    }
    auto kind = unicode::CaseKind::Upper;
    auto m = unicode::case_mapping(kind, c);
    out.append(m.cps, static_cast<size_t>(m.size));
  }
  return make(ts, out);
}
Object* m_capitalize(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  U s = str_to_u32(self), out;
  for (size_t i = 0; i < s.size(); ++i) {
    auto m = unicode::case_mapping(i == 0 ? unicode::CaseKind::Title : unicode::CaseKind::Lower, s[i]);
    out.append(m.cps, static_cast<size_t>(m.size));
  }
  return make(ts, out);
}
Object* m_title(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  U s = str_to_u32(self), out;
  bool prev_cased = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (prev_cased) {
      append_lower(out, s, i);
    } else {
      auto m = unicode::case_mapping(unicode::CaseKind::Title, c);
      out.append(m.cps, static_cast<size_t>(m.size));
    }
    prev_cased = unicode::is_cased(c);
  }
  return make(ts, out);
}

template <bool (*P)(char32_t)>
Object* m_is(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  U s = str_to_u32(self);
  if (s.empty()) return py_false();
  for (char32_t c : s)
    if (!P(c)) return py_false();
  return py_true();
}
bool p_alpha(char32_t c) { return unicode::is_alpha(c); }
bool p_digit(char32_t c) { return unicode::is_digit(c); }
bool p_decimal(char32_t c) { return unicode::is_decimal(c); }
bool p_numeric(char32_t c) { return unicode::is_numeric(c); }
bool p_space(char32_t c) { return unicode::is_space(c); }
bool p_alnum(char32_t c) { return unicode::is_alpha(c) || unicode::is_decimal(c) || unicode::is_digit(c) || unicode::is_numeric(c); }
Object* m_isascii(ThreadState*, Object* self, Object* const*, size_t, Object*) { return py_bool(static_cast<Str*>(self)->ascii); }
Object* m_isprintable(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  for (char32_t c : str_to_u32(self))
    if (!unicode::is_printable(c)) return py_false();
  return py_true();
}
Object* m_islower(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  bool cased = false;
  for (char32_t c : str_to_u32(self)) {
    if (unicode::is_uppercase(c) || unicode::is_titlecase(c)) return py_false();
    cased |= unicode::is_lowercase(c);
  }
  return py_bool(cased);
}
Object* m_isupper(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  bool cased = false;
  for (char32_t c : str_to_u32(self)) {
    if (unicode::is_lowercase(c) || unicode::is_titlecase(c)) return py_false();
    cased |= unicode::is_uppercase(c);
  }
  return py_bool(cased);
}
Object* m_istitle(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  bool cased = false, prev = false;
  for (char32_t c : str_to_u32(self)) {
    if (unicode::is_uppercase(c) || unicode::is_titlecase(c)) {
      if (prev) return py_false();
      prev = cased = true;
    } else if (unicode::is_lowercase(c)) {
      if (!prev) return py_false();
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return py_bool(cased);
}
Object* m_isidentifier(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  U s = str_to_u32(self);
  if (s.empty() || !(unicode::is_xid_start(s[0]) || s[0] == '_')) return py_false();
  for (size_t i = 1; i < s.size(); ++i)
    if (!unicode::is_xid_continue(s[i])) return py_false();
  return py_true();
}

Object* pad_impl(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames, char how, const char* name) {
  if (check_positional(ts, name, nargs, kwnames, 1, 2) < 0) return nullptr;
  int64_t width = as_ssize(ts, args[0], nullptr);
  if ((width == -1 && runtime::has_exception(ts)) || check_width(ts, width) < 0) return nullptr;
  char32_t fill = ' ';
  if (nargs > 1) {
    if (!is_str(args[1]) || str_length(args[1]) != 1) {
      return raise_format(ts, &exc::TypeError, "The fill character must be exactly one character long");
    }
    fill = str_char_at(args[1], 0);
  }
  U s = str_to_u32(self);
  if (width <= static_cast<int64_t>(s.size())) return is_str_exact(self) ? new_ref(self) : make(ts, s);
  size_t pad = static_cast<size_t>(width) - s.size();
  size_t left = how == 'l' ? 0 : how == 'r' ? pad : pad / 2 + (pad & static_cast<size_t>(width) & 1);
  return make(ts, U(left, fill) + s + U(pad - left, fill));
}
Object* m_center(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return pad_impl(ts, self, a, n, k, 'c', "center"); }
Object* m_ljust(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return pad_impl(ts, self, a, n, k, 'l', "ljust"); }
Object* m_rjust(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return pad_impl(ts, self, a, n, k, 'r', "rjust"); }
Object* m_zfill(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int64_t width = as_ssize(ts, args[0], nullptr);
  if ((width == -1 && runtime::has_exception(ts)) || check_width(ts, width) < 0) return nullptr;
  U s = str_to_u32(self);
  if (width <= static_cast<int64_t>(s.size())) return make(ts, s);
  size_t pad = static_cast<size_t>(width) - s.size();
  size_t at = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
  s.insert(at, U(pad, '0'));
  return make(ts, s);
}
Object* m_expandtabs(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"tabsize", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("expandtabs", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int64_t tab = av.has(0) ? as_ssize(ts, av[0], nullptr) : 8;
  U out;
  size_t col = 0;
  for (char32_t c : str_to_u32(self)) {
    if (c == '\t') {
      if (tab > 0) {
        size_t n = static_cast<size_t>(tab) - col % static_cast<size_t>(tab);
        out.append(n, ' ');
        col += n;
      }
    } else {
      out += c;
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  return make(ts, out);
}
Object* partition_impl(ThreadState* ts, Object* self, Object* sep_o, bool right) {
  U sep;
  if (!must_be_str(ts, sep_o, &sep)) return nullptr;
  if (sep.empty()) return raise(ts, &exc::ValueError, "empty separator");
  U s = str_to_u32(self);
  size_t at = right ? s.rfind(sep) : s.find(sep);
  Ref a, b, c;
  if (at == U::npos) {
    a = Ref::steal(right ? str_empty() : make(ts, s));
    b = Ref::steal(str_empty());
    c = Ref::steal(right ? make(ts, s) : str_empty());
  } else {
    a = Ref::steal(make(ts, s.substr(0, at)));
    b = Ref::steal(make(ts, sep));
    c = Ref::steal(make(ts, s.substr(at + sep.size())));
  }
  if (!a || !b || !c) return nullptr;
  return tuple_pack(ts, {a.get(), b.get(), c.get()});
}
Object* m_partition(ThreadState* ts, Object* self, Object* const* a, size_t, Object*) { return partition_impl(ts, self, a[0], false); }
Object* m_rpartition(ThreadState* ts, Object* self, Object* const* a, size_t, Object*) { return partition_impl(ts, self, a[0], true); }
Object* m_removeprefix(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  U p;
  if (!must_be_str(ts, args[0], &p)) return nullptr;
  U s = str_to_u32(self);
  if (s.compare(0, p.size(), p) == 0 && s.size() >= p.size()) return make(ts, s.substr(p.size()));
  return make(ts, s);
}
Object* m_removesuffix(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  U p;
  if (!must_be_str(ts, args[0], &p)) return nullptr;
  U s = str_to_u32(self);
  if (!p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0) return make(ts, s.substr(0, s.size() - p.size()));
  return make(ts, s);
}
Object* m_encode(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"encoding", ParamKind::PositionalOrKeyword, kOptional},
                                      {"errors", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("encode", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  std::string enc = av.has(0) ? std::string(str_view(ts, av[0])) : "utf-8";
  std::string errors = av.has(1) ? std::string(str_view(ts, av[1])) : "strict";
  for (auto& c : enc) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  U s = str_to_u32(self);
  std::string out;
  int limit = enc == "ascii" ? 128 : (enc == "latin-1" || enc == "latin1" || enc == "iso-8859-1") ? 256 : 0;
  if (!limit && enc != "utf-8" && enc != "utf8" && enc != "utf_8") {
    return raise_format(ts, &exc::LookupError, "unknown encoding: %s", enc.c_str());
  }
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    bool bad = limit ? c >= static_cast<char32_t>(limit) : (c >= 0xD800 && c <= 0xDFFF);
    if (bad) {
      if (errors == "ignore") continue;
      if (errors == "replace") {
        out += '?';
        continue;
      }
      if (errors == "surrogateescape" && c >= 0xDC80 && c <= 0xDCFF) {
        out += static_cast<char>(c - 0xDC00);
        continue;
      }
      if (errors == "backslashreplace") {
        char buf[16];
        std::snprintf(buf, sizeof buf, c <= 0xff ? "\\x%02x" : c <= 0xffff ? "\\u%04x" : "\\U%08x", static_cast<unsigned>(c));
        out += buf;
        continue;
      }
      Ref e1 = Ref::steal(str_from_cstr(ts, limit == 128 ? "ascii" : limit ? "latin-1" : "utf-8"));
      Ref st = Ref::steal(int_from_i64(ts, static_cast<int64_t>(i)));
      Ref en = Ref::steal(int_from_i64(ts, static_cast<int64_t>(i + 1)));
      Ref rs = Ref::steal(str_from_cstr(ts, limit == 128 ? "ordinal not in range(128)" : limit ? "ordinal not in range(256)" : "surrogates not allowed"));
      Object* a[5] = {e1.get(), self, st.get(), en.get(), rs.get()};
      Ref e = Ref::steal(call(ts, &exc::UnicodeEncodeError, a, 5));
      if (e) runtime::raise_object(ts, e.get());
      return nullptr;
    }
    if (limit) out += static_cast<char>(c);
    else unicode::append_utf8(out, c);
  }
  return bytes_from(ts, out.data(), out.size());
}
Object* m_format_method(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames);
Object* m_format_map(ThreadState* ts, Object* self, Object* const* args, size_t, Object*);
Object* m_dunder_format(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  if (!is_str(args[0])) return raise_format(ts, &exc::TypeError, "format() argument 2 must be str, not %s", type_name(args[0]->ob_type));
  return str_format_impl(ts, self, args[0]);
}
Object* m_maketrans(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (check_positional(ts, "maketrans", nargs, kwnames, 1, 3) < 0) return nullptr;
  Ref d = Ref::steal(dict_new(ts));
  if (!d) return nullptr;
  if (nargs == 1) {
    if (!is_dict(args[0])) return raise(ts, &exc::TypeError, "if you give only one argument to maketrans it must be a dict");
    size_t pos = 0;
    Object *k, *v;
    while (dict_next(args[0], &pos, &k, &v)) {
      Ref key = Ref::borrow(k);
      if (is_str(k)) {
        if (str_length(k) != 1) return raise(ts, &exc::ValueError, "string keys in translate table must be of length 1");
        key = Ref::steal(int_from_i64(ts, str_char_at(k, 0)));
      }
      if (dict_set_item(ts, d.get(), key.get(), v) < 0) return nullptr;
    }
    return d.release();
  }
  U x, y, z;
  if (!must_be_str(ts, args[0], &x) || !must_be_str(ts, args[1], &y)) return nullptr;
  if (x.size() != y.size()) return raise(ts, &exc::ValueError, "the first two maketrans arguments must have equal length");
  for (size_t i = 0; i < x.size(); ++i) {
    Ref k = Ref::steal(int_from_i64(ts, x[i])), v = Ref::steal(int_from_i64(ts, y[i]));
    if (dict_set_item(ts, d.get(), k.get(), v.get()) < 0) return nullptr;
  }
  if (nargs > 2) {
    if (!must_be_str(ts, args[2], &z)) return nullptr;
    for (char32_t c : z) {
      Ref k = Ref::steal(int_from_i64(ts, c));
      if (dict_set_item(ts, d.get(), k.get(), py_none()) < 0) return nullptr;
    }
  }
  return d.release();
}
Object* m_translate(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  U out;
  for (char32_t c : str_to_u32(self)) {
    Ref k = Ref::steal(int_from_i64(ts, c));
    Object* v = get_item(ts, args[0], k.get());
    if (!v) {
      if (!runtime::exception_matches(ts, &exc::LookupError)) return nullptr;
      runtime::clear_exception(ts);
      out += c;
      continue;
    }
    Ref vr = Ref::steal(v);
    if (is_none(v)) continue;
    if (is_int(v)) out += static_cast<char32_t>(int_small_value(v));
    else if (is_str(v)) out += str_to_u32(v);
    else return raise(ts, &exc::TypeError, "character mapping must return integer, None or str");
  }
  return make(ts, out);
}
Object* m_getnewargs(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref s = Ref::steal(str_substr(ts, self, 0, static_cast<int64_t>(str_length(self))));
  return tuple_pack(ts, {s.get()});
}

}  // namespace

extern const MethodDef str_methods[] = {
    {"join", m_join, kMethO},
    {"split", m_split, kMethKeywords},
    {"rsplit", m_rsplit, kMethKeywords},
    {"splitlines", m_splitlines, kMethKeywords},
    {"strip", m_strip, kMethFast},
    {"lstrip", m_lstrip, kMethFast},
    {"rstrip", m_rstrip, kMethFast},
    {"startswith", m_startswith, kMethFast},
    {"endswith", m_endswith, kMethFast},
    {"find", m_find, kMethFast},
    {"rfind", m_rfind, kMethFast},
    {"index", m_index, kMethFast},
    {"rindex", m_rindex, kMethFast},
    {"count", m_count, kMethFast},
    {"replace", m_replace, kMethFast},
    {"upper", m_upper, kMethNoArgs},
    {"lower", m_lower, kMethNoArgs},
    {"casefold", m_casefold, kMethNoArgs},
    {"swapcase", m_swapcase, kMethNoArgs},
    {"capitalize", m_capitalize, kMethNoArgs},
    {"title", m_title, kMethNoArgs},
    {"isalpha", m_is<p_alpha>, kMethNoArgs},
    {"isdigit", m_is<p_digit>, kMethNoArgs},
    {"isdecimal", m_is<p_decimal>, kMethNoArgs},
    {"isnumeric", m_is<p_numeric>, kMethNoArgs},
    {"isspace", m_is<p_space>, kMethNoArgs},
    {"isalnum", m_is<p_alnum>, kMethNoArgs},
    {"isascii", m_isascii, kMethNoArgs},
    {"isprintable", m_isprintable, kMethNoArgs},
    {"islower", m_islower, kMethNoArgs},
    {"isupper", m_isupper, kMethNoArgs},
    {"istitle", m_istitle, kMethNoArgs},
    {"isidentifier", m_isidentifier, kMethNoArgs},
    {"center", m_center, kMethFast},
    {"ljust", m_ljust, kMethFast},
    {"rjust", m_rjust, kMethFast},
    {"zfill", m_zfill, kMethO},
    {"expandtabs", m_expandtabs, kMethKeywords},
    {"partition", m_partition, kMethO},
    {"rpartition", m_rpartition, kMethO},
    {"removeprefix", m_removeprefix, kMethO},
    {"removesuffix", m_removesuffix, kMethO},
    {"encode", m_encode, kMethKeywords},
    {"format", m_format_method, kMethKeywords},
    {"format_map", m_format_map, kMethO},
    {"__format__", m_dunder_format, kMethO},
    {"maketrans", m_maketrans, kMethFast | kMethStatic},
    {"translate", m_translate, kMethO},
    {"__getnewargs__", m_getnewargs, kMethNoArgs},
    SPINDLE_SEQ_DUNDERS,
    {},
};

Object* str_join(ThreadState* ts, Object* sep, Object* iterable) {
  Ref items = Ref::steal(is_list(iterable) || is_tuple(iterable) ? new_ref(iterable) : sequence_list(ts, iterable));
  if (!items) return nullptr;
  int64_t n = is_list(items.get()) ? list_size(items.get()) : tuple_size(items.get());
  Object** it = is_list(items.get()) ? list_items(items.get()) : tuple_items(items.get());
  if (n == 1 && is_str_exact(it[0])) return new_ref(it[0]);
  StrBuilder b;
  for (int64_t i = 0; i < n; ++i) {
    if (!is_str(it[i])) {
      return raise_format(ts, &exc::TypeError, "sequence item %lld: expected str instance, %s found",
                          static_cast<long long>(i), type_name(it[i]->ob_type));
    }
    if (i) b.append_str(ts, sep);
    b.append_str(ts, it[i]);
  }
  return b.finish(ts);
}

// str(object='') / str(object=b'', encoding='utf-8', errors='strict')
Object* str_new(ThreadState* ts, Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"object", ParamKind::PositionalOrKeyword, kOptional},
                                      {"encoding", ParamKind::PositionalOrKeyword, kOptional},
                                      {"errors", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("str", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref value;
  if (!av.has(0)) {
    value = Ref::steal(str_empty());
  } else if (av.has(1) || av.has(2)) {
    if (!is_bytes(av[0]) && !is_bytearray(av[0])) {
      return raise_format(ts, &exc::TypeError, "decoding to str: need a bytes-like object, %s found", type_name(av[0]->ob_type));
    }
    Object* dargs[2] = {av.has(1) ? av[1] : nullptr, av.has(2) ? av[2] : nullptr};
    size_t dn = av.has(2) ? 2 : 1;
    if (!av.has(1)) dargs[0] = Ref::steal(str_from_cstr(ts, "utf-8")).release();
    value = Ref::steal(call_method(ts, av[0], Ref::steal(str_intern_cstr(ts, "decode")).get(), dargs, dn));
    if (!av.has(1)) decref(dargs[0]);
  } else {
    value = Ref::steal(str(ts, av[0]));
  }
  if (!value || type == &str_type) return value.release();
  // A subclass instance: same storage, allocated for the subtype.
  auto* src = static_cast<Str*>(value.get());
  size_t bytes = static_cast<size_t>(src->length + 1) * src->kind;
  auto* s = static_cast<Str*>(type_generic_alloc(ts, type, bytes));
  if (!s) return nullptr;
  s->length = src->length;
  s->hash = -1;
  s->kind = src->kind;
  s->ascii = src->ascii;
  std::memcpy(str_data(s), str_data(src), bytes);
  return s;
}

// ---------------------------------------------------------------------------
// str.format
// ---------------------------------------------------------------------------
namespace {

Object* format_field_value(ThreadState* ts, const U& field, Object* const* args, size_t nargs, Object* kwargs,
                           int* auto_index, Object* mapping) {
  // field_name: arg_name ("." attr | "[" key "]")*
  size_t i = 0;
  while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
  U first = field.substr(0, i);
  Ref obj;
  bool numeric = !first.empty() && std::all_of(first.begin(), first.end(), [](char32_t c) { return c >= '0' && c <= '9'; });
  if (first.empty()) {
    if (*auto_index == -2) return raise(ts, &exc::ValueError, "cannot switch from manual field specification to automatic field numbering");
    if (*auto_index == -1) *auto_index = 0;
    size_t idx = static_cast<size_t>((*auto_index)++);
    if (idx >= nargs) return raise_format(ts, &exc::IndexError, "Replacement index %zu out of range for positional args tuple", idx);
    obj = Ref::borrow(args[idx]);
  } else if (numeric) {
    if (*auto_index >= 0) return raise(ts, &exc::ValueError, "cannot switch from automatic field numbering to manual field specification");
    *auto_index = -2;
    size_t idx = std::stoul(std::string(first.begin(), first.end()));
    if (idx >= nargs) return raise_format(ts, &exc::IndexError, "Replacement index %zu out of range for positional args tuple", idx);
    obj = Ref::borrow(args[idx]);
  } else {
    Ref key = Ref::steal(str_from_u32(ts, first));
    Object* src = mapping ? mapping : kwargs;
    if (!src) return raise_key_error_for(ts, key.get());
    obj = Ref::steal(get_item(ts, src, key.get()));
    if (!obj) return nullptr;
  }
  while (i < field.size()) {
    if (field[i] == '.') {
      size_t j = ++i;
      while (j < field.size() && field[j] != '.' && field[j] != '[') ++j;
      Ref name = Ref::steal(str_from_u32(ts, field.substr(i, j - i)));
      obj = Ref::steal(get_attr(ts, obj.get(), name.get()));
      if (!obj) return nullptr;
      i = j;
    } else {
      size_t j = field.find(']', i);
      if (j == U::npos) return raise(ts, &exc::ValueError, "Missing ']' in format string");
      U k = field.substr(i + 1, j - i - 1);
      Ref key;
      if (!k.empty() && std::all_of(k.begin(), k.end(), [](char32_t c) { return c >= '0' && c <= '9'; }))
        key = Ref::steal(int_from_i64(ts, std::stoll(std::string(k.begin(), k.end()))));
      else key = Ref::steal(str_from_u32(ts, k));
      obj = Ref::steal(get_item(ts, obj.get(), key.get()));
      if (!obj) return nullptr;
      i = j + 1;
    }
  }
  return obj.release();
}

Object* do_format(ThreadState* ts, const U& fmt, Object* const* args, size_t nargs, Object* kwargs, Object* mapping,
                  int* auto_index, int depth) {
  if (depth > 2) return raise(ts, &exc::ValueError, "Max string recursion exceeded");
  StrBuilder out;
  for (size_t i = 0; i < fmt.size(); ++i) {
    char32_t c = fmt[i];
    if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
        out.append("}");
        ++i;
        continue;
      }
      return raise(ts, &exc::ValueError, "Single '}' encountered in format string");
    }
    if (c != '{') {
      out.append_char(c);
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
      out.append("{");
      ++i;
      continue;
    }
    int level = 1;
    size_t j = i + 1;
    while (j < fmt.size() && level) {
      if (fmt[j] == '{') ++level;
      else if (fmt[j] == '}') --level;
      if (level) ++j;
    }
    if (j >= fmt.size()) {
      return raise(ts, &exc::ValueError, i + 1 >= fmt.size() ? "Single '{' encountered in format string"
                                                              : "expected '}' before end of string");
    }
    U inner = fmt.substr(i + 1, j - i - 1);
    i = j;
    // field_name [!conversion] [:spec]
    size_t k = 0;
    int brackets = 0;
    while (k < inner.size()) {
      if (inner[k] == '[') ++brackets;
      else if (inner[k] == ']') --brackets;
      else if (!brackets && (inner[k] == '!' || inner[k] == ':')) break;
      ++k;
    }
    U name = inner.substr(0, k);
    char32_t conv = 0;
    U spec;
    if (k < inner.size() && inner[k] == '!') {
      if (k + 1 >= inner.size()) return raise(ts, &exc::ValueError, "end of string while looking for conversion specifier");
      conv = inner[k + 1];
      k += 2;
      if (k < inner.size() && inner[k] != ':') return raise(ts, &exc::ValueError, "expected ':' after conversion specifier");
    }
    if (k < inner.size() && inner[k] == ':') spec = inner.substr(k + 1);
    Ref value = Ref::steal(format_field_value(ts, name, args, nargs, kwargs, auto_index, mapping));
    if (!value) return nullptr;
    if (conv) {
      if (conv == 'r') value = Ref::steal(repr(ts, value.get()));
      else if (conv == 's') value = Ref::steal(str(ts, value.get()));
      else if (conv == 'a') value = Ref::steal(ascii(ts, value.get()));
      else return raise_format(ts, &exc::ValueError, "Unknown conversion specifier %c", static_cast<char>(conv));
      if (!value) return nullptr;
    }
    Ref spec_str = Ref::steal(spec.find('{') != U::npos ? do_format(ts, spec, args, nargs, kwargs, mapping, auto_index, depth + 1)
                                                          : str_from_u32(ts, spec));
    if (!spec_str) return nullptr;
    Ref piece = Ref::steal(format(ts, value.get(), spec_str.get()));
    if (!piece) return nullptr;
    out.append_str(ts, piece.get());
  }
  return out.finish(ts);
}

Object* m_format_method(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Ref kwargs;
  size_t nkw = kwnames_count(kwnames);
  if (nkw) {
    kwargs = Ref::steal(dict_new(ts));
    if (!kwargs) return nullptr;
    for (size_t i = 0; i < nkw; ++i)
      if (dict_set_item(ts, kwargs.get(), tuple_items(kwnames)[i], args[nargs + i]) < 0) return nullptr;
  }
  int auto_index = -1;
  return do_format(ts, str_to_u32(self), args, nargs, kwargs.get(), nullptr, &auto_index, 0);
}

Object* m_format_map(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int auto_index = -1;
  return do_format(ts, str_to_u32(self), nullptr, 0, nullptr, args[0], &auto_index, 0);
}

}  // namespace

}  // namespace spindle::objects
