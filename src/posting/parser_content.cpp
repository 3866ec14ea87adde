// posting/parser_content.cpp — the lines of each section: continued values, paragraphs, activities, profile, conditions, how to apply.
#include "posting/parser.hpp"

namespace offerkit::posting {

bool parser::open_closed() const {
    if (!open_) return true;
    const auto& s = slots_[static_cast<std::size_t>(*open_)];
    return is_empty_value(s.value) && !trim(s.value).empty();
}

bool parser::try_continue_scalar(const text_line& l, std::string_view text, bool whole_line) {
    if (!open_) return false;
    auto& s = slots_[static_cast<std::size_t>(*open_)];
    if (open_awaiting_) {
        if (l.bullet && !whole_line) return false;
        s.value = std::string(text);
        s.line = l.no;
        open_awaiting_ = false;
        if (!is_text_field(*open_)) open_.reset();
        return true;
    }
    if (!is_text_field(*open_) || open_closed()) return false;
    if (l.bullet || l.from_document) return false;  // a document's paragraph never wraps onto the next
    bool cont = false;
    // several values on the line above: the one left on a connector ("Direction : du") gets the rest
    if (last_text_line_ == open_line_ && last_text_field_ != *open_ && last_text_field_ != field::unknown &&
        !ends_connector(s.value)) {
        auto& last = slots_[static_cast<std::size_t>(last_text_field_)];
        if (ends_connector_word(last.value)) {
            last.value += " ";
            last.value += text;
            return true;
        }
    }
    if (zone_ == zone::header) {
        cont = true;
        if (hanging_ && *hanging_ != *open_ && !ends_connector(s.value)) {
            auto& h = slots_[static_cast<std::size_t>(*hanging_)];
            h.value += " ";
            h.value += text;
            hanging_.reset();
            return true;
        }
    } else if (starts_lower(text) || word_count(text) <= 2 || ends_connector(s.value))
        cont = true;
    if (!cont) return false;
    s.value += " ";
    s.value += text;
    return true;
}

/// The two-column layout of the postings makes converters move the end of a
/// wrapped "Lieu de travail" value ("NOUMEA CEDEX", "Pouembout") a few lines down,
/// after another label or between two paragraphs of the missions. Such a line goes
/// back to the location: in the header when the location visibly lacks its end (a
/// postal code, a connector) and the line reads as a town; in prose when a lone
/// line of capitalised words sits between two complete paragraphs.
bool parser::try_location_tail(std::size_t idx, std::string_view text) {
    const text_line& l = lines_[idx];
    if (location_tail_taken_ || l.bullet || l.heading > 0 || l.number > 0 || trim(text).size() > 40) return false;
    if (!address_tail(text, true)) return false;  // the loose test includes the strict one: most lines stop here
    if (open_ && *open_ == field::location) return false;  // the ordinary continuation
    auto& loc = slots_[static_cast<std::size_t>(field::location)];
    if (!loc.set || loc.line >= l.no || is_empty_value(loc.value)) return false;
    const bool prose = section_ == field::missions || section_ == field::details || section_ == field::context;
    if (!(zone_ == zone::header || prose || section_ == field::unknown)) return false;
    const std::string_view v = trim(loc.value);
    const std::string_view end = v.size() >= 5 ? v.substr(v.size() - 5) : v;
    const bool postal_end = v.size() >= 5 &&
                            std::all_of(end.begin(), end.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                            (v.size() == 5 || v[v.size() - 6] == ' ');
    const bool lacks_end = postal_end || ends_connector(v);
    // a value labelled just above may be the one wrapped ("Superviseur" / "Grand Nord")
    const bool open_text = open_ && is_text_field(*open_) && !open_closed() && !open_awaiting_;
    const bool open_unfinished = open_text && ends_connector(slots_[static_cast<std::size_t>(*open_)].value);
    bool take = lacks_end && !open_unfinished && address_tail(text, false);
    if (!take && prose && !open_text && word_count(text) <= 3 && address_tail(text, true)) {
        const auto& list = section_ == field::missions ? offer_.missions : offer_.description;
        take = !list.empty() && ends_terminal(list.back()) && !next_is_bullet(idx);
    }
    if (!take) return false;
    loc.value += " ";
    loc.value += std::string(trim(text));
    location_tail_taken_ = true;
    return true;
}

void parser::on_text(std::size_t idx, std::string_view text, bool whole_line, bool from_label) {
    const text_line& l = lines_[idx];
    text = trim(text);
    if (text.empty()) return;
    if (label_tail_pending_ && whole_line && !from_label && l.all_bold() && starts_lower(text) &&
        word_count(text) <= 3) {
        label_tail_pending_ = false;  // the rest of a label split by the converter, not content
        return;
    }
    // a long bold paragraph among list items is prose about the post (description), not an item or a title
    if (whole_line && !from_label && l.all_bold() && !l.bullet && l.heading == 0 && word_count(text) > 20 &&
        (section_ == field::profile || section_ == field::activities || section_ == field::conditions)) {
        offer_.description.emplace_back(trim(text));
        return;
    }
    if (!from_label && whole_line && try_location_tail(idx, text)) return;
    if (!from_label) {
        // an unlabelled line naming the direction right after the employer
        if (zone_ == zone::header && last_label_ == field::employer && whole_line &&
            !slots_[static_cast<std::size_t>(field::direction)].set && starts_with(fold(text), "direction ")) {
            set_scalar(field::direction, text, l.no);
            open_ = field::direction;
            open_line_ = l.no;
            open_awaiting_ = false;
            return;
        }
        if (whole_line && l.heading == 0 && !(open_ && open_awaiting_) &&
            (section_ == field::unknown || section_ == field::details || section_ == field::missions ||
             section_ == field::context) &&
            looks_like_unknown_label(l, text) && try_unknown_label(idx, text))
            return;
        if (section_ != field::apply && section_ != field::contact && section_ != field::activities &&
            section_ != field::profile && section_ != field::conditions && try_continue_scalar(l, text, whole_line))
            return;
        if ((section_ == field::activities || section_ == field::profile || section_ == field::conditions) && open_ &&
            (open_awaiting_ || (!l.bullet && (starts_lower(text) || word_count(text) <= 2))) &&
            try_continue_scalar(l, text, whole_line))
            return;
        open_.reset();
        if (whole_line && l.heading == 0 &&
            (section_ == field::unknown || section_ == field::details || section_ == field::missions ||
             section_ == field::context) &&
            try_unknown_label(idx, text))
            return;
    }
    if (section_ == field::unknown && !extra_label_.empty() && !(l.heading > 0 && whole_line && !from_label)) {
        extra_values_.push_back(text::squeeze_space(text));
        return;
    }
    if (section_ == field::unknown && (zone_ == zone::header || !extra_label_.empty()) && l.heading > 0 && whole_line) {
        flush_extra();
        // an unknown heading before the body: its lines go to `extra`
        const std::string t = clean_title(text);
        if (!t.empty()) {
            extra_label_ = t;
            extra_line_ = l.no;
            return;
        }
    }
    content(idx, l, text, from_label);
}

bool parser::looks_like_unknown_label(const text_line& l, std::string_view text) const {
    if (l.bullet) return false;
    const std::size_t colon = text.find(" :");
    const std::size_t colon2 = text.find(": ");
    const std::size_t c = std::min(colon, colon2);
    if (c == std::string_view::npos || c == 0) return false;
    const std::string_view label = trim(text.substr(0, c));
    const std::string_view value = trim(text.substr(c + 2));
    return !value.empty() && word_count(label) <= 4 && starts_upper(label) &&
           label.find_first_of(".,;()") == std::string_view::npos;
}

bool parser::try_unknown_label(std::size_t idx, std::string_view text) {
    const text_line& l = lines_[idx];
    if (l.bullet) return false;
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    const std::string_view label = trim(text.substr(0, colon));
    const std::string_view value = trim(text.substr(colon + 1));
    if (label.empty() || word_count(label) > 5 || !starts_upper(label)) return false;
    if (label.find('.') != std::string_view::npos || label.find(',') != std::string_view::npos) return false;
    if (starts_with(value, "//")) return false;  // a URL
    flush_extra();
    if (value.empty()) {
        extra_label_ = std::string(label);
        extra_line_ = l.no;
        section_ = field::unknown;
        return true;
    }
    offer_.extra.set(std::string(label), text::squeeze_space(value));
    return true;
}

void parser::content(std::size_t idx, const text_line& l, std::string_view text, bool from_label) {
    text_line pseudo;
    const text_line* line = &l;
    if (from_label) {
        // the rest of a label line: it may start with its own bullet ("Missions : - Renforcer…")
        pseudo.no = l.no;
        pseudo.bullet = l.bullet;  // "- **Activités principales** Manager …": the rest is an item
        std::string_view t = trim(text);
        static constexpr std::string_view bullets[] = {"- ", "\u2022", "\u25CF", "\u2013 ", "* "};
        for (auto b : bullets)
            if (starts_with(t, b)) {
                pseudo.bullet = true;
                t = trim(t.substr(b.size()));
                break;
            }
        pseudo.text = std::string(t);
        line = &pseudo;
        text = pseudo.text;
    }
    for (const auto& u : l.links)
        if (section_ == field::apply || section_ == field::contact) urls_.push_back(u.url);
    switch (section_) {
        case field::details:
        case field::context: paragraph(offer_.description, *line, text); return;
        case field::missions: paragraph(offer_.missions, *line, text); return;
        case field::activities: activity_line(idx, *line, text, from_label); return;
        case field::conditions: condition_line(*line, text); return;
        case field::profile: profile_line(idx, *line, text); return;
        case field::contact:
            if (!contact_text_.empty()) contact_text_ += "\n";
            contact_text_ += std::string(text);
            return;
        case field::apply: apply_line(*line, text); return;
        default: break;
    }
    warn(l.no, "line could not be placed in any field: \"" + std::string(text.substr(0, 60)) +
                   (text.size() > 60 ? "…" : "") + "\"");
}

void parser::paragraph(std::vector<std::string>& list, const text_line& l, std::string_view text) {
    const std::string t(trim(text));  // cleaned lines are already squeezed
    if (t.empty() || t == ".") return;
    // a text line that starts in lower case continues a wrapped paragraph; a
    // document's paragraph is whole already
    if (!l.bullet && !list.empty() && !l.from_document &&
        (starts_lower(t) || (word_count(t) <= 2 && !ends_terminal(list.back()) && l.heading == 0))) {
        list.back() += " " + t;
        return;
    }
    list.push_back(t);
}

void parser::activity_line(std::size_t idx, const text_line& l, std::string_view text, bool from_label) {
    std::string t(trim(text));  // cleaned lines are already squeezed
    if (t.empty() || t == ".") return;
    auto& acts = offer_.activities;
    const bool dash_bullet = l.bullet && l.number == 0;
    // continuation of the previous item
    if (!dash_bullet && l.number == 0 && !l.from_document && activity_open_ && !acts.back().items.empty() &&
        starts_lower(t)) {
        acts.back().items.back() += " " + t;
        return;
    }
    bool title = false;
    if (!dash_bullet) {
        const std::size_t words = word_count(t);
        const bool colon_end = ends_with(t, ":");
        const bool inner_colon = t.find(": ") != std::string::npos && !colon_end;
        if (l.heading > 0 || l.all_bold()) title = !inner_colon || colon_end;
        if (!inner_colon && colon_end && words <= 14) title = true;
        if (!inner_colon && !ends_terminal(t) && words <= 12 && next_is_bullet(idx)) title = true;
        if (l.number > 0 && (colon_end || next_is_bullet(idx))) title = true;
        if (from_label && !next_is_bullet(idx) && !colon_end) title = false;
        if (title && colon_end && is_intro_sentence(t)) title = false;  // "Le titulaire du poste est chargé de :"
    }
    if (title) {
        acts.push_back({kind_, clean_title(t), {}});
        activity_open_ = true;
        return;
    }
    if (!activity_open_ || acts.empty() || acts.back().kind != kind_) {
        acts.push_back({kind_, std::nullopt, {}});
        activity_open_ = true;
    }
    acts.back().items.push_back(std::move(t));
}

void parser::profile_line(std::size_t idx, const text_line& l, std::string_view text) {
    std::string t(trim(text));  // cleaned lines are already squeezed
    if (t.empty() || t == ".") return;
    auto& prof = offer_.profile;
    const bool note_like = (t.size() > 16 && (t[0] == 'L' || t[0] == 'l')) || starts_with(t, "(*)");
    const std::string f = note_like ? fold(std::string_view(t).substr(0, 40)) : std::string();
    if (note_like && (starts_with(f, "les competences suivies") || starts_with(f, "les competences marquees") ||
                      starts_with(f, "les competences signalees") || starts_with(f, "(*)"))) {
        prof.push_back({std::nullopt, {t}});
        profile_open_ = true;
        return;
    }
    if (!l.bullet && !l.from_document && profile_open_ && !prof.back().items.empty() &&
        (starts_lower(t) || ends_connector_word(prof.back().items.back()))) {
        prof.back().items.back() += " " + t;
        return;
    }
    bool title = false;
    if (!l.bullet || l.number > 0) {
        const bool colon_end = ends_with(t, ":");
        const bool inner_colon = t.find(": ") != std::string::npos && !colon_end;
        if ((l.heading > 0 || l.all_bold()) && !inner_colon) title = true;
        if (colon_end && word_count(t) <= 8 && !is_intro_sentence(t)) title = true;
    }
    (void)idx;
    if (title) {
        prof.push_back({clean_title(t), {}});
        profile_open_ = true;
        return;
    }
    if (!profile_open_ || prof.empty()) {
        prof.push_back({std::nullopt, {}});
        profile_open_ = true;
    }
    prof.back().items.push_back(std::move(t));
}

void parser::condition_line(const text_line& l, std::string_view text) {
    std::string t(trim(text));  // cleaned lines are already squeezed
    if (t.empty() || t == ".") return;
    // two labelled lines glued by the converter: "Fourniture … : / Régimes indemnitaires … : …"
    for (std::size_t at = t.find(": / "); at != std::string::npos; at = t.find(": / ", at + 1)) {
        const std::string_view rest = trim(std::string_view(t).substr(at + 4));
        if (rest.size() > 3 && starts_upper(rest) && rest.find(':') != std::string_view::npos) {
            condition_line(l, std::string_view(t).substr(0, at + 3));
            text_line cont;
            cont.no = l.no;
            condition_line(cont, rest);
            return;
        }
    }
    auto& c = offer_.conditions;
    const bool labelled = t.find(':') != std::string::npos;
    if (!c.empty() && (ends_with(c.back(), ":") || (cond_collect_ && !labelled) ||
                       (!l.bullet && !l.from_document && starts_lower(t)))) {
        if (ends_with(c.back(), ":")) cond_collect_ = true;
        c.back() += " " + t;
        return;
    }
    cond_collect_ = false;
    c.push_back(std::move(t));
}

// The JSON field a section's text goes to, for offer.links.
static std::optional<std::string> field_key_of(field section) {
    switch (section) {
        case field::details:
        case field::context: return "description";
        case field::missions: return "missions";
        case field::activities:
        case field::main_activities:
        case field::secondary_activities: return "activities";
        case field::conditions: return "conditions";
        case field::profile:
        case field::profile_part: return "profile";
        case field::contact:
        case field::contact_continued: return "contacts";
        case field::apply: return "how_to_apply";
        default: return std::nullopt;
    }
}

void parser::keep_links(const text_line& l) {
    for (const auto& u : l.links) {
        if (u.url.empty()) continue;
        // "[drh@opt.nc](mailto:drh@opt.nc)": the address is in the text already.
        if (text::iequals_ascii(std::string_view(u.url).substr(0, std::min<std::size_t>(u.url.size(), 7)), "mailto:") &&
            text::iequals_ascii(std::string_view(u.url).substr(7), u.text))
            continue;
        const std::string f = fold(u.text);
        // A link whose words name the posting's own document.
        if (f.find("pdf original") != std::string::npos || f.find("document original") != std::string::npos ||
            f.find("version pdf") != std::string::npos) {
            document_urls_.push_back(u.url);
            continue;
        }
        // A PDF's link covers whole words: "ligne." gives "ligne".
        const std::string words = trim_trailing_marks(u.text, ".,;:");
        hyperlink h{field_key_of(section_), words.empty() ? std::nullopt : std::optional<std::string>(words), u.url};
        if (std::find(offer_.links.begin(), offer_.links.end(), h) == offer_.links.end())
            offer_.links.push_back(std::move(h));
    }
}

void parser::apply_line(const text_line& l, std::string_view text) {
    std::string t(trim(text));  // cleaned lines are already squeezed
    if (t.empty() || t == ".") return;
    for (const auto& u : l.links) urls_.push_back(u.url);
    // bare addresses written in the text ("… sur https://emploi.example.nc/offre/12")
    for (std::size_t at = t.find("http"); at != std::string::npos; at = t.find("http", at + 4)) {
        if (t.compare(at, 7, "http://") != 0 && t.compare(at, 8, "https://") != 0) continue;
        std::size_t e = at;
        while (e < t.size() && t[e] != ' ' && t[e] != ')' && t[e] != '>' && t[e] != '"') ++e;
        while (e > at && (t[e - 1] == '.' || t[e - 1] == ',' || t[e - 1] == ';')) --e;
        urls_.push_back(t.substr(at, e - at));
    }
    auto& a = offer_.how_to_apply;
    if (!l.bullet && !l.from_document && !a.empty() && starts_lower(t) && !starts_with(t, "(")) {
        a.back() += " " + t;
        return;
    }
    a.push_back(std::move(t));
}

}  // namespace offerkit::posting
