// bytearray's mutating methods (append, insert, pop, ...). Every change of
// size goes through bytearray_assign, which refuses while the buffer is
// exported to a memoryview.
#include <algorithm>
#include <string>

#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/bytes_internal.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"

namespace spindle::objects {

using runtime::has_exception;
using runtime::raise;
using runtime::raise_format;

Object* bytearray_m_append(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int v = byte_value(ts, args[0]);
  if (v < 0) return nullptr;
  std::string s(byteslike_view(self));
  s += static_cast<char>(v);
  return bytearray_assign(ts, self, s) < 0 ? nullptr : py_none();
}

Object* bytearray_m_extend(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  Object* src = args[0];
  std::string add;
  std::string_view v;
  if (get_byteslike(src, &v)) {
    add.assign(v);
  } else {
    if (is_str(src)) {
      if (str_length(src) == 0) return py_none();
      return raise(ts, &exc::TypeError, "'str' object cannot be interpreted as an integer");
    }
    if (src->ob_type->nb_index || !src->ob_type->iter) {
      return raise_format(ts, &exc::TypeError, "can't extend bytearray with %s", type_name(src->ob_type));
    }
    if (bytes_from_source(ts, src, &add, "bytearray") < 0) return nullptr;
  }
  std::string s(byteslike_view(self));
  s += add;
  return bytearray_assign(ts, self, s) < 0 ? nullptr : py_none();
}

Object* bytearray_m_insert(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (check_positional(ts, "insert", nargs, kw, 2, 2) < 0) return nullptr;
  int64_t i = as_ssize(ts, args[0], nullptr);
  if (i == -1 && has_exception(ts)) return nullptr;
  int v = byte_value(ts, args[1]);
  if (v < 0) return nullptr;
  std::string s(byteslike_view(self));
  int64_t n = static_cast<int64_t>(s.size());
  if (i < 0) i = std::max<int64_t>(0, i + n);
  if (i > n) i = n;
  s.insert(static_cast<size_t>(i), 1, static_cast<char>(v));
  return bytearray_assign(ts, self, s) < 0 ? nullptr : py_none();
}

Object* bytearray_m_pop(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (check_positional(ts, "pop", nargs, kw, 0, 1) < 0) return nullptr;
  int64_t i = -1;
  if (nargs) {
    i = as_ssize(ts, args[0], &exc::OverflowError);
    if (i == -1 && has_exception(ts)) return nullptr;
  }
  std::string s(byteslike_view(self));
  if (s.empty()) return raise(ts, &exc::IndexError, "pop from empty bytearray");
  int64_t n = static_cast<int64_t>(s.size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(ts, &exc::IndexError, "pop index out of range");
  unsigned char c = static_cast<unsigned char>(s[static_cast<size_t>(i)]);
  s.erase(static_cast<size_t>(i), 1);
  if (bytearray_assign(ts, self, s) < 0) return nullptr;
  return int_from_i64(ts, c);
}

Object* bytearray_m_remove(ThreadState* ts, Object* self, Object* const* args, size_t, Object*) {
  int v = byte_value(ts, args[0]);
  if (v < 0) return nullptr;
  std::string s(byteslike_view(self));
  size_t at = s.find(static_cast<char>(v));
  if (at == std::string::npos) return raise(ts, &exc::ValueError, "value not found in bytearray");
  s.erase(at, 1);
  return bytearray_assign(ts, self, s) < 0 ? nullptr : py_none();
}

Object* bytearray_m_clear(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  return bytearray_assign(ts, self, "") < 0 ? nullptr : py_none();
}

Object* bytearray_m_copy(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::string_view s = byteslike_view(self);
  return bytearray_from(ts, s.data(), s.size());
}

Object* bytearray_m_reverse(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::string s(byteslike_view(self));
  std::reverse(s.begin(), s.end());
  return bytearray_assign(ts, self, s) < 0 ? nullptr : py_none();
}

Object* bytearray_m_alloc(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  int64_t n = static_cast<ByteArray*>(self)->size;
  return int_from_i64(ts, n ? n + 1 : 0);
}

// (type(self), (latin-1 text, 'latin-1'), __dict__ or None): what pickle and copy use.
Object* bytearray_m_reduce(ThreadState* ts, Object* self, Object* const*, size_t, Object*) {
  std::string_view s = byteslike_view(self);
  std::u32string text;
  for (unsigned char c : s) text += static_cast<char32_t>(c);
  Ref str = Ref::steal(str_from_u32(ts, text));
  Ref enc = Ref::steal(str_from_cstr(ts, "latin-1"));
  if (!str || !enc) return nullptr;
  Ref args = Ref::steal(s.empty() ? tuple_empty() : tuple_pack(ts, {str.get(), enc.get()}));
  if (!args) return nullptr;
  Object* dict = instance_dict_ptr(self) ? instance_dict_borrowed(ts, self) : nullptr;
  if (!dict && has_exception(ts)) return nullptr;
  if (dict && dict_size(dict) == 0) dict = nullptr;
  return tuple_pack(ts, {self->ob_type, args.get(), dict ? dict : py_none()});
}

Object* bytearray_m_reduce_ex(ThreadState* ts, Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (check_positional(ts, "__reduce_ex__", nargs, kw, 0, 1) < 0) return nullptr;
  if (nargs && !args[0]->ob_type->nb_index) {
    return raise_format(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]->ob_type));
  }
  return bytearray_m_reduce(ts, self, nullptr, 0, nullptr);
}

}  // namespace spindle::objects
