// The xlsx plugin's report: settings, labels, helpers, and the figures.
#include "report.hpp"

#include <offerkit/text.hpp>
#include <offerkit/text_safety.hpp>

#include <algorithm>
#include <cstring>

#include <cstdio>
#include <ctime>

namespace offerkit::xlsx_plugin {

utf16_measure measure_utf16(std::string_view s, std::size_t limit) {
    utf16_measure m;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
        if (i + len > s.size()) len = s.size() - i;
        const std::size_t units = len == 4 ? 2 : 1;
        if (m.units + units <= limit) m.prefix_bytes = i + len;
        m.units += units;
        i += len;
    }
    return m;
}

std::string offer_name(const job_offer* o) {
    // Offers reach the session's diagnostics fitted to XML (write()): valid UTF-8.
    return "offer " + (o && !o->reference.empty() ? excerpt(o->reference, 60) : std::string("(no reference)"));
}

std::string utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return std::string(s.substr(0, n));
}

std::optional<double> excel_serial(const date& d) {
    static constexpr std::int64_t first_ok = date::from_ymd(1900, 3, 1)->days_since_epoch();
    const std::int64_t z = d.days_since_epoch();
    if (z < first_ok) return std::nullopt;
    return static_cast<double>(z + 25569);
}

int month_index(const date& d) { return d.year() * 12 + (d.month() - 1); }
int month_index(int y, int m) { return y * 12 + (m - 1); }
date first_day(int mi) { return *date::from_ymd(mi / 12, mi % 12 + 1, 1); }
date last_day(int mi) {
    const int y = mi / 12, m = mi % 12 + 1;
    return *date::from_ymd(y, m, date::days_in_month(y, m));
}

std::string two_digits(int v) {
    std::string s(2, '0');
    s[0] = static_cast<char>('0' + (v / 10) % 10);
    s[1] = static_cast<char>('0' + v % 10);
    return s;
}

std::string excel_date_formula(const date& d) {
    return "DATE(" + std::to_string(d.year()) + "," + std::to_string(d.month()) + "," + std::to_string(d.day()) + ")";
}

std::string quote_sheet(std::string_view name) {
    std::string s = "'";
    for (char c : name) {
        if (c == '\'') s += '\'';
        s += c;
    }
    return s + "'";
}

std::string column_letters(int col) {
    std::string s;
    for (++col; col > 0; col = (col - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (col - 1) % 26));
    return s;
}

std::string valid_sheet_name(std::string_view wanted, const std::vector<std::string>& taken) {
    std::string s;
    for (char c : wanted) s += std::strchr("[]:*?/\\", c) && c != '\0' ? '_' : c;
    while (!s.empty() && s.front() == '\'') s.erase(s.begin());
    while (!s.empty() && s.back() == '\'') s.pop_back();
    auto cut31 = [](std::string t, std::size_t limit) {
        const auto m = measure_utf16(t, limit);
        t.resize(m.prefix_bytes);
        return t;
    };
    s = cut31(s, 31);
    if (s.empty()) s = "Sheet";
    // Excel compares sheet names without regard to case.
    auto used = [&](const std::string& name) {
        return std::any_of(taken.begin(), taken.end(),
                           [&](const std::string& t) { return text::iequals_ascii(t, name); });
    };
    std::string candidate = s;
    for (int n = 2; used(candidate); ++n) {
        const std::string suffix = " (" + std::to_string(n) + ")";
        candidate = cut31(s, 31 - suffix.size()) + suffix;
    }
    return candidate;
}

const char* rule_label(const labels& l, rule_id id) {
    const rule& r = rule_of(id);
    return l.pick(r.label_fr.data(), r.label_en.data());
}

const char* issue_label(const labels& l, issue_kind k) {
    switch (k) {
        // The rules of the catalogue say their own labels (their string_views are literals).
        case issue_kind::deadline_before_posting: return rule_label(l, rule_id::deadline_before_posting);
        case issue_kind::missing_deadline: return rule_label(l, rule_id::missing_deadline);
        case issue_kind::missing_reference: return rule_label(l, rule_id::missing_reference);
        case issue_kind::duplicate_reference: return l.pick("Référence en double", "Duplicate reference");
        case issue_kind::missing_posting_date:
            return l.pick("Date de dépôt manquante (offre comptée dans aucun mois)",
                          "Missing posting date (offer not counted in any month)");
        case issue_kind::text_cut:
            return l.pick("Texte trop long, coupé à 32 767 caractères", "Text too long, cut to 32,767 characters");
        case issue_kind::repaired: return l.pick("Valeur corrigée", "Value repaired");
    }
    return "?";
}

std::size_t wrapped_lines(std::string_view text, double width) {
    // Characters per line: the column's width, less a margin for wide letters and capitals.
    const auto per_line = static_cast<std::size_t>(std::max(1.0, width * 0.92 - 1));
    std::size_t lines = 1, used = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t word = 0;
        while (i < text.size() && text[i] != ' ') {
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++word;  // code points
            ++i;
        }
        if (word == 0) break;
        if (used == 0) {
            used = word;
        } else if (used + 1 + word <= per_line) {
            used += 1 + word;
        } else {
            ++lines;
            used = word;
        }
        while (used > per_line) {  // a word longer than the line breaks anywhere
            ++lines;
            used -= per_line;
        }
    }
    return lines;
}

const char* status_label(const labels& l, std::optional<offer_status> s) {
    if (!s) return "—";
    switch (*s) {
        case offer_status::published: return l.pick("ouverte", "open");
        case offer_status::closed: return l.pick("clôturée", "closed");
        case offer_status::filled: return l.pick("pourvue", "filled");
        case offer_status::cancelled: return l.pick("annulée", "cancelled");
        case offer_status::unsuccessful: return l.pick("infructueuse", "unsuccessful");
    }
    return "—";
}

[[noreturn]] void bad_option(const std::string& message) { throw error(errc::invalid_option, "xlsx: " + message); }

settings read_settings(const option_map& options) {
    settings s;
    const std::string lang = option_or(options, "lang", "fr");
    if (lang == "fr")
        s.lang.en = false;
    else if (lang == "en")
        s.lang.en = true;
    else
        bad_option("option lang=" + lang + " is not supported; use lang=fr or lang=en");

    const report_period p = report_period_from_options(options, "xlsx");
    s.yearly = p.yearly;
    s.as_of = p.as_of;
    s.as_of_given = p.as_of_given;
    s.month_given = p.month_given;
    s.start = p.start;
    s.end = p.end;
    s.year = p.start.year();
    s.month_mi = month_index(p.start);
    s.period = p;
    return s;
}

std::string cut_bytes(std::string_view s, std::size_t limit_units) {
    return std::string(s.substr(0, measure_utf16(s, limit_units).prefix_bytes));
}

int report::receive(const job_offer& offer) {
    ++received;
    if (offer.posted_on) {
        const int mi = month_index(*offer.posted_on);
        if (!s_.yearly) {
            const int k = mi - (s_.month_mi - 11);
            if (k >= 0 && k < 12) ++trend[static_cast<std::size_t>(k)];
        }
    }
    if (offer.deadline) {
        const date& d = *offer.deadline;
        if (d >= s_.end && (!offer.posted_on || *offer.posted_on <= s_.end)) ++all.open_at_end;
        if (d >= s_.start && d <= s_.end) ++all.deadline_in_period;
        if (d >= s_.as_of && days_between(s_.as_of, d) <= closing_window_days) ++all.closing_soon;
        if (offer.posted_on && d >= *offer.posted_on) {
            ++all.windows;
            all.window_days += days_between(*offer.posted_on, d);
        }
    }
    if (!offer.posted_on) {
        note_issue(issue_kind::missing_posting_date, offer, {}, -1, 0);
        if (!offer.deadline) note_issue(issue_kind::missing_deadline, offer, {}, -1, 0);
        if (offer.reference.empty()) note_issue(issue_kind::missing_reference, offer, {}, -1, 0);
        return -1;
    }
    const date posted = *offer.posted_on;
    if (posted < s_.start || posted > s_.end) return -1;  // another period: counted above only
    return s_.yearly ? posted.month() - 1 : 0;
}

void report::list(const job_offer& offer, int sheet, std::uint32_t row) {
    const labels& l = s_.lang;
    const date posted = *offer.posted_on;
    ++period.published;
    ++all.published;
    if (offer.deadline) {
        const date& d = *offer.deadline;
        if (d >= s_.end) ++period.open_at_end;
        if (d >= s_.start && d <= s_.end) ++period.deadline_in_period;
        if (d >= s_.as_of && days_between(s_.as_of, d) <= closing_window_days) ++period.closing_soon;
        if (d >= posted) {
            ++period.windows;
            period.window_days += days_between(posted, d);
        } else {
            note_issue(
                issue_kind::deadline_before_posting, offer,
                std::to_string(days_between(d, posted)) + l.pick(" jours avant le dépôt", " days before posting"),
                sheet, row);
        }
    } else {
        note_issue(issue_kind::missing_deadline, offer, {}, sheet, row);
    }

    static const std::string none;  // a reference, not a copy of each offer's value
    const canonical_keys& c = offer.canonical;
    auto count = [&](std::unordered_map<std::string, std::uint32_t>& counts, const std::optional<std::string>& key,
                     const std::optional<std::string>& name, const std::optional<std::string>& as_written) {
        if (key && name)
            ++counts[names_by_key_.try_emplace(*key, *name).first->second];
        else
            ++counts[as_written ? *as_written : none];
    };
    count(by_employer, c.employer, c.employer_name, offer.employer);
    count(by_direction, c.direction, c.direction_name, offer.direction);
    count(by_grade, c.grade, c.grade_name, offer.grade);

    // One row per repair, the repairs of one rule together (a swap repairs two fields).
    for (std::size_t i = 0; i < offer.repairs.size();) {
        const auto& rule_name = offer.repairs[i].rule;
        const rule* which = nullptr;
        for (const auto& candidate : rules())
            if (rule_name && candidate.name == *rule_name) which = &candidate;
        std::string detail, evidence;
        for (; i < offer.repairs.size() && offer.repairs[i].rule == rule_name; ++i) {
            const repair& r = offer.repairs[i];
            if (!detail.empty()) detail += " ; ";
            detail += r.field.value_or("") + " : " + r.as_written.value_or("—") + " → " + r.value.value_or("—");
            if (r.text) detail += " (« " + *r.text + " »)";
            if (r.evidence && *r.evidence != evidence) evidence = *r.evidence;
        }
        if (!evidence.empty()) detail += " — " + evidence;
        note_issue(issue_kind::repaired, offer, cut_bytes(detail, 2000), sheet, row);
        issues.back().label = which ? l.pick(which->label_fr.data(), which->label_en.data()) : nullptr;
    }

    if (offer.reference.empty()) {
        note_issue(issue_kind::missing_reference, offer, {}, sheet, row);
    } else {
        auto [it, inserted] = references.try_emplace(c.reference ? *c.reference : offer.reference,
                                                     first_seen{static_cast<std::uint16_t>(sheet), row, 1});
        if (!inserted) {
            ++it->second.count;
            note_issue(issue_kind::duplicate_reference, offer, {}, sheet, row);
            issues.back().first_sheet = it->second.sheet;
            issues.back().first_row = it->second.row;
        }
    }
}

void report::note_issue(issue_kind kind, const job_offer& offer, std::string detail, int sheet, std::uint32_t row) {
    issue_row q{kind, nullptr, {}, {}, {}, offer.posted_on, offer.deadline, std::move(detail), sheet, row};
    // Only what the Qualité sheet shows, each bounded (the long text is the problem itself).
    q.reference = cut_bytes(offer.reference, 255);
    q.title = cut_bytes(offer.title, 1024);
    q.employer = cut_bytes(offer.employer, 1024);
    issues.push_back(std::move(q));
}

}  // namespace offerkit::xlsx_plugin
