// schema.org JobPosting codec — The `offerkit:` extension: what schema.org cannot carry exactly, both ways.
#include "jobposting/internal.hpp"

namespace offerkit::detail::jp {

std::string ext_key(std::string_view field) { return std::string(ext_prefix) + std::string(field); }

json::value strings_value(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.emplace_back(s);
    return a;
}

namespace {

template <class M>
inline constexpr bool is_optional_v = false;
template <class M>
inline constexpr bool is_optional_v<std::optional<M>> = true;

// ---- writing: one function per type of member (offerkit/fields.hpp gives the fields)

json::value ext_value(const std::string& s) { return json::value(s); }
json::value ext_value(const std::optional<std::string>& s) { return json::value(*s); }
json::value ext_value(const std::optional<date>& d) { return json::value(d->to_iso()); }
json::value ext_value(const std::optional<int>& n) { return json::value(*n); }
template <class E>
requires is_model_enum_v<E> json::value ext_value(E e) {
    return json::value(enum_names<E>::value[static_cast<std::size_t>(e)]);
}
template <class E>
requires is_model_enum_v<E> json::value ext_value(const std::optional<E>& e) { return ext_value(*e); }
json::value ext_value(const std::vector<std::string>& v) { return strings_value(v); }
json::value ext_value(const extra_fields& e) {
    json::array a;
    for (const auto& [k, v] : e) a.emplace_back(json::object{{"@type", "PropertyValue"}, {"name", k}, {"value", v}});
    return a;
}
// An object of the model: its members as `offerkit:<key>`, absent ones left out.
template <class T>
requires has_fields_v<T> json::value ext_value(const T& object) {
    json::object o;
    for_each_field(object, [&](const auto& d, const auto& member) {
        using M = std::remove_cvref_t<decltype(member)>;
        if constexpr (is_optional_v<M>)
            if (!member) return;
        o[ext_key(d.key)] = ext_value(member);
    });
    return o;
}
template <class T>
requires has_fields_v<T> json::value ext_value(const std::vector<T>& objects) {
    json::array a;
    for (const auto& object : objects) a.emplace_back(ext_value(object));
    return a;
}

}  // namespace

/// Adds to `ext` every field of `o` that the schema.org reading `r` does not
/// give back: its value, or its key in `offerkit:unset` when `o` has none.
void add_extension(json::object& ext, const job_offer& o, const job_offer& r) {
    json::array unset;
    for_each_field(o, r, [&](const auto& d, const auto& mine, const auto& read_back) {
        if (mine == read_back) return;
        if (!field_empty(mine))
            ext[ext_key(d.key)] = ext_value(mine);
        else
            unset.emplace_back(d.key);
    });
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

namespace {

// ---- reading: one function per type of member; a wrong type is an error naming the path

void ext_read(const context& c, std::string& m, const json::value& v, const std::string& p) { m = ext_string(c, v, p); }
void ext_read(const context& c, std::optional<std::string>& m, const json::value& v, const std::string& p) {
    m = ext_string(c, v, p);
}
void ext_read(const context& c, std::optional<date>& m, const json::value& v, const std::string& p) {
    m = ext_date(c, v, p);
}
void ext_read(const context& c, std::optional<int>& m, const json::value& v, const std::string& p) {
    if (!v.is_int64() || v.get_int64() < 0 || v.get_int64() > 1000000) c.type_error(p, "a whole number", v);
    m = static_cast<int>(v.get_int64());
}
void ext_read(const context& c, std::vector<std::string>& m, const json::value& v, const std::string& p) {
    m = ext_strings(c, v, p);
}
template <class E>
requires is_model_enum_v<E>
void ext_read(const context& c, E& m, const json::value& v, const std::string& p) {
    const std::string name = ext_string(c, v, p);
    const auto e = enum_from_string<E>(name);
    if (!e) c.value_error(p, "expected " + enum_choices<E>() + ", found \"" + name + "\"");
    m = *e;
}
template <class E>
requires is_model_enum_v<E>
void ext_read(const context& c, std::optional<E>& m, const json::value& v, const std::string& p) {
    ext_read(c, m.emplace(), v, p);
}
void ext_read(const context& c, extra_fields& m, const json::value& v, const std::string& p) {
    if (!v.is_array()) c.type_error(p, "an array of objects", v);
    for (std::size_t i = 0; i < v.get_array().size(); ++i) {
        const std::string ip = index_path(p, i);
        const auto& e = ext_object(c, v.get_array()[i], ip);
        const auto* n = e.if_contains("name");
        const auto* val = e.if_contains("value");
        if (!n) c.type_error(key_path(ip, "name"), "a string", json::value());
        if (!val) c.type_error(key_path(ip, "value"), "a string", json::value());
        std::string label = ext_string(c, *n, key_path(ip, "name"));
        std::string value = ext_string(c, *val, key_path(ip, "value"));
        m.entries.emplace_back(std::move(label), std::move(value));
    }
}
// An object of the model from its `offerkit:<key>` members; absent ones stay unset.
template <class T>
requires has_fields_v<T>
void ext_read(const context& c, T& m, const json::value& v, const std::string& p) {
    const auto& o = ext_object(c, v, p);
    T fresh{};
    for_each_field(fresh, [&](const auto& d, auto& member) {
        if (const auto* x = o.if_contains(ext_key(d.key))) ext_read(c, member, *x, key_path(p, ext_key(d.key)));
    });
    m = std::move(fresh);
}
template <class T>
requires has_fields_v<T>
void ext_read(const context& c, std::vector<T>& m, const json::value& v, const std::string& p) {
    if (!v.is_array()) c.type_error(p, "an array of objects", v);
    m.clear();
    for (std::size_t i = 0; i < v.get_array().size(); ++i)
        ext_read(c, m.emplace_back(), v.get_array()[i], index_path(p, i));
}

}  // namespace

void apply_extension(const context& c, const json::object& o, const std::string& base, job_offer& r) {
    r.extra = {};
    for (const auto& kv : o) {
        std::string_view k = kv.key();
        if (!starts_with(k, ext_prefix)) continue;
        const std::string field(k.substr(ext_prefix.size()));
        const std::string p = key_path(base, k);
        const json::value& v = kv.value();
        if (field == "format") {
            if (ext_string(c, v, p) != job_offer_format)
                c.warn(p, "unknown offerkit format \"" + excerpt(std::string_view(v.get_string())) + "\"; read as " +
                              std::string(job_offer_format));
        } else if (field == "unset") {
            for (const auto& f : ext_strings(c, v, p)) {
                bool found = false;
                for_each_field(r, [&](const auto& d, auto& member) {
                    if (found || d.key != f) return;
                    member = std::remove_cvref_t<decltype(member)>{};
                    found = true;
                });
                if (!found) c.warn(p, "unknown field \"" + excerpt(f) + "\" in offerkit:unset; ignored");
            }
        } else {
            // Within the extension only the model's keys are known; anything else is a warning.
            bool found = false;
            for_each_field(r, [&](const auto& d, auto& member) {
                if (found || d.key != field) return;
                ext_read(c, member, v, p);
                found = true;
            });
            if (!found) c.warn(p, "unknown offerkit property; ignored");
        }
    }
}

}  // namespace offerkit::detail::jp
