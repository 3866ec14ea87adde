// Google for Jobs' required and recommended JobPosting properties, checked on
// the JobPosting offerkit writes for an offer (plain schema.org).
#include "jobposting/internal.hpp"

#include <offerkit/jobposting.hpp>
#include <offerkit/text_safety.hpp>

namespace offerkit {

namespace {

bool present(const boost::json::value* v) {
    if (!v || v->is_null()) return false;
    if (v->is_string()) return !v->get_string().empty();
    if (v->is_array()) return !v->get_array().empty();
    if (v->is_object()) return !v->get_object().empty();
    return true;
}

const boost::json::value* at_path(const boost::json::object& o, std::string_view path) {
    const boost::json::object* at = &o;
    while (true) {
        const std::size_t dot = path.find('.');
        const auto* v = at->if_contains(path.substr(0, dot));
        if (dot == std::string_view::npos || !v) return v;
        // A list of places: the first one's.
        if (v->is_array() && !v->get_array().empty()) v = &v->get_array()[0];
        if (!v->is_object()) return nullptr;
        at = &v->get_object();
        path.remove_prefix(dot + 1);
    }
}

}  // namespace

void check_google_jobs(const job_offer& offer, const source_location& where, diagnostics& diags) {
    const boost::json::object p = detail::jp::posting_value(offer, false);
    const std::string who = offer.reference.empty() ? std::string("an offer") : excerpt(offer.reference, 60);
    // Google's guidelines for job postings (developers.google.com/search/docs/appearance/structured-data/job-posting).
    static constexpr std::string_view required[] = {"title", "description", "datePosted", "hiringOrganization.name",
                                                    "jobLocation.address"};
    static constexpr std::pair<std::string_view, std::string_view> recommended[] = {
        {"validThrough", "the deadline"},
        {"employmentType", "full time, part time, temporary… (extra \"Type d'emploi\" or the conditions' words)"},
        {"identifier", "the reference"},
        {"baseSalary", "the salary"},
        {"directApply", "whether one applies on the offer's page"},
        {"jobLocation.address.streetAddress", "the street"},
        {"jobLocation.address.addressLocality", "the commune"},
        {"jobLocation.address.addressRegion", "the province"},
        {"jobLocation.address.postalCode", "the postcode"},
    };
    for (std::string_view prop : required)
        if (!present(at_path(p, prop))) {
            source_location at = where;
            at.path = std::string(prop);
            diags.add({severity::error, std::move(at),
                       "google-jobs: " + who + ": " + std::string(prop) +
                           " is missing, and Google for Jobs requires it: the posting will not be shown",
                       "google-jobs-required"});
        }
    for (auto [prop, what] : recommended) {
        const auto* v = at_path(p, prop);
        // directApply false is a statement, not a gap.
        if (present(v)) continue;
        source_location at = where;
        at.path = std::string(prop);
        diags.add({severity::warning, std::move(at),
                   "google-jobs: " + who + ": " + std::string(prop) + " (" + std::string(what) +
                       ") is missing; Google for Jobs recommends it",
                   "google-jobs-recommended"});
    }
}

}  // namespace offerkit
