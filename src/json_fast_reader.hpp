// Internal: a SAX fast path that reads ONE canonical `job-offer/1` object
// straight into a job_offer, with no DOM. Never included from a public header.
//
// It handles the common case only — a well-formed canonical object with known
// keys and right types — and gives up (returns false) on anything else, so
// that the caller runs the DOM reader (json_codec.cpp, offer_from_value),
// which produces the exact error messages, warnings and `extra` handling.
#pragma once

#include <offerkit/job_offer.hpp>

#include <cstddef>
#include <string_view>

namespace offerkit::detail {

/// Reads the JSON text of one offer object into `out`, reusing the capacity of
/// its strings and vectors (pass the previous offer for speed). On true, `out`
/// equals what offer_from_value would return for the same text, and no
/// warning would have been given. Returns false — leaving `out` valid but
/// unspecified — on anything unusual: invalid JSON, nesting beyond
/// `max_depth`, a non-object, an unknown key (at any level, so also
/// JobPosting's "@type" and friends), a duplicate key, a wrong type, "format"
/// other than "job-offer/1", a missing required key (reference, title,
/// employer, activities[].kind), an invalid date or kind, openings not an
/// integer in 0..INT_MAX. Throws only what allocation throws.
bool fast_read_offer(std::string_view text, job_offer& out, std::size_t max_depth);

}  // namespace offerkit::detail
