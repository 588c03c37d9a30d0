// A bump allocator for the front end's short-lived data (AST nodes, their
// strings and sequences).
//
// Invariants: everything allocated here is trivially destructible (checked at
// compile time) and lives exactly as long as the Arena; nothing is freed one
// by one. Chunks grow geometrically so parsing a 50 MB file makes few mallocs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace spindle::frontend {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  [[nodiscard]] void* allocate(size_t size, size_t align) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(cur_) + align - 1) & ~(uintptr_t(align) - 1);
    if (cur_ == nullptr || p + size > reinterpret_cast<uintptr_t>(end_)) {
      grow(size + align);
      p = (reinterpret_cast<uintptr_t>(cur_) + align - 1) & ~(uintptr_t(align) - 1);
    }
    cur_ = reinterpret_cast<char*>(p + size);
    return reinterpret_cast<void*>(p);
  }

  template <class T, class... Args>
  [[nodiscard]] T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
  }

  // Copies `s` into the arena. The result is never a null view (so that an
  // empty string and "None" stay distinct where a null view means None).
  [[nodiscard]] std::string_view copy_str(std::string_view s) {
    char* p = static_cast<char*>(allocate(s.size() + 1, 1));
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return {p, s.size()};
  }

  template <class T>
  [[nodiscard]] std::span<T> copy_seq(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (items.empty()) return {};
    T* p = static_cast<T*>(allocate(sizeof(T) * items.size(), alignof(T)));
    std::memcpy(static_cast<void*>(p), items.data(), sizeof(T) * items.size());
    return {p, items.size()};
  }
  template <class T>
  [[nodiscard]] std::span<T> copy_seq(const std::vector<T>& items) {
    return copy_seq(std::span<const T>(items.data(), items.size()));
  }

  size_t bytes_allocated() const { return total_; }

 private:
  void grow(size_t min) {
    size_t size = chunks_.empty() ? 64 * 1024 : chunk_size_ * 2;
    if (size < min) size = min;
    chunk_size_ = size;
    chunks_.push_back(std::make_unique<char[]>(size));
    cur_ = chunks_.back().get();
    end_ = cur_ + size;
    total_ += size;
  }

  std::vector<std::unique_ptr<char[]>> chunks_;
  char* cur_ = nullptr;
  char* end_ = nullptr;
  size_t chunk_size_ = 0;
  size_t total_ = 0;
};

}  // namespace spindle::frontend
