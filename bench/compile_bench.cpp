// spindle-compile-bench: parse + compile a list of files, many times, and
// print the time of each round. The counterpart of compile_stdlib.py's
// CPython side: files are read once up front, only compilation is timed.
//
// Usage: spindle-compile-bench LISTFILE ROUNDS
//   LISTFILE holds one path per line. Prints "round N: SECONDS" per round and
//   a final "ok=K failed=F" line (files that raised SyntaxError count as
//   failed; the same files fail under CPython).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "frontend/compile.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: spindle-compile-bench LISTFILE ROUNDS\n");
    return 2;
  }
  std::ifstream list(argv[1]);
  std::vector<std::pair<std::string, std::string>> files;
  for (std::string path; std::getline(list, path);) {
    if (path.empty()) continue;
    std::ifstream f(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    files.emplace_back(path, std::move(bytes));
  }
  int rounds = std::atoi(argv[2]);
  size_t ok = 0, failed = 0;
  for (int r = 0; r < rounds; r++) {
    ok = failed = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (const auto& [path, bytes] : files) {
      spindle::frontend::SyntaxErrorInfo err;
      auto code = spindle::frontend::compile_source(bytes, path, spindle::frontend::CompileMode::Exec, err);
      if (code) ok++; else failed++;
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("round %d: %.4f\n", r, s);
    std::fflush(stdout);
  }
  std::printf("ok=%zu failed=%zu\n", ok, failed);
  return 0;
}
