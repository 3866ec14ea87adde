// poppler/layout.hpp — a PDF page's words (with their boxes and fonts) turned
// into the paragraphs of a posting_document, by geometry alone: words into
// lines, lines into column regions (a borderless two-column grid, a
// label|value table), lines into paragraphs (spacing, indentation, the room
// left at a line's end), bold from the font name, headings from the size,
// bullets, page furniture repeated on every page, hyphenated line ends
// (ligatures are spelt out by the core, for every document). It does not depend on poppler: the importer feeds it, and so do
// the tests and the fuzz target.
#pragma once

#include <offerkit/document.hpp>

#include <string>
#include <vector>

namespace offerkit::poppler_plugin {

struct pdf_word {
    std::string text;                       ///< UTF-8
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< box, points, y from the top of the page
    double size = 0;                        ///< font size, points
    bool bold = false;                      ///< from the font's name ("…-Bold", "…,Bold", "…Black")
    std::string link;                       ///< the URI of the link annotation over the word, if any
};

struct pdf_page {
    double width = 0, height = 0;
    std::vector<pdf_word> words;
};

/// True when a font's name says it is bold ("ABCDEF+LiberationSans-Bold",
/// "Arial,Bold", "Calibri-BoldItalic", "…Semibold", "…Black", "…Heavy").
bool bold_font_name(std::string_view font_name) noexcept;

/// The pages' words as a posting document, in reading order.
posting_document layout_document(const std::vector<pdf_page>& pages);

}  // namespace offerkit::poppler_plugin
