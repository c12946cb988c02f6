// Shared by the Catch2 tests: a temporary directory removed when the test ends, a fresh
// office store in it (with the shipped 2024 catalogue), and running shell commands.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <string>

#include "client/catalogue.hpp"
#include "client/ledger.hpp"
#include "client/store.hpp"
#include "tests/catalogue_fixture.hpp"

namespace kinerja::test {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "kinerja-test.XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

// A new store at PATH for office 407973 with the 2024 catalogue loaded (as `kinerja init --year 2024`,
// but ILK manual: catalogue_fixture.hpp).
inline Store make_store(const std::string& path) {
  Store s = create_store(path, OfficeInfo{"407973", "Kantor Imigrasi Kelas I Khusus TPI Semarang", "JATENG", "199001"});
  Batch b(s);
  b.append("office", "407973", json{{"name", "Kantor Imigrasi Kelas I Khusus TPI Semarang"}, {"kanwil", "JATENG"}});
  load_catalogue(b, catalogue_2024_manual_ilk());
  b.commit();
  return s;
}

// A well-formed body of a "value" op (client/op_rules.hpp) holding VALUE, for tests of the
// ledger's mechanics that do not care which indicator it is.
inline json test_value(const std::string& value) {
  return json{{"indicator", "ILK"}, {"period", "2024"}, {"value", value}};
}

// Runs COMMAND with /bin/sh and returns its exit status (-1 if it did not exit normally).
inline int run(const std::string& command) {
  int rc = std::system(command.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace kinerja::test
