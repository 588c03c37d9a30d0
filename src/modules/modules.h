// The native modules: builtins, sys (and the std streams).
#pragma once

#include <string>
#include <vector>

#include "objects/type.h"

namespace spindle::modules {

using objects::Object;
using objects::ThreadState;

// Creates the builtins module (ts->interp->builtins) and registers it.
[[nodiscard]] int init_builtins(ThreadState* ts);
// Adds what CPython's site module puts in builtins: exit, quit, copyright,
// credits, license (sitebuiltins.cpp). 0 / -1.
[[nodiscard]] int add_site_builtins(ThreadState* ts, Object* builtins_dict);
// sys.copyright, also the text of builtins.copyright.
extern const char kCopyrightText[];
// The directory of Spindle's pure-Python library (lib/), "" if not found.
[[nodiscard]] std::string spindle_lib_dir();
// Creates the sys module with its std streams.
[[nodiscard]] int init_sys(ThreadState* ts);
// sys.argv, sys.path[0], sys.flags as the command line set them.
struct CommandLine {
  std::vector<std::string> argv;
  std::string path0;     // script directory ("" for -c / stdin / REPL)
  bool unbuffered = false;
  bool interactive = false;
};
[[nodiscard]] int configure_sys(ThreadState* ts, const CommandLine& cl);
// Flushes sys.stdout and sys.stderr (errors are reported to fd 2 and cleared).
void flush_std_streams(ThreadState* ts);
// The struct sequences and other descriptive attributes of sys (sys_info.cpp).
[[nodiscard]] int add_sys_info(ThreadState* ts, Object* sys);
// Reports the current exception (cleared) through sys.unraisablehook:
// "<err_msg or 'Exception ignored in'>: <repr(obj)>" and the traceback.
void report_unraisable(ThreadState* ts, const char* err_msg, Object* obj);
// Runs the atexit callbacks (LIFO) and clears them (atexit.cpp).
void run_atexit_callbacks(ThreadState* ts);
// builtins.open / io.open (io.cpp): a file object, arguments as open().
[[nodiscard]] Object* open_file(ThreadState* ts, Object* const* args, size_t nargs, Object* kwnames);
// Adds _IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase to an io module and,
// with `with_abcs` (io, not _io), the ABCs IOBase, RawIOBase, BufferedIOBase,
// TextIOBase and BlockingIOError (io_base.cpp). 0 / -1.
[[nodiscard]] int add_io_base_classes(ThreadState* ts, Object* module, bool with_abcs);
// Writes text to sys.stderr (fd 2 if unusable).
void write_stderr(ThreadState* ts, const std::string& text);

}  // namespace spindle::modules
