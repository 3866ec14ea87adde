// offerkit/rules.hpp — the catalogue of validation rules: each check said once.
//
// A rule has an identifier (shown in diagnostics as `[deadline-before-posting]`),
// a severity, the field it concerns, one message and a short label for reports.
// `check_offer` runs them all; `validate_offer`, the readers (posting text,
// JobPosting) and the exporters (jsonld, xlsx) use it instead of checks of
// their own, and only decide where a finding points (a line, a JSON path).
// docs/rules.md lists the catalogue. To add a rule: a value of `rule_id`, its
// entry in src/rules.cpp, a test in tests/test_rules.cpp, a row in docs/rules.md.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/diagnostics.hpp>
#include <offerkit/job_offer.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit {

enum class rule_id : std::uint8_t {
    missing_reference,            ///< no reference
    missing_title,                ///< no title
    missing_employer,             ///< no employer
    missing_deadline,             ///< no deadline
    deadline_before_posting,      ///< the deadline before the posting date
    deadline_long_after_posting,  ///< the deadline more than a year after the posting date
    window_unusual,               ///< an application window shorter than a week or longer than 13 weeks
    posting_far_from_reference,   ///< the posting date far from the reference's date
    reference_format,             ///< the reference not in its usual spelling ("3134-26-0677 SR")
    reference_year_mismatch,      ///< the reference's year not the year of its date
    // Cross-checks that need more than the offer (offerkit/facts.hpp, offerkit/batch.hpp):
    // in the catalogue for their identifiers and labels; check_offer does not run them.
    weekday_mismatch,   ///< the weekday written with a date is not its weekday
    dates_swapped,      ///< the posting date and the deadline swapped
    metadata_mismatch,  ///< a date of the posting differs from its metadata's
    duplicate_offer,    ///< the same offer (canonical reference) read twice in a batch
};

/// Days from the posting date beyond which a deadline is taken for a typing
/// error (a year, and the day of a leap year): rule deadline-long-after-posting,
/// and the longest window a repaired date may give (offerkit/facts.hpp).
inline constexpr long long longest_window_days = 366;
/// Days a posting date may come before its reference's date (the notice
/// signed, then posted): rule posting-far-from-reference, and the repairs.
inline constexpr long long posting_before_reference_days = 7;

/// One rule of the catalogue.
struct rule {
    rule_id id;
    std::string_view name;  ///< "deadline-before-posting"
    severity level;
    std::string_view field;     ///< the field it concerns, as in JSON: "deadline"
    std::string_view summary;   ///< what it checks, one sentence
    std::string_view label_fr;  ///< for reports: "Date limite antérieure à la date de dépôt"
    std::string_view label_en;  ///< "Deadline before the posting date"
};

/// Every rule, in a fixed order (the order of rule_id).
OFFERKIT_API std::span<const rule> rules() noexcept;
/// The rule `id`.
OFFERKIT_API const rule& rule_of(rule_id id) noexcept;

/// What a rule found in one offer.
struct finding {
    rule_id id;
    std::string message;  ///< "the deadline 2026-03-27 is before the posting date 2026-04-17"
};

/// Runs every rule that needs only the offer on `offer` and appends what
/// they find to `out`, in catalogue order. Returns the number appended.
OFFERKIT_API std::size_t check_offer(const job_offer& offer, std::vector<finding>& out);

/// The diagnostic of `f` at `where`: the rule's severity, its message, its identifier.
OFFERKIT_API diagnostic to_diagnostic(const finding& f, source_location where);

}  // namespace offerkit
