// The model said once (offerkit/fields.hpp): the description of the fields
// agrees with the JSON Schema and the specification, every field is covered
// by the test offers, and the codecs follow it.
#include "support/test_support.hpp"

#include <offerkit/fields.hpp>
#include <offerkit/jobposting.hpp>
#include <offerkit/json.hpp>

#include <boost/json.hpp>

#include <set>

using namespace offerkit;
namespace bj = boost::json;

namespace {

const bj::object& schema() {
    static const bj::value s =
        bj::parse(testing::read_file(testing::source_dir() / "schema" / "job-offer-1.schema.json"));
    return s.as_object();
}

template <class M>
inline constexpr bool is_object_list_v = false;
template <class T>
inline constexpr bool is_object_list_v<std::vector<T>> = has_fields_v<T>;

template <class M>
inline constexpr bool is_optional_enum_v = false;
template <class E>
inline constexpr bool is_optional_enum_v<std::optional<E>> = is_model_enum_v<E>;

template <class T>
void check_object(const bj::object& node, const std::string& where);

// What the schema says of one member, by the member's type.
template <class M>
void check_member(const bj::object& property, const std::string& where) {
    INFO(where << ": " << bj::serialize(property));
    const auto ref = [&] {
        return property.contains("$ref") ? std::string(property.at("$ref").as_string()) : std::string();
    };
    if constexpr (std::is_same_v<M, std::string>) {
        CHECK(property.at("type") == "string");
    } else if constexpr (std::is_same_v<M, std::optional<std::string>>) {
        CHECK(ref() == "#/$defs/optional_text");
    } else if constexpr (std::is_same_v<M, std::optional<date>>) {
        CHECK(ref() == "#/$defs/optional_date");
    } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
        CHECK(ref() == "#/$defs/texts");
    } else if constexpr (std::is_same_v<M, std::optional<int>>) {
        CHECK(property.at("type") == bj::array{"integer", "null"});
    } else if constexpr (is_model_enum_v<M>) {
        bj::array names;
        for (auto n : enum_names<M>::value) names.emplace_back(bj::string_view(n.data(), n.size()));
        CHECK(property.at("enum") == names);
    } else if constexpr (is_optional_enum_v<M>) {
        bj::array names;
        for (auto n : enum_names<typename M::value_type>::value)
            names.emplace_back(bj::string_view(n.data(), n.size()));
        names.emplace_back(nullptr);
        CHECK(property.at("enum") == names);
    } else if constexpr (std::is_same_v<M, extra_fields>) {
        CHECK(property.at("type") == "object");
        CHECK(property.at("additionalProperties").at("type") == "string");
    } else if constexpr (has_fields_v<M>) {
        check_object<M>(property, where);
    } else if constexpr (is_object_list_v<M>) {
        CHECK(property.at("type") == "array");
        check_object<typename M::value_type>(property.at("items").as_object(), where + "[]");
    } else {
        static_assert(sizeof(M) == 0, "a member type the test does not know: say what the schema holds for it");
    }
}

// The object's properties are the fields of T, in order; all are written, so all are required.
template <class T>
void check_object(const bj::object& node, const std::string& where) {
    CHECK(node.at("type") == "object");
    CHECK(node.at("additionalProperties") == false);
    std::vector<std::string> described, in_schema, required;
    if constexpr (std::is_same_v<T, job_offer>) described.emplace_back("format");
    for_each_field_of<T>([&](const auto& d) { described.emplace_back(d.key); });
    for (const auto& kv : node.at("properties").as_object()) in_schema.emplace_back(kv.key());
    for (const auto& r : node.at("required").as_array()) required.emplace_back(r.as_string());
    INFO(where);
    CHECK(in_schema == described);
    CHECK(required == described);
    const auto& props = node.at("properties").as_object();
    for_each_field_of<T>([&](const auto& d) {
        using M = typename std::remove_cvref_t<decltype(d)>::member_type;
        if (const auto* p = props.if_contains(d.key)) check_member<M>(p->as_object(), where + "." + std::string(d.key));
    });
}

// Every field of `o` holds something, so that a test on `o` covers it.
template <class T>
std::vector<std::string> empty_fields(const T& o) {
    std::vector<std::string> empty;
    for_each_field(o, [&](const auto& d, const auto& member) {
        if (field_empty(member)) empty.emplace_back(d.key);
    });
    return empty;
}

}  // namespace

TEST_CASE("the JSON Schema has the fields of the description, in order, with their types") {
    check_object<job_offer>(schema(), "job_offer");
}

TEST_CASE("each field of job_offer is described once, with a key, labels and a required flag") {
    std::set<std::string_view> keys;
    std::size_t n = 0, required = 0;
    for_each_field_of<job_offer>([&](const auto& d) {
        ++n;
        CHECK(keys.insert(d.key).second);
        CHECK_FALSE(d.label_fr.empty());
        CHECK_FALSE(d.label_en.empty());
        required += d.required ? 1 : 0;
    });
    CHECK(n == field_count_v<job_offer>);
    CHECK(n == 37);
    CHECK(required == 3);  // reference, title, employer
    CHECK(field_of(&job_offer::deadline).key == "deadline");
    CHECK(field_of(&job_offer::deadline).label_fr == "Date limite");
    CHECK(field_of(&contact::phone).jobposting == "telephone");
    CHECK(jobposting_property("deadline") == field_of(&job_offer::deadline).jobposting);
}

TEST_CASE("the test offer fills every field, so the codec tests cover each") {
    const job_offer o = testing::full_offer();
    CHECK(empty_fields(o).empty());
    CHECK(empty_fields(o.managed_staff).empty());
    CHECK(empty_fields(o.activities.front()).empty());
    CHECK(empty_fields(o.profile.front()).empty());
    CHECK(empty_fields(o.contacts.front()).empty());
    CHECK(empty_fields(o.links.front()).empty());
    CHECK(empty_fields(o.repairs.front()).empty());
    CHECK(empty_fields(o.events[1]).empty());
    CHECK(empty_fields(o.canonical).empty());
}

TEST_CASE("the specification describes every field") {
    const std::string spec = testing::read_file(testing::source_dir() / "docs" / "job-offer-v1.md");
    for_each_field_of<job_offer>([&](const auto& d) {
        INFO(d.key);
        CHECK_THAT(spec, Catch::Contains("| `" + std::string(d.key) + "` |"));
    });
}

TEST_CASE("the canonical JSON follows the description: keys in order, each once") {
    const std::string text = to_json(testing::full_offer());
    const bj::object o = bj::parse(text).as_object();
    std::vector<std::string> keys;
    for (const auto& kv : o) keys.emplace_back(kv.key());
    std::vector<std::string> described{"format"};
    for_each_field_of<job_offer>([&](const auto& d) { described.emplace_back(d.key); });
    CHECK(keys == described);
    diagnostics diags;
    CHECK(offer_from_json(text, {"t.json", 1, 0, {}}, diags) == testing::full_offer());
    CHECK(diags.empty());
}
