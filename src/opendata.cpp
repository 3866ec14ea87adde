// An offer as a row of the DRHFPNC AVP dataset, and that row as CSV.
#include "opendata_columns.hpp"

#include <offerkit/opendata.hpp>
#include <offerkit/text.hpp>

#include <algorithm>

namespace offerkit::opendata {

using detail::avp_column;

namespace {

std::string lines_of(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) {
        if (i.empty()) continue;
        if (!s.empty()) s += '\n';
        s += i;
    }
    return s;
}

void add_lines(std::string& cell, const std::vector<std::string>& items) {
    std::string more = lines_of(items);
    if (more.empty()) return;
    if (!cell.empty()) cell += '\n';
    cell += more;
}

// The profile column a section goes to, by its title: "Savoir-faire", "Savoir-être"
// (or "Comportements"), else "Savoirs".
avp_column profile_column(const std::optional<std::string>& title) {
    const std::string t = title ? text::fold(*title) : std::string();
    if (t.find("faire") != std::string::npos) return avp_column::know_how;
    if (t.find("etre") != std::string::npos || t.find("comportement") != std::string::npos)
        return avp_column::behaviour;
    return avp_column::knowledge;
}

// "contrôleur ou agent d'exploitation - domaine": the grade, the other grade
// and the domain, as the dataset keeps them (the importer joins them again).
void split_grade(std::string_view grade, std::string& first, std::string& second, std::string& domain) {
    if (const std::size_t dash = grade.rfind(" - "); dash != std::string_view::npos) {
        domain = std::string(grade.substr(dash + 3));
        grade = grade.substr(0, dash);
    }
    if (const std::size_t ou = grade.find(" ou "); ou != std::string_view::npos) {
        second = std::string(grade.substr(ou + 4));
        grade = grade.substr(0, ou);
    }
    first = std::string(grade);
}

bool is_formula_start(char c) noexcept {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

std::span<const std::string_view> columns() noexcept { return detail::avp_column_names; }

std::vector<std::string> row_of(const job_offer& o) {
    std::vector<std::string> row(detail::avp_column_count);
    auto at = [&](avp_column c) -> std::string& { return row[static_cast<std::size_t>(c)]; };
    auto day = [](const std::optional<date>& d) { return d ? d->to_iso() : std::string(); };

    at(avp_column::communique) = "0";
    at(avp_column::title) = o.title;
    at(avp_column::rome_label) = std::string(detail::avp_no_rome);
    at(avp_column::reference) = o.reference;
    at(avp_column::posted_on) = day(o.posted_on);
    at(avp_column::employer) = o.employer;
    if (o.grade) split_grade(*o.grade, at(avp_column::grade), at(avp_column::grade_2), at(avp_column::domain));
    at(avp_column::residency) = o.residency_requirement.value_or("");
    // The dataset writes this one date as a Nouméa midnight.
    if (o.available_from) at(avp_column::available_from) = o.available_from->to_iso() + " 00:00:00+11:00";
    // date_a_pourvoir_libelle: a code when the words are the code's own, else AUTRE and the words.
    if (o.availability) {
        std::string& kind = at(avp_column::availability_kind);
        for (auto [code, words] : detail::avp_availability_words)
            if (*o.availability == words) kind = std::string(code);
        if (kind.empty() && o.available_from && *o.availability == detail::avp_from_date_text(*o.available_from))
            kind = std::string(detail::avp_from_date);
        if (kind.empty()) {
            kind = std::string(detail::avp_other);
            at(avp_column::availability_other) = *o.availability;
        }
    } else if (o.available_from) {
        at(avp_column::availability_kind) = std::string(detail::avp_from_date);
    }
    // OPT-NC's rows repeat the employer when there is no direction; the importer drops it again.
    at(avp_column::direction) = o.direction.value_or(o.employer);
    at(avp_column::unit) = o.unit.value_or("");
    at(avp_column::location) = o.location.value_or("");
    at(avp_column::deadline) = day(o.deadline);
    at(avp_column::presentation) = lines_of(o.description);
    at(avp_column::job_family) = o.job_family.value_or("");
    at(avp_column::missions) = lines_of(o.missions);
    for (const auto& a : o.activities)
        add_lines(at(a.kind == activity_kind::main ? avp_column::main_activities : avp_column::secondary_activities),
                  a.items);
    at(avp_column::conditions) = lines_of(o.conditions);
    for (const auto& p : o.profile) add_lines(at(profile_column(p.title)), p.items);
    for (std::size_t i = 0; i < detail::avp_contact_columns.size() && i < o.contacts.size(); ++i) {
        const contact& k = o.contacts[i];
        const auto& [name, phone, email] = detail::avp_contact_columns[i];
        at(name) = k.name.value_or(k.role.value_or(""));
        at(phone) = k.phone.value_or("");
        at(email) = k.email.value_or("");
    }
    for (const auto& item : o.how_to_apply)
        for (auto [c, prefix] : detail::avp_apply_columns)
            if (std::string_view(item).starts_with(prefix) && at(c).empty()) at(c) = item.substr(prefix.size());
    for (auto [c, label] : detail::avp_extra_columns)
        if (const std::string* v = o.extra.find(label)) at(c) = *v;
    if (o.republication_of) {
        // The comment read from the open data when it names the same offer, else one in its words.
        std::string& comment = at(avp_column::republication);
        if (comment.find(*o.republication_of) == std::string::npos)
            comment = "Republication de l'avis " + *o.republication_of;
    }
    if (at(avp_column::status).empty()) at(avp_column::status) = std::string(detail::avp_published);
    at(avp_column::openings) = o.openings ? std::to_string(*o.openings) : "0";
    at(avp_column::document_url) = o.document_url.value_or("");
    return row;
}

std::string spreadsheet_safe(std::string_view cell) {
    const bool quote = !cell.empty() &&
                       (is_formula_start(cell[0]) || (cell[0] == '\'' && cell.size() > 1 && is_formula_start(cell[1])));
    return quote ? "'" + std::string(cell) : std::string(cell);
}

std::string_view without_spreadsheet_quote(std::string_view cell) noexcept {
    if (cell.size() > 1 && cell[0] == '\'' &&
        (is_formula_start(cell[1]) || (cell[1] == '\'' && cell.size() > 2 && is_formula_start(cell[2]))))
        cell.remove_prefix(1);
    return cell;
}

void append_csv_line(std::string& out, std::span<const std::string> cells, char separator) {
    bool first = true;
    for (const std::string& raw : cells) {
        if (!first) out += separator;
        first = false;
        const std::string cell = spreadsheet_safe(raw);
        const bool quote = cell.find_first_of(std::string{separator, '"', '\n', '\r'}) != std::string::npos ||
                           (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
        if (!quote) {
            out += cell;
            continue;
        }
        out += '"';
        for (char c : cell) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    }
    out += "\r\n";
}

}  // namespace offerkit::opendata
