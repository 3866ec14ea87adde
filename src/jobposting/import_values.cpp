// schema.org JobPosting codec — Import: typed readers of JSON values (text, dates, lists, profile, contacts…), with paths.
#include "jobposting/internal.hpp"

namespace offerkit::detail::jp {

// Import.

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
std::optional<date> date_of(const context& c, const json::value* v, const std::string& path, std::string* raw) {
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
        const std::string f = text::fold_words(v->get_string());
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
        if (one)
            s = *one;
        else if (lo && hi)
            s = *lo + "-" + *hi;
        else if (lo)
            s = *lo;
        else if (hi)
            s = *hi;
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
    const std::string f = strip_trailing_punct(text::fold_words(s));
    if (f.empty()) return;
    auto said = [&](const std::string& part) {
        for (const auto& e : conditions)
            if (text::fold_words(e).find(part) != std::string::npos) return true;
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
        if (!s.empty() && text::fold_words(s).find(text::fold_words(*part)) != std::string::npos) return;
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
        if (postal && locality)
            add(*postal + " " + *locality);
        else
            add(locality ? locality : postal);
        if (!locality) add(text_of(c, a.if_contains("addressRegion"), key_path(apath, "addressRegion")));
        auto country = text_of(c, a.if_contains("addressCountry"), key_path(apath, "addressCountry"));
        if (!country)
            if (const auto* co = a.if_contains("addressCountry"); co && co->is_object())
                country = name_of(c, co, key_path(apath, "addressCountry"));
        if (country && text::fold_words(*country) != "nc" && text::fold_words(*country) != "nouvelle caledonie")
            add(country);
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
        else
            one(*e, path);
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
                else if (auto m =
                             scalar_text(c, req.if_contains("monthsOfExperience"), key_path(p, "monthsOfExperience")))
                    experience.push_back(*m + " mois d'expérience");
            } else if (auto t = text_of(c, &v, p)) {
                experience.push_back(*t);
            }
        };
        if (x->is_array())
            for (std::size_t i = 0; i < x->get_array().size(); ++i) one(x->get_array()[i], index_path(path, i));
        else
            one(*x, path);
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

}  // namespace offerkit::detail::jp
