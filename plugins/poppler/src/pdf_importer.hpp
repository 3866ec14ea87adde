// poppler/pdf_importer.hpp — the `pdf` importer: a posting as a PDF file.
#pragma once

#include <offerkit/importer.hpp>

#include "src/layout.hpp"

namespace offerkit::poppler_plugin {

struct pdf_limits {
    std::size_t max_pages = 100;     ///< a posting has a few pages; more is refused, not read for minutes
    std::size_t max_words = 500000;  ///< words over all pages
};

/// The PDF held in `bytes` as pages of words (poppler). Throws
/// offerkit::error naming `name`: errc::unknown_format (not a PDF, damaged,
/// encrypted, no text layer), errc::limit_exceeded (pages, words).
std::vector<pdf_page> read_pdf_words(std::string_view bytes, const std::string& name, const pdf_limits& limits);

class pdf_importer final : public importer {
public:
    const importer_info& info() const noexcept override;
    /// signature: "%PDF-" in the first 1024 bytes; extension: ".pdf".
    input_match sniff(std::string_view file_name, std::string_view head) const noexcept override;
    std::unique_ptr<import_session> open(input_source input, const read_options& options) const override;
};

}  // namespace offerkit::poppler_plugin
