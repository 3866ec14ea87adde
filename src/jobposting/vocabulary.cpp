// schema.org JobPosting codec — Small text utilities, the French labels of `extra`, Google's employment types.
#include "jobposting/internal.hpp"

namespace offerkit::detail::jp {

// Small text utilities.

std::optional<std::string> clean(std::string_view s) {
    std::string t = text::collapse_ascii_space(s);
    if (t.empty() || t == "/" || t == "-") return std::nullopt;
    return t;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool has(std::string_view folded, std::string_view stem) { return folded.find(stem) != std::string_view::npos; }

std::string strip_trailing_punct(std::string s) {
    while (!s.empty() && (s.back() == '.' || s.back() == ';' || s.back() == ',' || s.back() == ' ')) s.pop_back();
    return s;
}

/// `YYYY-MM-DD`, `YYYY-MM-DDThh:mm…`, or `DD/MM/YYYY`.
std::optional<date> parse_date_text(std::string_view s) {
    if (s.size() >= 10) {
        if (s.size() == 10 || s[10] == 'T' || s[10] == 't' || s[10] == ' ')
            if (auto d = date::parse_iso(s.substr(0, 10))) return d;
    }
    if (s.size() == 10 && s[2] == '/' && s[5] == '/') {
        int v[3] = {0, 0, 0};
        const std::size_t starts[3] = {0, 3, 6}, lens[3] = {2, 2, 4};
        for (int f = 0; f < 3; ++f)
            for (std::size_t i = 0; i < lens[f]; ++i) {
                const char c = s[starts[f] + i];
                if (c < '0' || c > '9') return std::nullopt;
                v[f] = v[f] * 10 + (c - '0');
            }
        return date::from_ymd(v[2], v[1], v[0]);
    }
    return std::nullopt;
}

/// The first `DD/MM/YYYY` or `YYYY-MM-DD` inside a phrase ("vacant à partir du 10/02/2025").
std::optional<date> date_inside(std::string_view s) {
    for (std::size_t i = 0; i + 10 <= s.size(); ++i) {
        const char c = s[i];
        if (c < '0' || c > '9') continue;
        if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') continue;
        if (auto d = parse_date_text(s.substr(i, 10)))
            if (i + 10 == s.size() || s[i + 10] < '0' || s[i + 10] > '9') return d;
    }
    return std::nullopt;
}

bool is_immediate(std::string_view availability) {
    const std::string f = text::fold_words(availability);
    return has(f, "des que possible") || has(f, "immediat") || has(f, "de suite") || has(f, "sans delai");
}

// ---------------------------------------------------------------------------
// `extra` labels for JobPosting properties that have no field: French, like the
// rest of an offer, so that flyers and reports read well. Other keys (OPT-NC's
// additionalType keys, informationsLibres names) are kept as written.

struct extra_label_entry {
    std::string_view property, text;
};
constexpr extra_label_entry extra_labels[] = {
    {"name", "Nom de l'offre"},
    {"alternateName", "Autre intitulé"},
    {"disambiguatingDescription", "Résumé du poste"},
    {"employerOverview", "Présentation de l'employeur"},
    {"hiringOrganization.url", "Site de l'employeur"},
    {"hiringOrganization.sameAs", "Profil de l'employeur"},
    {"hiringOrganization.logo", "Logo de l'employeur"},
    {"owner", "Organisme propriétaire de l'offre"},
    {"employmentUnit", "Unité d'emploi"},
    {"relevantOccupation.occupationalCategory", "Code ROME"},
    {"relevantOccupation.code_metier", "Code métier"},
    {"relevantOccupation.fiche_metier_url", "Fiche métier"},
    {"applicantLocationRequirements", "Lieu exigé des candidats"},
    {"eligibilityToWorkRequirement", "Conditions d'éligibilité"},
    {"datePosted", "Date de dépôt de l'offre"},
    {"validThrough", "Date limite de candidature"},
    {"totalJobOpenings", "Postes à pourvoir"},
    {"experienceInPlaceOfEducation", "Expérience acceptée à la place du diplôme"},
    {"employmentType", "Type d'emploi"},
    {"directApply", "Candidature directe en ligne"},
    {"industry", "Secteur d'activité"},
    {"occupationalCategory", "Catégorie professionnelle"},
    {"baseSalary", "Salaire"},
    {"estimatedSalary", "Salaire estimé"},
    {"salaryCurrency", "Devise du salaire"},
    {"incentiveCompensation", "Rémunération variable"},
    {"jobDuration", "Durée du contrat"},
    {"jobLocationType", "Type de lieu de travail"},
    {"additionalType", "Type"},
    {"dossier", "Dossier"},
    {"image", "Image"},
    {"sameAs", "Voir aussi"},
    {"subjectOf", "Voir aussi"},
    {"potentialAction", "Action"},
};
std::string_view extra_label(std::string_view property) {
    for (const auto& l : extra_labels)
        if (l.property == property) return l.text;
    return property;
}

std::vector<std::string> semicolon_list(std::string_view s) {
    std::vector<std::string> values;
    while (!s.empty()) {
        const std::size_t sep = s.find(';');
        values.push_back(text::collapse_ascii_space(s.substr(0, sep)));
        s = sep == std::string_view::npos ? std::string_view() : s.substr(sep + 1);
    }
    return values;
}

}  // namespace offerkit::detail::jp
