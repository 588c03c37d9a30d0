// Source decoding: BOM, PEP 263 coding cookie, iconv, universal newlines.
//
// Mirrors how CPython 3.11's file tokenizer reads a script: the cookie is
// looked for on the first two raw lines; the rest is read line by line, and
// a line that holds a NUL byte or (with no declared encoding) invalid UTF-8
// raises only when the reader reaches it. We decode the whole file up front
// and park such an error in SourceText::deferred_error at that line.
#include "frontend/source.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "unicode/utf8.h"

namespace spindle::frontend {

std::string_view SourceText::line(int lineno) const {
  if (lineno < 1 || lineno > line_count()) return {};
  size_t b = size_t(line_starts[lineno - 1]);
  size_t e = lineno < line_count() ? size_t(line_starts[lineno]) : text.size();
  return std::string_view(text).substr(b, e - b);
}

size_t SourceText::offset_of(int lineno, int byte_col) const {
  if (lineno < 1) return 0;
  if (lineno > line_count()) return text.size();
  size_t off = size_t(line_starts[lineno - 1]) + size_t(std::max(byte_col, 0));
  return std::min(off, text.size());
}

int char_column(const SourceText& src, int lineno, int byte_col) {
  std::string_view line = src.line(lineno);
  if (byte_col < 0) byte_col = 0;
  if (size_t(byte_col) > line.size()) byte_col = int(line.size());
  return int(unicode::count_code_points(line.substr(0, size_t(byte_col))));
}

bool find_utf8_error(std::string_view s, Utf8Error& out) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  size_t n = s.size();
  for (size_t i = 0; i < n;) {
    unsigned b = byte(i);
    if (b < 0x80) { i++; continue; }
    if (b < 0xC2 || b > 0xF4) { out = {i, 1, "invalid start byte"}; return true; }
    size_t need = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
    // The second byte's range excludes overlongs, surrogates and > U+10FFFF.
    unsigned lo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
    unsigned hi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
    for (size_t k = 1; k <= need; k++) {
      if (i + k >= n) { out = {i, n - i, "unexpected end of data"}; return true; }
      unsigned c = byte(i + k);
      if (k > 1) { lo = 0x80; hi = 0xBF; }
      if (c < lo || c > hi) { out = {i, k, "invalid continuation byte"}; return true; }
    }
    i += need + 1;
  }
  return false;
}

std::string utf8_error_message(std::string_view s, const Utf8Error& e) {
  char buf[200];
  if (e.len == 1)
    std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                  static_cast<unsigned char>(s[e.pos]), e.pos, e.reason);
  else
    std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                  e.pos, e.pos + e.len - 1, e.reason);
  return buf;
}

std::string utf8_replace(std::string_view s) {
  std::string out;
  Utf8Error e;
  while (find_utf8_error(s, e)) {
    out.append(s.substr(0, e.pos));
    out += "\xEF\xBF\xBD";
    s.remove_prefix(e.pos + e.len);
  }
  out.append(s);
  return out;
}

int replaced_char_count(std::string_view s) {
  int n = 0;
  Utf8Error e;
  while (find_utf8_error(s, e)) {
    n += int(unicode::count_code_points(s.substr(0, e.pos))) + 1;
    s.remove_prefix(e.pos + e.len);
  }
  return n + int(unicode::count_code_points(s));
}

std::string error_line_text(const SourceText& src, int lineno) {
  std::string_view line = src.line(lineno);
  if (src.hide_added_newline && lineno == src.line_count() && !line.empty()) line.remove_suffix(1);
  std::string text = lineno == 1 && src.bom_in_first_line ? "\xEF\xBB\xBF" : "";
  if (src.unchecked_utf8)
    text += utf8_replace(line);
  else
    text.append(line);
  return text;
}

void set_error_location(SyntaxErrorInfo& err, const SourceText& src, std::string_view filename,
                        int lineno, int byte_col, int end_lineno, int end_byte_col) {
  // CPython converts (col + 1) bytes of the *start* line to characters, for
  // both ends, clipping at len + 1 (_PyPegen_byte_offset_to_character_offset).
  // It counts in the line as it shows it (BOM, U+FFFD for invalid bytes), so
  // a column can even cut a character in two: that piece counts as one.
  std::string shown = error_line_text(src, lineno);
  std::string_view line = shown;
  auto convert = [&](int col1) -> int {
    long n = col1;
    long len = long(line.size());
    if (!line.empty() && line.back() == '\n') len--;
    if (n > len + 1) n = len + 1;
    if (n <= len) return replaced_char_count(line.substr(0, size_t(n)));
    return replaced_char_count(line.substr(0, size_t(len))) + int(n - len);
  };
  err.filename = std::string(filename);
  err.lineno = lineno;
  err.end_lineno = end_lineno;
  if (src.char_columns) {
    err.offset = convert(byte_col + 1);
    err.end_offset = end_byte_col < 0 ? 0 : convert(end_byte_col + 1);
  } else {
    err.offset = byte_col + 1;
    err.end_offset = end_byte_col < 0 ? 0 : end_byte_col + 1;
  }
  err.text = std::move(shown);
  err.has_text = true;
}

namespace {

void build_line_table(SourceText& out) {
  out.newline_added = !out.text.empty() && out.text.back() != '\n';
  if (out.newline_added) out.text += '\n';
  out.line_starts.clear();
  out.line_starts.push_back(0);
  const std::string& t = out.text;
  for (size_t i = 0; i < t.size(); i++)
    if (t[i] == '\n' && i + 1 < t.size()) out.line_starts.push_back(int(i + 1));
}

// Appends `s` to `out` with "\r\n" and lone "\r" turned into "\n".
void append_universal_newlines(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t r = s.find('\r', i);
    if (r == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, r - i));
    out += '\n';
    i = r + 1;
    if (i < s.size() && s[i] == '\n') i++;
  }
}

// Lowercases, '_' → '-', then maps utf-8 and latin-1 spellings to their
// canonical names, as CPython's get_normal_name (first 12 chars only).
std::string normal_encoding_name(std::string_view s) {
  std::string buf;
  for (size_t i = 0; i < s.size() && i < 12; i++) {
    char c = s[i];
    buf += c == '_' ? '-' : char(std::tolower(static_cast<unsigned char>(c)));
  }
  auto is_or_prefixed = [&](std::string_view name) {
    return buf == name || (buf.size() > name.size() && buf.compare(0, name.size(), name) == 0 &&
                           buf[name.size()] == '-');
  };
  if (is_or_prefixed("utf-8")) return "utf-8";
  if (is_or_prefixed("latin-1") || is_or_prefixed("iso-8859-1") || is_or_prefixed("iso-latin-1"))
    return "iso-8859-1";
  return std::string(s);
}

// The cookie of one raw line (without its newline), or "" if none; as
// CPython's get_coding_spec: optional blanks, '#', then the first "coding"
// followed by ':' or '=', blanks, and a name of [-\w.] characters.
std::string find_cookie(std::string_view line, bool& is_comment_or_blank) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) i++;
  is_comment_or_blank = i == line.size() || line[i] == '#' || line[i] == '\r';
  if (i == line.size() || line[i] != '#') return "";
  for (size_t k = i; k + 6 <= line.size(); k++) {
    if (line.compare(k, 6, "coding") != 0) continue;
    size_t p = k + 6;
    if (p >= line.size() || (line[p] != ':' && line[p] != '=')) continue;
    p++;
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) p++;
    size_t b = p;
    while (p < line.size() && (std::isalnum(static_cast<unsigned char>(line[p])) || line[p] == '-' ||
                               line[p] == '_' || line[p] == '.'))
      p++;
    if (p > b) return std::string(line.substr(b, p - b));
  }
  return "";
}

// Python codec spellings iconv does not know under the same name.
std::string iconv_name(const std::string& normal) {
  std::string n;
  for (char c : normal) n += c == '_' ? '-' : char(std::tolower(static_cast<unsigned char>(c)));
  struct Alias { const char* py; const char* iconv; };
  static constexpr Alias kAliases[] = {
      {"latin1", "ISO-8859-1"}, {"latin", "ISO-8859-1"}, {"l1", "ISO-8859-1"},
      {"utf8", "UTF-8"},        {"u8", "UTF-8"},         {"utf", "UTF-8"},
      {"cp65001", "UTF-8"},     {"ascii", "ASCII"},      {"us-ascii", "ASCII"},
      {"646", "ASCII"},         {"koi8-r", "KOI8-R"},    {"cp1252", "CP1252"},
      {"windows-1252", "CP1252"}, {"latin2", "ISO-8859-2"}, {"latin-2", "ISO-8859-2"},
      {"iso8859-15", "ISO-8859-15"}, {"euc-jp", "EUC-JP"}, {"shift-jis", "SHIFT_JIS"},
      {"sjis", "SHIFT_JIS"},    {"gb2312", "GB2312"},    {"gbk", "GBK"},
      {"big5", "BIG5"},         {"mbcs", ""},
  };
  for (const Alias& a : kAliases)
    if (n == a.py) return a.iconv;
  return n;
}

// Decodes through iconv into UTF-8. Returns false if the encoding is unknown
// (unknown = true) or the bytes do not decode.
bool iconv_decode(std::string_view bytes, const std::string& encoding, std::string& out,
                  bool& unknown, size_t& bad_pos) {
  unknown = false;
  std::string from = iconv_name(encoding);
  if (from.empty()) { unknown = true; return false; }
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == iconv_t(-1)) { unknown = true; return false; }
  out.clear();
  std::string buf(bytes.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* o = buf.data();
  size_t o_left = buf.size();
  size_t r = iconv(cd, &in, &in_left, &o, &o_left);
  iconv_close(cd);
  if (r == size_t(-1)) {
    bad_pos = bytes.size() - in_left;
    return false;
  }
  buf.resize(buf.size() - o_left);
  out = std::move(buf);
  return true;
}

void no_location_error(SyntaxErrorInfo& err, std::string msg) {
  err = SyntaxErrorInfo{};
  err.msg = std::move(msg);
}

// Scans decoded UTF-8 text for the first line with a NUL byte or invalid
// UTF-8 (`check_utf8`); truncates the text before it and defers the error.
void defer_bad_line(SourceText& out, std::string_view filename, SourceOrigin origin,
                    bool check_utf8) {
  const std::string& t = out.text;
  size_t line_start = 0;
  int lineno = 1;
  size_t i = 0;
  while (i < t.size()) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '\n') { i++; line_start = i; lineno++; continue; }
    if (c == 0) {
      SyntaxErrorInfo& e = out.deferred_error;
      e = SyntaxErrorInfo{};
      e.msg = "source code cannot contain null bytes";
      e.filename = std::string(filename);
      e.lineno = e.end_lineno = lineno;
      e.offset = e.end_offset = 0;
      e.text = t.substr(line_start, i - line_start);
      e.has_text = true;
      out.has_deferred_error = true;
      out.text.resize(line_start);
      return;
    }
    if (c < 0x80) { i++; continue; }
    char32_t cp;
    size_t len = unicode::decode_utf8(t, i, cp);
    if (len != 0 || !check_utf8) { i += len ? len : 1; continue; }
    char buf[400];
    std::snprintf(buf, sizeof buf,
                  "Non-UTF-8 code starting with '\\x%.2x' in file %.*s on line %d, but no encoding "
                  "declared; see https://peps.python.org/pep-0263/ for details",
                  c, int(filename.size()), filename.data(), lineno);
    no_location_error(out.deferred_error, buf);
    out.has_deferred_error = true;
    out.text.resize(line_start);
    return;
  }
}

}  // namespace

bool source_from_text(std::string_view text, std::string_view filename, SourceText& out,
                      SyntaxErrorInfo& err) {
  if (text.find('\0') != std::string_view::npos) {
    no_location_error(err, "source code string cannot contain null bytes");
    return false;
  }
  out = SourceText{};
  append_universal_newlines(out.text, text);
  build_line_table(out);
  return true;
}

bool decode_source(std::string_view bytes, std::string_view filename, SourceText& out,
                   SyntaxErrorInfo& err, SourceOrigin origin) {
  out = SourceText{};
  bool bom = bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF";
  if (bom) bytes.remove_prefix(3);
  if (origin == SourceOrigin::CompileBytes && bytes.find('\0') != std::string_view::npos) {
    no_location_error(err, "source code string cannot contain null bytes");
    return false;
  }

  // The cookie, from the first two raw lines.
  std::string cookie;
  {
    size_t nl1 = bytes.find('\n');
    std::string_view l1 = bytes.substr(0, nl1);
    bool blank1 = false;
    cookie = find_cookie(l1, blank1);
    if (cookie.empty() && blank1 && nl1 != std::string_view::npos) {
      std::string_view rest = bytes.substr(nl1 + 1);
      std::string_view l2 = rest.substr(0, rest.find('\n'));
      bool blank2 = false;
      cookie = find_cookie(l2, blank2);
    }
  }
  std::string normal = cookie.empty() ? "utf-8" : normal_encoding_name(cookie);
  out.encoding = normal;
  // CPython's tokenizer knows an encoding (and converts byte columns to
  // characters) only when the source declares one, by cookie or BOM.
  out.char_columns = bom || !cookie.empty();
  out.from_file = origin == SourceOrigin::File;
  out.bom_in_first_line = bom && origin == SourceOrigin::File;
  if (bom && normal != "utf-8") {
    no_location_error(err, "encoding problem: " + normal + " with BOM");
    return false;
  }

  if (normal == "utf-8") {
    append_universal_newlines(out.text, bytes);
    // Only a script without a declared encoding is checked line by line.
    bool check = origin == SourceOrigin::File && !bom && cookie.empty();
    out.unchecked_utf8 = !check;
    defer_bad_line(out, filename, origin, check);
  } else {
    std::string decoded;
    bool unknown = false;
    size_t bad_pos = 0;
    if (!iconv_decode(bytes, normal, decoded, unknown, bad_pos)) {
      if (unknown) {
        if (origin == SourceOrigin::File) {
          no_location_error(err, "encoding problem: " + normal);
        } else {
          no_location_error(err, "unknown encoding: " + normal);
          err.offset = -1;
        }
      } else if (origin == SourceOrigin::File) {
        // The script reader gives up on the whole file with this message.
        no_location_error(err, "encoding problem: " + normal);
      } else {
        // compile(): the codec's own error. Python names single-byte table
        // codecs 'charmap'; the reasons below are those of ascii and charmap.
        bool ascii = iconv_name(normal) == "ASCII";
        char buf[300];
        std::snprintf(buf, sizeof buf, "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                      ascii ? "ascii" : "charmap",
                      bad_pos < bytes.size() ? static_cast<unsigned char>(bytes[bad_pos]) : 0u,
                      bad_pos + (bom ? 3 : 0),
                      ascii ? "ordinal not in range(128)" : "character maps to <undefined>");
        no_location_error(err, buf);
        err.offset = -1;
      }
      return false;
    }
    append_universal_newlines(out.text, decoded);
    defer_bad_line(out, filename, origin, /*check_utf8=*/false);
  }
  build_line_table(out);
  return true;
}

}  // namespace spindle::frontend
