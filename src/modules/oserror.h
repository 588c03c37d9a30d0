// Helpers the os and io modules share: OSError subclasses chosen by errno
// (FileNotFoundError for ENOENT, ...) and the conversion of path arguments
// (str, bytes, os.PathLike) with CPython's TypeError wording.
#pragma once

#include <string>

#include "objects/object.h"

namespace spindle::modules {

using objects::Object;
using objects::ThreadState;

// Raises the OSError subclass for `err`: "[Errno 2] No such file or
// directory: 'name'" (filename / filename2 may be null). Returns nullptr.
std::nullptr_t raise_os_error(ThreadState* ts, int err, Object* filename = nullptr, Object* filename2 = nullptr);

// os.fspath(o): a new reference to a str or bytes, or nullptr with TypeError.
[[nodiscard]] Object* fspath(ThreadState* ts, Object* o);

// A path argument converted for a system call.
struct PathArg {
  std::string path;       // the bytes handed to the system
  bool is_bytes = false;  // given as bytes: results are bytes too
};
// Converts `o` for `func`; `allowed` completes "path should be <allowed>, not
// <type>" ("string, bytes or os.PathLike"). 0, or -1 with the error set.
[[nodiscard]] int convert_path(ThreadState* ts, Object* o, const char* func, const char* allowed, PathArg* out);

}  // namespace spindle::modules
