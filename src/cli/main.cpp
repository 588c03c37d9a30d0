// The `spindle` command line: CPython's option syntax, Spindle's -X tools.
//
// Until the interpreter exists (issue 3) a program is compiled but not run;
// the front end's observability options (-X ast-dump, -X dis,
// -X compile-only) work on files, -c strings and stdin.
//
// Invariant: every exit path flushes stdout and stderr; exit codes follow
// CPython (0 ok, 1 uncaught exception incl. SyntaxError, 2 usage errors).
#include <cerrno>
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
#include "vm/dis.h"

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
  std::optional<std::string> file;     // script path, or "-" for stdin
  std::vector<std::string> xoptions;
  bool unbuffered = false;
};

bool has_xoption(const Options& o, std::string_view name) {
  for (const auto& x : o.xoptions)
    if (x == name) return true;
  return false;
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
    if (a == "-" || a.size() < 2 || a[0] != '-') { o.file = std::string(a); return std::nullopt; }
    if (a == "--") {
      if (i + 1 < argc) o.file = argv[i + 1];
      return std::nullopt;
    }
    for (size_t j = 1; j < a.size(); j++) {
      char c = a[j];
      switch (c) {
        case 'c': case 'X': {
          std::string value;
          if (j + 1 < a.size()) value = std::string(a.substr(j + 1));
          else if (i + 1 < argc) value = argv[++i];
          else {
            std::fprintf(stderr, "Argument expected for the -%c option\n%sTry `spindle -h' for more information.\n", c, kUsage);
            return 2;
          }
          if (c == 'c') { o.command = value; return std::nullopt; }
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

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (auto code = parse_args(argc, argv, o)) return finish(*code);
  if (o.unbuffered) {
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    std::setvbuf(stderr, nullptr, _IONBF, 0);
  }

  std::string source;
  std::string filename;
  if (o.command) {
    if (!check_command_encoding(*o.command)) return finish(1);
    source = *o.command;
    filename = "<string>";
  } else if (!o.file || *o.file == "-") {
    filename = "<stdin>";
    if (!read_all(stdin, source)) {
      std::fprintf(stderr, "spindle: can't read <stdin>: %s\n", std::strerror(errno));
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
      std::fprintf(stderr, "spindle: can't open file '%s': [Errno %d] %s\n", filename.c_str(), e,
                   std::strerror(e));
      return finish(2);
    }
    bool ok = read_all(f, source);
    std::fclose(f);
    if (!ok) {
      std::fprintf(stderr, "spindle: can't read file '%s'\n", filename.c_str());
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

  std::fprintf(stderr,
               "spindle: %s compiled, but cannot run yet: the interpreter is not built "
               "(use -X dis, -X ast-dump or -X compile-only)\n",
               filename.c_str());
  return finish(2);
}
