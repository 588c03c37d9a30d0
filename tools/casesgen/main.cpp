// casesgen command line: casesgen INPUT.def OUTPUT_DIR [DISPLAY_NAME]
//
// Writes each generated file only if its contents changed, so an unchanged
// DSL does not trigger recompilation. Exit status 1 on any DSL error (printed
// as file:line: message), 2 on I/O errors.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "casesgen.h"

namespace fs = std::filesystem;
using namespace spindle::casesgen;

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: casesgen INPUT.def OUTPUT_DIR [DISPLAY_NAME]\n";
    return 2;
  }
  std::string input = argv[1];
  fs::path outdir = argv[2];
  std::string display = argc == 4 ? argv[3] : input;
  std::ifstream in(input, std::ios::binary);
  if (!in) {
    std::cerr << input << ": cannot read\n";
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();

  std::vector<std::string> errors;
  Dsl dsl = parse_dsl(ss.str(), display, errors);
  Analysis a;
  if (errors.empty()) a = analyze(dsl, errors);
  if (!errors.empty()) {
    for (const auto& e : errors) std::cerr << e << "\n";
    return 1;
  }
  auto files = emit_all(a, display);
  files["vm/tier1_cases.inc"] = emit_tier1_cases(a, display, errors);
  if (!errors.empty()) {
    for (const auto& e : errors) std::cerr << e << "\n";
    return 1;
  }
  for (const auto& [name, text] : files) {
    fs::path p = outdir / name;
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    std::ifstream old(p, std::ios::binary);
    if (old) {
      std::stringstream os;
      os << old.rdbuf();
      if (os.str() == text) continue;
    }
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) {
      std::cerr << p.string() << ": cannot write\n";
      return 2;
    }
  }
  return 0;
}
