// offerkit/fields.hpp — the model said once: a description of every field of
// job_offer and of the types it holds.
//
// Each field is described once, here: the member, its JSON key (job-offer/1),
// whether canonical JSON requires it, its labels for people (French, English)
// and the schema.org JobPosting property that carries it. `for_each_field`
// visits the fields of an object in that order, with the member's own type,
// so that a codec is written once per *type* (a string, an optional date, a
// list of sections…) rather than once per field. The canonical JSON writer
// and reader, the fast JSON Lines reader, the `offerkit:` extension of the
// JobPosting codec, text safety's walk, the diagnostics' JobPosting paths and
// the tests of the JSON Schema and of the specification are driven by it.
//
// Adding a field (docs/architecture.md): a member in job_offer.hpp, one line
// in `fields_of<job_offer>` below (at the place its key takes in the JSON),
// the schema and the specification (tests check both), and the tests that
// show it read and written; a format that shows the field says how.
#pragma once

#include <offerkit/job_offer.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace offerkit {

/// One field of `Owner`, of type `Member`.
template <class Owner, class Member>
struct field {
    using owner_type = Owner;
    using member_type = Member;

    Member Owner::*member;
    std::string_view key;         ///< JSON key: "reference"
    std::string_view label_fr;    ///< for people: "Référence"
    std::string_view label_en;    ///< "Reference"
    std::string_view jobposting;  ///< the schema.org JobPosting property that carries it, "" when none
    bool required = false;        ///< canonical JSON must give it
};

/// The fields of a model type, in JSON order: specialised for job_offer,
/// hyperlink, repair, offer_event, canonical_keys,
/// managed_staff_counts, activity_section, profile_section and contact.
template <class T>
struct fields_of;

/// True for the model types that have fields (they are read and written as JSON objects).
template <class T, class = void>
struct has_fields : std::false_type {};
template <class T>
struct has_fields<T, std::void_t<decltype(fields_of<T>::value)>> : std::true_type {};
template <class T>
inline constexpr bool has_fields_v = has_fields<std::remove_cv_t<T>>::value;

template <>
struct fields_of<managed_staff_counts> {
    using T = managed_staff_counts;
    static constexpr auto value = std::tuple{
        field<T, std::optional<std::string>>{&T::total, "total", "Total", "Total", "", false},
        field<T, std::optional<std::string>>{&T::direct, "direct", "Directs", "Direct", "", false},
        field<T, std::optional<std::string>>{&T::indirect, "indirect", "Indirects", "Indirect", "", false},
    };
};

template <>
struct fields_of<activity_section> {
    using T = activity_section;
    static constexpr auto value = std::tuple{
        field<T, activity_kind>{&T::kind, "kind", "Nature", "Kind", "", true},
        field<T, std::optional<std::string>>{&T::title, "title", "Titre", "Title", "", false},
        field<T, std::vector<std::string>>{&T::items, "items", "Éléments", "Items", "", false},
    };
};

template <>
struct fields_of<profile_section> {
    using T = profile_section;
    static constexpr auto value = std::tuple{
        field<T, std::optional<std::string>>{&T::title, "title", "Titre", "Title", "", false},
        field<T, std::vector<std::string>>{&T::items, "items", "Éléments", "Items", "", false},
    };
};

template <>
struct fields_of<contact> {
    using T = contact;
    static constexpr auto value = std::tuple{
        field<T, std::optional<std::string>>{&T::name, "name", "Nom", "Name", "name", false},
        field<T, std::optional<std::string>>{&T::role, "role", "Fonction", "Role", "contactType", false},
        field<T, std::optional<std::string>>{&T::email, "email", "Courriel", "Email", "email", false},
        field<T, std::optional<std::string>>{&T::phone, "phone", "Téléphone", "Phone", "telephone", false},
    };
};

template <>
struct fields_of<hyperlink> {
    using T = hyperlink;
    static constexpr auto value = std::tuple{
        field<T, std::optional<std::string>>{&T::field, "field", "Champ", "Field", "", false},
        field<T, std::optional<std::string>>{&T::text, "text", "Texte", "Text", "", false},
        field<T, std::optional<std::string>>{&T::url, "url", "Adresse", "Address", "", false},
    };
};

template <>
struct fields_of<repair> {
    using T = repair;
    using text = std::optional<std::string>;
    static constexpr auto value = std::tuple{
        field<T, text>{&T::field, "field", "Champ", "Field", "", false},
        field<T, text>{&T::rule, "rule", "Règle", "Rule", "", false},
        field<T, text>{&T::as_written, "as_written", "Valeur écrite", "As written", "", false},
        field<T, text>{&T::value, "value", "Valeur retenue", "Value used", "", false},
        field<T, text>{&T::text, "text", "Texte", "Text", "", false},
        field<T, text>{&T::evidence, "evidence", "Preuve", "Evidence", "", false},
        field<T, text>{&T::source, "source", "Source", "Source", "", false},
    };
};

template <>
struct fields_of<offer_event> {
    using T = offer_event;
    using text = std::optional<std::string>;
    static constexpr auto value = std::tuple{
        field<T, event_kind>{&T::kind, "kind", "Événement", "Event", "", true},
        field<T, std::optional<date>>{&T::on, "date", "Date", "Date", "", true},
        field<T, text>{&T::reference, "reference", "Nouvelle référence", "New reference", "", false},
        field<T, text>{&T::note, "note", "Commentaire", "Note", "", false},
        field<T, text>{&T::source, "source", "Source", "Source", "", false},
    };
};

template <>
struct fields_of<canonical_keys> {
    using T = canonical_keys;
    using text = std::optional<std::string>;
    static constexpr auto value = std::tuple{
        field<T, text>{&T::reference, "reference", "Référence", "Reference", "", false},
        field<T, text>{&T::employer, "employer", "Employeur", "Employer", "", false},
        field<T, text>{&T::employer_name, "employer_name", "Nom de l'employeur", "Employer name", "", false},
        field<T, text>{&T::direction, "direction", "Direction", "Department", "", false},
        field<T, text>{&T::direction_name, "direction_name", "Nom de la direction", "Department name", "", false},
        field<T, text>{&T::grade, "grade", "Corps", "Grade", "", false},
        field<T, text>{&T::grade_name, "grade_name", "Nom du corps", "Grade name", "", false},
        field<T, text>{&T::commune, "commune", "Commune", "Commune", "", false},
        field<T, text>{&T::commune_name, "commune_name", "Nom de la commune", "Commune name", "", false},
        field<T, text>{&T::province, "province", "Province", "Province", "", false},
    };
};

template <>
struct fields_of<job_offer> {
    using T = job_offer;
    using text = std::optional<std::string>;
    using day = std::optional<date>;
    using texts = std::vector<std::string>;
    static constexpr auto value = std::tuple{
        field<T, std::string>{&T::reference, "reference", "Référence", "Reference", "identifier", true},
        field<T, day>{&T::reference_date, "reference_date", "Date de la référence", "Reference date", "", false},
        field<T, std::string>{&T::title, "title", "Intitulé du poste", "Job title", "title", true},
        field<T, std::string>{&T::employer, "employer", "Employeur", "Employer", "hiringOrganization", true},
        field<T, text>{&T::direction, "direction", "Direction", "Department", "hiringOrganization.department", false},
        field<T, text>{&T::unit, "unit", "Unité", "Unit", "employmentUnit", false},
        field<T, text>{&T::grade, "grade", "Corps / cadre d'emploi", "Grade", "", false},
        field<T, text>{&T::job_family, "job_family", "Emploi", "Job family", "relevantOccupation", false},
        field<T, text>{&T::location, "location", "Lieu de travail", "Location", "jobLocation", false},
        field<T, text>{&T::residency_requirement, "residency_requirement", "Durée de résidence exigée",
                       "Residency requirement", "eligibilityToWorkRequirement", false},
        field<T, day>{&T::posted_on, "posted_on", "Date de dépôt", "Posted on", "datePosted", false},
        field<T, day>{&T::deadline, "deadline", "Date limite", "Deadline", "validThrough", false},
        field<T, text>{&T::availability, "availability", "Poste à pourvoir", "Availability", "jobStartDate", false},
        field<T, day>{&T::available_from, "available_from", "Disponible le", "Available from", "jobStartDate", false},
        field<T, std::optional<int>>{&T::openings, "openings", "Nombre de postes", "Openings", "totalJobOpenings",
                                     false},
        field<T, text>{&T::org_position, "org_position", "Place dans l'organigramme", "Place in the organisation", "",
                       false},
        field<T, text>{&T::supervisor, "supervisor", "Supérieur hiérarchique", "Supervisor", "", false},
        field<T, managed_staff_counts>{&T::managed_staff, "managed_staff", "Agents encadrés", "Managed staff", "",
                                       false},
        field<T, texts>{&T::description, "description", "Description", "Description", "description", false},
        field<T, texts>{&T::missions, "missions", "Missions", "Missions", "responsibilities", false},
        field<T, std::vector<activity_section>>{&T::activities, "activities", "Activités du poste", "Activities",
                                                "responsibilities", false},
        field<T, std::vector<profile_section>>{&T::profile, "profile", "Profil", "Profile", "skills", false},
        field<T, texts>{&T::conditions, "conditions", "Conditions particulières", "Conditions", "workHours", false},
        field<T, texts>{&T::how_to_apply, "how_to_apply", "Pour postuler", "How to apply", "", false},
        field<T, std::vector<contact>>{&T::contacts, "contacts", "Contacts", "Contacts", "applicationContact", false},
        field<T, text>{&T::url, "url", "Lien", "Link", "url", false},
        field<T, text>{&T::document_url, "document_url", "Document de l'offre", "Posting document", "", false},
        field<T, std::vector<hyperlink>>{&T::links, "links", "Liens du texte", "Links in the text", "", false},
        field<T, std::optional<offer_status>>{&T::status, "status", "Statut", "Status", "", false},
        field<T, std::vector<offer_event>>{&T::events, "events", "Suivi", "Tracking events", "", false},
        field<T, std::optional<int>>{&T::applications, "applications", "Candidatures reçues", "Applications received",
                                     "", false},
        field<T, std::optional<int>>{&T::posts_filled, "posts_filled", "Postes pourvus", "Posts filled", "", false},
        field<T, day>{&T::start_date, "start_date", "Prise de poste", "Start date", "", false},
        field<T, text>{&T::republication_of, "republication_of", "Republication de", "Re-publication of", "", false},
        field<T, extra_fields>{&T::extra, "extra", "Autres informations", "Other information", "", false},
        field<T, std::vector<repair>>{&T::repairs, "repairs", "Corrections", "Repairs", "", false},
        field<T, canonical_keys>{&T::canonical, "canonical", "Noms de référence", "Canonical names", "", false},
    };
};

/// The number of fields of `T`.
template <class T>
inline constexpr std::size_t field_count_v = std::tuple_size_v<decltype(fields_of<T>::value)>;

/// Calls `f(descriptor, member)` for each field of `object`, in JSON order;
/// `member` is `object`'s member (const when `object` is).
template <class T, class F>
constexpr void for_each_field(T& object, F&& f) {
    std::apply([&](const auto&... d) { (f(d, object.*(d.member)), ...); }, fields_of<std::remove_cv_t<T>>::value);
}

/// Calls `f(descriptor, a_member, b_member)` for each field of two objects of the same type.
template <class T, class F>
constexpr void for_each_field(T& a, T& b, F&& f) {
    std::apply([&](const auto&... d) { (f(d, a.*(d.member), b.*(d.member)), ...); },
               fields_of<std::remove_cv_t<T>>::value);
}

/// Calls `f(descriptor)` for each field of `T`, in JSON order.
template <class T, class F>
constexpr void for_each_field_of(F&& f) {
    std::apply([&](const auto&... d) { (f(d), ...); }, fields_of<T>::value);
}

/// The field of `T` whose JSON key is `key`: calls `f(descriptor)` and returns
/// true, or returns false when `T` has no such field.
template <class T, class F>
constexpr bool visit_field(std::string_view key, F&& f) {
    bool found = false;
    std::apply([&](const auto&... d) { ((!found && d.key == key ? (f(d), found = true) : false), ...); },
               fields_of<T>::value);
    return found;
}

/// The description of the field `member` of T (`field_of(&job_offer::deadline).label_fr`).
template <class T, class M>
constexpr const field<T, M>& field_of(M T::*member) {
    const field<T, M>* found = nullptr;
    std::apply(
        [&](const auto&... d) {
            (
                [&](const auto& one) {
                    using D = std::remove_cvref_t<decltype(one)>;
                    if constexpr (std::is_same_v<typename D::member_type, M>)
                        if (one.member == member) found = &one;
                }(d),
                ...);
        },
        fields_of<T>::value);
    return *found;  // every member of a model type is described
}

/// The JSON names of a model enum, in the order of its values: specialised for
/// activity_kind, offer_status and event_kind, so that codecs read and write
/// every enum with one function.
template <class E>
struct enum_names;
template <>
struct enum_names<activity_kind> {
    static constexpr std::array<std::string_view, 2> value{"main", "secondary"};
};
template <>
struct enum_names<offer_status> {
    static constexpr std::array<std::string_view, 5> value{"published", "closed", "filled", "cancelled",
                                                           "unsuccessful"};
};
template <>
struct enum_names<event_kind> {
    static constexpr std::array<std::string_view, 6> value{"published", "republished", "closed",
                                                           "filled",    "cancelled",   "unsuccessful"};
};

/// True for the enums of the model (those with enum_names).
template <class E>
inline constexpr bool is_model_enum_v = requires {
    enum_names<E>::value;
};

/// The enum value whose JSON name is `s`: "filled" → offer_status::filled.
template <class E>
requires is_model_enum_v<E>
constexpr std::optional<E> enum_from_string(std::string_view s) noexcept {
    const auto& names = enum_names<E>::value;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == s) return static_cast<E>(i);
    return std::nullopt;
}

/// The names of E quoted and joined for a message: "\"main\" or \"secondary\"".
template <class E>
requires is_model_enum_v<E> std::string enum_choices() {
    const auto& names = enum_names<E>::value;
    std::string s;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) s += i + 1 == names.size() ? " or " : ", ";
        s += '"';
        s += names[i];
        s += '"';
    }
    return s;
}

/// "main" → activity_kind::main, "secondary" → activity_kind::secondary.
constexpr std::optional<activity_kind> activity_kind_from_string(std::string_view s) noexcept {
    return enum_from_string<activity_kind>(s);
}

/// True when a member holds nothing: an empty string or list, no value, no entry.
template <class M>
constexpr bool field_empty(const M& m) noexcept {
    if constexpr (std::is_same_v<M, std::string>)
        return m.empty();
    else if constexpr (is_model_enum_v<M>)
        return false;
    else if constexpr (requires { m.has_value(); })
        return !m.has_value();
    else
        return m.empty();
}

}  // namespace offerkit
