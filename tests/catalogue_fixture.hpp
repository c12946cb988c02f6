// Shared by the ledger and sync tests: they record ILK values by hand as their sample
// cells, so their stores load the shipped 2024 catalogue with ILK marked manual (as a
// kanwil may); shipped, ILK comes from the survey register.
#pragma once
#include "client/catalogue.hpp"

namespace kinerja::test {

inline Catalogue catalogue_2024_manual_ilk() {
  json doc = *shipped_catalogue("2024");
  for (auto& s : doc["sasaran"])
    for (auto& i : s["indicators"])
      if (i["code"] == "ILK") i["source"] = "manual";
  return parse_catalogue(doc);
}

}  // namespace kinerja::test
