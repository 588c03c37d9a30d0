// The 40-byte block pool (see small_alloc.h for the ownership rules).
// Chunks are mapped from the kernel, 64 KiB aligned so a block finds its
// chunk by masking its address.
#include "objects/small_alloc.h"

#include <sys/mman.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <new>

#include "objects/alloc.h"
#include "objects/object.h"

namespace spindle::objects {

#ifdef SPINDLE_SYSTEM_MALLOC

struct SmallPool {};
SmallPool* small_pool_new() { return new SmallPool(); }
void small_pool_free(SmallPool* pool) { delete pool; }
void* small_alloc(SmallPool*) { return mem_calloc(1, kSmallBlockBytes); }
void small_free(void* block) { mem_free(block); }

#else

namespace {

constexpr size_t kChunkBytes = size_t{64} << 10;  // a power of two: chunk_of masks

struct Chunk {
  SmallPool* pool;
  uintptr_t owner;                   // current_thread_id() of the pool's thread
  void* free = nullptr;              // owner-only list of free blocks
  std::atomic<void*> remote{nullptr};  // blocks other threads freed
  uint32_t used = 0;                 // blocks out, as the owner counts them
  uint32_t bump = 0;                 // slots from here on were never handed out
  Chunk* prev = nullptr;             // the pool's list of chunks
  Chunk* next = nullptr;
  Chunk* pnext = nullptr;            // the pool's partial list (free blocks, not current)
  Chunk* pprev = nullptr;
  bool in_partial = false;
};

constexpr size_t kHeaderBytes = (sizeof(Chunk) + 15) & ~size_t{15};
constexpr uint32_t kSlots = static_cast<uint32_t>((kChunkBytes - kHeaderBytes) / kSmallBlockBytes);

void*& next_of(void* block) { return *static_cast<void**>(block); }

Chunk* chunk_of(void* block) {
  return reinterpret_cast<Chunk*>(reinterpret_cast<uintptr_t>(block) & ~(kChunkBytes - 1));
}

}  // namespace

struct SmallPool {
  uintptr_t owner = current_thread_id();
  Chunk* cur = nullptr;      // where allocation happens
  Chunk* chunks = nullptr;   // every chunk in use (cur included)
  Chunk* partial = nullptr;  // chunks other than cur with local free blocks
  void* spare = nullptr;     // empty chunks kept for reuse (linked through their first word)
  int nspare = 0;
  std::atomic<int64_t> remote_pending{0};  // a hint: some chunk has remote frees
};

namespace {

void partial_push(SmallPool* p, Chunk* c) {
  c->in_partial = true;
  c->pprev = nullptr;
  c->pnext = p->partial;
  if (p->partial) p->partial->pprev = c;
  p->partial = c;
}

void partial_remove(SmallPool* p, Chunk* c) {
  if (!c->in_partial) return;
  c->in_partial = false;
  if (c->pprev) c->pprev->pnext = c->pnext;
  else p->partial = c->pnext;
  if (c->pnext) c->pnext->pprev = c->pprev;
}

// Takes back the blocks other threads freed into c.
void reclaim_remote(Chunk* c) {
  void* list = c->remote.exchange(nullptr, std::memory_order_acquire);
  while (list) {
    void* b = list;
    list = next_of(b);
    next_of(b) = c->free;
    c->free = b;
    c->used--;
  }
}

// A chunk-aligned chunk straight from the kernel (mimalloc would round an
// aligned 64 KiB request up to twice that); pages count toward RSS only once
// the bump pointer reaches them.
void* map_chunk() {
  void* mem = mmap(nullptr, 2 * kChunkBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) return nullptr;
  auto start = reinterpret_cast<uintptr_t>(mem);
  uintptr_t aligned = (start + kChunkBytes - 1) & ~(kChunkBytes - 1);
  if (aligned > start) munmap(mem, aligned - start);
  uintptr_t end = start + 2 * kChunkBytes;
  if (end > aligned + kChunkBytes) munmap(reinterpret_cast<void*>(aligned + kChunkBytes), end - aligned - kChunkBytes);
  return reinterpret_cast<void*>(aligned);
}

// Empty chunks a pool keeps mapped (16 MiB): a program that frees a few
// hundred thousand floats and makes them again (pyperformance's float, every
// iteration) reuses the memory instead of unmapping it and faulting it in
// again page by page.
constexpr int kMaxSpare = 256;

Chunk* chunk_new(SmallPool* p) {
  void* mem = p->spare;
  if (mem) {
    p->spare = next_of(mem);
    p->nspare--;
  } else {
    mem = map_chunk();
  }
  if (!mem) return nullptr;
  auto* c = new (mem) Chunk();
  c->pool = p;
  c->owner = p->owner;
  c->next = p->chunks;
  if (p->chunks) p->chunks->prev = c;
  p->chunks = c;
  return c;
}

// c has no block out: it leaves the pool (kept as the spare or freed).
void chunk_release(SmallPool* p, Chunk* c) {
  partial_remove(p, c);
  if (c->prev) c->prev->next = c->next;
  else p->chunks = c->next;
  if (c->next) c->next->prev = c->prev;
  c->~Chunk();
  if (p->nspare < kMaxSpare) {
    next_of(c) = p->spare;
    p->spare = c;
    p->nspare++;
  } else {
    munmap(c, kChunkBytes);
  }
}

// The current chunk is full: collect remote frees if any were announced,
// then continue in a partial chunk, or in a new one.
bool refill(SmallPool* p) {
  if (p->remote_pending.load(std::memory_order_relaxed) > 0) {
    p->remote_pending.store(0, std::memory_order_relaxed);
    for (Chunk* c = p->chunks; c; c = c->next) {
      reclaim_remote(c);
      if (c != p->cur && c->free && !c->in_partial) partial_push(p, c);
    }
    if (p->cur && p->cur->free) return true;
  }
  if (Chunk* c = p->partial) {
    partial_remove(p, c);
    p->cur = c;
    return true;
  }
  Chunk* c = chunk_new(p);
  if (!c) return false;
  p->cur = c;
  return true;
}

}  // namespace

SmallPool* small_pool_new() { return new SmallPool(); }

void small_pool_free(SmallPool* p) {
  while (Chunk* c = p->chunks) {
    p->chunks = c->next;
    munmap(c, kChunkBytes);
  }
  while (void* c = p->spare) {
    p->spare = next_of(c);
    munmap(c, kChunkBytes);
  }
  delete p;
}

void* small_alloc(SmallPool* p) {
  for (;;) {
    if (Chunk* c = p->cur) {
      void* b = c->free;
      if (b) {
        c->free = next_of(b);
      } else if (c->bump < kSlots) {
        b = reinterpret_cast<char*>(c) + kHeaderBytes + size_t{c->bump++} * kSmallBlockBytes;
      }
      if (b) {
        c->used++;
        std::memset(b, 0, kSmallBlockBytes);
        return b;
      }
    }
    if (!refill(p)) return nullptr;
  }
}

void small_free(void* block) {
  Chunk* c = chunk_of(block);
  SmallPool* p = c->pool;
  if (c->owner != current_thread_id()) {
    void* head = c->remote.load(std::memory_order_relaxed);
    do {
      next_of(block) = head;
    } while (!c->remote.compare_exchange_weak(head, block, std::memory_order_release, std::memory_order_relaxed));
    p->remote_pending.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  next_of(block) = c->free;
  c->free = block;
  if (--c->used == 0 && c != p->cur) {
    chunk_release(p, c);
  } else if (c != p->cur && !c->in_partial) {
    partial_push(p, c);
  }
}

#endif

}  // namespace spindle::objects
