// Layout of the Unicode tables that tools/unicodegen writes into the build
// tree (gen/unicode_tables.cpp) and that unicode_db.cpp reads.
//
// This header is the one contract between the generator and the runtime: the
// generator includes it too, so record layouts, flag bits and block sizes are
// declared once. Nothing outside src/unicode/ should include it; use
// unicode_db.h.
//
// Invariants (checked by the generator, relied upon by unicode_db.cpp):
// * Every table reflects Unicode 14.0.0 (CPython 3.11's version): code points
//   whose DerivedAge is later are absent (category Cn, no name, no mapping).
// * Two-stage lookups: record = kRecords[kRecordIndex2[(kRecordIndex1[cp >>
//   kBlockShift] << kBlockShift) | (cp & kBlockMask)]], for every cp in
//   0..0x10FFFF; same shape for kDecompIndex1/2 and kCaseIndex1/2 (case
//   record 0 is the identity). Offset 0 of kDecompData and kCaseData means
//   "none".
// * kDecompData entries are [header, cp...] with header = length |
//   (kDecompCompat if the mapping is a compatibility one); mappings are one
//   level (not recursively expanded).
// * kCompositions is sorted by (first, second) and holds exactly the primary
//   composites (canonical pairs minus composition exclusions, minus pairs
//   whose first element is not a starter). Hangul is algorithmic, not listed.
// * Names: kNameRuns is sorted by first_cp; names are numbered in code point
//   order; kNamesByName lists name numbers sorted by spelled name. Name i is
//   at kPhrasebook[offset]: a byte count n, then n bytes of word tokens. A
//   token is one byte t < kOneByteWords (word t) or two bytes t1 t2 (word
//   kOneByteWords + ((t1 - kOneByteWords) << 8 | t2)). Words are separated by
//   ' '; the pseudo-word "-" turns the next separator into '-', and the
//   pseudo-word "#" stands for the code point in hex (%04X), which names like
//   "CJK COMPATIBILITY IDEOGRAPH-F900" end with. Word w is the kLexicon bytes
//   after the length byte at kLexicon[offset], where offset is found from
//   kLexiconBlockOffsets[w / kLexiconBlock] by skipping w % kLexiconBlock
//   words; name offsets likewise from kNameBlockOffsets and kNameBlock.
// * kAliases is sorted by name (NameAliases.txt, all alias types);
//   kNamedSequences likewise (NamedSequences.txt, sequences of 2..4 code
//   points, all made of characters of the requested version).
#pragma once

#include <cstdint>

namespace spindle::unicode::tables {

inline constexpr unsigned kBlockShift = 7;
inline constexpr unsigned kBlockMask = (1u << kBlockShift) - 1;
inline constexpr unsigned kNameBlock = 32;
inline constexpr unsigned kLexiconBlock = 16;
inline constexpr unsigned kOneByteWords = 0xC0;
inline constexpr uint32_t kDecompCompat = 0x100;
// kDecompData headers carry the compatibility tag's index into kDecompTags
// ("<fraction>"...; 0 = canonical) from this bit up.
inline constexpr unsigned kDecompTagShift = 9;

// Bits of CharRecord::flags.
enum CharFlag : uint16_t {
  kXidStart = 1 << 0,       // DerivedCoreProperties XID_Start
  kXidContinue = 1 << 1,    // DerivedCoreProperties XID_Continue
  kPrintable = 1 << 2,      // str.isprintable(): not Cc Cf Cs Co Cn Zl Zp Zs, or ' '
  kNfkcQcYes = 1 << 3,      // NFKC_Quick_Check = Yes
  kAlpha = 1 << 4,          // str.isalpha(): category Lu Ll Lt Lm Lo
  kSpace = 1 << 5,          // str.isspace(): category Zs or bidirectional class WS B S
  kLowercase = 1 << 6,      // DerivedCoreProperties Lowercase (str.islower)
  kUppercase = 1 << 7,      // DerivedCoreProperties Uppercase (str.isupper)
  kCased = 1 << 8,          // DerivedCoreProperties Cased (str.title, final sigma)
  kCaseIgnorable = 1 << 9,  // DerivedCoreProperties Case_Ignorable (final sigma)
  kMirrored = 1 << 10,      // UnicodeData Bidi_Mirrored = Y (unicodedata.mirrored)
};

struct CharRecord {
  uint8_t category;  // index into kCategoryNames
  uint8_t ccc;       // canonical combining class
  uint16_t flags;    // CharFlag bits
  int8_t decimal;    // decimal digit value (UnicodeData field 6), -1 if none
  int8_t digit;      // digit value (field 7), -1 if none
  uint8_t numeric;   // 0 if none, else 1 + index into kNumericValues
  uint8_t bidi;      // index into kBidiNames (0 = "", unassigned)
  uint8_t east_asian_width;  // index into kEastAsianWidthNames (0 = "F", what unassigned code points read)
};

// Full case mappings of one code point, in the order lower, upper, title,
// fold: extended[k] == 0 means the single code point cp + delta[k]; otherwise
// kCaseData[extended[k]] is a length (1..3) followed by the code points.
struct CaseRecord {
  int32_t delta[4];
  uint16_t extended[4];
};

struct Composition {
  char32_t first, second, composite;
};

struct NameRun {
  char32_t first_cp;
  uint32_t count;
  uint32_t first_name;  // number of the name of first_cp
};

struct Alias {
  const char* name;
  char32_t cp;
};

// A named sequence (NamedSequences.txt): unicodedata.lookup accepts these
// names, "\N{...}" does not.
struct NamedSequence {
  const char* name;
  char32_t cps[4];
  uint8_t length;
};

struct CodeRange {
  char32_t first, last;
};

extern const char* const kCategoryNames[];
extern const char* const kBidiNames[];   // bidirectional classes; [0] is ""
extern const char* const kDecompTags[];  // "<font>", ...; [0] is "" (canonical)
extern const char* const kEastAsianWidthNames[];  // "F", "H", "W", "Na", "A", "N"
extern const CharRecord kRecords[];
extern const double kNumericValues[];  // unicodedata.numeric results, exact as float(Fraction)
extern const uint16_t kRecordIndex1[];
extern const uint16_t kRecordIndex2[];
extern const uint16_t kDecompIndex1[];
extern const uint16_t kDecompIndex2[];
extern const uint32_t kDecompData[];
extern const CaseRecord kCaseRecords[];  // record 0: every mapping is the identity
extern const uint16_t kCaseIndex1[];
extern const uint16_t kCaseIndex2[];
extern const uint32_t kCaseData[];
extern const Composition kCompositions[];
extern const uint32_t kCompositionCount;

extern const uint8_t kLexicon[];
extern const uint32_t kLexiconBlockOffsets[];
extern const uint8_t kPhrasebook[];
extern const uint32_t kNameBlockOffsets[];
extern const NameRun kNameRuns[];
extern const uint32_t kNameRunCount;
extern const uint16_t kNamesByName[];
extern const uint32_t kNameCount;
extern const NamedSequence kNamedSequences[];  // sorted by name
extern const uint32_t kNamedSequenceCount;
extern const Alias kAliases[];
extern const uint32_t kAliasCount;
extern const CodeRange kCjkIdeographRanges[];  // algorithmic "CJK UNIFIED IDEOGRAPH-X"
extern const uint32_t kCjkIdeographRangeCount;
extern const char* const kJamoL[19];  // Jamo.txt short names, for Hangul syllables
extern const char* const kJamoV[21];
extern const char* const kJamoT[28];

}  // namespace spindle::unicode::tables
