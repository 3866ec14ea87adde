// Fuzz target: the canonical JSON reader (object, array, JSON Lines), then a
// write/read round trip of whatever was accepted, which must be lossless.
#include <offerkit/error.hpp>
#include <offerkit/json.hpp>
#include <offerkit/reader.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    for (const char* name : {"fuzz.json", "fuzz.jsonl"}) {
        offerkit::read_options options;
        options.format = name[5] == 'l' ? "jsonl" : "json";
        std::optional<offerkit::offer_reader> opened;
        try {
            opened.emplace(text, name, options);  // binary, PDF or non-UTF-8 input is refused at once
        } catch (const offerkit::error&) {
            continue;
        }
        offerkit::offer_reader& reader = *opened;
        offerkit::diagnostics diags;
        offerkit::job_offer offer;
        for (int guard = 0; guard < 10000; ++guard) {
            try {
                if (!reader.next(offer, diags)) break;
            } catch (const offerkit::error&) {
                continue;
            }
            const std::string written = offerkit::to_json(offer);
            offerkit::diagnostics again;
            if (!(offerkit::offer_from_json(written, {"rewritten.json", 0, 0, {}}, again) == offer)) std::abort();
        }
    }
    return 0;
}
