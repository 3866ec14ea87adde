// offerkit/job_offer.hpp — the domain model: one job offer ("avis de vacance de poste").
//
// Plain value types with equality, one member per field of the canonical JSON
// format `job-offer/1` (docs/job-offer-v1.md, installed in share/doc/offerkit; schema:
// schema/job-offer-1.schema.json). Members carry the JSON field names. Text
// keeps the posting's own words (French). Usable with nothing but the headers.
#pragma once

#include <offerkit/date.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace offerkit {

/// The value of the `format` field that every canonical offer carries.
inline constexpr std::string_view job_offer_format = "job-offer/1";

/// "Nb d'agents encadrés": counts stay strings as written ("0", "3 à 4").
struct managed_staff_counts {
    std::optional<std::string> total;
    std::optional<std::string> direct;
    std::optional<std::string> indirect;

    bool empty() const noexcept { return !total && !direct && !indirect; }
    friend bool operator==(const managed_staff_counts&, const managed_staff_counts&) = default;
};

enum class activity_kind { main, secondary };

/// "main" / "secondary", as in JSON.
constexpr std::string_view to_string(activity_kind k) noexcept {
    return k == activity_kind::main ? "main" : "secondary";
}

/// A block of "Activités du poste": principal or secondary, with an optional
/// sub-section title (`Management`) and its items (bullet markers removed).
struct activity_section {
    activity_kind kind = activity_kind::main;
    std::optional<std::string> title;
    std::vector<std::string> items;
    friend bool operator==(const activity_section&, const activity_section&) = default;
};

/// A section of the candidate profile ("Savoir-faire", "Savoir-être", "Diplôme"…).
struct profile_section {
    std::optional<std::string> title;
    std::vector<std::string> items;
    friend bool operator==(const profile_section&, const profile_section&) = default;
};

/// A person to ask for information ("Renseignements", "Contact").
struct contact {
    std::optional<std::string> name;
    std::optional<std::string> role;
    std::optional<std::string> email;
    std::optional<std::string> phone;
    friend bool operator==(const contact&, const contact&) = default;
};

/// A hyperlink of the posting, kept with the words it is attached to
/// ("… à [télécharger](https://…) ici").
struct hyperlink {
    std::optional<std::string> field;  ///< the field whose text holds it, as in JSON: "how_to_apply"
    std::optional<std::string> text;   ///< the linked words as written: "télécharger"
    std::optional<std::string> url;    ///< the target
    friend bool operator==(const hyperlink&, const hyperlink&) = default;
};

/// A value offerkit corrected because the posting contradicted itself or its
/// metadata and the evidence left one reading (docs/facts.md). The corrected
/// value is in the field; this says what was written and why it changed.
struct repair {
    std::optional<std::string> field;       ///< "deadline"
    std::optional<std::string> rule;        ///< the rule that found it: "weekday-mismatch"
    std::optional<std::string> as_written;  ///< the value read: "2029-05-29"; null when the field was empty
    std::optional<std::string> value;       ///< the value used: "2026-05-29"
    std::optional<std::string> text;        ///< the posting's words: "vendredi 29 mai 2029"
    std::optional<std::string> evidence;    ///< why: "29 May 2029 is a Tuesday; …"
    std::optional<std::string> source;      ///< where the text or the evidence is: "26-0686.md:25"
    friend bool operator==(const repair&, const repair&) = default;
};

/// The offer's names matched against the reference lists (offerkit/referential.hpp):
/// stable keys to group and pick by, and the canonical names to show. Empty
/// members: nothing matched (or no list was applied).
struct canonical_keys {
    std::optional<std::string> reference;       ///< "opt-nc:26-0686": the employer and the number, spelling aside
    std::optional<std::string> employer;        ///< "opt-nc"
    std::optional<std::string> employer_name;   ///< "Office des postes et télécommunications"
    std::optional<std::string> direction;       ///< "opt-nc/dpsp"
    std::optional<std::string> direction_name;  ///< "Direction de la poste et des services de proximité"
    std::optional<std::string> grade;           ///< "cadre-d-exploitation"
    std::optional<std::string> grade_name;      ///< "Cadre d'exploitation"
    std::optional<std::string> commune;         ///< "noumea"
    std::optional<std::string> commune_name;    ///< "Nouméa"
    std::optional<std::string> province;        ///< "province-sud"

    bool empty() const noexcept {
        return !reference && !employer && !employer_name && !direction && !direction_name && !grade && !grade_name &&
               !commune && !commune_name && !province;
    }
    friend bool operator==(const canonical_keys&, const canonical_keys&) = default;
};

/// Where an offer stands in its recruitment (docs/tracking.md): published and
/// open to applications, closed to applications, or ended — filled, cancelled,
/// unsuccessful (no one hired; often re-published under a new reference).
enum class offer_status { published, closed, filled, cancelled, unsuccessful };

/// "published", "closed", "filled", "cancelled", "unsuccessful", as in JSON.
constexpr std::string_view to_string(offer_status s) noexcept {
    switch (s) {
        case offer_status::published: return "published";
        case offer_status::closed: return "closed";
        case offer_status::filled: return "filled";
        case offer_status::cancelled: return "cancelled";
        case offer_status::unsuccessful: return "unsuccessful";
    }
    return "published";
}

/// What happened to an offer, on a day: what HR records after publication.
enum class event_kind { published, republished, closed, filled, cancelled, unsuccessful };

/// "published", "republished", "closed", "filled", "cancelled", "unsuccessful", as in JSON.
constexpr std::string_view to_string(event_kind k) noexcept {
    switch (k) {
        case event_kind::published: return "published";
        case event_kind::republished: return "republished";
        case event_kind::closed: return "closed";
        case event_kind::filled: return "filled";
        case event_kind::cancelled: return "cancelled";
        case event_kind::unsuccessful: return "unsuccessful";
    }
    return "published";
}

/// One dated event of an offer's recruitment (a row of a tracking file, offerkit/tracking.hpp).
struct offer_event {
    event_kind kind = event_kind::published;
    std::optional<date> on;                ///< the day it happened (JSON key "date")
    std::optional<std::string> reference;  ///< republished: the reference of the new offer, when known
    std::optional<std::string> note;       ///< HR's comment as written
    std::optional<std::string> source;     ///< where it was recorded: "suivi-2026.csv:12"
    friend bool operator==(const offer_event&, const offer_event&) = default;
};

/// Labelled values the model has no field for, in the order met, keyed by the
/// label as written. Kept so that nothing of a posting is lost.
struct extra_fields {
    std::vector<std::pair<std::string, std::string>> entries;

    /// The value for `label`, or nullptr.
    const std::string* find(std::string_view label) const noexcept {
        for (const auto& [k, v] : entries)
            if (k == label) return &v;
        return nullptr;
    }
    /// Sets `label` (replacing an earlier value for the same label, keeping its place).
    void set(std::string label, std::string value) {
        for (auto& [k, v] : entries)
            if (k == label) {
                v = std::move(value);
                return;
            }
        entries.emplace_back(std::move(label), std::move(value));
    }
    bool empty() const noexcept { return entries.empty(); }
    std::size_t size() const noexcept { return entries.size(); }
    auto begin() const noexcept { return entries.begin(); }
    auto end() const noexcept { return entries.end(); }
    friend bool operator==(const extra_fields&, const extra_fields&) = default;
};

/// One job offer. Required: reference, title, employer (empty = missing).
struct job_offer {
    std::string reference;               ///< "3134-25-0750/SR"
    std::optional<date> reference_date;  ///< "… du 16 mai 2025"
    std::string title;
    std::string employer;
    std::optional<std::string> direction;
    std::optional<std::string> unit;        ///< "Unité organisationnelle"
    std::optional<std::string> grade;       ///< "Corps ou Cadre d'emploi / Domaine"
    std::optional<std::string> job_family;  ///< "Emploi RESPNC"
    std::optional<std::string> location;    ///< "Lieu de travail"
    std::optional<std::string> residency_requirement;
    std::optional<date> posted_on;            ///< "Date de dépôt de l'offre"
    std::optional<date> deadline;             ///< "Date limite de candidature"
    std::optional<std::string> availability;  ///< "Poste(s) à pourvoir" as written
    std::optional<date> available_from;       ///< the date inside `availability`
    std::optional<int> openings;              ///< number of posts, when given
    std::optional<std::string> org_position;  ///< "Place dans l'organigramme"
    std::optional<std::string> supervisor;    ///< "Fonction du supérieur hiérarchique direct"
    managed_staff_counts managed_staff;
    std::vector<std::string> description;  ///< context paragraphs
    std::vector<std::string> missions;
    std::vector<activity_section> activities;
    std::vector<profile_section> profile;
    std::vector<std::string> conditions;
    std::vector<std::string> how_to_apply;
    std::vector<contact> contacts;
    std::optional<std::string> url;           ///< the offer's page
    std::optional<std::string> document_url;  ///< the posting's own document (its PDF)
    std::vector<hyperlink> links;             ///< hyperlinks of the text, with their words
    // The recruitment after publication (docs/tracking.md): recorded by HR, merged from tracking files.
    std::optional<offer_status> status;           ///< where it stands; derived from `events` when they are known
    std::vector<offer_event> events;              ///< what happened, in date order
    std::optional<int> applications;              ///< applications received
    std::optional<int> posts_filled;              ///< posts filled (of `openings`, 1 when not given)
    std::optional<date> start_date;               ///< the day the person hired takes up the post
    std::optional<std::string> republication_of;  ///< the reference of the offer this one re-publishes
    extra_fields extra;
    std::vector<repair> repairs;  ///< values corrected from the evidence (docs/facts.md)
    canonical_keys canonical;     ///< names matched against the reference lists

    friend bool operator==(const job_offer&, const job_offer&) = default;
};

/// The spelling the issue texts use.
using JobOffer = job_offer;

}  // namespace offerkit
