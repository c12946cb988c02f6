// PK versions (pk_version.hpp).
#include "client/pk_version.hpp"

#include <algorithm>

#include "client/date.hpp"
#include "client/error.hpp"
#include "client/number.hpp"
#include "client/register_entry.hpp"
#include "client/state.hpp"

namespace kinerja {

// {NAME, NIP} as typed after --signer-office / --signer-kanwil; absent when not given.
static std::optional<Signer> signer(const std::vector<std::string>& typed, const std::string& field) {
  if (typed.empty()) return std::nullopt;
  if (typed.size() != 2) throw bad_input(field + ": give the name and the NIP: " + field + " \"NAMA\" 197001011990031001");
  Signer s{checked_text(typed[0], field + " (name)", 200), typed[1]};
  if (s.nip.size() != 18 || s.nip.find_first_not_of("0123456789") != std::string::npos)
    throw bad_input(field + ": NIP '" + s.nip + "' is not 18 digits");
  return s;
}

static void put_signer(json& body, const char* prefix, const std::optional<Signer>& s) {
  if (!s) return;
  body[std::string(prefix) + "_signer"] = s->name;
  body[std::string(prefix) + "_nip"] = s->nip;
}

static std::optional<Signer> get_signer(const json& body, const char* prefix) {
  std::string name = body.value(std::string(prefix) + "_signer", "");
  if (name.empty()) return std::nullopt;
  return Signer{name, body.value(std::string(prefix) + "_nip", "")};
}

PkVersion add_pk_version(Store& s, const PkVersionInput& in) {
  std::string year = checked_year(in.year, "");
  int64_t pagu = parse_money(in.pagu, "--pagu");
  std::string date = parse_date(in.date, "--date");
  if (date_year(date) != in.year && date_year(date) != in.year - 1)
    throw bad_input("--date: " + date + " is not in " + year + " or the year before (a PK is signed for its year)");
  auto earlier = pk_versions(s.db, in.year);
  std::string reason = in.reason.empty() ? "" : checked_text(in.reason, "--reason");
  if (!earlier.empty()) {
    if (reason.empty())
      throw bad_input("--reason: the PK " + year + " has version " + std::to_string(earlier.back().version) +
                      " already; a revision needs its reason");
    if (date < earlier.back().date)
      throw bad_input("--date: " + date + " is before version " + std::to_string(earlier.back().version) + " of " +
                      earlier.back().date);
  }
  PkVersion v;
  v.year = in.year;
  v.version = earlier.empty() ? 1 : earlier.back().version + 1;
  v.pagu = Rational(pagu);
  v.date = date;
  v.reason = reason;
  v.place = in.place.empty() ? (earlier.empty() ? "" : earlier.back().place) : checked_text(in.place, "--place", 100);
  v.office_signer = signer(in.office_signer, "--signer-office");
  v.kanwil_signer = signer(in.kanwil_signer, "--signer-kanwil");
  if (!earlier.empty()) {
    if (!v.office_signer) v.office_signer = earlier.back().office_signer;
    if (!v.kanwil_signer) v.kanwil_signer = earlier.back().kanwil_signer;
  }
  json body{{"year", year}, {"period", year}, {"version", std::to_string(v.version)}, {"pagu", std::to_string(pagu)},
            {"date", date}, {"reason", reason}};
  if (!v.place.empty()) body["place"] = v.place;
  put_signer(body, "office", v.office_signer);
  put_signer(body, "kanwil", v.kanwil_signer);
  std::string key = year + "/" + std::to_string(v.version);
  Batch b(s);
  v.op = OpRef{s.device, b.append("pk.version", key, body).seq, "pk.version", key};
  b.commit();
  return v;
}

std::vector<PkVersion> pk_versions(const Db& db, int year) {
  std::vector<PkVersion> out;
  for (const auto& c : list_cells(db, "pk.version", std::to_string(year) + "/")) {
    PkVersion v;
    v.year = year;
    v.version = std::stoi(c.body.value("version", "0"));
    v.pagu = Rational::parse(c.body.value("pagu", "0"));
    v.date = c.body.value("date", "");
    v.reason = c.body.value("reason", "");
    v.place = c.body.value("place", "");
    v.office_signer = get_signer(c.body, "office");
    v.kanwil_signer = get_signer(c.body, "kanwil");
    v.op = op_ref(c);
    out.push_back(v);
  }
  std::sort(out.begin(), out.end(), [](const PkVersion& a, const PkVersion& b) { return a.version < b.version; });
  return out;
}

}  // namespace kinerja
