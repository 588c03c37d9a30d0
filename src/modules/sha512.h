// SHA-512 (FIPS 180-4, section 6.4), the digest random.seed() appends to a
// str/bytes seed. Self-contained: one-shot and incremental forms.
//
// Invariant: `buffered` < 128 bytes are waiting in `block`; `total_bytes`
// counts everything fed so far (messages shorter than 2^64 bytes, so the
// high half of the 128-bit length field is always zero).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace spindle::modules {

using Sha512Digest = std::array<uint8_t, 64>;

class Sha512 {
 public:
  Sha512();
  void update(const void* data, size_t n);
  // The digest of everything fed so far; the object must not be reused.
  [[nodiscard]] Sha512Digest finish();

 private:
  void compress(const uint8_t* block);
  uint64_t h_[8];
  uint8_t block_[128];
  size_t buffered_ = 0;
  uint64_t total_bytes_ = 0;
};

[[nodiscard]] Sha512Digest sha512(std::string_view data);

}  // namespace spindle::modules
