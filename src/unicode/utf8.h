// UTF-8 encoding and decoding, shared by every layer that handles text.
//
// Spindle keeps text as "generalized" UTF-8: lone surrogates (U+D800..U+DFFF),
// which Python strings may contain, are encoded as ordinary 3-byte sequences.
// decode_utf8 is strict by default (it rejects surrogates, overlong forms and
// code points above U+10FFFF, as Python's utf-8 codec does) and lenient when
// asked, for reading text that Spindle itself produced.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace spindle::unicode {

// Decodes the code point starting at s[pos]. Returns its length in bytes
// (1..4), or 0 if the bytes there are not valid UTF-8.
[[nodiscard]] inline size_t decode_utf8(std::string_view s, size_t pos, char32_t& cp,
                                        bool allow_surrogates = false) {
  auto byte = [&](size_t i) -> uint32_t { return static_cast<unsigned char>(s[i]); };
  if (pos >= s.size()) return 0;
  uint32_t b0 = byte(pos);
  if (b0 < 0x80) { cp = b0; return 1; }
  size_t len;
  uint32_t min;
  if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
  else return 0;
  if (pos + len > s.size()) return 0;
  for (size_t i = 1; i < len; i++) {
    uint32_t b = byte(pos + i);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF) return 0;
  if (!allow_surrogates && cp >= 0xD800 && cp <= 0xDFFF) return 0;
  return len;
}

inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Number of code points in a (generalized) UTF-8 string; invalid bytes count
// as one each. Used to turn byte columns into the character columns that
// SyntaxError reports.
[[nodiscard]] inline size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t len = decode_utf8(s, i, cp, /*allow_surrogates=*/true);
    i += len ? len : 1;
    n++;
  }
  return n;
}

}  // namespace spindle::unicode
