// The shared argument parser (see args.h). Messages follow CPython 3.11's
// _PyArg_UnpackKeywords / _PyArg_CheckPositional wording exactly.
#include "objects/args.h"

#include <cstring>

#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"

namespace spindle::objects {

using runtime::raise_format;

size_t kwnames_count(Object* kwnames) { return kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0; }

int check_no_kwargs(ThreadState* ts, const char* name, Object* kwnames) {
  if (kwnames_count(kwnames) == 0) return 0;
  raise_format(ts, &exc::TypeError, "%s() takes no keyword arguments", name);
  return -1;
}

int check_nargs(ThreadState* ts, const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs < min) {
    raise_format(ts, &exc::TypeError, "%s expected %s%zu argument%s, got %zu", name, min == max ? "" : "at least ", min,
                 min == 1 ? "" : "s", nargs);
    return -1;
  }
  if (nargs > max) {
    raise_format(ts, &exc::TypeError, "%s expected %s%zu argument%s, got %zu", name, min == max ? "" : "at most ", max,
                 max == 1 ? "" : "s", nargs);
    return -1;
  }
  return 0;
}

namespace {

// The shape of a signature, counted once per call (signatures are tiny).
struct Shape {
  size_t posonly = 0;  // positional-only parameters
  size_t maxpos = 0;   // parameters that may be given by position
  size_t minpos = 0;   // required positional parameters (a prefix)
  size_t nnamed = 0;   // parameters other than *args / **kwargs
  int varpos = -1;     // index of *args
  int varkw = -1;      // index of **kwargs
};

Shape shape_of(const Signature& sig) {
  Shape s;
  for (size_t i = 0; i < sig.nparams; ++i) {
    const Param& p = sig.params[i];
    switch (p.kind) {
      case ParamKind::PositionalOnly:
        ++s.posonly;
        [[fallthrough]];
      case ParamKind::PositionalOrKeyword:
        ++s.maxpos;
        if (!p.optional) s.minpos = s.maxpos;
        ++s.nnamed;
        break;
      case ParamKind::VarPositional:
        s.varpos = static_cast<int>(i);
        break;
      case ParamKind::KeywordOnly:
        ++s.nnamed;
        break;
      case ParamKind::VarKeyword:
        s.varkw = static_cast<int>(i);
        break;
    }
  }
  return s;
}

// Index of the keyword parameter called `key` (positional-only ones are not
// keyword-able), or -1.
int find_param(ThreadState* ts, const Signature& sig, Object* key) {
  size_t len = 0;
  const char* name = str_utf8(ts, key, &len);
  if (!name) return -1;
  for (size_t i = 0; i < sig.nparams; ++i) {
    const Param& p = sig.params[i];
    if (p.kind == ParamKind::PositionalOnly || p.kind == ParamKind::VarPositional || p.kind == ParamKind::VarKeyword) {
      continue;
    }
    if (std::strlen(p.name) == len && std::memcmp(p.name, name, len) == 0) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

int parse_args(ThreadState* ts, const Signature& sig, Object* const* args, size_t nargs, Object* kwnames,
               ArgValues& out) {
  const Shape s = shape_of(sig);
  const size_t nkw = kwnames_count(kwnames);
  const char* fname = sig.name;

  if (s.varpos < 0 && s.varkw < 0 && nargs + nkw > s.nnamed) {
    raise_format(ts, &exc::TypeError, "%s() takes at most %zu %sargument%s (%zu given)", fname, s.nnamed,
                 nargs == 0 ? "keyword " : "", s.nnamed == 1 ? "" : "s", nargs + nkw);
    return -1;
  }
  if (s.varpos < 0 && nargs > s.maxpos) {
    if (s.maxpos == 0) {
      raise_format(ts, &exc::TypeError, "%s() takes no positional arguments", fname);
    } else {
      raise_format(ts, &exc::TypeError, "%s() takes %s %zu positional argument%s (%zu given)", fname,
                   s.minpos < s.maxpos ? "at most" : "exactly", s.maxpos, s.maxpos == 1 ? "" : "s", nargs);
    }
    return -1;
  }
  if (nargs < s.posonly && nargs < s.minpos) {
    size_t need = s.minpos < s.posonly ? s.minpos : s.posonly;
    raise_format(ts, &exc::TypeError, "%s() takes %s %zu positional argument%s (%zu given)", fname,
                 (s.varpos >= 0 || need < s.maxpos) ? "at least" : "exactly", need, need == 1 ? "" : "s", nargs);
    return -1;
  }

  // Positional arguments, then the surplus into *args.
  size_t npos = nargs < s.maxpos ? nargs : s.maxpos;
  {
    size_t k = 0;
    for (size_t i = 0; i < sig.nparams && k < npos; ++i) {
      ParamKind kind = sig.params[i].kind;
      if (kind == ParamKind::PositionalOnly || kind == ParamKind::PositionalOrKeyword) out.slots_[i] = args[k++];
    }
  }
  if (s.varpos >= 0) {
    size_t extra = nargs - npos;
    Object* t = tuple_new(ts, extra);
    if (!t) return -1;
    for (size_t k = 0; k < extra; ++k) tuple_items(t)[k] = new_ref(args[npos + k]);
    out.var_positional_ = t;
    out.slots_[s.varpos] = t;
  }
  if (s.varkw >= 0) {
    Object* d = dict_new(ts);
    if (!d) return -1;
    out.var_keyword_ = d;
    out.slots_[s.varkw] = d;
  }

  // Keywords.
  for (size_t k = 0; k < nkw; ++k) {
    Object* key = tuple_items(kwnames)[k];
    Object* value = args[nargs + k];
    int i = find_param(ts, sig, key);
    if (i < 0) {
      if (s.varkw >= 0) {
        if (dict_set_item(ts, out.var_keyword_, key, value) < 0) return -1;
        continue;
      }
      raise_format(ts, &exc::TypeError, "'%s' is an invalid keyword argument for %s()", str_utf8(ts, key, nullptr),
                   fname);
      return -1;
    }
    if (out.slots_[i] != nullptr) {
      // Its position among the positional parameters, counted from 1.
      size_t pos = 0;
      for (int j = 0; j <= i; ++j) {
        ParamKind kind = sig.params[j].kind;
        if (kind == ParamKind::PositionalOnly || kind == ParamKind::PositionalOrKeyword) ++pos;
      }
      raise_format(ts, &exc::TypeError, "argument for %s() given by name ('%s') and position (%zu)", fname,
                   sig.params[i].name, pos);
      return -1;
    }
    out.slots_[i] = value;
  }

  // Required parameters still missing.
  // Clinic counts "pos" over all named parameters, keyword-only ones included.
  size_t pos = 0;
  for (size_t i = 0; i < sig.nparams; ++i) {
    const Param& p = sig.params[i];
    if (p.kind == ParamKind::VarPositional || p.kind == ParamKind::VarKeyword) continue;
    ++pos;
    if (p.optional || out.slots_[i] != nullptr) continue;
    if (p.kind == ParamKind::PositionalOnly) {
      raise_format(ts, &exc::TypeError, "%s() takes %s %zu positional argument%s (%zu given)", fname,
                   s.minpos < s.maxpos ? "at least" : "exactly", s.minpos, s.minpos == 1 ? "" : "s", nargs);
    } else {
      raise_format(ts, &exc::TypeError, "%s() missing required argument '%s' (pos %zu)", fname, p.name, pos);
    }
    return -1;
  }
  return 0;
}

}  // namespace spindle::objects
