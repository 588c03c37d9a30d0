// Python-style argument binding (pyargs.h).
#include "modules/pyargs.h"

#include <string>
#include <string_view>

#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise_format;

int bind_py_args(ThreadState* ts, const char* qualname, Object* const* args, size_t nargs, Object* kwnames,
                 const char* const* params, size_t nparams, size_t required, Object** out, bool self_counts) {
  const size_t extra = self_counts ? 1 : 0;
  for (size_t i = 0; i < nparams; ++i) out[i] = nullptr;
  if (nargs > nparams) {
    if (required == nparams) {
      raise_format(ts, &exc::TypeError, "%s() takes %zu positional argument%s but %zu %s given", qualname,
                   nparams + extra, nparams + extra == 1 ? "" : "s", nargs + extra, nargs + extra == 1 ? "was" : "were");
    } else {
      raise_format(ts, &exc::TypeError, "%s() takes from %zu to %zu positional arguments but %zu were given",
                   qualname, required + extra, nparams + extra, nargs + extra);
    }
    return -1;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  int64_t nkw = kwnames ? tuple_size(kwnames) : 0;
  for (int64_t k = 0; k < nkw; ++k) {
    std::string_view key = str_view(ts, tuple_item_borrowed(kwnames, k));
    size_t i = 0;
    while (i < nparams && key != params[i]) ++i;
    if (i == nparams) {
      raise_format(ts, &exc::TypeError, "%s() got an unexpected keyword argument '%.*s'", qualname,
                   static_cast<int>(key.size()), key.data());
      return -1;
    }
    if (out[i]) {
      raise_format(ts, &exc::TypeError, "%s() got multiple values for argument '%s'", qualname, params[i]);
      return -1;
    }
    out[i] = args[nargs + static_cast<size_t>(k)];
  }
  std::string missing;
  size_t nmissing = 0;
  for (size_t i = 0; i < required; ++i) nmissing += out[i] ? 0 : 1;
  if (nmissing) {
    size_t seen = 0;
    for (size_t i = 0; i < required; ++i) {
      if (out[i]) continue;
      if (seen) missing += (seen + 1 == nmissing) ? (nmissing == 2 ? " and " : ", and ") : ", ";
      missing += std::string("'") + params[i] + "'";
      ++seen;
    }
    raise_format(ts, &exc::TypeError, "%s() missing %zu required positional argument%s: %s", qualname, nmissing,
                 nmissing == 1 ? "" : "s", missing.c_str());
    return -1;
  }
  return 0;
}

}  // namespace spindle::modules
