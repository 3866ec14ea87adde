// offerkit/batch.hpp — the checks that need the whole batch: metadata rows
// joined to the postings they describe, dates confirmed across offers, and
// each offer once.
//
// `offerkit convert` reads every input, then reviews the batch before it
// exports: an open-data row (the "csv" importer) whose canonical reference
// is a posting's is joined to it, as the posting's metadata (its dates
// cross-checked, what the posting lacks filled in) rather than counted as
// an offer of its own; a posting date and deadline still swapped after the
// posting's own checks are repaired when the metadata or the employer's
// neighbouring references confirm the swap; the same offer read twice is
// reported, and one version is kept for summaries and `--dedupe` exports.
// Which version, and why: docs/facts.md.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/diagnostics.hpp>
#include <offerkit/facts.hpp>
#include <offerkit/job_offer.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace offerkit {

/// One offer read, with where it came from and what reading it said.
struct batch_entry {
    job_offer offer;
    source_location where;  ///< the file (and line) it was read from
    std::string format;     ///< the importer that read it: "text", "csv", "jobposting"…
    diagnostics diags;      ///< the reader's diagnostics; the review appends its own
    /// Set by the review: the index of the entry kept in its place (another
    /// reading of the same offer), or npos when this one is kept.
    std::size_t duplicate_of = npos;
    /// Set by the review: a metadata row joined to the postings it describes (not an offer of its own).
    bool joined = false;

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    /// True when the entry is an offer to export (neither joined nor a duplicate).
    bool kept() const noexcept { return !joined && duplicate_of == npos; }
};

/// The formats whose rows are metadata about postings (the open-data CSV):
/// joined to a posting of the same canonical reference when there is one.
OFFERKIT_API bool is_metadata_format(std::string_view format) noexcept;

/// Reviews `entries` (in reading order; their offers' canonical keys set,
/// referential::canonicalize): joins metadata rows, repairs what the batch
/// confirms (under fact_policy::repair), marks duplicates. With `dedupe`,
/// the version kept of a duplicate also takes what it lacks from the others
/// and records them in its `repairs` (rule duplicate-offer). Appends each
/// finding to the diagnostics of the entry it concerns. Returns the number
/// of entries kept.
OFFERKIT_API std::size_t review_batch(std::vector<batch_entry>& entries, fact_policy policy, bool dedupe = true);

}  // namespace offerkit
