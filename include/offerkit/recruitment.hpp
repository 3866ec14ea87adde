// offerkit/recruitment.hpp — the recruitment figures as a model: what the
// `summary` format writes and the workbook shows (docs/summary.md).
//
// For a month, or a year month by month, and by direction, grade and commune:
// offers and posts published, open at the end of the period, closed, filled,
// unsuccessful, cancelled, re-published; the fill rate; days from publication
// to filling (median, 90th percentile); applications per offer (median); and
// the 12 months of the trend. Counted one offer at a time, so that a batch of
// any size gives its figures without being held.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/date.hpp>
#include <offerkit/exporter.hpp>
#include <offerkit/job_offer.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit {

/// The period of a report: a month, or a year (month by month), and the day
/// the figures are counted on.
struct report_period {
    bool yearly = false;
    date start;                ///< first day
    date end;                  ///< last day
    date as_of;                ///< the day the figures are counted on: what has happened by then
    bool as_of_given = false;  ///< false: as_of is today in Nouméa (the only clock use)
    bool month_given = false;  ///< monthly: false when the month is the one before as_of

    /// The monthly report of `year`-`month` counted on `as_of`.
    OFFERKIT_API static report_period month(int year, int month, date as_of);
    /// The yearly report of `year` counted on `as_of`.
    OFFERKIT_API static report_period year(int year, date as_of);
};

/// The period from a summary format's options: `month=YYYY-MM` or `year=YYYY`
/// (default: the month before the as-of day) and `as-of=YYYY-MM-DD` (default:
/// today in Nouméa, UTC+11). Throws errc::invalid_option with a message that
/// starts with `format` ("xlsx: option month=2025-13 is not a month…").
OFFERKIT_API report_period report_period_from_options(const option_map& options, std::string_view format);

/// The day it is in Nouméa (UTC+11, no daylight saving) by the system clock.
OFFERKIT_API date today_in_noumea() noexcept;

/// A sample's size, median and 90th percentile (linear interpolation between
/// the closest ranks, as Excel's PERCENTILE.INC and numpy's default); no
/// median or percentile when the sample is empty.
struct distribution {
    std::uint64_t count = 0;
    std::optional<double> median;
    std::optional<double> p90;
    friend bool operator==(const distribution&, const distribution&) = default;
};

/// The figures of one period, or of one group of offers in it (docs/summary.md).
struct recruitment_figures {
    std::uint64_t published = 0;        ///< offers published in the period (published_on)
    std::uint64_t posts_published = 0;  ///< their posts (posts_of)
    std::uint64_t open_at_end = 0;   ///< offers open to applications at the end of the period (or on as-of, if sooner)
    std::uint64_t closed = 0;        ///< offers that stopped taking applications in the period (closed_on)
    std::uint64_t filled = 0;        ///< offers filled in the period (their outcome's day)
    std::uint64_t posts_filled = 0;  ///< the posts they filled (posts_filled_of)
    std::uint64_t unsuccessful = 0;  ///< offers that ended unsuccessful in the period
    std::uint64_t cancelled = 0;     ///< offers cancelled in the period
    std::uint64_t re_published = 0;  ///< re-publications in the period (docs/summary.md)
    /// Of the offers published in the period: the posts filled by the as-of day.
    std::uint64_t published_posts_filled = 0;
    /// published_posts_filled / posts_published; nothing when no post was published.
    std::optional<double> fill_rate;
    /// Days from publication to filling, of the offers filled in the period.
    distribution days_to_fill;
    /// Applications received, of the offers published in the period that have a count.
    distribution applications;
    friend bool operator==(const recruitment_figures&, const recruitment_figures&) = default;
};

/// The figures of one direction, grade or commune over the report period.
struct recruitment_group {
    std::optional<std::string> key;   ///< the canonical key ("opt-nc/dsi"), or nothing when not given
    std::optional<std::string> name;  ///< the canonical name, else as written; nothing when not given
    recruitment_figures figures;
};

/// One month of the report.
struct recruitment_month {
    int year = 0;
    int month = 0;  ///< 1–12
    recruitment_figures figures;
};

/// A recruitment report.
struct recruitment_report {
    report_period period;
    std::uint64_t offers = 0;     ///< offers counted (each once: a batch's duplicates left out)
    std::uint64_t tracked = 0;    ///< of them, offers with tracking data (events, a status or counts)
    recruitment_figures figures;  ///< the report period
    /// A yearly report: its 12 months; a monthly one: the 12 months up to the report month (the trend).
    std::vector<recruitment_month> months;
    /// The report period by direction, grade and commune: most offers published first, then by name.
    std::vector<recruitment_group> by_direction, by_grade, by_commune;

    /// True when some offer has tracking data: without it, only publication figures mean anything.
    bool has_tracking() const noexcept { return tracked != 0; }
};

/// Counts offers one at a time into a report. Not thread-safe.
class OFFERKIT_API recruitment_counter {
public:
    explicit recruitment_counter(report_period period);
    ~recruitment_counter();
    recruitment_counter(recruitment_counter&&) noexcept;
    recruitment_counter& operator=(recruitment_counter&&) noexcept;

    /// Counts `offer` (after its tracking rows are merged, offerkit/tracking.hpp).
    void add(const job_offer& offer);
    /// The report of the offers counted so far.
    recruitment_report result() const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

/// The report of `offers` over `period`.
OFFERKIT_API recruitment_report recruitment_report_of(const std::vector<job_offer>& offers,
                                                      const report_period& period);

}  // namespace offerkit
