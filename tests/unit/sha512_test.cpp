// Unit tests of the SHA-512 used by random.seed() (src/modules/sha512.h):
// the FIPS 180-4 examples, and every length 0..300 of a byte pattern (all the
// padding boundaries: 111, 112, 127, 128 bytes...) against python3's hashlib,
// the oracle, plus incremental feeding in odd pieces.
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "modules/sha512.h"

namespace {

using spindle::modules::Sha512;
using spindle::modules::Sha512Digest;
using spindle::modules::sha512;

std::string hex(const Sha512Digest& d) {
  static const char digits[] = "0123456789abcdef";
  std::string s;
  for (uint8_t b : d) {
    s += digits[b >> 4];
    s += digits[b & 15];
  }
  return s;
}

std::string pattern(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += static_cast<char>((i * 131 + 7) & 0xff);
  return s;
}

TEST(Sha512, FipsExamples) {
  EXPECT_EQ(hex(sha512("abc")),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  EXPECT_EQ(hex(sha512("")),
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
            "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
  EXPECT_EQ(hex(sha512("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")),
            "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
            "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
}

TEST(Sha512, IncrementalMatchesOneShot) {
  std::string data = pattern(1000);
  Sha512 s;
  size_t pos = 0;
  for (size_t piece = 1; pos < data.size(); piece = piece * 3 % 200 + 1) {
    size_t n = std::min(piece, data.size() - pos);
    s.update(data.data() + pos, n);
    pos += n;
  }
  EXPECT_EQ(hex(s.finish()), hex(sha512(data)));
}

TEST(Sha512, MatchesHashlibOracle) {
  const char* command =
      "python3 -c \"import hashlib\n"
      "for n in range(301): print(hashlib.sha512(bytes((i*131+7)&255 for i in range(n))).hexdigest())\"";
  FILE* pipe = popen(command, "r");
  ASSERT_NE(pipe, nullptr);
  std::string text;
  char buf[4096];
  size_t got;
  while ((got = fread(buf, 1, sizeof buf, pipe)) > 0) text.append(buf, got);
  ASSERT_EQ(pclose(pipe), 0);
  std::istringstream in(text);
  std::string line;
  size_t n = 0;
  for (; std::getline(in, line); ++n) EXPECT_EQ(hex(sha512(pattern(n))), line) << "length " << n;
  EXPECT_EQ(n, 301u);
}

}  // namespace
