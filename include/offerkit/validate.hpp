// offerkit/validate.hpp — checks on an offer's content.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/diagnostics.hpp>
#include <offerkit/job_offer.hpp>

namespace offerkit {

/// Adds a warning to `diags` (located at `where`) for each problem of `offer`:
/// a required field (reference, title, employer) empty, no deadline, a deadline
/// before the posting date.
/// Returns the number of warnings added.
OFFERKIT_API std::size_t validate_offer(const job_offer& offer, const source_location& where, diagnostics& diags);

}  // namespace offerkit
