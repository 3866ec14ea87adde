// schema.org JobPosting codec — Export: an offer as a JobPosting object.
#include "jobposting/internal.hpp"

namespace offerkit::detail::jp {

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
        for (std::string one : semicolon_list(*e)) {
            const std::string folded = text::fold_words(one);
            for (const auto& w : employment_words)
                if (text::fold_words(w.french) == folded) {
                    one = w.google;
                    break;
                }
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
    const std::string f = text::fold_words(text);
    if (has(f, "temps partiel") || has(f, "mi temps")) return "PART_TIME";
    if (contains_words(f, "cdd") || has(f, "duree determinee") || has(f, "remplacement")) return "TEMPORARY";
    if (contains_words(f, "stage") || has(f, "stagiaire") || has(f, "apprenti")) return "INTERN";
    if (has(f, "temps complet") || has(f, "temps plein")) return "FULL_TIME";
    return std::nullopt;
}

/// Google's credentialCategory for a diploma phrase, or nothing.
std::optional<std::string_view> credential_category(std::string_view item) {
    const std::string f = text::fold_words(item);
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
    const std::string f = text::fold_words(item);
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
    if (o.posted_on)
        p["datePosted"] = o.posted_on->to_iso();
    else if (o.reference_date)
        p["datePosted"] = o.reference_date->to_iso();
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
    if (o.available_from)
        p["jobStartDate"] = o.available_from->to_iso();
    else if (o.availability)
        p["jobStartDate"] = *o.availability;
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
        const std::string t = s.title ? text::fold_words(*s.title) : std::string();
        const bool exp = has(t, "experience");
        const bool edu = (has(t, "diplome") || has(t, "formation") || has(t, "etudes")) && !has(t, "savoir") &&
                         !has(t, "connaissance");
        const bool qual =
            has(t, "permis") || has(t, "habilitation") || has(t, "qualification") || has(t, "certification");
        for (const auto& item : s.items) {
            if (exp)
                experience.emplace_back(item);
            else if (edu || is_diploma(item)) {
                if (auto cat = credential_category(item))
                    education.emplace_back(json::object{
                        {"@type", "EducationalOccupationalCredential"}, {"credentialCategory", *cat}, {"name", item}});
                else
                    education.emplace_back(item);
            } else if (qual || contains_words(text::fold_words(item), "permis"))
                qualifications.emplace_back(item);
            else
                skills.emplace_back(item);
        }
    }
    if (!skills.empty()) p["skills"] = std::move(skills);
    if (!qualifications.empty()) p["qualifications"] = one_or_many(std::move(qualifications));
    if (!education.empty()) p["educationRequirements"] = one_or_many(std::move(education));
    if (!experience.empty()) p["experienceRequirements"] = one_or_many(std::move(experience));

    // conditions → workHours / specialCommitments / jobBenefits
    std::vector<json::value> hours, commitments, benefits;
    for (const auto& c : o.conditions) {
        const std::string f = text::fold_words(c);
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

json::object posting_value(const job_offer& o, bool extension) {
    json::object p = build_posting(o);
    if (!extension) return p;
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

}  // namespace offerkit::detail::jp
