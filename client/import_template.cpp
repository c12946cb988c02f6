// Import templates (import_template.hpp).
#include "client/import_template.hpp"

#include <xlsxwriter.h>

#include <map>
#include <set>

#include "client/budget_register.hpp"
#include "client/case_register.hpp"
#include "client/csv.hpp"
#include "client/entry.hpp"
#include "client/error.hpp"
#include "client/rb_register.hpp"
#include "client/survey_register.hpp"

namespace kinerja {

namespace {

struct Template {
  Columns columns;
  std::map<std::string, std::string> example;               // column -> value; absent = empty
  std::map<std::string, std::vector<std::string>> lists;    // column -> allowed values
  std::set<std::string> dates;                              // columns holding dates (YYYY-MM-DD)
  std::set<std::string> numbers;                            // columns holding numbers; others are text
};

Template make_template(const std::string& name, int year, const std::function<Catalogue(int)>& catalogue) {
  std::string y = std::to_string(year);
  if (name == "cases")
    return {case_columns(),
            {{"kind", "tak"}, {"ref", "TAK-001/" + y}, {"date", y + "-03-04"},
             {"subject", "Contoh: WNA melebihi izin tinggal"}, {"location", "Kantor Imigrasi"},
             {"status", "selesai"}, {"status_date", y + "-03-15"}},
            {{"kind", {case_kinds().begin(), case_kinds().end()}},
             {"status", {case_statuses().begin(), case_statuses().end()}}},
            {"date", "status_date"},
            {}};
  if (name == "surveys")
    return {survey_columns(),
            {{"survey", survey_names().front()}, {"period", y + "-01"}, {"value", "3.85"}, {"respondents", "120"}},
            {{"survey", survey_names()}},
            {},
            {"value", "respondents"}};
  if (name == "rb")
    return {rb_columns(),
            {{"year", y}, {"area", "Manajemen Perubahan"}, {"action", "Contoh: sosialisasi zona integritas"},
             {"due", y + "-Q1"}, {"owner", "198501012010011001"}},
            {{"due", {y + "-Q1", y + "-Q2", y + "-Q3", y + "-Q4"}}},
            {"done"},
            {"year"}};
  if (name == "budget")
    return {budget_columns(),
            {{"year", y}, {"activity", "2070.EBA.994"}, {"jenis", "52"}, {"sumber", "RM"},
             {"name", "Contoh: layanan perkantoran"}, {"pagu", "150000000"}, {"volume", "12"}, {"satuan", "bulan"}},
            {{"jenis", jenis_codes()}, {"sumber", sumber_codes()}},
            {},
            {"year", "pagu", "volume", "month", "amount"}};
  if (name == "realisasi") {
    std::vector<std::string> manual;
    std::string ratio;
    for (const auto& s : catalogue(year).sasaran)
      for (const auto& i : s.indicators)
        if (i.source == "manual") {
          manual.push_back(i.code);
          if (ratio.empty() && i.method == "ratio") ratio = i.code;
        }
    if (ratio.empty()) throw bad_input("--year: the " + y + " catalogue has no indicator entered as numerator and denominator");
    return {entry_columns(),
            {{"indicator", ratio}, {"period", y + "-01"}, {"numerator", "95"}, {"denominator", "100"}},
            {{"indicator", manual}},
            {},
            {"value", "numerator", "denominator"}};
  }
  std::string names;
  for (const auto& n : template_names()) names += (names.empty() ? "" : "|") + n;
  throw bad_input("template: '" + name + "' is not one of " + names);
}

std::string column_letter(size_t column) { return std::string(1, static_cast<char>('A' + column)); }

}  // namespace

const std::vector<std::string>& template_names() {
  static const std::vector<std::string> names{"cases", "surveys", "rb", "budget", "realisasi"};
  return names;
}

void write_import_template(const std::string& name, int year, const std::string& path,
                           const std::function<Catalogue(int)>& catalogue) {
  Template t = make_template(name, year, catalogue);
  std::vector<std::string> columns = t.columns.required;
  columns.insert(columns.end(), t.columns.optional.begin(), t.columns.optional.end());

  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw failure(path + ": cannot create the workbook");
  lxw_worksheet* data = workbook_add_worksheet(wb, "data");
  lxw_worksheet* lists = workbook_add_worksheet(wb, "daftar");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format(text, "@");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  size_t list_column = 0;
  for (size_t c = 0; c < columns.size(); ++c) {
    const std::string& col = columns[c];
    const std::string& v = t.example[col];
    auto row = static_cast<lxw_row_t>(1);
    auto cc = static_cast<lxw_col_t>(c);
    worksheet_write_string(data, 0, cc, col.c_str(), bold);
    if (t.dates.count(col)) {
      worksheet_set_column(data, cc, cc, 12, date);
      if (!v.empty()) {
        lxw_datetime dt{std::stoi(v.substr(0, 4)), static_cast<uint8_t>(std::stoi(v.substr(5, 2))),
                        static_cast<uint8_t>(std::stoi(v.substr(8, 2))), 0, 0, 0};
        worksheet_write_datetime(data, row, cc, &dt, date);
      }
    } else if (t.numbers.count(col)) {
      worksheet_set_column(data, cc, cc, 14, nullptr);
      if (!v.empty()) worksheet_write_number(data, row, cc, std::stod(v), nullptr);
    } else {
      worksheet_set_column(data, cc, cc, 20, text);
      if (!v.empty()) worksheet_write_string(data, row, cc, v.c_str(), text);
    }
    auto it = t.lists.find(col);
    if (it == t.lists.end()) continue;
    auto lc = static_cast<lxw_col_t>(list_column);
    worksheet_write_string(lists, 0, lc, col.c_str(), bold);
    for (size_t k = 0; k < it->second.size(); ++k)
      worksheet_write_string(lists, static_cast<lxw_row_t>(k + 1), lc, it->second[k].c_str(), nullptr);
    std::string letter = column_letter(list_column++);
    std::string formula = "=daftar!$" + letter + "$2:$" + letter + "$" + std::to_string(it->second.size() + 1);
    std::string title = "Pilih dari daftar", message = col + ": pilih salah satu nilai dari lembar daftar";
    lxw_data_validation dv{};
    dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    dv.value_formula = formula.data();
    dv.error_title = title.data();
    dv.error_message = message.data();
    worksheet_data_validation_range(data, 1, cc, 1000, cc, &dv);
  }
  worksheet_freeze_panes(data, 1, 0);
  worksheet_write_comment(data, 1, 0, "Contoh: ganti baris ini dengan data Anda; baris 1 adalah judul kolom.");
  if (lxw_error e = workbook_close(wb); e != LXW_NO_ERROR)
    throw failure(path + ": cannot write the workbook: " + lxw_strerror(e));
}

}  // namespace kinerja
