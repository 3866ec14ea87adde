// Read offers from any supported file (canonical JSON, JSON Lines, JobPosting,
// posting text) one at a time, print a line per offer, and re-export them as
// JSON Lines on standard output through the statically linked json plugin.
//
//     example_read_offers offers.jsonl
#include <offerkit/offerkit.hpp>
#include <offerkit/plugins/json.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: example_read_offers FILE\n";
        return 2;
    }
    offerkit::registry registry;
    offerkit::plugins::register_json(registry);  // built-in: no module loading
    try {
        offerkit::offer_reader reader(argv[1]);
        offerkit::diagnostics diags;
        offerkit::export_target target;
        target.stream = &std::cout;
        auto session = registry.get("jsonl").begin(target, {}, diags);
        offerkit::job_offer offer;
        while (reader.next(offer, diags)) {
            std::cerr << offer.reference << "  " << offer.title << "  (deadline "
                      << (offer.deadline ? offer.deadline->to_iso() : "none") << ")\n";
            session->write(offer);
        }
        session->finish();
        for (const auto& d : diags) std::cerr << d.to_string() << '\n';
    } catch (const offerkit::error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
}
