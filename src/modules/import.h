// The import system: sys.modules, finding `name.py` / `name/__init__.py`
// along sys.path, packages, relative imports, `from x import y` and `*`.
#pragma once

#include <string>

#include "objects/type.h"

namespace spindle::modules {

using objects::Object;
using objects::ThreadState;

// __import__(name, globals, locals, fromlist, level): the module bound by
// `import a.b.c` (a) or, with a fromlist, the module a.b.c itself.
[[nodiscard]] Object* import_name(ThreadState* ts, Object* name, Object* globals, Object* fromlist, int level);
// `from module import name`: the attribute, or the submodule module.name.
[[nodiscard]] Object* import_from(ThreadState* ts, Object* module, Object* name);
// `from module import *` into the mapping `locals`.
[[nodiscard]] int import_star(ThreadState* ts, Object* module, Object* locals);
// Imports a module by its absolute dotted name (sys.modules first).
[[nodiscard]] Object* import_module(ThreadState* ts, const std::string& name);
// Executes `code` as the body of module `m` (sets up its globals).
[[nodiscard]] int exec_module_code(ThreadState* ts, Object* m, Object* code);

}  // namespace spindle::modules
