// Reads postings and open-data rows as a batch, the way `offerkit convert`
// does: canonical names from the reference lists, the posting's facts
// cross-checked as it is read, then the batch reviewed (open data joined,
// duplicates found). Prints each offer once, with what was repaired.
//
//     example_check_facts avis/*.md avp_opt.csv
#include <offerkit/offerkit.hpp>

#include <iostream>

int main(int argc, char** argv) {
    const offerkit::referential& names = offerkit::referential::builtin();
    std::vector<offerkit::batch_entry> batch;
    for (int i = 1; i < argc; ++i) {
        try {
            offerkit::offer_reader reader(argv[i]);  // read_options::facts: repair (the default)
            while (true) {
                offerkit::batch_entry e;
                if (!reader.next(e.offer, e.diags)) break;
                names.canonicalize(e.offer);
                e.where = reader.location();
                e.format = std::string(reader.format());
                batch.push_back(std::move(e));
            }
        } catch (const offerkit::error& e) {
            std::cerr << e.what() << '\n';
            return 1;
        }
    }
    offerkit::review_batch(batch, offerkit::fact_policy::repair);
    for (const auto& e : batch) {
        for (const auto& d : e.diags) std::cerr << d.to_string() << '\n';
        if (!e.kept()) continue;
        const auto& o = e.offer;
        std::cout << o.canonical.reference.value_or(o.reference) << "  "
                  << (o.deadline ? o.deadline->to_iso() : "(no deadline)") << "  "
                  << o.canonical.employer_name.value_or(o.employer) << '\n';
        for (const auto& r : o.repairs)
            std::cout << "    repaired " << r.field.value_or("") << ": " << r.as_written.value_or("-") << " -> "
                      << r.value.value_or("-") << " [" << r.rule.value_or("") << "]\n";
    }
    return 0;
}
