// The `spindle` command line (placeholder until the front end is wired in).
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  if (argc > 1 && (std::strcmp(argv[1], "-V") == 0 || std::strcmp(argv[1], "--version") == 0)) {
    std::puts("Spindle 0.1 (Python 3.11)");
    return 0;
  }
  std::fputs("usage: spindle [-V] [-X dis|ast-dump] FILE\n", stderr);
  return 2;
}
