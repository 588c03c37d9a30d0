// Argument binding worded as a Python `def` reports errors, for the library
// functions that are Python functions in CPython (site's classes, posixpath):
// "relpath() takes from 1 to 2 positional arguments but 3 were given",
// "missing 1 required positional argument: 'path'", "got an unexpected
// keyword argument 'x'", "got multiple values for argument 'x'".
// (objects/args.h words errors as Argument Clinic does, for C functions.)
#pragma once

#include <cstddef>

#include "objects/object.h"

namespace spindle::modules {

using objects::Object;
using objects::ThreadState;

// Binds (args, nargs, kwnames) to `def qualname(p0, ..., p[nparams-1])`
// whose first `required` parameters have no default, into out[0..nparams)
// (borrowed; nullptr where absent). The last `nkwonly` parameters are
// keyword-only (all with defaults). `self_counts`: the def has a leading self
// the caller already consumed (it counts in "takes N positional arguments",
// and `self=` is a second value for it). 0, or -1 with TypeError set.
[[nodiscard]] int bind_py_args(ThreadState* ts, const char* qualname, Object* const* args, size_t nargs,
                               Object* kwnames, const char* const* params, size_t nparams, size_t required,
                               Object** out, bool self_counts = true, size_t nkwonly = 0);

}  // namespace spindle::modules
