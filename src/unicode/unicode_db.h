// The Unicode character database, as CPython 3.11 sees it (Unicode 14.0.0):
// character names for "\N{...}", the properties the tokenizer and str need,
// and normalization.
//
// Invariants: every function is total over char32_t (values above U+10FFFF
// behave like unassigned code points), pure, and thread-safe (the tables are
// const data generated at build time by tools/unicodegen; nothing is
// allocated or initialized at run time). Results equal CPython 3.11's
// unicodedata / str methods, checked for every code point by
// tests/unit/unicode_test.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace spindle::unicode {

// The Unicode version the tables describe ("14.0.0", unicodedata.unidata_version).
[[nodiscard]] std::string_view unidata_version();

// What "\N{name}" in a string literal accepts: character names and name
// aliases, ASCII-case-insensitively; "CJK UNIFIED IDEOGRAPH-XXXX" (4 or 5
// upper-case hex digits, inside the 14.0 ideograph ranges) and "HANGUL
// SYLLABLE ..." case-sensitively, as CPython does. Named sequences are not
// accepted (unicodedata.lookup accepts them; \N does not).
[[nodiscard]] std::optional<char32_t> lookup_name(std::string_view name);

// The named sequence called `name` (ASCII-case-insensitively), which
// unicodedata.lookup accepts besides lookup_name's names; empty if none.
[[nodiscard]] std::u32string lookup_named_sequence(std::string_view name);

// unicodedata.name(chr(cp)): the character name, algorithmic ones included;
// empty if the code point has none (controls, unassigned, private use...).
[[nodiscard]] std::string name(char32_t cp);

// Two-letter general category ("Lu", "Cn", ...), as unicodedata.category.
[[nodiscard]] std::string_view category(char32_t cp);

// Canonical combining class, as unicodedata.combining.
[[nodiscard]] int combining_class(char32_t cp);

// unicodedata.decimal / unicodedata.digit; -1 if the character has no such value.
[[nodiscard]] int decimal_value(char32_t cp);
[[nodiscard]] int digit_value(char32_t cp);

// unicodedata.numeric (UnicodeData's numeric field, or Unihan's numeric
// values for ideographs); nullopt if none. str.isnumeric() is has_value().
[[nodiscard]] std::optional<double> numeric_value(char32_t cp);

// unicodedata.bidirectional: the bidirectional class ("L", "AN", ...), "" if unassigned.
[[nodiscard]] std::string_view bidirectional(char32_t cp);
// unicodedata.east_asian_width: "F", "H", "W", "Na", "A" or "N" ("F" if unassigned).
[[nodiscard]] std::string_view east_asian_width(char32_t cp);
// unicodedata.mirrored: the Bidi_Mirrored property.
[[nodiscard]] bool is_mirrored(char32_t cp);
// unicodedata.decomposition: UnicodeData's field as written ("<fraction> 0031
// 2044 0032", "0065 0301"), "" if none (Hangul syllables included).
[[nodiscard]] std::string decomposition_text(char32_t cp);

// chr(cp).isprintable(): false for categories Cc Cf Cs Co Cn Zl Zp Zs, except ' '.
[[nodiscard]] bool is_printable(char32_t cp);

// DerivedCoreProperties XID_Start / XID_Continue. CPython's identifiers also
// accept '_' as a start character; that is the caller's business.
[[nodiscard]] bool is_xid_start(char32_t cp);
[[nodiscard]] bool is_xid_continue(char32_t cp);

// The str predicates for one character (CPython's unicodectype rules).
[[nodiscard]] bool is_alpha(char32_t cp);       // category L*
[[nodiscard]] bool is_space(char32_t cp);       // Zs, or bidirectional class WS, B, S
[[nodiscard]] bool is_lowercase(char32_t cp);   // Lowercase property
[[nodiscard]] bool is_uppercase(char32_t cp);   // Uppercase property
[[nodiscard]] bool is_titlecase(char32_t cp);   // category Lt
[[nodiscard]] bool is_cased(char32_t cp);       // Cased property
[[nodiscard]] bool is_case_ignorable(char32_t cp);  // Case_Ignorable property
[[nodiscard]] inline bool is_decimal(char32_t cp) { return decimal_value(cp) >= 0; }
[[nodiscard]] inline bool is_digit(char32_t cp) { return digit_value(cp) >= 0; }
[[nodiscard]] inline bool is_numeric(char32_t cp) { return numeric_value(cp).has_value(); }

// A full case mapping: at most three code points.
struct CaseMapping {
  char32_t cps[3];
  int size;
  [[nodiscard]] std::u32string_view view() const { return {cps, static_cast<size_t>(size)}; }
};
enum class CaseKind { Lower, Upper, Title, Fold };

// What str.lower / upper / title / casefold do to one character: the
// unconditional SpecialCasing mappings, else UnicodeData's simple ones;
// folding from CaseFolding.txt (C and F), else the full lower case. The
// context-dependent final sigma (U+03A3 -> U+03C2) is the caller's business:
// str.lower decides it with is_cased and is_case_ignorable.
[[nodiscard]] CaseMapping case_mapping(CaseKind kind, char32_t cp);

enum class NormalForm { NFC, NFD, NFKC, NFKD };

// unicodedata.normalize(form, s).
[[nodiscard]] std::u32string normalize(NormalForm form, std::u32string_view s);
[[nodiscard]] inline std::u32string nfkc(std::u32string_view s) { return normalize(NormalForm::NFKC, s); }

// True when s is certainly already in NFKC (the UAX #15 quick check answered
// Yes), so nfkc(s) == s without normalizing. False means "maybe not": call
// nfkc(). The tokenizer uses it to skip normalizing most identifiers.
[[nodiscard]] bool is_nfkc_quick_yes(std::u32string_view s);

}  // namespace spindle::unicode
