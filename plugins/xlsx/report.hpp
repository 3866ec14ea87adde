// Internal: the xlsx plugin's report, apart from the workbook: its settings
// (month or year, as-of, language), the labels, the figures counted one offer
// at a time (report), the data problems found, and the helpers on Excel's
// limits and dates. xlsx_exporter.cpp writes the workbook from them.
#pragma once

#include <offerkit/date.hpp>
#include <offerkit/error.hpp>
#include <offerkit/exporter.hpp>
#include <offerkit/recruitment.hpp>
#include <offerkit/rules.hpp>
#include <offerkit/text.hpp>

#include <locale.h>
#include <array>
#include <clocale>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace offerkit::xlsx_plugin {

// ---------------------------------------------------------------------------
// Small helpers

/// Sets LC_NUMERIC (and the rest) to "C" for the calling thread while alive.
class c_locale_scope {
public:
    c_locale_scope() noexcept {
        static const locale_t c_locale = ::newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
        if (c_locale) previous_ = ::uselocale(c_locale);
    }
    ~c_locale_scope() {
        if (previous_) ::uselocale(previous_);
    }
    c_locale_scope(const c_locale_scope&) = delete;
    c_locale_scope& operator=(const c_locale_scope&) = delete;

private:
    locale_t previous_ = nullptr;
};

constexpr std::size_t excel_text_limit = 32767;  // UTF-16 code units per cell
constexpr std::size_t excel_url_limit = 2079;
constexpr std::uint32_t excel_urls_per_sheet = 65530;
constexpr std::uint32_t excel_max_data_rows = 1048575;  // below the header row
constexpr std::size_t top_rows = 20;                    // rows per breakdown before "others"
constexpr int closes_soon_days = 7;
constexpr int closing_window_days = 14;

/// Number of UTF-16 code units of a UTF-8 text, and the byte length of its
/// longest prefix within `limit` units (never cutting a character).
struct utf16_measure {
    std::size_t units = 0;
    std::size_t prefix_bytes = 0;
};
utf16_measure measure_utf16(std::string_view s, std::size_t limit);

/// "offer 9101-25-0010/SR" in a diagnostic, or "offer (no reference)".
std::string offer_name(const job_offer* o);

/// The longest prefix of `s` that has at most `max_bytes` bytes, not cutting a character.
std::string utf8_prefix(std::string_view s, std::size_t max_bytes);

/// Excel's serial day number for `d`, or nothing before 1900-03-01 (Excel's
/// 1900 calendar has a phantom 29 February before that).
std::optional<double> excel_serial(const date& d);

int month_index(const date& d);
int month_index(int y, int m);

date first_day(int mi);
date last_day(int mi);

std::string two_digits(int v);

std::string excel_date_formula(const date& d);

std::string quote_sheet(std::string_view name);

/// Column letters for a 0-based column (0 -> A).
std::string column_letters(int col);

/// A valid, unique Excel sheet name made from `wanted`: no []:*?/\, no
/// apostrophe at either end, at most 31 characters, not empty, unique
/// (case-insensitively for ASCII) among `taken`.
std::string valid_sheet_name(std::string_view wanted, const std::vector<std::string>& taken);

// ---------------------------------------------------------------------------
// Labels

struct labels {
    bool en = false;
    const char* pick(const char* fr, const char* english) const { return en ? english : fr; }

    std::string month_name(int month, bool capital) const {
        std::string s(text::month_name(month, en ? text::language::en : text::language::fr));
        if (capital && !en && !s.empty()) s[0] = static_cast<char>(s[0] - 'a' + 'A');
        return s;
    }
    std::string month_label(int mi, bool capital = false) const {
        return month_name(mi % 12 + 1, capital) + " " + std::to_string(mi / 12);
    }
    std::string date_text(const date& d) const {
        return en ? d.to_iso() : two_digits(d.day()) + "/" + two_digits(d.month()) + "/" + std::to_string(d.year());
    }
    const char* date_format() const { return en ? "yyyy-mm-dd" : "dd/mm/yyyy"; }
};

enum class issue_kind : int {
    deadline_before_posting,
    missing_deadline,
    missing_reference,
    duplicate_reference,
    missing_posting_date,
    text_cut,
    repaired,  ///< a value offerkit repaired (job_offer::repairs), or a duplicate merged
};

const char* rule_label(const labels& l, rule_id id);

const char* issue_label(const labels& l, issue_kind k);

/// The lines `text` takes in a wrapped cell `width` characters wide (words
/// kept whole, as a spreadsheet wraps them; at least 1). Row heights are set
/// from it: a spreadsheet opened elsewhere does not always grow rows to fit.
std::size_t wrapped_lines(std::string_view text, double width);

/// "ouverte", "clôturée", "pourvue", "annulée", "infructueuse" (or English); "—" for nothing (not published yet).
const char* status_label(const labels& l, std::optional<offer_status> s);

// ---------------------------------------------------------------------------
// Settings from the options

struct settings {
    labels lang;
    bool yearly = false;
    int year = 0;      // yearly report
    int month_mi = 0;  // monthly report: month index (year*12 + month-1)
    bool month_given = false, as_of_given = false;
    date as_of;
    date start, end;       // the report period, inclusive
    report_period period;  // the same, for the recruitment figures
};

[[noreturn]] void bad_option(const std::string& message);

settings read_settings(const option_map& options);

// ---------------------------------------------------------------------------
// The session

struct figures {
    std::uint64_t published = 0;
    std::uint64_t open_at_end = 0;  // deadline >= end of period
    std::uint64_t deadline_in_period = 0;
    std::uint64_t closing_soon = 0;  // as-of <= deadline <= as-of + 14
    std::uint64_t windows = 0;       // offers with a (non-negative) application window
    std::int64_t window_days = 0;
};

struct issue_row {
    issue_kind kind;
    const char* label = nullptr;  // repaired: the rule's label
    std::string reference, title, employer;
    std::optional<date> posted, deadline;
    std::string detail;
    int sheet = -1;  // where the offer is, -1 when it is in no sheet
    std::uint32_t row = 0;
    int first_sheet = -1;  // duplicate_reference: where the reference was first seen
    std::uint32_t first_row = 0;
};

struct first_seen {
    std::uint16_t sheet;
    std::uint32_t row;
    std::uint32_t count;
};

std::string cut_bytes(std::string_view s, std::size_t limit_units);

/// The figures of one report, counted one offer at a time: what the Synthèse
/// and Qualité sheets show, known without a workbook. The workbook lists each
/// offer of the period at the row `receive` and `list` are told.
class report {
public:
    explicit report(const settings& s) : s_(s) {}

    /// Counts an offer received (every offer, whatever its month: the figures
    /// of `all` and the trend). Returns the offer sheet that lists it (0 for
    /// a monthly report, its month - 1 for a yearly one), or -1 when it is not
    /// published in the period (an offer without posting date is an issue).
    int receive(const job_offer& offer);
    /// Counts an offer of the period, listed at `row` of offer sheet `sheet`:
    /// the period's figures, the breakdowns, duplicate references, date issues.
    void list(const job_offer& offer, int sheet, std::uint32_t row);
    /// Records a data problem of `offer` (`sheet` -1: the offer is in no sheet).
    void note_issue(issue_kind kind, const job_offer& offer, std::string detail, int sheet, std::uint32_t row);

    std::uint64_t received = 0;
    figures period;                         ///< offers published in the period (what the offer sheets hold)
    figures all;                            ///< every offer received, whatever its posting month
    std::array<std::uint64_t, 12> trend{};  ///< monthly report: the 12 months up to the report month
    /// Offers by the canonical name of their employer, direction and grade
    /// (job_offer::canonical: one row per employer whatever the spelling), else as written.
    std::unordered_map<std::string, std::uint32_t> by_employer, by_direction, by_grade;
    std::unordered_map<std::string, first_seen> references;  ///< by canonical reference, else as written
    std::vector<issue_row> issues;

private:
    const settings& s_;
    // The name shown for each canonical key: the first met (keys and names go together).
    std::unordered_map<std::string, std::string> names_by_key_;
};

}  // namespace offerkit::xlsx_plugin
