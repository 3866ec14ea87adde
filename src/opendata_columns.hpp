// Internal: the DRHFPNC AVP dataset's columns and value conventions, said
// once for the `csv` importer (src/import/opendata_csv.cpp) and the row
// writer (src/opendata.cpp). Never included from a public header.
#pragma once

#include <offerkit/date.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace offerkit::detail {

// The columns, in the dataset's order (docs/opendata-csv.md).
enum class avp_column : std::uint8_t {
    id,
    communique,
    title,  // libelle_poste
    rome_label,
    rome_code,
    reference,  // numero
    posted_on,  // date_mis_en_ligne
    employer,   // libelle_collectivite
    grade,
    grade_2,
    domain,
    domain_2,
    residency,
    available_from,
    availability_kind,
    direction,
    direction_acronym,
    unit,  // service_libelle
    location,
    created,
    deadline,  // date_cloture
    presentation,
    job_family,  // emploi_resp
    missions,
    main_activities,
    secondary_activities,
    conditions,
    knowledge,
    know_how,
    behaviour,
    republication,
    contact,
    contact_phone,
    contact_email,
    contact_2,
    contact_2_phone,
    contact_2_email,
    hr_name,
    filing_address,
    postal_address,
    hr_email,
    status,
    openings,
    availability_other,
    document_url,
    count
};

inline constexpr std::size_t avp_column_count = static_cast<std::size_t>(avp_column::count);

inline constexpr std::array<std::string_view, avp_column_count> avp_column_names = {
    "id",
    "communique",
    "libelle_poste",
    "libelle_emploi_rome",
    "code_emploi_rome",
    "numero",
    "date_mis_en_ligne",
    "libelle_collectivite",
    "libelle_corps_grade",
    "libelle_corps_grade_2",
    "libelle_domaine",
    "libelle_domaine_2",
    "duree_residence_exigee",
    "date_a_pourvoir",
    "date_a_pourvoir_libelle",
    "direction_libelle",
    "direction_acronyme",
    "service_libelle",
    "lieu_travail",
    "date_creation",
    "date_cloture",
    "presentation",
    "emploi_resp",
    "mission",
    "activites_principales",
    "activites_secondaires",
    "conditions_particulieres",
    "savoir",
    "savoir_faire",
    "comportements",
    "commentaire_republication",
    "contact",
    "contact_telephone",
    "contact_email",
    "contact_secondaire",
    "contact_secondaire_telephone",
    "contact_secondaire_email",
    "collectivite_nom_rh",
    "collectivite_adresse_depot",
    "collectivite_adresse_postale",
    "collectivite_email",
    "statut",
    "nb_postes_a_pourvoir",
    "a_pourvoir_autre",
    "url_pdf",
};

constexpr std::string_view name_of(avp_column c) noexcept { return avp_column_names[static_cast<std::size_t>(c)]; }

// `libelle_emploi_rome` when the post has no ROME code.
inline constexpr std::string_view avp_no_rome = "HORS_ROME";
// `statut` of a published row (the only value the dataset has shown).
inline constexpr std::string_view avp_published = "PUBLIE";

// `date_a_pourvoir_libelle`: the codes with fixed words; `A_DATE` is "À compter
// du " and the date; `AUTRE` takes its words from `a_pourvoir_autre`.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 2> avp_availability_words = {{
    {"IMMEDIATEMENT", "Immédiatement"},
    {"SUSCEPTIBLE_VACANT", "Susceptible d'être vacant"},
}};
inline constexpr std::string_view avp_from_date = "A_DATE";
inline constexpr std::string_view avp_other = "AUTRE";
// The words of `A_DATE` for its date: "À compter du 2026-10-19".
inline std::string avp_from_date_text(const date& d) { return "À compter du " + d.to_iso(); }

// The profile's three columns and the section titles they are read into.
inline constexpr std::array<std::pair<avp_column, std::string_view>, 3> avp_profile_columns = {{
    {avp_column::knowledge, "Savoirs"},
    {avp_column::know_how, "Savoir-faire"},
    {avp_column::behaviour, "Savoir-être"},
}};

// The employer's addresses, read into `how_to_apply` items with these prefixes.
inline constexpr std::array<std::pair<avp_column, std::string_view>, 3> avp_apply_columns = {{
    {avp_column::filing_address, "Dépôt : "},
    {avp_column::postal_address, "Voie postale : "},
    {avp_column::hr_email, "Courriel : "},
}};

// Columns the model has no field for, kept in `extra` under these labels.
inline constexpr std::array<std::pair<avp_column, std::string_view>, 6> avp_extra_columns = {{
    {avp_column::id, "Identifiant des données ouvertes"},
    {avp_column::direction_acronym, "Sigle de la direction"},
    {avp_column::hr_name, "Service des ressources humaines"},
    {avp_column::republication, "Commentaire de republication"},
    {avp_column::status, "Statut"},
    {avp_column::created, "Créé le"},
}};

// The two contacts' columns: name, phone, email.
inline constexpr std::array<std::array<avp_column, 3>, 2> avp_contact_columns = {{
    {avp_column::contact, avp_column::contact_phone, avp_column::contact_email},
    {avp_column::contact_2, avp_column::contact_2_phone, avp_column::contact_2_email},
}};

}  // namespace offerkit::detail
