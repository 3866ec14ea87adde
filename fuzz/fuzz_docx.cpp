// Fuzz target: the docx importer (zip, WordprocessingML, the parser on its structure).
#include <offerkit/error.hpp>
#include <offerkit/plugins/docx.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    offerkit::diagnostics diags;
    try {
        const offerkit::posting_document doc = offerkit::plugins::read_docx(bytes, "fuzz.docx");
        const auto offer = offerkit::parse_posting(doc, "fuzz.docx", diags);
        (void)offer;
        (void)offerkit::to_markdown(doc);
    } catch (const offerkit::error&) {
        // a damaged package, bad XML, a zip bomb, a limit: reported as offerkit::error, fine
    }
    return 0;
}
