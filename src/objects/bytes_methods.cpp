// The methods bytes and bytearray share (one implementation for both; results
// take the receiver's kind), and the two method tables. Arguments that are
// "bytes-like" accept bytes, bytearray and contiguous memoryviews.
//
// Invariant: a method never holds a view of a bytearray (self or argument)
// across a call into Python code; it copies what it needs first.
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/bytes_internal.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/seq_dunders.h"
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

Object* bytes_same_kind(ThreadState* ts, Object* self, std::string_view s) {
  return is_bytearray(self) ? bytearray_from(ts, s.data(), s.size()) : bytes_from(ts, s.data(), s.size());
}

int byte_value(ThreadState* ts, Object* o) {
  if (!o->ob_type->nb_index) {
    raise_format(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(o->ob_type));
    return -1;
  }
  int64_t v = as_ssize(ts, o, nullptr);
  if (v == -1 && has_exception(ts)) return -1;
  if (v < 0 || v > 255) {
    raise(ts, &exc::ValueError, "byte must be in range(0, 256)");
    return -1;
  }
  return static_cast<int>(v);
}

namespace {

// --- character classes (ASCII only, as CPython's bytes methods) ----------------
bool c_space(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }
bool c_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool c_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool c_alpha(unsigned char c) { return c_lower(c) || c_upper(c); }
bool c_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool c_alnum(unsigned char c) { return c_alpha(c) || c_digit(c); }
char up(unsigned char c) { return static_cast<char>(c_lower(c) ? c - 32 : c); }
char down(unsigned char c) { return static_cast<char>(c_upper(c) ? c + 32 : c); }

Object* make(ThreadState* ts, Object* self, std::string_view s) { return bytes_same_kind(ts, self, s); }

// --- argument helpers ----------------------------------------------------------

// One slice bound of find/count/startswith: None keeps the default.
bool slice_bound(ThreadState* ts, Object* o, int64_t* out) {
  if (is_none(o)) return true;
  if (!o->ob_type->nb_index) {
    raise(ts, &exc::TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  int64_t v = as_ssize(ts, o, nullptr);
  if (v == -1 && has_exception(ts)) return false;
  *out = v;
  return true;
}

// start/end as given (unadjusted) from args[first], args[first + 1].
bool slice_args(ThreadState* ts, Object* const* args, size_t nargs, size_t first, int64_t n, int64_t* b, int64_t* e) {
  *b = 0;
  *e = n;
  if (nargs > first && !slice_bound(ts, args[first], b)) return false;
  if (nargs > first + 1 && !slice_bound(ts, args[first + 1], e)) return false;
  return true;
}

// CPython's ADJUST_INDICES: clamps to [0, n] counting negatives from the end.
void adjust(int64_t n, int64_t* b, int64_t* e) {
  if (*e > n) *e = n;
  else if (*e < 0) *e = std::max<int64_t>(0, *e + n);
  if (*b < 0) *b = std::max<int64_t>(0, *b + n);
}

// "find() takes at least 1 argument (0 given)" and friends (the older
// argument-parsing messages CPython keeps for these methods).
bool check_range(ThreadState* ts, const char* name, size_t nargs, Object* kwnames, size_t lo, size_t hi) {
  if (kwnames_count(kwnames)) {
    raise_format(ts, &exc::TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs < lo) {
    raise_format(ts, &exc::TypeError, "%s() takes at least %zu argument%s (%zu given)", name, lo, lo == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > hi) {
    raise_format(ts, &exc::TypeError, "%s() takes at most %zu argument%s (%zu given)", name, hi, hi == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

// The needle of find/count/index: an int 0..255 or a bytes-like object.
bool needle_arg(ThreadState* ts, Object* o, std::string* out) {
  std::string_view v;
  if (get_byteslike(o, &v)) {
    out->assign(v);
    return true;
  }
  if (is_memoryview(o)) return memoryview_buffer_error(ts, o);
  if (o->ob_type->nb_index) {
    int b = byte_value(ts, o);
    if (b < 0) return false;
    out->assign(1, static_cast<char>(b));
    return true;
  }
  raise_format(ts, &exc::TypeError, "argument should be integer or bytes-like object, not '%s'", type_name(o->ob_type));
  return false;
}

// --- searching -------------------------------------------------------------------

// find/rfind/index/rindex: the position or -1; -2 on error.
int64_t find_impl(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames, const char* name,
                  bool reverse) {
  if (!check_range(ts, name, nargs, kwnames, 1, 3)) return -2;
  std::string needle;
  if (!needle_arg(ts, args[0], &needle)) return -2;
  std::string_view s = byteslike_view(self);
  int64_t n = static_cast<int64_t>(s.size()), b, e;
  if (!slice_args(ts, args, nargs, 1, n, &b, &e)) return -2;
  s = byteslike_view(self);  // __index__ may have run Python code
  n = static_cast<int64_t>(s.size());
  adjust(n, &b, &e);
  int64_t m = static_cast<int64_t>(needle.size());
  if (b > n || e - b < m) return -1;
  std::string_view hay = s.substr(static_cast<size_t>(b), static_cast<size_t>(e - b));
  size_t at = reverse ? hay.rfind(needle) : hay.find(needle);
  return at == std::string_view::npos ? -1 : b + static_cast<int64_t>(at);
}

Object* m_find(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) {
  int64_t r = find_impl(ts, self, a, n, k, "find", false);
  return r == -2 ? nullptr : int_from_i64(ts, r);
}
Object* m_rfind(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) {
  int64_t r = find_impl(ts, self, a, n, k, "rfind", true);
  return r == -2 ? nullptr : int_from_i64(ts, r);
}
Object* m_index(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) {
  int64_t r = find_impl(ts, self, a, n, k, "index", false);
  if (r == -1) return raise(ts, &exc::ValueError, "subsection not found");
  return r == -2 ? nullptr : int_from_i64(ts, r);
}
Object* m_rindex(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) {
  int64_t r = find_impl(ts, self, a, n, k, "rindex", true);
  if (r == -1) return raise(ts, &exc::ValueError, "subsection not found");
  return r == -2 ? nullptr : int_from_i64(ts, r);
}

Object* m_count(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_range(ts, "count", nargs, kwnames, 1, 3)) return nullptr;
  std::string needle;
  if (!needle_arg(ts, args[0], &needle)) return nullptr;
  int64_t b, e;
  if (!slice_args(ts, args, nargs, 1, static_cast<int64_t>(byteslike_view(self).size()), &b, &e)) return nullptr;
  std::string_view s = byteslike_view(self);
  int64_t n = static_cast<int64_t>(s.size());
  adjust(n, &b, &e);
  if (b > n || e < b) return int_from_i64(ts, 0);
  if (needle.empty()) return int_from_i64(ts, e - b + 1);
  std::string_view hay = s.substr(static_cast<size_t>(b), static_cast<size_t>(e - b));
  int64_t count = 0;
  for (size_t i = hay.find(needle); i != std::string_view::npos; i = hay.find(needle, i + needle.size())) ++count;
  return int_from_i64(ts, count);
}

// startswith/endswith: the prefix may be a tuple of bytes-likes.
Object* affix_impl(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames, bool suffix) {
  const char* name = suffix ? "endswith" : "startswith";
  if (!check_range(ts, name, nargs, kwnames, 1, 3)) return nullptr;
  int64_t b, e;
  if (!slice_args(ts, args, nargs, 1, static_cast<int64_t>(byteslike_view(self).size()), &b, &e)) return nullptr;
  std::string_view s = byteslike_view(self);
  int64_t n = static_cast<int64_t>(s.size());
  adjust(n, &b, &e);
  auto match = [&](std::string_view p) {
    int64_t m = static_cast<int64_t>(p.size());
    if (b > n || e - b < m) return false;
    int64_t at = suffix ? e - m : b;
    return s.substr(static_cast<size_t>(at), p.size()) == p;
  };
  Object* what = args[0];
  if (is_tuple(what)) {
    for (int64_t i = 0; i < tuple_size(what); ++i) {
      std::string_view p;
      if (!byteslike_arg(ts, tuple_item_borrowed(what, i), &p)) return nullptr;
      if (match(p)) return py_true();
    }
    return py_false();
  }
  std::string_view p;
  if (!get_byteslike(what, &p)) {
    return raise_format(ts, &exc::TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                        type_name(what->ob_type));
  }
  return py_bool(match(p));
}
Object* m_startswith(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return affix_impl(ts, self, a, n, k, false); }
Object* m_endswith(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return affix_impl(ts, self, a, n, k, true); }

// --- splitting and joining ---------------------------------------------------------

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
    if (maxsplit == -1 && has_exception(ts)) return nullptr;
  }
  if (maxsplit < 0) maxsplit = INT64_MAX;
  std::string sep;
  bool whitespace = !av.has(0) || is_none(av[0]);
  if (!whitespace) {
    std::string_view v;
    if (!byteslike_arg(ts, av[0], &v)) return nullptr;
    if (v.empty()) return raise(ts, &exc::ValueError, "empty separator");
    sep.assign(v);
  }
  std::string s(byteslike_view(self));
  std::vector<std::string_view> parts;
  std::string_view sv(s);
  size_t n = sv.size();
  if (whitespace) {
    if (!right) {
      size_t i = 0;
      while (true) {
        while (i < n && c_space(static_cast<unsigned char>(sv[i]))) ++i;
        if (i >= n) break;
        if (maxsplit-- == 0) {
          parts.push_back(sv.substr(i));
          break;
        }
        size_t j = i;
        while (j < n && !c_space(static_cast<unsigned char>(sv[j]))) ++j;
        parts.push_back(sv.substr(i, j - i));
        i = j;
      }
    } else {
      size_t e = n;
      while (true) {
        while (e > 0 && c_space(static_cast<unsigned char>(sv[e - 1]))) --e;
        if (e == 0) break;
        if (maxsplit-- == 0) {
          parts.push_back(sv.substr(0, e));
          break;
        }
        size_t j = e;
        while (j > 0 && !c_space(static_cast<unsigned char>(sv[j - 1]))) --j;
        parts.push_back(sv.substr(j, e - j));
        e = j;
      }
      std::reverse(parts.begin(), parts.end());
    }
  } else if (!right) {
    size_t pos = 0;
    while (maxsplit-- > 0) {
      size_t at = sv.find(sep, pos);
      if (at == std::string_view::npos) break;
      parts.push_back(sv.substr(pos, at - pos));
      pos = at + sep.size();
    }
    parts.push_back(sv.substr(pos));
  } else {
    size_t end = n;
    while (maxsplit-- > 0 && end >= sep.size()) {
      size_t at = sv.substr(0, end).rfind(sep);
      if (at == std::string_view::npos) break;
      parts.push_back(sv.substr(at + sep.size(), end - at - sep.size()));
      end = at;
    }
    parts.push_back(sv.substr(0, end));
    std::reverse(parts.begin(), parts.end());
  }
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  for (auto p : parts) {
    Ref piece = Ref::steal(make(ts, self, p));
    if (!piece || list_append(ts, out.get(), piece.get()) < 0) return nullptr;
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
  bool keep = false;
  if (av.has(0)) {
    if (is_float(av[0])) return raise(ts, &exc::TypeError, "'float' object cannot be interpreted as an integer");
    int64_t v = as_ssize(ts, av[0], nullptr);
    if (v == -1 && has_exception(ts)) return nullptr;
    keep = v != 0;
  }
  std::string s(byteslike_view(self));
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  size_t i = 0, n = s.size();
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != '\n' && s[j] != '\r') ++j;
    size_t eol = j;
    if (j < n) eol = (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n') ? j + 2 : j + 1;
    Ref piece = Ref::steal(make(ts, self, std::string_view(s).substr(i, (keep ? eol : j) - i)));
    if (!piece || list_append(ts, out.get(), piece.get()) < 0) return nullptr;
    i = eol;
  }
  return out.release();
}

Object* partition_impl(ThreadState* ts, Object* self, Object* sep_o, bool right) {
  std::string_view v;
  if (!byteslike_arg(ts, sep_o, &v)) return nullptr;
  if (v.empty()) return raise(ts, &exc::ValueError, "empty separator");
  std::string sep(v), s(byteslike_view(self));
  size_t at = right ? s.rfind(sep) : s.find(sep);
  Ref a, b, c;
  std::string_view sv(s);
  if (at == std::string::npos) {
    Ref whole = Ref::steal(is_bytes(self) && self->ob_type == &bytes_type ? new_ref(self) : make(ts, self, sv));
    Ref e1 = Ref::steal(make(ts, self, "")), e2 = Ref::steal(make(ts, self, ""));
    if (!whole || !e1 || !e2) return nullptr;
    return right ? tuple_pack(ts, {e1.get(), e2.get(), whole.get()}) : tuple_pack(ts, {whole.get(), e1.get(), e2.get()});
  }
  a = Ref::steal(make(ts, self, sv.substr(0, at)));
  // bytes.partition hands back the separator object itself; bytearray copies it.
  b = Ref::steal(!is_bytearray(self) ? new_ref(sep_o) : make(ts, self, sep));
  c = Ref::steal(make(ts, self, sv.substr(at + sep.size())));
  if (!a || !b || !c) return nullptr;
  return tuple_pack(ts, {a.get(), b.get(), c.get()});
}
Object* m_partition(ThreadState* ts, Object* self, Object* const* a, size_t, Object*) { return partition_impl(ts, self, a[0], false); }
Object* m_rpartition(ThreadState* ts, Object* self, Object* const* a, size_t, Object*) { return partition_impl(ts, self, a[0], true); }

Object* m_join(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Ref items = Ref::steal(sequence_list(ts, args[0]));
  if (!items) {
    if (runtime::exception_matches(ts, &exc::TypeError) && !args[0]->ob_type->iter) {
      runtime::clear_exception(ts);
      return raise(ts, &exc::TypeError, "can only join an iterable");
    }
    return nullptr;
  }
  std::string sep(byteslike_view(self)), out;
  for (int64_t i = 0; i < list_size(items.get()); ++i) {
    Object* it = list_items(items.get())[i];
    std::string_view v;
    if (!get_byteslike(it, &v)) {
      return raise_format(ts, &exc::TypeError, "sequence item %lld: expected a bytes-like object, %s found",
                          static_cast<long long>(i), type_name(it->ob_type));
    }
    if (i) out += sep;
    out += v;
  }
  return make(ts, self, out);
}

// --- transforming ------------------------------------------------------------------

Object* m_replace(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (check_positional(ts, "replace", nargs, kw, 2, 3) < 0) return nullptr;
  std::string_view va, vb;
  if (!byteslike_arg(ts, args[0], &va)) return nullptr;
  std::string a(va);
  if (!byteslike_arg(ts, args[1], &vb)) return nullptr;
  std::string b(vb);
  int64_t count = -1;
  if (nargs > 2) {
    count = as_ssize(ts, args[2], nullptr);
    if (count == -1 && has_exception(ts)) return nullptr;
  }
  std::string s(byteslike_view(self)), out;
  size_t pos = 0;
  if (a.empty()) {
    // Inserts `b` before every byte and at the end, `count` times at most.
    for (size_t i = 0; i <= s.size(); ++i) {
      if (count == 0) {
        out += s.substr(i);
        pos = s.size() + 1;
        break;
      }
      out += b;
      if (count > 0) --count;
      if (i < s.size()) out += s[i];
    }
    return make(ts, self, out);
  }
  while (count != 0) {
    size_t at = s.find(a, pos);
    if (at == std::string::npos) break;
    out.append(s, pos, at - pos);
    out += b;
    pos = at + a.size();
    if (count > 0) --count;
  }
  out.append(s, pos, std::string::npos);
  return make(ts, self, out);
}

Object* strip_impl(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw, int which, const char* name) {
  if (check_positional(ts, name, nargs, kw, 0, 1) < 0) return nullptr;
  std::string chars = " \t\n\r\x0b\x0c";
  bool custom = nargs && !is_none(args[0]);
  if (custom) {
    std::string_view v;
    if (!byteslike_arg(ts, args[0], &v)) return nullptr;
    chars.assign(v);
  }
  std::string_view s = byteslike_view(self);
  auto strip_it = [&](char c) {
    return custom ? chars.find(c) != std::string::npos : c_space(static_cast<unsigned char>(c));
  };
  size_t b = 0, e = s.size();
  if (which & 1) while (b < e && strip_it(s[b])) ++b;
  if (which & 2) while (e > b && strip_it(s[e - 1])) --e;
  return make(ts, self, s.substr(b, e - b));
}
Object* m_strip(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return strip_impl(ts, self, a, n, k, 3, "strip"); }
Object* m_lstrip(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return strip_impl(ts, self, a, n, k, 1, "lstrip"); }
Object* m_rstrip(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return strip_impl(ts, self, a, n, k, 2, "rstrip"); }

Object* m_upper(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::string s(byteslike_view(self));
  for (auto& c : s) c = up(static_cast<unsigned char>(c));
  return make(ts, self, s);
}
Object* m_lower(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::string s(byteslike_view(self));
  for (auto& c : s) c = down(static_cast<unsigned char>(c));
  return make(ts, self, s);
}
Object* m_swapcase(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::string s(byteslike_view(self));
  for (auto& c : s) c = c_lower(static_cast<unsigned char>(c)) ? up(static_cast<unsigned char>(c)) : down(static_cast<unsigned char>(c));
  return make(ts, self, s);
}
Object* m_capitalize(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::string s(byteslike_view(self));
  for (size_t i = 0; i < s.size(); ++i) s[i] = i == 0 ? up(static_cast<unsigned char>(s[i])) : down(static_cast<unsigned char>(s[i]));
  return make(ts, self, s);
}
Object* m_title(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::string s(byteslike_view(self));
  bool prev_cased = false;
  for (auto& c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c_alpha(u)) {
      c = prev_cased ? down(u) : up(u);
      prev_cased = true;
    } else {
      prev_cased = false;
    }
  }
  return make(ts, self, s);
}

template <bool (*P)(unsigned char)>
Object* m_is(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  std::string_view s = byteslike_view(self);
  if (s.empty()) return py_false();
  for (unsigned char c : s)
    if (!P(c)) return py_false();
  return py_true();
}
Object* m_isascii(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  for (unsigned char c : byteslike_view(self))
    if (c >= 0x80) return py_false();
  return py_true();
}
Object* m_islower(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  bool cased = false;
  for (unsigned char c : byteslike_view(self)) {
    if (c_upper(c)) return py_false();
    cased = cased || c_lower(c);
  }
  return py_bool(cased);
}
Object* m_isupper(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  bool cased = false;
  for (unsigned char c : byteslike_view(self)) {
    if (c_lower(c)) return py_false();
    cased = cased || c_upper(c);
  }
  return py_bool(cased);
}
Object* m_istitle(ThreadState*, Object* self, Object* const*, size_t, Object*) {
  bool cased = false, prev_cased = false;
  for (unsigned char c : byteslike_view(self)) {
    if (c_upper(c)) {
      if (prev_cased) return py_false();
      prev_cased = cased = true;
    } else if (c_lower(c)) {
      if (!prev_cased) return py_false();
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return py_bool(cased);
}

// center/ljust/rjust(width, fillchar=b' ', /)
Object* pad_impl(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw, char how, const char* name) {
  if (check_positional(ts, name, nargs, kw, 1, 2) < 0) return nullptr;
  int64_t width = as_ssize(ts, args[0], nullptr);
  if (width == -1 && has_exception(ts)) return nullptr;
  char fill = ' ';
  if (nargs > 1) {
    Object* f = args[1];
    if ((!is_bytes(f) && !is_bytearray(f)) || byteslike_view(f).size() != 1) {
      return raise_format(ts, &exc::TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name,
                          type_name(f->ob_type));
    }
    fill = byteslike_view(f)[0];
  }
  std::string s(byteslike_view(self));
  int64_t n = static_cast<int64_t>(s.size());
  if (width <= n) return make(ts, self, s);
  if (width > (int64_t{1} << 40)) return runtime::raise_no_memory(ts);
  int64_t total = width - n, left = 0;
  if (how == 'r') left = total;
  else if (how == 'c') left = total / 2 + (total & width & 1);
  std::string out(static_cast<size_t>(left), fill);
  out += s;
  out.append(static_cast<size_t>(total - left), fill);
  return make(ts, self, out);
}
Object* m_center(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return pad_impl(ts, self, a, n, k, 'c', "center"); }
Object* m_ljust(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return pad_impl(ts, self, a, n, k, 'l', "ljust"); }
Object* m_rjust(ThreadState* ts, Object* self, Object* const* a, size_t n, Object* k) { return pad_impl(ts, self, a, n, k, 'r', "rjust"); }

Object* m_zfill(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int64_t width = as_ssize(ts, args[0], nullptr);
  if (width == -1 && has_exception(ts)) return nullptr;
  std::string s(byteslike_view(self));
  int64_t n = static_cast<int64_t>(s.size());
  if (width <= n) return make(ts, self, s);
  if (width > (int64_t{1} << 40)) return runtime::raise_no_memory(ts);
  size_t fill = static_cast<size_t>(width - n);
  size_t at = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
  s.insert(at, fill, '0');
  return make(ts, self, s);
}

Object* m_expandtabs(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"tabsize", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("expandtabs", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  int64_t tab = 8;
  if (av.has(0)) {
    if (is_float(av[0])) return raise(ts, &exc::TypeError, "'float' object cannot be interpreted as an integer");
    tab = as_ssize(ts, av[0], &exc::OverflowError);
    if (tab == -1 && has_exception(ts)) return nullptr;
  }
  std::string s(byteslike_view(self)), out;
  int64_t col = 0;
  for (char c : s) {
    if (c == '\t') {
      if (tab > 0) {
        int64_t k = tab - col % tab;
        if (out.size() + static_cast<uint64_t>(k) > (uint64_t{1} << 40)) return runtime::raise_no_memory(ts);
        out.append(static_cast<size_t>(k), ' ');
        col += k;
      }
    } else {
      out += c;
      ++col;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return make(ts, self, out);
}

Object* m_removeprefix(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  std::string_view p;
  if (!byteslike_arg(ts, args[0], &p)) return nullptr;
  std::string_view s = byteslike_view(self);
  if (s.substr(0, p.size()) == p) s.remove_prefix(p.size());
  else if (self->ob_type == &bytes_type) return new_ref(self);
  return make(ts, self, s);
}
Object* m_removesuffix(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  std::string_view p;
  if (!byteslike_arg(ts, args[0], &p)) return nullptr;
  std::string_view s = byteslike_view(self);
  if (!p.empty() && s.size() >= p.size() && s.substr(s.size() - p.size()) == p) s.remove_suffix(p.size());
  else if (self->ob_type == &bytes_type) return new_ref(self);
  return make(ts, self, s);
}

Object* m_translate(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"table", ParamKind::PositionalOnly, kRequired},
                                      {"delete", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("translate", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  std::string table;
  if (!is_none(av[0])) {
    std::string_view t;
    if (!byteslike_arg(ts, av[0], &t)) return nullptr;
    if (t.size() != 256) return raise(ts, &exc::ValueError, "translation table must be 256 characters long");
    table.assign(t);
  }
  bool drop[256] = {};
  if (av.has(1)) {
    std::string_view d;
    if (!byteslike_arg(ts, av[1], &d)) return nullptr;
    for (unsigned char c : d) drop[c] = true;
  }
  std::string out;
  for (unsigned char c : byteslike_view(self)) {
    if (drop[c]) continue;
    out += table.empty() ? static_cast<char>(c) : table[c];
  }
  return make(ts, self, out);
}

Object* m_maketrans(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kw) {
  if (check_positional(ts, "maketrans", nargs, kw, 2, 2) < 0) return nullptr;
  std::string_view f, t;
  if (!byteslike_arg(ts, args[0], &f) || !byteslike_arg(ts, args[1], &t)) return nullptr;
  if (f.size() != t.size()) return raise(ts, &exc::ValueError, "maketrans arguments must have same length");
  char table[256];
  for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i);
  for (size_t i = 0; i < f.size(); ++i) table[static_cast<unsigned char>(f[i])] = t[i];
  return bytes_from(ts, table, 256);
}

// --- conversions -----------------------------------------------------------------------

Object* m_hex(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"sep", ParamKind::PositionalOrKeyword, kOptional},
                                      {"bytes_per_sep", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("hex", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  char sep = 0;
  int64_t group = 1;
  if (av.has(0)) {
    Object* s = av[0];
    std::string_view v;
    if (is_str(s)) {
      if (str_length(s) != 1) return raise(ts, &exc::ValueError, "sep must be length 1.");
      if (str_char_at(s, 0) >= 0x80) return raise(ts, &exc::ValueError, "sep must be ASCII.");
      sep = static_cast<char>(str_char_at(s, 0));
    } else if (get_byteslike(s, &v)) {
      if (v.size() != 1) return raise(ts, &exc::ValueError, "sep must be length 1.");
      if (static_cast<unsigned char>(v[0]) >= 0x80) return raise(ts, &exc::ValueError, "sep must be ASCII.");
      sep = v[0];
    } else {
      return raise_format(ts, &exc::TypeError, "object of type '%s' has no len()", type_name(s->ob_type));
    }
  }
  if (av.has(1)) {
    if (is_float(av[1])) return raise(ts, &exc::TypeError, "'float' object cannot be interpreted as an integer");
    group = as_ssize(ts, av[1], &exc::OverflowError);
    if (group == -1 && has_exception(ts)) return nullptr;
  }
  std::string_view s = byteslike_view(self);
  size_t n = s.size();
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  uint64_t g = group < 0 ? static_cast<uint64_t>(-group) : static_cast<uint64_t>(group);
  for (size_t i = 0; i < n; ++i) {
    if (sep && g && i > 0) {
      // Groups count from the right for a positive bytes_per_sep, from the left for a negative one.
      bool boundary = group > 0 ? (n - i) % g == 0 : i % g == 0;
      if (boundary) out += sep;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return str_from(ts, out);
}

Object* m_fromhex(ThreadState* ts, Object* cls, Object* const* args, size_t, Object*) {
  if (!is_str(args[0])) {
    return raise_format(ts, &exc::TypeError, "fromhex() argument must be str, not %s", type_name(args[0]->ob_type));
  }
  Object* text = args[0];
  size_t n = str_length(text);
  std::string out;
  auto hexval = [](uint32_t c) -> int {
    if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
    return -1;
  };
  size_t i = 0;
  while (i < n) {
    uint32_t c = str_char_at(text, static_cast<int64_t>(i));
    if (c < 0x80 && c_space(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    int hi = hexval(c);
    int lo = i + 1 < n ? hexval(str_char_at(text, static_cast<int64_t>(i + 1))) : -1;
    if (hi < 0 || lo < 0) {
      return raise_format(ts, &exc::ValueError, "non-hexadecimal number found in fromhex() arg at position %zu",
                          hi < 0 ? i : i + 1);
    }
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  Type* t = static_cast<Type*>(cls);
  if (t == &bytes_type) return bytes_from(ts, out.data(), out.size());
  if (t == &bytearray_type) return bytearray_from(ts, out.data(), out.size());
  Ref b = Ref::steal(bytes_from(ts, out.data(), out.size()));
  if (!b) return nullptr;
  Object* a = b.get();
  return call(ts, cls, &a, 1);
}

Object* m_decode(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"encoding", ParamKind::PositionalOrKeyword, kOptional},
                                      {"errors", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("decode", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  for (size_t i = 0; i < 2; ++i) {
    if (av.has(i) && !is_str(av[i])) {
      return raise_format(ts, &exc::TypeError, "decode() argument '%s' must be str, not %s", i ? "errors" : "encoding",
                          type_name(av[i]->ob_type));
    }
  }
  std::string enc = av.has(0) ? std::string(str_view(ts, av[0])) : "utf-8";
  std::string errors = av.has(1) ? std::string(str_view(ts, av[1])) : "strict";
  for (auto& c : enc) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string data(byteslike_view(self));
  std::string_view s(data);
  auto decode_error = [&](const char* codec, size_t at, const char* reason) -> Object* {
    Ref bo = Ref::steal(bytes_from(ts, s.data(), s.size()));
    Ref e1 = Ref::steal(str_from_cstr(ts, codec));
    Ref st = Ref::steal(int_from_i64(ts, static_cast<int64_t>(at)));
    Ref en = Ref::steal(int_from_i64(ts, static_cast<int64_t>(at + 1)));
    Ref rs = Ref::steal(str_from_cstr(ts, reason));
    if (!bo || !e1 || !st || !en || !rs) return nullptr;
    Object* a[5] = {e1.get(), bo.get(), st.get(), en.get(), rs.get()};
    Ref e = Ref::steal(call(ts, &exc::UnicodeDecodeError, a, 5));
    if (e) runtime::raise_object(ts, e.get());
    return nullptr;
  };
  std::u32string out;
  if (enc == "utf-8" || enc == "utf8" || enc == "u8") {
    for (size_t i = 0; i < s.size();) {
      char32_t cp;
      size_t len = unicode::decode_utf8(s, i, cp);
      if (len) {
        out += cp;
        i += len;
        continue;
      }
      if (errors == "replace") out += U'\uFFFD';
      else if (errors == "surrogateescape") out += static_cast<char32_t>(0xDC00 + static_cast<unsigned char>(s[i]));
      else if (errors != "ignore") {
        unsigned char b = static_cast<unsigned char>(s[i]);
        const char* reason = (b >= 0x80 && b < 0xC2) || b > 0xF4 ? "invalid start byte"
                             : i + 1 >= s.size() ? "unexpected end of data" : "invalid continuation byte";
        return decode_error("utf-8", i, reason);
      }
      ++i;
    }
    return str_from_u32(ts, out);
  }
  bool ascii = enc == "ascii" || enc == "us-ascii";
  if (ascii || enc == "latin-1" || enc == "latin1" || enc == "iso-8859-1" || enc == "iso8859-1" || enc == "l1") {
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char b = static_cast<unsigned char>(s[i]);
      if (ascii && b >= 0x80) {
        if (errors == "replace") out += U'\uFFFD';
        else if (errors == "surrogateescape") out += static_cast<char32_t>(0xDC00 + b);
        else if (errors != "ignore") return decode_error("ascii", i, "ordinal not in range(128)");
        continue;
      }
      out += static_cast<char32_t>(b);
    }
    return str_from_u32(ts, out);
  }
  return raise_format(ts, &exc::LookupError, "unknown encoding: %s", std::string(str_view(ts, av[0])).c_str());
}

// --- dunders -----------------------------------------------------------------------------

Object* m_bytes(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (self->ob_type == &bytes_type) return new_ref(self);
  std::string_view s = byteslike_view(self);
  return bytes_from(ts, s.data(), s.size());
}
Object* m_getnewargs(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::string_view s = byteslike_view(self);
  Ref b = Ref::steal(bytes_from(ts, s.data(), s.size()));
  if (!b) return nullptr;
  return tuple_pack(ts, {b.get()});
}
Object* m_sizeof(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  if (is_bytearray(self)) {
    int64_t n = static_cast<ByteArray*>(self)->size;
    return int_from_i64(ts, 56 + (n ? n + 1 : 0));
  }
  return int_from_i64(ts, 33 + bytes_size(self));
}

}  // namespace

// bytearray's own methods (bytearray_methods.cpp).
Object* bytearray_m_append(ThreadState*, Object*, Object* const*, size_t, Object*);
Object* bytearray_m_extend(ThreadState*, Object*, Object* const*, size_t, Object*);
Object* bytearray_m_insert(ThreadState*, Object*, Object* const*, size_t, Object*);
Object* bytearray_m_pop(ThreadState*, Object*, Object* const*, size_t, Object*);
Object* bytearray_m_remove(ThreadState*, Object*, Object* const*, size_t, Object*);
Object* bytearray_m_clear(ThreadState*, Object*, Object* const*, size_t, Object*);
Object* bytearray_m_copy(ThreadState*, Object*, Object* const*, size_t, Object*);
Object* bytearray_m_reverse(ThreadState*, Object*, Object* const*, size_t, Object*);
Object* bytearray_m_alloc(ThreadState*, Object*, Object* const*, size_t, Object*);
Object* bytearray_m_reduce(ThreadState*, Object*, Object* const*, size_t, Object*);
Object* bytearray_m_reduce_ex(ThreadState*, Object*, Object* const*, size_t, Object*);

// The entries both tables share (a local X-list: each line is one method).
#define SPINDLE_BYTES_COMMON_METHODS                                   \
  {"capitalize", m_capitalize, kMethNoArgs},                           \
  {"center", m_center, kMethFast},                                     \
  {"count", m_count, kMethFast | kMethKeywords},                       \
  {"decode", m_decode, kMethKeywords},                                 \
  {"endswith", m_endswith, kMethFast | kMethKeywords},                 \
  {"expandtabs", m_expandtabs, kMethKeywords},                         \
  {"find", m_find, kMethFast | kMethKeywords},                         \
  {"fromhex", m_fromhex, kMethO | kMethClass},                         \
  {"hex", m_hex, kMethKeywords},                                       \
  {"index", m_index, kMethFast | kMethKeywords},                       \
  {"isalnum", m_is<c_alnum>, kMethNoArgs},                             \
  {"isalpha", m_is<c_alpha>, kMethNoArgs},                             \
  {"isascii", m_isascii, kMethNoArgs},                                 \
  {"isdigit", m_is<c_digit>, kMethNoArgs},                             \
  {"islower", m_islower, kMethNoArgs},                                 \
  {"isspace", m_is<c_space>, kMethNoArgs},                             \
  {"istitle", m_istitle, kMethNoArgs},                                 \
  {"isupper", m_isupper, kMethNoArgs},                                 \
  {"join", m_join, kMethO},                                            \
  {"ljust", m_ljust, kMethFast},                                       \
  {"lower", m_lower, kMethNoArgs},                                     \
  {"lstrip", m_lstrip, kMethFast},                                     \
  {"maketrans", m_maketrans, kMethFast | kMethStatic},                 \
  {"partition", m_partition, kMethO},                                  \
  {"removeprefix", m_removeprefix, kMethO},                            \
  {"removesuffix", m_removesuffix, kMethO},                            \
  {"replace", m_replace, kMethFast},                                   \
  {"rfind", m_rfind, kMethFast | kMethKeywords},                       \
  {"rindex", m_rindex, kMethFast | kMethKeywords},                     \
  {"rjust", m_rjust, kMethFast},                                       \
  {"rpartition", m_rpartition, kMethO},                                \
  {"rsplit", m_rsplit, kMethKeywords},                                 \
  {"rstrip", m_rstrip, kMethFast},                                     \
  {"split", m_split, kMethKeywords},                                   \
  {"splitlines", m_splitlines, kMethKeywords},                         \
  {"startswith", m_startswith, kMethFast | kMethKeywords},             \
  {"strip", m_strip, kMethFast},                                       \
  {"swapcase", m_swapcase, kMethNoArgs},                               \
  {"title", m_title, kMethNoArgs},                                     \
  {"translate", m_translate, kMethKeywords},                           \
  {"upper", m_upper, kMethNoArgs},                                     \
  {"zfill", m_zfill, kMethO},                                          \
  {"__sizeof__", m_sizeof, kMethNoArgs}

const MethodDef bytes_methods[] = {
    SPINDLE_BYTES_COMMON_METHODS,
    {"__bytes__", m_bytes, kMethNoArgs},
    {"__getnewargs__", m_getnewargs, kMethNoArgs},
    SPINDLE_SEQ_DUNDERS,
    {},
};

const MethodDef bytearray_methods[] = {
    SPINDLE_BYTES_COMMON_METHODS,
    {"__alloc__", bytearray_m_alloc, kMethNoArgs},
    {"__reduce__", bytearray_m_reduce, kMethNoArgs},
    {"__reduce_ex__", bytearray_m_reduce_ex, kMethFast},
    {"append", bytearray_m_append, kMethO},
    {"clear", bytearray_m_clear, kMethNoArgs},
    {"copy", bytearray_m_copy, kMethNoArgs},
    {"extend", bytearray_m_extend, kMethO},
    {"insert", bytearray_m_insert, kMethFast},
    {"pop", bytearray_m_pop, kMethFast},
    {"remove", bytearray_m_remove, kMethO},
    {"reverse", bytearray_m_reverse, kMethNoArgs},
    SPINDLE_SEQ_DUNDERS,
    SPINDLE_SEQ_INPLACE_DUNDERS,
    {},
};

#undef SPINDLE_BYTES_COMMON_METHODS

}  // namespace spindle::objects
