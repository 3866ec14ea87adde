// schema.org JobPosting codec — The description HTML: headings that the export writes and the import reads.
#include "jobposting/internal.hpp"

namespace offerkit::detail::jp {

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
    const std::string f = text::fold_words(left);
    static constexpr std::string_view description_words[] = {
        "contexte", "details de l'offre", "description", "description du poste", "le poste", "contexte du poste"};
    static constexpr std::string_view missions_words[] = {
        "missions", "mission", "missions du poste", "vos missions", "missions principales", "mission principale"};
    static constexpr std::string_view main_words[] = {"activites principales",
                                                      "activites du poste",
                                                      "activites",
                                                      "principales",
                                                      "responsabilites principales du poste",
                                                      "responsabilites principales",
                                                      "responsabilites",
                                                      "vos activites",
                                                      "activites principales du poste"};
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
    if (in(missions_words))
        h.kind = heading_kind::missions;
    else if (in(description_words))
        h.kind = heading_kind::description;
    return h;
}

std::string html_text(std::string_view s) {
    std::string e = jsonld::html_escape(s);
    std::string out;
    for (char c : e) {
        if (c == '\n')
            out += "<br>";
        else if (c != '\r')
            out += c;
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
    if (plain.empty() || text::fold_words(plain) == text::fold_words(o.title))
        h += "<p>" + html_text(fallback_description(o)) + "</p>";
    return h;
}

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

}  // namespace offerkit::detail::jp
