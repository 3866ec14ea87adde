// Internal: the parts of the schema.org JobPosting codec (src/jobposting/), shared
// between its files: the vocabulary, the description HTML, the typed readers of
// JSON values, the reading of one posting (and the OPT-NC dialect), the
// `offerkit:` extension, the export. Never included from a public header.
//
// JobPosting (JSON-LD): export of a job_offer, import of JobPosting JSON /
// JSON-LD (one object, an array, an @graph, an ItemList, JSON Lines), including
// the OPT-NC open-data feed and its non-standard `additionalType` object.
//
// Export writes the offer as plain schema.org properties, in a fixed key order,
// never a null. Whatever those properties cannot carry exactly for this offer
// (found by importing the schema.org part again and comparing, field by field)
// is added as `offerkit:<field>` properties, so that import(export(x)) == x.
// Keys of the form `offerkit:x` are absolute IRIs for a JSON-LD processor
// (the schema.org context defines no `offerkit` prefix), so the document stays
// valid JSON-LD; schema.org consumers ignore them. docs/jsonld.md has the mapping.
#pragma once

#include <offerkit/error.hpp>
#include <offerkit/fields.hpp>
#include <offerkit/jobposting.hpp>
#include <offerkit/rules.hpp>
#include <offerkit/text.hpp>
#include <offerkit/text_safety.hpp>

#include "jobposting_text.hpp"
#include "json_internal.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace offerkit::detail::jp {

namespace json = boost::json;
using jsonld::contains_words;

constexpr std::string_view ext_prefix = "offerkit:";
constexpr std::string_view ext_format_key = "offerkit:format";
constexpr std::string_view residency_label = "Durée de résidence exigée pour le recrutement sur titre";
constexpr std::string_view nc_offset_end_of_day = "T23:59:59+11:00";

struct commune {
    std::string_view folded;  // as text::fold_words() gives it
    std::string_view name;    // as written
    std::string_view region;  // province
};

/// Google's employmentType values and their French words.
struct employment_word {
    std::string_view google, french;
};
constexpr employment_word employment_words[] = {
    {"FULL_TIME", "temps complet"},
    {"PART_TIME", "temps partiel"},
    {"CONTRACTOR", "prestataire"},
    {"TEMPORARY", "contrat à durée déterminée"},
    {"INTERN", "stage"},
    {"VOLUNTEER", "bénévolat"},
    {"PER_DIEM", "vacation"},
    {"OTHER", "autre"},
};

struct parsed_description {
    std::vector<std::string> description, missions;
    std::vector<activity_section> activities;
};

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

/// Where a foreign property without a field of its own goes (`extra`), by key.
using extra_sink = std::function<void(const std::string&, std::optional<std::string>)>;
/// The `informationsLibres` of the OPT-NC feed, in order: label, value.
using free_information = std::vector<std::pair<std::string, std::string>>;

// communes.cpp
const commune* find_commune(std::string_view location);

// vocabulary.cpp
std::optional<std::string> clean(std::string_view s);
bool starts_with(std::string_view s, std::string_view p);
bool has(std::string_view folded, std::string_view stem);
std::string strip_trailing_punct(std::string s);
std::optional<date> parse_date_text(std::string_view s);
std::optional<date> date_inside(std::string_view s);
bool is_immediate(std::string_view availability);
std::string_view extra_label(std::string_view property);
/// The values of a ';'-separated list ("FULL_TIME; TEMPORARY"), each with its spaces collapsed.
std::vector<std::string> semicolon_list(std::string_view s);

// description.cpp
std::string html_text(std::string_view s);
std::string fallback_description(const job_offer& o);
std::string description_html(const job_offer& o);
parsed_description parse_description(std::string_view text);

// import_values.cpp
std::string key_path(const std::string& base, std::string_view key);
std::string index_path(const std::string& base, std::size_t i);
const json::object* resolve(const context& c, const json::object& o);
std::optional<std::string> text_of(const context& c, const json::value* v, const std::string& path);
std::optional<std::string> scalar_text(const context& c, const json::value* v, const std::string& path);
std::optional<std::string> name_of(const context& c, const json::value* v, const std::string& path);
std::vector<std::string> text_list(const context& c, const json::value* v, const std::string& path);
std::optional<date> date_of(const context& c, const json::value* v, const std::string& path,
                            std::string* raw = nullptr);
std::optional<bool> bool_of(const context& c, const json::value* v, const std::string& path);
std::optional<std::string> salary_text(const context& c, const json::object& o);
std::optional<std::string> render(const context& c, const json::value& v);
void add_unique(std::vector<std::string>& list, std::string s);
void add_condition(std::vector<std::string>& conditions, const std::string& s);
bool is_jobposting_type(const json::value& t);
std::optional<std::string> location_of(const context& c, const json::value* v, const std::string& path);
void read_profile(const context& c, const json::object& o, const std::string& base, job_offer& r);
void read_contacts(const context& c, const json::value* v, const std::string& path, std::vector<contact>& out);

// import_posting.cpp
job_offer read_posting(const context& c, const json::object& o, const std::string& base, bool apply_ext);

// extension.cpp
std::string ext_key(std::string_view field);
json::value strings_value(const std::vector<std::string>& v);
void add_extension(json::object& ext, const job_offer& o, const job_offer& r);
std::string ext_string(const context& c, const json::value& v, const std::string& path);
std::optional<std::string> ext_opt_string(const context& c, const json::object& o, std::string_view field,
                                          const std::string& path);
std::vector<std::string> ext_strings(const context& c, const json::value& v, const std::string& path);
const json::object& ext_object(const context& c, const json::value& v, const std::string& path);
date ext_date(const context& c, const json::value& v, const std::string& path);
void apply_extension(const context& c, const json::object& o, const std::string& base, job_offer& r);

// export.cpp
json::value one_or_many(std::vector<json::value> v);
std::optional<json::value> employment_type(const job_offer& o);
std::optional<std::string_view> credential_category(std::string_view item);
bool is_diploma(std::string_view item);
json::object build_posting(const job_offer& o);
json::object posting_value(const job_offer& o, bool extension = true);

// documents.cpp
void collect_ids(const json::value& v, id_map& ids, int depth = 0);
bool looks_like_posting_object(const json::object& o);
void visit(const context& c, const json::value& v, const std::string& path, std::vector<job_offer>& out, bool top);

// opt_dialect.cpp
/// OPT-NC's `additionalType` object (grade, direction, unit, supervisor, staff…) into `r`;
/// its `informationsLibres` into `free_info`; other keys, and a schema.org URL, to `put_extra`.
void read_additional_type(const context& c, const json::value* at, const std::string& apath, job_offer& r,
                          free_information& free_info, const extra_sink& put_extra);
/// The `informationsLibres` of the feed into the fields they fill (residency, availability,
/// conditions, description), else to `put_extra`.
void place_free_information(const free_information& free_info, job_offer& r, const extra_sink& put_extra);

}  // namespace offerkit::detail::jp
