// The validation rules: one table entry and one check each.
#include <offerkit/date.hpp>
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

// Days from the posting date beyond which a deadline is taken for a typing
// error (a year, and the day of a leap year).
constexpr long long longest_window_days = 366;

// The entries are in the order of rule_id (checked below).
constexpr std::array<entry, 6> catalogue{{
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
        if (auto message = e.check(offer)) out.push_back({e.info.id, std::move(*message)});
    return out.size() - before;
}

diagnostic to_diagnostic(const finding& f, source_location where) {
    const rule& r = rule_of(f.id);
    return {r.level, std::move(where), f.message, std::string(r.name)};
}

}  // namespace offerkit
