// offerkit/facts.hpp — cross-checking an offer's facts, and repairing them
// when the evidence leaves one reading.
//
// Real postings carry their authors' mistakes: a deadline "vendredi 29 mai
// 2029" in a posting of May 2026 (29 May 2029 is a Tuesday), a posting date
// and a deadline swapped. `check_facts` checks the dates against their
// weekdays, against each other and against the metadata that comes with the
// posting (front matter, an open-data row, a JobPosting's dates); where the
// evidence leaves one reading it uses the repaired value, records the repair
// in `job_offer::repairs` and says so in a warning that quotes the text;
// otherwise it warns only. Each check is a rule of the catalogue
// (offerkit/rules.hpp). The rules, the evidence each repair needs and what
// is recorded: docs/facts.md.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/date.hpp>
#include <offerkit/diagnostics.hpp>
#include <offerkit/job_offer.hpp>

#include <optional>
#include <string>
#include <vector>

namespace offerkit {

/// What a source other than the posting's text says about the offer.
struct offer_metadata {
    std::string source;     ///< what it is, for messages: "the front matter", "the open data"
    source_location where;  ///< where it is: "avp_opt.csv:23"
    std::optional<date> posted_on;
    std::optional<date> deadline;
};

/// The posting's words behind a date, for the weekday check and for quoting.
struct written_date {
    std::string text;       ///< "vendredi 29 mai 2029"
    source_location where;  ///< "26-0686.md:25"
};

/// What check_facts works from, besides the offer.
struct fact_evidence {
    std::optional<written_date> reference_date;
    std::optional<written_date> posted_on;
    std::optional<written_date> deadline;
    std::vector<offer_metadata> metadata;
    /// Where findings that have no date's words point (the offer's first line).
    source_location where;
};

/// Whether check_facts repairs (the default) or keeps the values as written
/// and only warns (`offerkit convert --as-written`).
enum class fact_policy { repair, as_written };

/// Days by which a metadata date may differ from the posting's and still
/// agree: the open data stores midnight in Nouméa as the previous day in UTC.
inline constexpr int metadata_tolerance_days = 1;

/// Cross-checks `offer` (docs/facts.md) and, under fact_policy::repair,
/// repairs what the evidence resolves, appending to `offer.repairs`. Appends
/// one diagnostic per finding or repair, with the rule's identifier. Call it
/// before check_offer (offerkit/rules.hpp), which then sees the repaired
/// dates: a repaired contradiction is reported once, as its repair.
OFFERKIT_API void check_facts(job_offer& offer, const fact_evidence& evidence, fact_policy policy, diagnostics& diags);

/// The weekday (0 = Monday … 6) that French `text` names ("vendredi 29 mai"), or -1.
OFFERKIT_API int written_weekday(std::string_view text);

/// Records a repair of `field` in `offer.repairs` (replacing an earlier one
/// of the same field and rule) and returns the warning that reports it.
OFFERKIT_API diagnostic record_repair(job_offer& offer, repair r, source_location where);

}  // namespace offerkit
