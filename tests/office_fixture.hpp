// A real office store in a fresh temporary directory, with the shipped 2023-2025
// catalogues loaded, for tests that exercise the library directly.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <string>

#include "client/catalogue.hpp"
#include "client/ledger.hpp"
#include "client/store.hpp"

namespace kinerja::test {

struct Office {
  std::filesystem::path dir;
  Store store;

  Office() : dir(make_dir()), store(create_store((dir / "office.db").string(), {"407973", "Kanim Semarang", "JATENG", ""})) {
    Batch b(store);
    for (const char* y : {"2023", "2024", "2025"}) load_catalogue(b, parse_catalogue(*shipped_catalogue(y)));
    b.commit();
  }
  ~Office() { std::filesystem::remove_all(dir); }
  int64_t ops() const { return op_count(store.db); }

  static std::filesystem::path make_dir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "kinerja-test.XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    return tmpl;
  }
};

}  // namespace kinerja::test
