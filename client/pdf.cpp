// HTML to PDF through WeasyPrint (pdf.hpp).
#include "client/pdf.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <vector>

#include "client/error.hpp"

extern char** environ;

namespace kinerja {

void write_pdf(const std::string& html, const std::string& out) {
  std::string source = out + ".html.tmp", partial = out + ".tmp";
  {
    std::ofstream f(source, std::ios::binary);
    f << html;
    if (!f.flush()) throw failure(out + ": cannot write " + source);
  }
  std::vector<std::string> args{"weasyprint", "--quiet", "--presentational-hints", source, partial};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "weasyprint", nullptr, nullptr, argv.data(), environ);
  int status = 0;
  if (spawned == 0) waitpid(pid, &status, 0);
  std::remove(source.c_str());
  if (spawned != 0)
    throw failure("PDF: the renderer `weasyprint` is not installed (tools/install-deps installs it), or use --format html");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::remove(partial.c_str());
    throw failure("PDF: weasyprint failed to print " + out + " (exit " + std::to_string(WEXITSTATUS(status)) + ")");
  }
  if (std::rename(partial.c_str(), out.c_str()) != 0) throw failure(out + ": cannot write the PDF");
}

}  // namespace kinerja
