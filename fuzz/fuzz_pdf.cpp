// Fuzz target: the pdf importer (poppler's words, then our layout and parser).
#include <offerkit/error.hpp>
#include <offerkit/plugins/poppler.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    offerkit::diagnostics diags;
    try {
        const offerkit::posting_document doc = offerkit::plugins::read_pdf(bytes, "fuzz.pdf");
        const auto offer = offerkit::parse_posting(doc, "fuzz.pdf", diags);
        (void)offer;
    } catch (const offerkit::error&) {
        // damaged, encrypted, no text, a limit: reported as offerkit::error, fine
    }
    return 0;
}
