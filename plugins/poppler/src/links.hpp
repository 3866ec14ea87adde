// poppler/links.hpp — the link annotations of a PDF (URI targets and the
// rectangles they cover), read with qpdf: poppler-cpp has no API for them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace offerkit::poppler_plugin {

struct pdf_link {
    std::size_t page = 0;                   ///< from 0
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< points, y from the top of the page's crop box
    std::string uri;
};

/// The /Link annotations with a /URI action, page by page. A PDF qpdf cannot
/// read gives no links (its text was read by poppler already): never throws.
std::vector<pdf_link> read_pdf_links(std::string_view bytes, std::size_t max_pages) noexcept;

}  // namespace offerkit::poppler_plugin
