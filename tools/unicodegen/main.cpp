// spindle-unicodegen: turns the UCD text files into the compact C++ tables
// described in src/unicode/unicode_tables.h.
//
//   spindle-unicodegen UCD_DIR MAX_AGE OVERRIDES UNIHAN_NUMERIC OUTPUT.cpp
//
// Invariants: the output is a pure function of the inputs (deterministic
// order everywhere, so rebuilds are byte-identical); every size limit that the
// table layout imposes (uint16 indices, token widths) is checked here, never
// assumed at run time.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "ucd.h"
#include "unicode/unicode_tables.h"

namespace tables = spindle::unicode::tables;
using namespace unicodegen;

namespace {

// ---------------------------------------------------------------------------
// Output helpers
// ---------------------------------------------------------------------------

class Writer {
 public:
  std::ostringstream out;
  size_t data_bytes = 0;  // for the size report

  template <typename T>
  void array(const char* decl, const std::vector<T>& values, size_t element_size) {
    out << decl << " = {";
    for (size_t i = 0; i < values.size(); i++) {
      if (i % 16 == 0) out << "\n   ";
      out << ' ' << +values[i] << ',';
    }
    out << "\n};\n\n";
    data_bytes += values.size() * element_size;
  }
};

std::string quote(const std::string& s) { return "\"" + s + "\""; }  // names need no escapes

// Splits `values` (one per code point) into blocks of 2^kBlockShift and
// shares identical blocks.
void two_stage(Writer& w, const char* name1, const char* name2, const std::vector<uint16_t>& values) {
  const size_t block = size_t{1} << tables::kBlockShift;
  std::map<std::vector<uint16_t>, uint16_t> seen;
  std::vector<uint16_t> stage1, stage2;
  for (size_t start = 0; start < values.size(); start += block) {
    std::vector<uint16_t> chunk(values.begin() + start, values.begin() + start + block);
    auto [it, added] = seen.emplace(chunk, static_cast<uint16_t>(seen.size()));
    if (added) {
      if (seen.size() > 0xFFFF) fail(name2, "too many distinct blocks for uint16 indices");
      stage2.insert(stage2.end(), chunk.begin(), chunk.end());
    }
    stage1.push_back(it->second);
  }
  w.array((std::string("const uint16_t ") + name1 + "[]").c_str(), stage1, 2);
  w.array((std::string("const uint16_t ") + name2 + "[]").c_str(), stage2, 2);
}

// ---------------------------------------------------------------------------
// Character records and decompositions
// ---------------------------------------------------------------------------

// The double nearest to a numeric value like "-1/2" (num / den is correctly
// rounded because both fit in a double exactly).
double numeric_value(const std::string& s) {
  size_t slash = s.find('/');
  double num = std::stod(s.substr(0, slash));
  return slash == std::string::npos ? num : num / std::stod(s.substr(slash + 1));
}

void emit_records(Writer& w, const Ucd& ucd) {
  std::map<std::string, uint8_t> numeric_ids;  // value text -> 1 + index
  std::vector<std::string> numeric_values;
  for (const auto& [cp, value] : ucd.numeric) {
    if (numeric_ids.count(value)) continue;
    if (numeric_values.size() >= 255) fail("numeric values", "too many distinct values");
    numeric_values.push_back(value);
    numeric_ids[value] = static_cast<uint8_t>(numeric_values.size());
  }
  std::map<std::tuple<int, int, int, int, int, int, int, int>, uint16_t> ids;
  std::vector<tables::CharRecord> records;
  std::vector<uint16_t> index(kCodeSpace);
  for (char32_t c = 0; c < kCodeSpace; c++) {
    uint16_t flags = 0;
    const char* cat = kCategoryNames[ucd.category[c]];
    if (cat[0] == 'L') flags |= tables::kAlpha;
    if (std::string_view(cat) == "Zs" || ucd.bidi_space[c]) flags |= tables::kSpace;
    if (ucd.lowercase[c]) flags |= tables::kLowercase;
    if (ucd.uppercase[c]) flags |= tables::kUppercase;
    if (ucd.cased[c]) flags |= tables::kCased;
    if (ucd.case_ignorable[c]) flags |= tables::kCaseIgnorable;
    if (ucd.xid_start[c]) flags |= tables::kXidStart;
    if (ucd.xid_continue[c]) flags |= tables::kXidContinue;
    // CPython: printable unless "Other" or "Separator", but ' ' is printable.
    if (c == ' ' || (cat[0] != 'C' && cat[0] != 'Z')) flags |= tables::kPrintable;
    if (ucd.nfkc_qc_yes[c]) flags |= tables::kNfkcQcYes;
    if (ucd.mirrored[c]) flags |= tables::kMirrored;
    auto num = ucd.numeric.find(c);
    uint8_t numeric = num == ucd.numeric.end() ? 0 : numeric_ids[num->second];
    auto key = std::make_tuple(ucd.category[c], ucd.ccc[c], flags, ucd.decimal[c], ucd.digit[c], numeric, ucd.bidi[c],
                               ucd.east_asian_width[c]);
    auto [it, added] = ids.emplace(key, static_cast<uint16_t>(records.size()));
    if (added) {
      if (records.size() == 0xFFFF) fail("records", "too many distinct records");
      records.push_back({ucd.category[c], ucd.ccc[c], flags, ucd.decimal[c], ucd.digit[c], numeric, ucd.bidi[c],
                         ucd.east_asian_width[c]});
    }
    index[c] = it->second;
  }
  w.out << "const char* const kCategoryNames[] = {";
  for (const char* n : kCategoryNames) w.out << quote(n) << ", ";
  w.out << "};\n\nconst char* const kBidiNames[] = {";
  for (const char* n : kBidiNames) w.out << quote(n) << ", ";
  w.out << "};\n\nconst char* const kDecompTags[] = {";
  for (const char* n : kDecompTags) w.out << quote(n) << ", ";
  w.out << "};\n\nconst char* const kEastAsianWidthNames[] = {";
  for (const char* n : kEastAsianWidthNames) w.out << quote(n) << ", ";
  w.out << "};\n\nconst double kNumericValues[] = {\n";
  for (const auto& v : numeric_values) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", numeric_value(v));
    w.out << "    " << buf << ",  // " << v << "\n";
  }
  w.data_bytes += numeric_values.size() * sizeof(double);
  w.out << "};\n\n// {category, ccc, flags, decimal, digit, numeric, bidi, east_asian_width}\nconst CharRecord kRecords[] = {\n";
  for (const auto& r : records)
    w.out << "    {" << +r.category << ", " << +r.ccc << ", " << +r.flags << ", " << +r.decimal << ", "
          << +r.digit << ", " << +r.numeric << ", " << +r.bidi << ", " << +r.east_asian_width << "},\n";
  w.out << "};\n\n";
  w.data_bytes += records.size() * sizeof(tables::CharRecord);
  two_stage(w, "kRecordIndex1", "kRecordIndex2", index);
}

void emit_decompositions(Writer& w, const Ucd& ucd) {
  std::vector<uint32_t> data = {0};  // offset 0 = none
  std::vector<uint16_t> index(kCodeSpace, 0);
  for (const auto& [cp, d] : ucd.decompositions) {
    if (data.size() > 0xFFFF) fail("decompositions", "too much data for uint16 offsets");
    index[cp] = static_cast<uint16_t>(data.size());
    data.push_back(static_cast<uint32_t>(d.cps.size()) | (d.compat ? tables::kDecompCompat : 0) |
                   (static_cast<uint32_t>(d.tag) << tables::kDecompTagShift));
    data.insert(data.end(), d.cps.begin(), d.cps.end());
  }
  w.array("const uint32_t kDecompData[]", data, 4);
  two_stage(w, "kDecompIndex1", "kDecompIndex2", index);

  // Primary composites. CPython's rule: a two-element canonical decomposition
  // whose first element is a starter, not listed in CompositionExclusions.txt.
  // Cross-checked against the derived Full_Composition_Exclusion property.
  std::vector<tables::Composition> pairs;
  for (const auto& [cp, d] : ucd.decompositions) {
    if (d.compat) continue;
    bool composes = d.cps.size() == 2 && ucd.ccc[d.cps[0]] == 0 && !ucd.composition_exclusion[cp];
    if (composes == ucd.full_composition_exclusion[cp] && d.cps.size() > 1)
      fail("DerivedNormalizationProps.txt", "Full_Composition_Exclusion disagrees for " + cp_text(cp));
    if (composes) pairs.push_back({d.cps[0], d.cps[1], cp});
  }
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  });
  w.out << "const Composition kCompositions[] = {\n";
  for (const auto& p : pairs)
    w.out << "    {" << +p.first << ", " << +p.second << ", " << +p.composite << "},\n";
  w.out << "};\nconst uint32_t kCompositionCount = " << pairs.size() << ";\n\n";
  w.data_bytes += pairs.size() * sizeof(tables::Composition);
}

void emit_case_mappings(Writer& w, const Ucd& ucd) {
  std::vector<uint32_t> data = {0};  // offset 0 = none
  std::map<std::u32string, uint16_t> data_offsets;
  std::map<std::pair<std::array<int32_t, 4>, std::array<uint16_t, 4>>, uint16_t> ids;
  std::vector<tables::CaseRecord> records = {{{0, 0, 0, 0}, {0, 0, 0, 0}}};
  ids[{{0, 0, 0, 0}, {0, 0, 0, 0}}] = 0;
  std::vector<uint16_t> index(kCodeSpace, 0);
  for (const auto& [cp, maps] : ucd.case_mappings) {
    tables::CaseRecord r{{0, 0, 0, 0}, {0, 0, 0, 0}};
    for (int k = 0; k < 4; k++) {
      if (maps[k].empty()) continue;  // identity
      if (maps[k].size() == 1) {
        r.delta[k] = static_cast<int32_t>(maps[k][0]) - static_cast<int32_t>(cp);
        continue;
      }
      auto [it, added] = data_offsets.emplace(maps[k], static_cast<uint16_t>(data.size()));
      if (added) {
        if (data.size() > 0xFFF0) fail("case mappings", "too much data for uint16 offsets");
        data.push_back(static_cast<uint32_t>(maps[k].size()));
        data.insert(data.end(), maps[k].begin(), maps[k].end());
      }
      r.extended[k] = it->second;
    }
    auto key = std::make_pair(std::to_array(r.delta), std::to_array(r.extended));
    auto [it, added] = ids.emplace(key, static_cast<uint16_t>(records.size()));
    if (added) {
      if (records.size() == 0xFFFF) fail("case mappings", "too many distinct records");
      records.push_back(r);
    }
    index[cp] = it->second;
  }
  w.out << "// {{lower, upper, title, fold deltas}, {extended offsets}}\nconst CaseRecord kCaseRecords[] = {\n";
  for (const auto& r : records) {
    w.out << "    {{" << r.delta[0] << ", " << r.delta[1] << ", " << r.delta[2] << ", " << r.delta[3] << "}, {"
          << r.extended[0] << ", " << r.extended[1] << ", " << r.extended[2] << ", " << r.extended[3] << "}},\n";
  }
  w.out << "};\n\n";
  w.data_bytes += records.size() * sizeof(tables::CaseRecord);
  w.array("const uint32_t kCaseData[]", data, 4);
  two_stage(w, "kCaseIndex1", "kCaseIndex2", index);
}

// ---------------------------------------------------------------------------
// Names: a word lexicon plus a phrasebook of word numbers
// ---------------------------------------------------------------------------

// Splits a name into the words of the phrasebook (see unicode_tables.h).
std::vector<std::string> split_name(char32_t cp, const std::string& name) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "%04X", unsigned{cp});
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] { words.push_back(word == hex ? "#" : word); word.clear(); };
  for (char c : name) {
    if (c == ' ') {
      flush();
    } else if (c == '-') {
      flush();
      words.push_back("-");
    } else {
      word += c;
    }
  }
  flush();
  return words;
}

void emit_names(Writer& w, const Ucd& ucd) {
  // Frequent words get the small numbers, hence one-byte tokens.
  std::map<std::string, size_t> frequency;
  for (const auto& [cp, name] : ucd.names)
    for (const auto& word : split_name(cp, name)) frequency[word]++;
  std::vector<std::string> words;
  for (const auto& [word, n] : frequency) words.push_back(word);
  std::stable_sort(words.begin(), words.end(),
                   [&](const auto& a, const auto& b) { return frequency[a] > frequency[b]; });
  if (words.size() > tables::kOneByteWords + ((256 - tables::kOneByteWords) << 8))
    fail("names", "too many distinct words for two-byte tokens");
  std::map<std::string, uint32_t> word_id;
  std::vector<uint8_t> lexicon;
  std::vector<uint32_t> lexicon_offsets;
  for (const auto& word : words) {
    if (word_id.size() % tables::kLexiconBlock == 0) lexicon_offsets.push_back(static_cast<uint32_t>(lexicon.size()));
    word_id[word] = static_cast<uint32_t>(word_id.size());
    if (word.size() > 255) fail("names", "word too long: " + word);
    lexicon.push_back(static_cast<uint8_t>(word.size()));
    lexicon.insert(lexicon.end(), word.begin(), word.end());
  }

  std::vector<uint8_t> phrasebook;
  std::vector<uint32_t> block_offsets;
  std::vector<tables::NameRun> runs;
  std::vector<std::pair<std::string, uint16_t>> by_name;
  uint32_t number = 0;
  if (ucd.names.size() > 0xFFFF) fail("names", "too many names for uint16 numbers");
  for (const auto& [cp, name] : ucd.names) {
    if (number % tables::kNameBlock == 0) block_offsets.push_back(static_cast<uint32_t>(phrasebook.size()));
    std::vector<uint8_t> tokens;
    for (const auto& word : split_name(cp, name)) {
      uint32_t v = word_id[word];
      if (v < tables::kOneByteWords) {
        tokens.push_back(static_cast<uint8_t>(v));
      } else {
        v -= tables::kOneByteWords;
        tokens.push_back(static_cast<uint8_t>(tables::kOneByteWords + (v >> 8)));
        tokens.push_back(static_cast<uint8_t>(v & 0xFF));
      }
    }
    if (tokens.size() > 255) fail("names", "name too long: " + name);
    phrasebook.push_back(static_cast<uint8_t>(tokens.size()));
    phrasebook.insert(phrasebook.end(), tokens.begin(), tokens.end());
    if (!runs.empty() && runs.back().first_cp + runs.back().count == cp)
      runs.back().count++;
    else
      runs.push_back({cp, 1, number});
    by_name.push_back({name, static_cast<uint16_t>(number)});
    number++;
  }
  std::sort(by_name.begin(), by_name.end());
  for (size_t i = 1; i < by_name.size(); i++)
    if (by_name[i].first == by_name[i - 1].first) fail("names", "duplicate name " + by_name[i].first);

  w.array("const uint8_t kLexicon[]", lexicon, 1);
  w.array("const uint32_t kLexiconBlockOffsets[]", lexicon_offsets, 4);
  w.array("const uint8_t kPhrasebook[]", phrasebook, 1);
  w.array("const uint32_t kNameBlockOffsets[]", block_offsets, 4);
  w.out << "// {first_cp, count, first_name}\nconst NameRun kNameRuns[] = {\n";
  for (const auto& r : runs) w.out << "    {" << +r.first_cp << ", " << r.count << ", " << r.first_name << "},\n";
  w.out << "};\nconst uint32_t kNameRunCount = " << runs.size() << ";\n\n";
  w.data_bytes += runs.size() * sizeof(tables::NameRun);
  std::vector<uint16_t> order;
  for (const auto& [name, n] : by_name) order.push_back(n);
  w.array("const uint16_t kNamesByName[]", order, 2);
  w.out << "const uint32_t kNameCount = " << number << ";\n\n";

  auto aliases = ucd.aliases;
  std::sort(aliases.begin(), aliases.end());
  w.out << "const Alias kAliases[] = {\n";
  for (const auto& [name, cp] : aliases) {
    if (std::binary_search(by_name.begin(), by_name.end(), std::make_pair(name, uint16_t{0}),
                           [](const auto& a, const auto& b) { return a.first < b.first; }))
      fail("NameAliases.txt", "alias equals a character name: " + name);
    w.out << "    {" << quote(name) << ", " << +cp << "},\n";
    w.data_bytes += name.size() + 1 + sizeof(tables::Alias);
  }
  w.out << "};\nconst uint32_t kAliasCount = " << aliases.size() << ";\n\n";

  auto sequences = ucd.named_sequences;
  std::sort(sequences.begin(), sequences.end());
  w.out << "const NamedSequence kNamedSequences[] = {\n";
  for (const auto& [name, cps] : sequences) {
    w.out << "    {" << quote(name) << ", {";
    for (char32_t c : cps) w.out << "0x" << std::hex << +c << std::dec << ", ";
    w.out << "}, " << cps.size() << "},\n";
    w.data_bytes += name.size() + 1 + sizeof(tables::NamedSequence);
  }
  w.out << "};\nconst uint32_t kNamedSequenceCount = " << sequences.size() << ";\n\n";

  w.out << "const CodeRange kCjkIdeographRanges[] = {\n";
  for (const auto& [a, b] : ucd.cjk_ranges) w.out << "    {0x" << std::hex << +a << ", 0x" << +b << std::dec << "},\n";
  w.out << "};\nconst uint32_t kCjkIdeographRangeCount = " << ucd.cjk_ranges.size() << ";\n\n";

  auto jamo = [&](const char* decl, const std::vector<std::string>& names) {
    w.out << decl << " = {";
    for (const auto& n : names) w.out << quote(n) << ", ";
    w.out << "};\n";
  };
  jamo("const char* const kJamoL[19]", ucd.jamo_l);
  jamo("const char* const kJamoV[21]", ucd.jamo_v);
  jamo("const char* const kJamoT[28]", ucd.jamo_t);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: spindle-unicodegen UCD_DIR MAX_AGE OVERRIDES UNIHAN_NUMERIC OUTPUT.cpp\n");
    return 2;
  }
  std::string dir = argv[1], max_age_text = argv[2], overrides = argv[3], unihan = argv[4], output = argv[5];
  size_t dot = max_age_text.find('.');
  if (dot == std::string::npos) fail("MAX_AGE", "expected MAJOR.MINOR, got " + max_age_text);
  Version max_age = static_cast<Version>(std::stoi(max_age_text.substr(0, dot)) * 256 +
                                         std::stoi(max_age_text.substr(dot + 1)));
  Ucd ucd;
  load_ucd(dir, max_age, overrides, unihan, ucd);

  Writer w;
  w.out << "// GENERATED FILE - do not edit. Written by spindle-unicodegen (tools/unicodegen)\n"
        << "// from the Unicode Character Database in " << dir << " (input version "
        << (ucd.input_version >> 8) << "." << (ucd.input_version & 0xFF) << "), restricted to Unicode "
        << max_age_text << " with " << overrides << ".\n"
        << "// Layout: src/unicode/unicode_tables.h.\n"
        << "#include \"unicode/unicode_tables.h\"\n\nnamespace spindle::unicode::tables {\n\n";
  emit_records(w, ucd);
  emit_decompositions(w, ucd);
  emit_case_mappings(w, ucd);
  emit_names(w, ucd);
  w.out << "\n}  // namespace spindle::unicode::tables\n";

  // Write via a temporary so an interrupted run never leaves a truncated file.
  std::string tmp = output + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    f << w.out.str();
    if (!f) fail(tmp, "cannot write");
  }
  if (std::rename(tmp.c_str(), output.c_str()) != 0) fail(output, "cannot rename into place");
  std::printf("spindle-unicodegen: %zu names, %zu aliases, %zu KB of table data -> %s\n", ucd.names.size(),
              ucd.aliases.size(), w.data_bytes / 1024, output.c_str());
  return 0;
}
