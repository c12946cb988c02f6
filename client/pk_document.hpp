// The Perjanjian Kinerja (PK) of a year as the document the two parties sign: the head of
// the office (pihak pertama) and the head of the kanwil (pihak kedua), the sasaran with
// their indicators and targets, the budget that supports them (per kegiatan and RO when ROs
// are mapped to the sasaran, budget_map.hpp), the place and date, and both
// signature blocks with name and NIP — from the latest PK version (pk_version.hpp), with the
// earlier versions listed. Rendered as self-contained HTML; the PDF is the same HTML printed
// by a packaged renderer (pdf.hpp).
#pragma once
#include <string>

#include "client/store.hpp"

namespace kinerja {

// Error(BadInput) when YEAR has no catalogue or no PK version (`kinerja pk version`).
std::string pk_document_html(const Store& s, int year);

}  // namespace kinerja
