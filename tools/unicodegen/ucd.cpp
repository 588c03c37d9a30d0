// Reading the UCD text files (UnicodeData.txt and friends) into a Ucd.
//
// Strictness: every line must parse completely; a malformed field, an unknown
// category, a code point out of range, a duplicated entry or a First/Last pair
// that does not match stops the generator with "file:line: message". Data
// newer than max_age is dropped here, so later stages never see it.
#include "ucd.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string_view>

namespace unicodegen {

const char* const kCategoryNames[30] = {
    "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps",
    "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co",
};

const char* const kBidiNames[24] = {
    "", "L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B",
    "S", "WS", "ON", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI",
};

const char* const kDecompTags[17] = {
    "", "<font>", "<noBreak>", "<initial>", "<medial>", "<final>", "<isolated>", "<circle>", "<super>",
    "<sub>", "<vertical>", "<wide>", "<narrow>", "<small>", "<square>", "<fraction>", "<compat>",
};

const char* const kEastAsianWidthNames[6] = {"F", "H", "W", "Na", "A", "N"};

std::string cp_text(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", unsigned{cp});
  return buf;
}

void fail(const std::string& where, const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", where.c_str(), message.c_str());
  std::exit(1);
}

namespace {

// One data line of a UCD file: fields split at ';' with comments removed and
// blanks trimmed.
struct Line {
  std::string where;  // "path:line"
  std::vector<std::string> fields;
};

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<Line> read_lines(const std::string& path, size_t min_fields, size_t max_fields) {
  std::ifstream in(path);
  if (!in) fail(path, "cannot open (install the UCD: apt-get install unicode-data)");
  std::vector<Line> out;
  std::string text;
  for (int number = 1; std::getline(in, text); number++) {
    std::string_view s = text;
    if (size_t hash = s.find('#'); hash != std::string_view::npos) s = s.substr(0, hash);
    if (trim(s).empty()) continue;
    Line line{path + ":" + std::to_string(number), {}};
    size_t start = 0;
    for (;;) {
      size_t semi = s.find(';', start);
      line.fields.push_back(trim(s.substr(start, semi == std::string_view::npos ? semi : semi - start)));
      if (semi == std::string_view::npos) break;
      start = semi + 1;
    }
    if (line.fields.size() < min_fields || line.fields.size() > max_fields)
      fail(line.where, "expected " + std::to_string(min_fields) + ".." + std::to_string(max_fields) +
                           " fields, found " + std::to_string(line.fields.size()));
    out.push_back(std::move(line));
  }
  return out;
}

char32_t parse_cp(const std::string& where, std::string_view s) {
  if (s.empty() || s.size() > 6) fail(where, "bad code point '" + std::string(s) + "'");
  uint32_t v = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) fail(where, "bad code point '" + std::string(s) + "'");
    v = v * 16 + d;
  }
  if (v >= kCodeSpace) fail(where, "code point out of range '" + std::string(s) + "'");
  return v;
}

std::pair<char32_t, char32_t> parse_range(const std::string& where, const std::string& s) {
  size_t dots = s.find("..");
  if (dots == std::string::npos) {
    char32_t cp = parse_cp(where, s);
    return {cp, cp};
  }
  auto r = std::make_pair(parse_cp(where, std::string_view(s).substr(0, dots)),
                          parse_cp(where, std::string_view(s).substr(dots + 2)));
  if (r.first > r.second) fail(where, "reversed range " + s);
  return r;
}

std::vector<char32_t> parse_cp_list(const std::string& where, const std::string& s) {
  std::vector<char32_t> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t sp = s.find(' ', i);
    if (sp == std::string::npos) sp = s.size();
    if (sp > i) out.push_back(parse_cp(where, std::string_view(s).substr(i, sp - i)));
    i = sp + 1;
  }
  return out;
}

int parse_small_int(const std::string& where, const std::string& s, int max) {
  if (s.empty() || s.size() > 3) fail(where, "bad number '" + s + "'");
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') fail(where, "bad number '" + s + "'");
    v = v * 10 + (c - '0');
  }
  if (v > max) fail(where, "number out of range '" + s + "'");
  return v;
}

Version parse_version(const std::string& where, const std::string& s) {
  size_t dot = s.find('.');
  if (dot == std::string::npos) fail(where, "bad version '" + s + "'");
  int major = parse_small_int(where, s.substr(0, dot), 255);
  int minor = parse_small_int(where, s.substr(dot + 1), 255);
  return static_cast<Version>(major * 256 + minor);
}

uint8_t parse_category(const std::string& where, const std::string& s) {
  for (uint8_t i = 0; i < 30; i++)
    if (s == kCategoryNames[i]) return i;
  fail(where, "unknown general category '" + s + "'");
}

// Name characters Spindle's name encoder and lookup rely on.
void check_name(const std::string& where, const std::string& name) {
  if (name.empty()) fail(where, "empty name");
  for (char c : name)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '-'))
      fail(where, "unexpected character in name '" + name + "'");
}

// A numeric value: an integer or a fraction, optionally negative.
void check_number(const std::string& where, const std::string& s) {
  size_t slash = s.find('/');
  auto digits = [](std::string_view d) {
    if (!d.empty() && d[0] == '-') d.remove_prefix(1);
    return !d.empty() && d.size() <= 15 && d.find_first_not_of("0123456789") == std::string_view::npos;
  };
  std::string_view v = s;
  if (!digits(v.substr(0, slash)) || (slash != std::string_view::npos && !digits(v.substr(slash + 1))))
    fail(where, "bad numeric value '" + s + "'");
}

void read_age(Ucd& ucd, std::vector<Version>& age) {
  for (const Line& l : read_lines(ucd.source_dir + "/DerivedAge.txt", 2, 2)) {
    auto [a, b] = parse_range(l.where, l.fields[0]);
    Version v = parse_version(l.where, l.fields[1]);
    ucd.input_version = std::max(ucd.input_version, v);
    for (char32_t c = a; c <= b; c++) {
      if (age[c]) fail(l.where, "code point listed twice");
      age[c] = v;
    }
  }
}

void read_unicode_data(Ucd& ucd, const std::vector<Version>& age) {
  std::string pending_first;  // name of a "<..., First>" waiting for its Last
  char32_t first_cp = 0;
  std::set<char32_t> seen;
  for (const Line& l : read_lines(ucd.source_dir + "/UnicodeData.txt", 15, 15)) {
    const auto& f = l.fields;
    char32_t cp = parse_cp(l.where, f[0]);
    if (!seen.insert(cp).second) fail(l.where, "code point listed twice");
    std::string name = f[1];
    char32_t lo = cp, hi = cp;
    if (name.size() > 8 && name.ends_with(", First>")) {
      if (!pending_first.empty()) fail(l.where, "First without Last before it");
      pending_first = name.substr(0, name.size() - 8);
      first_cp = cp;
      continue;
    }
    if (name.size() > 7 && name.ends_with(", Last>")) {
      if (pending_first != name.substr(0, name.size() - 7)) fail(l.where, "Last does not match First");
      pending_first.clear();
      lo = first_cp;
    } else if (!pending_first.empty()) {
      fail(l.where, "expected the Last line of " + pending_first + ">");
    }
    uint8_t category = parse_category(l.where, f[2]);
    uint8_t ccc = static_cast<uint8_t>(parse_small_int(l.where, f[3], 254));
    Decomposition decomp;
    if (!f[5].empty()) {
      std::string d = f[5];
      if (d[0] == '<') {
        size_t close = d.find('>');
        if (close == std::string::npos) fail(l.where, "unterminated decomposition tag");
        decomp.compat = true;
        std::string tag = d.substr(0, close + 1);
        for (uint8_t k = 1; k < 17; k++)
          if (tag == kDecompTags[k]) decomp.tag = k;
        if (!decomp.tag) fail(l.where, "unknown decomposition tag '" + tag + "'");
        d = d.substr(close + 1);
      }
      decomp.cps = parse_cp_list(l.where, d);
      if (decomp.cps.empty() || decomp.cps.size() > 18) fail(l.where, "bad decomposition length");
    }
    bool space = f[4] == "WS" || f[4] == "B" || f[4] == "S";
    uint8_t bidi = 0;
    for (uint8_t k = 1; k < 24; k++)
      if (f[4] == kBidiNames[k]) bidi = k;
    if (!bidi) fail(l.where, "unknown bidirectional class '" + f[4] + "'");
    if (f[9] != "Y" && f[9] != "N") fail(l.where, "bad Bidi_Mirrored field '" + f[9] + "'");
    bool mirrored = f[9] == "Y";
    char32_t simple[3] = {};  // upper, lower, title (fields 12, 13, 14)
    for (int k = 0; k < 3; k++)
      if (!f[12 + k].empty()) simple[k] = parse_cp(l.where, f[12 + k]);
    int8_t decimal = f[6].empty() ? -1 : static_cast<int8_t>(parse_small_int(l.where, f[6], 9));
    int8_t digit = f[7].empty() ? -1 : static_cast<int8_t>(parse_small_int(l.where, f[7], 9));
    bool is_range = lo != hi;
    if (is_range && (!decomp.cps.empty() || ccc != 0 || simple[0] || simple[1] || simple[2]))
      fail(l.where, "range with per-character data");
    if (is_range && name.starts_with("<CJK Ideograph")) {
      // Split the range where the age crosses max_age (Extension C grew in 15.0).
      for (char32_t c = lo; c <= hi; c++) {
        if (!age[c] || age[c] > ucd.max_age) continue;
        if (!ucd.cjk_ranges.empty() && ucd.cjk_ranges.back().second + 1 == c)
          ucd.cjk_ranges.back().second = c;
        else
          ucd.cjk_ranges.push_back({c, c});
      }
    }
    if (is_range && name == "<Hangul Syllable, Last>" && (lo != 0xAC00 || hi != 0xD7A3))
      fail(l.where, "Hangul syllables are expected at AC00..D7A3");
    for (char32_t c = lo; c <= hi; c++) {
      if (!age[c]) fail(l.where, "code point has no age in DerivedAge.txt");
      if (age[c] > ucd.max_age) continue;
      ucd.assigned[c] = true;
      ucd.category[c] = category;
      ucd.ccc[c] = ccc;
      ucd.decimal[c] = decimal;
      ucd.digit[c] = digit;
      ucd.bidi_space[c] = space;
      ucd.bidi[c] = bidi;
      ucd.mirrored[c] = mirrored;
    }
    if (age[cp] > ucd.max_age) continue;
    if (!is_range && name[0] != '<') {
      check_name(l.where, name);
      ucd.names[cp] = name;
    }
    if (!decomp.cps.empty()) ucd.decompositions[cp] = std::move(decomp);
    if (!f[8].empty()) {
      if (is_range) fail(l.where, "range with a numeric value");
      check_number(l.where, f[8]);
      ucd.numeric[cp] = f[8];
    }
    // Simple mappings; SpecialCasing and CaseFolding refine them later. A
    // missing title mapping means "same as upper".
    if (!simple[2]) simple[2] = simple[0];
    const char32_t simple_for_slot[3] = {simple[1], simple[0], simple[2]};  // lower, upper, title
    for (int k = 0; k < 3; k++)
      if (simple_for_slot[k] && simple_for_slot[k] != cp)
        ucd.case_mappings[cp][k] = std::u32string(1, simple_for_slot[k]);
  }
  if (!pending_first.empty()) fail(ucd.source_dir + "/UnicodeData.txt", "First without Last at end");
}

// The overrides file (see unicode14.txt): changes after max_age to characters
// that already existed, which DerivedAge cannot express.
struct Overrides {
  // Entries newer than max_age, to undo.
  std::set<std::pair<char32_t, std::string>> dropped_aliases;
  std::set<std::pair<char32_t, std::string>> dropped_properties;  // (cp, property)
  // Entries not newer than the input files, which must therefore be found there.
  std::set<std::pair<char32_t, std::string>> expected_aliases;
  std::set<std::pair<char32_t, std::string>> expected_properties;
};

// Reads one binary property from a "range ; Property [; value]" file.
void read_property(const Ucd& ucd, const std::string& file, const std::string& property,
                   const std::string& value, const std::vector<Version>& age, std::vector<bool>& out,
                   Overrides* overrides = nullptr) {
  bool found = false;
  for (const Line& l : read_lines(ucd.source_dir + "/" + file, 2, 3)) {
    if (l.fields[1] != property) continue;
    if (value.empty() ? l.fields.size() != 2 : l.fields.size() != 3 || l.fields[2] != value) continue;
    found = true;
    auto [a, b] = parse_range(l.where, l.fields[0]);
    for (char32_t c = a; c <= b; c++)
      if (age[c] && age[c] <= ucd.max_age) out[c] = true;
  }
  if (!found) fail(ucd.source_dir + "/" + file, "no entries for " + property + " " + value);
  if (!overrides) return;
  for (auto it = overrides->expected_properties.begin(); it != overrides->expected_properties.end();) {
    if (it->second == property && !out[it->first])
      fail(ucd.source_dir + "/" + file, "override: " + property + " expected on " + cp_text(it->first));
    it = it->second == property ? overrides->expected_properties.erase(it) : std::next(it);
  }
  for (const auto& [cp, name] : overrides->dropped_properties)
    if (name == property) out[cp] = false;
}

Overrides read_overrides(const Ucd& ucd, const std::string& path) {
  Overrides o;
  for (const Line& l : read_lines(path, 1, 1)) {
    std::istringstream in(l.fields[0]);
    std::string version, kind, range, rest;
    in >> version >> kind >> range;
    std::getline(in >> std::ws, rest);
    if (rest.empty() || (kind != "alias" && kind != "property"))
      fail(l.where, "expected 'VERSION alias CODEPOINT NAME' or 'VERSION property RANGE PROPERTY'");
    Version v = parse_version(l.where, version);
    auto [a, b] = parse_range(l.where, range);
    if (kind == "alias" && a != b) fail(l.where, "an alias belongs to one code point");
    for (char32_t c = a; c <= b; c++) {
      auto key = std::make_pair(c, rest);
      auto& dropped = kind == "alias" ? o.dropped_aliases : o.dropped_properties;
      auto& expected = kind == "alias" ? o.expected_aliases : o.expected_properties;
      if (v > ucd.max_age) dropped.insert(key);
      if (v <= ucd.input_version) expected.insert(key);
    }
  }
  return o;
}

void read_aliases(Ucd& ucd, const std::vector<Version>& age, Overrides& overrides, const std::string& path) {
  auto& dropped = overrides.dropped_aliases;
  auto& expected = overrides.expected_aliases;
  std::set<std::string> names;
  for (const Line& l : read_lines(ucd.source_dir + "/NameAliases.txt", 3, 3)) {
    char32_t cp = parse_cp(l.where, l.fields[0]);
    const std::string& name = l.fields[1];
    check_name(l.where, name);
    static const std::set<std::string> kTypes = {"correction", "control", "alternate", "figment",
                                                 "abbreviation"};
    if (!kTypes.count(l.fields[2])) fail(l.where, "unknown alias type '" + l.fields[2] + "'");
    expected.erase({cp, name});
    if (!age[cp] || age[cp] > ucd.max_age || dropped.count({cp, name})) continue;
    if (!names.insert(name).second) fail(l.where, "alias listed twice");
    ucd.aliases.push_back({name, cp});
  }
  for (const auto& [cp, name] : expected)
    fail(path, "override for alias '" + name + "' does not match NameAliases.txt");
}

// Full case mappings as CPython uses them: SpecialCasing.txt's unconditional
// entries override the simple mappings (conditional ones are language or
// context dependent; str.lower handles final sigma itself); CaseFolding.txt's
// C and F entries give the fold.
void read_case_mappings(Ucd& ucd, const std::vector<Version>& age) {
  auto old = [&](char32_t cp) { return age[cp] && age[cp] <= ucd.max_age; };
  for (const Line& l : read_lines(ucd.source_dir + "/SpecialCasing.txt", 5, 6)) {
    if (l.fields.size() == 6) continue;  // conditional mapping
    if (!l.fields[4].empty()) fail(l.where, "unexpected field after the upper case mapping");
    char32_t cp = parse_cp(l.where, l.fields[0]);
    if (!old(cp)) continue;
    const int slot_of_field[4] = {-1, 0, 2, 1};  // code; lower; title; upper
    for (int f = 1; f <= 3; f++) {
      std::vector<char32_t> m = parse_cp_list(l.where, l.fields[f]);
      if (m.empty() || m.size() > 3) fail(l.where, "bad case mapping length");
      std::u32string mapped(m.begin(), m.end());
      auto& slot = ucd.case_mappings[cp][slot_of_field[f]];
      slot = mapped == std::u32string(1, cp) ? std::u32string() : mapped;
    }
  }
  for (const Line& l : read_lines(ucd.source_dir + "/CaseFolding.txt", 4, 4)) {
    const std::string& status = l.fields[1];
    if (status != "C" && status != "F" && status != "S" && status != "T")
      fail(l.where, "unknown case folding status '" + status + "'");
    if (!l.fields[3].empty()) fail(l.where, "unexpected fourth field");
    if (status != "C" && status != "F") continue;  // simple and Turkic foldings are not str.casefold
    char32_t cp = parse_cp(l.where, l.fields[0]);
    if (!old(cp)) continue;
    std::vector<char32_t> m = parse_cp_list(l.where, l.fields[2]);
    if (m.empty() || m.size() > 3) fail(l.where, "bad case folding length");
    ucd.case_mappings[cp][3] = std::u32string(m.begin(), m.end());
  }
  // No C or F entry: the character folds to itself (CPython's rule; Cherokee
  // capitals have lower case mappings yet fold to themselves).
  for (auto it = ucd.case_mappings.begin(); it != ucd.case_mappings.end();) {
    const auto& m = it->second;
    if (m[0].empty() && m[1].empty() && m[2].empty() && m[3].empty()) it = ucd.case_mappings.erase(it);
    else ++it;
  }
}

// Unihan lines are "U+XXXX<TAB>kTag<TAB>value"; later lines override earlier
// ones for the same character, as in CPython's generator.
void read_unihan_numeric(Ucd& ucd, const std::string& path) {
  std::ifstream in(path);
  if (!in) fail(path, "cannot open");
  std::string text;
  for (int number = 1; std::getline(in, text); number++) {
    std::string where = path + ":" + std::to_string(number);
    if (text.empty() || text[0] == '#') continue;
    size_t tab1 = text.find('\t'), tab2 = tab1 == std::string::npos ? tab1 : text.find('\t', tab1 + 1);
    if (tab2 == std::string::npos || text.compare(0, 2, "U+") != 0) fail(where, "expected U+XXXX<TAB>tag<TAB>value");
    char32_t cp = parse_cp(where, std::string_view(text).substr(2, tab1 - 2));
    std::string tag = text.substr(tab1 + 1, tab2 - tab1 - 1), value = trim(text.substr(tab2 + 1));
    if (tag != "kPrimaryNumeric" && tag != "kAccountingNumeric" && tag != "kOtherNumeric")
      fail(where, "unexpected tag '" + tag + "'");
    value.erase(std::remove(value.begin(), value.end(), ','), value.end());
    check_number(where, value);
    if (ucd.assigned[cp]) ucd.numeric[cp] = value;
  }
}

// EastAsianWidth.txt, for the code points assigned in the requested version
// (CPython gives every other code point the table's default, "F").
void read_east_asian_width(Ucd& ucd, const std::vector<Version>& age) {
  for (const Line& l : read_lines(ucd.source_dir + "/EastAsianWidth.txt", 2, 2)) {
    auto [a, b] = parse_range(l.where, l.fields[0]);
    uint8_t value = 6;
    for (uint8_t k = 0; k < 6; k++)
      if (l.fields[1] == kEastAsianWidthNames[k]) value = k;
    if (value == 6) fail(l.where, "unknown East_Asian_Width '" + l.fields[1] + "'");
    for (char32_t c = a; c <= b; c++)
      if (age[c] && age[c] <= ucd.max_age && ucd.assigned[c]) ucd.east_asian_width[c] = value;
  }
}

// NamedSequences.txt: a sequence is kept when all its characters exist in
// the requested version (CPython 3.11 accepts every one of 15.0's).
void read_named_sequences(Ucd& ucd, const std::vector<Version>& age) {
  for (const Line& l : read_lines(ucd.source_dir + "/NamedSequences.txt", 2, 2)) {
    check_name(l.where, l.fields[0]);
    std::vector<char32_t> cps = parse_cp_list(l.where, l.fields[1]);
    if (cps.size() < 2 || cps.size() > 4) fail(l.where, "named sequence of unexpected length");
    bool known = true;
    for (char32_t c : cps) known = known && age[c] && age[c] <= ucd.max_age;
    if (known) ucd.named_sequences.push_back({l.fields[0], std::u32string(cps.begin(), cps.end())});
  }
}

void read_jamo(Ucd& ucd) {
  ucd.jamo_t.push_back("");
  for (const Line& l : read_lines(ucd.source_dir + "/Jamo.txt", 2, 2)) {
    char32_t cp = parse_cp(l.where, l.fields[0]);
    if (cp >= 0x1100 && cp <= 0x1112) ucd.jamo_l.push_back(l.fields[1]);
    else if (cp >= 0x1161 && cp <= 0x1175) ucd.jamo_v.push_back(l.fields[1]);
    else if (cp >= 0x11A8 && cp <= 0x11C2) ucd.jamo_t.push_back(l.fields[1]);
    else fail(l.where, "unexpected jamo");
  }
  if (ucd.jamo_l.size() != 19 || ucd.jamo_v.size() != 21 || ucd.jamo_t.size() != 28)
    fail(ucd.source_dir + "/Jamo.txt", "expected 19 L, 21 V and 27 T jamo");
}

}  // namespace

void load_ucd(const std::string& dir, Version max_age, const std::string& overrides_path,
              const std::string& unihan_numeric_path, Ucd& ucd) {
  ucd.source_dir = dir;
  ucd.max_age = max_age;
  ucd.assigned.assign(kCodeSpace, false);
  ucd.category.assign(kCodeSpace, 0);
  ucd.ccc.assign(kCodeSpace, 0);
  ucd.decimal.assign(kCodeSpace, -1);
  ucd.digit.assign(kCodeSpace, -1);
  ucd.xid_start.assign(kCodeSpace, false);
  ucd.xid_continue.assign(kCodeSpace, false);
  ucd.bidi_space.assign(kCodeSpace, false);
  ucd.bidi.assign(kCodeSpace, 0);
  ucd.mirrored.assign(kCodeSpace, false);
  ucd.east_asian_width.assign(kCodeSpace, 0);
  ucd.lowercase.assign(kCodeSpace, false);
  ucd.uppercase.assign(kCodeSpace, false);
  ucd.cased.assign(kCodeSpace, false);
  ucd.case_ignorable.assign(kCodeSpace, false);
  ucd.nfkc_qc_yes.assign(kCodeSpace, true);
  ucd.full_composition_exclusion.assign(kCodeSpace, false);
  ucd.composition_exclusion.assign(kCodeSpace, false);

  std::vector<Version> age(kCodeSpace, 0);
  read_age(ucd, age);
  if (ucd.input_version < max_age)
    fail(dir + "/DerivedAge.txt", "the UCD files are older than the requested version");
  Overrides overrides = read_overrides(ucd, overrides_path);
  read_unicode_data(ucd, age);
  read_property(ucd, "DerivedCoreProperties.txt", "XID_Start", "", age, ucd.xid_start, &overrides);
  read_property(ucd, "DerivedCoreProperties.txt", "XID_Continue", "", age, ucd.xid_continue, &overrides);
  read_property(ucd, "DerivedCoreProperties.txt", "Lowercase", "", age, ucd.lowercase, &overrides);
  read_property(ucd, "DerivedCoreProperties.txt", "Uppercase", "", age, ucd.uppercase, &overrides);
  read_property(ucd, "DerivedCoreProperties.txt", "Cased", "", age, ucd.cased, &overrides);
  read_property(ucd, "DerivedCoreProperties.txt", "Case_Ignorable", "", age, ucd.case_ignorable, &overrides);
  read_case_mappings(ucd, age);
  std::vector<bool> qc_not_yes(kCodeSpace, false);
  read_property(ucd, "DerivedNormalizationProps.txt", "NFKC_QC", "N", age, qc_not_yes);
  read_property(ucd, "DerivedNormalizationProps.txt", "NFKC_QC", "M", age, qc_not_yes);
  for (char32_t c = 0; c < kCodeSpace; c++) ucd.nfkc_qc_yes[c] = !qc_not_yes[c];
  read_property(ucd, "DerivedNormalizationProps.txt", "Full_Composition_Exclusion", "", age,
                ucd.full_composition_exclusion);
  for (const Line& l : read_lines(dir + "/CompositionExclusions.txt", 1, 1)) {
    char32_t cp = parse_cp(l.where, l.fields[0]);
    if (age[cp] && age[cp] <= max_age) ucd.composition_exclusion[cp] = true;
  }
  read_aliases(ucd, age, overrides, overrides_path);
  for (const auto& [cp, property] : overrides.expected_properties)
    fail(overrides_path, "override names a property the generator does not read: " + property);
  read_jamo(ucd);
  read_east_asian_width(ucd, age);
  read_named_sequences(ucd, age);
  read_unihan_numeric(ucd, unihan_numeric_path);
  for (char32_t c = 0; c < kCodeSpace; c++)
    if ((ucd.xid_start[c] || ucd.xid_continue[c]) && !ucd.assigned[c])
      fail(dir + "/DerivedCoreProperties.txt", "XID property on an unassigned code point");
}

}  // namespace unicodegen
