// The validation rules: one table entry and one check each.
#include <offerkit/date.hpp>
#include <offerkit/referential.hpp>
#include <offerkit/rules.hpp>

#include <array>
#include <optional>

namespace offerkit {

namespace {

using check_fn = std::optional<std::string> (*)(const job_offer&);

struct entry {
    rule info;
    check_fn check;
};

std::optional<std::string> missing(bool absent, std::string_view field) {
    if (!absent) return std::nullopt;
    return "required field missing: " + std::string(field);
}

// An application window outside these bounds (days) is unusual; beyond the
// longest (longest_window_days, rules.hpp), deadline-long-after-posting reports it instead.
constexpr long long shortest_usual_window_days = 7;
constexpr long long longest_usual_window_days = 92;
// The posting date may come a week before the reference's date (posting_before_reference_days,
// rules.hpp), or a month after it.
constexpr long long posting_after_reference_days = 31;

// The parts of a reference with a prefix ("3134-26-0686/SR"), when it has that shape.
std::optional<reference_parts> coded_reference(const job_offer& o) {
    auto p = parse_reference(o.reference);
    if (!p || p->prefix.empty()) return std::nullopt;
    return p;
}

// The entries are in the order of rule_id (checked below).
constexpr std::array<entry, 14> catalogue{{
    {{rule_id::missing_reference, "missing-reference", severity::warning, "reference",
      "the offer has a reference (\"Référence\"), which names its files and identifies it", "Référence manquante",
      "Missing reference"},
     [](const job_offer& o) { return missing(o.reference.empty(), "reference"); }},
    {{rule_id::missing_title, "missing-title", severity::warning, "title", "the offer has a title", "Intitulé manquant",
      "Missing title"},
     [](const job_offer& o) { return missing(o.title.empty(), "title"); }},
    {{rule_id::missing_employer, "missing-employer", severity::warning, "employer", "the offer names its employer",
      "Employeur manquant", "Missing employer"},
     [](const job_offer& o) { return missing(o.employer.empty(), "employer"); }},
    {{rule_id::missing_deadline, "missing-deadline", severity::warning, "deadline",
      "the offer has a deadline (\"Date limite de candidature\")", "Date limite manquante", "Missing deadline"},
     [](const job_offer& o) { return missing(!o.deadline, "deadline"); }},
    {{rule_id::deadline_before_posting, "deadline-before-posting", severity::warning, "deadline",
      "the deadline is not before the posting date", "Date limite antérieure à la date de dépôt",
      "Deadline before the posting date"},
     [](const job_offer& o) -> std::optional<std::string> {
         if (!o.deadline || !o.posted_on || !(*o.deadline < *o.posted_on)) return std::nullopt;
         return "the deadline " + o.deadline->to_iso() + " is before the posting date " + o.posted_on->to_iso();
     }},
    {{rule_id::deadline_long_after_posting, "deadline-long-after-posting", severity::warning, "deadline",
      "the deadline is at most a year after the posting date", "Date limite plus d'un an après le dépôt",
      "Deadline more than a year after posting"},
     [](const job_offer& o) -> std::optional<std::string> {
         if (!o.deadline || !o.posted_on || *o.deadline < *o.posted_on ||
             days_between(*o.posted_on, *o.deadline) <= longest_window_days)
             return std::nullopt;
         return "the deadline " + o.deadline->to_iso() + " is more than a year after the posting date " +
                o.posted_on->to_iso();
     }},
    {{rule_id::window_unusual, "window-unusual", severity::warning, "deadline",
      "the application window (posting date to deadline) is one to thirteen weeks", "Durée de candidature inhabituelle",
      "Unusual application window"},
     [](const job_offer& o) -> std::optional<std::string> {
         if (!o.deadline || !o.posted_on || *o.deadline < *o.posted_on) return std::nullopt;
         const auto days = days_between(*o.posted_on, *o.deadline);
         if (days > longest_window_days || (days >= shortest_usual_window_days && days <= longest_usual_window_days))
             return std::nullopt;
         return "the application window is " + std::to_string(days) + " day" + (days == 1 ? "" : "s") + " (" +
                o.posted_on->to_iso() + " to " + o.deadline->to_iso() + "); usual: one to thirteen weeks";
     }},
    {{rule_id::posting_far_from_reference, "posting-far-from-reference", severity::warning, "posted_on",
      "the posting date is at most a week before the reference's date and a month after it",
      "Date de dépôt éloignée de la date de la référence", "Posting date far from the reference's date"},
     [](const job_offer& o) -> std::optional<std::string> {
         if (!o.posted_on || !o.reference_date) return std::nullopt;
         const auto days = days_between(*o.reference_date, *o.posted_on);
         if (days >= -posting_before_reference_days && days <= posting_after_reference_days) return std::nullopt;
         return "the posting date " + o.posted_on->to_iso() + " is " + std::to_string(days < 0 ? -days : days) +
                " days " + (days < 0 ? "before" : "after") + " the reference's date " + o.reference_date->to_iso();
     }},
    {{rule_id::reference_format, "reference-format", severity::warning, "reference",
      "a reference with a prefix is spelt PREFIX-YY-NNNN/SUFFIX ('-' between the groups, '/' before the suffix)",
      "Référence mal orthographiée", "Reference not in its usual spelling"},
     [](const job_offer& o) -> std::optional<std::string> {
         const auto p = coded_reference(o);
         if (!p) return std::nullopt;
         const std::string usual = usual_reference_spelling(*p);
         if (usual == o.reference) return std::nullopt;
         return "the reference \"" + o.reference + "\" is usually spelt \"" + usual +
                "\" (kept as written; both name the same offer)";
     }},
    {{rule_id::reference_year_mismatch, "reference-year-mismatch", severity::warning, "reference",
      "the year in a reference is the year of its date", "Année de la référence différente de sa date",
      "Reference year differs from its date"},
     [](const job_offer& o) -> std::optional<std::string> {
         const auto p = coded_reference(o);
         const auto& when = o.reference_date ? o.reference_date : o.posted_on;
         if (!p || !when || p->year == when->year() % 100) return std::nullopt;
         return "the reference " + o.reference + " names the year " + std::to_string(2000 + p->year) + ", its date " +
                when->to_iso() + " is in " + std::to_string(when->year());
     }},
    {{rule_id::weekday_mismatch, "weekday-mismatch", severity::warning, "deadline",
      "the weekday written with a date is that date's weekday (repaired when one year near the posting's fits)",
      "Jour de la semaine incohérent avec la date", "Weekday does not match the date"},
     nullptr},
    {{rule_id::dates_swapped, "dates-swapped", severity::warning, "posted_on",
      "the posting date and the deadline are not swapped (repaired when the reference's date or the metadata "
      "confirms it)",
      "Date de dépôt et date limite inversées", "Posting date and deadline swapped"},
     nullptr},
    {{rule_id::metadata_mismatch, "metadata-mismatch", severity::warning, "deadline",
      "the posting's dates agree, within a day, with its metadata (front matter, open data)",
      "Date différente des métadonnées", "Date differs from the metadata"},
     nullptr},
    {{rule_id::duplicate_offer, "duplicate-offer", severity::warning, "reference",
      "an offer (its canonical reference) is read once in a batch", "Offre en double", "Duplicate offer"},
     nullptr},
}};

constexpr bool in_order() {
    for (std::size_t i = 0; i < catalogue.size(); ++i)
        if (static_cast<std::size_t>(catalogue[i].info.id) != i) return false;
    return true;
}

static_assert(in_order(), "the catalogue follows the order of rule_id");

constexpr std::array<rule, catalogue.size()> infos = [] {
    std::array<rule, catalogue.size()> r{};
    for (std::size_t i = 0; i < catalogue.size(); ++i) r[i] = catalogue[i].info;
    return r;
}();

}  // namespace

std::span<const rule> rules() noexcept { return infos; }

const rule& rule_of(rule_id id) noexcept { return infos[static_cast<std::size_t>(id)]; }

std::size_t check_offer(const job_offer& offer, std::vector<finding>& out) {
    const std::size_t before = out.size();
    for (const auto& e : catalogue)
        if (e.check)
            if (auto message = e.check(offer)) out.push_back({e.info.id, std::move(*message)});
    return out.size() - before;
}

diagnostic to_diagnostic(const finding& f, source_location where) {
    const rule& r = rule_of(f.id);
    return {r.level, std::move(where), f.message, std::string(r.name)};
}

}  // namespace offerkit
