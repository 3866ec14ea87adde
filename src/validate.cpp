#include <offerkit/validate.hpp>

namespace offerkit {

std::size_t validate_offer(const job_offer& offer, const source_location& where, diagnostics& diags) {
    const std::size_t before = diags.size();
    auto required = [&](const std::string& value, const char* field) {
        if (value.empty()) diags.warn(where, std::string("required field ") + field + " is missing");
    };
    required(offer.reference, "reference");
    required(offer.title, "title");
    required(offer.employer, "employer");
    if (!offer.deadline) diags.warn(where, "required field deadline is missing");
    if (offer.deadline && offer.posted_on && *offer.deadline < *offer.posted_on)
        diags.warn(where, "deadline " + offer.deadline->to_iso() + " is before the posting date " +
                              offer.posted_on->to_iso());
    return diags.size() - before;
}

}  // namespace offerkit
