// offerkit/tracking.hpp — what HR records after publication: tracking files
// merged into the offers (docs/tracking.md).
//
// A tracking file has one row per event of an offer, keyed by its reference:
// published, re-published, closed, filled, cancelled, unsuccessful, with the
// counts HR knows (applications, posts, posts filled, the start date of the
// person hired). It is CSV, as a spreadsheet saves it (a header of column
// names, French or English; commas or semicolons), or JSON Lines. Every row
// is either applied to an offer or reported with its file and line: a row
// that cannot be read, a reference no offer has, an event dated after the
// as-of day, an impossible order (filled before published). Nothing is
// dropped silently.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/date.hpp>
#include <offerkit/diagnostics.hpp>
#include <offerkit/job_offer.hpp>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit {

/// One row of a tracking file, read.
struct tracking_row {
    std::string reference;                        ///< the offer's reference as written in the file
    std::optional<event_kind> kind;               ///< nothing: a row that records counts only ("candidatures")
    std::optional<date> on;                       ///< the day of the event (or of the counts)
    std::optional<std::string> new_reference;     ///< republished: the reference of the new offer
    std::optional<std::string> republication_of;  ///< the offer this one re-publishes
    std::optional<int> openings;                  ///< posts offered
    std::optional<int> applications;              ///< applications received so far
    std::optional<int> posts_filled;              ///< posts filled
    std::optional<date> start_date;               ///< the start date of the person hired
    std::optional<std::string> note;              ///< HR's comment
    source_location where;                        ///< the file and line of the row
};

/// The rows of a tracking file's text, CSV or JSON Lines (told apart by the
/// content: a first character '{' is JSON Lines). `name` is used in messages.
/// A row that cannot be read (no reference, an unknown event, a date or a
/// number that is not one) is reported to `diags` as an error with its line
/// and left out. Throws errc::syntax_error when the file as a whole cannot be
/// read (no header naming the reference and event columns, a quote left open).
OFFERKIT_API std::vector<tracking_row> read_tracking(std::string_view text, const std::string& name,
                                                     diagnostics& diags);

/// As read_tracking, from the file at `path`; errc::io_error when it cannot be read.
OFFERKIT_API std::vector<tracking_row> read_tracking_file(const std::filesystem::path& path, diagnostics& diags);

/// The rows of a batch's tracking files, merged into the offers one at a time
/// (so that a streamed batch is tracked too). Not thread-safe.
class OFFERKIT_API tracking_log {
public:
    /// Rows dated after `as_of` are reported and not applied: they have not happened.
    explicit tracking_log(date as_of);
    ~tracking_log();
    tracking_log(tracking_log&&) noexcept;
    tracking_log& operator=(tracking_log&&) noexcept;

    /// Adds the rows of one file (in its order; a later row of the same count wins).
    void add(std::vector<tracking_row> rows);
    /// The number of rows added.
    std::size_t size() const noexcept;
    /// The as-of day.
    const date& as_of() const noexcept;

    /// Merges into `offer` the rows of its reference (the reference as written,
    /// case and spaces aside; else its number, reference_number_key, when one
    /// offer only has it): events in date order, counts, re-publication links
    /// (a `republished` row naming this offer's reference makes it a
    /// re-publication of that row's offer). Then sets `offer.status` from its
    /// events on the as-of day (status_on). Reports to `diags`, with the row's
    /// file and line: events after the as-of day, events before the offer's
    /// publication, events after its outcome, counts that contradict the
    /// offer. Returns the number of rows applied.
    std::size_t apply(job_offer& offer, diagnostics& diags);

    /// Reports each row that no offer claimed (an unknown reference), with its file and line.
    void report_unclaimed(diagnostics& diags) const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

/// The day `offer` was published: its first `published` event, else its posting date.
OFFERKIT_API std::optional<date> published_on(const job_offer& offer) noexcept;

/// The offer's outcome and its day: its first `filled`, `cancelled` or
/// `unsuccessful` event, or a `republished` event that names a new reference
/// (the offer is repeated: it failed). Nothing while the recruitment goes on.
struct offer_outcome {
    offer_status status = offer_status::filled;
    date on;
};
OFFERKIT_API std::optional<offer_outcome> outcome_of(const job_offer& offer) noexcept;

/// The day the offer stopped taking applications: its first `closed` event,
/// else its outcome's day when that comes before the deadline, else its deadline.
OFFERKIT_API std::optional<date> closed_on(const job_offer& offer) noexcept;

/// Where `offer` stands on `day`: nothing when it is not published yet;
/// its outcome when that is on or before `day`; closed when it stopped taking
/// applications on or before `day` (closed_on; a re-publication under the
/// same reference opens it again until it is closed); else published. An
/// offer with no events and no dates has its `status` as given.
OFFERKIT_API std::optional<offer_status> status_on(const job_offer& offer, const date& day) noexcept;

/// The posts an offer offers: `openings`, or 1 when not given (or 0).
constexpr int posts_of(const job_offer& offer) noexcept {
    return offer.openings && *offer.openings > 0 ? *offer.openings : 1;
}

/// The posts a filled offer filled: `posts_filled`, or 1 when not given.
constexpr int posts_filled_of(const job_offer& offer) noexcept { return offer.posts_filled ? *offer.posts_filled : 1; }

/// "filled" → event_kind::filled, and the French and English words a tracking
/// file may use ("pourvu", "clôturé", "annulée", "infructueux", "republié",
/// "mise en ligne"…; case, accents and a final e or s aside).
OFFERKIT_API std::optional<event_kind> event_kind_from_words(std::string_view words);

}  // namespace offerkit
