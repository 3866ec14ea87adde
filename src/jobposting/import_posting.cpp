// schema.org JobPosting codec — Import: one JobPosting object into an offer.
#include "jobposting/internal.hpp"

namespace offerkit::detail::jp {

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
            if (*value == "true")
                value = "oui";
            else if (*value == "false")
                value = "non";
        } else if (key == "employmentType") {
            std::string words;
            for (std::string one : semicolon_list(*value)) {
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
    if (title)
        r.title = *title;
    else if (name)
        r.title = *name;
    if (title && name && *name != *title) put_extra("name", name);
    put_extra("alternateName", text_of(c, get("alternateName"), path("alternateName")));
    put_extra("disambiguatingDescription",
              text_of(c, get("disambiguatingDescription"), path("disambiguatingDescription")));

    // employer, direction
    if (const auto* h = get("hiringOrganization"); h && !h->is_null()) {
        const std::string hpath = path("hiringOrganization");
        if (auto n = name_of(c, h, hpath)) r.employer = *n;
        if (h->is_object()) {
            const json::object& org = *resolve(c, h->get_object());
            if (const auto* d = org.if_contains("department"))
                r.direction = name_of(c, d, key_path(hpath, "department"));
            for (std::string_view k : {"url", "logo", "sameAs"})
                if (const auto* x = org.if_contains(k))
                    put_extra("hiringOrganization." + std::string(k), render(c, *x));
        }
    }
    if (const auto* ow = get("owner"); ow && !ow->is_null()) {
        auto n = name_of(c, ow, path("owner"));
        if (r.employer.empty() && n)
            r.employer = *n;
        else if (n && text::fold_words(*n) != text::fold_words(r.employer))
            put_extra("owner", n);
    }
    if (r.employer.empty() && identifier_name) r.employer = *identifier_name;
    if (auto ov = text_of(c, get("employerOverview"), path("employerOverview"));
        ov && text::fold_words(*ov) != text::fold_words(r.employer))
        put_extra("employerOverview", ov);

    // OPT-NC's additionalType object (schema.org's additionalType is a URL: kept in extra)
    free_information free_info;  // informationsLibres in order
    read_additional_type(c, get("additionalType"), path("additionalType"), r, free_info, put_extra);

    // unit
    if (const auto* eu = get("employmentUnit"); eu && !eu->is_null()) {
        auto n = name_of(c, eu, path("employmentUnit"));
        if (!r.unit)
            r.unit = n;
        else if (n && text::fold_words(*n) != text::fold_words(*r.unit))
            put_extra("employmentUnit", n);
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
        if (l && (!r.location || text::fold_words(*l) != text::fold_words(*r.location)))
            put_extra("applicantLocationRequirements", l);
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
    if (auto imm = bool_of(c, get("jobImmediateStart"), path("jobImmediateStart"));
        imm && *imm && !r.availability && !r.available_from)
        r.availability = "dès que possible";

    // openings
    if (const auto* n = get("totalJobOpenings"); n && !n->is_null()) {
        const std::string npath = path("totalJobOpenings");
        if (n->is_int64() && n->get_int64() >= 0 && n->get_int64() <= 1000000)
            r.openings = static_cast<int>(n->get_int64());
        else if (n->is_uint64() && n->get_uint64() <= 1000000)
            r.openings = static_cast<int>(n->get_uint64());
        else if (n->is_number()) {
            c.warn(npath, json_excerpt(*n) + " is not a number of posts (0 to 1000000); kept in extra");
            put_extra("totalJobOpenings", scalar_text(c, n, npath));
        } else if (n->is_string()) {
            auto t = clean(n->get_string());
            if (t && t->size() <= 6 &&
                std::all_of(t->begin(), t->end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
                r.openings = std::stoi(*t);
            else if (t)
                put_extra("totalJobOpenings", t);
        } else
            c.type_error(npath, "a whole number", *n);
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
    place_free_information(free_info, r, put_extra);

    // residency
    if (auto e = text_of(c, get("eligibilityToWorkRequirement"), path("eligibilityToWorkRequirement"))) {
        std::string v = *e;
        if (starts_with(text::fold_words(v), "duree de residence")) {
            if (auto colon = v.find(':'); colon != std::string::npos)
                v = text::collapse_ascii_space(v.substr(colon + 1));
        }
        if (!r.residency_requirement)
            r.residency_requirement = clean(v);
        else if (text::fold_words(*r.residency_requirement).find(text::fold_words(v)) == std::string::npos)
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

}  // namespace offerkit::detail::jp
