// Fuzz target: the open-data CSV importer, then the reference lists and the
// batch review on whatever it read (joins, duplicates, dates confirmed).
#include <offerkit/batch.hpp>
#include <offerkit/error.hpp>
#include <offerkit/reader.hpp>
#include <offerkit/referential.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    offerkit::read_options options;
    options.format = "csv";
    std::optional<offerkit::offer_reader> opened;
    try {
        opened.emplace(text, "fuzz.csv", options);
    } catch (const offerkit::error&) {
        return 0;
    }
    std::vector<offerkit::batch_entry> batch;
    for (int guard = 0; guard < 10000; ++guard) {
        offerkit::batch_entry e;
        try {
            if (!opened->next(e.offer, e.diags)) break;
        } catch (const offerkit::error&) {
            continue;
        }
        offerkit::referential::builtin().canonicalize(e.offer);
        e.format = "csv";
        batch.push_back(std::move(e));
        if (batch.size() % 2 == 0) {  // the same rows as postings too: joins and duplicates
            offerkit::batch_entry doc = batch.back();
            doc.format = "text";
            batch.push_back(std::move(doc));
        }
    }
    offerkit::review_batch(batch, offerkit::fact_policy::repair);
    return 0;
}
