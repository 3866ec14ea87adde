// Fuzz target: the text / Markdown posting parser.
#include <offerkit/error.hpp>
#include <offerkit/posting_parser.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    offerkit::diagnostics diags;
    try {
        const auto offer = offerkit::parse_posting(text, "fuzz.md", diags);
        (void)offer;
    } catch (const offerkit::error&) {
        // Invalid UTF-8 and limits are reported as offerkit::error: fine.
    }
    return 0;
}
