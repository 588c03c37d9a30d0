// The format mini-language ([[fill]align][sign][z][#][0][width][grouping]
// [.precision][type]) shared by int, float and str __format__.
#pragma once

#include <cstdint>
#include <string>

#include "objects/type.h"

namespace spindle::objects {

struct FormatSpec {
  uint32_t fill = ' ';
  char align = '\0';  // '<' '>' '^' '=' or 0 (type's default)
  char sign = '\0';   // '+' '-' ' ' or 0
  bool no_neg_zero = false;  // 'z'
  bool alternate = false;    // '#'
  int64_t width = -1;
  char grouping = '\0';      // ',' '_' or 0
  int64_t precision = -1;
  char type = '\0';
};

// Parses `spec` (a str). -1 with ValueError on a malformed spec.
[[nodiscard]] int parse_format_spec(ThreadState* ts, Object* spec, FormatSpec* out);
// A field width the result could not hold raises MemoryError (as CPython's
// allocation would fail). -1 then.
[[nodiscard]] int check_width(ThreadState* ts, int64_t width);
// Pads `body` (UTF-8, `len` code points) to the spec's width and alignment.
[[nodiscard]] std::string pad_formatted(const FormatSpec& f, const std::string& body, size_t len, char default_align);

[[nodiscard]] Object* int_format_impl(ThreadState* ts, Object* self, Object* spec);
[[nodiscard]] Object* float_format_impl(ThreadState* ts, Object* self, Object* spec);
[[nodiscard]] Object* str_format_impl(ThreadState* ts, Object* self, Object* spec);

}  // namespace spindle::objects
