// Fuzz target: the schema.org JobPosting importer, then the exporter on what
// was imported.
#include <offerkit/error.hpp>
#include <offerkit/jobposting.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    offerkit::diagnostics diags;
    try {
        for (const auto& offer : offerkit::offers_from_jobposting(text, "fuzz.jsonld", diags))
            (void)offerkit::to_jobposting_json(offer);
    } catch (const offerkit::error&) {
    }
    return 0;
}
