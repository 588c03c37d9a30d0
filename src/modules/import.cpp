// The import system (see import.h). Modules are found as `name.py` or
// `name/__init__.py` along sys.path (a package's submodules along its
// __path__); a module is in sys.modules while its body runs and is removed
// again if the body fails.
#include "modules/import.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <string>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"
#include "vm/frame.h"
#include "vm/interpreter.h"

namespace spindle::modules {

using namespace objects;
using runtime::raise;
using runtime::raise_format;

namespace {

bool is_file(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::nullptr_t raise_not_found(ThreadState* ts, const std::string& msg, const std::string& name) {
  Ref m = Ref::steal(str_from(ts, msg));
  Ref n = Ref::steal(str_from(ts, name));
  if (!m || !n) return nullptr;
  Object* a = m.get();
  Ref e = Ref::steal(call(ts, &exc::ModuleNotFoundError, &a, 1));
  if (!e) return nullptr;
  set_ref(as_exception(e.get())->f2, n.release());
  return runtime::raise_object(ts, e.get());
}

Object* sys_path(ThreadState* ts) {
  Object* p = dict_get_item_str_borrowed(ts, module_dict_borrowed(ts->interp->sys), "path");
  return p && is_list(p) ? p : nullptr;
}

// Loads and executes the module `fullname` found at `file`.
Object* load_source_module(ThreadState* ts, const std::string& fullname, const std::string& file, bool package,
                           const std::string& pkg_dir) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return raise_format(ts, &exc::ImportError, "cannot read %s", file.c_str());
  std::stringstream ss;
  ss << in.rdbuf();
  Ref name = Ref::steal(str_from(ts, fullname));
  if (!name) return nullptr;
  Ref m = Ref::steal(module_new(ts, name.get()));
  if (!m) return nullptr;
  Object* d = module_dict_borrowed(m.get());
  Ref f = Ref::steal(str_from(ts, file));
  if (!f || dict_set_item(ts, d, ts->id->dunder_file, f.get()) < 0) return nullptr;
  std::string parent = package ? fullname : (fullname.rfind('.') == std::string::npos ? "" : fullname.substr(0, fullname.rfind('.')));
  Ref pkg = Ref::steal(str_from(ts, parent));
  if (!pkg || dict_set_item(ts, d, ts->id->dunder_package, pkg.get()) < 0) return nullptr;
  if (package) {
    Ref dir = Ref::steal(str_from(ts, pkg_dir));
    Ref path = Ref::steal(list_new(ts, 0));
    if (!dir || !path || list_append(ts, path.get(), dir.get()) < 0 || dict_set_item(ts, d, ts->id->dunder_path, path.get()) < 0)
      return nullptr;
  }
  if (dict_set_item(ts, d, ts->id->dunder_builtins, ts->interp->builtins) < 0) return nullptr;
  Object* modules = ts->interp->modules;
  if (dict_set_item(ts, modules, name.get(), m.get()) < 0) return nullptr;
  Ref code = Ref::steal(vm::compile_to_code(ts, ss.str(), file, "exec", true));
  if (!code || exec_module_code(ts, m.get(), code.get()) < 0) {
    Object* saved = runtime::fetch_exception(ts);
    (void)dict_pop(ts, modules, name.get(), nullptr);
    runtime::restore_exception(ts, saved);
    return nullptr;
  }
  Object* final_mod = dict_get_item_borrowed(ts, modules, name.get());
  if (!final_mod) {
    if (runtime::has_exception(ts)) return nullptr;
    return raise_format(ts, &exc::ImportError, "Loaded module %s not found in sys.modules", fullname.c_str());
  }
  return new_ref(final_mod);
}

// Finds `last` (the final name component) in the directories of `path`.
Object* find_and_load(ThreadState* ts, const std::string& fullname, const std::string& last, Object* path) {
  int64_t n = list_size(path);
  for (int64_t i = 0; i < n; ++i) {
    Object* entry = list_items(path)[i];
    if (!is_str(entry)) continue;
    std::string dir(str_view(ts, entry));
    std::string base = dir.empty() ? last : dir + "/" + last;
    if (is_file(base + "/__init__.py")) return load_source_module(ts, fullname, base + "/__init__.py", true, base);
    if (is_file(base + ".py")) return load_source_module(ts, fullname, base + ".py", false, "");
  }
  return raise_not_found(ts, "No module named '" + fullname + "'", fullname);
}

// A native module (registry.h), entered in sys.modules; a submodule such
// as os.path is also bound on its parent. nullptr without an exception if
// `fullname` is not native.
Object* load_native_module(ThreadState* ts, const std::string& fullname, Object* key) {
  Ref m = Ref::steal(create_native_module(ts, fullname));
  if (!m) return nullptr;
  if (dict_set_item(ts, ts->interp->modules, key, m.get()) < 0) return nullptr;
  size_t dot = fullname.rfind('.');
  if (dot != std::string::npos) {
    Ref parent = Ref::steal(import_module(ts, fullname.substr(0, dot)));
    Ref attr = Ref::steal(str_from(ts, fullname.substr(dot + 1)));
    if (!parent || !attr || set_attr(ts, parent.get(), attr.get(), m.get()) < 0) return nullptr;
  }
  return m.release();
}

std::string module_file_of(ThreadState* ts, Object* m) {
  Ref f = Ref::steal(is_module(m) ? xnew_ref(dict_get_item_borrowed(ts, module_dict_borrowed(m), ts->id->dunder_file)) : nullptr);
  runtime::clear_exception(ts);
  if (f && is_str(f.get())) return std::string(str_view(ts, f.get()));
  return "";
}

// The absolute name for a relative import of `name` at `level` from `globals`.
bool resolve_name(ThreadState* ts, const std::string& name, Object* globals, int level, std::string* out) {
  if (level == 0) {
    *out = name;
    return true;
  }
  Object* pkg = globals ? dict_get_item_borrowed(ts, globals, ts->id->dunder_package) : nullptr;
  std::string base;
  if (pkg && is_str(pkg)) {
    base = std::string(str_view(ts, pkg));
  } else if (globals) {
    Object* mname = dict_get_item_borrowed(ts, globals, ts->id->dunder_name);
    if (mname && is_str(mname)) {
      base = std::string(str_view(ts, mname));
      if (!dict_get_item_borrowed(ts, globals, ts->id->dunder_path)) {
        size_t dot = base.rfind('.');
        base = dot == std::string::npos ? "" : base.substr(0, dot);
      }
    }
  }
  if (base.empty()) {
    raise(ts, &exc::ImportError, "attempted relative import with no known parent package");
    return false;
  }
  for (int i = 1; i < level; ++i) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos) {
      raise(ts, &exc::ImportError, "attempted relative import beyond top-level package");
      return false;
    }
    base = base.substr(0, dot);
  }
  *out = name.empty() ? base : base + "." + name;
  return true;
}

}  // namespace

int exec_module_code(ThreadState* ts, Object* m, Object* code) {
  Object* d = module_dict_borrowed(m);
  Object* r = vm::eval_code(ts, code, d, d);
  if (!r) return -1;
  decref(r);
  return 0;
}

Object* import_module(ThreadState* ts, const std::string& fullname) {
  Object* modules = ts->interp->modules;
  Ref key = Ref::steal(str_from(ts, fullname));
  if (!key) return nullptr;
  Object* m = dict_get_item_borrowed(ts, modules, key.get());
  if (m) {
    if (is_none(m)) return raise_not_found(ts, "import of " + fullname + " halted; None in sys.modules", fullname);
    return new_ref(m);
  }
  if (runtime::has_exception(ts)) return nullptr;
  if (Ref native = Ref::steal(load_native_module(ts, fullname, key.get()))) return native.release();
  if (runtime::has_exception(ts)) return nullptr;
  size_t dot = fullname.rfind('.');
  if (dot == std::string::npos) {
    Object* path = sys_path(ts);
    if (!path) return raise(ts, &exc::ImportError, "sys.path must be a list of directory names");
    return find_and_load(ts, fullname, fullname, path);
  }
  std::string parent_name = fullname.substr(0, dot);
  Ref parent = Ref::steal(import_module(ts, parent_name));
  if (!parent) return nullptr;
  // The parent's body may have imported us.
  m = dict_get_item_borrowed(ts, modules, key.get());
  if (m) return new_ref(m);
  Object* path = is_module(parent.get()) ? dict_get_item_borrowed(ts, module_dict_borrowed(parent.get()), ts->id->dunder_path) : nullptr;
  if (!path || !is_list(path)) {
    return raise_not_found(ts, "No module named '" + fullname + "'; '" + parent_name + "' is not a package", fullname);
  }
  Ref child = Ref::steal(find_and_load(ts, fullname, fullname.substr(dot + 1), path));
  if (!child) return nullptr;
  Ref attr = Ref::steal(str_from(ts, fullname.substr(dot + 1)));
  if (!attr || set_attr(ts, parent.get(), attr.get(), child.get()) < 0) return nullptr;
  return child.release();
}

Object* import_name(ThreadState* ts, Object* name_obj, Object* globals, Object* fromlist, int level) {
  std::string name(str_view(ts, name_obj));
  if (level < 0) return raise(ts, &exc::ValueError, "level must be >= 0");
  if (name.empty() && level == 0) return raise(ts, &exc::ValueError, "Empty module name");
  std::string abs;
  if (!resolve_name(ts, name, globals, level, &abs)) return nullptr;
  Ref m = Ref::steal(import_module(ts, abs));
  if (!m) return nullptr;
  bool has_fromlist = fromlist && !is_none(fromlist) && is_true(ts, fromlist) > 0;
  if (!has_fromlist) {
    if (level == 0) {
      size_t dot = name.find('.');
      if (dot == std::string::npos) return m.release();
      return import_module(ts, name.substr(0, dot));
    }
    if (name.empty()) return m.release();
    size_t dot = name.find('.');
    std::string head = abs.substr(0, abs.size() - name.size() + (dot == std::string::npos ? name.size() : dot));
    return import_module(ts, head);
  }
  // from package import submodule: import submodules named in the fromlist.
  Object* path = is_module(m.get()) ? dict_get_item_borrowed(ts, module_dict_borrowed(m.get()), ts->id->dunder_path) : nullptr;
  if (path) {
    Ref items = Ref::steal(sequence_tuple(ts, fromlist));
    if (!items) return nullptr;
    for (int64_t i = 0; i < tuple_size(items.get()); ++i) {
      Object* item = tuple_items(items.get())[i];
      if (!is_str(item)) continue;
      std::string sub(str_view(ts, item));
      if (sub == "*") continue;
      Object* has = lookup_attr(ts, m.get(), item);
      if (has) {
        decref(has);
        continue;
      }
      if (runtime::has_exception(ts)) return nullptr;
      Ref subm = Ref::steal(import_module(ts, abs + "." + sub));
      if (!subm) {
        if (runtime::exception_matches(ts, &exc::ModuleNotFoundError)) {
          Object* e = ts->current_exception;
          Object* ename = as_exception(e)->f2;
          if (ename && is_str(ename) && str_view(ts, ename) == abs + "." + sub) {
            runtime::clear_exception(ts);
            continue;
          }
        }
        return nullptr;
      }
    }
  }
  return m.release();
}

Object* import_from(ThreadState* ts, Object* module, Object* name) {
  Object* v = lookup_attr(ts, module, name);
  if (v || runtime::has_exception(ts)) return v;
  std::string mname;
  Ref n = Ref::steal(lookup_attr(ts, module, ts->id->dunder_name));
  runtime::clear_exception(ts);
  if (n && is_str(n.get())) {
    mname = std::string(str_view(ts, n.get()));
    Ref full = Ref::steal(str_from(ts, mname + "." + std::string(str_view(ts, name))));
    Object* sub = full ? dict_get_item_borrowed(ts, ts->interp->modules, full.get()) : nullptr;
    if (sub) return new_ref(sub);
  }
  std::string file = module_file_of(ts, module);
  std::string where = file.empty() ? "unknown location" : file;
  std::string nm(str_view(ts, name));
  if (mname.empty()) mname = "<unknown module name>";
  // A module still running its body is "partially initialized".
  Object* mod_in_sys = n ? dict_get_item_borrowed(ts, ts->interp->modules, n.get()) : nullptr;
  bool initializing = false;
  for (vm::Frame* f = ts->current_frame; f && mod_in_sys; f = f->previous)
    if (is_module(mod_in_sys) && f->globals == module_dict_borrowed(mod_in_sys) && f->locals == f->globals) initializing = true;
  Ref msg;
  if (initializing) {
    msg = Ref::steal(str_from(ts, "cannot import name '" + nm + "' from partially initialized module '" + mname +
                                      "' (most likely due to a circular import) (" + where + ")"));
  } else {
    msg = Ref::steal(str_from(ts, "cannot import name '" + nm + "' from '" + mname + "' (" + where + ")"));
  }
  if (!msg) return nullptr;
  Object* a = msg.get();
  Ref e = Ref::steal(call(ts, &exc::ImportError, &a, 1));
  if (!e) return nullptr;
  set_ref(as_exception(e.get())->f2, n ? new_ref(n.get()) : new_ref(py_none()));
  if (!file.empty()) set_ref(as_exception(e.get())->f3, str_from(ts, file));
  return runtime::raise_object(ts, e.get());
}

int import_star(ThreadState* ts, Object* module, Object* locals) {
  Ref all = Ref::steal(lookup_attr(ts, module, ts->id->dunder_all));
  bool skip_private = false;
  if (!all) {
    if (runtime::has_exception(ts)) return -1;
    Ref d = Ref::steal(lookup_attr(ts, module, ts->id->dunder_dict));
    if (!d) {
      if (!runtime::has_exception(ts)) raise(ts, &exc::ImportError, "from-import-* object has no __dict__ and no __all__");
      return -1;
    }
    all = Ref::steal(sequence_list(ts, d.get()));
    if (!all) return -1;
    skip_private = true;
  }
  Ref names = Ref::steal(sequence_tuple(ts, all.get()));
  if (!names) return -1;
  for (int64_t i = 0; i < tuple_size(names.get()); ++i) {
    Object* name = tuple_items(names.get())[i];
    if (!is_str(name)) {
      raise_format(ts, &exc::TypeError, "Item in %s.__all__ must be str, not %s", "module", type_name(name->ob_type));
      return -1;
    }
    if (skip_private && str_length(name) > 0 && str_char_at(name, 0) == '_') continue;
    Ref v = Ref::steal(get_attr(ts, module, name));
    if (!v) return -1;
    if (set_item(ts, locals, name, v.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace spindle::modules
