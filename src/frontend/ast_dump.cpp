// ast.dump() and repr() of constants, byte-for-byte as CPython 3.11 prints
// them (Lib/ast.py `dump` with its defaults, Objects/*object.c reprs).
//
// Invariants: the printer is expanded from ast_nodes.def / ast_enums.def and
// never names a node class by hand; optional fields holding None are left
// out, None inside a list prints `None`, every other field is printed as
// `name=value` in declaration order.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "frontend/ast.h"
#include "unicode/unicode_db.h"
#include "unicode/utf8.h"

namespace spindle::frontend::ast {

// --- names -----------------------------------------------------------------------
const char* kind_name(NodeKind k) {
  switch (k) {
#define AST_NODE(Base, Name, FIELDS) \
  case NodeKind::Name:               \
    return #Name;
#include "frontend/ast_nodes.def"
#undef AST_NODE
  }
  return "?";
}

#define AST_VALUE(Name) \
  case E::Name:         \
    return #Name;
#define AST_ENUM(CppType, asdl_name, VALUES) \
  const char* enum_name(CppType v) {         \
    using E = CppType;                       \
    switch (v) { VALUES }                    \
    return "?";                              \
  }
#include "frontend/ast_enums.def"
#undef AST_ENUM
#undef AST_VALUE

// --- repr of constants --------------------------------------------------------------
namespace {

void append_hex(std::string& out, char prefix, uint32_t v, int digits) {
  static const char kHex[] = "0123456789abcdef";
  out += '\\';
  out += prefix;
  for (int i = digits - 1; i >= 0; i--) out += kHex[(v >> (4 * i)) & 0xF];
}

// str.__repr__: single quotes unless the text has ' and no ".
void repr_str(std::string& out, std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  out += quote;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t len = unicode::decode_utf8(s, i, cp, /*allow_surrogates=*/true);
    if (len == 0) {  // not expected in well-formed text; show the byte
      append_hex(out, 'x', static_cast<unsigned char>(s[i]), 2);
      i++;
      continue;
    }
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      append_hex(out, 'x', cp, 2);
    } else if (cp < 0x7F) {
      out += static_cast<char>(cp);
    } else if (!unicode::is_printable(cp)) {
      if (cp <= 0xFF) append_hex(out, 'x', cp, 2);
      else if (cp <= 0xFFFF) append_hex(out, 'u', cp, 4);
      else append_hex(out, 'U', cp, 8);
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  out += quote;
}

void repr_bytes(std::string& out, std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  out += 'b';
  out += quote;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      append_hex(out, 'x', c, 2);
    } else {
      out += ch;
    }
  }
  out += quote;
}

// float.__repr__ ('r' format): shortest round-trip digits, positional when
// the decimal exponent is in [-4, 16), otherwise d.ddde+XX. `add_dot_0`
// distinguishes float repr (1.0) from the parts of a complex repr (1).
void repr_double(std::string& out, double d, bool add_dot_0) {
  if (std::isnan(d)) {
    out += "nan";
    return;
  }
  if (std::isinf(d)) {
    out += d < 0 ? "-inf" : "inf";
    return;
  }
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view sci(buf, size_t(res.ptr - buf));
  bool neg = false;
  if (!sci.empty() && sci[0] == '-') {
    neg = true;
    sci.remove_prefix(1);
  }
  size_t epos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, epos))
    if (c != '.') digits += c;
  int exp10 = std::atoi(std::string(sci.substr(epos + 1)).c_str());
  // Strip trailing zeros (to_chars gives none for shortest, but 0 -> "0e+00").
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int decpt = exp10 + 1;  // position of the decimal point relative to digits
  if (neg) out += '-';
  if (decpt > -4 && decpt <= 16) {
    // Positional.
    if (decpt <= 0) {
      out += "0.";
      out.append(size_t(-decpt), '0');
      out += digits;
    } else if (size_t(decpt) >= digits.size()) {
      out += digits;
      out.append(size_t(decpt) - digits.size(), '0');
      if (add_dot_0) out += ".0";
    } else {
      out.append(digits, 0, size_t(decpt));
      out += '.';
      out.append(digits, size_t(decpt), std::string::npos);
    }
    return;
  }
  out += digits[0];
  if (digits.size() > 1) {
    out += '.';
    out.append(digits, 1, std::string::npos);
  }
  out += 'e';
  int e = decpt - 1;
  out += e < 0 ? '-' : '+';
  if (e < 0) e = -e;
  if (e < 10) out += '0';
  out += std::to_string(e);
}

void repr_complex(std::string& out, double re, double im) {
  if (re == 0.0 && !std::signbit(re)) {
    repr_double(out, im, false);
    out += 'j';
    return;
  }
  out += '(';
  repr_double(out, re, false);
  if (!std::signbit(im) || std::isnan(im)) out += '+';
  repr_double(out, im, false);
  out += "j)";
}

void repr_constant(std::string& out, const ConstantValue& v) {
  switch (v.kind) {
    case ConstantKind::None: out += "None"; return;
    case ConstantKind::Bool: out += v.boolean ? "True" : "False"; return;
    case ConstantKind::Ellipsis: out += "Ellipsis"; return;
    case ConstantKind::Int: out += std::to_string(v.integer); return;
    case ConstantKind::BigInt: out += v.text; return;
    case ConstantKind::Float: repr_double(out, v.real, true); return;
    case ConstantKind::Complex: repr_complex(out, v.real, v.imag); return;
    case ConstantKind::Str: repr_str(out, v.text); return;
    case ConstantKind::Bytes: repr_bytes(out, v.text); return;
    case ConstantKind::Tuple:
      out += '(';
      for (size_t i = 0; i < v.items.size(); i++) {
        if (i) out += ", ";
        repr_constant(out, v.items[i]);
      }
      if (v.items.size() == 1) out += ',';
      out += ')';
      return;
    case ConstantKind::FrozenSet:
      if (v.items.empty()) {
        out += "frozenset()";
        return;
      }
      out += "frozenset({";
      for (size_t i = 0; i < v.items.size(); i++) {
        if (i) out += ", ";
        repr_constant(out, v.items[i]);
      }
      out += "})";
      return;
  }
}

// --- the dumper ------------------------------------------------------------------------
void dump_node(std::string& out, const Node* n);

void dump_ident(std::string& out, Str s) { repr_str(out, s); }

template <class T>
void dump_seq(std::string& out, Seq<T*> seq) {
  out += '[';
  for (size_t i = 0; i < seq.size(); i++) {
    if (i) out += ", ";
    if (seq[i]) dump_node(out, seq[i]);
    else out += "None";
  }
  out += ']';
}

void dump_node(std::string& out, const Node* n) {
  // `sep` is emitted before every printed field but the first.
  const char* sep = "";
  auto field = [&](const char* name) {
    out += sep;
    out += name;
    out += '=';
    sep = ", ";
  };
#define CHILD(T, f)       \
  field(#f);              \
  if (node->f) dump_node(out, node->f); \
  else out += "None";
#define OPT(T, f)         \
  if (node->f) {          \
    field(#f);            \
    dump_node(out, node->f); \
  }
#define SEQ(T, f) \
  field(#f);      \
  dump_seq(out, node->f);
#define IDENT(f) \
  field(#f);     \
  dump_ident(out, node->f);
#define OPT_IDENT(f)      \
  if (node->f.data()) {   \
    field(#f);            \
    dump_ident(out, node->f); \
  }
#define IDENT_SEQ(f)                          \
  field(#f);                                  \
  out += '[';                                 \
  for (size_t i = 0; i < node->f.size(); i++) { \
    if (i) out += ", ";                       \
    dump_ident(out, node->f[i]);              \
  }                                           \
  out += ']';
#define OPT_STR(f) OPT_IDENT(f)
#define STR(f) IDENT(f)
#define INT(f) \
  field(#f);   \
  out += std::to_string(node->f);
#define CONST(f) \
  field(#f);     \
  repr_constant(out, node->f);
#define ENUM(T, f)              \
  field(#f);                    \
  out += enum_name(node->f);    \
  out += "()";
#define ENUM_SEQ(T, f)                          \
  field(#f);                                    \
  out += '[';                                   \
  for (size_t i = 0; i < node->f.size(); i++) { \
    if (i) out += ", ";                         \
    out += enum_name(node->f[i]);               \
    out += "()";                                \
  }                                             \
  out += ']';
#define AST_NODE(Base, Name, FIELDS)                        \
  case NodeKind::Name: {                                    \
    [[maybe_unused]] auto* node = static_cast<const Name*>(n); \
    out += #Name;                                           \
    out += '(';                                             \
    FIELDS                                                  \
    out += ')';                                             \
    break;                                                  \
  }
  switch (n->kind) {
#include "frontend/ast_nodes.def"
  }
#include "frontend/ast_nodes_undef.inc"
}

}  // namespace

std::string constant_repr(const ConstantValue& v) {
  std::string out;
  repr_constant(out, v);
  return out;
}

std::string dump(const Node* n) {
  std::string out;
  if (n == nullptr) return "None";
  dump_node(out, n);
  return out;
}

}  // namespace spindle::frontend::ast
