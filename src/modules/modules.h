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
// Writes text to sys.stderr (fd 2 if unusable).
void write_stderr(ThreadState* ts, const std::string& text);

}  // namespace spindle::modules
