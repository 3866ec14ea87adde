// Fuzz target: a tracking file (CSV or JSON Lines), merged into offers made
// from its own references, then counted into a recruitment report.
#include <offerkit/error.hpp>
#include <offerkit/recruitment.hpp>
#include <offerkit/tracking.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    offerkit::diagnostics diags;
    std::vector<offerkit::tracking_row> rows;
    try {
        rows = offerkit::read_tracking(text, "fuzz.csv", diags);
    } catch (const offerkit::error&) {
        return 0;
    }
    const offerkit::date as_of = *offerkit::date::from_ymd(2026, 11, 30);
    // Offers for every other reference (the rest are unknown), published on the first row's day.
    std::vector<offerkit::job_offer> offers;
    for (std::size_t i = 0; i < rows.size() && offers.size() < 200; i += 2) {
        offerkit::job_offer o;
        o.reference = rows[i].reference;
        o.title = "Agent";
        o.employer = "Office";
        o.posted_on = rows[i].on;
        if (rows[i].on) o.deadline = rows[i].on->plus_days(21);
        offers.push_back(std::move(o));
    }
    offerkit::tracking_log log(as_of);
    log.add(std::move(rows));
    offerkit::recruitment_counter counter(offerkit::report_period::year(2026, as_of));
    for (auto& o : offers) {
        log.apply(o, diags);
        (void)offerkit::status_on(o, as_of);
        counter.add(o);
    }
    log.report_unclaimed(diags);
    (void)counter.result();
    return 0;
}
