// schema.org JobPosting codec — Documents: an object, an array, an @graph or an ItemList, and the public entry points.
#include "jobposting/internal.hpp"

namespace offerkit::detail::jp {

// Documents: object, array, @graph, ItemList.

void collect_ids(const json::value& v, id_map& ids, int depth) {
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

}  // namespace offerkit::detail::jp

namespace offerkit {

namespace detail {

using namespace jp;

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
    return to_jobposting_json(offer, pretty, jobposting_vocabulary::offerkit);
}

std::string to_jobposting_json(const job_offer& offer, bool pretty, jobposting_vocabulary v) {
    std::string out;
    detail::jsonld::write_json(out, detail::jp::posting_value(offer, v == jobposting_vocabulary::offerkit), pretty);
    // JSON-LD is made to be embedded in <script type="application/ld+json">:
    // a "</script>" in a title must not end that element (stored XSS). `<`,
    // `>` and `&` can only stand inside strings, where \u003c… mean the same.
    if (out.find_first_of("<>&") == std::string::npos) return out;
    std::string safe;
    safe.reserve(out.size() + 32);
    for (char c : out) {
        if (c == '<')
            safe += "\\u003c";
        else if (c == '>')
            safe += "\\u003e";
        else if (c == '&')
            safe += "\\u0026";
        else
            safe += c;
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
            while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
                line.remove_suffix(1);
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
    std::string_view property;
    visit_field<job_offer>(field, [&](const auto& d) { property = d.jobposting; });
    return property;
}

}  // namespace offerkit
