// PDF files: an HTML document printed to PDF by WeasyPrint, the packaged renderer (Debian's
// `weasyprint`, installed by tools/install-deps), which works offline and follows the CSS
// print rules (@page size, repeated table headers, page breaks). Nothing is fetched: the
// HTML holds every asset.
#pragma once
#include <string>

namespace kinerja {

// Writes HTML as the PDF file OUT; Error(Failure) naming the cause when the renderer is
// missing or fails, and then OUT is not left behind half-written.
void write_pdf(const std::string& html, const std::string& out);

}  // namespace kinerja
