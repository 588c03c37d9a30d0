// CodeObject support: constants, and the encoders/decoders of the exception
// table and the location table (formats in docs/internals/bytecode.md).
//
// Invariants: decode(encode(x)) == x for every table the assembler can
// produce; decoders never read past their input and report malformed bytes
// as nullopt instead of asserting (tables may later come from marshal data).
#include "vm/code.h"

#include <algorithm>
#include <climits>
#include <bit>
#include <cstdio>
#include <cstring>

#include "frontend/ast.h"
#include "vm/opcode.h"

namespace spindle::vm {

// ---------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------

CodeConstant CodeConstant::of_bool(bool b) {
  CodeConstant c;
  c.kind = Kind::Bool;
  c.boolean = b;
  return c;
}
CodeConstant CodeConstant::of_int(int64_t v) {
  CodeConstant c;
  c.kind = Kind::Int;
  c.integer = v;
  return c;
}
CodeConstant CodeConstant::of_str(std::string s) {
  CodeConstant c;
  c.kind = Kind::Str;
  c.text = std::move(s);
  return c;
}
CodeConstant CodeConstant::of_tuple(std::vector<CodeConstant> items) {
  CodeConstant c;
  c.kind = Kind::Tuple;
  c.items = std::move(items);
  return c;
}
CodeConstant CodeConstant::of_code(std::shared_ptr<const CodeObject> code) {
  CodeConstant c;
  c.kind = Kind::Code;
  c.code = std::move(code);
  return c;
}

CodeConstant CodeConstant::from_ast(const frontend::ast::ConstantValue& v) {
  using AK = frontend::ast::ConstantKind;
  CodeConstant c;
  switch (v.kind) {
    case AK::None: c.kind = Kind::None; break;
    case AK::Bool: c.kind = Kind::Bool; break;
    case AK::Ellipsis: c.kind = Kind::Ellipsis; break;
    case AK::Int: c.kind = Kind::Int; break;
    case AK::BigInt: c.kind = Kind::BigInt; break;
    case AK::Float: c.kind = Kind::Float; break;
    case AK::Complex: c.kind = Kind::Complex; break;
    case AK::Str: c.kind = Kind::Str; break;
    case AK::Bytes: c.kind = Kind::Bytes; break;
    case AK::Tuple: c.kind = Kind::Tuple; break;
    case AK::FrozenSet: c.kind = Kind::FrozenSet; break;
  }
  c.boolean = v.boolean;
  c.integer = v.integer;
  c.real = v.real;
  c.imag = v.imag;
  c.text = std::string(v.text);
  for (const auto& item : v.items) c.items.push_back(from_ast(item));
  return c;
}

namespace {

std::string double_bits(double d) {
  uint64_t bits = std::bit_cast<uint64_t>(d);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(bits));
  return buf;
}

// A view of an owned constant as the front end's value type, for
// constant_repr. `storage` keeps the item arrays alive.
frontend::ast::ConstantValue as_ast(const CodeConstant& c,
                                    std::vector<std::vector<frontend::ast::ConstantValue>>& storage) {
  using AK = frontend::ast::ConstantKind;
  using K = CodeConstant::Kind;
  frontend::ast::ConstantValue v;
  switch (c.kind) {
    case K::None: v.kind = AK::None; break;
    case K::Bool: v.kind = AK::Bool; break;
    case K::Ellipsis: v.kind = AK::Ellipsis; break;
    case K::Int: v.kind = AK::Int; break;
    case K::BigInt: v.kind = AK::BigInt; break;
    case K::Float: v.kind = AK::Float; break;
    case K::Complex: v.kind = AK::Complex; break;
    case K::Str: v.kind = AK::Str; break;
    case K::Bytes: v.kind = AK::Bytes; break;
    case K::Tuple: v.kind = AK::Tuple; break;
    case K::FrozenSet: v.kind = AK::FrozenSet; break;
    case K::Code: v.kind = AK::None; break;  // not reached: handled by repr()
  }
  v.boolean = c.boolean;
  v.integer = c.integer;
  v.real = c.real;
  v.imag = c.imag;
  v.text = c.text;
  if (!c.items.empty()) {
    std::vector<frontend::ast::ConstantValue> items;
    for (const auto& it : c.items) items.push_back(as_ast(it, storage));
    storage.push_back(std::move(items));
    v.items = std::span<const frontend::ast::ConstantValue>(storage.back());
  }
  return v;
}

bool contains_code(const CodeConstant& c) {
  if (c.kind == CodeConstant::Kind::Code) return true;
  return std::any_of(c.items.begin(), c.items.end(), contains_code);
}

}  // namespace

std::string CodeConstant::key() const {
  switch (kind) {
    case Kind::None: return "N";
    case Kind::Bool: return boolean ? "T" : "F";
    case Kind::Ellipsis: return ".";
    case Kind::Int: return "i" + std::to_string(integer);
    case Kind::BigInt: return "I" + text;
    case Kind::Float: return "f" + double_bits(real);
    case Kind::Complex: return "c" + double_bits(real) + double_bits(imag);
    case Kind::Str: return "s" + std::to_string(text.size()) + ":" + text;
    case Kind::Bytes: return "b" + std::to_string(text.size()) + ":" + text;
    case Kind::Tuple: {
      std::string k = "(";
      for (const auto& it : items) k += it.key() + ",";
      return k + ")";
    }
    case Kind::FrozenSet: {
      std::vector<std::string> keys;
      for (const auto& it : items) keys.push_back(it.key());
      std::sort(keys.begin(), keys.end());
      std::string k = "{";
      for (const auto& s : keys) k += s + ",";
      return k + "}";
    }
    case Kind::Code: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "C%p", static_cast<const void*>(code.get()));
      return buf;
    }
  }
  return "?";
}

std::string CodeConstant::repr() const {
  if (kind == Kind::Code) {
    if (!code) return "<code object ?>";
    return "<code object " + code->name + ", file \"" + code->filename + "\", line " +
           std::to_string(code->firstlineno) + ">";
  }
  if (contains_code(*this)) {
    // Only reachable for hand-built constants; keep it readable.
    std::string r = kind == Kind::Tuple ? "(" : "frozenset({";
    for (size_t i = 0; i < items.size(); ++i) r += (i ? ", " : "") + items[i].repr();
    if (kind == Kind::Tuple && items.size() == 1) r += ",";
    return r + (kind == Kind::Tuple ? ")" : "})");
  }
  // The spans point into the inner vectors' heap buffers, which moving the
  // inner vectors (when `storage` grows) leaves in place.
  std::vector<std::vector<frontend::ast::ConstantValue>> storage;
  return frontend::ast::constant_repr(as_ast(*this, storage));
}

bool CodeConstant::truthy() const {
  switch (kind) {
    case Kind::None: return false;
    case Kind::Bool: return boolean;
    case Kind::Ellipsis: return true;
    case Kind::Int: return integer != 0;
    case Kind::BigInt: return true;  // out of int64 range, so never zero
    case Kind::Float: return real != 0.0;
    case Kind::Complex: return real != 0.0 || imag != 0.0;
    case Kind::Str:
    case Kind::Bytes: return !text.empty();
    case Kind::Tuple:
    case Kind::FrozenSet: return !items.empty();
    case Kind::Code: return true;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Exception table
//
// Each entry is four numbers: start, length, target (code units) and
// depth << 1 | lasti. Each number is written in 6-bit groups, most
// significant first; bit 6 (0x40) marks "more groups follow"; bit 7 (0x80)
// is set on the first byte of an entry only.
// ---------------------------------------------------------------------------
namespace {

void put_except_varint(std::vector<uint8_t>& out, uint32_t value, uint8_t msb) {
  int shift = 0;
  while (shift + 6 < 32 && (value >> (shift + 6)) != 0) shift += 6;
  for (; shift > 0; shift -= 6) {
    out.push_back(static_cast<uint8_t>(((value >> shift) & 0x3F) | 0x40 | msb));
    msb = 0;
  }
  out.push_back(static_cast<uint8_t>((value & 0x3F) | msb));
}

bool get_except_varint(std::span<const uint8_t> in, size_t& pos, uint32_t& value) {
  value = 0;
  for (int n = 0; n < 6; ++n) {
    if (pos >= in.size()) return false;
    uint8_t b = in[pos++];
    value = (value << 6) | (b & 0x3F);
    if (!(b & 0x40)) return true;
  }
  return false;
}

}  // namespace

std::vector<uint8_t> encode_exception_table(std::span<const ExceptionTableEntry> entries) {
  std::vector<uint8_t> out;
  for (const auto& e : entries) {
    put_except_varint(out, static_cast<uint32_t>(e.start), 0x80);
    put_except_varint(out, static_cast<uint32_t>(e.end - e.start), 0);
    put_except_varint(out, static_cast<uint32_t>(e.target), 0);
    put_except_varint(out, (static_cast<uint32_t>(e.depth) << 1) | (e.lasti ? 1 : 0), 0);
  }
  return out;
}

namespace {
// Calls visit(entry) for each entry in order until it returns true. False if
// the bytes are malformed (the entries up to there were visited).
template <class Visit>
bool walk_exception_table(std::span<const uint8_t> bytes, Visit visit) {
  size_t pos = 0;
  while (pos < bytes.size()) {
    if (!(bytes[pos] & 0x80)) return false;
    uint32_t start, length, target, dl;
    if (!get_except_varint(bytes, pos, start) || !get_except_varint(bytes, pos, length) ||
        !get_except_varint(bytes, pos, target) || !get_except_varint(bytes, pos, dl))
      return false;
    if (start > INT32_MAX / 2 || length > INT32_MAX / 2 || target > INT32_MAX) return false;
    ExceptionTableEntry e;
    e.start = static_cast<int>(start);
    e.end = static_cast<int>(start + length);
    e.target = static_cast<int>(target);
    e.depth = static_cast<int>(dl >> 1);
    e.lasti = dl & 1;
    if (visit(e)) return true;
  }
  return true;
}
}  // namespace

std::optional<std::vector<ExceptionTableEntry>> decode_exception_table(std::span<const uint8_t> bytes) {
  std::vector<ExceptionTableEntry> out;
  if (!walk_exception_table(bytes, [&](const ExceptionTableEntry& e) {
        out.push_back(e);
        return false;
      }))
    return std::nullopt;
  return out;
}

// ---------------------------------------------------------------------------
// Location table
//
// Entries cover 1..8 code units. First byte: 0x80 | code << 3 | (units - 1).
//   code 15       no location
//   code 14       long form: svarint line delta, varint end line - line,
//                 varint col + 1, varint end col + 1   (0 = unknown column)
//   code 13       no columns: svarint line delta (end line = line)
//   codes 10..12  one line, line delta = code - 10: byte col, byte end col
//   codes 0..9    short form, same line: col = code * 8 + (b >> 4),
//                 end col = col + (b & 15) where b is the next byte
// varint: 6-bit groups, least significant first, 0x40 = more follow.
// svarint: varint of (v < 0 ? (-v) << 1 | 1 : v << 1).
// Line deltas are relative to the last entry that had a line (initially
// firstlineno).
// ---------------------------------------------------------------------------
namespace {

void put_varint(std::vector<uint8_t>& out, uint32_t v) {
  while (v >= 64) {
    out.push_back(static_cast<uint8_t>(0x40 | (v & 0x3F)));
    v >>= 6;
  }
  out.push_back(static_cast<uint8_t>(v));
}
void put_svarint(std::vector<uint8_t>& out, int v) {
  put_varint(out, v < 0 ? (static_cast<uint32_t>(-static_cast<int64_t>(v)) << 1) | 1
                        : static_cast<uint32_t>(v) << 1);
}
bool get_varint(std::span<const uint8_t> in, size_t& pos, uint32_t& v) {
  v = 0;
  for (int shift = 0; shift < 36; shift += 6) {
    if (pos >= in.size()) return false;
    uint8_t b = in[pos++];
    if (b & 0x80) return false;  // ran into the next entry
    v |= static_cast<uint32_t>(b & 0x3F) << shift;
    if (!(b & 0x40)) return true;
  }
  return false;
}
bool get_svarint(std::span<const uint8_t> in, size_t& pos, int& v) {
  uint32_t u;
  if (!get_varint(in, pos, u)) return false;
  int magnitude = static_cast<int>(u >> 1);  // < 2^31: fits
  v = (u & 1) ? -magnitude : magnitude;
  return true;
}

void put_entry(std::vector<uint8_t>& out, const Location& raw, int units, int& prev_line) {
  Location loc = raw;
  auto head = [&](int code) { out.push_back(static_cast<uint8_t>(0x80 | (code << 3) | (units - 1))); };
  if (!loc.has_line()) {
    head(15);
    return;
  }
  if (loc.end_lineno < loc.lineno) loc.end_lineno = loc.lineno;
  int delta = loc.lineno - prev_line;
  prev_line = loc.lineno;
  int col = loc.col_offset, end_col = loc.end_col_offset;
  if (col < 0 || end_col < 0) {
    if (loc.end_lineno == loc.lineno) {
      head(13);
      put_svarint(out, delta);
      return;
    }
    col = end_col = -1;
  } else if (loc.end_lineno == loc.lineno) {
    if (delta == 0 && col < 80 && end_col >= col && end_col - col < 16) {
      head(col / 8);
      out.push_back(static_cast<uint8_t>(((col % 8) << 4) | (end_col - col)));
      return;
    }
    if (delta >= 0 && delta < 3 && col < 128 && end_col < 128) {
      head(10 + delta);
      out.push_back(static_cast<uint8_t>(col));
      out.push_back(static_cast<uint8_t>(end_col));
      return;
    }
  }
  head(14);
  put_svarint(out, delta);
  put_varint(out, static_cast<uint32_t>(loc.end_lineno - loc.lineno));
  put_varint(out, static_cast<uint32_t>(col + 1));
  put_varint(out, static_cast<uint32_t>(end_col + 1));
}

}  // namespace

std::vector<uint8_t> encode_location_table(std::span<const Location> per_unit, int firstlineno) {
  std::vector<uint8_t> out;
  int prev_line = firstlineno;
  size_t i = 0;
  while (i < per_unit.size()) {
    size_t j = i + 1;
    while (j < per_unit.size() && j - i < 8 && per_unit[j] == per_unit[i]) ++j;
    put_entry(out, per_unit[i], static_cast<int>(j - i), prev_line);
    i = j;
  }
  return out;
}

namespace {
// Calls visit(range) for each range in order until it returns true. False
// if the bytes are malformed (the ranges up to there were visited).
template <class Visit>
bool walk_location_table(std::span<const uint8_t> bytes, int firstlineno, Visit visit) {
  size_t pos = 0;
  int line = firstlineno;
  int offset = 0;
  // Lines stay within int: a hostile table cannot overflow them.
  auto advance = [&line](int64_t delta) {
    int64_t next = static_cast<int64_t>(line) + delta;
    if (next < -1 || next > INT32_MAX / 2) return false;
    line = static_cast<int>(next);
    return true;
  };
  while (pos < bytes.size()) {
    uint8_t first = bytes[pos++];
    if (!(first & 0x80)) return false;
    int code = (first >> 3) & 15;
    int units = (first & 7) + 1;
    if (offset > INT32_MAX - 8) return false;
    LocationRange r;
    r.start = offset;
    r.end = offset + units;
    offset = r.end;
    if (code == 15) {
      if (visit(r)) return true;
      continue;
    }
    if (code == 14) {
      int delta;
      uint32_t dend, col1, ecol1;
      if (!get_svarint(bytes, pos, delta) || !get_varint(bytes, pos, dend) || !get_varint(bytes, pos, col1) ||
          !get_varint(bytes, pos, ecol1) || !advance(delta) || dend > INT32_MAX / 2 || col1 > INT32_MAX ||
          ecol1 > INT32_MAX)
        return false;
      r.loc = Location{line, line + static_cast<int>(dend), static_cast<int>(col1) - 1, static_cast<int>(ecol1) - 1};
    } else if (code == 13) {
      int delta;
      if (!get_svarint(bytes, pos, delta) || !advance(delta)) return false;
      r.loc = Location{line, line, -1, -1};
    } else if (code >= 10) {
      if (pos + 2 > bytes.size() || (bytes[pos] & 0x80) || (bytes[pos + 1] & 0x80) || !advance(code - 10))
        return false;
      r.loc = Location{line, line, bytes[pos], bytes[pos + 1]};
      pos += 2;
    } else {
      if (pos >= bytes.size() || (bytes[pos] & 0x80)) return false;
      uint8_t b = bytes[pos++];
      int col = code * 8 + (b >> 4);
      r.loc = Location{line, line, col, col + (b & 15)};
    }
    if (visit(r)) return true;
  }
  return true;
}
}  // namespace

std::optional<std::vector<LocationRange>> decode_location_table(std::span<const uint8_t> bytes,
                                                                int firstlineno) {
  std::vector<LocationRange> out;
  if (!walk_location_table(bytes, firstlineno, [&](const LocationRange& r) {
        out.push_back(r);
        return false;
      }))
    return std::nullopt;
  return out;
}

// ---------------------------------------------------------------------------
// CodeObject
// ---------------------------------------------------------------------------

std::string CodeObject::co_code_bytes() const {
  std::string s;
  s.reserve(code.size() * 2);
  for (CodeUnit u : code) {
    s.push_back(static_cast<char>(unit_opcode(u)));
    s.push_back(static_cast<char>(unit_oparg(u)));
  }
  return s;
}

// Both scan the encoded table up to the entry that covers `offset` (each
// raise asks; nothing is decoded into memory). Bytes that are malformed
// before that entry answer "none"; bytes after it are not looked at.
Location CodeObject::location_at(int offset) const {
  Location found;
  bool ok = walk_location_table(linetable, firstlineno, [&](const LocationRange& r) {
    if (offset < r.start || offset >= r.end) return false;
    found = r.loc;
    return true;
  });
  return ok ? found : Location{};
}

std::optional<ExceptionTableEntry> CodeObject::handler_at(int offset) const {
  // Entries never overlap (the assembler emits the innermost handler only).
  std::optional<ExceptionTableEntry> found;
  bool ok = walk_exception_table(exceptiontable, [&](const ExceptionTableEntry& e) {
    if (offset < e.start || offset >= e.end) return false;
    found = e;
    return true;
  });
  return ok ? found : std::nullopt;
}

// ---------------------------------------------------------------------------
// Oparg enumerations (opcode.h)
// ---------------------------------------------------------------------------

const char* binary_op_symbol(int oparg) {
  static constexpr const char* kSymbols[] = {
#define BINARY_OP_KIND(NAME, sym) sym,
#include "vm/binary_ops.def"
#undef BINARY_OP_KIND
  };
  if (oparg < 0 || oparg >= static_cast<int>(std::size(kSymbols))) return nullptr;
  return kSymbols[oparg];
}

const char* intrinsic1_name(int oparg) {
  static constexpr const char* kNames[] = {
#define INTRINSIC_1(NAME, doc) "INTRINSIC_" #NAME,
#define INTRINSIC_2(NAME, doc)
#include "vm/intrinsics.def"
#undef INTRINSIC_1
#undef INTRINSIC_2
  };
  if (oparg < 0 || oparg >= static_cast<int>(std::size(kNames))) return nullptr;
  return kNames[oparg];
}

const char* intrinsic2_name(int oparg) {
  static constexpr const char* kNames[] = {
#define INTRINSIC_1(NAME, doc)
#define INTRINSIC_2(NAME, doc) "INTRINSIC_" #NAME,
#include "vm/intrinsics.def"
#undef INTRINSIC_1
#undef INTRINSIC_2
  };
  if (oparg < 0 || oparg >= static_cast<int>(std::size(kNames))) return nullptr;
  return kNames[oparg];
}

}  // namespace spindle::vm
