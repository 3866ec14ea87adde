#include <offerkit/rules.hpp>
#include <offerkit/validate.hpp>

namespace offerkit {

std::size_t validate_offer(const job_offer& offer, const source_location& where, diagnostics& diags) {
    std::vector<finding> found;
    check_offer(offer, found);
    for (const auto& f : found) diags.add(to_diagnostic(f, where));
    return found.size();
}

}  // namespace offerkit
