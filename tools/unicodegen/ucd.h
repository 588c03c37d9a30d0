// The Unicode Character Database as the generator sees it: the few properties
// Spindle needs, read from the UCD text files and cut back to one Unicode
// version.
//
// Invariants after load_ucd() returns:
// * Only code points whose DerivedAge is <= max_age are assigned; all other
//   code points have category "Cn" and no name, decomposition or flags.
// * Every input error was reported as "file:line: message" and the program
//   exited with status 1; load_ucd never returns partial data.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace unicodegen {

inline constexpr char32_t kCodeSpace = 0x110000;

// Unicode version as major * 256 + minor (e.g. 14.0 = 0x0E00).
using Version = uint16_t;

struct Decomposition {
  bool compat = false;  // had a <tag>
  uint8_t tag = 0;      // index into kDecompTags (0 = none)
  std::vector<char32_t> cps;
};

struct Ucd {
  std::string source_dir;
  Version input_version = 0;  // the newest age in DerivedAge.txt
  Version max_age = 0;

  std::vector<bool> assigned;         // per code point
  std::vector<uint8_t> category;      // index into kCategoryNames
  std::vector<uint8_t> ccc;
  std::vector<int8_t> decimal, digit;
  // Numeric values as written in the files ("1/4", "-1/2", "1000"): UnicodeData
  // field 8, overridden by Unihan's kPrimaryNumeric / kAccountingNumeric /
  // kOtherNumeric (CPython's rule).
  std::map<char32_t, std::string> numeric;
  std::vector<bool> xid_start, xid_continue;
  std::vector<bool> bidi_space;  // bidirectional class WS, B or S (str.isspace)
  std::vector<uint8_t> bidi;     // index into kBidiNames (UnicodeData field 4)
  std::vector<bool> mirrored;    // UnicodeData field 9 (Bidi_Mirrored)
  std::vector<uint8_t> east_asian_width;  // index into kEastAsianWidthNames (EastAsianWidth.txt)
  std::vector<bool> lowercase, uppercase, cased, case_ignorable;  // DerivedCoreProperties
  // Full case mappings: [0] lower, [1] upper, [2] title, [3] case fold. Only
  // entries that differ from the code point itself are present.
  std::map<char32_t, std::array<std::u32string, 4>> case_mappings;
  std::vector<bool> nfkc_qc_yes;
  std::vector<bool> full_composition_exclusion;
  std::vector<bool> composition_exclusion;  // CompositionExclusions.txt
  std::map<char32_t, std::string> names;    // explicit names (not ranges, not <control>)
  std::map<char32_t, Decomposition> decompositions;
  std::vector<std::pair<std::string, char32_t>> aliases;
  std::vector<std::pair<std::string, std::u32string>> named_sequences;  // NamedSequences.txt
  std::vector<std::pair<char32_t, char32_t>> cjk_ranges;  // algorithmic names
  std::vector<std::string> jamo_l, jamo_v, jamo_t;        // t[0] is ""
};

// The general categories; index 0 is "Cn" so that an all-zero record means
// "unassigned".
extern const char* const kCategoryNames[30];
// The bidirectional classes; index 0 is "" (unassigned code points).
extern const char* const kBidiNames[24];
// Decomposition tags as UnicodeData writes them; index 0 is "" (canonical).
extern const char* const kDecompTags[17];
// East_Asian_Width values in CPython's order; index 0 ("F") is what code
// points unassigned in the requested version read.
extern const char* const kEastAsianWidthNames[6];

// "U+00E9" style, for messages.
std::string cp_text(char32_t cp);

[[noreturn]] void fail(const std::string& where, const std::string& message);

// Reads the UCD files in `dir`. `overrides_path` lists the changes after
// max_age that DerivedAge.txt cannot express (see unicode14.txt).
// `unihan_numeric_path` is Unihan_NumericValues.txt, decompressed (Debian
// ships it as .bz2).
void load_ucd(const std::string& dir, Version max_age, const std::string& overrides_path,
              const std::string& unihan_numeric_path, Ucd& ucd);

}  // namespace unicodegen
