// str: immutable text in compact storage — 1, 2 or 4 bytes per code point,
// chosen by the widest character (DESIGN §3) — with a cached hash and a
// cached UTF-8 form.
//
// Invariants:
//   * Storage is canonical: `kind` is the smallest width that holds every
//     code point, so equal strings have equal kinds and equal bytes.
//   * The code points follow the header (`str_data`), NUL-terminated.
//   * `hash` is -1 until computed; `utf8` is null until asked for (for ASCII
//     strings it points at the data itself).
//   * Interned strings (identifiers, names) are immortal and unique per
//     content in their interpreter: `is` compares them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "objects/type.h"

namespace spindle::objects {

extern Type str_type;
extern Type str_iterator_type;
extern Type str_ascii_iterator_type;

struct Str : Object {
  int64_t length = 0;  // code points
  int64_t hash = -1;
  uint8_t kind = 1;    // bytes per code point: 1, 2 or 4
  bool ascii = true;
  bool interned = false;
  char* utf8 = nullptr;  // cached UTF-8 (owned unless == data), NUL-terminated
  size_t utf8_len = 0;
};

[[nodiscard]] inline bool is_str(const Object* o) { return has_flag(o->ob_type, kTypeStrSubclass); }
[[nodiscard]] inline bool is_str_exact(const Object* o) { return o->ob_type == &str_type; }
[[nodiscard]] inline void* str_data(Object* o) { return static_cast<Str*>(o) + 1; }
[[nodiscard]] inline size_t str_length(Object* o) { return static_cast<size_t>(static_cast<Str*>(o)->length); }
[[nodiscard]] inline uint32_t str_char_at(Object* o, int64_t i) {
  auto* s = static_cast<Str*>(o);
  switch (s->kind) {
    case 1: return static_cast<const uint8_t*>(str_data(o))[i];
    case 2: return static_cast<const uint16_t*>(str_data(o))[i];
    default: return static_cast<const uint32_t*>(str_data(o))[i];
  }
}

// Construction. UTF-8 input is "generalized" (lone surrogates allowed, as the
// compiler produces them); invalid bytes raise UnicodeDecodeError.
[[nodiscard]] Object* str_from_utf8(ThreadState* ts, const char* s, size_t n);
[[nodiscard]] Object* str_from_cstr(ThreadState* ts, const char* s);
[[nodiscard]] inline Object* str_from(ThreadState* ts, std::string_view s) { return str_from_utf8(ts, s.data(), s.size()); }
[[nodiscard]] Object* str_from_codepoints(ThreadState* ts, const uint32_t* cps, size_t n);
[[nodiscard]] Object* str_from_u32(ThreadState* ts, std::u32string_view s);
// A one-character string (cached for Latin-1).
[[nodiscard]] Object* str_from_char(ThreadState* ts, uint32_t cp);
// The empty string (immortal).
[[nodiscard]] Object* str_empty();

// Interning: returns the interpreter's unique copy (a new reference), made
// immortal. `steal_s` is consumed.
[[nodiscard]] Object* str_intern(ThreadState* ts, Object* steal_s);
[[nodiscard]] Object* str_intern_cstr(ThreadState* ts, const char* s);

// The UTF-8 form (cached; lone surrogates encoded as 3-byte sequences).
[[nodiscard]] const char* str_utf8(ThreadState* ts, Object* o, size_t* len = nullptr);
[[nodiscard]] std::string_view str_view(ThreadState* ts, Object* o);
[[nodiscard]] std::u32string str_to_u32(Object* o);

[[nodiscard]] bool str_equal(Object* a, Object* b);
[[nodiscard]] bool str_equal_cstr(Object* a, const char* s);
[[nodiscard]] int str_compare(Object* a, Object* b);  // <0, 0, >0 by code point
[[nodiscard]] int64_t str_hash(Object* o);
[[nodiscard]] Object* str_concat(ThreadState* ts, Object* a, Object* b);
// a + b for exact strs whose references the caller gives up (`s += t`):
// when a is held by no one else (and not interned) b is appended to it in
// place, its memory grown by realloc; otherwise a new str. nullptr with
// MemoryError.
[[nodiscard]] Object* str_append_consuming(ThreadState* ts, Object* a, Object* b);
[[nodiscard]] Object* str_join(ThreadState* ts, Object* sep, Object* iterable);
[[nodiscard]] Object* str_substr(ThreadState* ts, Object* o, int64_t start, int64_t end);
[[nodiscard]] int64_t str_find(Object* hay, Object* needle, int64_t start, int64_t end, bool reverse);
// repr(s) of a str object.
[[nodiscard]] Object* str_repr(ThreadState* ts, Object* o);
// printf-style formatting into a new str (plain %s %d %zd %lld %c %x ...).
[[nodiscard]] Object* str_from_format(ThreadState* ts, const char* fmt, ...) __attribute__((format(printf, 2, 3)));

// Builds a str from pieces without intermediate objects.
class StrBuilder {
 public:
  void append(std::string_view utf8) { buf_.append(utf8); }
  void append_char(uint32_t cp);
  // Appends a str object's text.
  void append_str(ThreadState* ts, Object* s);
  [[nodiscard]] Object* finish(ThreadState* ts) { return str_from_utf8(ts, buf_.data(), buf_.size()); }
  [[nodiscard]] const std::string& utf8() const { return buf_; }

 private:
  std::string buf_;
};

// The hash function of str and bytes (siphash-1-3 keyed per process).
[[nodiscard]] int64_t hash_bytes(const void* p, size_t n);
// Sets the process hash key (runtime start-up; PYTHONHASHSEED=0 → zero key).
void set_hash_key(uint64_t k0, uint64_t k1);

}  // namespace spindle::objects
