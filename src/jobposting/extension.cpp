// schema.org JobPosting codec — The `offerkit:` extension: what schema.org cannot carry exactly, both ways.
#include "jobposting/internal.hpp"

namespace offerkit::detail::jp {

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


}  // namespace offerkit::detail::jp
