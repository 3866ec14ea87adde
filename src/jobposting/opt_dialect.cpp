#include "jobposting/internal.hpp"

namespace offerkit::detail::jp {

// OPT-NC's open-data feed: its non-standard `additionalType` object and its
// `informationsLibres` (PropertyValue list), placed into the fields they fill.

void read_additional_type(const context& c, const json::value* at, const std::string& apath, job_offer& r,
                          free_information& free_info, const extra_sink& put_extra) {
    if (at && !at->is_null()) {
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
            r.managed_staff.direct =
                scalar_text(c, aget("nbAgentsEncadresDirects"), key_path(apath, "nbAgentsEncadresDirects"));
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
                        if (value)
                            c.warn(p, "a PropertyValue without a name; its value is kept under \"informationsLibres\"");
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
}

void place_free_information(const free_information& free_info, job_offer& r, const extra_sink& put_extra) {
    for (const auto& [label, value] : free_info) {
        const std::string f = text::fold_words(label);
        if (starts_with(f, "duree de residence")) {
            if (!r.residency_requirement)
                r.residency_requirement = value;
            else
                put_extra(label, value);
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
}

}  // namespace offerkit::detail::jp
