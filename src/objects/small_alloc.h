// Blocks of exactly 40 bytes for small non-GC objects (float is one).
//
// Debian's mimalloc rounds small requests up to a multiple of 16 bytes, so a
// 40-byte object (the 32-byte free-threaded header plus one word) would take
// 48. This pool carves 64 KiB chunks mapped from the kernel into 40-byte
// slots instead; a program holding 300,000 floats saves 2.4 MB.
//
// Ownership: a chunk belongs to the ThreadState whose pool carved it. Its
// owner allocates and frees without atomics; another thread's free pushes
// the block onto the chunk's atomic `remote` list, which the owner takes back
// when it next runs out of free slots. A chunk whose blocks are all free goes
// back to the kernel, except for up to 256 empty chunks (16 MiB) kept for reuse.
// ThreadStates live as long as the process today; when they can end, their
// chunks must be handed over (adopted) rather than freed.
//
// Objects from the pool carry kObSmallBlock in ob_flags; free_object sends
// them back here. Sanitizer builds (SPINDLE_SYSTEM_MALLOC) use calloc/free so
// ASan sees every block.
#pragma once

#include <cstddef>

namespace spindle::objects {

inline constexpr size_t kSmallBlockBytes = 40;

struct SmallPool;

[[nodiscard]] SmallPool* small_pool_new();
// Unmaps a pool all of whose blocks have been freed (by any thread).
void small_pool_free(SmallPool* pool);
// A zeroed 40-byte block, or nullptr (no exception set).
[[nodiscard]] void* small_alloc(SmallPool* pool);
// Returns a block from small_alloc, from any thread.
void small_free(void* block);

}  // namespace spindle::objects
