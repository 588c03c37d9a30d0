// Lookups over the generated Unicode 14.0 tables (gen/unicode_tables.cpp,
// layout in unicode_tables.h): properties, names and normalization.
//
// Invariants: only name(), lookup_name() (two short strings) and normalize()
// allocate; the property lookups are a few array reads; code points above
// U+10FFFF read as unassigned; the algorithmic parts (Hangul syllables and
// CJK ideograph names, Hangul decomposition and composition) follow UAX #15
// and the Unicode core specification §3.12, and CPython 3.11's quirks where
// it has them (case rules of \N lookups).
#include "unicode/unicode_db.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "unicode/unicode_tables.h"

namespace spindle::unicode {

namespace t = tables;

namespace {

// ---------------------------------------------------------------------------
// Per-character records
// ---------------------------------------------------------------------------

const t::CharRecord& record(char32_t cp) {
  if (cp > 0x10FFFF) cp = 0x10FFFF;  // a noncharacter: unassigned like any out-of-range value
  uint32_t block = t::kRecordIndex1[cp >> t::kBlockShift];
  return t::kRecords[t::kRecordIndex2[(block << t::kBlockShift) | (cp & t::kBlockMask)]];
}

// One level of decomposition, or nullptr.
const uint32_t* decomposition(char32_t cp) {
  if (cp > 0x10FFFF) return nullptr;
  uint32_t block = t::kDecompIndex1[cp >> t::kBlockShift];
  uint16_t offset = t::kDecompIndex2[(block << t::kBlockShift) | (cp & t::kBlockMask)];
  return offset ? &t::kDecompData[offset] : nullptr;
}

// ---------------------------------------------------------------------------
// Hangul syllables (Unicode §3.12): S = SBase + (L * VCount + V) * TCount + T
// ---------------------------------------------------------------------------

constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr int kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount,
              kSCount = kLCount * kNCount;

bool is_hangul_syllable(char32_t cp) { return cp >= kSBase && cp < kSBase + kSCount; }

bool is_cjk_ideograph(char32_t cp) {
  for (uint32_t i = 0; i < t::kCjkIdeographRangeCount; i++)
    if (cp >= t::kCjkIdeographRanges[i].first && cp <= t::kCjkIdeographRanges[i].last) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

const uint8_t* skip_counted(const uint8_t* p, unsigned n) {
  while (n--) p += 1 + *p;
  return p;
}

std::string_view lexicon_word(uint32_t w) {
  const uint8_t* p = skip_counted(&t::kLexicon[t::kLexiconBlockOffsets[w / t::kLexiconBlock]],
                                  w % t::kLexiconBlock);
  return {reinterpret_cast<const char*>(p + 1), *p};
}

// Code point of name number i (names are numbered in code point order).
char32_t name_code_point(uint32_t i) {
  const t::NameRun* end = t::kNameRuns + t::kNameRunCount;
  const t::NameRun* run =
      std::upper_bound(t::kNameRuns, end, i, [](uint32_t v, const t::NameRun& r) { return v < r.first_name; });
  --run;
  return run->first_cp + (i - run->first_name);
}

void append_hex(std::string& out, char32_t cp) {
  char buf[16];
  int n = 0;
  do {
    buf[n++] = "0123456789ABCDEF"[cp & 15];
    cp >>= 4;
  } while (cp || n < 4);
  while (n) out += buf[--n];
}

void decode_name(uint32_t i, char32_t cp, std::string& out) {
  out.clear();
  const uint8_t* p = skip_counted(&t::kPhrasebook[t::kNameBlockOffsets[i / t::kNameBlock]], i % t::kNameBlock);
  const uint8_t* end = p + 1 + *p;
  char separator = 0;  // none before the first word
  for (++p; p < end;) {
    uint32_t w = *p++;
    if (w >= t::kOneByteWords) w = t::kOneByteWords + ((w - t::kOneByteWords) << 8 | *p++);
    std::string_view word = lexicon_word(w);
    if (word == "-") {
      separator = '-';
      continue;
    }
    if (separator) out += separator;
    separator = ' ';
    if (word == "#")
      append_hex(out, cp);
    else
      out += word;
  }
}

// Longest jamo short name that `s` starts with (CPython's greedy rule), or -1.
int match_jamo(std::string_view s, const char* const* names, int count) {
  int best = -1;
  size_t best_len = 0;
  for (int i = 0; i < count; i++) {
    size_t len = std::strlen(names[i]);
    if ((best < 0 || len > best_len) && s.substr(0, len) == names[i]) {
      best = i;
      best_len = len;
    }
  }
  return best;
}

std::optional<char32_t> lookup_hangul(std::string_view s) {
  int l = match_jamo(s, t::kJamoL, kLCount);
  if (l < 0) return std::nullopt;
  s.remove_prefix(std::strlen(t::kJamoL[l]));
  int v = match_jamo(s, t::kJamoV, kVCount);
  if (v < 0) return std::nullopt;
  s.remove_prefix(std::strlen(t::kJamoV[v]));
  int tt = match_jamo(s, t::kJamoT, kTCount);
  if (tt < 0) return std::nullopt;
  s.remove_prefix(std::strlen(t::kJamoT[tt]));
  if (!s.empty()) return std::nullopt;
  return kSBase + (l * kVCount + v) * kTCount + tt;
}

std::optional<char32_t> lookup_cjk(std::string_view hex) {
  if (hex.size() != 4 && hex.size() != 5) return std::nullopt;
  char32_t v = 0;
  for (char c : hex) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return std::nullopt;  // upper case only, as in CPython
    v = v * 16 + d;
  }
  if (!is_cjk_ideograph(v)) return std::nullopt;
  return v;
}

// ---------------------------------------------------------------------------
// Normalization
// ---------------------------------------------------------------------------

void decompose(char32_t cp, bool compat, std::u32string& out) {
  if (is_hangul_syllable(cp)) {
    int s = static_cast<int>(cp - kSBase);
    out += kLBase + s / kNCount;
    out += kVBase + (s % kNCount) / kTCount;
    if (s % kTCount) out += kTBase + s % kTCount;
    return;
  }
  const uint32_t* d = decomposition(cp);
  if (!d || ((*d & t::kDecompCompat) && !compat)) {
    out += cp;
    return;
  }
  uint32_t len = *d & 0xFF;
  for (uint32_t i = 1; i <= len; i++) decompose(d[i], compat, out);
}

// Canonical ordering: a stable sort of every run of non-starters by ccc.
void reorder(std::u32string& s) {
  for (size_t i = 1; i < s.size(); i++) {
    int cc = record(s[i]).ccc;
    if (cc == 0) continue;
    size_t j = i;
    char32_t c = s[i];
    while (j > 0) {
      int prev = record(s[j - 1]).ccc;
      if (prev <= cc) break;  // a starter (0) also stops the move
      s[j] = s[j - 1];
      j--;
    }
    s[j] = c;
  }
}

// The primary composite of (first, second), or 0.
char32_t compose_pair(char32_t first, char32_t second) {
  if (first >= kLBase && first < kLBase + kLCount && second >= kVBase && second < kVBase + kVCount)
    return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
  if (is_hangul_syllable(first) && (first - kSBase) % kTCount == 0 && second > kTBase &&
      second < kTBase + kTCount)
    return first + (second - kTBase);
  const t::Composition* end = t::kCompositions + t::kCompositionCount;
  const t::Composition* it = std::lower_bound(t::kCompositions, end, std::make_pair(first, second),
                                              [](const t::Composition& c, std::pair<char32_t, char32_t> key) {
                                                return c.first != key.first ? c.first < key.first
                                                                            : c.second < key.second;
                                              });
  return it != end && it->first == first && it->second == second ? it->composite : 0;
}

std::u32string compose(const std::u32string& d) {
  std::u32string out;
  out.reserve(d.size());
  size_t starter = std::u32string::npos;
  int last_ccc = 0;  // ccc of out.back() when it is not the starter
  for (char32_t c : d) {
    int cc = record(c).ccc;
    if (starter != std::u32string::npos) {
      bool adjacent = out.size() == starter + 1;
      // c is blocked from the starter by any character in between with ccc 0 or >= cc.
      if (adjacent || (last_ccc != 0 && last_ccc < cc)) {
        if (char32_t composite = compose_pair(out[starter], c)) {
          out[starter] = composite;
          continue;
        }
      }
    }
    if (cc == 0) starter = out.size();
    last_ccc = cc;
    out += c;
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

std::string_view unidata_version() { return "14.0.0"; }

std::string_view category(char32_t cp) { return t::kCategoryNames[record(cp).category]; }
int combining_class(char32_t cp) { return record(cp).ccc; }
int decimal_value(char32_t cp) { return record(cp).decimal; }
int digit_value(char32_t cp) { return record(cp).digit; }
std::optional<double> numeric_value(char32_t cp) {
  uint8_t n = record(cp).numeric;
  if (n == 0) return std::nullopt;
  return t::kNumericValues[n - 1];
}
bool is_printable(char32_t cp) { return record(cp).flags & t::kPrintable; }
std::string_view bidirectional(char32_t cp) { return t::kBidiNames[record(cp).bidi]; }
std::string_view east_asian_width(char32_t cp) { return t::kEastAsianWidthNames[record(cp).east_asian_width]; }
bool is_mirrored(char32_t cp) { return record(cp).flags & t::kMirrored; }

std::string decomposition_text(char32_t cp) {
  const uint32_t* d = decomposition(cp);
  if (!d) return "";
  std::string out = t::kDecompTags[*d >> t::kDecompTagShift];
  uint32_t len = *d & 0xFF;
  char buf[16];
  for (uint32_t i = 1; i <= len; i++) {
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(d[i]));
    if (!out.empty()) out += ' ';
    out += buf;
  }
  return out;
}
bool is_xid_start(char32_t cp) { return record(cp).flags & t::kXidStart; }
bool is_xid_continue(char32_t cp) { return record(cp).flags & t::kXidContinue; }
bool is_alpha(char32_t cp) { return record(cp).flags & t::kAlpha; }
bool is_space(char32_t cp) { return record(cp).flags & t::kSpace; }
bool is_lowercase(char32_t cp) { return record(cp).flags & t::kLowercase; }
bool is_uppercase(char32_t cp) { return record(cp).flags & t::kUppercase; }
bool is_titlecase(char32_t cp) { return category(cp) == "Lt"; }
bool is_cased(char32_t cp) { return record(cp).flags & t::kCased; }
bool is_case_ignorable(char32_t cp) { return record(cp).flags & t::kCaseIgnorable; }

CaseMapping case_mapping(CaseKind kind, char32_t cp) {
  CaseMapping m{{cp, 0, 0}, 1};
  if (cp > 0x10FFFF) return m;
  uint32_t block = t::kCaseIndex1[cp >> t::kBlockShift];
  const t::CaseRecord& r = t::kCaseRecords[t::kCaseIndex2[(block << t::kBlockShift) | (cp & t::kBlockMask)]];
  int k = static_cast<int>(kind);
  if (r.extended[k] == 0) {
    m.cps[0] = static_cast<char32_t>(static_cast<int32_t>(cp) + r.delta[k]);
    return m;
  }
  const uint32_t* d = &t::kCaseData[r.extended[k]];
  m.size = static_cast<int>(d[0]);
  for (int i = 0; i < m.size; i++) m.cps[i] = d[1 + i];
  return m;
}

std::string name(char32_t cp) {
  std::string out;
  if (is_hangul_syllable(cp)) {
    int s = static_cast<int>(cp - kSBase);
    out = "HANGUL SYLLABLE ";
    out += t::kJamoL[s / kNCount];
    out += t::kJamoV[(s % kNCount) / kTCount];
    out += t::kJamoT[s % kTCount];
    return out;
  }
  if (is_cjk_ideograph(cp)) {
    out = "CJK UNIFIED IDEOGRAPH-";
    append_hex(out, cp);
    return out;
  }
  const t::NameRun* end = t::kNameRuns + t::kNameRunCount;
  const t::NameRun* run =
      std::upper_bound(t::kNameRuns, end, cp, [](char32_t v, const t::NameRun& r) { return v < r.first_cp; });
  if (run == t::kNameRuns) return out;
  --run;
  if (cp - run->first_cp >= run->count) return out;
  decode_name(run->first_name + (cp - run->first_cp), cp, out);
  return out;
}

std::optional<char32_t> lookup_name(std::string_view query) {
  constexpr std::string_view kHangul = "HANGUL SYLLABLE ", kCjk = "CJK UNIFIED IDEOGRAPH-";
  if (query.starts_with(kHangul)) return lookup_hangul(query.substr(kHangul.size()));
  if (query.starts_with(kCjk)) return lookup_cjk(query.substr(kCjk.size()));

  // Other names and aliases compare ASCII-case-insensitively (CPython upper-cases).
  std::string upper(query);
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');

  std::string spelled;
  size_t lo = 0, hi = t::kNameCount;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    uint32_t n = t::kNamesByName[mid];
    char32_t cp = name_code_point(n);
    decode_name(n, cp, spelled);
    int cmp = spelled.compare(upper);
    if (cmp == 0) return cp;
    if (cmp < 0) lo = mid + 1;
    else hi = mid;
  }
  const t::Alias* end = t::kAliases + t::kAliasCount;
  const t::Alias* it = std::lower_bound(t::kAliases, end, upper, [](const t::Alias& a, const std::string& key) {
    return std::string_view(a.name) < key;
  });
  if (it != end && it->name == upper) return it->cp;
  return std::nullopt;
}

std::u32string lookup_named_sequence(std::string_view query) {
  std::string upper(query);
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  const t::NamedSequence* end = t::kNamedSequences + t::kNamedSequenceCount;
  const t::NamedSequence* it = std::lower_bound(
      t::kNamedSequences, end, upper,
      [](const t::NamedSequence& a, const std::string& key) { return std::string_view(a.name) < key; });
  if (it == end || it->name != upper) return {};
  return std::u32string(it->cps, it->length);
}

std::u32string normalize(NormalForm form, std::u32string_view s) {
  bool compat = form == NormalForm::NFKC || form == NormalForm::NFKD;
  std::u32string d;
  d.reserve(s.size());
  for (char32_t c : s) decompose(c, compat, d);
  reorder(d);
  if (form == NormalForm::NFD || form == NormalForm::NFKD) return d;
  return compose(d);
}

bool is_nfkc_quick_yes(std::u32string_view s) {
  int last = 0;
  for (char32_t c : s) {
    const t::CharRecord& r = record(c);
    if (!(r.flags & t::kNfkcQcYes)) return false;
    if (r.ccc != 0 && last > r.ccc) return false;
    last = r.ccc;
  }
  return true;
}

}  // namespace spindle::unicode
