#include "labels.hpp"

#include <offerkit/plugins/pdf.hpp>
#include <offerkit/text.hpp>

namespace offerkit::pdf_plugin {

namespace {

const labels french{
    "AVIS DE VACANCE DE POSTE",
    "Référence",
    "Direction",
    "Unité",
    "Corps / cadre d’emploi",
    "Emploi",
    "Lieu de travail",
    "Date de dépôt",
    "Date limite de candidature",
    "Poste(s) à pourvoir",
    "Durée de résidence exigée",
    "Supérieur hiérarchique",
    "Place dans l’organigramme",
    "Agents encadrés",
    "directs",
    "indirects",
    "1 poste",
    "postes",
    "du",
    "Contexte",
    "Missions",
    "Activités principales",
    "Activités secondaires",
    "Profil recherché",
    "Conditions particulières",
    "Informations complémentaires",
    "Comment postuler",
    "Renseignements",
    "Offre en ligne",
    "Page",
    "suite",
    "Avis de vacance de poste",
    "\u00a0: ",
    "L’offre complète",
    "… et 1 autre\u00a0: voir l’offre complète",
    "autres\u00a0: voir l’offre complète",
    "… et",
    "Sommaire",
    "p.",
};

const labels english{
    "JOB VACANCY NOTICE",
    "Reference",
    "Directorate",
    "Unit",
    "Grade / job category",
    "Job family",
    "Place of work",
    "Posted on",
    "Application deadline",
    "Position(s) available",
    "Residency requirement",
    "Reports to",
    "Position in the organisation",
    "Staff managed",
    "direct",
    "indirect",
    "1 position",
    "positions",
    "of",
    "Context",
    "Missions",
    "Main activities",
    "Secondary activities",
    "Candidate profile",
    "Special conditions",
    "Additional information",
    "How to apply",
    "Contacts",
    "Offer online",
    "Page",
    "continued",
    "Job vacancy notice",
    ": ",
    "The full offer",
    "… and 1 more: see the full offer",
    "more: see the full offer",
    "… and",
    "Contents",
    "p.",
};

}  // namespace

const labels& labels_for(std::string_view lang) { return lang == "en" ? english : french; }

std::string medium_date(const date& d, std::string_view lang) {
    return text::date_in_words(d, lang == "en" ? text::language::en : text::language::fr);
}

std::string long_date(const date& d, std::string_view lang) {
    return text::long_date_in_words(d, lang == "en" ? text::language::en : text::language::fr);
}

}  // namespace offerkit::pdf_plugin

namespace offerkit::plugins::pdf {
std::string long_date(const date& d, std::string_view lang) { return pdf_plugin::long_date(d, lang); }
}  // namespace offerkit::plugins::pdf
