// The `spindle` command line: CPython's option syntax and run modes (file,
// -c, -m, stdin, the interactive prompt), Spindle's -X tools (-X ast-dump,
// -X dis, -X compile-only).
//
// Invariant: every exit path flushes stdout and stderr; exit codes follow
// CPython (0 ok, 1 uncaught exception incl. SyntaxError, 2 usage errors).
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "frontend/ast.h"
#include "frontend/compile.h"
#include "frontend/diagnostic.h"
#include "frontend/parser.h"
#include "frontend/source.h"
#include "modules/import.h"
#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"
#include "vm/code_object.h"
#include "vm/dis.h"
#include "vm/interpreter.h"
#include "vm/specialize.h"

namespace {

using namespace spindle;

constexpr const char* kVersion = "Spindle 0.1.0 (Python 3.11)";

constexpr const char* kUsage =
    "usage: spindle [option] ... [-c cmd | file | -] [arg] ...\n";

constexpr const char* kHelp =
    "Options:\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-u     : force the stdout and stderr streams to be unbuffered\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "-X opt : set implementation-specific option:\n"
    "         -X ast-dump     print ast.dump() of the program's AST and exit\n"
    "         -X dis          print the disassembly of the compiled program and exit\n"
    "         -X compile-only compile the program, report errors, run nothing\n"
    "         unknown -X options are accepted and ignored, as CPython does\n"
    "-B, -E, -I, -O, -s, -S, -q: accepted for compatibility; no effect yet\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

struct Options {
  std::optional<std::string> command;  // -c
  std::optional<std::string> module;   // -m
  std::optional<std::string> file;     // script path, or "-" for stdin
  std::vector<std::string> args;       // what follows the program (sys.argv[1:])
  std::string prog = "spindle";        // argv[0], as CPython names itself in messages
  std::vector<std::string> xoptions;
  bool unbuffered = false;
};

bool has_xoption(const Options& o, std::string_view name) {
  for (const auto& x : o.xoptions)
    if (x == name) return true;
  return false;
}

// -X name or -X name=value: the value ("" without one), or nullopt if absent.
std::optional<std::string> xoption_value(const Options& o, std::string_view name) {
  for (const auto& x : o.xoptions) {
    if (x == name) return std::string();
    if (x.size() > name.size() && x.compare(0, name.size(), name) == 0 && x[name.size()] == '=')
      return x.substr(name.size() + 1);
  }
  return std::nullopt;
}

// -X pystats[=FILE]: the specialization report, to FILE or stderr.
void write_pystats(runtime::ThreadState* ts, const Options& o) {
  vm::SpecStats* stats = ts->interp->spec_stats;
  auto where = xoption_value(o, "pystats");
  if (!stats || !where) return;
  std::string report = vm::spec_stats_report(*stats);
  if (where->empty()) {
    std::fputs(report.c_str(), stderr);
    return;
  }
  if (FILE* f = std::fopen(where->c_str(), "w")) {
    std::fputs(report.c_str(), f);
    std::fclose(f);
  } else {
    std::fprintf(stderr, "spindle: -X pystats: cannot write %s\n", where->c_str());
  }
}

int finish(int code) {
  std::fflush(stdout);
  std::fflush(stderr);
  return code;
}

// Parses argv like CPython: options up to the first non-option, `-c` and the
// script name end the option list. Returns an exit code on error/-h/-V.
std::optional<int> parse_args(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; i++) {
    std::string_view a = argv[i];
    if (a == "--help") { std::fputs(kUsage, stdout); std::fputs(kHelp, stdout); return 0; }
    if (a == "--version") { std::puts(kVersion); return 0; }
    auto rest = [&](int from) {
      for (int k = from; k < argc; ++k) o.args.emplace_back(argv[k]);
    };
    if (a == "-" || a.size() < 2 || a[0] != '-') {
      o.file = std::string(a);
      rest(i + 1);
      return std::nullopt;
    }
    if (a == "--") {
      if (i + 1 < argc) o.file = argv[i + 1];
      rest(i + 2);
      return std::nullopt;
    }
    for (size_t j = 1; j < a.size(); j++) {
      char c = a[j];
      switch (c) {
        case 'c': case 'X': case 'm': {
          std::string value;
          if (j + 1 < a.size()) value = std::string(a.substr(j + 1));
          else if (i + 1 < argc) value = argv[++i];
          else {
            std::fprintf(stderr, "Argument expected for the -%c option\n%sTry `spindle -h' for more information.\n", c, kUsage);
            return 2;
          }
          if (c == 'c') { o.command = value; rest(i + 1); return std::nullopt; }
          if (c == 'm') { o.module = value; rest(i + 1); return std::nullopt; }
          o.xoptions.push_back(value);
          j = a.size();
          break;
        }
        case 'h': case '?': std::fputs(kUsage, stdout); std::fputs(kHelp, stdout); return 0;
        case 'V': std::puts(kVersion); return 0;
        case 'u': o.unbuffered = true; break;
        case 'B': case 'E': case 'I': case 'O': case 's': case 'S': case 'q': case 'b': case 'd': case 'v': break;
        default:
          std::fprintf(stderr, "Unknown option: -%c\n%sTry `spindle -h' for more information.\n", c, kUsage);
          return 2;
      }
    }
  }
  return std::nullopt;
}

bool read_all(std::FILE* f, std::string& out) {
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return !std::ferror(f);
}

// CPython 3.11 makes the script path absolute by plain joining with the
// working directory (no normalization): "/work/../x.py" stays as it is.
std::string script_path(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  std::error_code ec;
  auto cwd = std::filesystem::current_path(ec);
  if (ec) return path;
  std::string out = cwd.string();
  if (out.empty() || out.back() != '/') out += '/';
  return out + path;
}

// CPython decodes argv with surrogateescape and re-encodes a -c command as
// strict UTF-8, so invalid bytes fail before compiling. Returns false and
// prints CPython's message (positions in characters of the decoded command;
// a run of escaped bytes is reported as one range).
bool check_command_encoding(std::string_view cmd) {
  frontend::Utf8Error e;
  if (!frontend::find_utf8_error(cmd, e)) return true;
  long first = long(frontend::replaced_char_count(cmd.substr(0, e.pos)));
  size_t pos = e.pos;
  long count = 0;
  unsigned char first_byte = static_cast<unsigned char>(cmd[e.pos]);
  // Each byte of an invalid sequence becomes one surrogate; consecutive
  // invalid sequences make one run.
  while (pos < cmd.size()) {
    frontend::Utf8Error next;
    if (!frontend::find_utf8_error(cmd.substr(pos), next) || next.pos != 0) break;
    count += long(next.len);
    pos += next.len;
  }
  std::fflush(stdout);
  std::fputs("Unable to decode the command from the command line:\n", stderr);
  if (count == 1)
    std::fprintf(stderr,
                 "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udc%02x' in position %ld: "
                 "surrogates not allowed\n",
                 first_byte, first);
  else
    std::fprintf(stderr,
                 "UnicodeEncodeError: 'utf-8' codec can't encode characters in position %ld-%ld: "
                 "surrogates not allowed\n",
                 first, first + count - 1);
  return false;
}

int report_syntax_error(const frontend::SyntaxErrorInfo& err) {
  std::fflush(stdout);
  std::fputs(frontend::format_syntax_error(err).c_str(), stderr);
  return finish(1);
}


// ---------------------------------------------------------------------------
// Running programs
// ---------------------------------------------------------------------------

// SIGINT sets the eval breaker of the main thread; the interpreter raises
// KeyboardInterrupt at the next RESUME or backward jump.
void on_sigint(int) {
  if (runtime::ThreadState* ts = runtime::current_thread_state())
    ts->eval_breaker.fetch_or(runtime::kSignalsPending, std::memory_order_relaxed);
}

// The exit status for an uncaught exception (already fetched), printing it
// as CPython does: SystemExit's code, or the traceback and 1.
int exit_status_for(runtime::ThreadState* ts, objects::Object* exc) {
  using namespace objects;
  if (is_instance_of(exc, &exc::SystemExit)) {
    Object* code = system_exit_code_borrowed(exc);
    if (is_none(code)) return 0;
    if (is_int(code)) {
      bool ov;
      int64_t v = int_as_i64(ts, code, &ov);
      return ov ? -1 : static_cast<int>(v & 0xFF);
    }
    Ref s = Ref::steal(str(ts, code));
    runtime::clear_exception(ts);
    modules::write_stderr(ts, (s ? std::string(str_view(ts, s.get())) : std::string("")) + "\n");
    return 1;
  }
  modules::flush_std_streams(ts);
  print_exception(ts, exc);
  return is_instance_of(exc, &exc::KeyboardInterrupt) ? 130 : 1;
}

// Runs a code object as __main__. Returns the process exit status.
int run_main_code(runtime::ThreadState* ts, objects::Object* code, const std::string& file) {
  using namespace objects;
  Ref main_mod = Ref::steal(module_new_cstr(ts, "__main__"));
  if (!main_mod) return 1;
  Object* d = module_dict_borrowed(main_mod.get());
  if (dict_set_item(ts, ts->interp->modules, ts->id->dunder_main, main_mod.get()) < 0 ||
      dict_set_item(ts, d, ts->id->dunder_builtins, ts->interp->builtins) < 0)
    return 1;
  if (!file.empty()) {
    Ref f = Ref::steal(str_from(ts, file));
    if (!f || dict_set_item(ts, d, ts->id->dunder_file, f.get()) < 0) return 1;
  }
  Ref r = Ref::steal(vm::eval_code(ts, code, d, d));
  if (r) return 0;
  Object* exc = runtime::fetch_exception(ts);
  int status = exc ? exit_status_for(ts, exc) : 1;
  xdecref(exc);
  return status;
}

// Ends the process the way CPython does after an uncaught KeyboardInterrupt:
// by dying of SIGINT, so the shell sees it.
[[noreturn]] void die_of_sigint(runtime::ThreadState* ts) {
  modules::flush_std_streams(ts);
  std::fflush(stdout);
  std::fflush(stderr);
  std::signal(SIGINT, SIG_DFL);
  std::raise(SIGINT);
  std::_Exit(130);
}

// The interactive prompt: `>>> ` / `... `, expression results through
// sys.displayhook, exceptions reported without leaving.
int run_repl(runtime::ThreadState* ts) {
  using namespace objects;
  std::fprintf(stderr, "Python 3.11.7 (Spindle 0.1.0) on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
  Ref main_mod = Ref::steal(module_new_cstr(ts, "__main__"));
  if (!main_mod) return 1;
  Object* d = module_dict_borrowed(main_mod.get());
  if (dict_set_item(ts, ts->interp->modules, ts->id->dunder_main, main_mod.get()) < 0 ||
      dict_set_item(ts, d, ts->id->dunder_builtins, ts->interp->builtins) < 0)
    return 1;
  std::string buffer;
  for (;;) {
    modules::flush_std_streams(ts);
    std::fputs(buffer.empty() ? ">>> " : "... ", stderr);
    std::fflush(stderr);
    std::string line;
    int c;
    bool got = false;
    while ((c = std::fgetc(stdin)) != EOF) {
      got = true;
      if (c == '\n') break;
      line += static_cast<char>(c);
    }
    if (!got) {
      if (std::ferror(stdin) && errno == EINTR) {
        std::clearerr(stdin);
        std::fputs("\nKeyboardInterrupt\n", stderr);
        buffer.clear();
        ts->eval_breaker.store(0);
        continue;
      }
      std::fputs("\n", stderr);
      return 0;
    }
    if (!buffer.empty() && line.empty()) {
      // An empty line ends a block.
    } else {
      buffer += line + "\n";
      // A compound statement (its first line ends with ':' or is a
      // decorator) runs only after an empty line; anything else as soon as
      // it compiles.
      std::string first = buffer.substr(0, buffer.find('\n'));
      size_t last = first.find_last_not_of(" \t");
      bool in_block = (last != std::string::npos && first[last] == ':') ||
                      (first.find_first_not_of(" \t") != std::string::npos && first[first.find_first_not_of(" \t")] == '@');
      frontend::SyntaxErrorInfo err;
      frontend::CompileOptions copts;
      copts.decoded_text = true;
      copts.from_file = false;
      auto co = frontend::compile_source(buffer, "<stdin>", frontend::CompileMode::Single, err, nullptr, copts);
      bool incomplete = !co && (err.msg.find("was never closed") != std::string::npos ||
                                err.msg.find("unexpected EOF") != std::string::npos ||
                                err.msg.find("expected an indented block") != std::string::npos ||
                                err.msg.find("unterminated triple-quoted") != std::string::npos);
      if (incomplete || (co && in_block)) continue;
    }
    std::string src = buffer;
    buffer.clear();
    Ref code = Ref::steal(vm::compile_to_code(ts, src, "<stdin>", "single"));
    Ref r = Ref::steal(code ? vm::eval_code(ts, code.get(), d, d) : nullptr);
    if (!r) {
      Object* exc = runtime::fetch_exception(ts);
      if (exc && is_instance_of(exc, &exc::SystemExit)) {
        int status = exit_status_for(ts, exc);
        decref(exc);
        return status;
      }
      if (exc) {
        modules::flush_std_streams(ts);
        print_exception(ts, exc);
        decref(exc);
      }
    }
  }
}

// Starts the runtime and configures sys for the program described by `o`.
runtime::ThreadState* start(runtime::Runtime& rt, const Options& o, const std::string& argv0, const std::string& path0) {
  runtime::ThreadState* ts = runtime::runtime_start(rt);
  if (!ts) return nullptr;
  modules::CommandLine cl;
  cl.argv.push_back(argv0);
  for (const auto& a : o.args) cl.argv.push_back(a);
  cl.path0 = path0;
  cl.unbuffered = o.unbuffered;
  if (modules::configure_sys(ts, cl) < 0) return nullptr;
  ts->interp->specialize = xoption_value(o, "specialize") != "off";
  if (xoption_value(o, "pystats")) ts->interp->spec_stats = new vm::SpecStats();
  std::signal(SIGINT, on_sigint);
  return ts;
}

// The process's runtime. It is never destroyed: the process exit reclaims
// its memory, and until then every object reachable from an interpreter
// stays reachable (so LeakSanitizer reports only objects really lost).
runtime::Runtime& process_runtime() {
  static runtime::Runtime* rt = new runtime::Runtime;
  return *rt;
}

int finish_run(runtime::ThreadState* ts, const Options& o, int status) {
  runtime::runtime_finish(ts);
  write_pystats(ts, o);
  if (status == 130) die_of_sigint(ts);
  return status;
}

int run_program(std::shared_ptr<vm::CodeObject> compiled, const std::string& filename, const Options& o) {
  runtime::Runtime& rt = process_runtime();
  std::string argv0, path0;
  if (o.command) {
    argv0 = "-c";
  } else if (!o.file) {
    argv0 = "";
  } else if (*o.file == "-") {
    argv0 = "-";
  } else {
    argv0 = *o.file;
    path0 = filename.substr(0, filename.rfind('/'));
  }
  runtime::ThreadState* ts = start(rt, o, argv0, path0);
  if (!ts) return 1;
  objects::Ref code = objects::Ref::steal(vm::code_new(ts, std::move(compiled)));
  if (!code) return finish_run(ts, o, 1);
  std::string file = o.command || !o.file || *o.file == "-" ? "" : filename;
  return finish_run(ts, o, run_main_code(ts, code.get(), file));
}

// -m MODULE: finds the module along sys.path and runs it as __main__.
int run_module(const Options& o) {
  runtime::Runtime& rt = process_runtime();
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  runtime::ThreadState* ts = start(rt, o, *o.module, cwd);
  if (!ts) return 1;
  std::string rel = *o.module;
  for (auto& ch : rel)
    if (ch == '.') ch = '/';
  std::string found;
  objects::Object* path = objects::dict_get_item_str_borrowed(ts, objects::module_dict_borrowed(ts->interp->sys), "path");
  for (int64_t i = 0; path && i < objects::list_size(path) && found.empty(); ++i) {
    std::string dir(objects::str_view(ts, objects::list_items(path)[i]));
    for (const std::string& cand : {dir + "/" + rel + ".py", dir + "/" + rel + "/__main__.py"})
      if (std::filesystem::is_regular_file(cand, ec)) {
        found = cand;
        break;
      }
  }
  if (found.empty()) {
    std::fprintf(stderr, "%s: No module named %s\n", o.prog.c_str(), o.module->c_str());
    return finish_run(ts, o, 1);
  }
  // Parent packages are imported first, as runpy does.
  size_t dot = o.module->rfind('.');
  if (dot != std::string::npos) {
    objects::Ref parent = objects::Ref::steal(modules::import_module(ts, o.module->substr(0, dot)));
    if (!parent) {
      objects::Object* exc = runtime::fetch_exception(ts);
      int status = exit_status_for(ts, exc);
      objects::xdecref(exc);
      return finish_run(ts, o, status);
    }
  }
  std::ifstream in(found, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  objects::Object* argv = objects::dict_get_item_str_borrowed(ts, objects::module_dict_borrowed(ts->interp->sys), "argv");
  objects::Ref f = objects::Ref::steal(objects::str_from(ts, found));
  if (argv && f) (void)objects::set_item(ts, argv, objects::Ref::steal(objects::int_from_i64(ts, 0)).get(), f.get());
  objects::Ref code = objects::Ref::steal(vm::compile_to_code(ts, ss.str(), found, "exec", true));
  if (!code) {
    objects::Object* exc = runtime::fetch_exception(ts);
    int status = exit_status_for(ts, exc);
    objects::xdecref(exc);
    return finish_run(ts, o, status);
  }
  return finish_run(ts, o, run_main_code(ts, code.get(), found));
}

int run_interactive(const Options& o) {
  runtime::Runtime& rt = process_runtime();
  runtime::ThreadState* ts = start(rt, o, "", "");
  if (!ts) return 1;
  return finish_run(ts, o, run_repl(ts));
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (argc > 0) o.prog = argv[0];
  if (auto code = parse_args(argc, argv, o)) return finish(*code);
  if (o.unbuffered) {
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    std::setvbuf(stderr, nullptr, _IONBF, 0);
  }

  if (o.module) return finish(run_module(o));
  if (!o.command && !o.file && isatty(fileno(stdin)) && o.xoptions.empty()) return finish(run_interactive(o));

  std::string source;
  std::string filename;
  if (o.command) {
    if (!check_command_encoding(*o.command)) return finish(1);
    source = *o.command;
    filename = "<string>";
  } else if (!o.file || *o.file == "-") {
    filename = "<stdin>";
    if (!read_all(stdin, source)) {
      std::fprintf(stderr, "%s: can't read <stdin>: %s\n", o.prog.c_str(), std::strerror(errno));
      return finish(2);
    }
    // CPython re-opens a script in its declared encoding by seeking back on
    // the descriptor; on a pipe the seek fails: "encoding problem: NAME".
    if (lseek(fileno(stdin), 0, SEEK_CUR) < 0) {
      frontend::SourceText text;
      frontend::SyntaxErrorInfo derr;
      if (frontend::decode_source(source, filename, text, derr) && text.encoding != "utf-8") {
        std::fflush(stdout);
        std::fprintf(stderr, "SyntaxError: encoding problem: %s\n", text.encoding.c_str());
        return finish(1);
      }
    }
  } else {
    filename = script_path(*o.file);
    std::FILE* f = std::fopen(filename.c_str(), "rb");
    if (f == nullptr) {
      int e = errno;
      std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", o.prog.c_str(), filename.c_str(), e,
                   std::strerror(e));
      return finish(2);
    }
    bool ok = read_all(f, source);
    std::fclose(f);
    if (!ok) {
      std::fprintf(stderr, "%s: can't read file '%s'\n", o.prog.c_str(), filename.c_str());
      return finish(2);
    }
  }

  frontend::SyntaxErrorInfo err;
  err.filename = filename;

  if (has_xoption(o, "ast-dump")) {
    frontend::Arena arena;
    frontend::ast::mod* tree = nullptr;
    if (o.command) {
      // A -c command is text already: CPython ignores coding cookies there.
      frontend::SourceText text;
      if (frontend::source_from_text(source, filename, text, err))
        tree = frontend::parse(text, filename, frontend::ParseMode::Exec, arena, err);
    } else {
      tree = frontend::parse_file_bytes(source, filename, frontend::ParseMode::Exec, arena, err,
                                        frontend::SourceOrigin::CompileBytes);
    }
    if (tree == nullptr) return report_syntax_error(err);
    std::string text = frontend::ast::dump(tree);
    text += '\n';
    std::fwrite(text.data(), 1, text.size(), stdout);
    return finish(0);
  }

  // The tools compare with compile()/ast.parse() of the file's bytes; a run
  // compares with `python3 FILE`. CPython words some decoding errors
  // differently in the two cases.
  bool tool_mode = has_xoption(o, "dis") || has_xoption(o, "compile-only");
  frontend::CompileOptions copts;
  // stdin is always read as a file, as CPython does.
  bool from_stdin = !o.command && (!o.file || *o.file == "-");
  copts.origin = tool_mode && !from_stdin ? frontend::SourceOrigin::CompileBytes : frontend::SourceOrigin::File;
  // CPython compiles a -c command as a str (no cookie, character columns);
  // stdin is read as a file, but neither has a file to re-read error lines from.
  copts.decoded_text = o.command.has_value();
  copts.from_file = !o.command && !from_stdin;
  std::vector<frontend::CompileWarning> warnings;
  auto code = frontend::compile_source(source, filename, frontend::CompileMode::Exec, err, &warnings, copts);
  for (const auto& w : warnings) std::fputs(frontend::format_warning(w).c_str(), stderr);
  if (!code) return report_syntax_error(err);

  if (has_xoption(o, "dis")) {
    std::string text = vm::disassemble(*code);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return finish(0);
  }
  if (has_xoption(o, "compile-only")) return finish(0);

  return finish(run_program(code, filename, o));
}
