// schema.org JobPosting (JSON-LD): export of a job_offer, import of JobPosting
// JSON / JSON-LD (one object, an array, an @graph, an ItemList, JSON Lines),
// including the OPT-NC open-data feed and its non-standard `additionalType` object.
//
// Export writes the offer as plain schema.org properties, in a fixed key order,
// never a null. Whatever those properties cannot carry exactly for this offer
// (found by importing the schema.org part again and comparing, field by field)
// is added as `offerkit:<field>` properties, so that import(export(x)) == x.
// Keys of the form `offerkit:x` are absolute IRIs for a JSON-LD processor
// (the schema.org context defines no `offerkit` prefix), so the document stays
// valid JSON-LD; schema.org consumers ignore them. docs/jsonld.md has the mapping.
#include <offerkit/error.hpp>
#include <offerkit/jobposting.hpp>
#include <offerkit/rules.hpp>
#include <offerkit/text_safety.hpp>

#include "jobposting_text.hpp"
#include "json_internal.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace offerkit {

namespace detail {
namespace {

namespace json = boost::json;
using jsonld::collapse_space;
using jsonld::contains_words;
using jsonld::fold;

constexpr std::string_view ext_prefix = "offerkit:";
constexpr std::string_view ext_format_key = "offerkit:format";
constexpr std::string_view residency_label = "Durée de résidence exigée pour le recrutement sur titre";
constexpr std::string_view nc_offset_end_of_day = "T23:59:59+11:00";

// ---------------------------------------------------------------------------
// New Caledonia communes and their province, for PostalAddress.

struct commune {
    std::string_view folded;   // as fold() gives it
    std::string_view name;     // as written
    std::string_view region;   // province
};
constexpr std::string_view sud = "Province Sud", nord = "Province Nord", iles = "Province des Îles Loyauté";
constexpr commune communes[] = {
    {"belep", "Bélep", nord},          {"boulouparis", "Boulouparis", sud},   {"bourail", "Bourail", sud},
    {"canala", "Canala", nord},        {"dumbea", "Dumbéa", sud},             {"farino", "Farino", sud},
    {"hienghene", "Hienghène", nord},  {"houailou", "Houaïlou", nord},        {"ile des pins", "Île des Pins", sud},
    {"kaala gomen", "Kaala-Gomen", nord}, {"kone", "Koné", nord},             {"kouaoua", "Kouaoua", nord},
    {"koumac", "Koumac", nord},        {"la foa", "La Foa", sud},             {"lifou", "Lifou", iles},
    {"mare", "Maré", iles},            {"moindou", "Moindou", sud},           {"mont dore", "Mont-Dore", sud},
    {"noumea", "Nouméa", sud},         {"ouegoa", "Ouégoa", nord},            {"ouvea", "Ouvéa", iles},
    {"paita", "Païta", sud},           {"poindimie", "Poindimié", nord},      {"ponerihouen", "Ponérihouen", nord},
    {"pouebo", "Pouébo", nord},        {"pouembout", "Pouembout", nord},      {"poum", "Poum", nord},
    {"poya", "Poya", nord},            {"sarramea", "Sarraméa", sud},         {"thio", "Thio", sud},
    {"touho", "Touho", nord},          {"voh", "Voh", nord},                  {"yate", "Yaté", sud},
};

/// The commune named first in `location` ("Agence de Koné et son annexe de
/// Pouembout" is in Koné), or nullptr.
const commune* find_commune(std::string_view location) {
    const std::string f = fold(location);
    const commune* best = nullptr;
    std::size_t best_pos = 0;
    for (const auto& c : communes) {
        if (!contains_words(f, c.folded)) continue;
        const std::size_t pos = f.find(c.folded);
        if (!best || pos < best_pos) {
            best = &c;
            best_pos = pos;
        }
    }
    return best;
}

// ---------------------------------------------------------------------------
// Small text utilities.

std::optional<std::string> clean(std::string_view s) {
    std::string t = collapse_space(s);
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
    const std::string f = fold(availability);
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

/// Google's employmentType values and their French words.
struct employment_word {
    std::string_view google, french;
};
constexpr employment_word employment_words[] = {
    {"FULL_TIME", "temps complet"}, {"PART_TIME", "temps partiel"},      {"CONTRACTOR", "prestataire"},
    {"TEMPORARY", "contrat à durée déterminée"}, {"INTERN", "stage"},   {"VOLUNTEER", "bénévolat"},
    {"PER_DIEM", "vacation"},       {"OTHER", "autre"},
};

// ---------------------------------------------------------------------------
// Description HTML: headings that the export writes and the import reads.

constexpr std::string_view missions_heading = "Missions";
constexpr std::string_view main_heading = "Activités principales";
constexpr std::string_view secondary_heading = "Activités secondaires";

enum class heading_kind { none, description, missions, activity };
struct heading {
    heading_kind kind = heading_kind::none;
    activity_kind activity = activity_kind::main;
    std::optional<std::string> title;
};

heading classify_heading(const std::string& text) {
    heading h;
    // Split "Activités principales : Management" at the first colon (or a dash).
    std::string left = text, right;
    bool split = false;
    if (auto colon = text.find(':'); colon != std::string::npos) {
        left = text.substr(0, colon);
        right = text.substr(colon + 1);
        split = true;
    } else {
        for (std::string_view dash : {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - "})
            if (auto p = text.find(dash); p != std::string::npos) {
                left = text.substr(0, p);
                right = text.substr(p + dash.size());
                split = true;
                break;
            }
    }
    const std::string f = fold(left);
    static constexpr std::string_view description_words[] = {"contexte", "details de l'offre", "description",
                                                              "description du poste", "le poste", "contexte du poste"};
    static constexpr std::string_view missions_words[] = {"missions", "mission", "missions du poste", "vos missions",
                                                          "missions principales", "mission principale"};
    static constexpr std::string_view main_words[] = {"activites principales", "activites du poste", "activites",
                                                      "principales", "responsabilites principales du poste",
                                                      "responsabilites principales", "responsabilites",
                                                      "vos activites", "activites principales du poste"};
    static constexpr std::string_view secondary_words[] = {"activites secondaires", "secondaires",
                                                           "activites secondaires du poste"};
    auto in = [&](const auto& list) { return std::find(std::begin(list), std::end(list), f) != std::end(list); };
    const std::optional<std::string> title = split ? clean(right) : std::nullopt;
    if (in(main_words) || in(secondary_words)) {
        h.kind = heading_kind::activity;
        h.activity = in(secondary_words) ? activity_kind::secondary : activity_kind::main;
        h.title = title;
        return h;
    }
    // Other headings only when nothing follows them on the line.
    if (title) return h;
    if (in(missions_words)) h.kind = heading_kind::missions;
    else if (in(description_words)) h.kind = heading_kind::description;
    return h;
}

std::string html_text(std::string_view s) {
    std::string e = jsonld::html_escape(s);
    std::string out;
    for (char c : e) {
        if (c == '\n') out += "<br>";
        else if (c != '\r') out += c;
    }
    return out;
}

std::string fallback_description(const job_offer& o) {
    std::string s = "Poste : " + o.title;
    if (!o.employer.empty()) s += " \xE2\x80\x93 " + o.employer;
    return s + ".";
}

/// description, missions and activities as HTML with only <p>, <ul>, <li>, <br>.
std::string description_html(const job_offer& o) {
    std::string h;
    for (const auto& p : o.description) h += "<p>" + html_text(p) + "</p>";
    if (!o.missions.empty()) {
        h += "<p>" + std::string(missions_heading) + "</p><ul>";
        for (const auto& m : o.missions) h += "<li>" + html_text(m) + "</li>";
        h += "</ul>";
    }
    for (const auto& s : o.activities) {
        h += "<p>" + std::string(s.kind == activity_kind::main ? main_heading : secondary_heading);
        if (s.title) h += " : " + html_text(*s.title);
        h += "</p>";
        if (!s.items.empty()) {
            h += "<ul>";
            for (const auto& i : s.items) h += "<li>" + html_text(i) + "</li>";
            h += "</ul>";
        }
    }
    // Never empty, never the title alone.
    std::string plain;
    for (const auto& b : jsonld::description_blocks(h)) plain += (plain.empty() ? "" : " ") + b.text;
    if (plain.empty() || fold(plain) == fold(o.title)) h += "<p>" + html_text(fallback_description(o)) + "</p>";
    return h;
}

struct parsed_description {
    std::vector<std::string> description, missions;
    std::vector<activity_section> activities;
};

parsed_description parse_description(std::string_view text) {
    parsed_description r;
    heading_kind section = heading_kind::description;
    for (auto& b : jsonld::description_blocks(text)) {
        if (!b.item) {
            heading h = classify_heading(b.text);
            if (h.kind != heading_kind::none) {
                section = h.kind;
                if (h.kind == heading_kind::activity) r.activities.push_back({h.activity, std::move(h.title), {}});
                continue;
            }
        }
        switch (section) {
            case heading_kind::missions: r.missions.push_back(std::move(b.text)); break;
            case heading_kind::activity: r.activities.back().items.push_back(std::move(b.text)); break;
            default: r.description.push_back(std::move(b.text)); break;
        }
    }
    return r;
}

// ---------------------------------------------------------------------------
// Import.

using id_map = std::map<std::string, const json::object*, std::less<>>;

struct context {
    const source_location& where;
    diagnostics& diags;
    const id_map* ids = nullptr;

    std::string prefix() const {
        std::string s = where.to_string();
        return s.empty() ? std::string() : s + ": ";
    }
    [[noreturn]] void type_error(const std::string& path, std::string_view expected, const json::value& v) const {
        throw error(errc::type_error, prefix() + (path.empty() ? "(top level)" : path) + ": expected " +
                                          std::string(expected) + ", found " + json_kind(v) + " " + json_excerpt(v));
    }
    [[noreturn]] void value_error(const std::string& path, const std::string& message) const {
        throw error(errc::invalid_value, prefix() + (path.empty() ? "(top level)" : path) + ": " + message);
    }
    void warn(const std::string& path, std::string message) const {
        source_location l = where;
        l.path = path;
        diags.warn(std::move(l), std::move(message));
    }
    void report(const finding& f, const std::string& path) const {
        source_location l = where;
        l.path = path;
        diags.add(to_diagnostic(f, std::move(l)));
    }
};

std::string key_path(const std::string& base, std::string_view key) {
    return base.empty() ? std::string(key) : base + "." + std::string(key);
}
std::string index_path(const std::string& base, std::size_t i) { return base + "[" + std::to_string(i) + "]"; }

/// The node an `{"@id": …}` reference names, when the document has it.
const json::object* resolve(const context& c, const json::object& o) {
    if (!c.ids) return &o;
    const auto* id = o.if_contains("@id");
    if (!id || !id->is_string()) return &o;
    bool only_ref = true;
    for (const auto& kv : o)
        if (kv.key() != "@id" && kv.key() != "@type") only_ref = false;
    if (!only_ref) return &o;
    auto it = c.ids->find(std::string_view(id->get_string()));
    return it == c.ids->end() ? &o : it->second;
}

/// A text value: a string, `{"@value": …}`, or an array of those (joined with "; ").
std::optional<std::string> text_of(const context& c, const json::value* v, const std::string& path) {
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_string()) return clean(v->get_string());
    if (v->is_object()) {
        if (const auto* x = v->get_object().if_contains("@value")) return text_of(c, x, key_path(path, "@value"));
        c.type_error(path, "a string", *v);
    }
    if (v->is_array()) {
        std::string joined;
        const auto& a = v->get_array();
        for (std::size_t i = 0; i < a.size(); ++i)
            if (auto t = text_of(c, &a[i], index_path(path, i))) joined += (joined.empty() ? "" : "; ") + *t;
        return clean(joined);
    }
    c.type_error(path, "a string", *v);
}

/// A string, a number or a boolean as text (for counts and free values).
std::optional<std::string> scalar_text(const context& c, const json::value* v, const std::string& path) {
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_int64()) return std::to_string(v->get_int64());
    if (v->is_uint64()) return std::to_string(v->get_uint64());
    if (v->is_double()) {
        const double d = v->get_double();
        if (std::isfinite(d) && std::fabs(d) < 9.0e15 && d == std::floor(d))
            return std::to_string(static_cast<std::int64_t>(d));
        return json::serialize(*v);
    }
    if (v->is_bool()) return std::string(v->get_bool() ? "true" : "false");
    if (v->is_string() || v->is_object()) return text_of(c, v, path);
    c.type_error(path, "a number or a string", *v);
}

/// The name of a thing: a string, or an object's `name` (after @id resolution).
std::optional<std::string> name_of(const context& c, const json::value* v, const std::string& path) {
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_string()) return clean(v->get_string());
    if (v->is_object()) {
        const json::object* o = resolve(c, v->get_object());
        if (const auto* n = o->if_contains("name")) return text_of(c, n, key_path(path, "name"));
        if (const auto* n = o->if_contains("@value")) return text_of(c, n, key_path(path, "@value"));
        return std::nullopt;
    }
    if (v->is_array()) {
        const auto& a = v->get_array();
        for (std::size_t i = 0; i < a.size(); ++i)
            if (auto n = name_of(c, &a[i], index_path(path, i))) return n;
        return std::nullopt;
    }
    c.type_error(path, "a string or an object with a name", *v);
}

/// A list of texts: an array of strings (or named things), or one string
/// (split into lines / bullets when it has several).
std::vector<std::string> text_list(const context& c, const json::value* v, const std::string& path) {
    std::vector<std::string> out;
    if (!v || v->is_null()) return out;
    if (v->is_string()) {
        for (auto& b : jsonld::description_blocks(v->get_string())) out.push_back(std::move(b.text));
        return out;
    }
    if (v->is_object()) {
        if (auto n = name_of(c, v, path)) out.push_back(std::move(*n));
        return out;
    }
    if (v->is_array()) {
        const auto& a = v->get_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
            const auto& e = a[i];
            if (e.is_null()) continue;
            if (!e.is_string() && !e.is_object()) c.type_error(index_path(path, i), "a string", e);
            if (auto t = e.is_string() ? clean(e.get_string()) : name_of(c, &e, index_path(path, i)))
                out.push_back(std::move(*t));
        }
        return out;
    }
    c.type_error(path, "a string or an array of strings", *v);
}

/// A date property; an unreadable date is a warning (and nothing).
std::optional<date> date_of(const context& c, const json::value* v, const std::string& path, std::string* raw = nullptr) {
    auto t = text_of(c, v, path);
    if (!t) return std::nullopt;
    if (auto d = parse_date_text(*t)) return d;
    c.warn(path, "\"" + excerpt(*t) + "\" is not a date (YYYY-MM-DD); kept in extra");
    if (raw) *raw = *t;
    return std::nullopt;
}

std::optional<bool> bool_of(const context& c, const json::value* v, const std::string& path) {
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_bool()) return v->get_bool();
    if (v->is_string()) {
        const std::string f = fold(v->get_string());
        if (f == "true" || f == "yes" || f == "1") return true;
        if (f == "false" || f == "no" || f == "0") return false;
    }
    c.type_error(path, "a boolean", *v);
}

std::optional<std::string> render(const context& c, const json::value& v);

/// A MonetaryAmount as text: "250000-320000 XPF/MONTH".
std::optional<std::string> salary_text(const context& c, const json::object& o) {
    std::string s;
    const json::value* v = o.if_contains("value");
    std::string unit;
    if (v && v->is_object()) {
        const json::object& q = v->get_object();
        auto lo = scalar_text(c, q.if_contains("minValue"), "");
        auto hi = scalar_text(c, q.if_contains("maxValue"), "");
        auto one = scalar_text(c, q.if_contains("value"), "");
        if (one) s = *one;
        else if (lo && hi) s = *lo + "-" + *hi;
        else if (lo) s = *lo;
        else if (hi) s = *hi;
        if (auto u = scalar_text(c, q.if_contains("unitText"), "")) unit = *u;
    } else if (v) {
        if (auto one = render(c, *v)) s = *one;
    }
    if (auto cur = scalar_text(c, o.if_contains("currency"), "")) s += (s.empty() ? "" : " ") + *cur;
    if (!unit.empty()) s += "/" + unit;
    return clean(s);
}

/// A value of any kind rendered for `extra` (nothing for null / empty).
std::optional<std::string> render(const context& c, const json::value& v) {
    switch (v.kind()) {
        case json::kind::null: return std::nullopt;
        case json::kind::string: return clean(v.get_string());
        case json::kind::bool_:
        case json::kind::int64:
        case json::kind::uint64:
        case json::kind::double_: return scalar_text(c, &v, "");
        case json::kind::array: {
            std::string s;
            for (const auto& e : v.get_array())
                if (auto r = render(c, e)) s += (s.empty() ? "" : "; ") + *r;
            return clean(s);
        }
        case json::kind::object: {
            const json::object* o = resolve(c, v.get_object());
            if (const auto* t = o->if_contains("@type"); t && t->is_string() && t->get_string() == "MonetaryAmount")
                return salary_text(c, *o);
            for (std::string_view k : {"codeValue", "name", "value", "@value", "url", "@id"})
                if (const auto* x = o->if_contains(k))
                    if (auto r = render(c, *x)) {
                        if (k == "codeValue")
                            if (const auto* n = o->if_contains("name"); n && n->is_string())
                                return *r + " " + std::string(n->get_string());
                        return r;
                    }
            json::object copy;
            for (const auto& kv : *o)
                if (!kv.value().is_null() && kv.key() != "@type") copy[kv.key()] = kv.value();
            if (copy.empty()) return std::nullopt;
            return json::serialize(copy);
        }
    }
    return std::nullopt;
}

void add_unique(std::vector<std::string>& list, std::string s) {
    if (std::find(list.begin(), list.end(), s) == list.end()) list.push_back(std::move(s));
}

/// Adds a condition unless the conditions already say it (all its comma-separated parts).
void add_condition(std::vector<std::string>& conditions, const std::string& s) {
    const std::string f = strip_trailing_punct(fold(s));
    if (f.empty()) return;
    auto said = [&](const std::string& part) {
        for (const auto& e : conditions)
            if (fold(e).find(part) != std::string::npos) return true;
        return false;
    };
    bool all = said(f);
    if (!all) {
        all = true;
        std::size_t start = 0, parts = 0;
        while (start <= f.size()) {
            std::size_t end = f.find(", ", start);
            if (end == std::string::npos) end = f.size();
            std::string part = strip_trailing_punct(f.substr(start, end - start));
            if (part.size() > 3) {
                ++parts;
                if (!said(part)) {
                    all = false;
                    break;
                }
            }
            start = end + 2;
        }
        if (parts < 2) all = false;
    }
    if (!all) conditions.push_back(s);
}

bool is_jobposting_type(const json::value& t) {
    auto one = [](const json::value& v) {
        if (!v.is_string()) return false;
        std::string_view s = v.get_string();
        for (std::string_view p : {"http://schema.org/", "https://schema.org/", "schema:"})
            if (starts_with(s, p)) s.remove_prefix(p.size());
        return s == "JobPosting";
    };
    if (t.is_array()) return std::any_of(t.get_array().begin(), t.get_array().end(), one);
    return one(t);
}

/// A Place (or a string, or an array of places) as location text.
std::optional<std::string> location_of(const context& c, const json::value* v, const std::string& path) {
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_string()) return clean(v->get_string());
    if (v->is_array()) {
        std::string s;
        const auto& a = v->get_array();
        for (std::size_t i = 0; i < a.size(); ++i)
            if (auto l = location_of(c, &a[i], index_path(path, i))) s += (s.empty() ? "" : " ; ") + *l;
        return clean(s);
    }
    if (!v->is_object()) c.type_error(path, "a Place object or a string", *v);
    const json::object* place = resolve(c, v->get_object());
    std::string s;
    auto add = [&](const std::optional<std::string>& part) {
        if (!part) return;
        if (!s.empty() && fold(s).find(fold(*part)) != std::string::npos) return;
        s += (s.empty() ? "" : ", ") + *part;
    };
    add(text_of(c, place->if_contains("name"), key_path(path, "name")));
    const json::value* addr = place->if_contains("address");
    const std::string apath = key_path(path, "address");
    if (addr && addr->is_string()) {
        add(clean(addr->get_string()));
    } else if (addr && addr->is_object()) {
        const json::object& a = *resolve(c, addr->get_object());
        add(text_of(c, a.if_contains("streetAddress"), key_path(apath, "streetAddress")));
        auto postal = text_of(c, a.if_contains("postalCode"), key_path(apath, "postalCode"));
        auto locality = text_of(c, a.if_contains("addressLocality"), key_path(apath, "addressLocality"));
        if (postal && locality) add(*postal + " " + *locality);
        else add(locality ? locality : postal);
        if (!locality) add(text_of(c, a.if_contains("addressRegion"), key_path(apath, "addressRegion")));
        auto country = text_of(c, a.if_contains("addressCountry"), key_path(apath, "addressCountry"));
        if (!country)
            if (const auto* co = a.if_contains("addressCountry"); co && co->is_object())
                country = name_of(c, co, key_path(apath, "addressCountry"));
        if (country && fold(*country) != "nc" && fold(*country) != "nouvelle caledonie") add(country);
    } else if (addr && !addr->is_null()) {
        c.type_error(apath, "a PostalAddress object or a string", *addr);
    }
    return clean(s);
}

/// Profile sections from schema.org's skills / education / experience properties.
void read_profile(const context& c, const json::object& o, const std::string& base, job_offer& r) {
    std::vector<std::string> knowledge, diplomas, experience, qualifications;
    if (const auto* e = o.if_contains("educationRequirements"); e && !e->is_null()) {
        const std::string path = key_path(base, "educationRequirements");
        auto one = [&](const json::value& x, const std::string& p) {
            if (x.is_null()) return;
            if (x.is_string()) {
                if (auto t = clean(x.get_string())) diplomas.push_back(*t);
                return;
            }
            if (!x.is_object()) c.type_error(p, "a string or an EducationalOccupationalCredential", x);
            const json::object& cred = *resolve(c, x.get_object());
            for (std::string_view k : {"name", "credentialCategory", "educationalLevel", "description"})
                if (const auto* f = cred.if_contains(k))
                    for (auto& t : text_list(c, f, key_path(p, k))) add_unique(diplomas, std::move(t));
            if (const auto* f = cred.if_contains("competencyRequired"))
                for (auto& t : text_list(c, f, key_path(p, "competencyRequired"))) knowledge.push_back(std::move(t));
        };
        if (e->is_array())
            for (std::size_t i = 0; i < e->get_array().size(); ++i) one(e->get_array()[i], index_path(path, i));
        else one(*e, path);
    }
    std::vector<std::string> skills = text_list(c, o.if_contains("skills"), key_path(base, "skills"));
    if (const auto* q = o.if_contains("qualifications"))
        qualifications = text_list(c, q, key_path(base, "qualifications"));
    if (const auto* x = o.if_contains("experienceRequirements"); x && !x->is_null()) {
        const std::string path = key_path(base, "experienceRequirements");
        auto one = [&](const json::value& v, const std::string& p) {
            if (v.is_object()) {
                const json::object& req = *resolve(c, v.get_object());
                if (auto d = text_of(c, req.if_contains("description"), key_path(p, "description")))
                    experience.push_back(*d);
                else if (auto m = scalar_text(c, req.if_contains("monthsOfExperience"), key_path(p, "monthsOfExperience")))
                    experience.push_back(*m + " mois d'expérience");
            } else if (auto t = text_of(c, &v, p)) {
                experience.push_back(*t);
            }
        };
        if (x->is_array())
            for (std::size_t i = 0; i < x->get_array().size(); ++i) one(x->get_array()[i], index_path(path, i));
        else one(*x, path);
    }
    if (!knowledge.empty()) r.profile.push_back({"Connaissances", std::move(knowledge)});
    if (!skills.empty()) r.profile.push_back({"Compétences", std::move(skills)});
    if (!diplomas.empty()) r.profile.push_back({"Diplôme", std::move(diplomas)});
    if (!experience.empty()) r.profile.push_back({"Expérience", std::move(experience)});
    if (!qualifications.empty()) r.profile.push_back({"Qualifications", std::move(qualifications)});
}

void read_contacts(const context& c, const json::value* v, const std::string& path, std::vector<contact>& out) {
    if (!v || v->is_null()) return;
    if (v->is_array()) {
        for (std::size_t i = 0; i < v->get_array().size(); ++i)
            read_contacts(c, &v->get_array()[i], index_path(path, i), out);
        return;
    }
    if (v->is_string()) {  // an e-mail address or a phone number as text
        if (auto t = clean(v->get_string())) {
            contact k;
            (t->find('@') != std::string::npos ? k.email : k.phone) = *t;
            out.push_back(std::move(k));
        }
        return;
    }
    if (!v->is_object()) c.type_error(path, "a ContactPoint object", *v);
    const json::object& o = *resolve(c, v->get_object());
    contact k;
    k.name = text_of(c, o.if_contains("name"), key_path(path, "name"));
    k.role = text_of(c, o.if_contains("contactType"), key_path(path, "contactType"));
    k.email = text_of(c, o.if_contains("email"), key_path(path, "email"));
    if (k.email && starts_with(*k.email, "mailto:")) k.email = clean(k.email->substr(7));
    k.phone = text_of(c, o.if_contains("telephone"), key_path(path, "telephone"));
    if (k.name || k.role || k.email || k.phone) out.push_back(std::move(k));
}

/// Reads the `offerkit:` properties of our own export over the schema.org reading.
void apply_extension(const context& c, const json::object& o, const std::string& base, job_offer& r);

/// One JobPosting object → offer. `own` when the object is offerkit's own
/// export (derived properties are then skipped, `offerkit:` ones applied).
job_offer read_posting(const context& c, const json::object& o, const std::string& base, bool apply_ext) {
    const bool own = o.contains(ext_format_key) || !apply_ext;
    job_offer r;
    std::set<std::string, std::less<>> used = {"@context", "@type", "@id"};
    auto get = [&](std::string_view key) -> const json::value* {
        used.insert(std::string(key));
        return o.if_contains(key);
    };
    auto path = [&](std::string_view key) { return key_path(base, key); };
    extra_fields extra;  // foreign documents only
    auto put_extra = [&](const std::string& key, std::optional<std::string> value) {
        if (!value || own) return;
        const std::string_view label = extra_label(key);
        if (key == "directApply" || key == "experienceInPlaceOfEducation") {
            if (*value == "true") value = "oui";
            else if (*value == "false") value = "non";
        } else if (key == "employmentType") {
            std::string words;
            std::string_view rest = *value;
            while (!rest.empty()) {
                const std::size_t sep = rest.find(';');
                std::string one = collapse_space(rest.substr(0, sep));
                rest = sep == std::string_view::npos ? std::string_view() : rest.substr(sep + 1);
                for (const auto& w : employment_words)
                    if (w.google == one) one = w.french;
                words += (words.empty() ? "" : "; ") + one;
            }
            value = words;
        }
        extra.set(std::string(label), std::move(*value));
    };

    // reference
    std::optional<std::string> identifier_name;
    if (const auto* id = get("identifier"); id && !id->is_null()) {
        const json::value* one = id;
        std::string ipath = path("identifier");
        if (id->is_array()) {
            one = id->get_array().empty() ? nullptr : &id->get_array()[0];
            ipath = index_path(ipath, 0);
        }
        if (!one || one->is_null()) {
            // nothing
        } else if (one->is_object()) {
            const json::object& pv = *resolve(c, one->get_object());
            if (auto v = scalar_text(c, pv.if_contains("value"), key_path(ipath, "value"))) r.reference = *v;
            identifier_name = text_of(c, pv.if_contains("name"), key_path(ipath, "name"));
        } else if (auto v = scalar_text(c, one, ipath)) {
            r.reference = *v;
        }
    }

    // title
    auto title = text_of(c, get("title"), path("title"));
    auto name = text_of(c, get("name"), path("name"));
    if (title) r.title = *title;
    else if (name) r.title = *name;
    if (title && name && *name != *title) put_extra("name", name);
    put_extra("alternateName", text_of(c, get("alternateName"), path("alternateName")));
    put_extra("disambiguatingDescription", text_of(c, get("disambiguatingDescription"), path("disambiguatingDescription")));

    // employer, direction
    if (const auto* h = get("hiringOrganization"); h && !h->is_null()) {
        const std::string hpath = path("hiringOrganization");
        if (auto n = name_of(c, h, hpath)) r.employer = *n;
        if (h->is_object()) {
            const json::object& org = *resolve(c, h->get_object());
            if (const auto* d = org.if_contains("department"))
                r.direction = name_of(c, d, key_path(hpath, "department"));
            for (std::string_view k : {"url", "logo", "sameAs"})
                if (const auto* x = org.if_contains(k)) put_extra("hiringOrganization." + std::string(k), render(c, *x));
        }
    }
    if (const auto* ow = get("owner"); ow && !ow->is_null()) {
        auto n = name_of(c, ow, path("owner"));
        if (r.employer.empty() && n) r.employer = *n;
        else if (n && fold(*n) != fold(r.employer)) put_extra("owner", n);
    }
    if (r.employer.empty() && identifier_name) r.employer = *identifier_name;
    if (auto ov = text_of(c, get("employerOverview"), path("employerOverview")); ov && fold(*ov) != fold(r.employer))
        put_extra("employerOverview", ov);

    // OPT-NC's additionalType object (schema.org's additionalType is a URL: kept in extra)
    std::vector<std::pair<std::string, std::string>> free_info;  // informationsLibres in order
    if (const auto* at = get("additionalType"); at && !at->is_null()) {
        const std::string apath = path("additionalType");
        if (at->is_object()) {
            const json::object& a = at->get_object();
            std::set<std::string, std::less<>> a_used;
            auto aget = [&](std::string_view key) -> const json::value* {
                a_used.insert(std::string(key));
                return a.if_contains(key);
            };
            r.grade = text_of(c, aget("corpsDomaine"), key_path(apath, "corpsDomaine"));
            if (auto d = text_of(c, aget("direction"), key_path(apath, "direction"))) r.direction = d;
            r.unit = text_of(c, aget("uniteOrganisationnelle"), key_path(apath, "uniteOrganisationnelle"));
            r.supervisor = text_of(c, aget("superieurHierarchique"), key_path(apath, "superieurHierarchique"));
            r.org_position = text_of(c, aget("placeOrganigramme"), key_path(apath, "placeOrganigramme"));
            r.managed_staff.total = scalar_text(c, aget("nbAgentsEncadres"), key_path(apath, "nbAgentsEncadres"));
            r.managed_staff.direct = scalar_text(c, aget("nbAgentsEncadresDirects"), key_path(apath, "nbAgentsEncadresDirects"));
            r.managed_staff.indirect =
                scalar_text(c, aget("nbAgentsEncadresIndirects"), key_path(apath, "nbAgentsEncadresIndirects"));
            {
                auto rel = text_list(c, aget("relationsFonctionnelles"), key_path(apath, "relationsFonctionnelles"));
                std::string joined;
                for (const auto& x : rel) joined += (joined.empty() ? "" : "; ") + x;
                put_extra("Relations fonctionnelles", clean(joined));
            }
            if (const auto* il = aget("informationsLibres"); il && !il->is_null()) {
                const std::string ipath = key_path(apath, "informationsLibres");
                if (!il->is_array()) c.type_error(ipath, "an array of PropertyValue objects", *il);
                const auto& arr = il->get_array();
                for (std::size_t i = 0; i < arr.size(); ++i) {
                    const std::string p = index_path(ipath, i);
                    if (arr[i].is_null()) continue;
                    if (!arr[i].is_object()) c.type_error(p, "a PropertyValue object", arr[i]);
                    const json::object& pv = arr[i].get_object();
                    auto label = text_of(c, pv.if_contains("name"), key_path(p, "name"));
                    auto value = pv.contains("value") ? render(c, pv.at("value")) : std::nullopt;
                    if (!label) {
                        if (value) c.warn(p, "a PropertyValue without a name; its value is kept under \"informationsLibres\"");
                        label = "informationsLibres";
                    }
                    if (value) free_info.emplace_back(*label, *value);
                }
            }
            for (const auto& kv : a)
                if (!a_used.contains(kv.key()))
                    put_extra("additionalType." + std::string(kv.key()), render(c, kv.value()));
        } else if (at->is_string() || at->is_array()) {
            put_extra("additionalType", render(c, *at));
        } else {
            c.type_error(apath, "a URL string or an object", *at);
        }
    }

    // unit
    if (const auto* eu = get("employmentUnit"); eu && !eu->is_null()) {
        auto n = name_of(c, eu, path("employmentUnit"));
        if (!r.unit) r.unit = n;
        else if (n && fold(*n) != fold(*r.unit)) put_extra("employmentUnit", n);
    }

    // job family
    if (const auto* ro = get("relevantOccupation"); ro && !ro->is_null()) {
        const std::string rpath = path("relevantOccupation");
        r.job_family = name_of(c, ro, rpath);
        if (ro->is_object()) {
            const json::object& occ = *resolve(c, ro->get_object());
            for (const auto& kv : occ)
                if (kv.key() != "@type" && kv.key() != "name")
                    put_extra("relevantOccupation." + std::string(kv.key()), render(c, kv.value()));
        }
    }

    // location
    r.location = location_of(c, get("jobLocation"), path("jobLocation"));
    if (const auto* alr = get("applicantLocationRequirements"); alr && !alr->is_null()) {
        auto l = location_of(c, alr, path("applicantLocationRequirements"));
        if (l && (!r.location || fold(*l) != fold(*r.location))) put_extra("applicantLocationRequirements", l);
    }

    // dates
    std::string raw;
    r.posted_on = date_of(c, get("datePosted"), path("datePosted"), &raw);
    if (!raw.empty()) put_extra("datePosted", raw);
    raw.clear();
    r.deadline = date_of(c, get("validThrough"), path("validThrough"), &raw);
    if (!raw.empty()) put_extra("validThrough", raw);

    // availability
    if (const auto* js = get("jobStartDate"); js && !js->is_null()) {
        if (auto t = text_of(c, js, path("jobStartDate"))) {
            if (auto d = parse_date_text(*t)) {
                r.available_from = d;
            } else {
                r.availability = t;
                r.available_from = date_inside(*t);
            }
        }
    }
    if (auto imm = bool_of(c, get("jobImmediateStart"), path("jobImmediateStart")); imm && *imm && !r.availability &&
                                                                                  !r.available_from)
        r.availability = "dès que possible";

    // openings
    if (const auto* n = get("totalJobOpenings"); n && !n->is_null()) {
        const std::string npath = path("totalJobOpenings");
        if (n->is_int64() && n->get_int64() >= 0 && n->get_int64() <= 1000000) r.openings = static_cast<int>(n->get_int64());
        else if (n->is_uint64() && n->get_uint64() <= 1000000) r.openings = static_cast<int>(n->get_uint64());
        else if (n->is_number()) {
            c.warn(npath, json_excerpt(*n) + " is not a number of posts (0 to 1000000); kept in extra");
            put_extra("totalJobOpenings", scalar_text(c, n, npath));
        } else if (n->is_string()) {
            auto t = clean(n->get_string());
            if (t && t->size() <= 6 && std::all_of(t->begin(), t->end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
                r.openings = std::stoi(*t);
            else if (t) put_extra("totalJobOpenings", t);
        } else c.type_error(npath, "a whole number", *n);
    }

    // description, missions, activities
    if (const auto* d = get("description"); d && !d->is_null()) {
        // The raw text: its line breaks separate paragraphs when it is not HTML.
        if (auto t = d->is_string() ? std::optional<std::string>(std::string(d->get_string()))
                                    : text_of(c, d, path("description"))) {
            parsed_description pd = parse_description(*t);
            r.description = std::move(pd.description);
            r.missions = std::move(pd.missions);
            r.activities = std::move(pd.activities);
        }
    }
    if (const auto* resp = get("responsibilities"); resp && !own) {
        auto items = text_list(c, resp, path("responsibilities"));
        std::vector<std::string> missing;
        for (auto& i : items) {
            bool found = std::find(r.missions.begin(), r.missions.end(), i) != r.missions.end();
            for (const auto& s : r.activities)
                found = found || std::find(s.items.begin(), s.items.end(), i) != s.items.end();
            if (!found) missing.push_back(std::move(i));
        }
        if (!missing.empty()) r.activities.push_back({activity_kind::main, std::nullopt, std::move(missing)});
    }

    // profile
    used.insert({"educationRequirements", "skills", "qualifications", "experienceRequirements"});
    read_profile(c, o, base, r);
    put_extra("experienceInPlaceOfEducation", o.contains("experienceInPlaceOfEducation")
                                                  ? render(c, o.at("experienceInPlaceOfEducation"))
                                                  : std::nullopt);
    used.insert("experienceInPlaceOfEducation");

    // free information of the OPT-NC feed: to the right fields, else extra
    for (auto& [label, value] : free_info) {
        const std::string f = fold(label);
        if (starts_with(f, "duree de residence")) {
            if (!r.residency_requirement) r.residency_requirement = value;
            else put_extra(label, value);
        } else if (starts_with(f, "poste a pourvoir") || starts_with(f, "postes a pourvoir") ||
                   starts_with(f, "poste(s) a pourvoir")) {
            if (!r.availability) {
                r.availability = value;
                if (!r.available_from) r.available_from = date_inside(value);
            } else {
                put_extra(label, value);
            }
        } else if (starts_with(f, "conditions") || starts_with(f, "habilitation") || starts_with(f, "materiel") ||
                   starts_with(f, "fourniture") || starts_with(f, "regime") || starts_with(f, "avantage") ||
                   starts_with(f, "contrainte") || starts_with(f, "astreinte") || starts_with(f, "permis")) {
            r.conditions.push_back(label + " : " + value);
        } else if (starts_with(f, "contexte")) {
            r.description.push_back(value);
        } else {
            put_extra(label, value);
        }
    }

    // residency
    if (auto e = text_of(c, get("eligibilityToWorkRequirement"), path("eligibilityToWorkRequirement"))) {
        std::string v = *e;
        if (starts_with(fold(v), "duree de residence")) {
            if (auto colon = v.find(':'); colon != std::string::npos) v = collapse_space(v.substr(colon + 1));
        }
        if (!r.residency_requirement) r.residency_requirement = clean(v);
        else if (fold(*r.residency_requirement).find(fold(v)) == std::string::npos)
            put_extra("eligibilityToWorkRequirement", e);
    }

    // conditions
    for (std::string_view k : {"specialCommitments", "workHours", "jobBenefits", "physicalRequirement",
                               "sensoryRequirement", "securityClearanceRequirement"}) {
        if (own && k != "specialCommitments" && k != "workHours" && k != "jobBenefits") continue;
        for (const auto& t : text_list(c, get(k), path(k))) add_condition(r.conditions, t);
    }

    // contacts, url
    read_contacts(c, get("applicationContact"), path("applicationContact"), r.contacts);
    r.url = text_of(c, get("url"), path("url"));
    if (!r.url)
        if (const auto* m = get("mainEntityOfPage"); m && m->is_string()) r.url = clean(m->get_string());

    // properties offerkit derives on export: skipped in its own documents, kept otherwise
    if (!own) {
        for (const auto& kv : o) {
            const std::string_view k = kv.key();
            if (used.contains(k) || starts_with(k, ext_prefix) || starts_with(k, "@")) continue;
            put_extra(std::string(k), render(c, kv.value()));
        }
        r.extra = std::move(extra);
    } else if (apply_ext) {
        apply_extension(c, o, base, r);
    }

    // The rules of the catalogue, each at the property that carries its field.
    std::vector<finding> found;
    check_offer(r, found);
    for (const auto& f : found) c.report(f, path(std::string(jobposting_property(rule_of(f.id).field))));
    return r;
}

// ---- offerkit: extension ----------------------------------------------------

std::string ext_key(std::string_view field) { return std::string(ext_prefix) + std::string(field); }

json::value strings_value(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.emplace_back(s);
    return a;
}

json::value activities_value(const std::vector<activity_section>& v) {
    json::array a;
    for (const auto& s : v) {
        json::object o;
        o[ext_key("kind")] = to_string(s.kind);
        if (s.title) o[ext_key("title")] = *s.title;
        o[ext_key("items")] = strings_value(s.items);
        a.emplace_back(std::move(o));
    }
    return a;
}

json::value profile_value(const std::vector<profile_section>& v) {
    json::array a;
    for (const auto& s : v) {
        json::object o;
        if (s.title) o[ext_key("title")] = *s.title;
        o[ext_key("items")] = strings_value(s.items);
        a.emplace_back(std::move(o));
    }
    return a;
}

json::value contacts_value(const std::vector<contact>& v) {
    json::array a;
    for (const auto& k : v) {
        json::object o;
        if (k.name) o[ext_key("name")] = *k.name;
        if (k.role) o[ext_key("role")] = *k.role;
        if (k.email) o[ext_key("email")] = *k.email;
        if (k.phone) o[ext_key("phone")] = *k.phone;
        a.emplace_back(std::move(o));
    }
    return a;
}

json::value managed_staff_value(const managed_staff_counts& m) {
    json::object o;
    if (m.total) o[ext_key("total")] = *m.total;
    if (m.direct) o[ext_key("direct")] = *m.direct;
    if (m.indirect) o[ext_key("indirect")] = *m.indirect;
    return o;
}

json::value extra_value(const extra_fields& e) {
    json::array a;
    for (const auto& [k, v] : e) a.emplace_back(json::object{{"@type", "PropertyValue"}, {"name", k}, {"value", v}});
    return a;
}

/// Adds to `ext` every field of `o` that the schema.org reading `r` does not give back.
void add_extension(json::object& ext, const job_offer& o, const job_offer& r) {
    json::array unset;
    auto opt_text = [&](std::string_view field, const std::optional<std::string>& a, const std::optional<std::string>& b) {
        if (a == b) return;
        if (a) ext[ext_key(field)] = *a;
        else unset.emplace_back(field);
    };
    auto opt_date = [&](std::string_view field, const std::optional<date>& a, const std::optional<date>& b) {
        if (a == b) return;
        if (a) ext[ext_key(field)] = a->to_iso();
        else unset.emplace_back(field);
    };
    auto req_text = [&](std::string_view field, const std::string& a, const std::string& b) {
        if (a == b) return;
        if (!a.empty()) ext[ext_key(field)] = a;
        else unset.emplace_back(field);
    };
    auto list = [&](std::string_view field, bool same, bool empty, auto make) {
        if (same) return;
        if (!empty) ext[ext_key(field)] = make();
        else unset.emplace_back(field);
    };
    req_text("reference", o.reference, r.reference);
    opt_date("reference_date", o.reference_date, r.reference_date);
    req_text("title", o.title, r.title);
    req_text("employer", o.employer, r.employer);
    opt_text("direction", o.direction, r.direction);
    opt_text("unit", o.unit, r.unit);
    opt_text("grade", o.grade, r.grade);
    opt_text("job_family", o.job_family, r.job_family);
    opt_text("location", o.location, r.location);
    opt_text("residency_requirement", o.residency_requirement, r.residency_requirement);
    opt_date("posted_on", o.posted_on, r.posted_on);
    opt_date("deadline", o.deadline, r.deadline);
    opt_text("availability", o.availability, r.availability);
    opt_date("available_from", o.available_from, r.available_from);
    if (o.openings != r.openings) {
        if (o.openings) ext[ext_key("openings")] = *o.openings;
        else unset.emplace_back("openings");
    }
    opt_text("org_position", o.org_position, r.org_position);
    opt_text("supervisor", o.supervisor, r.supervisor);
    list("managed_staff", o.managed_staff == r.managed_staff, o.managed_staff.empty(),
         [&] { return managed_staff_value(o.managed_staff); });
    list("description", o.description == r.description, o.description.empty(), [&] { return strings_value(o.description); });
    list("missions", o.missions == r.missions, o.missions.empty(), [&] { return strings_value(o.missions); });
    list("activities", o.activities == r.activities, o.activities.empty(), [&] { return activities_value(o.activities); });
    list("profile", o.profile == r.profile, o.profile.empty(), [&] { return profile_value(o.profile); });
    list("conditions", o.conditions == r.conditions, o.conditions.empty(), [&] { return strings_value(o.conditions); });
    list("how_to_apply", o.how_to_apply == r.how_to_apply, o.how_to_apply.empty(),
         [&] { return strings_value(o.how_to_apply); });
    list("contacts", o.contacts == r.contacts, o.contacts.empty(), [&] { return contacts_value(o.contacts); });
    opt_text("url", o.url, r.url);
    list("extra", o.extra == r.extra, o.extra.empty(), [&] { return extra_value(o.extra); });
    if (!unset.empty()) ext[ext_key("unset")] = std::move(unset);
}

// Typed readers of the extension (a wrong type is a type error naming the path).
std::string ext_string(const context& c, const json::value& v, const std::string& path) {
    if (!v.is_string()) c.type_error(path, "a string", v);
    return std::string(v.get_string());
}
std::optional<std::string> ext_opt_string(const context& c, const json::object& o, std::string_view field,
                                          const std::string& path) {
    const auto* v = o.if_contains(ext_key(field));
    if (!v) return std::nullopt;
    return ext_string(c, *v, key_path(path, ext_key(field)));
}
std::vector<std::string> ext_strings(const context& c, const json::value& v, const std::string& path) {
    if (!v.is_array()) c.type_error(path, "an array of strings", v);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.get_array().size(); ++i)
        out.push_back(ext_string(c, v.get_array()[i], index_path(path, i)));
    return out;
}
const json::object& ext_object(const context& c, const json::value& v, const std::string& path) {
    if (!v.is_object()) c.type_error(path, "an object", v);
    return v.get_object();
}
date ext_date(const context& c, const json::value& v, const std::string& path) {
    const std::string s = ext_string(c, v, path);
    auto d = date::parse_iso(s);
    if (!d) c.value_error(path, "\"" + s + "\" is not a date (YYYY-MM-DD)");
    return *d;
}

void apply_extension(const context& c, const json::object& o, const std::string& base, job_offer& r) {
    // Within the extension only plain keys are known; anything else is a warning.
    static const std::set<std::string, std::less<>> known = {
        "format",       "unset",        "reference",  "reference_date", "title",        "employer",
        "direction",    "unit",         "grade",      "job_family",     "location",     "residency_requirement",
        "posted_on",    "deadline",     "availability", "available_from", "openings",   "org_position",
        "supervisor",   "managed_staff", "description", "missions",      "activities",   "profile",
        "conditions",   "how_to_apply", "contacts",   "url",            "extra"};
    r.extra = {};
    for (const auto& kv : o) {
        std::string_view k = kv.key();
        if (!starts_with(k, ext_prefix)) continue;
        const std::string field(k.substr(ext_prefix.size()));
        const std::string p = key_path(base, k);
        const json::value& v = kv.value();
        if (!known.contains(field)) {
            c.warn(p, "unknown offerkit property; ignored");
            continue;
        }
        if (field == "format") {
            if (ext_string(c, v, p) != job_offer_format)
                c.warn(p, "unknown offerkit format \"" + excerpt(std::string_view(v.get_string())) + "\"; read as " +
                              std::string(job_offer_format));
        } else if (field == "reference") r.reference = ext_string(c, v, p);
        else if (field == "title") r.title = ext_string(c, v, p);
        else if (field == "employer") r.employer = ext_string(c, v, p);
        else if (field == "reference_date") r.reference_date = ext_date(c, v, p);
        else if (field == "posted_on") r.posted_on = ext_date(c, v, p);
        else if (field == "deadline") r.deadline = ext_date(c, v, p);
        else if (field == "available_from") r.available_from = ext_date(c, v, p);
        else if (field == "direction") r.direction = ext_string(c, v, p);
        else if (field == "unit") r.unit = ext_string(c, v, p);
        else if (field == "grade") r.grade = ext_string(c, v, p);
        else if (field == "job_family") r.job_family = ext_string(c, v, p);
        else if (field == "location") r.location = ext_string(c, v, p);
        else if (field == "residency_requirement") r.residency_requirement = ext_string(c, v, p);
        else if (field == "availability") r.availability = ext_string(c, v, p);
        else if (field == "org_position") r.org_position = ext_string(c, v, p);
        else if (field == "supervisor") r.supervisor = ext_string(c, v, p);
        else if (field == "url") r.url = ext_string(c, v, p);
        else if (field == "openings") {
            if (!v.is_int64() || v.get_int64() < 0 || v.get_int64() > 1000000) c.type_error(p, "a whole number", v);
            r.openings = static_cast<int>(v.get_int64());
        } else if (field == "managed_staff") {
            const auto& m = ext_object(c, v, p);
            r.managed_staff.total = ext_opt_string(c, m, "total", p);
            r.managed_staff.direct = ext_opt_string(c, m, "direct", p);
            r.managed_staff.indirect = ext_opt_string(c, m, "indirect", p);
        } else if (field == "description") r.description = ext_strings(c, v, p);
        else if (field == "missions") r.missions = ext_strings(c, v, p);
        else if (field == "conditions") r.conditions = ext_strings(c, v, p);
        else if (field == "how_to_apply") r.how_to_apply = ext_strings(c, v, p);
        else if (field == "activities" || field == "profile" || field == "contacts" || field == "extra") {
            if (!v.is_array()) c.type_error(p, "an array of objects", v);
            if (field == "activities") r.activities.clear();
            if (field == "profile") r.profile.clear();
            if (field == "contacts") r.contacts.clear();
            for (std::size_t i = 0; i < v.get_array().size(); ++i) {
                const std::string ip = index_path(p, i);
                const auto& e = ext_object(c, v.get_array()[i], ip);
                if (field == "activities") {
                    activity_section s;
                    const std::string kind = ext_opt_string(c, e, "kind", ip).value_or("main");
                    if (kind != "main" && kind != "secondary")
                        c.value_error(key_path(ip, ext_key("kind")), "expected \"main\" or \"secondary\", found \"" + kind + "\"");
                    s.kind = kind == "main" ? activity_kind::main : activity_kind::secondary;
                    s.title = ext_opt_string(c, e, "title", ip);
                    if (const auto* items = e.if_contains(ext_key("items")))
                        s.items = ext_strings(c, *items, key_path(ip, ext_key("items")));
                    r.activities.push_back(std::move(s));
                } else if (field == "profile") {
                    profile_section s;
                    s.title = ext_opt_string(c, e, "title", ip);
                    if (const auto* items = e.if_contains(ext_key("items")))
                        s.items = ext_strings(c, *items, key_path(ip, ext_key("items")));
                    r.profile.push_back(std::move(s));
                } else if (field == "contacts") {
                    contact person;
                    person.name = ext_opt_string(c, e, "name", ip);
                    person.role = ext_opt_string(c, e, "role", ip);
                    person.email = ext_opt_string(c, e, "email", ip);
                    person.phone = ext_opt_string(c, e, "phone", ip);
                    r.contacts.push_back(std::move(person));
                } else {
                    const auto* n = e.if_contains("name");
                    const auto* val = e.if_contains("value");
                    if (!n) c.type_error(key_path(ip, "name"), "a string", json::value());
                    if (!val) c.type_error(key_path(ip, "value"), "a string", json::value());
                    std::string label = ext_string(c, *n, key_path(ip, "name"));
                    std::string value = ext_string(c, *val, key_path(ip, "value"));
                    r.extra.entries.emplace_back(std::move(label), std::move(value));
                }
            }
        } else if (field == "unset") {
            for (const auto& f : ext_strings(c, v, p)) {
                if (f == "reference") r.reference.clear();
                else if (f == "title") r.title.clear();
                else if (f == "employer") r.employer.clear();
                else if (f == "reference_date") r.reference_date.reset();
                else if (f == "direction") r.direction.reset();
                else if (f == "unit") r.unit.reset();
                else if (f == "grade") r.grade.reset();
                else if (f == "job_family") r.job_family.reset();
                else if (f == "location") r.location.reset();
                else if (f == "residency_requirement") r.residency_requirement.reset();
                else if (f == "posted_on") r.posted_on.reset();
                else if (f == "deadline") r.deadline.reset();
                else if (f == "availability") r.availability.reset();
                else if (f == "available_from") r.available_from.reset();
                else if (f == "openings") r.openings.reset();
                else if (f == "org_position") r.org_position.reset();
                else if (f == "supervisor") r.supervisor.reset();
                else if (f == "managed_staff") r.managed_staff = {};
                else if (f == "description") r.description.clear();
                else if (f == "missions") r.missions.clear();
                else if (f == "activities") r.activities.clear();
                else if (f == "profile") r.profile.clear();
                else if (f == "conditions") r.conditions.clear();
                else if (f == "how_to_apply") r.how_to_apply.clear();
                else if (f == "contacts") r.contacts.clear();
                else if (f == "url") r.url.reset();
                else if (f == "extra") r.extra = {};
                else c.warn(p, "unknown field \"" + excerpt(f) + "\" in offerkit:unset; ignored");
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Export.

json::value one_or_many(std::vector<json::value> v) {
    if (v.size() == 1) return std::move(v.front());
    json::array a;
    for (auto& x : v) a.push_back(std::move(x));
    return a;
}

/// Google's employmentType, from an imported value ("FULL_TIME; TEMPORARY") or the offer's words.
std::optional<json::value> employment_type(const job_offer& o) {
    static constexpr std::string_view kinds[] = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY",
                                                 "INTERN",    "VOLUNTEER", "PER_DIEM",   "OTHER"};
    for (std::string_view key : {extra_label("employmentType"), std::string_view("employmentType")}) {
        const auto* e = o.extra.find(key);
        if (!e) continue;
        std::vector<json::value> found;
        std::string_view rest = *e;
        while (!rest.empty()) {
            const std::size_t sep = rest.find(';');
            std::string one = collapse_space(rest.substr(0, sep));
            rest = sep == std::string_view::npos ? std::string_view() : rest.substr(sep + 1);
            for (const auto& w : employment_words)
                if (fold(w.french) == fold(one)) one = w.google;
            if (std::find(std::begin(kinds), std::end(kinds), one) == std::end(kinds)) {
                found.clear();
                break;
            }
            found.emplace_back(one);
        }
        if (!found.empty()) return one_or_many(std::move(found));
    }
    std::string text;
    for (const auto& s : o.conditions) text += " " + s;
    for (const auto& [k, v] : o.extra) text += " " + k + " " + v;
    if (o.availability) text += " " + *o.availability;
    const std::string f = fold(text);
    if (has(f, "temps partiel") || has(f, "mi temps")) return "PART_TIME";
    if (contains_words(f, "cdd") || has(f, "duree determinee") || has(f, "remplacement")) return "TEMPORARY";
    if (contains_words(f, "stage") || has(f, "stagiaire") || has(f, "apprenti")) return "INTERN";
    if (has(f, "temps complet") || has(f, "temps plein")) return "FULL_TIME";
    return std::nullopt;
}

/// Google's credentialCategory for a diploma phrase, or nothing.
std::optional<std::string_view> credential_category(std::string_view item) {
    const std::string f = fold(item);
    std::string compact;
    for (char ch : f)
        if (ch != ' ') compact += ch;
    if (has(compact, "bac+5") || has(compact, "bac+4") || has(compact, "bac+8") || contains_words(f, "master") ||
        contains_words(f, "doctorat") || has(f, "diplome d'ingenieur"))
        return "postgraduate degree";
    if (has(compact, "bac+3") || contains_words(f, "licence")) return "bachelor degree";
    if (has(compact, "bac+2") || contains_words(f, "bts") || contains_words(f, "dut") || contains_words(f, "deug"))
        return "associate degree";
    if (contains_words(f, "cap") || contains_words(f, "bep") || has(f, "titre professionnel") || has(f, "certificat"))
        return "professional certificate";
    if (contains_words(f, "bac") || contains_words(f, "baccalaureat")) return "high school";
    return std::nullopt;
}

bool is_diploma(std::string_view item) {
    const std::string f = fold(item);
    return credential_category(item).has_value() || has(f, "diplome");
}

json::object build_posting(const job_offer& o) {
    json::object p;
    p["@context"] = "https://schema.org";
    p["@type"] = "JobPosting";
    if (!o.title.empty()) p["title"] = o.title;
    p["description"] = description_html(o);
    if (!o.reference.empty()) {
        json::object id{{"@type", "PropertyValue"}};
        if (!o.employer.empty()) id["name"] = o.employer;
        id["value"] = o.reference;
        p["identifier"] = std::move(id);
    }
    if (o.posted_on) p["datePosted"] = o.posted_on->to_iso();
    else if (o.reference_date) p["datePosted"] = o.reference_date->to_iso();
    if (o.deadline) p["validThrough"] = o.deadline->to_iso() + std::string(nc_offset_end_of_day);
    if (auto t = employment_type(o)) p["employmentType"] = std::move(*t);

    json::object org{{"@type", "Organization"}};
    if (!o.employer.empty()) org["name"] = o.employer;
    if (o.direction) org["department"] = json::object{{"@type", "Organization"}, {"name", *o.direction}};
    for (std::string_view k : {"url", "logo", "sameAs"})
        if (const auto* v = o.extra.find(extra_label("hiringOrganization." + std::string(k)))) org[k] = *v;
    p["hiringOrganization"] = std::move(org);

    json::object place{{"@type", "Place"}};
    if (o.location) place["name"] = *o.location;
    json::object address{{"@type", "PostalAddress"}};
    if (o.location)
        if (const commune* c = find_commune(*o.location)) {
            address["addressLocality"] = c->name;
            address["addressRegion"] = c->region;
        }
    address["addressCountry"] = "NC";
    place["address"] = std::move(address);
    p["jobLocation"] = std::move(place);

    if (o.unit) p["employmentUnit"] = json::object{{"@type", "Organization"}, {"name", *o.unit}};
    if (o.job_family) p["relevantOccupation"] = json::object{{"@type", "Occupation"}, {"name", *o.job_family}};
    if (o.residency_requirement)
        p["eligibilityToWorkRequirement"] = std::string(residency_label) + " : " + *o.residency_requirement;
    if (o.available_from) p["jobStartDate"] = o.available_from->to_iso();
    else if (o.availability) p["jobStartDate"] = *o.availability;
    if (o.availability && is_immediate(*o.availability)) p["jobImmediateStart"] = true;
    if (o.openings) p["totalJobOpenings"] = *o.openings;

    // responsibilities: the activities (the missions when there are none)
    json::array resp;
    for (const auto& s : o.activities)
        for (const auto& i : s.items) resp.emplace_back(i);
    if (resp.empty())
        for (const auto& m : o.missions) resp.emplace_back(m);
    if (!resp.empty()) p["responsibilities"] = std::move(resp);

    // profile → skills / qualifications / educationRequirements / experienceRequirements
    json::array skills;
    std::vector<json::value> education, experience, qualifications;
    for (const auto& s : o.profile) {
        const std::string t = s.title ? fold(*s.title) : std::string();
        const bool exp = has(t, "experience");
        const bool edu = (has(t, "diplome") || has(t, "formation") || has(t, "etudes")) && !has(t, "savoir") &&
                         !has(t, "connaissance");
        const bool qual = has(t, "permis") || has(t, "habilitation") || has(t, "qualification") || has(t, "certification");
        for (const auto& item : s.items) {
            if (exp) experience.emplace_back(item);
            else if (edu || is_diploma(item)) {
                if (auto cat = credential_category(item))
                    education.emplace_back(json::object{{"@type", "EducationalOccupationalCredential"},
                                                        {"credentialCategory", *cat},
                                                        {"name", item}});
                else education.emplace_back(item);
            } else if (qual || contains_words(fold(item), "permis")) qualifications.emplace_back(item);
            else skills.emplace_back(item);
        }
    }
    if (!skills.empty()) p["skills"] = std::move(skills);
    if (!qualifications.empty()) p["qualifications"] = one_or_many(std::move(qualifications));
    if (!education.empty()) p["educationRequirements"] = one_or_many(std::move(education));
    if (!experience.empty()) p["experienceRequirements"] = one_or_many(std::move(experience));

    // conditions → workHours / specialCommitments / jobBenefits
    std::vector<json::value> hours, commitments, benefits;
    for (const auto& c : o.conditions) {
        const std::string f = fold(c);
        if (has(f, "horaire") || contains_words(f, "heures") || has(f, "temps de travail") || has(f, "temps partiel") ||
            has(f, "temps plein") || has(f, "temps complet") || has(f, "teletravail") || contains_words(f, "lundi"))
            hours.emplace_back(c);
        else if (has(f, "avantage") || has(f, "indemnit") || contains_words(f, "prime") || has(f, "logement") ||
                 has(f, "regime indemnitaire") || has(f, "regimes indemnitaires"))
            benefits.emplace_back(c);
        else
            commitments.emplace_back(c);
    }
    if (!hours.empty()) p["workHours"] = one_or_many(std::move(hours));
    if (!commitments.empty()) p["specialCommitments"] = one_or_many(std::move(commitments));
    if (!benefits.empty()) p["jobBenefits"] = one_or_many(std::move(benefits));

    if (!o.contacts.empty()) {
        std::vector<json::value> points;
        for (const auto& k : o.contacts) {
            if (!k.name && !k.role && !k.email && !k.phone) continue;  // nothing to say
            json::object cp{{"@type", "ContactPoint"}};
            if (k.name) cp["name"] = *k.name;
            if (k.role) cp["contactType"] = *k.role;
            if (k.email) cp["email"] = *k.email;
            if (k.phone) cp["telephone"] = *k.phone;
            points.emplace_back(std::move(cp));
        }
        if (!points.empty()) p["applicationContact"] = one_or_many(std::move(points));
    }
    if (o.url) p["url"] = *o.url;
    p["directApply"] = o.url.has_value();
    return p;
}

json::object posting_value(const job_offer& o) {
    json::object p = build_posting(o);
    // What the schema.org properties give back, read as our own document.
    source_location nowhere;
    diagnostics scratch;
    const context c{nowhere, scratch, nullptr};
    const job_offer back = read_posting(c, p, "", /*apply_ext=*/false);
    json::object ext;
    add_extension(ext, o, back);
    p[ext_format_key] = job_offer_format;
    for (auto& kv : ext) p[kv.key()] = std::move(kv.value());
    return p;
}

// ---------------------------------------------------------------------------
// Documents: object, array, @graph, ItemList.

void collect_ids(const json::value& v, id_map& ids, int depth = 0) {
    if (depth > 3) return;
    if (v.is_array()) {
        for (const auto& e : v.get_array()) collect_ids(e, ids, depth + 1);
    } else if (v.is_object()) {
        const auto& o = v.get_object();
        if (const auto* id = o.if_contains("@id"); id && id->is_string() && o.size() > 1)
            ids.emplace(std::string(id->get_string()), &o);
        if (const auto* g = o.if_contains("@graph")) collect_ids(*g, ids, depth + 1);
    }
}

bool looks_like_posting_object(const json::object& o) {
    if (const auto* t = o.if_contains("@type")) return is_jobposting_type(*t);
    for (std::string_view k : {"hiringOrganization", "datePosted", "validThrough", "jobLocation", "additionalType",
                               "employmentUnit", "responsibilities", "title"})
        if (o.contains(k)) return true;
    return false;
}

void visit(const context& c, const json::value& v, const std::string& path, std::vector<job_offer>& out, bool top) {
    if (v.is_array()) {
        const auto& a = v.get_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string p = index_path(path, i);
            if (!a[i].is_object()) c.type_error(p, "a JobPosting object", a[i]);
            visit(c, a[i], p, out, false);
        }
        return;
    }
    if (!v.is_object()) c.type_error(path, "a JobPosting object or an array", v);
    const auto& o = v.get_object();
    if (const auto* g = o.if_contains("@graph")) {
        const std::string gp = key_path(path, "@graph");
        if (!g->is_array()) c.type_error(gp, "an array of nodes", *g);
        const auto& a = g->get_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string p = index_path(gp, i);
            if (!a[i].is_object()) c.type_error(p, "a node object", a[i]);
            const auto& node = a[i].get_object();
            if (node.contains("@graph") || node.contains("itemListElement") || looks_like_posting_object(node))
                visit(c, a[i], p, out, false);
        }
        return;
    }
    if (const auto* items = o.if_contains("itemListElement")) {  // ItemList of ListItem → item
        const std::string lp = key_path(path, "itemListElement");
        if (!items->is_array()) c.type_error(lp, "an array", *items);
        const auto& a = items->get_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string p = index_path(lp, i);
            if (!a[i].is_object()) c.type_error(p, "a ListItem object", a[i]);
            const auto& li = a[i].get_object();
            if (const auto* item = li.if_contains("item")) {
                if (!item->is_object()) c.type_error(key_path(p, "item"), "a JobPosting object", *item);
                visit(c, *item, key_path(p, "item"), out, false);
            } else if (looks_like_posting_object(li)) {
                visit(c, a[i], p, out, false);
            }
        }
        return;
    }
    if (const auto* t = o.if_contains("@type"); t && !is_jobposting_type(*t)) {
        if (!top) return;  // another kind of node: not ours
        c.value_error(key_path(path, "@type"), "expected a JobPosting, found " + json_excerpt(*t));
    }
    out.push_back(read_posting(c, o, path, true));
}

}  // namespace

bool looks_like_jobposting(const boost::json::value& v) noexcept {
    const boost::json::value* first = &v;
    if (v.is_array()) {
        if (v.get_array().empty()) return false;
        first = &v.get_array()[0];
    }
    if (!first->is_object()) return false;
    const auto& o = first->get_object();
    if (o.contains("format")) return false;  // job-offer/1
    if (o.contains("@context") || o.contains("@type") || o.contains("@graph")) return true;
    for (std::string_view k : {"hiringOrganization", "datePosted", "validThrough", "jobLocation", "additionalType",
                               "employmentUnit", "responsibilities"})
        if (o.contains(k)) return true;
    return false;
}

std::vector<job_offer> offers_from_jobposting_value(const boost::json::value& v, const source_location& where,
                                                    diagnostics& diags) {
    id_map ids;
    collect_ids(v, ids);
    const context c{where, diags, &ids};
    std::vector<job_offer> out;
    visit(c, v, "", out, true);
    if (out.empty()) {
        source_location l = where;
        diags.warn(std::move(l), "no JobPosting found");
    }
    return out;
}

}  // namespace detail

std::string to_jobposting_json(const job_offer& offer, bool pretty) {
    std::string out;
    detail::jsonld::write_json(out, detail::posting_value(offer), pretty);
    // JSON-LD is made to be embedded in <script type="application/ld+json">:
    // a "</script>" in a title must not end that element (stored XSS). `<`,
    // `>` and `&` can only stand inside strings, where \u003c… mean the same.
    if (out.find_first_of("<>&") == std::string::npos) return out;
    std::string safe;
    safe.reserve(out.size() + 32);
    for (char c : out) {
        if (c == '<') safe += "\\u003c";
        else if (c == '>') safe += "\\u003e";
        else if (c == '&') safe += "\\u0026";
        else safe += c;
    }
    return safe;
}

std::vector<job_offer> offers_from_jobposting(std::string_view text, const std::string& source_name,
                                              diagnostics& diags) {
    // JSON Lines (one JobPosting a line, as the jsonld exporter writes with lines=true)
    // are read line by line; anything else is one JSON document.
    std::size_t first = text.find_first_not_of(" \t\r\n");
    bool lines = false;
    if (first != std::string_view::npos && text[first] == '{') {
        const std::size_t eol = text.find('\n', first);
        if (eol != std::string_view::npos && text.find_first_not_of(" \t\r\n", eol) != std::string_view::npos) {
            std::string_view line = text.substr(first, eol - first);
            while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
            lines = line.size() >= 2 && line.back() == '}';
            if (lines) {
                try {
                    (void)detail::parse_json(line, source_name);
                } catch (const error&) {
                    lines = false;
                }
            }
        }
    }
    std::vector<job_offer> out;
    if (!lines) {
        const boost::json::value v = detail::parse_json(text, source_name);
        return detail::offers_from_jobposting_value(v, source_location{source_name, 0, 0, {}}, diags);
    }
    std::size_t line_no = 1;
    for (std::size_t start = 0; start < text.size(); ++line_no) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        const boost::json::value v = detail::parse_json(line, source_name, line_no);
        auto got = detail::offers_from_jobposting_value(v, source_location{source_name, line_no, 0, {}}, diags);
        for (auto& g : got) out.push_back(std::move(g));
    }
    return out;
}

std::string_view jobposting_property(std::string_view field) noexcept {
    static constexpr std::pair<std::string_view, std::string_view> map[] = {
        {"reference", "identifier"},
        {"title", "title"},
        {"employer", "hiringOrganization"},
        {"direction", "hiringOrganization.department"},
        {"unit", "employmentUnit"},
        {"job_family", "relevantOccupation"},
        {"location", "jobLocation"},
        {"residency_requirement", "eligibilityToWorkRequirement"},
        {"posted_on", "datePosted"},
        {"deadline", "validThrough"},
        {"availability", "jobStartDate"},
        {"available_from", "jobStartDate"},
        {"openings", "totalJobOpenings"},
        {"description", "description"},
        {"missions", "responsibilities"},
        {"activities", "responsibilities"},
        {"contacts", "applicationContact"},
        {"url", "url"},
    };
    for (const auto& [f, p] : map)
        if (f == field) return p;
    return {};
}

}  // namespace offerkit
