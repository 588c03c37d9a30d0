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
                 const char* const* params, size_t nparams, size_t required, Object** out, bool self_counts,
                 size_t nkwonly) {
  const size_t extra = self_counts ? 1 : 0;
  const size_t npos = nparams - nkwonly;
  for (size_t i = 0; i < nparams; ++i) out[i] = nullptr;
  for (size_t i = 0; i < nargs && i < npos; ++i) out[i] = args[i];
  int64_t nkw = kwnames ? tuple_size(kwnames) : 0;
  for (int64_t k = 0; k < nkw; ++k) {
    std::string_view key = str_view(ts, tuple_item_borrowed(kwnames, k));
    size_t i = 0;
    while (i < nparams && key != params[i]) ++i;
    if (i == nparams) {
      if (self_counts && key == "self") {
        raise_format(ts, &exc::TypeError, "%s() got multiple values for argument 'self'", qualname);
      } else {
        raise_format(ts, &exc::TypeError, "%s() got an unexpected keyword argument '%.*s'", qualname,
                     static_cast<int>(key.size()), key.data());
      }
      return -1;
    }
    if (out[i]) {
      raise_format(ts, &exc::TypeError, "%s() got multiple values for argument '%s'", qualname, params[i]);
      return -1;
    }
    out[i] = args[nargs + static_cast<size_t>(k)];
  }
  if (nargs > npos) {
    // CPython's too_many_positional wording.
    size_t kwonly_given = 0;
    for (size_t i = npos; i < nparams; ++i) kwonly_given += out[i] != nullptr;
    size_t given = nargs + extra;
    std::string takes = required < npos ? "from " + std::to_string(required + extra) + " to " + std::to_string(npos + extra)
                                        : std::to_string(npos + extra);
    bool plural = required < npos || npos + extra != 1;
    std::string kwonly;
    if (kwonly_given) {
      kwonly = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " + std::to_string(kwonly_given) +
               " keyword-only argument" + (kwonly_given != 1 ? "s" : "") + ")";
    }
    raise_format(ts, &exc::TypeError, "%s() takes %s positional argument%s but %zu%s %s given", qualname,
                 takes.c_str(), plural ? "s" : "", given, kwonly.c_str(), given == 1 && !kwonly_given ? "was" : "were");
    return -1;
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
