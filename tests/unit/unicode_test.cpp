// Unit tests of spindle::unicode (src/unicode/unicode_db.h) against CPython
// 3.11, the oracle.
//
// The exhaustive test runs tests/unit/unicode_oracle.py once (python3 must be
// CPython 3.11) and checks every code point 0..10FFFF: category, printable,
// XID start/continue, decimal, digit, combining class, name, and the four
// normalization forms of the single character; then every name and alias in
// both directions, names \N must reject, and thousands of pseudo-random
// strings through all four normal forms. The other tests are small spot checks
// that document the API and run without python.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "unicode/unicode_db.h"
#include "unicode/utf8.h"

namespace {

using namespace spindle::unicode;

std::string run_oracle() {
  std::string command = "python3 " SPINDLE_SOURCE_DIR "/tests/unit/unicode_oracle.py " SPINDLE_UCD_DIR;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return "";
  std::string text;
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) text.append(buf, n);
  if (pclose(pipe) != 0) return "";
  return text;
}

std::u32string parse_hexes(std::istringstream& in) {
  std::u32string s;
  std::string word;
  while (in >> word && word != ";") s += static_cast<char32_t>(std::stoul(word, nullptr, 16));
  return s;
}

std::string show(std::u32string_view s) {
  std::string out;
  char buf[16];
  for (char32_t c : s) {
    std::snprintf(buf, sizeof buf, "%s%04X", out.empty() ? "" : " ", unsigned{c});
    out += buf;
  }
  return "[" + out + "]";
}

NormalForm parse_form(const std::string& f) {
  return f == "NFC" ? NormalForm::NFC : f == "NFD" ? NormalForm::NFD : f == "NFKC" ? NormalForm::NFKC : NormalForm::NFKD;
}

// Reports the first few mismatches of a kind, then only counts them, so a
// broken table does not print a million lines.
struct Mismatches {
  std::map<std::string, int> count;
  bool report(const std::string& kind) { return ++count[kind] <= 10; }
};

TEST(UnicodeDb, EveryCodePointMatchesCPython) {
  std::string text = run_oracle();
  ASSERT_FALSE(text.empty()) << "tests/unit/unicode_oracle.py failed (python3 = CPython 3.11 needed)";
  Mismatches bad;
  std::istringstream lines(text);
  std::string line;
  char32_t next_range = 0;
  std::map<std::pair<std::string, char32_t>, std::u32string> single;  // (form, cp) -> normalized
  std::set<char32_t> named;
  std::set<char32_t> cases;  // code points with a "C" line (they precede the R line covering them)
  size_t names = 0, accepted = 0, rejected = 0, sequences = 0, maybe = 0;
  while (std::getline(lines, line)) {
    std::istringstream in(line);
    std::string kind;
    in >> kind;
    if (kind == "V") {
      std::string v;
      in >> v;
      EXPECT_EQ(unidata_version(), v);
    } else if (kind == "R") {
      std::string first, last, cat;
      int printable, xid_start, xid_continue, decimal, digit, ccc, alpha, space, lower, upper, cased,
          ignorable_or_cased, cased_not_ignorable, isnumeric;
      std::string numeric;  // repr(float) or 'x'
      in >> first >> last >> cat >> printable >> xid_start >> xid_continue >> decimal >> digit >> ccc >> alpha >>
          space >> lower >> upper >> cased >> ignorable_or_cased >> cased_not_ignorable >> isnumeric >> numeric;
      std::optional<double> expected_numeric;
      if (numeric != "'x'") expected_numeric = std::stod(numeric);
      ASSERT_FALSE(in.fail()) << line;
      char32_t a = std::stoul(first, nullptr, 16), b = std::stoul(last, nullptr, 16);
      ASSERT_EQ(a, next_range) << "property ranges must cover every code point";
      next_range = b + 1;
      for (char32_t c = a; c <= b; c++) {
        if (category(c) != cat && bad.report("category"))
          ADD_FAILURE() << "category U+" << std::hex << unsigned{c} << ": " << category(c) << " != " << cat;
        if (is_printable(c) != bool(printable) && bad.report("printable"))
          ADD_FAILURE() << "is_printable U+" << std::hex << unsigned{c};
        // str.isidentifier() also accepts '_' as a start character.
        if ((is_xid_start(c) || c == U'_') != bool(xid_start) && bad.report("xid_start"))
          ADD_FAILURE() << "is_xid_start U+" << std::hex << unsigned{c};
        if (is_xid_continue(c) != bool(xid_continue) && bad.report("xid_continue"))
          ADD_FAILURE() << "is_xid_continue U+" << std::hex << unsigned{c};
        if ((decimal_value(c) != decimal || digit_value(c) != digit) && bad.report("digits"))
          ADD_FAILURE() << "decimal/digit U+" << std::hex << unsigned{c};
        if ((numeric_value(c) != expected_numeric || is_numeric(c) != bool(isnumeric)) && bad.report("numeric"))
          ADD_FAILURE() << "numeric_value U+" << std::hex << unsigned{c} << " expected " << numeric;
        if (combining_class(c) != ccc && bad.report("ccc"))
          ADD_FAILURE() << "combining_class U+" << std::hex << unsigned{c};
        if ((is_alpha(c) != bool(alpha) || is_space(c) != bool(space) || is_lowercase(c) != bool(lower) ||
             is_uppercase(c) != bool(upper)) &&
            bad.report("str predicates"))
          ADD_FAILURE() << "isalpha/isspace/islower/isupper U+" << std::hex << unsigned{c};
        if ((is_cased(c) != bool(cased) || (is_case_ignorable(c) || is_cased(c)) != bool(ignorable_or_cased) ||
             (is_cased(c) && !is_case_ignorable(c)) != bool(cased_not_ignorable)) &&
            bad.report("cased"))
          ADD_FAILURE() << "is_cased/is_case_ignorable U+" << std::hex << unsigned{c};
        if (!cases.count(c)) {
          for (CaseKind k : {CaseKind::Lower, CaseKind::Upper, CaseKind::Title, CaseKind::Fold})
            if (case_mapping(k, c).view() != std::u32string(1, c) && bad.report("case"))
              ADD_FAILURE() << "case mapping " << int(k) << " of U+" << std::hex << unsigned{c}
                            << " should be the identity";
        }
      }
    } else if (kind == "C") {
      std::string hex;
      in >> hex;
      char32_t c = std::stoul(hex, nullptr, 16);
      cases.insert(c);
      for (CaseKind k : {CaseKind::Lower, CaseKind::Upper, CaseKind::Title, CaseKind::Fold}) {
        std::u32string expected = parse_hexes(in);
        if (case_mapping(k, c).view() != expected && bad.report("case"))
          ADD_FAILURE() << "case mapping " << int(k) << " of U+" << hex << " = " << show(case_mapping(k, c).view())
                        << ", expected " << show(expected);
      }
    } else if (kind == "N") {
      std::string hex, spelled;
      in >> hex;
      std::getline(in >> std::ws, spelled);
      char32_t c = std::stoul(hex, nullptr, 16);
      named.insert(c);
      names++;
      if (name(c) != spelled && bad.report("name"))
        ADD_FAILURE() << "name(U+" << hex << ") = '" << name(c) << "', expected '" << spelled << "'";
      if (lookup_name(spelled) != std::optional<char32_t>(c) && bad.report("lookup"))
        ADD_FAILURE() << "lookup_name('" << spelled << "') != U+" << hex;
    } else if (kind == "A") {
      std::string hex, spelled;
      in >> hex;
      std::getline(in >> std::ws, spelled);
      accepted++;
      if (lookup_name(spelled) != std::optional<char32_t>(std::stoul(hex, nullptr, 16)) && bad.report("alias"))
        ADD_FAILURE() << "lookup_name('" << spelled << "') != U+" << hex;
    } else if (kind == "X") {
      std::string spelled;
      std::getline(in >> std::ws, spelled);
      rejected++;
      if (lookup_name(spelled) && bad.report("reject"))
        ADD_FAILURE() << "lookup_name('" << spelled << "') should fail";
    } else if (kind == "F") {
      std::string form, hex;
      in >> form >> hex;
      single[{form, static_cast<char32_t>(std::stoul(hex, nullptr, 16))}] = parse_hexes(in);
    } else if (kind == "S") {
      std::string form;
      in >> form;
      std::u32string input = parse_hexes(in), expected = parse_hexes(in);
      sequences++;
      std::u32string got = normalize(parse_form(form), input);
      if (got != expected && bad.report("sequence"))
        ADD_FAILURE() << form << show(input) << " = " << show(got) << ", expected " << show(expected);
      if (form == "NFKC" && is_nfkc_quick_yes(input) && got != input && bad.report("quick"))
        ADD_FAILURE() << "is_nfkc_quick_yes" << show(input) << " but it normalizes";
    } else if (kind == "Q") {
      maybe++;
      std::u32string input = parse_hexes(in);
      if (is_nfkc_quick_yes(input) && bad.report("quick"))
        ADD_FAILURE() << "is_nfkc_quick_yes" << show(input) << " but CPython says not normalized";
    } else {
      FAIL() << "unexpected oracle line: " << line;
    }
  }
  EXPECT_EQ(next_range, 0x110000u);

  // Single code points: normalizations, absence of names.
  static const char* const kForms[] = {"NFC", "NFD", "NFKC", "NFKD"};
  for (char32_t c = 0; c < 0x110000; c++) {
    std::u32string one(1, c);
    for (const char* form : kForms) {
      auto it = single.find({form, c});
      const std::u32string& expected = it == single.end() ? one : it->second;
      std::u32string got = normalize(parse_form(form), one);
      if (got != expected && bad.report("single"))
        ADD_FAILURE() << form << " U+" << std::hex << unsigned{c} << " = " << show(got) << ", expected "
                      << show(expected);
    }
    if (is_nfkc_quick_yes(one) && single.count({"NFKC", c}) && bad.report("quick"))
      ADD_FAILURE() << "is_nfkc_quick_yes(U+" << std::hex << unsigned{c} << ") but it normalizes";
    if (!named.count(c) && !name(c).empty() && bad.report("unnamed"))
      ADD_FAILURE() << "U+" << std::hex << unsigned{c} << " has no name in CPython, got " << name(c);
  }
  for (const auto& [kind, n] : bad.count) ADD_FAILURE() << n << " mismatches of kind " << kind;
  // Guard against a truncated oracle passing vacuously.
  EXPECT_GT(names, 130000u);
  EXPECT_GT(accepted, 900u);
  EXPECT_GT(rejected, 500u);
  EXPECT_GT(sequences, 20000u);
  EXPECT_GT(maybe, 1000u);
  EXPECT_GT(single.size(), 30000u);
}

TEST(UnicodeDb, NameLookupFollowsCPythonCaseRules) {
  EXPECT_EQ(lookup_name("LATIN SMALL LETTER A"), U'a');
  EXPECT_EQ(lookup_name("latin small letter a"), U'a');
  EXPECT_EQ(lookup_name("nul"), U'\0');                        // alias
  EXPECT_EQ(lookup_name("BYTE ORDER MARK"), U'\uFEFF');         // alias
  EXPECT_EQ(lookup_name("HANGUL SYLLABLE GAGG"), U'\uAC02');    // greedy jamo match
  EXPECT_EQ(lookup_name("hangul syllable gag"), std::nullopt);  // algorithmic: case-sensitive
  EXPECT_EQ(lookup_name("CJK UNIFIED IDEOGRAPH-04E00"), U'\u4E00');
  EXPECT_EQ(lookup_name("CJK UNIFIED IDEOGRAPH-4e00"), std::nullopt);
  EXPECT_EQ(lookup_name("CJK UNIFIED IDEOGRAPH-31350"), std::nullopt);  // Unicode 15.0
  EXPECT_EQ(lookup_name("EM"), std::nullopt);                           // alias added in 15.0
  EXPECT_EQ(lookup_name("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE"), std::nullopt);  // named sequence
  EXPECT_EQ(name(U'\u00E9'), "LATIN SMALL LETTER E WITH ACUTE");
  EXPECT_EQ(name(U'\uF900'), "CJK COMPATIBILITY IDEOGRAPH-F900");
  EXPECT_EQ(name(U'\u0F39'), "TIBETAN MARK TSA -PHRU");
  EXPECT_EQ(name(0x110000), "");
}

TEST(UnicodeDb, PropertiesSpotChecks) {
  EXPECT_EQ(category(U'A'), "Lu");
  EXPECT_EQ(category(0x1FAE8), "Cn");  // SHAKING FACE: Unicode 15.0, so unassigned in 3.11
  EXPECT_EQ(category(0x110000), "Cn");
  EXPECT_TRUE(is_printable(U' '));
  EXPECT_FALSE(is_printable(U'\u00A0'));
  EXPECT_FALSE(is_printable(U'\n'));
  EXPECT_TRUE(is_xid_start(U'\u00B5'));
  EXPECT_FALSE(is_xid_start(U'_'));
  EXPECT_TRUE(is_xid_continue(U'_'));
  EXPECT_EQ(nfkc(U"\uFB01"), U"fi");
  EXPECT_EQ(nfkc(U"e\u0301"), U"\u00E9");
  EXPECT_EQ(nfkc(U"\u1100\u1161\u11A8"), U"\uAC01");
  EXPECT_TRUE(is_nfkc_quick_yes(U"caf\u00E9"));
  EXPECT_EQ(case_mapping(CaseKind::Upper, U'\u00DF').view(), U"SS");
  EXPECT_EQ(case_mapping(CaseKind::Title, U'\u00DF').view(), U"Ss");
  EXPECT_EQ(case_mapping(CaseKind::Fold, U'\u00DF').view(), U"ss");
  EXPECT_EQ(case_mapping(CaseKind::Lower, U'\u03A3').view(), U"\u03C3");  // final sigma is the caller's
  EXPECT_EQ(case_mapping(CaseKind::Fold, U'\u13A0').view(), U"\u13A0");   // Cherokee folds to upper case
  EXPECT_FALSE(is_lowercase(U'\u10FC'));  // Other_Lowercase only from Unicode 15.0
  EXPECT_TRUE(is_space(U'\x1C'));
  EXPECT_EQ(numeric_value(U'\u00BD'), 0.5);
  EXPECT_EQ(numeric_value(U'\u4E07'), 10000.0);  // from Unihan
  EXPECT_EQ(numeric_value(U'a'), std::nullopt);
  EXPECT_TRUE(is_cased(U'a'));
  EXPECT_TRUE(is_case_ignorable(U'\''));
  EXPECT_FALSE(is_nfkc_quick_yes(U"\uFB01"));
}

}  // namespace
