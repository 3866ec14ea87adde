// offerkit/validate.hpp — checks on an offer's content.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/diagnostics.hpp>
#include <offerkit/job_offer.hpp>

namespace offerkit {

/// Adds a diagnostic to `diags` (located at `where`) for each finding of the
/// rules of the catalogue (offerkit/rules.hpp, check_offer): a required field
/// empty, no deadline, a deadline before the posting date or more than a year
/// after it. Returns the number added.
OFFERKIT_API std::size_t validate_offer(const job_offer& offer, const source_location& where, diagnostics& diags);

}  // namespace offerkit
