// Fuzz target: the PDF layout by geometry (plugins/poppler/src/layout.cpp) on
// arbitrary words: each record of the input is a word's box, size, boldness,
// page and text, so that every geometry (overlaps, zero sizes, NaN-free but
// extreme positions, many columns) reaches the layout and then the parser.
#include <offerkit/error.hpp>
#include <offerkit/posting_parser.hpp>

#include "src/layout.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace {

/// Reads `n` bytes as a coordinate in [-50, 1000) points.
double coordinate(const std::uint8_t* p) { return (static_cast<double>(p[0] << 8 | p[1]) / 65536.0) * 1050.0 - 50.0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace offerkit::poppler_plugin;
    std::vector<pdf_page> pages(1);
    pages[0].width = 612;
    pages[0].height = 792;
    std::size_t i = 0;
    // a record: x0 (2), y0 (2), width (1), height (1), flags (1: bold, next page), text length (1), text
    while (i + 8 <= size && pages.size() < 8) {
        const std::uint8_t* r = data + i;
        pdf_word w;
        w.x0 = coordinate(r);
        w.y0 = coordinate(r + 2);
        w.x1 = w.x0 + r[4] * 2.0;
        w.y1 = w.y0 + r[5] / 8.0;
        w.size = r[5] / 10.0;
        w.bold = (r[6] & 1) != 0;
        const std::size_t len = r[7] % 32;
        i += 8;
        if (i + len > size) break;
        w.text.assign(reinterpret_cast<const char*>(data + i), len);
        i += len;
        if (r[6] & 2) {
            pages.emplace_back();
            pages.back().width = 612;
            pages.back().height = 792;
        }
        pages.back().words.push_back(std::move(w));
    }
    offerkit::diagnostics diags;
    try {
        const offerkit::posting_document doc = layout_document(pages);
        const auto offer = offerkit::parse_posting(doc, "fuzz.pdf", diags);
        (void)offer;
    } catch (const offerkit::error&) {
        // text that is not UTF-8: reported as offerkit::error, fine
    }
    return 0;
}
