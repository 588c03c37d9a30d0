// The 40-byte block pool: distinct zeroed blocks, reuse of freed blocks,
// frees from another thread returned to the owner, empty chunks released.
#include "objects/small_alloc.h"

#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <thread>
#include <vector>

namespace spindle::objects {
namespace {

// Sanitizer builds hand blocks to calloc/free: which block comes back next
// is then ASan's choice (its quarantine delays reuse on purpose).
#ifdef SPINDLE_SYSTEM_MALLOC
constexpr bool kPooled = false;
#else
constexpr bool kPooled = true;
#endif

bool all_zero(const void* p) {
  const auto* b = static_cast<const unsigned char*>(p);
  for (size_t i = 0; i < kSmallBlockBytes; ++i) {
    if (b[i]) return false;
  }
  return true;
}

TEST(SmallAllocTest, BlocksAreDistinctZeroedAndReused) {
  SmallPool* pool = small_pool_new();
  std::vector<void*> blocks;
  std::set<void*> seen;
  for (int i = 0; i < 5000; ++i) {  // several chunks
    void* b = small_alloc(pool);
    ASSERT_NE(b, nullptr);
    EXPECT_TRUE(all_zero(b));
    EXPECT_EQ(reinterpret_cast<uintptr_t>(b) % 8, 0u);
    EXPECT_TRUE(seen.insert(b).second);
    std::memset(b, 0xAB, kSmallBlockBytes);
    blocks.push_back(b);
  }
  // Every other block back: new allocations reuse them, zeroed again.
  std::set<void*> freed;
  std::vector<void*> out;  // blocks still held at the end
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (i % 2) {
      out.push_back(blocks[i]);
    } else {
      small_free(blocks[i]);
      freed.insert(blocks[i]);
    }
  }
  // The current chunk's fresh slots (fewer than a chunk) come first, then
  // the freed blocks of the earlier chunks.
  size_t reused = 0;
  for (size_t i = 0; i < 2 * freed.size(); ++i) {
    void* b = small_alloc(pool);
    reused += freed.count(b);
    EXPECT_TRUE(all_zero(b));
    out.push_back(b);
  }
  if (kPooled) {
    EXPECT_EQ(reused, freed.size());
  }
  for (void* b : out) small_free(b);
  small_pool_free(pool);
}

TEST(SmallAllocTest, FreesFromAnotherThreadReturnToTheOwner) {
  SmallPool* pool = small_pool_new();
  std::vector<void*> blocks;
  for (int i = 0; i < 4000; ++i) blocks.push_back(small_alloc(pool));
  std::set<void*> freed(blocks.begin(), blocks.begin() + 2000);
  std::thread other([&] {
    for (int i = 0; i < 2000; ++i) small_free(blocks[static_cast<size_t>(i)]);
  });
  other.join();
  // The owner exhausts its current chunk, then takes the remote frees back.
  size_t reused = 0;
  std::vector<void*> more;
  for (int i = 0; i < 4000; ++i) {
    void* b = small_alloc(pool);
    reused += freed.count(b);
    EXPECT_TRUE(all_zero(b));
    more.push_back(b);
  }
  if (kPooled) {
    EXPECT_EQ(reused, freed.size());
  }
  for (size_t i = 2000; i < blocks.size(); ++i) small_free(blocks[i]);
  for (void* b : more) small_free(b);
  small_pool_free(pool);
}

TEST(SmallAllocTest, EmptyChunksAreReleasedAndFreshOnesWork) {
  SmallPool* pool = small_pool_new();
  for (int round = 0; round < 3; ++round) {
    std::vector<void*> blocks;
    for (int i = 0; i < 20000; ++i) blocks.push_back(small_alloc(pool));
    for (void* b : blocks) small_free(b);
  }
  void* b = small_alloc(pool);
  EXPECT_NE(b, nullptr);
  EXPECT_TRUE(all_zero(b));
  small_free(b);
  small_pool_free(pool);
}

}  // namespace
}  // namespace spindle::objects
