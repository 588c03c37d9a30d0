// The unicodedata module over Spindle's Unicode 14.0 tables
// (src/unicode/unicode_db.h): names and lookup, the per-character properties,
// normalization, with CPython 3.11's argument checks and messages.
//
// Not provided: the ucd_3_2_0 object (UCD type) and _ucnhash_CAPI.
#include <string>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "unicode/unicode_db.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

namespace {

// Positional-only arity check worded as CPython's for this module.
bool check_args(ThreadState* ts, const char* name, size_t nargs, Object* kwnames, size_t lo, size_t hi) {
  if (kwnames_count(kwnames)) {
    raise_format(ts, &exc::TypeError, "unicodedata.%s() takes no keyword arguments", name);
    return false;
  }
  if (lo == 1 && hi == 1) {
    if (nargs != 1) {
      raise_format(ts, &exc::TypeError, "unicodedata.%s() takes exactly one argument (%zu given)", name, nargs);
      return false;
    }
    return true;
  }
  return check_nargs(ts, name, nargs, lo, hi) == 0;
}

// The code point of a one-character str argument, or -1 with TypeError.
// `numbered`: the message says "argument 1" (functions of two parameters).
int64_t char_arg(ThreadState* ts, const char* fname, Object* o, bool numbered) {
  if (is_str(o) && str_length(o) == 1) return str_char_at(o, 0);
  raise_format(ts, &exc::TypeError, "%s() argument%s must be a unicode character, not %s", fname,
               numbered ? " 1" : "", type_name(o->ob_type));
  return -1;
}

// A function of one character: f(chr, /).
template <Object* (*F)(ThreadState*, char32_t), const char* const* Name>
Object* one_char(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_args(ts, *Name, nargs, kwnames, 1, 1)) return nullptr;
  int64_t cp = char_arg(ts, *Name, args[0], false);
  if (cp < 0) return nullptr;
  return F(ts, static_cast<char32_t>(cp));
}

Object* category_of(ThreadState* ts, char32_t cp) { return str_from(ts, unicode::category(cp)); }
Object* bidirectional_of(ThreadState* ts, char32_t cp) { return str_from(ts, unicode::bidirectional(cp)); }
Object* combining_of(ThreadState* ts, char32_t cp) { return int_from_i64(ts, unicode::combining_class(cp)); }
Object* mirrored_of(ThreadState* ts, char32_t cp) { return int_from_i64(ts, unicode::is_mirrored(cp) ? 1 : 0); }
Object* decomposition_of(ThreadState* ts, char32_t cp) { return str_from(ts, unicode::decomposition_text(cp)); }
Object* east_asian_width_of(ThreadState* ts, char32_t cp) { return str_from(ts, unicode::east_asian_width(cp)); }

constexpr const char* kCategory = "category";
constexpr const char* kBidirectional = "bidirectional";
constexpr const char* kCombining = "combining";
constexpr const char* kMirrored = "mirrored";
constexpr const char* kDecomposition = "decomposition";
constexpr const char* kEastAsianWidth = "east_asian_width";

// f(chr, default=<none>, /): the value, else default, else ValueError.
Object* with_default(ThreadState* ts, const char* fname, Object* const* args, size_t nargs, Object* kwnames,
                     Object* (*value)(ThreadState*, char32_t), const char* missing) {
  if (!check_args(ts, fname, nargs, kwnames, 1, 2)) return nullptr;
  int64_t cp = char_arg(ts, fname, args[0], true);
  if (cp < 0) return nullptr;
  Object* v = value(ts, static_cast<char32_t>(cp));
  if (v || runtime::has_exception(ts)) return v;
  if (nargs > 1) return new_ref(args[1]);
  return raise(ts, &exc::ValueError, missing);
}

// nullptr without an exception = no value.
Object* decimal_of(ThreadState* ts, char32_t cp) {
  int v = unicode::decimal_value(cp);
  return v < 0 ? nullptr : int_from_i64(ts, v);
}
Object* digit_of(ThreadState* ts, char32_t cp) {
  int v = unicode::digit_value(cp);
  return v < 0 ? nullptr : int_from_i64(ts, v);
}
Object* numeric_of(ThreadState* ts, char32_t cp) {
  auto v = unicode::numeric_value(cp);
  return v ? float_from_double(ts, *v) : nullptr;
}
Object* name_of(ThreadState* ts, char32_t cp) {
  std::string n = unicode::name(cp);
  return n.empty() ? nullptr : str_from(ts, n);
}

Object* f_decimal(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  return with_default(ts, "decimal", a, n, k, decimal_of, "not a decimal");
}
Object* f_digit(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  return with_default(ts, "digit", a, n, k, digit_of, "not a digit");
}
Object* f_numeric(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  return with_default(ts, "numeric", a, n, k, numeric_of, "not a numeric character");
}
Object* f_name(ThreadState* ts, Object*, Object* const* a, size_t n, Object* k) {
  return with_default(ts, "name", a, n, k, name_of, "no such name");
}

Object* f_lookup(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_args(ts, "lookup", nargs, kwnames, 1, 1)) return nullptr;
  Object* o = args[0];
  std::string text;
  std::string_view v;
  if (is_str(o)) {
    text = std::string(str_view(ts, o));
  } else if (get_byteslike(o, &v) && !is_bytearray(o)) {
    text = std::string(v);
  } else {
    return raise_format(ts, &exc::TypeError, "a bytes-like object is required, not '%s'", type_name(o->ob_type));
  }
  if (text.size() > 256) return raise(ts, &exc::KeyError, "name too long");
  auto cp = unicode::lookup_name(text);
  if (!cp) {
    std::u32string seq = unicode::lookup_named_sequence(text);
    if (!seq.empty()) return str_from_u32(ts, seq);
    Ref msg = Ref::steal(str_from(ts, "undefined character name '" + text + "'"));
    if (!msg) return nullptr;
    Object* a = msg.get();
    Ref e = Ref::steal(call(ts, &exc::KeyError, &a, 1));
    if (e) runtime::raise_object(ts, e.get());
    return nullptr;
  }
  return str_from_char(ts, *cp);
}

// The normalization form named by `o`, or false with the exception set.
bool parse_form(ThreadState* ts, const char* fname, Object* o, unicode::NormalForm* out) {
  if (!is_str(o)) {
    raise_format(ts, &exc::TypeError, "%s() argument 1 must be str, not %s", fname, type_name(o->ob_type));
    return false;
  }
  std::string_view f = str_view(ts, o);
  if (f == "NFC") *out = unicode::NormalForm::NFC;
  else if (f == "NFD") *out = unicode::NormalForm::NFD;
  else if (f == "NFKC") *out = unicode::NormalForm::NFKC;
  else if (f == "NFKD") *out = unicode::NormalForm::NFKD;
  else {
    raise(ts, &exc::ValueError, "invalid normalization form");
    return false;
  }
  return true;
}

// normalize / is_normalized: the form, the text and its normalized form.
bool normalize_args(ThreadState* ts, const char* fname, Object* const* args, size_t nargs, Object* kwnames,
                    std::u32string* text, std::u32string* normalized) {
  if (!check_args(ts, fname, nargs, kwnames, 2, 2)) return false;
  if (!is_str(args[1])) {
    raise_format(ts, &exc::TypeError, "%s() argument 2 must be str, not %s", fname, type_name(args[1]->ob_type));
    return false;
  }
  unicode::NormalForm form;
  if (!parse_form(ts, fname, args[0], &form)) return false;
  *text = str_to_u32(args[1]);
  *normalized = unicode::normalize(form, *text);
  return true;
}

Object* f_normalize(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  std::u32string text, out;
  if (!normalize_args(ts, "normalize", args, nargs, kwnames, &text, &out)) return nullptr;
  if (out == text) return new_ref(args[1]);  // CPython hands back an already normalized input itself
  return str_from_u32(ts, out);
}

Object* f_is_normalized(ThreadState* ts, Object*, Object* const* args, size_t nargs, Object* kwnames) {
  std::u32string text, out;
  if (!normalize_args(ts, "is_normalized", args, nargs, kwnames, &text, &out)) return nullptr;
  return new_ref(py_bool(out == text));
}

const MethodDef unicodedata_functions[] = {
    {"bidirectional", one_char<bidirectional_of, &kBidirectional>, kMethKeywords,
     "Returns the bidirectional class assigned to the character chr as string."},
    {"category", one_char<category_of, &kCategory>, kMethKeywords,
     "Returns the general category assigned to the character chr as string."},
    {"combining", one_char<combining_of, &kCombining>, kMethKeywords,
     "Returns the canonical combining class assigned to the character chr as integer."},
    {"decimal", f_decimal, kMethKeywords, "Converts a Unicode character into its equivalent decimal value."},
    {"decomposition", one_char<decomposition_of, &kDecomposition>, kMethKeywords,
     "Returns the character decomposition mapping assigned to the character chr as string."},
    {"digit", f_digit, kMethKeywords, "Converts a Unicode character into its equivalent digit value."},
    {"east_asian_width", one_char<east_asian_width_of, &kEastAsianWidth>, kMethKeywords,
     "Returns the east asian width assigned to the character chr as string."},
    {"is_normalized", f_is_normalized, kMethKeywords,
     "Return whether the Unicode string unistr is in the normal form 'form'."},
    {"lookup", f_lookup, kMethKeywords, "Look up character by name."},
    {"mirrored", one_char<mirrored_of, &kMirrored>, kMethKeywords,
     "Returns the mirrored property assigned to the character chr as integer."},
    {"name", f_name, kMethKeywords, "Returns the name assigned to the character chr as a string."},
    {"normalize", f_normalize, kMethKeywords, "Return the normal form 'form' for the Unicode string unistr."},
    {"numeric", f_numeric, kMethKeywords, "Converts a Unicode character into its equivalent numeric value."},
    {},
};

}  // namespace

Object* init_unicodedata_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(
      ts, "unicodedata", unicodedata_functions,
      "This module provides access to the Unicode Character Database which\n"
      "defines character properties for all Unicode characters. The data in\n"
      "this database is based on the UnicodeData.txt file version\n14.0.0 which is publicly available from "
      "ftp://ftp.unicode.org/.\n"));
  if (!m) return nullptr;
  if (add_str(ts, m.get(), "unidata_version", unicode::unidata_version()) < 0) return nullptr;
  return m.release();
}

}  // namespace spindle::modules
