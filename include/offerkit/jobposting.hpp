// offerkit/jobposting.hpp — schema.org JobPosting (JSON-LD) import and export.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/diagnostics.hpp>
#include <offerkit/job_offer.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace offerkit {

/// The JobPosting JSON-LD object for one offer (pretty-printed, no trailing
/// newline). `<`, `>` and `&` are written \u003c, \u003e, \u0026, so that the
/// text can be embedded in an HTML `<script type="application/ld+json">` as it is.
OFFERKIT_API std::string to_jobposting_json(const job_offer& offer, bool pretty = true);

/// Reads JobPosting JSON or JSON-LD: one object, an array, or an object with
/// `@graph`. Problems of the data (validThrough before datePosted…) are
/// warnings in `diags`; malformed input throws `offerkit::error`.
OFFERKIT_API std::vector<job_offer> offers_from_jobposting(std::string_view text, const std::string& source_name,
                                                           diagnostics& diags);

/// The schema.org JobPosting property that carries the canonical field
/// `field` (its JSON key: "deadline" → "validThrough", "employer" →
/// "hiringOrganization"), or "" when none does (docs/jsonld.md). Diagnostics
/// about a JobPosting point at it.
OFFERKIT_API std::string_view jobposting_property(std::string_view field) noexcept;

}  // namespace offerkit
