// The string module: character-class constants, capwords, Template ($-style
// substitution) and Formatter (str.format's machinery as overridable methods).
//
// Template and Formatter are heap classes (users subclass them) whose methods
// are method descriptors over the tables below. Formatter's methods call one
// another through attribute lookup on self, so a subclass's override of
// get_value, format_field, parse, ... takes part as in CPython.
//
// Limitation: Template recognizes CPython's default identifier syntax (ASCII
// letters, digits, underscore, not starting with a digit) and honours a
// subclass's `delimiter`; a custom `idpattern` / `pattern` (regular
// expressions) is not supported, since Spindle has no `re` module yet.
#include <string>

#include "modules/abc_support.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

namespace {

using U = std::u32string;

constexpr const char* kWhitespace = " \t\n\r\x0b\x0c";
constexpr const char* kLower = "abcdefghijklmnopqrstuvwxyz";
constexpr const char* kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr const char* kDigits = "0123456789";
constexpr const char* kPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

Object* intern(ThreadState* ts, const char* s) { return str_intern_cstr(ts, s); }

// ---------------------------------------------------------------------------
// capwords
// ---------------------------------------------------------------------------

Object* string_capwords(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"s", ParamKind::PositionalOrKeyword, kRequired},
                                      {"sep", ParamKind::PositionalOrKeyword, kOptional}};
  static constexpr Signature kSig("capwords", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Object* sep = av.has(1) ? av[1] : py_none();
  Ref split = Ref::steal(intern(ts, "split"));
  Ref words = Ref::steal(call_method(ts, av[0], split.get(), &sep, 1));
  if (!words) return nullptr;
  Ref caps = Ref::steal(list_new(ts, 0));
  Ref it = Ref::steal(get_iter(ts, words.get()));
  if (!caps || !it) return nullptr;
  Ref cap_name = Ref::steal(intern(ts, "capitalize"));
  while (Object* w = iter_next(ts, it.get())) {
    Ref word = Ref::steal(w);
    if (!is_str(w)) {
      return raise_format(ts, &exc::TypeError, "descriptor 'capitalize' for 'str' objects doesn't apply to a '%s' object",
                          tp_name(w));
    }
    Ref c = Ref::steal(call_method(ts, w, cap_name.get(), nullptr, 0));
    if (!c || list_append(ts, caps.get(), c.get()) < 0) return nullptr;
  }
  if (runtime::has_exception(ts)) return nullptr;
  Ref joiner;
  int t = is_true(ts, sep);
  if (t < 0) return nullptr;
  joiner = Ref::steal(t ? new_ref(sep) : str_from_cstr(ts, " "));
  if (!joiner) return nullptr;
  if (!is_str(joiner.get())) {
    Ref join_name = Ref::steal(intern(ts, "join"));
    Object* a[1] = {caps.get()};
    return call_method(ts, joiner.get(), join_name.get(), a, 1);
  }
  return str_join(ts, joiner.get(), caps.get());
}

// ---------------------------------------------------------------------------
// Template
// ---------------------------------------------------------------------------

bool is_id_start(char32_t c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_id_char(char32_t c) { return is_id_start(c) || (c >= '0' && c <= '9'); }

// One placeholder found in a template.
struct Placeholder {
  enum Kind { Escaped, Named, Braced, Invalid } kind;
  size_t start;  // index of the delimiter
  size_t end;    // one past the placeholder
  size_t name_start = 0, name_end = 0;
};

// Finds the next placeholder at or after `from`; false when none is left.
bool next_placeholder(const U& s, const U& delim, size_t from, Placeholder& out) {
  if (delim.empty()) return false;
  size_t p = s.find(delim, from);
  if (p == U::npos) return false;
  size_t q = p + delim.size();
  out.start = p;
  if (s.compare(q, delim.size(), delim) == 0) {
    out.kind = Placeholder::Escaped;
    out.end = q + delim.size();
    return true;
  }
  if (q < s.size() && is_id_start(s[q])) {
    size_t e = q + 1;
    while (e < s.size() && is_id_char(s[e])) ++e;
    out = {Placeholder::Named, p, e, q, e};
    return true;
  }
  if (q < s.size() && s[q] == '{' && q + 1 < s.size() && is_id_start(s[q + 1])) {
    size_t e = q + 2;
    while (e < s.size() && is_id_char(s[e])) ++e;
    if (e < s.size() && s[e] == '}') {
      out = {Placeholder::Braced, p, e + 1, q + 1, e};
      return true;
    }
  }
  out = {Placeholder::Invalid, p, q, q, q};
  return true;
}

// ValueError "Invalid placeholder in string: line L, col C" for an invalid
// placeholder whose text starts at index i (just after the delimiter).
std::nullptr_t invalid_placeholder(ThreadState* ts, const U& s, size_t i) {
  // As str.splitlines(keepends=True) of s[:i]: the line number counts the
  // breaks, the column is measured from the start of the last line.
  size_t line = 1, line_start = 0;
  for (size_t k = 0; k < i; ++k) {
    char32_t c = s[k];
    bool brk = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85 ||
               c == 0x2028 || c == 0x2029;
    if (!brk) continue;
    if (c == '\r' && k + 1 < i && s[k + 1] == '\n') ++k;
    if (k + 1 < i) {
      ++line;
      line_start = k + 1;
    }
  }
  size_t col = i == 0 ? 1 : i - line_start;
  return raise_format(ts, &exc::ValueError, "Invalid placeholder in string: line %zu, col %zu", line, col);
}

// self.template and self.delimiter as code points.
int template_texts(ThreadState* ts, Object* self, Ref& tmpl, U& text, U& delim) {
  Ref tname = Ref::steal(intern(ts, "template"));
  tmpl = Ref::steal(get_attr(ts, self, tname.get()));
  if (!tmpl) return -1;
  if (!is_str(tmpl.get())) {
    raise_format(ts, &exc::TypeError, "expected string or bytes-like object, got '%s'", tp_name(tmpl.get()));
    return -1;
  }
  Ref dname = Ref::steal(intern(ts, "delimiter"));
  Ref d = Ref::steal(get_attr(ts, self, dname.get()));
  if (!d) return -1;
  if (!is_str(d.get())) {
    raise_format(ts, &exc::TypeError, "expected str, got %s", tp_name(d.get()));
    return -1;
  }
  text = str_to_u32(tmpl.get());
  delim = str_to_u32(d.get());
  return 0;
}

// mapping[key], with keyword arguments looked up first (CPython's ChainMap).
Object* lookup_name(ThreadState* ts, Object* kws, Object* mapping, Object* key) {
  if (kws) {
    if (Object* v = dict_get_item_borrowed(ts, kws, key)) return new_ref(v);
    if (runtime::has_exception(ts)) return nullptr;
    if (!mapping) return raise_key_error_for(ts, key);
  }
  return get_item(ts, mapping, key);
}

Object* template_apply(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames,
                       bool safe) {
  const char* fname = safe ? "safe_substitute" : "substitute";
  if (nargs > 1) {
    return raise_format(ts, &exc::TypeError, "Template.%s() takes from 1 to 2 positional arguments but %zu were given",
                        fname, nargs + 1);
  }
  Object* mapping = nargs ? args[0] : nullptr;
  Ref kws;
  size_t nkw = kwnames_count(kwnames);
  if (nkw || !mapping) {
    kws = Ref::steal(dict_new(ts));
    if (!kws) return nullptr;
    for (size_t i = 0; i < nkw; ++i) {
      if (dict_set_item(ts, kws.get(), tuple_items(kwnames)[i], args[nargs + i]) < 0) return nullptr;
    }
  }
  Ref tmpl;
  U text, delim;
  if (template_texts(ts, self, tmpl, text, delim) < 0) return nullptr;
  U out;
  size_t pos = 0;
  Placeholder ph;
  while (next_placeholder(text, delim, pos, ph)) {
    out.append(text, pos, ph.start - pos);
    pos = ph.end;
    switch (ph.kind) {
      case Placeholder::Escaped:
        out += delim;
        break;
      case Placeholder::Invalid:
        if (!safe) return invalid_placeholder(ts, text, ph.name_start);
        out += delim;
        break;
      case Placeholder::Named:
      case Placeholder::Braced: {
        Ref key = Ref::steal(str_from_u32(ts, U(text, ph.name_start, ph.name_end - ph.name_start)));
        if (!key) return nullptr;
        Ref v = Ref::steal(lookup_name(ts, kws.get(), mapping, key.get()));
        if (!v) {
          if (safe && runtime::exception_matches(ts, &exc::KeyError)) {
            runtime::clear_exception(ts);
            out.append(text, ph.start, ph.end - ph.start);
            break;
          }
          return nullptr;
        }
        Ref s = Ref::steal(str(ts, v.get()));
        if (!s) return nullptr;
        out += str_to_u32(s.get());
        break;
      }
    }
  }
  out.append(text, pos, U::npos);
  return str_from_u32(ts, out);
}

Object* template_substitute(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return template_apply(ts, self, args, nargs, kwnames, false);
}
Object* template_safe_substitute(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return template_apply(ts, self, args, nargs, kwnames, true);
}

Object* template_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"template", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("Template.__init__", kParams);
  if (nargs == 0 && kwnames_count(kwnames) == 0) {
    return raise(ts, &exc::TypeError, "Template.__init__() missing 1 required positional argument: 'template'");
  }
  if (nargs > 1) {
    return raise_format(ts, &exc::TypeError, "Template.__init__() takes 2 positional arguments but %zu were given",
                        nargs + 1);
  }
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref tname = Ref::steal(intern(ts, "template"));
  if (set_attr(ts, self, tname.get(), av[0]) < 0) return nullptr;
  return new_ref(py_none());
}

Object* template_is_valid(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref tmpl;
  U text, delim;
  if (template_texts(ts, self, tmpl, text, delim) < 0) return nullptr;
  size_t pos = 0;
  Placeholder ph;
  while (next_placeholder(text, delim, pos, ph)) {
    if (ph.kind == Placeholder::Invalid) return new_ref(py_false());
    pos = ph.end;
  }
  return new_ref(py_true());
}

Object* template_get_identifiers(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  Ref tmpl;
  U text, delim;
  if (template_texts(ts, self, tmpl, text, delim) < 0) return nullptr;
  Ref ids = Ref::steal(list_new(ts, 0));
  if (!ids) return nullptr;
  size_t pos = 0;
  Placeholder ph;
  while (next_placeholder(text, delim, pos, ph)) {
    pos = ph.end;
    if (ph.kind == Placeholder::Named || ph.kind == Placeholder::Braced) {
      Ref key = Ref::steal(str_from_u32(ts, U(text, ph.name_start, ph.name_end - ph.name_start)));
      if (!key) return nullptr;
      int has = contains(ts, ids.get(), key.get());
      if (has < 0) return nullptr;
      if (!has && list_append(ts, ids.get(), key.get()) < 0) return nullptr;
    }
  }
  return ids.release();
}

const MethodDef template_methods[] = {
    {"__init__", template_init, kMethKeywords, nullptr},
    {"substitute", template_substitute, kMethKeywords, nullptr},
    {"safe_substitute", template_safe_substitute, kMethKeywords, nullptr},
    {"is_valid", template_is_valid, kMethNoArgs, nullptr},
    {"get_identifiers", template_get_identifiers, kMethNoArgs, nullptr},
    {},
};

// ---------------------------------------------------------------------------
// Formatter: the format-string grammar (CPython's _string.formatter_parser)
// ---------------------------------------------------------------------------

struct ParsedField {
  U literal;
  bool has_field = false;
  U name, spec;
  char32_t conversion = 0;
};

// Parses the field after '{' at s[i..]; i is left after the closing '}'.
bool parse_field(ThreadState* ts, const U& s, size_t& i, ParsedField& f) {
  size_t start = i;
  char32_t c = 0;
  while (i < s.size()) {
    c = s[i++];
    if (c == '{') {
      raise(ts, &exc::ValueError, "unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      while (i < s.size() && s[i] != ']') ++i;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  if (c == '!' || c == ':') {
    f.name = s.substr(start, i - 1 - start);
    if (c == '!') {
      if (i >= s.size()) {
        raise(ts, &exc::ValueError, "end of string while looking for conversion specifier");
        return false;
      }
      f.conversion = s[i++];
      if (i < s.size()) {
        char32_t d = s[i++];
        if (d == '}') return true;
        if (d != ':') {
          raise(ts, &exc::ValueError, "expected ':' after conversion specifier");
          return false;
        }
      }
    }
    size_t spec_start = i;
    int depth = 1;
    while (i < s.size()) {
      char32_t d = s[i++];
      if (d == '{') ++depth;
      else if (d == '}' && --depth == 0) {
        f.spec = s.substr(spec_start, i - 1 - spec_start);
        return true;
      }
    }
    raise(ts, &exc::ValueError, "unmatched '{' in format spec");
    return false;
  }
  if (c != '}') {
    raise(ts, &exc::ValueError, "expected '}' before end of string");
    return false;
  }
  f.name = s.substr(start, i - 1 - start);
  return true;
}

// The (literal, field_name, format_spec, conversion) tuples of a format string.
Object* parse_format_string(ThreadState* ts, Object* fmt) {
  if (!is_str(fmt)) return raise_format(ts, &exc::TypeError, "expected str, got %s", tp_name(fmt));
  U s = str_to_u32(fmt);
  Ref out = Ref::steal(list_new(ts, 0));
  if (!out) return nullptr;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t c = 0;
    bool markup = false;
    while (i < s.size()) {
      c = s[i++];
      if (c == '{' || c == '}') {
        markup = true;
        break;
      }
    }
    bool at_end = i >= s.size();
    size_t len = i - start;
    if (c == '}' && markup && (at_end || s[i] != '}')) return raise(ts, &exc::ValueError, "Single '}' encountered in format string");
    if (at_end && c == '{' && markup) return raise(ts, &exc::ValueError, "Single '{' encountered in format string");
    if (!at_end && markup) {
      if (s[i] == c) {
        ++i;
        markup = false;
      } else {
        --len;
      }
    }
    ParsedField f;
    f.literal = s.substr(start, len);
    if (markup) {
      f.has_field = true;
      if (!parse_field(ts, s, i, f)) return nullptr;
    }
    Ref lit = Ref::steal(str_from_u32(ts, f.literal));
    Ref tup;
    if (f.has_field) {
      Ref name = Ref::steal(str_from_u32(ts, f.name));
      Ref spec = Ref::steal(str_from_u32(ts, f.spec));
      Ref conv = Ref::steal(f.conversion ? str_from_char(ts, f.conversion) : new_ref(py_none()));
      if (!lit || !name || !spec || !conv) return nullptr;
      tup = Ref::steal(tuple_pack(ts, {lit.get(), name.get(), spec.get(), conv.get()}));
    } else {
      if (!lit) return nullptr;
      tup = Ref::steal(tuple_pack(ts, {lit.get(), py_none(), py_none(), py_none()}));
    }
    if (!tup || list_append(ts, out.get(), tup.get()) < 0) return nullptr;
  }
  return out.release();
}

bool all_digits(const U& s) {
  if (s.empty()) return false;
  for (char32_t c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// A field-name part: an int when it is all digits, else a str.
Object* field_key(ThreadState* ts, const U& s) {
  if (all_digits(s)) {
    std::string d(s.begin(), s.end());
    return int_from_string(ts, d.c_str(), d.size(), 10);
  }
  return str_from_u32(ts, s);
}

// Splits "a.b[0]" into the first part and a list of (is_attr, key) pairs.
int field_name_split(ThreadState* ts, Object* name, Ref& first, Ref& rest) {
  U s = str_to_u32(name);
  size_t i = 0;
  while (i < s.size() && s[i] != '.' && s[i] != '[') ++i;
  first = Ref::steal(field_key(ts, s.substr(0, i)));
  rest = Ref::steal(list_new(ts, 0));
  if (!first || !rest) return -1;
  while (i < s.size()) {
    char32_t c = s[i++];
    bool is_attr;
    U part;
    if (c == '.') {
      is_attr = true;
      size_t j = i;
      while (j < s.size() && s[j] != '.' && s[j] != '[') ++j;
      part = s.substr(i, j - i);
      i = j;
    } else if (c == '[') {
      is_attr = false;
      size_t j = i;
      while (j < s.size() && s[j] != ']') ++j;
      if (j >= s.size()) {
        raise(ts, &exc::ValueError, "Missing ']' in format string");
        return -1;
      }
      part = s.substr(i, j - i);
      i = j + 1;
    } else {
      raise(ts, &exc::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
      return -1;
    }
    if (part.empty()) {
      raise(ts, &exc::ValueError, "Empty attribute in format string");
      return -1;
    }
    Ref key = Ref::steal(field_key(ts, part));
    if (!key) return -1;
    Ref pair = Ref::steal(tuple_pack(ts, {py_bool(is_attr), key.get()}));
    if (!pair || list_append(ts, rest.get(), pair.get()) < 0) return -1;
  }
  return 0;
}

// self.<name>(*args): a new reference.
Object* call_self(ThreadState* ts, Object* self, const char* name, std::initializer_list<Object*> args) {
  Ref n = Ref::steal(intern(ts, name));
  if (!n) return nullptr;
  return call_method(ts, self, n.get(), args.begin(), args.size());
}

// Formatter._vformat: returns the formatted str; *auto_index is the next
// automatic argument number, or -1 once manual numbering was used.
Object* vformat_rec(ThreadState* ts, Object* self, Object* fmt, Object* args, Object* kwargs, Object* used,
                    int depth, int64_t* auto_index) {
  if (depth < 0) return raise(ts, &exc::ValueError, "Max string recursion exceeded");
  Ref parts = Ref::steal(call_self(ts, self, "parse", {fmt}));
  if (!parts) return nullptr;
  Ref it = Ref::steal(get_iter(ts, parts.get()));
  if (!it) return nullptr;
  U out;
  while (Object* p = iter_next(ts, it.get())) {
    Ref part = Ref::steal(p);
    Ref tup = Ref::steal(sequence_tuple(ts, p));
    if (!tup) return nullptr;
    if (tuple_size(tup.get()) != 4) {
      return raise_format(ts, &exc::ValueError, "too many values to unpack (expected 4)");
    }
    Object* literal = tuple_item_borrowed(tup.get(), 0);
    Object* field_name = tuple_item_borrowed(tup.get(), 1);
    Object* spec = tuple_item_borrowed(tup.get(), 2);
    Object* conversion = tuple_item_borrowed(tup.get(), 3);
    if (is_str(literal)) out += str_to_u32(literal);
    if (is_none(field_name)) continue;
    Ref name = Ref::borrow(field_name);
    if (is_str(field_name) && str_length(field_name) == 0) {
      if (*auto_index < 0) {
        return raise(ts, &exc::ValueError, "cannot switch from manual field specification to automatic field numbering");
      }
      name = Ref::steal(str_from_format(ts, "%lld", static_cast<long long>((*auto_index)++)));
      if (!name) return nullptr;
    } else if (is_str(field_name) && all_digits(str_to_u32(field_name))) {
      if (*auto_index > 0) {
        return raise(ts, &exc::ValueError, "cannot switch from manual field specification to automatic field numbering");
      }
      *auto_index = -1;
    }
    Ref got = Ref::steal(call_self(ts, self, "get_field", {name.get(), args, kwargs}));
    if (!got) return nullptr;
    Ref pair = Ref::steal(sequence_tuple(ts, got.get()));
    if (!pair) return nullptr;
    if (tuple_size(pair.get()) != 2) return raise(ts, &exc::ValueError, "too many values to unpack (expected 2)");
    if (set_add(ts, used, tuple_item_borrowed(pair.get(), 1)) < 0) return nullptr;
    Ref obj = Ref::steal(call_self(ts, self, "convert_field", {tuple_item_borrowed(pair.get(), 0), conversion}));
    if (!obj) return nullptr;
    Ref expanded = Ref::steal(vformat_rec(ts, self, spec, args, kwargs, used, depth - 1, auto_index));
    if (!expanded) return nullptr;
    Ref piece = Ref::steal(call_self(ts, self, "format_field", {obj.get(), expanded.get()}));
    if (!piece) return nullptr;
    if (!is_str(piece.get())) {
      return raise_format(ts, &exc::TypeError, "sequence item %zu: expected str instance, %s found", size_t{0},
                          tp_name(piece.get()));
    }
    out += str_to_u32(piece.get());
  }
  if (runtime::has_exception(ts)) return nullptr;
  return str_from_u32(ts, out);
}

Object* formatter_vformat(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"format_string", ParamKind::PositionalOrKeyword, kRequired},
                                      {"args", ParamKind::PositionalOrKeyword, kRequired},
                                      {"kwargs", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("vformat", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Ref used = Ref::steal(set_new(ts, nullptr));
  if (!used) return nullptr;
  int64_t auto_index = 0;
  Ref result = Ref::steal(vformat_rec(ts, self, av[0], av[1], av[2], used.get(), 2, &auto_index));
  if (!result) return nullptr;
  Ref chk = Ref::steal(call_self(ts, self, "check_unused_args", {used.get(), av[1], av[2]}));
  if (!chk) return nullptr;
  return result.release();
}

Object* formatter_format(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs == 0) {
    return raise(ts, &exc::TypeError, "Formatter.format() missing 1 required positional argument: 'format_string'");
  }
  Ref pos = Ref::steal(tuple_from_array(ts, args + 1, nargs - 1));
  Ref kw = Ref::steal(dict_new(ts));
  if (!pos || !kw) return nullptr;
  for (size_t i = 0; i < kwnames_count(kwnames); ++i) {
    if (dict_set_item(ts, kw.get(), tuple_items(kwnames)[i], args[nargs + i]) < 0) return nullptr;
  }
  return call_self(ts, self, "vformat", {args[0], pos.get(), kw.get()});
}

Object* formatter_get_value(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"key", ParamKind::PositionalOrKeyword, kRequired},
                                      {"args", ParamKind::PositionalOrKeyword, kRequired},
                                      {"kwargs", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("get_value", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  return get_item(ts, is_int(av[0]) ? av[1] : av[2], av[0]);
}

Object* formatter_check_unused_args(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"used_args", ParamKind::PositionalOrKeyword, kRequired},
                                      {"args", ParamKind::PositionalOrKeyword, kRequired},
                                      {"kwargs", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("check_unused_args", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  return new_ref(py_none());
}

Object* formatter_format_field(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"value", ParamKind::PositionalOrKeyword, kRequired},
                                      {"format_spec", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("format_field", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  return format(ts, av[0], av[1]);
}

Object* formatter_convert_field(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"value", ParamKind::PositionalOrKeyword, kRequired},
                                      {"conversion", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("convert_field", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  Object* conv = av[1];
  if (is_none(conv)) return new_ref(av[0]);
  if (is_str(conv) && str_length(conv) == 1) {
    switch (str_char_at(conv, 0)) {
      case 's': return str(ts, av[0]);
      case 'r': return repr(ts, av[0]);
      case 'a': return ascii(ts, av[0]);
      default: break;
    }
  }
  Ref s = Ref::steal(str(ts, conv));
  if (!s) return nullptr;
  return raise_format(ts, &exc::ValueError, "Unknown conversion specifier %s", utf8_of(ts, s.get()));
}

Object* formatter_parse(ThreadState* ts, Object*, Object* const* args, size_t, Object*) {
  Ref parts = Ref::steal(parse_format_string(ts, args[0]));
  if (!parts) return nullptr;
  return get_iter(ts, parts.get());
}

Object* formatter_get_field(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static constexpr Param kParams[] = {{"field_name", ParamKind::PositionalOrKeyword, kRequired},
                                      {"args", ParamKind::PositionalOrKeyword, kRequired},
                                      {"kwargs", ParamKind::PositionalOrKeyword, kRequired}};
  static constexpr Signature kSig("get_field", kParams);
  ArgValues av;
  if (parse_args(ts, kSig, args, nargs, kwnames, av) < 0) return nullptr;
  if (!is_str(av[0])) return raise_format(ts, &exc::TypeError, "expected str, got %s", tp_name(av[0]));
  Ref first, rest;
  if (field_name_split(ts, av[0], first, rest) < 0) return nullptr;
  Ref obj = Ref::steal(call_self(ts, self, "get_value", {first.get(), av[1], av[2]}));
  if (!obj) return nullptr;
  for (int64_t i = 0; i < list_size(rest.get()); ++i) {
    Object* pair = list_items(rest.get())[i];
    Object* key = tuple_item_borrowed(pair, 1);
    obj = Ref::steal(tuple_item_borrowed(pair, 0) == py_true() ? get_attr(ts, obj.get(), key)
                                                               : get_item(ts, obj.get(), key));
    if (!obj) return nullptr;
  }
  return tuple_pack(ts, {obj.get(), first.get()});
}

const MethodDef formatter_methods[] = {
    {"format", formatter_format, kMethKeywords, nullptr},
    {"vformat", formatter_vformat, kMethKeywords, nullptr},
    {"get_value", formatter_get_value, kMethKeywords, nullptr},
    {"check_unused_args", formatter_check_unused_args, kMethKeywords, nullptr},
    {"format_field", formatter_format_field, kMethKeywords, nullptr},
    {"convert_field", formatter_convert_field, kMethKeywords, nullptr},
    {"parse", formatter_parse, kMethO, nullptr},
    {"get_field", formatter_get_field, kMethKeywords, nullptr},
    {},
};

// A heap class of module `string` with the given methods and attributes.
Object* make_string_class(ThreadState* ts, const char* name, const char* doc, const MethodDef* methods,
                          std::initializer_list<std::pair<const char*, Object*>> attrs) {
  Ref ns = Ref::steal(dict_new(ts));
  Ref mod = Ref::steal(str_from_cstr(ts, "string"));
  Ref d = Ref::steal(doc ? str_from_cstr(ts, doc) : new_ref(py_none()));
  if (!ns || !mod || !d || dict_set_item_str(ts, ns.get(), "__module__", mod.get()) < 0 ||
      dict_set_item_str(ts, ns.get(), "__doc__", d.get()) < 0) {
    return nullptr;
  }
  for (auto& [k, v] : attrs) {
    Ref value = Ref::steal(v);
    if (!value || dict_set_item_str(ts, ns.get(), k, value.get()) < 0) return nullptr;
  }
  Ref cls = Ref::steal(make_class(ts, &type_type, name, {}, ns.get()));
  if (!cls) return nullptr;
  for (const MethodDef* m = methods; m->name; ++m) {
    if (add_method(ts, cls.get(), m) < 0) return nullptr;
  }
  return cls.release();
}

const MethodDef string_functions[] = {
    {"capwords", string_capwords, kMethKeywords,
     "capwords(s [,sep]) -> string\n\nSplit the argument into words using split, capitalize each\nword using "
     "capitalize, and join the capitalized words using\njoin.  If the optional second argument sep is absent or "
     "None,\nruns of whitespace characters are replaced by a single space\nand leading and trailing whitespace are "
     "removed, otherwise\nsep is used to split and join the words."},
    {},
};

}  // namespace

Object* init_string_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "string", string_functions,
                                       "A collection of string constants."));
  if (!m) return nullptr;
  std::string lower = kLower, upper = kUpper, digits = kDigits;
  std::string letters = lower + upper;
  if (add_str(ts, m.get(), "whitespace", kWhitespace) < 0 || add_str(ts, m.get(), "ascii_lowercase", lower) < 0 ||
      add_str(ts, m.get(), "ascii_uppercase", upper) < 0 || add_str(ts, m.get(), "ascii_letters", letters) < 0 ||
      add_str(ts, m.get(), "digits", digits) < 0 ||
      add_str(ts, m.get(), "hexdigits", digits + "abcdef" + "ABCDEF") < 0 ||
      add_str(ts, m.get(), "octdigits", "01234567") < 0 || add_str(ts, m.get(), "punctuation", kPunctuation) < 0 ||
      add_str(ts, m.get(), "printable", digits + letters + kPunctuation + kWhitespace) < 0) {
    return nullptr;
  }
  if (add_object(ts, m.get(), "Template",
                 make_string_class(ts, "Template", "A string class for supporting $-substitutions.", template_methods,
                                   {{"delimiter", str_from_cstr(ts, "$")},
                                    {"idpattern", str_from_cstr(ts, "(?a:[_a-z][_a-z0-9]*)")},
                                    {"braceidpattern", new_ref(py_none())}})) < 0 ||
      add_object(ts, m.get(), "Formatter", make_string_class(ts, "Formatter", nullptr, formatter_methods, {})) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace spindle::modules
