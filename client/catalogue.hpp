// The indicator catalogue: per year, the sasaran kegiatan (activity goals) and their
// indicators (IKK) with unit, polarity, method and roll-up. Catalogues are data
// (schema/catalogue/YEAR.json), loaded into the store as ops so they sync and are versioned.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "client/canonical.hpp"
#include "client/ledger.hpp"

namespace kinerja {

// A part of a composite index (IKK 8.1, 9.1) with the weight the kanwil published, if any.
struct IndicatorPart {
  std::string code, name;
  std::optional<std::string> weight;  // percent, a decimal string; all parts' weights sum to 100
};

struct Indicator {
  std::string code, name;
  std::string unit;      // persen | indeks | nilai | rupiah | jumlah
  std::string polarity;  // higher | lower
  std::string method;    // ratio | direct | weighted
  std::string rollup;    // sum | last | weighted
  int decimals = 2;
  std::optional<std::string> cap;  // capaian ceiling, a decimal string
  std::map<std::string, std::string> renstra_targets;  // year -> target (decimal string)
  std::vector<IndicatorPart> parts;                     // components of a composite index
  std::string sasaran;                                  // code of its sasaran
  // Where realisasi comes from: "manual" (record/import) or a register: "case:proyustisia",
  // "case:tak", "survey:SKM|IPK|ILK|IIO" ("survey:IIO/25" rescales 0-100 to 1-4), "rb".
  std::string source = "manual";
  std::string catalogue_year;      // the catalogue it comes from
};

struct Sasaran {
  std::string code, name;
  std::vector<Indicator> indicators;
};

struct Catalogue {
  std::string year;
  int renstra_from = 0, renstra_to = 0;  // the Renstra period it belongs to
  std::vector<Sasaran> sasaran;
  json source;  // the normalized JSON it was read from
};

// For a register-backed SOURCE, the register and the commands that feed it (for messages).
std::string source_register(const std::string& source);

// Checks a catalogue document against schema/catalogue/catalogue.schema.json, then what a
// schema cannot say (unique codes, weights summing to 100), and reads it; throws
// Error(BadInput) naming the field.
Catalogue parse_catalogue(const json& doc);
// The shipped catalogue for YEAR (schema/catalogue/YEAR.json), if any.
std::optional<json> shipped_catalogue(const std::string& year);
// The years of the shipped catalogues, ascending: "2020, 2021, …" for messages.
std::string shipped_catalogue_years();

// C with the component weights of its composite indicator CODE set from WEIGHTS ("PART=W",
// percent as typed): every component gets one, they sum to 100, or Error(BadInput) naming
// the field. The kanwil publishes them; until then a composite index is entered directly.
Catalogue with_weights(const Catalogue& c, const std::string& code, const std::vector<std::string>& weights);

// Appends the catalogue as one op ("catalogue", key = its year).
void load_catalogue(Batch& b, const Catalogue& c);

std::vector<Catalogue> stored_catalogues(const Db& db);
std::optional<Catalogue> catalogue_for_year(const Db& db, int year);
// YEAR's catalogue, or Error(BadInput) "--year: no catalogue is loaded for 2022 (load the
// shipped one with `kinerja catalogue load --year 2022`)" — or, for a year none is shipped
// for, `kinerja catalogue load FILE`.
Catalogue loaded_catalogue(const Db& db, int year);
// Error(BadInput) unless CAT has the sasaran CODE with INDICATOR among its indicators
// (INDICATOR "": the sasaran alone). The message names the flag and lists what there is:
// "--sasaran: SK9 is not a sasaran of the 2024 catalogue (SK1, SK2, SK3)",
// "--indicator: TAK is not an indicator of sasaran SK3 in 2024 (RB, ILK)".
void check_sasaran(const Catalogue& cat, const std::string& code, const std::string& indicator);
// The indicator CODE as it applies to YEAR: from that year's catalogue, or else from a
// catalogue whose Renstra period covers YEAR (history recorded for trends).
std::optional<Indicator> find_indicator(const Db& db, const std::string& code, int year);

// Refuses V (a canonical decimal) when it is out of range for IND's unit: an index outside
// [1; 4], a percentage or score outside [0; 100], a fractional count or rupiah, a negative.
// FIELD names the input in the error.
void check_unit_range(const Indicator& ind, const std::string& v, const std::string& field);

}  // namespace kinerja
