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

/// What a JobPosting carries besides schema.org's properties.
enum class jobposting_vocabulary {
    offerkit,  ///< schema.org, and `offerkit:` keys for what it has no property for: read back whole
    plain,     ///< schema.org only (job boards, web pages); read back, it loses what schema.org cannot say
};

/// to_jobposting_json in the vocabulary `v`.
OFFERKIT_API std::string to_jobposting_json(const job_offer& offer, bool pretty, jobposting_vocabulary v);

/// Google for Jobs' view of the offer's JobPosting (its structured-data
/// guidelines for job postings): a missing required property (`title`,
/// `description`, `datePosted`, `hiringOrganization`, `jobLocation`) is an
/// error with rule `google-jobs-required`; a missing recommended one
/// (`validThrough`, `employmentType`, `identifier`, `baseSalary`,
/// `jobLocation.address.addressLocality`, `…postalCode`, `…streetAddress`,
/// `…addressRegion`, `directApply`) a warning with rule
/// `google-jobs-recommended`. Each names the property, at `where` with the
/// property as the path.
OFFERKIT_API void check_google_jobs(const job_offer& offer, const source_location& where, diagnostics& diags);

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
